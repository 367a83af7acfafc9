// The times of a UDP datagram in its conversation (Wireshark's udp.time_relative and
// udp.time_delta, the [Timestamps] subtree): since the conversation's first frame and since its
// previous one. The first pass notes each conversation's latest frame and, per frame, the one
// before it in the same conversation (4 bytes a frame; a second UDP layer, VXLAN's inner
// datagram, in a map), so that a later pass of any single frame finds it again; the times
// themselves are read from the capture's frame times.

import { perCapture } from './per-capture.ts';
import { grown } from '../fields/typed-arrays.ts';
import type { Ctx } from '../dissectors/context.ts';

class UdpTimes {
  /** Per conversation: its latest frame so far (first pass). */
  last = new Uint32Array(1024);
  /** Per frame: the previous frame of its (first) UDP layer's conversation, 0 for none. */
  prev = new Uint32Array(1024);
  /** The same for a frame's later UDP layers: frame * 8 + layer → previous frame. */
  inner = new Map<number, number>();
  /** The dissection whose UDP layers are being counted (Ctx.serial), and its count. */
  serial = -1;
  layer = 0;
}

const times = perCapture(() => new UdpTimes());

/**
 * The previous frame of conversation `s` before this frame (0: this is its first). On the first
 * pass it is noted, and this frame becomes the conversation's latest.
 */
export function previousFrame(c: Ctx, s: number): number {
  const t = times(c);
  if (t.serial !== c.serial) {
    t.serial = c.serial;
    t.layer = 0;
  } else t.layer++;
  const frame = c.frameNo;
  if (!c.firstPass) return t.layer === 0 ? (t.prev[frame] ?? 0) : (t.inner.get(frame * 8 + Math.min(t.layer, 7)) ?? 0);
  if (s >= t.last.length) t.last = grown(t.last, Math.max(s + 1, t.last.length * 2));
  const prev = t.last[s] as number;
  t.last[s] = frame;
  if (t.layer === 0) {
    if (frame >= t.prev.length) t.prev = grown(t.prev, Math.max(frame + 1, t.prev.length * 2));
    t.prev[frame] = prev;
  } else if (prev !== 0) t.inner.set(frame * 8 + Math.min(t.layer, 7), prev);
  return prev;
}
