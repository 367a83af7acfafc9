// Hand-built capture bytes for unit tests: pcap (draft-ietf-opsawg-pcap) and pcapng
// (draft-ietf-opsawg-pcapng) writers with every field settable, damage included.

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Little helper to lay out fields in either byte order. */
class Writer {
  private readonly bytes: number[] = [];
  constructor(private readonly le: boolean) {}
  u8(x: number): this {
    this.bytes.push(x & 0xff);
    return this;
  }
  u16(x: number): this {
    const b = [x & 0xff, (x >>> 8) & 0xff];
    this.bytes.push(...(this.le ? b : b.reverse()));
    return this;
  }
  u32(x: number): this {
    const b = [x & 0xff, (x >>> 8) & 0xff, (x >>> 16) & 0xff, (x >>> 24) & 0xff];
    this.bytes.push(...(this.le ? b : b.reverse()));
    return this;
  }
  i64(x: bigint): this {
    const v = BigInt.asUintN(64, x);
    const lo = Number(v & 0xffffffffn);
    const hi = Number(v >> 32n);
    return this.le ? this.u32(lo).u32(hi) : this.u32(hi).u32(lo);
  }
  raw(b: Uint8Array | number[]): this {
    this.bytes.push(...b);
    return this;
  }
  pad4(): this {
    while (this.bytes.length % 4 !== 0) this.bytes.push(0);
    return this;
  }
  get length(): number {
    return this.bytes.length;
  }
  done(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

/** `n` bytes counting up from `seed`, so every packet is recognisable. */
export function payload(n: number, seed = 0): Uint8Array {
  return Uint8Array.from({ length: n }, (_, i) => (seed + i) & 0xff);
}

// ---------------------------------------------------------------- classic pcap

export interface PcapHeader {
  le?: boolean;
  ns?: boolean;
  major?: number;
  minor?: number;
  snapLen?: number;
  /** The whole 32-bit LinkType-and-additional-information field. */
  linkField?: number;
}

export interface PcapRecord {
  sec?: number;
  frac?: number;
  data: Uint8Array;
  /** Default data.length. */
  capLen?: number;
  /** Default data.length. */
  origLen?: number;
}

export function pcapHeader(h: PcapHeader = {}): Uint8Array {
  const le = h.le ?? true;
  return new Writer(le)
    .u32(h.ns ? 0xa1b23c4d : 0xa1b2c3d4)
    .u16(h.major ?? 2).u16(h.minor ?? 4)
    .u32(0).u32(0)
    .u32(h.snapLen ?? 65535)
    .u32(h.linkField ?? 1)
    .done();
}

export function pcapRecord(r: PcapRecord, le = true): Uint8Array {
  return new Writer(le)
    .u32(r.sec ?? 0).u32(r.frac ?? 0)
    .u32(r.capLen ?? r.data.length).u32(r.origLen ?? r.data.length)
    .raw(r.data)
    .done();
}

export function pcapFile(h: PcapHeader, records: PcapRecord[]): Uint8Array {
  return concat(pcapHeader(h), ...records.map((r) => pcapRecord(r, h.le ?? true)));
}

// ---------------------------------------------------------------- pcapng

export const SHB = 0x0a0d0d0a;
export const IDB = 1;
export const PB = 2;
export const SPB = 3;
export const NRB = 4;
export const ISB = 5;
export const EPB = 6;
export const CB = 0x00000bad;
export const CB_NO_COPY = 0x40000bad;

const utf8 = new TextEncoder();

/** One option TLV, value padded to 32 bits. */
export function option(le: boolean, code: number, value: Uint8Array | string, length?: number): Uint8Array {
  const v = typeof value === 'string' ? utf8.encode(value) : value;
  return new Writer(le).u16(code).u16(length ?? v.length).raw(v).pad4().done();
}

export function endOfOptions(le: boolean): Uint8Array {
  return new Writer(le).u16(0).u16(0).done();
}

/** A block: type, total length, body padded to 32 bits, total length (both overridable for damage). */
export function block(le: boolean, type: number, body: Uint8Array, fix: { length?: number; trailer?: number } = {}): Uint8Array {
  const padded = (body.length + 3) & ~3;
  const total = 12 + padded;
  return new Writer(le)
    .u32(type).u32(fix.length ?? total)
    .raw(body).pad4()
    .u32(fix.trailer ?? fix.length ?? total)
    .done();
}

export function shb(le: boolean, o: { major?: number; minor?: number; options?: Uint8Array[] } = {}): Uint8Array {
  const body = new Writer(le)
    .u32(0x1a2b3c4d)
    .u16(o.major ?? 1).u16(o.minor ?? 0)
    .i64(-1n)
    .raw(concat(...(o.options ?? [])))
    .done();
  return block(le, SHB, body);
}

export function idb(le: boolean, o: { linkType?: number; snapLen?: number; options?: Uint8Array[] } = {}): Uint8Array {
  const body = new Writer(le)
    .u16(o.linkType ?? 1).u16(0)
    .u32(o.snapLen ?? 0)
    .raw(concat(...(o.options ?? [])))
    .done();
  return block(le, IDB, body);
}

export interface PacketBlock {
  ifId?: number;
  high?: number;
  low?: number;
  data: Uint8Array;
  capLen?: number;
  origLen?: number;
  options?: Uint8Array[];
}

export function epb(le: boolean, p: PacketBlock): Uint8Array {
  const body = new Writer(le)
    .u32(p.ifId ?? 0).u32(p.high ?? 0).u32(p.low ?? 0)
    .u32(p.capLen ?? p.data.length).u32(p.origLen ?? p.data.length)
    .raw(p.data).pad4()
    .raw(concat(...(p.options ?? [])))
    .done();
  return block(le, EPB, body);
}

/** The obsolete Packet Block (pcapng Appendix A): 16-bit interface ID and drops count. */
export function pb(le: boolean, p: PacketBlock): Uint8Array {
  const body = new Writer(le)
    .u16(p.ifId ?? 0).u16(0xffff).u32(p.high ?? 0).u32(p.low ?? 0)
    .u32(p.capLen ?? p.data.length).u32(p.origLen ?? p.data.length)
    .raw(p.data).pad4()
    .raw(concat(...(p.options ?? [])))
    .done();
  return block(le, PB, body);
}

export function spb(le: boolean, origLen: number, data: Uint8Array): Uint8Array {
  return block(le, SPB, new Writer(le).u32(origLen).raw(data).done());
}

export function customBlock(le: boolean, type: number, pen: number, data: Uint8Array): Uint8Array {
  return block(le, type, new Writer(le).u32(pen).raw(data).done());
}

/** if_tsresol (option 9). */
export function tsresol(le: boolean, value: number): Uint8Array {
  return option(le, 9, Uint8Array.of(value));
}

/** if_tsoffset (option 14), signed 64-bit seconds. */
export function tsoffset(le: boolean, seconds: bigint): Uint8Array {
  return option(le, 14, new Writer(le).i64(seconds).done());
}

/** A 64-bit timestamp split into the EPB's two halves. */
export function ts64(value: bigint): { high: number; low: number } {
  return { high: Number(value >> 32n), low: Number(value & 0xffffffffn) };
}
