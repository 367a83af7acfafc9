// Comparing filter values the way Wireshark 4.0's fvalues compare: byte strings order by length
// first, then bytes; IPv4 / IPv6 literals with a prefix compare the masked addresses; an unsigned
// value compared with a negative number is incomparable (NaN: false, and `!=` true), while
// arithmetic that went below zero is signed and compares normally (`ip.ttl - 100 < 0`); times use
// nstime_cmp (time.ts).

import type { Rel } from './ir.ts';
import { Time, timeCompare } from '../fields/time.ts';
import type { VType, Value } from './types.ts';

export function nonZero(x: Value): boolean {
  if (typeof x === 'number') return x !== 0;
  if (typeof x === 'string') return x.length > 0;
  if (x instanceof Time) return x.s !== 0 || x.ns !== 0;
  for (let i = 0; i < x.length; i++) if (x[i] !== 0) return true;
  return false;
}

/** Three-way comparison; NaN when the two cannot be compared. */
export type Cmp = (a: Value, b: Value) => number;

export function comparator(type: VType, leftType: VType, prefix: number): Cmp {
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

export const sign = (d: number): number => (d > 0 ? 1 : d < 0 ? -1 : d === 0 ? 0 : NaN);

export function bytesCompare(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] as number) < (b[i] as number) ? -1 : 1;
  return 0;
}

export function prefixCompare(a: Uint8Array, b: Uint8Array, bits: number): number {
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

export function relTest(rel: Rel): (c: number) => boolean {
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

export function contains(hay: Value, needle: Value): boolean {
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

export function latin1(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 4096) s += String.fromCharCode(...b.subarray(i, i + 4096));
  return s;
}
