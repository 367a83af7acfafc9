// TCP options (RFC 9293 section 3.2; Wireshark packet-tcp.c dissect_tcpopt_* and
// dissect_ip_tcp_options), called by tcp.ts for the bytes between the fixed header and the data
// offset. Each option is a kind byte, then (except EOL and NOP) a length byte counting both:
//
//   +--------+--------+---------...
//   |  Kind  | Length |  data
//   +--------+--------+---------...
//
// As Wireshark: an option whose length byte is missing, below 2, or runs past the header ends the
// list with an expert note; an option of a fixed size with another length shows its kind and
// length and is skipped; after End of Option List the rest must be zero padding.
// Multipath TCP (kind 30, RFC 8684) has a module of its own (mptcp.ts). A fourth NOP "in a row"
// raises tcp.nop, counted as packet-tcp.c counts them (see nopInARow).

import { Base, FT, names, registerFields } from '../fields/registry.ts';
import { EF } from '../fields/field-list.ts';
import { Group, Severity, expertAt, expertLine, registerExperts } from './expert.ts';
import type { Ctx } from './context.ts';
import { dissectMptcp } from './mptcp.ts';
import { QS_RATES } from './ipv4-option-kinds.ts';

const KIND = 0;
/** Where the options start in the TCP header (offsets there are packet-tcp.c's tvb offsets). */
const TCP_OPTIONS_AT = 20;
/** AccECN options, order 0 and order 1. */
const ACC_ECN_0 = 0xac;
const ACC_ECN_1 = 0xae;
const LEN = 1;
const DATA = 2;

/** tcp_option_kind_vs (tshark 4.0.17's `-G values`). */
const OPT_NAMES = names([
  [38, 'tcp_option_kind_vs'], [0, 'End of Option List'], [1, 'No-Operation'], [2, 'Maximum Segment Size'],
  [3, 'Window Scale'], [4, 'SACK Permitted'], [5, 'SACK'], [6, 'Echo'], [7, 'Echo Reply'],
  [8, 'Time Stamp Option'], [9, 'Partial Order Connection Permitted'], [10, 'Partial Order Service Profile'],
  [11, 'CC'], [12, 'CC.NEW'], [13, 'CC.ECHO'], [14, 'TCP Alternate Checksum Request'],
  [15, 'TCP Alternate Checksum Data'], [16, 'Skeeter'], [17, 'Bubba'], [18, 'Trailer Checksum Option'],
  [19, 'MD5 Signature Option'], [20, 'SCPS Capabilities'], [21, 'Selective Negative Acknowledgements'],
  [22, 'Record Boundaries'], [23, 'Corruption experienced'], [24, 'SNAP'], [25, 'Unassigned'],
  [26, 'TCP Compression Filter'], [27, 'Quick-Start Response'], [28, 'User Timeout Option'],
  [29, 'The TCP Authentication Option'], [30, 'Multipath TCP'], [34, 'TCP Fast Open Cookie'],
  [76, 'Riverbed Probe'], [78, 'Riverbed Transparency'], [ACC_ECN_0, 'Accurate ECN Order 0'],
  [ACC_ECN_1, 'Accurate ECN Order 1'], [253, 'RFC3692-style Experiment 1'],
  [254, 'RFC3692-style Experiment 2'],
]);

/** RFC 4782's rates by their 4-bit code (packet-tcp.c's qs_rate_vals, as IPv4's Quick-Start). */
const QS_RATE_NAMES = names(QS_RATES.map((r, i) => [i, r]));

/** Experiment Identifiers Wireshark knows (packet-tcp.c's tcp_exid_vs). */
const EXIDS = names([
  [0x00ac, 'TCP ACK Rate Request'], [0x0348, 'Host ID'], [0x0a0d, 'Autonomous System Compensation'], [0x0ca0, 'Capability Option'],
  [0x0ed0, 'Extended Data Offset'], [0x454e, 'Encryption Negotiation'], [0x5323, 'Service Number'], [0x75ec, 'Timestamp Interval'],
  [0xacc0, 'Accurate ECN - Order 0'], [0xacc1, 'Accurate ECN - Order 1'], [0xacce, 'Accurate ECN'],
  [0xe2d4, 'Shared Memory communications over RMDA protocol'], [0xf989, 'Fast Open'], [0xf990, 'Low Latency'],
]);
/** The options' short names, which the Options line lists (Wireshark's protocol short names). */
const SHORT_NAMES = new Map([
  [0, 'End of Option List (EOL)'], [1, 'No-Operation (NOP)'], [2, 'Maximum segment size'], [3, 'Window scale'],
  [4, 'SACK permitted'], [5, 'SACK'], [8, 'Timestamps'], [19, 'TCP MD5 signature'], [27, 'Quick-Start'], [28, 'User Timeout'],
  [30, 'MPTCP'], [34, 'TCP Fast Open'], [0xac, 'Accurate ECN'], [0xae, 'Accurate ECN'], [253, 'Experimental'], [254, 'Experimental'],
]);


export const O = registerFields({
  kind: { name: 'tcp.option_kind', label: 'Kind', type: FT.UINT, bits: 8, names: OPT_NAMES, unknownName: true },
  len: { name: 'tcp.option_len', label: 'Length', type: FT.UINT, bits: 8 },
  eol: { name: 'tcp.options.eol', label: 'TCP Option - End of Option List (EOL)', type: FT.BYTES, nameOnly: true },
  nop: { name: 'tcp.options.nop', label: 'TCP Option - No-Operation (NOP)', type: FT.BYTES, nameOnly: true },
  mss: { name: 'tcp.options.mss', label: 'TCP Option - Maximum segment size', type: FT.BYTES, nameOnly: true },
  mssVal: { name: 'tcp.options.mss_val', label: 'MSS Value', type: FT.UINT, bits: 16 },
  wscale: { name: 'tcp.options.wscale', label: 'TCP Option - Window scale', type: FT.BYTES, nameOnly: true },
  shift: { name: 'tcp.options.wscale.shift', label: 'Shift count', type: FT.UINT, bits: 8 },
  multiplier: { name: 'tcp.options.wscale.multiplier', label: 'Multiplier', type: FT.UINT, bits: 16 },
  sackPerm: { name: 'tcp.options.sack_perm', label: 'TCP Option - SACK permitted', type: FT.BYTES, nameOnly: true },
  sack: { name: 'tcp.options.sack', label: 'TCP Option - SACK', type: FT.BYTES, nameOnly: true },
  sackLe: { name: 'tcp.options.sack_le', label: 'TCP SACK Left Edge', type: FT.UINT },
  sackRe: { name: 'tcp.options.sack_re', label: 'TCP SACK Right Edge', type: FT.UINT },
  sackCount: { name: 'tcp.options.sack.count', label: 'TCP SACK Count', type: FT.UINT, bits: 8 },
  timestamp: { name: 'tcp.options.timestamp', label: 'TCP Option - Timestamps', type: FT.BYTES, nameOnly: true },
  tsval: { name: 'tcp.options.timestamp.tsval', label: 'Timestamp value', type: FT.UINT },
  tsecr: { name: 'tcp.options.timestamp.tsecr', label: 'Timestamp echo reply', type: FT.UINT },
  md5: { name: 'tcp.options.md5', label: 'TCP Option - TCP MD5 signature', type: FT.BYTES, nameOnly: true },
  md5Digest: { name: 'tcp.options.md5.digest', label: 'MD5 digest', type: FT.BYTES },
  userTo: { name: 'tcp.options.user_to', label: 'TCP Option - User Timeout', type: FT.BYTES, nameOnly: true },
  tfo: { name: 'tcp.options.tfo', label: 'TCP Option - TCP Fast Open', type: FT.BYTES, nameOnly: true },
  tfoCookie: { name: 'tcp.options.tfo.cookie', label: 'Fast Open Cookie', type: FT.BYTES },
  tfoRequest: { name: 'tcp.options.tfo.request', label: 'Fast Open Cookie Request', type: FT.NONE },
  userToGranularity: { name: 'tcp.options.user_to_granularity', label: 'Granularity', type: FT.BOOLEAN, bits: 16, mask: 0x8000,
    tf: ['Minutes', 'Seconds'], blurb: 'TCP User Timeout Granularity' },
  userToVal: { name: 'tcp.options.user_to_val', label: 'User Timeout', type: FT.UINT, bits: 16, mask: 0x7fff, blurb: 'TCP User Timeout Value' },
  accEcn: { name: 'tcp.options.acc_ecn', label: 'TCP Option - Accurate ECN', type: FT.BYTES, nameOnly: true },
  ee0b: { name: 'tcp.options.acc_ecn.ee0b', label: 'Accurate ECN Echo ECT(0) Byte Counter', type: FT.UINT, bits: 24 },
  eceb: { name: 'tcp.options.acc_ecn.eceb', label: 'Accurate ECN Echo CE Byte Counter', type: FT.UINT, bits: 24 },
  ee1b: { name: 'tcp.options.acc_ecn.ee1b', label: 'Accurate ECN Echo ECT(1) Byte Counter', type: FT.UINT, bits: 24 },
  experimental: { name: 'tcp.options.experimental', label: 'TCP Option - Experimental', type: FT.BYTES, nameOnly: true },
  exid: { name: 'tcp.options.experimental.exid', label: 'Experiment Identifier', type: FT.UINT, base: Base.HEX, bits: 16, names: EXIDS, unknownName: true },
  expData: { name: 'tcp.options.experimental.data', label: 'Data', type: FT.BYTES },
  unknown: { name: 'tcp.options.unknown', label: 'TCP Option - Unknown', type: FT.BYTES, nameOnly: true },
  qs: { name: 'tcp.options.qs', label: 'TCP Option - Quick-Start', type: FT.BYTES, nameOnly: true },
  // (both "QS Rate" in packet-tcp.c, the second being the TTL difference)
  qsRate: { name: 'tcp.options.qs.rate', label: 'QS Rate', type: FT.UINT, bits: 8, mask: 0xf, names: QS_RATE_NAMES },
  qsTtlDiff: { name: 'tcp.options.qs.ttl_diff', label: 'QS Rate', type: FT.UINT, bits: 8 },
  unknownPayload: { name: 'tcp.options.unknown.payload', label: 'Payload', type: FT.BYTES },
});

/** What the options told the TCP layer. */
export interface TcpOptionInfo {
  /** Window scale shift count, or -1 when there was no Window Scale option. */
  wscale: number;
  /** An AccECN option was read (its counters, or none): the stream's later segments carry ACE. */
  accEcn: boolean;
  /** SACK blocks read (of the last SACK option), and their raw left, right edges. */
  sacks: number;
  sackEdges: Int32Array;
}

/** The entry of the option item being dissected (negative when a lean dissection skipped it). */
let optionItem = -1;
/** Whether the segment being dissected has SYN set (the MSS option belongs in SYNs only), and
 *  whether it is a SYN without ACK (one whose Fast Open cookie opens with data). */
let syn = false;
let synOnly = false;

/** packet-tcp.c's expert infos on options (severity and group as tshark 4.0.17 titles them on
 *  test/fixtures/expert/expert-cases.pcap). */
const X = registerExperts({
  lenInvalid: { name: 'tcp.option.len.invalid', msg: 'Invalid length for option', severity: Severity.NOTE, group: Group.SEQUENCE },
  wscaleShiftInvalid: { name: 'tcp.options.wscale.shift.invalid', msg: 'Window scale shift exceeds 14', severity: Severity.WARN, group: Group.PROTOCOL },
  nonZeroAfterEol: { name: 'tcp.non_zero_bytes_after_eol', msg: 'Non-zero header padding', severity: Severity.ERROR, group: Group.PROTOCOL },
  mssAbsent: { name: 'tcp.options.mss.absent', msg: 'The SYN packet does not contain a MSS option', severity: Severity.NOTE, group: Group.PROTOCOL },
  nop: { name: 'tcp.nop', msg: '4 NOP in a row - a router may have removed some options', severity: Severity.WARN, group: Group.PROTOCOL },
  mssPresent: { name: 'tcp.options.mss.present', msg: 'The non-SYN packet does contain a MSS option', severity: Severity.WARN, group: Group.PROTOCOL },
  tfoSyn: { name: 'tcp.analysis.tfo_syn', msg: 'TCP SYN with TFO Cookie', severity: Severity.NOTE, group: Group.SEQUENCE },
});

const info: TcpOptionInfo = { wscale: -1, accEcn: false, sacks: 0, sackEdges: new Int32Array(8) };

/**
 * Dissect the options in [off, end) (end = the data offset, already checked to be captured).
 * `sackBase` is subtracted from SACK edges (relative sequence numbers of the reverse direction).
 */
export function dissectTcpOptions(c: Ctx, off: number, end: number, sackBase: number, synSet: boolean, optionsItem = -1, ackSet = false): TcpOptionInfo {
  const f = c.f;
  syn = synSet;
  synOnly = synSet && !ackSet;
  let mss = false;
  // (each option's short name goes on the Options line once it is dissected, as tcp_dissect_options does)
  info.wscale = -1;
  info.accEcn = false;
  info.sacks = 0;
  let o = off;
  let nops = 0;
  while (o < end && !c.stop) {
    const kind = c.u8(o + KIND);
    if (kind === 0 || kind === 1) {
      if (kind === 1) {
        // tcp_dissect_options counts NOPs "in a row within a uint32": a NOP counts when it is the
        // first or not at a multiple of 4 from the TCP header (then the count starts over), and
        // nothing else resets it; the fourth raises the warning, under the Options line
        if (nops === 0 || (o - off + TCP_OPTIONS_AT) % 4 !== 0) {
          if (++nops === 4) expertAt(c, -1, X.nop);
        } else nops = 0;
      }
      f.push(f.add(kind === 0 ? O.eol : O.nop, o, 1));
      f.add(O.kind, o, 1, kind);
      f.pop();
      if (optionsItem >= 0) f.appendLabel(optionsItem, `, ${SHORT_NAMES.get(kind)}`);
      o++;
      if (kind === 0 && !allZero(c.b, o, end)) {
        expertLine(c, o, end - o, X.nonZeroAfterEol, 'Non-zero header padding');
        return info;
      }
      continue;
    }
    // (these end the list, without the SYN's MSS check below)
    if (o + LEN >= end) {
      expertLine(c, o, 1, X.lenInvalid, `${shortName(kind)} (length byte past end of options)`);
      return info;
    }
    const len = c.u8(o + LEN);
    if (len < 2) {
      expertLine(c, o, 2, X.lenInvalid, `${shortName(kind)} (with too-short option length = ${len} byte${len === 1 ? '' : 's'})`);
      return info;
    }
    if (o + len > end) {
      expertLine(c, o, end - o, X.lenInvalid, `${shortName(kind)} (option length = ${len} bytes says option goes past end of options)`);
      return info;
    }
    option(c, kind, o, len, sackBase);
    if (kind === 2) mss = true;
    if (optionsItem >= 0) f.appendLabel(optionsItem, `, ${shortName(kind)}`);
    o += len;
  }
  if (syn && !mss) expertAt(c, -1, X.mssAbsent);
  return info;
}

/**
 * Open the item of an option of a fixed size (left open for its values); false, with an expert
 * note, when its length is not `want` (Wireshark then shows only the kind and the length).
 */
function fixed(c: Ctx, item: number, kind: number, o: number, len: number, want: number): boolean {
  const f = c.f;
  optionItem = f.add(item, o, len);
  f.push(optionItem);
  if (kind === 2 && !syn) expertAt(c, -1, X.mssPresent);
  f.add(O.kind, o, 1, kind);
  const lenItem = f.add(O.len, o + LEN, 1, len);
  if (len === want) return true;
  expertAt(c, lenItem, X.lenInvalid, `option length should be ${want}`);
  return false;
}

/** One option of `len` (>= 2) bytes at o, all inside the header. */
function option(c: Ctx, kind: number, o: number, len: number, sackBase: number): void {
  const f = c.f;
  const d = o + DATA;
  switch (kind) {
    case 2:
      if (fixed(c, O.mss, kind, o, len, 4)) {
        f.add(O.mssVal, d, 2, c.u16(d));
        if (optionItem >= 0) f.appendLabel(optionItem, `: ${c.u16(d)} bytes`);
      }
      break;
    case 3:
      if (fixed(c, O.wscale, kind, o, len, 3)) {
        const shift = c.u8(d);
        f.add(O.shift, d, 1, shift);
        // RFC 7323 section 2.3: "If a Window Scale option is received with a shift.cnt value larger
        // than 14, the TCP SHOULD log the error but MUST use 14 instead of the specified value."
        if (shift > 14) expertAt(c, f.last, X.wscaleShiftInvalid);
        f.add(O.multiplier, d, 1, 2 ** Math.min(shift, 14), EF.GENERATED);
        if (optionItem >= 0) f.appendLabel(optionItem, `: ${shift} (multiply by ${2 ** Math.min(shift, 14)})`);
        info.wscale = shift;
      }
      break;
    case 4:
      fixed(c, O.sackPerm, kind, o, len, 2);
      break;
    case 8:
      if (fixed(c, O.timestamp, kind, o, len, 10)) {
        f.add(O.tsval, d, 4, c.u32(d));
        f.add(O.tsecr, d + 4, 4, c.u32(d + 4));
        if (optionItem >= 0) f.appendLabel(optionItem, `: TSval ${c.u32(d)}, TSecr ${c.u32(d + 4)}`);
      }
      break;
    case 5: {
      optionItem = f.add(O.sack, o, len);
      f.push(optionItem);
      f.add(O.kind, o, 1, kind);
      f.add(O.len, o + LEN, 1, len);
      let n = 0;
      // the sequence analysis keeps the first three blocks (dissect_tcpopt_sack's
      // MAX_TCP_SACK_RANGES slots, from 1)
      info.sacks = 0;
      for (let e = d; e + 8 <= o + len; e += 8, n++) {
        const le = (c.u32(e) - sackBase) >>> 0;
        const re = (c.u32(e + 4) - sackBase) >>> 0;
        // ("left edge = %u (relative)": packet-tcp.c writes its own lines, relative sequence numbers being on)
        const leItem = f.add(O.sackLe, e, 4, le);
        if (f.wanted === null) f.setText(leItem, `left edge = ${le} (relative)`);
        const reItem = f.add(O.sackRe, e + 4, 4, re);
        if (f.wanted === null) f.setText(reItem, `right edge = ${re} (relative)`);
        if (optionItem >= 0) f.appendLabel(optionItem, ` ${le}-${re}`);
        if (info.sacks < 3) {
          info.sackEdges[2 * info.sacks] = c.u32(e);
          info.sackEdges[2 * info.sacks++ + 1] = c.u32(e + 4);
        }
      }
      f.add(O.sackCount, o, 0, n, EF.GENERATED);
      break;
    }
    case 19:
      if (fixed(c, O.md5, kind, o, len, 18)) f.add(O.md5Digest, d, 16);
      break;
    case 28:
      // RFC 5482: the granularity bit, then the timeout in its unit
      if (fixed(c, O.userTo, kind, o, len, 4)) {
        const v = c.u16(d);
        f.add(O.userToGranularity, d, 2, v >> 15);
        f.add(O.userToVal, d, 2, v & 0x7fff);
      }
      break;
    case 34:
      // RFC 7413: no cookie is a request for one ("TFO=R" in Info), else the cookie ("TFO=C"),
      // which a SYN without ACK carries to open with data (a Note of packet-tcp.c's)
      f.push(f.add(O.tfo, o, len));
      f.add(O.kind, o, 1, kind);
      f.add(O.len, o + LEN, 1, len);
      if (len === 2) f.add(O.tfoRequest, o, 2);
      else if (len > 2) {
        const cookie = f.add(O.tfoCookie, d, len - 2);
        if (synOnly) expertAt(c, cookie, X.tfoSyn);
      }
      break;
    case 30:
      dissectMptcp(c, o, len, O.kind, O.len);
      return;
    case ACC_ECN_0:
    case ACC_ECN_1:
      optionItem = f.add(O.accEcn, o, len);
      f.push(optionItem);
      f.add(O.kind, o, 1, kind);
      const lenItem = f.add(O.len, o + LEN, 1, len);
      if (len === 2 || len === 5 || len === 8 || len === 11) accEcnCounters(c, d, len - 2, kind === ACC_ECN_0);
      else expertAt(c, lenItem, X.lenInvalid, `option length should be 2, 5, 8, or 11 instead of ${len}`);
      break;
    case 253:
    case 254: {
      optionItem = f.add(O.experimental, o, len);
      f.push(optionItem);
      f.add(O.kind, o, 1, kind);
      const lenItem = f.add(O.len, o + LEN, 1, len);
      // RFC 6994: a 16-bit Experiment Identifier first; AccECN's draft used two of them
      const exid = len >= 4 ? c.u16(d) : -1;
      if (exid >= 0) {
        f.add(O.exid, d, 2, exid);
        if (optionItem >= 0) f.appendLabel(optionItem, `: ${EXIDS.get(exid) ?? 'Unknown'}`);
      }
      if (exid === 0xacc0 || exid === 0xacc1) {
        if (len === 4 || len === 7 || len === 10 || len === 13) {
          if (optionItem >= 0) f.appendLabel(optionItem, ': Accurate ECN');
          accEcnCounters(c, d + 2, len - 4, exid === 0xacc0);
        }
        // (under the Length line, above the identifier, as Wireshark shows it)
        else expertAt(c, lenItem, X.lenInvalid, `option length should be 4, 7, 10, or 13 instead of ${len}`);
      } else if (exid === 0xf989) {
        // Fast Open before its option kind (RFC 7413's experimental form): the cookie as option 34's
        if (len > 4) {
          const cookie = f.add(O.tfoCookie, d + 2, len - 4);
          if (synOnly) expertAt(c, cookie, X.tfoSyn);
        } else f.add(O.tfoRequest, o, len);
      } else if (len > 4) f.add(O.expData, d + 2, len - 4);
      break;
    }
    case 27: {
      // RFC 4782's Quick-Start Response: the rate granted and the TTL difference; " QSresp=…" in Info
      if (fixed(c, O.qs, kind, o, len, 8)) {
        f.add(O.qsRate, d, 1, c.u8(d) & 0xf);
        f.add(O.qsTtlDiff, d + 1, 1, c.u8(d + 1));
      }
      break;
    }
    default:
      f.push(f.add(O.unknown, o, len));
      f.add(O.kind, o, 1, kind);
      f.add(O.len, o + LEN, 1, len);
      if (len > 2) f.add(O.unknownPayload, d, len - 2);
  }
  f.pop();
}

/**
 * The byte counters of an AccECN option (draft-ietf-tcpm-accurate-ecn; packet-tcp.c's
 * dissect_tcpopt_acc_ecn_data): up to three 24-bit counters, EE0B, ECEB, EE1B in order 0 and
 * EE1B, ECEB, EE0B in order 1; whichever the option carries, the stream uses ACE from then on.
 */
function accEcnCounters(c: Ctx, d: number, n: number, order0: boolean): void {
  const f = c.f;
  const item = optionItem;
  const ids = order0 ? [O.ee0b, O.eceb, O.ee1b] : [O.ee1b, O.eceb, O.ee0b];
  const names = order0 ? ['EE0B', 'ECEB', 'EE1B'] : ['EE1B', 'ECEB', 'EE0B'];
  const parts: string[] = [];
  for (let k = 0; k < n / 3; k++) {
    const v = (c.u16(d + 3 * k) << 8) | c.u8(d + 3 * k + 2);
    f.add(ids[k] as number, d + 3 * k, 3, v);
    parts.push(`${names[k]} ${v}`);
  }
  if (parts.length > 0 && item >= 0) f.appendLabel(item, ` (Order ${order0 ? 0 : 1}): ${parts.join(', ')}`);
  info.accEcn = true;
}

function allZero(b: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (b[i] !== 0) return false;
  return true;
}

/** The option's short name, as the Options line lists it and the length notes name it. */
function shortName(kind: number): string {
  return SHORT_NAMES.get(kind) ?? `Unknown (0x${kind.toString(16).padStart(2, '0')})`;
}
