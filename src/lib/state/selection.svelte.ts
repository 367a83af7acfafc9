// What is selected: the cursor row of the packet list (a displayed position), the packet it shows
// (a frame number, stable across sorting and filtering), that packet's dissection, the selected
// field in its tree and the data source shown in the hex pane. Also which subtrees are expanded,
// remembered across packets by subtree type as Wireshark does.

import { tick } from 'svelte';
import { SvelteSet } from 'svelte/reactivity';
import type { PacketDetails, TreeNode } from '../../../workers/api.ts';
import { ancestry, expandKey, fieldAtByte, nodeAt, type Path } from '../format/tree.ts';

/** What the selection needs from the session and the row cache. */
export interface SelectionSource {
  getRows(start: number, count: number): Promise<{ frame: Uint32Array; count: number }>;
  getDetails(frame: number): Promise<PacketDetails>;
  positionOf(frame: number): Promise<number>;
  frameAt(position: number): number | undefined;
  /** The frame number at a position from the packet list's rows on their way, or null (RowCache.frameSoon). */
  frameSoon?(position: number): Promise<number | undefined> | null;
}

/** Resolves once the next frame has been produced, or after 100 ms in a page that draws no frames
 *  (hidden); at once where nothing paints (tests in Node). */
function afterNextPaint(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function') return Promise.resolve();
  return new Promise((resolve) => {
    const late = setTimeout(resolve, 100);
    requestAnimationFrame(() => setTimeout(() => (clearTimeout(late), resolve()), 0));
  });
}

function findField(roots: readonly TreeNode[], field: string): Path | null {
  const walk = (nodes: readonly TreeNode[], parent: number[]): Path | null => {
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i] as TreeNode;
      const path = [...parent, i];
      if (n.field === field) return path;
      const inner = walk(n.children, path);
      if (inner) return inner;
    }
    return null;
  };
  return walk(roots, []);
}

export class Selection {
  readonly #src: SelectionSource;
  #position = $state(-1);
  #frame = $state(0);
  #details = $state.raw<PacketDetails | null>(null);
  #field = $state.raw<Path | null>(null);
  #source = $state(0);
  #reveal = $state(0);
  #revealField = $state(0);
  #error = $state<string | null>(null);
  readonly #expanded = new SvelteSet<string>();
  /** Latest request wins: answers to older selections are dropped. */
  #token = 0;

  constructor(src: SelectionSource) {
    this.#src = src;
  }

  /** Displayed position of the cursor row, -1 for none. */
  get position(): number {
    return this.#position;
  }
  /** Frame number of the selected packet, 0 for none. */
  get frame(): number {
    return this.#frame;
  }
  get details(): PacketDetails | null {
    return this.#details;
  }
  get field(): Path | null {
    return this.#field;
  }
  get fieldNode(): TreeNode | null {
    const d = this.#details;
    const p = this.#field;
    return d && p ? (nodeAt(d.tree, p) ?? null) : null;
  }
  /** Data source shown in the hex pane. */
  get source(): number {
    return this.#source;
  }
  /** Bumped when the list should scroll the cursor into view. */
  get reveal(): number {
    return this.#reveal;
  }
  /** Bumped when the tree should scroll the selected field into view. */
  get revealField(): number {
    return this.#revealField;
  }
  get error(): string | null {
    return this.#error;
  }

  isExpanded = (key: string): boolean => this.#expanded.has(key);

  /** Move the cursor to a displayed position and show that packet. */
  async selectPosition(pos: number, reveal = true): Promise<void> {
    if (pos < 0) return;
    const token = ++this.#token;
    this.#position = pos;
    if (reveal) this.#reveal++;
    let frame = this.#src.frameAt(pos);
    if (frame === undefined) {
      frame = await this.#frameOf(pos);
      if (token !== this.#token) return;
    }
    if (frame === undefined) return;
    await this.#show(frame, token);
  }

  /**
   * The frame number at a position the packet list has not fetched. Once Svelte has applied the
   * move (the list then asks for the rows it will show, the cursor's among them), it comes from
   * the list's request when one holds it: End or Home costs one round trip to the engine, not the
   * cursor row's on its own followed by the list's. Otherwise the engine is asked for that row.
   */
  async #frameOf(pos: number): Promise<number | undefined> {
    const token = this.#token;
    await tick();
    if (token !== this.#token) return undefined;
    const known = this.#src.frameAt(pos);
    if (known !== undefined) return known;
    const soon = this.#src.frameSoon?.(pos);
    const frame = soon ? await soon : undefined;
    if (frame !== undefined || token !== this.#token) return frame;
    try {
      const w = await this.#src.getRows(pos, 1);
      return w.count > 0 ? w.frame[0] : undefined;
    } catch (e) {
      if (token === this.#token) this.#error = e instanceof Error ? e.message : String(e);
      return undefined;
    }
  }

  /** Go to a frame number (Go to packet): false when it is not displayed. Resolves once the cursor
   *  is on it (the page then gives the list the focus back); its dissection follows. */
  async selectFrame(frame: number): Promise<boolean> {
    const token = ++this.#token;
    const pos = await this.#src.positionOf(frame);
    if (token !== this.#token) return true;
    if (pos < 0) return false;
    this.#position = pos;
    this.#reveal++;
    void this.#show(frame, token);
    return true;
  }

  async #show(frame: number, token: number): Promise<void> {
    this.#frame = frame;
    try {
      const d = await this.#src.getDetails(frame);
      if (token !== this.#token) return;
      // The rows first: End or Home brings the list's new rows and this packet's dissection at
      // about the same time, and updating the tree and bytes panes took the main thread ~40 ms the
      // first time after a load (a trace of End: a 48 ms task, 9 ms with the panes' update left
      // out), which, run before the list's next frame, held it back (End's first press took
      // 48-102 ms in eight benchmark runs). The panes follow a frame later.
      await afterNextPaint();
      if (token !== this.#token) return;
      // keep the same field selected from packet to packet when the new one has it (Wireshark does)
      const previous = this.fieldNode?.field ?? '';
      this.#details = d;
      this.#error = null;
      const again = previous !== '' ? findField(d.tree, previous) : null;
      this.#field = again;
      const n = again ? nodeAt(d.tree, again) : null;
      this.#source = n && n.source < d.sources.length ? n.source : 0;
    } catch (e) {
      if (token !== this.#token) return;
      this.#details = null;
      this.#field = null;
      this.#error = e instanceof Error ? e.message : String(e);
    }
  }

  /**
   * The displayed list changed (sort, filter, end of a load): find the selected packet again.
   * `reload` dissects it again too (after Decode As, its layers changed).
   */
  async relocate(reload = false): Promise<void> {
    const frame = this.#frame;
    if (frame === 0) return;
    const token = this.#token;
    const pos = await this.#src.positionOf(frame);
    if (token !== this.#token) return;
    this.#position = pos;
    if (pos >= 0) this.#reveal++;
    if (reload) await this.#show(frame, token);
  }

  selectField(path: Path | null): void {
    this.#field = path;
    const d = this.#details;
    const n = d && path ? nodeAt(d.tree, path) : null;
    if (n && n.length > 0 && n.source < (d as PacketDetails).sources.length) this.#source = n.source;
  }

  /** A click on a byte: select the innermost field covering it, opening its ancestors. */
  selectByte(source: number, offset: number): void {
    const d = this.#details;
    if (!d) return;
    const path = fieldAtByte(d.tree, source, offset);
    if (!path) {
      this.#field = null;
      return;
    }
    for (const n of ancestry(d.tree, path.slice(0, -1))) this.#expanded.add(expandKey(n));
    this.#field = path;
    this.#revealField++;
  }

  setSource(i: number): void {
    this.#source = i;
  }

  toggle(node: TreeNode): void {
    const key = expandKey(node);
    if (this.#expanded.has(key)) this.#expanded.delete(key);
    else this.#expanded.add(key);
  }

  setExpanded(node: TreeNode, open: boolean): void {
    const key = expandKey(node);
    if (open) this.#expanded.add(key);
    else this.#expanded.delete(key);
  }

  /** Expand (or collapse) a node and everything under it. */
  setSubtree(node: TreeNode, open: boolean): void {
    const walk = (n: TreeNode): void => {
      if (n.children.length === 0) return;
      if (open) this.#expanded.add(expandKey(n));
      else this.#expanded.delete(expandKey(n));
      n.children.forEach(walk);
    };
    walk(node);
  }

  /** Forget the selection (a new capture). Expanded subtrees are kept, as in Wireshark. */
  clear(): void {
    this.#token++;
    this.#position = -1;
    this.#frame = 0;
    this.#details = null;
    this.#field = null;
    this.#source = 0;
    this.#error = null;
  }
}
