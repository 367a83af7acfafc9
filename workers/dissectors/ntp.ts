// NTP (RFC 5905 section 7.3; control messages, mode 6, from RFC 1305 appendix B / RFC 9327;
// Wireshark packet-ntp.c), on UDP port 123.
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |LI | VN  |Mode |    Stratum     |     Poll      |  Precision   |
//   |                         Root Delay                            |
//   |                         Root Dispersion                       |
//   |                          Reference ID                         |
//   |                     Reference Timestamp (64)                  |
//   |                      Origin Timestamp (64)                    |
//   |                      Receive Timestamp (64)                   |
//   |                      Transmit Timestamp (64)                  |
//   |                 Key Identifier, Message Digest                |
//
// Mode 6 (control) instead has: flags 2 (R, E, M, opcode), sequence, status, association ID,
// offset, count, then `count` bytes of data. Timestamps are seconds since 1900 and a 2^-32
// fraction; "the 64-bit timestamp format ... will overflow in 2036" (RFC 5905 section 6), so, as
// Wireshark, values with the top bit clear are read as era 1 (from 2036).

import { Base, FT, fieldById, names, registerFields } from '../fields/registry.ts';
import { setFlagNames } from './flag-names.ts';
import { bytesHex, ipv4Text } from '../fields/format.ts';
import type { Ctx } from './context.ts';
import { CLOCK_SOURCES, CLOCK_STATUS, ERROR_STATUS, LEAP_INDICATORS, MODES, OPCODES as OPCODE_NAMES, PEER_EVENTS, PEER_SELECTIONS, REFERENCE_SOURCES, SYSTEM_EVENTS, VERSIONS } from './ntp-names.ts';
import { addAbsTime, addRelTime } from './time-fields.ts';
import { EF } from '../fields/field-list.ts';
import { frameTime } from './frame.ts';
import { perCapture } from '../analysis/per-capture.ts';
import { NtpTransactions, type NtpMatch } from '../analysis/ntp-transactions.ts';
import { bind, registerDissector } from './tables.ts';
import { addControlVariables } from './ntp-control-data.ts';
import { latin1Text } from './ascii.ts';

const FLAGS = 0;
const STRATUM = 1;
const POLL = 2;
const PRECISION = 3;
const ROOT_DELAY = 4;
const ROOT_DISPERSION = 8;
const REFID = 12;
const REFTIME = 16;
const ORG = 24;
const REC = 32;
const XMT = 40;
export const NTP_HEADER_LEN = XMT + 8;
const CTRL_HEADER_LEN = 12;
const MODE_CONTROL = 6;
/** Seconds from 1900 (NTP era 0) to 1970, and the start of era 1 (2036-02-07) in Unix time. */
const NTP_TO_UNIX = 2208988800;
const ERA1 = 2085978496;

const MODE_NAMES = names(MODES);
const LEAP = names(LEAP_INDICATORS);
const VN = names(VERSIONS);
/** Stratum ranges (packet-ntp.c's stratum_rvals). */
const STRATUM_NAMES = names(Array.from({ length: 256 }, (_, v): [number, string] =>
  [v, v === 0 ? 'unspecified or invalid' : v === 1 ? 'primary reference' : v <= 15 ? 'secondary reference' : v === 16 ? 'unsynchronized' : 'reserved']));
const SOURCES = new Map(REFERENCE_SOURCES);

export const F = registerFields({
  ntp: { name: 'ntp', label: 'Network Time Protocol', type: FT.PROTOCOL },
  flags: { name: 'ntp.flags', label: 'Flags', type: FT.UINT, base: Base.HEX, bits: 8 },
  li: { name: 'ntp.flags.li', label: 'Leap Indicator', type: FT.UINT, bits: 8, mask: 0xc0, names: LEAP },
  vn: { name: 'ntp.flags.vn', label: 'Version number', type: FT.UINT, bits: 8, mask: 0x38, names: VN },
  mode: { name: 'ntp.flags.mode', label: 'Mode', type: FT.UINT, bits: 8, mask: 0x07, names: MODE_NAMES },
  stratum: { name: 'ntp.stratum', label: 'Peer Clock Stratum', type: FT.UINT, bits: 8, names: STRATUM_NAMES },
  ppoll: { name: 'ntp.ppoll', label: 'Peer Polling Interval', type: FT.UINT, bits: 8 },
  precision: { name: 'ntp.precision', label: 'Peer Clock Precision', type: FT.UINT, bits: 8 },
  rootdelay: { name: 'ntp.rootdelay', label: 'Root Delay', type: FT.UINT },
  rootdispersion: { name: 'ntp.rootdispersion', label: 'Root Dispersion', type: FT.UINT },
  refid: { name: 'ntp.refid', label: 'Reference ID', type: FT.BYTES },
  reftime: { name: 'ntp.reftime', label: 'Reference Timestamp', type: FT.ABSOLUTE_TIME },
  org: { name: 'ntp.org', label: 'Origin Timestamp', type: FT.ABSOLUTE_TIME },
  rec: { name: 'ntp.rec', label: 'Receive Timestamp', type: FT.ABSOLUTE_TIME },
  xmt: { name: 'ntp.xmt', label: 'Transmit Timestamp', type: FT.ABSOLUTE_TIME },
  keyid: { name: 'ntp.keyid', label: 'Key ID', type: FT.BYTES },
  mac: { name: 'ntp.mac', label: 'Message Authentication Code', type: FT.BYTES },
  flags2: { name: 'ntp.ctrl.flags2', label: 'Flags 2', type: FT.UINT, base: Base.HEX, bits: 8 },
  r: { name: 'ntp.ctrl.flags2.r', label: 'Response bit', type: FT.UINT, bits: 8, mask: 0x80, names: names([[0, 'Request'], [1, 'Response']]) },
  error: { name: 'ntp.ctrl.flags2.error', label: 'Error bit', type: FT.UINT, bits: 8, mask: 0x40 },
  more: { name: 'ntp.ctrl.flags2.more', label: 'More bit', type: FT.UINT, bits: 8, mask: 0x20 },
  opcode: { name: 'ntp.ctrl.flags2.opcode', label: 'Opcode', type: FT.UINT, bits: 8, mask: 0x1f, names: names(OPCODE_NAMES) },
  sequence: { name: 'ntp.ctrl.sequence', label: 'Sequence', type: FT.UINT, bits: 16 },
  status: { name: 'ntp.ctrl.status', label: 'Status', type: FT.UINT, base: Base.HEX, bits: 16 },
  sysLi: { name: 'ntp.ctrl.sys_status.li', label: 'Leap Indicator', type: FT.UINT, bits: 16, mask: 0xc000, names: LEAP },
  sysClksrc: { name: 'ntp.ctrl.sys_status.clksrc', label: 'Clock Source', type: FT.UINT, bits: 16, mask: 0x3f00, names: names(CLOCK_SOURCES) },
  sysCount: { name: 'ntp.ctrl.sys_status.count', label: 'System Event Counter', type: FT.UINT, bits: 16, mask: 0x00f0 },
  sysCode: { name: 'ntp.ctrl.sys_status.code', label: 'System Event Code', type: FT.UINT, bits: 16, mask: 0x000f, names: names(SYSTEM_EVENTS) },
  peerConfig: { name: 'ntp.ctrl.peer_status.config', label: 'Peer Status', type: FT.BOOLEAN, bits: 16, mask: 0x8000, tf: ['configured (peer.config)', 'not configured (peer.config)'] },
  peerAuthenable: { name: 'ntp.ctrl.peer_status.authenable', label: 'Peer Status', type: FT.BOOLEAN, bits: 16, mask: 0x4000, tf: ['authentication enabled (peer.authenable)', 'authentication disabled (peer.authenable)'] },
  peerAuthentic: { name: 'ntp.ctrl.peer_status.authentic', label: 'Peer Status', type: FT.BOOLEAN, bits: 16, mask: 0x2000, tf: ['authentication okay (peer.authentic)', 'authentication not okay (peer.authentic)'] },
  peerReach: { name: 'ntp.ctrl.peer_status.reach', label: 'Peer Status', type: FT.BOOLEAN, bits: 16, mask: 0x1000, tf: ['reachability okay (peer.reach != 0)', 'reachability not okay (peer.reach != 0)'] },
  peerBcast: { name: 'ntp.ctrl.peer_status.bcast', label: 'Peer Status broadcast association', type: FT.BOOLEAN, bits: 16, mask: 0x0800, tf: ['Set', 'Not set'] },
  peerSelection: { name: 'ntp.ctrl.peer_status.selection', label: 'Peer Selection', type: FT.UINT, bits: 16, mask: 0x0700, names: names(PEER_SELECTIONS) },
  peerCount: { name: 'ntp.ctrl.peer_status.count', label: 'Peer Event Counter', type: FT.UINT, bits: 16, mask: 0x00f0 },
  peerCode: { name: 'ntp.ctrl.peer_status.code', label: 'Peer Event Code', type: FT.UINT, bits: 16, mask: 0x000f, names: names(PEER_EVENTS) },
  clkStatus: { name: 'ntp.ctrl.clock_status.status', label: 'Clock Status', type: FT.UINT, bits: 16, mask: 0xff00, names: names(CLOCK_STATUS) },
  clkCode: { name: 'ntp.ctrl.clock_status.code', label: 'Clock Event Code', type: FT.UINT, bits: 16, mask: 0x00ff },
  errStatus: { name: 'ntp.ctrl.err_status', label: 'Error Status Word', type: FT.UINT, bits: 16, mask: 0xff00, names: names(ERROR_STATUS) },
  associd: { name: 'ntp.ctrl.associd', label: 'AssociationID', type: FT.UINT, bits: 16 },
  offset: { name: 'ntp.ctrl.offset', label: 'Offset', type: FT.UINT, bits: 16 },
  count: { name: 'ntp.ctrl.count', label: 'Count', type: FT.UINT, bits: 16 },
  data: { name: 'ntp.ctrl.data', label: 'Data', type: FT.NONE },
  item: { name: 'ntp.ctrl.item', label: 'Item', type: FT.NONE },
  trapmsg: { name: 'ntp.ctrl.trapmsg', label: 'Trap message', type: FT.STRING },
  responseIn: { name: 'ntp.response_in', label: 'Response In', type: FT.FRAMENUM },
  requestIn: { name: 'ntp.request_in', label: 'Request In', type: FT.FRAMENUM },
  deltaTime: { name: 'ntp.delta_time', label: 'Delta Time', type: FT.RELATIVE_TIME },
});

const transactions = perCapture(() => new NtpTransactions());
/** The status words' parts, as their line lists them (a peer's flags, then its selection …). */
const SYSTEM_STATUS = [F.sysLi, F.sysClksrc, F.sysCount, F.sysCode];
const PEER_STATUS_BITS = [F.peerConfig, F.peerAuthenable, F.peerAuthentic, F.peerReach, F.peerBcast];
const PEER_STATUS = [...PEER_STATUS_BITS, F.peerSelection, F.peerCount, F.peerCode];
/** Control message opcodes whose data this dissector reads (packet-ntp.c NTPCTRL_OP_*). */
const enum Opcode {
  READSTAT = 1,
  READVAR = 2,
  WRITEVAR = 3,
  READCLOCK = 4,
  WRITECLOCK = 5,
  ASYNCMSG = 7,
}
const MODE_CLIENT = 3;
const MODE_SERVER = 4;

/** The conversation of this packet (its innermost addresses and UDP ports, either direction),
 *  and `seq` (a control message's sequence number), as the key of its transaction. */
function transactionKey(c: Ctx, seq: string): string {
  const a = `${bytesHex(c.netBuf, c.netSrc, c.netLen)}/${c.srcPort}`;
  const b = `${bytesHex(c.netBuf, c.netDst, c.netLen)}/${c.dstPort}`;
  return `${a < b ? a + b : b + a}|${seq}`;
}

/** File or match this request or response, and show its partner (packet-ntp.c's Response In,
 *  Request In and Delta Time lines). `every`: a response matches a request already answered. */
function transaction(c: Ctx, request: boolean, seq: string, every: boolean): void {
  if (c.netSrc < 0) return;
  const t = transactions(c);
  let m: NtpMatch | undefined;
  if (!c.firstPass) m = t.lookup(c.frameNo);
  else {
    const now = frameTime(c);
    if (request) t.request(transactionKey(c, seq), c.frameNo, now.sec, now.nsec);
    else m = t.response(transactionKey(c, seq), c.frameNo, now.sec, now.nsec, every);
  }
  if (m === undefined) return;
  const f = c.f;
  if (m.response !== 0) f.add(F.responseIn, 0, 0, m.response, EF.GENERATED);
  if (m.request !== 0) {
    f.add(F.requestIn, 0, 0, m.request, EF.GENERATED);
    addRelTime(f, F.deltaTime, 0, 0, m.sec, m.nsec, EF.GENERATED);
  }
}

export function dissectNtp(c: Ctx, off: number, end: number): void {
  const f = c.f;
  const full = f.wanted === null;
  c.proto(F.ntp, off, end);
  const flags = c.uint(F.flags, off + FLAGS, 1, end);
  if (flags < 0) return;
  const mode = flags & 7;
  const vn = (flags >> 3) & 7;
  // (the protocol line's version and mode: table/protocol-summary.ts)
  if (full) f.appendLabel(f.last, setFlagNames([F.li, F.vn, F.mode], flags));
  f.push(f.last);
  f.add(F.li, off, 1, flags >> 6);
  f.add(F.vn, off, 1, vn);
  f.add(F.mode, off, 1, mode);
  f.pop();
  if (mode === MODE_CONTROL) return control(c, off, end);
  if (mode === 7) return; // private (ntpdc) messages: not decoded.
  if (mode === MODE_CLIENT || mode === MODE_SERVER) transaction(c, mode === MODE_CLIENT, '', false);
  const stratum = c.uint(F.stratum, off + STRATUM, 1, end);
  // the values as packet-ntp.c words them: "6 (64 seconds)", "0.000001 seconds", "1.000000 seconds"
  const ppoll = c.uint(F.ppoll, off + POLL, 1, end);
  if (full && ppoll >= 0) f.setText(f.last, `Peer Polling Interval: ${ppoll >= 4 && ppoll <= 17 ? `${ppoll} (${2 ** ppoll} seconds)` : `invalid (${ppoll})`}`);
  const precision = c.uint(F.precision, off + PRECISION, 1, end);
  if (full && precision >= 0) f.setText(f.last, `Peer Clock Precision: ${powerOfTwo((precision << 24) >> 24)} seconds`);
  const delay = c.uint(F.rootdelay, off + ROOT_DELAY, 4, end);
  if (full && delay >= 0) f.setText(f.last, `Root Delay: ${(delay / 65536).toFixed(6)} seconds`);
  const dispersion = c.uint(F.rootdispersion, off + ROOT_DISPERSION, 4, end);
  if (full && dispersion >= 0) f.setText(f.last, `Root Dispersion: ${(dispersion / 65536).toFixed(6)} seconds`);
  c.field(F.refid, off + REFID, 4, end);
  if (full && !c.stop) f.setText(f.last, `Reference ID: ${referenceId(c, off + REFID, stratum)}`);
  timestamp(c, F.reftime, off + REFTIME, end);
  timestamp(c, F.org, off + ORG, end);
  timestamp(c, F.rec, off + REC, end);
  timestamp(c, F.xmt, off + XMT, end);
  const rest = off + NTP_HEADER_LEN;
  if (c.stop || rest + 4 > end) return;
  // RFC 5905 section 7.3: "Key Identifier (keyid): 32-bit unsigned integer used by the client and
  // server to designate a secret 128-bit MD5 key" followed by the digest.
  c.field(F.keyid, rest, 4, end);
  if (rest + 4 < end) c.field(F.mac, rest + 4, end - rest - 4, end);
}

/** 2^e with six decimals, as C's "%.6f" prints it (exactly, also past the 21 digits where
 *  Number.toFixed turns to exponents). */
function powerOfTwo(e: number): string {
  return e < 64 ? (2 ** e).toFixed(6) : `${2n ** BigInt(e)}.000000`;
}

/** The Reference ID as packet-ntp.c reads it: a stratum 0 or 1 server's 4-character source code
 *  (named when Wireshark knows it; kiss codes are not), a higher stratum's upstream IPv4 address. */
function referenceId(c: Ctx, o: number, stratum: number): string {
  if (stratum >= 2) return ipv4Text(c.b, o);
  const code = latin1Text(c.b, o, o + 4, true);
  if (code === '') return 'NULL';
  // (a code is matched with its NUL padding: "GPS" is "GPS\0")
  const padded = [0, 1, 2, 3].every((i) => i < code.length || c.b[o + i] === 0);
  return (padded ? SOURCES.get(code) : undefined) ?? `Unidentified reference source '${code}'`;
}

/** An NTP timestamp as tshark prints it; zero is "NULL", and worth the Unix epoch (proto.c ENC_TIME_NTP). */
function timestamp(c: Ctx, id: number, o: number, end: number): void {
  if (!c.has(o, 8, end)) return;
  const sec = c.u32(o);
  const frac = c.u32(o + 4);
  if (sec === 0 && frac === 0) {
    addAbsTime(c.f, id, o, 8, 0, 0, 0, 'NULL');
    return;
  }
  const unix = sec & 0x80000000 ? sec - NTP_TO_UNIX : sec + ERA1;
  addAbsTime(c.f, id, o, 8, unix, Math.floor((frac * 1e9) / 2 ** 32));
}

/** Mode 6: the control header, its status word, and the data (name=value text, or status pairs). */
function control(c: Ctx, off: number, end: number): void {
  const f = c.f;
  const flags2 = c.uint(F.flags2, off + 1, 1, end);
  if (flags2 < 0) return;
  if (f.wanted === null) f.appendLabel(f.last, setFlagNames([F.r, F.error, F.more, F.opcode], flags2));
  f.push(f.last);
  f.add(F.r, off + 1, 1, flags2 >> 7);
  f.add(F.error, off + 1, 1, (flags2 >> 6) & 1);
  f.add(F.more, off + 1, 1, (flags2 >> 5) & 1);
  f.add(F.opcode, off + 1, 1, flags2 & 0x1f);
  f.pop();
  const sequence = c.uint(F.sequence, off + 2, 2, end);
  if (!c.has(off + 4, 8, end)) return;
  const response = (flags2 & 0x80) !== 0;
  transaction(c, !response, `${sequence}`, true);
  const associd = c.u16(off + 6);
  status(c, off + 4, statusKind(flags2, associd));
  f.add(F.associd, off + 6, 2, associd);
  c.uint(F.offset, off + 8, 2, end);
  const count = c.uint(F.count, off + 10, 2, end);
  const d = off + CTRL_HEADER_LEN;
  if (count <= 0 || !c.has(d, count, end)) return;
  f.push(f.add(F.data, d, count));
  const opcode = flags2 & 0x1f;
  if (opcode === Opcode.READSTAT && associd === 0) {
    // Read status of the system: (association ID, peer status) pairs; as packet-ntp.c, the
    // items hold the IDs and the status words go to the NTP tree, after the data
    const stop = d + count - 4;
    for (let o = d; o <= stop; o += 4) {
      f.push(f.add(F.item, o, 4));
      f.add(F.associd, o, 2, c.u16(o));
      f.pop();
    }
    f.pop();
    for (let o = d; o <= stop; o += 4) status(c, o + 2, StatusKind.PEER);
    return;
  } else if (opcode >= Opcode.READSTAT && opcode <= Opcode.WRITECLOCK) {
    if (f.wanted === null) addControlVariables(f, c.b, d, count);
  } else if (opcode === Opcode.ASYNCMSG) f.addStr(F.trapmsg, d, count, latin1Text(c.b, d, d + count));
  f.pop();
}

/** Which status word a control message carries (packet-ntp.c picks it by the response's error
 *  bit, opcode and association ID; a request's is a plain number). */
const enum StatusKind {
  PLAIN,
  SYSTEM,
  PEER,
  CLOCK,
  ERROR,
}

function statusKind(flags2: number, associd: number): StatusKind {
  if ((flags2 & 0x80) === 0) return StatusKind.PLAIN;
  if (flags2 & 0x40) return StatusKind.ERROR;
  switch (flags2 & 0x1f) {
    case Opcode.READSTAT:
    case Opcode.READVAR:
    case Opcode.WRITEVAR:
    case Opcode.ASYNCMSG:
      return associd !== 0 ? StatusKind.PEER : StatusKind.SYSTEM;
    case Opcode.READCLOCK:
    case Opcode.WRITECLOCK:
      return StatusKind.CLOCK;
    default:
      return StatusKind.PLAIN;
  }
}

function status(c: Ctx, o: number, kind: StatusKind): void {
  const f = c.f;
  const s = c.u16(o);
  const item = f.add(F.status, o, 2, s);
  f.push(item);
  const full = f.wanted === null;
  switch (kind) {
    case StatusKind.SYSTEM:
      if (full) f.appendLabel(item, setFlagNames(SYSTEM_STATUS, s));
      f.add(F.sysLi, o, 2, s >> 14);
      f.add(F.sysClksrc, o, 2, (s >> 8) & 0x3f);
      f.add(F.sysCount, o, 2, (s >> 4) & 0x0f);
      f.add(F.sysCode, o, 2, s & 0x0f);
      break;
    case StatusKind.PEER:
      if (full) f.appendLabel(item, setFlagNames(PEER_STATUS, s));
      for (const id of PEER_STATUS_BITS) f.add(id, o, 2, s & fieldById(id).mask ? 1 : 0);
      f.add(F.peerSelection, o, 2, (s >> 8) & 7);
      f.add(F.peerCount, o, 2, (s >> 4) & 0x0f);
      f.add(F.peerCode, o, 2, s & 0x0f);
      break;
    case StatusKind.CLOCK:
      if (full) f.appendLabel(item, setFlagNames([F.clkStatus, F.clkCode], s));
      f.add(F.clkStatus, o, 2, s >> 8);
      f.add(F.clkCode, o, 2, s & 0xff);
      break;
    case StatusKind.ERROR:
      if (full) f.appendLabel(item, setFlagNames([F.errStatus], s));
      f.add(F.errStatus, o, 2, s >> 8);
      break;
  }
  f.pop();
}

registerDissector('ntp', dissectNtp);
bind('udp.port', 123, 'ntp');
