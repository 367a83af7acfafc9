// Property test: real corpus captures (and the project's own TLS fixtures), mutated (cut short, bytes flipped, lengths made absurd),
// go through the readers, every dissector, the index summary, the details tree and the value
// formatting. The engine never throws, always finishes, and keeps every packet before the damage
// with its bytes unchanged.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PacketDissector } from '../../../workers/dissect.ts';
import { readCapture } from '../../../workers/formats/open.ts';
import { labelText, valueText } from '../../../workers/fields/format.ts';
import { buildTree } from '../../../workers/table/details.ts';
import { summarize } from '../../../workers/table/summarize.ts';
import { PacketTable } from '../../../workers/table/packet-table.ts';
import { AddressTable } from '../../../workers/table/addresses.ts';
import { CAPTURES, REPO } from '../../golden/corpus.ts';

interface Rec {
  offset: number;
  bytes: Uint8Array;
}

/** Read and fully dissect a capture; returns the records (offset and a copy of the bytes). */
async function runEngine(bytes: Uint8Array): Promise<{ records: Rec[]; error: string | null }> {
  const d = new PacketDissector();
  const table = new PacketTable(16);
  const addrs = new AddressTable();
  const records: Rec[] = [];
  const opened = await readCapture(new Blob([bytes as Uint8Array<ArrayBuffer>]), (rec) => {
    records.push({ offset: rec.fileOffset, bytes: rec.data.slice() });
    const fl = d.dissect(rec, records.length);
    const r = table.addRow();
    summarize(fl, table, r, addrs);
    for (let i = 0; i < fl.count; i++) {
      valueText(fl, i);
      labelText(fl, i);
    }
    buildTree(fl);
  });
  return { records, error: opened.error };
}

/** The corpus, and captures the project made itself whose cases the corpus lacks (TLS, HTTP:
 *  scripts/make-tls-fixture.sh on port 443 and, for the heuristic, on 4433; make-http-fixture.sh). */
const OWN = ['tls/tls.pcap', 'tls/tls-4433.pcap', 'http/http.pcap', 'http/json.pcap', 'mysql/mysql.pcap', 'mysql/zeros.pcap'];
const paths = new Map<string, string>([
  ...readdirSync(CAPTURES).sort().map((f): [string, string] => [f, join(CAPTURES, f)]),
  ...OWN.map((f): [string, string] => [f, join(REPO, 'test', 'fixtures', f)]),
]);
const files = [...paths.keys()];
const originals = new Map<string, Uint8Array>(files.map((f) => [f, new Uint8Array(readFileSync(paths.get(f) as string))]));
const baseline = new Map<string, Rec[]>();

async function base(name: string): Promise<Rec[]> {
  let b = baseline.get(name);
  if (!b) {
    b = (await runEngine(originals.get(name) as Uint8Array)).records;
    baseline.set(name, b);
  }
  return b;
}

/** Records that lie wholly before byte `p`: their data ends before p and the next record's block starts after. */
function before(recs: Rec[], p: number): Rec[] {
  return recs.filter((r, i) => {
    const next = recs[i + 1];
    const end = r.offset + r.bytes.length;
    return end <= p && (next === undefined || next.offset - 16 <= p ? end + 64 <= p : true);
  });
}

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({
    kind: fc.constant('length' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    value: fc.constantFrom(0, 1, 0xffffffff, 0x7fffffff, 0x80000000, 0x00010000, 0xfffffffc, 24, 28),
  }),
);

describe('mutated corpus captures', () => {
  it('never throws, finishes, and keeps every packet before the damage', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...files), fc.array(mutation, { minLength: 1, maxLength: 4 }), async (name, muts) => {
        const orig = originals.get(name) as Uint8Array;
        let bytes = orig.slice();
        let firstDamage = bytes.length;
        for (const m of muts) {
          const at = Math.floor(m.at * bytes.length);
          if (m.kind === 'cut') bytes = bytes.slice(0, at);
          else if (m.kind === 'flip' && at < bytes.length) bytes[at] = m.value;
          else if (m.kind === 'length' && at + 4 <= bytes.length) new DataView(bytes.buffer).setUint32(at, m.value, at % 2 === 0);
          firstDamage = Math.min(firstDamage, at);
        }
        const { records } = await runEngine(bytes);
        const kept = before(await base(name), firstDamage);
        for (const r of kept) {
          const got = records.find((x) => x.offset === r.offset);
          expect(got, `${name}: record at ${r.offset} (before damage at ${firstDamage}) was lost`).toBeDefined();
          expect(got?.bytes).toEqual(r.bytes);
        }
      }),
      { numRuns: 400, seed: 20261126 },
    );
  });

  it('survives every corpus capture cut at 24 places and at every byte of its first 200', async () => {
    for (const orig of originals.values()) {
      const step = Math.max(1, Math.floor(orig.length / 24));
      for (let at = 0; at < orig.length; at += at < 200 ? 1 : step) await runEngine(orig.subarray(0, at));
    }
  }, 300_000);
});
