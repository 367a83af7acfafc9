// What Wireshark appends to a flags word's line (proto_tree_add_bitmask with BMT_NO_FALSE |
// BMT_NO_TFS): ", " and the label of each boolean flag that is set, in the bitmask's order
// ("Flags: 0x2, Don't fragment", "Flags: 0x0800, VXLAN Network ID (VNI)").

import { fieldById } from '../fields/registry.ts';

/** The names of the boolean fields `ids` whose mask is set in `value` (the word their masks are
 *  relative to), each after ", "; '' when none is. */
export function setFlagNames(ids: readonly number[], value: number): string {
  let out = '';
  for (const id of ids) {
    const def = fieldById(id);
    if (value & def.mask) out += `, ${def.label}`;
  }
  return out;
}
