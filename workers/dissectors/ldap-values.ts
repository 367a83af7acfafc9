// The BER elements LDAP's dissector reads everywhere (ldap.ts, ldap-filter.ts): an element whose
// value must fit in its container, an LDAPString, an AssertionValue (text when printable, else
// colon-separated hex, as packet-ldap.c's dissect_ldap_AssertionValue), a GUID as Windows writes
// it, and tshark's name of an OID.

import { ber, berText, printableAscii, readBer } from './ber.ts';
import { EF } from '../fields/field-list.ts';
import { fieldById, FT } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { OID_NAMES, OID_PREFIXES } from './ldap-names.ts';

/** The text of the last string ldapString / assertionValue read ('' when not read). */
export let text = '';

/** Read the element at `o` into `ber`; false, with the packet marked, when its header or value
 *  runs past `end` (malformed) or past the captured bytes (truncated). */
export function element(c: Ctx, o: number, end: number): boolean {
  if (c.stop) return false;
  if (!readBer(c.b, o, end)) {
    c.has(o, Math.max(2, Math.min(end, c.b.length) - o + 1), end);
    return false;
  }
  return c.has(ber.value, ber.len, end);
}

/** The string element at `o` (whatever its tag) as field `id`; its text in `text` (read when the
 *  field is kept or `always`: '' otherwise). Returns where it ends, -1 when the packet stopped. */
export function ldapString(c: Ctx, id: number, o: number, end: number, always = false): number {
  if (!element(c, o, end)) return -1;
  const v = ber.value;
  const e = v + ber.len;
  text = always || c.wants(id) ? berText(c.b, v, e) : '';
  c.f.addStr(id, v, e - v, text);
  return e;
}

/** An AssertionValue at `o` as field `id` (its text in `text`): printable ASCII as text, other
 *  bytes as hex pairs joined by colons. An empty one adds nothing. */
export function assertionValue(c: Ctx, id: number, o: number, end: number): number {
  if (!element(c, o, end)) return -1;
  const v = ber.value;
  const e = v + ber.len;
  if (e === v) {
    text = '';
    return e;
  }
  text = c.wants(id) ? (printableAscii(c.b, v, e) ? berText(c.b, v, e) : hexColons(c.b, v, e)) : '';
  c.f.addStr(id, v, e - v, text);
  return e;
}

function hexColons(b: Uint8Array, o: number, e: number): string {
  const parts: string[] = [];
  for (let k = o; k < e; k++) parts.push((b[k] as number).toString(16).padStart(2, '0'));
  return parts.join(':');
}

/** A 16-byte GUID in Windows' byte order (the first three groups little-endian). */
export function guidText(b: Uint8Array, o: number): string {
  const h = (k: number): string => (b[o + k] as number).toString(16).padStart(2, '0');
  return `${h(3)}${h(2)}${h(1)}${h(0)}-${h(5)}${h(4)}-${h(7)}${h(6)}-${h(8)}${h(9)}-${h(10)}${h(11)}${h(12)}${h(13)}${h(14)}${h(15)}`;
}

const names = new Map(OID_NAMES);
const prefixes = new Map(OID_PREFIXES);

/** The name tshark gives an OID in dotted form (oid_resolved_from_string): its own, or its
 *  longest known prefix's followed by the other arcs; null when it has none or is no OID. */
export function oidName(oid: string): string | null {
  const own = names.get(oid);
  if (own !== undefined) return own;
  if (!/^\d+(\.\d+)*$/.test(oid)) return null;
  const arcs = oid.split('.');
  for (let n = arcs.length - 1; n >= 1; n--) {
    const t = prefixes.get(arcs.slice(0, n).join('.'));
    if (t === undefined) continue;
    return t === null ? null : [t, ...arcs.slice(n)].join('.');
  }
  return null;
}

/** Append `s` to item `i`'s line: after a value field's value, or after the label of a subtree
 *  item (FT_NONE), which gets its field's label first (proto_item_append_text). */
export function appendTo(c: Ctx, i: number, s: string): void {
  const f = c.f;
  if (i < 0 || f.wanted !== null) return;
  const def = fieldById(f.id[i] as number);
  if ((f.flags[i] as number) & EF.STR) {
    // (a string value keeps its value: the whole line is set beside it)
    f.setText(i, (f.textLine(i) ?? `${def.label}: ${f.str[i] ?? ''}`) + s);
    return;
  }
  if (def.type === FT.NONE && f.str[i] === undefined) f.label(i, def.label);
  f.appendLabel(i, s);
}
