// Time values (Wireshark's nstime_t): whole seconds and nanoseconds kept apart, as capture files
// give them (nanoseconds are not normalised: tshark shows 1000000000 as `.1000000000`).
// Comparison is Wireshark 4.0's nstime_cmp, which returns `(int)(a->secs - b->secs)` when the
// seconds differ: the difference is cut to 32 bits, so a time 2^32 s after another compares equal
// to it, and 4294967295 s is "less than" 0. tshark -Y does exactly this on time_2106_max.pcap and
// time_2107.pcapng, so the filter does it too.

export class Time {
  constructor(
    readonly s: number,
    readonly ns: number,
  ) {}
}

export function timeCompare(a: Time, b: Time): number {
  if (a.s === b.s) return Math.sign(a.ns - b.ns);
  return Math.sign((a.s - b.s) | 0);
}

/** Seconds as a number (a relative time stored as a double) to a Time. */
export function timeFromSeconds(v: number): Time {
  const s = Math.trunc(v);
  return new Time(s, Math.round((v - s) * 1e9));
}

/** A decimal literal ("1000", "1000.5", "1.5e3") as a Time; null when it is not a number. */
export function parseTime(text: string): Time | null {
  const m = /^([0-9]+)(?:\.([0-9]+))?$/.exec(text);
  if (m) return new Time(Number(m[1]), Number(((m[2] ?? '') + '000000000').slice(0, 9)));
  if (/^[0-9]+(\.[0-9]+)?[eE][+-]?[0-9]+$/.test(text)) return timeFromSeconds(Number(text));
  return null;
}

function normalize(s: number, ns: number): Time {
  const carry = Math.floor(ns / 1e9);
  return new Time(s + carry, ns - carry * 1e9);
}

export const timeAdd = (a: Time, b: Time): Time => normalize(a.s + b.s, a.ns + b.ns);
export const timeSub = (a: Time, b: Time): Time => normalize(a.s - b.s, a.ns - b.ns);
export const timeNeg = (a: Time): Time => new Time(-a.s, -a.ns);
export const timeAbs = (a: Time): Time => (a.s < 0 || (a.s === 0 && a.ns < 0) ? timeNeg(a) : a);
