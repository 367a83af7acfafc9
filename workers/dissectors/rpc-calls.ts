// ONC-RPC call / reply matching as packet-rpc.c (Wireshark 4.0) does it: a call is filed under
// its conversation (the address and port pair, either direction) and XID; a reply with the same
// XID in that conversation answers it and learns its program, version and procedure (a reply
// carries none of them: RFC 5531 section 9, "the reply's xid … matches the call") and the time
// since the call (rpc.time). A later call with the same XID replaces the earlier one.
//
// Filled on the first pass, in file order. Later passes look a message up by its frame and its
// place among the frame's RPC messages (a TCP segment may carry several), which gives the same
// answer without state per packet.

import { perCapture } from '../analysis/per-capture.ts';
import { bytesHex } from '../fields/format.ts';
import type { Ctx } from './context.ts';
import { frameTime } from './frame.ts';

export interface RpcCall {
  program: number;
  version: number;
  procedure: number;
  callFrame: number;
  /** The first reply's frame (0: none seen). */
  replyFrame: number;
  sec: number;
  nsec: number;
  /** What the program's call dissector noted for its reply (packet-rpc.c's private data). */
  note: number;
}

/** What a message shows: its call (for a reply, with the time from it), or undefined. */
export interface RpcMatch {
  call: RpcCall;
  /** A reply's time from its call. */
  sec: number;
  nsec: number;
  /** Whether the reply got as far as its reply state, where packet-rpc.c files it as the call's
   *  answer (a reply cut before it shows its call's program but no frames or time). */
  answered: boolean;
}

/** Messages a frame may file (their place in the frame: 0 … MAX_PER_FRAME - 1). */
const MAX_PER_FRAME = 256;

class RpcCalls {
  private open = new Map<string, RpcCall>();
  private byMessage = new Map<number, RpcMatch>();

  call(key: string, at: number, call: RpcCall): RpcMatch {
    this.open.set(key, call);
    const m: RpcMatch = { call, sec: 0, nsec: 0, answered: false };
    this.byMessage.set(at, m);
    return m;
  }

  reply(key: string, at: number, sec: number, nsec: number): RpcMatch | undefined {
    const call = this.open.get(key);
    if (call === undefined) return undefined;
    let s = sec - call.sec;
    let ns = nsec - call.nsec;
    if (ns < 0) {
      s--;
      ns += 1e9;
    }
    const m: RpcMatch = { call, sec: s, nsec: ns, answered: false };
    this.byMessage.set(at, m);
    return m;
  }

  /** Whether any call is filed (if none, no key need be made). */
  get any(): boolean {
    return this.open.size > 0;
  }

  has(key: string): boolean {
    return this.open.has(key);
  }

  lookup(at: number): RpcMatch | undefined {
    return this.byMessage.get(at);
  }
}

const calls = perCapture(() => new RpcCalls());

/** The conversation and XID of this message, as the key of its call. */
function key(c: Ctx, xid: number): string {
  const a = `${bytesHex(c.netBuf, c.netSrc, c.netLen)}/${c.srcPort}`;
  const b = `${bytesHex(c.netBuf, c.netDst, c.netLen)}/${c.dstPort}`;
  return `${a < b ? a + b : b + a}|${xid}`;
}

/** A call (message `index` of this frame): files it on the first pass; returns its record. */
export function rpcCall(c: Ctx, index: number, xid: number, program: number, version: number, procedure: number): RpcMatch | undefined {
  if (c.netSrc < 0 || index >= MAX_PER_FRAME) return undefined;
  const t = calls(c);
  const at = c.frameNo * MAX_PER_FRAME + index;
  if (!c.firstPass) return t.lookup(at);
  const now = frameTime(c);
  return t.call(key(c, xid), at, { program, version, procedure, callFrame: c.frameNo, replyFrame: 0, sec: now.sec, nsec: now.nsec, note: 0 });
}

/** A reply (message `index` of this frame): finds its call (on the first pass by its XID);
 *  rpcAnswered files it once its reply state was read. */
export function rpcReply(c: Ctx, index: number, xid: number): RpcMatch | undefined {
  if (c.netSrc < 0 || index >= MAX_PER_FRAME) return undefined;
  const t = calls(c);
  const at = c.frameNo * MAX_PER_FRAME + index;
  if (!c.firstPass) return t.lookup(at);
  const now = frameTime(c);
  return t.reply(key(c, xid), at, now.sec, now.nsec);
}

/** Whether a reply (message `index` of this frame) answers a call: on the first pass, whether one
 *  is filed under its XID (nothing is filed), later whether it was matched. */
export function rpcReplyMatches(c: Ctx, index: number, xid: number): boolean {
  if (c.netSrc < 0 || index >= MAX_PER_FRAME) return false;
  const t = calls(c);
  return c.firstPass ? t.any && t.has(key(c, xid)) : t.lookup(c.frameNo * MAX_PER_FRAME + index) !== undefined;
}

/** The reply `m` (of this frame) read its reply state: on the first pass it becomes its call's
 *  answer (the first one: the call's "reply … is in frame"). */
export function rpcAnswered(c: Ctx, m: RpcMatch): void {
  if (!c.firstPass) return;
  m.answered = true;
  if (m.call.replyFrame === 0) m.call.replyFrame = c.frameNo;
}
