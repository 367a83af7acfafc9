// Packet shapes: what makes the column fast path exact.
//
// The index columns hold one value per row (innermost addresses and ports, outermost VNI …), so a
// column alone cannot say whether a packet has a second `ip.src`, or a `vxlan.vni` nested in an
// ICMP error. The shape of a packet says it: the sequence of its field entries (field id, parent,
// and where each entry's value can be read from the row's columns). Packets with the same shape
// have the same fields in the same places, so for a given filter and shape, every field reference
// resolves to a fixed list of occurrences: counted without dissecting, and valued from columns
// when each occurrence is
//   - a column's own entry (the one summarize.ts copied: verified against the row),
//   - an alias of one (same bytes, same value: `ip.addr` beside `ip.src`, `udp.port` beside
//     `udp.srcport`, `eth.addr` under `eth.src`),
//   - or a masked part of one (`tcp.flags.syn` under `tcp.flags`: value = (flags & mask) != 0, verified).
// Anything else is "plain": a filter that needs its value dissects the packet. A row whose columns
// do not match its entries, or that was reassembled (the first pass may differ), has shape 0:
// always dissected.
// The packet table keeps the innermost ports and MAC addresses only; the shape index adds its own
// small columns for what tunnels hide from it: the outermost transport ports (the VXLAN / Geneve
// UDP header) and the outermost and innermost Ethernet addresses, interned (with the shape id,
// 14 bytes a row while there are fewer than 65,536 shapes and 65,535 addresses in the session's AddressTable).
//
// Lean shapes. The session's index pass dissects lean (FieldList.wanted = shapeMask(): protocols,
// the columns' fields, their aliases and masked parts) and calls observe(fl, row, table, addrs,
// status) after summarize(). A lean list is the full one restricted to the wanted fields, each
// entry under its nearest kept ancestor (test/workers/engine/lean-dissection.test.ts); protocols
// are all kept, so layers are the same. A lean shape therefore holds every occurrence of each
// wanted field exactly, and answers exactly the filters whose fields are all wanted (covers()).
// Another filter dissects every row once and observes the full lists into the same index, which
// then holds full shapes and covers every filter (fast-path.ts, learntFull()).
//
// observe() runs once per packet of the index pass, so the usual case is cheap: most packets have
// the structure (ids and parents) of a recent packet with as many entries, and then only what
// makes the shape hold on this packet is checked: the integer columns against the row, each alias
// and masked part against its column entry, the lengths of the address entries. The address
// columns themselves are compared with the row when a shape is first made: which entries
// summarize.ts copies there is a function of the structure alone (the same rules as here), and it
// copies their bytes, so they hold on every packet of the structure. (A packet whose dissectors
// put an address of their own in a column, movedAddresses(), has no shape.)

import { FT } from '../fields/registry.ts';
import type { FieldList } from '../fields/field-list.ts';
import { Status } from '../dissectors/context.ts';
import { AddrKind } from '../fields/address-kind.ts';
import type { AddressTable } from '../table/addresses.ts';
import type { PacketTable } from '../table/packet-table.ts';
import { addressCache, type AddressCache } from './address-cache.ts';
import type { FieldRef } from './ir.ts';
import { widened, type IdColumn } from '../table/narrow-column.ts';
import { grown } from '../fields/typed-arrays.ts';
import { resizedIn, type PageSource } from '../memory/page-source.ts';
import { Role } from '../table/summarize.ts';
import { maskShift, shapeFields, type ShapeFields } from './shape-fields.ts';

/** The columns a value can come from. */
export const enum Col {
  SRC,
  DST,
  OUTER_SRC,
  OUTER_DST,
  SRC_PORT,
  DST_PORT,
  VNI,
  TCP_FLAGS,
  IP_PROTO,
  FRAME_NUMBER,
  FRAME_LEN,
  CAP_LEN,
  TIME,
  // the shape index's own columns
  FIRST_SRC_PORT,
  FIRST_DST_PORT,
  ETH_SRC_1,
  ETH_DST_1,
  ETH_SRC_2,
  ETH_DST_2,
  COUNT,
}

/** The first of the shape index's own columns (not checked against the packet table). */
const OWN = Col.FIRST_SRC_PORT;

/** Entry classes in a shape: a column (0..COUNT-1), or one of these. */
export const PLAIN = -1;
/** cls = ALIAS_BASE + 2*j: same value as entry j; ALIAS_BASE + 2*j + 1: masked part of entry j. */
export const ALIAS_BASE = 64;

/** How a special entry is checked against its column entry on each packet (see intern()). */
const enum Check {
  /** Same bytes (addresses). */
  SAME_BYTES,
  /** Same bytes and the same number (integers). */
  SAME_NUMBER,
  /** A boolean: set when (column & mask) != 0. */
  MASKED_BOOL,
  /** An integer: (column & mask) >> shift. */
  MASKED_INT,
}

export interface Shape {
  /** (id, parent, class) of each entry, as observe() builds it: what packets are compared on. */
  sig: Int32Array;
  /** Field id, parent entry and class of each entry. */
  ids: Int32Array;
  parents: Int32Array;
  /** id * 65536 + parent + 1 per entry (one compare an entry), or null when that is ambiguous
   *  (65536 entries or field ids and more). */
  key: Float64Array | null;
  cls: Int32Array;
  /** Protocol layer of each entry (occurrence number of its enclosing protocol). */
  layer: Int32Array;
  /** The entry each column reads (-1: none), and the entries that are aliases or masked parts. */
  colAt: Int32Array;
  special: Int32Array;
  // What observe() checks on a packet of the same structure (a function of the structure alone):
  /** Per own column: the entry it reads when that entry's value fits it (a port <= 0xffff, a
   *  6-byte MAC), else -1. */
  cand: Int32Array;
  /** Per address column (SRC .. OUTER_DST): the length of its entry (-1: none). */
  addrLen: Int32Array;
  /** Integer table columns the shape reads: checked against each row (its address columns are
   *  checked when the shape is made: see the header). */
  checked: Int32Array;
  /** The special entries, grouped by check (group k ends at spEnd[k]): the entry, its column
   *  entry, and the mask and shift of a masked part. */
  spEntry: Int32Array;
  spOf: Int32Array;
  spEnd: Int32Array;
  spMask: Int32Array;
  spShift: Uint8Array;
}

const UNSTABLE = Status.FRAGMENT | Status.REASSEMBLED;

/** Whether a dissector gave this packet an address of its own for the Source or Destination column
 *  (fields/column-address.ts: an IPv6 routing header's final destination, a Home Address option,
 *  ARCNET's station ids), which can take the place of an address field's: then the columns are not
 *  a function of the structure alone, as a shape's are, and the packet gets none. (A column text,
 *  "N/A", shows only where no address field is: that keeps the rule.) */
function movedAddresses(fl: FieldList): boolean {
  return (fl.colSrc.at >= 0 && fl.colSrc.kind !== AddrKind.TEXT) || (fl.colDst.at >= 0 && fl.colDst.kind !== AddrKind.TEXT);
}
/** mac() of a row that has no such address. */
const NO_MAC = new Uint8Array(6);
const MAX_SHAPES = 1 << 20;
/** Slots of the recent-shape cache (by entry count; a power of two). */
const RECENT = 64;

export class ShapeIndex {
  /** Shape id of each row (0 = unknown: always dissect); 16-bit until there are 65,536 shapes. */
  rowShape: IdColumn = new Uint16Array(1024);
  /** Rows observed so far (rows [0, rows) have a shape). */
  rows = 0;
  /** Own columns: outermost transport ports (src << 16 | dst), and the ids in the session's
   *  AddressTable of the row's four Ethernet addresses at [4 row, 4 row + 4) (0: none; see mac()). */
  ports = new Uint32Array(1024);
  private rowMacs: IdColumn = new Uint16Array(4 * 1024);
  /** The AddressTable the MAC ids are of (the one observe() is given). */
  private macAddrs: AddressTable | null = null;
  readonly shapes: (Shape | null)[] = [null];
  /** Shapes by hash of their whole signature, and by hash of their structure (ids and parents). */
  private byHash = new Map<number, number[]>();
  private byStructure = new Map<number, number[]>();
  // per-packet scratch
  private colEntry = new Int32Array(Col.COUNT);
  private candScratch = new Int32Array(Col.COUNT - OWN);
  private addrLen = new Int32Array(Col.OUTER_DST + 1);
  private sig = new Int32Array(0);
  /** The column entries of this packet, chained by parent: head[p] (valid when stamp[p] is
   *  this packet's), then next[k]; k indexes colList. */
  private colList = new Int32Array(Col.COUNT);
  private next = new Int32Array(Col.COUNT);
  private head = new Int32Array(0);
  private stamp = new Int32Array(0);
  private stampNow = 0;
  private protoCount = new Map<number, number>();
  /** The last two shapes seen of packets with n entries, at 2 * (n % RECENT) (0: none). */
  private recent = new Int32Array(2 * RECENT);
  private ac: AddressCache | null = null;
  private acOf: AddressTable | null = null;

  /**
   * @param mask the `wanted` mask of the dissections observed (null: full trees). A lean index
   * only answers filters whose fields it keeps (covers()).
   */
  constructor(private mask_: Uint8Array | null = null) {
    // the scratch arrays made through scratchFor(), not at their size above: see
    // fields/typed-arrays.ts (V8 field constness)
    this.scratchFor(256);
  }

  /** The `wanted` mask of the dissections observed, or null (full trees). */
  get mask(): Uint8Array | null {
    return this.mask_;
  }

  /** Every row has been observed again from a full dissection (a filter run that dissected them
   *  all): the index now covers every filter. */
  learntFull(): void {
    this.mask_ = null;
  }

  get count(): number {
    return this.shapes.length;
  }

  /** Bytes held by the per-row columns (the shapes themselves are few and small). */
  get byteSize(): number {
    return this.rowShape.byteLength + this.ports.byteLength + this.rowMacs.byteLength;
  }

  /** Whether every occurrence of each reference is in the observed lists (all kept by the mask). */
  covers(refs: readonly FieldRef[]): boolean {
    const m = this.mask_;
    return m === null || refs.every((r) => m[r.def.id] === 1);
  }

  /** Make room for `rows` rows at once (the index pass's estimate of the capture's packets). */
  reserve(rows: number): void {
    if (rows <= this.rowShape.length) return;
    this.rowShape = grown(this.rowShape, rows);
    this.ports = grown(this.ports, rows);
    this.rowMacs = grown(this.rowMacs, 4 * rows);
  }

  /** The per-row columns' sizes in bytes: the buffers moveTo() can use. */
  columnBytes(): number[] {
    return [this.rowShape.byteLength, this.ports.byteLength, this.rowMacs.byteLength];
  }

  /** The per-row columns, rows and room unchanged, into buffers from `pages` where one of the
   *  size is ready (resident pages: page-source.ts). */
  moveTo(pages: PageSource): void {
    const n = this.rowShape.length;
    this.rowShape = resizedIn(this.rowShape, n, this.rows, pages);
    this.ports = resizedIn(this.ports, n, this.rows, pages);
    this.rowMacs = resizedIn(this.rowMacs, 4 * n, 4 * this.rows, pages);
  }

  /** Record the shape of `row` from its dissection `fl` (after summarize filled the row). */
  observe(fl: FieldList, row: number, table: PacketTable, addrs: AddressTable, status: number): void {
    if (row >= this.rowShape.length) this.reserve(Math.max(row + 1, this.rowShape.length * 2));
    if (row >= this.rows) this.rows = row + 1;
    const sid = status & UNSTABLE || this.shapes.length >= MAX_SHAPES || movedAddresses(fl) ? 0 : this.shapeOf(fl, row, table, addrs);
    if (sid > 0xffff && this.rowShape instanceof Uint16Array) this.rowShape = widened(this.rowShape, Uint32Array, this.rowShape.length);
    this.rowShape[row] = sid;
  }

  /** Drop the spare room of the per-row columns once the index pass is over, when it is more than an eighth. */
  trim(): void {
    const n = Math.max(1, this.rows);
    if (this.rowShape.length - n > n / 8) {
      this.rowShape = this.rowShape.slice(0, n);
      this.ports = this.ports.slice(0, n);
      this.rowMacs = this.rowMacs.slice(0, 4 * n);
    }
  }

  /** Own Ethernet column k (0..3: outermost source, destination, innermost source, destination)
   *  of `row`, as the bytes of an interned address (kept for the index's life). */
  mac(row: number, k: number): Uint8Array {
    const id = this.rowMacs[4 * row + k] as number;
    return id === 0 || this.macAddrs === null ? NO_MAC : this.macAddrs.bytesOf(id);
  }

  private cacheOf(addrs: AddressTable): AddressCache {
    if (this.acOf !== addrs || this.ac === null) {
      this.ac = addressCache(addrs);
      this.acOf = addrs;
    }
    return this.ac;
  }

  private shapeOf(fl: FieldList, row: number, t: PacketTable, addrs: AddressTable): number {
    // most packets have the structure of a recent packet with as many entries: try the last two
    // shapes seen at that count (a VXLAN and a Geneve packet can have as many)
    const n = fl.count;
    const slot = 2 * (n & (RECENT - 1));
    const recent = this.recent;
    const first = recent[slot] as number;
    const second = recent[slot + 1] as number;
    if (first !== 0) {
      const got = this.tryShape(first, fl, row, t, addrs);
      if (got >= 0) return got;
    }
    if (second !== 0) {
      const got = this.tryShape(second, fl, row, t, addrs);
      if (got > 0) {
        recent[slot] = second;
        recent[slot + 1] = first;
      }
      if (got >= 0) return got;
    }
    // else any shape of the same structure (ids and parents), found by hash
    const fid = fl.id;
    const par = fl.parent;
    let hs = 0x811c9dc5 ^ n;
    for (let i = 0; i < n; i++) hs = Math.imul(Math.imul(hs ^ (fid[i] as number), 0x01000193) ^ (par[i] as number), 0x01000193);
    const seen = this.byStructure.get(hs);
    let sid = -1;
    if (seen !== undefined) {
      for (let k = 0; k < seen.length && sid < 0; k++) {
        const s = seen[k] as number;
        if (s !== first && s !== second) sid = this.tryShape(s, fl, row, t, addrs);
      }
    }
    if (sid < 0) sid = this.learn(fl, row, t, addrs, hs, seen);
    if (sid > 0 && sid !== first) {
      recent[slot] = sid;
      recent[slot + 1] = first;
    }
    return sid;
  }

  /** Shape `sid` if it is this packet's; 0 if its columns do not match the row (then no shape of
   *  this structure does: they read the same entries); -1 if it is not this packet's. */
  private tryShape(sid: number, fl: FieldList, row: number, t: PacketTable, addrs: AddressTable): number {
    const sh = this.shapes[sid] as Shape;
    if (!sameStructure(sh, fl) || !sameColumnEntries(sh, fl)) return -1;
    if (!columnsHold(sh.checked, sh.colAt, fl, row, t, this.cacheOf(addrs))) return 0;
    if (!specialsHold(sh, fl)) return -1;
    this.fillOwn(sh.colAt, fl, row, addrs);
    return sid;
  }

  /** Room in learn()'s scratch arrays for a packet of `n` entries. */
  private scratchFor(n: number): void {
    if (this.sig.length < 3 * n) this.sig = new Int32Array(6 * n);
    if (this.stamp.length < n) {
      this.stamp = new Int32Array(2 * n);
      this.head = new Int32Array(2 * n);
    }
  }

  /** The full analysis of a packet whose shape is not known yet. */
  private learn(fl: FieldList, row: number, t: PacketTable, addrs: AddressTable, hs: number, seen: number[] | undefined): number {
    const I = shapeFields();
    const n = fl.count;
    const fid = fl.id;
    const par = fl.parent;
    const ce = this.colEntry.fill(-1);
    // 1. the entries summarize.ts copies into the columns (same rules: top-level layers only)
    let firstSrc = -1, firstDst = -1, lastSrc = -1, lastDst = -1, netLayers = 0, ethSrc = -1, ethDst = -1;
    let firstSport = -1, firstDport = -1, ethSrc1 = -1, ethDst1 = -1;
    const roles = I.role;
    // (not past a payload an ICMP error quoted, lifted to the top: summarize stops there too)
    const cut = fl.detachedAt >= 0 ? fl.detachedAt : n;
    for (let i = 0; i < cut; i++) {
      const p = par[i] as number;
      if (p === -1 || par[p] !== -1) continue;
      const f = fid[i] as number;
      switch (f < roles.length ? (roles[f] as Role) : Role.NONE) {
        case Role.NONE:
          break;
        case Role.NET_SRC:
          if (firstSrc < 0) firstSrc = i;
          lastSrc = i;
          netLayers++;
          break;
        case Role.NET_DST:
          if (firstDst < 0) firstDst = i;
          lastDst = i;
          break;
        case Role.ETH_SRC:
          if (ethSrc1 < 0) ethSrc1 = i;
          ethSrc = i;
          break;
        case Role.ETH_DST:
          if (ethDst1 < 0) ethDst1 = i;
          ethDst = i;
          break;
        case Role.SPORT:
          if (firstSport < 0) firstSport = i;
          ce[Col.SRC_PORT] = i;
          break;
        case Role.DPORT:
          if (firstDport < 0) firstDport = i;
          ce[Col.DST_PORT] = i;
          break;
        case Role.VNI:
          if (ce[Col.VNI] === -1) ce[Col.VNI] = i;
          break;
        case Role.FLAGS:
          ce[Col.TCP_FLAGS] = i;
          break;
        case Role.PROTO:
          ce[Col.IP_PROTO] = i;
          break;
        case Role.FRAME_NUMBER:
          if (ce[Col.FRAME_NUMBER] === -1) ce[Col.FRAME_NUMBER] = i;
          break;
        case Role.FRAME_LEN:
          if (ce[Col.FRAME_LEN] === -1) ce[Col.FRAME_LEN] = i;
          break;
        case Role.CAP_LEN:
          if (ce[Col.CAP_LEN] === -1) ce[Col.CAP_LEN] = i;
          break;
        case Role.TIME:
          if (ce[Col.TIME] === -1) ce[Col.TIME] = i;
          break;
      }
    }
    if (lastSrc >= 0 && lastDst >= 0) {
      ce[Col.SRC] = lastSrc;
      ce[Col.DST] = lastDst;
    } else if (ethSrc >= 0 && ethDst >= 0) {
      ce[Col.SRC] = ethSrc;
      ce[Col.DST] = ethDst;
    }
    if (netLayers >= 2 && firstDst >= 0) {
      ce[Col.OUTER_SRC] = firstSrc;
      ce[Col.OUTER_DST] = firstDst;
    }
    // the own columns: what the table's columns do not already hold (candidates by structure, then
    // those whose value fits)
    const usedS = ce[Col.SRC] as number;
    const usedD = ce[Col.DST] as number;
    const cand = this.candScratch;
    cand[Col.FIRST_SRC_PORT - OWN] = firstSport >= 0 && firstSport !== ce[Col.SRC_PORT] ? firstSport : -1;
    cand[Col.FIRST_DST_PORT - OWN] = firstDport >= 0 && firstDport !== ce[Col.DST_PORT] ? firstDport : -1;
    cand[Col.ETH_SRC_1 - OWN] = ethSrc1 >= 0 && ethSrc1 !== usedS ? ethSrc1 : -1;
    cand[Col.ETH_DST_1 - OWN] = ethDst1 >= 0 && ethDst1 !== usedD ? ethDst1 : -1;
    cand[Col.ETH_SRC_2 - OWN] = ethSrc >= 0 && ethSrc !== ethSrc1 && ethSrc !== usedS ? ethSrc : -1;
    cand[Col.ETH_DST_2 - OWN] = ethDst >= 0 && ethDst !== ethDst1 && ethDst !== usedD ? ethDst : -1;
    for (let c = OWN; c < Col.COUNT; c++) {
      const e = cand[c - OWN] as number;
      if (e >= 0 && ownFits(c, fl, e)) ce[c] = e;
    }
    // 2. check each against the row (a column summarize filled differently is not used)
    let m = 0;
    const list = this.colList;
    for (let c = 0; c < OWN; c++) if ((ce[c] as number) >= 0) list[m++] = c;
    if (!columnsHold(list.subarray(0, m), ce, fl, row, t, this.cacheOf(addrs))) return 0;
    this.fillOwn(ce, fl, row, addrs);
    // 3. the signature: (id, parent, class) per entry; classes of aliases and masked parts
    this.scratchFor(n);
    const sig = this.sig;
    for (let i = 0; i < n; i++) {
      sig[3 * i] = fid[i] as number;
      sig[3 * i + 1] = par[i] as number;
      sig[3 * i + 2] = PLAIN;
    }
    const stamp = this.stamp;
    const head = this.head;
    const next = this.next;
    const now = ++this.stampNow;
    m = 0;
    for (let c = 0; c < Col.COUNT; c++) {
      const e = ce[c] as number;
      if (e < 0) continue;
      sig[3 * e + 2] = c;
      const p = par[e] as number;
      list[m] = e;
      next[m] = stamp[p] === now ? (head[p] as number) : -1;
      head[p] = m;
      stamp[p] = now;
      m++;
    }
    for (let i = 0; i < n; i++) {
      if ((sig[3 * i + 2] as number) !== PLAIN) continue;
      const p = par[i] as number;
      if (p < 0) continue;
      const pc = sig[3 * p + 2] as number;
      if (pc >= 0 && pc < Col.COUNT) {
        // under a column entry: the same value again (eth.addr under eth.src), or a part of it
        // (flag bits under tcp.flags)
        if (sameValue(I, fl, i, p)) sig[3 * i + 2] = ALIAS_BASE + 2 * p;
        else if (maskedPart(I, fl, i, p)) sig[3 * i + 2] = ALIAS_BASE + 2 * p + 1;
        continue;
      }
      if (stamp[p] !== now) continue;
      // a sibling of a column entry covering the same bytes with the same value (ip.addr, udp.port)
      for (let k = head[p] as number; k >= 0; k = next[k] as number) {
        const e = list[k] as number;
        if (sameValue(I, fl, i, e)) {
          sig[3 * i + 2] = ALIAS_BASE + 2 * e;
          break;
        }
      }
    }
    const addrLen = this.addrLen;
    for (let c = Col.SRC; c <= Col.OUTER_DST; c++) {
      const e = ce[c] as number;
      addrLen[c] = e >= 0 ? (fl.len[e] as number) : -1;
    }
    const sid = this.intern(sig, n, cand, addrLen);
    if (!seen) this.byStructure.set(hs, [sid]);
    else if (!seen.includes(sid)) seen.push(sid);
    return sid;
  }

  /** Fill the own columns of `row` from the entries `ce` names. */
  private fillOwn(ce: Int32Array, fl: FieldList, row: number, addrs: AddressTable): void {
    this.macAddrs = addrs;
    const sp = ce[Col.FIRST_SRC_PORT] as number;
    const dp = ce[Col.FIRST_DST_PORT] as number;
    this.ports[row] = (((sp >= 0 ? (fl.num[sp] as number) : 0) << 16) | (dp >= 0 ? (fl.num[dp] as number) : 0)) >>> 0;
    for (let k = 0; k < 4; k++) {
      const e = ce[Col.ETH_SRC_1 + k] as number;
      const id = e < 0 ? 0 : addrs.intern(fl.bytesOf(e), fl.off[e] as number, AddrKind.MAC);
      if (id > 0xffff && this.rowMacs instanceof Uint16Array) this.rowMacs = widened(this.rowMacs, Uint32Array, this.rowMacs.length);
      this.rowMacs[4 * row + k] = id;
    }
  }

  private intern(sig: Int32Array, n: number, cand: Int32Array, addrLen: Int32Array): number {
    const len = 3 * n;
    let h = 0x811c9dc5 ^ n;
    for (let i = 0; i < len; i++) h = Math.imul(h ^ (sig[i] as number), 0x01000193);
    const list = this.byHash.get(h);
    if (list) {
      for (const s of list) {
        const known = (this.shapes[s] as Shape).sig;
        if (known.length !== len) continue;
        let i = 0;
        while (i < len && known[i] === sig[i]) i++;
        if (i === len) return s;
      }
    }
    const I = shapeFields();
    const colAt = new Int32Array(Col.COUNT).fill(-1);
    const shape: Shape = {
      sig: sig.slice(0, len), ids: new Int32Array(n), parents: new Int32Array(n), key: null, cls: new Int32Array(n), layer: new Int32Array(n), colAt, special: new Int32Array(0),
      cand: cand.slice(), addrLen: addrLen.slice(), checked: new Int32Array(0), spEntry: new Int32Array(0), spOf: new Int32Array(0), spEnd: new Int32Array(4), spMask: new Int32Array(0), spShift: new Uint8Array(0),
    };
    const special: number[] = [];
    this.protoCount.clear();
    for (let i = 0; i < n; i++) {
      const f = sig[3 * i] as number;
      const p = sig[3 * i + 1] as number;
      shape.ids[i] = f;
      shape.parents[i] = p;
      const cls = sig[3 * i + 2] as number;
      shape.cls[i] = cls;
      if (cls >= ALIAS_BASE) special.push(i);
      else if (cls >= 0) colAt[cls] = i;
      if (I.type[f] === FT.PROTOCOL) {
        const k = (this.protoCount.get(f) ?? 0) + 1;
        this.protoCount.set(f, k);
        shape.layer[i] = k;
      } else shape.layer[i] = p >= 0 ? (shape.layer[p] as number) : 0;
    }
    shape.special = Int32Array.from(special);
    if (n < 65535 && shape.ids.every((f) => f < 65536)) {
      const key = new Float64Array(n);
      for (let i = 0; i < n; i++) key[i] = (shape.ids[i] as number) * 65536 + (shape.parents[i] as number) + 1;
      shape.key = key;
    }
    const checked: number[] = [];
    for (let c = Col.SRC_PORT; c < OWN; c++) if ((colAt[c] as number) >= 0) checked.push(c);
    shape.checked = Int32Array.from(checked);
    // each special's check, from the types and masks of the two fields (what sameValue and
    // maskedPart test, less what the structure already fixes), grouped by check
    const kinds = special.map((i) => {
      const cls = (shape.cls[i] as number) - ALIAS_BASE;
      const t = I.type[shape.ids[i] as number];
      if (cls & 1) return t === FT.BOOLEAN ? Check.MASKED_BOOL : Check.MASKED_INT;
      return t === FT.IPV4 || t === FT.IPV6 || t === FT.ETHER ? Check.SAME_BYTES : Check.SAME_NUMBER;
    });
    const order = special.map((_, k) => k).sort((a, b) => (kinds[a] as number) - (kinds[b] as number) || a - b);
    const k = special.length;
    shape.spEntry = new Int32Array(k);
    shape.spOf = new Int32Array(k);
    shape.spMask = new Int32Array(k);
    shape.spShift = new Uint8Array(k);
    order.forEach((from, to) => {
      const i = special[from] as number;
      const f = shape.ids[i] as number;
      shape.spEntry[to] = i;
      shape.spOf[to] = ((shape.cls[i] as number) - ALIAS_BASE) >> 1;
      shape.spMask[to] = I.mask[f] as number;
      shape.spShift[to] = I.shift[f] as number;
      shape.spEnd[kinds[from] as number] = to + 1;
    });
    for (let c = 1; c < 4; c++) shape.spEnd[c] = Math.max(shape.spEnd[c] as number, shape.spEnd[c - 1] as number);
    const sid = this.shapes.length;
    this.shapes.push(shape);
    if (list) list.push(sid);
    else this.byHash.set(h, [sid]);
    return sid;
  }
}

/** Whether `fl` has the entries of `sh` (ids and parents). */
function sameStructure(sh: Shape, fl: FieldList): boolean {
  const n = fl.count;
  const ids = sh.ids;
  if (ids.length !== n) return false;
  const fid = fl.id;
  const par = fl.parent;
  const key = sh.key;
  if (key !== null) {
    for (let i = 0; i < n; i++) if (key[i] !== (fid[i] as number) * 65536 + (par[i] as number) + 1) return false;
    return true;
  }
  const parents = sh.parents;
  for (let i = 0; i < n; i++) if (ids[i] !== fid[i] || parents[i] !== par[i]) return false;
  return true;
}

/** Whether the column entries of `sh` are this packet's (in a packet of its structure): the
 *  address entries as long as they were, each own column's candidate fitting as it did. */
function sameColumnEntries(sh: Shape, fl: FieldList): boolean {
  const colAt = sh.colAt;
  const len = fl.len;
  for (let c = Col.SRC; c <= Col.OUTER_DST; c++) {
    const e = colAt[c] as number;
    if (e >= 0 && len[e] !== sh.addrLen[c]) return false;
  }
  const cand = sh.cand;
  for (let c = OWN; c < Col.COUNT; c++) {
    const e = cand[c - OWN] as number;
    if ((e >= 0 && ownFits(c, fl, e) ? e : -1) !== colAt[c]) return false;
  }
  return true;
}

/** Whether entry e's value fits own column c: a 16-bit port, a 6-byte MAC address. */
function ownFits(c: number, fl: FieldList, e: number): boolean {
  return c === Col.FIRST_SRC_PORT || c === Col.FIRST_DST_PORT ? (fl.num[e] as number) <= 0xffff : fl.len[e] === 6;
}

/** Whether the row holds the values of the column entries (`cols` lists the columns to check). */
function columnsHold(cols: Int32Array, ce: Int32Array, fl: FieldList, row: number, t: PacketTable, ac: AddressCache): boolean {
  for (let k = 0; k < cols.length; k++) {
    const c = cols[k] as number;
    const e = ce[c] as number;
    const v = fl.num[e] as number;
    let ok: boolean;
    switch (c) {
      case Col.SRC:
        ok = ac.sameBytes(t.src[row] as number, fl.bytesOf(e), fl.off[e] as number, fl.len[e] as number);
        break;
      case Col.DST:
        ok = ac.sameBytes(t.dst[row] as number, fl.bytesOf(e), fl.off[e] as number, fl.len[e] as number);
        break;
      case Col.OUTER_SRC:
        ok = ac.sameBytes(t.outerSrc[row] as number, fl.bytesOf(e), fl.off[e] as number, fl.len[e] as number);
        break;
      case Col.OUTER_DST:
        ok = ac.sameBytes(t.outerDst[row] as number, fl.bytesOf(e), fl.off[e] as number, fl.len[e] as number);
        break;
      case Col.SRC_PORT:
        ok = v === t.srcPort[row];
        break;
      case Col.DST_PORT:
        ok = v === t.dstPort[row];
        break;
      case Col.VNI:
        ok = v === t.vni[row];
        break;
      case Col.TCP_FLAGS:
        ok = v === t.tcpFlags[row];
        break;
      case Col.IP_PROTO:
        ok = v === t.ipProto[row];
        break;
      case Col.FRAME_NUMBER:
        ok = v === row + 1;
        break;
      case Col.FRAME_LEN:
        ok = v === t.origLen[row];
        break;
      case Col.CAP_LEN:
        ok = v === t.capLen[row];
        break;
      default:
        ok = v === t.secAt(row) && fl.aux[e] === t.nsec[row];
    }
    if (!ok) return false;
  }
  return true;
}

/** Whether each alias and masked part of `sh` holds on this packet (sameValue / maskedPart, less
 *  what the structure fixes: the field types and masks). One loop per check. */
function specialsHold(sh: Shape, fl: FieldList): boolean {
  const ent = sh.spEntry;
  const of = sh.spOf;
  const end = sh.spEnd;
  const num = fl.num;
  const off = fl.off;
  const len = fl.len;
  const src = fl.src;
  let s = 0;
  for (const stop = end[Check.SAME_BYTES] as number; s < stop; s++) {
    const i = ent[s] as number;
    const j = of[s] as number;
    if (off[i] !== off[j] || len[i] !== len[j] || src[i] !== src[j]) return false;
  }
  for (const stop = end[Check.SAME_NUMBER] as number; s < stop; s++) {
    const i = ent[s] as number;
    const j = of[s] as number;
    if (off[i] !== off[j] || len[i] !== len[j] || src[i] !== src[j] || num[i] !== num[j]) return false;
  }
  const mask = sh.spMask;
  for (const stop = end[Check.MASKED_BOOL] as number; s < stop; s++) {
    if (((num[ent[s] as number] as number) !== 0) !== (((num[of[s] as number] as number) & (mask[s] as number)) !== 0)) return false;
  }
  const shift = sh.spShift;
  for (const stop = end[Check.MASKED_INT] as number; s < stop; s++) {
    if (num[ent[s] as number] !== ((num[of[s] as number] as number) & (mask[s] as number)) >>> (shift[s] as number)) return false;
  }
  return true;
}

/** Whether entry i (a child of p) is a masked part of p's integer on this packet: value = (p & mask) >> shift, or != 0 for booleans. */
function maskedPart(I: ShapeFields, fl: FieldList, i: number, p: number): boolean {
  const fi = fl.id[i] as number;
  const mask = I.mask[fi] as number;
  const pt = I.type[fl.id[p] as number];
  // no need for the same bytes: the value is checked on this very packet
  if (mask === 0 || (pt !== FT.UINT && pt !== FT.INT)) return false;
  const v = ((fl.num[p] as number) & mask) >>> 0;
  const have = fl.num[i] as number;
  return I.type[fi] === FT.BOOLEAN ? (have !== 0) === (v !== 0) : have === v >>> (I.shift[fi] as number);
}

/** The value of a masked field computed from its parent's value (as maskedPart checked it). */
export function derive(def: { type: FT; mask: number }, parent: number): number {
  const v = (parent & def.mask) >>> 0;
  if (def.type === FT.BOOLEAN) return v !== 0 ? 1 : 0;
  return v >>> maskShift(def.mask);
}

/** Whether entries i and e hold the same value for the filter (same bytes; same number). */
function sameValue(I: ShapeFields, fl: FieldList, i: number, e: number): boolean {
  if (fl.off[i] !== fl.off[e] || fl.len[i] !== fl.len[e] || fl.src[i] !== fl.src[e]) return false;
  const a = fl.id[i] as number;
  const b = fl.id[e] as number;
  const t = I.type[a] as FT;
  if (t !== I.type[b]) return false;
  if (t === FT.IPV4 || t === FT.IPV6 || t === FT.ETHER) return true;
  return (t === FT.UINT || t === FT.INT) && I.mask[a] === 0 && I.mask[b] === 0 && fl.num[i] === fl.num[e];
}
