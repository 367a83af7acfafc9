// pcapng timestamps (draft-ietf-opsawg-pcapng §4.2 if_tsresol / if_tsoffset, §4.3 Timestamp):
// a 64-bit count of units since 1970, in two 32-bit halves, units set by the interface's
// if_tsresol ("if the Most Significant Bit is equal to zero, the remaining bits indicates the
// resolution of the timestamp as a negative power of 10 ... if it is equal to one, ... as negative
// power of 2"; default 10^-6), plus if_tsoffset seconds.
//
// The result must equal Wireshark's (wiretap/pcapng.c), uint64 arithmetic included:
//   secs  = ts / units
//   nsecs = (int)(((ts % units) * 1000000000) / units)      ← the product wraps modulo 2^64
//   secs += tsoffset
// with units = 10^e or 2^e, and 2^64-1 when that would not fit in 64 bits (e ≥ 20 or e ≥ 64:
// Wireshark 4.0 accepts such an IDB; pcapng-idb-tsresol-bin-high.pcapng).
//
// Per packet, the usual resolutions (10^0..10^-9, 2^0..2^-23) are computed exactly in doubles,
// with one division when ts < 2^52 and a base-2^16 long division otherwise; every other case
// (finer resolutions, huge offsets, coarse units with huge counts) takes a BigInt path.

import type { PacketRecord } from './record.ts';

const TWO_32 = 4294967296;
/** Below this high word, ts < 2^52 and one double division is exact (after divStep's correction). */
const FAST_HIGH_LIMIT = 1 << 20;
/** From here on a quotient of a 64-bit ts fits in 2^53 (for fewer units per second: BigInt). */
const MIN_UNITS_LONG_DIVISION = 1 << 11;
const MASK_64 = (1n << 64n) - 1n;
const NS_PER_S = 1000000000n;
const TSRESOL_BINARY = 0x80;

const enum Path {
  /** units = 10^e, e ≤ 9: nsec = rem · 10^(9-e). */
  DECIMAL,
  /** units = 2^e, e ≤ 23: rem · 10^9 < 2^53, then an exact division by 2^e. */
  BINARY,
  /** Everything else, in BigInt. */
  SLOW,
}

export class TimestampConverter {
  /** Units per second (as a double: 2^64-1 shows as 2^64). */
  readonly unitsPerSecond: number;
  /** if_tsoffset in seconds (as a double). */
  readonly offsetSeconds: number;
  private readonly units: bigint;
  private readonly offset: bigint;
  private readonly path: Path;
  private readonly nsMul: number;

  /** `tsresol`: the if_tsresol byte, or -1 when the IDB has none (10^-6). */
  constructor(tsresol: number, tsoffset: bigint) {
    const binary = tsresol >= 0 && (tsresol & TSRESOL_BINARY) !== 0;
    const exp = tsresol < 0 ? 6 : tsresol & 0x7f;
    let units: bigint;
    if (binary) units = exp < 64 ? 1n << BigInt(exp) : MASK_64;
    else units = exp < 20 ? 10n ** BigInt(exp) : MASK_64;
    this.units = units;
    this.offset = tsoffset;
    this.unitsPerSecond = Number(units);
    this.offsetSeconds = Number(tsoffset);
    const offsetExact = Number.isSafeInteger(this.offsetSeconds);
    if (!binary && exp <= 9 && offsetExact) {
      this.path = Path.DECIMAL;
      this.nsMul = 10 ** (9 - exp);
    } else if (binary && exp <= 23 && offsetExact) {
      this.path = Path.BINARY;
      this.nsMul = 0;
    } else {
      this.path = Path.SLOW;
      this.nsMul = 0;
    }
  }

  /** Sets rec.tsSec / rec.tsNsec from the two unsigned 32-bit halves of a timestamp. */
  convert(high: number, low: number, rec: PacketRecord): void {
    if (this.path !== Path.SLOW) {
      const units = this.unitsPerSecond;
      let sec: number;
      if (high < FAST_HIGH_LIMIT) {
        // ts < 2^52: one division.
        sec = divStep(high * TWO_32 + low, units);
      } else if (units >= MIN_UNITS_LONG_DIVISION) {
        // Long division in base 2^16: every partial dividend is < units · 2^16 < 2^53, and the
        // quotient < 2^64 / units ≤ 2^53, so all of it is exact (ns timestamps of today land here).
        const q3 = divStep(high >>> 16, units);
        const q2 = divStep(remainder * 65536 + (high & 0xffff), units);
        const q1 = divStep(remainder * 65536 + (low >>> 16), units);
        const q0 = divStep(remainder * 65536 + (low & 0xffff), units);
        sec = ((q3 * 65536 + q2) * 65536 + q1) * 65536 + q0;
      } else {
        this.slow(high, low, rec);
        return;
      }
      rec.tsSec = sec + this.offsetSeconds;
      rec.tsNsec = this.path === Path.DECIMAL ? remainder * this.nsMul : Math.floor((remainder * 1e9) / units);
      return;
    }
    this.slow(high, low, rec);
  }

  private slow(high: number, low: number, rec: PacketRecord): void {
    const ts = (BigInt(high) << 32n) | BigInt(low);
    const units = this.units;
    rec.tsSec = Number(ts / units + this.offset);
    rec.tsNsec = Number((((ts % units) * NS_PER_S) & MASK_64) / units);
  }
}

/** The remainder of the last divStep (a module variable: no allocation per packet). */
let remainder = 0;

/** floor(n / d) for integers n < 2^53, d ≤ 2^37; the rounded division is corrected by one step. */
function divStep(n: number, d: number): number {
  let q = Math.floor(n / d);
  let r = n - q * d;
  if (r < 0) {
    q--;
    r += d;
  } else if (r >= d) {
    q++;
    r -= d;
  }
  remainder = r;
  return q;
}
