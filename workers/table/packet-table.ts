// The columnar packet table: one growable typed array per column, one row per packet, no object
// per packet. 40 bytes a row for the usual capture (see bytesPerRow), plus the interned address
// table shared by all rows. Rows are in frame order: row r is frame r + 1.
//
// Columns start narrow and widen on the first value that does not fit (narrow-column.ts): the
// file offset is 32-bit until a file passes 4 GiB, the captured and original lengths 16-bit until
// a packet passes 65,535 bytes, the seconds 32-bit while they are whole and after 1970 (and before
// 2106), the four address ids 16-bit until the capture has 65,536 distinct addresses. Readers
// index them like any typed array, the seconds through secAt().

import type { PacketRecord } from '../formats/record.ts';
import type { TypedColumn } from '../fields/typed-arrays.ts';
import { widened, type IdColumn, type LenColumn, type OffsetColumn, type SecColumn } from './narrow-column.ts';
import { resizedIn, NO_PAGES, type PageSource } from '../memory/page-source.ts';

export const NO_VNI = -1;
/** Status bit (beyond the dissector's) of a row whose record is a pcapng Custom Block. */
export const CUSTOM_RECORD = 128;
/** In 32-bit seconds: the record has no time (NaN in doubles). */
const NO_TIME = 0xffffffff;

export class PacketTable {
  length = 0;
  capacity: number;
  /** Seconds since the epoch, read with secAt(): 32-bit with NO_TIME for a record without a time,
   *  doubles with NaN once a time does not fit; nanoseconds (not normalised, as tshark). */
  sec: SecColumn;
  nsec: Int32Array<ArrayBuffer>;
  /** Byte offset of the packet in its (decompressed) file: 32-bit, doubles once a file passes 4 GiB. */
  offset: OffsetColumn;
  /** Captured and original lengths: 16-bit, 32-bit once a packet passes 65,535 bytes. */
  capLen: LenColumn;
  origLen: LenColumn;
  /** Index into the session's interface list (which gives the file and the link type). */
  iface: Uint16Array<ArrayBuffer>;
  /** Field id of the highest protocol layer (the Protocol column). */
  proto: Uint16Array<ArrayBuffer>;
  status: Uint8Array<ArrayBuffer>;
  /** Innermost IP protocol number (255 when none). */
  ipProto: Uint8Array<ArrayBuffer>;
  /** Interned innermost source / destination address, and the outer (tunnel endpoint) ones, 0 = none. */
  src: IdColumn;
  dst: IdColumn;
  outerSrc: IdColumn;
  outerDst: IdColumn;
  srcPort: Uint16Array<ArrayBuffer>;
  dstPort: Uint16Array<ArrayBuffer>;
  /** Outermost VXLAN / Geneve VNI, NO_VNI when none. */
  vni: Int32Array<ArrayBuffer>;
  /** TCP flags of the innermost TCP header (12 bits), 0 when none. */
  tcpFlags: Uint16Array<ArrayBuffer>;

  constructor(capacity = 1 << 16) {
    this.capacity = capacity;
    this.sec = new Uint32Array(capacity);
    this.nsec = new Int32Array(capacity);
    this.offset = new Uint32Array(capacity);
    this.capLen = new Uint16Array(capacity);
    this.origLen = new Uint16Array(capacity);
    this.iface = new Uint16Array(capacity);
    this.proto = new Uint16Array(capacity);
    this.status = new Uint8Array(capacity);
    this.ipProto = new Uint8Array(capacity);
    this.src = new Uint16Array(capacity);
    this.dst = new Uint16Array(capacity);
    this.outerSrc = new Uint16Array(capacity);
    this.outerDst = new Uint16Array(capacity);
    this.srcPort = new Uint16Array(capacity);
    this.dstPort = new Uint16Array(capacity);
    this.vni = new Int32Array(capacity);
    this.tcpFlags = new Uint16Array(capacity);
  }

  /** Bytes of column storage per row (40 while the narrow columns hold: see the header). */
  get bytesPerRow(): number {
    let n = 0;
    for (const c of this.columns()) n += c.BYTES_PER_ELEMENT;
    return n;
  }

  private columns(): readonly TypedColumn[] {
    return [this.sec, this.nsec, this.offset, this.capLen, this.origLen, this.iface, this.proto, this.status, this.ipProto, this.src, this.dst, this.outerSrc, this.outerDst, this.srcPort, this.dstPort, this.vni, this.tcpFlags];
  }

  /** Seconds since the epoch of row r, NaN when its record has no time. */
  secAt(r: number): number {
    const s = this.sec[r] as number;
    return s === NO_TIME && this.sec instanceof Uint32Array ? NaN : s;
  }

  /** Append an empty row and return its index (columns double when full). */
  addRow(): number {
    if (this.length === this.capacity) this.grow(this.capacity * 2);
    return this.length++;
  }

  /** Append a row holding the record's own columns (time, file offset, lengths) and `status`;
   *  the caller fills the rest (summarize(), the interface). */
  addRecord(rec: PacketRecord, status: number): number {
    const r = this.addRow();
    if (this.sec instanceof Uint32Array) {
      const s = rec.tsSec;
      if (!rec.hasTime) this.sec[r] = NO_TIME;
      else if (s >= 0 && s < NO_TIME && Math.floor(s) === s) this.sec[r] = s;
      else this.widenSec();
    }
    if (this.sec instanceof Float64Array) this.sec[r] = rec.hasTime ? rec.tsSec : NaN;
    this.nsec[r] = rec.tsNsec;
    if (rec.fileOffset > 0xffffffff && this.offset instanceof Uint32Array) this.offset = widened(this.offset, Float64Array, this.length);
    this.offset[r] = rec.fileOffset;
    if (rec.capLen > 0xffff && this.capLen instanceof Uint16Array) this.capLen = widened(this.capLen, Uint32Array, this.length);
    this.capLen[r] = rec.capLen;
    if (rec.origLen > 0xffff && this.origLen instanceof Uint16Array) this.origLen = widened(this.origLen, Uint32Array, this.length);
    this.origLen[r] = rec.origLen;
    this.status[r] = status;
    return r;
  }

  /** Let the address columns hold ids below `n` (they start 16-bit). */
  fitAddressIds(n: number): void {
    if (n <= 0x10000 || this.src instanceof Uint32Array) return;
    this.src = widened(this.src, Uint32Array, this.length);
    this.dst = widened(this.dst, Uint32Array, this.length);
    this.outerSrc = widened(this.outerSrc, Uint32Array, this.length);
    this.outerDst = widened(this.outerDst, Uint32Array, this.length);
  }

  private widenSec(): void {
    const old = this.sec;
    const sec = new Float64Array(old.length);
    for (let i = 0; i < this.length; i++) sec[i] = old[i] === NO_TIME ? NaN : (old[i] as number);
    this.sec = sec;
  }

  /** Make room for `n` rows at once (the index pass's estimate of the capture's packets): one copy
   *  of the rows so far instead of a doubling every time the table fills. (Measured: fewer page
   *  faults in all, see CaptureSession.reserve; that the spare rows' pages stay untouched until
   *  written is the allocators' behaviour for large arrays, not measured row by row.) */
  reserve(n: number): void {
    if (n > this.capacity) this.grow(n);
  }

  /** Drop the spare capacity once the index pass is over, when it is more than an eighth. */
  trim(): void {
    // not for a few percent: the copy touches fresh pages for every column (~15 us a page here)
    if (this.capacity - this.length > this.length / 8) this.grow(Math.max(1, this.length));
  }

  /** The columns' sizes in bytes: the buffers moveTo() can use. */
  columnBytes(): number[] {
    return this.columns().map((c) => c.byteLength);
  }

  /** Every column, rows and capacity unchanged, into a buffer from `pages` where one of its size
   *  is ready: pages already resident, so that filling the rest costs no page faults (page-source.ts). */
  moveTo(pages: PageSource): void {
    this.grow(this.capacity, pages);
  }

  /** Every column at `n` rows (more or fewer than now), the rows so far carried over. */
  private grow(n: number, pages = NO_PAGES): void {
    const len = this.length;
    this.sec = resizedIn(this.sec, n, len, pages);
    this.nsec = resizedIn(this.nsec, n, len, pages);
    this.offset = resizedIn(this.offset, n, len, pages);
    this.capLen = resizedIn(this.capLen, n, len, pages);
    this.origLen = resizedIn(this.origLen, n, len, pages);
    this.iface = resizedIn(this.iface, n, len, pages);
    this.proto = resizedIn(this.proto, n, len, pages);
    this.status = resizedIn(this.status, n, len, pages);
    this.ipProto = resizedIn(this.ipProto, n, len, pages);
    this.src = resizedIn(this.src, n, len, pages);
    this.dst = resizedIn(this.dst, n, len, pages);
    this.outerSrc = resizedIn(this.outerSrc, n, len, pages);
    this.outerDst = resizedIn(this.outerDst, n, len, pages);
    this.srcPort = resizedIn(this.srcPort, n, len, pages);
    this.dstPort = resizedIn(this.dstPort, n, len, pages);
    this.vni = resizedIn(this.vni, n, len, pages);
    this.tcpFlags = resizedIn(this.tcpFlags, n, len, pages);
    this.capacity = n;
  }
}

