// The display filter that selects one tree item, as Wireshark's "Apply as Filter ▸ Selected" writes
// it (epan/proto.c construct_match_selected_string): a protocol gives its name (`vxlan`), a field
// `name == value` with the value as a filter literal (`vxlan.vni == 100`, `eth.type == 0x0800`,
// `ip.src == 10.0.0.1`, `dns.qry.name == "example.com"`, `data.data == de:ad:be:ef`), a field with
// no value its bytes in the frame (`frame[54:4] == 01:01:08:0a`) or, when it covers none, its
// name. A text line has no field, and a field no filter can test none either: ''.
//
// The literal is made from the value the filter engine reads (filter/view.ts entryValue: the
// number, the time or the bytes, never a display string), so every text made here compiles and
// selects the packet it came from (test/workers/table/match-filter.test.ts checks that on every
// item of every corpus capture). Where no literal spells that value, or where it is not the value
// the tree shows, the field's name alone is given: a number too wide for its field (ip.len of a
// BIG TCP packet), a timestamp whose nanoseconds are 1e9 or more, an address cut short or shown
// transformed (a SLAAC MAC from an EUI-64), and an absolute time shown as a date (icmp.data_time,
// ntp.xmt): a literal would have to be that date string.

import { EF, WS, type FieldList } from '../fields/field-list.ts';
import { bytesHex, epochText, etherText, ipv4Text, ipv6Text, valueText } from '../fields/format.ts';
import { Base, FT, fieldByName, type FieldDef } from '../fields/registry.ts';
import { intBytes, timeKind } from '../filter/types.ts';
import { unfilterable } from '../filter/unfilterable.ts';

/** The filter that selects entry `i` of `fl`, or '' for a text line (`literal`: its filterLiteral, if made already). */
export function matchFilter(fl: FieldList, i: number, def: FieldDef, literal: string | null = filterLiteral(fl, i, def)): string {
  if (def.id === WS.text || unfilterable(def.name) !== undefined) return '';
  if (def.type === FT.PROTOCOL) return def.name;
  if (def.type === FT.NONE) return noneFilter(fl, i, def);
  return literal === null ? def.name : `${def.name} == ${literal}`;
}

/**
 * The value of entry `i` as a display filter literal, or null when no literal spells it exactly
 * (also for protocols and label-only items, which have no value).
 */
export function filterLiteral(fl: FieldList, i: number, def: FieldDef): string | null {
  const num = fl.num[i] as number;
  const str = ((fl.flags[i] as number) & EF.STR) !== 0;
  switch (def.type) {
    case FT.UINT:
    case FT.INT:
      // wider than the field (ip.len of a BIG TCP packet): no literal the field accepts
      if (!fitsField(def, num)) return null;
      // a value shown as a string (EF.STR) still compares by its number
      return str ? intLiteral(def, num) : valueText(fl, i);
    case FT.FRAMENUM:
    case FT.DOUBLE:
      return Number.isFinite(num) ? String(num) : null;
    case FT.BOOLEAN:
      return num !== 0 ? '1' : '0';
    case FT.RELATIVE_TIME:
      // dns.time, icmp.data_time_relative: shown as text, valued in seconds (dissectors/time-fields.ts)
      return relTimeLiteral(num);
    case FT.ABSOLUTE_TIME: {
      if (str) return null;
      const ns = fl.aux[i] as number;
      if (!(ns >= 0 && ns < 1e9 && Number.isInteger(num))) return null;
      // seconds for the times Wireshark types as relative (frame.time_epoch: filter/types.ts), a
      // UTC date for the others (fields/time.ts reads both to the nanosecond)
      if (timeKind(def) === 'rel') return num >= 0 ? epochText(num, ns) : null;
      return utcDateLiteral(num, ns);
    }
    case FT.IPV4:
    case FT.IPV6:
    case FT.ETHER: {
      // (an address the bytes hold only the start of: its text is the value, padded-address.ts)
      if (str && def.type !== FT.ETHER && (fl.len[i] as number) < (def.type === FT.IPV4 ? 4 : 16)) return fl.str[i] ?? null;
      const text = bytesLiteral(def.type, entryBytes(fl, i));
      return str && text !== fl.str[i] ? null : text;
    }
    case FT.BYTES:
      return bytesLiteral(def.type, entryBytes(fl, i));
    case FT.STRING:
      return quote(str ? (fl.str[i] ?? '') : '');
    case FT.PROTOCOL:
    case FT.NONE:
      return null;
  }
}

/** Whether an integer literal for `def` may hold `v` (the filter's range check, filter/values.ts). */
function fitsField(def: FieldDef, v: number): boolean {
  const bits = intBytes(def) * 8;
  return def.type === FT.INT ? v >= -(2 ** (bits - 1)) && v <= 2 ** (bits - 1) - 1 : v >= 0 && v <= 2 ** bits - 1;
}

/** An integer in the field's base: hex for BASE_HEX / BASE_HEX_DEC (as -T fields prints it), else decimal. */
function intLiteral(def: FieldDef, v: number): string {
  if (v >= 0 && (def.base === Base.HEX || def.base === Base.HEX_DEC)) return '0x' + v.toString(16).padStart(Math.max(1, (def.bits + 3) >> 2), '0');
  return String(v);
}

/** Seconds as the filter's Time reads them back (timeFromSeconds): `s.nnnnnnnnn`, `-` before a negative. */
function relTimeLiteral(v: number): string | null {
  if (!Number.isFinite(v)) return null;
  const s = Math.trunc(v);
  const ns = Math.round((v - s) * 1e9);
  if (Math.abs(ns) >= 1e9) return null;
  const text = `${Math.abs(s)}.${String(Math.abs(ns)).padStart(9, '0')}`;
  return v < 0 ? `-${text}` : text;
}

/** `"2013-05-18 20:21:44.837063Z"`: the ISO 8601 form the filter reads as UTC (4-digit years only). */
function utcDateLiteral(sec: number, ns: number): string | null {
  const d = new Date(sec * 1000);
  const y = d.getUTCFullYear();
  if (!(y >= 0 && y <= 9999)) return null;
  const two = (v: number): string => String(v).padStart(2, '0');
  const frac = ns === 0 ? '' : '.' + String(ns).padStart(9, '0').replace(/0+$/, '');
  return `"${String(y).padStart(4, '0')}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}${frac}Z"`;
}

/** The bytes the filter compares for an address or byte field (entryValue's clamped range). */
function entryBytes(fl: FieldList, i: number): Uint8Array {
  const b = fl.bytesOf(i);
  const o = Math.min(fl.off[i] as number, b.length);
  return b.subarray(o, Math.min(b.length, o + (fl.len[i] as number)));
}

function bytesLiteral(type: FT, b: Uint8Array): string | null {
  switch (type) {
    case FT.IPV4:
      return b.length >= 4 ? ipv4Text(b, 0) : null;
    case FT.IPV6:
      return b.length === 16 ? ipv6Text(b, 0) : null;
    case FT.ETHER:
      return b.length === 6 ? etherText(b, 0) : null;
    default:
      if (b.length === 0) return '""';
      // one byte is written 0xNN, so that `ab` is never read as a field or protocol named "ab"
      if (b.length === 1) return fieldByName(bytesHex(b, 0, 1)) === undefined ? bytesHex(b, 0, 1) : `0x${bytesHex(b, 0, 1)}`;
      return bytesHex(b, 0, b.length, ':');
  }
}

/** A label-only field: its bytes in the frame, as Wireshark matches an FT_NONE item; else its name. */
function noneFilter(fl: FieldList, i: number, def: FieldDef): string {
  const len = fl.len[i] as number;
  const off = fl.off[i] as number;
  if (len <= 0 || (fl.src[i] as number) !== 0) return def.name;
  const frame = fl.sources[0]?.bytes;
  if (frame === undefined || off < 0 || off >= frame.length) return def.name;
  const n = Math.min(len, frame.length - off);
  return `frame[${off}:${n}] == ${n === 1 ? '0x' + bytesHex(frame, off, 1) : bytesHex(frame, off, n, ':')}`;
}

/** A double-quoted filter string: `\` and `"` escaped, control characters as `\xNN`. */
export function quote(s: string): string {
  let out = '"';
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c === 0x22 || c === 0x5c) out += '\\' + s[k];
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += s[k];
  }
  return out + '"';
}
