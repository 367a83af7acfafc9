// frame.time_delta_displayed, "[Time delta from previous displayed frame: …]": the time since the
// frame the display filter showed before this one. tshark 4.0.17 on geneve.pcap with the filter
// below (`tshark -n -r geneve.pcap [-2] -Y "tcp.flags.syn==1 || icmp" -T fields -e frame.number
// -e frame.time_delta_displayed -e frame.time_delta`, the same with and without -2):
//   1 0.000000000 0.000000000 · 2 0.000251000 · 3 0.181825000 · 4 0.000048000 ·
//   25 0.817945000 0.722555000 · 26 0.000185000 · 38 0.999852000 0.251586000 · 39 0.000197000
import { openAsBlob } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaptureSession } from '../../../workers/session.ts';
import { exportFields } from '../../../workers/export/fields.ts';
import { compileFilter } from '../../../workers/filter/compile.ts';
import { CAPTURES } from '../../golden/corpus.ts';

const FILTER = 'tcp.flags.syn==1 || icmp';
const TSHARK: [number, string][] = [
  [1, '0.000000000'], [2, '0.000251000'], [3, '0.181825000'], [4, '0.000048000'],
  [25, '0.817945000'], [26, '0.000185000'], [38, '0.999852000'], [39, '0.000197000'],
];
const FILE = join(CAPTURES, 'geneve.pcap');

async function deltaLine(s: CaptureSession, frame: number): Promise<string | undefined> {
  const tree = (await s.getDetails(frame)).tree;
  return tree[0]?.children.find((n) => n.label.startsWith('[Time delta from previous displayed frame'))?.label;
}

describe('frame.time_delta_displayed', () => {
  it('in the details, counts from the frame the filter showed before, as tshark -Y does', async () => {
    const s = new CaptureSession();
    await s.open([await openAsBlob(FILE)], ['geneve.pcap'], []);
    // no filter: every frame is displayed, the previous displayed frame is the previous one
    expect(await deltaLine(s, 25)).toBe('[Time delta from previous displayed frame: 0.722555000 seconds]');
    const r = await s.applyFilter(FILTER);
    expect(r.displayed).toBe(TSHARK.length);
    for (const [frame, delta] of TSHARK) expect(await deltaLine(s, frame), `frame ${frame}`).toBe(`[Time delta from previous displayed frame: ${delta} seconds]`);
    // a sort changes the order rows are shown in, not which frame was displayed before another
    await s.sort('length', true);
    expect(await deltaLine(s, 38)).toBe('[Time delta from previous displayed frame: 0.999852000 seconds]');
    await s.applyFilter('');
    expect(await deltaLine(s, 38)).toBe('[Time delta from previous displayed frame: 0.251586000 seconds]');
  });

  it('in the fields export with a filter, counts from the last frame printed', async () => {
    const f = compileFilter(FILTER);
    if (!f.ok) throw new Error(f.error);
    let out = '';
    const utf8 = new TextDecoder();
    await exportFields(await openAsBlob(FILE), {
      fields: ['frame.number', 'frame.time_delta_displayed'],
      filter: (fl) => f.matches(fl),
      write: (t) => (out += utf8.decode(t, { stream: true })),
    });
    expect(out.trim().split('\n')).toEqual(TSHARK.map(([n, d]) => `${n}\t${d}`));
  });

  it('is refused by the display filter, with the field to use instead', () => {
    const f = compileFilter('frame.time_delta_displayed > 0.5');
    expect(f.ok).toBe(false);
    if (!f.ok) {
      expect(f.error).toMatch(/frame\.time_delta_displayed.*depends on which packets the filter displays.*frame\.time_delta/);
      expect([f.start, f.end]).toEqual([0, 26]);
    }
  });
});
