// ICMP and ICMPv6 echo request / reply matching, as Wireshark's transaction_start/transaction_end
// in packet-icmp.c and packet-icmpv6.c: within one conversation (the address pair, either
// direction), a request is filed under (the checksum its reply will carry, identifier, sequence)
// and a reply under (its checksum, identifier, sequence). The first reply that finds an unmatched
// request matches it; the pair is remembered by both frame numbers for later passes.
//
// "The difference between echo request & reply" is the type byte (8 vs 0 for ICMP, 128 vs 129
// for ICMPv6), so the reply's checksum is the request's with that difference taken out in
// one's-complement arithmetic (RFC 1624).

export interface EchoMatch {
  request: number;
  reply: number;
  /** Reply time minus request time in milliseconds, computed as Wireshark's nstime_to_msec. */
  ms: number;
}

interface Pending {
  addr: Uint8Array;
  key0: number;
  key1: number;
  frame: number;
  sec: number;
  nsec: number;
  match: EchoMatch | null;
}

/** Unmatched requests kept at most (oldest dropped first). */
const MAX_PENDING = 1 << 16;

export class EchoTracker {
  private pending = new Map<number, Pending[]>();
  private order: Pending[] = [];
  private byFrame = new Map<number, EchoMatch>();

  reset(): void {
    this.pending.clear();
    this.order = [];
    this.byFrame.clear();
  }

  /** The checksum a reply to a request with checksum `cksum` carries (`delta` = 0x0800 or 0x0100). */
  static replyChecksum(cksum: number, delta: number): number {
    let s = (~cksum & 0xffff) + (~delta & 0xffff);
    s = (s & 0xffff) + (s >>> 16);
    return ~s & 0xffff;
  }

  /** First pass: a request. */
  request(frame: number, sec: number, nsec: number, b: Uint8Array, src: number, dst: number, alen: number,
          key0: number, key1: number): void {
    const h = key0 ^ key1;
    let list = this.pending.get(h);
    if (!list) {
      list = [];
      this.pending.set(h, list);
    }
    const addr = pair(b, src, dst, alen);
    // wmem_tree_insert32_array replaces an earlier request filed under the same key.
    const i = list.findIndex((p) => p.key0 === key0 && p.key1 === key1 && sameAddr(p.addr, addr));
    if (i >= 0 && (list[i] as Pending).frame === frame) return; // the same frame dissected again
    const p: Pending = { addr, key0, key1, frame, sec, nsec, match: null };
    if (i >= 0) list[i] = p;
    else list.push(p);
    this.order.push(p);
    if (this.order.length > MAX_PENDING) {
      const old = this.order.splice(0, this.order.length >> 1);
      for (const o of old) {
        const l = this.pending.get(o.key0 ^ o.key1);
        if (!l) continue;
        const k = l.indexOf(o);
        if (k >= 0) l.splice(k, 1);
        if (l.length === 0) this.pending.delete(o.key0 ^ o.key1);
      }
    }
  }

  /** First pass: a reply; returns the match it makes, if any. */
  reply(frame: number, sec: number, nsec: number, b: Uint8Array, src: number, dst: number, alen: number,
        key0: number, key1: number): EchoMatch | undefined {
    const list = this.pending.get(key0 ^ key1);
    if (!list) return undefined;
    const addr = pair(b, src, dst, alen);
    const p = list.find((q) => q.key0 === key0 && q.key1 === key1 && sameAddr(q.addr, addr));
    if (!p) return undefined;
    // "We have already seen this response, or an identical one" (unless it is this very frame again).
    if (p.match) return p.match.reply === frame ? p.match : undefined;
    p.match = { request: p.frame, reply: frame, ms: msDelta(sec, nsec, p.sec, p.nsec) };
    this.byFrame.set(p.frame, p.match);
    this.byFrame.set(frame, p.match);
    return p.match;
  }

  /** Later passes: the match frame `frame` took part in. */
  lookup(frame: number): EchoMatch | undefined {
    return this.byFrame.get(frame);
  }
}

/** The two addresses in a direction-independent order (a conversation matches both ways). */
function pair(b: Uint8Array, src: number, dst: number, alen: number): Uint8Array {
  let first = src;
  let second = dst;
  for (let i = 0; i < alen; i++) {
    const x = b[src + i] as number;
    const y = b[dst + i] as number;
    if (x === y) continue;
    if (x > y) {
      first = dst;
      second = src;
    }
    break;
  }
  const a = new Uint8Array(2 * alen);
  a.set(b.subarray(first, first + alen), 0);
  a.set(b.subarray(second, second + alen), alen);
  return a;
}

function sameAddr(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** nstime_delta then nstime_to_msec. */
function msDelta(sec: number, nsec: number, sec0: number, nsec0: number): number {
  let s = sec - sec0;
  let n = nsec - nsec0;
  if (s > 0 && n < 0) {
    n += 1e9;
    s--;
  } else if (s < 0 && n > 0) {
    n -= 1e9;
    s++;
  }
  return s * 1000 + n / 1000000;
}
