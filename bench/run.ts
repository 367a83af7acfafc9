// `npm run bench`: figures on the deterministic overlay mix from ../shared/bench/gen-capture.py.
//   1. the engine in Node: index time, packets/s, MB/s, bytes of index per packet (the worker's
//      index pass), and `decapod fields` vs `tshark -T fields` wall time on the same fields, with
//      identical output;
//   2. the viewer in Chromium (bench/browser.ts): first rows and full index after the file is
//      given to the page (against `capinfos`), JS heap, End/Home/PageDown and scrolling latency.
// Usage: npm run bench [-- --packets N] [--skip-tshark] [--skip-browser | --browser-only] [--browser-runs N]
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openFileBlob } from '../cli/file-blob.ts';
import { CaptureSession } from '../workers/session.ts';
import { browserBench, type BrowserRun } from './browser.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const GEN = join(ROOT, '..', 'shared', 'bench', 'gen-capture.py');
const OUT = join(ROOT, '.bench');
const args = process.argv.slice(2);
const packets = Number(args[args.indexOf('--packets') + 1] ?? NaN) || 1_000_000;
const skipTshark = args.includes('--skip-tshark');
const skipBrowser = args.includes('--skip-browser');
const browserOnly = args.includes('--browser-only');
/** Loads in Chromium, each in a fresh browser (the whole-load figure moves by a third between runs on the 2-core VM). */
const browserRuns = args.includes('--browser-runs') ? Math.max(1, Number(args[args.indexOf('--browser-runs') + 1]) || 1) : 1;
const FIELDS = 'frame.number frame.time_epoch frame.len frame.cap_len eth.src eth.dst eth.type vlan.id ip.src ip.dst ip.proto ip.ttl ip.id ip.len ipv6.src ipv6.dst ipv6.nxt ipv6.hlim tcp.srcport tcp.dstport tcp.flags tcp.seq_raw tcp.ack_raw tcp.len udp.srcport udp.dstport udp.length vxlan.vni geneve.vni arp.opcode icmp.type icmp.code icmpv6.type dns.id dns.qry.name gre.proto mpls.label'.split(' ');

function capture(n: number): string {
  mkdirSync(OUT, { recursive: true });
  const file = join(OUT, `mix-${n}.pcap`);
  if (!existsSync(file)) {
    console.log(`generating ${file} …`);
    execFileSync('python3', [GEN, file, '--packets', String(n)], { stdio: 'inherit' });
  }
  return file;
}

const file = capture(packets);
const size = statSync(file).size;
console.log(`capture: ${file} (${packets} packets, ${(size / 1e6).toFixed(1)} MB)`);

console.log(`load average before: ${loadavg().map((x) => x.toFixed(1)).join(' ')} (figures are only comparable on a quiet machine)`);

/** Run a command with stdout to a file; returns wall ms, CPU ms (user+sys of the child) and the output's sha256. */
function run(cmd: string, argv: string[], outFile: string): { ms: number; cpuMs: number; sha: string; status: number | null; stderr: string } {
  const fd = openSync(outFile, 'w');
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S', cmd, ...argv], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - t0;
  closeSync(fd);
  const lines = r.stderr.trim().split('\n');
  const [u, s] = (lines.pop() ?? '0 0').split(' ').map(Number);
  const sha = createHash('sha256').update(readFileSync(outFile)).digest('hex');
  return { ms, cpuMs: ((u ?? 0) + (s ?? 0)) * 1000, sha, status: r.status, stderr: lines.join('\n') };
}

if (!browserOnly) await engineBench();
if (!skipBrowser) {
  const runs: BrowserRun[] = [];
  for (let i = 0; i < browserRuns; i++) {
    const r = await browserBench(file, packets);
    if (r) runs.push(r);
  }
  if (runs.length > 1) {
    const ms = runs.map((r) => r.indexedMs).sort((a, b) => a - b);
    const ratios = runs.filter((r) => r.capinfosMs !== null).map((r) => r.indexedMs / (r.capinfosMs as number)).sort((a, b) => a - b);
    const mid = (xs: number[]): number => ((xs[Math.floor((xs.length - 1) / 2)] as number) + (xs[Math.floor(xs.length / 2)] as number)) / 2;
    console.log(`\nwhole capture indexed, ${runs.length} runs: ${ms.map((x) => `${(x / 1000).toFixed(2)} s`).join(', ')} (median ${(mid(ms) / 1000).toFixed(2)} s)` +
      (ratios.length > 0 ? `; ${ratios.map((x) => `${x.toFixed(2)}x`).join(', ')} capinfos (median ${mid(ratios).toFixed(2)}x, target 2.5x)` : ''));
  }
}

async function engineBench(): Promise<void> {
  // 1. The index pass (what the worker does on open), in this process, reading the file as the
  // command line does (Node's own Blob reads cost more than the pass; the browser's are measured
  // by the browser figures).
  const session = new CaptureSession();
  const input = openFileBlob(file);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const res = await session.open([input.blob], ['mix.pcap'], []);
  input.close();
  const indexMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  console.log(`index: ${indexMs.toFixed(0)} ms wall (${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU), ${(res.packets / (indexMs / 1000) / 1e6).toFixed(2)} M packets/s, ${(size / 1e6 / (indexMs / 1000)).toFixed(0)} MB/s, ${res.indexBytesPerPacket.toFixed(1)} bytes of index per packet`);

  // 2. decapod fields vs tshark -T fields, same fields, same Decode As (tshark 4.0 needs -d for 8472).
  const eArgs = FIELDS.flatMap((f) => ['-e', f]);
  const decode = ['-d', 'udp.port==8472,vxlan'];
  const ours = run('node', [join(ROOT, 'bin/decapod.js'), 'fields', file, ...decode, ...eArgs], join(OUT, 'decapod.tsv'));
  if (ours.status !== 0) throw new Error(`decapod failed: ${ours.stderr}`);
  console.log(`decapod fields: ${ours.ms.toFixed(0)} ms wall, ${ours.cpuMs.toFixed(0)} ms CPU`);
  const haveTshark = !skipTshark && spawnSync('tshark', ['--version']).status === 0;
  if (haveTshark) {
    const theirs = run('tshark', ['-n', '-r', file, ...decode, '-T', 'fields', '-E', 'separator=/t', '-E', 'occurrence=a', '-E', 'aggregator=,', ...eArgs], join(OUT, 'tshark.tsv'));
    console.log(`tshark -T fields: ${theirs.ms.toFixed(0)} ms wall, ${theirs.cpuMs.toFixed(0)} ms CPU`);
    console.log(`ratio: decapod is ${(theirs.ms / ours.ms).toFixed(1)}x faster in wall time, ${(theirs.cpuMs / ours.cpuMs).toFixed(1)}x in CPU time; output ${ours.sha === theirs.sha ? 'IDENTICAL' : 'DIFFERENT (diff .bench/decapod.tsv .bench/tshark.tsv)'} (sha256 ${ours.sha.slice(0, 16)})`);
  } else {
    console.log('tshark not installed (or --skip-tshark): no comparison');
  }
}
