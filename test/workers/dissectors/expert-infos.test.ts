// Expert infos against tshark's: test/fixtures/expert/expert-cases.pcap has one packet per check
// packet-udp.c and packet-tcp.c make on the headers and options, and packet-bpdu.c on PVST+ TLVs
// (written by scripts/make-expert-capture.py), and expert-lines.json beside it tshark 4.0.17's
// reading of it (make-expert-lines.sh): each frame's UDP, TCP and STP lines in `tshark -2 -V`, so every note's place,
// message, severity and group; its Info column; the frames `_ws.malformed` selects (an expert of
// the Malformed group marks the packet, an error of another group does not); and the frames each
// expert's filter field selects.
import { openAsBlob, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CaptureSession } from '../../../workers/session.ts';
import type { TreeNode } from '../../../workers/api.ts';
import { REPO } from '../../golden/corpus.ts';

const DIR = join(REPO, 'test/fixtures/expert');
const WANT = JSON.parse(readFileSync(join(DIR, 'expert-lines.json'), 'utf8')) as {
  layers: Record<string, string[]>;
  info: Record<string, string>;
  malformed: number[];
  filters: Record<string, number[]>;
};
const LAYER = /^(User Datagram Protocol|Transmission Control Protocol|Spanning Tree Protocol)/;

/** Frames where this build differs from tshark, and why. */
const KNOWN_INFO: Record<number, string> = {
  // packet-tcp.c writes the flags, Ack and Win to Info before it checks the header length, and
  // shows none of them in the tree; this build's Info is made from the tree's fields
  4: 'Info of a TCP header length below 20 bytes',
};

let s: CaptureSession;
let packets = 0;

beforeAll(async () => {
  s = new CaptureSession();
  packets = (await s.open([await openAsBlob(join(DIR, 'expert-cases.pcap'))], ['expert-cases.pcap'], [])).packets;
});

async function frames(filter: string): Promise<number[]> {
  const r = await s.applyFilter(filter);
  expect(r.ok, filter).toBe(true);
  const w = await s.getRows(0, r.displayed);
  return [...w.frame];
}

describe("UDP's, TCP's and STP's expert infos, as tshark shows them", () => {
  it('in the tree: each UDP, TCP and STP layer line for line', async () => {
    expect(packets).toBe(30);
    for (let n = 1; n <= packets; n++) {
      const lines: string[] = [];
      const walk = (t: TreeNode, ind: string): void => {
        lines.push(ind + t.label);
        for (const c of t.children) walk(c, `${ind}    `);
      };
      for (const t of (await s.getDetails(n)).tree) if (LAYER.test(t.label)) walk(t, '');
      expect(lines, `frame ${n}`).toEqual(WANT.layers[String(n)]);
    }
  });

  it('in the Info column', async () => {
    const w = await s.getRows(0, packets);
    let same = 0;
    for (let k = 0; k < w.count; k++) {
      const n = w.frame[k] as number;
      if (KNOWN_INFO[n] !== undefined) {
        expect(w.info[k], `frame ${n} (known difference: update KNOWN_INFO)`).not.toBe(WANT.info[String(n)]);
        continue;
      }
      expect(w.info[k], `frame ${n}`).toBe(WANT.info[String(n)]);
      same++;
    }
    expect(same).toBe(29);
    // e.g. a UDP length beyond the IP payload, and IPv6's illegal zero checksum
    expect(WANT.info['2']).toBe('40002 → 9999 [BAD UDP LENGTH 300 > IP PAYLOAD LENGTH] Len=292');
    expect(WANT.info['3']).toBe('40003 → 9999 Len=4 [ILLEGAL CHECKSUM (0)]');
  });

  it('in the filter: _ws.malformed and each expert field select the frames tshark selects', async () => {
    expect(await frames('_ws.malformed')).toEqual(WANT.malformed);
    expect(WANT.malformed).toEqual([1, 2, 5, 7, 22, 23, 24, 25]);
    const names = Object.keys(WANT.filters);
    expect(names.length).toBe(15);
    for (const name of names) expect(await frames(name), name).toEqual(WANT.filters[name]);
    // (tshark 4.0.17: the bogus header length, the two exceptions, the non-zero padding)
    expect(await frames('_ws.expert.severity == error && tcp')).toEqual([4, 5, 7, 13]);
  });
});
