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
import { F as FRAME } from './frame.ts';
import { addRelTime } from './time-fields.ts';
import { perCapture } from '../analysis/per-capture.ts';

export const T = registerFields({
  responseIn: { name: 'dns.response_in', label: 'Response In', type: FT.FRAMENUM },
  responseTo: { name: 'dns.response_to', label: 'Request In', type: FT.FRAMENUM },
  time: { name: 'dns.time', label: 'Time', type: FT.RELATIVE_TIME },
  unsolicited: { name: 'dns.unsolicited', label: 'Unsolicited', type: FT.BOOLEAN },
  retransmission: { name: 'dns.retransmission', label: 'Retransmission', type: FT.BOOLEAN },
  retransmitRequestIn: { name: 'dns.retransmit_request_in', label: 'Retransmitted request. Original request in', type: FT.FRAMENUM },
  retransmitResponseIn: { name: 'dns.retransmit_response_in', label: 'Retransmitted response. Original response in', type: FT.FRAMENUM },
});

interface Transaction {
  reqFrame: number;
  repFrame: number;
  sec: number;
  nsec: number;
}

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

export class DnsTransactions {
  private byKey = new Map<number, Transaction[]>();
  private count = 0;

  reset(): void {
    this.byKey.clear();
    this.count = 0;
  }

  /**
   * Match message `id` of conversation `conv` (a number unique per transport conversation) in
   * frame `frame` at time (sec, nsec). Returns a shared object, valid until the next call.
   */
  match(c: Ctx, conv: number, id: number, response: boolean, sec: number, nsec: number): Match {
    const key = conv * 65536 + id;
    let list = this.byKey.get(key);
    const frame = c.frameNo;
    let t: Transaction | undefined;
    if (list) for (let i = list.length - 1; i >= 0; i--) if ((list[i] as Transaction).reqFrame <= frame) { t = list[i]; break; }
    match.reqFrame = 0;
    match.repFrame = 0;
    match.retransmission = false;
    if (c.firstPass) {
      if (!response) {
        const unanswered = t !== undefined && t.repFrame === 0;
        if (unanswered && nanos(sec, nsec) - nanos(t!.sec, t!.nsec) < RETRANSMISSION_NS) match.retransmission = true;
        else {
          t = { reqFrame: frame, repFrame: 0, sec, nsec };
          if (!list) {
            list = [];
            this.byKey.set(key, list);
          }
          list.push(t);
          if (++this.count > MAX_TRANSACTIONS) this.forgetOldest();
        }
      } else if (t) {
        if (t.repFrame === 0) t.repFrame = frame;
        else match.retransmission = true;
      }
    } else if (t) {
      match.retransmission = response ? t.repFrame !== 0 && t.repFrame < frame : t.reqFrame < frame;
    }
    if (t) {
      match.reqFrame = t.reqFrame;
      match.repFrame = t.repFrame;
      let ds = sec - t.sec;
      let dn = nsec - t.nsec;
      if (dn < 0) {
        dn += 1e9;
        ds--;
      }
      match.sec = ds;
      match.nsec = dn;
    }
    return match;
  }

  private forgetOldest(): void {
    const first = this.byKey.entries().next().value as [number, Transaction[]] | undefined;
    if (!first) return;
    first[1].shift();
    if (first[1].length === 0) this.byKey.delete(first[0]);
    this.count--;
  }
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

const time = { sec: 0, nsec: 0 };

function frameTime(c: Ctx): { sec: number; nsec: number } {
  const i = c.f.find(FRAME.time);
  time.sec = i < 0 ? 0 : (c.f.num[i] as number);
  time.nsec = i < 0 ? 0 : (c.f.aux[i] as number);
  return time;
}
