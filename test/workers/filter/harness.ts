// A packet table built the way the session's index pass builds it (dissect, summarize), plus the
// shapes recorded at the same time, and a `dissect` callback that re-dissects kept packet bytes:
// everything a FilterInput needs, without a Blob per read. Used by the fast-path property tests.
// `lean`: the index pass dissects lean (shapeMask(), as the session does) and records lean shapes;
// re-dissection gives full trees, as the session's does after its index pass.

import { openAsBlob } from 'node:fs';
import { PacketDissector } from '../../../workers/dissect.ts';
import type { FieldList } from '../../../workers/fields/field-list.ts';
import { compileFilter, type CompiledFilter, type FilterInput } from '../../../workers/filter/compile.ts';
import { ShapeIndex } from '../../../workers/filter/shapes.ts';
import { shapeMask } from '../../../workers/filter/shape-fields.ts';
import { readCapture } from '../../../workers/formats/open.ts';
import { RecordKind, type PacketRecord } from '../../../workers/formats/record.ts';
import { AddressTable } from '../../../workers/table/addresses.ts';
import { PacketTable } from '../../../workers/table/packet-table.ts';
import { summarize } from '../../../workers/table/summarize.ts';

export interface IndexedCapture {
  table: PacketTable;
  addrs: AddressTable;
  shapes: ShapeIndex;
  /** The input with the shapes (index-time observe) or without (the filter learns them). */
  input(withShapes: boolean): FilterInput;
  /** Re-dissect one row (second pass). */
  dissectRow(r: number): FieldList;
  indexMs: number;
}

export async function indexCapture(path: string, opts: { lean?: boolean } = {}): Promise<IndexedCapture> {
  const t0 = performance.now();
  const table = new PacketTable();
  const addrs = new AddressTable();
  const mask = opts.lean ? shapeMask() : null;
  const shapes = new ShapeIndex(mask);
  const d = new PacketDissector([], mask);
  const data: Uint8Array[] = [];
  const meta: { sec: number; nsec: number; hasTime: boolean; link: number; orig: number }[] = [];
  let frame = 0;
  await readCapture(await openAsBlob(path), (rec) => {
    frame++;
    const fl = d.dissect(rec, frame);
    const r = table.addRecord(rec, d.status);
    summarize(fl, table, r, addrs);
    shapes.observe(fl, r, table, addrs, d.status);
    data.push(rec.data.slice());
    meta.push({ sec: rec.tsSec, nsec: rec.tsNsec, hasTime: rec.hasTime, link: rec.linkType, orig: rec.origLen });
  });
  table.trim();
  d.ctx.firstPass = false;
  d.ctx.f.wanted = null;
  const rec: PacketRecord = { kind: RecordKind.PACKET, fileOffset: 0, data: new Uint8Array(0), capLen: 0, origLen: 0, hasTime: false, tsSec: 0, tsNsec: 0, linkType: 0, interfaceId: 0, comments: null };
  const dissectRow = (r: number): FieldList => {
    const m = meta[r] as (typeof meta)[number];
    rec.data = data[r] as Uint8Array;
    rec.capLen = rec.data.length;
    rec.origLen = m.orig;
    rec.hasTime = m.hasTime;
    rec.tsSec = m.sec;
    rec.tsNsec = m.nsec;
    rec.linkType = m.link;
    return d.dissect(rec, r + 1);
  };
  const indexMs = performance.now() - t0;
  return {
    table,
    addrs,
    shapes,
    indexMs,
    dissectRow,
    input: (withShapes) => ({
      table,
      addrs,
      rows: table.length,
      ...(withShapes ? { shapes } : {}),
      dissect: async (rows: number[], each: (row: number, fl: FieldList) => void) => {
        for (const r of rows) each(r, dissectRow(r));
      },
    }),
  };
}

/** Compile every expression, failing the test on the first that does not compile. */
export function compileAll(exprs: string[]): CompiledFilter[] {
  return exprs.map((e) => {
    const c = compileFilter(e);
    if (!c.ok) throw new Error(`${e}: ${c.error}`);
    return c;
  });
}

/** Rows each filter selects by dissecting every row in full (one dissection per row for all filters). */
export function slowAnswers(cap: IndexedCapture, filters: CompiledFilter[]): number[][] {
  const out: number[][] = filters.map(() => []);
  for (let r = 0; r < cap.table.length; r++) {
    const fl = cap.dissectRow(r);
    filters.forEach((f, k) => {
      if (f.matches(fl)) (out[k] as number[]).push(r);
    });
  }
  return out;
}
