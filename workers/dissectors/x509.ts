// X.509 certificates inside a TLS Certificate message, as Wireshark 4.0's x509af / x509if /
// x509sat / x509ce / pkcs1 dissectors (written from their ASN.1) show them: the TBSCertificate's
// version, serial number, signature algorithm, issuer and subject names (each attribute by its
// OID's registered syntax), validity, RSA public key and extensions, then the signature.
//
// Only a subset is dissected, and all or nothing: a certificate is first read whole (read()) and
// shown only when every part is one this file knows how Wireshark shows (single-attribute RDNs of
// the attribute types in ATTRIBUTES, algorithms in ALGORITHMS, RSA keys, the subject / authority
// key identifier and basic constraints extensions, UTCTime / GeneralizedTime in their DER forms).
// Any other certificate keeps its one "Certificate: …" line. Its name appended to that line, and
// frame.protocols' x509sat / x509ce (one per attribute and per extension: the OID dissectors the
// certificate calls) come with it.

import { FT, names, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { BerClass, BerTag, ber, readBer } from './ber.ts';
import { F as KERBEROS } from './kerberos-fields.ts';
import { oidText } from './oid-text.ts';
import { addAbsTime } from './time-fields.ts';

const CHOICE_NAME = names([[0, 'rdnSequence']]);
const TIME_CHOICE = names([[0, 'utcTime'], [1, 'generalizedTime']]);

export const X = registerFields({
  signedCertificate: { name: 'x509af.signedCertificate_element', label: 'signedCertificate', type: FT.NONE },
  version: { name: 'x509af.version', label: 'version', type: FT.INT, names: names([[0, 'v1'], [1, 'v2'], [2, 'v3']]), unknownName: true },
  serialNumber: { name: 'x509af.serialNumber', label: 'serialNumber', type: FT.BYTES },
  signature: { name: 'x509af.signature_element', label: 'signature', type: FT.NONE },
  algorithmId: { name: 'x509af.algorithm.id', label: 'Algorithm Id', type: FT.STRING },
  issuer: { name: 'x509af.issuer', label: 'issuer', type: FT.UINT, names: CHOICE_NAME },
  subject: { name: 'x509af.subject', label: 'subject', type: FT.UINT, names: CHOICE_NAME },
  rdnSequence: { name: 'x509if.rdnSequence', label: 'rdnSequence', type: FT.UINT },
  rdnItem: { name: 'x509if.RDNSequence_item', label: 'RDNSequence item', type: FT.UINT },
  avaItem: { name: 'x509if.RelativeDistinguishedName_item_element', label: 'RelativeDistinguishedName item', type: FT.NONE },
  attributeOid: { name: 'x509if.oid', label: 'Object Id', type: FT.STRING },
  directoryString: { name: 'x509sat.DirectoryString', label: 'DirectoryString', type: FT.UINT,
    names: names([[0, 'teletexString'], [1, 'printableString'], [2, 'universalString'], [3, 'bmpString'], [4, 'uTF8String']]) },
  printableString: { name: 'x509sat.printableString', label: 'printableString', type: FT.STRING },
  uTF8String: { name: 'x509sat.uTF8String', label: 'uTF8String', type: FT.STRING },
  countryName: { name: 'x509sat.CountryName', label: 'CountryName', type: FT.STRING },
  validity: { name: 'x509af.validity_element', label: 'validity', type: FT.NONE },
  notBefore: { name: 'x509af.notBefore', label: 'notBefore', type: FT.UINT, names: TIME_CHOICE },
  notAfter: { name: 'x509af.notAfter', label: 'notAfter', type: FT.UINT, names: TIME_CHOICE },
  utcTime: { name: 'x509af.utcTime', label: 'utcTime', type: FT.STRING },
  generalizedTime: { name: 'x509af.generalizedTime', label: 'generalizedTime', type: FT.ABSOLUTE_TIME },
  subjectPublicKeyInfo: { name: 'x509af.subjectPublicKeyInfo_element', label: 'subjectPublicKeyInfo', type: FT.NONE },
  algorithm: { name: 'x509af.algorithm_element', label: 'algorithm', type: FT.NONE },
  subjectPublicKey: { name: 'x509af.subjectPublicKey', label: 'subjectPublicKey', type: FT.BYTES },
  modulus: { name: 'pkcs1.modulus', label: 'modulus', type: FT.BYTES },
  publicExponent: { name: 'pkcs1.publicExponent', label: 'publicExponent', type: FT.INT },
  extensions: { name: 'x509af.extensions', label: 'extensions', type: FT.UINT },
  extension: { name: 'x509af.Extension_element', label: 'Extension', type: FT.NONE },
  extensionId: { name: 'x509af.extension.id', label: 'Extension Id', type: FT.STRING },
  critical: { name: 'x509af.critical', label: 'critical', type: FT.BOOLEAN },
  subjectKeyIdentifier: { name: 'x509ce.SubjectKeyIdentifier', label: 'SubjectKeyIdentifier', type: FT.BYTES },
  authorityKeyIdentifier: { name: 'x509ce.AuthorityKeyIdentifier_element', label: 'AuthorityKeyIdentifier', type: FT.NONE },
  keyIdentifier: { name: 'x509ce.keyIdentifier', label: 'keyIdentifier', type: FT.BYTES },
  basicConstraints: { name: 'x509ce.BasicConstraintsSyntax_element', label: 'BasicConstraintsSyntax', type: FT.NONE },
  cA: { name: 'x509ce.cA', label: 'cA', type: FT.BOOLEAN },
  pathLenConstraint: { name: 'x509ce.pathLenConstraint', label: 'pathLenConstraint', type: FT.UINT, bits: 64 },
  algorithmIdentifier: { name: 'x509af.algorithmIdentifier_element', label: 'algorithmIdentifier', type: FT.NONE },
  encrypted: { name: 'x509af.encrypted', label: 'encrypted', type: FT.BYTES },
});

/** Attribute types by OID: their registered name, and whether x509sat reads them as a
 *  DirectoryString (else a CountryName). */
const ATTRIBUTES = new Map<string, readonly [string, boolean]>([
  ['2.5.4.3', ['id-at-commonName', true]], ['2.5.4.6', ['id-at-countryName', false]], ['2.5.4.7', ['id-at-localityName', true]],
  ['2.5.4.8', ['id-at-stateOrProvinceName', true]], ['2.5.4.10', ['id-at-organizationName', true]],
  ['2.5.4.11', ['id-at-organizationalUnitName', true]],
]);

/** Algorithms whose parameters (none, or NULL) pkcs1 / pkixalgs show nothing of, by OID. */
const ALGORITHMS = new Map<string, string>([
  ['1.2.840.113549.1.1.1', 'rsaEncryption'], ['1.2.840.113549.1.1.5', 'sha1WithRSAEncryption'],
  ['1.2.840.113549.1.1.11', 'sha256WithRSAEncryption'], ['1.2.840.113549.1.1.12', 'sha384WithRSAEncryption'],
  ['1.2.840.113549.1.1.13', 'sha512WithRSAEncryption'],
]);
const RSA = '1.2.840.113549.1.1.1';

const SUBJECT_KEY_ID = '2.5.29.14';
const BASIC_CONSTRAINTS = '2.5.29.19';
const AUTHORITY_KEY_ID = '2.5.29.35';
const EXTENSIONS = new Map<string, string>([
  [SUBJECT_KEY_ID, 'id-ce-subjectKeyIdentifier'], [BASIC_CONSTRAINTS, 'id-ce-basicConstraints'], [AUTHORITY_KEY_ID, 'id-ce-authorityKeyIdentifier'],
]);

/** A BER element: its tag, where it starts, its value and where it ends. */
interface El {
  cls: number;
  constructed: boolean;
  tag: number;
  start: number;
  value: number;
  end: number;
}

/** The element at o (definite length, all inside `end`), or null. */
function el(b: Uint8Array, o: number, end: number): El | null {
  if (o >= end || !readBer(b, o, end)) return null;
  // (ber.ts's one reused header: copied before anything reads another)
  const h = ber;
  if (h.indefinite || h.value + h.len > end) return null;
  return { cls: h.cls, constructed: h.constructed, tag: h.tag, start: o, value: h.value, end: h.value + h.len };
}

/** The elements inside constructed element `e`, or null when they do not fill it exactly. */
function children(b: Uint8Array, e: El): El[] | null {
  const out: El[] = [];
  for (let o = e.value; o < e.end; ) {
    const k = el(b, o, e.end);
    if (k === null) return null;
    out.push(k);
    o = k.end;
  }
  return out;
}

const isUniversal = (e: El | null | undefined, tag: number, constructed: boolean): e is El =>
  e !== null && e !== undefined && e.cls === BerClass.UNIVERSAL && e.tag === tag && e.constructed === constructed;
const isContext = (e: El | null | undefined, tag: number): e is El =>
  e !== null && e !== undefined && e.cls === BerClass.CONTEXT && e.tag === tag;

const SEQ = BerTag.SEQUENCE;
const OID_TAG = 6;
const NULL_TAG = 5;
const BIT_STRING = 3;
const UTF8 = 12;
const PRINTABLE = 19;
const UTC_TIME = 23;
const GENERALIZED_TIME = 24;

interface Alg { e: El; oid: El; name: string }
interface Ava { e: El; type: El; name: string; directory: boolean; str: El; text: string }
interface Rdn { e: El; ava: Ava }
interface Name { e: El; rdns: Rdn[]; text: string }
interface Time { e: El; generalized: boolean; text: string; sec: number }
interface Ext { e: El; id: El; name: string; critical: El | null; value: El; parts: El[] }
interface Cert {
  tbs: El; version: El | null; versionValue: number; serial: El; signature: Alg; issuer: Name; notBefore: Time; notAfter: Time;
  validity: El; subject: Name; spki: El; keyAlg: Alg; key: El; modulus: El; exponent: El; exponentValue: number;
  extensions: El | null; exts: Ext[]; alg: Alg; sig: El;
}

function printable(b: Uint8Array, o: number, e: number): string | null {
  let s = '';
  for (let k = o; k < e; k++) {
    const ch = b[k] as number;
    if (ch < 0x20 || ch > 0x7e) return null;
    s += String.fromCharCode(ch);
  }
  return s;
}

function algorithm(b: Uint8Array, e: El | undefined): Alg | null {
  if (!isUniversal(e, SEQ, true)) return null;
  const k = children(b, e);
  if (k === null || k.length < 1 || k.length > 2 || !isUniversal(k[0], OID_TAG, false)) return null;
  const oid = k[0] as El;
  const name = ALGORITHMS.get(oidText(b, oid.value, oid.end) ?? '');
  if (name === undefined) return null;
  // parameters: absent or NULL
  if (k.length === 2 && !(isUniversal(k[1], NULL_TAG, false) && (k[1] as El).end === (k[1] as El).value)) return null;
  return { e, oid, name };
}

function name(b: Uint8Array, e: El | undefined): Name | null {
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
    if (k === null || k.length !== 2 || !isUniversal(k[0], OID_TAG, false)) return null;
    const type = k[0] as El;
    const attr = ATTRIBUTES.get(oidText(b, type.value, type.end) ?? '');
    const str = k[1] as El;
    if (attr === undefined) return null;
    const [attrName, directory] = attr;
    // a DirectoryString's printableString or uTF8String (ASCII only here); a CountryName's PrintableString
    if (!isUniversal(str, directory ? UTF8 : PRINTABLE, false) && !(directory && isUniversal(str, PRINTABLE, false))) return null;
    const text = printable(b, str.value, str.end);
    if (text === null || text.length === 0) return null;
    rdns.push({ e: set, ava: { e: ava, type, name: attrName, directory, str, text } });
  }
  // "RDN's are encoded in reverse order": the last one first
  const text = rdns.map((r) => `${r.ava.name}=${r.ava.text}`).reverse().join(',');
  return { e, rdns, text };
}

function time(b: Uint8Array, e: El | undefined): Time | null {
  if (e === undefined) return null;
  const generalized = isUniversal(e, GENERALIZED_TIME, false);
  if (!generalized && !isUniversal(e, UTC_TIME, false)) return null;
  const s = printable(b, e.value, e.end);
  const m = s === null ? null : (generalized ? /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/ : /^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/).exec(s);
  if (m === null) return null;
  const [, y, mo, d, h, mi, sec] = m as unknown as [string, string, string, string, string, string, string];
  // UTCTime: years below 50 are 20xx (RFC 5280 section 4.1.2.5.1)
  const year = generalized ? Number(y) : Number(y) < 50 ? 2000 + Number(y) : 1900 + Number(y);
  const text = `${year}-${mo}-${d} ${h}:${mi}:${sec} (UTC)`;
  return { e, generalized, text, sec: Date.UTC(year, Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec)) / 1000 };
}

function integer(b: Uint8Array, e: El | undefined): e is El {
  return isUniversal(e, BerTag.INTEGER, false) && e.end > e.value;
}

function extension(b: Uint8Array, e: El): Ext | null {
  if (!isUniversal(e, SEQ, true)) return null;
  const k = children(b, e);
  if (k === null || k.length < 2 || k.length > 3 || !isUniversal(k[0], OID_TAG, false)) return null;
  const id = k[0] as El;
  const oid = oidText(b, id.value, id.end) ?? '';
  const extName = EXTENSIONS.get(oid);
  if (extName === undefined) return null;
  let critical: El | null = null;
  if (k.length === 3) {
    critical = k[1] as El;
    if (!isUniversal(critical, BerTag.BOOLEAN, false) || critical.end - critical.value !== 1) return null;
  }
  const value = k[k.length - 1] as El;
  if (!isUniversal(value, BerTag.OCTET_STRING, false)) return null;
  const inner = el(b, value.value, value.end);
  if (inner === null || inner.end !== value.end) return null;
  let parts: El[] = [];
  if (oid === SUBJECT_KEY_ID) {
    if (!isUniversal(inner, BerTag.OCTET_STRING, false)) return null;
    parts = [inner];
  } else {
    if (!isUniversal(inner, SEQ, true)) return null;
    const p = children(b, inner);
    if (p === null) return null;
    if (oid === AUTHORITY_KEY_ID) {
      // keyIdentifier [0] only
      if (p.length !== 1 || !isContext(p[0], 0) || (p[0] as El).constructed) return null;
    } else {
      // basicConstraints: cA BOOLEAN DEFAULT FALSE, pathLenConstraint INTEGER OPTIONAL
      let k2 = 0;
      if (isUniversal(p[k2], BerTag.BOOLEAN, false) && (p[k2] as El).end - (p[k2] as El).value === 1) k2++;
      if (k2 < p.length && integer(b, p[k2]) && (p[k2] as El).end - (p[k2] as El).value <= 4 && ((b[(p[k2] as El).value] as number) & 0x80) === 0) k2++;
      if (k2 !== p.length) return null;
    }
    parts = [inner, ...p];
  }
  return { e, id, name: extName, critical, value, parts };
}

/** The certificate at [o, end), when all of it is in the subset shown. */
function read(b: Uint8Array, o: number, end: number): Cert | null {
  const cert = el(b, o, end);
  if (!isUniversal(cert, SEQ, true) || cert.end !== end) return null;
  const top = children(b, cert);
  if (top === null || top.length !== 3) return null;
  const [tbs, algEl, sigEl] = top as [El, El, El];
  if (!isUniversal(tbs, SEQ, true)) return null;
  const alg = algorithm(b, algEl);
  if (alg === null || !isUniversal(sigEl, BIT_STRING, false) || sigEl.end - sigEl.value < 2 || b[sigEl.value] !== 0) return null;
  const k = children(b, tbs);
  if (k === null) return null;
  let i = 0;
  let version: El | null = null;
  let versionValue = 0;
  if (isContext(k[0], 0)) {
    const v = children(b, k[0] as El);
    if (v === null || v.length !== 1 || !integer(b, v[0]) || (v[0] as El).end - (v[0] as El).value !== 1) return null;
    version = v[0] as El;
    versionValue = b[version.value] as number;
    i++;
  }
  const serial = k[i++];
  if (!integer(b, serial) || serial.end - serial.value > 32) return null;
  const signature = algorithm(b, k[i++]);
  const issuer = name(b, k[i++]);
  const validity = k[i++];
  const subject = name(b, k[i++]);
  const spki = k[i++];
  if (signature === null || issuer === null || subject === null || !isUniversal(validity, SEQ, true) || !isUniversal(spki, SEQ, true)) return null;
  const times = children(b, validity);
  const notBefore = time(b, times?.[0]);
  const notAfter = time(b, times?.[1]);
  if (times === null || times.length !== 2 || notBefore === null || notAfter === null) return null;
  const keyParts = children(b, spki);
  if (keyParts === null || keyParts.length !== 2) return null;
  const keyAlg = algorithm(b, keyParts[0]);
  const bits = keyParts[1] as El;
  if (keyAlg === null || oidText(b, keyAlg.oid.value, keyAlg.oid.end) !== RSA || !isUniversal(bits, BIT_STRING, false) || bits.end - bits.value < 2 || b[bits.value] !== 0) return null;
  const key = el(b, bits.value + 1, bits.end);
  if (!isUniversal(key, SEQ, true) || key.end !== bits.end) return null;
  const rsa = children(b, key);
  if (rsa === null || rsa.length !== 2 || !integer(b, rsa[0]) || !integer(b, rsa[1])) return null;
  const exponent = rsa[1] as El;
  if (exponent.end - exponent.value > 4 || ((b[exponent.value] as number) & 0x80) !== 0) return null;
  let exponentValue = 0;
  for (let p = exponent.value; p < exponent.end; p++) exponentValue = exponentValue * 256 + (b[p] as number);
  // issuerUniqueID / subjectUniqueID are not shown here; extensions [3]
  let extensions: El | null = null;
  const exts: Ext[] = [];
  if (i < k.length) {
    if (!isContext(k[i], 3)) return null;
    const list = children(b, k[i] as El);
    if (list === null || list.length !== 1 || !isUniversal(list[0], SEQ, true)) return null;
    extensions = list[0] as El;
    const items = children(b, extensions);
    if (items === null || items.length === 0) return null;
    for (const item of items) {
      const x = extension(b, item);
      if (x === null) return null;
      exts.push(x);
    }
    i++;
  }
  if (i !== k.length) return null;
  return {
    tbs, version, versionValue, serial, signature, issuer, notBefore, notAfter, validity, subject, spki, keyAlg, key,
    modulus: rsa[0] as El, exponent, exponentValue, extensions, exts, alg, sig: sigEl,
  };
}

/**
 * dissect_x509af_Certificate: the certificate [o, end) under its "Certificate" line (entry
 * `item`, already added), when read() takes it; its subject appended to that line.
 */
export function x509Certificate(c: Ctx, item: number, o: number, end: number): void {
  const b = c.b;
  if (end > b.length) return;
  const cert = read(b, o, end);
  if (cert === null) return;
  const f = c.f;
  const full = f.wanted === null;
  f.push(item);
  const tbs = f.add(X.signedCertificate, cert.tbs.start, cert.tbs.end - cert.tbs.start);
  f.push(tbs);
  if (cert.version !== null) f.add(X.version, cert.version.value, 1, cert.versionValue);
  hexInteger(c, X.serialNumber, 'serialNumber', cert.serial);
  algorithmItems(c, X.signature, 'signature', cert.signature);
  nameItems(c, X.issuer, cert.issuer);
  f.push(f.add(X.validity, cert.validity.start, cert.validity.end - cert.validity.start));
  timeItems(c, X.notBefore, cert.notBefore);
  timeItems(c, X.notAfter, cert.notAfter);
  f.pop();
  nameItems(c, X.subject, cert.subject);
  f.push(f.add(X.subjectPublicKeyInfo, cert.spki.start, cert.spki.end - cert.spki.start));
  algorithmItems(c, X.algorithm, 'algorithm', cert.keyAlg);
  // x509af hands the BIT STRING's bytes to pkcs1's RSAPublicKey, under the subjectPublicKey field
  f.push(f.add(X.subjectPublicKey, cert.key.start, cert.key.end - cert.key.start));
  hexInteger(c, X.modulus, 'modulus', cert.modulus);
  f.add(X.publicExponent, cert.exponent.value, cert.exponent.end - cert.exponent.value, cert.exponentValue);
  f.pop();
  f.pop();
  if (cert.extensions !== null) {
    const list = f.add(X.extensions, cert.extensions.start, cert.extensions.end - cert.extensions.start, cert.exts.length);
    if (full) f.appendLabel(list, cert.exts.length === 1 ? ' item' : ' items');
    f.push(list);
    for (const x of cert.exts) extensionItems(c, x);
    f.pop();
  }
  f.pop();
  algorithmItems(c, X.algorithmIdentifier, 'algorithmIdentifier', cert.alg);
  // (packet-ber.c's one BIT STRING padding field, which kerberos-fields.ts registers)
  f.add(KERBEROS.padding, cert.sig.value, 1, 0);
  f.add(X.encrypted, cert.sig.value + 1, cert.sig.end - cert.sig.value - 1);
  f.pop();
  if (full) f.appendLabel(item, ` (${cert.subject.text})`);
}

/** An INTEGER shown as bytes: "0x" and its hex (dissect_ber_integer64 for a field of bytes). */
function hexInteger(c: Ctx, id: number, label: string, e: El): void {
  const f = c.f;
  const i = f.add(id, e.value, e.end - e.value);
  if (i < 0 || f.wanted !== null) return;
  // (at most 36 bytes, then an ellipsis, as bytes_to_str)
  const n = Math.min(e.end - e.value, 36);
  let hex = '';
  for (let k = 0; k < n; k++) hex += (c.b[e.value + k] as number).toString(16).padStart(2, '0');
  f.setText(i, `${label}: 0x${hex}${e.end - e.value > 36 ? '…' : ''}`);
}

/** An AlgorithmIdentifier: "signature (sha256WithRSAEncryption)" and its Algorithm Id. */
function algorithmItems(c: Ctx, id: number, label: string, a: Alg): void {
  const f = c.f;
  const i = f.add(id, a.e.start, a.e.end - a.e.start);
  if (f.wanted === null) f.label(i, `${label} (${a.name})`);
  f.push(i);
  oidItem(c, X.algorithmId, 'Algorithm Id', a.oid, a.name);
  f.pop();
}

/** An OID field: its dotted text, its name after it. */
function oidItem(c: Ctx, id: number, label: string, e: El, name: string): void {
  const f = c.f;
  const text = c.wants(id) ? (oidText(c.b, e.value, e.end) ?? '') : '';
  const i = f.addStr(id, e.value, e.end - e.value, text);
  if (f.wanted === null) f.setText(i, `${label}: ${text} (${name})`);
}

/** A Name: its CHOICE line, the RDN sequence with the name's text, each RDN and its attribute. */
function nameItems(c: Ctx, id: number, n: Name): void {
  const f = c.f;
  const full = f.wanted === null;
  const len = n.e.end - n.e.start;
  f.push(f.add(id, n.e.start, len, 0));
  const seq = f.add(X.rdnSequence, n.e.start, len, n.rdns.length);
  if (full) f.appendLabel(seq, `${n.rdns.length === 1 ? ' item' : ' items'} (${n.text})`);
  f.push(seq);
  for (const r of n.rdns) {
    const a = r.ava;
    const text = `${a.name}=${a.text}`;
    const set = f.add(X.rdnItem, r.e.start, r.e.end - r.e.start, 1);
    if (full) f.appendLabel(set, ` item (${text})`);
    f.push(set);
    const ava = f.add(X.avaItem, a.e.start, a.e.end - a.e.start);
    if (full) f.label(ava, `RelativeDistinguishedName item (${text})`);
    f.push(ava);
    oidItem(c, X.attributeOid, 'Object Id', a.type, a.name);
    // the attribute's value, by the syntax its type's OID registers (an x509sat layer)
    c.layer('x509sat');
    const strLen = a.str.end - a.str.value;
    if (a.directory) {
      const utf8 = c.b[a.str.start] === UTF8;
      f.push(f.add(X.directoryString, a.str.start, a.str.end - a.str.start, utf8 ? 4 : 1));
      f.addStr(utf8 ? X.uTF8String : X.printableString, a.str.value, strLen, a.text);
      f.pop();
    } else f.addStr(X.countryName, a.str.value, strLen, a.text);
    f.pop();
    f.pop();
  }
  f.pop();
  f.pop();
}

/** A Time CHOICE: its line, then the time (UTCTime as text, GeneralizedTime as a date). */
function timeItems(c: Ctx, id: number, t: Time): void {
  const f = c.f;
  f.push(f.add(id, t.e.start, t.e.end - t.e.start, t.generalized ? 1 : 0));
  if (t.generalized) addAbsTime(f, X.generalizedTime, t.e.value, t.e.end - t.e.value, t.sec, 0);
  else f.addStr(X.utcTime, t.e.value, t.e.end - t.e.value, t.text);
  f.pop();
}

/** An Extension: its id, critical flag and value, by the extension's OID (an x509ce layer). */
function extensionItems(c: Ctx, x: Ext): void {
  const f = c.f;
  const b = c.b;
  const i = f.add(X.extension, x.e.start, x.e.end - x.e.start);
  if (f.wanted === null) f.label(i, `Extension (${x.name})`);
  f.push(i);
  oidItem(c, X.extensionId, 'Extension Id', x.id, x.name);
  if (x.critical !== null) f.add(X.critical, x.critical.value, 1, b[x.critical.value] === 0 ? 0 : 1);
  c.layer('x509ce');
  const [inner, ...parts] = x.parts as [El, ...El[]];
  const oid = oidText(b, x.id.value, x.id.end);
  if (oid === SUBJECT_KEY_ID) f.add(X.subjectKeyIdentifier, inner.value, inner.end - inner.value);
  else if (oid === AUTHORITY_KEY_ID) {
    f.push(f.add(X.authorityKeyIdentifier, inner.start, inner.end - inner.start));
    const k = parts[0] as El;
    f.add(X.keyIdentifier, k.value, k.end - k.value);
    f.pop();
  } else {
    f.push(f.add(X.basicConstraints, inner.start, inner.end - inner.start));
    for (const p of parts) {
      if (p.tag === BerTag.BOOLEAN) f.add(X.cA, p.value, 1, b[p.value] === 0 ? 0 : 1);
      else {
        let v = 0;
        for (let k = p.value; k < p.end; k++) v = v * 256 + (b[k] as number);
        f.add(X.pathLenConstraint, p.value, p.end - p.value, v);
      }
    }
    f.pop();
  }
  f.pop();
}
