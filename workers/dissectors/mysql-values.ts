// The value encodings of the MySQL client/server protocol as Wireshark 4.0 shows them: length-encoded
// integers (its tvb_get_fle, which adds the first byte as "Prefix" and the value as "Length"),
// length-encoded and NUL-terminated strings, and the bit words (capabilities, status, flags) as
// a hex item with one line per bit.

import { FT, fieldById } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { asciiText } from './ascii.ts';
import { F } from './mysql-fields.ts';

/** The value of the last fle() read, and whether it was NULL (prefix 251). */
export let fleValue = 0;
export let fleNull = false;

/**
 * A length-encoded integer at `o`: adds its Prefix and Length items (none but the prefix for
 * NULL), returns its size in bytes (-1 past the PDU: the packet is then marked malformed).
 */
export function fle(c: Ctx, o: number, end: number): number {
  if (!c.has(o, 1, end)) return -1;
  const p = c.b[o] as number;
  const n = p === 252 ? 3 : p === 253 ? 4 : p === 254 ? 9 : 1;
  fleNull = p === 251;
  const f = c.f;
  if (fleNull) {
    fleValue = 0;
    f.setText(f.add(F.prefix, o, 1, p), 'Prefix: 251(NULL)');
    return 1;
  }
  if (n > 1) {
    const pi = f.add(F.prefix, o, 1, p);
    f.setText(pi, `Prefix: ${p} Length in following ${n - 1} bytes`);
    if (!c.has(o + 1, n - 1, end)) return -1;
    fleValue = c.le(o + 1, n - 1);
    f.add(F.length, o + 1, n - 1, fleValue);
    return n;
  }
  fleValue = p;
  f.add(F.prefix, o, 1, p);
  f.add(F.length, o, 1, p);
  return 1;
}

/** The size of a length-encoded integer at `o` without adding items (0 past the buffer). */
export function fleSize(b: Uint8Array, o: number): number {
  if (o >= b.length) return 0;
  const p = b[o] as number;
  return p === 252 ? 3 : p === 253 ? 4 : p === 254 ? 9 : 1;
}

/** Length of the NUL-terminated string at `o` including its NUL, or to `end` when it has none
 *  (my_tvb_strsize). */
export function strSize(b: Uint8Array, o: number, end: number): number {
  const stop = Math.min(end, b.length);
  for (let k = o; k < stop; k++) if (b[k] === 0) return k - o + 1;
  return end - o;
}

/** A string field of `n` bytes at `o` (its value up to a NUL); returns its text ('' when the field
 *  is not kept, unless `need`). */
export function addString(c: Ctx, id: number, o: number, n: number, end: number, need = false): string {
  if (!c.has(o, n, end)) return '';
  const s = need || c.wants(id) ? asciiText(c.b, o, o + n, true) : '';
  c.f.addStr(id, o, n, s);
  return s;
}

/**
 * A length-encoded string under a subtree titled `title` (4.0's mysql_field_add_lestring): its
 * Prefix and Length, then the string (`NULL` for prefix 251). Returns the offset after it.
 */
export function leString(c: Ctx, o: number, end: number, id: number, title: string): number {
  const f = c.f;
  const sub = c.wants(F.length) || c.wants(id) ? f.text(o, 1, title) : -1;
  f.push(sub);
  const n = fle(c, o, end);
  let next = o + Math.max(n, 0);
  if (n > 0) {
    if (fleNull) f.addStr(id, next, 0, 'NULL');
    else {
      addString(c, id, next, fleValue, end);
      next += fleValue;
    }
  }
  f.pop();
  if (sub >= 0) f.len[sub] = Math.max(0, Math.min(next, end) - o);
  return next;
}

/** A little-endian bit word of `n` bytes as a hex item with one line per bit in `bits`; returns it. */
export function bitWord(c: Ctx, id: number, bits: readonly number[], o: number, n: number, end: number): number {
  if (!c.has(o, n, end)) return -1;
  const v = c.le(o, n);
  const f = c.f;
  f.push(f.add(id, o, n, v));
  for (const bit of bits) {
    const def = fieldById(bit);
    const part = (v & def.mask) >>> 0;
    f.add(bit, o, n, def.type === FT.BOOLEAN ? (part !== 0 ? 1 : 0) : part / (def.mask & -def.mask));
  }
  f.pop();
  return v;
}
