// What Wireshark appends to a bitmask word's line (proto_tree_add_bitmask with BMT_NO_FALSE |
// BMT_NO_INT | BMT_NO_TFS): ", " and the label of each boolean flag that is set, and for each
// integer part with value names ", label: name", in the bitmask's order ("Flags: 0x2, Don't
// fragment", "Flags: 0x0800, VXLAN Network ID (VNI)", NTP's "Flags 2: 0x82, Response bit:
// Response, Opcode: read variables"); integer parts without names are left out.

import { FT, fieldById, maskShift } from '../fields/registry.ts';

/** The text for the masked fields `ids` of the word `value` (the word their masks are relative
 *  to), each part after ", "; '' when no part shows. */
export function setFlagNames(ids: readonly number[], value: number): string {
  let out = '';
  for (const id of ids) {
    const def = fieldById(id);
    if (def.type === FT.BOOLEAN) {
      if (value & def.mask) out += `, ${def.label}`;
    } else if (def.names !== undefined) {
      const v = (value & def.mask) >>> maskShift(def.mask);
      out += `, ${def.label}: ${def.names.get(v) ?? 'Unknown'}`;
    }
  }
  return out;
}
