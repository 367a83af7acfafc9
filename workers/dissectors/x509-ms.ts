// Microsoft's certificate extensions (Active Directory Certificate Services: the certificates of
// domain controllers' LDAPS, RDP, IIS), as Wireshark 4.0 shows them: the x509sat syntaxes their
// OIDs register (template name as a BMPString, CA version as an Integer, the previous CA
// certificate's hash as an OctetString) and x509ce's CertificateTemplate ::= SEQUENCE {
// templateID OBJECT IDENTIFIER, templateMajorVersion INTEGER, templateMinorVersion INTEGER
// OPTIONAL } (the application policies, certificatePolicies' syntax, are x509-policies.ts's).
// Read here: printable ASCII names, integers below 2^31.

import { FT, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { BerTag } from './ber.ts';
import { BMP, type El, children, isUniversal, oid, printableBmp, seqOf, smallUint } from './x509-ber.ts';
import { oidItem } from './x509-items.ts';

const M = registerFields({
  bmpString: { name: 'x509sat.BMPString', label: 'BMPString', type: FT.STRING },
  integer: { name: 'x509sat.Integer', label: 'Integer', type: FT.INT },
  octetString: { name: 'x509sat.OctetString', label: 'OctetString', type: FT.BYTES },
  template: { name: 'x509ce.CertificateTemplate_element', label: 'CertificateTemplate', type: FT.NONE },
  templateID: { name: 'x509ce.templateID', label: 'templateID', type: FT.STRING },
  templateMajorVersion: { name: 'x509ce.templateMajorVersion', label: 'templateMajorVersion', type: FT.INT },
  templateMinorVersion: { name: 'x509ce.templateMinorVersion', label: 'templateMinorVersion', type: FT.INT },
});

/** id-ms-certificate-template-name: a BMPString. */
export const templateName = (b: Uint8Array, v: El): boolean => isUniversal(v, BMP, false) && printableBmp(b, v.value, v.end) !== null;
export function templateNameItems(c: Ctx, v: El): void {
  c.f.addStr(M.bmpString, v.value, v.end - v.value, c.wants(M.bmpString) ? (printableBmp(c.b, v.value, v.end) ?? '') : '');
}

/** id-ms-ca-version: an INTEGER. */
export const caVersion = (b: Uint8Array, v: El): boolean => smallUint(b, v) >= 0;
export function caVersionItems(c: Ctx, v: El): void {
  c.f.add(M.integer, v.value, v.end - v.value, smallUint(c.b, v));
}

/** id-ms-previous-cert-hash: an OCTET STRING. */
export const previousCertHash = (_b: Uint8Array, v: El): boolean => isUniversal(v, BerTag.OCTET_STRING, false) && v.end > v.value;
export function previousCertHashItems(c: Ctx, v: El): void {
  c.f.add(M.octetString, v.value, v.end - v.value);
}

/** id-ms-certificate-template: a CertificateTemplate. */
export function certificateTemplate(b: Uint8Array, v: El): boolean {
  const k = seqOf(b, v, 2);
  return k !== null && k.length <= 3 && oid(k[0]) && k.slice(1).every((x) => smallUint(b, x) >= 0);
}
export function certificateTemplateItems(c: Ctx, v: El): void {
  const f = c.f;
  const [id, major, minor] = children(c.b, v) as [El, El, El | undefined];
  f.push(f.add(M.template, v.start, v.end - v.start));
  oidItem(c, M.templateID, 'templateID', id);
  f.add(M.templateMajorVersion, major.value, major.end - major.value, smallUint(c.b, major));
  if (minor !== undefined) f.add(M.templateMinorVersion, minor.value, minor.end - minor.value, smallUint(c.b, minor));
  f.pop();
}
