// An output buffer of UTF-8 bytes that the `fields` export writes values into directly: numbers,
// addresses and times become digits in place, with no intermediate string per value (building
// ~40 strings a packet and joining them was most of the export's time). Full buffers go to
// `onChunk`; each chunk is a fresh array the consumer may keep.

const HEX = new TextEncoder().encode('0123456789abcdef');
const CHUNK = 1 << 20;
/** Room kept free for one value written without a bounds check (addresses, times, numbers). */
const SLACK = 64;

export class ByteSink {
  /** The chunk being filled and the next byte's place in it: writers that make room first may
   *  write at buf[pos...] themselves and move pos on (export/row.ts does, a row at a time). */
  buf = new Uint8Array(CHUNK);
  pos = 0;
  private readonly encoder = new TextEncoder();

  /** `reuse`: onChunk is done with each chunk when it returns (a synchronous write), so the sink
   *  fills the same buffer again instead of taking a new one (fresh memory faults a page per 4 KiB). */
  constructor(
    private readonly onChunk: (bytes: Uint8Array) => void,
    private readonly reuse = false,
  ) {}

  /** Make room for `n` bytes (call before the unchecked writers below). */
  room(n: number): void {
    if (this.pos + n > this.buf.length) {
      this.flush();
      if (n > this.buf.length) this.buf = new Uint8Array(n);
    }
  }

  flush(): void {
    if (this.pos === 0) return;
    this.onChunk(this.buf.subarray(0, this.pos));
    if (!this.reuse) this.buf = new Uint8Array(Math.max(CHUNK, this.buf.length));
    this.pos = 0;
  }

  /** Bytes as they are. */
  bytes(src: Uint8Array): void {
    this.room(src.length);
    this.buf.set(src, this.pos);
    this.pos += src.length;
  }

  byte(c: number): void {
    if (this.pos >= this.buf.length - SLACK) this.room(SLACK + 1);
    this.buf[this.pos++] = c;
  }

  /** A string: ASCII byte by byte, anything else through TextEncoder. */
  text(s: string): void {
    const n = s.length;
    this.room(n + SLACK);
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        this.pos = p;
        this.room(3 * (n - i) + SLACK);
        this.pos += this.encoder.encodeInto(s.slice(i), this.buf.subarray(this.pos)).written;
        return;
      }
      b[p++] = c;
    }
    this.pos = p;
  }

  /** A non-negative safe integer in decimal. */
  dec(v: number): void {
    this.room(SLACK);
    const b = this.buf;
    if (v < 10) {
      b[this.pos++] = 48 + v;
      return;
    }
    let digits = 1;
    for (let t = v; t >= 10; t = Math.floor(t / 10)) digits++;
    let p = this.pos + digits;
    this.pos = p;
    if (v <= 0x7fffffff) {
      for (let t = v | 0; t > 0; t = (t / 10) | 0) b[--p] = 48 + (t % 10);
    } else {
      for (let t = v; t > 0; t = Math.floor(t / 10)) b[--p] = 48 + (t % 10);
    }
  }

  /** `v` (0 ≤ v < 2^32) as exactly `digits` lowercase hex digits, no prefix. */
  hex(v: number, digits: number): void {
    this.room(SLACK);
    const b = this.buf;
    let p = this.pos + digits;
    this.pos = p;
    for (let k = 0; k < digits; k++, v = Math.floor(v / 16)) b[--p] = HEX[v % 16] as number;
  }

  /** The two hex digits of a byte. */
  hex2(x: number): void {
    this.room(SLACK);
    this.buf[this.pos++] = HEX[x >> 4] as number;
    this.buf[this.pos++] = HEX[x & 15] as number;
  }
}
