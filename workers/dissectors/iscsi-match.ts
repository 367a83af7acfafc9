// iSCSI task matching as packet-iscsi.c shows it: which task a SCSI Command, SCSI Response,
// Data-In or Data-Out belongs to (its frames noted on the first pass: iscsi-tasks.ts), and the
// lines each of them shows of it ("Request in", "Time from request", "Data In in", "Data Out in",
// "Response in": each only when its frame is known).

import type { Ctx } from './context.ts';
import { frameTime } from './frame.ts';
import { addTimeSince } from './time-fields.ts';
import { CDB, F, LUN, Op, S_BIT } from './iscsi-fields.ts';
import { openTask, taskFor, type Task } from './iscsi-tasks.ts';
import { allocLength } from './scsi-sbc.ts';

/** The task of a SCSI Command, Response, Data-In or Data-Out, its frames noted on the first pass. */
export function match(c: Ctx, off: number, opcode: number, itt: number, flags: number): Task | null {
  const b = c.b;
  switch (opcode) {
    case Op.SCSI_COMMAND: {
      // "If bit 6 of first bit is 0 then just take second byte as the LUN" (packet-iscsi.c)
      const b8 = b[off + LUN] as number;
      const lun = b8 & 0x40 ? ((b8 & 0x3f) << 8) | (b[off + LUN + 1] as number) : (b[off + LUN + 1] as number);
      return openTask(c, itt, lun, b[off + CDB] as number, b[off + CDB + 1] as number, allocLength(b, off + CDB));
    }
    case Op.SCSI_RESPONSE: {
      const t = taskFor(c, itt);
      if (c.firstPass) t.lastFrame = c.frameNo;
      return t;
    }
    case Op.DATA_IN: {
      const t = taskFor(c, itt);
      if (c.firstPass) {
        if (flags & S_BIT) t.lastFrame = c.frameNo;
        t.dataInFrame = c.frameNo;
      }
      return t;
    }
    case Op.DATA_OUT: {
      const t = taskFor(c, itt);
      if (c.firstPass) t.dataOutFrame = c.frameNo;
      return t;
    }
    default:
      return null;
  }
}

/** Request in, Time from request, Data In in, Data Out in, Response in: as each opcode shows them
 *  (the lines of which the task knows the frame). */
export function matchLines(c: Ctx, off: number, opcode: number, flags: number, t: Task): void {
  switch (opcode) {
    case Op.SCSI_RESPONSE:
      request(c, off, t, true);
      frameLine(c, off, F.dataInFrame, t.dataInFrame);
      frameLine(c, off, F.dataOutFrame, t.dataOutFrame);
      break;
    case Op.DATA_IN:
      // "if we have phase collapse then we might have the response embedded in the last DataIn segment"
      request(c, off, t, (flags & S_BIT) !== 0);
      if (!(flags & S_BIT)) frameLine(c, off, F.responseFrame, t.lastFrame);
      frameLine(c, off, F.dataOutFrame, t.dataOutFrame);
      break;
    case Op.DATA_OUT:
      request(c, off, t, false);
      frameLine(c, off, F.dataInFrame, t.dataInFrame);
      frameLine(c, off, F.responseFrame, t.lastFrame);
      break;
    case Op.SCSI_COMMAND:
      frameLine(c, off, F.dataInFrame, t.dataInFrame);
      frameLine(c, off, F.dataOutFrame, t.dataOutFrame);
      frameLine(c, off, F.responseFrame, t.lastFrame);
      break;
    default:
      break;
  }
}

function request(c: Ctx, off: number, t: Task, time: boolean): void {
  if (t.cmdFrame === 0) return;
  c.f.add(F.requestFrame, off, 0, t.cmdFrame);
  if (time) addTimeSince(c.f, F.time, off, frameTime(c), t);
}

function frameLine(c: Ctx, off: number, id: number, frame: number): void {
  if (frame !== 0) c.f.add(id, off, 0, frame);
}
