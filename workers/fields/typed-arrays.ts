// Growing the typed arrays the engine keeps its tables in: a larger array of the same type with
// the old values at its start (the field lists, the index columns, the conversation and DNS
// tables, the frame times).

export type TypedColumn =
  | Uint8Array<ArrayBuffer> | Uint16Array<ArrayBuffer> | Int32Array<ArrayBuffer> | Uint32Array<ArrayBuffer> | Float64Array<ArrayBuffer>;

/** An empty array of the same type as `a`, `n` long. */
export function like<T extends TypedColumn>(a: T, n: number): T {
  return new (a.constructor as new (n: number) => T)(n);
}

/** `a` in an array of the same type `n` long (n ≥ a.length). */
export function grown<T extends TypedColumn>(a: T, n: number): T {
  const b = like(a, n);
  b.set(a as never);
  return b;
}
