// Conversations of a transport protocol (Wireshark's find_conversation / conversation_new for
// ENDPOINT_TCP and ENDPOINT_UDP): the pair of (address, port) endpoints, in either direction,
// numbered in order of first appearance (`tcp.stream`, `udp.stream`).
//
// No allocation per packet, and little memory per conversation: a capture of random ports opens
// one per packet, the tables grow to millions, and on a VM every fresh page costs a fault of
// several microseconds. Each conversation is one small record of int32 words (its key hash, ports,
// first frame, the older conversation of the same key, the two IPv4 addresses, and any words its
// user asks for: TcpStreams keeps its per-stream state there) in fixed-size chunks, so growing
// never copies; longer addresses (IPv6) live in a side pool. The key hash is an open-addressing
// table of conversation indexes. Several conversations may share a key (TCP port reuse starts a
// new one); they are chained newest first, and each remembers the frame that opened it, so that a
// later pass over an old frame finds the conversation that frame belonged to.

import { fmix32 } from './hash.ts';
import { grown } from '../fields/typed-arrays.ts';
import { NO_PAGES, type PageSource } from '../memory/page-source.ts';

const HASH = 0;
/** portA << 16 | portB. */
const PORTS = 1;
/** The frame that opened the conversation (a uint32, as Wireshark's frame numbers). */
const FIRST = 2;
/** Older conversation with the same key, or -1. */
const OLDER = 3;
/** Address A (the endpoint that opened the conversation) and B as big-endian words; for other
 *  lengths than 4 bytes, ADDR_A is the entry's offset in the long-address pool. */
const ADDR_A = 4;
const ADDR_B = 5;
/** Words of the record before the user's. */
const FIXED = 6;
/** The record's opening frame relative to its user words (record()). */
export const OPENED_AT = FIRST - FIXED;
/** Hash bit of a key whose addresses are not 4 bytes long (they are in the pool). */
const LONG = -0x80000000;
/** Hash bit of a conversation replaced by a newer one of the same key (reached only through its
 *  successor's OLDER link, never from the table), so that rehash() can read the records in order. */
const SUPERSEDED = 0x40000000;
/** Pool entry: the address length, then A and B as 4 zero-padded big-endian words each. */
const POOL_ENTRY = 9;

const CHUNK_BITS = 12;
const CHUNK_MASK = (1 << CHUNK_BITS) - 1;

export class ConversationTable {
  count = 0;
  /** Words per record. */
  private readonly w: number;
  private chunks: Int32Array[] = [];
  /** Where new chunks come from when resident ones are ready (usePages()). */
  private pages: PageSource = NO_PAGES;
  private pool = new Int32Array(64 * POOL_ENTRY);
  private poolUsed = 0;
  /** Conversation index + 1 per slot; 0 marks an empty slot. */
  private table = new Int32Array(1024);
  /** Big-endian words of the endpoints being looked up: source in [0, 4), destination in [4, 8). */
  private readonly key = new Int32Array(8);
  /** The arguments and hash of the last find(), so that the add() that usually follows it does
   *  not pack and hash the same endpoints again (`key` still holds their words). */
  private lastBuf: Uint8Array | null = null;
  private lastSrc = 0;
  private lastDst = 0;
  private lastAlen = 0;
  private lastPorts = 0;
  private lastHash = 0;

  /** `userWords`: int32 words kept per conversation for the caller (user / setUser), 0 when new. */
  constructor(userWords = 0) {
    this.w = FIXED + userWords;
  }

  reset(): void {
    this.count = 0;
    this.poolUsed = 0;
    this.table.fill(0);
    this.lastBuf = null;
    this.pages = NO_PAGES;
  }

  /** User word k of conversation i. */
  user(i: number, k: number): number {
    return (this.chunks[i >> CHUNK_BITS] as Int32Array)[(i & CHUNK_MASK) * this.w + FIXED + k] as number;
  }

  setUser(i: number, k: number, v: number): void {
    (this.chunks[i >> CHUNK_BITS] as Int32Array)[(i & CHUNK_MASK) * this.w + FIXED + k] = v;
  }

  /** Where `record()` found the last record asked for: user word k is at [recordAt + k], the frame
   *  that opened it at [recordAt + OPENED_AT]. */
  recordAt = 0;

  /** The words of conversation i (its chunk; its user words from `recordAt` on): one lookup for
   *  a caller that reads and writes several of them on every packet. */
  record(i: number): Int32Array {
    this.recordAt = (i & CHUNK_MASK) * this.w + FIXED;
    return this.chunks[i >> CHUNK_BITS] as Int32Array;
  }

  /** The frame that opened conversation i. */
  first(i: number): number {
    return ((this.chunks[i >> CHUNK_BITS] as Int32Array)[(i & CHUNK_MASK) * this.w + FIRST] as number) >>> 0;
  }

  /** Whether conversation i replaced an older one with the same key (TCP port numbers reused). */
  hasOlder(i: number): boolean {
    return ((this.chunks[i >> CHUNK_BITS] as Int32Array)[(i & CHUNK_MASK) * this.w + OLDER] as number) >= 0;
  }

  /**
   * The conversation of this packet's endpoints (buf[src], sport) -> (buf[dst], dport): the newest
   * one that `frame` can belong to (opened at or before it), or -1.
   */
  find(buf: Uint8Array, src: number, dst: number, alen: number, sport: number, dport: number, frame: number): number {
    const h = this.prepare(buf, src, dst, alen, sport, dport);
    const t = this.table;
    const mask = t.length - 1;
    const w = this.w;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const i = (t[s] as number) - 1;
      if (i < 0) return -1;
      const ch = this.chunks[i >> CHUNK_BITS] as Int32Array;
      const o = (i & CHUNK_MASK) * w;
      if (ch[o + HASH] !== h || !this.matches(ch, o, alen, sport, dport)) continue;
      for (let k = i; k >= 0; ) {
        const kc = this.chunks[k >> CHUNK_BITS] as Int32Array;
        const ko = (k & CHUNK_MASK) * w;
        if ((kc[ko + FIRST] as number) >>> 0 <= frame) return k;
        k = kc[ko + OLDER] as number;
      }
      return -1;
    }
  }

  /** Open a new conversation (replacing an older one with the same key for later lookups). */
  add(buf: Uint8Array, src: number, dst: number, alen: number, sport: number, dport: number, frame: number): number {
    const same = this.lastBuf === buf && this.lastSrc === src && this.lastDst === dst && this.lastAlen === alen && this.lastPorts === sport * 65536 + dport;
    const h = same ? this.lastHash : this.prepare(buf, src, dst, alen, sport, dport);
    this.lastBuf = null;
    const i = this.count;
    const w = this.w;
    if ((i + 1) * 2 > this.table.length) this.rehash();
    if ((i & CHUNK_MASK) === 0 && this.chunks.length === i >> CHUNK_BITS) this.chunks.push(this.newChunk());
    this.count = i + 1;
    const ch = this.chunks[i >> CHUNK_BITS] as Int32Array;
    const o = (i & CHUNK_MASK) * w;
    const key = this.key;
    ch[o + HASH] = h;
    ch[o + PORTS] = (sport << 16) | dport;
    ch[o + FIRST] = frame;
    if (alen === 4) {
      ch[o + ADDR_A] = key[0] as number;
      ch[o + ADDR_B] = key[4] as number;
    } else {
      ch[o + ADDR_A] = this.poolAdd(alen);
      ch[o + ADDR_B] = 0;
    }
    for (let k = FIXED; k < w; k++) ch[o + k] = 0;
    const t = this.table;
    const mask = t.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const j = (t[s] as number) - 1;
      if (j >= 0) {
        const jc = this.chunks[j >> CHUNK_BITS] as Int32Array;
        const jo = (j & CHUNK_MASK) * w;
        if (jc[jo + HASH] !== h || !this.matches(jc, jo, alen, sport, dport)) continue;
        jc[jo + HASH] = h | SUPERSEDED;
      }
      ch[o + OLDER] = j;
      t[s] = i + 1;
      return i;
    }
  }

  /**
   * 0 when the packet goes from endpoint A (the one that opened the conversation) to B, else 1.
   * Wireshark compares the source with the conversation's first address and port.
   */
  direction(i: number, buf: Uint8Array, src: number, alen: number, sport: number): number {
    const ch = this.chunks[i >> CHUNK_BITS] as Int32Array;
    const o = (i & CHUNK_MASK) * this.w;
    if ((ch[o + PORTS] as number) >>> 16 !== sport) return 1;
    if (alen === 4) return ch[o + ADDR_A] === word(buf, src, 4) ? 0 : 1;
    const p = (ch[o + ADDR_A] as number) + 1;
    for (let k = 0; k < alen; k += 4) if (this.pool[p + (k >> 2)] !== word(buf, src + k, alen - k)) return 1;
    return 0;
  }

  /** Pack the endpoints into `key`, remember the arguments, and return the key's hash. */
  private prepare(buf: Uint8Array, src: number, dst: number, alen: number, sport: number, dport: number): number {
    const key = this.key;
    for (let k = 0; k < 4; k++) {
      key[k] = 4 * k < alen ? word(buf, src + 4 * k, alen - 4 * k) : 0;
      key[4 + k] = 4 * k < alen ? word(buf, dst + 4 * k, alen - 4 * k) : 0;
    }
    // Either direction hashes the same: the sum of the two endpoints' hashes.
    const h = (endHash(key, 0, alen, sport) + endHash(key, 4, alen, dport)) | 0;
    this.lastBuf = buf;
    this.lastSrc = src;
    this.lastDst = dst;
    this.lastAlen = alen;
    this.lastPorts = sport * 65536 + dport;
    return (this.lastHash = (h & 0x3fffffff) | (alen === 4 ? 0 : LONG));
  }

  /** Whether the record at ch[o] (whose hash matched) has the endpoints in `key` and these ports,
   *  in either direction. */
  private matches(ch: Int32Array, o: number, alen: number, sport: number, dport: number): boolean {
    const ports = ch[o + PORTS] as number;
    const key = this.key;
    const fwd = ports === ((sport << 16) | dport);
    if (!fwd && ports !== ((dport << 16) | sport)) return false;
    if (alen === 4) {
      const a = ch[o + ADDR_A] as number;
      const b = ch[o + ADDR_B] as number;
      return (fwd && a === key[0] && b === key[4]) || (ports === ((dport << 16) | sport) && a === key[4] && b === key[0]);
    }
    const pool = this.pool;
    const p = ch[o + ADDR_A] as number;
    if (pool[p] !== alen) return false;
    if (fwd && sameWords(pool, p + 1, key, 0) && sameWords(pool, p + 5, key, 4)) return true;
    return ports === ((dport << 16) | sport) && sameWords(pool, p + 1, key, 4) && sameWords(pool, p + 5, key, 0);
  }

  /** Store `key`'s addresses (of `alen` bytes) in the pool; returns the entry's offset. */
  private poolAdd(alen: number): number {
    if (this.poolUsed + POOL_ENTRY > this.pool.length) this.pool = grown(this.pool, this.pool.length * 2);
    const p = this.poolUsed;
    this.poolUsed += POOL_ENTRY;
    this.pool[p] = alen;
    this.pool.set(this.key, p + 1);
    return p;
  }

  /** Room in the hash table for `n` conversations (kept at most half full) at once, instead of a
   *  doubling each time it fills. */
  reserve(n: number, pages = NO_PAGES): void {
    const size = this.slotsFor(n);
    if (size > this.table.length) this.rehash(size, pages.take(size * 4));
  }

  /** The bytes of the hash table reserve(n) makes, 0 when it keeps the current one. */
  reserveBytes(n: number): number {
    const size = this.slotsFor(n);
    return size > this.table.length ? size * 4 : 0;
  }

  /** Take new chunks from `pages` when it has them ready, keeping `ahead` of them ordered. */
  usePages(pages: PageSource, ahead: number): void {
    this.pages = pages;
    pages.order(this.chunkBytes(), ahead);
  }

  private slotsFor(n: number): number {
    let size = this.table.length;
    while (size < 2 * n) size *= 2;
    return size;
  }

  private chunkBytes(): number {
    return (this.w << CHUNK_BITS) * 4;
  }

  /** A chunk of records: resident if the pages are ready (and one more ordered for the next). */
  private newChunk(): Int32Array {
    const bytes = this.chunkBytes();
    const b = this.pages.take(bytes);
    this.pages.order(bytes, 1);
    return b === null ? new Int32Array(this.w << CHUNK_BITS) : new Int32Array(b);
  }

  /** The hash table at `size` slots (twice its size by default) in `buf` if given (zeroed, of
   *  size * 4 bytes), re-inserting the newest conversation of each key (records read in order:
   *  the old table's order would read them at random). */
  private rehash(size = this.table.length * 2, buf: ArrayBuffer | null = null): void {
    const t = buf === null ? new Int32Array(size) : new Int32Array(buf);
    const mask = t.length - 1;
    const w = this.w;
    for (let i = 0; i < this.count; i++) {
      const h = (this.chunks[i >> CHUNK_BITS] as Int32Array)[(i & CHUNK_MASK) * w + HASH] as number;
      if (h & SUPERSEDED) continue;
      let s = h & mask;
      while ((t[s] as number) !== 0) s = (s + 1) & mask;
      t[s] = i + 1;
    }
    this.table = t;
  }
}

/** MurmurHash3 (x86_32) of one endpoint: its port, then its address words key[k, k + alen/4). */
function endHash(key: Int32Array, k: number, alen: number, port: number): number {
  let h = mix(0x9747b28c, port);
  for (let j = 0; 4 * j < alen; j++) h = mix(h, key[k + j] as number);
  return fmix32(h);
}

function mix(h: number, w: number): number {
  let x = Math.imul(w, 0xcc9e2d51);
  x = Math.imul((x << 15) | (x >>> 17), 0x1b873593);
  h ^= x;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** Up to 4 bytes at b[o] as a big-endian word (missing low bytes zero when n < 4). */
function word(b: Uint8Array, o: number, n: number): number {
  if (n >= 4) return ((b[o] as number) << 24) | ((b[o + 1] as number) << 16) | ((b[o + 2] as number) << 8) | (b[o + 3] as number);
  let w = 0;
  for (let k = 0; k < 4; k++) w = (w << 8) | (k < n ? (b[o + k] as number) : 0);
  return w;
}

function sameWords(r: Int32Array, o: number, key: Int32Array, k: number): boolean {
  return r[o] === key[k] && r[o + 1] === key[k + 1] && r[o + 2] === key[k + 2] && r[o + 3] === key[k + 3];
}
