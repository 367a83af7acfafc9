// Differential test against tshark 4.0's -Y (answers recorded in test/fixtures/filters/expected by
// scripts/make-filter-fixtures.ts): every valid filter on every corpus capture and on a generated
// capture selects the same frames as tshark, except where a dissector gives a field a different
// value than tshark (those are the dissectors' golden tests' business, and are only counted here).
// Every invalid filter is rejected, with a location.

import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileFilter } from '../../../workers/filter/compile.ts';
import { compareCapture, type CaptureOutcome } from './differential.ts';
import { CORPUS_CAPTURES, expectedCaptures, expectedErrors, generateCapture, readList, sha256 } from './fixtures.ts';

const valid = readList('valid.txt');
const captures = expectedCaptures();
const results: CaptureOutcome[] = [];

describe('display filters agree with tshark -Y', () => {
  it('has at least 40 valid and 40 invalid filters', () => {
    expect(valid.length).toBeGreaterThanOrEqual(40);
    expect(readList('invalid.txt').length).toBeGreaterThanOrEqual(40);
  });

  for (const exp of captures) {
    it(exp.capture, async (ctx) => {
      let path = join(CORPUS_CAPTURES, exp.capture);
      if (exp.generated) {
        path = join(mkdtempSync(join(tmpdir(), 'decapod-filter-')), 'generated.pcap');
        if (!generateCapture(path, exp.generated.packets, exp.generated.seed)) return ctx.skip();
        expect(sha256(path), 'gen-capture.py makes different bytes than when the fixtures were made').toBe(exp.generated.sha256);
      } else if (!existsSync(path)) return ctx.skip();
      const r = await compareCapture(path, exp, valid);
      results.push(r);
      const bugs = r.outcomes.filter((o) => o.kind === 'filter').map((o) => `${o.filter}: ${o.detail}`);
      expect(bugs, `${bugs.length} filters disagree with tshark where the field values agree`).toEqual([]);
    });
  }

  it('summary', () => {
    const all = results.flatMap((r) => r.outcomes);
    const count = (k: string): number => all.filter((o) => o.kind === k).length;
    console.log(
      `filter differential: ${valid.length} filters x ${results.length} captures = ${all.length} pairs: ` +
        `${count('agree')} agree, ${count('dissector')} differ where a dissector differs, ${count('unregistered')} name unregistered fields, ${count('filter')} filter bugs`,
    );
  });
});

describe('invalid filters are rejected', () => {
  for (const { filter, error } of expectedErrors()) {
    it(filter, () => {
      const c = compileFilter(filter);
      expect(c.ok, `tshark: ${error}`).toBe(false);
      if (!c.ok) {
        expect(c.start).toBeGreaterThanOrEqual(0);
        expect(c.end).toBeGreaterThanOrEqual(c.start);
        expect(c.end).toBeLessThanOrEqual(filter.length);
      }
    });
  }
});
