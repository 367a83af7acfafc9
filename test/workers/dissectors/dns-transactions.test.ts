// DNS request/response matching (workers/dissectors/dns-transactions.ts) as Wireshark's
// packet-dns.c does it: the first response answers the latest request of its (conversation, ID),
// a repeated unanswered request within 5 s and a second response are retransmissions, later passes
// give each frame the answer of the first pass, and the table forgets its oldest transactions past
// 2^20 of them.
import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../../workers/dissectors/context.ts';
import { DnsTransactions, type Match } from '../../../workers/dissectors/dns-transactions.ts';

/** The two fields of Ctx that match() reads. */
function at(frameNo: number, firstPass = true): Ctx {
  return { frameNo, firstPass } as Ctx;
}

function copy(m: Match): Match {
  return { ...m };
}

describe('DnsTransactions', () => {
  it('matches responses to requests per conversation and ID, with retransmissions', () => {
    const t = new DnsTransactions();
    const req1 = copy(t.match(at(1), 2, 0x1234, false, 100, 0));
    expect(req1).toMatchObject({ reqFrame: 1, repFrame: 0, retransmission: false });
    // Same ID in another conversation: its own transaction.
    expect(copy(t.match(at(2), 4, 0x1234, false, 100, 5))).toMatchObject({ reqFrame: 2, retransmission: false });
    // The request again 1 s later, unanswered: a retransmission of frame 1.
    expect(copy(t.match(at(3), 2, 0x1234, false, 101, 0))).toMatchObject({ reqFrame: 1, retransmission: true });
    // The response: answers frame 1, 1.25 s after it.
    expect(copy(t.match(at(4), 2, 0x1234, true, 101, 250_000_000))).toEqual({ reqFrame: 1, repFrame: 4, retransmission: false, sec: 1, nsec: 250_000_000 });
    // A second response: a retransmission of the response in frame 4.
    expect(copy(t.match(at(5), 2, 0x1234, true, 102, 0))).toMatchObject({ reqFrame: 1, repFrame: 4, retransmission: true });
    // A response nobody asked for.
    expect(copy(t.match(at(6), 2, 0x9999, true, 102, 0))).toMatchObject({ reqFrame: 0, repFrame: 0 });
    // The ID again after it was answered: a new transaction (frame 7), answered in frame 8.
    expect(copy(t.match(at(7), 2, 0x1234, false, 110, 0))).toMatchObject({ reqFrame: 7, retransmission: false });
    expect(copy(t.match(at(8), 2, 0x1234, true, 110, 999_999_999))).toMatchObject({ reqFrame: 7, repFrame: 8, sec: 0, nsec: 999_999_999 });
    // A later pass over any frame gives the first pass's answer.
    expect(copy(t.match(at(1, false), 2, 0x1234, false, 100, 0))).toMatchObject({ reqFrame: 1, repFrame: 4, retransmission: false });
    expect(copy(t.match(at(3, false), 2, 0x1234, false, 101, 0))).toMatchObject({ reqFrame: 1, retransmission: true });
    expect(copy(t.match(at(5, false), 2, 0x1234, true, 102, 0))).toMatchObject({ reqFrame: 1, repFrame: 4, retransmission: true });
    expect(copy(t.match(at(8, false), 2, 0x1234, true, 110, 999_999_999))).toMatchObject({ reqFrame: 7, repFrame: 8, retransmission: false });
  });

  it('after 5 s an unanswered request is a new transaction', () => {
    const t = new DnsTransactions();
    t.match(at(1), 0, 7, false, 100, 0);
    expect(copy(t.match(at(2), 0, 7, false, 105, 0))).toMatchObject({ reqFrame: 2, retransmission: false });
    expect(copy(t.match(at(3), 0, 7, true, 105, 1))).toMatchObject({ reqFrame: 2, repFrame: 3, sec: 0, nsec: 1 });
  });

  it('keeps at most 2^20 transactions, forgetting the oldest', () => {
    const t = new DnsTransactions();
    const n = (1 << 20) + 5;
    for (let k = 0; k < n; k++) t.match(at(k + 1), k >> 16, k & 0xffff, false, 1000 + k, 0);
    // The first five were forgotten: their responses are unsolicited; the sixth is still known.
    for (let k = 0; k < 5; k++) expect(t.match(at(n + 1 + k), k >> 16, k & 0xffff, true, 2000, 0).reqFrame).toBe(0);
    expect(t.match(at(n + 10), 0, 5, true, 2000, 0).reqFrame).toBe(6);
    expect(t.match(at(n + 11), (n - 1) >> 16, (n - 1) & 0xffff, true, 2000, 0).reqFrame).toBe(n);
    t.reset();
    expect(t.match(at(1), 0, 5, true, 1, 0).reqFrame).toBe(0);
  });
});
