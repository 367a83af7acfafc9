// Time values (Wireshark's nstime_t): whole seconds and nanoseconds kept apart, as capture files
// give them (nanoseconds are not normalised: tshark shows 1000000000 as `.1000000000`).
// Comparison is Wireshark 4.0's nstime_cmp, which returns `(int)(a->secs - b->secs)` when the
// seconds differ: the difference is cut to 32 bits, so a time 2^32 s after another compares equal
// to it, and 4294967295 s is "less than" 0. tshark -Y does exactly this on time_2106_max.pcap and
// time_2107.pcapng, so the filter does it too. An unset time (0 s, 2^31 - 1 ns: what the literal
// "" gives) is less than every other time and equal to itself.
//
// Literals, as Wireshark 4.0's epan/ftypes/ftype-time.c reads them:
//   - a relative time (FT_RELATIVE_TIME: frame.time_relative, frame.time_delta, frame.time_epoch)
//     is `[-]seconds[.fraction]` (relative_val_from_literal; "1e3" and "0x10" are not times);
//   - an absolute time (FT_ABSOLUTE_TIME: frame.time) is a date (absolute_val_from_string): ISO
//     8601 first (`2013-05-18T20:21:44.5Z`, `2013-05-18 20:21:44+02:00`, `2013-05-18 20:21`),
//     then the legacy forms `May 18, 2013 20:21:44[.frac]`, `2013-05-18 20:21:44[.frac]`,
//     `2013-05-18 20:21`, `2013-05-18 20`, `2013-05-18`, each optionally followed by ` UTC`. An
//     ISO time with `Z` or an offset, or a legacy one with `UTC`, is UTC; any other is local
//     time (the machine's time zone: the browser's, or TZ for the command line), as tshark does.
//     A bare number is not a date: `"0" is not a valid absolute time`.
// Their quirks are Wireshark's, checked against tshark 4.0.17 (test/workers/filter/abs-time.test.ts):
// ISO fields are read with sscanf (`%2u`: one or two digits, leading blanks), the legacy ones with
// glibc's strptime (out-of-range days roll over: "2013-02-30 10:00" is March 2), the ISO check of
// the day uses the year minus 1900 for leap years (so "2000-02-29T10:00" is not ISO, and
// "2000-02-29 10:00" is read by the legacy form), and more than nine fraction digits are read
// differently by the two (ISO ignores a fraction of 1e9 or more, legacy rejects sub-nanoseconds).

export class Time {
  constructor(
    readonly s: number,
    readonly ns: number,
  ) {}
}

const UNSET_NS = 2147483647;
const isUnset = (t: Time): boolean => t.s === 0 && t.ns === UNSET_NS;

export function timeCompare(a: Time, b: Time): number {
  if (isUnset(a)) return isUnset(b) ? 0 : -1;
  if (isUnset(b)) return 1;
  if (a.s === b.s) return Math.sign((a.ns - b.ns) | 0);
  return Math.sign((a.s - b.s) | 0);
}

/** Seconds as a number (a relative time stored as a double) to a Time. */
export function timeFromSeconds(v: number): Time {
  const s = Math.trunc(v);
  return new Time(s, Math.round((v - s) * 1e9));
}

function normalize(s: number, ns: number): Time {
  const carry = Math.floor(ns / 1e9);
  return new Time(s + carry, ns - carry * 1e9);
}

export const timeAdd = (a: Time, b: Time): Time => normalize(a.s + b.s, a.ns + b.ns);
export const timeSub = (a: Time, b: Time): Time => normalize(a.s - b.s, a.ns - b.ns);
export const timeNeg = (a: Time): Time => new Time(-a.s, -a.ns);
export const timeAbs = (a: Time): Time => (a.s < 0 || (a.s === 0 && a.ns < 0) ? timeNeg(a) : a);

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
/** C isspace in the "C" locale. */
const isSpace = (c: string | undefined): boolean => c === ' ' || (c !== undefined && c >= '\t' && c <= '\r');

interface Scanned {
  value: number;
  end: number;
}

/**
 * get_nsecs: the digits at `p` as nanoseconds ("5" is 500000000); null when a digit past the ninth
 * is not zero. Whatever follows the digits is left to the caller.
 */
function nanoseconds(s: string, p: number): Scanned | null {
  let end = p;
  while (isDigit(s[end])) end++;
  let value = 0;
  let scale = 9 - (end - p);
  for (let k = end - 1; k >= p; k--) {
    const d = (s.charCodeAt(k) - 48) as number;
    if (d !== 0) {
      if (scale < 0) return null;
      value += d * 10 ** scale;
    }
    scale++;
  }
  return { value, end };
}

const U64 = (1n << 64n) - 1n;

/** strtoul / sscanf's integer conversions: blanks, a sign, then at most `width` characters of sign
 *  and digits; the result wrapped as C stores it (`bits` 32 for an int, 64 for a time_t). */
function scanInt(s: string, p: number, width: number, bits: 32 | 64): Scanned | null {
  let q = p;
  while (isSpace(s[q])) q++;
  let w = width;
  let negative = false;
  if (s[q] === '+' || s[q] === '-') {
    negative = s[q] === '-';
    q++;
    w--;
  }
  const start = q;
  while (w > 0 && isDigit(s[q])) {
    q++;
    w--;
  }
  if (q === start) return null;
  let v = BigInt(s.slice(start, q));
  if (v > U64) v = U64;
  else if (negative) v = (U64 + 1n - v) & U64;
  return { value: Number(BigInt.asIntN(bits, v)), end: q };
}

/** A relative time literal (relative_val_from_literal); null when it is not one. */
export function parseRelTime(text: string): Time | null {
  let p = 0;
  let negative = false;
  if (text[p] === '-') {
    negative = true;
    p++;
  }
  let s = 0;
  if (text[p] !== '.') {
    const r = scanInt(text, p, Infinity, 64);
    if (r === null || (r.end < text.length && text[r.end] !== '.')) return null;
    s = r.value;
    p = r.end;
    if (text[p] === '.') p++;
  } else p++;
  let ns = 0;
  if (p < text.length) {
    const r = nanoseconds(text, p);
    if (r === null) return null;
    ns = r.value;
  }
  return negative ? new Time(s === 0 ? 0 : -s, ns === 0 ? 0 : -ns) : new Time(s, ns);
}

/** Broken-down time (struct tm, but with the full year). */
interface Tm {
  year: number;
  mon: number;
  mday: number;
  hour: number;
  min: number;
  sec: number;
}

/** mktime_utc (timegm): out-of-range fields roll over. */
function utcSeconds(tm: Tm): number {
  const d = new Date(0);
  d.setUTCFullYear(tm.year, tm.mon, tm.mday);
  d.setUTCHours(tm.hour, tm.min, tm.sec, 0);
  return Math.floor(d.getTime() / 1000);
}

/** mktime with tm_isdst = -1: the time in the local time zone. */
function localSeconds(tm: Tm): number {
  const d = new Date(2000, 0, 1);
  d.setFullYear(tm.year, tm.mon, tm.mday);
  d.setHours(tm.hour, tm.min, tm.sec, 0);
  return Math.floor(d.getTime() / 1000);
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** wsutil's tm_is_valid, with its leap year test on tm_year (the year minus 1900). */
function tmIsValid(tm: Tm): boolean {
  const y = tm.year - 1900;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (tm.mon < 0 || tm.mon > 11) return false;
  if (tm.mday < 0 || tm.mday > (tm.mon === 1 && leap ? 29 : (DAYS[tm.mon] as number))) return false;
  return tm.hour >= 0 && tm.hour <= 23 && tm.min >= 0 && tm.min <= 59 && tm.sec >= 0 && tm.sec <= 60;
}

/** iso8601_to_nstime (extended format, 4.0): the time and where it stopped reading, or null. */
export function iso8601(s: string): { time: Time; end: number } | null {
  let p = 0;
  let year = 0;
  for (; p < 4; p++) {
    if (!isDigit(s[p])) return null;
    year = year * 10 + s.charCodeAt(p) - 48;
  }
  if (s[p] !== '-') return null;
  p++;
  const mon = scanInt(s, p, 2, 32);
  if (mon === null || s[mon.end] !== '-') return null;
  const mday = scanInt(s, mon.end + 1, 2, 32);
  if (mday === null) return null;
  p = mday.end;
  if (s[p] !== 'T' && s[p] !== ' ') return null;
  const hour = scanInt(s, p + 1, 2, 32);
  if (hour === null || s[hour.end] !== ':') return null;
  const min = scanInt(s, hour.end + 1, 2, 32);
  if (min === null) return null;
  p = min.end;
  const tm: Tm = { year, mon: mon.value - 1, mday: mday.value, hour: hour.value, min: min.value, sec: 0 };
  let frac = 0;
  if (s[p] === ':') {
    const sec = scanInt(s, p + 1, 2, 32);
    if (sec === null) return null;
    tm.sec = sec.value;
    p = sec.end;
    if (s[p] === '.' || s[p] === ',') {
      p++;
      const f = scanInt(s, p, Infinity, 32);
      if (f !== null) {
        // %u into an unsigned int, then scaled by the number of characters read
        const v = f.value >>> 0;
        const n = f.end - p;
        frac = v >= 1e9 || v === 0 ? 0 : n < 9 ? v * 10 ** (9 - n) : v;
        p = f.end;
      }
    }
  }
  if (!tmIsValid(tm)) return null;
  const sign = s[p];
  let offset: number | null = null;
  if (sign === 'Z') {
    offset = 0;
    p++;
  } else if (sign === '+' || sign === '-') {
    const h = scanInt(s, p, 3, 32);
    if (h !== null) {
      p = h.end;
      const m = s[p] === ':' ? scanInt(s, p + 1, 2, 32) : scanInt(s, p, 2, 32);
      const mins = m === null ? 0 : m.value;
      if (m !== null) p = m.end;
      offset = sign === '+' ? h.value * 3600 + mins * 60 : h.value * 3600 - mins * 60;
    }
  }
  const secs = offset === null ? localSeconds(tm) : utcSeconds(tm) - offset;
  return { time: new Time(secs, frac), end: p };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** glibc strptime for the conversions the legacy forms use; where it stopped, or null. */
function strptime(s: string, p: number, format: string, tm: Tm): number | null {
  for (let k = 0; k < format.length; k++) {
    const f = format[k] as string;
    if (f === ' ') {
      while (isSpace(s[p])) p++;
      continue;
    }
    if (f !== '%') {
      if (s[p] !== f) return null;
      p++;
      continue;
    }
    const conv = format[++k];
    const [from, to, width] = conv === 'Y' ? [0, 9999, 4] : conv === 'm' ? [1, 12, 2] : conv === 'd' ? [1, 31, 2] : conv === 'H' ? [0, 23, 2] : conv === 'M' ? [0, 59, 2] : [0, 61, 2];
    // get_number: blanks, then digits while the value can still grow within `to`
    while (isSpace(s[p])) p++;
    if (!isDigit(s[p])) return null;
    let val = 0;
    let n = width;
    do val = val * 10 + s.charCodeAt(p++) - 48;
    while (--n > 0 && val * 10 <= to && isDigit(s[p]));
    if (val < from || val > to) return null;
    if (conv === 'Y') tm.year = val;
    else if (conv === 'm') tm.mon = val - 1;
    else if (conv === 'd') tm.mday = val;
    else if (conv === 'H') tm.hour = val;
    else if (conv === 'M') tm.min = val;
    else tm.sec = val;
  }
  return p;
}

const EXAMPLE = 'Example: "Nov 12, 1999 08:55:44.123" or "2011-07-04 12:34:56"';

/** An absolute time literal (absolute_val_from_string): the Time, or tshark's error message. */
export function parseAbsTime(s: string): Time | string {
  // 4.0 compares the length ISO 8601 read with strlen(s): an empty string "succeeds", unset
  if (s === '') return new Time(0, UNSET_NS);
  const iso = iso8601(s);
  if (iso !== null && iso.end === s.length) return iso.time;
  const invalid = `"${s}" is not a valid absolute time. ${EXAMPLE}`;
  if (s.length < 8) return invalid;
  const tm: Tm = { year: 1900, mon: 0, mday: 0, hour: 0, min: 0, sec: 0 };
  let hasSeconds = true;
  let p: number | null = null;
  const month = MONTHS.indexOf(s.slice(0, 3).toLowerCase());
  if (s[3] === ' ' && month >= 0) {
    tm.mon = month;
    p = strptime(s, 4, '%d, %Y %H:%M:%S', tm);
  }
  p ??= strptime(s, 0, '%Y-%m-%d %H:%M:%S', tm);
  if (p === null) {
    hasSeconds = false;
    p = strptime(s, 0, '%Y-%m-%d %H:%M', tm) ?? strptime(s, 0, '%Y-%m-%d %H', tm) ?? strptime(s, 0, '%Y-%m-%d', tm);
  }
  if (p === null) return invalid;
  let ns = 0;
  if (s[p] === '.') {
    if (!hasSeconds) return 'Subsecond precision requires a seconds field.';
    p++;
    if (!isDigit(s[p])) return 'Subseconds value is not a number.';
    const r = nanoseconds(s, p);
    if (r === null) return 'Subseconds value is invalid.';
    ns = r.value;
    p = r.end;
  }
  while (isSpace(s[p])) p++;
  const rest = s.slice(p);
  if (rest !== 'UTC' && rest !== '') return 'Unexpected data after time value.';
  const secs = rest === 'UTC' ? utcSeconds(tm) : localSeconds(tm);
  if (secs === -1) return `"${s}" cannot be converted to a valid calendar time.`;
  return new Time(secs, ns);
}
