// MPLS LSP Ping / Traceroute echo messages (RFC 8029 §3; Wireshark 4.0 packet-mpls-echo.c), UDP 3503.
// A minimal dissector: the fixed header and the TLVs' type and length; TLV contents are not decoded.
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   |       Version Number          |         Global Flags          |
//   |  Message Type |   Reply mode  |  Return Code  | Return Subcode|
//   |                        Sender's Handle                        |
//   |                        Sequence Number                        |
//   |                    TimeStamp Sent (seconds)                   |
//   |                  TimeStamp Sent (seconds fraction)            |
//   |                  TimeStamp Received (seconds)                 |
//   |                TimeStamp Received (seconds fraction)          |
//   |                            TLVs ...                           |
// The timestamps are NTP timestamps (RFC 5905), seconds since 1900.

import { Base, FT, names, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { dissectData } from './data.ts';
import { bind, registerDissector } from './tables.ts';

const VERSION = 0;
const FLAGS = 2;
const MSG_TYPE = 4;
const REPLY_MODE = 5;
const RETURN_CODE = 6;
const RETURN_SUBCODE = 7;
const HANDLE = 8;
const SEQUENCE = 12;
const TS_SENT = 16;
const TS_REC = 24;
export const MPLS_ECHO_HEADER_LEN = TS_REC + 8;
const TLV_HEADER_LEN = 4;
/** Seconds from the NTP epoch (1900) to the Unix epoch (1970). */
const NTP_UNIX_OFFSET = 2208988800;

export const F = registerFields({
  echo: { name: 'mpls-echo', label: 'Multiprotocol Label Switching Echo', type: FT.PROTOCOL },
  version: { name: 'mpls_echo.version', label: 'Version', type: FT.UINT, bits: 16 },
  flags: { name: 'mpls_echo.flags', label: 'Global Flags', type: FT.UINT, base: Base.HEX, bits: 16 },
  flagSbz: { name: 'mpls_echo.flag_sbz', label: 'Reserved', type: FT.UINT, base: Base.HEX, bits: 16, mask: 0xfff8 },
  flagV: { name: 'mpls_echo.flag_v', label: 'Validate FEC Stack', type: FT.BOOLEAN, bits: 16, mask: 0x0001 },
  flagT: { name: 'mpls_echo.flag_t', label: 'Respond only if TTL expired', type: FT.BOOLEAN, bits: 16, mask: 0x0002 },
  flagR: { name: 'mpls_echo.flag_r', label: 'Validate Reverse Path', type: FT.BOOLEAN, bits: 16, mask: 0x0004 },
  msgType: { name: 'mpls_echo.msg_type', label: 'Message Type', type: FT.UINT, bits: 8, names: names([[1, 'MPLS Echo Request'], [2, 'MPLS Echo Reply'], [3, 'MPLS Data Plane Verification Request'], [4, 'MPLS Data Plane Verification Reply']]) },
  replyMode: { name: 'mpls_echo.reply_mode', label: 'Reply Mode', type: FT.UINT, bits: 8, names: names([[1, 'Do not reply'], [2, 'Reply via an IPv4/IPv6 UDP packet'], [3, 'Reply via an IPv4/IPv6 UDP packet with Router Alert'], [4, 'Reply via application level control channel'], [5, 'Reply via Specified Path']]) },
  returnCode: { name: 'mpls_echo.return_code', label: 'Return Code', type: FT.UINT, bits: 8 },
  returnSubcode: { name: 'mpls_echo.return_subcode', label: 'Return Subcode', type: FT.UINT, bits: 8 },
  handle: { name: 'mpls_echo.sender_handle', label: "Sender's Handle", type: FT.UINT, base: Base.HEX },
  sequence: { name: 'mpls_echo.sequence', label: 'Sequence Number', type: FT.UINT },
  tsSent: { name: 'mpls_echo.timestamp_sent', label: 'Timestamp Sent', type: FT.ABSOLUTE_TIME },
  tsRec: { name: 'mpls_echo.timestamp_rec', label: 'Timestamp Received', type: FT.ABSOLUTE_TIME },
  tlvType: { name: 'mpls_echo.tlv.type', label: 'Type', type: FT.UINT, bits: 16 },
  tlvLen: { name: 'mpls_echo.tlv.len', label: 'Length', type: FT.UINT, bits: 16 },
  tlvValue: { name: 'mpls_echo.tlv.value', label: 'Value', type: FT.BYTES },
});

/** An NTP timestamp as an absolute time. As in Wireshark, all-zero is shown as the Unix epoch and
 *  seconds with the top bit clear are taken to be in NTP era 1 (from 2036; RFC 5905 §6). */
function ntpTime(c: Ctx, id: number, o: number, end: number): void {
  if (!c.has(o, 8, end)) return;
  const sec = c.u32(o);
  const frac = c.u32(o + 4);
  const unix = sec === 0 && frac === 0 ? 0 : sec + (sec >= 0x80000000 ? 0 : 0x100000000) - NTP_UNIX_OFFSET;
  const i = c.f.add(id, o, 8, unix);
  c.f.aux[i] = Math.floor((frac * 1e9) / 0x100000000);
}

export function dissectMplsEcho(c: Ctx, off: number, end: number): void {
  const f = c.f;
  // Wireshark rejects the payload (it becomes data) when it is shorter than the fixed header or
  // its version is not 1 (RFC 8029 §3: "The Version Number is currently 1").
  if (end - off < MPLS_ECHO_HEADER_LEN) {
    c.call(dissectData, off, end);
    return;
  }
  if (!c.has(off + VERSION, 2, end)) return;
  if (c.u16(off + VERSION) !== 1) {
    c.call(dissectData, off, end);
    return;
  }
  c.proto(F.echo, off, end);
  c.uint(F.version, off + VERSION, 2, end);
  const flags = c.uint(F.flags, off + FLAGS, 2, end);
  if (flags >= 0) {
    f.push(f.last);
    f.add(F.flagSbz, off + FLAGS, 2, (flags & 0xfff8) >> 3);
    f.add(F.flagV, off + FLAGS, 2, flags & 1);
    f.add(F.flagT, off + FLAGS, 2, (flags >> 1) & 1);
    f.add(F.flagR, off + FLAGS, 2, (flags >> 2) & 1);
    f.pop();
  }
  c.uint(F.msgType, off + MSG_TYPE, 1, end);
  c.uint(F.replyMode, off + REPLY_MODE, 1, end);
  c.uint(F.returnCode, off + RETURN_CODE, 1, end);
  c.uint(F.returnSubcode, off + RETURN_SUBCODE, 1, end);
  c.uint(F.handle, off + HANDLE, 4, end);
  c.uint(F.sequence, off + SEQUENCE, 4, end);
  ntpTime(c, F.tsSent, off + TS_SENT, end);
  ntpTime(c, F.tsRec, off + TS_REC, end);
  for (let o = off + MPLS_ECHO_HEADER_LEN; o < end && !c.stop; ) {
    if (!c.has(o, TLV_HEADER_LEN, end)) break;
    const len = c.u16(o + 2);
    f.push(f.text(o, TLV_HEADER_LEN + len, 'TLV'));
    f.add(F.tlvType, o, 2, c.u16(o));
    f.add(F.tlvLen, o + 2, 2, len);
    if (len > 0) c.field(F.tlvValue, o + TLV_HEADER_LEN, len, end);
    f.pop();
    o += TLV_HEADER_LEN + len;
  }
  f.pop();
}

registerDissector('mpls-echo', dissectMplsEcho);
bind('udp.port', 3503, 'mpls-echo');
