// The Info column of TCP and UDP, as packet-tcp.c and packet-udp.c write it.

import type { FieldList } from '../../fields/field-list.ts';
import { find, ids, namedAt, num, text } from './fields.ts';
import { tcpFlagsText } from '../../dissectors/tcp-flags.ts';

export function tcpInfo(fl: FieldList): string {
  const ports = `${text(fl, 'tcp.srcport')} → ${text(fl, 'tcp.dstport')}`;
  const flags = num(fl, 'tcp.flags');
  // packet-tcp.c writes the ports, then the rest once the header is read
  if (Number.isNaN(flags)) return ports;
  const seq = find(fl, 'tcp.seq') >= 0 ? text(fl, 'tcp.seq') : text(fl, 'tcp.seq_raw');
  const ack = find(fl, 'tcp.ack') >= 0 ? text(fl, 'tcp.ack') : text(fl, 'tcp.ack_raw');
  const ace = num(fl, 'tcp.flags.ace');
  let s = `${ports} [${tcpFlagsText(flags, Number.isNaN(ace) ? -1 : ace) || '<None>'}] Seq=${seq}`;
  if (flags & 0x10) s += ` Ack=${ack}`;
  const win = text(fl, 'tcp.window_size') || text(fl, 'tcp.window_size_value');
  if (win) s += ` Win=${win}`;
  if (flags & 0x20) s += ` Urg=${text(fl, 'tcp.urgent_pointer')}`;
  // (no Len when the segment is shorter than its header says: packet-tcp.c has no length then)
  if (find(fl, 'tcp.short_segment') < find(fl, 'tcp')) s += ` Len=${text(fl, 'tcp.len') || '0'}`;
  return s + tcpOptionsInfo(fl) + segmentSuffix(fl);
}

const [PAYLOAD, SEGMENT_DATA, SEGMENTS, RETRANSMISSION] = ids('tcp.payload', 'tcp.segment_data', 'tcp.segments', 'tcp.analysis.retransmission');

/** packet-tcp.c's " [TCP segment of a reassembled PDU]": the segment's payload, from its first
 *  byte, belongs to a PDU a later segment completes (and no PDU was completed in this one); not
 *  a retransmission's, whose bytes no PDU takes (desegment_tcp: "Retransmitted TCP segment data"). */
function segmentSuffix(fl: FieldList): string {
  let payload = -1;
  let source = -1;
  let starts = false;
  for (let i = 0; i < fl.count; i++) {
    const id = fl.id[i];
    if (id === SEGMENTS || id === RETRANSMISSION) return '';
    // (in the frame's bytes, or in a reassembled IP datagram's: fragmented-4.pcap #5)
    if (id === PAYLOAD && payload < 0) {
      payload = fl.off[i] as number;
      source = fl.src[i] as number;
    } else if (id === SEGMENT_DATA && fl.src[i] === source && fl.off[i] === payload) starts = true;
  }
  return starts ? ' [TCP segment of a reassembled PDU]' : '';
}

const [MSS, WS, SACK_PERM, TS_VAL, TS_ECR, SACK_LE, SACK_RE, TCP, EE0B, ECEB, EE1B, MD5, TFO_REQUEST, TFO_COOKIE, USER_TO, QS_RATE, EXID] = ids(
  'tcp.options.mss_val', 'tcp.options.wscale.multiplier', 'tcp.options.sack_perm', 'tcp.options.timestamp.tsval',
  'tcp.options.timestamp.tsecr', 'tcp.options.sack_le', 'tcp.options.sack_re', 'tcp', 'tcp.options.acc_ecn.ee0b',
  'tcp.options.acc_ecn.eceb', 'tcp.options.acc_ecn.ee1b', 'tcp.options.md5', 'tcp.options.tfo.request', 'tcp.options.tfo.cookie',
  'tcp.options.user_to_val', 'tcp.options.qs.rate', 'tcp.options.experimental.exid',
);

/** What Wireshark's TCP option dissectors append to the Info column, in the options' order:
 *  " MSS=1460 WS=64 SACK_PERM TSval=… TSecr=…", " SLE=… SRE=…" per SACK block, AccECN's byte
 *  counters " EE0B=1 ECEB=0 EE1B=0", " MD5" (a BGP session's signature), Fast Open's " TFO=R" and
 *  " TFO=C", " USER_TO=30", Quick-Start's " QSresp=160 Kbit/s", an unknown experiment's " ExID=AB"
 *  (packet-tcp.c). */
function tcpOptionsInfo(fl: FieldList): string {
  let s = '';
  const from = find(fl, 'tcp');
  if (from < 0) return s;
  for (let i = from + 1; i < fl.count; i++) {
    const id = fl.id[i] as number;
    if (id === TCP) break;
    const v = fl.num[i] as number;
    if (id === MSS) s += ` MSS=${v}`;
    else if (id === WS) s += ` WS=${v}`;
    else if (id === SACK_PERM) s += ' SACK_PERM';
    else if (id === TS_VAL) s += ` TSval=${v}`;
    else if (id === TS_ECR) s += ` TSecr=${v}`;
    else if (id === SACK_LE) s += ` SLE=${v}`;
    else if (id === SACK_RE) s += ` SRE=${v}`;
    else if (id === EE0B) s += ` EE0B=${v}`;
    else if (id === ECEB) s += ` ECEB=${v}`;
    else if (id === EE1B) s += ` EE1B=${v}`;
    else if (id === MD5) s += ' MD5';
    else if (id === TFO_REQUEST) s += ' TFO=R';
    else if (id === TFO_COOKIE) s += ' TFO=C';
    else if (id === USER_TO) s += ` USER_TO=${v}`;
    else if (id === QS_RATE) s += ` QSresp=${namedAt(fl, i, String)}`;
    // an experiment packet-tcp.c has no dissector for: its identifier ("ExID=AB")
    else if (id === EXID && v !== 0xacc0 && v !== 0xacc1 && v !== 0xf989) s += ` ExID=${v.toString(16).toUpperCase()}`;
  }
  return s;
}

export function udpInfo(fl: FieldList): string {
  // Wireshark writes the ports, then the length once it has read it: a datagram cut before its
  // length field shows the ports alone (tshark on udp-length-heapoverflow.pcap)
  const len = num(fl, 'udp.length');
  const ports = `${text(fl, 'udp.srcport')} → ${text(fl, 'udp.dstport')}`;
  if (Number.isNaN(len)) return ports;
  // a length below the header's own 8 bytes (a GSO super-packet captured before segmentation
  // carries 0): packet-udp.c says so and stops
  if (len < 8) return `${ports} [BAD UDP LENGTH ${len} < 8]`;
  // a length beyond the IP payload, and a zero checksum where one is required (IPv6), flagged as
  // packet-udp.c flags them: by the expert infos of this (the last) UDP header
  const udp = find(fl, 'udp');
  const long = find(fl, 'udp.length.bad') > udp ? ` [BAD UDP LENGTH ${len} > IP PAYLOAD LENGTH]` : '';
  const zero = find(fl, 'udp.checksum.zero') > udp ? ' [ILLEGAL CHECKSUM (0)]' : '';
  return `${ports}${long} Len=${len - 8}${zero}`;
}

const ANALYSIS_NAMES = [
  'tcp.analysis.flags', 'tcp.analysis.reused_ports', 'tcp.analysis.retransmission', 'tcp.analysis.fast_retransmission',
  'tcp.analysis.spurious_retransmission', 'tcp.analysis.out_of_order', 'tcp.analysis.lost_segment', 'tcp.analysis.ack_lost_segment',
  'tcp.analysis.window_update', 'tcp.analysis.window_full', 'tcp.analysis.keep_alive', 'tcp.analysis.keep_alive_ack',
  'tcp.analysis.duplicate_ack_num', 'tcp.analysis.duplicate_ack_frame', 'tcp.analysis.zero_window_probe',
  'tcp.analysis.zero_window', 'tcp.analysis.zero_window_probe_ack',
];
const [FLAGS, REUSED, RETRANS, FAST, SPURIOUS, OOO, LOST, ACK_LOST, WIN_UPDATE, WIN_FULL, KEEP_ALIVE, KEEP_ALIVE_ACK, DUP_NUM, DUP_FRAME, ZWP, ZW, ZWP_ACK] = ids(...ANALYSIS_NAMES);

/**
 * What the sequence analysis puts in front of the Info column (tcp_print_sequence_number_analysis's
 * col_prepend_fence_fstr calls: each goes before the ones made earlier, so they read in the
 * reverse of packet-tcp.c's order), e.g. "[TCP ZeroWindowProbeAck] [TCP ZeroWindow] ". The fence
 * keeps them in front of whatever the protocols above TCP write.
 */
export function tcpAnalysisPrefix(fl: FieldList): string {
  let at = -1;
  for (let i = 0; i < fl.count; i++) if (fl.id[i] === FLAGS) at = i;
  if (at < 0) return '';
  const seen = new Set<number>();
  let dupNum = 0;
  let dupFrame = 0;
  for (let i = at; i < fl.count; i++) {
    const id = fl.id[i] as number;
    if (id === DUP_NUM) dupNum = fl.num[i] as number;
    else if (id === DUP_FRAME) dupFrame = fl.num[i] as number;
    else if (id === FLAGS && i > at) break;
    seen.add(id);
  }
  // the fast and spurious retransmissions carry the plain retransmission's note as well
  const plainRetrans = seen.has(RETRANS) && !seen.has(FAST) && !seen.has(SPURIOUS);
  const parts: [boolean, string][] = [
    [seen.has(REUSED), '[TCP Port numbers reused] '],
    [plainRetrans, '[TCP Retransmission] '],
    [seen.has(FAST), '[TCP Fast Retransmission] '],
    [seen.has(SPURIOUS), '[TCP Spurious Retransmission] '],
    [seen.has(OOO), '[TCP Out-Of-Order] '],
    [seen.has(LOST), '[TCP Previous segment not captured] '],
    [seen.has(ACK_LOST), '[TCP ACKed unseen segment] '],
    [seen.has(WIN_UPDATE), '[TCP Window Update] '],
    [seen.has(WIN_FULL), '[TCP Window Full] '],
    [seen.has(KEEP_ALIVE), '[TCP Keep-Alive] '],
    [seen.has(KEEP_ALIVE_ACK), '[TCP Keep-Alive ACK] '],
    [dupNum !== 0, `[TCP Dup ACK ${dupFrame}#${dupNum}] `],
    [seen.has(ZWP), '[TCP ZeroWindowProbe] '],
    [seen.has(ZW), '[TCP ZeroWindow] '],
    [seen.has(ZWP_ACK), '[TCP ZeroWindowProbeAck] '],
  ];
  let s = '';
  for (const [on, text] of parts) if (on) s = text + s;
  return s;
}

/** Wireshark's "Bad TCP" colouring rule: `tcp.analysis.flags && !tcp.analysis.window_update &&
 *  !tcp.analysis.keep_alive && !tcp.analysis.keep_alive_ack` (its first default rule). */
export function badTcp(fl: FieldList): boolean {
  let flagged = false;
  for (let i = 0; i < fl.count; i++) {
    const id = fl.id[i] as number;
    if (id === FLAGS) flagged = true;
    else if (id === WIN_UPDATE || id === KEEP_ALIVE || id === KEEP_ALIVE_ACK) return false;
  }
  return flagged;
}
