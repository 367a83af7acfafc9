// The frame times the dissector's later passes read (dissectors/frame-times.ts: frame N-1's time
// for frame.time_delta, the first frame's for frame.time_relative), lent from the packet table's
// own time columns instead of a second copy of every frame's time (12 bytes a packet).

import type { FrameTime, FrameTimeSource } from '../dissectors/frame-times.ts';
import { CUSTOM_RECORD, type PacketTable } from './packet-table.ts';

export class TableFrameTimes implements FrameTimeSource {
  constructor(private readonly table: PacketTable) {}

  get count(): number {
    return this.table.length;
  }

  /** As the first pass took it (frame.ts): a record without a time counts as 0, a Custom Block
   *  keeps the previous record's time (wiretap leaves it in place). */
  time(frame: number, out: FrameTime): FrameTime {
    const t = this.table;
    for (let f = frame; f >= 1; f--) {
      const r = f - 1;
      const sec = t.secAt(r);
      if (!Number.isNaN(sec)) {
        out.sec = sec;
        out.nsec = t.nsec[r] as number;
        return out;
      }
      if (((t.status[r] as number) & CUSTOM_RECORD) === 0) break;
    }
    out.sec = 0;
    out.nsec = 0;
    return out;
  }
}
