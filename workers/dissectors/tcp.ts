// TCP (RFC 9293 section 3.1; Wireshark packet-tcp.c), with relative sequence numbers, window
// scaling and the port dispatch every TCP payload goes through.
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |          Source Port          |       Destination Port        |
//   |                        Sequence Number                        |
//   |                    Acknowledgment Number                      |
//   |  Data |     |A|C|E|U|A|P|R|S|F|                               |
//   | Offset| Rsv |E|W|C|R|C|S|S|Y|I|            Window             |
//   |       |     | |R|E|G|K|H|T|N|N|                               |
//   |           Checksum            |         Urgent Pointer        |
//   |                           [Options]                           |
//
// Items come in Wireshark 4.0's order: ports (and the hidden tcp.port pair), stream, conversation
// completeness, segment length, relative then raw sequence number, next sequence number,
// acknowledgment, header length, the 12 flag bits, window (raw, then scaled), checksum, urgent
// pointer, options, [Timestamps] (time since the stream's first and previous segments), the
// [SEQ/ACK analysis], payload.
// Wireshark reads the header's fixed fields up front, so fewer than 16 bytes after the ports stop
// the packet; a data offset below 5 words is shown and ends the TCP item ("Bogus TCP header
// length"). AE is the former NS bit (RFC 3540, reassigned to AccECN); once a handshake has
// negotiated AccECN, AE/CWR/ECE are one 3-bit ACE counter.

import { Base, FT, names, registerFields } from '../fields/registry.ts';
import { EF, FieldGroup, WS } from '../fields/field-list.ts';
import type { Ctx } from './context.ts';
import { Status } from './context.ts';
import { dissectData } from './data.ts';
import { bind, registerDissector } from './tables.ts';
import { ACCECN_ON, ACK, COMPLETENESS, RST, SYN, transportState } from '../analysis/tcp-state.ts';
import { streamless } from './tcp-lean.ts';
import { Closing, dissectFlags, nextAccEcn } from './tcp-flags.ts';
import { dissectTcpOptions } from './tcp-options.ts';
import { addMptcpAnalysis, segment as mptcpSegment } from './mptcp.ts';
import { Group, Severity, expertAt, expertInfo, expertLine, registerExperts } from './expert.ts';
import { retransmittedData, tcpPayload } from './tcp-pdus.ts';
import { asciiText } from './ascii.ts';
import { streamDissector } from '../analysis/conversation-dissector.ts';
import { Pre, analyzeSegment, noteSacks, segmentTimes, settlePending, synRules } from './tcp-seq.ts';
import { addSeqAckAnalysis } from './tcp-analysis-tree.ts';
import { StreamTimes, TA } from '../analysis/tcp-analysis.ts';
import { addRelTime } from './time-fields.ts';

const SPORT = 0;
const DPORT = 2;
const SEQ = 4;
const ACKNO = 8;
const OFFSET_FLAGS = 12;
const WINDOW = 14;
const CSUM = 16;
const URGENT = 18;
export const TCP_HEADER_LEN = URGENT + 2;
/** Bytes Wireshark reads before adding anything past the ports (through the window). */
const READ_AHEAD = WINDOW + 2;

const FIN = 0x001;

const ACK_NONZERO = 'The acknowledgment number field is nonzero while the ACK flag is not set';
const SHORT_SEGMENT = 'Short segment. Segment/fragment does not contain a full TCP header (might be NMAP or someone else deliberately sending unusual packets)';

/** packet-tcp.c's expert infos on the fixed header (severity and group as tshark 4.0.17 titles
 *  them on test/fixtures/expert/expert-cases.pcap). */
const X = registerExperts({
  bogusHeaderLength: { name: 'tcp.bogus_header_length', msg: 'Bogus TCP header length', severity: Severity.ERROR, group: Group.PROTOCOL },
  shortSegment: { name: 'tcp.short_segment', msg: 'Short segment', severity: Severity.WARN, group: Group.MALFORMED },
  urgentNonZero: { name: 'tcp.urgent_pointer.non_zero', msg: 'The urgent pointer field is nonzero while the URG flag is not set', severity: Severity.NOTE, group: Group.PROTOCOL },
});

export const F = registerFields({
  tcp: { name: 'tcp', label: 'Transmission Control Protocol', type: FT.PROTOCOL },
  srcport: { name: 'tcp.srcport', label: 'Source Port', type: FT.UINT, bits: 16 },
  dstport: { name: 'tcp.dstport', label: 'Destination Port', type: FT.UINT, bits: 16 },
  port: { name: 'tcp.port', label: 'Source or Destination Port', type: FT.UINT, bits: 16 },
  stream: { name: 'tcp.stream', label: 'Stream index', type: FT.UINT },
  completeness: { name: 'tcp.completeness', label: 'Conversation completeness', type: FT.UINT, bits: 8, names: completenessNames() },
  len: { name: 'tcp.len', label: 'TCP Segment Len', type: FT.UINT },
  seq: { name: 'tcp.seq', label: 'Sequence Number', type: FT.UINT },
  seqRaw: { name: 'tcp.seq_raw', label: 'Sequence Number (raw)', type: FT.UINT },
  nxtseq: { name: 'tcp.nxtseq', label: 'Next Sequence Number', type: FT.UINT },
  ack: { name: 'tcp.ack', label: 'Acknowledgment Number', type: FT.UINT },
  ackRaw: { name: 'tcp.ack_raw', label: 'Acknowledgment number (raw)', type: FT.UINT },
  hdrLen: { name: 'tcp.hdr_len', label: 'Header Length', type: FT.UINT, bits: 8, nameOnly: true, display: '' },
  windowValue: { name: 'tcp.window_size_value', label: 'Window', type: FT.UINT, bits: 16 },
  window: { name: 'tcp.window_size', label: 'Calculated window size', type: FT.UINT },
  scaleFactor: {
    name: 'tcp.window_size_scalefactor', label: 'Window size scaling factor', type: FT.INT, valueFirst: true,
    names: names([[-1, 'unknown'], [-2, 'no window scaling used']]),
  },
  checksum: { name: 'tcp.checksum', label: 'Checksum', type: FT.UINT, base: Base.HEX, bits: 16 },
  checksumStatus: {
    name: 'tcp.checksum.status', label: 'Checksum Status', type: FT.UINT, bits: 8, nameAlone: true,
    names: names([[0, 'Bad'], [1, 'Good'], [2, 'Unverified'], [3, 'Not present'], [4, 'Illegal']]),
  },
  urgent: { name: 'tcp.urgent_pointer', label: 'Urgent Pointer', type: FT.UINT, bits: 16 },
  ackNonzero: { name: 'tcp.ack.nonzero', label: ACK_NONZERO, type: FT.NONE },
  options: { name: 'tcp.options', label: 'TCP Options', type: FT.BYTES, nameOnly: true, display: 'Options' },
  payload: { name: 'tcp.payload', label: 'TCP payload', type: FT.BYTES, nameOnly: true },
  resetCause: { name: 'tcp.reset_cause', label: 'Reset cause', type: FT.STRING },
  timeRelative: { name: 'tcp.time_relative', label: 'Time since first frame in this TCP stream', type: FT.RELATIVE_TIME },
  timeDelta: { name: 'tcp.time_delta', label: 'Time since previous frame in this TCP stream', type: FT.RELATIVE_TIME },
});

/** packet-tcp.c's conversation_completeness_fill: the states a well-begun conversation passes
 *  through by name, any other set of bits "Incomplete". */
function completenessNames(): ReadonlyMap<number, string> {
  const C = COMPLETENESS;
  const established = C.SYN_SENT | C.SYN_ACK | C.ACK;
  const m = new Map<number, string>();
  for (let v = 0; v < 64; v++) m.set(v, 'Incomplete');
  m.set(C.SYN_SENT, 'Incomplete, SYN_SENT');
  m.set(C.SYN_SENT | C.SYN_ACK, 'Incomplete, CLIENT_ESTABLISHED');
  m.set(established, 'Incomplete, ESTABLISHED');
  m.set(established | C.DATA, 'Incomplete, DATA');
  for (const end of [C.FIN, C.RST, C.FIN | C.RST]) {
    m.set(established | C.DATA | end, 'Complete, WITH_DATA');
    m.set(established | end, 'Complete, NO_DATA');
  }
  return m;
}

const CHECKSUM_UNVERIFIED = 2;
const RELATIVE_SEQ = '    (relative sequence number)';
/** The hidden tcp.port pair (a lean dissection without it skips both adds). */
const PORTS = new FieldGroup([F.port]);
/** The [Timestamps] subtree's fields (a lean dissection without them skips it). */
const TIMES = new FieldGroup([F.timeRelative, F.timeDelta]);
/** The segment's times in its stream. */
const times = new StreamTimes();

export function dissectTcp(c: Ctx, off: number, end: number): void {
  const f = c.f;
  const tcpEntry = c.proto(F.tcp, off, Math.min(end, off + TCP_HEADER_LEN));
  const sport = c.uint(F.srcport, off + SPORT, 2, end);
  const dport = c.uint(F.dstport, off + DPORT, 2, end);
  if (c.stop) return;
  if (PORTS.kept(f)) {
    f.add(F.port, off + SPORT, 2, sport, EF.HIDDEN);
    f.add(F.port, off + DPORT, 2, dport, EF.HIDDEN);
  }
  // Inside an ICMP error quoting IPv4, which "only contains up to the sequence number", Wireshark
  // shows the raw sequence number before anything can be missing.
  if (c.inErrorPkt && c.netLen === 4) c.uint(F.seq, off + SEQ, 4, end);
  if (!c.has(off, READ_AHEAD, end)) return;
  const seq = c.u32(off + SEQ);
  const ack = c.u32(off + ACKNO);
  const word = c.u16(off + OFFSET_FLAGS);
  const hlen = (word >> 12) * 4;
  const flags = word & 0x0fff;
  const seglen = end - off - hlen;
  const haveSeglen = seglen >= 0;

  const st = transportState(c).tcp;
  // A segment quoted by an ICMP error is looked up in its connection, but does not move its
  // sequence state, and Wireshark shows neither its length nor its sequence numbers again.
  const quoted = c.inErrorPkt;
  const s = streamless(c, sport, dport) ? -1 : st.stream(c, sport, dport, flags, seq);
  const fwd = s < 0 ? -1 : s * 2 + st.direction(c, s, sport);
  // the stream's first-pass state before this segment adds to it
  const opened = s >= 0 && c.firstPass && st.conv.first(s) === c.frameNo && !st.reused;
  if (s >= 0) {
    f.add(F.stream, off, 0, s, EF.GENERATED);
    f.add(F.completeness, off, 0, st.completeness(s, !c.firstPass && st.conv.first(s) !== c.frameNo), EF.GENERATED);
  }
  if (haveSeglen && !quoted) f.add(F.len, off, 0, seglen, EF.GENERATED);
  else if (!haveSeglen) expertLine(c, off, 0, X.shortSegment, SHORT_SEGMENT);
  const pre = flags & SYN && fwd >= 0 && c.firstPass && !quoted ? synRules(st, fwd, flags, seq) : Pre.NONE;
  if (fwd >= 0 && haveSeglen && c.firstPass && !quoted) {
    settlePending(c, st, fwd);
    st.noteSequence(fwd, flags, seq, ack);
  }
  // Wireshark's sequence analysis, on the raw numbers and window, once the base numbers are known
  const analyzed = fwd >= 0 && haveSeglen && !quoted;
  const ta = analyzed ? analyzeSegment(c, st, fwd, seq, ack, seglen, flags, c.u16(off + WINDOW), pre, times) : null;
  if (s >= 0 && !analyzed) segmentTimes(c, st, s, times);
  const taFlags = ta !== null && ta.exists ? ta.flags : 0;
  const seqBase = fwd >= 0 && st.hasBase(fwd) ? st.baseSeq(fwd) : 0;
  const ackBase = fwd >= 0 && st.hasBase(fwd ^ 1) ? st.baseSeq(fwd ^ 1) : 0;
  const relSeq = (seq - seqBase) >>> 0;
  // the relative numbers' lines say so (tcp.relative_sequence_numbers, Wireshark's default)
  const full = f.wanted === null;
  if (!quoted) {
    const seqItem = f.add(F.seq, off + SEQ, 4, relSeq);
    if (full) f.appendLabel(seqItem, RELATIVE_SEQ);
    f.add(F.seqRaw, off + SEQ, 4, seq);
  }
  if (hlen < TCP_HEADER_LEN) {
    expertAt(c, headerLength(f, off, hlen), X.bogusHeaderLength, `Bogus TCP header length (${hlen}, must be at least ${TCP_HEADER_LEN})`);
    return;
  }
  if (s >= 0 && c.firstPass) st.noteCompleteness(s, opened, flags, haveSeglen && !quoted ? seglen : 0);
  if (haveSeglen && !quoted) {
    // SYN and FIN each take one sequence number (RFC 9293 section 3.4).
    const nxtItem = f.add(F.nxtseq, off, 0, (relSeq + seglen + (flags & (SYN | FIN) ? 1 : 0)) >>> 0, EF.GENERATED);
    if (full) f.appendLabel(nxtItem, RELATIVE_SEQ);
  }
  if (flags & ACK) {
    const ackItem = f.add(F.ack, off + ACKNO, 4, (ack - ackBase) >>> 0);
    if (full) f.appendLabel(ackItem, '    (relative ack number)');
  } else {
    const ackItem = f.add(F.ack, off + ACKNO, 4, ack);
    if (ack !== 0) {
      // under the number, titled as Wireshark titles it (ei tcp.ack.nonzero: Note/Protocol)
      f.push(ackItem);
      expertInfo(c, F.ackNonzero, ACK_NONZERO, Severity.NOTE, Group.PROTOCOL);
      f.pop();
      c.status |= Status.WARNING;
    }
  }
  f.add(F.ackRaw, off + ACKNO, 4, ack);
  headerLength(f, off, hlen);
  if (s >= 0 && c.firstPass && !quoted) st.setAccEcn(s, nextAccEcn(st.accEcn(s), flags));
  const ace = s >= 0 && !(flags & SYN) && st.accEcn(s) === ACCECN_ON;
  const closing = flags & FIN && fwd >= 0 ? st.closing(fwd, c.firstPass && !quoted) : Closing.NONE;
  dissectFlags(c, off + OFFSET_FLAGS, flags, ace, closing);
  const win = c.u16(off + WINDOW);
  f.add(F.windowValue, off + WINDOW, 2, win);
  // RFC 7323 section 2.2: "The window field in a segment where the SYN bit is set (i.e., a <SYN>
  // or <SYN,ACK>) MUST NOT be scaled."
  const scale = fwd >= 0 ? st.winScale(fwd) : -1;
  if (flags & SYN || scale < 0) f.add(F.window, off + WINDOW, 2, win, EF.GENERATED);
  else f.add(F.window, off + WINDOW, 2, win * 2 ** scale, EF.GENERATED);
  if (!(flags & SYN)) f.add(F.scaleFactor, off + WINDOW, 2, scale < 0 ? scale : 2 ** scale, EF.GENERATED);
  if (c.uint(F.checksum, off + CSUM, 2, end) < 0) return;
  if (full) f.appendLabel(f.last, ' [unverified]');
  f.add(F.checksumStatus, off + CSUM, 0, CHECKSUM_UNVERIFIED, EF.GENERATED);
  const urgent = c.uint(F.urgent, off + URGENT, 2, end);
  if (urgent < 0) return;
  if (urgent !== 0 && !(flags & 0x020)) expertAt(c, f.last, X.urgentNonZero);
  let wscale = -1;
  if (hlen > TCP_HEADER_LEN) {
    const shown = Math.min(hlen, Math.min(end, c.b.length) - off) - TCP_HEADER_LEN;
    const optionsItem = f.add(F.options, off + TCP_HEADER_LEN, Math.max(0, shown));
    if (optionsItem >= 0) f.appendLabel(optionsItem, `: (${hlen - TCP_HEADER_LEN} bytes)`);
    // (the timestamps come before the options are dissected, which may stop the packet)
    if (s >= 0) addTimestamps(c);
    if (!c.has(off + TCP_HEADER_LEN, hlen - TCP_HEADER_LEN, end)) return;
    f.push(optionsItem);
    mptcpSegment.stream = quoted ? -1 : s;
    mptcpSegment.flow = quoted ? -1 : fwd;
    const opts = dissectTcpOptions(c, off + TCP_HEADER_LEN, off + hlen, ackBase, (flags & SYN) !== 0, optionsItem, (flags & ACK) !== 0);
    wscale = opts.wscale;
    // an AccECN option turns ACE on for the stream's later segments (had_acc_ecn_option)
    if (opts.accEcn && s >= 0 && c.firstPass && !quoted) st.setAccEcn(s, ACCECN_ON);
    f.pop();
    if (analyzed) noteSacks(c, st, fwd, opts.sacks, opts.sackEdges);
  }
  else if (s >= 0) addTimestamps(c);
  if (ta !== null) addSeqAckAnalysis(c, ta);
  if (!quoted) addMptcpAnalysis(c, s);
  f.len[tcpEntry] = hlen;
  if (fwd >= 0 && c.firstPass && !quoted) {
    st.noteWindowScale(fwd, flags, wscale);
    if ((flags & (SYN | ACK)) === SYN) st.setServerPort(s, dport);
    else if (flags & SYN) st.setServerPort(s, sport);
  }
  if (c.stop || !haveSeglen || seglen === 0) return;
  const poff = off + hlen;
  if (flags & RST) {
    // "for segments with RST we just display the data as text" (RFC 1122 4.2.2.12 allows a reset
    // to carry its cause): no payload line, no dissector for the port
    resetCause(c, poff, Math.min(end, c.b.length));
    f.pop();
    return;
  }
  const payloadItem = f.add(F.payload, poff, Math.max(0, Math.min(end, c.b.length) - poff));
  if (full) f.appendLabel(payloadItem, ` (${end - poff} byte${end - poff === 1 ? "" : "s"})`);
  // packet-tcp.c's desegment_tcp, which every whole segment goes through (tcp.desegment_tcp_streams
  // is on by default; not one quoted by an ICMP error): data of a segment the analysis calls a
  // retransmission is not dissected again, only shown
  if (taFlags & TA.RETRANSMISSION && !c.inErrorPkt && end <= c.b.length) {
    retransmittedData(c, poff, end);
    f.pop();
    return;
  }
  f.pop();
  c.srcPort = sport;
  c.dstPort = dport;
  // The payload dispatcher reads the segment's ports from here (no closure per packet); saved
  // around the call for TCP nested in a tunnel carried by TCP.
  const outerS = cur.s;
  const outerSport = cur.sport;
  const outerDport = cur.dport;
  const outerFlags = cur.taFlags;
  cur.s = s;
  cur.sport = sport;
  cur.dport = dport;
  cur.taFlags = taFlags;
  tcpPayload(c, fwd, seq, poff, end, tcpEntry, dispatchCurrent);
  cur.s = outerS;
  cur.sport = outerSport;
  cur.dport = outerDport;
  cur.taFlags = outerFlags;
}

const cur = { s: -1, sport: 0, dport: 0, taFlags: 0 };

/** tcp.reset_cause: the reset's data as an ASCII string (up to a NUL; other bytes past 0x7f are
 *  U+FFFD, as tvb_get_string_enc's ENC_ASCII makes them). */
function resetCause(c: Ctx, off: number, stop: number): void {
  if (stop <= off) return;
  c.f.addStr(F.resetCause, off, stop - off, c.wants(F.resetCause) ? asciiText(c.b, off, stop, true) : '');
}

/** The data offset, whose line packet-tcp.c writes as "1000 .... = Header Length: 32 bytes (8)". */
function headerLength(f: Ctx['f'], off: number, hlen: number): number {
  const i = f.add(F.hdrLen, off + OFFSET_FLAGS, 1, hlen);
  if (i >= 0 && f.wanted === null) f.appendLabel(i, `${(hlen >> 2).toString(2).padStart(4, '0')} .... = Header Length: ${hlen} bytes (${hlen >> 2})`);
  return i;
}

/** The [Timestamps] subtree (packet-tcp.c's tcp_print_timestamps), from `times`. */
function addTimestamps(c: Ctx): void {
  const f = c.f;
  if (!TIMES.kept(f)) return;
  f.push(f.addStr(WS.text, 0, 0, 'Timestamps', EF.GENERATED));
  addRelTime(f, F.timeRelative, 0, 0, times.relSec, times.relNsec, EF.GENERATED);
  addRelTime(f, F.timeDelta, 0, 0, times.deltaSec, times.deltaNsec, EF.GENERATED);
  f.pop();
}

/** decode_tcp_ports: "Don't call subdissectors for keepalives" (their payload is garbage), nor,
 *  with the default tcp.no_subdissector_on_error, for retransmitted or out-of-order segments. */
function dispatchCurrent(c: Ctx, off: number, end: number): void {
  if (cur.taFlags & (TA.KEEP_ALIVE | TA.RETRANSMISSION | TA.OUT_OF_ORDER)) {
    c.call(dissectData, off, end);
    return;
  }
  dispatchTcp(c, cur.s, cur.sport, cur.dport, off, end);
}

/**
 * Wireshark's decode_tcp_ports: the stream's own dissector if one claimed it, then "Try the server
 * port captured on the SYN or SYN|ACK packet. After
 * that try the port number with the lower value first, followed by the port number with the higher
 * value", then the heuristic dissectors, then data.
 */
export function dispatchTcp(c: Ctx, s: number, sport: number, dport: number, off: number, end: number): void {
  c.tcpStream = s;
  // a dissector that recognised the stream by its content keeps it (try_conversation_dissector)
  const owner = streamDissector(c, s);
  if (owner !== undefined) {
    c.call(owner, off, end);
    return;
  }
  const t = c.tables;
  const server = s >= 0 ? transportState(c).tcp.serverPort(s) : 0;
  const low = sport > dport ? dport : sport;
  const high = sport > dport ? sport : dport;
  let port = server;
  let d = t.tcpFor(server);
  if (d === undefined) d = t.tcpFor((port = low));
  if (d === undefined) d = t.tcpFor((port = high));
  if (d) {
    c.matchPort = port;
    // the payload's protocol names the column now (an MPTCP option had named it: tcp-options.ts)
    if (c.colProtocol === 'MPTCP') c.colProtocol = null;
    c.call(d, off, end);
    // (a dissector that refused the payload, as Wireshark's returning 0: RPC on 2049, which
    // Wireshark finds by its heuristic, not by the port; then the heuristics and data)
    if (!c.calleeRejected()) return;
  }
  for (const h of t.tcpHeuristics) if (h(c, off, end)) return;
  c.call(dissectData, off, end);
}

registerDissector('tcp', dissectTcp);
bind('ip.proto', 6, 'tcp');
