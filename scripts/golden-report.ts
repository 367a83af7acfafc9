// Developer report: agreement with tshark over the corpus, per capture and per field.
//   npx tsx scripts/golden-report.ts [NAME-SUBSTRING] [--verbose]
import { goldenCases, runGolden } from '../test/golden/corpus.ts';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const only = args.find((a) => !a.startsWith('--'));
let total = 0;
let bad = 0;
let filesOk = 0;
const byField = new Map<string, number>();
const cases = goldenCases().filter((c) => !only || c.name.includes(only));
for (const c of cases) {
  const r = await runGolden(c);
  total += r.cells;
  bad += r.mismatches.length;
  if (r.mismatches.length === 0) filesOk++;
  for (const m of r.mismatches) byField.set(m.field, (byField.get(m.field) ?? 0) + 1);
  if (r.mismatches.length > 0) {
    const fields = [...new Set(r.mismatches.map((m) => m.field))].join(' ');
    console.log(`${c.name}: ${r.mismatches.length} cells differ (frames ${r.actualFrames}/${r.expectedFrames}) [${fields}]`);
    for (const m of r.mismatches.slice(0, verbose ? 40 : 3)) console.log(`   #${m.frame} ${m.field}: expected "${m.expected}" got "${m.actual}"`);
  }
}
console.log(`\n${filesOk}/${cases.length} files agree; ${total - bad}/${total} cells agree (${((100 * (total - bad)) / Math.max(1, total)).toFixed(2)}%)`);
console.log([...byField].sort((a, b) => b[1] - a[1]).map(([f, n]) => `${f}:${n}`).join(' '));
