// BSD loopback encapsulation: LINKTYPE_NULL (0) and OpenBSD LINKTYPE_LOOP (108)
// (https://www.tcpdump.org/linktypes/LINKTYPE_NULL.html; Wireshark packet-null.c).
//
//   +---------------------------------------+---------------
//   | address family (4 bytes)              | IPv4 / IPv6 …
//   +---------------------------------------+---------------
// LINKTYPE_NULL: "the link layer header is a 4-byte field, in host byte order, containing a
// value of 2 for IPv4 packets, a value of either 24, 28, or 30 for IPv6 packets". The host is not
// recorded, so Wireshark guesses the byte order from the value (AF_ values are small), also
// accepting IRIX's 16-bit family in the upper half and old Linux's EtherType; a frame starting
// FF 03 is PPP in HDLC-like framing. LINKTYPE_LOOP stores the family in network byte order.

import { Base, FT, names, registerFields } from '../fields/registry.ts';
import type { Ctx, Dissector } from './context.ts';
import { noAddressColumns } from './link-columns.ts';
import { dissectData } from './data.ts';
import { ETHERTYPE_NAMES } from './ethernet.ts';
import { IEEE_802_3_MAX_LEN } from './ethertype.ts';
import { bind, dissectorByName, registerDissector } from './tables.ts';

const FAMILY = 0;
export const NULL_HEADER_LEN = FAMILY + 4;
const PPP_HDLC_START = 0xff03;

const BSD_AF_INET = 2;
const BSD_AF_INET6_BSD = 24;
const BSD_AF_INET6_FREEBSD = 28;
const BSD_AF_INET6_DARWIN = 30;

export const F = registerFields({
  null: { name: 'null', label: 'Null/Loopback', type: FT.PROTOCOL },
  type: { name: 'null.type', label: 'Type', type: FT.UINT, base: Base.HEX, bits: 16, names: ETHERTYPE_NAMES },
  family: {
    name: 'null.family', label: 'Family', type: FT.UINT, bits: 32,
    names: names([[BSD_AF_INET, 'IP'], [7, 'OSI'], [16, 'Appletalk'], [23, 'Netware IPX/SPX'], [BSD_AF_INET6_BSD, 'IPv6'], [BSD_AF_INET6_FREEBSD, 'IPv6'], [BSD_AF_INET6_DARWIN, 'IPv6']]),
  },
});

let pppHdlc: Dissector | undefined;

/** The family as Wireshark reads it: little-endian (its host order), then byte-order guesses. */
function family(c: Ctx, off: number): number {
  const b = c.b;
  let v = ((b[off] as number) | ((b[off + 1] as number) << 8) | ((b[off + 2] as number) << 16) | ((b[off + 3] as number) << 24)) >>> 0;
  if ((v & 0xffff0000) !== 0) {
    // IRIX / UNICOS/mp put a 16-bit AF_ value in the upper half; otherwise swap the 32 bits.
    if ((v & 0xff000000) === 0 && (v & 0x00ff0000) < 0x00060000) v >>>= 16;
    else v = c.u32(off);
  } else if ((v & 0x000000ff) === 0 && (v & 0x0000ff00) < 0x00000600) {
    v = ((v & 0xff) << 8) | ((v >> 8) & 0xff);
  }
  return v;
}

export function dissectNull(c: Ctx, off: number, end: number): void {
  if (!c.has(off, 2, end)) return;
  if (c.u16(off) === PPP_HDLC_START) {
    c.call((pppHdlc ??= dissectorByName('ppp_hdlc')) ?? dissectData, off, end);
    return;
  }
  noAddressColumns(c);
  if (!c.has(off, NULL_HEADER_LEN, end)) return;
  const v = family(c, off);
  c.proto(F.null, off, off + NULL_HEADER_LEN);
  if (v > IEEE_802_3_MAX_LEN) {
    // Old Linux DLT_NULL: 2 zero bytes and an EtherType.
    c.f.add(F.type, off, NULL_HEADER_LEN, v & 0xffff);
    c.f.pop();
    payload(c, c.tables.lookup('ethertype', v & 0xffff), off + NULL_HEADER_LEN, end);
    return;
  }
  c.f.add(F.family, off, NULL_HEADER_LEN, v);
  c.f.pop();
  payload(c, c.tables.lookup('null.type', v), off + NULL_HEADER_LEN, end);
}

/** The payload by its dissector, which names the Protocol column; undissected, it stays "N/A". */
function payload(c: Ctx, d: Dissector | undefined, off: number, end: number): void {
  if (d !== undefined) c.colProtocol = null;
  c.call(d ?? dissectData, off, end);
}

/** OpenBSD DLT_LOOP: the same family values in network byte order, no guessing. */
export function dissectLoop(c: Ctx, off: number, end: number): void {
  noAddressColumns(c);
  if (!c.has(off, NULL_HEADER_LEN, end)) return;
  const v = c.u32(off);
  c.proto(F.null, off, off + NULL_HEADER_LEN);
  c.f.add(F.family, off, NULL_HEADER_LEN, v);
  c.f.pop();
  payload(c, c.tables.lookup('null.type', v), off + NULL_HEADER_LEN, end);
}

registerDissector('null', dissectNull);
registerDissector('null_loop', dissectLoop);
bind('wtap_encap', 0, 'null');
bind('wtap_encap', 108, 'null_loop');
bind('null.type', BSD_AF_INET, 'ip');
bind('null.type', BSD_AF_INET6_BSD, 'ipv6');
bind('null.type', BSD_AF_INET6_FREEBSD, 'ipv6');
bind('null.type', BSD_AF_INET6_DARWIN, 'ipv6');
