// Rows of `fields` output as compact records, so that another thread can write them: the
// dissecting thread encodes each row's values (the numbers and address bytes writeRow's fast path
// formats, the finished text of anything else), and the writer turns the records into the very
// bytes writeRow would have written. On the 1M mix, formatting is ~0.95 s of a 3.3 s export; the
// command line (cli/row-thread.ts) moves it to the second core.
//
// A batch is a run of records:
//   LINE  u8 1, u32 length, bytes                      text written as it is (the header line)
//   ROW   u8 2, then per column: count (u8, or 255 and a u32), then per occurrence:
//           u8 0 (fast) and the value: DEC/HEX u32; TIME u32 seconds, u32 ns; IPv4 4, MAC 6, IPv6 16 bytes
//           u8 1 (text), u32 length, bytes
// Integers are little-endian. A record never spans two batches.

import type { FieldList } from '../fields/field-list.ts';
import { ByteSink } from './byte-sink.ts';
import { addressBytes, Cell, dec32, ether, fast, hex, ipv4, ipv6, time, VALUE_ROOM, type Column } from './row.ts';
import { writeValue } from './value-bytes.ts';

const LINE = 1;
const ROW = 2;
const FAST = 0;
const TEXT = 1;
const MANY = 255;
/** Most bytes one fast value takes: its tag and an IPv6 address. */
const VALUE_BYTES = 1 + 16;

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
    this.putText(LINE);
    this.endRecord();
  }

  /** The row writeRow would write from the same arguments (counts[] reset to 0 the same way).
   *  Written like writeRow: the buffer and position in locals, room made a column at a time. */
  row(fl: FieldList, cols: readonly Column[], occ: Int32Array, counts: Int32Array, cap: number,
      special: number, writeSpecial: (out: ByteSink, fl: FieldList) => void): void {
    const nCols = cols.length;
    // room for the record's type and every count; each column makes room for its values
    this.room(1 + 5 * nCols);
    let b = this.buf;
    let p = this.pos;
    b[p++] = ROW;
    const num = fl.num;
    for (let c = 0; c < nCols; c++) {
      if (c === special) {
        b[p++] = 1;
        this.pos = p;
        writeSpecial(this.scratch, fl);
        this.putText(TEXT);
        this.room(5 * (nCols - c));
        b = this.buf;
        p = this.pos;
        continue;
      }
      const n = counts[c] as number;
      if (n === 0) {
        b[p++] = 0;
        continue;
      }
      counts[c] = 0;
      if (p + VALUE_BYTES * n + 5 * (nCols - c) > b.length) {
        this.pos = p;
        this.room(VALUE_BYTES * n + 5 * (nCols - c));
        b = this.buf;
        p = this.pos;
      }
      if (n < MANY) b[p++] = n;
      else {
        b[p++] = MANY;
        p = put32(b, p, n);
      }
      const col = cols[c] as Column;
      const kind = col.cell;
      const base = c * cap;
      for (let k = 0; k < n; k++) {
        const i = occ[base + k] as number;
        if (fast(kind, col, fl, i)) {
          b[p++] = FAST;
          if (kind === Cell.DEC || kind === Cell.HEX) p = put32(b, p, num[i] as number);
          else if (kind === Cell.TIME) {
            p = put32(b, p, num[i] as number);
            p = put32(b, p, fl.aux[i] as number);
          } else {
            const src = fl.bytesOf(i);
            const o = fl.off[i] as number;
            b[p] = src[o] as number;
            b[p + 1] = src[o + 1] as number;
            b[p + 2] = src[o + 2] as number;
            b[p + 3] = src[o + 3] as number;
            if (kind === Cell.IPV4) p += 4;
            else {
              b[p + 4] = src[o + 4] as number;
              b[p + 5] = src[o + 5] as number;
              if (kind === Cell.ETHER) p += 6;
              else {
                for (let q = 6; q < 16; q++) b[p + q] = src[o + q] as number;
                p += 16;
              }
            }
          }
          continue;
        }
        this.pos = p;
        writeValue(this.scratch, fl, i);
        this.putText(TEXT);
        this.room(VALUE_BYTES * (n - k) + 5 * (nCols - c));
        b = this.buf;
        p = this.pos;
      }
    }
    this.pos = p;
    this.endRecord();
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

  /** The scratch sink's text as a `tag` item (its length, then its bytes); empties the scratch. */
  private putText(tag: number): void {
    const s = this.scratch;
    let n = s.pos;
    for (const part of this.spill) n += part.length;
    this.room(5 + n);
    this.buf[this.pos++] = tag;
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

/** 0 ≤ v < 2^32 as 4 little-endian bytes at b[p]; returns the position after them. */
function put32(b: Uint8Array, p: number, v: number): number {
  b[p] = v & 0xff;
  b[p + 1] = (v >>> 8) & 0xff;
  b[p + 2] = (v >>> 16) & 0xff;
  b[p + 3] = v >>> 24;
  return p + 4;
}

/** Writes the rows (and lines) of `batch` to `out`: the bytes writeRow writes for the same rows. */
export function decodeRows(batch: Uint8Array, cols: readonly Column[], out: ByteSink): void {
  const nCols = cols.length;
  let q = 0;
  const u32 = (): number => {
    const v = ((batch[q] as number) | ((batch[q + 1] as number) << 8) | ((batch[q + 2] as number) << 16) | ((batch[q + 3] as number) << 24)) >>> 0;
    q += 4;
    return v;
  };
  while (q < batch.length) {
    const kind = batch[q++] as number;
    if (kind === LINE) {
      const n = u32();
      out.bytes(batch.subarray(q, q + n));
      q += n;
      continue;
    }
    if (kind !== ROW) throw new Error(`row batch: record type ${kind} at byte ${q - 1}`);
    out.room(nCols + 1);
    let b = out.buf;
    let p = out.pos;
    for (let c = 0; c < nCols; c++) {
      if (c > 0) b[p++] = TAB;
      let n = batch[q++] as number;
      if (n === MANY) n = u32();
      if (n === 0) continue;
      const col = cols[c] as Column;
      const cell = col.cell;
      for (let k = 0; k < n; k++) {
        if (p + VALUE_ROOM + 1 + nCols + 1 > b.length) {
          out.pos = p;
          out.room(VALUE_ROOM + 1 + nCols + 1);
          b = out.buf;
          p = out.pos;
        }
        if (k > 0) b[p++] = COMMA;
        if (batch[q++] === TEXT) {
          const len = u32();
          out.pos = p;
          out.bytes(batch.subarray(q, q + len));
          q += len;
          out.room(VALUE_ROOM + 1 + nCols + 1);
          b = out.buf;
          p = out.pos;
          continue;
        }
        if (cell === Cell.DEC) p = dec32(b, p, u32());
        else if (cell === Cell.HEX) p = hex(b, p, u32(), col.digits);
        else if (cell === Cell.TIME) {
          const sec = u32();
          p = time(b, p, sec, u32());
        } else {
          p = cell === Cell.IPV4 ? ipv4(b, p, batch, q) : cell === Cell.ETHER ? ether(b, p, batch, q) : ipv6(b, p, batch, q);
          q += addressBytes(cell);
        }
      }
    }
    b[p++] = LF;
    out.pos = p;
  }
}
