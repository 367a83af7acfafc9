// The frames the display filter shows, as the dissector's later passes read them for
// frame.time_delta_displayed (dissectors/frame-times.ts: the time since the frame displayed before,
// Wireshark's prev_dis), from the session's filter result.

import type { DisplayedFrames, FrameTime, FrameTimeSource } from '../dissectors/frame-times.ts';

export class FilteredFrames implements DisplayedFrames {
  /** `shown`: the rows the filter keeps, ascending (null: every row). */
  constructor(
    private readonly times: FrameTimeSource,
    private readonly shown: () => Uint32Array | null,
  ) {}

  before(frame: number, out: FrameTime): number {
    const rows = this.shown();
    let prev = frame - 1;
    if (rows !== null) {
      // the last row below frame's own (row = frame - 1)
      let lo = 0;
      let hi = rows.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((rows[mid] as number) < frame - 1) lo = mid + 1;
        else hi = mid;
      }
      prev = lo > 0 ? (rows[lo - 1] as number) + 1 : 0;
    }
    if (prev >= 1) this.times.time(prev, out);
    return prev;
  }
}
