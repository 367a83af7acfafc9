// Ethernet II and IEEE 802.3 framing (IEEE 802.3 clause 3; Wireshark packet-eth.c).
//
//   0                   6                  12      14
//   +-------------------+-------------------+-------+----------
//   | destination MAC   | source MAC        | type  | payload …
//   +-------------------+-------------------+-------+----------
// A type/length value of 1500 or less is an 802.3 length (LLC follows); 1536 and up is an
// EtherType. The FCS is not in the captured bytes for the link types we read (LINKTYPE_ETHERNET
// carries no FCS unless the FCS bits of the link-type field say so, which tshark ignores too).

import { Base, FT, names, registerFields } from '../fields/registry.ts';
import { EF } from '../fields/field-list.ts';
import type { Ctx } from './context.ts';
import { dissectData } from './data.ts';
import { bind, registerDissector } from './tables.ts';

const DST = 0;
const SRC = 6;
const TYPE = 12;
export const ETH_HEADER_LEN = TYPE + 2;

export const ETHERTYPE_NAMES = names([
  [0x0800, 'IPv4'],
  [0x0806, 'ARP'],
  [0x8100, '802.1Q Virtual LAN'],
  [0x88a8, '802.1ad Provider Bridge (Q-in-Q)'],
  [0x86dd, 'IPv6'],
  [0x8847, 'MPLS label switched packet'],
  [0x8848, 'MPLS multicast label switched packet'],
  [0x6558, 'Transparent Ethernet bridging'],
  [0x88be, 'ERSPAN'],
  [0x880b, 'PPP'],
  [0x8035, 'RARP'],
]);

export const F = registerFields({
  eth: { name: 'eth', label: 'Ethernet II', type: FT.PROTOCOL },
  dst: { name: 'eth.dst', label: 'Destination', type: FT.ETHER },
  src: { name: 'eth.src', label: 'Source', type: FT.ETHER },
  addr: { name: 'eth.addr', label: 'Address', type: FT.ETHER },
  lg: { name: 'eth.lg', label: 'LG bit', type: FT.BOOLEAN, bits: 24, mask: 0x020000, tf: ['Locally administered address (this is NOT the factory default)', 'Globally unique address (factory default)'] },
  ig: { name: 'eth.ig', label: 'IG bit', type: FT.BOOLEAN, bits: 24, mask: 0x010000, tf: ['Group address (multicast/broadcast)', 'Individual address (unicast)'] },
  type: { name: 'eth.type', label: 'Type', type: FT.UINT, base: Base.HEX, bits: 16, names: ETHERTYPE_NAMES },
  len: { name: 'eth.len', label: 'Length', type: FT.UINT, bits: 16 },
  padding: { name: 'eth.padding', label: 'Padding', type: FT.BYTES },
  trailer: { name: 'eth.trailer', label: 'Trailer', type: FT.BYTES },
});

function address(c: Ctx, id: number, off: number, end: number): void {
  if (!c.field(id, off, 6, end)) return;
  const i = c.f.count - 1;
  c.f.push(i);
  const b0 = c.u8(off);
  c.f.add(F.lg, off, 3, b0 & 2 ? 1 : 0);
  c.f.add(F.ig, off, 3, b0 & 1);
  c.f.pop();
  c.f.add(F.addr, off, 6, 0, EF.HIDDEN);
}

export function dissectEthernet(c: Ctx, off: number, end: number): void {
  c.proto(F.eth, off, off + ETH_HEADER_LEN);
  address(c, F.dst, off + DST, end);
  address(c, F.src, off + SRC, end);
  if (!c.has(off + TYPE, 2, end)) return;
  const type = c.u16(off + TYPE);
  if (type <= 1500) {
    c.f.add(F.len, off + TYPE, 2, type);
    c.f.pop();
    const llc = c.tables.lookup('ethertype', -1);
    c.call(llc ?? dissectData, off + ETH_HEADER_LEN, Math.min(end, off + ETH_HEADER_LEN + type));
    return;
  }
  c.f.add(F.type, off + TYPE, 2, type);
  c.f.pop();
  dispatchEthertype(c, type, off + ETH_HEADER_LEN, end);
}

/** Hand a payload to the dissector for `type` (shared by Ethernet, VLAN, SLL, GRE, Geneve …). */
export function dispatchEthertype(c: Ctx, type: number, off: number, end: number): void {
  const d = c.tables.lookup('ethertype', type);
  c.call(d ?? dissectData, off, end);
}

registerDissector('eth', dissectEthernet);
bind('wtap_encap', 1, 'eth');
bind('ethertype', 0x6558, 'eth');
