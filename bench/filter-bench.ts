// Display filter benchmark on the generated overlay mix, through the real CaptureSession (the code
// the worker runs):
//
//   npx tsx bench/filter-bench.ts [--packets 1000000] [--file mix.pcap]
//
// Prints the index time, then per filter the applyFilter time, how many rows were answered from
// the columns and how many were dissected, and whose shapes answered: the index pass's (lean: the
// filters whose fields it keeps, from the first filter after open on) or shapes learnt by a first
// run that dissects every row (the other filters). Filters that need a value no column holds
// (ip.ttl) show the slow-path cost. Last, what recording the shapes costs the index pass.

import { existsSync, openAsBlob } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CaptureSession } from '../workers/session.ts';
import type { CompiledFilter } from '../workers/filter/compile.ts';
import { generateCapture } from '../test/workers/filter/fixtures.ts';

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(name);
  return i > 0 ? (process.argv[i + 1] ?? dflt) : dflt;
}

const packets = Number(arg('--packets', '1000000'));
const file = arg('--file', join(tmpdir(), `decapod-mix-${packets}.pcap`));
if (!existsSync(file)) {
  process.stdout.write(`generating ${packets} packets into ${file} …\n`);
  if (!generateCapture(file, packets, 1)) throw new Error('python3 gen-capture.py failed');
}

const session = new CaptureSession();
const t0 = performance.now();
const opened = await session.open([await openAsBlob(file)], [file], []);
process.stdout.write(`indexed ${opened.packets} packets in ${(performance.now() - t0).toFixed(0)} ms\n`);

/** The first filter after open: answered from the shapes the index pass recorded. */
const FIRST = 'vxlan.vni == 5003 && tcp.flags.syn == 1';
const FILTERS = [
  // the first filter again, three times: the column fast path when nothing is left to learn
  FIRST,
  FIRST,
  FIRST,
  'ip.addr == 10.100.0.0/16',
  'udp.dstport in {4789, 8472} && !(tcp.flags.ack == 1)',
  'eth.src[0:3] == 02:00:5e && ip.dst == 10.200.0.0/16',
  'geneve.vni == 70003 || vxlan.vni == 6001',
  'tcp.port == 443 && frame.len > 100',
  'ip.src#2 == 10.200.0.0/16 && ip.dst#1 == 10.100.0.0/16',
  'eth.addr == ff:ff:ff:ff:ff:ff',
  'ipv6',
  // slow path: values no column holds (the first such filter also learns full shapes)
  'ip.ttl == 64',
  'dns.qry.name contains "svc"',
];

process.stdout.write(`\n${'filter'.padEnd(58)} ${'ms'.padStart(8)} ${'shown'.padStart(8)} ${'columns'.padStart(9)} ${'dissected'.padStart(9)}  shapes\n`);
const run = async (f: string, label = f): Promise<void> => {
  const r = await session.applyFilter(f);
  if (!r.ok) throw new Error(`${f}: ${r.error}`);
  const stats = (session as unknown as { filter: CompiledFilter }).filter.stats;
  process.stdout.write(`${label.padEnd(58)} ${r.ms.toFixed(0).padStart(8)} ${String(r.displayed).padStart(8)} ${String(stats.fast).padStart(9)} ${String(stats.dissected).padStart(9)}  ${stats.fromIndex ? 'index' : 'learnt'}\n`);
};
await run(FIRST, `first filter after open: ${FIRST}`.slice(0, 58));
for (const f of FILTERS) await run(f);

// What recording the shapes costs the index pass: the session's loop (lean dissection, summarize)
// with summaryMask() alone, and with shapeMask() and ShapeIndex.observe, on 100000 packets of the
// same mix (best of five each, alternating; on a loaded machine the spread exceeds the difference).
{
  const sample = join(tmpdir(), 'decapod-mix-100000.pcap');
  if (!existsSync(sample) && !generateCapture(sample, 100000, 1)) throw new Error('python3 gen-capture.py failed');
  const { PacketDissector } = await import('../workers/dissect.ts');
  const { readCapture } = await import('../workers/formats/open.ts');
  const { PacketTable } = await import('../workers/table/packet-table.ts');
  const { AddressTable } = await import('../workers/table/addresses.ts');
  const { summarize, summaryMask } = await import('../workers/table/summarize.ts');
  const { ShapeIndex } = await import('../workers/filter/shapes.ts');
  const { shapeMask } = await import('../workers/filter/shape-fields.ts');
  const blob = await openAsBlob(sample);
  const pass = async (observe: boolean): Promise<[number, number]> => {
    const mask = observe ? shapeMask() : summaryMask();
    const d = new PacketDissector([], mask);
    const t = new PacketTable();
    const a = new AddressTable();
    const s = new ShapeIndex(mask);
    let n = 0;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await readCapture(blob, (rec) => {
      const fl = d.dissect(rec, ++n);
      const r = t.addRecord(rec, d.status);
      summarize(fl, t, r, a);
      if (observe) s.observe(fl, r, t, a, d.status);
    });
    const c = process.cpuUsage(c0);
    return [performance.now() - t0, (c.user + c.system) / 1000];
  };
  await pass(false); // warm up
  await pass(true);
  const without = [Infinity, Infinity];
  const withShapes = [Infinity, Infinity];
  for (let k = 0; k < 5; k++) {
    const a = await pass(false);
    const b = await pass(true);
    for (let i = 0; i < 2; i++) {
      without[i] = Math.min(without[i] as number, a[i] as number);
      withShapes[i] = Math.min(withShapes[i] as number, b[i] as number);
    }
  }
  const pct = (i: number): string => (((withShapes[i] as number) / (without[i] as number) - 1) * 100).toFixed(0);
  process.stdout.write(
    `\nindex pass, 100000 packets (best of 5): ${(without[0] as number).toFixed(0)} ms wall, ${(without[1] as number).toFixed(0)} ms CPU; ` +
      `recording shapes (shapeMask + ShapeIndex.observe): ${(withShapes[0] as number).toFixed(0)} ms wall (+${pct(0)}%), ${(withShapes[1] as number).toFixed(0)} ms CPU (+${pct(1)}%)\n`,
  );
}
