// Rows of `fields` output as compact records, so that another thread can write them: the
// dissecting thread encodes each row's values (the numbers and address bytes writeRow's fast path
// formats, the finished text of anything else), and the writer turns the records into the very
// bytes writeRow would have written. On the 1M mix, formatting is ~0.95 s of a 3.3 s export; the
// command line (cli/row-thread.ts) moves it to the second core.
//
// The dissecting thread writes a row's values in tree order, as it meets them, each with its
// column; the writer groups them by column (the grouping writeRow's caller does for it), so the
// dissecting thread makes one pass over the tree and none over the columns.
//
// A batch is a run of records:
//   LINE  u8 1, u32 length, bytes                      text written as it is (the header line)
//   ROW   u8 2, then values: u16 column << 1 | tag, and for tag 0 (fast) the value: DEC/HEX u32;
//         TIME u32 seconds, u32 ns; IPv4 4, MAC 6, IPv6 16 bytes; for tag 1 (text) u32 length,
//         bytes; then u16 END
// Integers are little-endian. A record never spans two batches.

import type { FieldList } from '../fields/field-list.ts';
import { ByteSink } from './byte-sink.ts';
import { addressBytes, Cell, dec32, ether, fast, hex, ipv4, ipv6, MULTI, time, VALUE_ROOM, type Column } from './row.ts';
import { writeValue } from './value-bytes.ts';

const LINE = 1;
const ROW = 2;
const FAST = 0;
const TEXT = 1;
const END = 0xffff;
/** Columns a row may have (END excluded). */
export const MAX_COLUMNS = END >> 1;
/** Most bytes one fast value takes: its column and tag, and an IPv6 address. */
const VALUE_BYTES = 2 + 16;

const TAB = 0x09;
const COMMA = 0x2c;
const LF = 0x0a;

/** Encodes rows into batches of about `batchBytes`; `onBatch` gets each full one, and must be done
 *  with it (or have copied it) when it returns: the encoder fills the same buffer again. */
export class RowEncoder {
  private buf: Uint8Array;
  private pos = 0;
  /** Where writeValue puts the text of a value without a fast path, before it is copied in. */
  private readonly scratch: ByteSink;
  private spill: Uint8Array[] = [];

  constructor(
    private readonly onBatch: (batch: Uint8Array) => void,
    private readonly batchBytes = 1 << 20,
  ) {
    this.buf = new Uint8Array(batchBytes + (64 << 10));
    this.scratch = new ByteSink((chunk) => this.spill.push(chunk.slice()));
  }

  /** A line of text written as it is (the header). */
  line(text: string): void {
    this.scratch.text(text);
    this.room(1);
    this.buf[this.pos++] = LINE;
    this.putBytes();
    this.endRecord();
  }

  /**
   * The row of `fl`: each entry whose field is printed (colOf[id] its column; MULTI, in several:
   * multiOf), in tree order.
   */
  row(fl: FieldList, cols: readonly Column[], colOf: Int32Array, multiOf: ReadonlyMap<number, readonly number[]>): void {
    const count = fl.count;
    const need = 1 + 2 + VALUE_BYTES * count;
    this.room(need);
    let b = this.buf;
    let p = this.pos;
    b[p++] = ROW;
    const ids = fl.id;
    for (let i = 0; i < count; i++) {
      let c = colOf[ids[i] as number] as number;
      if (c < 0) {
        if (c !== MULTI) continue;
        // a field printed in several columns: the value once per column
        const many = multiOf.get(ids[i] as number) as readonly number[];
        for (let m = 1; m < many.length; m++) {
          this.pos = p;
          this.value(many[m] as number, cols, fl, i);
          this.room(need);
          b = this.buf;
          p = this.pos;
        }
        c = many[0] as number;
      }
      const col = cols[c] as Column;
      const kind = col.cell;
      if (!fast(kind, col, fl, i)) {
        this.pos = p;
        writeValue(this.scratch, fl, i);
        this.putText(c);
        this.room(need);
        b = this.buf;
        p = this.pos;
        continue;
      }
      p = putFast(b, p, c, kind, fl, i);
    }
    this.pos = p;
    this.room(2);
    this.buf[this.pos] = END & 0xff;
    this.buf[this.pos + 1] = END >>> 8;
    this.pos += 2;
    this.endRecord();
  }

  /** Entry i in column c, by the fast path or as text, at `pos` (room made here). */
  private value(c: number, cols: readonly Column[], fl: FieldList, i: number): void {
    const col = cols[c] as Column;
    if (!fast(col.cell, col, fl, i)) {
      writeValue(this.scratch, fl, i);
      this.putText(c);
      return;
    }
    this.room(VALUE_BYTES);
    this.pos = putFast(this.buf, this.pos, c, col.cell, fl, i);
  }

  /** Hands over the batch being filled, if it holds anything. */
  flush(): void {
    if (this.pos === 0) return;
    this.onBatch(this.buf.subarray(0, this.pos));
    this.pos = 0;
  }

  private endRecord(): void {
    if (this.pos >= this.batchBytes) this.flush();
  }

  /** The scratch sink's text as a text value of column c. */
  private putText(c: number): void {
    this.room(2);
    const w = (c << 1) | TEXT;
    this.buf[this.pos] = w & 0xff;
    this.buf[this.pos + 1] = w >>> 8;
    this.pos += 2;
    this.putBytes();
  }

  /** The scratch sink's text (its length, then its bytes); empties the scratch. */
  private putBytes(): void {
    const s = this.scratch;
    let n = s.pos;
    for (const part of this.spill) n += part.length;
    this.room(4 + n);
    this.pos = put32(this.buf, this.pos, n);
    for (const part of this.spill) {
      this.buf.set(part, this.pos);
      this.pos += part.length;
    }
    this.buf.set(s.buf.subarray(0, s.pos), this.pos);
    this.pos += s.pos;
    s.pos = 0;
    this.spill = [];
  }

  /** Room for `n` more bytes in the record being written (a record never spans batches: grow). */
  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const grown = new Uint8Array(Math.max(this.buf.length * 2, this.pos + n));
    grown.set(this.buf.subarray(0, this.pos));
    this.buf = grown;
  }
}

/** Entry i, a value of column c that the fast path takes, at b[p] (room for VALUE_BYTES made):
 *  its column and tag, then the number(s) or the address bytes. Returns the position after it. */
function putFast(b: Uint8Array, p: number, c: number, kind: Cell, fl: FieldList, i: number): number {
  const w = c << 1; // | FAST
  b[p] = w & 0xff;
  b[p + 1] = w >>> 8;
  p += 2;
  if (kind === Cell.DEC || kind === Cell.HEX) return put32(b, p, fl.num[i] as number);
  if (kind === Cell.TIME) return put32(b, put32(b, p, fl.num[i] as number), fl.aux[i] as number);
  const src = fl.bytesOf(i);
  const o = fl.off[i] as number;
  b[p] = src[o] as number;
  b[p + 1] = src[o + 1] as number;
  b[p + 2] = src[o + 2] as number;
  b[p + 3] = src[o + 3] as number;
  if (kind === Cell.IPV4) return p + 4;
  b[p + 4] = src[o + 4] as number;
  b[p + 5] = src[o + 5] as number;
  if (kind === Cell.ETHER) return p + 6;
  for (let q = 6; q < 16; q++) b[p + q] = src[o + q] as number;
  return p + 16;
}

/** 0 ≤ v < 2^32 as 4 little-endian bytes at b[p]; returns the position after them. */
function put32(b: Uint8Array, p: number, v: number): number {
  b[p] = v & 0xff;
  b[p + 1] = (v >>> 8) & 0xff;
  b[p + 2] = (v >>> 16) & 0xff;
  b[p + 3] = v >>> 24;
  return p + 4;
}

/** Turns encoded rows back into text: the bytes writeRow writes for the same rows. */
export class RowDecoder {
  /** Per column, where its values start in the batch (column c's at at[c * cap + k]), and how many. */
  private at: Int32Array;
  private cap = 8;
  private readonly counts: Int32Array;

  constructor(private readonly cols: readonly Column[]) {
    this.at = new Int32Array(cols.length * this.cap);
    this.counts = new Int32Array(cols.length);
  }

  /** Writes the rows (and lines) of `batch` to `out`. */
  decode(batch: Uint8Array, out: ByteSink): void {
    const cols = this.cols;
    const nCols = cols.length;
    const counts = this.counts;
    let q = 0;
    while (q < batch.length) {
      const kind = batch[q++] as number;
      if (kind === LINE) {
        const n = get32(batch, q);
        out.bytes(batch.subarray(q + 4, q + 4 + n));
        q += 4 + n;
        continue;
      }
      if (kind !== ROW) throw new Error(`row batch: record type ${kind} at byte ${q - 1}`);
      // where each column's values are, in order
      for (;;) {
        const w = (batch[q] as number) | ((batch[q + 1] as number) << 8);
        if (w === END) break;
        const c = w >> 1;
        const n = counts[c] as number;
        if (n === this.cap) this.widen();
        this.at[c * this.cap + n] = q;
        counts[c] = n + 1;
        q += 2;
        if (w & TEXT) q += 4 + get32(batch, q);
        else {
          const cell = (cols[c] as Column).cell;
          q += cell === Cell.DEC || cell === Cell.HEX ? 4 : cell === Cell.TIME ? 8 : addressBytes(cell);
        }
      }
      q += 2;
      this.write(batch, out, nCols);
    }
  }

  private write(batch: Uint8Array, out: ByteSink, nCols: number): void {
    const counts = this.counts;
    const at = this.at;
    const cap = this.cap;
    out.room(nCols + 1);
    let b = out.buf;
    let p = out.pos;
    for (let c = 0; c < nCols; c++) {
      if (c > 0) b[p++] = TAB;
      const n = counts[c] as number;
      if (n === 0) continue;
      counts[c] = 0;
      const col = this.cols[c] as Column;
      const cell = col.cell;
      for (let k = 0; k < n; k++) {
        if (p + VALUE_ROOM + 1 + nCols + 1 > b.length) {
          out.pos = p;
          out.room(VALUE_ROOM + 1 + nCols + 1);
          b = out.buf;
          p = out.pos;
        }
        if (k > 0) b[p++] = COMMA;
        let q = at[c * cap + k] as number;
        const w = batch[q] as number;
        q += 2;
        if (w & TEXT) {
          const len = get32(batch, q);
          out.pos = p;
          out.bytes(batch.subarray(q + 4, q + 4 + len));
          out.room(VALUE_ROOM + 1 + nCols + 1);
          b = out.buf;
          p = out.pos;
          continue;
        }
        if (cell === Cell.DEC) p = dec32(b, p, get32(batch, q));
        else if (cell === Cell.HEX) p = hex(b, p, get32(batch, q), col.digits);
        else if (cell === Cell.TIME) p = time(b, p, get32(batch, q), get32(batch, q + 4));
        else if (cell === Cell.IPV4) p = ipv4(b, p, batch, q);
        else if (cell === Cell.ETHER) p = ether(b, p, batch, q);
        else p = ipv6(b, p, batch, q);
      }
    }
    b[p++] = LF;
    out.pos = p;
  }

  private widen(): void {
    const nCols = this.cols.length;
    const cap = this.cap * 2;
    const at = new Int32Array(nCols * cap);
    for (let c = 0; c < nCols; c++) at.set(this.at.subarray(c * this.cap, (c + 1) * this.cap), c * cap);
    this.at = at;
    this.cap = cap;
  }
}

function get32(b: Uint8Array, q: number): number {
  return ((b[q] as number) | ((b[q + 1] as number) << 8) | ((b[q + 2] as number) << 16) | ((b[q + 3] as number) << 24)) >>> 0;
}
