// Cisco VN-Tag (IEEE 802.1Qbh draft, EtherType 0x8926; Wireshark packet-vntag.c).
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +-+-+---------------------------+-+-+---+-----------------------+
//   |d|p|        dst_vif            |l|r|ver|       src_vif         |
//   +-+-+---------------------------+-+-+---+-----------------------+
//   |      EtherType / length       |
//   +-------------------------------+
// As for 802.1Q, a length (≤ 1500) instead of a type means LLC.

import { Base, FT, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { ETHERTYPE_NAMES } from './ethernet.ts';
import { IEEE_802_3_MAX_LEN, ethertype, ieee8023 } from './ethertype.ts';
import { bind, registerDissector } from './tables.ts';

const TAG = 0;
const TYPE = 4;
const TAG_LEN = TYPE - TAG;
export const VNTAG_HEADER_LEN = TYPE + 2;

export const F = registerFields({
  vntag: { name: 'vntag', label: 'VN-Tag', type: FT.PROTOCOL },
  dir: { name: 'vntag.dir', label: 'Direction', type: FT.BOOLEAN, bits: 32, mask: 0x80000000, tf: ['From Bridge', 'To Bridge'] },
  ptr: { name: 'vntag.ptr', label: 'Pointer', type: FT.BOOLEAN, bits: 32, mask: 0x40000000, tf: ['vif_list_id', 'vif_id'] },
  dst: { name: 'vntag.dst', label: 'Destination', type: FT.UINT, bits: 32, mask: 0x3fff0000 },
  looped: { name: 'vntag.looped', label: 'Looped', type: FT.BOOLEAN, bits: 32, mask: 0x00008000, tf: ['Yes', 'No'] },
  r: { name: 'vntag.r', label: 'Reserved', type: FT.UINT, bits: 32, mask: 0x00004000 },
  version: { name: 'vntag.version', label: 'Version', type: FT.UINT, bits: 32, mask: 0x00003000 },
  src: { name: 'vntag.src', label: 'Source', type: FT.UINT, bits: 32, mask: 0x00000fff },
  etype: { name: 'vntag.etype', label: 'Type', type: FT.UINT, base: Base.HEX, bits: 16, names: ETHERTYPE_NAMES },
  len: { name: 'vntag.len', label: 'Length', type: FT.UINT, bits: 16 },
  trailer: { name: 'vntag.trailer', label: 'Trailer', type: FT.BYTES },
});

export function dissectVntag(c: Ctx, off: number, end: number): void {
  const f = c.f;
  const tag = c.proto(F.vntag, off, off + TAG_LEN);
  if (!c.has(off + TAG, TAG_LEN, end)) return;
  const v = c.u32(off + TAG);
  f.add(F.dir, off, TAG_LEN, v >>> 31);
  f.add(F.ptr, off, TAG_LEN, (v >>> 30) & 1);
  f.add(F.dst, off, TAG_LEN, (v >>> 16) & 0x3fff);
  f.add(F.looped, off, TAG_LEN, (v >>> 15) & 1);
  f.add(F.r, off, TAG_LEN, (v >>> 14) & 1);
  f.add(F.version, off, TAG_LEN, (v >>> 12) & 3);
  f.add(F.src, off, TAG_LEN, v & 0x0fff);
  if (!c.has(off + TYPE, 2, end)) return;
  const type = c.u16(off + TYPE);
  const payload = off + VNTAG_HEADER_LEN;
  if (type <= IEEE_802_3_MAX_LEN) {
    f.pop();
    const isLlc = !(payload + 2 <= Math.min(end, c.b.length) && c.u16(payload) === 0xffff);
    ieee8023(c, type, isLlc, payload, end, tag, F.len, F.trailer, 0, off);
    return;
  }
  f.add(F.etype, off + TYPE, 2, type);
  f.pop();
  ethertype(c, type, payload, end, tag, F.trailer, 0, off);
}

registerDissector('vntag', dissectVntag);
bind('ethertype', 0x8926, 'vntag');
