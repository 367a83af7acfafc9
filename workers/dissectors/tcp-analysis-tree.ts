// The [SEQ/ACK analysis] subtree of a TCP segment (packet-tcp.c 4.0,
// tcp_print_sequence_number_analysis), from the frame's analysis (analysis/tcp-analysis.ts): the
// segment it acknowledges and the RTT, the stream's initial RTT, bytes in flight, then the flags,
// each an expert note of the Sequence group carrying its own filter name. In 4.0 the flags are
// expert fields only, so `tcp.analysis.retransmission` also names the fast and spurious ones (they
// add that note too), as tshark's filter finds them.

import { FT, registerFields } from '../fields/registry.ts';
import { EF, FieldGroup } from '../fields/field-list.ts';
import type { Ctx } from './context.ts';
import { Status } from './context.ts';
import { Group, Severity, expertInfo } from './expert.ts';
import { addRelTime } from './time-fields.ts';
import { TA, type SeqAck } from '../analysis/tcp-analysis.ts';

export const A = registerFields({
  analysis: { name: 'tcp.analysis', label: 'SEQ/ACK analysis', type: FT.NONE },
  acksFrame: { name: 'tcp.analysis.acks_frame', label: 'This is an ACK to the segment in frame', type: FT.FRAMENUM },
  ackRtt: { name: 'tcp.analysis.ack_rtt', label: 'The RTT to ACK the segment was', type: FT.RELATIVE_TIME },
  initialRtt: { name: 'tcp.analysis.initial_rtt', label: 'iRTT', type: FT.RELATIVE_TIME },
  bytesInFlight: { name: 'tcp.analysis.bytes_in_flight', label: 'Bytes in flight', type: FT.UINT },
  pushBytesSent: { name: 'tcp.analysis.push_bytes_sent', label: 'Bytes sent since last PSH flag', type: FT.UINT },
  flags: { name: 'tcp.analysis.flags', label: 'TCP Analysis Flags', type: FT.NONE },
  reusedPorts: { name: 'tcp.analysis.reused_ports', label: 'TCP port numbers reused', type: FT.NONE },
  retransmission: { name: 'tcp.analysis.retransmission', label: 'Retransmission', type: FT.NONE },
  rto: { name: 'tcp.analysis.rto', label: 'The RTO for this segment was', type: FT.RELATIVE_TIME },
  rtoFrame: { name: 'tcp.analysis.rto_frame', label: 'RTO based on delta from frame', type: FT.FRAMENUM },
  fastRetransmission: { name: 'tcp.analysis.fast_retransmission', label: 'Fast retransmission', type: FT.NONE },
  spuriousRetransmission: { name: 'tcp.analysis.spurious_retransmission', label: 'Spurious retransmission', type: FT.NONE },
  outOfOrder: { name: 'tcp.analysis.out_of_order', label: 'Out-of-order segment', type: FT.NONE },
  lostSegment: { name: 'tcp.analysis.lost_segment', label: 'Previous segment not captured', type: FT.NONE },
  ackLostSegment: { name: 'tcp.analysis.ack_lost_segment', label: 'ACKed segment that was not captured', type: FT.NONE },
  windowUpdate: { name: 'tcp.analysis.window_update', label: 'Window update', type: FT.NONE },
  windowFull: { name: 'tcp.analysis.window_full', label: 'Window full', type: FT.NONE },
  keepAlive: { name: 'tcp.analysis.keep_alive', label: 'Keep-alive', type: FT.NONE },
  keepAliveAck: { name: 'tcp.analysis.keep_alive_ack', label: 'Keep-alive ACK', type: FT.NONE },
  duplicateAck: { name: 'tcp.analysis.duplicate_ack', label: 'Duplicate ACK', type: FT.NONE },
  duplicateAckNum: { name: 'tcp.analysis.duplicate_ack_num', label: 'Duplicate ACK #', type: FT.UINT },
  duplicateAckFrame: { name: 'tcp.analysis.duplicate_ack_frame', label: 'Duplicate to the ACK in frame', type: FT.FRAMENUM },
  zeroWindowProbe: { name: 'tcp.analysis.zero_window_probe', label: 'Zero window probe', type: FT.NONE },
  zeroWindow: { name: 'tcp.analysis.zero_window', label: 'Zero window', type: FT.NONE },
  zeroWindowProbeAck: { name: 'tcp.analysis.zero_window_probe_ack', label: 'Zero window probe ACK', type: FT.NONE },
});

/** Every field of the subtree: a lean dissection that keeps none of them skips it. */
const ALL = new FieldGroup(Object.values(A));

/** The flags whose notes are of Warning severity (the others are Note or Chat): they mark the
 *  packet, whether or not a lean dissection adds the notes. */
const WARNINGS = TA.OUT_OF_ORDER | TA.LOST_PACKET | TA.ACK_LOST_PACKET | TA.WINDOW_FULL | TA.ZERO_WINDOW;

const { NOTE, WARN, CHAT } = Severity;
// (flag, expert field, message, severity) in the order packet-tcp.c adds them; all of the
// Sequence group.
const NOTES: [flag: number, id: number, msg: string, severity: number][] = [
  [TA.REUSED_PORTS, A.reusedPorts, 'A new tcp session is started with the same ports as an earlier session in this trace', NOTE],
  [TA.RETRANSMISSION, A.retransmission, 'This frame is a (suspected) retransmission', NOTE],
  [TA.FAST_RETRANSMISSION, A.fastRetransmission, 'This frame is a (suspected) fast retransmission', NOTE],
  [TA.FAST_RETRANSMISSION, A.retransmission, 'This frame is a (suspected) retransmission', NOTE],
  [TA.SPURIOUS_RETRANSMISSION, A.spuriousRetransmission, 'This frame is a (suspected) spurious retransmission', NOTE],
  [TA.SPURIOUS_RETRANSMISSION, A.retransmission, 'This frame is a (suspected) retransmission', NOTE],
  [TA.OUT_OF_ORDER, A.outOfOrder, 'This frame is a (suspected) out-of-order segment', WARN],
  [TA.LOST_PACKET, A.lostSegment, 'Previous segment(s) not captured (common at capture start)', WARN],
  [TA.ACK_LOST_PACKET, A.ackLostSegment, "ACKed segment that wasn't captured (common at capture start)", WARN],
  [TA.WINDOW_UPDATE, A.windowUpdate, 'TCP window update', CHAT],
  [TA.WINDOW_FULL, A.windowFull, 'TCP window specified by the receiver is now completely full', WARN],
  [TA.KEEP_ALIVE, A.keepAlive, 'TCP keep-alive segment', NOTE],
  [TA.KEEP_ALIVE_ACK, A.keepAliveAck, 'ACK to a TCP keep-alive segment', NOTE],
];
const ZERO_NOTES: [flag: number, id: number, msg: string, severity: number][] = [
  [TA.ZERO_WINDOW_PROBE, A.zeroWindowProbe, 'TCP Zero Window Probe', NOTE],
  [TA.ZERO_WINDOW, A.zeroWindow, 'TCP Zero Window segment', WARN],
  [TA.ZERO_WINDOW_PROBE_ACK, A.zeroWindowProbeAck, 'ACK to a TCP Zero Window Probe', NOTE],
];

/** Add the subtree for `ta` (nothing when the frame has no analysis) under the current TCP item. */
export function addSeqAckAnalysis(c: Ctx, ta: SeqAck): void {
  const f = c.f;
  if (!ta.exists) return;
  if (ta.flags & WARNINGS) c.status |= Status.WARNING;
  if (!ALL.kept(f)) return;
  f.push(f.add(A.analysis, 0, 0, 0, EF.GENERATED));
  if (ta.frameAcked !== 0) {
    f.add(A.acksFrame, 0, 0, ta.frameAcked, EF.GENERATED);
    if (ta.rttSec !== 0 || ta.rttNsec !== 0) addRelTime(f, A.ackRtt, 0, 0, ta.rttSec, ta.rttNsec, EF.GENERATED);
  }
  if (ta.irttSec !== 0 || ta.irttNsec !== 0) addRelTime(f, A.initialRtt, 0, 0, ta.irttSec, ta.irttNsec, EF.GENERATED);
  if (ta.bytesInFlight !== 0) {
    f.add(A.bytesInFlight, 0, 0, ta.bytesInFlight, EF.GENERATED);
    f.add(A.pushBytesSent, 0, 0, ta.pushBytesSent, EF.GENERATED);
  }
  if (ta.flags !== 0) {
    const flagsItem = f.add(A.flags, 0, 0, 0, EF.GENERATED);
    f.push(flagsItem);
    for (const [flag, id, msg, severity] of NOTES) {
      if (!(ta.flags & flag)) continue;
      expertInfo(c, id, msg, severity, Group.SEQUENCE);
      if (flag === TA.RETRANSMISSION && (ta.rtoSec !== 0 || ta.rtoNsec !== 0)) {
        addRelTime(f, A.rto, 0, 0, ta.rtoSec, ta.rtoNsec, EF.GENERATED);
        f.add(A.rtoFrame, 0, 0, ta.rtoFrame, EF.GENERATED);
      }
    }
    if (ta.dupackNum !== 0 && ta.flags & TA.DUPLICATE_ACK) {
      // (packet-tcp.c writes this flag's line itself)
      const i = f.add(A.duplicateAck, 0, 0, 0, EF.GENERATED);
      if (f.wanted === null) f.label(i, 'This is a TCP duplicate ack');
    }
    f.pop();
    if (ta.dupackNum !== 0) {
      f.add(A.duplicateAckNum, 0, 0, ta.dupackNum, EF.GENERATED);
      f.push(f.add(A.duplicateAckFrame, 0, 0, ta.dupackFrame, EF.GENERATED));
      expertInfo(c, A.duplicateAck, `Duplicate ACK (#${ta.dupackNum})`, NOTE, Group.SEQUENCE);
      f.pop();
    }
    f.push(flagsItem);
    for (const [flag, id, msg, severity] of ZERO_NOTES) if (ta.flags & flag) expertInfo(c, id, msg, severity, Group.SEQUENCE);
    f.pop();
  }
  f.pop();
}
