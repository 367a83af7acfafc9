// Decapod's details trees of the first N frames of CAPTURE against `tshark -V`'s text of the same
// frames: how many of tshark's lines each tree holds, and the missing lines grouped by shape (digits
// as N) with the first frame of each. For captures the corpus does not cover, such as the generator's
// mix:
//   tshark -n -2 -r mix.pcap -d udp.port==8472,vxlan -c 3000 -V > mix-V.txt
//   npx tsx scripts/compare-trees.ts mix.pcap mix-V.txt 3000
import { openAsBlob, readFileSync } from 'node:fs';
import type { TreeNode } from '../workers/api.ts';
import { CaptureSession } from '../workers/session.ts';
const [cap, vfile, nS] = process.argv.slice(2) as [string, string, string];
const want = new Map<number, string[]>();
let cur: string[] = [];
for (const line of readFileSync(vfile, 'utf8').split('\n')) {
  const m = /^Frame (\d+): /.exec(line);
  if (m) { cur = []; want.set(Number(m[1]), cur); }
  if (line) cur.push(line);
}
const s = new CaptureSession();
await s.open([await openAsBlob(cap)], ['x'], []);
const missing = new Map<string, number>();
const examples = new Map<string, string>();
let total = 0, miss = 0;
for (let n = 1; n <= Number(nS); n++) {
  const ours = new Map<string, number>();
  const walk = (t: TreeNode, ind: string): void => { const k = ind + t.label; ours.set(k, (ours.get(k) ?? 0) + 1); for (const c of t.children) walk(c, ind + '    '); };
  for (const t of (await s.getDetails(n)).tree) walk(t, '');
  for (const l of want.get(n) ?? []) {
    total++;
    const k = ours.get(l) ?? 0;
    if (k > 0) { ours.set(l, k - 1); continue; }
    miss++;
    const key = l.replace(/\d+/g, 'N').slice(0, 100);
    missing.set(key, (missing.get(key) ?? 0) + 1);
    if (!examples.has(key)) examples.set(key, `#${n}: ${l}`);
  }
}
console.log(`${total - miss} of ${total} lines`);
for (const [k, v] of [...missing].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(v, examples.get(k));
