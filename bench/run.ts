// `npm run bench`: engine figures on the deterministic overlay mix from ../shared/bench/gen-capture.py.
//   index time, packets/s, MB/s, bytes of index per packet (the worker's index pass, run in Node),
//   and `decapod fields` vs `tshark -T fields` wall time on the same fields, with identical output.
// Usage: npm run bench [-- --packets N] [--skip-tshark]
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, openAsBlob, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CaptureSession } from '../workers/session.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const GEN = join(ROOT, '..', 'shared', 'bench', 'gen-capture.py');
const OUT = join(ROOT, '.bench');
const args = process.argv.slice(2);
const packets = Number(args[args.indexOf('--packets') + 1] ?? NaN) || 1_000_000;
const skipTshark = args.includes('--skip-tshark');
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

function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const r = f();
  return [r, performance.now() - t0];
}

const file = capture(packets);
const size = statSync(file).size;
console.log(`capture: ${file} (${packets} packets, ${(size / 1e6).toFixed(1)} MB)`);

// 1. The index pass (what the worker does on open).
const session = new CaptureSession();
const t0 = performance.now();
const res = await session.open([await openAsBlob(file)], ['mix.pcap'], []);
const indexMs = performance.now() - t0;
console.log(`index: ${indexMs.toFixed(0)} ms, ${(res.packets / (indexMs / 1000) / 1e6).toFixed(2)} M packets/s, ${(size / 1e6 / (indexMs / 1000)).toFixed(0)} MB/s, ${res.indexBytesPerPacket.toFixed(1)} bytes of index per packet`);

// 2. decapod fields vs tshark -T fields, same fields, same Decode As (tshark 4.0 needs -d for 8472).
const eArgs = FIELDS.flatMap((f) => ['-e', f]);
const decode = ['-d', 'udp.port==8472,vxlan'];
const [ours, oursMs] = time(() => spawnSync('node', [join(ROOT, 'bin/decapod.js'), 'fields', file, ...decode, ...eArgs], { maxBuffer: 1 << 31, encoding: 'buffer' }));
if (ours.status !== 0) throw new Error(`decapod failed: ${ours.stderr.toString()}`);
const oursHash = createHash('sha256').update(ours.stdout).digest('hex');
console.log(`decapod fields: ${oursMs.toFixed(0)} ms (${(ours.stdout.length / 1e6).toFixed(1)} MB of output)`);
const haveTshark = !skipTshark && spawnSync('tshark', ['--version']).status === 0;
if (haveTshark) {
  const [theirs, theirsMs] = time(() => spawnSync('tshark', ['-n', '-r', file, ...decode, '-T', 'fields', '-E', 'separator=/t', '-E', 'occurrence=a', '-E', 'aggregator=,', ...eArgs], { maxBuffer: 1 << 31, encoding: 'buffer' }));
  const theirsHash = createHash('sha256').update(theirs.stdout).digest('hex');
  console.log(`tshark -T fields: ${theirsMs.toFixed(0)} ms`);
  console.log(`ratio: decapod is ${(theirsMs / oursMs).toFixed(1)}x faster; output ${oursHash === theirsHash ? 'IDENTICAL' : 'DIFFERENT'} (sha256 ${oursHash.slice(0, 16)})`);
  if (oursHash !== theirsHash) {
    const a = ours.stdout.toString().split('\n');
    const b = theirs.stdout.toString().split('\n');
    const i = a.findIndex((l, k) => l !== b[k]);
    console.log(`first difference at line ${i + 1}:\n  decapod: ${a[i]}\n  tshark:  ${b[i]}`);
  }
} else {
  console.log('tshark not installed (or --skip-tshark): no comparison');
}
