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
  // column fast path
  'vxlan.vni == 5003 && tcp.flags.syn == 1',
  'ip.addr == 10.100.0.0/16',
  'udp.dstport in {4789, 8472} && !tcp.flags.ack',
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
