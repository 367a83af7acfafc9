// Per-capture transport state (Wireshark's struct tcp_analysis, one per TCP conversation, and
// the UDP conversation list): stream numbers, each direction's base sequence number for relative
// sequence numbers, and each direction's window scale. It is kept beside the capture's Reassembly
// object (one per PacketDissector), filled on the first pass in file order and only read on later
// passes, when a frame's values come out of the final state as Wireshark's do when it revisits a
// frame.
//
// Memory: eight words of each TCP conversation's record (tcp-conversations.ts): the three above,
// and the sequence analysis's (tcp-analysis.ts) slot and noted first segment; and two bytes a
// stream for its completeness. Nothing per packet.

import type { Ctx } from '../dissectors/context.ts';
import { ConversationTable, OPENED_AT } from './tcp-conversations.ts';
import { TcpPduTable } from './tcp-reassembly.ts';
import { NO_PAGES, type PageSource } from '../memory/page-source.ts';
import { perCapture } from './per-capture.ts';
import { TcpAnalysis } from './tcp-analysis.ts';
import { grown } from '../fields/typed-arrays.ts';

/** Window scale of a direction not yet known (Wireshark's -1, "unknown"). */
export const WS_UNKNOWN = -1;
/** Window scaling known not to be used on this connection (Wireshark's -2). */
export const WS_NOT_USED = -2;

/**
 * Per-stream state in three user words of the conversation's record (beside its key, with no
 * arrays of its own to grow): the base sequence number of each direction, then one word of STATE
 * bits. A new record's words are zero, which reads as "nothing known".
 */
const BASE_SEQ = 0;
const STATE = 2;
/** base_seq of direction d is set (TCP_S_BASE_SEQ_SET: 0 is a legal ISN, so a flag says it). */
const BASE_SET = 1;
const ACCECN_SHIFT = 2;
/** Window scale of direction d in 5 bits at WS_SHIFT + 5 * d, stored as (scale + 2) ^ 1 so that
 *  the zero of a new record reads WS_UNKNOWN. */
const WS_SHIFT = 4;
const SERVER_PORT_SHIFT = 16;
/** The sequence analysis (tcp-analysis.ts) of the stream, in 2 bits of STATE: nothing yet, its
 *  first segment noted (NOTED), or a state slot (SLOTTED). */
const ANALYSIS_SHIFT = 14;
const NOTED = 1;
const SLOTTED = 2;
/** NOTED: the first segment's length; SLOTTED: the slot. */
const ANALYSIS_A = 3;
/** NOTED: the first segment's flags (12 bits) and window << 12. Its sequence and acknowledgment
 *  numbers are the bases it set (noteSequence): seq = base (SYN) or base + 1, ack = the other
 *  direction's base + 1 when ACK is set; without ACK the other direction has no base yet, and its
 *  word holds the raw acknowledgment number until the stream's second segment (settlePending,
 *  before that segment's noteSequence can set the base). */
const ANALYSIS_B = 4;
export const PENDING = -1;

export class TcpStreams {
  readonly conv = new ConversationTable(5);
  readonly analysis = new TcpAnalysis();
  /** Whether the last stream() opened a new stream for a SYN with a new ISN (ports reused). */
  reused = false;
  /** Each stream's conversation completeness (COMPLETENESS bits) as the first pass leaves it,
   *  << 8 what its first segment would add to it were it not new (see completeness()), and in bits
   *  14 and 15 which directions started closing it (closing()). */
  private complete = new Uint16Array(0);

  constructor() {
    // through its growth path, not at a size above: see fields/typed-arrays.ts (V8 field constness)
    this.complete = grown(this.complete, 1024);
  }

  reset(): void {
    this.conv.reset();
    this.analysis.reset();
    this.complete.fill(0);
  }

  /**
   * tcp.completeness of stream s: on the first pass, what it has seen of the stream so far; on a
   * later one, all of it, as tshark's second pass shows it, which adds every segment to the value
   * again, this time the first one too as a segment of a stream it did not open: on every segment
   * after the first (`revisit`), its bits are in.
   */
  completeness(s: number, revisit = false): number {
    const v = s < this.complete.length ? (this.complete[s] as number) : 0;
    return revisit ? (v | (v >>> 8)) & 0x3f : v & 0x3f;
  }

  /**
   * First pass, after a segment's header (packet-tcp.c 4.0): a pure SYN that opened its stream
   * starts it at SYN_SENT (with DATA for TCP Fast Open's payload); any other segment adds what it
   * shows: a SYN-ACK, a pure ACK or data, a FIN-ACK, a reset. `opened`: this segment's frame
   * created the stream (not one for reused ports, which stream() starts at SYN_SENT).
   */
  noteCompleteness(s: number, opened: boolean, flags: number, seglen: number): void {
    let shown = 0;
    if ((flags & (SYN | ACK)) === (SYN | ACK)) shown |= COMPLETENESS.SYN_ACK;
    if ((flags & (SYN | ACK)) === ACK) shown |= seglen > 0 ? COMPLETENESS.DATA : COMPLETENESS.ACK;
    if ((flags & (FIN | ACK)) === (FIN | ACK)) shown |= COMPLETENESS.FIN;
    if (flags & RST) shown |= COMPLETENESS.RST;
    const closing = (this.complete[s] ?? 0) & (3 * CLOSING_BIT);
    if (!opened) this.setCompleteness(s, (this.complete[s] ?? 0) | shown);
    else if ((flags & (SYN | ACK)) === SYN) this.setCompleteness(s, closing | (seglen > 0 ? COMPLETENESS.SYN_SENT | COMPLETENESS.DATA : COMPLETENESS.SYN_SENT) | (shown << 8));
    else this.setCompleteness(s, closing | (shown << 8));
  }

  /**
   * A FIN of direction fwd (stream * 2 + direction): packet-tcp.c's closing_initiator. The
   * direction starts the closing (1) unless the other one already did (2); the first pass records
   * it (`note`), a later pass reads the final state.
   */
  closing(fwd: number, note: boolean): number {
    const s = fwd >> 1;
    const v = s < this.complete.length ? (this.complete[s] as number) : 0;
    if (v & (CLOSING_BIT << ((fwd & 1) ^ 1))) return 2;
    if (note) this.setCompleteness(s, v | (CLOSING_BIT << (fwd & 1)));
    return 1;
  }

  private setCompleteness(s: number, v: number): void {
    if (s >= this.complete.length) this.complete = grown(this.complete, Math.max(s + 1, this.complete.length * 2));
    this.complete[s] = v;
  }

  /** The sequence analysis slot of stream s (0: none, PENDING: first segment noted). */
  slot(s: number): number {
    const mode = (this.conv.user(s, STATE) >>> ANALYSIS_SHIFT) & 3;
    return mode === SLOTTED ? this.conv.user(s, ANALYSIS_A) : mode === NOTED ? PENDING : 0;
  }

  setSlot(s: number, k: number): void {
    const cv = this.conv;
    cv.setUser(s, STATE, (cv.user(s, STATE) & ~(3 << ANALYSIS_SHIFT)) | (SLOTTED << ANALYSIS_SHIFT));
    cv.setUser(s, ANALYSIS_A, k);
  }

  /** If `frame` opened stream s and nothing of it was analysed yet: note the segment (after
   *  noteSequence took its numbers), to be analysed when a second one comes (tcp-analysis.ts),
   *  and return true. One record lookup: this runs for every segment of the index pass. */
  notePending(s: number, frame: number, ack: number, len: number, flags: number, window: number): boolean {
    const w = this.conv.record(s);
    const o = this.conv.recordAt;
    const st = w[o + STATE] as number;
    if ((st >>> ANALYSIS_SHIFT) & 3 || (w[o + OPENED_AT] as number) >>> 0 !== frame || (!(flags & ACK) && st & (BASE_SET << 1))) return false;
    if (!(flags & ACK)) w[o + BASE_SEQ + 1] = ack;
    w[o + ANALYSIS_A] = len;
    w[o + ANALYSIS_B] = (flags & 0xfff) | (window << 12);
    w[o + STATE] = st | (NOTED << ANALYSIS_SHIFT);
    return true;
  }

  /** The noted first segment of stream s (sent by the endpoint that opened it). */
  pending(s: number, out: { seq: number; ack: number; len: number; flags: number; window: number }): void {
    const cv = this.conv;
    out.len = cv.user(s, ANALYSIS_A) >>> 0;
    const fw = cv.user(s, ANALYSIS_B);
    out.flags = fw & 0xfff;
    out.window = fw >>> 12;
    out.seq = (this.baseSeq(s * 2) + (out.flags & SYN ? 0 : 1)) >>> 0;
    out.ack = (this.baseSeq(s * 2 + 1) + (out.flags & ACK ? 1 : 0)) >>> 0;
  }

  /** The stream of this segment, opening one when the first pass meets a new connection. */
  stream(c: Ctx, sport: number, dport: number, flags: number, seq: number): number {
    if (c.netLen === 0) return -1;
    const b = c.netBuf;
    let s = this.conv.find(b, c.netSrc, c.netDst, c.netLen, sport, dport, c.frameNo);
    if (!c.firstPass) return s;
    this.reused = false;
    if (s >= 0 && (flags & (SYN | ACK)) === SYN) {
      // "If this is a SYN packet, then check if its seq-nr is different from the base_seq of the
      // retrieved conversation. If this is the case, create a new conversation with the same
      // addresses and ports" (packet-tcp.c: TCP port numbers reused).
      const d = s * 2 + this.conv.direction(s, b, c.netSrc, c.netLen, sport);
      if (this.hasBase(d) && this.baseSeq(d) !== seq) {
        s = -1;
        this.reused = true;
      }
    }
    if (s < 0) s = this.conv.add(b, c.netSrc, c.netDst, c.netLen, sport, dport, c.frameNo);
    // "a new conversation starting with a SYN implies conversation completeness value 1"
    if (this.reused) this.setCompleteness(s, COMPLETENESS.SYN_SENT);
    return s;
  }

  /** 0 when the segment goes from the endpoint that opened stream `s`, else 1. */
  direction(c: Ctx, s: number, sport: number): number {
    return this.conv.direction(s, c.netBuf, c.netSrc, c.netLen, sport);
  }

  /**
   * Wireshark's base_seq bookkeeping: "Start relative seq and ack numbers at 1 if this is not a
   * SYN packet" and take the reverse direction's ISN "from the first segment with the ACK bit set"
   * as ack-1.
   */
  noteSequence(fwd: number, flags: number, seq: number, ack: number): void {
    const cv = this.conv;
    const s = fwd >> 1;
    const d = fwd & 1;
    let st = cv.user(s, STATE);
    if (!(st & (BASE_SET << d))) {
      cv.setUser(s, BASE_SEQ + d, flags & SYN ? seq : seq - 1);
      st |= BASE_SET << d;
    } else if ((flags & (SYN | ACK)) === (SYN | ACK) && cv.user(s, BASE_SEQ + d) >>> 0 !== seq >>> 0) {
      // A SYN/ACK with another ISN than this direction's base (ports reused while the old
      // connection's state is still here): its relative numbers start again from it, as tshark 4.0
      // shows them (the SYN/ACK gets seq 0; the other direction keeps its base).
      cv.setUser(s, BASE_SEQ + d, seq);
    }
    if (!(st & (BASE_SET << (d ^ 1))) && flags & ACK) {
      cv.setUser(s, BASE_SEQ + (d ^ 1), ack - 1);
      st |= BASE_SET << (d ^ 1);
    }
    cv.setUser(s, STATE, st);
  }

  hasBase(d: number): boolean {
    return (this.conv.user(d >> 1, STATE) & (BASE_SET << (d & 1))) !== 0;
  }

  /** The base sequence number of direction d (stream * 2 + direction), 0 until set. */
  baseSeq(d: number): number {
    return this.conv.user(d >> 1, BASE_SEQ + (d & 1)) >>> 0;
  }

  /** The window scale shift of direction d, or WS_UNKNOWN / WS_NOT_USED. */
  winScale(d: number): number {
    return (((this.conv.user(d >> 1, STATE) >>> (WS_SHIFT + 5 * (d & 1))) & 31) ^ 1) - 2;
  }

  private setWinScale(d: number, shift: number): void {
    const at = WS_SHIFT + 5 * (d & 1);
    this.conv.setUser(d >> 1, STATE, (this.conv.user(d >> 1, STATE) & ~(31 << at)) | (((shift + 2) ^ 1) << at));
  }

  /**
   * Window scaling as packet-tcp.c keeps it (RFC 7323 section 2.2: "both sides must send Window
   * Scale options in their <SYN> segments to enable window scaling in either direction"). A Window
   * Scale option sets its direction's shift, on any segment (pdu_store_window_scale_option); then,
   * on a SYN (verify_tcp_window_scaling): a direction that never had one turns scaling off for
   * both, and a SYN-ACK cannot turn it back on after a SYN that turned it off. `shift` is -1 when
   * the segment had no option.
   */
  noteWindowScale(fwd: number, flags: number, shift: number): void {
    const rev = fwd ^ 1;
    if (shift >= 0) this.setWinScale(fwd, Math.min(shift, 14));
    if (!(flags & SYN)) return;
    if (this.winScale(fwd) === WS_UNKNOWN) {
      this.setWinScale(fwd, WS_NOT_USED);
      this.setWinScale(rev, WS_NOT_USED);
    } else if (flags & ACK && this.winScale(rev) === WS_NOT_USED) this.setWinScale(fwd, WS_NOT_USED);
  }

  /** AccECN negotiation of stream s: 0, ACCECN_ASKED or ACCECN_ON. */
  accEcn(s: number): number {
    return (this.conv.user(s, STATE) >>> ACCECN_SHIFT) & 3;
  }

  setAccEcn(s: number, v: number): void {
    this.conv.setUser(s, STATE, (this.conv.user(s, STATE) & ~(3 << ACCECN_SHIFT)) | (v << ACCECN_SHIFT));
  }

  /** The server port seen in the SYN or SYN-ACK of stream s (0: unknown), tried first for dispatch. */
  serverPort(s: number): number {
    return this.conv.user(s, STATE) >>> SERVER_PORT_SHIFT;
  }

  setServerPort(s: number, port: number): void {
    this.conv.setUser(s, STATE, (this.conv.user(s, STATE) & 0xffff) | (port << SERVER_PORT_SHIFT));
  }
}

export const SYN = 0x002;
export const ACK = 0x010;
const FIN = 0x001;
export const RST = 0x004;
/** Bit of direction 0 in a completeness word that has seen that direction start the closing. */
const CLOSING_BIT = 0x4000;
/** packet-tcp.c's TCP_COMPLETENESS_* bits. */
export const COMPLETENESS = { SYN_SENT: 0x01, SYN_ACK: 0x02, ACK: 0x04, DATA: 0x08, FIN: 0x10, RST: 0x20 } as const;
export const ACCECN_ASKED = 1;
export const ACCECN_ON = 2;

export interface TransportState {
  tcp: TcpStreams;
  pdus: TcpPduTable;
  udp: ConversationTable;
}

/** The transport state of the capture `c` is dissecting. */
export const transportState = perCapture<TransportState>(() => ({ tcp: new TcpStreams(), pdus: new TcpPduTable(), udp: new ConversationTable() }));

/** The TCP and UDP conversations a capture of `packets` packets opens at the rate its first `seen` did. */
export function expectedConversations(c: Ctx, seen: number, packets: number): [tcp: number, udp: number] {
  const s = transportState(c);
  return [Math.ceil((s.tcp.conv.count * packets) / seen), Math.ceil((s.udp.count * packets) / seen)];
}

/** Room for `tcp` and `udp` conversations (the index pass's estimate of the capture from its first
 *  packets, session.ts): one hash table of the final size instead of a doubling, and a new table's
 *  pages, each time it is half full; in buffers from `pages` when it has them ready. A capture whose
 *  first packets open conversations faster than the rest gets more slots than it fills, at most 16
 *  bytes a packet per table (the size a capture of new connections grows it to anyway), and slots
 *  nobody writes are pages never touched (unless they came resident from `pages`). */
export function reserveConversations(c: Ctx, tcp: number, udp: number, pages = NO_PAGES): void {
  const s = transportState(c);
  s.tcp.conv.reserve(tcp, pages);
  s.udp.reserve(udp, pages);
}

/** The sizes of the hash tables reserveConversations(c, tcp, udp) makes (0: none made). */
export function conversationTableBytes(c: Ctx, tcp: number, udp: number): number[] {
  const s = transportState(c);
  return [s.tcp.conv.reserveBytes(tcp), s.udp.reserveBytes(udp)];
}

/** New conversation records in resident buffers from `pages`, `ahead` of them kept ordered. */
export function conversationPages(c: Ctx, pages: PageSource, ahead: number): void {
  const s = transportState(c);
  s.tcp.conv.usePages(pages, ahead);
  s.udp.usePages(pages, ahead);
}

/** The UDP stream (`udp.stream`) of this datagram, opening one on the first pass if needed. */
export function udpStream(c: Ctx, sport: number, dport: number): number {
  if (c.netLen === 0) return -1;
  const t = transportState(c).udp;
  const b = c.netBuf;
  const s = t.find(b, c.netSrc, c.netDst, c.netLen, sport, dport, c.frameNo);
  if (s >= 0 || !c.firstPass) return s;
  return t.add(b, c.netSrc, c.netDst, c.netLen, sport, dport, c.frameNo);
}
