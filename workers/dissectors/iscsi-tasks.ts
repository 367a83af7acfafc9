// iSCSI task matching (packet-iscsi.c's itlq records, one per task): a SCSI Command opens a task
// under its connection and Initiator Task Tag; the Data-In, Data-Out and SCSI Response PDUs with the
// same tag note their frames in it, and a Data-In with the S bit or a SCSI Response is the task's
// last exchange ("Response in"). The task also carries what the SCSI layer needs to read a
// command's data and status: the LUN, the CDB's opcode and service action, its allocation length.
//
// Filled on the first pass, in file order; every pass after it reads the task a frame belongs to
// (the latest one of its tag opened at or before the frame), as tshark's second pass (-2) shows
// the records its first pass completed. Only connections carrying iSCSI pay for this.

import type { Ctx } from './context.ts';
import { frameTime } from './frame.ts';
import { perCapture } from '../analysis/per-capture.ts';

export interface Task {
  /** The SCSI Command's frame (0: no command seen), and its time. */
  cmdFrame: number;
  sec: number;
  nsec: number;
  dataInFrame: number;
  dataOutFrame: number;
  /** The SCSI Response's frame, or the Data-In's that carried the status (itlq.last_exchange_frame). */
  lastFrame: number;
  lun: number;
  /** CDB byte 0 (-1: none known), and its service action (byte 1's low 5 bits). */
  opcode: number;
  serviceAction: number;
  allocLen: number;
}

/** Tasks per (TCP stream, tag), oldest first; a capture of a few thousand commands keeps a few
 *  thousand small records. */
const tasks = perCapture(() => new Map<number, Task[]>());

/** The device type a standard INQUIRY's data gave each (TCP stream, LUN): packet-scsi.c's
 *  itl->cmdset, which decides the command set (SBC for a disk) and the "[Command Set:…]" line. */
const commandSets = perCapture(() => new Map<number, number>());

/** The device type of LUN `lun` on this connection, or -1 when no INQUIRY told it (tshark then
 *  uses its default, SBC, "(Using default commandset)"). */
export function commandSet(c: Ctx, lun: number): number {
  return commandSets(c).get(key(c, lun)) ?? -1;
}

/** Standard INQUIRY data of LUN `lun` said `devtype` (first pass only). */
export function setCommandSet(c: Ctx, lun: number, devtype: number): void {
  if (c.firstPass) commandSets(c).set(key(c, lun), devtype);
}

const key = (c: Ctx, itt: number): number => (c.tcpStream + 1) * 4294967296 + itt;

/** The task of tag `itt` that frame `c.frameNo` belongs to, or null. */
export function findTask(c: Ctx, itt: number): Task | null {
  const list = tasks(c).get(key(c, itt));
  if (list === undefined) return null;
  for (let k = list.length - 1; k >= 0; k--) {
    const t = list[k] as Task;
    if (t.cmdFrame <= c.frameNo) return t;
  }
  return list[0] ?? null;
}

/** A SCSI Command opens a task (first pass only; later passes find the one it opened). */
export function openTask(c: Ctx, itt: number, lun: number, cdb0: number, cdb1: number, allocLen: number): Task | null {
  if (!c.firstPass) return findTask(c, itt);
  const t = frameTime(c);
  const task: Task = {
    cmdFrame: c.frameNo, sec: t.sec, nsec: t.nsec, dataInFrame: 0, dataOutFrame: 0, lastFrame: 0,
    lun, opcode: cdb0, serviceAction: cdb1 & 0x1f, allocLen,
  };
  const m = tasks(c);
  const k = key(c, itt);
  const list = m.get(k);
  if (list === undefined) m.set(k, [task]);
  else list.push(task);
  return task;
}

/** The task a Data-In, Data-Out or SCSI Response of tag `itt` belongs to; on the first pass one
 *  without a command is opened empty, as packet-iscsi.c does. */
export function taskFor(c: Ctx, itt: number): Task {
  const found = findTask(c, itt);
  if (found !== null) return found;
  const task: Task = { cmdFrame: 0, sec: 0, nsec: 0, dataInFrame: 0, dataOutFrame: 0, lastFrame: 0, lun: 0xffff, opcode: -1, serviceAction: 0, allocLen: 0 };
  if (c.firstPass) tasks(c).set(key(c, itt), [task]);
  return task;
}
