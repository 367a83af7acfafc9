// tshark's packet-list columns for every corpus frame (test/fixtures/info/*.tsv: capture, frame, then
// two columns), and how many of the viewer's rows agree with them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RowWindow } from '../../../workers/api.ts';
import { goldenCases } from '../../golden/corpus.ts';
import { REPO } from '../filter/fixtures.ts';
import { corpusRows } from './corpus-rows.ts';

/** capture → frame → the fixture's two columns, from test/fixtures/info/`file`. */
export function tsharkColumns(file: string): Map<string, Map<number, [string, string]>> {
  const m = new Map<string, Map<number, [string, string]>>();
  for (const line of readFileSync(join(REPO, 'test', 'fixtures', 'info', file), 'utf8').split('\n')) {
    const [capture, frame, a, b] = line.split('\t');
    if (capture === undefined || frame === undefined || b === undefined) continue;
    let c = m.get(capture);
    if (!c) m.set(capture, (c = new Map()));
    c.set(Number(frame), [a ?? '', b]);
  }
  return m;
}

/** Over every corpus frame `tshark` holds: how many, and on how many `same(want, rows, k)` holds. */
export async function agreement(
  tshark: Map<string, Map<number, [string, string]>>,
  same: (want: [string, string], rows: RowWindow, k: number) => boolean,
): Promise<{ frames: number; same: number }> {
  let frames = 0;
  let agree = 0;
  for (const capture of new Set(goldenCases().map((c) => c.capture))) {
    const want = tshark.get(capture);
    if (!want) continue;
    const w = await corpusRows(capture);
    for (let k = 0; k < w.count; k++) {
      const t = want.get(w.frame[k] as number);
      if (t === undefined) continue;
      frames++;
      if (same(t, w, k)) agree++;
    }
  }
  return { frames, same: agree };
}
