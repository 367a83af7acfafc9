// "Did you mean": the registered field name closest to a misspelt one (edit distance, with a
// bonus for sharing the protocol prefix), so that `ip.srcc` suggests `ip.src`.

import { allFields } from '../fields/registry.ts';

function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const sub = (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      const v = Math.min(sub, (prev[j] as number) + 1, (cur[j - 1] as number) + 1);
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length] as number;
}

/** The closest field name, or null when nothing is close (at most a third of the name differs). */
export function closestField(name: string): string | null {
  const lower = name.toLowerCase();
  const limit = Math.max(1, Math.min(4, Math.floor(name.length / 3)));
  let best: string | null = null;
  let bestScore = Infinity;
  for (const f of allFields()) {
    if (f.name.startsWith('_ws.')) continue;
    const d = distance(lower, f.name.toLowerCase(), limit);
    if (d > limit) continue;
    const score = d - (f.name.split('.')[0] === lower.split('.')[0] ? 0.5 : 0);
    if (score < bestScore) {
      bestScore = score;
      best = f.name;
    }
  }
  return best;
}
