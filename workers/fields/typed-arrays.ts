// Growing the typed arrays the engine keeps its tables in: a larger array of the same type with
// the old values at its start (the field lists, the index columns, the conversation and DNS
// tables, the frame times).
//
// An owner whose arrays grow while a capture is read makes them in its constructor through the
// same path that grows them (empty arrays, then grown to the first size). V8 treats an object's
// field that was never written again after it was made as a constant: code optimised while no
// owner had grown yet builds the array in, and the first growth throws all of it away. In the
// index pass of the 1M-packet mix, the field list's first packet of more than 256 entries (frame
// 771,607, after the warm-up had optimised the whole pass: TCP 5353 → 443 then taken for 256 DNS
// messages, see wireshark-ports.ts) and the frame times', DNS table's and address table's first
// growths marked ~50 optimised functions for deoptimisation at once, which V8 then compiled
// again. Written once more in the constructor, the field is mutable from the start (per object
// shape: the warm-up's objects make it so for the capture's).

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
