// A Name (X.501's RDNSequence: RFC 5280 section 4.1.2.4) as Wireshark 4.0's x509if and x509sat
// show it: the CHOICE's line ("issuer: rdnSequence (0)"), the sequence with the name's text (its
// attributes last first: "id-at-commonName=www.example.com,id-at-countryName=US"), and each RDN's
// attribute type and value, the value by the syntax its type's OID registers (an x509sat layer of
// frame.protocols each). Read here: RDNs of one attribute, of the types in ATTRIBUTES, their
// values printable ASCII; readName() says null for any other name (x509.ts's all-or-nothing rule).

import { FT, names, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { BerTag } from './ber.ts';
import { oidName, oidText } from './oid-text.ts';
import { type El, IA5, PRINTABLE, SEQ, UTF8, children, isUniversal, oid, printable } from './x509-ber.ts';
import { oidItem } from './x509-items.ts';

export const N = registerFields({
  rdnSequence: { name: 'x509if.rdnSequence', label: 'rdnSequence', type: FT.UINT },
  /** (x509af's own for a certificate's subject) */
  subjectRdnSequence: { name: 'x509af.rdnSequence', label: 'rdnSequence', type: FT.UINT },
  rdnItem: { name: 'x509if.RDNSequence_item', label: 'RDNSequence item', type: FT.UINT },
  avaItem: { name: 'x509if.RelativeDistinguishedName_item_element', label: 'RelativeDistinguishedName item', type: FT.NONE },
  attributeOid: { name: 'x509if.oid', label: 'Object Id', type: FT.STRING },
  directoryString: { name: 'x509sat.DirectoryString', label: 'DirectoryString', type: FT.UINT,
    names: names([[0, 'teletexString'], [1, 'printableString'], [2, 'universalString'], [3, 'bmpString'], [4, 'uTF8String']]) },
  printableString: { name: 'x509sat.printableString', label: 'printableString', type: FT.STRING },
  uTF8String: { name: 'x509sat.uTF8String', label: 'uTF8String', type: FT.STRING },
  countryName: { name: 'x509sat.CountryName', label: 'CountryName', type: FT.STRING },
  printableStringValue: { name: 'x509sat.PrintableString', label: 'PrintableString', type: FT.STRING },
  ia5String: { name: 'x509sat.IA5String', label: 'IA5String', type: FT.STRING },
});

/** The syntax x509sat reads an attribute's value as: a DirectoryString (its printableString or
 *  uTF8String here), a CountryName or a PrintableString (PrintableStrings), an IA5String. */
const enum Syntax { DIRECTORY, COUNTRY, PRINTABLE, IA5 }
/** Attribute types by OID, and the syntax each registers. */
const ATTRIBUTES = new Map<string, Syntax>([
  ['2.5.4.3', Syntax.DIRECTORY], ['2.5.4.5', Syntax.PRINTABLE], ['2.5.4.6', Syntax.COUNTRY], ['2.5.4.7', Syntax.DIRECTORY],
  ['2.5.4.8', Syntax.DIRECTORY], ['2.5.4.9', Syntax.DIRECTORY], ['2.5.4.10', Syntax.DIRECTORY], ['2.5.4.11', Syntax.DIRECTORY],
  ['2.5.4.15', Syntax.DIRECTORY], ['2.5.4.17', Syntax.DIRECTORY], ['0.9.2342.19200300.100.1.25', Syntax.IA5],
  ['1.2.840.113549.1.9.1', Syntax.IA5], ['1.3.6.1.4.1.311.60.2.1.1', Syntax.DIRECTORY], ['1.3.6.1.4.1.311.60.2.1.2', Syntax.DIRECTORY],
  ['1.3.6.1.4.1.311.60.2.1.3', Syntax.COUNTRY],
]);

interface Ava { e: El; type: El; name: string; syntax: Syntax; str: El; text: string }
interface Rdn { e: El; ava: Ava }
export interface Name { e: El; rdns: Rdn[]; text: string }

/** Name `e` (its rdnSequence), when all of it is read here. */
export function readName(b: Uint8Array, e: El | undefined): Name | null {
  if (!isUniversal(e, SEQ, true)) return null;
  const sets = children(b, e);
  if (sets === null || sets.length === 0) return null;
  const rdns: Rdn[] = [];
  for (const set of sets) {
    if (!isUniversal(set, BerTag.SET, true)) return null;
    const avas = children(b, set);
    // (one attribute per RDN)
    if (avas === null || avas.length !== 1 || !isUniversal(avas[0], SEQ, true)) return null;
    const ava = avas[0] as El;
    const k = children(b, ava);
    if (k === null || k.length !== 2 || !oid(k[0])) return null;
    const type = k[0] as El;
    const dotted = oidText(b, type.value, type.end) ?? '';
    const syntax = ATTRIBUTES.get(dotted);
    const attrName = oidName(dotted);
    const str = k[1] as El;
    if (syntax === undefined || attrName === null) return null;
    // a DirectoryString's printableString or uTF8String (ASCII only here); the other syntaxes' one string type
    const tagOk = syntax === Syntax.DIRECTORY ? isUniversal(str, UTF8, false) || isUniversal(str, PRINTABLE, false)
      : isUniversal(str, syntax === Syntax.IA5 ? IA5 : PRINTABLE, false);
    if (!tagOk) return null;
    const text = printable(b, str.value, str.end);
    if (text === null || text.length === 0) return null;
    rdns.push({ e: set, ava: { e: ava, type, name: attrName, syntax, str, text } });
  }
  // "RDN's are encoded in reverse order": the last one first
  const text = rdns.map((r) => `${r.ava.name}=${r.ava.text}`).reverse().join(',');
  return { e, rdns, text };
}

/** A Name as field `id` (its CHOICE line), the RDN sequence (field `seqId`) with the name's text, each RDN
 *  and its attribute. */
export function nameItems(c: Ctx, id: number, n: Name, seqId = N.rdnSequence): void {
  const f = c.f;
  const full = f.wanted === null;
  const len = n.e.end - n.e.start;
  f.push(f.add(id, n.e.start, len, 0));
  const seq = f.add(seqId, n.e.start, len, n.rdns.length);
  if (full) f.appendLabel(seq, `${n.rdns.length === 1 ? ' item' : ' items'} (${n.text})`);
  f.push(seq);
  for (const r of n.rdns) {
    const a = r.ava;
    const set = f.add(N.rdnItem, r.e.start, r.e.end - r.e.start, 1);
    if (full) f.appendLabel(set, ` item (${a.name}=${a.text})`);
    f.push(set);
    // (a subtree's title, kept with its item: also in a lean dissection that wants it)
    const ava = f.add(N.avaItem, a.e.start, a.e.end - a.e.start);
    if (ava >= 0) f.label(ava, `RelativeDistinguishedName item (${a.name}=${a.text})`);
    f.push(ava);
    oidItem(c, N.attributeOid, 'Object Id', a.type, a.name);
    // the attribute's value, by the syntax its type's OID registers (an x509sat layer)
    c.layer('x509sat');
    const strLen = a.str.end - a.str.value;
    if (a.syntax === Syntax.DIRECTORY) {
      const utf8 = c.b[a.str.start] === UTF8;
      f.push(f.add(N.directoryString, a.str.start, a.str.end - a.str.start, utf8 ? 4 : 1));
      f.addStr(utf8 ? N.uTF8String : N.printableString, a.str.value, strLen, a.text);
      f.pop();
    } else {
      const field = a.syntax === Syntax.COUNTRY ? N.countryName : a.syntax === Syntax.PRINTABLE ? N.printableStringValue : N.ia5String;
      f.addStr(field, a.str.value, strLen, a.text);
    }
    f.pop();
    f.pop();
  }
  f.pop();
  f.pop();
}
