// The order in which several capture files opened together are dissected and shown: mergecap's
// (wiretap/merge.c, merge_files): repeatedly the earliest record among each file's next one, the
// file given first on a tie. Each file's own order is kept, even where its timestamps go back. A
// record without a timestamp (a pcapng Simple Packet Block or Custom Block) is taken as soon as it
// is its file's next one.

/**
 * Records numbered 0 … n-1 file after file (`ends[f]`: one past file f's last record), record i's
 * time `sec(i)` seconds (NaN: none) and `nsec(i)` nanoseconds. Returns the records in merged order.
 */
export function mergeOrder(ends: readonly number[], sec: (i: number) => number, nsec: (i: number) => number): Uint32Array {
  const n = ends.length > 0 ? (ends[ends.length - 1] as number) : 0;
  const order = new Uint32Array(n);
  const next = ends.map((_, f) => (f === 0 ? 0 : (ends[f - 1] as number)));
  for (let k = 0; k < n; k++) {
    let best = -1;
    let bestSec = 0;
    let bestNsec = 0;
    for (let f = 0; f < ends.length; f++) {
      const i = next[f] as number;
      if (i >= (ends[f] as number)) continue;
      const s = sec(i);
      if (Number.isNaN(s)) {
        best = f;
        break;
      }
      const ns = nsec(i);
      if (best < 0 || s < bestSec || (s === bestSec && ns < bestNsec)) {
        best = f;
        bestSec = s;
        bestNsec = ns;
      }
    }
    order[k] = next[best] as number;
    next[best] = (next[best] as number) + 1;
  }
  return order;
}
