// Interned MAC addresses for the shape index's own Ethernet columns: an open-addressing hash table
// in typed arrays (no Map, no boxed 48-bit keys: the index pass calls it for every packet), and one
// Uint8Array view per distinct address for the filter to compare.

export class MacTable {
  private hi = new Uint32Array(1024);
  private lo = new Uint32Array(1024);
  /** Slot → id + 1 (0 = empty). */
  private slot = new Int32Array(1024);
  private store = new Uint8Array(6 * 256);
  private views: Uint8Array[] = [new Uint8Array(6)];
  /** Ids handed out so far; id 0 is "none". */
  size = 1;

  /** Bytes held, counting ~64 for each address's view object (an estimate of V8's typed-array view). */
  get byteSize(): number {
    return this.hi.byteLength + this.lo.byteLength + this.slot.byteLength + this.store.byteLength + 64 * this.views.length;
  }

  intern(b: Uint8Array, off: number): number {
    const hi = (((b[off] as number) << 8) | (b[off + 1] as number)) >>> 0;
    const lo = (((b[off + 2] as number) << 24) | ((b[off + 3] as number) << 16) | ((b[off + 4] as number) << 8) | (b[off + 5] as number)) >>> 0;
    const mask = this.slot.length - 1;
    let i = (Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b) >>> 16) & mask;
    for (;;) {
      const s = this.slot[i] as number;
      if (s === 0) break;
      if (this.lo[i] === lo && this.hi[i] === hi) return s - 1;
      i = (i + 1) & mask;
    }
    const id = this.size++;
    if (6 * this.size > this.store.length) {
      const g = new Uint8Array(this.store.length * 2);
      g.set(this.store);
      this.store = g;
      this.views = this.views.map((_, k) => this.store.subarray(6 * k, 6 * k + 6));
    }
    this.store.set(b.subarray(off, off + 6), 6 * id);
    this.views.push(this.store.subarray(6 * id, 6 * id + 6));
    this.slot[i] = id + 1;
    this.hi[i] = hi;
    this.lo[i] = lo;
    if (2 * this.size > this.slot.length) this.rehash();
    return id;
  }

  /** The six bytes of address `id` (a view kept for the table's life). */
  bytes(id: number): Uint8Array {
    return this.views[id] as Uint8Array;
  }

  private rehash(): void {
    const n = this.slot.length * 2;
    this.hi = new Uint32Array(n);
    this.lo = new Uint32Array(n);
    this.slot = new Int32Array(n);
    for (let id = 1; id < this.size; id++) {
      const v = this.views[id] as Uint8Array;
      this.place(v, id);
    }
  }

  private place(b: Uint8Array, id: number): void {
    const hi = (((b[0] as number) << 8) | (b[1] as number)) >>> 0;
    const lo = (((b[2] as number) << 24) | ((b[3] as number) << 16) | ((b[4] as number) << 8) | (b[5] as number)) >>> 0;
    const mask = this.slot.length - 1;
    let i = (Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b) >>> 16) & mask;
    while (this.slot[i] !== 0) i = (i + 1) & mask;
    this.slot[i] = id + 1;
    this.hi[i] = hi;
    this.lo[i] = lo;
  }
}
