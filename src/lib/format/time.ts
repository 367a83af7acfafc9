// The Time column's formats, as Wireshark's View ▸ Time Display Format names them. Times arrive as
// whole seconds (a float64 holding an integer, NaN when the record has none) and nanoseconds, so
// relative times are computed on the integer parts: a float64 of epoch seconds cannot hold
// nanoseconds (2^53 ns is only 104 days).

export type TimeFormat = 'relative' | 'delta' | 'absolute' | 'epoch';

export const TIME_FORMATS: { id: TimeFormat; label: string }[] = [
  { id: 'relative', label: 'Seconds since first packet' },
  { id: 'delta', label: 'Seconds since previous displayed packet' },
  { id: 'absolute', label: 'UTC date and time of day' },
  { id: 'epoch', label: 'Seconds since 1970-01-01 (epoch)' },
];

/** Digits after the decimal point: 6 (µs) or 9 (ns). */
export type Precision = 6 | 9;

const NS = 1_000_000_000;

function fraction(nsec: number, digits: Precision): string {
  // Truncate (as Wireshark does), never round: rounding could print 1.000000 for 0.9999999.
  const v = digits === 9 ? nsec : Math.floor(nsec / 1000);
  return String(v).padStart(digits, '0');
}

/** `sec.fraction` of a non-negative (sec, nsec) with nsec in [0, 1e9). */
function secondsText(sec: number, nsec: number, digits: Precision): string {
  return `${sec}.${fraction(nsec, digits)}`;
}

/** Time since (firstSec, firstNsec), exact to the nanosecond; negative when the packet is earlier. */
export function relativeText(sec: number, nsec: number, firstSec: number, firstNsec: number, digits: Precision): string {
  if (Number.isNaN(sec)) return '';
  let s = sec - firstSec;
  let n = nsec - firstNsec;
  let negative = false;
  if (s < 0 || (s === 0 && n < 0)) {
    negative = true;
    s = -s;
    n = -n;
  }
  if (n < 0) {
    s -= 1;
    n += NS;
  } else if (n >= NS) {
    s += 1;
    n -= NS;
  }
  return (negative ? '-' : '') + secondsText(s, n, digits);
}

/** Seconds (a float) as text with `digits` decimals, truncated toward zero. */
export function deltaText(delta: number, digits: Precision): string {
  if (!Number.isFinite(delta)) return '';
  const negative = delta < 0;
  const a = Math.abs(delta);
  let s = Math.floor(a);
  // round to the nanosecond first (float noise: 0.3 - 0.1 = 0.19999999999999998), then truncate
  let n = Math.round((a - s) * NS);
  if (n >= NS) {
    s += 1;
    n -= NS;
  }
  return (negative ? '-' : '') + secondsText(s, n, digits);
}

const pad2 = (v: number): string => String(v).padStart(2, '0');

/** `2024-01-15 10:00:00.123456` (UTC). */
export function absoluteText(sec: number, nsec: number, digits: Precision): string {
  if (Number.isNaN(sec)) return '';
  const d = new Date(sec * 1000);
  if (Number.isNaN(d.getTime())) return '';
  const y = d.getUTCFullYear();
  const year = y >= 0 && y <= 9999 ? String(y).padStart(4, '0') : String(y);
  return `${year}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}.${fraction(nsec, digits)}`;
}

export function epochText(sec: number, nsec: number, digits: Precision): string {
  if (Number.isNaN(sec)) return '';
  if (sec < 0) {
    // sec is floor(time): -1 s + 0.25 s is -0.75 s
    return nsec === 0 ? `${sec}.${fraction(0, digits)}` : `-${secondsText(-sec - 1, NS - nsec, digits)}`;
  }
  return secondsText(sec, nsec, digits);
}

export interface TimeContext {
  format: TimeFormat;
  digits: Precision;
  firstSec: number;
  firstNsec: number;
}

/** The Time cell of one row. */
export function timeText(ctx: TimeContext, sec: number, nsec: number, delta: number, position: number): string {
  switch (ctx.format) {
    case 'relative':
      return relativeText(sec, nsec, ctx.firstSec, ctx.firstNsec, ctx.digits);
    case 'delta':
      // the first displayed packet has no predecessor: Wireshark shows 0
      return position === 0 ? deltaText(0, ctx.digits) : deltaText(delta, ctx.digits);
    case 'absolute':
      return absoluteText(sec, nsec, ctx.digits);
    case 'epoch':
      return epochText(sec, nsec, ctx.digits);
  }
}

/**
 * Automatic precision from the files' encodings (`pcap LE ns`, `pcapng`…): nanoseconds when any
 * file says so, microseconds otherwise (pcap's classic resolution and pcapng's default).
 */
export function precisionOf(encodings: readonly string[]): Precision {
  return encodings.some((e) => /\b(ns|nsec|nanosecond)/i.test(e)) ? 9 : 6;
}

/** Wireshark's status bar load time: `0:01.234` (minutes, seconds, milliseconds). */
export function loadTimeText(ms: number): string {
  const total = Math.max(0, Math.round(ms));
  const m = Math.floor(total / 60_000);
  const s = Math.floor((total % 60_000) / 1000);
  return `${m}:${pad2(s)}.${String(total % 1000).padStart(3, '0')}`;
}
