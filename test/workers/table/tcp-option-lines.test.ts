// The TCP options in the details tree against tshark's: for every corpus capture with TCP options,
// each frame's "Options: (N bytes), Maximum segment size, …" line and its "TCP Option - …" lines
// (`TCP Option - Maximum segment size: 1460 bytes`, `TCP Option - Timestamps: TSval …, TSecr …`,
// `TCP Option - SACK 1-1449`, AccECN's counters …) as `tshark -V` writes them
// (test/fixtures/tree/tcp-option-lines.json, made by make-tcp-option-lines.sh beside it).

import { openAsBlob, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TreeNode } from '../../../workers/api.ts';
import { CaptureSession } from '../../../workers/session.ts';
import { CAPTURES, REPO } from '../../golden/corpus.ts';

const EXPECTED = JSON.parse(readFileSync(join(REPO, 'test/fixtures/tree/tcp-option-lines.json'), 'utf8')) as Record<string, string[]>;

/** Our lines in the fixture's form: frame, a tab, the line indented as tshark -V indents it. */
async function ourLines(name: string): Promise<string[]> {
  const s = new CaptureSession();
  const r = await s.open([await openAsBlob(join(CAPTURES, name))], [name], [{ table: 'udp.port', value: 8472, proto: 'vxlan' }]);
  const out: string[] = [];
  for (let f = 1; f <= r.packets; f++) {
    const d = await s.getDetails(f);
    for (const tcp of d.tree.filter((n) => n.field === 'tcp')) {
      for (const opts of tcp.children.filter((n: TreeNode) => n.field === 'tcp.options')) {
        out.push(`${f}\t    ${opts.label}`);
        for (const o of opts.children) if (o.label.startsWith('TCP Option - ')) out.push(`${f}\t        ${o.label}`);
      }
    }
  }
  return out;
}

describe('TCP options in the details tree', () => {
  it.each(Object.keys(EXPECTED))('%s: as tshark -V writes them', async (name) => {
    expect(await ourLines(name)).toEqual(EXPECTED[name]);
  });
});
