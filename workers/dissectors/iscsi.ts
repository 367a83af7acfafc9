// iSCSI over TCP port 3260 (RFC 7143; Wireshark 4.0's packet-iscsi.c, draft-13 / RFC layout, no
// header or data digests: the defaults). Each PDU is a 48-byte Basic Header Segment, its AHS and a
// data segment padded to 4 bytes; several PDUs share a segment and one PDU may span several
// (TCP reassembles it: tcp-pdus.ts):
//
//    0: I, opcode   1-3: opcode-specific   4: TotalAHSLength   5-7: DataSegmentLength
//    8-15: LUN or opcode-specific   16-19: Initiator Task Tag   20-47: opcode-specific
//
// The tree follows tshark's order, quirks included: the Flags byte of a SCSI Command, SCSI
// Response and Data-Out goes after the iSCSI item, at the top of the tree, and a SCSI Response's
// SenseLength after its matching lines. Task matching (Request in, Data In in, Response in, Time
// from request) is iscsi-match.ts and iscsi-tasks.ts; the CDB, data and status go to scsi.ts, the
// login and text keys are iscsi-login.ts.
//
// The Info column: each PDU appends its opcode's name ("Login Response (Success)"); SCSI replaces
// it (scsi-info.ts). Protocol is "iSCSI"; frame.protocols names iscsi once a frame.
//
// Not done: header and data digests (CRC32C), AHS (extended CDBs, bidirectional lengths), SNACK,
// Reject's and Async Message's fields (their opcode line and Info only), draft versions, the
// heuristic dissector on other ports, the system port 860.

import type { Ctx } from './context.ts';
import { tcpDesegment } from './tcp-pdus.ts';
import { bind, registerDissector } from './tables.ts';
import {
  ASYNC_EVENT_NAMES, CDB, F, F2, LOGIN_STATUS_NAMES, LOGOUT_REASON_NAMES, LUN, OPCODE_NAMES, Op, REJECT_REASON_NAMES, S_BIT,
  STATUS_NAMES, TMF_FUNCTION_NAMES, TMF_RESPONSE_NAMES,
} from './iscsi-fields.ts';
import { isid, loginFlags, padding, textKeys } from './iscsi-login.ts';
import { scsiCdb, scsiPayload, scsiResponse } from './scsi.ts';
import { match, matchLines } from './iscsi-match.ts';
import { senseInfo } from './scsi-sense.ts';
import { info } from './scsi-info.ts';
import { lunTree } from './scsi-lun.ts';
import { bitmask } from './scsi-bitmask.ts';

const BHS = 48;
const AHS_LEN = 4;
const DSL = 5;
const ITT = 16;

const TARGET_BIT = 0x20;
const CHECK_CONDITION = 0x02;

const opcodeName = (op: number): string => OPCODE_NAMES.get(op) ?? `0x${op.toString(16)}`;
/** "iSCSI (Login Command)" per opcode: a kept protocol item is labelled in lean dissections too. */
const TITLES: readonly string[] = Array.from({ length: 64 }, (_, op) => `iSCSI (${opcodeName(op)})`);

const dataLength = (b: Uint8Array, o: number): number => ((b[o + DSL] as number) << 16) | ((b[o + DSL + 1] as number) << 8) | (b[o + DSL + 2] as number);

/** The PDU's length: header, AHS, data segment padded to 4 bytes (get_iscsi_pdu_len, no digests). */
const pduLength = (b: Uint8Array, o: number): number => BHS + (b[o + AHS_LEN] as number) * 4 + ((dataLength(b, o) + 3) & ~3);

/** The dissection whose Info is being written, and whether this call's iscsi layer was named. */
let serial = -1;
let owner: Ctx | null = null;
let layerTaken = false;

/**
 * The PDUs of a segment (dissect_iscsi's loop: packet-iscsi.c walks them itself, not through
 * tcp_dissect_pdus, so TCP's tree has no "PDU Size" lines): a PDU past the segment's end is
 * reassembled by TCP (its header too, when fewer than 48 bytes are here), and a header that is not
 * plausible ends the walk; at the segment's start, it is no iSCSI at all (a capture that begins
 * in the middle of a data segment): Wireshark's dissect_iscsi returns 0 and TCP shows data.
 */
function dissectIscsi(c: Ctx, off: number, end: number): void {
  // (TCP hands a segment that completes a PDU over twice, the PDU and then the rest: each call is
  // a layer of frame.protocols, "iscsi:data:iscsi"; the PDUs within one call are not)
  layerTaken = false;
  const b = c.b;
  const limit = Math.min(end, b.length);
  let o = off;
  while (o < end && !c.stop) {
    const avail = limit - o;
    if (avail < BHS) {
      if (!tcpDesegment(o, -1, BHS, pduLength)) c.call(dissectPdu, o, end);
      return;
    }
    if (!plausible(b, o)) {
      if (o === off) c.reject();
      return;
    }
    const plen = pduLength(b, o);
    if (avail < plen && tcpDesegment(o, plen, BHS, pduLength)) return;
    c.call(dissectPdu, o, Math.min(o + plen, end));
    o += plen;
  }
}

/** Longest data segment taken for a PDU's (packet-iscsi.c's bogus_pdu_data_length_threshold). */
const BOGUS_DATA_LENGTH = 256 * 1024;

/** An opcode RFC 7143 defines and a data segment under the bogosity threshold. (tshark checks the
 *  header's reserved bits per opcode too; Decapod does not.) */
function plausible(b: Uint8Array, o: number): boolean {
  return OPCODE_NAMES.has((b[o] as number) & 0x3f) && dataLength(b, o) <= BOGUS_DATA_LENGTH;
}

const CMD_FLAGS = [F.cmdF, F.cmdR, F.cmdW, F.cmdAttr] as const;
const RSP_FLAGS = [F.rspBidiO, F.rspBidiU, F.rspO, F.rspU] as const;
const OUT_FLAGS = [F.dataF] as const;

/** One PDU of [off, end) (dissect_iscsi_pdu). */
function dissectPdu(c: Ctx, off: number, end: number): void {
  if (serial !== c.serial || owner !== c) {
    serial = c.serial;
    owner = c;
    info.clear();
  }
  c.colProtocol = 'iSCSI';
  pdu(c, off, end, false);
}

/** A PDU's item and fields, and the SCSI layer of its task. A Reject's rejected header is one too,
 *  `nested` (packet-iscsi.c dissects it with a data segment of length 0, one level deep here, and
 *  no task: its SCSI and matching lines are not shown). */
function pdu(c: Ctx, off: number, end: number, nested: boolean): void {
  const f = c.f;
  const b = c.b;
  const opcode = (b[off] as number) & 0x3f;
  const item = c.proto(F.iscsi, off, end);
  if (layerTaken) c.notLayer(item);
  layerTaken = true;
  f.label(item, TITLES[opcode] as string);
  if (!c.has(off, BHS, end)) {
    f.pop();
    return;
  }
  const itt = c.u32(off + ITT);
  const flags = b[off + 1] as number;
  const dsl = nested ? 0 : dataLength(b, off);
  const data = off + BHS + (b[off + AHS_LEN] as number) * 4;
  const task = nested ? null : match(c, off, opcode, itt, flags);
  if (f.wanted === null && opcode !== Op.SCSI_COMMAND) info.append(opcodeName(opcode) + infoSuffix(b, off, opcode, flags));

  // (the item ends after the header, or after the data segment it shows itself: proto_item_set_len)
  let itemEnd = data;
  f.add(F.opcode, off, 1, opcode);
  if ((opcode & TARGET_BIT) === 0 && opcode !== Op.DATA_OUT && opcode !== Op.LOGIN && opcode !== Op.SNACK) f.add(F.i, off, 1, (b[off] as number) & 0x40);
  switch (opcode) {
    case Op.NOP_OUT:
    case Op.NOP_IN:
      lengths(c, off);
      lunTree(c, off + LUN, end);
      f.add(F.itt, off + ITT, 4, itt);
      f.add(F.ttt, off + 20, 4, c.u32(off + 20));
      sequence(c, off, opcode === Op.NOP_IN);
      itemEnd = dataSegment(c, off, data, dsl, end, F.pingData);
      break;
    case Op.SCSI_COMMAND:
      lengths(c, off);
      lunTree(c, off + LUN, end);
      f.add(F.itt, off + ITT, 4, itt);
      f.add(F.expectedLength, off + 20, 4, c.u32(off + 20));
      sequence(c, off, false);
      itemEnd = dataSegment(c, off, data, dsl, end, F.immediateData);
      break;
    case Op.SCSI_RESPONSE:
      f.add(F.rspResponse, off + 2, 1, b[off + 2] as number);
      f.add(F.rspStatus, off + 3, 1, b[off + 3] as number);
      lengths(c, off);
      f.add(F.itt, off + ITT, 4, itt);
      sequence(c, off, true);
      f.add(F.expDataSN, off + 36, 4, c.u32(off + 36));
      f.add(F.bidiResidualCount, off + 40, 4, c.u32(off + 40));
      f.add(F.residualCount, off + 44, 4, c.u32(off + 44));
      break;
    case Op.TMF:
      f.add(F2.tmfFunction, off + 1, 1, flags & 0x7f);
      lengths(c, off);
      lunTree(c, off + LUN, end);
      f.add(F.itt, off + ITT, 4, itt);
      f.add(F2.referencedTaskTag, off + 20, 4, c.u32(off + 20));
      sequence(c, off, false);
      f.add(F2.refCmdSN, off + 32, 4, c.u32(off + 32));
      break;
    case Op.TMF_RESPONSE:
      // (4.0 shows no TotalAHSLength and DataSegmentLength here: draft-09's layout)
      f.add(F2.tmfResponse, off + 2, 1, b[off + 2] as number);
      f.add(F.itt, off + ITT, 4, itt);
      sequence(c, off, true);
      break;
    case Op.LOGIN:
    case Op.LOGIN_RESPONSE:
      loginFlags(c, off + 1, end);
      f.add(F.versionMax, off + 2, 1, b[off + 2] as number);
      f.add(opcode === Op.LOGIN ? F.versionMin : F.versionActive, off + 3, 1, b[off + 3] as number);
      lengths(c, off);
      isid(c, off + 8, end);
      f.add(F.tsih, off + 14, 2, c.u16(off + 14));
      f.add(F.itt, off + ITT, 4, itt);
      if (opcode === Op.LOGIN) {
        f.add(F.cid, off + 20, 2, c.u16(off + 20));
        sequence(c, off, false);
      } else {
        sequence(c, off, true);
        f.add(F.loginStatus, off + 36, 2, c.u16(off + 36));
      }
      itemEnd = textKeys(c, off, data, dsl, end);
      break;
    case Op.TEXT:
    case Op.TEXT_RESPONSE:
      f.add(F.flags, off + 1, 1, flags);
      f.push(f.last);
      f.add(F2.textF, off + 1, 1, flags & 0x80);
      f.add(F2.textC, off + 1, 1, flags & 0x40);
      f.pop();
      lengths(c, off);
      lunTree(c, off + LUN, end);
      f.add(F.itt, off + ITT, 4, itt);
      f.add(F.ttt, off + 20, 4, c.u32(off + 20));
      sequence(c, off, opcode === Op.TEXT_RESPONSE);
      itemEnd = textKeys(c, off, data, dsl, end);
      break;
    case Op.DATA_OUT:
      lengths(c, off);
      lunTree(c, off + LUN, end);
      f.add(F.itt, off + ITT, 4, itt);
      f.add(F.ttt, off + 20, 4, c.u32(off + 20));
      f.add(F.expStatSN, off + 28, 4, c.u32(off + 28));
      f.add(F.dataSN, off + 36, 4, c.u32(off + 36));
      f.add(F.bufferOffset, off + 40, 4, c.u32(off + 40));
      break;
    case Op.DATA_IN:
      f.add(F.flags, off + 1, 1, flags);
      f.push(f.last);
      f.add(F.dataF, off + 1, 1, flags & 0x80);
      f.add(F.dataA, off + 1, 1, flags & 0x40);
      f.add(F.dataO, off + 1, 1, flags & 0x04);
      f.add(F.dataU, off + 1, 1, flags & 0x02);
      f.add(F.dataS, off + 1, 1, flags & S_BIT);
      f.pop();
      if (flags & S_BIT) f.add(F.rspStatus, off + 3, 1, b[off + 3] as number);
      lengths(c, off);
      f.add(F.itt, off + ITT, 4, itt);
      sequence(c, off, true);
      f.add(F.dataSN, off + 36, 4, c.u32(off + 36));
      f.add(F.bufferOffset, off + 40, 4, c.u32(off + 40));
      f.add(F.dataResidualCount, off + 44, 4, c.u32(off + 44));
      break;
    case Op.LOGOUT:
      f.add(F.logoutReason, off + 1, 1, flags & 0x7f);
      lengths(c, off);
      f.add(F.itt, off + ITT, 4, itt);
      f.add(F.cid, off + 20, 2, c.u16(off + 20));
      sequence(c, off, false);
      break;
    case Op.LOGOUT_RESPONSE:
      f.add(F.logoutResponse, off + 2, 1, b[off + 2] as number);
      lengths(c, off);
      f.add(F.itt, off + ITT, 4, itt);
      sequence(c, off, true);
      f.add(F.time2Wait, off + 40, 2, c.u16(off + 40));
      f.add(F.time2Retain, off + 42, 2, c.u16(off + 42));
      break;
    case Op.R2T:
      lengths(c, off);
      lunTree(c, off + LUN, end);
      f.add(F.itt, off + ITT, 4, itt);
      f.add(F.ttt, off + 20, 4, c.u32(off + 20));
      sequence(c, off, true);
      f.add(F.r2tSN, off + 36, 4, c.u32(off + 36));
      f.add(F.bufferOffset, off + 40, 4, c.u32(off + 40));
      f.add(F.desiredLength, off + 44, 4, c.u32(off + 44));
      break;
    case Op.REJECT:
      f.add(F2.rejectReason, off + 2, 1, b[off + 2] as number);
      lengths(c, off);
      sequence(c, off, true);
      f.add(F.dataSN, off + 36, 4, c.u32(off + 36));
      if (!nested && data < end) {
        f.push(f.text(data, Math.max(0, Math.min(end, b.length) - data), 'Rejected Header'));
        pdu(c, data, end, true);
        f.pop();
      }
      break;
    case Op.ASYNC:
      lengths(c, off);
      lunTree(c, off + LUN, end);
      sequence(c, off, true);
      f.add(F2.asyncEvent, off + 36, 1, b[off + 36] as number);
      f.add(F2.eventVendorCode, off + 37, 1, b[off + 37] as number);
      f.add(F2.parameter1, off + 38, 2, c.u16(off + 38));
      f.add(F2.parameter2, off + 40, 2, c.u16(off + 40));
      f.add(F2.parameter3, off + 42, 2, c.u16(off + 42));
      // (event 0 carries sense data, which Decapod does not show)
      if (b[off + 36] !== 0) itemEnd = dataSegment(c, off, data, dsl, end, F2.asyncEventData);
      break;
    default:
      break;
  }
  if (task !== null) matchLines(c, off, opcode, flags, task);
  const status = b[off + 3] as number;
  let senseAt = -1;
  if (opcode === Op.SCSI_RESPONSE && status === CHECK_CONDITION && end - data >= 2) {
    c.uint(F.senseLength, data, 2, end);
    senseAt = data + 2;
  }
  if (item >= 0) f.len[item] = Math.max(0, Math.min(itemEnd, b.length) - off);
  f.pop();
  if (task === null || c.stop) {
    if (f.wanted === null) c.setInfo(info.text());
    return;
  }
  // the SCSI layer, after the iSCSI item
  const dataEnd = Math.min(data + dsl, end);
  switch (opcode) {
    case Op.SCSI_COMMAND:
      bitmask(c, F.flags, off + 1, end, CMD_FLAGS);
      scsiCdb(c, off + CDB, off + CDB + 16, task);
      info.fence();
      if (dsl > 0) scsiPayload(c, data, dataEnd, task, true, 0);
      break;
    case Op.SCSI_RESPONSE:
      bitmask(c, F.flags, off + 1, end, RSP_FLAGS);
      if (status !== CHECK_CONDITION) {
        scsiResponse(c, off, task, status);
        info.fence();
      } else if (senseAt >= 0) {
        const len = c.u16(data);
        if (len > 0) senseInfo(c, senseAt, Math.min(senseAt + len, end), task.lun);
      }
      break;
    case Op.DATA_IN:
      scsiPayload(c, data, dataEnd, task, false, c.u32(off + 40));
      info.fence();
      if (flags & S_BIT) {
        scsiResponse(c, off, task, status);
        info.fence();
      }
      break;
    case Op.DATA_OUT:
      bitmask(c, F.flags, off + 1, end, OUT_FLAGS);
      scsiPayload(c, data, dataEnd, task, true, c.u32(off + 40));
      info.fence();
      break;
    default:
      break;
  }
  if (f.wanted === null) c.setInfo(info.text());
}

/** TotalAHSLength and DataSegmentLength. */
function lengths(c: Ctx, off: number): void {
  c.f.add(F.totalAhsLength, off + AHS_LEN, 1, c.b[off + AHS_LEN] as number);
  c.f.add(F.dataSegmentLength, off + DSL, 3, dataLength(c.b, off));
}

/** The sequence numbers at 24..: CmdSN and ExpStatSN (initiator), or StatSN, ExpCmdSN, MaxCmdSN (target). */
function sequence(c: Ctx, off: number, target: boolean): void {
  const f = c.f;
  if (target) {
    f.add(F.statSN, off + 24, 4, c.u32(off + 24));
    f.add(F.expCmdSN, off + 28, 4, c.u32(off + 28));
    f.add(F.maxCmdSN, off + 32, 4, c.u32(off + 32));
  } else {
    f.add(F.cmdSN, off + 24, 4, c.u32(off + 24));
    f.add(F.expStatSN, off + 28, 4, c.u32(off + 28));
  }
}

/** A data segment shown as bytes (ping data, immediate data) and its padding (handleDataSegment);
 *  returns where they end. */
function dataSegment(c: Ctx, pdu: number, o: number, dsl: number, end: number, id: number): number {
  if (end <= o) return o;
  const n = Math.min(dsl, end - o);
  if (n > 0 && c.field(id, o, n, end)) o += n;
  return padding(c, pdu, o, end);
}

/** What the Info column says after the opcode's name. */
function infoSuffix(b: Uint8Array, off: number, opcode: number, flags: number): string {
  const v = (n: ReadonlyMap<number, string>, x: number): string => ` (${n.get(x) ?? `0x${x.toString(16)}`})`;
  switch (opcode) {
    case Op.SCSI_RESPONSE:
      return v(STATUS_NAMES, b[off + 3] as number);
    case Op.DATA_IN:
      return flags & S_BIT ? v(STATUS_NAMES, b[off + 3] as number) : '';
    case Op.LOGIN_RESPONSE:
      return v(LOGIN_STATUS_NAMES, ((b[off + 36] as number) << 8) | (b[off + 37] as number));
    case Op.LOGOUT:
      return v(LOGOUT_REASON_NAMES, flags & 0x7f);
    case Op.TMF:
      return v(TMF_FUNCTION_NAMES, flags & 0x7f);
    case Op.TMF_RESPONSE:
      return v(TMF_RESPONSE_NAMES, b[off + 2] as number);
    case Op.REJECT:
      return v(REJECT_REASON_NAMES, b[off + 2] as number);
    case Op.ASYNC:
      return v(ASYNC_EVENT_NAMES, b[off + 36] as number);
    default:
      return '';
  }
}

registerDissector('iscsi', dissectIscsi);
bind('tcp.port', 3260, 'iscsi');
