// ONC-RPC call / reply matching as packet-rpc.c (Wireshark 4.0) does it: a call is filed under
// its conversation (the address and port pair, either direction) and XID; a reply with the same
// XID in that conversation answers it and learns its program, version and procedure (a reply
// carries none of them: RFC 5531 section 9, "the reply's xid … matches the call") and the time
// since the call (rpc.time). A later call with the same XID replaces the earlier one.
//
// Filled on the first pass, in file order. Later passes look a message up by its frame and its
// place among the frame's RPC messages (a TCP segment may carry several), which gives the same
// answer.

import { perCapture } from '../analysis/per-capture.ts';
import { ConversationTable } from '../analysis/tcp-conversations.ts';
import { PairTable } from '../analysis/pair-table.ts';
import { grown } from '../fields/typed-arrays.ts';
import type { Ctx } from './context.ts';
import { frameTime } from './frame.ts';

// No object or string is kept per call: a storage capture holds millions (300,000 GETATTR pairs
// had cost 150 MB of map keys and objects; now 40 bytes a call and 32 a message, in typed arrays).
// A call's record: 6 int32 words (the uint32s as their bits) and its time (2 doubles: the seconds
// may pass 2^31).
const PROGRAM = 0;
const VERSION = 1;
const PROCEDURE = 2;
const CALL_FRAME = 3;
/** The first reply's frame (0: none seen). */
const REPLY_FRAME = 4;
/** What the program's call dissector noted for its reply (packet-rpc.c's private data). */
const NOTE = 5;
const CALL_WORDS = 6;
// A message's match: its call record, whether it was answered, the message (its frame and its
// place among the frame's RPC messages), and the time from the call (2 doubles). A frame's matches
// are filed one after another on the first pass, so `firstMatch` (per frame) finds them without a
// map.
const M_CALL = 0;
const M_ANSWERED = 1;
const M_FRAME = 2;
const M_INDEX = 3;
const MATCH_WORDS = 4;

class RpcCalls {
  /** RPC's conversations: the address and port pair, either direction (packet-rpc.c's). */
  readonly conversations = new ConversationTable();
  /** (conversation, XID) → the last call filed under it. */
  private readonly open = new PairTable();
  /** Per frame: its first match record + 1 (0: none). */
  private firstMatch = grown(new Int32Array(0), 1024);
  calls = grown(new Int32Array(0), 64 * CALL_WORDS);
  /** Per call: its time (seconds, nanoseconds). */
  callTimes = grown(new Float64Array(0), 64 * 2);
  private callCount = 0;
  matches = grown(new Int32Array(0), 64 * MATCH_WORDS);
  /** Per match: the time from the call (seconds, nanoseconds). */
  matchTimes = grown(new Float64Array(0), 64 * 2);
  private matchCount = 0;

  call(conv: number, xid: number, frame: number, index: number, program: number, version: number, procedure: number, sec: number, nsec: number): number {
    const i = this.callCount++;
    if ((i + 1) * CALL_WORDS > this.calls.length) {
      this.calls = grown(this.calls, 2 * this.calls.length);
      this.callTimes = grown(this.callTimes, 2 * this.callTimes.length);
    }
    const r = this.calls;
    const o = i * CALL_WORDS;
    r[o + PROGRAM] = program;
    r[o + VERSION] = version;
    r[o + PROCEDURE] = procedure;
    r[o + CALL_FRAME] = frame;
    r[o + REPLY_FRAME] = 0;
    r[o + NOTE] = 0;
    this.callTimes[2 * i] = sec;
    this.callTimes[2 * i + 1] = nsec;
    this.open.set(conv, xid, i);
    return this.match(frame, index, i, 0, 0);
  }

  reply(conv: number, xid: number, frame: number, index: number, sec: number, nsec: number): number {
    const i = this.open.get(conv, xid);
    if (i < 0) return -1;
    let s = sec - (this.callTimes[2 * i] as number);
    let ns = nsec - (this.callTimes[2 * i + 1] as number);
    if (ns < 0) {
      s--;
      ns += 1e9;
    }
    return this.match(frame, index, i, s, ns);
  }

  /** File the match of message `index` of `frame` (again in its record, if the frame was
   *  dissected before). */
  private match(frame: number, index: number, call: number, sec: number, nsec: number): number {
    let m = this.lookup(frame, index);
    if (m < 0) {
      m = this.matchCount++;
      if ((m + 1) * MATCH_WORDS > this.matches.length) {
        this.matches = grown(this.matches, 2 * this.matches.length);
        this.matchTimes = grown(this.matchTimes, 2 * this.matchTimes.length);
      }
      if (frame >= this.firstMatch.length) this.firstMatch = grown(this.firstMatch, Math.max(frame + 1, 2 * this.firstMatch.length));
      if (this.firstMatch[frame] === 0) this.firstMatch[frame] = m + 1;
    }
    const r = this.matches;
    const o = m * MATCH_WORDS;
    r[o + M_CALL] = call;
    r[o + M_ANSWERED] = 0;
    r[o + M_FRAME] = frame;
    r[o + M_INDEX] = index;
    this.matchTimes[2 * m] = sec;
    this.matchTimes[2 * m + 1] = nsec;
    return m;
  }

  /** Whether any call is filed (if none, no conversation need be looked up). */
  get any(): boolean {
    return this.open.size > 0;
  }

  has(conv: number, xid: number): boolean {
    return this.open.get(conv, xid) >= 0;
  }

  /** The match record of message `index` of `frame`, or -1. */
  lookup(frame: number, index: number): number {
    const r = this.matches;
    for (let m = frame < this.firstMatch.length ? (this.firstMatch[frame] as number) - 1 : -1; m >= 0 && m < this.matchCount; m++) {
      if (r[m * MATCH_WORDS + M_FRAME] !== frame) break;
      if (r[m * MATCH_WORDS + M_INDEX] === index) return m;
    }
    return -1;
  }
}

/** A call as a message sees it: a view of its record. */
export class RpcCall {
  constructor(
    private readonly t: RpcCalls,
    private readonly o: number,
  ) {}
  get program(): number {
    return (this.t.calls[this.o + PROGRAM] as number) >>> 0;
  }
  get version(): number {
    return (this.t.calls[this.o + VERSION] as number) >>> 0;
  }
  get procedure(): number {
    return (this.t.calls[this.o + PROCEDURE] as number) >>> 0;
  }
  get callFrame(): number {
    return this.t.calls[this.o + CALL_FRAME] as number;
  }
  get replyFrame(): number {
    return this.t.calls[this.o + REPLY_FRAME] as number;
  }
  set replyFrame(v: number) {
    this.t.calls[this.o + REPLY_FRAME] = v;
  }
  get note(): number {
    return (this.t.calls[this.o + NOTE] as number) >>> 0;
  }
  set note(v: number) {
    this.t.calls[this.o + NOTE] = v;
  }
}

/** What a message shows: its call (for a reply, with the time from it). */
export class RpcMatch {
  readonly call: RpcCall;
  private readonly o: number;
  constructor(
    private readonly t: RpcCalls,
    private readonly m: number,
  ) {
    this.o = m * MATCH_WORDS;
    this.call = new RpcCall(t, (t.matches[this.o + M_CALL] as number) * CALL_WORDS);
  }
  /** A reply's time from its call. */
  get sec(): number {
    return this.t.matchTimes[2 * this.m] as number;
  }
  get nsec(): number {
    return this.t.matchTimes[2 * this.m + 1] as number;
  }
  /** Whether the reply got as far as its reply state, where packet-rpc.c files it as the call's
   *  answer (a reply cut before it shows its call's program but no frames or time). */
  get answered(): boolean {
    return this.t.matches[this.o + M_ANSWERED] === 1;
  }
  set answered(v: boolean) {
    this.t.matches[this.o + M_ANSWERED] = v ? 1 : 0;
  }
}

const calls = perCapture(() => new RpcCalls());

/** This message's conversation (opened if `open`), or -1. */
function conversation(c: Ctx, t: RpcCalls, open: boolean): number {
  const convs = t.conversations;
  const conv = convs.find(c.netBuf, c.netSrc, c.netDst, c.netLen, c.srcPort, c.dstPort, c.frameNo);
  return conv >= 0 || !open ? conv : convs.add(c.netBuf, c.netSrc, c.netDst, c.netLen, c.srcPort, c.dstPort, c.frameNo);
}

/** The match record `m` of `t` as a message sees it, or undefined for none. */
function view(t: RpcCalls, m: number): RpcMatch | undefined {
  return m < 0 ? undefined : new RpcMatch(t, m);
}

/** A call (message `index` of this frame): files it on the first pass; returns its record. */
export function rpcCall(c: Ctx, index: number, xid: number, program: number, version: number, procedure: number): RpcMatch | undefined {
  if (c.netSrc < 0) return undefined;
  const t = calls(c);
  if (!c.firstPass) return view(t, t.lookup(c.frameNo, index));
  const conv = conversation(c, t, true);
  if (conv < 0) return undefined;
  const now = frameTime(c);
  return view(t, t.call(conv, xid | 0, c.frameNo, index, program, version, procedure, now.sec, now.nsec));
}

/** A reply (message `index` of this frame): finds its call (on the first pass by its XID);
 *  rpcAnswered files it once its reply state was read. */
export function rpcReply(c: Ctx, index: number, xid: number): RpcMatch | undefined {
  if (c.netSrc < 0) return undefined;
  const t = calls(c);
  if (!c.firstPass) return view(t, t.lookup(c.frameNo, index));
  if (!t.any) return undefined;
  const conv = conversation(c, t, false);
  if (conv < 0) return undefined;
  const now = frameTime(c);
  return view(t, t.reply(conv, xid | 0, c.frameNo, index, now.sec, now.nsec));
}

/** Whether a reply (message `index` of this frame) answers a call: on the first pass, whether one
 *  is filed under its XID (nothing is filed), later whether it was matched. */
export function rpcReplyMatches(c: Ctx, index: number, xid: number): boolean {
  if (c.netSrc < 0) return false;
  const t = calls(c);
  if (!c.firstPass) return t.lookup(c.frameNo, index) >= 0;
  if (!t.any) return false;
  const conv = conversation(c, t, false);
  return conv >= 0 && t.has(conv, xid | 0);
}

/** The reply `m` (of this frame) read its reply state: on the first pass it becomes its call's
 *  answer (the first one: the call's "reply … is in frame"). */
export function rpcAnswered(c: Ctx, m: RpcMatch): void {
  if (!c.firstPass) return;
  m.answered = true;
  if (m.call.replyFrame === 0) m.call.replyFrame = c.frameNo;
}
