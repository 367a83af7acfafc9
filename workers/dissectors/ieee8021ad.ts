// IEEE 802.1ad provider bridging S-tag, EtherType 0x88a8 (IEEE 802.1Q-2014 §9.6; Wireshark
// packet-ieee8021ah.c, dissect_ieee8021ad).
//
//   +-----+-+-----------------------+-------------------------------+
//   | PCP |D|         S-VID         |      EtherType                |
//   +-----+-+-----------------------+-------------------------------+
// Wireshark shows the S-tag as `ieee8021ad.*`, never as `vlan.id`; its type is `ieee8021ah.etype`
// and the leftover bytes `ieee8021ah.trailer`. Two S-tags in a row (0x88a8 after 0x88a8) are shown
// as one item with S-VID and C-VID. A following 802.1ah I-tag (0x88e7) is shown as data.

import { Base, FT, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { dissectData } from './data.ts';
import { ETHERTYPE_NAMES } from './ethernet.ts';
import { ethertype } from './ethertype.ts';
import { bind, registerDissector } from './tables.ts';

const TCI = 0;
const TYPE = 2;
const TAG_LEN = TYPE + 2;
const ETHERTYPE_802_1AD = 0x88a8;
const ETHERTYPE_802_1AH = 0x88e7;

export const F = registerFields({
  ieee8021ad: { name: 'ieee8021ad', label: 'IEEE 802.1ad', type: FT.PROTOCOL },
  priority: { name: 'ieee8021ad.priority', label: 'Priority', type: FT.UINT, bits: 16, mask: 0xe000 },
  dei: { name: 'ieee8021ad.dei', label: 'DEI', type: FT.UINT, bits: 16, mask: 0x1000, blurb: 'Drop Eligibility' },
  id: { name: 'ieee8021ad.id', label: 'ID', type: FT.UINT, bits: 16, mask: 0x0fff, blurb: 'Vlan ID' },
  svid: { name: 'ieee8021ad.svid', label: 'ID', type: FT.UINT, bits: 16, mask: 0x0fff, blurb: 'S-Vlan ID' },
  cvid: { name: 'ieee8021ad.cvid', label: 'ID', type: FT.UINT, bits: 16, mask: 0x0fff, blurb: 'C-Vlan ID' },
  etype: { name: 'ieee8021ah.etype', label: 'Type', type: FT.UINT, base: Base.HEX, bits: 16, names: ETHERTYPE_NAMES },
  trailer: { name: 'ieee8021ah.trailer', label: 'Trailer', type: FT.BYTES, blurb: '802.1ah Trailer' },
});

/** Priority, DEI and an ID field of the tag control word at `off` (Wireshark's 1- and 2-byte items). */
function tci(c: Ctx, off: number, v: number, idField: number): void {
  const f = c.f;
  f.add(F.priority, off, 1, v >> 13);
  f.add(F.dei, off, 1, (v >> 12) & 1);
  f.add(idField, off, 2, v & 0x0fff);
}

export function dissectIeee8021ad(c: Ctx, off: number, end: number): void {
  const f = c.f;
  if (!c.has(off + TCI, 2, end)) return;
  const v = c.u16(off + TCI);
  const tag = c.proto(F.ieee8021ad, off, off + TAG_LEN);
  if (!c.has(off + TYPE, 2, end)) return;
  const type = c.u16(off + TYPE);
  if (type === ETHERTYPE_802_1AD) {
    // Q-in-Q inside one item: S-tag then C-tag, then the C-tag's EtherType.
    if (!c.has(off + TAG_LEN, TAG_LEN, end)) return;
    const cv = c.u16(off + TAG_LEN + TCI);
    tci(c, off, v, F.svid);
    tci(c, off + TAG_LEN, cv, F.cvid);
    const inner = c.u16(off + TAG_LEN + TYPE);
    f.add(F.etype, off + TAG_LEN + TYPE, 2, inner);
    f.pop();
    ethertype(c, inner, off + 2 * TAG_LEN, end, tag, F.trailer, 0, off);
    return;
  }
  tci(c, off, v, F.id);
  if (type === ETHERTYPE_802_1AH) {
    f.pop();
    c.call(dissectData, off + TAG_LEN, end);
    return;
  }
  f.add(F.etype, off + TYPE, 2, type);
  f.pop();
  ethertype(c, type, off + TAG_LEN, end, tag, F.trailer, 0, off);
}

registerDissector('ieee8021ad', dissectIeee8021ad);
bind('ethertype', ETHERTYPE_802_1AD, 'ieee8021ad');
