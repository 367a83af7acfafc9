// GeneralName and GeneralNames (RFC 5280 section 4.2.1.6; X.509's CertificateExtensions module) as
// Wireshark 4.0's x509ce dissector shows them: "GeneralName: dNSName (2)" (the CHOICE's
// alternative), then the name under it. The alternatives read here: rfc822Name [1], dNSName [2]
// and uniformResourceIdentifier [6], IA5Strings shown as text, directoryName [4], a Name
// (x509-names.ts), and iPAddress [7], four bytes an IPv4 and sixteen an IPv6 address
// (dissect_x509ce_T_iPAddress). "When the subjectAltName
// extension contains an iPAddress, the address MUST be stored in the octet string in 'network
// byte order'" (RFC 5280). A GeneralName of another alternative is not read: generalName() says
// null, and its certificate keeps its one line.

import { FT, names, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { type El, children, isContext, isUniversal, only, printable, SEQ } from './x509-ber.ts';
import { countItem } from './x509-items.ts';
import { type Name, nameItems, readName } from './x509-names.ts';

const RFC822 = 1;
const DNS = 2;
const DIRECTORY = 4;
const URI = 6;
const IP = 7;

export const G = registerFields({
  generalNames: { name: 'x509ce.GeneralNames', label: 'GeneralNames', type: FT.UINT },
  generalName: { name: 'x509ce.GeneralName', label: 'GeneralName', type: FT.UINT, names: names([[0, 'otherName'], [RFC822, 'rfc822Name'],
    [DNS, 'dNSName'], [3, 'x400Address'], [4, 'directoryName'], [5, 'ediPartyName'], [URI, 'uniformResourceIdentifier'],
    [IP, 'iPAddress'], [8, 'registeredID']]) },
  rfc822Name: { name: 'x509ce.rfc822Name', label: 'rfc822Name', type: FT.STRING },
  dNSName: { name: 'x509ce.dNSName', label: 'dNSName', type: FT.STRING },
  uniformResourceIdentifier: { name: 'x509ce.uniformResourceIdentifier', label: 'uniformResourceIdentifier', type: FT.STRING },
  ipv4: { name: 'x509ce.IPAddress.ipv4', label: 'iPAddress', type: FT.IPV4 },
  ipv6: { name: 'x509ce.IPAddress.ipv6', label: 'iPAddress', type: FT.IPV6 },
  directoryName: { name: 'x509ce.directoryName', label: 'directoryName', type: FT.UINT, names: names([[0, 'rdnSequence']]) },
});

/** Whether `e` is a GeneralName of an alternative read here (an IA5String of printable ASCII, an
 *  address of four or sixteen bytes, a Name read whole: the [4] of a CHOICE is EXPLICIT). */
export function generalName(b: Uint8Array, e: El | undefined): boolean {
  if (e === undefined || !isContext(e, e.tag)) return false;
  if (e.tag === DIRECTORY) return e.constructed && readName(b, only(b, e) ?? undefined) !== null;
  if (e.constructed) return false;
  const n = e.end - e.value;
  if (e.tag === IP) return n === 4 || n === 16;
  if (e.tag !== RFC822 && e.tag !== DNS && e.tag !== URI) return false;
  return n > 0 && printable(b, e.value, e.end) !== null;
}

/** The GeneralName items of GeneralNames `e` (a SEQUENCE, or the constructed [tag] of an
 *  IMPLICIT one: `tag` >= 0), or null unless there is at least one and all are read here. */
export function generalNames(b: Uint8Array, e: El | undefined, tag = -1): El[] | null {
  if (tag >= 0 ? !isContext(e, tag) || !e.constructed : !isUniversal(e, SEQ, true)) return null;
  const k = children(b, e as El);
  if (k === null || k.length === 0 || !k.every((g) => generalName(b, g))) return null;
  return k;
}

/** A GeneralName as field `id` ("GeneralName: dNSName (2)", or the field standing for it, as
 *  pkix1implicit's accessLocation) with its value under it. */
export function generalNameItems(c: Ctx, id: number, e: El): void {
  const f = c.f;
  f.push(f.add(id, e.start, e.end - e.start, e.tag));
  const n = e.end - e.value;
  if (e.tag === DIRECTORY) nameItems(c, G.directoryName, readName(c.b, only(c.b, e) ?? undefined) as Name);
  else if (e.tag === IP) f.add(n === 4 ? G.ipv4 : G.ipv6, e.value, n);
  else {
    const field = e.tag === DNS ? G.dNSName : e.tag === RFC822 ? G.rfc822Name : G.uniformResourceIdentifier;
    f.addStr(field, e.value, n, c.wants(field) ? (printable(c.b, e.value, e.end) ?? '') : '');
  }
  f.pop();
}

/** GeneralNames `e` as count field `id` ("GeneralNames: 2 items", "fullName: 1 item"), each name under it. */
export function generalNamesItems(c: Ctx, id: number, e: El, items: readonly El[]): void {
  countItem(c, id, e, items.length);
  for (const g of items) generalNameItems(c, G.generalName, g);
  c.f.pop();
}
