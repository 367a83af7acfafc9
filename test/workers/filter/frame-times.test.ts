// frame.time, frame.time_relative, frame.time_delta and frame.time_epoch through the session: the
// index pass records each frame's time, and every later dissection (details of one packet, in any
// order; the filter's re-dissected rows) reads the first and the previous frame's times back, so
// it gives what the first pass gave. The frame lists are tshark 4.0.17's answers, recorded with
// `tshark -n -r FILE -Y FILTER -T fields -e frame.number` (time literals here carry "Z", so the
// machine's time zone does not matter).

import { existsSync, openAsBlob } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TreeNode } from '../../../workers/api.ts';
import { CaptureSession } from '../../../workers/session.ts';
import { concat } from '../formats/build.ts';
import { CORPUS_CAPTURES } from './fixtures.ts';

type Case = readonly [filter: string, frames: readonly number[]];

async function open(name: string): Promise<CaptureSession | null> {
  const path = join(CORPUS_CAPTURES, name);
  if (!existsSync(path)) return null;
  const session = new CaptureSession();
  await session.open([await openAsBlob(path)], [name], []);
  return session;
}

async function framesOf(session: CaptureSession, filter: string): Promise<number[]> {
  const res = await session.applyFilter(filter);
  expect(res.ok, `${filter}: ${res.error ?? ''}`).toBe(true);
  const win = await session.getRows(0, res.displayed);
  return Array.from(win.frame);
}

/** The details-tree items of field `field` in frame `frame`: label and Apply-as-Filter text. */
async function items(session: CaptureSession, frame: number, field: string): Promise<[string, string][]> {
  const all = (nodes: readonly TreeNode[]): TreeNode[] => nodes.flatMap((n) => [n, ...all(n.children)]);
  const d = await session.getDetails(frame);
  return all(d.tree)
    .filter((n) => n.field === field)
    .map((n) => [n.label, n.filter ?? '']);
}

const CASES: Record<string, readonly Case[]> = {
  // pcap, microseconds, in order
  'vxlan.pcap': [
    ['frame.time_relative > 1', [5, 6, 7, 8, 9, 10]],
    ['frame.time_delta > 0.1', [5, 7, 9]],
    ['frame.time_delta < 0.0434', [1, 3, 6, 10]],
    ['frame.time >= "2013-05-18 20:21:46Z"', [7, 8, 9, 10]],
    ['frame.time_epoch >= 1368908505.838156', [5, 6, 7, 8, 9, 10]],
    ['frame.time_relative == 1.001093', [5]],
    ['len(frame.time_delta) == 0 && len(frame.time) < 1', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
  ],
  // pcapng, three sections, frames without a time (1, 7, 10: Custom Blocks; 5, 8: Simple Packet
  // Blocks): relative times are epoch-sized, and compared to the nanosecond
  'ngtg_le_test202.pcapng': [
    ['frame.time_relative == 1340954905.298858', [2, 3, 6, 9]],
    ['frame.time_relative >= 1340954905.298858', [2, 3, 4, 6, 9, 11]],
    ['frame.time_delta == 0', [3]],
    ['frame.time_delta > 1000', [2, 6, 9]],
    ['!frame.time_relative', [1, 5, 7, 8, 10]],
    ['frame.time >= "2012-06-29 07:28:25.3Z"', [4, 11]],
  ],
  // nanoseconds of 1e9 and -2^31: relative 1.000000001 and 1.1147483649, delta 0.1147483648
  'timestamp_invalid_nano.pcap': [
    ['frame.time_relative > 1', [2, 3]],
    ['frame.time_relative > 1.1', [3]],
    ['frame.time_delta > 0.5', [2, 3]],
  ],
};

describe('frame time fields in the session', () => {
  for (const [name, cases] of Object.entries(CASES)) {
    it(`filters ${name} as tshark -Y does`, async (ctx) => {
      const session = await open(name);
      if (session === null) return ctx.skip();
      for (const [filter, frames] of cases) expect(await framesOf(session, filter), `${name}: ${filter}`).toEqual(frames);
    });
  }

  it('gives one packet the values of the first pass, whatever order packets are opened in', async (ctx) => {
    const session = await open('ngtg_le_test202.pcapng');
    if (session === null) return ctx.skip();
    // tshark -V: frame 11 is 0.003 s after frame 9 (frame 10, a Custom Block, keeps frame 9's
    // time); frame 6 follows a Simple Packet Block, whose time counts as 0
    expect(await items(session, 11, 'frame.time_delta')).toEqual([['[Time delta from previous captured frame: 0.003000000 seconds]', 'frame.time_delta == 0.003000000']]);
    expect(await items(session, 6, 'frame.time_delta')).toEqual([['[Time delta from previous captured frame: 1340954905.298858000 seconds]', 'frame.time_delta == 1340954905.298858000']]);
    expect(await items(session, 2, 'frame.time_relative')).toEqual([['[Time since reference or first frame: 1340954905.298858000 seconds]', 'frame.time_relative == 1340954905.298858000']]);
    expect(await items(session, 11, 'frame.time_delta')).toEqual([['[Time delta from previous captured frame: 0.003000000 seconds]', 'frame.time_delta == 0.003000000']]);
    expect(await items(session, 5, 'frame.time_delta')).toEqual([]);
    // the Apply-as-Filter text selects its packet (and the others with the same delta)
    expect(await framesOf(session, 'frame.time_delta == 0.003000000')).toEqual([4, 11]);
  });

  it('shows the arrival time in UTC and gives it a filter', async (ctx) => {
    const session = await open('vxlan.pcap');
    if (session === null) return ctx.skip();
    // tshark -V (TZ=UTC): "Arrival Time: May 18, 2013 20:21:45.838156000 UTC"; frame.time's item is
    // its text, so Apply as Filter gives the name (a literal would be a date string). The generated
    // items are in brackets, as tshark shows them (tshark adds " seconds" to the relative ones)
    expect(await items(session, 5, 'frame.time')).toEqual([['Arrival Time: May 18, 2013 20:21:45.838156000 UTC', 'frame.time']]);
    expect(await items(session, 5, 'frame.time_relative')).toEqual([['[Time since reference or first frame: 1.001093000 seconds]', 'frame.time_relative == 1.001093000']]);
    expect(await items(session, 5, 'frame.time_epoch')).toEqual([['Epoch Time: 1368908505.838156000 seconds', 'frame.time_epoch == 1368908505.838156000']]);
  });

  it('takes first and previous from the merged list when several files are opened together', async (ctx) => {
    // vxlan.pcap's odd and even frames as two files, the one holding frame 1 given second:
    // the session interleaves them by time, and the times follow the merged list, as tshark's do
    // on `mergecap -w merged.pcap even.pcap odd.pcap` (the values below are its
    // `-T fields -e frame.time_relative -e frame.time_delta`, and `-Y "frame.time_delta > 0.1"`).
    const path = join(CORPUS_CAPTURES, 'vxlan.pcap');
    if (!existsSync(path)) return ctx.skip();
    const [odd, even] = splitOddEven(new Uint8Array(await (await openAsBlob(path)).arrayBuffer()));
    const session = new CaptureSession();
    await session.open([new Blob([even]), new Blob([odd])], ['even.pcap', 'odd.pcap'], []);
    const relative = ['0.000000000', '0.045135000', '0.045473000', '0.088897000', '1.001093000', '1.044087000', '2.003185000', '2.046999000', '3.004913000', '3.048296000'];
    const delta = ['0.000000000', '0.045135000', '0.000338000', '0.043424000', '0.912196000', '0.042994000', '0.959098000', '0.043814000', '0.957914000', '0.043383000'];
    // details in a scrambled order: each is looked up, not carried from the packet before
    for (const r of [9, 0, 4, 5, 1, 8, 2, 7, 3, 6]) {
      expect((await items(session, r + 1, 'frame.time_relative'))[0]?.[1]).toBe(`frame.time_relative == ${relative[r]}`);
      expect((await items(session, r + 1, 'frame.time_delta'))[0]?.[1]).toBe(`frame.time_delta == ${delta[r]}`);
    }
    expect(await framesOf(session, 'frame.time_delta > 0.1')).toEqual([5, 7, 9]);
    expect(await framesOf(session, 'frame.time_relative < 0.05')).toEqual([1, 2, 3]);
  });
});

/** A little-endian classic pcap's odd-numbered and even-numbered records as two pcaps. */
function splitOddEven(file: Uint8Array): [Uint8Array<ArrayBuffer>, Uint8Array<ArrayBuffer>] {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const parts: [number[], number[]] = [[], []];
  let k = 0;
  for (let o = 24; o + 16 <= file.length; k++) {
    const end = o + 16 + view.getUint32(o + 8, true);
    parts[k % 2]?.push(o, end);
    o = end;
  }
  return parts.map((ranges) => {
    const chunks = [file.subarray(0, 24)];
    for (let i = 0; i < ranges.length; i += 2) chunks.push(file.subarray(ranges[i] as number, ranges[i + 1] as number));
    return concat(...chunks);
  }) as [Uint8Array<ArrayBuffer>, Uint8Array<ArrayBuffer>];
}
