// The Decode As dialog's pre-filled ports, taken from the selected packet's details tree.

import { describe, expect, it } from 'vitest';
import type { TreeNode } from '../../../workers/api.ts';
import { candidatesFromTree } from '../../../src/lib/profiles/candidates.ts';

const node = (field: string, value = '', children: TreeNode[] = []): TreeNode => ({ label: field, field, value, source: 0, offset: 0, length: 0, generated: false, children });

/** Ethernet / IPv4 / UDP 45149 → 4792 / Data: VXLAN on a port nothing binds. */
const undecoded: TreeNode[] = [node('eth', '', [node('eth.type', '0x0800')]), node('ip'), node('udp', '', [node('udp.srcport', '45149'), node('udp.dstport', '4792')]), node('data')];

describe('Decode As candidates', () => {
  it("offers the packet's ports, the service (lower) port of the innermost header first", () => {
    expect(candidatesFromTree(undecoded)).toEqual([
      { table: 'udp.port', value: 4792, label: 'UDP destination port' },
      { table: 'ethertype', value: 0x0800, label: 'EtherType' },
      { table: 'udp.port', value: 45149, label: 'UDP source port' },
    ]);
  });

  it('puts a suggested port first', () => {
    const c = candidatesFromTree(undecoded, [{ table: 'udp.port', value: 45149 }]);
    expect(c[0]).toEqual({ table: 'udp.port', value: 45149, label: 'UDP source port' });
    expect(c).toHaveLength(3);
  });

  it('prefers the innermost transport header of a tunnelled packet, and lists each port once', () => {
    const tree = [node('udp', '', [node('udp.srcport', '50000'), node('udp.dstport', '4789')]), node('vxlan'), node('tcp', '', [node('tcp.srcport', '443'), node('tcp.dstport', '51000')]), node('udp', '', [node('udp.srcport', '50000')])];
    const c = candidatesFromTree(tree);
    expect(c.map((x) => `${x.table} ${x.value}`)).toEqual(['tcp.port 443', 'udp.port 50000', 'udp.port 4789', 'tcp.port 51000']);
  });

  it('offers nothing for a packet without ports or types', () => {
    expect(candidatesFromTree([node('frame')])).toEqual([]);
  });
});
