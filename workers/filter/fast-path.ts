// Running a compiled filter over a packet table. For each packet shape (shapes.ts) a plan says how
// many occurrences each field reference has and how to read each one from the row's columns; a
// shape where the filter needs a value the columns do not hold is dissected instead. Shapes where
// the filter reads no value at all (`vxlan.vni == 5003` on a packet without VXLAN) are decided
// once for all their rows. The rows left for dissection are read and tested with the same
// compiled closures, so both paths give the same answer by construction; the property tests in
// test/workers/filter/fast-path.test.ts and lean-shapes.test.ts check it on generated and corpus
// captures. The shapes come from the index pass (lean: they answer the filters whose fields they
// keep, ShapeIndex.covers); any other filter dissects every row once and observes the full trees
// into the same index, which from then on covers every filter.

import type { FieldList } from '../fields/field-list.ts';
import { FT, type FieldDef } from '../fields/registry.ts';
import type { IdColumn } from '../table/narrow-column.ts';
import type { PacketTable } from '../table/packet-table.ts';
import { addressCache, type AddressCache } from './address-cache.ts';
import type { FilterInput } from './compile.ts';
import type { TestFn } from './evaluate.ts';
import type { CompiledIR, FieldRef, IRTest, IRValue } from './ir.ts';
import { ALIAS_BASE, Col, ShapeIndex, derive, type Shape } from './shapes.ts';
import { Time } from '../fields/time.ts';
import type { Value } from './types.ts';
import type { FieldListView, PacketView } from './view.ts';

export interface RunStats {
  rows: number;
  /** Rows answered from the columns. */
  fast: number;
  /** Rows that were dissected. */
  dissected: number;
  /** Whether the caller's shapes (the index pass's) answered, rather than shapes learnt by dissecting. */
  fromIndex: boolean;
  ms: number;
}

type Getter = (row: number) => Value;

interface Plan {
  counts: Int32Array;
  getters: (Getter[] | null)[];
  /** The answer for every row of the shape, when the filter reads no value in it. */
  constant: boolean | null;
}

/** Per-table full shapes learnt by a first run that had to dissect everything (callers without an index). */
const learnt = new WeakMap<PacketTable, ShapeIndex>();

/** What the filter needs of each reference: its values (true) or only how many there are (false). */
function valueNeeds(ir: CompiledIR): boolean[] {
  const need = ir.refs.map(() => false);
  const val = (v: IRValue): void => {
    switch (v.k) {
      case 'field':
        need[v.ref] = true;
        return;
      case 'len':
        if (!fixedSize(v.def)) need[v.ref] = true;
        return;
      case 'slice':
      case 'case':
      case 'tostring':
      case 'abs':
      case 'neg':
        val(v.src);
        return;
      case 'minmax':
        v.args.forEach(val);
        return;
      case 'arith':
        val(v.left);
        val(v.right);
        return;
      default:
        return;
    }
  };
  const test = (t: IRTest): void => {
    switch (t.k) {
      case 'and':
      case 'or':
        test(t.left);
        test(t.right);
        return;
      case 'not':
        test(t.expr);
        return;
      case 'nonempty':
      case 'nonzero':
        val(t.v);
        return;
      case 'cmp':
        val(t.left);
        val(t.right);
        return;
      case 'in':
        val(t.left);
        for (const it of t.items) {
          val(it.low);
          if (it.high) val(it.high);
        }
        return;
      default:
        return;
    }
  };
  test(ir.test);
  return need;
}

function fixedSize(def: FieldDef): boolean {
  return def.type !== FT.STRING && def.type !== FT.BYTES && def.type !== FT.PROTOCOL && def.type !== FT.NONE;
}

/** Reads values from the columns of the current row, through the current shape's plan. */
class ColumnView implements PacketView {
  row = 0;
  counts: Int32Array = new Int32Array(0);
  getters: (Getter[] | null)[] = [];

  count(ref: number): number {
    return this.counts[ref] as number;
  }

  value(ref: number, k: number): Value {
    return ((this.getters[ref] as Getter[])[k] as Getter)(this.row);
  }

  tail(): Uint8Array {
    throw new Error('column view has no packet bytes');
  }

  length(): number {
    throw new Error('column view has no packet bytes');
  }
}

/** Getters for the columns of `t` (and the shape index's own), typed by the field read from them. */
function columnGetter(c: number, def: FieldDef, t: PacketTable, ac: AddressCache, sh: ShapeIndex): Getter | null {
  const addr = (col: IdColumn): Getter | null => {
    if (def.type === FT.IPV4) return (r) => ac.v4Of(col[r] as number);
    if (def.type === FT.IPV6 || def.type === FT.ETHER) return (r) => ac.bytesOf(col[r] as number);
    return null;
  };
  const num = (col: { [i: number]: number }): Getter => (def.type === FT.BOOLEAN ? (r) => ((col[r] as number) !== 0 ? 1 : 0) : (r) => col[r] as number);
  switch (c) {
    case Col.SRC:
      return addr(t.src);
    case Col.DST:
      return addr(t.dst);
    case Col.OUTER_SRC:
      return addr(t.outerSrc);
    case Col.OUTER_DST:
      return addr(t.outerDst);
    case Col.SRC_PORT:
      return num(t.srcPort);
    case Col.DST_PORT:
      return num(t.dstPort);
    case Col.VNI:
      return num(t.vni);
    case Col.TCP_FLAGS:
      return num(t.tcpFlags);
    case Col.IP_PROTO:
      return num(t.ipProto);
    case Col.FRAME_NUMBER:
      return (r) => r + 1;
    case Col.FRAME_LEN:
      return num(t.origLen);
    case Col.CAP_LEN:
      return num(t.capLen);
    case Col.TIME:
      return def.type === FT.ABSOLUTE_TIME ? (r) => new Time(t.secAt(r), t.nsec[r] as number) : null;
    case Col.FIRST_SRC_PORT:
      return def.type === FT.UINT ? (r) => (sh.ports[r] as number) >>> 16 : null;
    case Col.FIRST_DST_PORT:
      return def.type === FT.UINT ? (r) => (sh.ports[r] as number) & 0xffff : null;
    case Col.ETH_SRC_1:
    case Col.ETH_DST_1:
    case Col.ETH_SRC_2:
    case Col.ETH_DST_2: {
      const k = c - Col.ETH_SRC_1;
      return def.type === FT.ETHER ? (r) => sh.mac(r, k) : null;
    }
    default:
      return null;
  }
}

function buildPlan(shape: Shape, refs: readonly FieldRef[], needs: boolean[], t: PacketTable, ac: AddressCache, sh: ShapeIndex): Plan | null {
  const counts = new Int32Array(refs.length);
  const getters: (Getter[] | null)[] = [];
  let readsValue = false;
  const getterOf = (i: number, def: FieldDef): Getter | null => {
    const cls = shape.cls[i] as number;
    if (cls >= 0 && cls < Col.COUNT) return columnGetter(cls, def, t, ac, sh);
    if (cls >= ALIAS_BASE) {
      const j = (cls - ALIAS_BASE) >> 1;
      const masked = ((cls - ALIAS_BASE) & 1) === 1;
      const jc = shape.cls[j] as number;
      if (!(jc >= 0 && jc < Col.COUNT)) return null;
      if (!masked) return columnGetter(jc, def, t, ac, sh);
      const base = columnGetter(jc, { ...def, type: FT.UINT }, t, ac, sh);
      if (base === null) return null;
      return (r) => derive(def, base(r) as number);
    }
    return null;
  };
  for (let k = 0; k < refs.length; k++) {
    const ref = refs[k] as FieldRef;
    const want = ref.def.id;
    const occ: number[] = [];
    for (let i = 0; i < shape.ids.length; i++) {
      if (shape.ids[i] !== want) continue;
      const layer = shape.layer[i] as number;
      if (ref.layers !== null && !ref.layers.some((l) => layer >= l.lo && layer <= l.hi)) continue;
      occ.push(i);
    }
    counts[k] = occ.length;
    if (!needs[k] || occ.length === 0) {
      getters.push(null);
      continue;
    }
    readsValue = true;
    const gs: Getter[] = [];
    for (const i of occ) {
      const g = getterOf(i, ref.def);
      if (g === null) return null;
      gs.push(g);
    }
    getters.push(gs);
  }
  return { counts, getters, constant: readsValue ? null : false };
}

export async function runFilter(ir: CompiledIR, fn: TestFn, flView: FieldListView, input: FilterInput): Promise<RunStats & { result: Uint32Array }> {
  const t0 = performance.now();
  const { table, rows } = input;
  // The caller's shapes (the index pass's, lean) when they hold every field the filter reads.
  // Else this run dissects every row and learns full shapes: into the caller's index, which then
  // covers every filter, or into shapes kept per table when the caller has none.
  const own = input.shapes;
  const covered = own !== undefined && own.covers(ir.refs);
  let shapes = own ?? learnt.get(table);
  if (!shapes) {
    shapes = new ShapeIndex();
    learnt.set(table, shapes);
  }
  const needs = valueNeeds(ir);
  const ac = addressCache(input.addrs);
  const view = new ColumnView();
  const hits = new Uint32Array(rows);
  let m = 0;
  const slow: number[] = [];
  const plans: (Plan | null | undefined)[] = [];
  const known = own !== undefined && !covered ? 0 : Math.min(rows, shapes.rows);
  const rowShape = shapes.rowShape;
  for (let r = 0; r < known; r++) {
    const s = rowShape[r] as number;
    if (s === 0) {
      slow.push(r);
      continue;
    }
    let plan = plans[s];
    if (plan === undefined) {
      plan = buildPlan(shapes.shapes[s] as Shape, ir.refs, needs, table, ac, shapes);
      if (plan !== null && plan.constant !== null) {
        view.counts = plan.counts;
        view.getters = plan.getters;
        plan.constant = fn(view);
      }
      plans[s] = plan;
    }
    if (plan === null) {
      slow.push(r);
      continue;
    }
    if (plan.constant !== null) {
      if (plan.constant) hits[m++] = r;
      continue;
    }
    view.row = r;
    view.counts = plan.counts;
    view.getters = plan.getters;
    if (fn(view)) hits[m++] = r;
  }
  const fast = known - slow.length;
  // rows without a known shape yet: dissect them, and learn their shapes
  const learn = !covered;
  for (let r = known; r < rows; r++) slow.push(r);
  const slowHits: number[] = [];
  if (slow.length > 0) {
    const sh = shapes;
    await input.dissect(slow, (r: number, fl: FieldList) => {
      if (fn(flView.reset(fl))) slowHits.push(r);
      if (learn && r >= known) sh.observe(fl, r, table, input.addrs, table.status[r] as number);
    });
  }
  if (own !== undefined && !covered && rows >= own.rows) own.learntFull();
  // merge the two ascending lists
  const result = new Uint32Array(m + slowHits.length);
  let i = 0;
  let j = 0;
  let o = 0;
  while (i < m || j < slowHits.length) {
    if (j >= slowHits.length || (i < m && (hits[i] as number) < (slowHits[j] as number))) result[o++] = hits[i++] as number;
    else result[o++] = slowHits[j++] as number;
  }
  return { result, rows, fast, dissected: slow.length, fromIndex: covered, ms: performance.now() - t0 };
}
