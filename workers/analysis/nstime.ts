// Wireshark's nstime_t arithmetic (wsutil/nstime.c): the difference of two times as
// nstime_delta leaves it, for the frame times (frame.time_delta), the TCP analysis (RTTs, RTOs) and
// the TCP timestamps.

const NS = 1_000_000_000;

/** A difference of two times, as nstime_delta leaves it (seconds, nanoseconds of the same sign
 *  unless the 32-bit nanoseconds overflowed). */
export interface Delta {
  sec: number;
  nsec: number;
}

/** Wireshark's nstime_delta(b - a), nanoseconds as a C int. */
export function timeDelta(out: Delta, bs: number, bns: number, as: number, ans: number): Delta {
  let ns = (bns - ans) | 0;
  let s: number;
  if (bs === as) s = 0;
  else if (bs < as) {
    s = bs - as;
    if (ns > 0) {
      ns = (ns - NS) | 0;
      s++;
    }
  } else {
    s = bs - as;
    if (ns < 0) {
      ns = (ns + NS) | 0;
      s--;
    }
  }
  out.sec = s;
  out.nsec = ns;
  return out;
}
