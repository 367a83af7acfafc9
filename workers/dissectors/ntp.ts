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

import { Base, FT, names, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { addAbsTime } from './time-fields.ts';
import { bind, registerDissector } from './tables.ts';

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

const MODES = names([
  [0, 'reserved'], [1, 'symmetric active'], [2, 'symmetric passive'], [3, 'client'], [4, 'server'], [5, 'broadcast'],
  [6, 'reserved for NTP control message'], [7, 'reserved for private use'],
]);
const LEAP = names([[0, 'no warning'], [1, 'last minute of the day has 61 seconds'], [2, 'last minute of the day has 59 seconds'], [3, 'unknown (clock unsynchronized)']]);
const OPCODES = names([[0, 'reserved'], [1, 'read status'], [2, 'read variables'], [3, 'write variables'], [4, 'read clock variables'], [5, 'write clock variables'], [6, 'set trap address/port'], [7, 'trap response'], [8, 'runtime configuration'], [9, 'export configuration to file'], [10, 'retrieve remote address stats'], [11, 'retrieve ordered list'], [12, 'request client-specific nonce'], [31, 'unset trap address/port']]);

export const F = registerFields({
  ntp: { name: 'ntp', label: 'Network Time Protocol', type: FT.PROTOCOL },
  flags: { name: 'ntp.flags', label: 'Flags', type: FT.UINT, base: Base.HEX, bits: 8 },
  li: { name: 'ntp.flags.li', label: 'Leap Indicator', type: FT.UINT, bits: 8, mask: 0xc0, names: LEAP },
  vn: { name: 'ntp.flags.vn', label: 'Version number', type: FT.UINT, bits: 8, mask: 0x38 },
  mode: { name: 'ntp.flags.mode', label: 'Mode', type: FT.UINT, bits: 8, mask: 0x07, names: MODES },
  stratum: { name: 'ntp.stratum', label: 'Peer Clock Stratum', type: FT.UINT, bits: 8 },
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
  opcode: { name: 'ntp.ctrl.flags2.opcode', label: 'Opcode', type: FT.UINT, bits: 8, mask: 0x1f, names: OPCODES },
  sequence: { name: 'ntp.ctrl.sequence', label: 'Sequence', type: FT.UINT, bits: 16 },
  status: { name: 'ntp.ctrl.status', label: 'Status', type: FT.UINT, base: Base.HEX, bits: 16 },
  sysLi: { name: 'ntp.ctrl.sys_status.li', label: 'Leap Indicator', type: FT.UINT, bits: 16, mask: 0xc000, names: LEAP },
  sysClksrc: { name: 'ntp.ctrl.sys_status.clksrc', label: 'Clock Source', type: FT.UINT, bits: 16, mask: 0x3f00 },
  sysCount: { name: 'ntp.ctrl.sys_status.count', label: 'System Event Counter', type: FT.UINT, bits: 16, mask: 0x00f0 },
  sysCode: { name: 'ntp.ctrl.sys_status.code', label: 'System Event Code', type: FT.UINT, bits: 16, mask: 0x000f },
  peerSelection: { name: 'ntp.ctrl.peer_status.selection', label: 'Peer Selection', type: FT.UINT, bits: 16, mask: 0x0700 },
  peerCount: { name: 'ntp.ctrl.peer_status.count', label: 'Peer Event Counter', type: FT.UINT, bits: 16, mask: 0x00f0 },
  peerCode: { name: 'ntp.ctrl.peer_status.code', label: 'Peer Event Code', type: FT.UINT, bits: 16, mask: 0x000f },
  associd: { name: 'ntp.ctrl.associd', label: 'AssociationID', type: FT.UINT, bits: 16 },
  offset: { name: 'ntp.ctrl.offset', label: 'Offset', type: FT.UINT, bits: 16 },
  count: { name: 'ntp.ctrl.count', label: 'Count', type: FT.UINT, bits: 16 },
  data: { name: 'ntp.ctrl.data', label: 'Data', type: FT.NONE },
  item: { name: 'ntp.ctrl.item', label: 'Item', type: FT.NONE },
});

export function dissectNtp(c: Ctx, off: number, end: number): void {
  const f = c.f;
  c.proto(F.ntp, off, end);
  const flags = c.uint(F.flags, off + FLAGS, 1, end);
  if (flags < 0) return;
  const mode = flags & 7;
  f.push(f.last);
  f.add(F.li, off, 1, flags >> 6);
  f.add(F.vn, off, 1, (flags >> 3) & 7);
  f.add(F.mode, off, 1, mode);
  f.pop();
  if (mode === MODE_CONTROL) return control(c, off, end);
  if (mode === 7) return; // private (ntpdc) messages: not decoded.
  c.uint(F.stratum, off + STRATUM, 1, end);
  c.uint(F.ppoll, off + POLL, 1, end);
  c.uint(F.precision, off + PRECISION, 1, end);
  c.uint(F.rootdelay, off + ROOT_DELAY, 4, end);
  c.uint(F.rootdispersion, off + ROOT_DISPERSION, 4, end);
  c.field(F.refid, off + REFID, 4, end);
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
  f.push(f.last);
  f.add(F.r, off + 1, 1, flags2 >> 7);
  f.add(F.error, off + 1, 1, (flags2 >> 6) & 1);
  f.add(F.more, off + 1, 1, (flags2 >> 5) & 1);
  f.add(F.opcode, off + 1, 1, flags2 & 0x1f);
  f.pop();
  c.uint(F.sequence, off + 2, 2, end);
  if (!c.has(off + 4, 8, end)) return;
  const response = (flags2 & 0x80) !== 0;
  const associd = c.u16(off + 6);
  status(c, off + 4, response, associd === 0);
  f.add(F.associd, off + 6, 2, associd);
  c.uint(F.offset, off + 8, 2, end);
  const count = c.uint(F.count, off + 10, 2, end);
  const d = off + CTRL_HEADER_LEN;
  if (count <= 0 || !c.has(d, count, end)) return;
  f.push(f.add(F.data, d, count));
  if ((flags2 & 0x1f) === 1 && response) {
    // Read status: (association ID, peer status) pairs.
    for (let o = d; o + 4 <= d + count; o += 4) {
      f.push(f.add(F.item, o, 4));
      f.add(F.associd, o, 2, c.u16(o));
      status(c, o + 2, true, false);
      f.pop();
    }
  } else {
    // Variables are "name=value" text separated by commas (and line breaks).
    let start = d;
    for (let o = d; o <= d + count; o++) {
      const ch = o < d + count ? c.u8(o) : 0x2c;
      if (ch !== 0x2c && ch !== 0x0d && ch !== 0x0a) continue;
      if (o > start) {
        f.push(f.add(F.item, start, o - start));
        f.text(start, o - start, text(c.b, start, o - start));
        f.pop();
      }
      start = o + 1;
    }
  }
  f.pop();
}

function status(c: Ctx, o: number, response: boolean, system: boolean): void {
  const f = c.f;
  const s = c.u16(o);
  f.push(f.add(F.status, o, 2, s));
  if (response && system) {
    f.add(F.sysLi, o, 2, s >> 14);
    f.add(F.sysClksrc, o, 2, (s >> 8) & 0x3f);
    f.add(F.sysCount, o, 2, (s >> 4) & 0x0f);
    f.add(F.sysCode, o, 2, s & 0x0f);
  } else if (response) {
    f.add(F.peerSelection, o, 2, (s >> 8) & 7);
    f.add(F.peerCount, o, 2, (s >> 4) & 0x0f);
    f.add(F.peerCode, o, 2, s & 0x0f);
  }
  f.pop();
}

function text(b: Uint8Array, o: number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(b[o + i] as number);
  return s.trim();
}

registerDissector('ntp', dissectNtp);
bind('udp.port', 123, 'ntp');
