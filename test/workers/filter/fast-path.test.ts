// The column fast path answers exactly what dissecting answers. On a generated 20000-packet capture
// (gen-capture.py) and on every corpus capture, every filter of valid.txt and 200 random filters
// (fast-check, fixed seed) select the same rows through
//   - the fast path with the shapes recorded at index time,
//   - the fast path with shapes learnt by a first run (first run: all dissected; then columns),
//   - matches() on each re-dissected packet (the slow path).

import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileFilter, type CompiledFilter } from '../../../workers/filter/compile.ts';
import { CORPUS_CAPTURES, generateCapture, readList } from './fixtures.ts';
import { indexCapture, type IndexedCapture } from './harness.ts';

const V4 = ['10.1.0.5', '10.1.0.0/16', '10.100.0.0/16', '10.200.0.0/16', '10.0.0.0/8', '192.168.203.1', '10.5.0.53'];
const PORTS = ['22', '80', '443', '4789', '6081', '8472', '53', '5353', '514', '3306'];
const MACS = ['02:00:5e:00:00:01', 'ff:ff:ff:ff:ff:ff', '02:00:5e:10:00:07', '00:16:3e:08:71:cf'];
const FIELDS: [string, string[]][] = [
  ['ip.src', V4],
  ['ip.dst', V4],
  ['ip.addr', V4],
  ['ipv6.addr', ['fd00::1', 'fd00::/8', '::1']],
  ['ipv6.src', ['fd00::a', 'fd00::/16']],
  ['eth.src', MACS],
  ['eth.dst', MACS],
  ['eth.addr', MACS],
  ['udp.port', PORTS],
  ['udp.srcport', PORTS],
  ['udp.dstport', PORTS],
  ['tcp.port', PORTS],
  ['tcp.srcport', ['1024', '40000', '60000']],
  ['tcp.dstport', PORTS],
  ['vxlan.vni', ['5003', '5000', '6001', '100']],
  ['geneve.vni', ['70003', '70000', '10']],
  ['tcp.flags', ['0x002', '0x012', '0x010', '0x018']],
  ['tcp.flags.syn', ['0', '1']],
  ['tcp.flags.ack', ['0', '1']],
  ['tcp.flags.reset', ['1']],
  ['ip.proto', ['6', '17', '1']],
  ['ipv6.nxt', ['6', '17']],
  ['frame.len', ['60', '100', '200', '1000']],
  ['frame.cap_len', ['60', '1000']],
  ['frame.number', ['5', '100', '1000', '15000']],
  ['ip.ttl', ['64', '62']],
  ['vlan.id', ['10', '100']],
  ['arp.opcode', ['1', '2']],
];
const OPS = ['==', '!=', '===', '~=', '<', '>=', 'contains'];

const atom: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.constantFrom(...FIELDS), fc.constantFrom(...OPS), fc.nat(), fc.constantFrom('', '#1', '#2', '#[1-2]')).map(([[f, vals], op, k, layer]) => {
    const v = vals[k % vals.length] as string;
    const o = op === 'contains' ? '==' : op;
    return `${f}${layer} ${o} ${v}`;
  }),
  fc.tuple(fc.constantFrom(...FIELDS), fc.nat(), fc.nat()).map(([[f, vals], a, b]) => `${f} in {${vals[a % vals.length]}, ${vals[b % vals.length]}}`),
  fc.constantFrom('vxlan', 'geneve', 'tcp', 'udp', 'arp', 'ipv6', 'vlan', 'dns', 'icmp', 'ip#2', 'eth#2', 'count(ip) == 2', 'count(eth.src) > 1', 'len(ip.src) == 4', 'eth.src[0:3] == 02:00:5e', 'frame.len > ip.len', 'udp.port in {4789..8472}', 'tcp.flags & 0x02', 'tcp.flags.syn'),
);

const filterArb: fc.Arbitrary<string> = fc.letrec<{ f: string }>((tie) => ({
  f: fc.oneof({ depthSize: 'small', withCrossShrink: true }, atom, fc.tuple(tie('f'), fc.constantFrom('&&', '||'), tie('f')).map(([a, op, b]) => `(${a}) ${op} (${b})`), tie('f').map((a) => `!(${a})`)),
})).f;

const RANDOM = fc.sample(filterArb, { seed: 20240611, numRuns: 200 });

function compileAll(exprs: string[]): CompiledFilter[] {
  return exprs.map((e) => {
    const c = compileFilter(e);
    if (!c.ok) throw new Error(`${e}: ${c.error}`);
    return c;
  });
}

/** Rows each filter selects by dissecting every row (one dissection per row for all filters). */
function slowAnswers(cap: IndexedCapture, filters: CompiledFilter[]): number[][] {
  const out: number[][] = filters.map(() => []);
  for (let r = 0; r < cap.table.length; r++) {
    const fl = cap.dissectRow(r);
    filters.forEach((f, k) => {
      if (f.matches(fl)) (out[k] as number[]).push(r);
    });
  }
  return out;
}

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
