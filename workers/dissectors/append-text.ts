// Text appended to a tree item's line (Wireshark's proto_item_append_text), whatever the item is.

import { EF } from '../fields/field-list.ts';
import { fieldById, FT } from '../fields/registry.ts';
import type { Ctx } from './context.ts';

/** Append `s` to item `i`'s line: after a value field's value, or after the label of a subtree
 *  item (FT_NONE), which gets its field's label first (proto_item_append_text). */
export function appendTo(c: Ctx, i: number, s: string): void {
  const f = c.f;
  if (i < 0 || f.wanted !== null) return;
  const def = fieldById(f.id[i] as number);
  if ((f.flags[i] as number) & EF.STR) {
    // (a string value keeps its value: the whole line is set beside it)
    f.setText(i, (f.textLine(i) ?? `${def.label}: ${f.str[i] ?? ''}`) + s);
    return;
  }
  if (def.type === FT.NONE && f.str[i] === undefined) f.label(i, def.label);
  f.appendLabel(i, s);
}
