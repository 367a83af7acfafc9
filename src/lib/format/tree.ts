// The details tree as the pane shows it: a flat list of the visible (expanded) lines, each with
// its depth and path, so that the DOM is one list of treeitems (aria-level carries the nesting)
// and keyboard navigation is index arithmetic. Also the byte ↔ field lookups of the hex pane.

import type { TreeNode } from '../../../workers/api.ts';

/** Indices from the roots down to a node: [2, 0, 3] is roots[2].children[0].children[3]. */
export type Path = readonly number[];

export interface TreeLine {
  node: TreeNode;
  path: Path;
  /** Path as a string (`2.0.3`): a key for {#each} and for DOM ids. */
  id: string;
  depth: number;
  expandable: boolean;
  expanded: boolean;
  /** Position among its siblings (1-based) and their number: aria-posinset / aria-setsize. */
  posinset: number;
  setsize: number;
}

/**
 * What remembers a line's expansion across packets: Wireshark keeps one expanded flag per subtree
 * type (Ethernet, IPv4, Flags…), so opening IPv4 in one packet opens it in the next. The field
 * name stands for the type; text-only lines use their label up to the first colon.
 */
export function expandKey(node: TreeNode): string {
  if (node.field !== '') return node.field;
  const colon = node.label.indexOf(':');
  return '#' + (colon > 0 ? node.label.slice(0, colon) : node.label);
}

export function flatten(roots: readonly TreeNode[], isExpanded: (key: string) => boolean): TreeLine[] {
  const out: TreeLine[] = [];
  const walk = (nodes: readonly TreeNode[], parent: number[], depth: number): void => {
    nodes.forEach((node, i) => {
      const path = [...parent, i];
      const expandable = node.children.length > 0;
      const expanded = expandable && isExpanded(expandKey(node));
      out.push({ node, path, id: path.join('.'), depth, expandable, expanded, posinset: i + 1, setsize: nodes.length });
      if (expanded) walk(node.children, path, depth + 1);
    });
  };
  walk(roots, [], 1);
  return out;
}

export function nodeAt(roots: readonly TreeNode[], path: Path): TreeNode | undefined {
  let nodes = roots;
  let node: TreeNode | undefined;
  for (const i of path) {
    node = nodes[i];
    if (!node) return undefined;
    nodes = node.children;
  }
  return node;
}

/** The nodes from the root to the node at `path`, outermost first. */
export function ancestry(roots: readonly TreeNode[], path: Path): TreeNode[] {
  const out: TreeNode[] = [];
  let nodes = roots;
  for (const i of path) {
    const node = nodes[i];
    if (!node) break;
    out.push(node);
    nodes = node.children;
  }
  return out;
}

/**
 * The field a click on byte `offset` of data source `source` selects: as Wireshark's
 * proto_find_field_from_offset does, the last node in tree (pre-)order whose range holds the byte —
 * a child after its parent, a later layer after an earlier one. So the innermost field wins, and a
 * reassembled payload's own layers (DNS) win over the fragment list that points into it.
 */
export function fieldAtByte(roots: readonly TreeNode[], source: number, offset: number): Path | null {
  let best: Path | null = null;
  const walk = (nodes: readonly TreeNode[], parent: number[]): void => {
    nodes.forEach((n, i) => {
      const path = [...parent, i];
      if (n.source === source && n.length > 0 && offset >= n.offset && offset < n.offset + n.length) best = path;
      // children of a node that does not cover the byte may still do (text lines with no range)
      walk(n.children, path);
    });
  };
  walk(roots, []);
  return best;
}

/** The status line under the tree, as Wireshark's status bar words it: `VNI (vxlan.vni), 3 bytes`. */
export function fieldStatus(node: TreeNode): string {
  const colon = node.label.indexOf(': ');
  let name = colon > 0 ? node.label.slice(0, colon) : node.label;
  // bit-field lines start with their mask: `.... 1... = VNI: True`
  const eq = name.lastIndexOf(' = ');
  if (eq >= 0) name = name.slice(eq + 3);
  name = name.replace(/^\[|\]$/g, '');
  const size = node.length === 1 ? '1 byte' : `${node.length} bytes`;
  if (node.field === '') return node.length > 0 ? `${name}, ${size}` : name;
  return node.length > 0 ? `${name} (${node.field}), ${size}` : `${name} (${node.field})`;
}
