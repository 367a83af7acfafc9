// What value nodes compute: arithmetic, slices, len(), string(), upper() / lower().

import { etherText, ipv4Text, ipv6Text } from '../fields/format.ts';
import { FT } from '../fields/registry.ts';
import type { RangeSpec } from './lexer.ts';
import { Time, timeAdd, timeSub } from '../fields/time.ts';
import { isByteLike, type VType, type Value } from './types.ts';

export function arithOp(op: string, type: VType): (a: Value, b: Value) => Value | null {
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

export function fixedLength(t: FT, intLen: number): number {
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
      return 8;
    // tshark 4.0: 0, even for a time read from 8 bytes of the packet (icmp.data_time, ntp.xmt)
    case FT.ABSOLUTE_TIME:
    case FT.RELATIVE_TIME:
      return 0;
    default:
      return -1;
  }
}

const enc = new TextEncoder();

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? (i++, 4) : 3;
  }
  return n;
}

export function asBytes(x: Value, from: VType): Uint8Array {
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

export function asciiCase(s: string, upper: boolean): string {
  return s.replace(upper ? /[a-z]+/g : /[A-Z]+/g, (m) => (upper ? m.toUpperCase() : m.toLowerCase()));
}

export function toText(x: Value, from: VType): string {
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
