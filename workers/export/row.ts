// One line of `fields` output written straight into the ByteSink's buffer: the columns in order,
// tab-separated, each column's occurrences joined with ",". Each column's writer is chosen once
// from its field's type (not per value), the buffer and position stay in locals for the whole
// row, and the common values (integers, hex, IPv4, IPv6, MAC, epoch times) are written digit by digit
// here; anything else, and any entry with a string value, goes through writeValue, so both print
// the same text (test/workers/export/value-bytes.test.ts and the golden tests check it).

import { zeroRun } from '../fields/format.ts';
import { EF, type FieldList } from '../fields/field-list.ts';
import { Base, FT, type FieldDef } from '../fields/registry.ts';
import type { ByteSink } from './byte-sink.ts';
import { writeValue } from './value-bytes.ts';

/** How a column is written. */
export const enum Cell {
  /** writeValue (anything without a fast path here). */
  GENERIC,
  /** A 32-bit unsigned integer in decimal. */
  DEC,
  /** `0x` and a fixed number of hex digits. */
  HEX,
  IPV4,
  /** RFC 5952 text, as ipv6Text (format.ts) makes it. */
  IPV6,
  ETHER,
  /** FT_ABSOLUTE_TIME as `seconds.nnnnnnnnn`. */
  TIME,
}

export interface Column {
  cell: Cell;
  /** Hex digits (Cell.HEX). */
  digits: number;
  /** Values at or above this go through writeValue (Cell.HEX: 16^digits). */
  limit: number;
}

/** The writer of a column printing field `def` (null def: a computed column, written by the caller). */
export function columnOf(def: FieldDef | null): Column {
  const col: Column = { cell: Cell.GENERIC, digits: 0, limit: 0 };
  if (def === null) return col;
  switch (def.type) {
    case FT.UINT:
    case FT.INT:
      if (def.base === Base.DEC || def.base === Base.DEC_HEX) col.cell = Cell.DEC;
      else if (def.base === Base.HEX || def.base === Base.HEX_DEC) {
        col.digits = def.bits <= 4 ? 1 : (def.bits + 3) >> 2;
        if (col.digits <= 8) {
          col.cell = Cell.HEX;
          col.limit = 16 ** col.digits;
        }
      }
      break;
    case FT.IPV4:
      col.cell = Cell.IPV4;
      break;
    case FT.IPV6:
      col.cell = Cell.IPV6;
      break;
    case FT.ETHER:
      col.cell = Cell.ETHER;
      break;
    case FT.ABSOLUTE_TIME:
      col.cell = Cell.TIME;
      break;
  }
  return col;
}

/** colOf[] (a field id's output column) of a field printed in more than one column. */
export const MULTI = -2;

const TAB = 0x09;
const COMMA = 0x2c;
const LF = 0x0a;
const DOT = 0x2e;
const COLON = 0x3a;
const ZERO = 0x30;
/** Most bytes one fast-path value takes (an IPv6 address of 8 full groups: 39). */
export const VALUE_ROOM = 40;
const HEX = new TextEncoder().encode('0123456789abcdef');

/**
 * Write one row: column c's entries are occ[c * cap, c * cap + counts[c]) (indices into `fl`, in
 * tree order). Resets counts[] to 0 for the next row.
 */
export function writeRow(out: ByteSink, fl: FieldList, cols: readonly Column[], occ: Int32Array, counts: Int32Array, cap: number): void {
  const nCols = cols.length;
  // Every room check below also covers the tabs and the newline still to come.
  out.room(nCols + 1);
  let b = out.buf;
  let p = out.pos;
  const num = fl.num;
  for (let c = 0; c < nCols; c++) {
    if (c > 0) b[p++] = TAB;
    const n = counts[c] as number;
    if (n === 0) continue;
    counts[c] = 0;
    if (p + n * (VALUE_ROOM + 1) + nCols + 1 > b.length) {
      out.pos = p;
      out.room(n * (VALUE_ROOM + 1) + nCols + 1);
      b = out.buf;
      p = out.pos;
    }
    const col = cols[c] as Column;
    const kind = col.cell;
    const base = c * cap;
    for (let k = 0; k < n; k++) {
      if (k > 0) b[p++] = COMMA;
      const i = occ[base + k] as number;
      if (fast(kind, col, fl, i)) {
        const v = num[i] as number;
        if (kind === Cell.DEC) p = dec32(b, p, v);
        else if (kind === Cell.HEX) p = hex(b, p, v, col.digits);
        else if (kind === Cell.TIME) p = time(b, p, v, fl.aux[i] as number);
        else {
          const src = fl.bytesOf(i);
          const o = fl.off[i] as number;
          p = kind === Cell.IPV4 ? ipv4(b, p, src, o) : kind === Cell.ETHER ? ether(b, p, src, o) : ipv6(b, p, src, o);
        }
        continue;
      }
      out.pos = p;
      writeValue(out, fl, i);
      out.room((n - k) * (VALUE_ROOM + 1) + nCols + 1);
      b = out.buf;
      p = out.pos;
    }
  }
  b[p++] = LF;
  out.pos = p;
}

/**
 * Whether entry i of a `kind` column is written by the fast path (its value a number or address
 * bytes in range; else writeValue writes it, strings included). The writer thread's records
 * (row-batch.ts) make the same choice.
 */
export function fast(kind: Cell, col: Column, fl: FieldList, i: number): boolean {
  if (kind === Cell.GENERIC || (fl.flags[i] as number) & EF.STR) return false;
  const v = fl.num[i] as number;
  switch (kind) {
    case Cell.DEC:
      return v >= 0 && v <= 0xffffffff && v === Math.floor(v);
    case Cell.HEX:
      return v >= 0 && v < col.limit && v === Math.floor(v);
    case Cell.TIME: {
      const ns = fl.aux[i] as number;
      return v >= 0 && v <= 0xffffffff && v === Math.floor(v) && ns >= 0 && ns < 1e9 && ns === Math.floor(ns);
    }
    default:
      return (fl.off[i] as number) + addressBytes(kind) <= fl.bytesOf(i).length;
  }
}

/** Bytes of an address of the cell kind (IPv4, MAC, IPv6; 0 for the others). */
export function addressBytes(kind: Cell): number {
  return kind === Cell.IPV4 ? 4 : kind === Cell.ETHER ? 6 : kind === Cell.IPV6 ? 16 : 0;
}

/** `0x` and `digits` lowercase hex digits of v (0 ≤ v < 16^digits ≤ 2^32). */
export function hex(b: Uint8Array, p: number, v: number, digits: number): number {
  b[p++] = ZERO;
  b[p++] = 0x78;
  for (let q = digits - 1; q >= 0; q--) b[p++] = HEX[(v >>> (q * 4)) & 15] as number;
  return p;
}

/** An FT_ABSOLUTE_TIME as `seconds.nnnnnnnnn` (both parts integers in range). */
export function time(b: Uint8Array, p: number, sec: number, ns: number): number {
  p = dec32(b, p, sec);
  b[p++] = DOT;
  let t = ns | 0;
  for (let q = p + 8; q >= p; q--) {
    const h = (t / 10) | 0;
    b[q] = ZERO + (t - h * 10);
    t = h;
  }
  return p + 9;
}

/** The 4 bytes at src[o] as a dotted quad. */
export function ipv4(b: Uint8Array, p: number, src: Uint8Array, o: number): number {
  p = byteDec(b, p, src[o] as number);
  for (let q = 1; q < 4; q++) {
    b[p++] = DOT;
    p = byteDec(b, p, src[o + q] as number);
  }
  return p;
}

/** The 6 bytes at src[o] as a colon-separated MAC address. */
export function ether(b: Uint8Array, p: number, src: Uint8Array, o: number): number {
  for (let q = 0; q < 6; q++) {
    if (q > 0) b[p++] = COLON;
    const x = src[o + q] as number;
    b[p++] = HEX[x >> 4] as number;
    b[p++] = HEX[x & 15] as number;
  }
  return p;
}

/** 0 ≤ v < 2^32, an integer, in decimal at b[p]; returns the position after it. Digits come from
 *  int32 division (a double's `% 10` is a call to fmod): the top digit first when v ≥ 2^31. */
export function dec32(b: Uint8Array, p: number, v: number): number {
  const d = v < 10 ? 1 : v < 100 ? 2 : v < 1000 ? 3 : v < 10000 ? 4 : v < 100000 ? 5 : v < 1000000 ? 6
    : v < 10000000 ? 7 : v < 100000000 ? 8 : v < 1000000000 ? 9 : 10;
  const end = p + d;
  let q = end;
  let t: number;
  if (v > 0x7fffffff) {
    const h = Math.floor(v / 10);
    b[--q] = ZERO + (v - h * 10);
    t = h | 0;
  } else t = v | 0;
  while (q > p) {
    const h = (t / 10) | 0;
    b[--q] = ZERO + (t - h * 10);
    t = h;
  }
  return end;
}

/** The 16 bytes at src[o] as RFC 5952 text (ipv6Text in format.ts: the longest run of two or more
 *  zero groups, the first on a tie, as `::`; IPv4-mapped and -compatible addresses with a dotted
 *  tail, as inet_ntop prints them); returns the position after it. */
export function ipv6(b: Uint8Array, p: number, src: Uint8Array, o: number): number {
  const g = groups;
  for (let k = 0; k < 8; k++) g[k] = ((src[o + 2 * k] as number) << 8) | (src[o + 2 * k + 1] as number);
  if (g[0] === 0 && g[1] === 0 && g[2] === 0 && g[3] === 0 && g[4] === 0 && (g[5] === 0xffff || (g[5] === 0 && g[6] !== 0))) {
    b[p++] = COLON;
    b[p++] = COLON;
    if (g[5] === 0xffff) {
      p = hexGroup(b, p, 0xffff);
      b[p++] = COLON;
    }
    p = byteDec(b, p, src[o + 12] as number);
    for (let k = 13; k < 16; k++) {
      b[p++] = DOT;
      p = byteDec(b, p, src[o + k] as number);
    }
    return p;
  }
  const run = zeroRun(g);
  const best = run >> 4;
  const bestLen = run & 15;
  for (let k = 0; k < 8; k++) {
    if (k === best) {
      b[p++] = COLON;
      b[p++] = COLON;
      k += bestLen - 1;
      continue;
    }
    if (k > 0 && k !== best + bestLen) b[p++] = COLON;
    p = hexGroup(b, p, g[k] as number);
  }
  return p;
}

const groups = new Uint16Array(8);

/** A 16-bit group in lowercase hex without leading zeros. */
function hexGroup(b: Uint8Array, p: number, x: number): number {
  if (x >= 0x1000) b[p++] = HEX[x >> 12] as number;
  if (x >= 0x100) b[p++] = HEX[(x >> 8) & 15] as number;
  if (x >= 0x10) b[p++] = HEX[(x >> 4) & 15] as number;
  b[p++] = HEX[x & 15] as number;
  return p;
}

/** A byte (0-255) in decimal. */
function byteDec(b: Uint8Array, p: number, x: number): number {
  if (x >= 100) {
    const h = (x / 100) | 0;
    b[p++] = ZERO + h;
    x -= h * 100;
    b[p++] = ZERO + ((x / 10) | 0);
  } else if (x >= 10) b[p++] = ZERO + ((x / 10) | 0);
  b[p++] = ZERO + (x % 10);
  return p;
}
