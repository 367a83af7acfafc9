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

import { FT, fieldByName, fieldById, type FieldDef } from '../fields/registry.ts';
import type { FieldList } from '../fields/field-list.ts';
import { Status } from '../dissectors/context.ts';
import { AddrKind, type AddressTable } from '../table/addresses.ts';
import type { PacketTable } from '../table/packet-table.ts';
import { addressCache } from './address-cache.ts';

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
  /** Field id, parent entry and class of each entry. */
  ids: Int32Array;
  parents: Int32Array;
  cls: Int32Array;
  /** Protocol layer of each entry (occurrence number of its enclosing protocol). */
  layer: Int32Array;
}

/** Field ids the columns are made from (as summarize.ts reads them); -1 when not registered. */
class Ids {
  readonly ipSrc = id('ip.src');
  readonly ipDst = id('ip.dst');
  readonly ip6Src = id('ipv6.src');
  readonly ip6Dst = id('ipv6.dst');
  readonly ethSrc = id('eth.src');
  readonly ethDst = id('eth.dst');
  readonly tcpSport = id('tcp.srcport');
  readonly tcpDport = id('tcp.dstport');
  readonly udpSport = id('udp.srcport');
  readonly udpDport = id('udp.dstport');
  readonly vxlanVni = id('vxlan.vni');
  readonly geneveVni = id('geneve.vni');
  readonly tcpFlags = id('tcp.flags');
  readonly ipProto = id('ip.proto');
  readonly ip6Nxt = id('ipv6.nxt');
  readonly frameNumber = id('frame.number');
  readonly frameLen = id('frame.len');
  readonly capLen = id('frame.cap_len');
  readonly time = id('frame.time_epoch');
}

function id(name: string): number {
  return fieldByName(name)?.id ?? -1;
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
  readonly shapes: (Shape | null)[] = [null];
  private byHash = new Map<number, number[]>();
  // per-packet scratch
  private colEntry = new Int32Array(Col.COUNT);
  private sig = new Int32Array(3 * 256);
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
    const I = (ids ??= new Ids());
    const n = fl.count;
    const fid = fl.id;
    const par = fl.parent;
    const ce = this.colEntry.fill(-1);
    // 1. the entries summarize.ts copies into the columns (same rules: top-level layers only)
    let firstSrc = -1, firstDst = -1, lastSrc = -1, lastDst = -1, netLayers = 0, ethSrc = -1, ethDst = -1;
    let firstSport = -1, firstDport = -1, ethSrc1 = -1, ethDst1 = -1;
    for (let i = 0; i < n; i++) {
      const p = par[i] as number;
      if (p === -1 || par[p] !== -1) continue;
      const f = fid[i] as number;
      if (f === I.ipSrc || f === I.ip6Src) {
        if (firstSrc < 0) firstSrc = i;
        lastSrc = i;
        netLayers++;
      } else if (f === I.ipDst || f === I.ip6Dst) {
        if (firstDst < 0) firstDst = i;
        lastDst = i;
      } else if (f === I.ethSrc) {
        if (ethSrc1 < 0) ethSrc1 = i;
        ethSrc = i;
      } else if (f === I.ethDst) {
        if (ethDst1 < 0) ethDst1 = i;
        ethDst = i;
      } else if (f === I.tcpSport || f === I.udpSport) {
        if (firstSport < 0) firstSport = i;
        ce[Col.SRC_PORT] = i;
      } else if (f === I.tcpDport || f === I.udpDport) {
        if (firstDport < 0) firstDport = i;
        ce[Col.DST_PORT] = i;
      }
      else if ((f === I.vxlanVni || f === I.geneveVni) && ce[Col.VNI] === -1) ce[Col.VNI] = i;
      else if (f === I.tcpFlags) ce[Col.TCP_FLAGS] = i;
      else if (f === I.ipProto || f === I.ip6Nxt) ce[Col.IP_PROTO] = i;
      else if (f === I.frameNumber && ce[Col.FRAME_NUMBER] === -1) ce[Col.FRAME_NUMBER] = i;
      else if (f === I.frameLen && ce[Col.FRAME_LEN] === -1) ce[Col.FRAME_LEN] = i;
      else if (f === I.capLen && ce[Col.CAP_LEN] === -1) ce[Col.CAP_LEN] = i;
      else if (f === I.time && ce[Col.TIME] === -1) ce[Col.TIME] = i;
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
    const mac = (e: number): boolean => e >= 0 && e !== ce[Col.SRC] && e !== ce[Col.DST] && fl.len[e] === 6;
    if (mac(ethSrc1)) ce[Col.ETH_SRC_1] = ethSrc1;
    if (mac(ethDst1)) ce[Col.ETH_DST_1] = ethDst1;
    if (ethSrc !== ethSrc1 && mac(ethSrc)) ce[Col.ETH_SRC_2] = ethSrc;
    if (ethDst !== ethDst1 && mac(ethDst)) ce[Col.ETH_DST_2] = ethDst;
    // 2. check each against the row (a column summarize filled differently is not used)
    const ac = addressCache(addrs);
    const addrCol = [t.src, t.dst, t.outerSrc, t.outerDst];
    for (let c = 0; c < OWN; c++) {
      const e = ce[c] as number;
      if (e < 0) continue;
      let ok: boolean;
      const v = fl.num[e] as number;
      switch (c) {
        case Col.SRC:
        case Col.DST:
        case Col.OUTER_SRC:
        case Col.OUTER_DST:
          ok = ac.sameBytes((addrCol[c] as Uint32Array)[row] as number, fl.bytesOf(e), fl.off[e] as number, fl.len[e] as number);
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
    const num = (c: Col): number => (ce[c] as number) >= 0 ? (fl.num[ce[c] as number] as number) : 0;
    this.ports[row] = ((num(Col.FIRST_SRC_PORT) << 16) | num(Col.FIRST_DST_PORT)) >>> 0;
    for (let k = 0; k < 4; k++) {
      const e = ce[Col.ETH_SRC_1 + k] as number;
      this.macs[4 * row + k] = e >= 0 ? addrs.intern(fl.bytesOf(e), fl.off[e] as number, AddrKind.MAC) : 0;
    }
    // 3. the signature: (id, parent, class) per entry; classes of aliases and masked parts
    if (this.sig.length < 3 * n) this.sig = new Int32Array(6 * n);
    const sig = this.sig;
    for (let i = 0; i < n; i++) {
      sig[3 * i] = fid[i] as number;
      sig[3 * i + 1] = par[i] as number;
      sig[3 * i + 2] = PLAIN;
    }
    for (let c = 0; c < Col.COUNT; c++) {
      const e = ce[c] as number;
      if (e >= 0) sig[3 * e + 2] = c;
    }
    for (let i = 0; i < n; i++) {
      if ((sig[3 * i + 2] as number) !== PLAIN) continue;
      const p = par[i] as number;
      if (p < 0) continue;
      if ((sig[3 * p + 2] as number) >= 0 && (sig[3 * p + 2] as number) < Col.COUNT) {
        // under a column entry: the same value again (eth.addr under eth.src), or a part of it
        // (flag bits under tcp.flags)
        if (sameValue(fl, i, p)) sig[3 * i + 2] = ALIAS_BASE + 2 * p;
        else if (maskedPart(fl, i, p)) sig[3 * i + 2] = ALIAS_BASE + 2 * p + 1;
        continue;
      }
      // a sibling of a column entry covering the same bytes with the same value (ip.addr, udp.port)
      for (let c = 0; c < Col.COUNT; c++) {
        const e = ce[c] as number;
        if (e < 0 || par[e] !== p) continue;
        if (sameValue(fl, i, e)) {
          sig[3 * i + 2] = ALIAS_BASE + 2 * e;
          break;
        }
      }
    }
    return this.intern(sig, n);
  }

  private intern(sig: Int32Array, n: number): number {
    let h = 0x811c9dc5 ^ n;
    for (let i = 0; i < 3 * n; i++) h = Math.imul(h ^ (sig[i] as number), 0x01000193);
    const list = this.byHash.get(h);
    if (list) {
      for (const s of list) {
        const sh = this.shapes[s] as Shape;
        if (sh.ids.length !== n) continue;
        let same = true;
        for (let i = 0; i < n && same; i++) same = sh.ids[i] === sig[3 * i] && sh.parents[i] === sig[3 * i + 1] && sh.cls[i] === sig[3 * i + 2];
        if (same) return s;
      }
    }
    const shape: Shape = { ids: new Int32Array(n), parents: new Int32Array(n), cls: new Int32Array(n), layer: new Int32Array(n) };
    this.protoCount.clear();
    for (let i = 0; i < n; i++) {
      const f = sig[3 * i] as number;
      const p = sig[3 * i + 1] as number;
      shape.ids[i] = f;
      shape.parents[i] = p;
      shape.cls[i] = sig[3 * i + 2] as number;
      if (fieldById(f).type === FT.PROTOCOL) {
        const k = (this.protoCount.get(f) ?? 0) + 1;
        this.protoCount.set(f, k);
        shape.layer[i] = k;
      } else shape.layer[i] = p >= 0 ? (shape.layer[p] as number) : 0;
    }
    const sid = this.shapes.length;
    this.shapes.push(shape);
    if (list) list.push(sid);
    else this.byHash.set(h, [sid]);
    return sid;
  }
}

/** Whether entry i (a child of p) is a masked part of p's integer on this packet: value = (p & mask) >> shift, or != 0 for booleans. */
function maskedPart(fl: FieldList, i: number, p: number): boolean {
  const def = fieldById(fl.id[i] as number);
  const pt = fieldById(fl.id[p] as number).type;
  // no need for the same bytes: the value is checked on this very packet
  if (def.mask === 0 || (pt !== FT.UINT && pt !== FT.INT)) return false;
  const want = derive(def, fl.num[p] as number);
  const have = fl.num[i] as number;
  return def.type === FT.BOOLEAN ? (have !== 0 ? 1 : 0) === want : have === want;
}

/** The value of a masked field computed from its parent's value. */
export function derive(def: FieldDef, parent: number): number {
  const v = (parent & def.mask) >>> 0;
  if (def.type === FT.BOOLEAN) return v !== 0 ? 1 : 0;
  let shift = 0;
  while (shift < 32 && !((def.mask >>> shift) & 1)) shift++;
  return v >>> shift;
}

const ADDRESS = new Set<number>([FT.IPV4, FT.IPV6, FT.ETHER]);

/** Whether entries i and e hold the same value for the filter (same bytes; same number). */
function sameValue(fl: FieldList, i: number, e: number): boolean {
  const a = fieldById(fl.id[i] as number);
  const b = fieldById(fl.id[e] as number);
  if (a.type !== b.type || fl.off[i] !== fl.off[e] || fl.len[i] !== fl.len[e] || fl.src[i] !== fl.src[e]) return false;
  if (ADDRESS.has(a.type)) return true;
  return (a.type === FT.UINT || a.type === FT.INT) && a.mask === 0 && b.mask === 0 && fl.num[i] === fl.num[e];
}
