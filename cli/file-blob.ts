// A Blob over a file on disk for the command line. Node's own `fs.openAsBlob` reads are several
// times slower than the capture reader itself (0.9–2 s for 388 MB); this reads the same ranges
// with plain positioned `fs.read` calls. It implements the part of Blob the engine uses:
// `size`, `slice(start, end)`, `arrayBuffer()` and `stream()`, and `readInto`, with which the
// capture reader reuses its buffers instead of taking a new one per chunk.

import { closeSync, fstatSync, openSync, read, readSync } from 'node:fs';

class FileSlice {
  constructor(
    private readonly fd: number,
    private readonly start: number,
    readonly size: number,
  ) {}

  slice(start = 0, end = this.size): FileSlice {
    const s = Math.max(0, Math.min(start, this.size));
    const e = Math.max(s, Math.min(end, this.size));
    return new FileSlice(this.fd, this.start + s, e - s);
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const buf = new Uint8Array(this.size);
    let done = 0;
    while (done < this.size) {
      const n = readSync(this.fd, buf, done, this.size - done, this.start + done);
      if (n === 0) throw new Error(`file ended at offset ${this.start + done}, before the ${this.size} bytes asked for`);
      done += n;
    }
    return buf.buffer;
  }

  /** Bytes [start, end) of this slice read into `into` (the capture reader's own buffers, see
   *  ReadIntoBlob in workers/formats/chunk-reader.ts); returns how many. */
  async readInto(start: number, end: number, into: Uint8Array): Promise<number> {
    const s = Math.max(0, Math.min(start, this.size));
    const n = Math.max(s, Math.min(end, this.size)) - s;
    let done = 0;
    while (done < n) {
      const got = await readAt(this.fd, into, done, n - done, this.start + s + done);
      if (got === 0) throw new Error(`file ended at offset ${this.start + s + done}, before the ${n} bytes asked for`);
      done += got;
    }
    return n;
  }

  stream(): ReadableStream<Uint8Array> {
    const CHUNK = 1 << 20;
    let at = 0;
    return new ReadableStream<Uint8Array>({
      pull: async (controller) => {
        if (at >= this.size) {
          controller.close();
          return;
        }
        const part = this.slice(at, at + CHUNK);
        at += part.size;
        controller.enqueue(new Uint8Array(await part.arrayBuffer()));
      },
    });
  }
}

/** A positioned read on libuv's thread pool: the capture reader asks for the next chunk before it
 *  parses the current one, so the kernel's copy runs on the other core meanwhile. */
function readAt(fd: number, into: Uint8Array, offset: number, length: number, position: number): Promise<number> {
  return new Promise((resolve, reject) => read(fd, into, offset, length, position, (e, n) => (e ? reject(e) : resolve(n))));
}

/** Open `path` as a Blob-like object; `close()` releases the file. */
export function openFileBlob(path: string): { blob: Blob; close: () => void } {
  const fd = openSync(path, 'r');
  const size = fstatSync(fd).size;
  const blob = new FileSlice(fd, 0, size) as unknown as Blob;
  return { blob, close: () => closeSync(fd) };
}
