// The certificatePolicies extension (RFC 5280 section 4.2.1.4) as Wireshark 4.0's x509ce shows it
// (Microsoft's application policies too: the same syntax), each qualifier by the dissector its
// OID registers:
//
//   PolicyInformation ::= SEQUENCE { policyIdentifier CertPolicyId,
//        policyQualifiers SEQUENCE SIZE (1..MAX) OF PolicyQualifierInfo OPTIONAL }
//   PolicyQualifierInfo ::= SEQUENCE { policyQualifierId, qualifier ANY DEFINED BY policyQualifierId }
//   id-qt-cps:     CPSuri ::= IA5String (pkix1explicit's DirectoryString field, a pkix1explicit layer)
//   id-qt-unotice: UserNotice ::= SEQUENCE { noticeRef NoticeReference OPTIONAL,
//                                            explicitText DisplayText OPTIONAL }   (a pkix1implicit layer)
//   NoticeReference ::= SEQUENCE { organization DisplayText, noticeNumbers SEQUENCE OF INTEGER }
//   DisplayText ::= CHOICE { ia5String, visibleString, bmpString, utf8String }
//
// Read here: strings of printable ASCII (a BMPString's two-byte characters too), notice numbers
// of up to four bytes; certificatePolicies() says false for any other.

import { FT, names, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { oidText } from './oid-text.ts';
import {
  BMP, type El, IA5, SEQ, UTF8, VISIBLE, children, isUniversal, oid, printable, printableBmp, seqOf, smallUint,
} from './x509-ber.ts';
import { countItem, oidItem } from './x509-items.ts';

/** DisplayText's alternatives by universal tag: their CHOICE index and field. */
const DISPLAY_TEXT = new Map<number, number>([[IA5, 0], [VISIBLE, 1], [BMP, 2], [UTF8, 3]]);
const DISPLAY_NAMES = names([[0, 'ia5String'], [1, 'visibleString'], [2, 'bmpString'], [3, 'utf8String']]);

const P = registerFields({
  certificatePolicies: { name: 'x509ce.CertificatePoliciesSyntax', label: 'CertificatePoliciesSyntax', type: FT.UINT },
  policyInformation: { name: 'x509ce.PolicyInformation_element', label: 'PolicyInformation', type: FT.NONE },
  policyIdentifier: { name: 'x509ce.policyIdentifier', label: 'policyIdentifier', type: FT.STRING },
  policyQualifiers: { name: 'x509ce.policyQualifiers', label: 'policyQualifiers', type: FT.UINT },
  policyQualifierInfo: { name: 'x509ce.PolicyQualifierInfo_element', label: 'PolicyQualifierInfo', type: FT.NONE },
  qualifierId: { name: 'x509ce.id', label: 'Id', type: FT.STRING },
  cpsUri: { name: 'pkix1explicit.DirectoryString', label: 'DirectoryString', type: FT.STRING },
  userNotice: { name: 'pkix1implicit.UserNotice_element', label: 'UserNotice', type: FT.NONE },
  noticeRef: { name: 'pkix1implicit.noticeRef_element', label: 'noticeRef', type: FT.NONE },
  organization: { name: 'pkix1implicit.organization', label: 'organization', type: FT.UINT, names: DISPLAY_NAMES },
  noticeNumbers: { name: 'pkix1implicit.noticeNumbers', label: 'noticeNumbers', type: FT.UINT },
  noticeNumbersItem: { name: 'pkix1implicit.noticeNumbers_item', label: 'noticeNumbers item', type: FT.INT },
  explicitText: { name: 'pkix1implicit.explicitText', label: 'explicitText', type: FT.UINT, names: DISPLAY_NAMES },
  ia5String: { name: 'pkix1implicit.ia5String', label: 'ia5String', type: FT.STRING },
  visibleString: { name: 'pkix1implicit.visibleString', label: 'visibleString', type: FT.STRING },
  bmpString: { name: 'pkix1implicit.bmpString', label: 'bmpString', type: FT.STRING },
  utf8String: { name: 'pkix1implicit.utf8String', label: 'utf8String', type: FT.STRING },
});
const DISPLAY_FIELDS = [P.ia5String, P.visibleString, P.bmpString, P.utf8String];

const CPS = '1.3.6.1.5.5.7.2.1';
const UNOTICE = '1.3.6.1.5.5.7.2.2';

/** A DisplayText's characters, or null: printable ASCII (BMPString: two bytes each). */
function displayText(b: Uint8Array, e: El | undefined): string | null {
  if (e === undefined || !DISPLAY_TEXT.has(e.tag) || !isUniversal(e, e.tag, false) || e.end === e.value) return null;
  return e.tag === BMP ? printableBmp(b, e.value, e.end) : printable(b, e.value, e.end);
}

function userNotice(b: Uint8Array, n: El): boolean {
  const k = seqOf(b, n);
  if (k === null || k.length > 2) return false;
  let i = 0;
  const ref = seqOf(b, k[0], 2);
  if (ref !== null) {
    const numbers = seqOf(b, ref[1]);
    if (ref.length !== 2 || displayText(b, ref[0]) === null || numbers === null || !numbers.every((x) => smallUint(b, x) >= 0)) return false;
    i++;
  }
  if (i < k.length && displayText(b, k[i]) !== null) i++;
  return i === k.length;
}

function qualifier(b: Uint8Array, q: El): boolean {
  const k = seqOf(b, q, 2);
  const id = k?.[0];
  if (k === null || k.length !== 2 || !oid(id)) return false;
  const dotted = oidText(b, id.value, id.end);
  const v = k[1] as El;
  if (dotted === CPS) return isUniversal(v, IA5, false) && printable(b, v.value, v.end) !== null;
  return dotted === UNOTICE && userNotice(b, v);
}

/** Whether extension value `v` is a certificatePolicies read here. */
export function certificatePolicies(b: Uint8Array, v: El): boolean {
  return seqOf(b, v)?.every((p) => {
    const k = seqOf(b, p);
    if (k === null || k.length > 2 || !oid(k[0])) return false;
    return k.length === 1 || (seqOf(b, k[1])?.every((q) => qualifier(b, q)) ?? false);
  }) ?? false;
}

export function certificatePoliciesItems(c: Ctx, v: El): void {
  const f = c.f;
  const b = c.b;
  const list = children(b, v) as El[];
  countItem(c, P.certificatePolicies, v, list.length);
  for (const p of list) {
    const [id, qualifiers] = children(b, p) as [El, El | undefined];
    f.push(f.add(P.policyInformation, p.start, p.end - p.start));
    oidItem(c, P.policyIdentifier, 'policyIdentifier', id);
    if (qualifiers !== undefined) {
      const qs = children(b, qualifiers) as El[];
      countItem(c, P.policyQualifiers, qualifiers, qs.length);
      for (const q of qs) qualifierItems(c, q);
      f.pop();
    }
    f.pop();
  }
  f.pop();
}

function qualifierItems(c: Ctx, q: El): void {
  const f = c.f;
  const b = c.b;
  const [qid, s] = children(b, q) as [El, El];
  f.push(f.add(P.policyQualifierInfo, q.start, q.end - q.start));
  oidItem(c, P.qualifierId, 'Id', qid);
  // the qualifier, by the syntax its OID registers
  if (oidText(b, qid.value, qid.end) === CPS) {
    c.layer('pkix1explicit');
    f.addStr(P.cpsUri, s.value, s.end - s.value, c.wants(P.cpsUri) ? (printable(b, s.value, s.end) ?? '') : '');
  } else {
    c.layer('pkix1implicit');
    f.push(f.add(P.userNotice, s.start, s.end - s.start));
    for (const part of children(b, s) as El[]) {
      if (part.tag === SEQ) {
        const [org, numbers] = children(b, part) as [El, El];
        f.push(f.add(P.noticeRef, part.start, part.end - part.start));
        displayTextItems(c, P.organization, org);
        const ns = children(b, numbers) as El[];
        countItem(c, P.noticeNumbers, numbers, ns.length);
        for (const x of ns) f.add(P.noticeNumbersItem, x.value, x.end - x.value, smallUint(b, x));
        f.pop();
        f.pop();
      } else displayTextItems(c, P.explicitText, part);
    }
    f.pop();
  }
  f.pop();
}

/** A DisplayText as CHOICE field `id` ("explicitText: utf8String (3)"), its string under it. */
function displayTextItems(c: Ctx, id: number, e: El): void {
  const f = c.f;
  const k = DISPLAY_TEXT.get(e.tag) as number;
  f.push(f.add(id, e.start, e.end - e.start, k));
  const field = DISPLAY_FIELDS[k] as number;
  f.addStr(field, e.value, e.end - e.value, c.wants(field) ? (displayText(c.b, e) ?? '') : '');
  f.pop();
}
