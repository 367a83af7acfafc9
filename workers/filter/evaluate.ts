// The typed filter as closures over a PacketView. A value node fills its own reusable buffer and
// returns how many values it produced, or -1 when a field it reads is absent: Wireshark loads each
// field with READ_TREE, and a missing field makes the whole comparison false. A value that exists
// but yields nothing (a slice past the end, a division by zero) is different: "all" comparisons
// over it are vacuously true, so `eth.src[10:2] != 00` matches every Ethernet frame, as in tshark.
// How values compare is in compare.ts, what value nodes compute in operations.ts.

import type { CompiledIR, IRTest, IRValue, Rel, SetItem } from './ir.ts';
import { FT } from '../fields/registry.ts';
import { comparator, contains, latin1, nonZero, relTest } from './compare.ts';
import { arithOp, asBytes, asciiCase, fixedLength, slice, toText, utf8Length } from './operations.ts';
import { Time, timeAbs, timeNeg } from '../fields/time.ts';
import { intBytes, type VType, type Value } from './types.ts';
import type { RangeSpec } from './lexer.ts';
import type { PacketView } from './view.ts';

export type TestFn = (v: PacketView) => boolean;

interface ValNode {
  buf: Value[];
  run(v: PacketView): number;
  /** The constant's CIDR prefix (IPv4 / IPv6 literals), else the full width. */
  prefix: number;
  constant: boolean;
}

export function compileTest(ir: CompiledIR): TestFn {
  return test(ir.test);
}

function test(t: IRTest): TestFn {
  switch (t.k) {
    case 'and': {
      const a = test(t.left);
      const b = test(t.right);
      return (v) => a(v) && b(v);
    }
    case 'or': {
      const a = test(t.left);
      const b = test(t.right);
      return (v) => a(v) || b(v);
    }
    case 'not': {
      const a = test(t.expr);
      return (v) => !a(v);
    }
    case 'true':
      return () => true;
    case 'exists': {
      const ref = t.ref;
      return (v) => v.count(ref) > 0;
    }
    case 'nonempty': {
      const n = value(t.v);
      return (v) => n.run(v) > 0;
    }
    case 'nonzero': {
      const n = value(t.v);
      return (v) => {
        const c = n.run(v);
        for (let i = 0; i < c; i++) if (nonZero(n.buf[i] as Value)) return true;
        return false;
      };
    }
    case 'cmp':
      return compare(t.rel, t.all, t.left, t.right, t.type, t.regex);
    case 'in':
      return membership(t.all, t.left, t.items, t.type);
  }
}

function compare(rel: Rel, all: boolean, l: IRValue, r: IRValue, type: VType, regex: RegExp | null): TestFn {
  const L = value(l);
  if (rel === 'matches') {
    const re = regex as RegExp;
    return (v) => {
      const n = L.run(v);
      if (n < 0) return false;
      for (let i = 0; i < n; i++) {
        const x = L.buf[i] as Value;
        const ok = re.test(typeof x === 'string' ? x : latin1(x as Uint8Array));
        if (ok && !all) return true;
        if (!ok && all) return false;
      }
      return all;
    };
  }
  const R = value(r);
  let pair: (a: Value, b: Value) => boolean;
  if (rel === 'contains') pair = contains;
  else {
    const cmp = comparator(type === 'proto' || type === 'ether' ? 'bytes' : type, l.type, Math.min(R.prefix, L.prefix));
    const ok = relTest(rel);
    pair = (a, b) => ok(cmp(a, b));
  }
  if (R.constant) {
    // the common case: a field against one literal
    return (v) => {
      const n = L.run(v);
      if (n < 0) return false;
      if (R.run(v) < 1) return all;
      const b = R.buf[0] as Value;
      for (let i = 0; i < n; i++) {
        const ok = pair(L.buf[i] as Value, b);
        if (ok && !all) return true;
        if (!ok && all) return false;
      }
      return all;
    };
  }
  return (v) => {
    const n = L.run(v);
    if (n < 0) return false;
    const m = R.run(v);
    if (m < 0) return false;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < m; j++) {
        const ok = pair(L.buf[i] as Value, R.buf[j] as Value);
        if (ok && !all) return true;
        if (!ok && all) return false;
      }
    }
    return all;
  };
}

function membership(all: boolean, l: IRValue, items: SetItem[], type: VType): TestFn {
  const L = value(l);
  const t = type === 'proto' || type === 'ether' ? 'bytes' : type;
  const members = items.map((it) => {
    const lo = value(it.low);
    const hi = it.high ? value(it.high) : null;
    const cmp = comparator(t, l.type, hi ? 128 : lo.prefix);
    const cmpHi = hi ? comparator(t, l.type, 128) : cmp;
    return { lo, hi, cmp, cmpHi };
  });
  const inSet = (v: PacketView, a: Value): boolean => {
    for (const m of members) {
      const n = m.lo.run(v);
      if (m.hi === null) {
        for (let j = 0; j < n; j++) if (m.cmp(a, m.lo.buf[j] as Value) === 0) return true;
        continue;
      }
      const k = m.hi.run(v);
      for (let j = 0; j < n; j++) {
        if (!(m.cmp(a, m.lo.buf[j] as Value) >= 0)) continue;
        for (let q = 0; q < k; q++) if (m.cmpHi(a, m.hi.buf[q] as Value) <= 0) return true;
      }
    }
    return false;
  };
  return (v) => {
    const n = L.run(v);
    if (n < 0) return false;
    for (let i = 0; i < n; i++) {
      const ok = inSet(v, L.buf[i] as Value);
      if (ok && !all) return true;
      if (!ok && all) return false;
    }
    return all;
  };
}

function constNode(x: Value, prefix: number): ValNode {
  return { buf: [x], prefix, constant: true, run: () => 1 };
}

function value(x: IRValue): ValNode {
  const buf: Value[] = [];
  const full = x.type === 'ipv6' ? 128 : 32;
  const node = (run: (v: PacketView) => number): ValNode => ({ buf, run, prefix: full, constant: false });
  switch (x.k) {
    case 'const':
      return constNode(x.c.v, x.type === 'ipv4' || x.type === 'ipv6' ? x.c.prefix : full);
    case 'absent':
      return node(() => -1);
    case 'field': {
      const ref = x.ref;
      if (x.tail)
        return node((v) => {
          const n = v.count(ref);
          if (n === 0) return -1;
          for (let k = 0; k < n; k++) buf[k] = v.tail(ref, k);
          return n;
        });
      return node((v) => {
        const n = v.count(ref);
        if (n === 0) return -1;
        for (let k = 0; k < n; k++) buf[k] = v.value(ref, k);
        return n;
      });
    }
    case 'slice': {
      const src = value(x.src);
      const ranges = x.ranges;
      const from = x.src.type;
      if (ranges.length === 1 && from !== 'string') {
        // one range: copy into per-slot scratch arrays (no allocation per packet; values only
        // live until the comparison that asked for them has run)
        const r = ranges[0] as RangeSpec;
        const scratch: Uint8Array[] = [];
        return node((v) => {
          const n = src.run(v);
          if (n < 0) return -1;
          let out = 0;
          for (let k = 0; k < n; k++) {
            const b = asBytes(src.buf[k] as Value, from);
            const st = r.start < 0 ? b.length + r.start : r.start;
            const len = r.length < 0 ? b.length - st : r.length;
            if (st < 0 || len <= 0 || st + len > b.length) continue;
            let d = scratch[out];
            if (d === undefined || d.length !== len) d = scratch[out] = new Uint8Array(len);
            for (let i = 0; i < len; i++) d[i] = b[st + i] as number;
            buf[out++] = d;
          }
          return out;
        });
      }
      return node((v) => {
        const n = src.run(v);
        if (n < 0) return -1;
        let out = 0;
        for (let k = 0; k < n; k++) {
          const s = slice(asBytes(src.buf[k] as Value, from), ranges);
          if (s !== null) buf[out++] = s;
        }
        return out;
      });
    }
    case 'len': {
      const ref = x.ref;
      const def = x.def;
      const fixed = fixedLength(def.type, intBytes(def));
      return node((v) => {
        const n = v.count(ref);
        if (n === 0) return -1;
        for (let k = 0; k < n; k++) buf[k] = fixed >= 0 ? fixed : def.type === FT.STRING ? utf8Length(v.value(ref, k) as string) : v.length(ref, k);
        return n;
      });
    }
    case 'count': {
      const ref = x.ref;
      return node((v) => {
        const n = v.count(ref);
        if (n === 0) return -1;
        buf[0] = n;
        return 1;
      });
    }
    case 'case': {
      const src = value(x.src);
      const upper = x.upper;
      return node((v) => {
        const n = src.run(v);
        for (let k = 0; k < n; k++) buf[k] = asciiCase(src.buf[k] as string, upper);
        return n;
      });
    }
    case 'tostring': {
      const src = value(x.src);
      const from = x.from;
      return node((v) => {
        const n = src.run(v);
        for (let k = 0; k < n; k++) buf[k] = toText(src.buf[k] as Value, from);
        return n;
      });
    }
    case 'minmax': {
      const args = x.args.map(value);
      const cmp = comparator(x.type === 'proto' || x.type === 'ether' ? 'bytes' : x.type, x.type, 128);
      const max = x.max;
      return node((v) => {
        let best: Value | undefined;
        let any = false;
        for (const a of args) {
          const n = a.run(v);
          if (n < 0) continue;
          any = true;
          for (let k = 0; k < n; k++) {
            const c = a.buf[k] as Value;
            if (best === undefined || (max ? cmp(c, best) > 0 : cmp(c, best) < 0)) best = c;
          }
        }
        if (!any) return -1;
        if (best === undefined) return 0;
        buf[0] = best;
        return 1;
      });
    }
    case 'abs': {
      const src = value(x.src);
      return node((v) => {
        const n = src.run(v);
        for (let k = 0; k < n; k++) {
          const x = src.buf[k] as Value;
          buf[k] = x instanceof Time ? timeAbs(x) : Math.abs(x as number);
        }
        return n;
      });
    }
    case 'neg': {
      const src = value(x.src);
      return node((v) => {
        const n = src.run(v);
        for (let k = 0; k < n; k++) {
          const x = src.buf[k] as Value;
          buf[k] = x instanceof Time ? timeNeg(x) : -(x as number);
        }
        return n;
      });
    }
    case 'arith': {
      const a = value(x.left);
      const b = value(x.right);
      const op = arithOp(x.op, x.type);
      return node((v) => {
        const n = a.run(v);
        if (n < 0) return -1;
        const m = b.run(v);
        if (m < 0) return -1;
        let out = 0;
        for (let i = 0; i < n; i++)
          for (let j = 0; j < m; j++) {
            const r = op(a.buf[i] as Value, b.buf[j] as Value);
            if (r !== null) buf[out++] = r;
          }
        return out;
      });
    }
  }
}
