// Display filter benchmark on the generated overlay mix, through the real CaptureSession (the code
// the worker runs):
//
//   npx tsx bench/filter-bench.ts [--packets 1000000] [--file mix.pcap]
//
// Prints, per filter, the applyFilter time and how many rows were answered from the columns and
// how many were dissected. The first filter run on a table dissects every row once (it learns the
// packet shapes, unless the index pass recorded them); later runs use the columns wherever the
// shapes allow. Filters that need a value no column holds (ip.ttl) show the slow-path cost.

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

const FILTERS = [
  // first run: learns the shapes (every row dissected once)
  'vxlan.vni == 5003 && tcp.flags.syn == 1',
  // column fast path (the first filter again, three times: the first run after learning pays for
  // the garbage the learning run left)
  'vxlan.vni == 5003 && tcp.flags.syn == 1',
  'vxlan.vni == 5003 && tcp.flags.syn == 1',
  'vxlan.vni == 5003 && tcp.flags.syn == 1',
  'ip.addr == 10.100.0.0/16',
  'udp.dstport in {4789, 8472} && !(tcp.flags.ack == 1)',
  'eth.src[0:3] == 02:00:5e && ip.dst == 10.200.0.0/16',
  'geneve.vni == 70003 || vxlan.vni == 6001',
  'tcp.port == 443 && frame.len > 100',
  'ip.src#2 == 10.200.0.0/16 && ip.dst#1 == 10.100.0.0/16',
  'eth.addr == ff:ff:ff:ff:ff:ff',
  'ipv6',
  // slow path: values no column holds
  'ip.ttl == 64',
  'dns.qry.name contains "svc"',
];

process.stdout.write(`\n${'filter'.padEnd(58)} ${'ms'.padStart(8)} ${'shown'.padStart(8)} ${'columns'.padStart(9)} ${'dissected'.padStart(9)}\n`);
for (const f of FILTERS) {
  const r = await session.applyFilter(f);
  if (!r.ok) throw new Error(`${f}: ${r.error}`);
  const stats = (session as unknown as { filter: CompiledFilter }).filter.stats;
  process.stdout.write(`${f.padEnd(58)} ${r.ms.toFixed(0).padStart(8)} ${String(r.displayed).padStart(8)} ${String(stats.fast).padStart(9)} ${String(stats.dissected).padStart(9)}\n`);
}

// What recording the shapes in the index pass would cost (ShapeIndex.observe after summarize), on
// 100000 packets of the same mix (best of three each): the session learns them on its first filter
// run instead.
{
  const sample = join(tmpdir(), 'decapod-mix-100000.pcap');
  if (!existsSync(sample) && !generateCapture(sample, 100000, 1)) throw new Error('python3 gen-capture.py failed');
  const { PacketDissector } = await import('../workers/dissect.ts');
  const { readCapture } = await import('../workers/formats/open.ts');
  const { PacketTable } = await import('../workers/table/packet-table.ts');
  const { AddressTable } = await import('../workers/table/addresses.ts');
  const { summarize } = await import('../workers/table/summarize.ts');
  const { ShapeIndex } = await import('../workers/filter/shapes.ts');
  const pass = async (observe: boolean): Promise<number> => {
    const d = new PacketDissector();
    const t = new PacketTable();
    const a = new AddressTable();
    const s = new ShapeIndex();
    let n = 0;
    const t0 = performance.now();
    await readCapture(await openAsBlob(sample), (rec) => {
      const fl = d.dissect(rec, ++n);
      const r = t.addRow();
      t.origLen[r] = rec.origLen;
      t.capLen[r] = rec.capLen;
      t.sec[r] = rec.tsSec;
      t.nsec[r] = rec.tsNsec;
      summarize(fl, t, r, a);
      if (observe) s.observe(fl, r, t, a, d.status);
    });
    return performance.now() - t0;
  };
  await pass(false); // warm up
  let without = Infinity;
  let withShapes = Infinity;
  for (let k = 0; k < 3; k++) {
    without = Math.min(without, await pass(false));
    withShapes = Math.min(withShapes, await pass(true));
  }
  process.stdout.write(`\nindex pass, 100000 packets: ${without.toFixed(0)} ms; with ShapeIndex.observe: ${withShapes.toFixed(0)} ms (+${(((withShapes - without) / without) * 100).toFixed(0)}%)\n`);
}
