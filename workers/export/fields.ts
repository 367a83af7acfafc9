// `tshark -T fields -E separator=/t -E occurrence=a -E aggregator=,` as a pure function of a
// capture: one line per frame, each requested field's occurrences in tree order joined with ",".
// The command line writes these lines to stdout; the golden tests compare them with tshark's.

import { PacketDissector } from '../dissect.ts';
import { FT, allFields, fieldByName, fieldById, type FieldDef } from '../fields/registry.ts';
import { valueText } from '../fields/format.ts';
import type { FieldList } from '../fields/field-list.ts';
import { leanMask } from '../fields/lean-mask.ts';
import { ByteSink } from './byte-sink.ts';
import { writeValue } from './value-bytes.ts';
import { readCapture, type ReadOptions } from '../formats/open.ts';
import type { DecodeAsRule } from '../dissectors/tables.ts';

export interface FieldsOptions {
  fields: readonly string[];
  rules?: readonly DecodeAsRule[];
  header?: boolean;
  /** Called with each batch of output, UTF-8 lines ending in "\n" (the consumer may keep the array). */
  write: (bytes: Uint8Array) => void;
  /** Optional per-frame predicate (the display filter) deciding whether a frame is printed. */
  filter?: (fl: FieldList, frameNo: number) => boolean;
  read?: ReadOptions;
}

export interface FieldsResult {
  frames: number;
  printed: number;
  /** The capture's damage, if any (all frames before it were printed). */
  error: string | null;
}

const TAB = 0x09;
const COMMA = 0x2c;
const LF = 0x0a;

/** The pseudo-field tshark computes from the whole tree. */
const PROTOCOLS = 'frame.protocols';

/** Check the field names; returns the unknown ones. */
export function unknownFields(fields: readonly string[]): string[] {
  return fields.filter((n) => n !== PROTOCOLS && fieldByName(n) === undefined);
}

export async function exportFields(file: Blob, opts: FieldsOptions): Promise<FieldsResult> {
  const bad = unknownFields(opts.fields);
  if (bad.length > 0) throw new Error(`unknown field${bad.length > 1 ? 's' : ''}: ${bad.join(', ')}`);
  const nCols = opts.fields.length;
  // field id -> output columns that print it (a field may be asked for twice).
  const colsOf = new Map<number, number[]>();
  let protocolsCol = -1;
  opts.fields.forEach((name, col) => {
    if (name === PROTOCOLS) {
      protocolsCol = col;
      return;
    }
    const def = fieldByName(name) as FieldDef;
    const list = colsOf.get(def.id) ?? [];
    list.push(col);
    colsOf.set(def.id, list);
  });
  const slot = new Int32Array(allFields().length).fill(-1);
  const multi: number[][] = [];
  for (const [id, cols] of colsOf) {
    slot[id] = multi.length;
    multi.push(cols);
  }
  // Occurrences of each output column in this frame: entry indices in tree order, column c's in
  // occ[c * cap, c * cap + counts[c]) (cap doubles when a frame has more).
  const counts = new Int32Array(nCols);
  let cap = 8;
  let occ: Int32Array = new Int32Array(nCols * cap);
  // Without a filter (which may read any field) or frame.protocols, dissect only what is printed.
  const lean = opts.filter === undefined && protocolsCol < 0 ? leanMask(colsOf.keys()) : null;
  const dissector = new PacketDissector(opts.rules ?? [], lean);
  dissector.ctx.singlePass = true;
  const out = new ByteSink(opts.write);
  if (opts.header) out.text(opts.fields.join('\t') + '\n');
  let frames = 0;
  let printed = 0;
  const summary = await readCapture(
    file,
    (rec) => {
      frames++;
      const fl = dissector.dissect(rec, frames);
      if (opts.filter && !opts.filter(fl, frames)) return;
      printed++;
      counts.fill(0);
      const ids = fl.id;
      for (let i = 0; i < fl.count; i++) {
        const s = slot[ids[i] as number] as number;
        if (s < 0) continue;
        const cols = multi[s] as number[];
        for (let k = 0; k < cols.length; k++) {
          const c = cols[k] as number;
          const n = counts[c] as number;
          if (n === cap) occ = widen(occ, nCols, (cap *= 2));
          occ[c * cap + n] = i;
          counts[c] = n + 1;
        }
      }
      for (let c = 0; c < nCols; c++) {
        if (c > 0) out.byte(TAB);
        if (c === protocolsCol) {
          out.text(protocolsOf(fl));
          continue;
        }
        const n = counts[c] as number;
        for (let k = 0; k < n; k++) {
          if (k > 0) out.byte(COMMA);
          writeValue(out, fl, occ[c * cap + k] as number);
        }
      }
      out.byte(LF);
    },
    opts.read,
  );
  out.flush();
  return { frames, printed, error: summary.error };
}

/** The occurrence table re-laid out for a larger per-column capacity. */
function widen(occ: Int32Array, nCols: number, cap: number): Int32Array {
  const old = occ.length / nCols;
  const w = new Int32Array(nCols * cap);
  for (let c = 0; c < nCols; c++) w.set(occ.subarray(c * old, (c + 1) * old), c * cap);
  return w;
}

/** Best-effort `frame.protocols`: the protocol layers in order (tshark adds pseudo-layers we do not). */
function protocolsOf(fl: FieldList): string {
  const parts: string[] = [];
  for (let i = 0; i < fl.count; i++) {
    const def = fieldById(fl.id[i] as number);
    if (def.type === FT.PROTOCOL && !def.name.startsWith('_ws')) parts.push(def.name);
  }
  return parts.join(':');
}
