// The dissection of one packet as a flat, preorder list of field entries in growable typed arrays.
// Dissectors append to it; the index pass reads columns out of it, the command line prints fields
// from it, the filter tests it and the details view turns it into a tree. It is reset and reused
// for every packet, so dissecting allocates nothing per packet (strings excepted, and only for
// the few fields whose value is a computed string, such as DNS names).

import { registerFields, names, FT } from './registry.ts';
import { grown } from './typed-arrays.ts';
import { ColumnAddress } from './column-address.ts';

/** Entry flags. */
export const enum EF {
  /** Not shown in the tree, still matched by filters and printed by `fields` (Wireshark's hidden items: `ip.addr`). */
  HIDDEN = 1,
  /** Computed, not read from the bytes (shown in [brackets], as Wireshark does). */
  GENERATED = 2,
  /** The value is in `str` rather than derived from `num` or the bytes. */
  STR = 4,
  /** `str` is the whole tree line (Wireshark's proto_item_set_text), the value stays in `num`. */
  TEXT = 8,
}

/** Wireshark's expert severities and groups (epan/proto.h PI_*), as their lines name them. */
export const EXPERT_SEVERITIES = names([[0x00100000, 'Comment'], [0x00200000, 'Chat'], [0x00400000, 'Note'], [0x00600000, 'Warning'], [0x00800000, 'Error']]);
export const EXPERT_GROUPS = names([
  [0x01000000, 'Checksum'], [0x02000000, 'Sequence'], [0x03000000, 'Response'], [0x04000000, 'Request'],
  [0x05000000, 'Undecoded'], [0x06000000, 'Reassemble'], [0x07000000, 'Malformed'], [0x08000000, 'Debug'],
  [0x09000000, 'Protocol'], [0x0a000000, 'Security'], [0x0b000000, 'Comment'], [0x0c000000, 'Decryption'],
  [0x0d000000, 'Assumption'], [0x0e000000, 'Deprecated'],
]);

/** Pseudo-fields every tree may hold. */
export const WS = registerFields({
  text: { name: '_ws.text', label: 'Text', type: FT.NONE },
  malformed: { name: '_ws.malformed', label: 'Malformed Packet', type: FT.PROTOCOL },
  short: { name: '_ws.short', label: 'Packet size limited during capture', type: FT.PROTOCOL },
  malformedExpert: { name: '_ws.malformed.expert', label: 'Malformed Packet (Exception occurred)', type: FT.NONE },
  expert: { name: '_ws.expert', label: 'Expert Info', type: FT.NONE },
  /** Every expert info's message, hidden beside its own field (expert.c), for filters such as
   *  `_ws.expert.message contains "Duplicate"`. */
  expertMessage: { name: '_ws.expert.message', label: 'Message', type: FT.STRING },
  expertSeverity: { name: '_ws.expert.severity', label: 'Severity level', type: FT.UINT, names: EXPERT_SEVERITIES, nameAlone: true },
  expertGroup: { name: '_ws.expert.group', label: 'Group', type: FT.UINT, names: EXPERT_GROUPS, nameAlone: true },
  data: { name: 'data', label: 'Data', type: FT.PROTOCOL },
  dataData: { name: 'data.data', label: 'Data', type: FT.BYTES },
  dataLen: { name: 'data.len', label: 'Length', type: FT.UINT },
});

/** What add() returns for a field the `wanted` mask leaves out. Negative, so that writes through
 *  it to the typed arrays are ignored and `i >= 0` tests treat it as absent. */
export const SKIPPED = -2;

/** A buffer that field offsets can point into: the frame itself, or a reassembled payload. */
export interface DataSource {
  name: string;
  bytes: Uint8Array;
}

/**
 * Fields a dissector adds together with nothing else in between (an address's subtree, the flag
 * bits): in a lean dissection that keeps none of them, it skips the whole block with one test
 * instead of one add() call per field (the 1M mix made ~86 skipped adds a packet). Only for blocks
 * of plain adds: skipping must change nothing but the entries. The answer is kept per mask
 * (a mask is not changed once in use).
 */
export class FieldGroup {
  private mask: Uint8Array | null = null;
  private any = true;

  constructor(private readonly ids: readonly number[]) {}

  /** Whether `f` keeps any field of the group (always, outside a lean dissection). */
  kept(f: FieldList): boolean {
    const w = f.wanted;
    if (w === null) return true;
    if (w !== this.mask) this.learn(w);
    return this.any;
  }

  /** Answer for a new mask. Kept out of kept(): a closure over kept()'s `w` made V8 allocate a
   *  context object on every call of it, taken or not (16 calls a packet: 0.6 KB of garbage a
   *  packet, most of the index pass's, in the heap profile of the 1M mix). */
  private learn(w: Uint8Array): void {
    this.mask = w;
    let any = false;
    for (const id of this.ids) if (w[id] === 1) any = true;
    this.any = any;
  }
}

/** Entries a list has room for before it first grows (nearly every packet of the index pass has
 *  fewer than 100; a TCP segment of many DNS messages can have hundreds). */
const FIRST_ENTRIES = 256;

export class FieldList {
  count = 0;
  // The entry arrays start empty and the constructor grows them: see constructor().
  id = new Int32Array(0);
  parent = new Int32Array(0);
  src = new Uint8Array(0);
  flags = new Uint8Array(0);
  off = new Int32Array(0);
  len = new Int32Array(0);
  num = new Float64Array(0);
  aux = new Float64Array(0);
  /** String values (EF.STR) and label overrides of protocol / text items; a packed array of
   *  `undefined` (never holey: reading a hole beyond the length is a slow lookup in V8). Read it
   *  freely; write it through setStr(), which notes that reset() must clear it. */
  str: (string | undefined)[] = [];
  /** Whether any entry of this packet has a string (most packets of a lean dissection have none). */
  private strUsed = false;
  /** Tree lines of string-valued entries (setText), whose `str` is their value. */
  private lines = new Map<number, string>();
  private linesUsed = false;
  /** Data sources of this packet; index 0 is the frame. */
  sources: DataSource[] = [];
  /** Current data source for entries being added. */
  curSrc = 0;
  /**
   * Field ids to keep, indexed by id (1 = keep), or null to keep every field: a lean dissection for
   * the index pass and for `fields`, which read a few dozen fields of the ~110 a packet has.
   * A skipped add returns SKIPPED; a dissector may still write to that index (typed arrays ignore
   * it) or push it as a parent (its children go to the nearest kept ancestor). Protocol items and
   * any field a dissector reads back (frame.time) must be kept: see `leanMask`.
   */
  wanted: Uint8Array | null = null;
  /** The entry index the last add() returned (SKIPPED when that field was not wanted). */
  last = -1;
  /** The Source and Destination columns when a dissector sets them other than by an address field
   *  of its layer (column-address.ts). */
  readonly colSrc = new ColumnAddress();
  readonly colDst = new ColumnAddress();
  private stack = new Int32Array(64);
  private depth = 0;

  constructor() {
    // through grow(), not at their size above: see fields/typed-arrays.ts (V8 field constness)
    this.grow();
  }

  reset(frame: Uint8Array): void {
    if (this.strUsed) {
      this.str.fill(undefined, 0, this.count);
      this.strUsed = false;
    }
    if (this.linesUsed) {
      this.lines.clear();
      this.linesUsed = false;
    }
    this.count = 0;
    this.detachedAt = -1;
    if (this.detachedStacks.length !== 0) this.detachedStacks.length = 0;
    this.last = -1;
    this.colSrc.at = -1;
    this.colDst.at = -1;
    this.depth = 0;
    this.curSrc = 0;
    // (setting an array's length is a call into the runtime: not for every packet)
    if (this.sources.length !== 1) this.sources.length = 1;
    const s0 = this.sources[0];
    if (s0 === undefined) this.sources[0] = { name: 'Frame', bytes: frame };
    else s0.bytes = frame;
  }

  /** Add a field at the current tree position; returns its entry index. */
  add(id: number, off: number, len: number, num = 0, flags = 0): number {
    const w = this.wanted;
    if (w !== null && w[id] === 0) return (this.last = SKIPPED);
    const i = this.count;
    if (i === this.id.length) this.grow();
    this.id[i] = id;
    this.parent[i] = this.depth > 0 ? (this.stack[this.depth - 1] as number) : -1;
    this.src[i] = this.curSrc;
    this.flags[i] = flags;
    this.off[i] = off;
    this.len[i] = len;
    this.num[i] = num;
    this.aux[i] = 0;
    this.count = i + 1;
    return (this.last = i);
  }

  /**
   * Add `count` entries of field `id` at the current tree position, `len` bytes each, one after the
   * other from `off`, with no value: what `count` calls of add(id, off + k * len, len) would add, in
   * a few array fills (a segment of hundreds of equal PDUs: mysql.ts).
   */
  addRun(id: number, off: number, len: number, count: number): void {
    const w = this.wanted;
    if (count <= 0) return;
    if (w !== null && w[id] === 0) {
      this.last = SKIPPED;
      return;
    }
    const i = this.count;
    while (i + count > this.id.length) this.grow();
    const end = i + count;
    this.id.fill(id, i, end);
    this.parent.fill(this.depth > 0 ? (this.stack[this.depth - 1] as number) : -1, i, end);
    this.src.fill(this.curSrc, i, end);
    this.flags.fill(0, i, end);
    this.len.fill(len, i, end);
    this.num.fill(0, i, end);
    this.aux.fill(0, i, end);
    const offs = this.off;
    for (let k = i, o = off; k < end; k++, o += len) offs[k] = o;
    this.count = end;
    this.last = end - 1;
  }
  /**
   * addRun()'s entries, each followed at the same level by a line of `line` reading `label` with
   * one hidden `line` entry under it: a run of PDUs that each failed, and the exception line
   * tcpDissectPdus shows after each ("[Malformed Packet: MySQL]" and its hidden `_ws.malformed`;
   * mysql.ts). Both fields must be wanted.
   */
  addRunWithLines(id: number, off: number, len: number, count: number, line: number, label: string): void {
    if (count <= 0) return;
    const i = this.count;
    const n = 3 * count;
    while (i + n > this.id.length) this.grow();
    const end = i + n;
    const parent = this.depth > 0 ? (this.stack[this.depth - 1] as number) : -1;
    this.src.fill(this.curSrc, i, end);
    this.num.fill(0, i, end);
    this.aux.fill(0, i, end);
    const ids = this.id;
    const par = this.parent;
    const fl = this.flags;
    const offs = this.off;
    const lens = this.len;
    const str = this.str;
    for (let k = i, o = off; k < end; k += 3, o += len) {
      ids[k] = id;
      par[k] = parent;
      fl[k] = 0;
      offs[k] = o;
      lens[k] = len;
      ids[k + 1] = line;
      par[k + 1] = parent;
      fl[k + 1] = 0;
      offs[k + 1] = 0;
      lens[k + 1] = 0;
      str[k + 1] = label;
      ids[k + 2] = line;
      par[k + 2] = k + 1;
      fl[k + 2] = EF.HIDDEN;
      offs[k + 2] = 0;
      lens[k + 2] = 0;
    }
    this.strUsed = true;
    this.count = end;
    this.last = end - 1;
  }


  /** Add a field whose value (or, for `_ws.text`, whose label) is a string. */
  addStr(id: number, off: number, len: number, s: string, flags = 0): number {
    const i = this.add(id, off, len, 0, flags | EF.STR);
    this.setStr(i, s);
    return i;
  }

  /** Set the string of entry `i` (its value, with EF.STR, or its label); ignored for a skipped entry. */
  setStr(i: number, s: string): void {
    if (i < 0) return;
    this.str[i] = s;
    this.strUsed = true;
  }

  /** Override the label of entry `i` (a protocol or subtree item); ignored for a skipped entry. */
  label(i: number, s: string): void {
    this.setStr(i, s);
  }

  /** Set the whole tree line of value entry `i` (Wireshark's proto_item_set_text: a code named by
   *  a table the field does not carry, "Message Code: Diffie-Hellman Group Exchange Init (32)");
   *  its value is unchanged, also when it is a string (kept in `str`: the line goes beside it).
   *  Ignored for a skipped entry. */
  setText(i: number, s: string): void {
    if (i < 0) return;
    if ((this.flags[i] as number) & EF.STR) {
      this.lines.set(i, s);
      this.linesUsed = true;
    } else this.setStr(i, s);
    this.flags[i] = (this.flags[i] as number) | EF.TEXT;
  }

  /** The tree line setText gave entry `i`, if any. */
  textLine(i: number): string | undefined {
    return (this.flags[i] as number) & EF.STR ? this.lines.get(i) : this.str[i];
  }

  /** Append to the label of entry `i`: a protocol or subtree item's set with label(), or a value
   *  field's, after its value (Wireshark's proto_item_append_text: "BPDU flags: 0x3c, Forwarding"). */
  appendLabel(i: number, s: string): void {
    if (i >= 0) this.setStr(i, (this.str[i] ?? '') + s);
  }

  /** A label-only line in the tree (Wireshark's proto_tree_add_text / subtree headers). */
  text(off: number, len: number, label: string): number {
    return this.addStr(WS.text, off, len, label);
  }

  /** Make entry `i` the parent of the entries added until the matching `pop()`. */
  push(i: number): void {
    if (i < 0) i = this.depth > 0 ? (this.stack[this.depth - 1] as number) : -1; // a skipped entry
    if (this.depth === this.stack.length) {
      const s = new Int32Array(this.stack.length * 2);
      s.set(this.stack);
      this.stack = s;
    }
    this.stack[this.depth++] = i;
  }

  pop(): void {
    if (this.depth > 0) this.depth--;
  }

  /** Add the next entries at the top level (a payload Wireshark puts beside the protocols, not
   *  under the one that carried it); returns what `reattach` takes to go back. */
  detach(): number {
    const d = this.depth;
    // (the entries added meanwhile push over the bottom of the stack: what reattach puts back)
    this.detachedStacks.push(this.stack.slice(0, d));
    this.depth = 0;
    if (this.detachedAt < 0) this.detachedAt = this.count;
    return d;
  }

  /** The tree positions of the detach()es not reattached yet, innermost last. */
  private readonly detachedStacks: Int32Array[] = [];

  /** The first entry added after a `detach` (-1: none this packet): the columns stop there, as
   *  Wireshark's stop being writable while ICMP dissects the packet it quotes. */
  detachedAt = -1;

  /** Back to the tree position `detach` left (the entries of that position are unchanged). */
  reattach(depth: number): void {
    const saved = this.detachedStacks.pop();
    if (saved !== undefined) this.stack.set(saved);
    this.depth = depth;
  }

  /** Current nesting depth (so that a dissector can restore it after an early return). */
  get level(): number {
    return this.depth;
  }

  unwindTo(level: number): void {
    if (level < this.depth) this.depth = level;
  }

  /** Add a data source (a reassembled payload); entries added after this point into it. */
  addSource(name: string, bytes: Uint8Array): number {
    this.sources.push({ name, bytes });
    return this.sources.length - 1;
  }

  /** Index of the first entry with this field id, or -1. */
  find(id: number, from = 0): number {
    const ids = this.id;
    for (let i = from; i < this.count; i++) if (ids[i] === id) return i;
    return -1;
  }

  /** Index of the last entry with this field id, or -1. */
  findLast(id: number): number {
    const ids = this.id;
    for (let i = this.count - 1; i >= 0; i--) if (ids[i] === id) return i;
    return -1;
  }

  /** Bytes an entry points into. */
  bytesOf(i: number): Uint8Array {
    return (this.sources[this.src[i] as number] as DataSource).bytes;
  }

  private grow(): void {
    const n = Math.max(FIRST_ENTRIES, this.id.length * 2);
    this.id = grown(this.id, n);
    this.parent = grown(this.parent, n);
    this.src = grown(this.src, n);
    this.flags = grown(this.flags, n);
    this.off = grown(this.off, n);
    this.len = grown(this.len, n);
    this.num = grown(this.num, n);
    this.aux = grown(this.aux, n);
    const str = new Array<string | undefined>(n).fill(undefined);
    for (let k = 0; k < this.count; k++) str[k] = this.str[k];
    this.str = str;
  }
}
