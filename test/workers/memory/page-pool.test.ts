// The resident-pages pool: buffers ordered from the maker come back zeroed, of the size asked,
// and a release drops what was not taken and what is still on its way.
import { afterEach, describe, expect, it } from 'vitest';
import { PagePool } from '../../../workers/memory/page-pool.ts';
import { servePages } from '../../../workers/memory/page-maker.ts';
import { likeIn, NO_PAGES } from '../../../workers/memory/page-source.ts';

const channels: MessageChannel[] = [];
afterEach(() => {
  for (const c of channels.splice(0)) {
    c.port1.close();
    c.port2.close();
  }
});

/** A pool and its maker over a channel, both on this thread (a worker in the app). */
function pool(): PagePool {
  const c = new MessageChannel();
  channels.push(c);
  servePages(c.port2);
  return new PagePool(c.port1);
}

/** Until `ok()` holds (the maker answers in macrotasks), at most 2 s. */
async function until(ok: () => boolean): Promise<void> {
  const end = Date.now() + 2000;
  while (!ok() && Date.now() < end) await new Promise((r) => setTimeout(r, 5));
}

describe('PagePool', () => {
  it('hands out the zeroed buffers it was ordered, by exact size', async () => {
    const p = pool();
    const bytes = 3 * 4096 + 8;
    expect(p.take(bytes)).toBeNull();
    p.order(bytes, 2);
    p.order(4096, 1);
    await until(() => p.ready(bytes) === 2 && p.ready(4096) === 1);
    expect([p.ready(bytes), p.ready(4096)]).toEqual([2, 1]);
    const b = p.take(bytes) as ArrayBuffer;
    expect(b.byteLength).toBe(bytes);
    expect(new Uint8Array(b).every((v) => v === 0)).toBe(true);
    expect(p.take(bytes + 8)).toBeNull();
    expect([p.ready(bytes), p.taken, p.takenBytes]).toEqual([1, 1, bytes]);
  });

  it('drops what was not taken and what was still on its way at a release', async () => {
    const p = pool();
    p.order(4096, 1);
    await until(() => p.ready(4096) === 1);
    p.order(8192, 3);
    p.release();
    expect(p.ready(4096)).toBe(0);
    // the 8 KiB order was made before the release or cancelled by it: either way it is not kept
    await new Promise((r) => setTimeout(r, 50));
    expect(p.ready(8192)).toBe(0);
    // a new order after the release is served
    p.order(8192, 1);
    await until(() => p.ready(8192) === 1);
    expect(p.ready(8192)).toBe(1);
  });

  it('gives arrays of the type asked in its buffers, or new ones when none is ready', async () => {
    const p = pool();
    p.order(1000 * 4, 1);
    await until(() => p.ready(4000) === 1);
    const a = likeIn(new Uint32Array(1), 1000, p);
    expect([a instanceof Uint32Array, a.length, p.taken]).toEqual([true, 1000, 1]);
    const b = likeIn(new Uint16Array(1), 1000, p);
    expect([b instanceof Uint16Array, b.length, p.taken]).toEqual([true, 1000, 1]);
    expect(likeIn(new Float64Array(1), 3, NO_PAGES).length).toBe(3);
  });
});
