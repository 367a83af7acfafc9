// A search request's filter (RFC 4511 §4.5.1.7), as packet-ldap.c shows it: each Filter a
// "Filter: (&(cn=Jo*)(!(mail=*)))" line over its choice, the filter's text built bottom-up as
// Wireshark builds it (an AND of three is "(&(&ab)c)"), and the attribute and value of each
// assertion beneath. Too many elements or too deep a nesting stops the packet as Wireshark's
// MAX_FILTER_ELEMENTS does.

import { ber, BerClass, berElement as element, berText, readBer } from './ber.ts';
import type { Ctx } from './context.ts';
import { Status } from './context.ts';
import { F } from './ldap-fields.ts';
import { appendTo } from './append-text.ts';
import { assertionValue, guidText, ldapString, setText, text } from './ldap-values.ts';
import { ntverFlags } from './mscldap.ts';

/** packet-ldap.c's MAX_FILTER_ELEMENTS. */
const MAX_ELEMENTS = 200;
/** Nesting beyond which a filter is taken as damaged (a stack guard; real filters nest a few deep). */
const MAX_DEPTH = 64;

const enum Choice {
  AND = 0,
  OR = 1,
  NOT = 2,
  EQUALITY = 3,
  SUBSTRINGS = 4,
  GREATER_OR_EQUAL = 5,
  LESS_OR_EQUAL = 6,
  PRESENT = 7,
  APPROX = 8,
  EXTENSIBLE = 9,
}

const OPERATORS = ['', '', '', '=', '', '>=', '<=', '', '~='];

let elements = 0;

/** The filter of a search request at `o` (its choice item named by `id`: ldap.filter); returns
 *  where it ends, -1 when the packet stopped. */
export function dissectFilter(c: Ctx, o: number, end: number): number {
  elements = 0;
  return filter(c, o, end, F.filter, 0).next;
}

const none = { next: -1, text: '' };

/** One Filter: its "Filter: …" line, the choice item `id` and what the choice holds. */
function filter(c: Ctx, o: number, end: number, id: number, depth: number): { next: number; text: string } {
  const f = c.f;
  const full = f.wanted === null;
  if (++elements > MAX_ELEMENTS || depth > MAX_DEPTH) {
    c.fail(Status.MALFORMED);
    return none;
  }
  if (!element(c, o, end)) return none;
  const tag = ber.cls === BerClass.CONTEXT ? ber.tag : -1;
  const v = ber.value;
  const vEnd = v + ber.len;
  const line = full ? f.text(o, vEnd - o, 'Filter: ') : -1;
  f.push(line);
  const item = f.add(id, o, vEnd - o, tag);
  f.push(item);
  let s = '';
  switch (tag) {
    case Choice.AND:
    case Choice.OR:
      s = junction(c, o, v, vEnd, tag, depth);
      break;
    case Choice.NOT: {
      const inner = filter(c, v, vEnd, F.not, depth + 1);
      if (inner.next < 0) break;
      s = `(!${inner.text})`;
      break;
    }
    case Choice.EQUALITY:
    case Choice.GREATER_OR_EQUAL:
    case Choice.LESS_OR_EQUAL:
    case Choice.APPROX: {
      const ids = [0, 0, 0, F.equalityMatch, 0, F.greaterOrEqual, F.lessOrEqual, 0, F.approxMatch];
      f.push(f.add(ids[tag] as number, o, vEnd - o));
      const a = ldapString(c, F.attributeDesc, v, vEnd, true);
      const attr = text;
      const b = a < 0 ? -1 : specialAssertion(c, attr, a, vEnd);
      f.pop();
      if (b < 0) break;
      s = `(${attr}${OPERATORS[tag]}${text})`;
      break;
    }
    case Choice.PRESENT: {
      const t = c.wants(F.present) || full ? berText(c.b, v, vEnd) : '';
      f.addStr(F.present, v, vEnd - v, t);
      s = `(${t}=*)`;
      break;
    }
    case Choice.SUBSTRINGS:
      s = substrings(c, o, v, vEnd);
      break;
    case Choice.EXTENSIBLE:
      s = extensible(c, o, v, vEnd);
      break;
    default:
      // an unknown choice: nothing more (dissect_ber_choice finds no branch)
      break;
  }
  f.pop();
  f.pop();
  if (c.stop) return none;
  if (full && s !== '') f.setStr(line, `Filter: ${s}`);
  return { next: vEnd, text: s };
}

/** and / or: "and: (&…)" over "and: N items", the items' texts folded as Wireshark folds them. */
function junction(c: Ctx, o: number, v: number, vEnd: number, tag: number, depth: number): string {
  const f = c.f;
  const full = f.wanted === null;
  const and = tag === Choice.AND;
  const line = full ? f.text(o, vEnd - o, and ? 'and: ' : 'or: ') : -1;
  f.push(line);
  const count = f.add(and ? F.and : F.or, o, vEnd - o);
  f.push(count);
  let acc: string | null = null;
  let n = 0;
  for (let p = v; p < vEnd; ) {
    const r = filter(c, p, vEnd, and ? F.andItem : F.orItem, depth + 1);
    if (r.next < 0) break;
    n++;
    acc = acc === null ? r.text : `(${and ? '&' : '|'}${acc}${r.text})`;
    p = r.next;
  }
  f.pop();
  f.pop();
  setCount(c, count, n);
  if (full && acc !== null) f.setStr(line, `${and ? 'and' : 'or'}: ${acc}`);
  return acc ?? '';
}

/** A SEQUENCE OF item's value and "N items". */
export function setCount(c: Ctx, i: number, n: number): void {
  if (i < 0) return;
  c.f.num[i] = n;
  if (c.f.wanted === null) c.f.appendLabel(i, n === 1 ? ' item' : ' items');
}

/** substrings: "substring: (cn=Jo*hn*Doe)" over the SubstringFilter. */
function substrings(c: Ctx, o: number, v: number, vEnd: number): string {
  const f = c.f;
  const full = f.wanted === null;
  const line = full ? f.text(o, vEnd - o, 'substring: ') : -1;
  f.push(line);
  f.push(f.add(F.substringsElement, o, vEnd - o));
  const parent = f.count - 1;
  let value: string | null = null;
  let type = '(null)';
  const a = ldapString(c, F.type, v, vEnd, full);
  if (a >= 0) {
    type = text;
    appendTo(c, parent, ` ${text}`);
    if (element(c, a, vEnd)) {
      const sEnd = ber.value + ber.len;
      const count = f.add(F.substrings, a, sEnd - a);
      f.push(count);
      let n = 0;
      for (let p = ber.value; p < sEnd; n++) {
        if (!element(c, p, sEnd)) break;
        const kind = ber.tag;
        const pEnd = ber.value + ber.len;
        f.push(f.add(F.substringsItem, p, pEnd - p, kind));
        const piece = ldapStringAt(c, kind === 0 ? F.initial : kind === 1 ? F.any : F.final, p, sEnd);
        f.pop();
        if (kind === 2) value = `${value ?? '*'}${piece}`;
        else if (kind === 1) value = `${value ?? '*'}${piece}*`;
        else if (kind === 0) value = `${piece}*`;
        p = pEnd;
      }
      f.pop();
      setCount(c, count, n);
    }
  }
  f.pop();
  f.pop();
  const s = `(${type}=${value ?? '(null)'})`;
  if (full) f.setStr(line, `substring: ${s}`);
  return s;
}

/** extensibleMatch: "(type:dn:rule:=value)". */
function extensible(c: Ctx, o: number, v: number, vEnd: number): string {
  const f = c.f;
  const item = f.add(F.extensibleMatch, o, vEnd - o);
  f.push(item);
  let rule: string | null = null;
  let type: string | null = null;
  let value: string | null = null;
  let dn = false;
  for (let p = v; p < vEnd && !c.stop; ) {
    if (!readBer(c.b, p, vEnd)) {
      element(c, p, vEnd);
      break;
    }
    const tag = ber.tag;
    const pEnd = ber.value + ber.len;
    if (tag === 1) {
      ldapStringAt(c, F.matchingRule, p, vEnd);
      rule = text;
    } else if (tag === 2) {
      ldapStringAt(c, F.type, p, vEnd);
      type = text;
      appendTo(c, item, ` ${text}`);
    } else if (tag === 3) {
      if (assertionValue(c, F.matchValue, p, vEnd) >= 0) value = text;
    } else if (tag === 4) {
      if (element(c, p, vEnd)) {
        dn = ber.len > 0 && c.b[ber.value] !== 0;
        f.add(F.dnAttributes, ber.value, ber.len, dn ? 1 : 0);
      }
    }
    p = pEnd;
  }
  f.pop();
  return `(${type ?? ''}:${dn ? 'dn:' : ''}${rule ?? ''}${rule !== null ? ':' : ''}=${value ?? '(null)'})`;
}

/** An implicitly tagged LDAPString element at `p` (its tag already read) as field `id`; its text in
 *  the return value. */
function ldapStringAt(c: Ctx, id: number, p: number, end: number): string {
  ldapString(c, id, p, end);
  return text;
}

/**
 * An equality's AssertionValue, with the Active Directory attributes packet-ldap.c decodes (by
 * prefix of the attribute's name): a DomainGuid of 16 bytes as a GUID, NtVer as the
 * NETLOGON_NT_VERSION bits ("0x2000000e" in the filter's text); others as assertionValue().
 */
function specialAssertion(c: Ctx, attr: string, o: number, end: number): number {
  if (attr.startsWith('DomainGuid') || attr.startsWith('NtVer')) {
    if (!element(c, o, end)) return -1;
    const v = ber.value;
    const n = ber.len;
    if (attr.startsWith('NtVer') && n > 0) {
      const word = ntverFlags(c, v, v + n);
      if (word < 0) return -1;
      setText(`0x${(word >>> 0).toString(16).padStart(8, '0')}`);
      return v + n;
    }
    if (n === 16) {
      const g = guidText(c.b, v);
      c.f.addStr(F.guid, v, n, g);
      setText(g);
      return v + n;
    }
  }
  return assertionValue(c, F.assertionValue, o, end);
}
