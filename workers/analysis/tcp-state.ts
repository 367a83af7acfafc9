// Per-capture transport state (Wireshark's struct tcp_analysis, one per TCP conversation, and
// the UDP conversation list): stream numbers, each direction's base sequence number for relative
// sequence numbers, and each direction's window scale. It is kept beside the capture's Reassembly
// object (one per PacketDissector), filled on the first pass in file order and only read on later
// passes, when a frame's values come out of the final state as Wireshark's do when it revisits a
// frame.
//
// Memory: a few bytes per conversation in growable typed arrays; nothing per packet.

import type { Ctx } from '../dissectors/context.ts';
import { ConversationTable } from './tcp-conversations.ts';
import { TcpPduTable } from './tcp-reassembly.ts';
import { perCapture } from './per-capture.ts';

/** Window scale of a direction not yet known (Wireshark's -1, "unknown"). */
export const WS_UNKNOWN = -1;
/** Window scaling known not to be used on this connection (Wireshark's -2). */
export const WS_NOT_USED = -2;

/** Per-direction flags. */
const enum DirFlag {
  /** base_seq is set (TCP_S_BASE_SEQ_SET: 0 is a legal ISN, so a flag says it). */
  BASE_SET = 1,
}

export class TcpStreams {
  readonly conv = new ConversationTable();
  private cap = 0;
  /** Per direction (stream * 2 + dir). */
  baseSeq = new Uint32Array(0);
  dirFlags = new Uint8Array(0);
  winScale = new Int8Array(0);
  /** Per stream: AccECN negotiation (ACCECN_ASKED by the SYN, ACCECN_ON after the SYN-ACK). */
  accEcn = new Uint8Array(0);
  /** Per stream: the server port seen in the SYN or SYN-ACK (0: unknown), tried first for dispatch. */
  serverPort = new Uint16Array(0);

  reset(): void {
    this.conv.reset();
  }

  /** The stream of this segment, opening one when the first pass meets a new connection. */
  stream(c: Ctx, sport: number, dport: number, flags: number, seq: number): number {
    if (c.netLen === 0) return -1;
    const b = c.netBuf;
    let s = this.conv.find(b, c.netSrc, c.netDst, c.netLen, sport, dport, c.frameNo);
    if (!c.firstPass) return s;
    if (s >= 0 && (flags & (SYN | ACK)) === SYN) {
      // "If this is a SYN packet, then check if its seq-nr is different from the base_seq of the
      // retrieved conversation. If this is the case, create a new conversation with the same
      // addresses and ports" (packet-tcp.c: TCP port numbers reused).
      const d = s * 2 + this.conv.direction(s, b, c.netSrc, c.netLen, sport);
      if ((this.dirFlags[d] as number) & DirFlag.BASE_SET && this.baseSeq[d] !== seq) s = -1;
    }
    if (s < 0) {
      s = this.conv.add(b, c.netSrc, c.netDst, c.netLen, sport, dport, c.frameNo);
      this.grow(this.conv.count);
      this.dirFlags[s * 2] = 0;
      this.dirFlags[s * 2 + 1] = 0;
      this.winScale[s * 2] = WS_UNKNOWN;
      this.winScale[s * 2 + 1] = WS_UNKNOWN;
      this.accEcn[s] = 0;
      this.serverPort[s] = 0;
    }
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
    const rev = fwd ^ 1;
    if (!((this.dirFlags[fwd] as number) & DirFlag.BASE_SET)) {
      this.baseSeq[fwd] = flags & SYN ? seq : seq - 1;
      this.dirFlags[fwd] = (this.dirFlags[fwd] as number) | DirFlag.BASE_SET;
    }
    if (!((this.dirFlags[rev] as number) & DirFlag.BASE_SET) && flags & ACK) {
      this.baseSeq[rev] = ack - 1;
      this.dirFlags[rev] = (this.dirFlags[rev] as number) | DirFlag.BASE_SET;
    }
  }

  hasBase(d: number): boolean {
    return ((this.dirFlags[d] as number) & DirFlag.BASE_SET) !== 0;
  }

  /**
   * Window scaling from the handshake (RFC 7323 section 2.2: "both sides must send Window Scale
   * options in their <SYN> segments to enable window scaling in either direction"). A SYN without
   * the option turns scaling off for both directions; so does a SYN-ACK without it, and a SYN-ACK
   * cannot turn it back on after a SYN that had none. `shift` is -1 when the segment had no option.
   */
  noteWindowScale(fwd: number, flags: number, shift: number): void {
    const rev = fwd ^ 1;
    if (!(flags & SYN)) return;
    if (shift < 0 || (flags & ACK && this.winScale[rev] === WS_NOT_USED)) {
      this.winScale[fwd] = WS_NOT_USED;
      this.winScale[rev] = WS_NOT_USED;
      return;
    }
    this.winScale[fwd] = Math.min(shift, 14);
  }

  private grow(n: number): void {
    if (n <= this.cap) return;
    const cap = Math.max(256, this.cap * 2);
    const u32 = new Uint32Array(cap * 2);
    u32.set(this.baseSeq);
    this.baseSeq = u32;
    const f = new Uint8Array(cap * 2);
    f.set(this.dirFlags);
    this.dirFlags = f;
    const w = new Int8Array(cap * 2);
    w.set(this.winScale);
    this.winScale = w;
    const a = new Uint8Array(cap);
    a.set(this.accEcn);
    this.accEcn = a;
    const sp = new Uint16Array(cap);
    sp.set(this.serverPort);
    this.serverPort = sp;
    this.cap = cap;
  }
}

export const SYN = 0x002;
export const ACK = 0x010;
export const ACCECN_ASKED = 1;
export const ACCECN_ON = 2;

export interface TransportState {
  tcp: TcpStreams;
  pdus: TcpPduTable;
  udp: ConversationTable;
}

/** The transport state of the capture `c` is dissecting. */
export const transportState = perCapture<TransportState>(() => ({ tcp: new TcpStreams(), pdus: new TcpPduTable(), udp: new ConversationTable() }));

/** The UDP stream (`udp.stream`) of this datagram, opening one on the first pass if needed. */
export function udpStream(c: Ctx, sport: number, dport: number): number {
  if (c.netLen === 0) return -1;
  const t = transportState(c).udp;
  const b = c.netBuf;
  const s = t.find(b, c.netSrc, c.netDst, c.netLen, sport, dport, c.frameNo);
  if (s >= 0 || !c.firstPass) return s;
  return t.add(b, c.netSrc, c.netDst, c.netLen, sport, dport, c.frameNo);
}
