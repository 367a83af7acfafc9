// NTP request / response matching as packet-ntp.c (Wireshark 4.0) does it, measured with tshark
// 4.0.17 on made pairs: within one conversation (the address and port pair, either direction),
//   - a client's request (mode 3) becomes the conversation's request, replacing an earlier one,
//     and the next server reply (mode 4) answers it if it has no answer yet: the timestamps are not
//     compared (a reply whose Origin Timestamp is not the request's Transmit Timestamp matches; of
//     two requests in flight only the later is answered; a second reply answers nothing);
//   - a control message (mode 6) is filed under its sequence number, and every response with that
//     number (the fragments of a long one) points back to the request, which points to the first.
// The first pass files and matches; later passes read the result by frame number.

import { timeDelta } from './nstime.ts';

export interface NtpMatch {
  /** The request's frame, or 0. */
  request: number;
  /** The first response's frame, or 0. */
  response: number;
  /** Response time minus request time (a response's own), as nstime_delta leaves it. */
  sec: number;
  nsec: number;
}

interface Open {
  frame: number;
  sec: number;
  nsec: number;
  /** Shared with the request's entry in `byFrame`, so its response shows on later passes. */
  match: NtpMatch;
}

export class NtpTransactions {
  private open = new Map<string, Open>();
  private byFrame = new Map<number, NtpMatch>();

  /** First pass: a request under `key` (conversation and sequence). */
  request(key: string, frame: number, sec: number, nsec: number): void {
    const match: NtpMatch = { request: 0, response: 0, sec: 0, nsec: 0 };
    this.open.set(key, { frame, sec, nsec, match });
    this.byFrame.set(frame, match);
  }

  /** First pass: a response under `key` at time (sec, nsec); `every` lets it answer a request
   *  already answered (control messages' fragments). Returns what the response shows, if anything. */
  response(key: string, frame: number, sec: number, nsec: number, every: boolean): NtpMatch | undefined {
    const o = this.open.get(key);
    if (o === undefined) return undefined;
    if (o.match.response === 0) o.match.response = frame;
    else if (!every) return undefined;
    const d = timeDelta({ sec: 0, nsec: 0 }, sec, nsec, o.sec, o.nsec);
    const m: NtpMatch = { request: o.frame, response: 0, sec: d.sec, nsec: d.nsec };
    this.byFrame.set(frame, m);
    return m;
  }

  /** Later passes: what frame `frame` shows. */
  lookup(frame: number): NtpMatch | undefined {
    return this.byFrame.get(frame);
  }
}
