import { describe, expect, it } from 'vitest';
import type { TreeNode } from '../../workers/api.ts';
import { ancestry, expandKey, fieldAtByte, fieldStatus, flatten, nodeAt } from '../../src/lib/format/tree.ts';

function n(label: string, field: string, offset: number, length: number, children: TreeNode[] = [], source = 0): TreeNode {
  return { label, field, value: '', source, offset, length, generated: false, children };
}

// a VXLAN packet, shaped as workers/table/details.ts builds it
const tree: TreeNode[] = [
  n('Frame 1: 148 bytes', 'frame', 0, 148, [n('[Frame Length: 148]', 'frame.len', 0, 0)]),
  n('Ethernet II', 'eth', 0, 14, [n('Destination: 00:16:3e:08:71:cf', 'eth.dst', 0, 6), n('Type: IPv4 (0x0800)', 'eth.type', 12, 2)]),
  n('Internet Protocol Version 4', 'ip', 14, 20, [n('Source Address: 192.168.203.1', 'ip.src', 26, 4)]),
  n('Virtual eXtensible Local Area Network', 'vxlan', 42, 8, [
    n('Flags: 0x0800', 'vxlan.flags', 42, 2, [n('.... 1... .... .... = VXLAN Network ID (VNI): True', 'vxlan.flags.vni', 42, 2)]),
    n('VXLAN Network Identifier (VNI): 100', 'vxlan.vni', 46, 3),
  ]),
  n('Ethernet II', 'eth', 50, 14, [n('Destination: 00:30:88:01:00:02', 'eth.dst', 50, 6)]),
  n('Reassembled payload', '', 0, 10, [], 1),
  n('IPv6 Fragments', 'ipv6.fragments', 0, 30, [n('Frame: 5, payload: 0-29', 'ipv6.fragment', 0, 30, [], 1)], 1),
  n('Domain Name System', 'dns', 8, 22, [n('Transaction ID: 0x9f91', 'dns.id', 8, 2, [], 1)], 1),
];

describe('details tree', () => {
  it('flattens only what is expanded, with levels and positions', () => {
    const open = new Set(['vxlan']);
    const lines = flatten(tree, (k) => open.has(k));
    expect(lines.map((l) => l.node.label)).toEqual([
      'Frame 1: 148 bytes',
      'Ethernet II',
      'Internet Protocol Version 4',
      'Virtual eXtensible Local Area Network',
      'Flags: 0x0800',
      'VXLAN Network Identifier (VNI): 100',
      'Ethernet II',
      'Reassembled payload',
      'IPv6 Fragments',
      'Domain Name System',
    ]);
    const vni = lines[5];
    expect(vni?.depth).toBe(2);
    expect(vni?.path).toEqual([3, 1]);
    expect(vni?.id).toBe('3.1');
    expect(vni?.posinset).toBe(2);
    expect(vni?.setsize).toBe(2);
    expect(lines[3]?.expanded).toBe(true);
    expect(lines[4]?.expandable).toBe(true);
    expect(lines[4]?.expanded).toBe(false);
    expect(lines[7]?.expandable).toBe(false);
  });

  it('remembers expansion by subtree type: both Ethernet layers open together', () => {
    const lines = flatten(tree, (k) => k === 'eth');
    expect(lines.filter((l) => l.depth === 2).map((l) => l.node.field)).toEqual(['eth.dst', 'eth.type', 'eth.dst']);
    expect(expandKey(n('Options: (8 bytes)', '', 0, 8))).toBe('#Options');
  });

  it('finds nodes and their ancestors by path', () => {
    expect(nodeAt(tree, [3, 1])?.field).toBe('vxlan.vni');
    expect(nodeAt(tree, [9])).toBeUndefined();
    expect(ancestry(tree, [3, 0, 0]).map((x) => x.field)).toEqual(['vxlan', 'vxlan.flags', 'vxlan.flags.vni']);
  });

  it('a byte selects the innermost field covering it', () => {
    expect(fieldAtByte(tree, 0, 47)).toEqual([3, 1]);
    expect(fieldAtByte(tree, 0, 27)).toEqual([2, 0]);
    expect(fieldAtByte(tree, 0, 42)).toEqual([3, 0, 0]);
    // a byte of a protocol with no field over it selects the protocol
    expect(fieldAtByte(tree, 0, 45)).toEqual([3]);
    // the inner Ethernet header, not the outer one
    expect(fieldAtByte(tree, 0, 52)).toEqual([4, 0]);
    // bytes of another data source: the last node in tree order holding the byte wins, so the
    // reassembled payload's own layer beats the fragment list that points into it
    expect(fieldAtByte(tree, 1, 3)).toEqual([6, 0]);
    expect(fieldAtByte(tree, 1, 9)).toEqual([7, 0]);
    expect(fieldAtByte(tree, 2, 3)).toBeNull();
  });

  it('words the status line like Wireshark', () => {
    expect(fieldStatus(n('VXLAN Network Identifier (VNI): 100', 'vxlan.vni', 46, 3))).toBe('VXLAN Network Identifier (VNI) (vxlan.vni), 3 bytes');
    expect(fieldStatus(n('.... 1... .... .... = VXLAN Network ID (VNI): True', 'vxlan.flags.vni', 42, 2))).toBe('VXLAN Network ID (VNI) (vxlan.flags.vni), 2 bytes');
    expect(fieldStatus(n('[Frame Length: 148]', 'frame.len', 0, 0))).toBe('Frame Length (frame.len)');
    expect(fieldStatus(n('Internet Protocol Version 4', 'ip', 14, 1))).toBe('Internet Protocol Version 4 (ip), 1 byte');
    expect(fieldStatus(n('Some text', '', 0, 4))).toBe('Some text, 4 bytes');
  });
});
