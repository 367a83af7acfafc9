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
import { PairTable } from '../analysis/pair-table.ts';
import { grown } from '../fields/typed-arrays.ts';

// A task's record: int32 words (frames, the LUN, the CDB's opcode, service action and allocation
// length, the older task of the same tag) and its command's time (2 doubles). No object, array or
// map entry per task (pair-table.ts): a storage capture issues millions of commands. Record 0 is the empty task a
// later pass shows for a response whose command the capture lacks.
const CMD_FRAME = 0;
const DATA_IN = 1;
const DATA_OUT = 2;
const LAST = 3;
const LUN = 4;
const OPCODE = 5;
const SERVICE = 6;
const ALLOC = 7;
/** The task of the same (connection, tag) opened before this one, or -1. */
const OLDER = 8;
const WORDS = 9;

class TaskTable {
  ints = grown(new Int32Array(0), 64 * WORDS);
  times = grown(new Float64Array(0), 64 * 2);
  private count = 1;
  /** (TCP stream, tag) → its newest task. */
  private readonly byTag = new PairTable();

  /** The newest task of (stream, itt), or -1. */
  newest(stream: number, itt: number): number {
    return this.byTag.get(stream, itt);
  }

  /** A new task of (stream, itt), the newest of its tag. */
  add(stream: number, itt: number, cmdFrame: number, sec: number, nsec: number, lun: number, opcode: number, service: number, alloc: number): number {
    const i = this.count++;
    if ((i + 1) * WORDS > this.ints.length) {
      this.ints = grown(this.ints, 2 * this.ints.length);
      this.times = grown(this.times, 2 * this.times.length);
    }
    this.fill(i, cmdFrame, sec, nsec, lun, opcode, service, alloc);
    this.ints[i * WORDS + OLDER] = this.newest(stream, itt);
    this.byTag.set(stream, itt, i);
    return i;
  }

  fill(i: number, cmdFrame: number, sec: number, nsec: number, lun: number, opcode: number, service: number, alloc: number): void {
    const r = this.ints;
    const o = i * WORDS;
    r[o + CMD_FRAME] = cmdFrame;
    r[o + DATA_IN] = 0;
    r[o + DATA_OUT] = 0;
    r[o + LAST] = 0;
    r[o + LUN] = lun;
    r[o + OPCODE] = opcode;
    r[o + SERVICE] = service;
    r[o + ALLOC] = alloc;
    r[o + OLDER] = -1;
    this.times[2 * i] = sec;
    this.times[2 * i + 1] = nsec;
  }
}

/** A task as the PDUs see it: a view of its record. */
export class Task {
  constructor(
    private readonly t: TaskTable,
    private readonly i: number,
  ) {}
  /** The SCSI Command's frame (0: no command seen), and its time. */
  get cmdFrame(): number {
    return this.t.ints[this.i * WORDS + CMD_FRAME] as number;
  }
  get sec(): number {
    return this.t.times[2 * this.i] as number;
  }
  get nsec(): number {
    return this.t.times[2 * this.i + 1] as number;
  }
  get dataInFrame(): number {
    return this.t.ints[this.i * WORDS + DATA_IN] as number;
  }
  set dataInFrame(v: number) {
    this.t.ints[this.i * WORDS + DATA_IN] = v;
  }
  get dataOutFrame(): number {
    return this.t.ints[this.i * WORDS + DATA_OUT] as number;
  }
  set dataOutFrame(v: number) {
    this.t.ints[this.i * WORDS + DATA_OUT] = v;
  }
  /** The SCSI Response's frame, or the Data-In's that carried the status (itlq.last_exchange_frame). */
  get lastFrame(): number {
    return this.t.ints[this.i * WORDS + LAST] as number;
  }
  set lastFrame(v: number) {
    this.t.ints[this.i * WORDS + LAST] = v;
  }
  get lun(): number {
    return this.t.ints[this.i * WORDS + LUN] as number;
  }
  /** CDB byte 0 (-1: none known), and its service action (byte 1's low 5 bits). */
  get opcode(): number {
    return this.t.ints[this.i * WORDS + OPCODE] as number;
  }
  get serviceAction(): number {
    return this.t.ints[this.i * WORDS + SERVICE] as number;
  }
  get allocLen(): number {
    return this.t.ints[this.i * WORDS + ALLOC] as number;
  }
}

const tasks = perCapture(() => new TaskTable());

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

const key = (c: Ctx, lun: number): number => (c.tcpStream + 1) * 4294967296 + lun;

/** The task of tag `itt` that frame `c.frameNo` belongs to (the newest opened at or before it,
 *  else the oldest), or null. */
export function findTask(c: Ctx, itt: number): Task | null {
  const t = tasks(c);
  let k = t.newest(c.tcpStream, itt | 0);
  if (k < 0) return null;
  for (;;) {
    if ((t.ints[k * WORDS + CMD_FRAME] as number) <= c.frameNo) return new Task(t, k);
    const older = t.ints[k * WORDS + OLDER] as number;
    if (older < 0) return new Task(t, k);
    k = older;
  }
}

/** A SCSI Command opens a task (first pass only; later passes find the one it opened). */
export function openTask(c: Ctx, itt: number, lun: number, cdb0: number, cdb1: number, allocLen: number): Task | null {
  if (!c.firstPass) return findTask(c, itt);
  const time = frameTime(c);
  const t = tasks(c);
  return new Task(t, t.add(c.tcpStream, itt | 0, c.frameNo, time.sec, time.nsec, lun, cdb0, cdb1 & 0x1f, allocLen));
}

/** The task a Data-In, Data-Out or SCSI Response of tag `itt` belongs to; on the first pass one
 *  without a command is opened empty, as packet-iscsi.c does. */
export function taskFor(c: Ctx, itt: number): Task {
  const found = findTask(c, itt);
  if (found !== null) return found;
  const t = tasks(c);
  if (c.firstPass) return new Task(t, t.add(c.tcpStream, itt | 0, 0, 0, 0, 0xffff, -1, 0, 0));
  t.fill(0, 0, 0, 0, 0xffff, -1, 0, 0);
  return new Task(t, 0);
}
