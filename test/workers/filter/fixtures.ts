// The filter lists and tshark's answers (test/fixtures/filters), shared by the tests and by
// scripts/make-filter-fixtures.ts, which writes the answers.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

export const REPO = fileURLToPath(new URL('../../../', import.meta.url));
export const FIXTURES = join(REPO, 'test', 'fixtures', 'filters');
export const EXPECTED = join(FIXTURES, 'expected');
export const CORPUS_CAPTURES = join(REPO, '..', 'shared', 'corpus', 'captures');
export const GEN_SCRIPT = join(REPO, '..', 'shared', 'bench', 'gen-capture.py');

/** The generated capture of the differential test. */
export const GENERATED = { packets: 2000, seed: 7 };

export function readList(name: 'valid.txt' | 'invalid.txt'): string[] {
  return readFileSync(join(FIXTURES, name), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

/** Candidate field and protocol names a filter mentions (string literals left out). */
export function namesIn(filter: string): string[] {
  const words = filter.replace(/"([^"\\]|\\.)*"/g, ' ').match(/[A-Za-z_][A-Za-z0-9_.-]*/g) ?? [];
  return [...new Set(words.map((w) => w.replace(/[.-]+$/, '')))];
}

/** Run gen-capture.py (deterministic) into `path`; false when python3 or the script is missing. */
export function generateCapture(path: string, packets: number, seed: number): boolean {
  if (!existsSync(GEN_SCRIPT)) return false;
  try {
    execFileSync('python3', [GEN_SCRIPT, path, '--packets', String(packets), '--seed', String(seed)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** tshark's answers for one capture. */
export interface ExpectedCapture {
  capture: string;
  generated?: { packets: number; seed: number; sha256: string };
  frames: number;
  /** frame.protocols, then every field and protocol the valid filters name (a protocol's text is
   *  empty on frames without its item). */
  fields: string[];
  /** The protocol names the filters mention (their count per frame is read from frame.protocols). */
  protocols: string[];
  /** Per frame, tshark's -T fields text of each of `fields` (occurrences joined by ","). */
  values: string[][];
  /** Filter → matching frame numbers. */
  matches: Record<string, number[]>;
}

export function expectedCaptures(): ExpectedCapture[] {
  if (!existsSync(EXPECTED)) return [];
  return readdirSync(EXPECTED)
    .filter((f) => f.endsWith('.json.gz'))
    .sort()
    .map((f) => JSON.parse(gunzipSync(readFileSync(join(EXPECTED, f))).toString()) as ExpectedCapture);
}

export function expectedErrors(): { filter: string; error: string }[] {
  return JSON.parse(readFileSync(join(EXPECTED, 'invalid.json'), 'utf8')) as { filter: string; error: string }[];
}
