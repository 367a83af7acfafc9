// Work that a reading pass lets go first. The engine worker answers the page (rows on screen,
// a packet's details) between two chunks of its index pass, and such an answer reads packets back
// from the file: without this gate the read would complete only after the index pass had parsed
// the whole next chunk (tens to hundreds of milliseconds: the first screen of rows waited for the
// second chunk, a scroll during a load for a 2 MiB chunk). Work registered here is waited for at
// the next chunk boundary instead (ChunkReader.load).

const pending = new Set<Promise<unknown>>();

/** The longest a chunk boundary waits for registered work (requests keep coming while scrolling). */
const MAX_WAIT_MS = 100;

/** Let reading passes wait, at their next chunk boundary, until `work` settles. Returns `work`. */
export function readAfter<T>(work: Promise<T>): Promise<T> {
  pending.add(work);
  const done = (): void => void pending.delete(work);
  work.then(done, done);
  return work;
}

/** Whether registered work is pending. */
export function gated(): boolean {
  return pending.size > 0;
}

/** Resolves when no registered work is pending, or after MAX_WAIT_MS (it never rejects). */
export async function gate(): Promise<void> {
  const t0 = performance.now();
  while (pending.size > 0) {
    const left = MAX_WAIT_MS - (performance.now() - t0);
    if (left <= 0) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([Promise.allSettled([...pending]), new Promise<void>((r) => (timer = setTimeout(r, left)))]);
    clearTimeout(timer);
  }
}
