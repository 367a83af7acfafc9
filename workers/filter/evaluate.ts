// The typed filter as closures over a PacketView. A value node fills its own reusable buffer and
// returns how many values it produced, or -1 when a field it reads is absent: Wireshark loads each
// field with READ_TREE, and a missing field makes the whole comparison false. A value that exists
// but yields nothing (a slice past the end, a division by zero) is different: "all" comparisons
// over it are vacuously true, so `eth.src[10:2] != 00` matches every Ethernet frame, as in tshark.
//
// Comparisons follow Wireshark 4.0's fvalue rules: byte strings order by length first, then bytes;
// IPv4 / IPv6 literals with a prefix compare the masked addresses; an unsigned value compared with
// a negative number is incomparable (false, and `!=` true), while arithmetic that goes below zero
// becomes signed and compares normally (`ip.ttl - 100 < 0`).

import { etherText, ipv4Text, ipv6Text } from '../fields/format.ts';
import { FT } from '../fields/registry.ts';
import type { CompiledIR, IRTest, IRValue, Rel, SetItem } from './ir.ts';
import type { RangeSpec } from './lexer.ts';
import { Time, timeAbs, timeAdd, timeCompare, timeNeg, timeSub } from './time.ts';
import { intBytes, isByteLike, type VType, type Value } from './types.ts';
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

function nonZero(x: Value): boolean {
  if (typeof x === 'number') return x !== 0;
  if (typeof x === 'string') return x.length > 0;
  if (x instanceof Time) return x.s !== 0 || x.ns !== 0;
  for (let i = 0; i < x.length; i++) if (x[i] !== 0) return true;
  return false;
}

/** Three-way comparison; NaN when the two cannot be compared. */
type Cmp = (a: Value, b: Value) => number;

function comparator(type: VType, leftType: VType, prefix: number): Cmp {
  switch (type) {
    case 'uint':
      // fvalue_to_uinteger64 of a negative right side fails: incomparable
      return leftType === 'uint' ? (a, b) => ((a as number) >= 0 && (b as number) < 0 ? NaN : sign((a as number) - (b as number))) : (a, b) => sign((a as number) - (b as number));
    case 'int':
    case 'float':
    case 'bool':
      return (a, b) => sign((a as number) - (b as number));
    case 'time':
      return (a, b) => timeCompare(a as Time, b as Time);
    case 'ipv4': {
      const m = prefix >= 32 ? 0xffffffff : prefix <= 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
      return (a, b) => sign((((a as number) & m) >>> 0) - (((b as number) & m) >>> 0));
    }
    case 'ipv6':
      return (a, b) => prefixCompare(a as Uint8Array, b as Uint8Array, prefix);
    case 'string':
      return (a, b) => (a === b ? 0 : (a as string) < (b as string) ? -1 : 1);
    case 'ether':
    case 'bytes':
    case 'proto':
      return (a, b) => bytesCompare(a as Uint8Array, b as Uint8Array);
    case 'none':
      return () => NaN;
  }
}

const sign = (d: number): number => (d > 0 ? 1 : d < 0 ? -1 : d === 0 ? 0 : NaN);

function bytesCompare(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] as number) < (b[i] as number) ? -1 : 1;
  return 0;
}

function prefixCompare(a: Uint8Array, b: Uint8Array, bits: number): number {
  for (let i = 0; i < 16; i++) {
    const left = bits - i * 8;
    if (left <= 0) return 0;
    const m = left >= 8 ? 0xff : (0xff << (8 - left)) & 0xff;
    const x = (a[i] as number) & m;
    const y = (b[i] as number) & m;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

function relTest(rel: Rel): (c: number) => boolean {
  switch (rel) {
    case 'eq':
      return (c) => c === 0;
    case 'ne':
      return (c) => c !== 0;
    case 'gt':
      return (c) => c > 0;
    case 'ge':
      return (c) => c >= 0;
    case 'lt':
      return (c) => c < 0;
    case 'le':
      return (c) => c <= 0;
    default:
      return () => false;
  }
}

function contains(hay: Value, needle: Value): boolean {
  if (typeof hay === 'string') return hay.includes(needle as string);
  if (!(hay instanceof Uint8Array) || !(needle instanceof Uint8Array)) return false;
  const n = needle.length;
  if (n === 0) return true;
  const first = needle[0];
  outer: for (let i = 0; i + n <= hay.length; i++) {
    if (hay[i] !== first) continue;
    for (let j = 1; j < n; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

function latin1(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 4096) s += String.fromCharCode(...b.subarray(i, i + 4096));
  return s;
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

function arithOp(op: string, type: VType): (a: Value, b: Value) => Value | null {
  const integer = type === 'uint' || type === 'int';
  if (type === 'time') return op === '+' ? (a, b) => timeAdd(a as Time, b as Time) : op === '-' ? (a, b) => timeSub(a as Time, b as Time) : () => null;
  switch (op) {
    case '+':
      return (a, b) => (a as number) + (b as number);
    case '-':
      return (a, b) => (a as number) - (b as number);
    case '*':
      return (a, b) => (a as number) * (b as number);
    case '/':
      return (a, b) => ((b as number) === 0 ? null : integer ? Math.trunc((a as number) / (b as number)) : (a as number) / (b as number));
    case '%':
      return (a, b) => ((b as number) === 0 ? null : (a as number) % (b as number));
    default:
      if (isByteLike(type))
        return (a, b) => {
          const x = a as Uint8Array;
          const y = b as Uint8Array;
          const out = new Uint8Array(Math.min(x.length, y.length));
          for (let i = 0; i < out.length; i++) out[i] = (x[i] as number) & (y[i] as number);
          return out;
        };
      return (a, b) => {
        const x = a as number;
        const y = b as number;
        if (x >= 0 && y >= 0 && x <= 0xffffffff && y <= 0xffffffff) return ((x & y) >>> 0) as number;
        return Number(BigInt.asUintN(64, BigInt(Math.trunc(x))) & BigInt.asUintN(64, BigInt(Math.trunc(y))));
      };
  }
}

function fixedLength(t: FT, intLen: number): number {
  switch (t) {
    case FT.UINT:
    case FT.INT:
    case FT.FRAMENUM:
      return intLen;
    case FT.BOOLEAN:
      return 0;
    case FT.IPV4:
      return 4;
    case FT.IPV6:
      return 16;
    case FT.ETHER:
      return 6;
    case FT.DOUBLE:
    case FT.ABSOLUTE_TIME:
    case FT.RELATIVE_TIME:
      return 8;
    default:
      return -1;
  }
}

const enc = new TextEncoder();

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? (i++, 4) : 3;
  }
  return n;
}

function asBytes(x: Value, from: VType): Uint8Array {
  if (typeof x === 'string') return enc.encode(x);
  if (typeof x === 'number') return from === 'ipv4' ? Uint8Array.of(x >>> 24, (x >>> 16) & 255, (x >>> 8) & 255, x & 255) : new Uint8Array(0);
  return x instanceof Uint8Array ? x : new Uint8Array(0);
}

/** Apply a slice's ranges (concatenated); null when any range falls outside the value. */
export function slice(b: Uint8Array, ranges: readonly RangeSpec[]): Uint8Array | null {
  if (ranges.length === 1) {
    const r = ranges[0] as RangeSpec;
    const s = r.start < 0 ? b.length + r.start : r.start;
    const len = r.length < 0 ? b.length - s : r.length;
    if (s < 0 || len <= 0 || s + len > b.length) return null;
    return b.subarray(s, s + len);
  }
  const parts: Uint8Array[] = [];
  for (const r of ranges) {
    const p = slice(b, [r]);
    if (p === null) return null;
    parts.push(p);
  }
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

function asciiCase(s: string, upper: boolean): string {
  return s.replace(upper ? /[a-z]+/g : /[A-Z]+/g, (m) => (upper ? m.toUpperCase() : m.toLowerCase()));
}

function toText(x: Value, from: VType): string {
  switch (from) {
    case 'ipv4':
      return ipv4Text(asBytes(x, 'ipv4'), 0);
    case 'ipv6':
      return ipv6Text(x as Uint8Array, 0);
    case 'ether':
      return etherText(x as Uint8Array, 0);
    default:
      return String(x);
  }
}
