// NHRP (workers/dissectors/nhrp.ts) against tshark 4.0.17: every occurrence of 21 fields of the
// Client Information Entries, extensions and authentication data of the corpus's nhrp.pcapng (25
// DMVPN registration requests and replies), from test/fixtures/nhrp/tshark-fields.tsv
// (scripts/make-nhrp-fixture.sh); and the Info column's reply codes, which only the mandatory
// part's entries add.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAPTURES, REPO } from '../../golden/corpus.ts';
import { corpusRows } from '../table/corpus-rows.ts';

const FIXTURE = join(REPO, 'test/fixtures/nhrp/tshark-fields.tsv');

describe('NHRP', () => {
  it("prints tshark's values of every CIE, extension and authentication field of nhrp.pcapng", () => {
    const [header, ...rows] = readFileSync(FIXTURE, 'utf8').trimEnd().split('\n');
    const fields = (header as string).split('\t');
    expect(rows).toHaveLength(25);
    const r = spawnSync('node', [join(REPO, 'bin/decapod.js'), 'fields', join(CAPTURES, 'nhrp.pcapng'), '-E', 'occurrence=a', ...fields.flatMap((f) => ['-e', f])], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toEqual(rows);
  });

  it('writes the reply code of the mandatory part in the Info column, not those of the extensions', async () => {
    const w = await corpusRows('nhrp.pcapng', 2);
    expect(w.info.slice(0, 2)).toEqual(['NHRP Registration Request, ID=21', 'NHRP Registration Reply, ID=21, Code=Success']);
  });
});
