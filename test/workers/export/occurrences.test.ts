// Columns with many occurrences in one frame (DNS answers, TCP options, `ip.addr` of tunnels)
// print every one in tree order, joined with ","; checked against the full tree, frame by frame,
// on every corpus capture, including frames with more occurrences than the export's first guess (8).
import { openAsBlob } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PacketDissector } from '../../../workers/dissect.ts';
import { exportFields } from '../../../workers/export/fields.ts';
import { valueText } from '../../../workers/fields/format.ts';
import { fieldByName } from '../../../workers/fields/registry.ts';
import { readCapture } from '../../../workers/formats/open.ts';
import { CAPTURES, goldenCases } from '../../golden/corpus.ts';

const FIELDS = ['dns.resp.name', 'ip.addr', 'tcp.option_kind', 'dns.a', 'ip.addr', 'eth.addr', 'icmpv6.opt.type'];

describe('fields prints every occurrence in tree order', () => {
  it('on every corpus capture', async () => {
    let most = 0;
    for (const c of goldenCases()) {
      if (c.decodeAs.length > 0) continue;
      const blob = await openAsBlob(join(CAPTURES, c.capture));
      let text = '';
      const utf8 = new TextDecoder();
      await exportFields(blob, { fields: FIELDS, write: (b) => (text += utf8.decode(b, { stream: true })) });
      const expected: string[] = [];
      const d = new PacketDissector();
      let n = 0;
      await readCapture(blob, (rec) => {
        const fl = d.dissect(rec, ++n);
        const cells = FIELDS.map((name) => {
          const id = fieldByName(name)?.id;
          const vals: string[] = [];
          for (let i = 0; i < fl.count; i++) if (fl.id[i] === id) vals.push(valueText(fl, i));
          most = Math.max(most, vals.length);
          return vals.join(',');
        });
        expected.push(cells.join('\t') + '\n');
      });
      expect(text, c.capture).toBe(expected.join(''));
    }
    expect(most).toBeGreaterThan(8);
  }, 120_000);
});
