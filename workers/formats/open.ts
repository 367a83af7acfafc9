// The entry point of the capture readers: sniff the magic, decompress gzip, hand the bytes to the
// pcap or pcapng reader, and return what was read. It never throws on file content: a file that
// is not a capture, or is damaged, comes back with `error` set (after every record before the
// damage has been delivered). Only a failure of `onRecord` itself propagates, and an abort.

import { ChunkReader, DEFAULT_CHUNK_SIZE, ReadError } from './chunk-reader.ts';
import { createSummary } from './common.ts';
import { detect, MAGIC_LENGTH, type Detected } from './detect.ts';
import { gunzip } from './gzip.ts';
import { readPcap } from './pcap.ts';
import { readPcapng } from './pcapng.ts';
import type { OnRecord, ReadSummary } from './record.ts';

export interface ReadOptions {
  /** Bytes per Blob read (default 2 MiB, the first reads smaller); tests make it tiny to push records across chunks. */
  chunkSize?: number;
  /** Called once per chunk with the bytes read so far (of the decompressed data, for gzip). */
  onProgress?: (bytesDone: number, bytesTotal: number) => void;
  /** Stops reading before the next chunk: readCapture rejects with the signal's reason. */
  signal?: AbortSignal;
}

export interface OpenedCapture extends ReadSummary {
  /** The Blob record.fileOffset refers to (the decompressed data for a gzip file): re-read a
   * packet with `data.slice(off, off + capLen)`. */
  data: Blob;
}

/**
 * Reads every record of a pcap, pcapng or gzip-compressed pcap/pcapng file, in file order.
 * `onRecord` gets one reused PacketRecord object whose `data` is valid only during the call.
 */
export async function readCapture(file: Blob, onRecord: OnRecord, opts: ReadOptions = {}): Promise<OpenedCapture> {
  const s = createSummary();
  let data = file;
  let gzipped = false;
  let gzipError: string | null = null;
  try {
    let kind = detect(await readHead(file));
    if (kind.format === 'gzip') {
      gzipped = true;
      ({ data, error: gzipError } = await gunzip(file));
      kind = inner(detect(await readHead(data)));
    }
    const r = new ChunkReader(data, opts.chunkSize ?? DEFAULT_CHUNK_SIZE, opts.onProgress, opts.signal);
    try {
      switch (kind.format) {
        case 'pcap': await readPcap(r, kind, s, onRecord); break;
        case 'pcapng': await readPcapng(r, s, onRecord); break;
        case 'unknown': s.error = kind.error; break;
      }
    } finally {
      r.close();
    }
  } catch (e) {
    if (!(e instanceof ReadError)) throw e;
    s.error = e.message;
  }
  if (gzipped) {
    s.encoding = s.encoding === '' ? 'gzip' : `${s.encoding}, gzip`;
    if (gzipError !== null) s.error = s.error === null ? gzipError : `${gzipError}; ${s.error}`;
  }
  return { ...s, data };
}

/** What the decompressed data of a gzip file is; a gzip inside it is not followed further. */
function inner(kind: Detected): Detected {
  if (kind.format === 'gzip') return { format: 'unknown', error: 'not a capture file: the gzip data holds another gzip stream' };
  if (kind.format === 'unknown') return { format: 'unknown', error: `${kind.error} (in the gzip-decompressed data)` };
  return kind;
}

async function readHead(file: Blob): Promise<Uint8Array> {
  try {
    return new Uint8Array(await file.slice(0, MAGIC_LENGTH).arrayBuffer());
  } catch (e) {
    throw new ReadError(`could not read the file at offset 0: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export interface ReadTiming {
  capture: OpenedCapture;
  /** Wall time of the whole read, in milliseconds. */
  ms: number;
  /** Sum of captured lengths delivered. */
  packetBytes: number;
}

/**
 * Reads a capture with a no-op consumer and times it: the reader's own overhead, for benchmarks
 * and `--time`-style output of the command line (which opens the file as a Blob itself, e.g. with
 * Node's `fs.openAsBlob`). Uses only `performance.now()`, present in workers and Node alike.
 */
export async function timeReadCapture(file: Blob, opts: ReadOptions = {}): Promise<ReadTiming> {
  let packetBytes = 0;
  const t0 = performance.now();
  const capture = await readCapture(file, (rec) => { packetBytes += rec.capLen; }, opts);
  return { capture, ms: performance.now() - t0, packetBytes };
}
