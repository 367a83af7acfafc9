// Raw IP link types: LINKTYPE_RAW (101, also DLT 12 and 14 as Linux libpcap writes them),
// LINKTYPE_IPV4 (228) and LINKTYPE_IPV6 (229) (https://www.tcpdump.org/linktypes.html;
// Wireshark packet-raw.c, and packet-ip.c / packet-ipv6.c for 228 / 229).
//
// LINKTYPE_RAW: "Raw IP; the packet begins with an IPv4 or IPv6 header, with the version field of
// the header indicating whether it's an IPv4 or IPv6 header." Wireshark shows a `raw` item over the
// whole frame, then looks for the leftovers of old Linux PPP and ISDN drivers before the version
// nibble: a PPP-in-HDLC start (FF 03) at byte 0, 6 or 1, or 10 zero bytes before an IPv4 packet.
// LINKTYPE_IPV4 and LINKTYPE_IPV6 go straight to IPv4 / IPv6, with no `raw` item.

import { FT, registerFields } from '../fields/registry.ts';
import type { Ctx, Dissector } from './context.ts';
import { noAddressColumns } from './link-columns.ts';
import { dissectData } from './data.ts';
import { bind, dissectorByName, registerDissector } from './tables.ts';

const PPP_HDLC_START = 0xff03;
/** Offsets where the Linux ISDN driver leaves an HDLC-framed PPP header (after a fake MAC, or one byte). */
const ISDN_FAKE_MAC = 6;
const ISDN_ONE_BYTE = 1;
/** "if the connection is currently down, it sends 10 bytes of zeroes". */
const ZEROES = 10;

export const F = registerFields({
  raw: { name: 'raw', label: 'Raw packet data', type: FT.PROTOCOL },
});

let pppHdlc: Dissector | undefined;

function ppp(c: Ctx, off: number, end: number): void {
  c.colProtocol = null;
  c.call((pppHdlc ??= dissectorByName('ppp_hdlc')) ?? dissectData, off, end);
}

function zeroes(c: Ctx, off: number, end: number): boolean {
  if (off + ZEROES > Math.min(end, c.b.length)) return false;
  for (let i = 0; i < ZEROES; i++) if (c.b[off + i] !== 0) return false;
  return true;
}

export function dissectRaw(c: Ctx, off: number, end: number): void {
  noAddressColumns(c);
  c.proto(F.raw, off, c.b.length);
  c.f.pop();
  // Each probe reads its two bytes as Wireshark does (tvb_get_ntohs), so a frame shorter than 8
  // bytes stops here as truncated or malformed, after the `raw` item.
  if (!c.has(off, 2, end)) return;
  if (c.u16(off) === PPP_HDLC_START) return ppp(c, off, end);
  if (!c.has(off + ISDN_FAKE_MAC, 2, end)) return;
  if (c.u16(off + ISDN_FAKE_MAC) === PPP_HDLC_START) return ppp(c, off + ISDN_FAKE_MAC, end);
  if (c.u16(off + ISDN_ONE_BYTE) === PPP_HDLC_START) return ppp(c, off + ISDN_ONE_BYTE, end);
  if (zeroes(c, off, end)) {
    c.colProtocol = null;
    c.call(c.tables.lookup('ethertype', 0x0800) ?? dissectData, off + ZEROES, end);
    return;
  }
  let d: Dissector | undefined;
  switch (c.u8(off) & 0xf0) {
    case 0x40:
      d = c.tables.lookup('ethertype', 0x0800);
      break;
    case 0x60:
      d = c.tables.lookup('ethertype', 0x86dd);
      break;
  }
  // (the payload's dissector names the Protocol column; undissected, it stays "N/A")
  if (d !== undefined) c.colProtocol = null;
  c.call(d ?? dissectData, off, end);
}

registerDissector('raw', dissectRaw);
bind('wtap_encap', 101, 'raw');
bind('wtap_encap', 12, 'raw');
bind('wtap_encap', 14, 'raw');
bind('wtap_encap', 228, 'ip');
bind('wtap_encap', 229, 'ipv6');
