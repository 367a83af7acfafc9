// Turning field entries into text: the value as `tshark -T fields` prints it (valueText), and the
// details-tree line as Wireshark shows it (labelText). Addresses and byte strings are read from the
// packet bytes only here, at display time, so dissecting builds no strings.

import { EF, EXPERT_GROUPS, EXPERT_SEVERITIES, WS, type FieldList } from './field-list.ts';
import { Base, FT, fieldById, maskShift, type FieldDef } from './registry.ts';

const HEX = '0123456789abcdef';

export function hex2(b: number): string {
  return (HEX[b >> 4] as string) + (HEX[b & 15] as string);
}

export function ipv4Text(b: Uint8Array, o: number): string {
  return `${b[o]}.${b[o + 1]}.${b[o + 2]}.${b[o + 3]}`;
}

export function etherText(b: Uint8Array, o: number): string {
  let s = hex2(b[o] as number);
  for (let i = 1; i < 6; i++) s += ':' + hex2(b[o + i] as number);
  return s;
}

/**
 * The run of zero groups of an IPv6 address that RFC 5952 writes as `::`: the longest of two or
 * more, the first on a tie. Returns start * 16 + length, or -1 when there is none (a number, not a
 * pair: `fields` calls it for every IPv6 address it writes).
 */
export function zeroRun(g: ArrayLike<number>): number {
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  return best < 0 ? -1 : best * 16 + bestLen;
}

/** IPv6 address in RFC 5952 form (longest run of two or more zero groups as `::`, first on ties). */
export function ipv6Text(b: Uint8Array, o: number): string {
  const g: number[] = [];
  for (let i = 0; i < 8; i++) g.push(((b[o + 2 * i] as number) << 8) | (b[o + 2 * i + 1] as number));
  // IPv4-mapped and IPv4-compatible forms are printed with a dotted tail, as inet_ntop does.
  if (g[0] === 0 && g[1] === 0 && g[2] === 0 && g[3] === 0 && g[4] === 0 && (g[5] === 0xffff || (g[5] === 0 && (g[6] as number) !== 0))) {
    const tail = ipv4Text(b, o + 12);
    return g[5] === 0xffff ? `::ffff:${tail}` : `::${tail}`;
  }
  const run = zeroRun(g);
  const best = run >> 4;
  const bestLen = run & 15;
  const part = (from: number, to: number): string => g.slice(from, to).map((x) => x.toString(16)).join(':');
  if (best < 0) return part(0, 8);
  return `${part(0, best)}::${part(best + bestLen, 8)}`;
}

export function bytesHex(b: Uint8Array, o: number, n: number, sep = ''): string {
  let s = '';
  for (let i = 0; i < n; i++) {
    if (i > 0 && sep !== '') s += sep;
    s += hex2(b[o + i] as number);
  }
  return s;
}

/** An integer in the field's base. `both` gives the label form (`0x1b68 (7016)`); tshark's
 *  -T fields prints only the first representation of BASE_HEX_DEC / BASE_DEC_HEX (`ip.id` = `0x1b68`).
 *  In labels (`label`), a masked field's hex is as wide as its mask, as Wireshark's
 *  hfinfo_hex_digits makes it (`MPLS Label: 21 (0x00015)`); -T fields keeps the type's width. */
function uintText(def: FieldDef, v: number, both = false, label = both): string {
  const bits = label && def.mask ? maskWidth(def.mask) : def.bits;
  switch (def.base) {
    case Base.HEX:
      return hexText(v, bits);
    case Base.HEX_DEC:
      return both ? `${hexText(v, bits)} (${v})` : hexText(v, bits);
    case Base.DEC_HEX:
      return both ? `${v} (${hexText(v, bits)})` : String(v);
    case Base.OCT:
      return v === 0 ? '0' : '0' + v.toString(8);
    default:
      return String(v);
  }
}

/** Bits from a mask's lowest set bit to its highest (Wireshark's hfinfo_mask_bitwidth). */
function maskWidth(mask: number): number {
  return 32 - Math.clz32(mask) - (31 - Math.clz32(mask & -mask));
}

/** `0x` and lowercase hex, zero-padded to the width of a `bits`-bit integer (no closure: hot path). */
function hexText(v: number, bits: number): string {
  const digits = bits <= 4 ? 1 : (bits + 3) >> 2;
  if (digits === 4 && v >= 0 && v < 65536) return (hex4[v] ??= '0x' + v.toString(16).padStart(4, '0'));
  return '0x' + (v < 0 ? v >>> 0 : v).toString(16).padStart(digits, '0');
}

/** 16-bit hex values (`eth.type`, `ip.id`, `tcp.flags`, `dns.id`) made once each. */
const hex4: (string | undefined)[] = new Array<string | undefined>(65536).fill(undefined);

/** Seconds and nanoseconds as tshark prints frame.time_epoch (nanoseconds are not normalised). */
export function epochText(sec: number, nsec: number): string {
  if (nsec < 0) return `-${Math.abs(sec)}.${String(-nsec).padStart(9, '0')}`;
  return `${sec}.${String(nsec).padStart(9, '0')}`;
}

/** Wireshark's unsigned_time_secs_to_str (epan/to_str.c): "2 hours", "1 day, 3 minutes, 4 seconds". */
export function durationText(secs: number): string {
  if (secs === 0) return '0 seconds';
  const parts: string[] = [];
  const unit = (n: number, word: string): void => {
    if (n > 0) parts.push(`${n} ${word}${n === 1 ? '' : 's'}`);
  };
  unit(Math.floor(secs / 86400), 'day');
  unit(Math.floor((secs % 86400) / 3600), 'hour');
  unit(Math.floor((secs % 3600) / 60), 'minute');
  unit(secs % 60, 'second');
  return parts.join(', ');
}

/** Wireshark's signed_time_msecs_to_str for a duration of `ms` >= 0 milliseconds: as durationText,
 *  the seconds with their milliseconds ("5 days, 10 hours, 29 minutes, 22.117 seconds", "0.256
 *  seconds"). */
export function msDurationText(ms: number): string {
  const frac = ms % 1000;
  if (frac === 0) return durationText(ms / 1000);
  const secs = (ms - frac) / 1000;
  const whole = secs - (secs % 60);
  const rest = `${secs % 60}.${String(frac).padStart(3, '0')} seconds`;
  return whole === 0 ? rest : `${durationText(whole)}, ${rest}`;
}

/** A string as Wireshark's format_text shows it in the tree: printable characters as they are,
 *  C's escapes for \a \b \t \n \v \f \r, any other ASCII control character in octal
 *  (`\003foo\aexample\003com`, a DNS name in wire format), and a character GLib does not call
 *  printable past U+00A0 as `\uFEFF` (a byte-order mark inside a syslog message). The C1 controls
 *  (U+0080–U+009F, a byte of a string read one character per byte) in octal too. */
export function escapeString(s: string): string {
  return escaped(s, true);
}

/** Bytes as Wireshark's format_text (tvb_format_text) shows them: UTF-8 as text, escaped as
 *  escapeString escapes, but a C1 control, being a character of the UTF-8 text, as `\u0085`. */
export function formatText(bytes: Uint8Array): string {
  return escaped(utf8.decode(bytes), false);
}

const C_ESCAPES = ['\\a', '\\b', '\\t', '\\n', '\\v', '\\f', '\\r'];

const utf8 = new TextDecoder();
/** What GLib's g_unichar_isprint refuses: controls, format characters (a BOM, U+FEFF), unassigned
 *  code points and lone surrogates. */
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Cn}\p{Cs}]/u;

/** escapeString and formatText: `octalC1` writes U+0080–U+009F in octal, not as `\u0085`. */
function escaped(s: string, octalC1: boolean): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (c >= 0x20 && c < 0x7f) out += ch;
    else if (c < 0x80 || (octalC1 && c < 0xa0)) out += c >= 7 && c <= 13 ? C_ESCAPES[c - 7] : `\\${c.toString(8).padStart(3, '0')}`;
    else if (UNPRINTABLE.test(ch)) out += unicodeEscape(c);
    else out += ch;
  }
  return out;
}

/** A character format_text does not print: `\uFEFF`, or `\U0001F600` past the Basic Plane. */
function unicodeEscape(c: number): string {
  const hex = c.toString(16).toUpperCase();
  return c > 0xffff ? `\\U${hex.padStart(8, '0')}` : `\\u${hex.padStart(4, '0')}`;
}

// Caches for the values the `fields` export prints millions of times: small decimals (ports,
// lengths, TTLs) and addresses, which repeat across packets. Bounded: cleared when large.
const SMALL_LIMIT = 65536;
const small: (string | undefined)[] = new Array<string | undefined>(SMALL_LIMIT).fill(undefined);
const CACHE_LIMIT = 1 << 16;
const v4Cache = new Map<number, string>();
const etherCache = new Map<number, string>();

function smallDecimal(v: number): string {
  return (small[v] ??= String(v));
}

function cachedIpv4(b: Uint8Array, o: number): string {
  const k = (((b[o] as number) << 24) | ((b[o + 1] as number) << 16) | ((b[o + 2] as number) << 8) | (b[o + 3] as number)) >>> 0;
  let t = v4Cache.get(k);
  if (t === undefined) {
    if (v4Cache.size >= CACHE_LIMIT) v4Cache.clear();
    v4Cache.set(k, (t = ipv4Text(b, o)));
  }
  return t;
}

/** The six bytes of a MAC address at b[o] as one number (48 bits fit a double exactly). */
export function macNumber(b: Uint8Array, o: number): number {
  return (b[o] as number) * 2 ** 40 + (b[o + 1] as number) * 2 ** 32 + ((((b[o + 2] as number) << 24) | ((b[o + 3] as number) << 16) | ((b[o + 4] as number) << 8) | (b[o + 5] as number)) >>> 0);
}

function cachedEther(b: Uint8Array, o: number): string {
  const k = macNumber(b, o);
  let t = etherCache.get(k);
  if (t === undefined) {
    if (etherCache.size >= CACHE_LIMIT) etherCache.clear();
    etherCache.set(k, (t = etherText(b, o)));
  }
  return t;
}

/** The value of entry `i` as `tshark -T fields` prints it. */
export function valueText(fl: FieldList, i: number): string {
  const def = fieldById(fl.id[i] as number);
  // tshark 4.0 prints a present FT_NONE field as "1" (`ipv6.opt`, `icmpv6.opt`, expert items);
  // a label set on the item (`ipv6.opt` says "PadN") is not its value.
  if (def.type === FT.NONE && def.id !== WS.text && def.id !== WS.expert) return '1';
  if ((fl.flags[i] as number) & EF.STR) return fl.str[i] ?? '';
  const b = fl.bytesOf(i);
  const o = fl.off[i] as number;
  const v = fl.num[i] as number;
  switch (def.type) {
    case FT.UINT:
    case FT.INT:
      if (def.base === Base.DEC && v >= 0 && v < SMALL_LIMIT) return smallDecimal(v);
      return uintText(def, v);
    case FT.FRAMENUM:
    case FT.DOUBLE:
    case FT.RELATIVE_TIME:
      return String(v);
    case FT.BOOLEAN:
      return v ? '1' : '0';
    case FT.IPV4:
      return cachedIpv4(b, o);
    case FT.IPV6:
      return ipv6Text(b, o);
    case FT.ETHER:
      return cachedEther(b, o);
    case FT.BYTES:
      // tshark prints an empty byte string as "<MISSING>" (dns.opt.data of a zero-length option).
      if ((fl.len[i] as number) === 0) return '<MISSING>';
      return bytesHex(b, o, Math.max(0, Math.min(fl.len[i] as number, b.length - o)));
    case FT.ABSOLUTE_TIME:
      return epochText(v, fl.aux[i] as number);
    case FT.STRING:
      return '';
    case FT.PROTOCOL:
    case FT.NONE:
      return '';
  }
}

/** The details-tree line for entry `i`, e.g. `Source Address: 10.0.0.1` or `Time to Live: 64`. */
/** Bytes of a byte field a tree line shows (wsutil/to_str.h: bytes_to_str's 36). */
const LABEL_BYTES = 36;

/** Wireshark's FT_RELATIVE_TIME label unit (rel_time_to_str). */
export const SECONDS = ' seconds';

export function labelText(fl: FieldList, i: number): string {
  const def = fieldById(fl.id[i] as number);
  const s = fl.str[i];
  if (def.type === FT.NONE || def.type === FT.PROTOCOL) {
    // a generated subtree or text line is bracketed too ("[SEQ/ACK analysis]", "[Timestamps]"); an
    // expert info with its severity and group (aux: their sum) is titled as Wireshark titles it
    const sg = def.id === WS.expert ? (fl.aux[i] as number) : 0;
    const line = sg !== 0
      ? `Expert Info (${EXPERT_SEVERITIES.get(sg & 0x00f00000) ?? '?'}/${EXPERT_GROUPS.get(sg & 0x0f000000) ?? '?'}): ${s ?? ''}`
      : s ?? def.label;
    // (a label is cut at ITEM_LABEL_LENGTH - 1 bytes, as proto.c cuts it: an LDAP filter's)
    const cut = utf8Prefix(line, ITEM_LABEL_LENGTH - 1);
    return (fl.flags[i] as number) & EF.GENERATED ? `[${cut}]` : cut;
  }
  const line = (fl.flags[i] as number) & EF.TEXT ? fl.textLine(i) : undefined;
  if (line !== undefined) return (fl.flags[i] as number) & EF.GENERATED ? `[${line}]` : line;
  if (def.nameOnly) {
    const line = (def.display ?? def.label) + (s ?? '');
    return (fl.flags[i] as number) & EF.GENERATED ? `[${line}]` : line;
  }
  const v = fl.num[i] as number;
  let value: string;
  if (def.type === FT.BOOLEAN) {
    const set = v !== 0;
    const word = def.tf ? (set ? def.tf[0] : def.tf[1]) : set ? 'True' : 'False';
    value = word;
    if (def.mask) return generated(fl, i, `${bitPattern(def, v)} = ${def.label}: ${word}`);
  } else if ((def.type === FT.UINT || def.type === FT.INT) && !((fl.flags[i] as number) & EF.STR)) {
    // A named value shows only the first representation: `Router Alert (1)`, `IPv4 (0x0800)`.
    const name = def.names?.get(v);
    const raw = uintText(def, v, name === undefined, true);
    // a value its value_string lacks: "Unknown (8)" (proto.c, fill_label_number)
    value = name === undefined ? (def.unknownName ? `Unknown (${raw})` : raw) : def.nameAlone ? name : def.valueFirst ? `${raw} (${name})` : `${name} (${raw})`;
    // (with text a dissector appended: "Traffic Class: 0x00 (DSCP: CS0, ECN: Not-ECT)")
    // (a masked field's unit too: "Duration: 48 microseconds")
    if (def.mask) {
      const unit = def.unit === undefined ? '' : typeof def.unit === 'string' ? def.unit : def.unit(v);
      return generated(fl, i, `${bitPattern(def, v)} = ${def.label}: ${value}${unit}${s !== undefined && !((fl.flags[i] as number) & EF.STR) ? s : ''}`);
    }
  } else if (def.type === FT.BYTES && (fl.len[i] as number) > LABEL_BYTES) {
    // a label shows at most 36 bytes, then an ellipsis (bytes_to_str); `fields` prints them all
    const b = fl.bytesOf(i);
    const o = fl.off[i] as number;
    value = `${bytesHex(b, o, Math.max(0, Math.min(LABEL_BYTES, b.length - o)))}…`;
  } else {
    value = valueText(fl, i);
    if (def.type === FT.STRING) value = escapeString(value);
  }
  const unit = def.unit ?? (def.type === FT.RELATIVE_TIME ? SECONDS : undefined);
  if (unit !== undefined) value += typeof unit === 'string' ? unit : unit(v);
  // text a dissector appended to a value's label (FieldList.appendLabel: proto_item_append_text),
  // after the label proto.c filled, and cut at ITEM_LABEL_LENGTH - 1 bytes as it cuts it
  let text = fittedLabel(def.label, value);
  if (s !== undefined && !((fl.flags[i] as number) & EF.STR)) text = utf8Prefix(text + s, ITEM_LABEL_LENGTH - 1);
  return (fl.flags[i] as number) & EF.GENERATED ? `[${text}]` : text;
}

/** A generated entry's line in [brackets], as tshark shows computed items. */
function generated(fl: FieldList, i: number, line: string): string {
  return (fl.flags[i] as number) & EF.GENERATED ? `[${line}]` : line;
}

/** Wireshark's limit on a tree line (epan/proto.h ITEM_LABEL_LENGTH). */
const ITEM_LABEL_LENGTH = 240;

/** The longest prefix of `s` whose UTF-8 form takes at most `max` bytes, whole characters only:
 *  Wireshark's labels are byte buffers (ITEM_LABEL_LENGTH), so a line of "…" (3 bytes) or of
 *  non-ASCII text is cut sooner than its count of characters says. */
export function utf8Prefix(s: string, max: number): string {
  // (a UTF-16 code unit is at most 3 bytes of UTF-8: a short string fits whatever it holds)
  if (3 * s.length <= max) return s;
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    const pair = u >= 0xd800 && u <= 0xdbff && i + 1 < s.length;
    const n = u < 0x80 ? 1 : u < 0x800 ? 2 : pair ? 4 : 3;
    if (bytes + n > max) return s.slice(0, i);
    bytes += n;
    if (pair) i++;
  }
  return s;
}

/** `name: value`, or for a line of ITEM_LABEL_LENGTH bytes or more, the line Wireshark's
 *  label_fill makes of it: " [truncated]" after the name and the rest cut (tshark 4.0 prints 238
 *  bytes of it: a 70,000-byte MySQL row value, test/fixtures/mysql). */
function fittedLabel(name: string, value: string): string {
  const line = `${name}: ${value}`;
  if (utf8Prefix(line, ITEM_LABEL_LENGTH - 1) === line) return line;
  return utf8Prefix(`${name} [truncated]: ${value.slice(0, ITEM_LABEL_LENGTH)}`, ITEM_LABEL_LENGTH - 2);
}

/** `.... ..1. ....`-style picture of a masked field, as Wireshark draws flag bits. */
export function bitPattern(def: FieldDef, v: number): string {
  const bits = def.bits;
  const shift = maskShift(def.mask);
  const shifted = def.type === FT.BOOLEAN ? (v ? def.mask : 0) : (v << shift) >>> 0;
  let out = '';
  for (let bit = bits - 1; bit >= 0; bit--) {
    const m = 2 ** bit;
    const inMask = Math.floor(def.mask / m) % 2 === 1;
    out += inMask ? (Math.floor(shifted / m) % 2 === 1 ? '1' : '0') : '.';
    // a space after each 4 bits from the left (BFD's 6-bit flags: "0... .."); for the widths that
    // are multiples of 4, from the right alike
    if ((bits - 1 - bit) % 4 === 3 && bit > 0) out += ' ';
  }
  return out;
}
