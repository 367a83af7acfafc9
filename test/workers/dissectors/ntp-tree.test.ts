// NTP's details tree against tshark's: test/fixtures/ntp/ntp-cases.pcap (written by
// scripts/make-ntp-capture.py) has server packets with named and unnamed reference sources,
// higher strata's addresses, polling intervals, precisions and delays at their limits, every mode
// and version, requests with replies as packet-ntp.c pairs them, and control replies whose data
// (variables, association lists, a trap message) and status words (system, peer, clock, error,
// plain) packet-ntp.c reads by opcode — the variables token by token as its tvbparse grammar nests
// them, with an escaped quote, a bare name, an empty value and an unparsable character; ntp-lines.json beside it is
// tshark 4.0.17's reading (make-ntp-lines.sh). Every frame's NTP layer must equal tshark's line
// for line, and the pairing fields must select what tshark prints.
import { openAsBlob, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaptureSession } from '../../../workers/session.ts';
import type { TreeNode } from '../../../workers/api.ts';
import { REPO } from '../../golden/corpus.ts';

const DIR = join(REPO, 'test/fixtures/ntp');
const WANT = JSON.parse(readFileSync(join(DIR, 'ntp-lines.json'), 'utf8')) as {
  layers: Record<string, string[]>;
  fields: Record<string, [string, string, string]>;
};

function ntpLines(tree: readonly TreeNode[]): string[] {
  const out: string[] = [];
  const walk = (t: TreeNode, ind: string): void => {
    out.push(ind + t.label);
    for (const c of t.children) walk(c, `${ind}    `);
  };
  for (const t of tree) if (t.label.startsWith('Network Time Protocol')) walk(t, '');
  return out;
}

describe("NTP's tree, as tshark shows it", () => {
  it('line for line on every frame, with the request and response pairs', async () => {
    const s = new CaptureSession();
    const r = await s.open([await openAsBlob(join(DIR, 'ntp-cases.pcap'))], ['ntp-cases.pcap'], []);
    expect(r.packets).toBe(Object.keys(WANT.layers).length);
    for (let n = 1; n <= r.packets; n++) {
      expect(ntpLines((await s.getDetails(n)).tree), `frame ${n}`).toEqual(WANT.layers[String(n)]);
    }
    // tshark pairs these frames (response in, request in): the pairing the tree lines hold
    const pairs = Object.entries(WANT.fields).filter(([, v]) => v[0] !== '' || v[1] !== '');
    expect(pairs.length).toBe(17);
    for (const [frame, [responseIn, requestIn]] of pairs) {
      const lines = ntpLines((await s.getDetails(Number(frame))).tree);
      if (responseIn !== '') expect(lines, `frame ${frame}`).toContain(`    [Response In: ${responseIn}]`);
      if (requestIn !== '') expect(lines, `frame ${frame}`).toContain(`    [Request In: ${requestIn}]`);
    }
  });
});
