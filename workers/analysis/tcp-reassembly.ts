// Reassembly of application PDUs that span TCP segments (Wireshark's desegment_tcp with
// tcp.desegment_tcp_streams on, the default), as data: per stream direction, at most one PDU in
// progress (its first sequence number, the bytes so far with the frames they came from, and the
// PDU length once known); and per frame, what that frame did (completed a PDU, or gave its tail
// or all its payload to one), so that a later pass over any one frame shows the same tree.
//
// Memory is bounded: bytes held by PDUs in progress and bytes of completed PDUs kept for later
// passes are each capped; past the cap the oldest are dropped (a dropped PDU in progress is as
// if its next segment had been lost; a forgotten completed one is shown unreassembled later).

/** How a PDU's total length is read once `fixed` bytes of it are there (b[off..] holds all the
 *  bytes so far); -1 when they cannot tell it yet (HTTP's headers not ended): it is asked again
 *  when more arrive. */
export type PduLength = (b: Uint8Array, off: number) => number;

export interface Segment {
  frame: number;
  /** Offset of this segment's bytes in the PDU, and their count. */
  at: number;
  len: number;
}

export interface Pending {
  /** Sequence number the next segment must start at to continue this PDU. */
  nextSeq: number;
  /** Total PDU length, or -1 until `fixed` bytes have arrived. */
  need: number;
  fixed: number;
  getLen: PduLength;
  chunks: Uint8Array[];
  have: number;
  segs: Segment[];
  /** Frame records of the segments, to note where the PDU was completed. */
  records: FrameRecord[];
}

/** What one frame's TCP payload did, for later passes. */
export interface FrameRecord {
  /** Stream direction key (stream * 2 + direction) of the TCP layer this is about. */
  key: number;
  /** Bytes at the start of the payload that completed a PDU (0: none). */
  used: number;
  /** The completed PDU and its segments (null when none, or forgotten). */
  data: Uint8Array | null;
  segs: Segment[] | null;
  /** Offset in the payload from which the bytes went to a PDU still in progress (-1: none). */
  tailFrom: number;
  /** Frame in which that PDU was completed (0: not yet). */
  reassembledIn: number;
}

const MAX_PENDING_BYTES = 32 << 20;
const MAX_DONE_BYTES = 64 << 20;
const MAX_RECORDS = 1 << 20;
/** Longest PDU we wait for (a 16-bit length prefix gives 65537 at most; others may claim more). */
export const MAX_PDU = 1 << 24;

export class TcpPduTable {
  private pending = new Map<number, Pending>();
  private pendingBytes = 0;
  private frames = new Map<number, FrameRecord>();
  private doneBytes = 0;

  reset(): void {
    this.pending.clear();
    this.pendingBytes = 0;
    this.frames.clear();
    this.doneBytes = 0;
  }

  // Both are asked about every TCP segment with a payload; most captures have no PDU in progress
  // and no record at all, and an empty map's size answers without hashing the key.
  pendingFor(key: number): Pending | undefined {
    return this.pending.size === 0 ? undefined : this.pending.get(key);
  }

  record(frame: number): FrameRecord | undefined {
    return this.frames.size === 0 ? undefined : this.frames.get(frame);
  }

  /** The record of `frame` for stream direction `key`, made on first use. */
  recordFor(frame: number, key: number): FrameRecord {
    let r = this.frames.get(frame);
    if (r === undefined) {
      r = { key, used: 0, data: null, segs: null, tailFrom: -1, reassembledIn: 0 };
      this.frames.set(frame, r);
      if (this.frames.size > MAX_RECORDS) this.forgetOldest();
    }
    return r;
  }

  /** Start a PDU with the bytes b[off, end) of `frame`, sent at sequence number `seq`. */
  start(key: number, frame: number, rec: FrameRecord, seq: number, b: Uint8Array, off: number, end: number,
        need: number, fixed: number, getLen: PduLength): void {
    this.drop(key);
    const chunk = b.slice(off, end);
    const p: Pending = {
      nextSeq: (seq + (end - off)) >>> 0, need, fixed, getLen, chunks: [chunk], have: chunk.length,
      segs: [{ frame, at: 0, len: chunk.length }], records: [rec],
    };
    this.pending.set(key, p);
    this.pendingBytes += chunk.length;
    while (this.pendingBytes > MAX_PENDING_BYTES && this.pending.size > 1) {
      const oldest = this.pending.keys().next().value as number;
      this.drop(oldest);
    }
  }

  /**
   * Add b[off, end) of `frame` to the PDU in progress (the caller checked the sequence number);
   * takes only the bytes the PDU still needs. Returns how many it took.
   */
  append(p: Pending, frame: number, rec: FrameRecord, b: Uint8Array, off: number, end: number): number {
    let take = end - off;
    if (p.need < 0 && p.have + take >= p.fixed) {
      const all = new Uint8Array(p.have + take);
      all.set(concat(p.chunks, p.have));
      all.set(b.subarray(off, off + take), p.have);
      const need = p.getLen(all, 0);
      if (need >= 0) p.need = need;
      else p.fixed = p.have + take + 1;
    }
    if (p.need >= 0) take = Math.min(take, Math.max(0, p.need - p.have));
    const chunk = b.slice(off, off + take);
    p.chunks.push(chunk);
    p.segs.push({ frame, at: p.have, len: take });
    p.records.push(rec);
    p.have += take;
    p.nextSeq = (p.nextSeq + take) >>> 0;
    this.pendingBytes += take;
    return take;
  }

  /** The PDU's bytes once all have arrived (removing it from the table), else null. */
  complete(key: number, p: Pending, frame: number): Uint8Array | null {
    if (p.need < 0 || p.have < p.need) return null;
    this.pending.delete(key);
    this.pendingBytes -= p.have;
    const data = concat(p.chunks, p.have);
    // (not the completing frame's own record: when it starts the next PDU too, its "Reassembled PDU
    // in frame" names that PDU's last frame, as packet-tcp.c's line after its segment data does)
    const last = p.records[p.records.length - 1];
    for (const r of p.records) if (r.reassembledIn === 0 && r !== last) r.reassembledIn = frame;
    return data;
  }

  /** Keep a completed PDU for later passes over its last frame. */
  keep(rec: FrameRecord, data: Uint8Array, segs: Segment[]): void {
    rec.data = data;
    rec.segs = segs;
    this.doneBytes += data.length;
    if (this.doneBytes <= MAX_DONE_BYTES) return;
    while (this.doneBytes > MAX_DONE_BYTES && this.frames.size > 1) this.forgetOldest();
  }

  private forgetOldest(): void {
    const [frame, r] = this.frames.entries().next().value as [number, FrameRecord];
    if (r.data) this.doneBytes -= r.data.length;
    this.frames.delete(frame);
  }

  private drop(key: number): void {
    const p = this.pending.get(key);
    if (!p) return;
    this.pending.delete(key);
    this.pendingBytes -= p.have;
  }
}

function concat(chunks: Uint8Array[], n: number): Uint8Array {
  if (chunks.length === 1 && (chunks[0] as Uint8Array).length === n) return chunks[0] as Uint8Array;
  const out = new Uint8Array(n);
  let o = 0;
  for (const ch of chunks) {
    out.set(ch.subarray(0, n - o), o);
    o += Math.min(ch.length, n - o);
  }
  return out;
}
