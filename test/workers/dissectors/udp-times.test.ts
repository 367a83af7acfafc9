// UDP's [Timestamps] (workers/analysis/udp-times.ts): the time since the conversation's first frame
// and since its previous one, against tshark 4.0.17 (-T fields -e udp.time_relative -e
// udp.time_delta on the corpus's vxlan.pcap; -V on geneve-vxlan-dns-truncated.pcap, whose frames
// carry three UDP layers: Geneve's, VXLAN's inside it, and DNS's inside that).
import { openAsBlob } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TreeNode } from '../../../workers/api.ts';
import { CaptureSession } from '../../../workers/session.ts';
import { CAPTURES } from '../../golden/corpus.ts';

async function open(name: string): Promise<CaptureSession> {
  const s = new CaptureSession();
  await s.open([await openAsBlob(join(CAPTURES, name))], [name], []);
  return s;
}

/** The [Timestamps] lines of each UDP layer of a frame, in tree order. */
function times(tree: readonly TreeNode[]): string[] {
  return tree.filter((n) => n.field === 'udp').flatMap((u) => u.children.filter((c) => c.label === '[Timestamps]').flatMap((t) => t.children.map((c) => c.label)));
}

describe('UDP timestamps', () => {
  it("equal tshark's on every frame of vxlan.pcap, frames read in any order", async () => {
    const s = await open('vxlan.pcap');
    const want = ['0.000000000 0.000000000', '0.000000000 0.000000000', '0.000000000 0.000000000', '0.000000000 0.000000000', '1.001093000 1.001093000',
      '0.955190000 0.955190000', '2.003185000 1.002092000', '1.958102000 1.002912000', '3.004913000 1.001728000', '2.959399000 1.001297000'];
    // last frame first: a later pass reads each frame's predecessor from what the first noted
    for (let n = want.length; n >= 1; n--) {
      const [rel, delta] = (want[n - 1] as string).split(' ');
      expect(times((await s.getDetails(n)).tree), `frame ${n}`).toEqual([`[Time since first frame: ${rel} seconds]`, `[Time since previous frame: ${delta} seconds]`]);
    }
    expect((await s.applyFilter('udp.time_delta > 1')).displayed).toBe(5); // tshark -2 -Y: 5
  });

  it('for each of three nested UDP layers (Geneve, VXLAN, DNS)', async () => {
    const s = await open('geneve-vxlan-dns-truncated.pcap');
    const line = ['[Time since first frame: 2.000009000 seconds]', '[Time since previous frame: 2.000009000 seconds]'];
    expect(times((await s.getDetails(2)).tree)).toEqual([...line, ...line, ...line]);
    expect(times((await s.getDetails(1)).tree)).toEqual(Array.from({ length: 3 }, () => ['[Time since first frame: 0.000000000 seconds]', '[Time since previous frame: 0.000000000 seconds]']).flat());
  });
});
