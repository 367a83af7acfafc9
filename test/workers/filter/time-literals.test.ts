// Time literals in display filters, as tshark 4.0.17 reads them (epan/ftypes/ftype-time.c):
// frame.time is FT_ABSOLUTE_TIME and takes dates (ISO 8601, or "May 18, 2013 20:21:44.5" and
// "2013-05-18 20:21:44.5" with an optional "UTC"; "Z", "UTC" or an offset make it UTC, else it is
// local time), never a bare number; frame.time_epoch, frame.time_relative and frame.time_delta are
// FT_RELATIVE_TIME and take seconds. Every expectation is tshark's answer, recorded with
//   TZ=<zone> tshark -n -r FILE -Y FILTER -T fields -e frame.number
// (its frame list, or its error message) on vxlan.pcap from the corpus and on a hand-made
// nanosecond pcap whose eight frames are at PROBE_TIMES. The cases set process.env.TZ (Node reads
// it again when it changes), so that they do not depend on the machine's time zone.

import { existsSync, openAsBlob } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PacketDissector } from '../../../workers/dissect.ts';
import { compileFilter } from '../../../workers/filter/compile.ts';
import { Time, parseAbsTime, parseRelTime, timeCompare } from '../../../workers/fields/time.ts';
import { readCapture } from '../../../workers/formats/open.ts';
import { CORPUS_CAPTURES } from './fixtures.ts';

type Case = readonly [filter: string, answer: readonly number[] | string];

const EX = 'Example: "Nov 12, 1999 08:55:44.123" or "2011-07-04 12:34:56"';

/** (seconds, nanoseconds) of the probe capture's frames 1..8. */
const PROBE_TIMES: readonly (readonly [number, number])[] = [
  [1368908504, 0],
  [1368908504, 1],
  [1368908504, 123456789],
  [1368908504, 500000000],
  [1368908504, 50000000],
  [0, 5],
  [1368908504, 999999999],
  [1368908505, 0],
];

/** A little-endian nanosecond pcap (magic a1b23c4d) of 18-byte Ethernet frames at `times`. */
function nanosecondPcap(times: readonly (readonly [number, number])[]): Blob {
  const frame = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 2, 0, 0, 0, 0, 1, 0x88, 0xb5, 0x74, 0x69, 0x6d, 0x65];
  const v = new DataView(new ArrayBuffer(24 + times.length * (16 + frame.length)));
  v.setUint32(0, 0xa1b23c4d, true);
  v.setUint16(4, 2, true);
  v.setUint16(6, 4, true);
  v.setUint32(16, 65535, true);
  v.setUint32(20, 1, true);
  let o = 24;
  for (const [s, ns] of times) {
    v.setUint32(o, s, true);
    v.setUint32(o + 4, ns, true);
    v.setUint32(o + 8, frame.length, true);
    v.setUint32(o + 12, frame.length, true);
    frame.forEach((x, k) => v.setUint8(o + 16 + k, x));
    o += 16 + frame.length;
  }
  return new Blob([v.buffer]);
}

/** Our answer to each case: the frames its filter selects, or the filter's error. */
async function answers(blob: Blob, cases: readonly Case[]): Promise<Case[]> {
  const compiled = cases.map(([f]) => compileFilter(f));
  const frames = cases.map((): number[] => []);
  const d = new PacketDissector();
  let n = 0;
  await readCapture(blob, (rec) => {
    const fl = d.dissect(rec, ++n);
    compiled.forEach((c, k) => {
      if (c.ok && c.matches(fl)) (frames[k] as number[]).push(n);
    });
  });
  return cases.map(([f], k) => {
    const c = compiled[k];
    return [f, c === undefined ? 'missing' : c.ok ? (frames[k] as number[]) : c.error];
  });
}

/** Run the describe block's tests with TZ set to `zone`. */
function inZone(zone: string): void {
  let saved: string | undefined;
  beforeAll(() => {
    saved = process.env.TZ;
    process.env.TZ = zone;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });
}

const VXLAN = join(CORPUS_CAPTURES, 'vxlan.pcap');

/** vxlan.pcap, TZ=UTC: frames 1..10 from 20:21:44.837063 to 20:21:47.885359 UTC on May 18, 2013. */
const VXLAN_UTC: readonly Case[] = [
  ['frame.time == "2013-05-18 20:21:44.837063"', [1]],
  ['frame.time == "2013-05-18T20:21:44.837063Z"', [1]],
  ['frame.time == "2013-05-18T22:21:44.837063+02:00"', [1]],
  ['frame.time == "May 18, 2013 20:21:44.837063 UTC"', [1]],
  ['frame.time == "may 18, 2013 20:21:44.837063000 UTC"', [1]],
  ['frame.time >= "2013-05-18 20:21:46"', [7, 8, 9, 10]],
  ['frame.time >= "2013-05-18 20:21"', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
  ['frame.time > 2013-05-18', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
  ['frame.time > "2013-02-30 10:00:00"', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
  ['frame.time > "2013-05-18T18:51:45-0130"', [5, 6, 7, 8, 9, 10]],
  ['frame.time > ""', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
  ['frame.time_epoch > 1368908505.5', [5, 6, 7, 8, 9, 10]],
  ['frame.time_relative > 1.5e0', [7, 8, 9, 10]],
  ['frame.time_relative > -0.5', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
  ['frame.time_relative > 1.5.5', [7, 8, 9, 10]],
  ['frame.time_relative > +1', [5, 6, 7, 8, 9, 10]],
  ['-frame.time_relative < -1', [5, 6, 7, 8, 9, 10]],
  ['abs(frame.time_relative) > 1', [5, 6, 7, 8, 9, 10]],
  ['frame.time_epoch > frame.time_relative', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
  ['frame.time in {"2013-05-18 20:21:45" .. "2013-05-18 20:21:47"}', [5, 6, 7, 8]],
  ['frame.time_relative in {1 .. 2.5}', [5, 6, 7, 8]],
  ['frame.time_relative == 1.001093', [5]],
  ['frame.time_epoch == 1368908505.838156', [5]],
  ['max(frame.time_relative, frame.time_epoch) > 1', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
  ['frame.time_relative - 0.5 > 1', [7, 8, 9, 10]],
  ['frame.time_epoch - frame.time_relative == 1368908504.837063', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
  ['frame.time_delta > 0.1', [5, 7, 9]],
  ['frame.time_relative > 1', [5, 6, 7, 8, 9, 10]],
];

/** The messages tshark gives (TZ=UTC; the text before the position marker). */
const ERRORS: readonly Case[] = [
  ['frame.time > 0', '"0" is not a valid absolute time. ' + EX],
  ['frame.time >= "2013-05-18 20:21.5"', 'Subsecond precision requires a seconds field.'],
  ['frame.time >= "20130518T202146"', '"20130518T202146" is not a valid absolute time. ' + EX],
  ['frame.time > 1368908505', '"1368908505" is not a valid absolute time. ' + EX],
  ['frame.time > "abc"', '"abc" is not a valid absolute time. ' + EX],
  ['frame.time > "2013-05-18 20:21:46 Z"', 'Unexpected data after time value.'],
  ['frame.time > "2013-02-30T10:00"', 'Unexpected data after time value.'],
  ['frame.time > "2013-05-18T20:21:46+05:30:00"', 'Unexpected data after time value.'],
  ['frame.time > "2013-05-18 23:59:62"', 'Unexpected data after time value.'],
  ['frame.time > "2013-13-18"', '"2013-13-18" is not a valid absolute time. ' + EX],
  ['frame.time > "1969-12-31 23:59:59 UTC"', '"1969-12-31 23:59:59 UTC" cannot be converted to a valid calendar time.'],
  ['frame.time > "May 18, 2013 20:21:46.1234567891"', 'Subseconds value is invalid.'],
  ['frame.time > "2000-02-29T10:00"', 'Unexpected data after time value.'],
  ["frame.time > 'a'", "Character constant 'a' (0x61) cannot be converted to Date and time."],
  ["frame.time_relative > 'a'", "Character constant 'a' (0x61) cannot be converted to Time offset."],
  ['frame.time_epoch > "1"', 'Time offset cannot be converted from a string ("1").'],
  ['frame.time_epoch > 2013-05-18', '"2013-05-18" is not a valid time.'],
  ['frame.time_relative > 1e3', '"1e3" is not a valid time.'],
  ['frame.time_relative > 0x10', '"0x10" is not a valid time.'],
  ['frame.time_relative > 1.0000000001', '"1.0000000001" is not a valid time.'],
  ['frame.time_relative * 2 > 2', 'FT_RELATIVE_TIME cannot *.'],
  ['frame.time + 1 > "2013-05-18"', 'FT_ABSOLUTE_TIME cannot +.'],
  ['-frame.time > "2013-05-18"', 'FT_ABSOLUTE_TIME cannot -.'],
  ['abs(frame.time) > "2013-05-18"', "'frame.time' is not a valid argument to 'abs'()"],
  ['frame.time > frame.time_relative', 'frame.time and frame.time_relative are not of compatible types.'],
  ['frame.time_epoch == frame.time', 'frame.time_epoch and frame.time are not of compatible types.'],
  ['frame.time contains "2013"', 'frame.time (type=Date and time) cannot participate in contains comparison.'],
  ['frame.time[0:2] == 00:00', '"frame.time" is a Date and time and cannot be sliced into a sequence of bytes.'],
  ['max(frame.time, frame.time_epoch) > 1', "Arguments to 'max' must have the same type (expected FT_ABSOLUTE_TIME, got FT_RELATIVE_TIME)"],
  ['max(ip.ttl, "5") > 1', `Argument '"5"' is not valid for max()`],
  ['ip.ttl + "1" > 1', '"1" is not a valid arithmetic operand.'],
  ['abs(ip.src) > 1', "'ip.src' is not a valid argument to 'abs'()"],
  ['frame.time_relative > 1 * 2', 'FT_RELATIVE_TIME cannot *.'],
  ['frame.time > "2013-05-18" - 1', '"2013-05-18" is not a valid arithmetic operand.'],
  ['frame.time_relative / 2 > 1', 'FT_RELATIVE_TIME cannot /.'],
  ["eth.src == 'a'", "Character constant 'a' (0x61) cannot be converted to Ethernet or other MAC address."],
  ["ip.src > 'a'", "Character constant 'a' (0x61) cannot be converted to IPv4 address."],
  ["frame.time == '\\x01'", 'Character constant 0x1 cannot be converted to Date and time.'],
];

/** The probe capture, TZ=UTC: nanoseconds, fractions of more than nine digits, the empty string. */
const PROBE: readonly Case[] = [
  ['frame.time == "2013-05-18T20:21:44.0000000001"', [2]],
  ['frame.time == "2013-05-18T20:21:44.000000001"', [2]],
  ['frame.time == "2013-05-18T20:21:44.1234567891"', [1]],
  ['frame.time == "2013-05-18T20:21:44.12345678901"', [1]],
  ['frame.time == "2013-05-18T20:21:44.4294967297"', [2]],
  ['frame.time == "2013-05-18T20:21:44.99999999999999999999999"', [1]],
  ['frame.time == "2013-05-18T20:21:44. 5"', [5]],
  ['frame.time == "2013-05-18T20:21:44.+5"', [5]],
  ['frame.time == "2013-05-18T20:21:44.-5"', [1]],
  ['frame.time == "2013-05-18T20:21:44.123456789"', [3]],
  ['frame.time == "2013-05-18T20:21:44,5"', [4]],
  ['frame.time == "2013-05-18 20:21:44.5 UTC"', [4]],
  ['frame.time == "May 18, 2013 20:21:44.123456789000 UTC"', [3]],
  ['frame.time == "May 18, 2013 20:21:44.05"', [5]],
  ['frame.time == "2013-05-18T20:21:44.999999999Z"', [7]],
  ['frame.time == "2013-05-18T20:21:44.05+00:00"', [5]],
  ['frame.time == "2013-05-18T20:21:44.05-00"', [5]],
  ['frame.time == "2013-05-18T20:21:44.05 "', 'Unexpected data after time value.'],
  ['frame.time > ""', [1, 2, 3, 4, 5, 6, 7, 8]],
  ['frame.time == ""', []],
  ['frame.time < ""', []],
  ['frame.time > "1970-01-01T00:00:00.000000004Z"', [1, 2, 3, 4, 5, 6, 7, 8]],
  ['frame.time > "1970-01-01 00:00:00.000000004 UTC"', [1, 2, 3, 4, 5, 6, 7, 8]],
  ['frame.time == "1970-01-01 00:00:00.000000005"', [6]],
  ['frame.time == "Jan  1, 1970 00:00:00.000000005 UTC"', [6]],
  ['frame.time_epoch == 1368908504.123456789', [3]],
  ['frame.time_epoch == 1368908504.1234567890', [3]],
  ['frame.time_epoch == 1368908504.12345678901', '"1368908504.12345678901" is not a valid time.'],
  ['frame.time_epoch == 0.000000005', [6]],
  ['frame.time_epoch < 1', [6]],
  ['frame.time_relative < 0', [6]],
  ['frame.time_relative == -1368908503.999999995', [6]],
  ['frame.time_delta < 0', [5, 6]],
  ['frame.time_delta == -0.45', [5]],
  ['frame.time_delta > 1000', [7]],
  ['frame.time_relative >= 1', [8]],
  ['frame.time_relative > 0.123456788 && frame.time_relative < 0.5', [3]],
  ['frame.time_relative == frame.time_delta', [1, 2]],
  ['frame.time == "2013-05-18 20:21:44.05"', [5]],
  ['frame.time == "2013-05-18 20:21:44.05Z"', [5]],
  ['frame.time == "2013-05-18T20:21:44.05Z"', [5]],
  ['frame.time == "2013-05-18T20:21:44.050000000Z"', [5]],
];

/** vxlan.pcap in New York (EDT, UTC-4 in May) and Berlin (CEST, UTC+2): dates without a zone are local. */
const NEW_YORK: readonly Case[] = [
  ['frame.time == "2013-05-18 16:21:44.837063"', [1]],
  ['frame.time == "2013-05-18 22:21:44.837063"', []],
  ['frame.time >= "2013-05-18 16:21:46"', [7, 8, 9, 10]],
  ['frame.time >= "2013-05-18 22:21:46"', []],
  ['frame.time >= "May 18, 2013 16:21:46"', [7, 8, 9, 10]],
  ['frame.time >= "May 18, 2013 22:21:46"', []],
  ['frame.time >= "2013-05-18 16:21"', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
  ['frame.time >= "2013-05-18 22:21"', []],
  ['frame.time >= "2013-05-18 16"', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
  ['frame.time >= "2013-05-18"', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
  ['frame.time >= "2013-05-18 20:21:46Z"', [7, 8, 9, 10]],
  ['frame.time >= "2013-05-18 20:21:46 UTC"', [7, 8, 9, 10]],
  ['frame.time > "1969-12-31 23:59:59"', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
  ['frame.time > "1969-12-31 18:59:59"', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
  ['frame.time > "1970-01-01 00:59:59"', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
  ['frame.time > "1969-12-31 18:59:59 UTC"', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
  ['frame.time > "2013-03-10 02:30:00"', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
  ['frame.time > "2013-03-31 02:30:00"', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
  ['frame.time > "Dec 31, 1969 18:59:59"', '"Dec 31, 1969 18:59:59" cannot be converted to a valid calendar time.'],
  ['frame.time > "1969-12-31 18:59:59"', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
  ['frame.time > "Dec 31, 1969 23:59:59"', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
  ['frame.time > "Dec 31, 1969 23:59:59 UTC"', '"Dec 31, 1969 23:59:59 UTC" cannot be converted to a valid calendar time.'],
];

const BERLIN: readonly Case[] = [
  ['frame.time == "2013-05-18 16:21:44.837063"', []],
  ['frame.time == "2013-05-18 22:21:44.837063"', [1]],
  ['frame.time >= "2013-05-18 16:21:46"', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
  ['frame.time >= "2013-05-18 22:21:46"', [7, 8, 9, 10]],
  ['frame.time >= "May 18, 2013 16:21:46"', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
  ['frame.time >= "May 18, 2013 22:21:46"', [7, 8, 9, 10]],
  ['frame.time >= "2013-05-18 16:21"', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
  ['frame.time >= "2013-05-18 22:21"', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
  ['frame.time >= "2013-05-18 16"', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
  ['frame.time >= "2013-05-18"', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
  ['frame.time >= "2013-05-18 20:21:46Z"', [7, 8, 9, 10]],
  ['frame.time >= "2013-05-18 20:21:46 UTC"', [7, 8, 9, 10]],
  ['frame.time > "1969-12-31 23:59:59"', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
  ['frame.time > "1969-12-31 18:59:59"', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
  ['frame.time > "1970-01-01 00:59:59"', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
  ['frame.time > "1969-12-31 18:59:59 UTC"', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
  ['frame.time > "2013-03-10 02:30:00"', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
  ['frame.time > "2013-03-31 02:30:00"', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
  ['frame.time > "Dec 31, 1969 18:59:59"', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
  ['frame.time > "1969-12-31 18:59:59"', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
  ['frame.time > "Dec 31, 1969 23:59:59"', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
  ['frame.time > "Dec 31, 1969 23:59:59 UTC"', '"Dec 31, 1969 23:59:59 UTC" cannot be converted to a valid calendar time.'],
];

describe('time literals read as tshark 4.0 reads them, TZ=UTC', () => {
  inZone('UTC');

  it('selects the frames tshark selects on vxlan.pcap', async (ctx) => {
    if (!existsSync(VXLAN)) return ctx.skip();
    expect(await answers(await openAsBlob(VXLAN), VXLAN_UTC)).toEqual(VXLAN_UTC);
  });

  it('rejects what tshark rejects, with its message', async (ctx) => {
    if (!existsSync(VXLAN)) return ctx.skip();
    expect(await answers(await openAsBlob(VXLAN), ERRORS)).toEqual(ERRORS);
  });

  it('reads nanoseconds, long fractions and "" as tshark does', async () => {
    expect(await answers(nanosecondPcap(PROBE_TIMES), PROBE)).toEqual(PROBE);
  });

  it('gives the times the probe frames have', () => {
    const t = (s: string): Time | string => parseAbsTime(s);
    expect(t('2013-05-18T20:21:44.0000000001')).toEqual(new Time(1368908504, 1));
    expect(t('2013-05-18T20:21:44.4294967297')).toEqual(new Time(1368908504, 1));
    expect(t('2013-05-18T20:21:44. 5')).toEqual(new Time(1368908504, 50000000));
    expect(t('May 18, 2013 20:21:44.123456789000 UTC')).toEqual(new Time(1368908504, 123456789));
    expect(t('Jan  1, 1970 00:00:00.000000005 UTC')).toEqual(new Time(0, 5));
    expect(t('2013-05-18T22:21:44+02:00')).toEqual(new Time(1368908504, 0));
    // the unset time "" gives: below every time, equal to itself
    const unset = t('') as Time;
    expect(timeCompare(unset, new Time(0, 0))).toBe(-1);
    expect(timeCompare(new Time(-5, 0), unset)).toBe(1);
    expect(timeCompare(unset, unset)).toBe(0);
    // relative: sign, seconds, then up to nine digits; whatever follows them is ignored
    expect(parseRelTime('-1368908503.999999995')).toEqual(new Time(-1368908503, -999999995));
    expect(parseRelTime('1.5e0')).toEqual(new Time(1, 500000000));
    expect(parseRelTime('1e3')).toBeNull();
  });
});

describe('time literals without a zone are local time: America/New_York', () => {
  inZone('America/New_York');
  it('selects the frames tshark selects with TZ=America/New_York', async (ctx) => {
    if (!existsSync(VXLAN)) return ctx.skip();
    expect(await answers(await openAsBlob(VXLAN), NEW_YORK)).toEqual(NEW_YORK);
  });
});

describe('time literals without a zone are local time: Europe/Berlin', () => {
  inZone('Europe/Berlin');
  it('selects the frames tshark selects with TZ=Europe/Berlin', async (ctx) => {
    if (!existsSync(VXLAN)) return ctx.skip();
    expect(await answers(await openAsBlob(VXLAN), BERLIN)).toEqual(BERLIN);
  });
});
