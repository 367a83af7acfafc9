// The fields packet shapes (shapes.ts) tie to the table's columns, per field id: each column
// field's role (which column summarize.ts copies it to), and each field's type, mask and shift (to
// check aliases and masked parts). Also the lean mask of the index pass that records shapes: the
// summary's fields, plus every field a shape can answer from the columns, so that a lean shape
// holds every occurrence of each of them (test/workers/engine/lean-dissection.test.ts: a lean list
// is the full one restricted to its wanted fields).

import { FT, allFields, maskShift } from '../fields/registry.ts';
import { Role, summaryIds, summaryMask } from '../table/summarize.ts';

/** Per field id: its role, registry type and mask (arrays: the index pass reads them per packet). */
export class ShapeFields {
  readonly role: Uint8Array;
  readonly type: Uint8Array;
  readonly mask: Uint32Array;
  /** Trailing zero bits of the mask (the shift of a masked integer field). */
  readonly shift: Uint8Array;
  constructor() {
    const all = allFields();
    this.role = new Uint8Array(all.length);
    this.type = new Uint8Array(all.length);
    this.mask = new Uint32Array(all.length);
    this.shift = new Uint8Array(all.length);
    for (const f of all) {
      this.type[f.id] = f.type;
      this.mask[f.id] = f.mask;
      this.shift[f.id] = maskShift(f.mask);
    }
    // the summary's own table (the column each field's entries go to), sized for every field now
    this.role.set(summaryIds().role.subarray(0, all.length));
  }
}

let fields: ShapeFields | undefined;

/** The tables, rebuilt when fields were registered after they were made (a late import). */
export function shapeFields(): ShapeFields {
  if (fields === undefined || fields.type.length !== allFields().length) fields = new ShapeFields();
  return fields;
}

export { maskShift };

/** Fields that are the same bytes as a column field: siblings (`ip.addr` beside `ip.src`, `udp.port`
 *  beside `udp.srcport`) or children (`eth.addr` under `eth.src`). */
const ALIASES = ['ip.addr', 'ipv6.addr', 'tcp.port', 'udp.port', 'eth.addr'];

let mask: Uint8Array | undefined;

/**
 * The lean mask of an index pass that records shapes: summaryMask() plus the column fields the
 * summary does not read (frame.*), their aliases, and their masked parts (the fields named under
 * an integer column field with a mask: `tcp.flags.syn`). A filter whose fields are all in it is
 * answered from lean shapes exactly; any other filter learns full shapes (fast-path.ts).
 */
export function shapeMask(): Uint8Array {
  if (mask !== undefined && mask.length === allFields().length) return mask;
  const m = new Uint8Array(allFields().length);
  m.set(summaryMask());
  const F = shapeFields();
  const prefixes: string[] = [];
  for (const f of allFields()) {
    if (F.role[f.id] === Role.NONE) continue;
    m[f.id] = 1;
    if (f.type === FT.UINT || f.type === FT.INT) prefixes.push(f.name + '.');
  }
  for (const f of allFields()) {
    if (ALIASES.includes(f.name)) m[f.id] = 1;
    else if (f.mask !== 0 && prefixes.some((p) => f.name.startsWith(p))) m[f.id] = 1;
  }
  return (mask = m);
}
