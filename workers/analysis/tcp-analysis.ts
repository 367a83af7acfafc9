// Wireshark's TCP sequence analysis (packet-tcp.c 4.0, tcp_analyze_sequence_number): per direction
// of each stream, the next expected sequence number, the last ACK and window, duplicate-ACK
// counts and the list of segments not yet acknowledged; per segment, the flags it raises
// (retransmission, lost segment, duplicate ACK, zero window …), the segment an ACK acknowledges
// and its RTT, and the bytes in flight. Run on the first pass in capture order; later passes read
// each frame's result back (lookup()), as Wireshark's second pass reads its acked_table.
//
// Memory. A capture of short connections opens one stream nearly every packet (the benchmark's mix:
// one a packet), and the full state is 60 words a stream. So a stream's first segment is only
// noted (two words of its conversation record, TcpStreams.notePending) and replayed into a state
// slot when its second segment comes; a one-segment stream never has a slot. Nothing is logged for
// a stream's first segment either: its analysis depends on nothing before it (every direction
// starts empty), so a later pass computes it again from the segment (fresh()). Frames whose
// analysis produced something are logged in frame order, a few words each.
//
// All sequence numbers are the raw 32-bit ones, compared modulo 2^32 as packet-tcp.c's GT_SEQ /
// LT_SEQ; windows are the raw 16-bit header field, as the analysis compares them.

import { grown } from '../fields/typed-arrays.ts';
import { timeDelta, type Delta } from './nstime.ts';

export const TA = {
  RETRANSMISSION: 0x0001,
  LOST_PACKET: 0x0002,
  ACK_LOST_PACKET: 0x0004,
  KEEP_ALIVE: 0x0008,
  DUPLICATE_ACK: 0x0010,
  ZERO_WINDOW: 0x0020,
  ZERO_WINDOW_PROBE: 0x0040,
  ZERO_WINDOW_PROBE_ACK: 0x0080,
  KEEP_ALIVE_ACK: 0x0100,
  OUT_OF_ORDER: 0x0200,
  FAST_RETRANSMISSION: 0x0400,
  WINDOW_UPDATE: 0x0800,
  WINDOW_FULL: 0x1000,
  REUSED_PORTS: 0x2000,
  SPURIOUS_RETRANSMISSION: 0x4000,
} as const;

const FIN = 0x01;
const SYN = 0x02;
const RST = 0x04;
const PSH = 0x08;
const ACK = 0x10;

/** A segment as the analysis reads it (raw numbers; `sec` relative to the capture's first). */
export interface Segment {
  frame: number;
  sec: number;
  nsec: number;
  seq: number;
  ack: number;
  len: number;
  flags: number;
  window: number;
}

/** One frame's analysis (Wireshark's struct tcp_acked); `exists` as its ta pointer being set. */
export class SeqAck {
  exists = false;
  flags = 0;
  dupackNum = 0;
  dupackFrame = 0;
  frameAcked = 0;
  rttSec = 0;
  rttNsec = 0;
  bytesInFlight = 0;
  pushBytesSent = 0;
  rtoFrame = 0;
  rtoSec = 0;
  rtoNsec = 0;
  /** The stream's initial RTT as known now (0, 0: not known). */
  irttSec = 0;
  irttNsec = 0;

  clear(): void {
    this.exists = false;
    this.flags = this.dupackNum = this.dupackFrame = this.frameAcked = 0;
    this.rttSec = this.rttNsec = this.bytesInFlight = this.pushBytesSent = 0;
    this.rtoFrame = this.rtoSec = this.rtoNsec = this.irttSec = this.irttNsec = 0;
  }
}

/** A segment's times in its stream (Wireshark's [Timestamps]: tcp.time_relative, tcp.time_delta),
 *  as nstime_delta leaves them. */
export class StreamTimes {
  relSec = 0;
  relNsec = 0;
  deltaSec = 0;
  deltaNsec = 0;

  clear(): void {
    this.relSec = this.relNsec = this.deltaSec = this.deltaNsec = 0;
  }
}

// Words of a direction (flow) in a slot.
/** Last raw window sent, -1 for none yet (Wireshark's G_MAXUINT32). */
const W_WINDOW = 0;
/** IS_FIRST_ACK | VALID_BIF | PUSH_SET_LAST, and the last segment's analysis flags << 16. */
const W_BITS = 1;
const W_LASTACK = 2;
const W_LASTACK_SEC = 3;
const W_LASTACK_NSEC = 4;
const W_LASTNONDUPACK = 5;
/** Duplicate ACKs counted; -1 (0xFFFFFFFF) after an ACKed-unseen that cannot be told from a dup ACK. */
const W_DUPACKNUM = 6;
const W_NEXTSEQ = 7;
const W_NEXTSEQ_FRAME = 8;
const W_NEXTSEQ_SEC = 9;
const W_NEXTSEQ_NSEC = 10;
const W_MAXSEQTOBEACKED = 11;
const W_PUSH_BYTES = 12;
/** Newest unacked segment's node + 1 (0: none), and how many there are. */
const W_UAL = 13;
const W_UAL_COUNT = 14;
const W_SACKS = 15;
const W_SACK = 16;
/** The unacked segments' lowest seq and highest nextseq relative to W_SPAN_BASE, while SPAN_KNOWN:
 *  bytes in flight without a walk of the list per segment (a one-way capture never acknowledges
 *  anything, and its list holds 10,000 segments). */
const W_SPAN_FIRST = 22;
const W_SPAN_LAST = 23;
const W_SPAN_BASE = 24;
const FLOW = 25;
// Words of the stream, after its two flows.
const S_SYN_SEC = 2 * FLOW;
const S_SYN_NSEC = S_SYN_SEC + 1;
const S_RTT_SEC = S_SYN_SEC + 2;
const S_RTT_NSEC = S_SYN_SEC + 3;
/** HAS_SYN_TIME | HAS_RTT | HAS_TIMES. */
const S_BITS = S_SYN_SEC + 4;
/** The stream's first segment's time (ts_first), and its latest segment's frame and time (ts_prev). */
const S_FIRST_SEC = S_SYN_SEC + 5;
const S_FIRST_NSEC = S_SYN_SEC + 6;
const S_PREV_FRAME = S_SYN_SEC + 7;
const S_PREV_SEC = S_SYN_SEC + 8;
const S_PREV_NSEC = S_SYN_SEC + 9;
const SLOT = S_SYN_SEC + 10;

const IS_FIRST_ACK = 1;
const VALID_BIF = 2;
const PUSH_SET_LAST = 4;
const SPAN_KNOWN = 8;
const HAS_SYN_TIME = 1;
const HAS_RTT = 2;
const HAS_TIMES = 4;

/** Wireshark's TCP_MAX_UNACKED_SEGMENTS. */
const MAX_UNACKED = 10000;
// Unacked segment nodes: frame, seq, nextseq, sec, nsec, next node + 1.
const N_FRAME = 0;
const N_SEQ = 1;
const N_NEXTSEQ = 2;
const N_SEC = 3;
const N_NSEC = 4;
const N_NEXT = 5;
const NODE = 6;

// Log entries: frame, stream, flags | parts << 16, then the parts present.
const P_DUP = 1;
const P_ACKED = 2;
const P_BIF = 4;
const P_RTO = 8;
/** The frame has an analysis (SeqAck.exists); an entry without it holds only P_PREV. */
const P_EXISTS = 16;
/** The stream's previous segment's frame (tcp.time_delta). */
const P_PREV = 32;

const gt = (a: number, b: number): boolean => ((b - a) | 0) < 0;
const lt = (a: number, b: number): boolean => ((a - b) | 0) < 0;
const le = (a: number, b: number): boolean => ((a - b) | 0) <= 0;
/** Nanoseconds from (s0, ns0) to (s, ns) as a double (exact for the spans a capture has). */
const nanos = (s: number, ns: number, s0: number, ns0: number): number => (s - s0) * 1e9 + (ns - ns0);

export class TcpAnalysis {
  /** Slot words; slot 0 is the scratch slot of fresh(). */
  private slots = new Int32Array(SLOT * 64);
  private slotCount = 1;
  private nodes = new Int32Array(NODE * 256);
  private nodeCount = 0;
  /** Free node + 1, chained through N_NEXT. */
  private freeNode = 0;
  private logFrames = new Uint32Array(256);
  private logAt = new Int32Array(256);
  private logCount = 0;
  private log = new Int32Array(1024);
  private logUsed = 0;
  /** The seconds subtracted from every time kept (the first segment's), so that they fit a word. */
  private epoch = NaN;

  reset(): void {
    this.slotCount = 1;
    this.nodeCount = 0;
    this.freeNode = 0;
    this.logCount = 0;
    this.logUsed = 0;
    this.epoch = NaN;
  }

  /** The time `sec` as kept (seconds after the capture's first segment). */
  relSec(sec: number): number {
    if (Number.isNaN(this.epoch)) this.epoch = sec;
    return sec - this.epoch;
  }

  /** A new slot with both directions empty. */
  newSlot(): number {
    const k = this.slotCount++;
    if (this.slotCount * SLOT > this.slots.length) this.slots = grown(this.slots, this.slots.length * 2);
    this.clearSlot(k);
    return k;
  }

  private clearSlot(k: number): void {
    const s = this.slots;
    const o = k * SLOT;
    s.fill(0, o, o + SLOT);
    for (let d = 0; d < 2; d++) {
      s[o + d * FLOW + W_WINDOW] = -1;
      s[o + d * FLOW + W_BITS] = VALID_BIF;
    }
  }

  /**
   * Analyse segment `p` of direction `d` of slot `k` into `ta` (cleared first unless `keep`: the
   * REUSED_PORTS / retransmitted-SYN ta made before). `winScale(d)` is each direction's window
   * scale (tcp-state.ts: -1 unknown, -2 not used), `baseSeq` the sender's base sequence number.
   */
  analyze(ta: SeqAck, k: number, d: number, p: Segment, revScale: number, baseSeq: number): void {
    const s = this.slots;
    const fwd = k * SLOT + d * FLOW;
    const rev = k * SLOT + (d ^ 1) * FLOW;
    const seq = p.seq >>> 0;
    const ack = p.ack >>> 0;
    const seglen = p.len;
    const flags = p.flags;
    const window = p.window;
    const nextseq = (s[fwd + W_NEXTSEQ] as number) >>> 0;
    const lastack = (s[fwd + W_LASTACK] as number) >>> 0;
    const fwdWindow = s[fwd + W_WINDOW] as number;
    const sfr = flags & (SYN | FIN | RST);
    s[fwd + W_SACKS] = 0;
    if (flags & ACK) s[rev + W_BITS] = (s[rev + W_BITS] as number) | VALID_BIF;

    forward: {
      if (seglen === 1 && seq === nextseq && s[rev + W_WINDOW] === 0) {
        mark(ta, TA.ZERO_WINDOW_PROBE);
        break forward;
      }
      if (window === 0 && !sfr) mark(ta, TA.ZERO_WINDOW);
      if (nextseq !== 0 && gt(seq, nextseq) && !(flags & RST)) {
        mark(ta, TA.LOST_PACKET);
        s[fwd + W_BITS] = (s[fwd + W_BITS] as number) & ~VALID_BIF;
      }
      if ((seglen === 0 || seglen === 1) && seq === ((nextseq - 1) >>> 0) && !sfr) mark(ta, TA.KEEP_ALIVE);
      if (seglen === 0 && window !== 0 && window !== fwdWindow && seq === nextseq && ack === lastack && !sfr) mark(ta, TA.WINDOW_UPDATE);
      if (seglen > 0 && revScale !== -1 && !sfr) {
        const revBits = s[rev + W_BITS] as number;
        const shift = revBits & IS_FIRST_ACK || revScale === -2 ? 0 : revScale;
        if (((seq + seglen) >>> 0) === (((s[rev + W_LASTACK] as number) + ((s[rev + W_WINDOW] as number) << shift)) >>> 0)) mark(ta, TA.WINDOW_FULL);
      }
      const same = seglen === 0 && window === fwdWindow && seq === nextseq && ack === lastack && !sfr;
      const revFlags = (s[rev + W_BITS] as number) >>> 16;
      if (same && window !== 0 && revFlags & TA.KEEP_ALIVE) {
        mark(ta, TA.KEEP_ALIVE_ACK);
        break forward;
      }
      if (same && window === 0 && revFlags & TA.ZERO_WINDOW_PROBE) {
        mark(ta, TA.ZERO_WINDOW_PROBE_ACK);
        break forward;
      }
      if (same && window !== 0) {
        const n = s[fwd + W_DUPACKNUM] as number;
        const dup = n === -1 ? 1 : n + 1;
        s[fwd + W_DUPACKNUM] = dup;
        mark(ta, TA.DUPLICATE_ACK);
        ta.dupackNum = dup >>> 0;
        ta.dupackFrame = (s[fwd + W_LASTNONDUPACK] as number) >>> 0;
      }
    }

    // finished_fwd
    if (ack !== lastack) {
      s[fwd + W_LASTNONDUPACK] = p.frame;
      s[fwd + W_DUPACKNUM] = 0;
    }
    const revMax = (s[rev + W_MAXSEQTOBEACKED] as number) >>> 0;
    if (revMax !== 0 && gt(ack, revMax) && flags & ACK) {
      ta.exists = true;
      const revNext = (s[rev + W_NEXTSEQ] as number) >>> 0;
      if (lt(revMax, revNext)) {
        s[rev + W_MAXSEQTOBEACKED] = revNext;
        ta.flags |= TA.ACK_LOST_PACKET;
      } else {
        if (s[rev + W_DUPACKNUM] === 0) ta.flags |= TA.ACK_LOST_PACKET;
        s[rev + W_DUPACKNUM] = -1;
      }
    }

    const sec = p.sec;
    const nsec = p.nsec;
    if (seglen > 0 || flags & (SYN | FIN)) this.retransmission(ta, s, fwd, rev, k, p, nextseq);

    // finished_checking_retransmission_type: the state moves on
    let next = (seq + seglen) >>> 0;
    if ((seglen > 0 || flags & (SYN | FIN)) && (s[fwd + W_UAL_COUNT] as number) < MAX_UNACKED) {
      if (flags & (SYN | FIN)) next = (next + 1) >>> 0;
      const n = this.newNode();
      const o = n * NODE;
      const nd = this.nodes;
      nd[o + N_FRAME] = p.frame;
      nd[o + N_SEQ] = seq;
      nd[o + N_NEXTSEQ] = next;
      nd[o + N_SEC] = sec;
      nd[o + N_NSEC] = nsec;
      nd[o + N_NEXT] = s[fwd + W_UAL] as number;
      s[fwd + W_UAL] = n + 1;
      s[fwd + W_UAL_COUNT] = (s[fwd + W_UAL_COUNT] as number) + 1;
      this.widenSpan(s, fwd, seq, next, baseSeq);
    }
    const zwp = ta.exists && ta.flags & TA.ZERO_WINDOW_PROBE;
    if ((gt(next, (s[fwd + W_NEXTSEQ] as number) >>> 0) || s[fwd + W_NEXTSEQ] === 0) && !zwp) {
      s[fwd + W_NEXTSEQ] = next;
      s[fwd + W_NEXTSEQ_FRAME] = p.frame;
      s[fwd + W_NEXTSEQ_SEC] = sec;
      s[fwd + W_NEXTSEQ_NSEC] = nsec;
    }
    const maxseq = (s[fwd + W_MAXSEQTOBEACKED] as number) >>> 0;
    if ((seq === maxseq || maxseq === 0) && !zwp) s[fwd + W_MAXSEQTOBEACKED] = s[fwd + W_NEXTSEQ] as number;
    s[fwd + W_WINDOW] = window;
    s[fwd + W_LASTACK] = ack;
    s[fwd + W_LASTACK_SEC] = sec;
    s[fwd + W_LASTACK_NSEC] = nsec;
    s[fwd + W_BITS] = ((s[fwd + W_BITS] as number) & 0xffff) | ((ta.exists ? ta.flags : 0) << 16);

    this.acked(ta, s, rev, ack, sec, nsec);
    this.inFlight(ta, s, fwd, rev, p, baseSeq);
  }

  /** The SACK blocks (`edges`: left, right pairs) of direction d's last segment, which the other
   *  direction's bytes in flight subtract; at most 3 kept, as dissect_tcpopt_sack keeps them. */
  noteSacks(k: number, d: number, count: number, edges: Int32Array): void {
    const s = this.slots;
    const o = k * SLOT + d * FLOW;
    const n = Math.min(count, 3);
    s[o + W_SACKS] = n;
    for (let i = 0; i < 2 * n; i++) s[o + W_SACK + i] = edges[i] as number;
  }

  /** The retransmission family (spurious, fast, out-of-order, plain), for a segment that takes
   *  sequence space. */
  private retransmission(ta: SeqAck, s: Int32Array, fwd: number, rev: number, k: number, p: Segment, nextseq: number): void {
    const seq = p.seq >>> 0;
    const seglen = p.len;
    let notAdvanced = nextseq !== 0 && lt(seq, nextseq);
    if (ta.exists && ta.flags & TA.KEEP_ALIVE) return;
    if (seglen > 1 && ((nextseq - 1) >>> 0) === seq) notAdvanced = false;
    const revLastack = (s[rev + W_LASTACK] as number) >>> 0;
    if (seglen > 0 && revLastack !== 0 && le((seq + seglen) >>> 0, revLastack)) {
      mark(ta, TA.SPURIOUS_RETRANSMISSION);
      return;
    }
    const sinceRev = nanos(p.sec, p.nsec, s[rev + W_LASTACK_SEC] as number, s[rev + W_LASTACK_NSEC] as number);
    if (notAdvanced && ((s[rev + W_DUPACKNUM] as number) >>> 0) >= 2 && revLastack === seq && sinceRev >= 0 && sinceRev < 20e6) {
      mark(ta, TA.FAST_RETRANSMISSION);
      return;
    }
    const sinceNext = nanos(p.sec, p.nsec, s[fwd + W_NEXTSEQ_SEC] as number, s[fwd + W_NEXTSEQ_NSEC] as number);
    const o = k * SLOT;
    const thres = s[o + S_BITS]! & HAS_RTT ? nanos(s[o + S_RTT_SEC] as number, s[o + S_RTT_NSEC] as number, 0, 0) : 3e6;
    if (notAdvanced && sinceNext >= 0 && sinceNext < thres && nextseq !== ((seq + seglen + (p.flags & (SYN | FIN) ? 1 : 0)) >>> 0)) {
      mark(ta, TA.OUT_OF_ORDER);
      return;
    }
    if (!notAdvanced) return;
    mark(ta, TA.RETRANSMISSION);
    // the RTO from the oldest segment not yet acknowledged, else from the highest one sent
    let frame = s[fwd + W_NEXTSEQ_FRAME] as number;
    let ts = s[fwd + W_NEXTSEQ_SEC] as number;
    let tns = s[fwd + W_NEXTSEQ_NSEC] as number;
    const nd = this.nodes;
    for (let n = s[fwd + W_UAL] as number; n !== 0; n = nd[(n - 1) * NODE + N_NEXT] as number) {
      const q = (n - 1) * NODE;
      frame = nd[q + N_FRAME] as number;
      ts = nd[q + N_SEC] as number;
      tns = nd[q + N_NSEC] as number;
    }
    ta.rtoFrame = frame >>> 0;
    timeDelta(dt, p.sec, p.nsec, ts, tns);
    ta.rtoSec = dt.sec;
    ta.rtoNsec = dt.nsec;
  }

  /** The reverse direction's segments this ACK acknowledges: the oldest exact match names the
   *  frame and the RTT; acknowledged segments leave the list, partly acknowledged ones shrink. */
  private acked(ta: SeqAck, s: Int32Array, rev: number, ack: number, sec: number, nsec: number): void {
    const nd = this.nodes;
    let prev = 0;
    let n = s[rev + W_UAL] as number;
    while (n !== 0) {
      const q = (n - 1) * NODE;
      const useq = (nd[q + N_SEQ] as number) >>> 0;
      const unext = (nd[q + N_NEXTSEQ] as number) >>> 0;
      if (ack === unext) {
        ta.exists = true;
        ta.frameAcked = (nd[q + N_FRAME] as number) >>> 0;
        timeDelta(dt, sec, nsec, nd[q + N_SEC] as number, nd[q + N_NSEC] as number);
        ta.rttSec = dt.sec;
        ta.rttNsec = dt.nsec;
      } else if (gt(ack, useq) && le(ack, unext)) {
        nd[q + N_SEQ] = ack;
        s[rev + W_BITS] = (s[rev + W_BITS] as number) & ~SPAN_KNOWN;
        continue;
      } else if (gt(unext, ack)) {
        prev = n;
        n = nd[q + N_NEXT] as number;
        continue;
      }
      const next = nd[q + N_NEXT] as number;
      s[rev + W_BITS] = (s[rev + W_BITS] as number) & ~SPAN_KNOWN;
      if (prev === 0) s[rev + W_UAL] = next;
      else nd[(prev - 1) * NODE + N_NEXT] = next;
      nd[q + N_NEXT] = this.freeNode;
      this.freeNode = n;
      s[rev + W_UAL_COUNT] = (s[rev + W_UAL_COUNT] as number) - 1;
      n = next;
    }
  }

  /** Bytes in flight (the span of the sender's unacknowledged segments less what the other side
   *  SACKed last) and bytes sent since the last PSH, for a segment with data. */
  private inFlight(ta: SeqAck, s: Int32Array, fwd: number, rev: number, p: Segment, baseSeq: number): void {
    const head = s[fwd + W_UAL] as number;
    if (p.len === 0 || head === 0 || !((s[fwd + W_BITS] as number) & VALID_BIF)) return;
    if (!((s[fwd + W_BITS] as number) & SPAN_KNOWN) || s[fwd + W_SPAN_BASE] !== (baseSeq | 0)) this.measureSpan(s, fwd, head, baseSeq);
    let inFlight = (((s[fwd + W_SPAN_LAST] as number) >>> 0) - ((s[fwd + W_SPAN_FIRST] as number) >>> 0)) >>> 0;
    const sacks = s[rev + W_SACKS] as number;
    let delivered = 0;
    for (let i = 0; i < sacks; i++) delivered = (delivered + (s[rev + W_SACK + 2 * i + 1] as number) - (s[rev + W_SACK + 2 * i] as number)) >>> 0;
    if (sacks > 0) inFlight = (inFlight - delivered) >>> 0;
    if (inFlight > 0 && inFlight < 2000000000) {
      ta.exists = true;
      ta.bytesInFlight = p.flags & (SYN | FIN) ? inFlight - 1 : inFlight;
    }
    let bits = s[fwd + W_BITS] as number;
    let pushed = s[fwd + W_PUSH_BYTES] as number;
    if (p.flags & PSH) {
      pushed = bits & PUSH_SET_LAST ? p.len : pushed + p.len;
      bits |= PUSH_SET_LAST;
    } else if (bits & PUSH_SET_LAST) {
      pushed = p.len;
      bits &= ~PUSH_SET_LAST;
    } else pushed += p.len;
    s[fwd + W_PUSH_BYTES] = pushed;
    s[fwd + W_BITS] = bits;
    ta.exists = true;
    ta.pushBytesSent = pushed >>> 0;
  }

  /** The span of direction `fwd`'s unacked segments (from `head`), relative to `baseSeq`, as
   *  packet-tcp.c measures it for bytes in flight: the lowest seq and the highest nextseq. */
  private measureSpan(s: Int32Array, fwd: number, head: number, baseSeq: number): void {
    const nd = this.nodes;
    let first = ((nd[(head - 1) * NODE + N_SEQ] as number) - baseSeq) >>> 0;
    let last = ((nd[(head - 1) * NODE + N_NEXTSEQ] as number) - baseSeq) >>> 0;
    for (let n = head; n !== 0; n = nd[(n - 1) * NODE + N_NEXT] as number) {
      const q = (n - 1) * NODE;
      const e = ((nd[q + N_NEXTSEQ] as number) - baseSeq) >>> 0;
      const b = ((nd[q + N_SEQ] as number) - baseSeq) >>> 0;
      if (e > last) last = e;
      if (b < first) first = b;
    }
    s[fwd + W_SPAN_FIRST] = first;
    s[fwd + W_SPAN_LAST] = last;
    s[fwd + W_SPAN_BASE] = baseSeq;
    s[fwd + W_BITS] = (s[fwd + W_BITS] as number) | SPAN_KNOWN;
  }

  /** A segment [seq, next) joined direction `fwd`'s unacked list: the span known takes it in. */
  private widenSpan(s: Int32Array, fwd: number, seq: number, next: number, baseSeq: number): void {
    const bits = s[fwd + W_BITS] as number;
    if (!(bits & SPAN_KNOWN)) return;
    if (s[fwd + W_SPAN_BASE] !== (baseSeq | 0)) {
      s[fwd + W_BITS] = bits & ~SPAN_KNOWN;
      return;
    }
    const b = (seq - baseSeq) >>> 0;
    const e = (next - baseSeq) >>> 0;
    if (b < (s[fwd + W_SPAN_FIRST] as number) >>> 0) s[fwd + W_SPAN_FIRST] = b;
    if (e > (s[fwd + W_SPAN_LAST] as number) >>> 0) s[fwd + W_SPAN_LAST] = e;
  }

  private newNode(): number {
    if (this.freeNode !== 0) {
      const n = this.freeNode - 1;
      this.freeNode = this.nodes[n * NODE + N_NEXT] as number;
      return n;
    }
    const n = this.nodeCount++;
    if (this.nodeCount * NODE > this.nodes.length) this.nodes = grown(this.nodes, this.nodes.length * 2);
    return n;
  }

  /** A retransmitted SYN (the same ISN again): Wireshark rewinds nextseq to what was acknowledged
   *  so that the analysis calls it a retransmission. */
  rewindSyn(k: number, d: number): void {
    const o = k * SLOT + d * FLOW;
    this.slots[o + W_NEXTSEQ] = this.slots[o + W_MAXSEQTOBEACKED] as number;
  }

  /** A SYN of direction d: its first pure ACK will take the scaled window (is_first_ack). */
  noteSyn(k: number, d: number, pureSyn: boolean, sec: number, nsec: number): void {
    const s = this.slots;
    const o = k * SLOT;
    s[o + d * FLOW + W_BITS] = (s[o + d * FLOW + W_BITS] as number) | IS_FIRST_ACK;
    if (pureSyn) {
      s[o + S_SYN_SEC] = sec;
      s[o + S_SYN_NSEC] = nsec;
      s[o + S_BITS] = (s[o + S_BITS] as number) | HAS_SYN_TIME;
    }
  }

  /** A pure ACK of direction d: the first after a SYN gives the initial RTT (ts_first_rtt). */
  notePureAck(k: number, d: number, sec: number, nsec: number): void {
    const s = this.slots;
    const o = k * SLOT;
    const bits = s[o + S_BITS] as number;
    if (bits & HAS_SYN_TIME && !(bits & HAS_RTT)) {
      timeDelta(dt, sec, nsec, s[o + S_SYN_SEC] as number, s[o + S_SYN_NSEC] as number);
      if (dt.sec !== 0 || dt.nsec !== 0) {
        s[o + S_RTT_SEC] = dt.sec;
        s[o + S_RTT_NSEC] = dt.nsec;
        s[o + S_BITS] = bits | HAS_RTT;
      }
    }
    s[o + d * FLOW + W_BITS] = (s[o + d * FLOW + W_BITS] as number) & ~IS_FIRST_ACK;
  }

  /**
   * First pass, every segment of the stream in slot k (packet-tcp.c's tcp_calculate_timestamps):
   * its time since the stream's first segment and since the previous one into `out`; it becomes
   * the previous one. Returns the previous segment's frame, 0 for the stream's first segment
   * (whose times are 0: ts_first and ts_prev start at it).
   */
  times(k: number, frame: number, sec: number, nsec: number, out: StreamTimes): number {
    const s = this.slots;
    const o = k * SLOT;
    let prev = 0;
    if (!((s[o + S_BITS] as number) & HAS_TIMES)) {
      s[o + S_BITS] = (s[o + S_BITS] as number) | HAS_TIMES;
      s[o + S_FIRST_SEC] = sec;
      s[o + S_FIRST_NSEC] = nsec;
      out.clear();
    } else {
      prev = (s[o + S_PREV_FRAME] as number) >>> 0;
      timeDelta(dt, sec, nsec, s[o + S_FIRST_SEC] as number, s[o + S_FIRST_NSEC] as number);
      out.relSec = dt.sec;
      out.relNsec = dt.nsec;
      timeDelta(dt, sec, nsec, s[o + S_PREV_SEC] as number, s[o + S_PREV_NSEC] as number);
      out.deltaSec = dt.sec;
      out.deltaNsec = dt.nsec;
    }
    s[o + S_PREV_FRAME] = frame;
    s[o + S_PREV_SEC] = sec;
    s[o + S_PREV_NSEC] = nsec;
    return prev;
  }

  /** The stream's initial RTT into `ta` (as known now). */
  irtt(ta: SeqAck, k: number): void {
    const s = this.slots;
    const o = k * SLOT;
    if (!((s[o + S_BITS] as number) & HAS_RTT)) return;
    ta.irttSec = s[o + S_RTT_SEC] as number;
    ta.irttNsec = s[o + S_RTT_NSEC] as number;
  }

  /** Keep frame `frame`'s analysis (stream `stream`) and its stream's previous segment's frame
   *  (`prev`, 0 for none) for later passes. Frames come in order. */
  record(frame: number, stream: number, ta: SeqAck, prev: number): void {
    if (!ta.exists && prev === 0) return;
    const parts = !ta.exists ? P_PREV : (ta.dupackNum !== 0 ? P_DUP : 0) | (ta.frameAcked !== 0 ? P_ACKED : 0) |
      (ta.bytesInFlight !== 0 || ta.pushBytesSent !== 0 ? P_BIF : 0) | (ta.rtoFrame !== 0 || ta.rtoSec !== 0 || ta.rtoNsec !== 0 ? P_RTO : 0) |
      P_EXISTS | (prev !== 0 ? P_PREV : 0);
    if (this.logCount === this.logFrames.length) {
      this.logFrames = grown(this.logFrames, this.logCount * 2);
      this.logAt = grown(this.logAt, this.logCount * 2);
    }
    if (this.logUsed + 15 > this.log.length) this.log = grown(this.log, this.log.length * 2);
    this.logFrames[this.logCount] = frame;
    this.logAt[this.logCount++] = this.logUsed;
    const l = this.log;
    let o = this.logUsed;
    l[o++] = stream;
    l[o++] = ta.flags | (parts << 16);
    if (parts & P_DUP) {
      l[o++] = ta.dupackNum;
      l[o++] = ta.dupackFrame;
    }
    if (parts & P_ACKED) {
      l[o++] = ta.frameAcked;
      l[o++] = ta.rttSec;
      l[o++] = ta.rttNsec;
    }
    if (parts & P_BIF) {
      l[o++] = ta.bytesInFlight;
      l[o++] = ta.pushBytesSent;
    }
    if (parts & P_RTO) {
      l[o++] = ta.rtoFrame;
      l[o++] = ta.rtoSec;
      l[o++] = ta.rtoNsec;
    }
    if (parts & P_PREV) l[o++] = frame - prev;
    this.logUsed = o;
  }

  /** Later passes: frame `frame`'s analysis in stream `stream` into `ta` (ta.exists false: none);
   *  returns the stream's previous segment's frame (0: none kept). */
  lookup(frame: number, stream: number, ta: SeqAck): number {
    ta.clear();
    const f = this.logFrames;
    let lo = 0;
    let hi = this.logCount;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((f[mid] as number) < frame) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.logCount && f[i] === frame; i++) {
      const l = this.log;
      let o = this.logAt[i] as number;
      if (l[o++] !== stream) continue;
      const w = l[o++] as number;
      const parts = w >>> 16;
      ta.exists = (parts & P_EXISTS) !== 0;
      ta.flags = w & 0xffff;
      if (parts & P_DUP) {
        ta.dupackNum = (l[o++] as number) >>> 0;
        ta.dupackFrame = (l[o++] as number) >>> 0;
      }
      if (parts & P_ACKED) {
        ta.frameAcked = (l[o++] as number) >>> 0;
        ta.rttSec = l[o++] as number;
        ta.rttNsec = l[o++] as number;
      }
      if (parts & P_BIF) {
        ta.bytesInFlight = (l[o++] as number) >>> 0;
        ta.pushBytesSent = (l[o++] as number) >>> 0;
      }
      if (parts & P_RTO) {
        ta.rtoFrame = (l[o++] as number) >>> 0;
        ta.rtoSec = l[o++] as number;
        ta.rtoNsec = l[o++] as number;
      }
      return parts & P_PREV ? frame - ((l[o] as number) >>> 0) : 0;
    }
    return 0;
  }

  /** The analysis of a stream's first segment, which starts from nothing: computed again on a
   *  scratch slot, which it leaves as it found it. */
  fresh(ta: SeqAck, d: number, p: Segment, revScale: number, baseSeq: number): void {
    this.clearSlot(0);
    const nodes = this.nodeCount;
    const free = this.freeNode;
    const freeNext = free !== 0 ? (this.nodes[(free - 1) * NODE + N_NEXT] as number) : 0;
    this.analyze(ta, 0, d, p, revScale, baseSeq);
    // the one node the segment may have taken goes back where it came from
    const head = this.slots[d * FLOW + W_UAL] as number;
    if (head === 0) return;
    if (head - 1 === nodes) this.nodeCount = nodes;
    else {
      this.freeNode = free;
      this.nodes[(free - 1) * NODE + N_NEXT] = freeNext;
    }
  }

  /** Bytes kept: slots, unacked-segment nodes and the per-frame log. */
  get byteSize(): number {
    return this.slots.byteLength + this.nodes.byteLength + this.logFrames.byteLength + this.logAt.byteLength + this.log.byteLength;
  }
}

/** Set `flag` on `ta` (which exists from then on: Wireshark's "create ta" before a flag). */
export function mark(ta: SeqAck, flag: number): void {
  ta.exists = true;
  ta.flags |= flag;
}

/** The last nstime_delta (frame-times.ts: nanoseconds as a C int, as Wireshark's). */
const dt: Delta = { sec: 0, nsec: 0 };
