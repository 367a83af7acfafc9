// The DER elements X.509's readers (x509.ts, x509-extensions.ts, x509-general-names.ts) walk: an
// element's tag, header and value as a small record, its children, and the universal tags they
// test. A certificate is read whole before anything is shown (all or nothing), so every check
// here returns null or false rather than marking the packet.

import { BerClass, BerTag, ber, readBer } from './ber.ts';

/** A BER element: its tag, where it starts, its value and where it ends. */
export interface El {
  cls: number;
  constructed: boolean;
  tag: number;
  start: number;
  value: number;
  end: number;
}

// (ber.ts's universal tags, by the short names the X.509 readers use)
export const SEQ = BerTag.SEQUENCE;
export const OID_TAG = BerTag.OBJECT_IDENTIFIER;
export const NULL_TAG = BerTag.NULL;
export const BIT_STRING = BerTag.BIT_STRING;
export const UTF8 = BerTag.UTF8_STRING;
export const PRINTABLE = BerTag.PRINTABLE_STRING;
export const IA5 = BerTag.IA5_STRING;
export const VISIBLE = BerTag.VISIBLE_STRING;
export const BMP = BerTag.BMP_STRING;
export const UTC_TIME = BerTag.UTC_TIME;
export const GENERALIZED_TIME = BerTag.GENERALIZED_TIME;

/** The element at o (definite length, all inside `end`), or null. */
export function el(b: Uint8Array, o: number, end: number): El | null {
  if (o >= end || !readBer(b, o, end)) return null;
  // (ber.ts's one reused header: copied before anything reads another)
  const h = ber;
  if (h.indefinite || h.value + h.len > end) return null;
  return { cls: h.cls, constructed: h.constructed, tag: h.tag, start: o, value: h.value, end: h.value + h.len };
}

/** The elements inside constructed element `e`, or null when they do not fill it exactly. */
export function children(b: Uint8Array, e: El): El[] | null {
  const out: El[] = [];
  for (let o = e.value; o < e.end; ) {
    const k = el(b, o, e.end);
    if (k === null) return null;
    out.push(k);
    o = k.end;
  }
  return out;
}

/** The one element that fills constructed or OCTET STRING element `e`'s value exactly, or null. */
export function only(b: Uint8Array, e: El): El | null {
  const k = el(b, e.value, e.end);
  return k !== null && k.end === e.end ? k : null;
}

export const isUniversal = (e: El | null | undefined, tag: number, constructed: boolean): e is El =>
  e !== null && e !== undefined && e.cls === BerClass.UNIVERSAL && e.tag === tag && e.constructed === constructed;
export const isContext = (e: El | null | undefined, tag: number): e is El =>
  e !== null && e !== undefined && e.cls === BerClass.CONTEXT && e.tag === tag;

/** A non-empty SEQUENCE's children, or null (`min` of them at least). */
export function seqOf(b: Uint8Array, e: El | null | undefined, min = 1): El[] | null {
  if (!isUniversal(e, SEQ, true)) return null;
  const k = children(b, e);
  return k !== null && k.length >= min ? k : null;
}

/** Bytes [o, e) as text when all are printable ASCII, else null. */
export function printable(b: Uint8Array, o: number, e: number): string | null {
  let s = '';
  for (let k = o; k < e; k++) {
    const ch = b[k] as number;
    if (ch < 0x20 || ch > 0x7e) return null;
    s += String.fromCharCode(ch);
  }
  return s;
}

/** A BMPString's bytes [o, e) as text when all its two-byte characters are printable ASCII, else null. */
export function printableBmp(b: Uint8Array, o: number, e: number): string | null {
  if ((e - o) % 2 !== 0) return null;
  let s = '';
  for (let k = o; k < e; k += 2) {
    const ch = ((b[k] as number) << 8) | (b[k + 1] as number);
    if (ch < 0x20 || ch > 0x7e) return null;
    s += String.fromCharCode(ch);
  }
  return s;
}

/** A non-empty INTEGER. */
export function integer(e: El | undefined): e is El {
  return isUniversal(e, BerTag.INTEGER, false) && e.end > e.value;
}

/** A non-negative INTEGER of at most four bytes, or -1. */
export function smallUint(b: Uint8Array, e: El | undefined): number {
  if (!integer(e) || e.end - e.value > 4 || ((b[e.value] as number) & 0x80) !== 0) return -1;
  let v = 0;
  for (let p = e.value; p < e.end; p++) v = v * 256 + (b[p] as number);
  return v;
}

/** A one-byte BOOLEAN. */
export function boolean(e: El | undefined): e is El {
  return isUniversal(e, BerTag.BOOLEAN, false) && e.end - e.value === 1;
}

/** A primitive OBJECT IDENTIFIER. */
export function oid(e: El | undefined): e is El {
  return isUniversal(e, OID_TAG, false) && e.end > e.value;
}
