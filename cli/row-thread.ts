// The command line's second thread: the export encodes its rows (workers/export/row-batch.ts) and
// this thread formats them and writes them to stdout, so that dissecting and formatting run on two
// cores. The thread runs the command line's own bundle again (import.meta.url), which serves as the
// writer when started with ROLE in its workerData.

import { writeSync } from 'node:fs';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { ByteSink } from '../workers/export/byte-sink.ts';
import { exportColumns } from '../workers/export/fields.ts';
import { decodeRows } from '../workers/export/row-batch.ts';

const ROLE = 'decapod-row-writer';

/** Below this capture size the thread's start (~50 ms) costs more than it saves. */
const MIN_BYTES = 4 << 20;

type FromWriter = { done: true } | { epipe: true } | { error: string };

/** In the writer thread: serve batches until the export ends. False in any other thread. */
export function serveRowWriter(): boolean {
  const data = workerData as { role?: string; fields?: string[] } | null;
  if (isMainThread || parentPort === null || data?.role !== ROLE || data.fields === undefined) return false;
  const port = parentPort;
  const cols = exportColumns(data.fields);
  let broken = false;
  // writeSync is done with a chunk when it returns: the sink may fill the same buffer again
  const out = new ByteSink((bytes) => {
    if (!broken && !writeAll(bytes)) {
      broken = true;
      port.postMessage({ epipe: true } satisfies FromWriter);
    }
  }, true);
  port.on('message', (m: Uint8Array | null) => {
    try {
      if (m === null) {
        out.flush();
        port.postMessage({ done: true } satisfies FromWriter);
        port.close();
        return;
      }
      if (!broken) decodeRows(m, cols, out);
    } catch (e) {
      port.postMessage({ error: e instanceof Error ? e.message : String(e) } satisfies FromWriter);
    }
  });
  return true;
}

/** Writes all of `bytes` to stdout; false when the reader has gone (EPIPE: `decapod … | head`). */
function writeAll(bytes: Uint8Array): boolean {
  let done = 0;
  while (done < bytes.length) {
    try {
      done += writeSync(1, bytes, done, bytes.length - done);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') return false;
      if (code !== 'EAGAIN') throw e;
      Atomics.wait(PAUSE, 0, 0, 1); // a non-blocking pipe is full: let its reader catch up
    }
  }
  return true;
}

const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/** The export's side: where its batches go, and the batches handed back for reuse. */
export class RowThread {
  private finished: Promise<void>;
  private failure: string | null = null;

  private constructor(private readonly worker: Worker, onBrokenPipe: () => void) {
    this.finished = new Promise((resolve, reject) => {
      worker.on('message', (m: FromWriter) => {
        if ('done' in m) resolve();
        else if ('epipe' in m) onBrokenPipe();
        else this.failure = m.error;
      });
      worker.on('error', (e) => reject(e));
      worker.on('exit', () => reject(new Error(this.failure ?? 'the row writer thread stopped')));
    });
    this.finished.catch(() => undefined);
  }

  /**
   * A writer thread for an export of `fields` from a capture of `size` bytes, or null where it
   * would not pay (small captures, DECAPOD_ROW_THREAD=0) or cannot run (not the bundle).
   */
  static start(fields: readonly string[], size: number, onBrokenPipe: () => void): RowThread | null {
    const mode = process.env.DECAPOD_ROW_THREAD;
    if (mode === '0' || (mode !== '1' && size < MIN_BYTES)) return null;
    // The thread loads this file again: only the bundle (bin/decapod.js builds it) is plain JavaScript.
    if (!import.meta.url.endsWith('.mjs')) return null;
    return new RowThread(new Worker(new URL(import.meta.url), { workerData: { role: ROLE, fields: [...fields] } }), onBrokenPipe);
  }

  onBatch = (batch: Uint8Array): void => {
    // Copied, not transferred: a transfer there and back costs more than the copy (on the 1M mix,
    // 3.5 s against 3.1-3.2 s for the export), and the encoder refills the same buffer at once.
    this.worker.postMessage(batch);
  };

  /** The export failed: stop the thread (its output so far is written). */
  async abort(): Promise<void> {
    await this.worker.terminate();
  }

  /** Every batch written: resolves once the thread has flushed its output, and lets it end. */
  async end(): Promise<void> {
    this.worker.postMessage(null);
    await this.finished;
    await this.worker.terminate();
    if (this.failure !== null) throw new Error(this.failure);
  }
}
