// DNS resource record data (RFC 1035 section 3.3 and the RFCs of each type; Wireshark
// packet-dns.c dissect_dns_answer), for the types seen in practice: A, NS, CNAME, SOA, PTR, MX,
// TXT, AAAA, SRV, DS, RRSIG, NSEC, DNSKEY, and OPT (its options are in dns-edns.ts). Other types
// are shown as bytes (dns.data).
//
// As Wireshark does, fields are read against the end of the message, not of the record: a record
// whose RDLENGTH is too short for its type shows the bytes that follow, and the next record starts
// at RDLENGTH regardless.

import { Base, FT, registerFields } from '../fields/registry.ts';
import { durationText, ipv4Text, ipv6Text } from '../fields/format.ts';
import type { Ctx } from './context.ts';
import { dnsName, readName } from './dns-name.ts';
import { DNSSEC_ALGORITHMS, DS_DIGESTS, TYPE_NAMES } from './dns-types.ts';
import { dissectEdnsOptions, latin1 } from './dns-edns.ts';
import { addAbsTime } from './time-fields.ts';

export const R = registerFields({
  a: { name: 'dns.a', label: 'Address', type: FT.IPV4 },
  aaaa: { name: 'dns.aaaa', label: 'AAAA Address', type: FT.IPV6 },
  ns: { name: 'dns.ns', label: 'Name Server', type: FT.STRING },
  cname: { name: 'dns.cname', label: 'CNAME', type: FT.STRING },
  ptr: { name: 'dns.ptr.domain_name', label: 'Domain Name', type: FT.STRING },
  soaMname: { name: 'dns.soa.mname', label: 'Primary name server', type: FT.STRING },
  soaRname: { name: 'dns.soa.rname', label: "Responsible authority's mailbox", type: FT.STRING },
  soaSerial: { name: 'dns.soa.serial_number', label: 'Serial Number', type: FT.UINT },
  soaRefresh: { name: 'dns.soa.refresh_interval', label: 'Refresh Interval', type: FT.UINT, unit: (v) => ` (${durationText(v)})` },
  soaRetry: { name: 'dns.soa.retry_interval', label: 'Retry Interval', type: FT.UINT, unit: (v) => ` (${durationText(v)})` },
  soaExpire: { name: 'dns.soa.expire_limit', label: 'Expire limit', type: FT.UINT, unit: (v) => ` (${durationText(v)})` },
  soaMinimum: { name: 'dns.soa.minimum_ttl', label: 'Minimum TTL', type: FT.UINT, unit: (v) => ` (${durationText(v)})` },
  mxPref: { name: 'dns.mx.preference', label: 'Preference', type: FT.UINT, bits: 16 },
  mx: { name: 'dns.mx.mail_exchange', label: 'Mail Exchange', type: FT.STRING },
  txtLen: { name: 'dns.txt.length', label: 'TXT Length', type: FT.UINT, bits: 8 },
  txt: { name: 'dns.txt', label: 'TXT', type: FT.STRING },
  srvPriority: { name: 'dns.srv.priority', label: 'Priority', type: FT.UINT, bits: 16 },
  srvWeight: { name: 'dns.srv.weight', label: 'Weight', type: FT.UINT, bits: 16 },
  srvPort: { name: 'dns.srv.port', label: 'Port', type: FT.UINT, bits: 16 },
  srvTarget: { name: 'dns.srv.target', label: 'Target', type: FT.STRING },
  dsKeyId: { name: 'dns.ds.key_id', label: 'Key id', type: FT.UINT, base: Base.HEX, bits: 16 },
  dsAlgorithm: { name: 'dns.ds.algorithm', label: 'Algorithm', type: FT.UINT, bits: 8, names: DNSSEC_ALGORITHMS },
  dsDigestType: { name: 'dns.ds.digest_type', label: 'Digest Type', type: FT.UINT, bits: 8, names: DS_DIGESTS },
  dsDigest: { name: 'dns.ds.digest', label: 'Digest', type: FT.BYTES },
  rrsigType: { name: 'dns.rrsig.type_covered', label: 'Type Covered', type: FT.UINT, bits: 16, names: TYPE_NAMES },
  rrsigAlgorithm: { name: 'dns.rrsig.algorithm', label: 'Algorithm', type: FT.UINT, bits: 8, names: DNSSEC_ALGORITHMS },
  rrsigLabels: { name: 'dns.rrsig.labels', label: 'Labels', type: FT.UINT, bits: 8 },
  rrsigTtl: { name: 'dns.rrsig.original_ttl', label: 'Original TTL', type: FT.UINT, unit: (v) => ` (${durationText(v)})` },
  rrsigExpiration: { name: 'dns.rrsig.signature_expiration', label: 'Signature Expiration', type: FT.ABSOLUTE_TIME },
  rrsigInception: { name: 'dns.rrsig.signature_inception', label: 'Signature Inception', type: FT.ABSOLUTE_TIME },
  rrsigKeyTag: { name: 'dns.rrsig.key_tag', label: 'Key Tag', type: FT.UINT, bits: 16 },
  rrsigSigner: { name: 'dns.rrsig.signers_name', label: "Signer's name", type: FT.STRING },
  rrsigSignature: { name: 'dns.rrsig.signature', label: 'Signature', type: FT.BYTES },
  nsecNext: { name: 'dns.nsec.next_domain_name', label: 'Next Domain Name', type: FT.STRING },
  dnskeyFlags: { name: 'dns.dnskey.flags', label: 'Flags', type: FT.UINT, base: Base.HEX, bits: 16 },
  dnskeyProtocol: { name: 'dns.dnskey.protocol', label: 'Protocol', type: FT.UINT, bits: 8 },
  dnskeyAlgorithm: { name: 'dns.dnskey.algorithm', label: 'Algorithm', type: FT.UINT, bits: 8, names: DNSSEC_ALGORITHMS },
  dnskeyPublicKey: { name: 'dns.dnskey.public_key', label: 'Public Key', type: FT.BYTES },
  data: { name: 'dns.data', label: 'Data', type: FT.BYTES },
});

/**
 * RDATA of a record of `type` at [off, off+dlen) (dlen > 0), in the message [msg, end). Adds its
 * fields at the current tree position and returns what Wireshark appends to the record's line.
 */
export function dissectRdata(c: Ctx, type: number, off: number, dlen: number, msg: number, end: number): string {
  const f = c.f;
  switch (type) {
    case 1:
      if (!c.field(R.a, off, 4, end)) return '';
      return `, addr ${ipv4Text(c.b, off)}`;
    case 28:
      if (!c.field(R.aaaa, off, 16, end)) return '';
      return `, addr ${ipv6Text(c.b, off)}`;
    case 2:
      return nameField(c, R.ns, off, msg, end) < 0 ? '' : `, ns ${dnsName.text}`;
    case 5:
      return nameField(c, R.cname, off, msg, end) < 0 ? '' : `, cname ${dnsName.text}`;
    case 12:
      return nameField(c, R.ptr, off, msg, end) < 0 ? '' : `, ${dnsName.text}`;
    case 6: {
      const m = nameField(c, R.soaMname, off, msg, end);
      if (m < 0) return '';
      const mname = dnsName.text;
      const r = nameField(c, R.soaRname, off + m, msg, end);
      if (r < 0) return '';
      let o = off + m + r;
      for (const id of [R.soaSerial, R.soaRefresh, R.soaRetry, R.soaExpire, R.soaMinimum]) {
        c.uint(id, o, 4, end);
        o += 4;
      }
      return `, mname ${mname}`;
    }
    case 15: {
      const pref = c.uint(R.mxPref, off, 2, end);
      if (pref < 0 || nameField(c, R.mx, off + 2, msg, end) < 0) return '';
      return `, preference ${pref}, mx ${dnsName.text}`;
    }
    case 16: {
      let o = off;
      while (o < off + dlen && !c.stop) {
        const n = c.uint(R.txtLen, o, 1, end);
        if (n < 0 || !c.has(o + 1, n, end)) break;
        f.addStr(R.txt, o + 1, n, latin1(c.b, o + 1, n));
        o += 1 + n;
      }
      return '';
    }
    case 33: {
      const p = c.uint(R.srvPriority, off, 2, end);
      const w = c.uint(R.srvWeight, off + 2, 2, end);
      const port = c.uint(R.srvPort, off + 4, 2, end);
      if (c.stop || nameField(c, R.srvTarget, off + 6, msg, end) < 0) return '';
      return `, priority ${p}, weight ${w}, port ${port}, target ${dnsName.text}`;
    }
    case 43:
      c.uint(R.dsKeyId, off, 2, end);
      c.uint(R.dsAlgorithm, off + 2, 1, end);
      c.uint(R.dsDigestType, off + 3, 1, end);
      if (dlen > 4) c.field(R.dsDigest, off + 4, dlen - 4, end);
      return '';
    case 46:
      rrsig(c, off, dlen, msg, end);
      return '';
    case 47:
      nameField(c, R.nsecNext, off, msg, end);
      return '';
    case 48:
      c.uint(R.dnskeyFlags, off, 2, end);
      c.uint(R.dnskeyProtocol, off + 2, 1, end);
      c.uint(R.dnskeyAlgorithm, off + 3, 1, end);
      if (dlen > 4) c.field(R.dnskeyPublicKey, off + 4, dlen - 4, end);
      return '';
    case 41:
      dissectEdnsOptions(c, off, dlen, end);
      return '';
    default:
      c.field(R.data, off, dlen, end);
      return '';
  }
}

/** A name as field `id` (the bytes it takes at `o`, or -1 when the packet stopped). */
function nameField(c: Ctx, id: number, o: number, msg: number, end: number): number {
  const n = readName(c, o, msg, end);
  if (n >= 0) c.f.addStr(id, o, n, dnsName.text);
  return n;
}

/** RRSIG (RFC 4034 section 3.1); the two times are seconds since 1970 (mod 2^32). */
function rrsig(c: Ctx, off: number, dlen: number, msg: number, end: number): void {
  const f = c.f;
  c.uint(R.rrsigType, off, 2, end);
  c.uint(R.rrsigAlgorithm, off + 2, 1, end);
  c.uint(R.rrsigLabels, off + 3, 1, end);
  c.uint(R.rrsigTtl, off + 4, 4, end);
  for (const [id, o] of [[R.rrsigExpiration, off + 8], [R.rrsigInception, off + 12]] as const) {
    if (!c.has(o, 4, end)) return;
    addAbsTime(f, id, o, 4, c.u32(o), 0);
  }
  c.uint(R.rrsigKeyTag, off + 16, 2, end);
  const n = readName(c, off + 18, msg, end);
  if (n < 0) return;
  f.addStr(R.rrsigSigner, off + 18, n, dnsName.text);
  const sig = off + 18 + n;
  if (off + dlen > sig) c.field(R.rrsigSignature, sig, off + dlen - sig, end);
}

