// A map from a pair of int32 keys to a non-negative int32 (a record index): open addressing over
// an Int32Array of (a, b, value + 1) slots, 0 marking an empty one. The matching tables of the
// request/response protocols (RPC's calls by conversation and XID, iSCSI's tasks by connection and
// tag, SNMP's requests by stream and ID) keep one entry per message this way: no string key, map
// entry or heap number per message, which on a capture of millions of them is most of the memory.

import { fmix32 } from './hash.ts';

const EMPTY = -1;

export class PairTable {
  private slots = new Int32Array(3 * 1024);
  private used = 0;

  get size(): number {
    return this.used;
  }

  /** The value of (a, b), or -1. */
  get(a: number, b: number): number {
    const t = this.slots;
    const mask = t.length / 3 - 1;
    for (let s = slotOf(a, b) & mask; ; s = (s + 1) & mask) {
      const v = (t[3 * s + 2] as number) - 1;
      if (v === EMPTY) return EMPTY;
      if (t[3 * s] === a && t[3 * s + 1] === b) return v;
    }
  }

  /** Set (a, b) to `value` (≥ 0), replacing what it held. */
  set(a: number, b: number, value: number): void {
    if (2 * (this.used + 1) > this.slots.length / 3) this.grow();
    const t = this.slots;
    const mask = t.length / 3 - 1;
    for (let s = slotOf(a, b) & mask; ; s = (s + 1) & mask) {
      const empty = t[3 * s + 2] === 0;
      if (empty || (t[3 * s] === a && t[3 * s + 1] === b)) {
        if (empty) this.used++;
        t[3 * s] = a;
        t[3 * s + 1] = b;
        t[3 * s + 2] = value + 1;
        return;
      }
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(2 * old.length);
    this.used = 0;
    for (let k = 0; k < old.length; k += 3) if (old[k + 2] !== 0) this.set(old[k] as number, old[k + 1] as number, (old[k + 2] as number) - 1);
  }
}

function slotOf(a: number, b: number): number {
  return fmix32(Math.imul(a, 0x9e3779b1) ^ b);
}
