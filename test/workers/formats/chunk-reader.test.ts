// The chunked reader on its own (windows across chunks, progress), offsets beyond 4 GiB, and
// failures of the Blob itself.

import { describe, expect, it } from 'vitest';
import { ChunkReader } from '../../../workers/formats/chunk-reader.ts';
import { readCapture } from '../../../workers/formats/open.ts';
import { blobOf, comparable, hex, readAll } from './corpus.ts';
import { payload, pcapFile, pcapHeader } from './build.ts';

/** A Blob look-alike whose bytes come from `fill(offset, into)`: files of any size, in no memory. */
function syntheticBlob(size: number, fill: (offset: number, into: Uint8Array) => void, failAt = Infinity): Blob {
  const slice = (a = 0, b = size) => ({
    size: Math.min(b, size) - a,
    arrayBuffer: async (): Promise<ArrayBuffer> => {
      if (b > failAt) throw new Error('NotReadableError: the file changed');
      const out = new Uint8Array(Math.min(b, size) - a);
      fill(a, out);
      return out.buffer;
    },
  });
  return { size, slice } as unknown as Blob;
}

/** `bytes` as a Blob look-alike with a byte stream (what Blob.stream() is in browsers and Node)
 *  that answers each BYOB read with at most `step` bytes and fails once a read reaches `failAt`;
 *  its arrayBuffer() serves only the few bytes of the format's magic, so chunks must come from the stream. */
function byteStreamBlob(bytes: Uint8Array, step: number, failAt = Infinity): Blob {
  const slice = (a = 0, b = bytes.length) => ({
    size: Math.min(b, bytes.length) - a,
    slice: (c = 0, d = bytes.length - a) => slice(a + c, Math.min(b, a + d)),
    arrayBuffer: async (): Promise<ArrayBuffer> => {
      if (b - a > 64) throw new Error(`a slice read of ${b - a} bytes, not the stream`);
      return bytes.slice(a, b).buffer;
    },
    stream: () => {
      let at = a;
      return new ReadableStream({
        type: 'bytes',
        pull(c) {
          const req = c.byobRequest;
          if (!req?.view) throw new Error('expected a BYOB read');
          if (at >= b) {
            c.close();
            req.respond(0);
            return;
          }
          const n = Math.min(step, req.view.byteLength, b - at);
          if (at + n > failAt) throw new Error('NotReadableError: the file changed');
          new Uint8Array(req.view.buffer, req.view.byteOffset, n).set(bytes.subarray(at, at + n));
          at += n;
          req.respond(n);
        },
      });
    },
  });
  return slice() as unknown as Blob;
}

/** Only `size` and `slice(a, b).arrayBuffer()`: the reader's fallback for Blobs without a byte stream. */
function sliceOnly(blob: Blob): Blob {
  return { size: blob.size, slice: (a: number, b: number) => ({ arrayBuffer: () => blob.slice(a, b).arrayBuffer() }) } as unknown as Blob;
}

describe('ChunkReader', () => {
  it('reads 64 KiB first, then 4x larger chunks up to the chunk size, so the first packets come early', async () => {
    const sizes: number[] = [];
    const size = 20 << 20;
    const inner = syntheticBlob(size, (_, into) => into.fill(1));
    const blob = { size, slice: (a: number, b: number) => (sizes.push(Math.min(b, size) - a), inner.slice(a, b)) } as unknown as Blob;
    const progress: number[] = [];
    const r = new ChunkReader(blob, 2 << 20, (done) => progress.push(done));
    while (r.remaining > 0) {
      if (!(await r.need(1))) break;
      r.pos = r.end;
    }
    expect(sizes.slice(0, 5)).toEqual([64 << 10, 256 << 10, 1 << 20, 2 << 20, 2 << 20]);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(size);
    expect(progress[0]).toBe(64 << 10);
  });

  it('gives contiguous windows of any length across chunks', async () => {
    const bytes = payload(1000, 5);
    for (const chunkSize of [1, 3, 7, 64, 999, 1000, 5000]) {
      const r = new ChunkReader(blobOf(bytes), chunkSize);
      let at = 0;
      let step = 0;
      while (at < bytes.length) {
        const n = Math.min(1 + ((step * 37) % 90), bytes.length - at);
        expect(await r.need(n)).toBe(true);
        expect(r.offset).toBe(at);
        expect(hex(r.buf.subarray(r.pos, r.pos + n))).toBe(hex(bytes.subarray(at, at + n)));
        expect(r.view.getUint8(r.pos)).toBe(bytes[at]);
        // Ask again for more, from the same position, before consuming (pcap: header, then record).
        const more = Math.min(n + 50, bytes.length - at);
        expect(await r.need(more)).toBe(true);
        expect(hex(r.buf.subarray(r.pos, r.pos + more))).toBe(hex(bytes.subarray(at, at + more)));
        r.pos += n;
        at += n;
        step++;
      }
      expect(r.remaining).toBe(0);
      expect(await r.need(1)).toBe(false);
    }
  });

  it('says false, without moving, when fewer bytes are left than asked', async () => {
    const r = new ChunkReader(blobOf(payload(10)), 4);
    expect(await r.need(6)).toBe(true);
    r.pos += 6;
    expect(await r.need(5)).toBe(false);
    expect(r.offset).toBe(6);
    expect(r.remaining).toBe(4);
    expect(await r.need(4)).toBe(true);
  });

  it('reports progress once per chunk', async () => {
    const file = pcapFile({}, Array.from({ length: 20 }, (_, i) => ({ data: payload(40 + i) })));
    const calls: Array<[number, number]> = [];
    await readCapture(blobOf(file), () => {}, { chunkSize: 100, onProgress: (d, t) => calls.push([d, t]) });
    expect(calls).toHaveLength(Math.ceil(file.length / 100));
    expect(calls.map((c) => c[1])).toEqual(calls.map(() => file.length));
    expect(calls.map((c) => c[0])).toEqual(calls.map((_, i) => Math.min((i + 1) * 100, file.length)));
  });
});

describe('reading through the Blob\'s byte stream', () => {
  const file = pcapFile({}, Array.from({ length: 40 }, (_, i) => ({ data: payload(30 + ((i * 53) % 700), i) })));

  it('gives the records the slice reads give, with short stream reads and records across chunks', async () => {
    const sliced = await readAll(sliceOnly(blobOf(file)), { chunkSize: 100 });
    expect(sliced.recs).toHaveLength(40);
    for (const chunkSize of [7, 100, 4096, 2 << 20]) {
      for (const step of [1, 5, 333, 1 << 20]) {
        const streamed = await readAll(byteStreamBlob(file, step), { chunkSize });
        expect(streamed.res.error, `chunk ${chunkSize}, step ${step}`).toBeNull();
        expect(comparable(streamed.recs), `chunk ${chunkSize}, step ${step}`).toEqual(comparable(sliced.recs));
      }
    }
  });

  it('fills each chunk whole before handing it over (short reads do not shrink chunks)', async () => {
    const sizes: number[] = [];
    const r = new ChunkReader(byteStreamBlob(file, 3), 1000);
    while (await r.need(1)) {
      sizes.push(r.end - r.pos);
      r.pos = r.end;
    }
    expect(sizes.slice(0, -1).every((n) => n === 1000)).toBe(true);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(file.length);
  });

  it('a stream that fails gives an error naming the chunk\'s offset, after the records before it', async () => {
    const { res, recs } = await readAll(byteStreamBlob(file, 64, 2000), { chunkSize: 512 });
    expect(res.error).toBe('could not read the file at offset 1536: NotReadableError: the file changed');
    let end = 24;
    let whole = 0;
    for (const rec of recs) {
      expect(rec.fileOffset).toBe(end + 16);
      end += 16 + rec.capLen;
      if (end <= 1536) whole++;
    }
    expect(recs.length).toBe(whole);
    // records of 46, 99, 152, 205, 258, 311, 364 bytes end at 1459; the 8th (417 bytes) needs the failed chunk
    expect(whole).toBe(7);
  });
});

describe('offsets beyond 4 GiB', () => {
  it('are exact doubles', async () => {
    const REC = 1 << 20; // each record: 16-byte header + data, 1 MiB in all
    const N = 4200; // 4.1 GiB
    const header = pcapHeader();
    const recHeader = (i: number) => {
      const h = new Uint8Array(16);
      const v = new DataView(h.buffer);
      v.setUint32(0, i, true);
      v.setUint32(8, REC - 16, true);
      v.setUint32(12, REC - 16, true);
      return h;
    };
    const blob = syntheticBlob(header.length + N * REC, (offset, into) => {
      const end = offset + into.length;
      const put = (at: number, bytes: Uint8Array) => {
        for (let k = 0; k < bytes.length; k++) if (at + k >= offset && at + k < end) into[at + k - offset] = bytes[k];
      };
      put(0, header);
      const first = Math.max(0, Math.floor((offset - header.length) / REC) - 1);
      for (let i = first; i < N && header.length + i * REC < end; i++) put(header.length + i * REC, recHeader(i));
    });
    let n = 0;
    let bad = 0;
    let lastOffset = 0;
    const res = await readCapture(blob, (rec) => {
      if (rec.fileOffset !== header.length + n * REC + 16 || rec.tsSec !== n || rec.capLen !== REC - 16) bad++;
      lastOffset = rec.fileOffset;
      n++;
    }, { chunkSize: 64 << 20 });
    expect(res.error).toBeNull();
    expect(n).toBe(N);
    expect(bad).toBe(0);
    expect(lastOffset).toBe(24 + (N - 1) * REC + 16);
    expect(lastOffset).toBeGreaterThan(2 ** 32);
  }, 60_000);
});

describe('failures', () => {
  it('a Blob that fails to read gives an error after the records before it, never a throw', async () => {
    const file = pcapFile({}, Array.from({ length: 10 }, (_, i) => ({ data: payload(60, i) })));
    const blob = syntheticBlob(file.length, (offset, into) => into.set(file.subarray(offset, offset + into.length)), 400);
    const { res, recs } = await readAll(blob, { chunkSize: 128 });
    expect(res.error).toBe('could not read the file at offset 384: NotReadableError: the file changed');
    expect(recs.length).toBe(Math.floor((384 - 24) / 76));
  });

  it('an exception from onRecord is the caller\'s, and propagates', async () => {
    const file = pcapFile({}, [{ data: payload(4) }]);
    await expect(readCapture(blobOf(file), () => { throw new Error('consumer bug'); })).rejects.toThrow('consumer bug');
  });
});
