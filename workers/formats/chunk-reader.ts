// Sequential, chunked reading of a Blob, so a multi-GB capture never sits in memory whole. The
// next chunk is fetched while the current one is parsed. Chunks come, in order of preference, from
// the command line's file (`readInto`), from the Blob's byte stream (blob-stream.ts), or from
// `Blob.slice(a, b).arrayBuffer()`; the first two fill a few buffers the reader reuses.
//
//   file     |------- chunk k -------|------- chunk k+1 -------|
//   record a        [=====]                                       fits: a view into the chunk
//   record b                     [========]                       crosses: copied into `scratch`
//
// The contract with a reader, which keeps its hot loop free of awaits:
//
//   let p = r.pos;
//   if (r.end - p < n) { if (!(await r.need(n))) { /* fewer than n bytes left in the file */ } p = r.pos; }
//   // now r.buf[p, p + n) holds the file's bytes at offset r.base + p; r.view is a DataView on r.buf
//   r.pos = p + n;                           // consume them
//
// `need` may switch `buf` (chunk ↔ scratch), so re-read buf/view/pos after awaiting it. Views
// handed out (record data) stay valid until the next `need`. Offsets are doubles: > 4 GiB is fine.

import { BlobStream } from './blob-stream.ts';
import { gate, gated } from './read-gate.ts';

export const DEFAULT_CHUNK_SIZE = 2 << 20;
/** The first chunk's size; each next one is 4x larger up to the chunk size. A small first chunk
 *  gets the first packets (and the first screen of rows, which the worker answers between two
 *  chunks) out while the dissectors' code is still cold; 2 MiB chunks later keep the worker's
 *  answers to the page within a few tens of milliseconds during the index pass. */
const FIRST_CHUNK = 64 << 10;
const MIN_SCRATCH = 64 << 10;
/** Past this the scratch buffer grows to exactly what a record needs, not double. */
const MAX_SCRATCH_DOUBLING = 64 << 20;
/** Yield to the event loop (a macrotask) at most this often, so a worker stays responsive. */
const YIELD_EVERY_MS = 15;
const EMPTY: Uint8Array = new Uint8Array(0);

/** An I/O failure of the Blob itself (e.g. the file changed on disk), as opposed to bad content. */
export class ReadError extends Error {}

export type ProgressFn = (bytesDone: number, bytesTotal: number) => void;

/**
 * A Blob that can also read its bytes [start, end) into a buffer it is given, returning how many
 * it read (the command line's file, cli/file-blob.ts). The reader then cycles through READ_BUFFERS
 * buffers of its own instead of taking a new ArrayBuffer per chunk: fresh memory costs a page
 * fault per 4 KiB (on a VM, ~15 us each: 0.3 s of CPU for a 388 MB capture) and, held outside
 * the JS heap, makes V8 run major GCs to free it.
 */
export interface ReadIntoBlob extends Blob {
  readInto(start: number, end: number, into: Uint8Array): Promise<number>;
}

/** The chunk being parsed, the one being fetched, and one more: a chunk's bytes stay unchanged
 *  until two more chunks have been loaded after it (views into it outlive the next `need`). */
const READ_BUFFERS = 3;

export class ChunkReader {
  /** The window: `buf[pos, end)` is the file from offset `base + pos` on. */
  buf: Uint8Array = EMPTY;
  view: DataView = new DataView(EMPTY.buffer);
  pos = 0;
  end = 0;
  /** File offset of `buf[0]`. */
  base = 0;
  readonly size: number;

  private readonly chunkSize: number;
  private chunk: Uint8Array = EMPTY;
  private chunkView: DataView = new DataView(EMPTY.buffer);
  private chunkBase = 0;
  /** While the window is the scratch buffer: the first byte of `chunk` not copied into it yet. */
  private chunkPos = 0;
  private inScratch = false;
  private scratch: Uint8Array = EMPTY;
  private scratchView: DataView = new DataView(EMPTY.buffer);
  private nextOffset = 0;
  private pending: Promise<Uint8Array> | null = null;
  private lastYield = now();
  /** Size of the next chunk to fetch (ramps up to chunkSize). */
  private nextSize: number;
  /** The reused buffers (readInto and stream reads), and the next one to read into. */
  private readonly buffers: Uint8Array[] = [];
  private nextBuffer = 0;
  /** The Blob's byte stream once opened; null when it cannot be read that way. */
  private stream: BlobStream | null | undefined = undefined;

  constructor(
    private readonly blob: Blob,
    chunkSize = DEFAULT_CHUNK_SIZE,
    private readonly onProgress?: ProgressFn,
    /** Stops the read at the next chunk (need() rejects with the signal's reason). */
    private readonly signal?: AbortSignal,
  ) {
    this.size = blob.size;
    this.chunkSize = Number.isFinite(chunkSize) && chunkSize >= 1 ? Math.floor(chunkSize) : DEFAULT_CHUNK_SIZE;
    this.nextSize = Math.min(this.chunkSize, FIRST_CHUNK);
  }

  /** File offset of the read position. */
  get offset(): number {
    return this.base + this.pos;
  }

  /** Bytes from the read position to the end of the file. */
  get remaining(): number {
    return this.size - this.base - this.pos;
  }

  /** Stops reading ahead (a reader that stopped before the end of the file, at damage). */
  close(): void {
    this.stream?.cancel();
    this.pending = null;
  }

  /** Makes `n` bytes from the read position contiguous in `buf`; false if the file has fewer left. */
  async need(n: number): Promise<boolean> {
    for (;;) {
      const have = this.end - this.pos;
      if (have >= n) return true;
      if (this.remaining < n) return false;
      if (have > 0) {
        await this.gather(n, have);
        return true;
      }
      if (this.inScratch) {
        // The record that crossed is consumed: carry on in the chunk, where the copy stopped.
        this.inScratch = false;
        this.setWindow(this.chunk, this.chunkView, this.chunkBase, this.chunkPos, this.chunk.length);
      } else {
        await this.load();
        this.setWindow(this.chunk, this.chunkView, this.chunkBase, 0, this.chunk.length);
      }
    }
  }

  /** Copies the `have` bytes at `pos` and the following ones into scratch until it holds `n`. */
  private async gather(n: number, have: number): Promise<void> {
    const start = this.offset;
    if (!this.inScratch) this.chunkPos = this.end;
    this.reserveScratch(n, have);
    let got = have;
    while (got < n) {
      if (this.chunkPos === this.chunk.length) {
        await this.load();
        this.chunkPos = 0;
      }
      const take = Math.min(n - got, this.chunk.length - this.chunkPos);
      this.scratch.set(this.chunk.subarray(this.chunkPos, this.chunkPos + take), got);
      got += take;
      this.chunkPos += take;
    }
    this.inScratch = true;
    this.setWindow(this.scratch, this.scratchView, start, 0, n);
  }

  /** Ensures scratch holds ≥ n bytes, with the window's `have` pending bytes moved to its start. */
  private reserveScratch(n: number, have: number): void {
    const from = this.pos;
    if (this.scratch.length < n) {
      const grown = new Uint8Array(Math.max(n, Math.min(this.scratch.length * 2, MAX_SCRATCH_DOUBLING), MIN_SCRATCH));
      grown.set(this.buf.subarray(from, from + have));
      this.scratch = grown;
      this.scratchView = new DataView(grown.buffer);
    } else if (this.buf === this.scratch) {
      if (from > 0) this.scratch.copyWithin(0, from, from + have);
    } else {
      this.scratch.set(this.buf.subarray(from, from + have));
    }
  }

  private setWindow(buf: Uint8Array, view: DataView, base: number, pos: number, end: number): void {
    this.buf = buf;
    this.view = view;
    this.base = base;
    this.pos = pos;
    this.end = end;
  }

  /**
   * Makes the next chunk current (awaiting it) unless the read was aborted, starts fetching the
   * one after, reports progress, lets the event loop run now and then, and lets the page's
   * requests finish first (read-gate.ts).
   */
  private async load(): Promise<void> {
    this.signal?.throwIfAborted();
    const at = this.nextOffset;
    let bytes: Uint8Array;
    try {
      bytes = await (this.pending ?? this.fetch(at));
    } catch (e) {
      throw new ReadError(`could not read the file at offset ${at}: ${e instanceof Error ? e.message : String(e)}`);
    }
    this.pending = null;
    if (bytes.length === 0) {
      throw new ReadError(`could not read the file at offset ${at}: it ends before its size of ${this.size} bytes`);
    }
    this.chunk = bytes;
    this.chunkView = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
    this.chunkBase = at;
    this.nextOffset = at + bytes.length;
    if (this.nextOffset < this.size) this.pending = this.fetch(this.nextOffset);
    this.onProgress?.(this.nextOffset, this.size);
    if (now() - this.lastYield >= YIELD_EVERY_MS) {
      await macrotask();
      this.lastYield = now();
    }
    if (gated()) await gate();
  }

  /** The next of the reused buffers, at least `n` bytes long. */
  private nextBufferOf(n: number): [number, Uint8Array] {
    const k = this.nextBuffer;
    this.nextBuffer = (k + 1) % READ_BUFFERS;
    let buf = this.buffers[k];
    if (buf === undefined || buf.length < n) this.buffers[k] = buf = new Uint8Array(Math.max(n, Math.min(this.chunkSize, this.size)));
    return [k, buf];
  }

  /** Bytes [at, end) read into the next of the reused buffers. */
  private async readInto(blob: ReadIntoBlob, at: number, end: number): Promise<Uint8Array> {
    const [, buf] = this.nextBufferOf(end - at);
    return buf.subarray(0, await blob.readInto(at, end, buf));
  }

  /** Bytes [at, end) from the byte stream into the next of the reused buffers (which it transfers). */
  private async streamInto(stream: BlobStream, at: number, end: number): Promise<Uint8Array> {
    const [k, buf] = this.nextBufferOf(end - at);
    const got = await stream.read(at, buf.subarray(0, end - at));
    this.buffers[k] = new Uint8Array(got.buffer);
    return got;
  }

  private fetch(at: number): Promise<Uint8Array> {
    const size = this.nextSize;
    this.nextSize = Math.min(this.chunkSize, size * 4);
    const end = Math.min(at + size, this.size);
    const blob = this.blob;
    let p: Promise<Uint8Array>;
    if (canReadInto(blob)) p = this.readInto(blob, at, end);
    else {
      if (this.stream === undefined) this.stream = BlobStream.open(blob, at);
      p = this.stream ? this.streamInto(this.stream, at, end) : blob.slice(at, end).arrayBuffer().then((b) => new Uint8Array(b));
    }
    // A prefetch may be abandoned (the reader stopped at damage): never an unhandled rejection.
    p.catch(() => undefined);
    return p;
  }
}

function canReadInto(blob: Blob): blob is ReadIntoBlob {
  return typeof (blob as Partial<ReadIntoBlob>).readInto === 'function';
}

function now(): number {
  return globalThis.performance ? performance.now() : Date.now();
}

/**
 * Lets the event loop run (the worker's message handlers, timers). A promise that is already
 * resolved — a prefetched chunk — only queues a microtask, which would starve them.
 * A MessageChannel message is a macrotask without setTimeout's 4 ms clamp; the channel is closed
 * at once so it does not keep a Node process alive.
 */
function macrotask(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}
