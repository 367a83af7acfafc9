// frame.protocols against the corpus: tshark's list of a frame's layers (`eth:ethertype:ip:udp:
// vxlan:eth:ethertype:ip:icmp:data`, the fifth column of every expected/*.tsv) equals ours on
// every frame, except where tshark's list names a protocol Decapod does not dissect (the MIME file
// tshark makes of a cut pcapng: Decapod reports the file as cut off) and the frames below, each
// with its reason. The exempt frames are counted, so that a change which loses a layer
// cannot hide among them.

import { openAsBlob, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportFields } from '../../workers/export/fields.ts';
import { fieldByName } from '../../workers/fields/registry.ts';
import { parseDecodeAs } from '../../workers/dissectors/decode-as.ts';
import { CAPTURES, EXPECTED, goldenCases } from './corpus.ts';
import { REFUSED } from './exceptions.ts';

/** Layers Decapod notes without a field of their own (Ctx.layer()). */
const PSEUDO_LAYERS = new Set(['ethertype', 'pcap_pktdata', 'spnego-krb5']);

/** Frames where our list differs for a reason other than a protocol we do not dissect. */
const KNOWN: Record<string, { frames: number[]; reason: string }> = {
  'ipv6_frag6_negative_len.pcap.tsv': {
    frames: [1],
    reason: 'a fragment header with a negative payload length: tshark adds the ipv6.fraghdr layer before it finds the length wrong; Decapod stops at the IPv6 header',
  },
};

/** tshark's layers that name a protocol Decapod has no dissector for. */
function undissected(list: string): string[] {
  return list.split(':').filter((p) => p !== '' && !PSEUDO_LAYERS.has(p) && fieldByName(p) === undefined);
}

describe('frame.protocols equals tshark -e frame.protocols', () => {
  it('on every corpus frame whose protocols Decapod dissects', async () => {
    let compared = 0;
    let exempt = 0;
    const wrong: string[] = [];
    for (const c of goldenCases()) {
      if (REFUSED[c.name]) continue;
      const want = readFileSync(join(EXPECTED, c.name), 'utf8').split('\n').slice(1).filter((l) => l !== '').map((l) => l.split('\t')[4] ?? '');
      let out = '';
      const utf8 = new TextDecoder();
      await exportFields(await openAsBlob(join(CAPTURES, c.capture)), {
        fields: ['frame.protocols'],
        rules: c.decodeAs.flatMap(parseDecodeAs),
        write: (t) => (out += utf8.decode(t, { stream: true })),
      });
      const got = out.split('\n');
      want.forEach((w, i) => {
        const frame = i + 1;
        if (undissected(w).length > 0 || KNOWN[c.name]?.frames.includes(frame)) {
          exempt++;
          return;
        }
        compared++;
        if (got[i] !== w) wrong.push(`${c.name} #${frame}: expected "${w}" got "${got[i]}"`);
      });
    }
    expect(wrong.slice(0, 10), `${wrong.length} frames differ`).toEqual([]);
    // 825 frames of the captures Decapod opens have a list (measured when this test was written)
    // (the 26 frames of ieee802.11_exthdr.pcap joined when 802.11 radio information did, the XML
    // body of ipv4_tcp_http_xml.pcap when XML did)
    expect(compared).toBe(824);
    expect(exempt).toBe(1);
  }, 120_000);

  it('in the display filter, as tshark -Y counts it', async () => {
    const { CaptureSession } = await import('../../workers/session.ts');
    // tshark -n -r FILE -Y FILTER | wc -l, for geneve.pcap and vxlan.pcap
    const cases: [string, number, number][] = [
      ['frame.protocols contains "geneve"', 39, 0],
      ['frame.protocols contains "ethertype:ip:udp:vxlan"', 0, 10],
      ['frame.protocols matches "eth:ethertype:ip:icmp:data$"', 6, 8],
    ];
    for (const [i, file] of ['geneve.pcap', 'vxlan.pcap'].entries()) {
      const s = new CaptureSession();
      await s.open([await openAsBlob(join(CAPTURES, file))], [file], []);
      for (const c of cases) {
        const r = await s.applyFilter(c[0]);
        expect(r.ok && r.displayed, `${file}: ${c[0]}`).toBe(c[i + 1]);
      }
    }
  });

  it('in the details tree as tshark -V shows it, last line of the frame', async () => {
    const { CaptureSession } = await import('../../workers/session.ts');
    const s = new CaptureSession();
    await s.open([await openAsBlob(join(CAPTURES, 'geneve.pcap'))], ['geneve.pcap'], []);
    const frame = (await s.getDetails(1)).tree[0];
    expect(frame?.children.at(-1)?.label).toBe('[Protocols in frame: eth:ethertype:ip:udp:geneve:eth:ethertype:ip:icmp:data]');
  });
});
