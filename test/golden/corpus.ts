// The shared corpus beside the repository (../shared/corpus from the repo root) and the comparison
// of our `fields` output with tshark's expected/*.tsv, cell by cell.

import { existsSync, openAsBlob, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { exportFields, unknownFields } from '../../workers/export/fields.ts';
import { parseDecodeAs } from '../../workers/dissectors/decode-as.ts';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const CORPUS = join(REPO, '..', 'shared', 'corpus');
export const CAPTURES = join(CORPUS, 'captures');
export const EXPECTED = join(CORPUS, 'expected');

export interface GoldenCase {
  /** Expected file name, e.g. `vxlan.pcap.tsv` or `vxlan_port_8472.pcap.decode-as-8472.tsv`. */
  name: string;
  capture: string;
  /** `-d` arguments that tshark was given. */
  decodeAs: string[];
}

export function goldenCases(): GoldenCase[] {
  if (!existsSync(EXPECTED)) return [];
  return readdirSync(EXPECTED)
    .filter((f) => f.endsWith('.tsv') && !f.startsWith('_'))
    .sort()
    .map((name) => {
      const m = /^(.*)\.decode-as-(\d+)\.tsv$/.exec(name);
      if (m) return { name, capture: m[1] as string, decodeAs: [`udp.port==${m[2]},vxlan`] };
      return { name, capture: name.replace(/\.tsv$/, ''), decodeAs: [] };
    });
}

export interface Mismatch {
  frame: number;
  field: string;
  expected: string;
  actual: string;
}

export interface GoldenResult {
  fields: string[];
  expectedFrames: number;
  actualFrames: number;
  mismatches: Mismatch[];
  cells: number;
  error: string | null;
}

/** Fields compared elsewhere: frame.protocols by frame-protocols.test.ts, which leaves out the
 *  frames whose layers name a protocol Decapod does not dissect. */
export const NOT_COMPARED = new Set(['frame.protocols']);

export async function runGolden(c: GoldenCase): Promise<GoldenResult> {
  const text = readFileSync(join(EXPECTED, c.name), 'utf8');
  const lines = text.split('\n').filter((l) => l !== '');
  const fields = (lines[0] as string).split('\t');
  const expected = lines.slice(1).map((l) => l.split('\t'));
  let out = '';
  const rules = c.decodeAs.flatMap(parseDecodeAs);
  const blob = await openAsBlob(join(CAPTURES, c.capture));
  // Fields not registered (yet) print as empty columns, so they show up as differences, not a crash.
  // Fields not compared are not asked for, so the export runs lean (only the printed fields).
  const known = fields.filter((f) => !NOT_COMPARED.has(f) && unknownFields([f]).length === 0);
  const utf8 = new TextDecoder();
  const res = await exportFields(blob, { fields: known, rules, write: (t) => (out += utf8.decode(t, { stream: true })) });
  const actual = out
    .split('\n')
    .filter((l, i, a) => !(l === '' && i === a.length - 1))
    .map((l) => {
      const cells = l.split('\t');
      return fields.map((f) => {
        const k = known.indexOf(f);
        return k < 0 ? '' : (cells[k] as string);
      });
    });
  const mismatches: Mismatch[] = [];
  let cells = 0;
  const n = Math.max(expected.length, actual.length);
  for (let r = 0; r < n; r++) {
    const e = expected[r];
    const a = actual[r];
    fields.forEach((field, k) => {
      if (NOT_COMPARED.has(field)) return;
      cells++;
      const ev = e?.[k] ?? '<no frame>';
      const av = a?.[k] ?? '<no frame>';
      if (ev !== av) mismatches.push({ frame: r + 1, field, expected: ev, actual: av });
    });
  }
  return { fields, expectedFrames: expected.length, actualFrames: actual.length, mismatches, cells, error: res.error };
}
