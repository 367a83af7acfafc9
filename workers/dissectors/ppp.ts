// PPP frames as captured: LINKTYPE_PPP (9) and LINKTYPE_PPP_HDLC (50), PPP inside PPTP's GRE and
// behind EtherType 0x880b (RFC 1661 §2, RFC 1662 §3; Wireshark packet-ppp.c, dissect_ppp_hdlc).
//
//   +----------+----------+----------------+-------------
//   | Address  | Control  | Protocol (1|2) | Information …
//   |   0xff   |   0x03   |                |
//   +----------+----------+----------------+-------------
// "PPP in HDLC-like Framing" (RFC 1662) starts with address 0xff and control 0x03, which may be
// compressed away (ACFC); a frame starting with a Cisco HDLC address (0x0f / 0x8f) is Cisco HDLC.
// "Protocol-Field-Compression": a protocol value whose first byte is odd is one byte long
// (RFC 1661 §6.5). The FCS is not in captures (Wireshark's default, ppp.fcs_type none).

import { Base, FT, names, registerFields } from '../fields/registry.ts';
import type { Ctx, Dissector } from './context.ts';
import { pointToPointColumns } from './link-columns.ts';
import { dissectData } from './data.ts';
import { bind, dissectorByName, registerDissector } from './tables.ts';

const ADDRESS = 0;
const CONTROL = 1;
const HDLC_HEADER_LEN = CONTROL + 1;
const ALL_STATIONS = 0xff;
const CHDLC_ADDR_UNICAST = 0x0f;
const CHDLC_ADDR_MULTICAST = 0x8f;
const PFC_BIT = 0x01;

export const PPP_PROTOCOL_NAMES = names([
  [0x0021, 'Internet Protocol version 4'], [0x0029, 'Appletalk'], [0x002b, 'Novell IPX'],
  [0x002d, 'Van Jacobson Compressed TCP/IP'], [0x002f, 'Van Jacobson Uncompressed TCP/IP'],
  [0x003d, 'PPP Multilink'], [0x004b, 'SNA over 802.2'], [0x0057, 'Internet Protocol version 6'],
  [0x00fd, 'Compressed datagram'], [0x0281, 'MPLS Unicast'], [0x0283, 'MPLS Multicast'],
  [0x8021, 'Internet Protocol Control Protocol'], [0x8057, 'IPv6 Control Protocol'],
  [0x80fd, 'Compression Control Protocol'], [0x8281, 'MPLS Control Protocol'],
  [0xc021, 'Link Control Protocol'], [0xc023, 'Password Authentication Protocol'],
  [0xc025, 'Link Quality Report'], [0xc223, 'Challenge Handshake Authentication Protocol'],
  [0xc227, 'Extensible Authentication Protocol'],
]);

export const F = registerFields({
  ppp: { name: 'ppp', label: 'Point-to-Point Protocol', type: FT.PROTOCOL },
  address: { name: 'ppp.address', label: 'Address', type: FT.UINT, base: Base.HEX, bits: 8 },
  control: { name: 'ppp.control', label: 'Control', type: FT.UINT, base: Base.HEX, bits: 8 },
  protocol: { name: 'ppp.protocol', label: 'Protocol', type: FT.UINT, base: Base.HEX, bits: 16, names: PPP_PROTOCOL_NAMES },
});

let chdlc: Dissector | undefined;

/**
 * dissect_ppp_common: the protocol field at `off` (the item `ppp` already open and spanning from
 * `start`), then the payload by protocol number.
 */
function common(c: Ctx, ppp: number, start: number, off: number, end: number): void {
  const f = c.f;
  if (!c.has(off, 1, end)) return;
  let protocol = c.u8(off);
  let len = 1;
  if (!(protocol & PFC_BIT)) {
    if (!c.has(off, 2, end)) return;
    protocol = c.u16(off);
    len = 2;
  }
  f.len[ppp] = off + len - start;
  f.add(F.protocol, off, len, protocol);
  f.pop();
  c.call(c.tables.lookup('ppp.protocol', protocol) ?? dissectData, off + len, end);
}

/** PPP in HDLC-like framing, or Cisco HDLC when the address byte says so. */
export function dissectPppHdlc(c: Ctx, off: number, end: number): void {
  if (!c.has(off, 1, end)) return;
  const b0 = c.u8(off + ADDRESS);
  if (b0 === CHDLC_ADDR_UNICAST || b0 === CHDLC_ADDR_MULTICAST) {
    c.call((chdlc ??= dissectorByName('chdlc')) ?? dissectData, off, end);
    return;
  }
  pointToPointColumns(c);
  const ppp = c.proto(F.ppp, off, end);
  let p = off;
  if (b0 === ALL_STATIONS) {
    c.f.add(F.address, off + ADDRESS, 1, b0);
    c.uint(F.control, off + CONTROL, 1, end);
    p = off + HDLC_HEADER_LEN;
  }
  common(c, ppp, off, p, end);
}

/** PPP with no HDLC header: the frame starts with the protocol field. */
export function dissectPpp(c: Ctx, off: number, end: number): void {
  const ppp = c.proto(F.ppp, off, end);
  common(c, ppp, off, off, end);
}

registerDissector('ppp_hdlc', dissectPppHdlc);
registerDissector('ppp', dissectPpp);
bind('wtap_encap', 9, 'ppp_hdlc');
bind('wtap_encap', 50, 'ppp_hdlc');
bind('ethertype', 0x880b, 'ppp_hdlc');
bind('gre.proto', 0x880b, 'ppp_hdlc');
bind('sll.ltype', 0x0007, 'ppp_hdlc'); // LINUX_SLL_P_PPPHDLC
bind('ppp.protocol', 0x0021, 'ip');
bind('ppp.protocol', 0x0057, 'ipv6');
