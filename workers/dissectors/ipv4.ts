// IPv4 (RFC 791; Wireshark packet-ip.c).
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |Version|  IHL  |Type of Service|          Total Length         |
//   |         Identification        |Flags|      Fragment Offset    |
//   |  Time to Live |    Protocol   |         Header Checksum       |
//   |                       Source Address                          |
//   |                    Destination Address                        |
//   |                    Options                    |    Padding    |

import { Base, FT, names, registerFields } from '../fields/registry.ts';
import { EF } from '../fields/field-list.ts';
import type { Ctx } from './context.ts';
import { Status } from './context.ts';
import { dissectData } from './data.ts';
import { bind, registerDissector } from './tables.ts';

const VHL = 0;
const TOS = 1;
const LEN = 2;
const ID = 4;
const FRAG = 6;
const TTL = 8;
const PROTO = 9;
const CSUM = 10;
const SRC = 12;
const DST = 16;
export const IPV4_MIN_HEADER_LEN = DST + 4;

export const IP_PROTO_NAMES = names([
  [0, 'IPv6 Hop-by-Hop Option'], [1, 'ICMP'], [2, 'IGMP'], [4, 'IPIP'], [6, 'TCP'], [17, 'UDP'], [41, 'IPv6'],
  [43, 'IPv6 Routing'], [44, 'IPv6 Fragment'], [47, 'GRE'], [50, 'ESP'], [51, 'AH'], [58, 'ICMPv6'],
  [59, 'IPv6 No Next Header'], [60, 'IPv6 Destination Option'], [89, 'OSPF IGP'], [103, 'PIM'], [112, 'VRRP'],
  [132, 'SCTP'], [135, 'Mobility Header'], [137, 'MPLS in IP'],
]);

export const F = registerFields({
  ip: { name: 'ip', label: 'Internet Protocol Version 4', type: FT.PROTOCOL },
  version: { name: 'ip.version', label: 'Version', type: FT.UINT, bits: 8, mask: 0xf0 },
  hdrLen: { name: 'ip.hdr_len', label: 'Header Length', type: FT.UINT, bits: 8, mask: 0x0f },
  dsfield: { name: 'ip.dsfield', label: 'Differentiated Services Field', type: FT.UINT, base: Base.HEX, bits: 8 },
  dscp: { name: 'ip.dsfield.dscp', label: 'Differentiated Services Codepoint', type: FT.UINT, bits: 8, mask: 0xfc },
  ecn: { name: 'ip.dsfield.ecn', label: 'Explicit Congestion Notification', type: FT.UINT, bits: 8, mask: 0x03 },
  len: { name: 'ip.len', label: 'Total Length', type: FT.UINT, bits: 16 },
  id: { name: 'ip.id', label: 'Identification', type: FT.UINT, base: Base.HEX_DEC, bits: 16 },
  flags: { name: 'ip.flags', label: 'Flags', type: FT.UINT, base: Base.HEX, bits: 8 },
  rb: { name: 'ip.flags.rb', label: 'Reserved bit', type: FT.BOOLEAN, bits: 8, mask: 0x80, tf: ['Set', 'Not set'] },
  df: { name: 'ip.flags.df', label: "Don't fragment", type: FT.BOOLEAN, bits: 8, mask: 0x40, tf: ['Set', 'Not set'] },
  mf: { name: 'ip.flags.mf', label: 'More fragments', type: FT.BOOLEAN, bits: 8, mask: 0x20, tf: ['Set', 'Not set'] },
  fragOffset: { name: 'ip.frag_offset', label: 'Fragment Offset', type: FT.UINT, bits: 16, mask: 0x1fff },
  ttl: { name: 'ip.ttl', label: 'Time to Live', type: FT.UINT, bits: 8 },
  proto: { name: 'ip.proto', label: 'Protocol', type: FT.UINT, bits: 8, names: IP_PROTO_NAMES },
  checksum: { name: 'ip.checksum', label: 'Header Checksum', type: FT.UINT, base: Base.HEX, bits: 16 },
  src: { name: 'ip.src', label: 'Source Address', type: FT.IPV4 },
  dst: { name: 'ip.dst', label: 'Destination Address', type: FT.IPV4 },
  addr: { name: 'ip.addr', label: 'Source or Destination Address', type: FT.IPV4 },
});

export function dissectIpv4(c: Ctx, off: number, end: number): void {
  const f = c.f;
  if (!c.has(off, 1, end)) return;
  const vhl = c.u8(off + VHL);
  const hlen = (vhl & 0x0f) * 4;
  c.proto(F.ip, off, off + Math.max(hlen, IPV4_MIN_HEADER_LEN));
  f.add(F.version, off, 1, vhl >> 4);
  if (hlen < IPV4_MIN_HEADER_LEN) {
    // "Bogus IP header length (n, must be at least 20)": Wireshark stops here.
    f.add(F.hdrLen, off, 1, hlen);
    c.fail(Status.MALFORMED);
    return;
  }
  f.add(F.hdrLen, off, 1, hlen);
  const tos = c.uint(F.dsfield, off + TOS, 1, end);
  if (tos >= 0) {
    f.push(f.count - 1);
    f.add(F.dscp, off + TOS, 1, tos >> 2);
    f.add(F.ecn, off + TOS, 1, tos & 3);
    f.pop();
  }
  let totalLen = c.has(off + LEN, 2, end) ? c.u16(off + LEN) : -1;
  if (totalLen === 0) {
    // TSO / BIG TCP: a zero total length means "as long as the frame" (Wireshark does the same).
    totalLen = Math.min(end, c.b.length) - off;
  }
  if (totalLen >= 0) f.add(F.len, off + LEN, 2, totalLen);
  c.uint(F.id, off + ID, 2, end);
  const fragWord = c.has(off + FRAG, 2, end) ? c.u16(off + FRAG) : 0;
  if (c.has(off + FRAG, 1, end)) {
    f.push(f.add(F.flags, off + FRAG, 1, fragWord >> 13));
    f.add(F.rb, off + FRAG, 1, (fragWord >> 15) & 1);
    f.add(F.df, off + FRAG, 1, (fragWord >> 14) & 1);
    f.add(F.mf, off + FRAG, 1, (fragWord >> 13) & 1);
    f.pop();
  }
  c.bits(F.fragOffset, off + FRAG, 2, (fragWord & 0x1fff) * 8, end);
  c.uint(F.ttl, off + TTL, 1, end);
  const proto = c.uint(F.proto, off + PROTO, 1, end);
  c.uint(F.checksum, off + CSUM, 2, end);
  if (c.field(F.src, off + SRC, 4, end)) f.add(F.addr, off + SRC, 4, 0, EF.HIDDEN);
  if (c.field(F.dst, off + DST, 4, end)) f.add(F.addr, off + DST, 4, 0, EF.HIDDEN);
  if (c.stop) return;
  if (totalLen < hlen) {
    // "Bogus IP length (n, less than header length m)"
    c.fail(Status.MALFORMED);
    return;
  }
  // Options (between the fixed header and hlen) are shown as bytes here; see ipv4-options.ts.
  c.has(off, hlen, end);
  f.pop();
  if (c.stop) return;
  c.netSrc = off + SRC;
  c.netDst = off + DST;
  c.netLen = 4;
  c.ipProto = proto;
  const payloadEnd = Math.min(end, off + totalLen);
  const fragOffset = fragWord & 0x1fff;
  if (fragWord & 0x2000 || fragOffset !== 0) {
    c.status |= Status.FRAGMENT;
    dissectData(c, off + hlen, payloadEnd);
    return;
  }
  const d = c.tables.ipProto[proto];
  c.call(d ?? dissectData, off + hlen, payloadEnd);
}

registerDissector('ip', dissectIpv4);
bind('ethertype', 0x0800, 'ip');
bind('ip.proto', 4, 'ip');
