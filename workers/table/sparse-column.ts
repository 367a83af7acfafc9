// A per-row number that few captures have (pcapng's epb_flags word: direction, reception type,
// link-layer errors), kept beside the packet table: no memory until a row has one, then 8 bytes a
// row (NaN for the rows without, so that every uint32 is a value).

export class SparseColumn {
  private values: Float64Array | null = null;

  set(row: number, v: number): void {
    let a = this.values;
    if (a === null || row >= a.length) {
      const grown = new Float64Array(Math.max(1024, (row + 1) * 2)).fill(NaN);
      if (a !== null) grown.set(a);
      this.values = a = grown;
    }
    a[row] = v;
  }

  /** Row `row`'s value, or -1 when it has none. */
  get(row: number): number {
    const a = this.values;
    const v = a === null || row >= a.length ? NaN : (a[row] as number);
    return Number.isNaN(v) ? -1 : v;
  }
}
