// Conversations of a transport protocol (Wireshark's find_conversation / conversation_new for
// ENDPOINT_TCP and ENDPOINT_UDP): the pair of (address, port) endpoints, in either direction,
// numbered in order of first appearance (`tcp.stream`, `udp.stream`).
//
// No allocation per packet: endpoints live in one growable byte pool (two 16-byte address slots
// per conversation) and the key hash is an open-addressing table of conversation indexes. Several
// conversations may share a key (TCP port reuse starts a new one); they are chained newest first,
// and each remembers the frame that opened it, so that a later pass over an old frame finds the
// conversation that frame belonged to.

const SLOT = 32; // address A (16) + address B (16)

export class ConversationTable {
  count = 0;
  private cap = 0;
  private addrs = new Uint8Array(0);
  private alen = new Uint8Array(0);
  private portA = new Uint16Array(0);
  private portB = new Uint16Array(0);
  /** Frame that opened the conversation. */
  firstFrame = new Float64Array(0);
  /** Older conversation with the same key, or -1. */
  private older = new Int32Array(0);
  private hashOf = new Int32Array(0);
  private table = new Int32Array(1024).fill(-1);
  /** The key and hash of the last find(), so that the add() that usually follows it does not
   *  hash the same endpoints again. */
  private lastKey: Uint8Array | null = null;
  private lastSrc = 0;
  private lastDst = 0;
  private lastAlen = 0;
  private lastPorts = 0;
  private lastHash = 0;

  reset(): void {
    this.count = 0;
    this.table.fill(-1);
  }

  /**
   * The conversation of this packet's endpoints (buf[src], sport) -> (buf[dst], dport): the newest
   * one that `frame` can belong to (opened at or before it), or -1.
   */
  find(buf: Uint8Array, src: number, dst: number, alen: number, sport: number, dport: number, frame: number): number {
    const h = keyHash(buf, src, dst, alen, sport, dport);
    this.lastKey = buf;
    this.lastSrc = src;
    this.lastDst = dst;
    this.lastAlen = alen;
    this.lastPorts = sport * 65536 + dport;
    this.lastHash = h;
    const mask = this.table.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const i = this.table[s] as number;
      if (i < 0) return -1;
      if (this.hashOf[i] !== h || !this.matches(i, buf, src, dst, alen, sport, dport)) continue;
      for (let k = i; k >= 0; k = this.older[k] as number) if ((this.firstFrame[k] as number) <= frame) return k;
      return -1;
    }
  }

  /** Open a new conversation (replacing an older one with the same key for later lookups). */
  add(buf: Uint8Array, src: number, dst: number, alen: number, sport: number, dport: number, frame: number): number {
    if (this.count === this.cap) this.grow();
    const i = this.count++;
    const sameKey = this.lastKey === buf && this.lastSrc === src && this.lastDst === dst && this.lastAlen === alen && this.lastPorts === sport * 65536 + dport;
    const h = sameKey ? this.lastHash : keyHash(buf, src, dst, alen, sport, dport);
    this.lastKey = null;
    const o = i * SLOT;
    const a = this.addrs;
    // Byte loops, not subarray()+set(): two views allocated per new conversation showed in profiles.
    for (let k = 0; k < alen; k++) {
      a[o + k] = buf[src + k] as number;
      a[o + 16 + k] = buf[dst + k] as number;
    }
    for (let k = alen; k < 16; k++) {
      a[o + k] = 0;
      a[o + 16 + k] = 0;
    }
    this.alen[i] = alen;
    this.portA[i] = sport;
    this.portB[i] = dport;
    this.firstFrame[i] = frame;
    this.hashOf[i] = h;
    this.older[i] = -1;
    if (this.count * 2 > this.table.length) this.rehash();
    const mask = this.table.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const j = this.table[s] as number;
      if (j < 0 || (this.hashOf[j] === h && this.matches(j, buf, src, dst, alen, sport, dport))) {
        this.older[i] = j;
        this.table[s] = i;
        return i;
      }
    }
  }

  /**
   * 0 when the packet goes from endpoint A (the one that opened the conversation) to B, else 1.
   * Wireshark compares the source with the conversation's first address and port.
   */
  direction(i: number, buf: Uint8Array, src: number, alen: number, sport: number): number {
    if (this.portA[i] !== sport) return 1;
    const o = i * SLOT;
    for (let k = 0; k < alen; k++) if (this.addrs[o + k] !== buf[src + k]) return 1;
    return 0;
  }

  private matches(i: number, buf: Uint8Array, src: number, dst: number, alen: number, sport: number, dport: number): boolean {
    if (this.alen[i] !== alen) return false;
    const o = i * SLOT;
    const a = this.addrs;
    if (this.portA[i] === sport && this.portB[i] === dport && same(a, o, buf, src, alen) && same(a, o + 16, buf, dst, alen)) return true;
    return this.portA[i] === dport && this.portB[i] === sport && same(a, o, buf, dst, alen) && same(a, o + 16, buf, src, alen);
  }

  private grow(): void {
    const n = Math.max(256, this.cap * 2);
    const addrs = new Uint8Array(n * SLOT);
    addrs.set(this.addrs);
    this.addrs = addrs;
    this.alen = growU8(this.alen, n);
    this.portA = growU16(this.portA, n);
    this.portB = growU16(this.portB, n);
    const ff = new Float64Array(n);
    ff.set(this.firstFrame);
    this.firstFrame = ff;
    this.older = growI32(this.older, n);
    this.hashOf = growI32(this.hashOf, n);
    this.cap = n;
  }

  /** Double the hash table, re-inserting only the newest conversation of each key. */
  private rehash(): void {
    const table = new Int32Array(this.table.length * 2).fill(-1);
    const mask = table.length - 1;
    const old = this.table;
    for (let t = 0; t < old.length; t++) {
      const i = old[t] as number;
      if (i < 0) continue;
      let s = (this.hashOf[i] as number) & mask;
      while ((table[s] as number) >= 0) s = (s + 1) & mask;
      table[s] = i;
    }
    this.table = table;
  }
}

function same(a: Uint8Array, ao: number, b: Uint8Array, bo: number, n: number): boolean {
  for (let k = 0; k < n; k++) if (a[ao + k] !== b[bo + k]) return false;
  return true;
}

/** A hash of one endpoint; the key hash adds both, so that either direction gives the same. */
function endHash(b: Uint8Array, o: number, alen: number, port: number): number {
  let h = 0x811c9dc5 ^ port;
  for (let k = 0; k < alen; k++) h = Math.imul(h ^ (b[o + k] as number), 0x01000193);
  return Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
}

function keyHash(b: Uint8Array, src: number, dst: number, alen: number, sport: number, dport: number): number {
  const h = (endHash(b, src, alen, sport) + endHash(b, dst, alen, dport)) | 0;
  return (h ^ (h >>> 16)) & 0x7fffffff;
}

function growU8(a: Uint8Array, n: number): Uint8Array<ArrayBuffer> {
  const b = new Uint8Array(n);
  b.set(a);
  return b;
}

function growU16(a: Uint16Array, n: number): Uint16Array<ArrayBuffer> {
  const b = new Uint16Array(n);
  b.set(a);
  return b;
}

function growI32(a: Int32Array, n: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(n);
  b.set(a);
  return b;
}
