// Memory for the index pass's large arrays whose pages another thread has already touched.
//
// On the 2-core VM the benchmark runs on, the first write to each fresh 4 KiB page costs 14-23 us
// in a Chromium worker (the kernel's page fault; well under 1 us on bare metal): the ~130 MB the
// index of the 1M-packet mix keeps took ~39,000 faults on the index worker's thread, 0.55-0.9 s of
// its pass. A page made resident by one thread is resident for all the threads of the process, and
// an ArrayBuffer moves between workers without a copy: so a helper worker on the other core can
// take the faults (page-maker.ts) and hand over zeroed buffers that the index pass fills at memory
// speed (0.13-1.2 us a page after the move, against 23-29 us for fresh pages, in one Chromium
// process, three runs each of a throw-away probe; the index pass's figures are in the README).
//
// The engine only sees this interface: in Node (the command line, the tests) and in the warm-up
// there is no helper, and every array is allocated where it is used, as before.

import { like, type TypedColumn } from '../fields/typed-arrays.ts';

/** Where the index pass gets buffers whose pages are resident already. */
export interface PageSource {
  /** A zeroed buffer of exactly `bytes` bytes, ready now, or null when none is. */
  take(bytes: number): ArrayBuffer | null;
  /** Ask for `count` more buffers of `bytes` bytes (they arrive while the pass yields). */
  order(bytes: number, count: number): void;
  /** How many buffers of `bytes` bytes are ready now. */
  ready(bytes: number): number;
  /** Drop the buffers not taken and the orders not filled (the pass is over or was stopped). */
  release(): void;
  /** Bytes of the buffers take() has handed out so far. */
  readonly takenBytes: number;
}

/** No helper: nothing is ever ready. */
export const NO_PAGES: PageSource = {
  take: () => null,
  order: () => undefined,
  ready: () => 0,
  release: () => undefined,
  takenBytes: 0,
};

/** An empty array of the same type as `a`, `n` long: in a resident buffer from `pages` when one of
 *  that size is ready (typed-arrays.ts's like() otherwise). */
export function likeIn<T extends TypedColumn>(a: T, n: number, pages: PageSource): T {
  const b = pages.take(n * a.BYTES_PER_ELEMENT);
  return b === null ? like(a, n) : new (a.constructor as new (b: ArrayBuffer) => T)(b);
}

/** `a` in a new array of the same type, `n` long, with its first `len` values (len ≤ n): in a
 *  resident buffer from `pages` when one of that size is ready. */
export function resizedIn<T extends TypedColumn>(a: T, n: number, len: number, pages: PageSource): T {
  const b = likeIn(a, n, pages);
  b.set(a.subarray(0, len) as never);
  return b;
}
