// The read gate (workers/formats/read-gate.ts): a reading pass lets the page's requests finish at
// its next chunk boundary before it parses on, and does not wait for them without end.

import { describe, expect, it } from 'vitest';
import { ChunkReader } from '../../../workers/formats/chunk-reader.ts';
import { gated, readAfter } from '../../../workers/formats/read-gate.ts';

const delay = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Reads every byte of `bytes` in `chunk`-byte chunks, logging each chunk as it becomes current. */
async function readAll(bytes: Uint8Array, chunk: number, log: string[], onChunk: (done: number) => void): Promise<void> {
  const r = new ChunkReader(new Blob([bytes as BlobPart]), chunk, (done) => {
    log.push(`chunk to ${done}`);
    onChunk(done);
  });
  while (await r.need(1)) {
    log.push(`byte ${r.buf[r.pos]}`);
    r.pos += 1;
  }
}

describe('read gate', () => {
  it('holds the next chunk until work registered meanwhile has finished', async () => {
    const log: string[] = [];
    let work: Promise<void> | null = null;
    await readAll(Uint8Array.of(1, 2, 3, 4, 5, 6), 2, log, (done) => {
      // a request for rows that arrives while the first chunk is current: its own read of the file
      // takes a while (30 ms here)
      if (done === 2) work = readAfter(delay(30).then(() => void log.push('request answered')));
    });
    expect(work).not.toBeNull();
    expect(log).toEqual(['chunk to 2', 'request answered', 'byte 1', 'byte 2', 'chunk to 4', 'byte 3', 'byte 4', 'chunk to 6', 'byte 5', 'byte 6']);
    expect(gated()).toBe(false);
  });

  it('lets a failed request go, and waits at most 100 ms for one that never ends', async () => {
    const failed = readAfter(Promise.reject(new Error('no such packet')));
    await expect(failed).rejects.toThrow('no such packet');
    expect(gated()).toBe(false);

    const log: string[] = [];
    let end = (): void => undefined;
    const stuck = new Promise<void>((r) => (end = r));
    const t0 = performance.now();
    await readAll(Uint8Array.of(7, 8), 1, log, (done) => {
      if (done === 1) void readAfter(stuck);
    });
    const ms = performance.now() - t0;
    expect(log).toEqual(['chunk to 1', 'byte 7', 'chunk to 2', 'byte 8']);
    // the first boundary waits out the 100 ms; the second one too (the request is still pending)
    expect(ms).toBeGreaterThanOrEqual(190);
    expect(ms).toBeLessThan(2000);
    end();
    await stuck;
    expect(gated()).toBe(false);
  });
});
