// proto_tree_add_bitmask as packet-iscsi.c and packet-scsi.c call it (BMT_NO_INT | BMT_NO_FALSE |
// BMT_NO_TFS): the byte's item, its bits under it, and after its value the names of the bits that
// are set and of the parts that have value names: "Flags: 0xc1, F, R, Attr: Simple".

import { FT, fieldById, maskShift } from '../fields/registry.ts';
import type { Ctx } from './context.ts';

/** Add byte `off` as field `id` with `parts` (masked fields of the same byte) under it; returns its entry. */
export function bitmask(c: Ctx, id: number, off: number, end: number, parts: readonly number[]): number {
  if (!c.has(off, 1, end)) return -1;
  const f = c.f;
  const v = c.b[off] as number;
  const item = f.add(id, off, 1, v);
  let text = '';
  f.push(item);
  for (const p of parts) {
    const def = fieldById(p);
    const part = (v & def.mask) >>> maskShift(def.mask);
    f.add(p, off, 1, part);
    if (f.wanted !== null) continue;
    if (def.type === FT.BOOLEAN) {
      if (part !== 0) text += `, ${def.label}`;
    } else if (def.names !== undefined) text += `, ${def.label}: ${def.names.get(part) ?? 'Unknown'}`;
  }
  f.pop();
  if (text !== '' && f.wanted === null) f.appendLabel(item, text);
  return item;
}
