// The columnar packet table: one growable typed array per column, one row per packet, no object
// per packet. 60 bytes a row (see BYTES_PER_ROW), plus the interned address table shared by all
// rows. Rows are in frame order: row r is frame r + 1.

import type { PacketRecord } from '../formats/record.ts';

export const NO_VNI = -1;

export class PacketTable {
  length = 0;
  capacity: number;
  /** Seconds since the epoch (NaN: record has no time) and nanoseconds (not normalised, as tshark). */
  sec: Float64Array<ArrayBuffer>;
  nsec: Int32Array<ArrayBuffer>;
  /** Byte offset of the packet in its (decompressed) file: a double, so files over 4 GiB work. */
  offset: Float64Array<ArrayBuffer>;
  capLen: Uint32Array<ArrayBuffer>;
  origLen: Uint32Array<ArrayBuffer>;
  /** Index into the session's interface list (which gives the file and the link type). */
  iface: Uint16Array<ArrayBuffer>;
  /** Field id of the highest protocol layer (the Protocol column). */
  proto: Uint16Array<ArrayBuffer>;
  status: Uint8Array<ArrayBuffer>;
  /** Innermost IP protocol number (255 when none). */
  ipProto: Uint8Array<ArrayBuffer>;
  /** Interned innermost source / destination address, and the outer (tunnel endpoint) ones, 0 = none. */
  src: Uint32Array<ArrayBuffer>;
  dst: Uint32Array<ArrayBuffer>;
  outerSrc: Uint32Array<ArrayBuffer>;
  outerDst: Uint32Array<ArrayBuffer>;
  srcPort: Uint16Array<ArrayBuffer>;
  dstPort: Uint16Array<ArrayBuffer>;
  /** Outermost VXLAN / Geneve VNI, NO_VNI when none. */
  vni: Int32Array<ArrayBuffer>;
  /** TCP flags of the innermost TCP header (12 bits), 0 when none. */
  tcpFlags: Uint16Array<ArrayBuffer>;

  constructor(capacity = 1 << 16) {
    this.capacity = capacity;
    this.sec = new Float64Array(capacity);
    this.nsec = new Int32Array(capacity);
    this.offset = new Float64Array(capacity);
    this.capLen = new Uint32Array(capacity);
    this.origLen = new Uint32Array(capacity);
    this.iface = new Uint16Array(capacity);
    this.proto = new Uint16Array(capacity);
    this.status = new Uint8Array(capacity);
    this.ipProto = new Uint8Array(capacity);
    this.src = new Uint32Array(capacity);
    this.dst = new Uint32Array(capacity);
    this.outerSrc = new Uint32Array(capacity);
    this.outerDst = new Uint32Array(capacity);
    this.srcPort = new Uint16Array(capacity);
    this.dstPort = new Uint16Array(capacity);
    this.vni = new Int32Array(capacity);
    this.tcpFlags = new Uint16Array(capacity);
  }

  /** Bytes of column storage per row. */
  static readonly BYTES_PER_ROW = 8 + 4 + 8 + 4 + 4 + 2 + 2 + 1 + 1 + 4 * 4 + 2 + 2 + 4 + 2;

  /** Append an empty row and return its index (columns double when full). */
  addRow(): number {
    if (this.length === this.capacity) this.grow(this.capacity * 2);
    return this.length++;
  }

  /** Append a row holding the record's own columns (time, file offset, lengths) and `status`;
   *  the caller fills the rest (summarize(), the interface). */
  addRecord(rec: PacketRecord, status: number): number {
    const r = this.addRow();
    this.sec[r] = rec.hasTime ? rec.tsSec : NaN;
    this.nsec[r] = rec.tsNsec;
    this.offset[r] = rec.fileOffset;
    this.capLen[r] = rec.capLen;
    this.origLen[r] = rec.origLen;
    this.status[r] = status;
    return r;
  }

  /** Drop the spare capacity once the index pass is over. */
  trim(): void {
    if (this.capacity > this.length) this.grow(Math.max(1, this.length));
  }

  private grow(n: number): void {
    const f64 = (a: Float64Array<ArrayBuffer>) => copy(new Float64Array(n), a, this.length);
    const i32 = (a: Int32Array<ArrayBuffer>) => copy(new Int32Array(n), a, this.length);
    const u32 = (a: Uint32Array<ArrayBuffer>) => copy(new Uint32Array(n), a, this.length);
    const u16 = (a: Uint16Array<ArrayBuffer>) => copy(new Uint16Array(n), a, this.length);
    const u8 = (a: Uint8Array<ArrayBuffer>) => copy(new Uint8Array(n), a, this.length);
    this.sec = f64(this.sec);
    this.nsec = i32(this.nsec);
    this.offset = f64(this.offset);
    this.capLen = u32(this.capLen);
    this.origLen = u32(this.origLen);
    this.iface = u16(this.iface);
    this.proto = u16(this.proto);
    this.status = u8(this.status);
    this.ipProto = u8(this.ipProto);
    this.src = u32(this.src);
    this.dst = u32(this.dst);
    this.outerSrc = u32(this.outerSrc);
    this.outerDst = u32(this.outerDst);
    this.srcPort = u16(this.srcPort);
    this.dstPort = u16(this.dstPort);
    this.vni = i32(this.vni);
    this.tcpFlags = u16(this.tcpFlags);
    this.capacity = n;
  }

  /** Reorder every column by `order` (row r takes old row order[r]): used to merge several files by time. */
  permute(order: Uint32Array): void {
    this.sec = permuted(this.sec, order, new Float64Array(order.length));
    this.nsec = permuted(this.nsec, order, new Int32Array(order.length));
    this.offset = permuted(this.offset, order, new Float64Array(order.length));
    this.capLen = permuted(this.capLen, order, new Uint32Array(order.length));
    this.origLen = permuted(this.origLen, order, new Uint32Array(order.length));
    this.iface = permuted(this.iface, order, new Uint16Array(order.length));
    this.proto = permuted(this.proto, order, new Uint16Array(order.length));
    this.status = permuted(this.status, order, new Uint8Array(order.length));
    this.ipProto = permuted(this.ipProto, order, new Uint8Array(order.length));
    this.src = permuted(this.src, order, new Uint32Array(order.length));
    this.dst = permuted(this.dst, order, new Uint32Array(order.length));
    this.outerSrc = permuted(this.outerSrc, order, new Uint32Array(order.length));
    this.outerDst = permuted(this.outerDst, order, new Uint32Array(order.length));
    this.srcPort = permuted(this.srcPort, order, new Uint16Array(order.length));
    this.dstPort = permuted(this.dstPort, order, new Uint16Array(order.length));
    this.vni = permuted(this.vni, order, new Int32Array(order.length));
    this.tcpFlags = permuted(this.tcpFlags, order, new Uint16Array(order.length));
    this.capacity = order.length;
  }
}

/** `out[r] = a[order[r]]` for every r; returns `out`. */
function permuted<T extends { [i: number]: number }>(a: T, order: Uint32Array, out: T): T {
  for (let r = 0; r < order.length; r++) out[r] = a[order[r] as number] as number;
  return out;
}

function copy<T extends Float64Array<ArrayBuffer> | Int32Array<ArrayBuffer> | Uint32Array<ArrayBuffer> | Uint16Array<ArrayBuffer> | Uint8Array<ArrayBuffer>>(dst: T, src: T, n: number): T {
  dst.set(src.subarray(0, Math.min(n, dst.length)) as never);
  return dst;
}
