// Columns that start narrow and widen on the first value that does not fit: most captures never
// need a 64-bit file offset or lengths over 65,535, and the index is bytes per row times millions.
// Readers index them like any typed array; only writers check (see PacketTable.addRecord).

export type OffsetColumn = Uint32Array<ArrayBuffer> | Float64Array<ArrayBuffer>;
export type SecColumn = Uint32Array<ArrayBuffer> | Float64Array<ArrayBuffer>;
export type LenColumn = Uint16Array<ArrayBuffer> | Uint32Array<ArrayBuffer>;

type Column = Uint8Array<ArrayBuffer> | Uint16Array<ArrayBuffer> | Uint32Array<ArrayBuffer> | Float64Array<ArrayBuffer>;
type ColumnOf<T extends Column> = { new (n: number): T };

/** `a` copied into a wider type, same length; the first `n` values carried over. */
export function widened<T extends Column>(a: Column, to: ColumnOf<T>, n: number): T {
  const b = new to(a.length);
  b.set(a.subarray(0, n) as never);
  return b;
}

/** Ids that are usually few (shapes, address groups): 16-bit until one passes 65,535. */
export type IdColumn = Uint16Array<ArrayBuffer> | Uint32Array<ArrayBuffer>;
