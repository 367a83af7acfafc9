// DNS request/response matching (Wireshark packet-dns.c, its dns_transaction_t list per
// conversation): a query opens a transaction under (conversation, transaction ID); the first
// response with that ID answers it. A query repeating an unanswered ID within the retransmission
// timer (5 s, Wireshark's default) is a retransmission, and so is a second response.
//
// Filled on the first pass, in file order. Later passes look a frame up by its number (the latest
// transaction opened at or before it), which gives the same answer without state per packet.

import { FT, registerFields } from '../fields/registry.ts';
import { EF } from '../fields/field-list.ts';
import type { Ctx } from './context.ts';
import { frameTime } from './frame.ts';
import { addRelTime } from './time-fields.ts';
import { perCapture } from '../analysis/per-capture.ts';
import { fmix32 } from '../analysis/hash.ts';
import { grown } from '../fields/typed-arrays.ts';

export const T = registerFields({
  responseIn: { name: 'dns.response_in', label: 'Response In', type: FT.FRAMENUM },
  responseTo: { name: 'dns.response_to', label: 'Request In', type: FT.FRAMENUM },
  time: { name: 'dns.time', label: 'Time', type: FT.RELATIVE_TIME },
  unsolicited: { name: 'dns.unsolicited', label: 'Unsolicited', type: FT.BOOLEAN },
  retransmission: { name: 'dns.retransmission', label: 'Retransmission', type: FT.BOOLEAN },
  retransmitRequestIn: { name: 'dns.retransmit_request_in', label: 'Retransmitted request. Original request in', type: FT.FRAMENUM },
  retransmitResponseIn: { name: 'dns.retransmit_response_in', label: 'Retransmitted response. Original response in', type: FT.FRAMENUM },
});

/** What dns.ts shows for one message. */
export interface Match {
  /** The request frame (0: none known). */
  reqFrame: number;
  /** The response frame (0: none yet). */
  repFrame: number;
  retransmission: boolean;
  /** Response time in seconds and nanoseconds (for a response with a known request). */
  sec: number;
  nsec: number;
}

const RETRANSMISSION_NS = 5e9;
/** Transactions kept at most (oldest forgotten first), so that a hostile capture stays bounded. */
const MAX_TRANSACTIONS = 1 << 20;

const match: Match = { reqFrame: 0, repFrame: 0, retransmission: false, sec: 0, nsec: 0 };

/**
 * The transactions in typed arrays, not an object, an array and a map entry each: a capture with
 * a DNS message every tenth packet keeps ~100k of them, and as objects they were most of the
 * heap that every major GC of the `fields` export marked. Transaction t (numbered in order of
 * opening) lives in slot t & (cap - 1) while t >= base; a key's transactions are chained newest
 * first through `older`, and the hash table maps each key to its newest one.
 */
export class DnsTransactions {
  private n = 0;
  /** Oldest transaction still kept. */
  private base = 0;
  private cap = 128;
  private reqFrame = new Float64Array(this.cap);
  private repFrame = new Float64Array(this.cap);
  private sec = new Float64Array(this.cap);
  private nsec = new Float64Array(this.cap);
  /** The previous transaction of the same key, or -1. */
  private older = new Int32Array(this.cap);
  /** Open addressing: each used slot's key, and its newest transaction + 1 (0: empty slot). */
  private tableKey = new Float64Array(512);
  private tableVal = new Int32Array(512);
  private used = 0;

  constructor() {
    // 256 transactions and 512 slots, made through grow() and rehash() once more: see
    // fields/typed-arrays.ts (V8 field constness)
    this.grow();
    this.rehash();
  }

  reset(): void {
    this.n = 0;
    this.base = 0;
    this.tableVal.fill(0);
    this.used = 0;
  }

  /**
   * Match message `id` of conversation `conv` (a number unique per transport conversation) in
   * frame `frame` at time (sec, nsec). Returns a shared object, valid until the next call.
   */
  match(c: Ctx, conv: number, id: number, response: boolean, sec: number, nsec: number): Match {
    const key = conv * 65536 + id;
    const frame = c.frameNo;
    const slot = this.slotOf(key);
    const mask = this.cap - 1;
    // The latest transaction of this key opened at or before this frame.
    let t = slot < 0 ? -1 : (this.tableVal[slot] as number) - 1;
    while (t >= this.base && (this.reqFrame[t & mask] as number) > frame) t = this.older[t & mask] as number;
    if (t < this.base) t = -1;
    match.reqFrame = 0;
    match.repFrame = 0;
    match.retransmission = false;
    if (c.firstPass) {
      if (!response) {
        const unanswered = t >= 0 && this.repFrame[t & mask] === 0;
        if (unanswered && nanos(sec, nsec) - nanos(this.sec[t & mask] as number, this.nsec[t & mask] as number) < RETRANSMISSION_NS) {
          match.retransmission = true;
        } else t = this.open(key, slot, frame, sec, nsec);
      } else if (t >= 0) {
        if (this.repFrame[t & mask] === 0) this.repFrame[t & mask] = frame;
        else match.retransmission = true;
      }
    } else if (t >= 0) {
      const rep = this.repFrame[t & mask] as number;
      match.retransmission = response ? rep !== 0 && rep < frame : (this.reqFrame[t & mask] as number) < frame;
    }
    if (t >= 0) {
      const k = t & (this.cap - 1); // open() may have grown the arrays
      match.reqFrame = this.reqFrame[k] as number;
      match.repFrame = this.repFrame[k] as number;
      let ds = sec - (this.sec[k] as number);
      let dn = nsec - (this.nsec[k] as number);
      if (dn < 0) {
        dn += 1e9;
        ds--;
      }
      match.sec = ds;
      match.nsec = dn;
    }
    return match;
  }

  /** The table slot holding `key`, or -1. */
  private slotOf(key: number): number {
    const mask = this.tableVal.length - 1;
    for (let s = hash(key) & mask; ; s = (s + 1) & mask) {
      if (this.tableVal[s] === 0) return -1;
      if (this.tableKey[s] === key) return s;
    }
  }

  /** Open a transaction for a request of `key` (whose table slot is `slot`, -1 if none). */
  private open(key: number, slot: number, frame: number, sec: number, nsec: number): number {
    if (this.n - this.base === this.cap) {
      if (this.cap < MAX_TRANSACTIONS) this.grow();
      else this.base++; // forget the oldest
    }
    const t = this.n++;
    const k = t & (this.cap - 1);
    this.reqFrame[k] = frame;
    this.repFrame[k] = 0;
    this.sec[k] = sec;
    this.nsec[k] = nsec;
    if (slot >= 0) {
      this.older[k] = (this.tableVal[slot] as number) - 1;
      this.tableVal[slot] = t + 1;
      return t;
    }
    this.older[k] = -1;
    if ((this.used + 1) * 2 > this.tableVal.length) this.rehash();
    const mask = this.tableVal.length - 1;
    let s = hash(key) & mask;
    while (this.tableVal[s] !== 0) s = (s + 1) & mask;
    this.tableKey[s] = key;
    this.tableVal[s] = t + 1;
    this.used++;
    return t;
  }

  /** Double the transaction arrays (only before any was forgotten: slot t is then index t). */
  private grow(): void {
    const cap = this.cap * 2;
    this.reqFrame = grown(this.reqFrame, cap);
    this.repFrame = grown(this.repFrame, cap);
    this.sec = grown(this.sec, cap);
    this.nsec = grown(this.nsec, cap);
    this.older = grown(this.older, cap);
    this.cap = cap;
  }

  /** Rebuild the table, twice as large when it is half full of keys still kept. */
  private rehash(): void {
    const oldKey = this.tableKey;
    const oldVal = this.tableVal;
    let live = 0;
    for (let s = 0; s < oldVal.length; s++) if ((oldVal[s] as number) - 1 >= this.base) live++;
    const size = (live + 1) * 4 > oldVal.length ? oldVal.length * 2 : oldVal.length;
    this.tableKey = new Float64Array(size);
    this.tableVal = new Int32Array(size);
    this.used = 0;
    const mask = size - 1;
    for (let p = 0; p < oldVal.length; p++) {
      const v = oldVal[p] as number;
      if (v - 1 < this.base) continue;
      const key = oldKey[p] as number;
      let s = hash(key) & mask;
      while (this.tableVal[s] !== 0) s = (s + 1) & mask;
      this.tableKey[s] = key;
      this.tableVal[s] = v;
      this.used++;
    }
  }
}

/** A hash of a key below 2^53 (conversation * 65536 + transaction ID): MurmurHash3's finalizer
 *  over both halves, so that every bit of the key reaches the low bits the table uses. */
function hash(key: number): number {
  const lo = (key % 4294967296) | 0;
  const hi = (key / 4294967296) | 0;
  return fmix32(lo ^ Math.imul(hi, 0x9e3779b1));
}

function nanos(sec: number, nsec: number): number {
  return sec * 1e9 + nsec;
}

/** The transaction table of the capture `c` is dissecting. */
export const dnsTransactions = perCapture(() => new DnsTransactions());

/** dns.response_in / response_to / time / unsolicited / retransmission, after the sections. */
export function track(c: Ctx, off: number, convKey: number, id: number, response: boolean): void {
  if (convKey < 0) return;
  const f = c.f;
  const t = frameTime(c);
  const m = dnsTransactions(c).match(c, convKey, id, response, t.sec, t.nsec);
  if (!response) {
    if (m.retransmission && m.reqFrame) {
      f.add(T.retransmission, off, 0, 1, EF.GENERATED);
      f.add(T.retransmitRequestIn, off, 0, m.reqFrame, EF.GENERATED);
    } else if (m.repFrame) f.add(T.responseIn, off, 0, m.repFrame, EF.GENERATED);
    return;
  }
  if (!m.reqFrame) {
    f.add(T.unsolicited, off, 0, 1, EF.GENERATED);
    return;
  }
  if (m.retransmission && m.repFrame) {
    f.add(T.retransmission, off, 0, 1, EF.GENERATED);
    f.add(T.retransmitResponseIn, off, 0, m.repFrame, EF.GENERATED);
    return;
  }
  f.add(T.responseTo, off, 0, m.reqFrame, EF.GENERATED);
  addRelTime(f, T.time, off, 0, m.sec, m.nsec, EF.GENERATED);
}
