// The fields of Wireshark 4.0's iSCSI dissector (packet-iscsi.c) that Decapod fills, with their
// names, labels, types and bases as `tshark -G fields` lists them; value names from scsi-names.ts.

import { Base, FT, names, registerFields, type FieldSpec } from '../fields/registry.ts';
import {
  ASYNC_EVENTS, ISCSI_OPCODES, ISID_TYPES, LOGIN_STAGES, LOGIN_STATUS, LOGOUT_REASONS, LOGOUT_RESPONSES, REJECT_REASONS, SCSI_RESPONSES,
  SCSI_STATUS, TASK_ATTRIBUTES, TMF_FUNCTIONS, TMF_RESPONSES,
} from './scsi-names.ts';

/** The opcodes (RFC 7143 section 11.1.1). */
export const enum Op {
  NOP_OUT = 0x00,
  SCSI_COMMAND = 0x01,
  TMF = 0x02,
  LOGIN = 0x03,
  TEXT = 0x04,
  DATA_OUT = 0x05,
  LOGOUT = 0x06,
  SNACK = 0x10,
  NOP_IN = 0x20,
  SCSI_RESPONSE = 0x21,
  TMF_RESPONSE = 0x22,
  LOGIN_RESPONSE = 0x23,
  TEXT_RESPONSE = 0x24,
  DATA_IN = 0x25,
  LOGOUT_RESPONSE = 0x26,
  R2T = 0x31,
  ASYNC = 0x32,
  REJECT = 0x3f,
}

/** Offsets in the Basic Header Segment of the LUN and the CDB (a SCSI Command's), and the Data-In's
 *  S bit (byte 1: the PDU carries the status). */
export const LUN = 8;
export const CDB = 32;
export const S_BIT = 0x01;

export const OPCODE_NAMES = names(ISCSI_OPCODES);
export const STATUS_NAMES = names(SCSI_STATUS);
export const LOGIN_STATUS_NAMES = names(LOGIN_STATUS);
export const LOGOUT_REASON_NAMES = names(LOGOUT_REASONS);
export const ATTR_NAMES = names(TASK_ATTRIBUTES);

const flag = (name: string, label: string, mask: number, tf: readonly [string, string]): FieldSpec => ({ name, label, type: FT.BOOLEAN, bits: 8, mask, tf });
const decHex = (name: string, label: string, bits = 32): FieldSpec => ({ name, label, type: FT.UINT, base: Base.DEC_HEX, bits });
const hex = (name: string, label: string, bits = 32): FieldSpec => ({ name, label, type: FT.UINT, base: Base.HEX, bits });
const frame = (name: string, label: string): FieldSpec => ({ name, label, type: FT.FRAMENUM });
const bytes = (name: string, label: string): FieldSpec => ({ name, label, type: FT.BYTES });
const STAGES = names(LOGIN_STAGES);
const O_FLAG = ['Residual overflow occurred', 'No residual overflow occurred'] as const;
const U_FLAG = ['Residual underflow occurred', 'No residual underflow occurred'] as const;
const F_FLAG = ['Final PDU in sequence', 'Not final PDU in sequence'] as const;

export const F = registerFields({
  iscsi: { name: 'iscsi', label: 'iSCSI', type: FT.PROTOCOL },
  requestFrame: frame('iscsi.request_frame', 'Request in'),
  time: { name: 'iscsi.time', label: 'Time from request', type: FT.RELATIVE_TIME },
  dataInFrame: frame('iscsi.data_in_frame', 'Data In in'),
  dataOutFrame: frame('iscsi.data_out_frame', 'Data Out in'),
  responseFrame: frame('iscsi.response_frame', 'Response in'),
  padding: bytes('iscsi.padding', 'Padding'),
  pingData: bytes('iscsi.pingdata', 'PingData'),
  immediateData: bytes('iscsi.immediatedata', 'ImmediateData'),
  opcode: { name: 'iscsi.opcode', label: 'Opcode', type: FT.UINT, base: Base.HEX, bits: 8, mask: 0x3f, names: OPCODE_NAMES },
  i: flag('iscsi.I', 'I', 0x40, ['Immediate delivery', 'Queued delivery']),
  flags: hex('iscsi.flags', 'Flags', 8),
  cmdF: flag('iscsi.scsicommand.F', 'F', 0x80, F_FLAG),
  cmdR: flag('iscsi.scsicommand.R', 'R', 0x40, ['Data will be read from target', 'No data will be read from target']),
  cmdW: flag('iscsi.scsicommand.W', 'W', 0x20, ['Data will be written to target', 'No data will be written to target']),
  cmdAttr: { name: 'iscsi.scsicommand.attr', label: 'Attr', type: FT.UINT, base: Base.HEX, bits: 8, mask: 0x07, names: ATTR_NAMES },
  dataSegmentLength: decHex('iscsi.datasegmentlength', 'DataSegmentLength'),
  totalAhsLength: decHex('iscsi.totalahslength', 'TotalAHSLength', 8),
  itt: hex('iscsi.initiatortasktag', 'InitiatorTaskTag'),
  expectedLength: decHex('iscsi.scsicommand.expecteddatatransferlength', 'ExpectedDataTransferLength'),
  cmdSN: decHex('iscsi.cmdsn', 'CmdSN'),
  expStatSN: decHex('iscsi.expstatsn', 'ExpStatSN'),
  residualCount: decHex('iscsi.scsiresponse.residualcount', 'ResidualCount'),
  statSN: decHex('iscsi.statsn', 'StatSN'),
  expCmdSN: decHex('iscsi.expcmdsn', 'ExpCmdSN'),
  maxCmdSN: decHex('iscsi.maxcmdsn', 'MaxCmdSN'),
  rspBidiO: flag('iscsi.scsiresponse.o', 'o', 0x10, ['Read part of bi-directional command overflowed', 'No overflow of read part of bi-directional command']),
  rspBidiU: flag('iscsi.scsiresponse.u', 'u', 0x08, ['Read part of bi-directional command underflowed', 'No underflow of read part of bi-directional command']),
  rspO: flag('iscsi.scsiresponse.O', 'O', 0x04, O_FLAG),
  rspU: flag('iscsi.scsiresponse.U', 'U', 0x02, U_FLAG),
  rspStatus: { name: 'iscsi.scsiresponse.status', label: 'Status', type: FT.UINT, base: Base.HEX, bits: 8, names: STATUS_NAMES },
  rspResponse: { name: 'iscsi.scsiresponse.response', label: 'Response', type: FT.UINT, base: Base.HEX, bits: 8, names: names(SCSI_RESPONSES) },
  bidiResidualCount: decHex('iscsi.scsiresponse.bidireadresidualcount', 'BidiReadResidualCount'),
  senseLength: decHex('iscsi.scsiresponse.senselength', 'SenseLength', 16),
  dataF: flag('iscsi.scsidata.F', 'F', 0x80, F_FLAG),
  dataA: flag('iscsi.scsidata.A', 'A', 0x40, ['Acknowledge requested', 'Acknowledge not requested']),
  dataS: flag('iscsi.scsidata.S', 'S', 0x01, ['Response contains SCSI status', 'Response does not contain SCSI status']),
  dataU: flag('iscsi.scsidata.U', 'U', 0x02, U_FLAG),
  dataO: flag('iscsi.scsidata.O', 'O', 0x04, O_FLAG),
  ttt: hex('iscsi.targettransfertag', 'TargetTransferTag'),
  bufferOffset: decHex('iscsi.bufferOffset', 'BufferOffset'),
  dataResidualCount: decHex('iscsi.scsidata.readresidualcount', 'ResidualCount'),
  dataSN: decHex('iscsi.datasn', 'DataSN'),
  versionMax: hex('iscsi.versionmax', 'VersionMax', 8),
  versionMin: hex('iscsi.versionmin', 'VersionMin', 8),
  versionActive: hex('iscsi.versionactive', 'VersionActive', 8),
  cid: hex('iscsi.cid', 'CID', 16),
  isid: bytes('iscsi.isid', 'ISID'),
  isidT: { name: 'iscsi.isid.t', label: 'ISID_t', type: FT.UINT, base: Base.HEX, bits: 8, mask: 0xc0, names: names(ISID_TYPES) },
  isidA: { name: 'iscsi.isid.a', label: 'ISID_a', type: FT.UINT, base: Base.HEX, bits: 8, mask: 0x3f },
  isidB: hex('iscsi.isid.b', 'ISID_b', 16),
  isidC: hex('iscsi.isid.c', 'ISID_c', 8),
  isidD: hex('iscsi.isid.d', 'ISID_d', 16),
  tsih: hex('iscsi.tsih', 'TSIH', 16),
  loginT: flag('iscsi.login.T', 'T', 0x80, ['Transit to next login stage', 'Stay in current login stage']),
  loginC: flag('iscsi.login.C', 'C', 0x40, ['Text is incomplete', 'Text is complete']),
  loginCSG: { name: 'iscsi.login.csg', label: 'CSG', type: FT.UINT, base: Base.HEX, bits: 8, mask: 0x0c, names: STAGES },
  loginNSG: { name: 'iscsi.login.nsg', label: 'NSG', type: FT.UINT, base: Base.HEX, bits: 8, mask: 0x03, names: STAGES },
  loginStatus: { name: 'iscsi.login.status', label: 'Status', type: FT.UINT, base: Base.HEX, bits: 16, names: LOGIN_STATUS_NAMES },
  keyValue: { name: 'iscsi.keyvalue', label: 'KeyValue', type: FT.STRING },
  r2tSN: decHex('iscsi.r2tsn', 'R2TSN'),
  expDataSN: hex('iscsi.expdatasn', 'ExpDataSN'),
  logoutReason: { name: 'iscsi.logout.reason', label: 'Reason', type: FT.UINT, base: Base.HEX, bits: 8, mask: 0x7f, names: LOGOUT_REASON_NAMES },
  logoutResponse: { name: 'iscsi.logout.response', label: 'Response', type: FT.UINT, base: Base.HEX, bits: 8, names: names(LOGOUT_RESPONSES) },
  time2Wait: hex('iscsi.time2wait', 'Time2Wait', 16),
  time2Retain: hex('iscsi.time2retain', 'Time2Retain', 16),
  desiredLength: decHex('iscsi.desireddatalength', 'DesiredDataLength'),
});

export const TMF_FUNCTION_NAMES = names(TMF_FUNCTIONS);
export const TMF_RESPONSE_NAMES = names(TMF_RESPONSES);
export const REJECT_REASON_NAMES = names(REJECT_REASONS);
export const ASYNC_EVENT_NAMES = names(ASYNC_EVENTS);

export const F2 = registerFields({
  tmfFunction: { name: 'iscsi.taskmanfun.function', label: 'Function', type: FT.UINT, base: Base.HEX, bits: 8, mask: 0x7f, names: TMF_FUNCTION_NAMES },
  tmfResponse: { name: 'iscsi.taskmanfun.response', label: 'Response', type: FT.UINT, base: Base.HEX, bits: 8, names: TMF_RESPONSE_NAMES },
  referencedTaskTag: hex('iscsi.taskmanfun.referencedtasktag', 'ReferencedTaskTag'),
  refCmdSN: decHex('iscsi.refcmdsn', 'RefCmdSN'),
  textF: flag('iscsi.text.F', 'F', 0x80, F_FLAG),
  textC: flag('iscsi.text.C', 'C', 0x40, ['Text is incomplete', 'Text is complete']),
  rejectReason: { name: 'iscsi.reject.reason', label: 'Reason', type: FT.UINT, base: Base.HEX, bits: 8, names: REJECT_REASON_NAMES },
  asyncEvent: { name: 'iscsi.asyncevent', label: 'AsyncEvent', type: FT.UINT, base: Base.HEX, bits: 8, names: ASYNC_EVENT_NAMES },
  eventVendorCode: hex('iscsi.eventvendorcode', 'EventVendorCode', 8),
  parameter1: hex('iscsi.parameter1', 'Parameter1', 16),
  parameter2: hex('iscsi.parameter2', 'Parameter2', 16),
  parameter3: hex('iscsi.parameter3', 'Parameter3', 16),
  asyncEventData: bytes('iscsi.asynceventdata', 'AsyncEventData'),
});
