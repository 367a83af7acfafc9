// BGP's details tree and columns against tshark's: test/fixtures/bgp/bgp-cases.pcap (written by
// scripts/make-bgp-capture.py) is a session between two data-centre routers — OPEN messages with
// their capabilities, UPDATEs with withdrawn routes, the common path attributes, IPv6 routes and
// EVPN routes with the PMSI tunnel and VXLAN encapsulation, NOTIFICATION, ROUTE-REFRESH and
// KEEPALIVE messages, several messages in a segment, one split over two, and a length below the
// header's. bgp-lines.json beside it is tshark 4.0.17's reading (make-bgp-lines.sh). Every
// frame's BGP layers must equal tshark's line for line, and its Protocol, Info and
// frame.protocols must be tshark's; filters on the fields must select what tshark's select.
import { openAsBlob, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaptureSession } from '../../../workers/session.ts';
import type { TreeNode } from '../../../workers/api.ts';
import { REPO } from '../../golden/corpus.ts';

const DIR = join(REPO, 'test/fixtures/bgp');
const WANT = JSON.parse(readFileSync(join(DIR, 'bgp-lines.json'), 'utf8')) as {
  layers: Record<string, string[]>;
  columns: Record<string, [string, string, string]>;
  filters: Record<string, number[]>;
};

function bgpLines(tree: readonly TreeNode[]): string[] {
  const out: string[] = [];
  const walk = (t: TreeNode, ind: string): void => {
    out.push(ind + t.label);
    for (const c of t.children) walk(c, `${ind}    `);
  };
  for (const t of tree) if (t.label.startsWith('Border Gateway Protocol') || t.label.startsWith('[Malformed Packet')) walk(t, '');
  return out;
}

async function open(): Promise<{ s: CaptureSession; packets: number }> {
  const s = new CaptureSession();
  const r = await s.open([await openAsBlob(join(DIR, 'bgp-cases.pcap'))], ['bgp-cases.pcap'], []);
  return { s, packets: r.packets };
}

describe("BGP's tree, as tshark shows it", () => {
  it('line for line on every frame', async () => {
    const { s, packets } = await open();
    expect(packets).toBe(Object.keys(WANT.layers).length);
    for (let n = 1; n <= packets; n++) {
      expect(bgpLines((await s.getDetails(n)).tree), `frame ${n}`).toEqual(WANT.layers[String(n)]);
    }
  });

  it('Protocol, Info and frame.protocols as tshark fills them', async () => {
    const { s, packets } = await open();
    const rows = await s.getRows(0, packets, [{ field: 'frame.protocols', occurrence: 0 }]);
    for (let n = 1; n <= packets; n++) {
      const [proto, info, protocols] = WANT.columns[String(n)] as [string, string, string];
      expect([rows.protocol[n - 1], rows.info[n - 1], rows.custom[0]?.[n - 1]], `frame ${n}`).toEqual([proto, info, protocols]);
    }
  });

  it('display filters on its fields keep the frames tshark keeps', async () => {
    const { s } = await open();
    const filters = Object.entries(WANT.filters);
    expect(filters.length).toBe(16);
    for (const [expr, frames] of filters) {
      const r = await s.applyFilter(expr);
      expect(r.ok, expr).toBe(true);
      const rows = await s.getRows(0, r.displayed);
      expect(Array.from(rows.frame), expr).toEqual(frames);
    }
  });
});
