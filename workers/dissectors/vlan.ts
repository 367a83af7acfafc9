// IEEE 802.1Q VLAN tag (IEEE 802.1Q-2014 §9.6; Wireshark packet-vlan.c). EtherType 0x8100, and
// 0x9100 (Wireshark's default "802.1QinQ Ethertype" preference).
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   | PCP |D|         VLAN ID       |      EtherType / length       |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// (the TPID before it is the enclosing header's type). Bit 12 is the DEI since 802.1Q-2011 (the
// CFI before), and Wireshark 4.0 names it vlan.dei. The outer 802.1ad S-tag (0x88a8) is not a VLAN
// tag here but ieee8021ad.ts, as in Wireshark. A length (≤ 1500) instead of a type means LLC.

import { Base, FT, names, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { ETHERTYPE_NAMES } from './ethernet.ts';
import { IEEE_802_3_MAX_LEN, ethertype, ieee8023 } from './ethertype.ts';
import { bind, registerDissector } from './tables.ts';
import './ieee8021ad.ts';
import './vntag.ts';

const TCI = 0;
const TYPE = 2;
export const VLAN_HEADER_LEN = TYPE + 2;
/** Wireshark's VLAN_MAX_NESTED_TAGS: deeper tags are not dissected ("Too many nested VLAN tags"). */
const MAX_NESTED_TAGS = 20;

export const F = registerFields({
  vlan: { name: 'vlan', label: '802.1Q Virtual LAN', type: FT.PROTOCOL },
  priority: {
    name: 'vlan.priority', label: 'Priority', type: FT.UINT, bits: 16, mask: 0xe000,
    blurb: 'Descriptions are recommendations from IEEE standard 802.1Q-2014',
    names: names([[0, 'Best Effort (default)'], [1, 'Background'], [2, 'Excellent Effort'], [3, 'Critical Applications'], [4, 'Video, < 100ms latency and jitter'], [5, 'Voice, < 10ms latency and jitter'], [6, 'Internetwork Control'], [7, 'Network Control']]),
  },
  dei: { name: 'vlan.dei', label: 'DEI', type: FT.BOOLEAN, bits: 16, mask: 0x1000, tf: ['Eligible', 'Ineligible'], blurb: 'Drop Eligible Indicator' },
  id: { name: 'vlan.id', label: 'ID', type: FT.UINT, bits: 16, mask: 0x0fff, blurb: 'VLAN ID' },
  etype: { name: 'vlan.etype', label: 'Type', type: FT.UINT, base: Base.HEX, bits: 16, names: ETHERTYPE_NAMES, blurb: 'Ethertype' },
  len: { name: 'vlan.len', label: 'Length', type: FT.UINT, bits: 16 },
  trailer: { name: 'vlan.trailer', label: 'Trailer', type: FT.BYTES, blurb: 'VLAN Trailer' },
});

/** VLAN tags already dissected in this packet (Wireshark's p_get_proto_depth for vlan). */
function tagsSoFar(c: Ctx): number {
  let n = 0;
  const ids = c.f.id;
  for (let i = 0; i < c.f.count; i++) if (ids[i] === F.vlan) n++;
  return n;
}

export function dissectVlan(c: Ctx, off: number, end: number): void {
  const f = c.f;
  if (!c.has(off, TYPE, end)) return;
  const tci = c.u16(off + TCI);
  const nested = tagsSoFar(c);
  const vlan = c.proto(F.vlan, off, off + VLAN_HEADER_LEN);
  if (nested + 1 > MAX_NESTED_TAGS) {
    f.pop();
    return;
  }
  f.add(F.priority, off + TCI, 2, tci >> 13);
  f.add(F.dei, off + TCI, 2, (tci >> 12) & 1);
  f.add(F.id, off + TCI, 2, tci & 0x0fff);
  if (!c.has(off + TYPE, 2, end)) return;
  const type = c.u16(off + TYPE);
  const payload = off + VLAN_HEADER_LEN;
  if (type <= IEEE_802_3_MAX_LEN) {
    f.pop();
    const isLlc = !(payload + 2 <= Math.min(end, c.b.length) && c.u16(payload) === 0xffff);
    ieee8023(c, type, isLlc, payload, end, vlan, F.len, F.trailer, 0, off);
    return;
  }
  f.add(F.etype, off + TYPE, 2, type);
  f.pop();
  ethertype(c, type, payload, end, vlan, F.trailer, 0, off);
}

registerDissector('vlan', dissectVlan);
bind('ethertype', 0x8100, 'vlan');
bind('ethertype', 0x9100, 'vlan');
