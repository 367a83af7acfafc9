// The column fast path answers exactly what dissecting answers. On a generated 20000-packet capture
// (gen-capture.py) and on every corpus capture, every filter of valid.txt and 200 random filters
// (fast-check, fixed seed) select the same rows through
//   - the fast path with the shapes recorded at index time,
//   - the fast path with shapes learnt by a first run (first run: all dissected; then columns),
//   - matches() on each re-dissected packet (the slow path).

import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileFilter, type CompiledFilter } from '../../../workers/filter/compile.ts';
import { CORPUS_CAPTURES, generateCapture, readList } from './fixtures.ts';
import { compileAll, indexCapture, slowAnswers, type IndexedCapture } from './harness.ts';
import { RANDOM } from './random-filters.ts';

/** Check every filter with index-time shapes, and the first `learnt` filters with learnt shapes. */
async function checkCapture(path: string, exprs: string[], learnt: number): Promise<{ fast: number; rows: number }> {
  const cap = await indexCapture(path);
  const filters = compileAll(exprs);
  const slow = slowAnswers(cap, filters);
  let fast = 0;
  let rows = 0;
  for (let k = 0; k < filters.length; k++) {
    const f = filters[k] as CompiledFilter;
    const want = slow[k] as number[];
    expect(Array.from(await f.run(cap.input(true))), `${exprs[k]} (index-time shapes)`).toEqual(want);
    fast += f.stats.fast;
    rows += f.stats.rows;
  }
  // a table of its own, so that the first run really learns (shapes are kept per table)
  const fresh = learnt > 0 ? await indexCapture(path) : null;
  for (let k = 0; fresh && k < Math.min(learnt, filters.length); k++) {
    const f = compileFilter(exprs[k] as string) as CompiledFilter;
    const input = fresh.input(false);
    expect(Array.from(await f.run(input)), `${exprs[k]} (learning run)`).toEqual(slow[k]);
    if (k === 0) expect(f.stats.dissected).toBe(fresh.table.length);
    expect(Array.from(await f.run(input)), `${exprs[k]} (learnt shapes)`).toEqual(slow[k]);
  }
  return { fast, rows };
}

describe('column fast path = dissection', () => {
  const dir = mkdtempSync(join(tmpdir(), 'decapod-fastpath-'));
  const gen = join(dir, 'gen-20000.pcap');
  let haveGen = false;
  beforeAll(() => {
    haveGen = generateCapture(gen, 20000, 1);
  }, 120_000);

  it('random filters parse', () => {
    expect(RANDOM.length).toBe(200);
    compileAll(RANDOM);
  });

  it('generated capture, 20000 packets: valid.txt and 200 random filters', async (ctx) => {
    if (!haveGen) return ctx.skip();
    const exprs = [...readList('valid.txt'), ...RANDOM];
    const { fast, rows } = await checkCapture(gen, exprs, 8);
    console.log(`fast path: ${exprs.length} filters on 20000 packets: ${fast} of ${rows} row tests answered from the columns (${((100 * fast) / rows).toFixed(1)}%)`);
    // most rows of this overlay mix are answered from the columns
    expect(fast / rows).toBeGreaterThan(0.5);
  }, 600_000);

  it('the benchmark filter needs no dissection on the generated mix', async (ctx) => {
    if (!haveGen) return ctx.skip();
    const cap = await indexCapture(gen);
    const f = compileFilter('vxlan.vni == 5003 && tcp.flags.syn == 1') as CompiledFilter;
    const rows = await f.run(cap.input(true));
    expect(f.stats.dissected).toBe(0);
    expect(rows.length).toBeGreaterThan(0);
  }, 120_000);

  const corpus = existsSync(CORPUS_CAPTURES) ? readdirSync(CORPUS_CAPTURES).sort() : [];
  it(`every corpus capture (${corpus.length}): valid.txt and 200 random filters`, async () => {
    const exprs = [...readList('valid.txt'), ...RANDOM];
    for (const name of corpus) await checkCapture(join(CORPUS_CAPTURES, name), exprs, exprs.length);
  }, 600_000);
});
