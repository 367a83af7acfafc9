// MPLS LSP Ping / Traceroute echo messages (RFC 8029 §3; Wireshark 4.0 packet-mpls-echo.c), UDP 3503.
// The fixed header, and the TLVs titled by type with their type and length; of their contents, the
// Target FEC Stack's LDP IPv4 prefix elements (RFC 8029 §3.2.1) are decoded, the rest shown as bytes.
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
import { addAbsTime } from './time-fields.ts';
import { FEC_TYPES, RETURN_CODES, TLV_TYPES } from './mpls-echo-names.ts';
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
const TLV_TARGET_FEC_STACK = 1;
const FEC_LDP_IPV4 = 1;

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
  returnCode: { name: 'mpls_echo.return_code', label: 'Return Code', type: FT.UINT, bits: 8, names: names(RETURN_CODES) },
  returnSubcode: { name: 'mpls_echo.return_subcode', label: 'Return Subcode', type: FT.UINT, bits: 8 },
  handle: { name: 'mpls_echo.sender_handle', label: "Sender's Handle", type: FT.UINT, base: Base.HEX },
  sequence: { name: 'mpls_echo.sequence', label: 'Sequence Number', type: FT.UINT },
  tsSent: { name: 'mpls_echo.timestamp_sent', label: 'Timestamp Sent', type: FT.ABSOLUTE_TIME },
  tsRec: { name: 'mpls_echo.timestamp_rec', label: 'Timestamp Received', type: FT.ABSOLUTE_TIME },
  tlvType: { name: 'mpls_echo.tlv.type', label: 'Type', type: FT.UINT, bits: 16, names: names(TLV_TYPES) },
  tlvLen: { name: 'mpls_echo.tlv.len', label: 'Length', type: FT.UINT, bits: 16 },
  tlvValue: { name: 'mpls_echo.tlv.value', label: 'Value', type: FT.BYTES },
  fecType: { name: 'mpls_echo.tlv.fec.type', label: 'Type', type: FT.UINT, bits: 16, names: names(FEC_TYPES) },
  fecLen: { name: 'mpls_echo.tlv.fec.len', label: 'Length', type: FT.UINT, bits: 16 },
  ldpIpv4: { name: 'mpls_echo.tlv.fec.ldp_ipv4', label: 'IPv4 Prefix', type: FT.IPV4 },
  ldpIpv4Mask: { name: 'mpls_echo.tlv.fec.ldp_ipv4_mask', label: 'Prefix Length', type: FT.UINT, bits: 8 },
  padding: { name: 'mpls_echo.padding', label: 'Padding', type: FT.BYTES },
});

/** An NTP timestamp as an absolute time. As in Wireshark, all-zero is shown as the Unix epoch and
 *  seconds with the top bit clear are taken to be in NTP era 1 (from 2036; RFC 5905 §6). */
function timestamp(c: Ctx, id: number, o: number, end: number): void {
  if (!c.has(o, 8, end)) return;
  const sec = c.u32(o);
  const frac = c.u32(o + 4);
  const unix = sec === 0 && frac === 0 ? 0 : sec + (sec >= 0x80000000 ? 0 : 0x100000000) - NTP_UNIX_OFFSET;
  addAbsTime(c.f, id, o, 8, unix, Math.floor((frac * 1e9) / 0x100000000));
}

/** The Target FEC Stack's sub-TLVs in [o, end): "FEC Element 1: LDP IPv4 prefix", …; an LDP IPv4
 *  prefix (RFC 8029 §3.2.1) has its prefix, length and padding to 4 bytes. */
function fecStack(c: Ctx, o: number, end: number): void {
  const f = c.f;
  for (let k = 1; o + TLV_HEADER_LEN <= end && !c.stop; k++) {
    const type = c.u16(o);
    const len = c.u16(o + 2);
    const name = FEC_NAMES.get(type) ?? 'Unknown';
    f.push(f.text(o, TLV_HEADER_LEN + len, `FEC Element ${k}: ${name}`));
    f.add(F.fecType, o, 2, type);
    f.add(F.fecLen, o + 2, 2, len);
    const d = o + TLV_HEADER_LEN;
    if (type === FEC_LDP_IPV4 && len >= 5 && c.has(d, 5, end)) {
      f.add(F.ldpIpv4, d, 4);
      f.add(F.ldpIpv4Mask, d + 4, 1, c.u8(d + 4));
      const pad = (4 - (len % 4)) % 4;
      if (pad > 0 && c.has(d + len, pad, end)) f.add(F.padding, d + len, pad);
      o = d + len + pad;
    } else {
      if (len > 0) c.field(F.tlvValue, d, len, end);
      o = d + len;
    }
    f.pop();
  }
}

const TLV_NAMES = names(TLV_TYPES);
const FEC_NAMES = names(FEC_TYPES);

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
  timestamp(c, F.tsSent, off + TS_SENT, end);
  timestamp(c, F.tsRec, off + TS_REC, end);
  for (let o = off + MPLS_ECHO_HEADER_LEN; o < end && !c.stop; ) {
    if (!c.has(o, TLV_HEADER_LEN, end)) break;
    const len = c.u16(o + 2);
    const type = c.u16(o);
    f.push(f.text(o, TLV_HEADER_LEN + len, TLV_NAMES.get(type) ?? 'Unknown TLV type'));
    f.add(F.tlvType, o, 2, type);
    f.add(F.tlvLen, o + 2, 2, len);
    if (type === TLV_TARGET_FEC_STACK && c.has(o + TLV_HEADER_LEN, len, end)) fecStack(c, o + TLV_HEADER_LEN, o + TLV_HEADER_LEN + len);
    else if (len > 0) c.field(F.tlvValue, o + TLV_HEADER_LEN, len, end);
    f.pop();
    o += TLV_HEADER_LEN + len;
  }
  f.pop();
}

registerDissector('mpls-echo', dissectMplsEcho);
bind('udp.port', 3503, 'mpls-echo');
