// Packet shapes: what makes the column fast path exact.
//
// The index columns hold one value per row (innermost addresses and ports, outermost VNI …), so a
// column alone cannot say whether a packet has a second `ip.src`, or a `vxlan.vni` nested in an
// ICMP error. The shape of a packet says it: the sequence of its field entries (field id, parent,
// and where each entry's value can be read from the row's columns). Packets with the same shape
// have the same fields in the same places, so for a given filter and shape, every field reference
// resolves to a fixed list of occurrences: counted without dissecting, and valued from columns
// when each occurrence is
//   - a column's own entry (the one summarize.ts copied: verified against the row, per packet),
//   - an alias of one (same bytes, same value: `ip.addr` beside `ip.src`, `udp.port` beside
//     `udp.srcport`, `eth.addr` under `eth.src`),
//   - or a masked part of one (`tcp.flags.syn` under `tcp.flags`: value = (flags & mask) != 0, verified).
// Anything else is "plain": a filter that needs its value dissects the packet. A row whose columns
// do not match its entries, or that was reassembled (the first pass may differ), has shape 0:
// always dissected.
// The packet table keeps the innermost ports and MAC addresses only; the shape index adds its own
// small columns (6 bytes a row) for what tunnels hide from it: the outermost transport ports (the
// VXLAN / Geneve UDP header) and the outermost and innermost Ethernet addresses.
//
// The index pass calls observe(fl, row, table, addrs, status) after summarize(); without that,
// the first filter run learns the shapes while it dissects (fast-path.ts).

import { FT, allFields, fieldByName, type FieldDef } from '../fields/registry.ts';
import type { FieldList } from '../fields/field-list.ts';
import { Status } from '../dissectors/context.ts';
import type { AddressTable } from '../table/addresses.ts';
import type { PacketTable } from '../table/packet-table.ts';
import { addressCache } from './address-cache.ts';
import { MacTable } from './mac-table.ts';

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

export interface Shape {
  /** (id, parent, class) of each entry, as observe() builds it: what packets are compared on. */
  sig: Int32Array;
  /** Field id, parent entry and class of each entry. */
  ids: Int32Array;
  parents: Int32Array;
  cls: Int32Array;
  /** Protocol layer of each entry (occurrence number of its enclosing protocol). */
  layer: Int32Array;
  /** The entry each column reads (-1: none), and the entries that are aliases or masked parts. */
  colAt: Int32Array;
  special: Int32Array;
}

/** What an entry of a field is to the columns (summarize.ts's choice of fields). */
const enum Role {
  NONE,
  NET_SRC,
  NET_DST,
  ETH_SRC,
  ETH_DST,
  SPORT,
  DPORT,
  VNI,
  FLAGS,
  PROTO,
  FRAME_NUMBER,
  FRAME_LEN,
  CAP_LEN,
  TIME,
}

/** Per field id: its role, registry type and mask (arrays: observe() runs once per packet). */
class Ids {
  readonly role: Uint8Array;
  readonly type: Uint8Array;
  readonly mask: Uint32Array;
  /** Trailing zero bits of the mask (the shift of a masked integer field). */
  readonly shift: Uint8Array;
  constructor() {
    const all = allFields();
    this.role = new Uint8Array(all.length);
    this.type = new Uint8Array(all.length);
    this.mask = new Uint32Array(all.length);
    this.shift = new Uint8Array(all.length);
    for (const f of all) {
      this.type[f.id] = f.type;
      this.mask[f.id] = f.mask;
      this.shift[f.id] = maskShift(f.mask);
    }
    const roles: [string, Role][] = [
      ['ip.src', Role.NET_SRC], ['ipv6.src', Role.NET_SRC], ['ip.dst', Role.NET_DST], ['ipv6.dst', Role.NET_DST],
      ['eth.src', Role.ETH_SRC], ['eth.dst', Role.ETH_DST],
      ['tcp.srcport', Role.SPORT], ['udp.srcport', Role.SPORT], ['tcp.dstport', Role.DPORT], ['udp.dstport', Role.DPORT],
      ['vxlan.vni', Role.VNI], ['geneve.vni', Role.VNI], ['tcp.flags', Role.FLAGS], ['ip.proto', Role.PROTO], ['ipv6.nxt', Role.PROTO],
      ['frame.number', Role.FRAME_NUMBER], ['frame.len', Role.FRAME_LEN], ['frame.cap_len', Role.CAP_LEN], ['frame.time_epoch', Role.TIME],
    ];
    for (const [name, role] of roles) {
      const def = fieldByName(name);
      if (def) this.role[def.id] = role;
    }
  }
}

let ids: Ids | undefined;

const UNSTABLE = Status.FRAGMENT | Status.REASSEMBLED;
const MAX_SHAPES = 1 << 20;

export class ShapeIndex {
  /** Shape id of each row (0 = unknown: always dissect). */
  rowShape = new Uint32Array(1024);
  /** Rows observed so far (rows [0, rows) have a shape). */
  rows = 0;
  /** Own columns: outermost transport ports (src << 16 | dst), Ethernet address ids (4 a row). */
  ports = new Uint32Array(1024);
  macs = new Uint32Array(4 * 1024);
  /** The MAC addresses `macs` holds ids of. */
  readonly macTable = new MacTable();
  readonly shapes: (Shape | null)[] = [null];
  /** Shapes by hash of their whole signature, and by hash of their structure (ids and parents). */
  private byHash = new Map<number, number[]>();
  private byStructure = new Map<number, number[]>();
  // per-packet scratch
  private colEntry = new Int32Array(Col.COUNT);
  private sig = new Int32Array(3 * 256);
  /** The column entries of this packet, chained by parent: head[p] (valid when stamp[p] is
   *  this packet's), then next[k]; k indexes colList. */
  private colList = new Int32Array(Col.COUNT);
  private next = new Int32Array(Col.COUNT);
  private head = new Int32Array(256);
  private stamp = new Int32Array(256);
  private stampNow = 0;
  private protoCount = new Map<number, number>();

  get count(): number {
    return this.shapes.length;
  }

  /** Record the shape of `row` from its dissection `fl` (after summarize filled the row). */
  observe(fl: FieldList, row: number, table: PacketTable, addrs: AddressTable, status: number): void {
    if (row >= this.rowShape.length) {
      const n = Math.max(row + 1, this.rowShape.length * 2);
      const g = (a: Uint32Array, k: number): Uint32Array<ArrayBuffer> => {
        const b = new Uint32Array(n * k);
        b.set(a);
        return b;
      };
      this.rowShape = g(this.rowShape, 1);
      this.ports = g(this.ports, 1);
      this.macs = g(this.macs, 4);
    }
    if (row >= this.rows) this.rows = row + 1;
    this.rowShape[row] = status & UNSTABLE || this.shapes.length >= MAX_SHAPES ? 0 : this.shapeOf(fl, row, table, addrs);
  }

  /** Reorder rows as PacketTable.permute does (row r takes old row order[r]). */
  permute(order: Uint32Array): void {
    const n = Math.max(order.length, 1);
    const shape = new Uint32Array(n);
    const ports = new Uint32Array(n);
    const macs = new Uint32Array(4 * n);
    for (let r = 0; r < order.length; r++) {
      const o = order[r] as number;
      shape[r] = this.rowShape[o] as number;
      ports[r] = this.ports[o] as number;
      macs.set(this.macs.subarray(4 * o, 4 * o + 4), 4 * r);
    }
    this.rowShape = shape;
    this.ports = ports;
    this.macs = macs;
  }

  private shapeOf(fl: FieldList, row: number, t: PacketTable, addrs: AddressTable): number {
    // fields registered after the table was built (a late import) make it stale
    if (ids === undefined || ids.type.length !== allFields().length) ids = new Ids();
    const I = ids;
    const n = fl.count;
    const fid = fl.id;
    const par = fl.parent;
    const ce = this.colEntry.fill(-1);
    // 1. the entries summarize.ts copies into the columns (same rules: top-level layers only)
    let firstSrc = -1, firstDst = -1, lastSrc = -1, lastDst = -1, netLayers = 0, ethSrc = -1, ethDst = -1;
    let firstSport = -1, firstDport = -1, ethSrc1 = -1, ethDst1 = -1;
    const roles = I.role;
    for (let i = 0; i < n; i++) {
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
    // the own columns: what the table's columns do not already hold
    if (firstSport >= 0 && firstSport !== ce[Col.SRC_PORT] && (fl.num[firstSport] as number) <= 0xffff) ce[Col.FIRST_SRC_PORT] = firstSport;
    if (firstDport >= 0 && firstDport !== ce[Col.DST_PORT] && (fl.num[firstDport] as number) <= 0xffff) ce[Col.FIRST_DST_PORT] = firstDport;
    const usedS = ce[Col.SRC] as number;
    const usedD = ce[Col.DST] as number;
    if (ethSrc1 >= 0 && ethSrc1 !== usedS && fl.len[ethSrc1] === 6) ce[Col.ETH_SRC_1] = ethSrc1;
    if (ethDst1 >= 0 && ethDst1 !== usedD && fl.len[ethDst1] === 6) ce[Col.ETH_DST_1] = ethDst1;
    if (ethSrc >= 0 && ethSrc !== ethSrc1 && ethSrc !== usedS && fl.len[ethSrc] === 6) ce[Col.ETH_SRC_2] = ethSrc;
    if (ethDst >= 0 && ethDst !== ethDst1 && ethDst !== usedD && fl.len[ethDst] === 6) ce[Col.ETH_DST_2] = ethDst;
    // 2. check each against the row (a column summarize filled differently is not used)
    const ac = addressCache(addrs);
    for (let c = 0; c < OWN; c++) {
      const e = ce[c] as number;
      if (e < 0) continue;
      let ok: boolean;
      const v = fl.num[e] as number;
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
          ok = v === t.sec[row] && fl.aux[e] === t.nsec[row];
      }
      if (!ok) return 0;
    }
    const sp = ce[Col.FIRST_SRC_PORT] as number;
    const dp = ce[Col.FIRST_DST_PORT] as number;
    this.ports[row] = (((sp >= 0 ? (fl.num[sp] as number) : 0) << 16) | (dp >= 0 ? (fl.num[dp] as number) : 0)) >>> 0;
    for (let k = 0; k < 4; k++) {
      const e = ce[Col.ETH_SRC_1 + k] as number;
      this.macs[4 * row + k] = e >= 0 ? this.macTable.intern(fl.bytesOf(e), fl.off[e] as number) : 0;
    }
    // 3. most packets have the structure of a packet seen before: reuse its shape when the shape's
    // columns are this packet's and each of its aliases and masked parts holds on this packet
    // (an entry the shape leaves plain is always safe: it is only read by dissecting)
    let hs = 0x811c9dc5 ^ n;
    for (let i = 0; i < n; i++) hs = Math.imul(Math.imul(hs ^ (fid[i] as number), 0x01000193) ^ (par[i] as number), 0x01000193);
    const seen = this.byStructure.get(hs);
    if (seen) {
      for (const sid of seen) if (this.fits(this.shapes[sid] as Shape, I, fl, ce)) return sid;
    }
    // 4. the signature: (id, parent, class) per entry; classes of aliases and masked parts
    if (this.sig.length < 3 * n) this.sig = new Int32Array(6 * n);
    const sig = this.sig;
    for (let i = 0; i < n; i++) {
      sig[3 * i] = fid[i] as number;
      sig[3 * i + 1] = par[i] as number;
      sig[3 * i + 2] = PLAIN;
    }
    if (this.stamp.length < n) {
      this.stamp = new Int32Array(2 * n);
      this.head = new Int32Array(2 * n);
    }
    const stamp = this.stamp;
    const head = this.head;
    const next = this.next;
    const now = ++this.stampNow;
    const list = this.colList;
    let m = 0;
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
    const sid = this.intern(sig, n);
    if (!seen) this.byStructure.set(hs, [sid]);
    else if (!seen.includes(sid)) seen.push(sid);
    return sid;
  }

  /** Whether `sh` describes packet `fl` whose column entries are `ce`. */
  private fits(sh: Shape, I: Ids, fl: FieldList, ce: Int32Array): boolean {
    const n = fl.count;
    if (sh.ids.length !== n) return false;
    for (let c = 0; c < Col.COUNT; c++) if (sh.colAt[c] !== ce[c]) return false;
    const ids = sh.ids;
    const parents = sh.parents;
    const fid = fl.id;
    const par = fl.parent;
    for (let i = 0; i < n; i++) if (ids[i] !== fid[i] || parents[i] !== par[i]) return false;
    const special = sh.special;
    for (let k = 0; k < special.length; k++) {
      const i = special[k] as number;
      const cls = (sh.cls[i] as number) - ALIAS_BASE;
      const j = cls >> 1;
      if (cls & 1 ? !maskedPart(I, fl, i, j) : !sameValue(I, fl, i, j)) return false;
    }
    return true;
  }

  private intern(sig: Int32Array, n: number): number {
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
    const shape: Shape = { sig: sig.slice(0, len), ids: new Int32Array(n), parents: new Int32Array(n), cls: new Int32Array(n), layer: new Int32Array(n), colAt: new Int32Array(Col.COUNT).fill(-1), special: new Int32Array(0) };
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
      else if (cls >= 0) shape.colAt[cls] = i;
      if ((ids as Ids).type[f] === FT.PROTOCOL) {
        const k = (this.protoCount.get(f) ?? 0) + 1;
        this.protoCount.set(f, k);
        shape.layer[i] = k;
      } else shape.layer[i] = p >= 0 ? (shape.layer[p] as number) : 0;
    }
    shape.special = Int32Array.from(special);
    const sid = this.shapes.length;
    this.shapes.push(shape);
    if (list) list.push(sid);
    else this.byHash.set(h, [sid]);
    return sid;
  }
}

/** Whether entry i (a child of p) is a masked part of p's integer on this packet: value = (p & mask) >> shift, or != 0 for booleans. */
function maskedPart(I: Ids, fl: FieldList, i: number, p: number): boolean {
  const fi = fl.id[i] as number;
  const mask = I.mask[fi] as number;
  const pt = I.type[fl.id[p] as number];
  // no need for the same bytes: the value is checked on this very packet
  if (mask === 0 || (pt !== FT.UINT && pt !== FT.INT)) return false;
  const v = ((fl.num[p] as number) & mask) >>> 0;
  const have = fl.num[i] as number;
  return I.type[fi] === FT.BOOLEAN ? (have !== 0) === (v !== 0) : have === v >>> (I.shift[fi] as number);
}

function maskShift(mask: number): number {
  let shift = 0;
  while (shift < 32 && !((mask >>> shift) & 1)) shift++;
  return shift;
}

/** The value of a masked field computed from its parent's value (as maskedPart checked it). */
export function derive(def: FieldDef, parent: number): number {
  const v = (parent & def.mask) >>> 0;
  if (def.type === FT.BOOLEAN) return v !== 0 ? 1 : 0;
  return v >>> maskShift(def.mask);
}

/** Whether entries i and e hold the same value for the filter (same bytes; same number). */
function sameValue(I: Ids, fl: FieldList, i: number, e: number): boolean {
  if (fl.off[i] !== fl.off[e] || fl.len[i] !== fl.len[e] || fl.src[i] !== fl.src[e]) return false;
  const a = fl.id[i] as number;
  const b = fl.id[e] as number;
  const t = I.type[a] as FT;
  if (t !== I.type[b]) return false;
  if (t === FT.IPV4 || t === FT.IPV6 || t === FT.ETHER) return true;
  return (t === FT.UINT || t === FT.INT) && I.mask[a] === 0 && I.mask[b] === 0 && fl.num[i] === fl.num[e];
}
