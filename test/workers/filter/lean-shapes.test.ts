// The index pass's lean shapes (workers/filter/shapes.ts over a shapeMask() dissection) answer
// exactly what dissecting answers. On every corpus capture and on a generated 20000-packet overlay
// mix, every filter of test/fixtures/filters/valid.txt and 200 random filters select the same rows
// as matches() on each row's full re-dissection (the slow path): those the lean shapes cover
// through them, the others through the run that dissects every row and makes the index full, and
// then all of them again through the full index. The session's own wiring (index pass, merge of
// several files by time, filter) is checked the same way. And what observe() relies on without
// checking it per packet: every row of a shape has that shape's entries, and the address columns
// hold the bytes of the shape's address entries.

import { existsSync, mkdtempSync, openAsBlob, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PacketDissector } from '../../../workers/dissect.ts';
import type { FieldList } from '../../../workers/fields/field-list.ts';
import { compileFilter, type CompiledFilter } from '../../../workers/filter/compile.ts';
import { shapeMask } from '../../../workers/filter/shape-fields.ts';
import type { Shape } from '../../../workers/filter/shapes.ts';
import { readCapture } from '../../../workers/formats/open.ts';
import { CaptureSession } from '../../../workers/session.ts';
import { CORPUS_CAPTURES, generateCapture, readList } from './fixtures.ts';
import { compileAll, indexCapture, slowAnswers, type IndexedCapture } from './harness.ts';
import { RANDOM } from './random-filters.ts';

const EXPRS = [...readList('valid.txt'), ...RANDOM];

interface Tally {
  filters: number;
  /** Filters answered from the index's lean shapes. */
  fromIndex: number;
  /** Row tests of those filters, and how many were answered from the columns. */
  rowTests: number;
  fastFromIndex: number;
}

/** Every filter on the lean index, then the filters it does not cover (the first of them makes
 *  it a full index), then every filter again on the full index: each = the slow path. */
async function checkCapture(path: string, tally: Tally): Promise<void> {
  const cap = await indexCapture(path, { lean: true });
  const mask = cap.shapes.mask as Uint8Array;
  expect(mask).not.toBeNull();
  const filters = compileAll(EXPRS);
  const slow = slowAnswers(cap, filters);
  const input = cap.input(true);
  const check = async (k: number, phase: string): Promise<void> => {
    const f = filters[k] as CompiledFilter;
    expect(Array.from(await f.run(input)), `${path}: ${EXPRS[k]} (${phase})`).toEqual(slow[k]);
  };
  const covered = filters.map((f) => f.fieldIds.every((id) => mask[id] === 1));
  for (let k = 0; k < filters.length; k++) {
    if (!covered[k]) continue;
    await check(k, 'lean shapes');
    const f = filters[k] as CompiledFilter;
    expect(f.stats.fromIndex).toBe(true);
    tally.fromIndex++;
    tally.fastFromIndex += f.stats.fast;
    tally.rowTests += f.stats.rows;
  }
  tally.filters += filters.length;
  const uncovered = filters.map((_, k) => k).filter((k) => !covered[k]);
  for (const k of uncovered) await check(k, 'learning');
  if (uncovered.length > 0) expect(cap.shapes.mask).toBeNull();
  for (let k = 0; k < filters.length; k++) await check(k, 'full shapes learnt into the index');
}

/** Every row of a lean shape: its lean dissection has the shape's entries, and the table's
 *  address columns hold the bytes of the shape's address entries. Returns the rows checked. */
async function checkAddressColumns(path: string): Promise<number> {
  const cap = await indexCapture(path, { lean: true });
  const t = cap.table;
  const cols = [t.src, t.dst, t.outerSrc, t.outerDst];
  const d = new PacketDissector([], shapeMask());
  let r = -1;
  let checked = 0;
  await readCapture(await openAsBlob(path), (rec) => {
    r++;
    const fl = d.dissect(rec, r + 1);
    const sid = cap.shapes.rowShape[r] as number;
    if (sid === 0) return;
    const sh = cap.shapes.shapes[sid] as Shape;
    expect(Array.from(fl.id.subarray(0, fl.count)), `${path} row ${r}`).toEqual(Array.from(sh.ids));
    expect(Array.from(fl.parent.subarray(0, fl.count)), `${path} row ${r}`).toEqual(Array.from(sh.parents));
    cols.forEach((col, c) => {
      const e = sh.colAt[c] as number;
      if (e < 0) return;
      const o = fl.off[e] as number;
      const want = Array.from(fl.bytesOf(e).subarray(o, o + (fl.len[e] as number)));
      expect(Array.from(cap.addrs.bytesOf(col[r] as number)), `${path} row ${r} column ${c}`).toEqual(want);
    });
    checked++;
  });
  return checked;
}

describe('lean shapes of the index pass = dissection', () => {
  const dir = mkdtempSync(join(tmpdir(), 'decapod-leanshapes-'));
  const gen = join(dir, 'gen-20000.pcap');
  let haveGen = false;
  beforeAll(() => {
    haveGen = generateCapture(gen, 20000, 1);
  }, 120_000);

  it('generated capture, 20000 packets: valid.txt and 200 random filters', async (ctx) => {
    if (!haveGen) return ctx.skip();
    const tally: Tally = { filters: 0, fromIndex: 0, rowTests: 0, fastFromIndex: 0 };
    await checkCapture(gen, tally);
    console.log(`lean shapes, generated mix: ${tally.fromIndex} of ${tally.filters} filters answered from the index's lean shapes, ${tally.fastFromIndex} of their ${tally.rowTests} row tests from the columns`);
    // most filters of these lists name only column fields (addresses, ports, VNIs, flags, frame.*)
    expect(tally.fromIndex / tally.filters).toBeGreaterThan(0.5);
  }, 600_000);

  it('the benchmark filters need no dissection right after the index pass', async (ctx) => {
    if (!haveGen) return ctx.skip();
    const cap = await indexCapture(gen, { lean: true });
    for (const expr of ['vxlan.vni == 5003 && tcp.flags.syn == 1', 'ip.addr == 10.100.0.0/16', 'tcp.port == 443 && frame.len > 100', 'eth.addr == ff:ff:ff:ff:ff:ff', 'ip.src#2 == 10.200.0.0/16 && ip.dst#1 == 10.100.0.0/16']) {
      const f = compileFilter(expr) as CompiledFilter;
      const rows = await f.run(cap.input(true));
      expect(f.stats.fromIndex, expr).toBe(true);
      expect(f.stats.dissected, expr).toBe(0);
      expect(rows.length, expr).toBeGreaterThan(0);
    }
    // a field the lean dissection leaves out: every row dissected once, and observed into the
    // index, which then holds full shapes: the same filter again reads columns where it can
    const ttl = compileFilter('ip.ttl == 64') as CompiledFilter;
    const first = Array.from(await ttl.run(cap.input(true)));
    expect(ttl.stats.fromIndex).toBe(false);
    expect(ttl.stats.dissected).toBe(cap.table.length);
    expect(cap.shapes.mask).toBeNull();
    expect(Array.from(await ttl.run(cap.input(true)))).toEqual(first);
    expect(ttl.stats.fromIndex).toBe(true);
    expect(ttl.stats.dissected).toBeLessThan(cap.table.length);
  }, 120_000);

  const corpus = existsSync(CORPUS_CAPTURES) ? readdirSync(CORPUS_CAPTURES).sort() : [];
  it('every row of a shape has its entries, and its address columns hold their bytes', async () => {
    let rows = 0;
    for (const name of corpus) rows += await checkAddressColumns(join(CORPUS_CAPTURES, name));
    if (haveGen) rows += await checkAddressColumns(gen);
    expect(rows).toBeGreaterThan(700);
  }, 300_000);


  it(`every corpus capture (${corpus.length}): valid.txt and 200 random filters`, async () => {
    const tally: Tally = { filters: 0, fromIndex: 0, rowTests: 0, fastFromIndex: 0 };
    for (const name of corpus) await checkCapture(join(CORPUS_CAPTURES, name), tally);
    console.log(`lean shapes, corpus: ${tally.fromIndex} of ${tally.filters} filter runs answered from the index's lean shapes, ${tally.fastFromIndex} of their ${tally.rowTests} row tests from the columns`);
    expect(tally.fromIndex).toBeGreaterThan(0);
  }, 600_000);

  it('the session: two files merged by time, filters from the index pass = dissection', async () => {
    const names = ['vxlan.pcap', 'geneve.pcap', 'tcp-handshake-nano.pcap'].filter((n) => existsSync(join(CORPUS_CAPTURES, n)));
    if (names.length < 2) return;
    const session = new CaptureSession();
    const blobs = await Promise.all(names.map((n) => openAsBlob(join(CORPUS_CAPTURES, n))));
    const opened = await session.open(blobs, names, []);
    // the session's own slow path: each row re-dissected in full, as its filter does for the rows
    // its shapes do not answer (private members, reached for the test only)
    const inner = session as unknown as { readPackets(rows: number[]): Promise<Map<number, Uint8Array>>; dissectRow(r: number, b: Uint8Array): FieldList; filter: CompiledFilter | null };
    const all = Array.from({ length: opened.packets }, (_, r) => r);
    const bytes = await inner.readPackets(all);
    const filters = compileAll(EXPRS);
    const slow: number[][] = filters.map(() => []);
    for (const r of all) {
      const fl = inner.dissectRow(r, bytes.get(r) ?? new Uint8Array(0));
      filters.forEach((f, k) => {
        if (f.matches(fl)) (slow[k] as number[]).push(r + 1);
      });
    }
    let fromIndex = 0;
    for (let k = 0; k < EXPRS.length; k++) {
      const res = await session.applyFilter(EXPRS[k] as string);
      expect(res.ok).toBe(true);
      const win = await session.getRows(0, res.displayed);
      expect(Array.from(win.frame), EXPRS[k]).toEqual(slow[k]);
      if (inner.filter?.stats.fromIndex) fromIndex++;
    }
    expect(fromIndex).toBeGreaterThan(EXPRS.length / 2);
  }, 300_000);
});
