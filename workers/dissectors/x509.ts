// X.509 certificates inside a TLS Certificate message, as Wireshark 4.0's x509af / x509if /
// x509sat / x509ce / pkcs1 dissectors (written from their ASN.1) show them: the TBSCertificate's
// version, serial number, signature algorithm, issuer and subject names (x509-names.ts),
// validity, public key and extensions (x509-extensions.ts), then the signature.
//
// Only a subset is dissected, and all or nothing: a certificate is first read whole (read()) and
// shown only when every part is one these files know how Wireshark shows (the algorithms in
// ALGORITHMS, RSA keys and EC keys on a named curve, UTCTime / GeneralizedTime in their DER forms,
// the names x509-names.ts reads, the extensions x509-extensions.ts reads). Any other certificate
// keeps its one "Certificate: …" line. Its name appended to that line, and frame.protocols'
// x509sat / x509ce / pkcs-1 / … (one per attribute, per extension, per algorithm's parameters:
// the OID dissectors the certificate calls) come with it. The names of OIDs are tshark's
// (oid-names.ts, scripts/make-oid-names.py).

import { FT, names, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { BER } from './ber.ts';
import { oidName, oidText } from './oid-text.ts';
import { addAbsTime } from './time-fields.ts';
import {
  BIT_STRING, type El, GENERALIZED_TIME, NULL_TAG, SEQ, UTC_TIME, children, el, integer, isContext, isUniversal, oid, printable, smallUint,
} from './x509-ber.ts';
import { type Ext, extensionItems, readExtension } from './x509-extensions.ts';
import { hexInteger, oidItem } from './x509-items.ts';
import { type Name, nameItems, N, readName } from './x509-names.ts';

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
  ecParameters: { name: 'pkcs1.ECParameters', label: 'ECParameters', type: FT.UINT,
    names: names([[0, 'specifiedCurve'], [1, 'namedCurve'], [2, 'implicitlyCA']]) },
  namedCurve: { name: 'pkcs1.namedCurve', label: 'namedCurve', type: FT.STRING },
  extensions: { name: 'x509af.extensions', label: 'extensions', type: FT.UINT },
  algorithmIdentifier: { name: 'x509af.algorithmIdentifier_element', label: 'algorithmIdentifier', type: FT.NONE },
  encrypted: { name: 'x509af.encrypted', label: 'encrypted', type: FT.BYTES },
});

/** Algorithms whose parameters pkcs1 / pkixalgs show nothing of: RSA signatures and keys (NULL,
 *  or none) and ECDSA signatures ("the encoding MUST omit the parameters field": RFC 5758 section 3.2). */
const ALGORITHMS = new Set([
  '1.2.840.113549.1.1.1', '1.2.840.113549.1.1.5', '1.2.840.113549.1.1.11', '1.2.840.113549.1.1.12', '1.2.840.113549.1.1.13',
  '1.2.840.10045.4.3.2', '1.2.840.10045.4.3.3', '1.2.840.10045.4.3.4',
]);
const PKCS1 = '1.2.840.113549.1.1.';
const RSA = `${PKCS1}1`;
/** id-ecPublicKey, whose parameters (RFC 5480 section 2.1.1: "namedCurve OBJECT IDENTIFIER" the
 *  one form read here) pkcs1's ECParameters shows. */
const EC_PUBLIC_KEY = '1.2.840.10045.2.1';

interface Alg { e: El; oid: El; name: string; curve: El | null }
interface Time { e: El; generalized: boolean; text: string; sec: number }
/** The public key: RSA's modulus and exponent, or an EC point (bits: its BIT STRING). */
type Key = { rsa: true; key: El; modulus: El; exponent: El; exponentValue: number } | { rsa: false; bits: El };
interface Cert {
  tbs: El; version: El | null; versionValue: number; serial: El; signature: Alg; issuer: Name; notBefore: Time; notAfter: Time;
  validity: El; subject: Name; spki: El; keyAlg: Alg; key: Key; extensions: El | null; exts: Ext[]; alg: Alg; sig: El;
}

/** An AlgorithmIdentifier of ALGORITHMS (parameters absent, or NULL for RSA's), or (a key's,
 *  `key`) id-ecPublicKey with a named curve. */
function algorithm(b: Uint8Array, e: El | undefined, key: boolean): Alg | null {
  if (!isUniversal(e, SEQ, true)) return null;
  const k = children(b, e);
  if (k === null || k.length < 1 || k.length > 2 || !oid(k[0])) return null;
  const id = k[0];
  const dotted = oidText(b, id.value, id.end) ?? '';
  const name = oidName(dotted);
  const params = k[1];
  if (name === null) return null;
  if (key && dotted === EC_PUBLIC_KEY) return oid(params) ? { e, oid: id, name, curve: params } : null;
  if (!ALGORITHMS.has(dotted) || (key && dotted !== RSA)) return null;
  // parameters: absent, or NULL for RSA's
  const isNull = isUniversal(params, NULL_TAG, false) && params.end === params.value;
  if (params !== undefined && !(isNull && dotted.startsWith(PKCS1))) return null;
  return { e, oid: id, name, curve: null };
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

/** SubjectPublicKeyInfo's key: an RSAPublicKey inside the BIT STRING, or (EC) the point itself. */
function publicKey(b: Uint8Array, alg: Alg, bits: El | undefined): Key | null {
  if (!isUniversal(bits, BIT_STRING, false) || bits.end - bits.value < 2 || b[bits.value] !== 0) return null;
  if (alg.curve !== null) return { rsa: false, bits };
  const key = el(b, bits.value + 1, bits.end);
  if (!isUniversal(key, SEQ, true) || key.end !== bits.end) return null;
  const rsa = children(b, key);
  if (rsa === null || rsa.length !== 2 || !integer(rsa[0])) return null;
  const exponentValue = smallUint(b, rsa[1]);
  if (exponentValue < 0) return null;
  return { rsa: true, key, modulus: rsa[0], exponent: rsa[1] as El, exponentValue };
}

/** The certificate at [o, end), when all of it is in the subset shown. */
function read(b: Uint8Array, o: number, end: number): Cert | null {
  const cert = el(b, o, end);
  if (!isUniversal(cert, SEQ, true) || cert.end !== end) return null;
  const top = children(b, cert);
  if (top === null || top.length !== 3) return null;
  const [tbs, algEl, sigEl] = top as [El, El, El];
  if (!isUniversal(tbs, SEQ, true)) return null;
  const alg = algorithm(b, algEl, false);
  if (alg === null || !isUniversal(sigEl, BIT_STRING, false) || sigEl.end - sigEl.value < 2 || b[sigEl.value] !== 0) return null;
  const k = children(b, tbs);
  if (k === null) return null;
  let i = 0;
  let version: El | null = null;
  let versionValue = 0;
  if (isContext(k[0], 0)) {
    const v = children(b, k[0] as El);
    if (v === null || v.length !== 1 || !integer(v[0]) || (v[0] as El).end - (v[0] as El).value !== 1) return null;
    version = v[0] as El;
    versionValue = b[version.value] as number;
    i++;
  }
  const serial = k[i++];
  if (!integer(serial) || serial.end - serial.value > 32) return null;
  const signature = algorithm(b, k[i++], false);
  const issuer = readName(b, k[i++]);
  const validity = k[i++];
  const subject = readName(b, k[i++]);
  const spki = k[i++];
  if (signature === null || issuer === null || subject === null || !isUniversal(validity, SEQ, true) || !isUniversal(spki, SEQ, true)) return null;
  const times = children(b, validity);
  const notBefore = time(b, times?.[0]);
  const notAfter = time(b, times?.[1]);
  if (times === null || times.length !== 2 || notBefore === null || notAfter === null) return null;
  const keyParts = children(b, spki);
  if (keyParts === null || keyParts.length !== 2) return null;
  const keyAlg = algorithm(b, keyParts[0], true);
  const key = keyAlg === null ? null : publicKey(b, keyAlg, keyParts[1]);
  if (keyAlg === null || key === null) return null;
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
      const x = readExtension(b, item);
      if (x === null) return null;
      exts.push(x);
    }
    i++;
  }
  if (i !== k.length) return null;
  return {
    tbs, version, versionValue, serial, signature, issuer, notBefore, notAfter, validity, subject, spki, keyAlg, key, extensions,
    exts, alg, sig: sigEl,
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
  nameItems(c, X.subject, cert.subject, N.subjectRdnSequence);
  f.push(f.add(X.subjectPublicKeyInfo, cert.spki.start, cert.spki.end - cert.spki.start));
  algorithmItems(c, X.algorithm, 'algorithm', cert.keyAlg);
  const k = cert.key;
  if (k.rsa) {
    // x509af hands the BIT STRING's bytes to pkcs1's RSAPublicKey, under the subjectPublicKey field
    f.push(f.add(X.subjectPublicKey, k.key.start, k.key.end - k.key.start));
    hexInteger(c, X.modulus, 'modulus', k.modulus);
    f.add(X.publicExponent, k.exponent.value, k.exponent.end - k.exponent.value, k.exponentValue);
    f.pop();
  } else {
    // any other key is the BIT STRING itself: its padding, then the bytes (an EC point)
    f.add(BER.bitstringPadding, k.bits.value, 1, 0);
    f.add(X.subjectPublicKey, k.bits.value + 1, k.bits.end - k.bits.value - 1);
  }
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
  f.add(BER.bitstringPadding, cert.sig.value, 1, 0);
  f.add(X.encrypted, cert.sig.value + 1, cert.sig.end - cert.sig.value - 1);
  f.pop();
  if (full) f.appendLabel(item, ` (${cert.subject.text})`);
}

/** An AlgorithmIdentifier: "signature (sha256WithRSAEncryption)" and its Algorithm Id. */
function algorithmItems(c: Ctx, id: number, label: string, a: Alg): void {
  const f = c.f;
  const i = f.add(id, a.e.start, a.e.end - a.e.start);
  if (i >= 0) f.label(i, `${label} (${a.name})`);
  f.push(i);
  oidItem(c, X.algorithmId, 'Algorithm Id', a.oid, a.name);
  if (a.curve !== null) {
    // the parameters, by the syntax id-ecPublicKey registers (pkcs1's ECParameters)
    c.layer('pkcs-1');
    f.push(f.add(X.ecParameters, a.curve.start, a.curve.end - a.curve.start, 1));
    oidItem(c, X.namedCurve, 'namedCurve', a.curve);
    f.pop();
  }
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
