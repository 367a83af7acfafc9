// What Wireshark appends to a bitmask word's line (proto_tree_add_bitmask with BMT_NO_FALSE |
// BMT_NO_INT | BMT_NO_TFS): ", " and the label of each boolean flag that is set, and for each
// integer part with value names ", label: name", in the bitmask's order ("Flags: 0x2, Don't
// fragment", "Flags: 0x0800, VXLAN Network ID (VNI)", NTP's "Flags 2: 0x82, Response bit:
// Response, Opcode: read variables"); integer parts without names are left out.

import { FT, fieldById, maskShift } from '../fields/registry.ts';
import type { Ctx } from './context.ts';

/** The text for the masked fields `ids` of the word `value` (the word their masks are relative
 *  to), each part after ", "; '' when no part shows. */
export function setFlagNames(ids: readonly number[], value: number, withTfs = false): string {
  let out = '';
  for (const id of ids) {
    const def = fieldById(id);
    if (def.type === FT.BOOLEAN) {
      // (without BMT_NO_TFS: "VCS: Client has asked for the closest site information")
      if (value & def.mask) out += withTfs && def.tf ? `, ${def.label}: ${def.tf[0]}` : `, ${def.label}`;
    } else if (def.names !== undefined) {
      const v = (value & def.mask) >>> maskShift(def.mask);
      out += `, ${def.label}: ${def.names.get(v) ?? 'Unknown'}`;
    }
  }
  return out;
}

/**
 * A word of flags (proto_tree_add_bitmask): field `word`, `n` bytes at o, a line under it for each
 * field of `ids` (its part of the word: a boolean's masked bits, an integer's value), and when
 * `named` the set ones named on the word's line (setFlagNames). Returns the word, or -1 past `end`.
 */
export function flagWord(c: Ctx, word: number, ids: readonly number[], o: number, end: number, n = 1, named = true, withTfs = false): number {
  const f = c.f;
  const v = c.uint(word, o, n, end);
  if (v < 0) return v;
  return flagParts(c, f.last, ids, o, n, v, named, withTfs);
}

/** The parts of a flags word already added as item `item` (its value `v`, read however the
 *  protocol orders its bytes): named on its line as flagWord names them, a line for each beneath. */
export function flagParts(c: Ctx, item: number, ids: readonly number[], o: number, n: number, v: number, named = true, withTfs = false): number {
  const f = c.f;
  if (named && f.wanted === null) f.appendLabel(item, setFlagNames(ids, v, withTfs));
  f.push(item);
  for (const id of ids) {
    const def = fieldById(id);
    f.add(id, o, n, def.type === FT.BOOLEAN ? v & def.mask : (v & def.mask) >>> maskShift(def.mask));
  }
  f.pop();
  return v;
}
