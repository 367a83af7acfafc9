// XML bodies (Wireshark 4.0's packet-xml.c, as HTTP hands it text/xml, application/xml and
// application/soap+xml): the document as tshark -V draws it, one tree item per markup token.
//
//   <?xml version="1.0"?>   "<?xml" with a line per attribute, then "?>"
//   <a x="1">text</a>       "<a" with its attributes (the last one ending ">"), the text, "</a>"
//   <b/>  <c></c>           "<b/>", "<c>" with "</c>"
//   <!-- … -->  <![CDATA[…]]>  <!DOCTYPE d [ <!ELEMENT …> ]>   one line each (the DOCTYPE's
//                           internal subset as its children)
//
// As packet-xml.c's grammar reads it: whitespace between tokens is skipped (text keeps its
// trailing whitespace, shown escaped: "plain text\n"); a closing tag closes the innermost open
// element whatever its name, and one with none open is flagged (Error/Malformed); text outside any
// element is `xml.unknown`; at a "<" that starts no token the rest is "Unrecognized text". Known
// DTDs (SOAP, SIP's …), which add fields of their own, are not loaded, as tshark's own tree for
// these bodies shows none.

import { escapeString } from '../fields/format.ts';
import { FT, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { latin1Text } from './ascii.ts';
import { expertAt, Group, registerExperts, Severity } from './expert.ts';

export const F = registerFields({
  xml: { name: 'xml', label: 'eXtensible Markup Language', type: FT.PROTOCOL },
  tag: { name: 'xml.tag', label: 'Tag', type: FT.STRING },
  attribute: { name: 'xml.attribute', label: 'Attribute', type: FT.STRING },
  cdata: { name: 'xml.cdata', label: 'CDATA', type: FT.STRING },
  unknown: { name: 'xml.unknown', label: 'Unknown', type: FT.STRING },
  comment: { name: 'xml.comment', label: 'Comment', type: FT.STRING },
  cdataSection: { name: 'xml.cdatasection', label: 'CDATASection', type: FT.STRING },
  doctype: { name: 'xml.doctype', label: 'Doctype', type: FT.STRING },
  dtdTag: { name: 'xml.dtdtag', label: 'DTD Tag', type: FT.STRING },
  pi: { name: 'xml.xmlpi', label: 'XMLPI', type: FT.STRING },
  piXml: { name: 'xml.xmlpi.xml', label: 'xml.xmlpi.xml', type: FT.STRING },
  piVersion: { name: 'xml.xmlpi.xml.version', label: 'version', type: FT.STRING },
  piEncoding: { name: 'xml.xmlpi.xml.encoding', label: 'encoding', type: FT.STRING },
  piStandalone: { name: 'xml.xmlpi.xml.standalone', label: 'standalone', type: FT.STRING },
});

const X = registerExperts({
  closingUnopened: { name: 'xml.closing_unopened_tag', msg: 'Closing an unopened tag', severity: Severity.ERROR, group: Group.MALFORMED },
  unrecognized: { name: 'xml.unrecognized_text', msg: 'Unrecognized text', severity: Severity.WARN, group: Group.PROTOCOL },
});

/** Media types HTTP hands to this dissector (packet-xml.c registers these among others). */
export const XML_MEDIA = new Set(['text/xml', 'application/xml', 'application/soap+xml']);

const XML_PI_FIELDS: Readonly<Record<string, number>> = { version: F.piVersion, encoding: F.piEncoding, standalone: F.piStandalone };

/** Tokens that run from their opening to their closing text, one line each. */
const DELIMITED: readonly (readonly [string, string, number])[] = [
  ['<!--', '-->', F.comment],
  ['<![CDATA[', ']]>', F.cdataSection],
];

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const EQ = 0x3d;
const QUESTION = 0x3f;

function isSpace(ch: number): boolean {
  return ch === 0x20 || ch === 0x09 || ch === 0x0a || ch === 0x0d;
}

/** Where a name (of a tag, attribute or instruction) starting at o ends. */
function nameEnd(b: Uint8Array, o: number, stop: number): number {
  while (o < stop) {
    const ch = b[o] as number;
    if (isSpace(ch) || ch === GT || ch === SLASH || ch === EQ || ch === QUESTION || ch === LT) break;
    o++;
  }
  return o;
}

/** Where `s` starts at or after o before stop, or -1. */
function find(b: Uint8Array, o: number, stop: number, s: string): number {
  outer: for (let p = o; p + s.length <= stop; p++) {
    for (let k = 0; k < s.length; k++) if (b[p + k] !== s.charCodeAt(k)) continue outer;
    return p;
  }
  return -1;
}

function startsWith(b: Uint8Array, o: number, stop: number, s: string): boolean {
  return o + s.length <= stop && find(b, o, o + s.length, s) === o;
}

/** One attribute `name=value` at o (the value quoted or not); [end, value start, value end], or
 *  null when there is none. */
function attribute(b: Uint8Array, o: number, stop: number): [number, number, number] | null {
  const ne = nameEnd(b, o, stop);
  if (ne === o || b[ne] !== EQ) return null;
  const q = b[ne + 1] as number;
  if (q === 0x22 || q === 0x27) {
    const close = b.indexOf(q, ne + 2);
    if (close < 0 || close >= stop) return null;
    return [close + 1, ne + 2, close];
  }
  let e = ne + 1;
  while (e < stop && !isSpace(b[e] as number) && b[e] !== GT && !(b[e] === SLASH && b[e + 1] === GT)) e++;
  return e === ne + 1 ? null : [e, ne + 1, e];
}

function skipSpace(b: Uint8Array, o: number, stop: number): number {
  while (o < stop && isSpace(b[o] as number)) o++;
  return o;
}

/** Attributes from o up to what ends them (`>`, `/>`, `?>`): each [start, end, value start, value
 *  end], and where they stop; null when something else is in the way. */
function attributes(b: Uint8Array, o: number, stop: number): { list: [number, number, number, number][]; at: number } | null {
  const list: [number, number, number, number][] = [];
  for (;;) {
    o = skipSpace(b, o, stop);
    if (o >= stop) return null;
    const ch = b[o] as number;
    if (ch === GT || ((ch === SLASH || ch === QUESTION) && b[o + 1] === GT)) return { list, at: o };
    const a = attribute(b, o, stop);
    if (a === null) return null;
    list.push([o, a[0], a[1], a[2]]);
    o = a[0];
  }
}

/** Dissect the XML document in b[off, end) (Ctx.b). */
export function dissectXml(c: Ctx, off: number, end: number): void {
  const f = c.f;
  const b = c.b;
  const stop = Math.min(end, b.length);
  const full = f.wanted === null;
  c.proto(F.xml, off, stop);
  /** Open elements: their items and where they start (their items' lengths are set when they close). */
  const open: [number, number][] = [];
  const text = (s: number, e: number): string => latin1Text(b, s, e);
  /** Add a string item with its own tree line. */
  const item = (id: number, s: number, n: number, value: string, line: string): number => {
    const i = f.addStr(id, s, n, value);
    if (i >= 0 && full) f.setText(i, line);
    return i;
  };
  let o = off;
  while (o < stop && !c.stop) {
    o = skipSpace(b, o, stop);
    if (o >= stop) break;
    if (b[o] !== LT) {
      const e = b.indexOf(LT, o);
      const te = e < 0 || e >= stop ? stop : e;
      const s = text(o, te);
      item(open.length > 0 ? F.cdata : F.unknown, o, te - o, s, escapeString(s));
      o = te;
      continue;
    }
    const next = markup(c, o, stop, open, item, text);
    if (next < 0) {
      const i = f.text(o, stop - o, 'Unrecognized text');
      expertAt(c, i, X.unrecognized);
      break;
    }
    o = next;
  }
  // (elements left open end where the body does)
  while (open.length > 0) {
    const [i, s] = open.pop() as [number, number];
    f.len[i] = stop - s;
    f.pop();
  }
  f.pop();
}

/** The markup token at o (a "<"): added, and where it ends; -1 when none starts here. */
function markup(
  c: Ctx,
  o: number,
  stop: number,
  open: [number, number][],
  item: (id: number, s: number, n: number, value: string, line: string) => number,
  text: (s: number, e: number) => string,
): number {
  const f = c.f;
  const b = c.b;
  for (const [open, close, id] of DELIMITED) {
    if (!startsWith(b, o, stop, open)) continue;
    const e = find(b, o + open.length, stop, close);
    if (e < 0) return -1;
    const s = text(o, e + close.length);
    item(id, o, e + close.length - o, s, s);
    return e + close.length;
  }
  if (startsWith(b, o, stop, '<!DOCTYPE')) return doctype(c, o, stop, item, text);
  if (startsWith(b, o, stop, '<?')) {
    const ne = nameEnd(b, o + 2, stop);
    if (ne === o + 2) return -1;
    const attrs = attributes(b, ne, stop);
    if (attrs === null || b[attrs.at] !== QUESTION) return -1;
    const name = text(o + 2, ne);
    const isXml = name === 'xml';
    const end = attrs.at + 2;
    const pi = item(isXml ? F.piXml : F.pi, o, end - o, text(o, end), `<?${name}`);
    f.push(pi);
    for (const [s, e, vs, ve] of attrs.list) {
      const an = text(s, nameEnd(b, s, e));
      const known = isXml ? XML_PI_FIELDS[an] : undefined;
      if (known !== undefined) item(known, vs, ve - vs, text(vs, ve), text(s, e));
      else item(F.attribute, s, e - s, text(s, e), text(s, e));
    }
    f.text(attrs.at, 2, '?>');
    f.pop();
    return end;
  }
  if (b[o + 1] === SLASH) {
    const ne = nameEnd(b, o + 2, stop);
    const gt = skipSpace(b, ne, stop);
    if (ne === o + 2 || b[gt] !== GT) return -1;
    const line = text(o, gt + 1);
    const top = open.pop();
    if (top === undefined) {
      f.text(o, gt + 1 - o, line);
      const i = f.text(o, gt + 1 - o, 'Closing an unopened tag');
      expertAt(c, i, X.closingUnopened);
    } else {
      f.text(o, gt + 1 - o, line);
      f.len[top[0]] = gt + 1 - top[1];
      f.pop();
    }
    return gt + 1;
  }
  const ne = nameEnd(b, o + 1, stop);
  if (ne === o + 1) return -1;
  const attrs = attributes(b, ne, stop);
  if (attrs === null || b[attrs.at] === QUESTION) return -1;
  const selfClosing = b[attrs.at] === SLASH;
  const end = attrs.at + (selfClosing ? 2 : 1);
  const name = text(o + 1, ne);
  const close = selfClosing ? '/>' : '>';
  const tag = item(F.tag, o, end - o, text(o, end), attrs.list.length === 0 ? `<${name}${close}` : `<${name}`);
  f.push(tag);
  attrs.list.forEach(([s, e], k) => item(F.attribute, s, e - s, text(s, e), text(s, e) + (k === attrs.list.length - 1 ? close : '')));
  if (selfClosing) f.pop();
  else open.push([tag, o]);
  return end;
}

/** A DOCTYPE at o: one line, or with an internal subset its declarations beneath and "]>". */
function doctype(
  c: Ctx,
  o: number,
  stop: number,
  item: (id: number, s: number, n: number, value: string, line: string) => number,
  text: (s: number, e: number) => string,
): number {
  const f = c.f;
  const b = c.b;
  const ns = skipSpace(b, o + 9, stop);
  const ne = nameEnd(b, ns, stop);
  const gt = b.indexOf(GT, ns);
  const bracket = b.indexOf(0x5b, ns);
  if (gt < 0 || gt >= stop) return -1;
  if (bracket < 0 || bracket > gt) {
    item(F.doctype, ns, ne - ns, text(ns, ne), text(o, gt + 1));
    return gt + 1;
  }
  const d = item(F.doctype, ns, ne - ns, text(ns, ne), text(o, bracket + 1));
  f.push(d);
  let p = bracket + 1;
  for (;;) {
    p = skipSpace(b, p, stop);
    if (p >= stop) break;
    if (b[p] === 0x5d) {
      const e = skipSpace(b, p + 1, stop);
      if (b[e] !== GT) break;
      f.text(p, e + 1 - p, text(p, e + 1));
      f.pop();
      return e + 1;
    }
    if (b[p] !== LT) break;
    const e = b.indexOf(GT, p);
    if (e < 0 || e >= stop) break;
    const s = text(p, e + 1);
    item(F.dtdTag, p, e + 1 - p, s, s);
    p = e + 1;
  }
  f.pop();
  return -1;
}
