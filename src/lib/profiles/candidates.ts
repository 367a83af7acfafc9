// What a selected packet offers the Decode As dialog: its UDP and TCP ports (and EtherTypes), read
// from its details tree, so that "decode this as …" starts from the packet's own values.

import type { TreeNode } from '../../../workers/api.ts';
import type { TableName } from '../../../workers/dissectors/tables.ts';

export interface DecodeAsCandidate {
  table: TableName;
  value: number;
  /** How the packet uses it: `UDP destination port`. */
  label: string;
}

const FIELDS: Record<string, { table: TableName; label: string }> = {
  'udp.dstport': { table: 'udp.port', label: 'UDP destination port' },
  'udp.srcport': { table: 'udp.port', label: 'UDP source port' },
  'tcp.dstport': { table: 'tcp.port', label: 'TCP destination port' },
  'tcp.srcport': { table: 'tcp.port', label: 'TCP source port' },
  'eth.type': { table: 'ethertype', label: 'EtherType' },
};

/**
 * The packet's ports, outermost layer first. The first one is the best guess: a port with an
 * undecoded payload (a suggestion) if given, else the lower port of the innermost UDP or TCP
 * header that has no suggestion (services listen on the lower port, clients on high ephemeral ones).
 */
export function candidatesFromTree(tree: readonly TreeNode[], prefer: readonly { table: string; value: number }[] = []): DecodeAsCandidate[] {
  const found: DecodeAsCandidate[] = [];
  const walk = (nodes: readonly TreeNode[]): void => {
    for (const n of nodes) {
      const f = FIELDS[n.field];
      if (f && /^(0x[0-9a-f]+|\d+)$/i.test(n.value)) {
        const value = Number(n.value);
        if (!found.some((c) => c.table === f.table && c.value === value)) found.push({ table: f.table, value, label: f.label });
      }
      walk(n.children);
    }
  };
  walk(tree);
  const ports = found.filter((c) => c.table !== 'ethertype');
  const best =
    found.find((c) => prefer.some((p) => p.table === c.table && p.value === c.value)) ??
    // innermost transport header: its two ports are the last two found
    ports.slice(-2).sort((a, b) => a.value - b.value)[0] ??
    found[0];
  return best ? [best, ...found.filter((c) => c !== best)] : [];
}
