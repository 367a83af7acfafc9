// SCSI as a transport hands it over (Wireshark 4.0's packet-scsi.c, called by packet-iscsi.c): a
// command's CDB ("SCSI CDB Read(10)"), the data of a Data-In or Data-Out ("SCSI Payload (Read(10)
// Response Data)"), and the status ("SCSI Response (Read(10))"). Each item starts with the lines
// tshark generates from the task: the LUN, the command set (Decapod, as tshark without an INQUIRY
// of the LUN, takes it for a direct-access device: SBC), the opcode, the request and response
// frames. The opcodes' own fields are in scsi-sbc.ts; sense data in scsi-sense.ts.
//
// The SCSI items are no layer of frame.protocols: packet-iscsi.c calls these functions directly,
// not through a dissector handle ("eth:ethertype:ip:tcp:iscsi").
//
// The Info column: the CDB replaces what iSCSI wrote after the last fence with "SCSI: Read(10)
// LUN: 0x00 " and the opcode's text, "(LBA: 0x00001000, Len: 8)"; the data and the status write
// "SCSI: Data In LUN: 0x00 (Read(10) Response Data) " and "SCSI: Response LUN: 0x00 (Read(10))
// (Good)" the same way; iscsi.ts keeps the column (info.ts).
//
// Not done: command sets other than SBC (tapes, changers, MMC), CDBs scsi-sbc.ts does not decode
// (shown with their Info prefix only and no CDB item), INQUIRY's VPD pages, mode pages.

import { EF } from '../fields/field-list.ts';
import { hex2 } from '../fields/format.ts';
import type { Ctx } from './context.ts';
import { frameTime } from './frame.ts';
import { addTimeSince } from './time-fields.ts';
import { commandSet, type Task } from './iscsi-tasks.ts';
import { DEVICE_TYPE_NAMES, S, SBC_OPCODE_NAMES, SCSI_STATUS_NAMES } from './scsi-fields.ts';
import { cdbInfo, cdbFields, dataFields } from './scsi-sbc.ts';
import { info } from './scsi-info.ts';
import { dissectData } from './data.ts';

/** The opcode's name as tshark's Info and item titles write it. */
export function opcodeName(op: number): string {
  return SBC_OPCODE_NAMES.get(op) ?? `Unknown (0x${hex2(op)})`;
}

/** "LUN: 0x00" ("%02x": a task with no command seen has LUN 0xffff). */
const lunText = (lun: number): string => `LUN: 0x${lun.toString(16).padStart(2, '0')}`;

const enum Title {
  CDB = 0,
  REQUEST_DATA = 1,
  RESPONSE_DATA = 2,
  RESPONSE = 3,
}

/** The items' titles ("SCSI CDB Read(10)", "SCSI Payload (Read(10) Response Data)", "SCSI Response
 *  (Read(10))"), made once per opcode: a kept protocol item is labelled in lean dissections too. */
const titles = new Map<number, string>();

function title(kind: Title, op: number): string {
  const key = kind * 256 + op;
  let t = titles.get(key);
  if (t === undefined) {
    const name = opcodeName(op);
    t = kind === Title.CDB ? `SCSI CDB ${name}` : kind === Title.RESPONSE ? `SCSI Response (${name})`
      : `SCSI Payload (${name} ${kind === Title.REQUEST_DATA ? 'Request' : 'Response'} Data)`;
    titles.set(key, t);
  }
  return t;
}

/** Whether LUN `lun` is a disk, or not known to be anything else: the SBC command set Decapod
 *  decodes. (A CD-ROM's or a tape's commands have other names and fields: no SCSI items then.) */
function isDisk(c: Ctx, lun: number): boolean {
  const cs = commandSet(c, lun);
  return cs <= 0;
}

/** The generated lines every SCSI item starts with: [LUN: 0x0000], [Command Set:…], and for data
 *  and status the opcode. */
function header(c: Ctx, off: number, task: Task, withOpcode: boolean): void {
  const f = c.f;
  f.add(S.lun, off, 0, task.lun, EF.GENERATED);
  const cs = f.add(S.devtype, off, 0, 0, EF.GENERATED);
  if (f.wanted === null) {
    const known = commandSet(c, task.lun) >= 0;
    f.setText(cs, `Command Set:${DEVICE_TYPE_NAMES.get(0) ?? ''} (0x00) ${known ? '' : '(Using default commandset)'}`);
  }
  if (withOpcode) {
    const i = f.add(S.opcode, off, 0, task.opcode, EF.GENERATED);
    if (f.wanted === null) f.setText(i, `SBC Opcode: ${opcodeName(task.opcode)} (0x${hex2(task.opcode)})`);
  }
}

/** A command's CDB of [off, end) (dissect_scsi_cdb). */
export function scsiCdb(c: Ctx, off: number, end: number, task: Task): void {
  const f = c.f;
  const op = c.b[off] as number;
  if (!isDisk(c, task.lun)) return;
  if (f.wanted === null) info.replace(`SCSI: ${opcodeName(op)} ${lunText(task.lun)} ${cdbInfo(c, off, end)}`);
  const cdb = cdbFields.get(op);
  if (cdb === undefined || !cdb.decodes(c, off)) return;
  const item = c.proto(S.scsi, off, end);
  c.notLayer(item);
  f.label(item, title(Title.CDB, op));
  header(c, off, task, false);
  if (task.lastFrame !== 0) f.add(S.responseFrame, off, 0, task.lastFrame, EF.GENERATED);
  c.uint(S.opcode, off, 1, end);
  cdb.dissect(c, off, end, task);
  f.pop();
}

/** The data of a Data-In (`isRequest` false) or Data-Out PDU, [off, end), at `bufferOffset` of the
 *  command's data (dissect_scsi_payload): only the first PDU's data is decoded, the others' are
 *  shown as data ("Data (4096 bytes)", a layer of frame.protocols), as 4.0 shows them. */
export function scsiPayload(c: Ctx, off: number, end: number, task: Task, isRequest: boolean, bufferOffset: number): void {
  const f = c.f;
  if (task.opcode < 0 || !isDisk(c, task.lun)) return;
  if (f.wanted === null) {
    info.replace(`SCSI: Data ${isRequest ? 'Out' : 'In'} ${lunText(task.lun)} (${opcodeName(task.opcode)} ${isRequest ? 'Request' : 'Response'} Data) `);
  }
  const item = c.proto(S.scsi, off, end);
  c.notLayer(item);
  f.label(item, title(isRequest ? Title.REQUEST_DATA : Title.RESPONSE_DATA, task.opcode));
  header(c, off, task, true);
  if (task.cmdFrame !== 0) f.add(S.requestFrame, off, 0, task.cmdFrame, EF.GENERATED);
  if (task.lastFrame !== 0) f.add(S.responseFrame, off, 0, task.lastFrame, EF.GENERATED);
  if (bufferOffset !== 0) c.call(dissectData, off, end);
  else if (!isRequest) dataFields.get(task.opcode)?.(c, off, end, task);
  f.pop();
}

/** A status other than CHECK CONDITION (dissect_scsi_rsp): its item covers no bytes. */
export function scsiResponse(c: Ctx, off: number, task: Task, status: number): void {
  const f = c.f;
  if (task.opcode < 0) {
    unmatchedResponse(c, off, task, status);
    return;
  }
  if (!isDisk(c, task.lun)) return;
  if (f.wanted === null) {
    info.replace(`SCSI: Response ${lunText(task.lun)} (${opcodeName(task.opcode)}) (${SCSI_STATUS_NAMES.get(status) ?? `0x${status.toString(16)}`})`);
  }
  const item = c.proto(S.scsi, off, off);
  c.notLayer(item);
  f.label(item, title(Title.RESPONSE, task.opcode));
  header(c, off, task, true);
  if (task.cmdFrame !== 0) {
    f.add(S.requestFrame, off, 0, task.cmdFrame, EF.GENERATED);
    addTimeSince(f, S.time, off, frameTime(c), task, EF.GENERATED);
  }
  f.add(S.status, off, 0, status, EF.GENERATED);
  f.pop();
}

/** The status of a task whose command the capture lacks: "SCSI Response (CDB:0xffff)" with the
 *  LUN and opcode packet-iscsi.c starts a task with (0xffff) and the status only. */
function unmatchedResponse(c: Ctx, off: number, task: Task, status: number): void {
  const f = c.f;
  if (f.wanted === null) info.replace(`SCSI: Response ${lunText(task.lun)} (CDB:0xffff) (${SCSI_STATUS_NAMES.get(status) ?? `0x${status.toString(16)}`})`);
  const item = c.proto(S.scsi, off, off);
  c.notLayer(item);
  f.label(item, 'SCSI Response (CDB:0xffff)');
  f.add(S.lun, off, 0, task.lun, EF.GENERATED);
  f.add(S.status, off, 0, status, EF.GENERATED);
  f.pop();
}
