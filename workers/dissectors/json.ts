// JSON bodies (Wireshark 4.0's packet-json.c, as HTTP hands it application/json): the value tree
// with each object's members (key, value, and the generated path lines Wireshark adds for a
// scalar: "[Path with value: /stats/rx:1.5e3]", "[Member with value: rx:1.5e3]", "[Path:
// /stats/rx]") and each array's items ("/peers/[]"). A body that is not JSON adds nothing.
//
// String values are unescaped as 4.0 does it: \" \\ \/ \b \f \n \r \t and \u escapes of ASCII
// characters; a \u escape of any other character is dropped (4.0's json_string_unescape).

import { EF } from '../fields/field-list.ts';
import { FT, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { latin1Text } from './ascii.ts';

export const F = registerFields({
  json: { name: 'json', label: 'JavaScript Object Notation', type: FT.PROTOCOL },
  object: { name: 'json.object', label: 'Object', type: FT.NONE },
  array: { name: 'json.array', label: 'Array', type: FT.NONE },
  member: { name: 'json.member', label: 'Member', type: FT.STRING },
  key: { name: 'json.key', label: 'Key', type: FT.STRING },
  path: { name: 'json.path', label: 'Path', type: FT.STRING },
  pathWithValue: { name: 'json.path_with_value', label: 'Path with value', type: FT.STRING },
  memberWithValue: { name: 'json.member_with_value', label: 'Member with value', type: FT.STRING },
  string: { name: 'json.value.string', label: 'String value', type: FT.STRING },
  number: { name: 'json.value.number', label: 'Number value', type: FT.STRING },
  true: { name: 'json.value.true', label: 'True value', type: FT.NONE },
  false: { name: 'json.value.false', label: 'False value', type: FT.NONE },
  null: { name: 'json.value.null', label: 'Null value', type: FT.NONE },
});

/** A parsed value: its kind, where it ends, and the text a path line shows for a scalar. */
const enum Kind {
  OBJECT,
  ARRAY,
  STRING,
  NUMBER,
  TRUE,
  FALSE,
  NULL,
}

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

/** Nesting a body may have before it is not taken as JSON (a guard against runaway input). */
const MAX_DEPTH = 64;

/**
 * Dissect the JSON text in b[off, end) (Ctx.b), titled with its media type when a media type
 * dissector (HTTP's body) hands it over, untitled when a protocol calls JSON directly. False (and
 * nothing added) when it is not valid JSON.
 */
export function dissectJson(c: Ctx, off: number, end: number, mediaType: string | null): boolean {
  const b = c.b;
  const stop = Math.min(end, b.length);
  const start = skip(b, off, stop);
  if (validate(b, start, stop, 0) !== stop) return false;
  const f = c.f;
  const item = c.proto(F.json, off, stop);
  if (mediaType !== null) f.label(item, `JavaScript Object Notation: ${mediaType}`);
  value(c, start, stop, '');
  f.pop();
  return true;
}

function skip(b: Uint8Array, o: number, stop: number): number {
  while (o < stop && WHITESPACE.has(b[o] as number)) o++;
  return o;
}

/** Where the value at o ends (past trailing whitespace), or -1 when it is not valid JSON. */
function validate(b: Uint8Array, o: number, stop: number, depth: number): number {
  if (o >= stop || depth > MAX_DEPTH) return -1;
  const ch = b[o] as number;
  let e: number;
  if (ch === 0x7b || ch === 0x5b) {
    const close = ch === 0x7b ? 0x7d : 0x5d;
    let p = skip(b, o + 1, stop);
    if (b[p] === close) return skip(b, p + 1, stop);
    for (;;) {
      if (ch === 0x7b) {
        if (b[p] !== 0x22) return -1;
        p = stringEnd(b, p, stop);
        if (p < 0) return -1;
        p = skip(b, p, stop);
        if (b[p] !== 0x3a) return -1;
        p = skip(b, p + 1, stop);
      }
      p = validate(b, p, stop, depth + 1);
      if (p < 0) return -1;
      if (b[p] === close) return skip(b, p + 1, stop);
      if (b[p] !== 0x2c) return -1;
      p = skip(b, p + 1, stop);
    }
  }
  if (ch === 0x22) e = stringEnd(b, o, stop);
  else if (startsWith(b, o, stop, 'true')) e = o + 4;
  else if (startsWith(b, o, stop, 'false')) e = o + 5;
  else if (startsWith(b, o, stop, 'null')) e = o + 4;
  else e = numberEnd(b, o, stop);
  return e < 0 ? -1 : skip(b, e, stop);
}

/** Where the string starting with the quote at o ends (past its closing quote), or -1. */
function stringEnd(b: Uint8Array, o: number, stop: number): number {
  for (let p = o + 1; p < stop; p++) {
    const ch = b[p] as number;
    if (ch === 0x5c) p++;
    else if (ch === 0x22) return p + 1;
    else if (ch < 0x20) return -1;
  }
  return -1;
}

/** Where the number at o ends, or -1 (RFC 8259 section 6). */
function numberEnd(b: Uint8Array, o: number, stop: number): number {
  const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(latin1Text(b, o, Math.min(stop, o + 64)));
  return m === null ? -1 : o + (m[0] as string).length;
}

function startsWith(b: Uint8Array, o: number, stop: number, s: string): boolean {
  if (stop - o < s.length) return false;
  for (let k = 0; k < s.length; k++) if (b[o + k] !== s.charCodeAt(k)) return false;
  return true;
}


/** The string at o (its quotes included), unescaped as 4.0 does it (see the header). */
function unescape(b: Uint8Array, o: number, e: number): string {
  const bytes: number[] = [];
  for (let p = o + 1; p < e - 1; p++) {
    let ch = b[p] as number;
    if (ch === 0x5c) {
      p++;
      const esc = b[p] as number;
      if (esc === 0x75) {
        const code = parseInt(latin1Text(b, p + 1, p + 5), 16);
        p += 4;
        if (code < 0x80) bytes.push(code);
        continue;
      }
      ch = ESCAPES.get(esc) ?? esc;
    }
    bytes.push(ch);
  }
  return UTF8.decode(new Uint8Array(bytes));
}

const UTF8 = new TextDecoder();
/** \b \f \n \r \t; any other escaped character stands for itself. */
const ESCAPES = new Map([[0x62, 0x08], [0x66, 0x0c], [0x6e, 0x0a], [0x72, 0x0d], [0x74, 0x09]]);

/** A value at o, whose path is `path`: its items under the current parent; returns where it
 *  ends (whitespace skipped). */
function value(c: Ctx, o: number, stop: number, path: string): number {
  const f = c.f;
  const b = c.b;
  const ch = b[o] as number;
  if (ch === 0x7b || ch === 0x5b) {
    const isObject = ch === 0x7b;
    const close = isObject ? 0x7d : 0x5d;
    // (its length is known once its items are read: set then)
    const item = f.add(isObject ? F.object : F.array, o, 0);
    f.push(item);
    let p = skip(b, o + 1, stop);
    while (b[p] !== close && p < stop) {
      if (isObject) p = member(c, p, stop, path);
      else p = element(c, p, stop, `${path}/[]`);
      if (b[p] === 0x2c) p = skip(b, p + 1, stop);
    }
    f.pop();
    const next = skip(b, p + 1, stop);
    // (as validate() measured it: through the whitespace after the value)
    f.len[item] = next - o;
    return next;
  }
  const [kind, end, shown] = scalar(b, o, stop);
  scalarItem(c, kind, o, end, shown);
  return skip(b, end, stop);
}

/** A scalar's kind, end and the text path lines show for it. */
function scalar(b: Uint8Array, o: number, stop: number): [Kind, number, string] {
  const ch = b[o] as number;
  if (ch === 0x22) {
    const e = stringEnd(b, o, stop);
    return [Kind.STRING, e, unescape(b, o, e)];
  }
  if (startsWith(b, o, stop, 'true')) return [Kind.TRUE, o + 4, 'true'];
  if (startsWith(b, o, stop, 'false')) return [Kind.FALSE, o + 5, 'false'];
  if (startsWith(b, o, stop, 'null')) return [Kind.NULL, o + 4, 'null'];
  const e = numberEnd(b, o, stop);
  return [Kind.NUMBER, e, latin1Text(b, o, e)];
}

function scalarItem(c: Ctx, kind: Kind, o: number, end: number, shown: string): void {
  const f = c.f;
  switch (kind) {
    case Kind.STRING:
      f.addStr(F.string, o, end - o, shown);
      break;
    case Kind.NUMBER:
      f.addStr(F.number, o, end - o, shown);
      break;
    case Kind.TRUE:
      f.add(F.true, o, end - o);
      break;
    case Kind.FALSE:
      f.add(F.false, o, end - o);
      break;
    default:
      f.add(F.null, o, end - o);
  }
}

function isScalar(ch: number): boolean {
  return ch !== 0x7b && ch !== 0x5b;
}

/** An object's member at o ("key": value): Member, its path lines, value, Key and Path. */
function member(c: Ctx, o: number, stop: number, parentPath: string): number {
  const f = c.f;
  const b = c.b;
  const keyEnd = stringEnd(b, o, stop);
  const key = unescape(b, o, keyEnd);
  let p = skip(b, keyEnd, stop);
  p = skip(b, p + 1, stop); // the colon
  const path = `${parentPath}/${key}`;
  const m = f.addStr(F.member, o, 0, key);
  f.push(m);
  let next: number;
  if (isScalar(b[p] as number)) {
    const [kind, end, shown] = scalar(b, p, stop);
    f.addStr(F.pathWithValue, p, end - p, `${path}:${shown}`, EF.GENERATED);
    f.addStr(F.memberWithValue, p, end - p, `${key}:${shown}`, EF.GENERATED);
    scalarItem(c, kind, p, end, shown);
    next = skip(b, end, stop);
  } else next = value(c, p, stop, path);
  // the member runs through its value and the whitespace after it (validate()'s measure)
  f.len[m] = next - o;
  f.addStr(F.key, o + 1, Math.max(0, keyEnd - o - 2), key);
  f.addStr(F.path, o, 0, path, EF.GENERATED);
  f.pop();
  return next;
}

/** An array's item at o: a scalar with its path lines, or a nested object or array. */
function element(c: Ctx, o: number, stop: number, path: string): number {
  const f = c.f;
  const b = c.b;
  if (!isScalar(b[o] as number)) return value(c, o, stop, path);
  const [kind, end, shown] = scalar(b, o, stop);
  f.addStr(F.pathWithValue, o, end - o, `${path}:${shown}`, EF.GENERATED);
  f.addStr(F.memberWithValue, o, end - o, `[]:${shown}`, EF.GENERATED);
  scalarItem(c, kind, o, end, shown);
  return skip(b, end, stop);
}
