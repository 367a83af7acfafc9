// DEFLATE (RFC 1951) decoding, synchronous, for what a dissector finds compressed inside a packet
// (an HTTP body with Content-Encoding gzip or deflate): the platform's DecompressionStream is
// asynchronous, and a dissection is not. Mark Adler's puff.c in TypeScript: canonical Huffman
// codes decoded a bit at a time, stored, fixed and dynamic blocks. gunzip() and zlibInflate()
// read the RFC 1952 and RFC 1950 wrappers around a stream. Damaged data gives what was decoded
// before the damage, as Wireshark's tvb_uncompress does, or null when that is nothing; output past
// `limit` bytes is damage too (a decompression bomb must not take the worker down).

const MAXBITS = 15;
const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097,
  6145, 8193, 12289, 16385, 24577];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
/** The order the code length code lengths come in (RFC 1951 section 3.2.7). */
const CL_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

class Damaged extends Error {}

/** A canonical Huffman code: how many codes of each length, and the symbols in code order. */
interface Huffman {
  count: Int16Array;
  symbol: Int16Array;
}

function huffman(lengths: ArrayLike<number>, n: number): Huffman {
  const count = new Int16Array(MAXBITS + 1);
  const symbol = new Int16Array(n);
  for (let s = 0; s < n; s++) (count[lengths[s] as number] as number)++;
  const offs = new Int16Array(MAXBITS + 1);
  for (let len = 1; len < MAXBITS; len++) offs[len + 1] = (offs[len] as number) + (count[len] as number);
  for (let s = 0; s < n; s++) if (lengths[s] !== 0) symbol[offs[lengths[s] as number]++] = s;
  return { count, symbol };
}

let fixedLit: Huffman | null = null;
let fixedDist: Huffman | null = null;

class Inflater {
  private bitbuf = 0;
  private bitcnt = 0;
  private out: Uint8Array;
  private n = 0;

  constructor(private readonly src: Uint8Array, private pos: number, private readonly end: number, private readonly limit: number) {
    this.out = new Uint8Array(Math.min(limit, Math.max(1024, (end - pos) * 4)));
  }

  result(): Uint8Array {
    return this.out.slice(0, this.n);
  }

  private bits(need: number): number {
    let val = this.bitbuf;
    while (this.bitcnt < need) {
      if (this.pos >= this.end) throw new Damaged();
      val |= (this.src[this.pos++] as number) << this.bitcnt;
      this.bitcnt += 8;
    }
    this.bitbuf = val >>> need;
    this.bitcnt -= need;
    return val & ((1 << need) - 1);
  }

  private put(byte: number): void {
    if (this.n === this.out.length) {
      if (this.n >= this.limit) throw new Damaged();
      const grown = new Uint8Array(Math.min(this.limit, this.out.length * 2));
      grown.set(this.out);
      this.out = grown;
    }
    this.out[this.n++] = byte;
  }

  private decode(h: Huffman): number {
    let code = 0, first = 0, index = 0;
    for (let len = 1; len <= MAXBITS; len++) {
      code |= this.bits(1);
      const count = h.count[len] as number;
      if (code - count < first) return h.symbol[index + (code - first)] as number;
      index += count;
      first = (first + count) << 1;
      code <<= 1;
    }
    throw new Damaged();
  }

  private stored(): void {
    this.bitbuf = 0;
    this.bitcnt = 0;
    if (this.pos + 4 > this.end) throw new Damaged();
    const s = this.src;
    const len = (s[this.pos] as number) | ((s[this.pos + 1] as number) << 8);
    const nlen = (s[this.pos + 2] as number) | ((s[this.pos + 3] as number) << 8);
    if (len !== (~nlen & 0xffff)) throw new Damaged();
    this.pos += 4;
    if (this.pos + len > this.end) throw new Damaged();
    for (let i = 0; i < len; i++) this.put(s[this.pos++] as number);
  }

  private codes(lit: Huffman, dist: Huffman): void {
    for (;;) {
      const sym = this.decode(lit);
      if (sym < 256) this.put(sym);
      else if (sym === 256) return;
      else {
        const l = sym - 257;
        if (l >= 29) throw new Damaged();
        const len = (LENGTH_BASE[l] as number) + this.bits(LENGTH_EXTRA[l] as number);
        const d = this.decode(dist);
        if (d >= 30) throw new Damaged();
        const back = (DIST_BASE[d] as number) + this.bits(DIST_EXTRA[d] as number);
        if (back > this.n) throw new Damaged();
        for (let i = 0; i < len; i++) this.put(this.out[this.n - back] as number);
      }
    }
  }

  private fixed(): void {
    if (fixedLit === null || fixedDist === null) {
      const lengths = new Uint8Array(288);
      lengths.fill(8, 0, 144);
      lengths.fill(9, 144, 256);
      lengths.fill(7, 256, 280);
      lengths.fill(8, 280, 288);
      fixedLit = huffman(lengths, 288);
      fixedDist = huffman(new Uint8Array(30).fill(5), 30);
    }
    this.codes(fixedLit, fixedDist);
  }

  private dynamic(): void {
    const nlen = this.bits(5) + 257;
    const ndist = this.bits(5) + 1;
    const ncode = this.bits(4) + 4;
    if (nlen > 286 || ndist > 30) throw new Damaged();
    const lengths = new Uint8Array(320);
    for (let i = 0; i < ncode; i++) lengths[CL_ORDER[i] as number] = this.bits(3);
    const lencode = huffman(lengths, 19);
    lengths.fill(0);
    for (let i = 0; i < nlen + ndist; ) {
      const sym = this.decode(lencode);
      if (sym < 16) {
        lengths[i++] = sym;
        continue;
      }
      let len = 0;
      let repeat: number;
      if (sym === 16) {
        if (i === 0) throw new Damaged();
        len = lengths[i - 1] as number;
        repeat = 3 + this.bits(2);
      } else if (sym === 17) repeat = 3 + this.bits(3);
      else repeat = 11 + this.bits(7);
      if (i + repeat > nlen + ndist) throw new Damaged();
      while (repeat--) lengths[i++] = len;
    }
    if (lengths[256] === 0) throw new Damaged();
    this.codes(huffman(lengths, nlen), huffman(lengths.subarray(nlen), ndist));
  }

  run(): void {
    let last = 0;
    do {
      last = this.bits(1);
      const type = this.bits(2);
      if (type === 0) this.stored();
      else if (type === 1) this.fixed();
      else if (type === 2) this.dynamic();
      else throw new Damaged();
    } while (!last);
  }
}

/** The raw DEFLATE stream b[o, end) decompressed (up to its damage), or null. */
export function inflateRaw(b: Uint8Array, o: number, end: number, limit = 16 << 20): Uint8Array | null {
  const inf = new Inflater(b, o, end, limit);
  try {
    inf.run();
  } catch (e) {
    if (!(e instanceof Damaged)) throw e;
    const partial = inf.result();
    return partial.length > 0 ? partial : null;
  }
  return inf.result();
}

/** A gzip member (RFC 1952) at b[o, end) decompressed, or null. */
export function gunzipSync(b: Uint8Array, o: number, end: number, limit = 16 << 20): Uint8Array | null {
  if (end - o < 18 || b[o] !== 0x1f || b[o + 1] !== 0x8b || b[o + 2] !== 8) return null;
  const flags = b[o + 3] as number;
  let p = o + 10;
  if (flags & 4) p += 2 + ((b[p] as number) | ((b[p + 1] as number) << 8));
  if (flags & 8) while (p < end && b[p++] !== 0);
  if (flags & 16) while (p < end && b[p++] !== 0);
  if (flags & 2) p += 2;
  return p < end ? inflateRaw(b, p, end, limit) : null;
}

/** A zlib stream (RFC 1950) at b[o, end) decompressed, or null. */
export function zlibInflate(b: Uint8Array, o: number, end: number, limit = 16 << 20): Uint8Array | null {
  if (end - o < 2) return null;
  const cmf = b[o] as number;
  const flg = b[o + 1] as number;
  if ((cmf & 0x0f) !== 8 || ((cmf << 8) | flg) % 31 !== 0 || flg & 0x20) return null;
  return inflateRaw(b, o + 2, end, limit);
}
