// The times of ICMP's Timestamp and Timestamp Reply messages (RFC 792): milliseconds since midnight
// UT, which packet-icmp.c shows as "… (5 days, 10 hours, 29 minutes, 22.117 seconds after midnight
// UTC)" from its best guess at the byte order the sender wrote them in (get_best_guess_mstimeofday):
// the one that is a time of day; if both are, the one nearer after the frame's own time of day
// (across midnight when one is early in the day and the frame late); if neither, the one nearer
// after it, counting as unsigned 32-bit differences do.

import { msDurationText } from '../fields/format.ts';
import type { Ctx } from './context.ts';
import { frameTime } from './frame.ts';

const MSPERDAY = 86_400_000;

/** The milliseconds of day at b[o], in the byte order that fits the frame's time `comp` best. */
function bestGuess(c: Ctx, o: number, comp: number): number {
  const b = c.b;
  const be = c.u32(o) & 0x7fffffff;
  const le = (((b[o + 3] as number) << 24) | ((b[o + 2] as number) << 16) | ((b[o + 1] as number) << 8) | (b[o] as number)) & 0x7fffffff;
  if (be < MSPERDAY && le >= MSPERDAY) return be;
  if (le < MSPERDAY && be >= MSPERDAY) return le;
  let be2 = be;
  let le2 = le;
  if (be < MSPERDAY && le < MSPERDAY) {
    // "Is this a rollover to a new day, clocks not synchronized, different timezones …"
    const lateInDay = comp >= MSPERDAY - MSPERDAY / 4;
    if (be < comp && be <= MSPERDAY / 4 && lateInDay) be2 += MSPERDAY;
    if (le < comp && le <= MSPERDAY / 4 && lateInDay) le2 += MSPERDAY;
  }
  return ((be2 - comp) >>> 0) < ((le2 - comp) >>> 0) ? be : le;
}

/** What packet-icmp.c appends to the timestamp item at b[o]. */
export function timestampText(c: Ctx, o: number): string {
  const t = frameTime(c);
  const comp = (((t.sec % 86_400) * 1000 + Math.floor(t.nsec / 1e6)) % MSPERDAY + MSPERDAY) % MSPERDAY;
  return ` (${msDurationText(bestGuess(c, o, comp))} after midnight UTC)`;
}
