// The `wanted` mask of a lean dissection (FieldList.wanted): which fields to keep when only a few
// are read, as in the index pass and in `fields`. Protocol items are always kept (they give the
// tree its layers: the Protocol column, nesting under ICMP errors, the layer operator), and so are
// the fields that dissectors read back from the list while dissecting.

import { FT, allFields } from './registry.ts';
import { F as FRAME } from '../dissectors/frame.ts';

/** Fields a dissector reads back from the list (DNS and ICMP response times read frame.time). */
const READ_BACK = (): number[] => [FRAME.time];

/** A mask keeping every protocol, the read-back fields and the given field ids. Build it after
 *  all dissectors have registered their fields (importing dissect.ts does that). */
export function leanMask(ids: Iterable<number>): Uint8Array {
  const all = allFields();
  const m = new Uint8Array(all.length);
  for (const def of all) if (def.type === FT.PROTOCOL) m[def.id] = 1;
  for (const id of READ_BACK()) m[id] = 1;
  for (const id of ids) if (id >= 0 && id < m.length) m[id] = 1;
  return m;
}
