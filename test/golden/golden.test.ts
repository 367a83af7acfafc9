// Golden tests: for every capture in ../shared/corpus that tshark could read, our `fields` output
// equals tshark 4.0's expected/*.tsv cell for cell on every listed field (frame.protocols has a test
// of its own: frame-protocols.test.ts). Cases are discovered by listing the folder.

import { describe, expect, it } from 'vitest';
import { goldenCases, runGolden, type Mismatch } from './corpus.ts';
import { EXCEPTIONS, REFUSED } from './exceptions.ts';

const cases = goldenCases();

describe('corpus agrees with tshark', () => {
  it('finds the corpus', () => {
    expect(cases.length).toBeGreaterThan(100);
  });
  for (const c of cases) {
    const refused = REFUSED[c.name];
    if (refused) {
      it(`${c.name} (reported as damaged: ${refused.reason.slice(0, 60)}…)`, async () => {
        const r = await runGolden(c);
        expect(r.actualFrames).toBe(0);
        expect(r.error).toMatch(refused.error);
      });
      continue;
    }
    it(c.name, async () => {
      const r = await runGolden(c);
      const allowed = EXCEPTIONS[c.name];
      const unexpected = r.mismatches.filter((m: Mismatch) => !allowed?.some((e) => e.field === m.field && (e.frames === undefined || e.frames.includes(m.frame))));
      const shown = unexpected.slice(0, 10).map((m) => `#${m.frame} ${m.field}: expected "${m.expected}" got "${m.actual}"`);
      expect(shown, `${unexpected.length} cells differ from tshark`).toEqual([]);
      expect(r.actualFrames).toBe(r.expectedFrames);
    });
  }
});
