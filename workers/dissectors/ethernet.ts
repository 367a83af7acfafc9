// Ethernet II and IEEE 802.3 framing (IEEE 802.3 clause 3; Wireshark packet-eth.c).
//
//   0                   6                  12      14
//   +-------------------+-------------------+-------+----------
//   | destination MAC   | source MAC        | type  | payload …
//   +-------------------+-------------------+-------+----------
// A type/length value of 1500 or less is an 802.3 length (LLC follows, or raw IPX when the payload
// starts 0xffff); 1536 and up is an EtherType; the values between are invalid. 0 is an EtherType
// too (Cisco MDS "Vegas"), as in Wireshark.
// LINKTYPE_ETHERNET does not say whether the FCS was captured: leftover bytes of a frame of 64
// bytes or more end with an FCS (Wireshark's "heuristic" eth.fcs setting); Ethernet inside a
// tunnel has no FCS ("The inner Ethernet frame ... does not include the FCS", RFC 7348 §5).
// Padding, trailer and FCS are added by ethertype.ts after the payload has said where it ends.

import { ETHERTYPES } from './ethertype-names.ts';
import { Base, FT, names, registerFields } from '../fields/registry.ts';
import { EF, FieldGroup } from '../fields/field-list.ts';
import type { Ctx } from './context.ts';
import { dissectData } from './data.ts';
import { ETHERNET_II_MIN_LEN, IEEE_802_3_MAX_LEN, ethertype, ieee8023 } from './ethertype.ts';
import { bind, registerDissector } from './tables.ts';
import { Group, Severity, expertAt, registerExperts } from './expert.ts';

const X = registerExperts({
  srcNotGroup: { name: 'eth.src_not_group', msg: 'Source MAC must not be a group address: IEEE 802.3-2002, Section 3.2.3(b)', severity: Severity.WARN, group: Group.PROTOCOL },
});

const DST = 0;
const SRC = 6;
const TYPE = 12;
export const ETH_HEADER_LEN = TYPE + 2;
const ADDR_LEN = SRC - DST;
const OUI_LEN = 3;

/** EtherType names, Wireshark's (generated: ethertype-names.ts). */
export const ETHERTYPE_NAMES = names(ETHERTYPES);

const LG: readonly [string, string] = ['Locally administered address (this is NOT the factory default)', 'Globally unique address (factory default)'];
const IG: readonly [string, string] = ['Group address (multicast/broadcast)', 'Individual address (unicast)'];

export const F = registerFields({
  eth: { name: 'eth', label: 'Ethernet II', type: FT.PROTOCOL },
  dst: { name: 'eth.dst', label: 'Destination', type: FT.ETHER, blurb: 'Destination Hardware Address' },
  // With name resolution off (tshark -n) a "resolved" address is the address itself; kept as an
  // address rather than a string so that dissecting builds no strings.
  dstResolved: { name: 'eth.dst_resolved', label: 'Destination (resolved)', type: FT.ETHER },
  dstOui: { name: 'eth.dst.oui', label: 'Destination OUI', type: FT.UINT, bits: 24 },
  addr: { name: 'eth.addr', label: 'Address', type: FT.ETHER, blurb: 'Source or Destination Hardware Address' },
  addrResolved: { name: 'eth.addr_resolved', label: 'Address (resolved)', type: FT.ETHER },
  addrOui: { name: 'eth.addr.oui', label: 'Address OUI', type: FT.UINT, bits: 24 },
  dstLg: { name: 'eth.dst.lg', label: 'LG bit', type: FT.BOOLEAN, bits: 24, mask: 0x020000, tf: LG },
  lg: { name: 'eth.lg', label: 'LG bit', type: FT.BOOLEAN, bits: 24, mask: 0x020000, tf: LG },
  dstIg: { name: 'eth.dst.ig', label: 'IG bit', type: FT.BOOLEAN, bits: 24, mask: 0x010000, tf: IG },
  ig: { name: 'eth.ig', label: 'IG bit', type: FT.BOOLEAN, bits: 24, mask: 0x010000, tf: IG },
  src: { name: 'eth.src', label: 'Source', type: FT.ETHER, blurb: 'Source Hardware Address' },
  srcResolved: { name: 'eth.src_resolved', label: 'Source (resolved)', type: FT.ETHER },
  srcOui: { name: 'eth.src.oui', label: 'Source OUI', type: FT.UINT, bits: 24 },
  srcLg: { name: 'eth.src.lg', label: 'LG bit', type: FT.BOOLEAN, bits: 24, mask: 0x020000, tf: LG },
  srcIg: { name: 'eth.src.ig', label: 'IG bit', type: FT.BOOLEAN, bits: 24, mask: 0x010000, tf: IG },
  type: { name: 'eth.type', label: 'Type', type: FT.UINT, base: Base.HEX, bits: 16, names: ETHERTYPE_NAMES, unknownName: true },
  len: { name: 'eth.len', label: 'Length', type: FT.UINT, bits: 16 },
  invalidLentype: { name: 'eth.invalid_lentype', label: 'Invalid length/type', type: FT.UINT, base: Base.HEX_DEC, bits: 16 },
  trailer: { name: 'eth.trailer', label: 'Trailer', type: FT.BYTES, blurb: 'Ethernet Trailer or Checksum' },
});

/** The subtree of a destination / source address (skipped whole when a lean dissection keeps none of it). */
const DST_REST_IDS = [F.dstResolved, F.dstOui, F.addrResolved, F.addrOui, F.dstLg, F.lg, F.dstIg, F.ig];
const SRC_REST_IDS = [F.srcResolved, F.srcOui, F.addrResolved, F.addrOui, F.srcLg, F.lg, F.srcIg, F.ig];
const DST_DETAILS = new FieldGroup([...DST_REST_IDS, F.addr]);
const SRC_DETAILS = new FieldGroup([...SRC_REST_IDS, F.addr]);
/** The same without eth.addr: the index pass keeps eth.addr alone (for the filter's shapes), and
 *  went through the nine adds of each address's subtree to keep that one (~23 add calls a packet). */
const DST_REST = new FieldGroup(DST_REST_IDS);
const SRC_REST = new FieldGroup(SRC_REST_IDS);

/** One address and its subtree, in Wireshark's order (dissect_address_data). */
function address(c: Ctx, off: number, src: boolean): void {
  const f = c.f;
  const b0 = c.u8(off);
  const oui = (b0 << 16) | (c.u8(off + 1) << 8) | c.u8(off + 2);
  f.push(f.add(src ? F.src : F.dst, off, ADDR_LEN));
  // (under the Source line, before its parts, as packet-eth.c adds it)
  if (src && b0 & 1) expertAt(c, -1, X.srcNotGroup);
  if (!(src ? SRC_DETAILS : DST_DETAILS).kept(f)) {
    f.pop();
    return;
  }
  if (!(src ? SRC_REST : DST_REST).kept(f)) {
    f.add(F.addr, off, ADDR_LEN);
    f.pop();
    return;
  }
  f.add(src ? F.srcResolved : F.dstResolved, off, ADDR_LEN, 0, EF.HIDDEN | EF.GENERATED);
  f.add(src ? F.srcOui : F.dstOui, off, OUI_LEN, oui, EF.HIDDEN | EF.GENERATED);
  f.add(F.addr, off, ADDR_LEN);
  f.add(F.addrResolved, off, ADDR_LEN, 0, EF.HIDDEN | EF.GENERATED);
  f.add(F.addrOui, off, OUI_LEN, oui, EF.HIDDEN | EF.GENERATED);
  const lg = (b0 >> 1) & 1;
  const ig = b0 & 1;
  f.add(src ? F.srcLg : F.dstLg, off, OUI_LEN, lg);
  f.add(F.lg, off, OUI_LEN, lg, EF.HIDDEN);
  f.add(src ? F.srcIg : F.dstIg, off, OUI_LEN, ig);
  f.add(F.ig, off, OUI_LEN, ig, EF.HIDDEN);
  f.pop();
}

/**
 * Dissect an Ethernet frame. `fcsLen` is 0 (no FCS), 4 (FCS present) or -1 (unknown: guess).
 * Checks made: the 14-byte header is read before anything is added (Wireshark reads the type
 * first, so a shorter frame shows no Ethernet item at all).
 */
function ethernet(c: Ctx, off: number, end: number, fcsLen: number): void {
  const f = c.f;
  // the running protocol before its item (a tunnel's inner frame cut short: "[Malformed Packet: Ethernet]")
  c.curProto = F.eth;
  if (!c.has(off, ETH_HEADER_LEN, end)) {
    // packet-eth.c names the Protocol column before it reads the header
    c.colProtocol = 'Ethernet';
    return;
  }
  const type = c.u16(off + TYPE);
  const eth = c.proto(F.eth, off, off + ETH_HEADER_LEN);
  address(c, off + DST, false);
  address(c, off + SRC, true);
  const payload = off + ETH_HEADER_LEN;
  if (type > IEEE_802_3_MAX_LEN && type < ETHERNET_II_MIN_LEN) {
    f.add(F.invalidLentype, off + TYPE, 2, type);
    f.pop();
    c.call(dissectData, payload, end);
    return;
  }
  if (type <= IEEE_802_3_MAX_LEN && type !== 0) {
    f.pop();
    // "If they are 0xffff, then what follows the 802.3 header is an IPX payload, meaning no 802.2."
    const isLlc = !(payload + 2 <= Math.min(end, c.b.length) && c.u16(payload) === 0xffff);
    ieee8023(c, type, isLlc, payload, end, eth, F.len, F.trailer, fcsLen, off);
    return;
  }
  f.add(F.type, off + TYPE, 2, type);
  f.pop();
  ethertype(c, type, payload, end, eth, F.trailer, fcsLen, off);
}

/** An Ethernet frame without FCS (the inner frame of VXLAN, GRE, MPLS pseudowires …). */
export function dissectEthernet(c: Ctx, off: number, end: number): void {
  ethernet(c, off, end, 0);
}

/** LINKTYPE_ETHERNET: the capture does not say whether the FCS is there. */
function dissectEthernetMaybeFcs(c: Ctx, off: number, end: number): void {
  ethernet(c, off, end, -1);
}

/** Hand a payload to the dissector for `type`, with no trailer handling (Geneve, GRE …). */
export function dispatchEthertype(c: Ctx, type: number, off: number, end: number): void {
  const d = c.tables.lookup('ethertype', type);
  c.call(d ?? dissectData, off, end);
}

registerDissector('eth', dissectEthernet);
registerDissector('eth_maybefcs', dissectEthernetMaybeFcs);
bind('wtap_encap', 1, 'eth_maybefcs');
bind('ethertype', 0x6558, 'eth');
