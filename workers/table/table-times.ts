// The frame times the dissector's later passes read (dissectors/frame-times.ts: frame N-1's time
// for frame.time_delta, the first frame's for frame.time_relative), lent from the packet table's
// own time columns instead of a second copy of every frame's time (12 bytes a packet).

import type { FrameTime, FrameTimeSource } from '../dissectors/frame-times.ts';
import { CUSTOM_RECORD, type PacketTable } from './packet-table.ts';

export class TableFrameTimes implements FrameTimeSource {
  /** Once the rows were put in another order: the frame of row r at [r] (the session's), and the
   *  row of frame f at [f - 1]; null while row r holds frame r + 1. */
  private frameOf: Uint32Array | null = null;
  private rowOf: Uint32Array | null = null;

  constructor(private readonly table: PacketTable) {}

  get count(): number {
    return this.table.length;
  }

  /** The rows were merged by time: row r now holds frame seq[r] (frames in dissection order). */
  reordered(seq: Uint32Array): void {
    const rowOf = new Uint32Array(seq.length);
    for (let r = 0; r < seq.length; r++) rowOf[(seq[r] as number) - 1] = r;
    this.frameOf = seq;
    this.rowOf = rowOf;
  }

  shownBefore(frame: number): number {
    const r = this.rowOf === null ? frame - 1 : (this.rowOf[frame - 1] as number);
    if (r <= 0) return 0;
    return this.frameOf === null ? r : (this.frameOf[r - 1] as number);
  }

  /** As the first pass took it (frame.ts): a record without a time counts as 0, a Custom Block
   *  keeps the previous record's time (wiretap leaves it in place). */
  time(frame: number, out: FrameTime): FrameTime {
    const t = this.table;
    for (let f = frame; f >= 1; f--) {
      const r = this.rowOf === null ? f - 1 : (this.rowOf[f - 1] as number);
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
