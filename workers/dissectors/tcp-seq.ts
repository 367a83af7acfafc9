// Runs the TCP sequence analysis (analysis/tcp-analysis.ts) for the segment being dissected: on
// the first pass it moves the stream's state on and keeps the frame's result; on later passes it
// reads the result back (or, for a stream's first segment, computes it again from the segment
// alone). `current` is the frame's result, which the tree, the Info column and the payload
// dispatch read. Beside it, the segment's times in its stream (tcp.time_relative, tcp.time_delta),
// which need the stream's state too: its first and previous segments.

import type { Ctx } from './context.ts';
import { ACK, PENDING, SYN, type TcpStreams } from '../analysis/tcp-state.ts';
import { SeqAck, StreamTimes, TA, mark, type Segment } from '../analysis/tcp-analysis.ts';
import { frameTime } from './frame.ts';
import { frameTimeOf } from './frame-times.ts';
import { timeDelta, type Delta } from '../analysis/nstime.ts';

/** The analysis of the segment being dissected. */
const current = new SeqAck();
/** The analysis of a segment that has none (never changed). */
const NOTHING = new SeqAck();

/** What dissect_tcp decided before the analysis from the stream's state (syn()). */
export const enum Pre {
  NONE = 0,
  /** A SYN with a new ISN opened a new stream, or a SYN-ACK restarted its direction's numbers. */
  REUSED = 1,
  /** The same SYN again: the analysis rewinds to flag it a retransmission. */
  SYN_AGAIN = 2,
}

const seg: Segment = { frame: 0, sec: 0, nsec: 0, seq: 0, ack: 0, len: 0, flags: 0, window: 0 };

/** First pass, before the base sequence numbers move: dissect_tcp's checks of a SYN or SYN-ACK. */
export function synRules(st: TcpStreams, fwd: number, flags: number, seq: number): Pre {
  if ((flags & (SYN | ACK)) === SYN) {
    if (st.reused) return Pre.REUSED;
    return st.hasBase(fwd) && st.baseSeq(fwd) === seq >>> 0 ? Pre.SYN_AGAIN : Pre.NONE;
  }
  if ((flags & (SYN | ACK)) === (SYN | ACK) && st.hasBase(fwd) && st.baseSeq(fwd) !== seq >>> 0) return Pre.REUSED;
  return Pre.NONE;
}

/**
 * The analysis of a segment of stream s (direction fwd = s * 2 + d) with a known length, into
 * `current`, and its times in the stream into `times`. `pre`: synRules() on the first pass (NONE
 * on later ones).
 */
export function analyzeSegment(c: Ctx, st: TcpStreams, fwd: number, seq: number, ack: number, len: number, flags: number, window: number, pre: Pre, times: StreamTimes): SeqAck {
  const A = st.analysis;
  const s = fwd >> 1;
  const d = fwd & 1;
  const ta = current;
  if (c.firstPass && !c.singlePass && st.notePending(s, c.frameNo, ack, len, flags, window)) {
    // the stream's first segment: noted, analysed when a second one comes (or again by a later
    // pass). What the first pass itself needs of its analysis: a zero window marks the packet (a
    // Warning), a keep-alive's payload is not dispatched; nothing else can flag a first segment
    // but a window update (seq and ack 0, a Chat note), which later passes find. Its times are 0.
    times.clear();
    if ((flags & 0x07) !== 0 || (window !== 0 && (len > 1 || seq >>> 0 !== 0xffffffff))) return NOTHING;
    ta.clear();
    fill(c.frameNo, 0, 0, seq, ack, len, flags, window);
    A.fresh(ta, d, seg, -1, st.baseSeq(fwd));
    return ta;
  }
  ta.clear();
  let k = st.slot(s);
  const t = frameTime(c);
  fill(c.frameNo, A.relSec(t.sec), t.nsec, seq, ack, len, flags, window);
  if (!c.firstPass) {
    if (c.frameNo === st.conv.first(s)) {
      // a stream's first segment: nothing came before it
      if (st.conv.hasOlder(s) && (flags & (SYN | ACK)) === SYN) ta.flags = TA.REUSED_PORTS;
      ta.exists = ta.flags !== 0;
      A.fresh(ta, d, seg, -1, st.baseSeq(fwd));
      times.clear();
    } else laterTimes(c, st, s, A.lookup(c.frameNo, s, ta), times);
    if (ta.exists && k > 0) A.irtt(ta, k);
    return ta;
  }
  if (k === PENDING) k = materialize(c, st, s);
  else if (k === 0) {
    k = A.newSlot();
    st.setSlot(s, k);
  }
  fill(c.frameNo, A.relSec(t.sec), t.nsec, seq, ack, len, flags, window);
  if (pre === Pre.REUSED) mark(ta, TA.REUSED_PORTS);
  else if (pre === Pre.SYN_AGAIN) {
    A.rewindSyn(k, d);
    ta.exists = true;
  }
  A.analyze(ta, k, d, seg, st.winScale(fwd ^ 1), st.baseSeq(fwd));
  afterAnalysis(st, k, d, flags, seg.sec, seg.nsec);
  const prev = A.times(k, c.frameNo, seg.sec, seg.nsec, times);
  if (!c.singlePass) A.record(c.frameNo, s, ta, prev);
  if (ta.exists) A.irtt(ta, k);
  return ta;
}

/** The times in stream s of a segment the analysis does not see (quoted by an ICMP error, or
 *  shorter than its own header), which Wireshark's timestamps count all the same. */
export function segmentTimes(c: Ctx, st: TcpStreams, s: number, times: StreamTimes): void {
  const A = st.analysis;
  if (!c.firstPass) {
    if (c.frameNo === st.conv.first(s)) times.clear();
    else laterTimes(c, st, s, A.lookup(c.frameNo, s, NO_ANALYSIS), times);
    return;
  }
  let k = st.slot(s);
  if (k === PENDING) k = materialize(c, st, s);
  else if (k === 0) {
    k = A.newSlot();
    st.setSlot(s, k);
  }
  const t = frameTime(c);
  const prev = A.times(k, c.frameNo, A.relSec(t.sec), t.nsec, times);
  if (!c.singlePass) A.record(c.frameNo, s, NO_ANALYSIS, prev);
}

/** Later passes: the times of a frame of stream s from the frame times, the stream's first frame
 *  and the previous segment's frame the first pass kept (`prev`). */
function laterTimes(c: Ctx, st: TcpStreams, s: number, prev: number, times: StreamTimes): void {
  const t = frameTime(c);
  const sec = t.sec;
  const nsec = t.nsec;
  const first = frameTimeOf(c, st.conv.first(s));
  timeDelta(span, sec, nsec, first.sec, first.nsec);
  times.relSec = span.sec;
  times.relNsec = span.nsec;
  if (prev === 0) {
    times.deltaSec = times.deltaNsec = 0;
    return;
  }
  const p = frameTimeOf(c, prev);
  timeDelta(span, sec, nsec, p.sec, p.nsec);
  times.deltaSec = span.sec;
  times.deltaNsec = span.nsec;
}

const span: Delta = { sec: 0, nsec: 0 };
/** Scratch for lookup() where only the previous frame is wanted, and the (absent) analysis that
 *  record() keeps beside a previous frame. */
const NO_ANALYSIS = new SeqAck();

/** First pass, before the segment's numbers move the stream's bases (noteSequence): a stream's
 *  noted first segment, whose numbers are read back from those bases, gets its slot now. */
export function settlePending(c: Ctx, st: TcpStreams, fwd: number): void {
  const s = fwd >> 1;
  if (st.slot(s) === PENDING && c.frameNo !== st.conv.first(s)) materialize(c, st, s);
}

/** First pass, after the options: the segment's SACK blocks, which the other direction's bytes
 *  in flight subtract. A stream whose first segment carries them gets its slot now. */
export function noteSacks(c: Ctx, st: TcpStreams, fwd: number, count: number, edges: Int32Array): void {
  if (!c.firstPass || count === 0) return;
  let k = st.slot(fwd >> 1);
  if (k === PENDING) k = materialize(c, st, fwd >> 1);
  if (k > 0) st.analysis.noteSacks(k, fwd & 1, count, edges);
}

/** A slot for stream s, its noted first segment replayed into it. */
function materialize(c: Ctx, st: TcpStreams, s: number): number {
  const A = st.analysis;
  st.pending(s, seg);
  const k = A.newSlot();
  // (the slot takes the word the noted segment's length was in)
  st.setSlot(s, k);
  const frame = st.conv.first(s);
  // (the stream's first frame is this one when its own SACK blocks called for the slot: its row,
  // where the first pass keeps its time, is not in the table yet)
  const t = frame === c.frameNo ? frameTime(c) : frameTimeOf(c, frame);
  seg.frame = frame;
  seg.sec = A.relSec(t.sec);
  seg.nsec = t.nsec;
  replayed.clear();
  if (st.conv.hasOlder(s) && (seg.flags & (SYN | ACK)) === SYN) mark(replayed, TA.REUSED_PORTS);
  // a noted segment opened its stream: direction 0 (a stream a quoted segment opened is analysed
  // eagerly, never noted)
  A.analyze(replayed, k, 0, seg, -1, st.baseSeq(s * 2));
  afterAnalysis(st, k, 0, seg.flags, seg.sec, seg.nsec);
  // the noted segment starts the stream's times (nothing was recorded for it: a later pass
  // knows a stream's first frame)
  A.times(k, frame, seg.sec, seg.nsec, replayedTimes);
  return k;
}

const replayed = new SeqAck();
const replayedTimes = new StreamTimes();

/** dissect_tcp after the analysis: a SYN starts the wait for the first pure ACK, which gives the
 *  stream's initial RTT. */
function afterAnalysis(st: TcpStreams, k: number, d: number, flags: number, sec: number, nsec: number): void {
  if (flags & SYN) st.analysis.noteSyn(k, d, !(flags & ACK), sec, nsec);
  else if (flags & ACK) st.analysis.notePureAck(k, d, sec, nsec);
}

function fill(frame: number, sec: number, nsec: number, seq: number, ack: number, len: number, flags: number, window: number): void {
  seg.frame = frame;
  seg.sec = sec;
  seg.nsec = nsec;
  seg.seq = seq;
  seg.ack = ack;
  seg.len = len;
  seg.flags = flags;
  seg.window = window;
}
