// The BER elements LDAP's dissector reads everywhere (ldap.ts, ldap-filter.ts): an element whose
// value must fit in its container, an LDAPString, an AssertionValue (text when printable, else
// colon-separated hex, as packet-ldap.c's dissect_ldap_AssertionValue) and a GUID as Windows
// writes it.

import { ber, berElement as element, berText, printableAscii } from './ber.ts';
import type { Ctx } from './context.ts';

/** The text of the last string ldapString / assertionValue read ('' when not read). */
export let text = '';

/** Set `text` (a value decoded elsewhere: a GUID, NtVer's word). */
export function setText(s: string): void {
  text = s;
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
