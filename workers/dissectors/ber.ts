// BER (ITU-T X.690) as Wireshark's packet-ber.c reads it for the protocols written in ASN.1 (LDAP, SNMP):
// an identifier octet (class, constructed bit, tag; tags of 31 and more in base-128 octets after
// it), a length (short form below 0x80, long form of up to four octets after 0x8n, 0x80 for an
// indefinite length) and the value. One reused header; no allocation per element.

import type { Ctx } from './context.ts';
import { Status } from './context.ts';
import { FT, registerFields } from '../fields/registry.ts';

/** packet-ber.c's own fields: the unused-bits octet of a BIT STRING (Kerberos' flags, X.509's keys,
 *  signatures and key usage). */
export const BER = registerFields({
  bitstringPadding: { name: 'ber.bitstring.padding', label: 'Padding', type: FT.UINT, bits: 8 },
});

export const enum BerClass {
  UNIVERSAL = 0,
  APPLICATION = 1,
  CONTEXT = 2,
  PRIVATE = 3,
}

/** Universal tags (X.680 §8.4) the dissectors meet. */
export const enum BerTag {
  BOOLEAN = 1,
  INTEGER = 2,
  BIT_STRING = 3,
  OCTET_STRING = 4,
  NULL = 5,
  OBJECT_IDENTIFIER = 6,
  ENUMERATED = 10,
  UTF8_STRING = 12,
  SEQUENCE = 16,
  SET = 17,
  PRINTABLE_STRING = 19,
  IA5_STRING = 22,
  UTC_TIME = 23,
  GENERALIZED_TIME = 24,
  VISIBLE_STRING = 26,
  BMP_STRING = 30,
}

/** The element header read last by readBer. */
export interface BerHeader {
  cls: BerClass;
  constructed: boolean;
  tag: number;
  /** Where the value starts. */
  value: number;
  /** The value's length (0 for an indefinite length). */
  len: number;
  indefinite: boolean;
}

export const ber: BerHeader = { cls: BerClass.UNIVERSAL, constructed: false, tag: 0, value: 0, len: 0, indefinite: false };

/** Read the header of the element at b[o] into `ber`; false when the header itself does not fit
 *  before `end` (or the captured bytes), or its length needs more than four octets. */
export function readBer(b: Uint8Array, o: number, end: number): boolean {
  const stop = Math.min(end, b.length);
  if (o >= stop) return false;
  const id = b[o++] as number;
  ber.cls = id >> 6;
  ber.constructed = (id & 0x20) !== 0;
  let tag = id & 0x1f;
  if (tag === 0x1f) {
    tag = 0;
    for (;;) {
      if (o >= stop || tag > 0xffffff) return false;
      const x = b[o++] as number;
      tag = tag * 128 + (x & 0x7f);
      if ((x & 0x80) === 0) break;
    }
  }
  ber.tag = tag;
  if (o >= stop) return false;
  const l = b[o++] as number;
  ber.indefinite = l === 0x80;
  if (l < 0x80 || l === 0x80) ber.len = l === 0x80 ? 0 : l;
  else {
    const n = l & 0x7f;
    if (n > 4 || o + n > stop) return false;
    let len = 0;
    for (let k = 0; k < n; k++) len = len * 256 + (b[o++] as number);
    ber.len = len;
  }
  ber.value = o;
  return true;
}

/** A BER INTEGER's value of `len` octets at b[o] (two's complement), exact to 2^53. */
export function berInt(b: Uint8Array, o: number, len: number): number {
  if (len === 0) return 0;
  let v = (b[o] as number) & 0x80 ? -1 : 0;
  for (let k = 0; k < len; k++) v = v * 256 + (b[o + k] as number);
  return v;
}

/** Where the bytes the enclosing message may use end, when its own length says more (a BER message
 *  cut short inside the datagram that carries it: Wireshark's tvb subset whose reported length
 *  passes its parent's); Infinity otherwise. See withinMessage. */
let held = Infinity;
/** How an element past `held` fails: Wireshark's ContainedBoundsError (a subset whose reported
 *  length passes its parent's, LDAP's messages) or a plain ReportedBoundsError (malformed). */
let heldContained = true;

/** Dissect a message that says it ends past `available` (its carrier's end): its constructed
 *  elements are walked as far as they go, and a value running past `available` stops the packet
 *  as a ContainedBoundsError (`contained`) or as malformed, as in Wireshark, not as truncated. */
export function withinMessage(available: number, body: () => void, contained = true): void {
  const before = held;
  const beforeKind = heldContained;
  held = available;
  heldContained = contained;
  try {
    body();
  } finally {
    held = before;
    heldContained = beforeKind;
  }
}

/** The end of the bytes the message being dissected holds (Infinity: all it says it has). */
export function heldEnd(): number {
  return held;
}

function failHeld(c: Ctx): void {
  if (heldContained) c.failContained();
  else c.fail(Status.MALFORMED);
}

/** Whether the elements read now may run past what their message holds (the message was cut). */
export function messageCut(end: number): boolean {
  return end > held;
}

/** Read the element at `o` into `ber`; false, with the packet marked, when its header or value
 *  runs past `end` (malformed), past the bytes its message holds (contained bounds) or past the
 *  captured bytes (truncated). */
export function berElement(c: Ctx, o: number, end: number): boolean {
  if (c.stop) return false;
  if (!readBer(c.b, o, Math.min(end, held))) {
    if (held < end && o < held) {
      failHeld(c);
      return false;
    }
    c.has(o, Math.max(2, Math.min(end, c.b.length) - o + 1), end);
    return false;
  }
  if (held < end && ber.value + ber.len > held && ber.value + ber.len <= end) {
    // a constructed element is walked as far as its message holds; a value's bytes must be there
    if (ber.constructed) return true;
    failHeld(c);
    return false;
  }
  return c.has(ber.value, ber.len, end);
}

const utf8 = new TextDecoder('utf-8');

/** b[o, e) as UTF-8 text (tvb_get_string_enc with ENC_UTF_8), never past the captured bytes. */
export function berText(b: Uint8Array, o: number, e: number): string {
  const stop = Math.min(e, b.length);
  let ascii = true;
  for (let k = o; k < stop; k++) if ((b[k] as number) >= 0x80) ascii = false;
  if (!ascii) return utf8.decode(b.subarray(o, stop));
  let s = '';
  for (let k = o; k < stop; k++) s += String.fromCharCode(b[k] as number);
  return s;
}

/** Whether every byte of b[o, e) is printable ASCII (tvb_ascii_isprint). */
export function printableAscii(b: Uint8Array, o: number, e: number): boolean {
  for (let k = o; k < e; k++) {
    const ch = b[k] as number;
    if (ch < 0x20 || ch > 0x7e) return false;
  }
  return true;
}
