// IPv6 Routing header (RFC 8200 section 4.4; type 0 RFC 2460 / RFC 5095, type 2 RFC 6275,
// type 4 Segment Routing RFC 8754) and Fragment header (RFC 8200 section 4.5); Wireshark
// packet-ipv6.c dissect_routing6 and dissect_fraghdr.
//
//   Routing:  | Next Header | Hdr Ext Len | Routing Type | Segments Left | type-specific data…
//   Fragment: | Next Header |  Reserved   | Fragment Offset (13) |Res|M|  Identification (32) |
//
// A source route's final destination (type 0: the last address, type 4: Segment List[0], when
// Segments Left > 0) becomes the datagram's destination for reassembly, as Wireshark's pinfo->dst.

import { Base, FT, names, registerFields } from '../fields/registry.ts';
import { EF } from '../fields/field-list.ts';
import { AddrKind } from '../fields/address-kind.ts';
import { ipv6Text } from '../fields/format.ts';
import type { Ctx } from './context.ts';
import { E } from './ip-expert.ts';
import { expertAt } from './expert.ts';
import { IP_PROTO_NAMES } from './ipv4.ts';

const NXT = 0;
const LEN = 1;
const TYPE = 2;
const SEGLEFT = 3;
const DATA = 4;
const ADDR = 16;
const FRAG_OFFLG = 2;
const FRAG_IDENT = 4;
export const FRAGMENT_HEADER_LEN = FRAG_IDENT + 4;

const RT0 = 0;
const MIPV6 = 2;
const SRH = 4;

export const F = registerFields({
  routing: { name: 'ipv6.routing', label: 'Routing Header for IPv6', type: FT.PROTOCOL },
  nxt: { name: 'ipv6.routing.nxt', label: 'Next Header', type: FT.UINT, bits: 8, names: IP_PROTO_NAMES },
  len: { name: 'ipv6.routing.len', label: 'Length', type: FT.UINT, bits: 8 },
  lenOct: { name: 'ipv6.routing.len_oct', label: 'Length', type: FT.UINT, bits: 16, unit: ' bytes' },
  type: { name: 'ipv6.routing.type', label: 'Type', type: FT.UINT, bits: 8,
    names: names([[RT0, 'Source Route'], [1, 'Nimrod'], [MIPV6, 'Type 2 Routing'], [3, 'RPL Source Route'],
      [SRH, 'Segment Routing'], [5, 'Compact Routing Header 16'], [6, 'Compact Routing Header 32']]) },
  segleft: { name: 'ipv6.routing.segleft', label: 'Segments Left', type: FT.UINT, bits: 8 },
  unknownData: { name: 'ipv6.routing.unknown_data', label: 'Type-Specific Data', type: FT.BYTES },
  srcReserved: { name: 'ipv6.routing.src.reserved', label: 'Reserved', type: FT.BYTES },
  srcAddr: { name: 'ipv6.routing.src.addr', label: 'Address', type: FT.IPV6 },
  mipv6Reserved: { name: 'ipv6.routing.mipv6.reserved', label: 'Reserved', type: FT.BYTES },
  mipv6HomeAddress: { name: 'ipv6.routing.mipv6.home_address', label: 'Home Address', type: FT.IPV6 },
  srhLastEntry: { name: 'ipv6.routing.srh.last_entry', label: 'Last Entry', type: FT.UINT, bits: 8 },
  srhFlags: { name: 'ipv6.routing.srh.flags', label: 'Flags', type: FT.UINT, base: Base.HEX, bits: 8 },
  srhTag: { name: 'ipv6.routing.srh.tag', label: 'Tag', type: FT.BYTES },
  srhAddr: { name: 'ipv6.routing.srh.addr', label: 'Address', type: FT.IPV6 },
  fraghdr: { name: 'ipv6.fraghdr', label: 'Fragment Header for IPv6', type: FT.PROTOCOL },
  fragNxt: { name: 'ipv6.fraghdr.nxt', label: 'Next header', type: FT.UINT, bits: 8, names: IP_PROTO_NAMES },
  fragReservedOctet: { name: 'ipv6.fraghdr.reserved_octet', label: 'Reserved octet', type: FT.UINT, base: Base.HEX, bits: 8 },
  fragOffset: { name: 'ipv6.fraghdr.offset', label: 'Offset', type: FT.UINT, bits: 16, mask: 0xfff8 },
  fragReservedBits: { name: 'ipv6.fraghdr.reserved_bits', label: 'Reserved bits', type: FT.UINT, bits: 16, mask: 0x6 },
  fragMore: { name: 'ipv6.fraghdr.more', label: 'More Fragments', type: FT.BOOLEAN, bits: 16, mask: 0x1, tf: ['Yes', 'No'] },
  fragIdent: { name: 'ipv6.fraghdr.ident', label: 'Identification', type: FT.UINT, base: Base.HEX },
});

/** What a routing header tells the chain: its length, and where the final destination is. */
export interface RoutingResult {
  len: number;
  dst: number;
}

/**
 * The Routing header at `o`. Returns its length (or -1 when the packet stopped) and, in `r.dst`,
 * the offset of the final destination when the route changes it (unchanged otherwise).
 */
export function dissectRouting(c: Ctx, o: number, end: number, r: RoutingResult): void {
  const f = c.f;
  r.len = -1;
  c.proto(F.routing, o, Math.min(o + 2, end));
  const proto = f.last;
  if (c.uint(F.nxt, o + NXT, 1, end) < 0) return;
  const hdrLen = c.uint(F.len, o + LEN, 1, end);
  if (hdrLen < 0) return;
  const total = (hdrLen + 1) * 8;
  f.len[proto] = Math.max(0, Math.min(o + total, end, c.b.length) - o);
  f.add(F.lenOct, o + LEN, 1, total, EF.GENERATED);
  const type = c.uint(F.type, o + TYPE, 1, end);
  const typeItem = f.last;
  const segleft = c.uint(F.segleft, o + SEGLEFT, 1, end);
  if (c.stop) return;
  const d = o + DATA;
  const dataEnd = Math.min(o + total, end);
  if (type === RT0) {
    expertAt(c, typeItem, E.ipv6RoutingDeprecated, 'Routing header type is deprecated');
    if (!c.field(F.srcReserved, d, 4, dataEnd)) return;
    const count = hdrLen >> 1;
    let last = -1;
    for (let i = 0; i < count; i++) {
      last = d + 4 + i * ADDR;
      if (!c.field(F.srcAddr, last, ADDR, dataEnd)) return;
      // "Address[1]: 2200::210:2:0:0:4" (packet-ipv6.c numbers them from 1)
      if (f.wanted === null) f.setText(f.last, `Address[${i + 1}]: ${ipv6Text(c.b, last)}`);
    }
    if (last >= 0 && segleft > 0) finalDestination(c, r, last);
  } else if (type === MIPV6) {
    if (!c.field(F.mipv6Reserved, d, 4, dataEnd)) return;
    if (!c.field(F.mipv6HomeAddress, d + 4, ADDR, dataEnd)) return;
    if (segleft > 0) finalDestination(c, r, d + 4);
  } else if (type === SRH) {
    const lastEntry = c.uint(F.srhLastEntry, d, 1, dataEnd);
    c.uint(F.srhFlags, d + 1, 1, dataEnd);
    c.field(F.srhTag, d + 2, 2, dataEnd);
    if (c.stop) return;
    if (segleft > 0 && d + 4 + ADDR <= c.b.length) finalDestination(c, r, d + 4);
    for (let i = 0; i <= lastEntry; i++) {
      const a = d + 4 + i * ADDR;
      if (!c.field(F.srhAddr, a, ADDR, dataEnd)) return;
      // "Address[0]: a:b:c:3::d6" (the segment list from 0, as RFC 8754's Segment List[0])
      if (f.wanted === null) f.setText(f.last, `Address[${i}]: ${ipv6Text(c.b, a)}`);
    }
  } else if (!c.field(F.unknownData, d, total - DATA, dataEnd)) return;
  // the next header starts after the whole Routing header, which must be there (Wireshark's
  // tvb_new_subset_remaining: a Segment Routing header's TLVs, not dissected, cut by the capture
  // stop the packet, ipv6-srh-tlv-pad1-padn-5-trunc.pcap)
  if (!c.has(o, total, end)) return;
  f.pop();
  r.len = total;
}

/** The address at `at` is where the packet goes in the end (packet-ipv6.c sets pinfo->dst to it
 *  when segments are left): the conversations' key and the Destination column (not for a packet an
 *  ICMPv6 error quotes, whose addresses Wireshark puts back). */
function finalDestination(c: Ctx, r: RoutingResult, at: number): void {
  r.dst = at;
  if (!c.inErrorPkt) c.f.colDst.set(c.f.count, AddrKind.IPV6, c.b, at);
}

/** The Fragment header's fields, for the chain. */
export interface FragmentHeader {
  nxt: number;
  /** Byte offset of the fragment in its datagram. */
  offset: number;
  more: boolean;
  ident: number;
}

/** The Fragment header at `o`; false when the packet stopped. */
export function dissectFragmentHeader(c: Ctx, o: number, end: number, h: FragmentHeader): boolean {
  const f = c.f;
  // Wireshark reads the whole header before adding anything.
  if (!c.has(o, FRAGMENT_HEADER_LEN, end)) return false;
  const offlg = c.u16(o + FRAG_OFFLG);
  h.nxt = c.u8(o + NXT);
  h.offset = offlg & 0xfff8;
  h.more = (offlg & 1) !== 0;
  h.ident = c.u32(o + FRAG_IDENT);
  c.proto(F.fraghdr, o, o + FRAGMENT_HEADER_LEN);
  f.add(F.fragNxt, o + NXT, 1, h.nxt);
  f.add(F.fragReservedOctet, o + 1, 1, c.u8(o + 1));
  const offItem = f.add(F.fragOffset, o + FRAG_OFFLG, 2, offlg >> 3);
  if (f.wanted === null) f.appendLabel(offItem, ` (${(offlg >> 3) * 8} bytes)`);
  f.add(F.fragReservedBits, o + FRAG_OFFLG, 2, (offlg >> 1) & 3);
  f.add(F.fragMore, o + FRAG_OFFLG, 2, offlg & 1);
  f.add(F.fragIdent, o + FRAG_IDENT, 4, h.ident);
  f.pop();
  return true;
}
