// PPTP's control connection on TCP 1723 (RFC 2637; Wireshark packet-pptp.c): the common header of
// each control message (length, message type, magic cookie, control message type), whose type the
// Info column names, then the message's own fields (RFC 2637 section 2, laid out in LAYOUTS).

import { Base, FT, fieldById, names, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { dissectData } from './data.ts';
import { Group, Severity, expertAt, registerExperts } from './expert.ts';
import { bind, registerDissector } from './tables.ts';
import { latin1Text } from './ascii.ts';

const MAGIC_COOKIE = 0x1a2b3c4d;
const HEADER_LEN = 12;

const FRAMING = names([[1, 'Asynchronous Framing supported'], [2, 'Synchronous Framing supported'], [3, 'Either Framing supported']]);
const BEARER = names([[1, 'Analog access supported'], [2, 'Digital access supported'], [3, 'Either access supported']]);
const OK_OR_ERROR = names([[1, 'OK'], [2, 'General error']]);

export const PPTP_CONTROL_TYPES = names([
  [1, 'Start-Control-Connection-Request'], [2, 'Start-Control-Connection-Reply'], [3, 'Stop-Control-Connection-Request'],
  [4, 'Stop-Control-Connection-Reply'], [5, 'Echo-Request'], [6, 'Echo-Reply'], [7, 'Outgoing-Call-Request'],
  [8, 'Outgoing-Call-Reply'], [9, 'Incoming-Call-Request'], [10, 'Incoming-Call-Reply'], [11, 'Incoming-Call-Connected'],
  [12, 'Call-Clear-Request'], [13, 'Call-Disconnect-Notify'], [14, 'WAN-Error-Notify'], [15, 'Set-Link-Info'],
]);

export const F = registerFields({
  pptp: { name: 'pptp', label: 'Point-to-Point Tunnelling Protocol', type: FT.PROTOCOL },
  length: { name: 'pptp.length', label: 'Length', type: FT.UINT, bits: 16 },
  type: { name: 'pptp.type', label: 'Message type', type: FT.UINT, bits: 16, names: names([[1, 'Control Message'], [2, 'Management Message']]), unknownName: true },
  magicCookie: { name: 'pptp.magic_cookie', label: 'Magic Cookie', type: FT.UINT, base: Base.HEX, bits: 32 },
  controlType: { name: 'pptp.control_message_type', label: 'Control Message Type', type: FT.UINT, bits: 16, names: PPTP_CONTROL_TYPES, unknownName: true },
  reserved: { name: 'pptp.reserved', label: 'Reserved', type: FT.BYTES },
  version: { name: 'pptp.protocol_version', label: 'Protocol version', type: FT.UINT, bits: 16 },
  framingCaps: { name: 'pptp.framing_capabilities', label: 'Framing Capabilities', type: FT.UINT, names: FRAMING, unknownName: true },
  bearerCaps: { name: 'pptp.bearer_capabilities', label: 'Bearer Capabilities', type: FT.UINT, names: BEARER, unknownName: true },
  maxChannels: { name: 'pptp.maximum_channels', label: 'Maximum Channels', type: FT.UINT, bits: 16 },
  firmware: { name: 'pptp.firmware_revision', label: 'Firmware Revision', type: FT.UINT, bits: 16 },
  hostName: { name: 'pptp.host_name', label: 'Host Name', type: FT.STRING },
  vendorName: { name: 'pptp.vendor_name', label: 'Vendor Name', type: FT.STRING },
  controlResult: { name: 'pptp.control_result', label: 'Result Code', type: FT.UINT, bits: 8, unknownName: true, names: names([
    [1, 'Successful channel establishment'], [2, 'General error'], [3, 'Command channel already exists'], [4, 'Requester not authorized'],
    [5, 'Protocol version not supported'],
  ]) },
  error: { name: 'pptp.error', label: 'Error Code', type: FT.UINT, bits: 8, unknownName: true, names: names([
    [0, 'None'], [1, 'Not-Connected'], [2, 'Bad-Format'], [3, 'Bad-Value'], [4, 'No-Resource'], [5, 'Bad-Call ID'], [6, 'PAC-Error'],
  ]) },
  reason: { name: 'pptp.reason', label: 'Reason', type: FT.UINT, bits: 8, unknownName: true, names: names([[1, 'None'], [2, 'Stop-Protocol'], [3, 'Stop-Local-Shutdown']]) },
  stopResult: { name: 'pptp.stop_result', label: 'Result Code', type: FT.UINT, bits: 8, unknownName: true, names: OK_OR_ERROR },
  identifier: { name: 'pptp.identifier', label: 'Identifier', type: FT.UINT },
  echoResult: { name: 'pptp.echo_result', label: 'Result Code', type: FT.UINT, bits: 8, unknownName: true, names: OK_OR_ERROR },
  callId: { name: 'pptp.call_id', label: 'Call ID', type: FT.UINT, bits: 16 },
  callSerial: { name: 'pptp.call_serial_number', label: 'Call Serial Number', type: FT.UINT, bits: 16 },
  minBps: { name: 'pptp.minimum_bps', label: 'Minimum BPS', type: FT.UINT },
  maxBps: { name: 'pptp.maximum_bps', label: 'Maximum BPS', type: FT.UINT },
  framingType: { name: 'pptp.framing_type', label: 'Framing Type', type: FT.UINT, names: FRAMING, unknownName: true },
  bearerType: { name: 'pptp.bearer_type', label: 'Bearer Type', type: FT.UINT, names: BEARER, unknownName: true },
  window: { name: 'pptp.packet_receive_window_size', label: 'Packet Receive Window Size', type: FT.UINT, bits: 16 },
  delay: { name: 'pptp.packet_processing_delay', label: 'Packet Processing Delay', type: FT.UINT, bits: 16 },
  phoneLength: { name: 'pptp.phone_number_length', label: 'Phone Number Length', type: FT.UINT, bits: 16 },
  phone: { name: 'pptp.phone_number', label: 'Phone Number', type: FT.STRING },
  subaddress: { name: 'pptp.subaddress', label: 'Subaddress', type: FT.STRING },
  peerCallId: { name: 'pptp.peer_call_id', label: 'Peer Call ID', type: FT.UINT, bits: 16 },
  outResult: { name: 'pptp.out_result', label: 'Result Code', type: FT.UINT, bits: 8, unknownName: true, names: names([
    [1, 'Connected'], [2, 'General Error'], [3, 'No Carrier'], [4, 'Busy'], [5, 'No Dial Tone'], [6, 'Time-out'], [7, 'Do Not Accept'],
  ]) },
  cause: { name: 'pptp.cause', label: 'Cause Code', type: FT.UINT, bits: 16 },
  connectSpeed: { name: 'pptp.connect_speed', label: 'Connect Speed', type: FT.UINT },
  physicalChannel: { name: 'pptp.physical_channel_id', label: 'Physical Channel ID', type: FT.UINT },
  dialedLength: { name: 'pptp.dialed_number_length', label: 'Dialed Number Length', type: FT.UINT, bits: 16 },
  dialed: { name: 'pptp.dialed_number', label: 'Dialed Number', type: FT.STRING },
  dialingLength: { name: 'pptp.dialing_number_length', label: 'Dialing Number Length', type: FT.UINT, bits: 16 },
  dialing: { name: 'pptp.dialing_number', label: 'Dialing Number', type: FT.STRING },
  inResult: { name: 'pptp.in_result', label: 'Result Code', type: FT.UINT, bits: 8, unknownName: true, names: names([[1, 'Connect'], [2, 'General error'], [3, 'Do Not Accept']]) },
  discResult: { name: 'pptp.disc_result', label: 'Result Code', type: FT.UINT, bits: 8, unknownName: true, names: names([
    [1, 'Lost Carrier'], [2, 'General Error'], [3, 'Admin Shutdown'], [4, 'Request'],
  ]) },
  statistics: { name: 'pptp.call_Statistics', label: 'Call Statistics', type: FT.STRING },
  crcErrors: { name: 'pptp.crc_errors', label: 'CRC Errors', type: FT.UINT },
  framingErrors: { name: 'pptp.framing_errors', label: 'Framing Errors', type: FT.UINT },
  hardwareOverruns: { name: 'pptp.hardware_overruns', label: 'Hardware overruns', type: FT.UINT },
  bufferOverruns: { name: 'pptp.buffer_overruns', label: 'Buffer overruns', type: FT.UINT },
  timeoutErrors: { name: 'pptp.timeout_errors', label: 'Time-out Errors', type: FT.UINT },
  alignmentErrors: { name: 'pptp.alignment_errors', label: 'Alignment Errors', type: FT.UINT },
  sendAccm: { name: 'pptp.send_accm', label: 'Send ACCM', type: FT.UINT, base: Base.HEX },
  receiveAccm: { name: 'pptp.receive_accm', label: 'Receive ACCM', type: FT.UINT, base: Base.HEX },
});

type Part = readonly [field: number, bytes: number];

/** Each control message's fields after the header, in order, with their sizes (RFC 2637 2.1-2.16;
 *  F.reserved for the reserved words). Strings are NUL-padded to their size. */
const LAYOUTS = new Map<number, readonly Part[]>([
  [1, [[F.version, 2], [F.reserved, 2], [F.framingCaps, 4], [F.bearerCaps, 4], [F.maxChannels, 2], [F.firmware, 2], [F.hostName, 64], [F.vendorName, 64]]],
  [2, [[F.version, 2], [F.controlResult, 1], [F.error, 1], [F.framingCaps, 4], [F.bearerCaps, 4], [F.maxChannels, 2], [F.firmware, 2], [F.hostName, 64], [F.vendorName, 64]]],
  [3, [[F.reason, 1], [F.reserved, 1], [F.reserved, 2]]],
  [4, [[F.stopResult, 1], [F.error, 1], [F.reserved, 2]]],
  [5, [[F.identifier, 4]]],
  [6, [[F.identifier, 4], [F.echoResult, 1], [F.error, 1], [F.reserved, 2]]],
  [7, [[F.callId, 2], [F.callSerial, 2], [F.minBps, 4], [F.maxBps, 4], [F.bearerType, 4], [F.framingType, 4], [F.window, 2], [F.delay, 2],
    [F.phoneLength, 2], [F.reserved, 2], [F.phone, 64], [F.subaddress, 64]]],
  [8, [[F.callId, 2], [F.peerCallId, 2], [F.outResult, 1], [F.error, 1], [F.cause, 2], [F.connectSpeed, 4], [F.window, 2], [F.delay, 2], [F.physicalChannel, 4]]],
  [9, [[F.callId, 2], [F.callSerial, 2], [F.bearerType, 4], [F.physicalChannel, 4], [F.dialedLength, 2], [F.dialingLength, 2], [F.dialed, 64],
    [F.dialing, 64], [F.subaddress, 64]]],
  [10, [[F.callId, 2], [F.peerCallId, 2], [F.inResult, 1], [F.error, 1], [F.window, 2], [F.delay, 2], [F.reserved, 2]]],
  [11, [[F.peerCallId, 2], [F.reserved, 2], [F.connectSpeed, 4], [F.window, 2], [F.delay, 2], [F.framingType, 4]]],
  [12, [[F.callId, 2], [F.reserved, 2]]],
  [13, [[F.callId, 2], [F.discResult, 1], [F.error, 1], [F.cause, 2], [F.reserved, 2], [F.statistics, 128]]],
  [14, [[F.peerCallId, 2], [F.reserved, 2], [F.crcErrors, 4], [F.framingErrors, 4], [F.hardwareOverruns, 4], [F.bufferOverruns, 4],
    [F.timeoutErrors, 4], [F.alignmentErrors, 4]]],
  [15, [[F.peerCallId, 2], [F.reserved, 2], [F.sendAccm, 4], [F.receiveAccm, 4]]],
]);

/** The fields of a control message of type `type` from `o` (after the header). */
function message(c: Ctx, type: number, o: number, end: number): void {
  const f = c.f;
  for (const [id, n] of LAYOUTS.get(type) ?? []) {
    if (c.stop) return;
    const def = fieldById(id);
    if (def.type === FT.STRING) {
      if (!c.has(o, n, end)) return;
      f.addStr(id, o, n, latin1Text(c.b, o, o + n, true));
    } else if (def.type === FT.BYTES) c.field(id, o, n, end);
    else {
      const v = c.uint(id, o, n, end);
      // "Protocol version: 1.0": packet-pptp.c prints the two bytes as major.minor
      if (id === F.version && v >= 0 && f.wanted === null) f.setText(f.last, `Protocol version: ${v >> 8}.${v & 0xff}`);
    }
    o += n;
  }
}

const X = registerExperts({
  incorrectCookie: { name: 'pptp.magic_cookie.incorrect', msg: 'Incorrect Magic Cookie', severity: Severity.WARN, group: Group.PROTOCOL },
});

export function dissectPptp(c: Ctx, off: number, end: number): void {
  const f = c.f;
  const len = c.has(off, 2, end) ? c.u16(off) : 0;
  c.proto(F.pptp, off, Math.min(end, off + Math.max(len, 2)));
  if (!c.has(off, HEADER_LEN, end)) return;
  f.add(F.length, off, 2, len);
  f.add(F.type, off + 2, 2, c.u16(off + 2));
  const cookie = c.u32(off + 4);
  const item = f.add(F.magicCookie, off + 4, 4, cookie);
  if (f.wanted === null) f.appendLabel(item, cookie === MAGIC_COOKIE ? ' (correct)' : ' (incorrect)');
  if (cookie !== MAGIC_COOKIE) expertAt(c, item, X.incorrectCookie);
  f.add(F.controlType, off + 8, 2, c.u16(off + 8));
  c.field(F.reserved, off + 10, 2, end);
  const type = c.u16(off + 8);
  // (a control message type it does not know: the rest as data, under the PPTP item)
  if (!LAYOUTS.has(type)) c.call(dissectData, off + HEADER_LEN, end);
  else if (c.u16(off + 2) === 1) message(c, type, off + HEADER_LEN, end);
  f.pop();
}

registerDissector('pptp', dissectPptp);
bind('tcp.port', 1723, 'pptp');
