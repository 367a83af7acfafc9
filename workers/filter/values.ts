// Literals: a word, a quoted string or a character constant turned into a value of the type the
// other side of the comparison has (Wireshark's fvalue_from_literal / fvalue_from_string). The
// messages are Wireshark 4.0's wording.

import type { FieldDef } from '../fields/registry.ts';
import { Time, parseAbsTime, parseRelTime } from '../fields/time.ts';
import { intBytes, timeKind, typeName, type VType, type Value } from './types.ts';

/** A typed constant. `prefix` is the CIDR length of an IPv4 / IPv6 literal (32 / 128 when none). */
export interface Const {
  type: VType;
  v: Value;
  prefix: number;
}

export class LiteralError extends Error {}

const fail = (msg: string): never => {
  throw new LiteralError(msg);
};

/** Parse an integer as Wireshark does (strtoull base 0, plus 0b): decimal, 0x hex, 0 octal, 0b binary. */
export function parseInteger(text: string): number | null {
  if (/^[1-9][0-9]*$/.test(text) || text === '0') return Number(text);
  if (/^0[xX][0-9a-fA-F]+$/.test(text)) return parseInt(text.slice(2), 16);
  if (/^0[bB][01]+$/.test(text)) return parseInt(text.slice(2), 2);
  if (/^0[0-7]+$/.test(text)) return parseInt(text.slice(1), 8);
  return null;
}

function maxOf(def: FieldDef | null, t: VType): number {
  const bits = def ? intBytes(def) * 8 : 32;
  return t === 'int' ? 2 ** (bits - 1) - 1 : 2 ** bits - 1;
}

function nameLookup(def: FieldDef | null, text: string): number | null {
  if (!def?.names) return null;
  const want = text.toLowerCase();
  for (const [v, name] of def.names) if (name.toLowerCase() === want) return v;
  return null;
}

function checkRange(text: string, v: number, def: FieldDef | null, t: VType): number {
  const max = maxOf(def, t);
  if (v > max) fail(`"${text}" too big for this field, maximum ${max}.`);
  return v;
}

/** An unquoted word as a value of type `t` (field `def` gives the width and value names). */
export function fromWord(text: string, t: VType, def: FieldDef | null): Const {
  const c = (v: Value, prefix = 0): Const => ({ type: t, v, prefix });
  switch (t) {
    case 'uint':
    case 'int': {
      const v = parseInteger(text);
      if (v !== null) return c(checkRange(text, v, def, t));
      const named = nameLookup(def, text);
      if (named !== null) return c(named);
      if (def?.names) fail(`"${text}" cannot be found among the possible values for ${def.name}.`);
      return fail(`"${text}" is not a valid number.`);
    }
    case 'bool': {
      if (text === 'True' || text === 'TRUE') return c(1);
      if (text === 'False' || text === 'FALSE') return c(0);
      const v = parseInteger(text);
      if (v !== null) return c(v !== 0 ? 1 : 0);
      if (def?.tf) {
        const want = text.toLowerCase();
        if (def.tf[0].toLowerCase() === want) return c(1);
        if (def.tf[1].toLowerCase() === want) return c(0);
      }
      return fail(`"${text}" cannot be found among the possible values for ${def?.name ?? 'this field'}.`);
    }
    case 'float': {
      if (/^[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$/.test(text)) return c(Number(text));
      const v = parseInteger(text);
      if (v !== null) return c(v);
      return fail(`"${text}" is not a valid number.`);
    }
    case 'time': {
      // a date for frame.time (FT_ABSOLUTE_TIME), seconds for the relative times (time.ts)
      if (timeKind(def) === 'abs') return c(absTime(text));
      const t = parseRelTime(text);
      if (t === null) return fail(`"${text}" is not a valid time.`);
      return c(t);
    }
    case 'ipv4': {
      const r = parseIpv4Cidr(text);
      if (r === null) return fail(`"${text}" is not a valid hostname or IPv4 address.`);
      return c(r.addr, r.prefix);
    }
    case 'ipv6': {
      const slash = text.indexOf('/');
      const addr = parseIpv6(slash >= 0 ? text.slice(0, slash) : text);
      if (addr === null) return fail(`"${text}" is not a valid hostname or IPv6 address.`);
      let prefix = 128;
      if (slash >= 0) {
        const p = text.slice(slash + 1);
        if (!/^[0-9]{1,3}$/.test(p)) return fail(`"${text}" is not a valid hostname or IPv6 address.`);
        prefix = Number(p);
        if (prefix > 128) fail(`Prefix in a IPv6 address should be <= 128, not ${prefix}`);
      }
      return c(addr, prefix);
    }
    case 'ether': {
      const b = parseEther(text);
      if (b === null) {
        const bytes = parseBytes(text);
        if (bytes !== null && bytes.length < 6) fail(`"${text}" contains too few bytes to be a valid Ethernet address.`);
        if (bytes !== null && bytes.length > 6) fail(`"${text}" contains too many bytes to be a valid Ethernet address.`);
        return fail(`"${text}" is not a valid Ethernet address.`);
      }
      return c(b);
    }
    case 'bytes':
    case 'proto': {
      const b = parseBytes(text);
      if (b === null) return fail(`"${text}" is not a valid byte string.`);
      return c(b);
    }
    case 'string':
      return c(text);
    case 'none':
      return fail(`"${text}" cannot be compared with a label.`);
  }
}

/** A double-quoted string literal as a value of type `t`. */
export function fromString(bytes: Uint8Array, t: VType, def: FieldDef | null): Const {
  const text = new TextDecoder().decode(bytes);
  switch (t) {
    case 'string':
      return { type: t, v: text, prefix: 0 };
    case 'bytes':
    case 'proto':
      return { type: t, v: bytes, prefix: 0 };
    case 'uint':
    case 'int': {
      const named = nameLookup(def, text);
      if (named !== null) return { type: t, v: named, prefix: 0 };
      if (def?.names) return fail(`"${text}" cannot be found among the possible values for ${def.name}.`);
      break;
    }
    case 'time':
      // an absolute time is written as a string; a relative one has no string form
      if (timeKind(def) === 'abs') return { type: t, v: absTime(text), prefix: 0 };
      break;
    default:
      break;
  }
  return fail(`${typeName(def, t)} cannot be converted from a string ("${text}").`);
}

/** A character constant (`'a'`) as a value of type `t`. */
export function fromChar(value: number, text: string, t: VType, def: FieldDef | null): Const {
  switch (t) {
    case 'uint':
    case 'int':
      return { type: t, v: checkRange(text, value, def, t), prefix: 0 };
    case 'bool':
      return { type: t, v: value !== 0 ? 1 : 0, prefix: 0 };
    case 'float':
      return { type: t, v: value, prefix: 0 };
    case 'bytes':
    case 'proto':
      return { type: t, v: Uint8Array.of(value), prefix: 0 };
    case 'string':
      return { type: t, v: String.fromCharCode(value), prefix: 0 };
    default: {
      // Wireshark's wording: the character when printable, else its code
      const hex = value.toString(16);
      const shown = value >= 0x20 && value < 0x7f ? `'${String.fromCharCode(value)}' (0x${hex.padStart(2, '0')})` : `0x${hex}`;
      return fail(`Character constant ${shown} cannot be converted to ${typeName(def, t)}.`);
    }
  }
}

function absTime(text: string): Time {
  const t = parseAbsTime(text);
  return typeof t === 'string' ? fail(t) : t;
}

export function parseIpv4Cidr(text: string): { addr: number; prefix: number } | null {
  const m = /^([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})(?:\/(.*))?$/.exec(text);
  if (!m) return null;
  const parts = [m[1], m[2], m[3], m[4]].map(Number);
  if (parts.some((p) => p > 255)) return null;
  let prefix = 32;
  if (m[5] !== undefined) {
    if (!/^[0-9]{1,2}$/.test(m[5])) fail(`FT_IPv4 cannot /.`);
    prefix = Number(m[5]);
    if (prefix > 32) fail(`Netmask bits in a CIDR IPv4 address should be <= 32, not ${prefix}`);
  }
  const addr = ((parts[0] as number) * 2 ** 24 + (parts[1] as number) * 65536 + (parts[2] as number) * 256 + (parts[3] as number)) >>> 0;
  return { addr, prefix };
}

/** RFC 4291 section 2.2 text forms, including `::` and a dotted IPv4 tail. */
export function parseIpv6(text: string): Uint8Array | null {
  if (!/^[0-9a-fA-F:.]+$/.test(text)) return null;
  const dbl = text.indexOf('::');
  if (dbl >= 0 && text.indexOf('::', dbl + 1) >= 0) return null;
  const groups = (s: string): number[] | null => {
    if (s === '') return [];
    const out: number[] = [];
    const parts = s.split(':');
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i] as string;
      if (i === parts.length - 1 && p.includes('.')) {
        const v4 = parseIpv4Cidr(p);
        if (v4 === null || p.includes('/')) return null;
        out.push(v4.addr >>> 16, v4.addr & 0xffff);
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(p)) return null;
        out.push(parseInt(p, 16));
      }
    }
    return out;
  };
  let g: number[];
  if (dbl >= 0) {
    const head = groups(text.slice(0, dbl));
    const tail = groups(text.slice(dbl + 2));
    if (head === null || tail === null || head.length + tail.length > 7) return null;
    g = [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
  } else {
    const all = groups(text);
    if (all === null || all.length !== 8) return null;
    g = all;
  }
  const b = new Uint8Array(16);
  g.forEach((v, i) => {
    b[2 * i] = v >> 8;
    b[2 * i + 1] = v & 0xff;
  });
  return b;
}

/** A MAC address: six hex pairs separated by `:`, `-` or `.`, `xxxx.xxxx.xxxx`, or 12 bare hex digits. */
export function parseEther(text: string): Uint8Array | null {
  if (/^[0-9a-fA-F]{4}\.[0-9a-fA-F]{4}\.[0-9a-fA-F]{4}$/.test(text)) return hexBytes(text.replace(/\./g, ''));
  const b = parseBytes(text);
  return b !== null && b.length === 6 ? b : null;
}

/** A byte string: `aa:bb:cc` (or `-`, `.` separated), bare hex pairs, one or two hex digits, `0xNN`. */
export function parseBytes(text: string): Uint8Array | null {
  if (/^0[xX][0-9a-fA-F]{1,2}$/.test(text)) return Uint8Array.of(parseInt(text.slice(2), 16));
  if (/^[0-9a-fA-F]{1,2}$/.test(text)) return Uint8Array.of(parseInt(text, 16));
  const sep = /^[0-9a-fA-F]{2}([:.-])/.exec(text)?.[1];
  if (sep !== undefined) {
    const parts = text.split(sep);
    if (!parts.every((p) => /^[0-9a-fA-F]{2}$/.test(p))) return null;
    return hexBytes(parts.join(''));
  }
  if (/^(?:[0-9a-fA-F]{2})+$/.test(text)) return hexBytes(text);
  return null;
}

function hexBytes(hex: string): Uint8Array {
  const b = new Uint8Array(hex.length / 2);
  for (let i = 0; i < b.length; i++) b[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return b;
}
