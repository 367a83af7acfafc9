// `tshark -T fields -E separator=/t -E occurrence=a -E aggregator=,` as a pure function of a
// capture: one line per frame, each requested field's occurrences in tree order joined with ",".
// The command line writes these lines to stdout; the golden tests compare them with tshark's.

import { useDisplayedFrames } from '../dissectors/frame-times.ts';
import { PacketDissector } from '../dissect.ts';
import { allFields, fieldByName, type FieldDef } from '../fields/registry.ts';
import type { FieldList } from '../fields/field-list.ts';
import { leanMask } from '../fields/lean-mask.ts';
import { ByteSink } from './byte-sink.ts';
import { columnOf, MULTI, writeRow, type Column } from './row.ts';
import { RowEncoder } from './row-batch.ts';
import { readCapture, type ReadOptions } from '../formats/open.ts';
import type { DecodeAsRule } from '../dissectors/tables.ts';

export interface FieldsOptions {
  fields: readonly string[];
  rules?: readonly DecodeAsRule[];
  header?: boolean;
  /** Called with each batch of output, UTF-8 lines ending in "\n" (the consumer may keep the array). */
  write: (bytes: Uint8Array) => void;
  /** Instead of writing the rows, encode them (row-batch.ts) for a writer elsewhere, which makes
   *  the columns with exportColumns(fields) and decodes them to text; each batch is valid only
   *  during the call. */
  batches?: (batch: Uint8Array) => void;
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


/** Check the field names; returns the unknown ones. */
export function unknownFields(fields: readonly string[]): string[] {
  return fields.filter((n) => fieldByName(n) === undefined);
}

export async function exportFields(file: Blob, opts: FieldsOptions): Promise<FieldsResult> {
  const bad = unknownFields(opts.fields);
  if (bad.length > 0) throw new Error(`unknown field${bad.length > 1 ? 's' : ''}: ${bad.join(', ')}`);
  const nCols = opts.fields.length;
  // field id -> output columns that print it (a field may be asked for twice).
  const colsOf = new Map<number, number[]>();
  opts.fields.forEach((name, col) => {
    const def = fieldByName(name) as FieldDef;
    const list = colsOf.get(def.id) ?? [];
    list.push(col);
    colsOf.set(def.id, list);
  });
  // field id -> its column (>= 0), MULTI when several columns print it (multiOf has them), else -1.
  const colOf = new Int32Array(allFields().length).fill(-1);
  const multiOf = new Map<number, number[]>();
  for (const [id, cols] of colsOf) {
    if (cols.length === 1) colOf[id] = cols[0] as number;
    else {
      colOf[id] = MULTI;
      multiOf.set(id, cols);
    }
  }
  const columns = exportColumns(opts.fields);
  // Occurrences of each output column in this frame: entry indices in tree order, column c's in
  // occ[c * cap, c * cap + counts[c]) (cap doubles when a frame has more). writeRow zeroes counts.
  const counts = new Int32Array(nCols);
  let cap = 8;
  let occ: Int32Array = new Int32Array(nCols * cap);
  // Without a filter (which may read any field), dissect only what is printed.
  const lean = opts.filter === undefined ? leanMask(colsOf.keys()) : null;
  const dissector = new PacketDissector(opts.rules ?? [], lean);
  dissector.ctx.singlePass = true;
  // frame.time_delta_displayed with a filter: since the last frame printed (tshark's single pass)
  const shown = { frame: 0, sec: 0, nsec: 0 };
  if (opts.filter) {
    useDisplayedFrames(dissector.ctx, {
      before: (_frame, out) => {
        out.sec = shown.sec;
        out.nsec = shown.nsec;
        return shown.frame;
      },
    });
  }
  const out = new ByteSink(opts.write);
  const encoder = opts.batches ? new RowEncoder(opts.batches) : null;
  if (opts.header) {
    const line = opts.fields.join('\t') + '\n';
    if (encoder) encoder.line(line);
    else out.text(line);
  }
  let frames = 0;
  let printed = 0;
  const note = (c: number, i: number): void => {
    const n = counts[c] as number;
    if (n === cap) occ = widen(occ, nCols, (cap *= 2));
    occ[c * cap + n] = i;
    counts[c] = n + 1;
  };
  const summary = await readCapture(
    file,
    (rec) => {
      frames++;
      const fl = dissector.dissect(rec, frames);
      if (opts.filter && !opts.filter(fl, frames)) return;
      printed++;
      shown.frame = frames;
      shown.sec = rec.hasTime ? rec.tsSec : 0;
      shown.nsec = rec.hasTime ? rec.tsNsec : 0;
      if (encoder) {
        encoder.row(fl, columns, colOf, multiOf);
        return;
      }
      const ids = fl.id;
      for (let i = 0; i < fl.count; i++) {
        const c = colOf[ids[i] as number] as number;
        if (c >= 0) note(c, i);
        else if (c === MULTI) for (const m of multiOf.get(ids[i] as number) as number[]) note(m, i);
      }
      writeRow(out, fl, columns, occ, counts, cap);
    },
    opts.read,
  );
  encoder?.flush();
  out.flush();
  return { frames, printed, error: summary.error };
}

/** How each output column is written. */
export function exportColumns(fields: readonly string[]): Column[] {
  return fields.map((name) => columnOf(fieldByName(name) as FieldDef));
}

/** The occurrence table re-laid out for a larger per-column capacity. */
function widen(occ: Int32Array, nCols: number, cap: number): Int32Array {
  const old = occ.length / nCols;
  const w = new Int32Array(nCols * cap);
  for (let c = 0; c < nCols; c++) w.set(occ.subarray(c * old, (c + 1) * old), c * cap);
  return w;
}
