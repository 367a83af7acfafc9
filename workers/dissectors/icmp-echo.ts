// Echo request / reply matching for ICMP and ICMPv6 (Wireshark's transaction_start and
// transaction_end: `resp_in` on a request, once the capture has been read; `resp_to` and
// `resptime` on its reply), and the timestamp ping(8) puts at the start of ICMP echo data.

import { EF } from '../fields/field-list.ts';
import { fieldById } from '../fields/registry.ts';
import type { EchoTracker, EchoMatch } from '../analysis/ip-echo.ts';
import type { Ctx } from './context.ts';
import { expertAt } from './expert.ts';
import { frameTime } from './frame.ts';
import { addAbsTime, addRelTime } from './time-fields.ts';

export interface EchoFieldIds {
  respIn: number;
  respTo: number;
  resptime: number;
  /** `icmp.no_resp`, added to a request no reply matched once the capture is read (later passes:
   *  Wireshark's second pass; tshark in one pass cannot know it). */
  noResp?: number;
  /** The expert info under it (`icmp.resp_not_found`, Warning/Sequence) and its message. */
  noRespExpert?: number;
  noRespText?: (frame: number) => string;
}

/** File (first pass) or look up (later passes) the echo at `off`, under (`key0`, `key1`) between
 *  the innermost IP addresses, and add what is known about its partner. */
export function trackEcho(c: Ctx, tracker: EchoTracker, request: boolean, key0: number, key1: number, off: number,
                          ids: EchoFieldIds): void {
  if (c.netSrc < 0) return;
  let m: EchoMatch | undefined;
  if (!c.firstPass) m = tracker.lookup(c.frameNo);
  else {
    const t = frameTime(c);
    if (request) tracker.request(c.frameNo, t.sec, t.nsec, c.netBuf, c.netSrc, c.netDst, c.netLen, key0, key1);
    else m = tracker.reply(c.frameNo, t.sec, t.nsec, c.netBuf, c.netSrc, c.netDst, c.netLen, key0, key1);
  }
  if (!m) {
    if (request && !c.firstPass && !c.singlePass && ids.noResp !== undefined) {
      const item = c.f.add(ids.noResp, off, 0, 0, EF.GENERATED);
      if (ids.noRespExpert !== undefined && ids.noRespText !== undefined) expertAt(c, item, ids.noRespExpert, ids.noRespText(c.frameNo));
    }
    return;
  }
  if (m.request === c.frameNo) c.f.add(ids.respIn, off, 0, m.reply, EF.GENERATED);
  else {
    c.f.add(ids.respTo, off, 0, m.request, EF.GENERATED);
    const i = c.f.add(ids.resptime, off, 0, m.ms, EF.GENERATED);
    // (packet-icmp.c and packet-icmpv6.c write it "%.3f ms", after their own labels: "Response
    // time" and "Response Time")
    if (c.f.wanted === null) c.f.setText(i, `${fieldById(ids.resptime).label}: ${m.ms.toFixed(3)} ms`);
  }
}

/**
 * "Interpret the first 8 bytes of the icmp data as a timestamp, but only if it does look like
 * it's a timestamp" (a struct timeval within a day of the frame, big then little endian), shown
 * as tshark prints an absolute time in UTC and as the frame's time relative to it.
 * Returns where the data after it starts.
 */
export function echoDataTime(c: Ctx, o: number, end: number, absId: number, relId: number): number {
  const t = frameTime(c);
  let sec = c.u32(o);
  let usec = c.u32(o + 4);
  if (!near(sec, usec, t.sec)) {
    sec = swap32(sec);
    usec = swap32(usec);
  }
  if (!near(sec, usec, t.sec) || !c.has(o, 8, end)) return o;
  const nsec = usec * 1000;
  addAbsTime(c.f, absId, o, 8, sec, nsec);
  // nstime_delta(frame time, data time): the parts keep their signs; relTimeText evens them out.
  addRelTime(c.f, relId, o, 8, t.sec - sec, t.nsec - nsec, EF.GENERATED);
  return o + 8;
}

/** Within a day of the frame (the difference taken as a 32-bit int, as Wireshark's cast does). */
function near(sec: number, usec: number, frameSec: number): boolean {
  return Math.abs((sec - frameSec) | 0) < 86400 && usec < 1000000;
}

function swap32(v: number): number {
  return (((v & 0xff) << 24) | ((v & 0xff00) << 8) | ((v >>> 8) & 0xff00) | (v >>> 24)) >>> 0;
}
