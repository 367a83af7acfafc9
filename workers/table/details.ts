// The details tree of one packet: the flat field list turned into nested TreeNodes (hidden
// entries left out, as Wireshark's tree does), with labels made here and nowhere earlier.

import type { TreeNode } from '../api.ts';
import { EF, WS, type FieldList } from '../fields/field-list.ts';
import { labelText } from '../fields/format.ts';
import { FT, fieldById, fieldByName } from '../fields/registry.ts';
import { protocolLine } from './protocol-summary.ts';
import { filterLiteral, matchFilter } from './match-filter.ts';

export function buildTree(fl: FieldList): TreeNode[] {
  const roots: TreeNode[] = [];
  const protocols: TreeNode[] = [];
  const ifaceId = fieldByName('frame.interface_id')?.id ?? -2;
  const nodes: (TreeNode | undefined)[] = new Array<TreeNode | undefined>(fl.count);
  for (let i = 0; i < fl.count; i++) {
    if ((fl.flags[i] as number) & EF.HIDDEN) continue;
    const def = fieldById(fl.id[i] as number);
    const literal = filterLiteral(fl, i, def);
    const node: TreeNode = {
      label: labelText(fl, i),
      field: def.id === WS.text ? '' : def.name,
      value: literal ?? '',
      filter: matchFilter(fl, i, def, literal),
      source: fl.src[i] as number,
      offset: fl.off[i] as number,
      length: fl.len[i] as number,
      generated: ((fl.flags[i] as number) & EF.GENERATED) !== 0,
      children: [],
    };
    nodes[i] = node;
    if (def.type === FT.PROTOCOL || def.id === ifaceId) protocols.push(node);
    let p = fl.parent[i] as number;
    // A hidden parent's children attach to the nearest shown ancestor.
    while (p >= 0 && nodes[p] === undefined) p = fl.parent[p] as number;
    if (p >= 0) (nodes[p] as TreeNode).children.push(node);
    else roots.push(node);
  }
  // protocol lines (and the frame's interface) carry a summary of their items, once they are in place
  for (const n of protocols) n.label = protocolLine(n);
  return roots;
}
