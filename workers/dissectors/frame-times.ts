// frame.time_relative and frame.time_delta need two timestamps besides the packet's own: the first
// frame's (Wireshark's reference frame) and the previous captured frame's. Both are kept per
// capture beside its Reassembly object, filled on the first pass in file order, and read on later
// passes, so that dissecting one packet again gives the same values (Ctx.firstPass).
//
// As tshark 4.0 computes them (epan/frame_data.c, packet-frame.c):
//   - the reference is frame 1, even when it has no timestamp;
//   - the delta of frame N is its time minus frame N-1's (0 for frame 1), negative when the
//     capture goes back in time;
//   - a frame without a timestamp still has one for these two: 0 for a pcapng Simple Packet Block,
//     so that the next frame's delta is its full epoch time, and for a Custom Block the previous
//     record's time, which wiretap leaves in place (ngtg_le_test102.pcapng, ngtg_le_test202.pcapng;
//     a Custom Block as frame 1 makes every relative time the full epoch time);
//   - the difference is nstime_delta: seconds and nanoseconds subtracted apart, the nanoseconds
//     in 32-bit int arithmetic (timestamp_invalid_nano.pcap's 1.1147483649).
//
// Later passes need every frame's time (frame N-1 of any N). The session's packet table holds
// them already, so it lends them (useFrameTimes: a FrameTimeSource); without one (a dissector on
// its own, in tests) they are recorded here, 12 bytes a packet, and not at all for the
// single-pass `fields` export. Frames are numbered in dissection order, which for several files
// opened together is already the merged one (the session dissects them in mergecap's order).

import type { Ctx } from './context.ts';
import { perCapture } from '../analysis/per-capture.ts';
import { grown } from '../fields/typed-arrays.ts';

/** A frame's time: seconds since the epoch and nanoseconds. */
export interface FrameTime {
  sec: number;
  nsec: number;
}

/** Every frame's time, kept by the caller (the session's packet table), as the first pass saw it:
 *  (0, 0) for a Simple Packet Block, the previous record's for a Custom Block. */
export interface FrameTimeSource {
  /** Frames whose time it holds (frames 1 to count, in dissection order). */
  readonly count: number;
  /** The time of frame `frame` (1 ≤ frame ≤ count), written into `out`. */
  time(frame: number, out: FrameTime): FrameTime;
}

class FrameTimes {
  /** Frame 1's time: the reference. */
  firstSec = 0;
  firstNsec = 0;
  hasFirst = false;
  /** Every frame's time by frame number - 1 (0, 0 without a timestamp); filled on the first pass. */
  sec = new Float64Array(0);
  nsec = new Int32Array(0);
  /** Frames recorded in sec / nsec. */
  count = 0;
  /** The last frame seen on the first pass, its time and its predecessor's (single pass). */
  lastFrame = 0;
  lastSec = 0;
  lastNsec = 0;
  prevSec = 0;
  prevNsec = 0;

  /** Every frame's time from the caller instead of sec / nsec (which then stay empty). */
  source: FrameTimeSource | null = null;
  /** Which frames are displayed, when the caller displays only some (useDisplayedFrames). */
  displayed: DisplayedFrames | null = null;
  private readonly scratch: FrameTime = { sec: 0, nsec: 0 };

  constructor() {
    // through reserve(), not at their size above: see fields/typed-arrays.ts (V8 field constness)
    this.reserve(1024);
  }

  record(frame: number, s: number, ns: number): void {
    if (this.source !== null) return;
    const k = frame - 1;
    if (k >= this.sec.length) this.reserve(Math.max(k + 1, this.sec.length * 2));
    this.sec[k] = s;
    this.nsec[k] = ns;
    if (frame > this.count) this.count = frame;
  }

  /** Frames whose time is known (recorded, or held by the source). */
  known(): number {
    return this.source !== null ? this.source.count : this.count;
  }

  /** The time of frame `frame` (1 ≤ frame ≤ known()), in a shared object. */
  timeOf(frame: number): FrameTime {
    const t = this.scratch;
    if (this.source !== null) return this.source.time(frame, t);
    t.sec = this.sec[frame - 1] as number;
    t.nsec = this.nsec[frame - 1] as number;
    return t;
  }

  /** Room for the times of `frames` frames. */
  reserve(frames: number): void {
    if (this.source !== null || frames <= this.sec.length) return;
    this.sec = grown(this.sec, frames);
    this.nsec = grown(this.nsec, frames);
  }
}

const stateOf = perCapture(() => new FrameTimes());

/** The time of an earlier frame of the first pass (or any frame on a later one); (0, 0) when it
 *  was not kept (the single-pass export keeps none). */
export function frameTimeOf(c: Ctx, frame: number): FrameTime {
  const st = stateOf(c);
  if (frame >= 1 && frame <= st.known()) return st.timeOf(frame);
  const t = timeScratch;
  t.sec = 0;
  t.nsec = 0;
  return t;
}

const timeScratch: FrameTime = { sec: 0, nsec: 0 };

/** The frames a display filter shows, as the caller knows them (the session's view, the export's
 *  printed frames): frame.time_delta_displayed is the time since the one before. */
export interface DisplayedFrames {
  /** The last displayed frame before `frame` (0: none); its time into `out`. */
  before(frame: number, out: FrameTime): number;
}

/** Lend the displayed frames to later dissections (null: every frame is displayed). */
export function useDisplayedFrames(c: Ctx, displayed: DisplayedFrames | null): void {
  stateOf(c).displayed = displayed;
}

const displayedScratch: FrameTime = { sec: 0, nsec: 0 };

/** The frame displayed before `frame` (Wireshark's prev_dis: 0 for none), with its time in
 *  displayedTime; `frame - 1` (time not filled in) when every frame is displayed. */
export function displayedBefore(c: Ctx, frame: number): number {
  const shown = stateOf(c).displayed;
  return shown === null ? frame - 1 : shown.before(frame, displayedScratch);
}

/** The time of the frame displayedBefore() last returned (when a display filter was in use). */
export function displayedTime(): FrameTime {
  return displayedScratch;
}

/** Later passes of this capture read every frame's time from `source` instead of a copy here
 *  (the session: its packet table has them). Set before the first pass. */
export function useFrameTimes(c: Ctx, source: FrameTimeSource): void {
  stateOf(c).source = source;
}

/** The reference time and the previous captured frame's time of frame `c.frameNo`, whose own time
 *  is (`sec`, `nsec`): (0, 0) for a Simple Packet Block, NaN for a Custom Block (the previous
 *  record's time). On the first pass this also records the frame. */
export interface FrameRefs {
  firstSec: number;
  firstNsec: number;
  /** False for frame 1: no previous frame, the delta is 0. */
  hasPrev: boolean;
  prevSec: number;
  prevNsec: number;
}

const refs: FrameRefs = { firstSec: 0, firstNsec: 0, hasPrev: false, prevSec: 0, prevNsec: 0 };

export function frameRefs(c: Ctx, sec: number, nsec: number): FrameRefs {
  const st = stateOf(c);
  const frame = c.frameNo;
  if (Number.isNaN(sec)) {
    sec = st.lastSec;
    nsec = st.lastNsec;
  }
  if ((frame === 1 && c.firstPass) || !st.hasFirst) {
    // frame 1; or, dissected out of order before frame 1 was seen, the first frame seen
    st.firstSec = sec;
    st.firstNsec = nsec;
    st.hasFirst = true;
  }
  refs.firstSec = st.firstSec;
  refs.firstNsec = st.firstNsec;
  refs.hasPrev = frame > 1;
  if (c.firstPass && !c.singlePass) st.record(frame, sec, nsec);
  if (c.firstPass && frame === st.lastFrame + 1) {
    // the usual case: the frames of the first pass, in file order
    st.prevSec = st.lastSec;
    st.prevNsec = st.lastNsec;
    st.lastFrame = frame;
    st.lastSec = sec;
    st.lastNsec = nsec;
    refs.prevSec = st.prevSec;
    refs.prevNsec = st.prevNsec;
  } else if (frame === st.lastFrame) {
    refs.prevSec = st.prevSec;
    refs.prevNsec = st.prevNsec;
  } else if (frame > 1 && frame - 1 <= st.known()) {
    const t = st.timeOf(frame - 1);
    refs.prevSec = t.sec;
    refs.prevNsec = t.nsec;
  } else {
    // a frame whose predecessor was never recorded: the closest time we know
    refs.prevSec = st.lastSec;
    refs.prevNsec = st.lastNsec;
  }
  return refs;
}

