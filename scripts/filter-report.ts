// The differential comparison of display filters with tshark -Y, as a report: per capture, the
// filters that do not select the same frames as tshark and why (see test/workers/filter/differential.ts).
//   npx tsx scripts/filter-report.ts [capture-substring] [--all]
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import '../workers/dissectors/all.ts';
import { compareCapture } from '../test/workers/filter/differential.ts';
import { CORPUS_CAPTURES, expectedCaptures, generateCapture, readList } from '../test/workers/filter/fixtures.ts';

const want = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? '';
const valid = readList('valid.txt');
const totals = { agree: 0, dissector: 0, unregistered: 0, filter: 0 };
let captures = 0;
for (const exp of expectedCaptures()) {
  if (!exp.capture.includes(want)) continue;
  let path = join(CORPUS_CAPTURES, exp.capture);
  if (exp.generated) {
    path = join(mkdtempSync(join(tmpdir(), 'decapod-filter-')), 'generated.pcap');
    if (!generateCapture(path, exp.generated.packets, exp.generated.seed)) continue;
  } else if (!existsSync(path)) continue;
  const r = await compareCapture(path, exp, valid);
  captures++;
  for (const o of r.outcomes) {
    totals[o.kind]++;
    if (o.kind !== 'agree' || process.argv.includes('--all')) process.stdout.write(`${exp.capture}\t${o.kind}\t${o.filter}\t${o.detail}\n`);
  }
}
const pairs = Object.values(totals).reduce((a, b) => a + b, 0);
process.stdout.write(`\n${valid.length} filters x ${captures} captures = ${pairs} pairs: ${totals.agree} agree, ${totals.dissector} differ where a dissector's field values differ, ${totals.unregistered} name unregistered fields, ${totals.filter} filter bugs\n`);
