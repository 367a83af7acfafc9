// DNSSEC and key records (Wireshark packet-dns.c dissect_dns_answer): DS, CDS and DLV (RFC 4034
// section 5, RFC 7344, RFC 4431), RRSIG and SIG (RFC 4034 section 3), NSEC (section 4), DNSKEY
// and CDNSKEY (section 2, with the key tag of its appendix B), NSEC3 and NSEC3PARAM (RFC 5155),
// TLSA (RFC 6698), SSHFP (RFC 4255) and OPENPGPKEY (RFC 7929).
//
// As in dns-rr.ts, fields are read against the end of the message, and a length packet-dns.c
// computes as "RDLENGTH minus what was read" is used as it computes it.

import { Base, FT, names, registerFields } from '../fields/registry.ts';
import { EF } from '../fields/field-list.ts';
import { durationText } from '../fields/format.ts';
import type { Ctx } from './context.ts';
import { Status } from './context.ts';
import { asciiText } from './ascii.ts';
import { dnsName, readName } from './dns-name.ts';
import { DNSSEC_ALGORITHMS, DS_DIGESTS, NSEC3_HASHES, TYPE_NAMES } from './dns-types.ts';
import { nameField, typeBitmap } from './dns-rr-common.ts';
import { flagParts } from './flag-names.ts';
import { Group, Severity, expertAt, registerExperts } from './expert.ts';
import { addAbsTime } from './time-fields.ts';

const yesNo = ['Yes', 'No'] as const;

export const D = registerFields({
  dsKeyId: { name: 'dns.ds.key_id', label: 'Key id', type: FT.UINT, base: Base.HEX, bits: 16 },
  dsAlgorithm: { name: 'dns.ds.algorithm', label: 'Algorithm', type: FT.UINT, bits: 8, names: DNSSEC_ALGORITHMS, unknownName: true },
  dsDigestType: { name: 'dns.ds.digest_type', label: 'Digest Type', type: FT.UINT, bits: 8, names: DS_DIGESTS, unknownName: true },
  dsDigest: { name: 'dns.ds.digest', label: 'Digest', type: FT.BYTES },
  rrsigType: { name: 'dns.rrsig.type_covered', label: 'Type Covered', type: FT.UINT, bits: 16, names: TYPE_NAMES, unknownName: true },
  rrsigAlgorithm: { name: 'dns.rrsig.algorithm', label: 'Algorithm', type: FT.UINT, bits: 8, names: DNSSEC_ALGORITHMS, unknownName: true },
  rrsigLabels: { name: 'dns.rrsig.labels', label: 'Labels', type: FT.UINT, bits: 8 },
  rrsigTtl: { name: 'dns.rrsig.original_ttl', label: 'Original TTL', type: FT.UINT, unit: (v) => ` (${durationText(v)})` },
  rrsigExpiration: { name: 'dns.rrsig.signature_expiration', label: 'Signature Expiration', type: FT.ABSOLUTE_TIME },
  rrsigInception: { name: 'dns.rrsig.signature_inception', label: 'Signature Inception', type: FT.ABSOLUTE_TIME },
  rrsigKeyTag: { name: 'dns.rrsig.key_tag', label: 'Key Tag', type: FT.UINT, bits: 16 },
  rrsigSigner: { name: 'dns.rrsig.signers_name', label: "Signer's name", type: FT.STRING },
  rrsigSignature: { name: 'dns.rrsig.signature', label: 'Signature', type: FT.BYTES },
  nsecNext: { name: 'dns.nsec.next_domain_name', label: 'Next Domain Name', type: FT.STRING },
  dnskeyFlags: { name: 'dns.dnskey.flags', label: 'Flags', type: FT.UINT, base: Base.HEX, bits: 16 },
  dnskeyZoneKey: { name: 'dns.dnskey.flags.zone_key', label: 'Zone Key', type: FT.BOOLEAN, bits: 16, mask: 0x0100,
    tf: ['This is the zone key for specified zone', 'This it not a zone key'] },
  dnskeyRevoked: { name: 'dns.dnskey.flags.key_revoked', label: 'Key Revoked', type: FT.BOOLEAN, bits: 16, mask: 0x0080, tf: yesNo },
  dnskeySep: { name: 'dns.dnskey.flags.secure_entry_point', label: 'Key Signing Key', type: FT.BOOLEAN, bits: 16, mask: 0x0001, tf: yesNo },
  // (packet-dns.c labels the reserved bits "Key Signing Key" too)
  dnskeyReserved: { name: 'dns.dnskey.flags.reserved', label: 'Key Signing Key', type: FT.UINT, base: Base.HEX, bits: 16, mask: 0xfe7e },
  dnskeyProtocol: { name: 'dns.dnskey.protocol', label: 'Protocol', type: FT.UINT, bits: 8 },
  dnskeyAlgorithm: { name: 'dns.dnskey.algorithm', label: 'Algorithm', type: FT.UINT, bits: 8, names: DNSSEC_ALGORITHMS, unknownName: true },
  dnskeyKeyId: { name: 'dns.dnskey.key_id', label: 'Key id', type: FT.UINT, bits: 16 },
  dnskeyPublicKey: { name: 'dns.dnskey.public_key', label: 'Public Key', type: FT.BYTES },
  nsec3Algo: { name: 'dns.nsec3.algo', label: 'Hash algorithm', type: FT.UINT, bits: 8, names: NSEC3_HASHES, unknownName: true },
  nsec3Flags: { name: 'dns.nsec3.flags', label: 'NSEC3 flags', type: FT.UINT, bits: 8 },
  nsec3OptOut: { name: 'dns.nsec3.flags.opt_out', label: 'NSEC3 Opt-out flag', type: FT.BOOLEAN, bits: 8, mask: 0x01,
    tf: ['Additional insecure delegations allowed', 'Additional insecure delegations forbidden'] },
  nsec3Iterations: { name: 'dns.nsec3.iterations', label: 'NSEC3 iterations', type: FT.UINT, bits: 16 },
  nsec3SaltLength: { name: 'dns.nsec3.salt_length', label: 'Salt length', type: FT.UINT, bits: 8 },
  nsec3Salt: { name: 'dns.nsec3.salt_value', label: 'Salt value', type: FT.BYTES },
  nsec3HashLength: { name: 'dns.nsec3.hash_length', label: 'Hash length', type: FT.UINT, bits: 8 },
  nsec3Hash: { name: 'dns.nsec3.hash_value', label: 'Next hashed owner', type: FT.STRING },
  tlsaUsage: { name: 'dns.tlsa.certificate_usage', label: 'Certificate Usage', type: FT.UINT, bits: 8, unknownName: true,
    names: names([[0, 'CA constraint (PKIX-TA)'], [1, 'Service certificate constraint (PKIX-EE)'], [2, 'Trust anchor assertion (DANE-TA)'],
      [3, 'Domain-issued certificate (DANE-EE)']]) },
  tlsaSelector: { name: 'dns.tlsa.selector', label: 'Selector', type: FT.UINT, bits: 8, unknownName: true,
    names: names([[0, 'Full certificate (Cert)'], [1, 'SubjectPublicKeyInfo (SPKI)']]) },
  tlsaMatching: { name: 'dns.tlsa.matching_type', label: 'Matching Type', type: FT.UINT, bits: 8, unknownName: true,
    names: names([[0, 'No Hash Used (Full)'], [1, '256 bit hash by SHA2 (SHA2-256)'], [2, '512 bit hash by SHA2 (SHA2-512)']]) },
  tlsaData: { name: 'dns.tlsa.certificate_association_data', label: 'Certificate Association Data', type: FT.BYTES },
  sshfpAlgorithm: { name: 'dns.sshfp.algorithm', label: 'Algorithm', type: FT.UINT, bits: 8, unknownName: true,
    names: names([[0, 'Reserved'], [1, 'RSA'], [2, 'DSA'], [3, 'ECDSA'], [4, 'Ed25519'], [5, 'XMSS']]) },
  sshfpType: { name: 'dns.sshfp.fingerprint.type', label: 'Fingerprint type', type: FT.UINT, bits: 8, unknownName: true,
    names: names([[0, 'Reserved'], [1, 'SHA1'], [2, 'SHA256']]) },
  sshfpFingerprint: { name: 'dns.sshfp.fingerprint', label: 'Fingerprint', type: FT.BYTES },
  openpgpkey: { name: 'dns.openpgpkey', label: 'OpenPGP Key', type: FT.STRING },
});

const X = registerExperts({
  keyIdShort: { name: 'dns.key_id_buffer_too_short', msg: 'Buffer too short to compute a key id', severity: Severity.WARN, group: Group.PROTOCOL },
});

const DNSKEY_FLAGS = [D.dnskeyZoneKey, D.dnskeyRevoked, D.dnskeySep, D.dnskeyReserved];

/**
 * The RDATA of the types above, at [off, off+dlen) of the message [msg, end): adds their fields and
 * returns what packet-dns.c appends to the record's line, or null for a type not decoded here.
 */
export function dissectDnssec(c: Ctx, type: number, off: number, dlen: number, msg: number, end: number): string | null {
  switch (type) {
    case 43: // DS
    case 59: // CDS
    case 32769: // DLV
      c.uint(D.dsKeyId, off, 2, end);
      c.uint(D.dsAlgorithm, off + 2, 1, end);
      c.uint(D.dsDigestType, off + 3, 1, end);
      bytesRest(c, D.dsDigest, off + 4, dlen - 4, end);
      return '';
    case 24: // SIG
    case 46: // RRSIG
      rrsig(c, off, dlen, msg, end);
      return '';
    case 47: { // NSEC
      const n = nameField(c, D.nsecNext, off, msg, end);
      if (n < 0) return '';
      const next = dnsName.text;
      typeBitmap(c, off + n, dlen - n, end);
      return `, next domain name ${next}`;
    }
    case 48: // DNSKEY
    case 60: // CDNSKEY
      dnskey(c, off, dlen, end);
      return '';
    case 50: // NSEC3
      nsec3(c, off, dlen, end);
      return '';
    case 51: { // NSEC3PARAM: NSEC3's first fields, its flags without their bit
      c.uint(D.nsec3Algo, off, 1, end);
      c.uint(D.nsec3Flags, off + 1, 1, end);
      c.uint(D.nsec3Iterations, off + 2, 2, end);
      const salt = c.uint(D.nsec3SaltLength, off + 4, 1, end);
      if (salt >= 0) c.field(D.nsec3Salt, off + 5, salt, end);
      return '';
    }
    case 52: // TLSA
      c.uint(D.tlsaUsage, off, 1, end);
      c.uint(D.tlsaSelector, off + 1, 1, end);
      c.uint(D.tlsaMatching, off + 2, 1, end);
      bytesRest(c, D.tlsaData, off + 3, dlen - 3, end);
      return '';
    case 44: // SSHFP
      c.uint(D.sshfpAlgorithm, off, 1, end);
      c.uint(D.sshfpType, off + 1, 1, end);
      if (dlen !== 2) bytesRest(c, D.sshfpFingerprint, off + 2, dlen - 2, end);
      return '';
    case 61: // OPENPGPKEY: the key's bytes as an ASCII string, as packet-dns.c shows them
      if (c.has(off, dlen, end)) c.f.addStr(D.openpgpkey, off, dlen, asciiText(c.b, off, off + dlen, true));
      return '';
    default:
      return null;
  }
}

/** A byte field of `n` bytes at `o`, `n` being what packet-dns.c computes as the rest of the
 *  record: an empty field when 0, and as proto_tree_add_item takes a negative length, -1 for
 *  "to the end of the message" and anything less as an error. */
function bytesRest(c: Ctx, id: number, o: number, n: number, end: number): void {
  if (n >= 0) c.field(id, o, n, end);
  else if (n === -1) c.field(id, o, Math.max(0, Math.min(end, c.b.length) - o), end);
  else c.fail(Status.MALFORMED);
}

/** RRSIG (and SIG); the two times are seconds since 1970 (mod 2^32). */
function rrsig(c: Ctx, off: number, dlen: number, msg: number, end: number): void {
  const f = c.f;
  c.uint(D.rrsigType, off, 2, end);
  c.uint(D.rrsigAlgorithm, off + 2, 1, end);
  c.uint(D.rrsigLabels, off + 3, 1, end);
  c.uint(D.rrsigTtl, off + 4, 4, end);
  for (const [id, o] of [[D.rrsigExpiration, off + 8], [D.rrsigInception, off + 12]] as const) {
    if (!c.has(o, 4, end)) return;
    addAbsTime(f, id, o, 4, c.u32(o), 0);
  }
  c.uint(D.rrsigKeyTag, off + 16, 2, end);
  const n = readName(c, off + 18, msg, end);
  if (n < 0) return;
  f.addStr(D.rrsigSigner, off + 18, n, dnsName.text);
  const sig = off + 18 + n;
  if (off + dlen > sig) c.field(D.rrsigSignature, sig, off + dlen - sig, end);
}

/** DNSKEY / CDNSKEY: the flags (a line per bit, their names not on the word's line), protocol,
 *  algorithm, the key's tag ("[Key id: 13084]", generated, of no bytes) and the public key. */
function dnskey(c: Ctx, off: number, dlen: number, end: number): void {
  const flags = c.uint(D.dnskeyFlags, off, 2, end);
  if (flags < 0) return;
  flagParts(c, c.f.last, DNSKEY_FLAGS, off, 2, flags, false);
  c.uint(D.dnskeyProtocol, off + 2, 1, end);
  const algo = c.uint(D.dnskeyAlgorithm, off + 3, 1, end);
  if (algo < 0) return;
  // compute_key_id: over the whole RDATA; fewer than 4 bytes is an expert info, not a key id
  if (dlen < 4) {
    const i = c.f.add(X.keyIdShort, off, dlen, 0, EF.GENERATED);
    expertAt(c, i, X.keyIdShort);
  } else if (c.has(off, dlen, end) && c.wants(D.dnskeyKeyId)) {
    c.f.add(D.dnskeyKeyId, 0, 0, keyTag(c.b, off, dlen, algo), EF.GENERATED);
  }
  bytesRest(c, D.dnskeyPublicKey, off + 4, dlen - 4, end);
}

/** RFC 4034 appendix B's key tag of the RDATA b[o, o+n) (n >= 4); for RSA/MD5 (algorithm 1)
 *  the modulus's last 16 bits but one byte, as packet-dns.c reads them (appendix B.1). */
function keyTag(b: Uint8Array, o: number, n: number, algo: number): number {
  if (algo === 1) return (((b[o + n - 3] as number) << 8) + (b[o + n - 2] as number)) & 0xffff;
  let ac = 0;
  let k = 0;
  for (; n - k > 1; k += 2) ac += ((b[o + k] as number) << 8) + (b[o + k + 1] as number);
  if (n - k > 0) ac += (b[o + k] as number) << 8;
  ac += (ac >>> 16) & 0xffff;
  return ac & 0xffff;
}

const BASE32HEX = '0123456789abcdefghijklmnopqrstuv';

/** NSEC3: the hash of the next owner is shown in base32hex (RFC 4648 section 7, no padding),
 *  5 bits at a time while a group starts inside the hash: its last group may take bits of the
 *  byte after it, as packet-dns.c's tvb_get_bits8 does. */
function nsec3(c: Ctx, off: number, dlen: number, end: number): void {
  const f = c.f;
  c.uint(D.nsec3Algo, off, 1, end);
  const flags = c.uint(D.nsec3Flags, off + 1, 1, end);
  if (flags < 0) return;
  f.push(f.last);
  f.add(D.nsec3OptOut, off + 1, 1, flags & 0x01);
  f.pop();
  c.uint(D.nsec3Iterations, off + 2, 2, end);
  const salt = c.uint(D.nsec3SaltLength, off + 4, 1, end);
  if (salt < 0 || !c.field(D.nsec3Salt, off + 5, salt, end)) return;
  let o = off + 5 + salt;
  const hash = c.uint(D.nsec3HashLength, o, 1, end);
  if (hash < 0) return;
  o++;
  if (hash > 0) {
    const groups = Math.ceil((hash * 8) / 5);
    if (!c.has(o, Math.ceil((groups * 5) / 8), end)) return;
    if (c.wants(D.nsec3Hash)) {
      let s = '';
      for (let bit = 0; bit < groups * 5; bit += 5) {
        const word = ((c.u8(o + (bit >> 3)) << 8) | (c.b[o + (bit >> 3) + 1] ?? 0)) >> (11 - (bit & 7));
        s += BASE32HEX[word & 0x1f] as string;
      }
      f.addStr(D.nsec3Hash, o, hash, s, EF.GENERATED);
    }
    o += hash;
  }
  typeBitmap(c, o, dlen - (o - off), end);
}
