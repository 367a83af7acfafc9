// "Apply as Filter" through the worker's session: the filter of a details-tree item, applied,
// displays the packets tshark's decode (../shared/corpus/expected/*.tsv) says carry that value.
import { openAsBlob, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TreeNode } from '../../../workers/api.ts';
import { CaptureSession } from '../../../workers/session.ts';
import { filterFor } from '../../../src/lib/format/filter-text.ts';
import { CAPTURES, EXPECTED } from '../../golden/corpus.ts';

async function open(...names: string[]): Promise<CaptureSession> {
  const s = new CaptureSession();
  await s.open(await Promise.all(names.map((n) => openAsBlob(join(CAPTURES, n)))), names, []);
  return s;
}

/** tshark's rows (one per frame, cells by field name) of several captures, in merge order. */
function expected(...names: string[]): Map<string, string>[] {
  return names.flatMap((name) => {
    const [head, ...rows] = readFileSync(join(EXPECTED, `${name}.tsv`), 'utf8').split('\n').filter((l) => l !== '');
    const cols = (head as string).split('\t');
    return rows.map((r) => new Map(r.split('\t').map((cell, i) => [cols[i] as string, cell])));
  });
}

/** Frames whose tshark cell for `field` holds `value` among its occurrences (joined by ","). */
function framesWith(rows: Map<string, string>[], field: string, value: string): number {
  return rows.filter((r) => (r.get(field) ?? '').split(',').includes(value)).length;
}

function all(nodes: readonly TreeNode[]): TreeNode[] {
  return nodes.flatMap((n) => [n, ...all(n.children)]);
}

describe('Apply as Filter', () => {
  it('vxlan.vni of a packet displays the packets with that VNI (vxlan.pcap and an IGMP capture, merged)', async () => {
    const files = ['vxlan.pcap', 'vxlan-encapsulated-igmp-v2.pcap'];
    const s = await open(...files);
    const rows = expected(...files);
    expect(rows).toHaveLength(13);
    // frame 1 is vxlan.pcap's first (2013), frame 11 the IGMP capture's first (2023)
    for (const [frame, vni] of [
      [1, '100'],
      [11, '4242'],
    ] as const) {
      const node = all((await s.getDetails(frame)).tree).find((n) => n.field === 'vxlan.vni') as TreeNode;
      expect(node.filter).toBe(`vxlan.vni == ${vni}`);
      const r = await s.applyFilter(filterFor('selected', node.filter ?? '', '') as string);
      expect(r.ok).toBe(true);
      expect(r.displayed).toBe(framesWith(rows, 'vxlan.vni', vni)); // 10 and 3
      expect(r.displayed).toBe(vni === '100' ? 10 : 3);
      // Not Selected displays the others
      expect((await s.applyFilter(filterFor('notSelected', node.filter ?? '', '') as string)).displayed).toBe(13 - r.displayed);
    }
  });

  it('combines with the filter bar as Wireshark does: (vxlan.vni == 100) && !(icmp) leaves the two ARP frames', async () => {
    const s = await open('vxlan.pcap');
    const tree = (await s.getDetails(1)).tree;
    const icmp = all(tree).find((n) => n.field === 'icmp') as TreeNode;
    const text = filterFor('andNotSelected', icmp.filter ?? '', 'vxlan.vni == 100') as string;
    expect(text).toBe('(vxlan.vni == 100) && !(icmp)');
    const rows = expected('vxlan.pcap');
    const arp = rows.filter((r) => r.get('vxlan.vni') === '100' && !(r.get('frame.protocols') ?? '').split(':').includes('icmp')).length;
    expect(arp).toBe(2);
    expect((await s.applyFilter(text)).displayed).toBe(arp);
  });

  it('every field tshark decodes, taken from the tree of every packet, displays the frames tshark gives that value', async () => {
    for (const files of [['vxlan.pcap', 'vxlan-encapsulated-igmp-v2.pcap'], ['geneve.pcap'], ['dns_udp.pcap']]) {
      const s = await open(...files);
      const rows = expected(...files);
      const columns = new Set((rows[0] as Map<string, string>).keys());
      // frame numbers follow the merge, not each file; frame.protocols is tshark's own list
      columns.delete('frame.number');
      columns.delete('frame.protocols');
      const seen = new Set<string>();
      let checked = 0;
      for (let frame = 1; frame <= rows.length; frame++) {
        for (const node of all((await s.getDetails(frame)).tree)) {
          if (!columns.has(node.field) || node.value === '' || seen.has(node.filter ?? '')) continue;
          seen.add(node.filter ?? '');
          expect(node.filter).toBe(`${node.field} == ${node.value}`);
          // tshark prints strings bare; the filter quotes them
          const bare = node.value.startsWith('"') ? (JSON.parse(node.value) as string) : node.value;
          const want = framesWith(rows, node.field, bare);
          expect(want, `${files.join('+')} frame ${frame}: tshark has ${node.field} = ${bare}`).toBeGreaterThan(0);
          const r = await s.applyFilter(node.filter as string);
          expect([node.filter, r.displayed]).toEqual([node.filter, want]);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(15);
    }
  });
});
