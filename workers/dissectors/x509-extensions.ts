// A certificate's extensions (RFC 5280 section 4.2) as Wireshark 4.0 shows them: the Extension's id
// and critical flag (x509af), then its value by the dissector its OID registers (an x509ce,
// pkix1implicit, pkix1explicit, x509sat or tls layer of frame.protocols, one per extension). Read
// here:
//
//   subjectKeyIdentifier    KeyIdentifier (OCTET STRING)
//   authorityKeyIdentifier  SEQUENCE { keyIdentifier [0], authorityCertIssuer [1] GeneralNames,
//                           authorityCertSerialNumber [2] }, each OPTIONAL
//   basicConstraints        SEQUENCE { cA BOOLEAN DEFAULT FALSE, pathLenConstraint INTEGER OPTIONAL }
//   keyUsage                BIT STRING, one line per named bit (the nine of RFC 5280)
//   extKeyUsage             SEQUENCE OF KeyPurposeId (OBJECT IDENTIFIER)
//   subjectAltName          GeneralNames (x509-general-names.ts), and issuerAltName
//   cRLDistributionPoints   SEQUENCE OF DistributionPoint { distributionPoint [0] { fullName [0] GeneralNames } }
//   authorityInfoAccess     SEQUENCE OF AccessDescription { accessMethod OID, accessLocation GeneralName }
//   certificatePolicies     SEQUENCE OF PolicyInformation (x509-policies.ts)
//   TLS feature             SEQUENCE OF INTEGER (RFC 7633: TLS extension types, "status_request")
//   Microsoft's             template name, CA version, previous CA hash, template, application
//                           policies (x509-ms.ts)
//   SCT list                RFC 6962's SignedCertificateTimestampList (x509-sct.ts)
//
// readExtension() checks an extension whole and says null for any other (or any other form):
// its certificate is then not shown (x509.ts's all-or-nothing rule).

import { FT, names, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { BER, BerClass, BerTag } from './ber.ts';
import { oidName, oidText } from './oid-text.ts';
import {
  BIT_STRING, type El, boolean, children, isContext, isUniversal, oid, only, seqOf, smallUint,
} from './x509-ber.ts';
import { G, generalName, generalNameItems, generalNames, generalNamesItems } from './x509-general-names.ts';
import { countItem, hexInteger, oidItem } from './x509-items.ts';
import {
  caVersion, caVersionItems, certificateTemplate, certificateTemplateItems, previousCertHash, previousCertHashItems, templateName,
  templateNameItems,
} from './x509-ms.ts';
import { certificatePolicies, certificatePoliciesItems } from './x509-policies.ts';
import { sctList, sctListItems } from './x509-sct.ts';
import { EXTENSION_TYPES } from './tls-names.ts';

const bit = (name: string, mask: number) => ({ name: `x509ce.KeyUsage.${name}`, label: name, type: FT.BOOLEAN, bits: 8, mask }) as const;

export const E = registerFields({
  extension: { name: 'x509af.Extension_element', label: 'Extension', type: FT.NONE },
  extensionId: { name: 'x509af.extension.id', label: 'Extension Id', type: FT.STRING },
  critical: { name: 'x509af.critical', label: 'critical', type: FT.BOOLEAN },
  subjectKeyIdentifier: { name: 'x509ce.SubjectKeyIdentifier', label: 'SubjectKeyIdentifier', type: FT.BYTES },
  authorityKeyIdentifier: { name: 'x509ce.AuthorityKeyIdentifier_element', label: 'AuthorityKeyIdentifier', type: FT.NONE },
  keyIdentifier: { name: 'x509ce.keyIdentifier', label: 'keyIdentifier', type: FT.BYTES },
  authorityCertIssuer: { name: 'x509ce.authorityCertIssuer', label: 'authorityCertIssuer', type: FT.UINT },
  authorityCertSerialNumber: { name: 'x509ce.authorityCertSerialNumber', label: 'authorityCertSerialNumber', type: FT.BYTES },
  basicConstraints: { name: 'x509ce.BasicConstraintsSyntax_element', label: 'BasicConstraintsSyntax', type: FT.NONE },
  cA: { name: 'x509ce.cA', label: 'cA', type: FT.BOOLEAN },
  pathLenConstraint: { name: 'x509ce.pathLenConstraint', label: 'pathLenConstraint', type: FT.UINT, bits: 64 },
  keyUsage: { name: 'x509ce.KeyUsage', label: 'KeyUsage', type: FT.BYTES },
  digitalSignature: bit('digitalSignature', 0x80),
  contentCommitment: bit('contentCommitment', 0x40),
  keyEncipherment: bit('keyEncipherment', 0x20),
  dataEncipherment: bit('dataEncipherment', 0x10),
  keyAgreement: bit('keyAgreement', 0x08),
  keyCertSign: bit('keyCertSign', 0x04),
  cRLSign: bit('cRLSign', 0x02),
  encipherOnly: bit('encipherOnly', 0x01),
  decipherOnly: bit('decipherOnly', 0x80),
  keyPurposeIDs: { name: 'x509ce.KeyPurposeIDs', label: 'KeyPurposeIDs', type: FT.UINT },
  keyPurposeId: { name: 'x509ce.KeyPurposeId', label: 'KeyPurposeId', type: FT.STRING },
  crlDistPoints: { name: 'x509ce.CRLDistPointsSyntax', label: 'CRLDistPointsSyntax', type: FT.UINT },
  distributionPointElement: { name: 'x509ce.DistributionPoint_element', label: 'DistributionPoint', type: FT.NONE },
  distributionPoint: { name: 'x509ce.distributionPoint', label: 'distributionPoint', type: FT.UINT,
    names: names([[0, 'fullName'], [1, 'nameRelativeToCRLIssuer']]) },
  fullName: { name: 'x509ce.fullName', label: 'fullName', type: FT.UINT },
  authorityInfoAccess: { name: 'pkix1implicit.AuthorityInfoAccessSyntax', label: 'AuthorityInfoAccessSyntax', type: FT.UINT },
  accessDescription: { name: 'pkix1implicit.AccessDescription_element', label: 'AccessDescription', type: FT.NONE },
  accessMethod: { name: 'pkix1implicit.accessMethod', label: 'accessMethod', type: FT.STRING },
  accessLocation: { name: 'pkix1implicit.accessLocation', label: 'accessLocation', type: FT.UINT },
  features: { name: 'pkix1explicit.Features', label: 'Features', type: FT.UINT },
  featuresItem: { name: 'pkix1explicit.Features_item', label: 'Features item', type: FT.UINT, bits: 16, names: names(EXTENSION_TYPES),
    unknownName: true },
});

const KEY_USAGE_BITS = [E.digitalSignature, E.contentCommitment, E.keyEncipherment, E.dataEncipherment, E.keyAgreement,
  E.keyCertSign, E.cRLSign, E.encipherOnly, E.decipherOnly];

/** One extension's value: whether it is all read here, its tree, and the layer its OID's dissector is. */
interface Decoder {
  layer: string;
  /** `v` is the element extnValue's OCTET STRING holds (for the SCT list, that OCTET STRING). */
  check(b: Uint8Array, v: El): boolean;
  show(c: Ctx, v: El): void;
}

/** An Extension read whole: its id, critical flag, value, and the decoder of its value. */
export interface Ext { e: El; id: El; name: string; critical: El | null; v: El; decoder: Decoder }

/** subjectAltName and issuerAltName: GeneralNames. */
const ALT_NAME: Decoder = {
  layer: 'x509ce',
  check: (b, v) => generalNames(b, v) !== null,
  show: (c, v) => generalNamesItems(c, G.generalNames, v, generalNames(c.b, v) as El[]),
};

const DECODERS = new Map<string, Decoder>([
  ['2.5.29.14', {
    layer: 'x509ce',
    check: (_b, v) => isUniversal(v, BerTag.OCTET_STRING, false),
    show: (c, v) => void c.f.add(E.subjectKeyIdentifier, v.value, v.end - v.value),
  }],
  ['2.5.29.35', { layer: 'x509ce', check: authorityKeyIdentifier, show: authorityKeyIdentifierItems }],
  ['2.5.29.19', { layer: 'x509ce', check: basicConstraints, show: basicConstraintsItems }],
  ['2.5.29.15', {
    layer: 'x509ce',
    // (padding, then one or two bytes: the nine bits)
    check: (b, v) => isUniversal(v, BIT_STRING, false) && v.end - v.value >= 2 && v.end - v.value <= 3 && (b[v.value] as number) < 8,
    show: keyUsageItems,
  }],
  ['2.5.29.37', {
    layer: 'x509ce',
    check: (b, v) => seqOf(b, v)?.every(oid) ?? false,
    show: (c, v) => {
      const k = children(c.b, v) as El[];
      countItem(c, E.keyPurposeIDs, v, k.length);
      for (const p of k) oidItem(c, E.keyPurposeId, 'KeyPurposeId', p);
      c.f.pop();
    },
  }],
  ['2.5.29.17', ALT_NAME],
  ['2.5.29.18', ALT_NAME],
  ['2.5.29.31', {
    layer: 'x509ce',
    check: (b, v) => seqOf(b, v)?.every((d) => fullName(b, d) !== null) ?? false,
    show: crlDistPointsItems,
  }],
  ['1.3.6.1.5.5.7.1.1', {
    layer: 'pkix1implicit',
    check: (b, v) => seqOf(b, v)?.every((d) => {
      const k = seqOf(b, d, 2);
      return k !== null && k.length === 2 && oid(k[0]) && generalName(b, k[1]);
    }) ?? false,
    show: accessItems,
  }],
  ['2.5.29.32', { layer: 'x509ce', check: certificatePolicies, show: certificatePoliciesItems }],
  ['1.3.6.1.4.1.311.21.10', { layer: 'x509ce', check: certificatePolicies, show: certificatePoliciesItems }],
  ['1.3.6.1.4.1.311.21.7', { layer: 'x509ce', check: certificateTemplate, show: certificateTemplateItems }],
  ['1.3.6.1.4.1.311.20.2', { layer: 'x509sat', check: templateName, show: templateNameItems }],
  ['1.3.6.1.4.1.311.21.1', { layer: 'x509sat', check: caVersion, show: caVersionItems }],
  ['1.3.6.1.4.1.311.21.2', { layer: 'x509sat', check: previousCertHash, show: previousCertHashItems }],
  ['1.3.6.1.5.5.7.1.24', {
    layer: 'pkix1explicit',
    check: (b, v) => seqOf(b, v)?.every((k) => smallUint(b, k) >= 0 && smallUint(b, k) <= 0xffff) ?? false,
    show: (c, v) => {
      const k = children(c.b, v) as El[];
      countItem(c, E.features, v, k.length);
      for (const x of k) c.f.add(E.featuresItem, x.value, x.end - x.value, smallUint(c.b, x));
      c.f.pop();
    },
  }],
  ['1.3.6.1.4.1.11129.2.4.2', { layer: 'tls', check: (b, v) => isUniversal(v, BerTag.OCTET_STRING, false) && sctList(b, v.value, v.end), show: sctListItems }],
]);

/** Extension `e` (SEQUENCE { extnID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }),
 *  when its value is one read here. */
export function readExtension(b: Uint8Array, e: El): Ext | null {
  const k = seqOf(b, e, 2);
  if (k === null || k.length > 3 || !oid(k[0])) return null;
  const id = k[0];
  const dotted = oidText(b, id.value, id.end) ?? '';
  const decoder = DECODERS.get(dotted);
  const name = oidName(dotted);
  if (decoder === undefined || name === null) return null;
  let critical: El | null = null;
  if (k.length === 3) {
    if (!boolean(k[1])) return null;
    critical = k[1];
  }
  const value = k[k.length - 1] as El;
  if (!isUniversal(value, BerTag.OCTET_STRING, false)) return null;
  const v = only(b, value);
  if (v === null || !decoder.check(b, v)) return null;
  return { e, id, name, critical, v, decoder };
}

/** An Extension: its id, critical flag and value. */
export function extensionItems(c: Ctx, x: Ext): void {
  const f = c.f;
  const i = f.add(E.extension, x.e.start, x.e.end - x.e.start);
  // (a subtree's title, kept with its item: also in a lean dissection that wants it)
  if (i >= 0) f.label(i, `Extension (${x.name})`);
  f.push(i);
  oidItem(c, E.extensionId, 'Extension Id', x.id, x.name);
  if (x.critical !== null) f.add(E.critical, x.critical.value, 1, c.b[x.critical.value] === 0 ? 0 : 1);
  // the value, by the dissector its OID registers
  c.layer(x.decoder.layer);
  x.decoder.show(c, x.v);
  f.pop();
}

/** AuthorityKeyIdentifier: its three parts in their order, each OPTIONAL. */
function authorityKeyIdentifier(b: Uint8Array, v: El): boolean {
  const p = seqOf(b, v);
  if (p === null) return false;
  let tag = -1;
  for (const k of p) {
    if (k.cls !== BerClass.CONTEXT || k.tag <= tag || k.tag > 2 || k.constructed !== (k.tag === 1)) return false;
    if (k.tag === 1 ? generalNames(b, k, 1) === null : k.end === k.value) return false;
    tag = k.tag;
  }
  return true;
}

function authorityKeyIdentifierItems(c: Ctx, v: El): void {
  const f = c.f;
  f.push(f.add(E.authorityKeyIdentifier, v.start, v.end - v.start));
  for (const k of children(c.b, v) as El[]) {
    if (k.tag === 0) f.add(E.keyIdentifier, k.value, k.end - k.value);
    else if (k.tag === 1) generalNamesItems(c, E.authorityCertIssuer, k, generalNames(c.b, k, 1) as El[]);
    else hexInteger(c, E.authorityCertSerialNumber, 'authorityCertSerialNumber', k);
  }
  f.pop();
}

function basicConstraints(b: Uint8Array, v: El): boolean {
  const p = seqOf(b, v, 0);
  if (p === null) return false;
  let k = 0;
  if (boolean(p[k])) k++;
  if (k < p.length && smallUint(b, p[k]) >= 0) k++;
  return k === p.length;
}

function basicConstraintsItems(c: Ctx, v: El): void {
  const f = c.f;
  const b = c.b;
  const i = f.add(E.basicConstraints, v.start, v.end - v.start);
  // (dissect_ber_sequence on an empty SEQUENCE)
  if (v.end === v.value && i >= 0) f.label(i, 'BasicConstraintsSyntax [0 length]');
  f.push(i);
  for (const p of children(b, v) as El[]) {
    if (p.tag === BerTag.BOOLEAN) f.add(E.cA, p.value, 1, b[p.value] === 0 ? 0 : 1);
    else f.add(E.pathLenConstraint, p.value, p.end - p.value, smallUint(b, p));
  }
  f.pop();
}

/** KeyUsage: "Padding: 5", the bits' bytes, a line per named bit (a bit past the string's bytes
 *  is 0, shown with no bytes: X.690 8.6.2.4). */
function keyUsageItems(c: Ctx, v: El): void {
  const f = c.f;
  const b = c.b;
  f.add(BER.bitstringPadding, v.value, 1, b[v.value] as number);
  f.push(f.add(E.keyUsage, v.value + 1, v.end - v.value - 1));
  KEY_USAGE_BITS.forEach((id, k) => {
    const at = v.value + 1 + (k >> 3);
    if (at < v.end) f.add(id, at, 1, (b[at] as number) & (0x80 >> (k & 7)));
    else f.add(id, v.end, 0, 0);
  });
  f.pop();
}

/** A DistributionPoint's fullName GeneralNames: the point holds distributionPoint [0] alone, a
 *  fullName [0] (reasons and cRLIssuer are not read). */
function fullName(b: Uint8Array, d: El): { point: El; names: El; items: El[] } | null {
  const k = seqOf(b, d);
  if (k === null || k.length !== 1 || !isContext(k[0], 0) || !(k[0] as El).constructed) return null;
  const point = k[0] as El;
  const names = only(b, point);
  if (names === null) return null;
  const items = generalNames(b, names, 0);
  return items === null ? null : { point, names, items };
}

function crlDistPointsItems(c: Ctx, v: El): void {
  const f = c.f;
  const points = children(c.b, v) as El[];
  countItem(c, E.crlDistPoints, v, points.length);
  for (const d of points) {
    const n = fullName(c.b, d) as { point: El; names: El; items: El[] };
    f.push(f.add(E.distributionPointElement, d.start, d.end - d.start));
    f.push(f.add(E.distributionPoint, n.point.start, n.point.end - n.point.start, 0));
    generalNamesItems(c, E.fullName, n.names, n.items);
    f.pop();
    f.pop();
  }
  f.pop();
}

function accessItems(c: Ctx, v: El): void {
  const f = c.f;
  const list = children(c.b, v) as El[];
  countItem(c, E.authorityInfoAccess, v, list.length);
  for (const d of list) {
    const [method, location] = children(c.b, d) as [El, El];
    f.push(f.add(E.accessDescription, d.start, d.end - d.start));
    oidItem(c, E.accessMethod, 'accessMethod', method);
    generalNameItems(c, E.accessLocation, location);
    f.pop();
  }
  f.pop();
}
