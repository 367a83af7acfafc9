// The pcapng timestamp converter's double fast paths against Wireshark's uint64 formula written
// out in BigInt, for random timestamps and every kind of if_tsresol / if_tsoffset.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TimestampConverter } from '../../../workers/formats/pcapng-time.ts';
import { createRecord } from '../../../workers/formats/common.ts';

const MASK_64 = (1n << 64n) - 1n;

/** wiretap/pcapng.c: secs = ts / units; nsecs = (int)(((ts % units) * 10^9) / units); secs += tsoffset. */
function wireshark(tsresol: number, tsoffset: bigint, ts: bigint): [number, number] {
  const exp = tsresol < 0 ? 6 : tsresol & 0x7f;
  const binary = tsresol >= 0 && (tsresol & 0x80) !== 0;
  const units = binary ? (exp < 64 ? 1n << BigInt(exp) : MASK_64) : exp < 20 ? 10n ** BigInt(exp) : MASK_64;
  return [Number(ts / units + tsoffset), Number((((ts % units) * 1000000000n) & MASK_64) / units)];
}

const tsresols = fc.oneof(
  fc.constantFrom(-1, 3, 6, 9, 0x80 | 10, 0x80 | 20, 0x80 | 30, 0xc8),
  fc.integer({ min: 0, max: 25 }),
  fc.integer({ min: 0x80, max: 0x80 + 70 }),
);
const highs = fc.oneof(fc.integer({ min: 0, max: 0xfffff }), fc.integer({ min: 0, max: 0xffffffff }), fc.constantFrom(0x100000, 0xffffffff));
const lows = fc.integer({ min: 0, max: 0xffffffff });
const offsets = fc.oneof(fc.constant(0n), fc.bigInt({ min: -(10n ** 10n), max: 10n ** 10n }), fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }));

describe('TimestampConverter', () => {
  it('equals Wireshark\'s 64-bit arithmetic', () => {
    const rec = createRecord();
    fc.assert(
      fc.property(tsresols, offsets, highs, lows, (tsresol, tsoffset, high, low) => {
        new TimestampConverter(tsresol, tsoffset).convert(high, low, rec);
        const ts = (BigInt(high) << 32n) | BigInt(low);
        expect([rec.tsSec, rec.tsNsec]).toEqual(wireshark(tsresol, tsoffset, ts));
      }),
      { numRuns: 20000, seed: 4242 },
    );
  });

  it('reports units per second and the offset', () => {
    expect(new TimestampConverter(-1, 0n).unitsPerSecond).toBe(1e6);
    expect(new TimestampConverter(9, 0n).unitsPerSecond).toBe(1e9);
    expect(new TimestampConverter(0x80 | 10, 5n).unitsPerSecond).toBe(1024);
    expect(new TimestampConverter(0x80 | 10, 5n).offsetSeconds).toBe(5);
    expect(new TimestampConverter(0xc8, 0n).unitsPerSecond).toBe(2 ** 64);
  });
});
