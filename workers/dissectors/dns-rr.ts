// DNS resource record data (RFC 1035 section 3.3 and the RFCs of each type; Wireshark
// packet-dns.c dissect_dns_answer), for the types seen in practice: A, NS, CNAME, SOA, PTR, MX,
// TXT, AAAA, SRV, DS, RRSIG, NSEC, DNSKEY, and the EDNS(0) OPT pseudo-record's options (RFC 6891
// section 6.1.2: "{attribute, value} pairs ... OPTION-CODE, OPTION-LENGTH, OPTION-DATA").
// Other types are shown as bytes (dns.data).
//
// As Wireshark does, fields are read against the end of the message, not of the record: a record
// whose RDLENGTH is too short for its type shows the bytes that follow, and the next record starts
// at RDLENGTH regardless.

import { Base, FT, names, registerFields } from '../fields/registry.ts';
import { ipv4Text, ipv6Text } from '../fields/format.ts';
import type { Ctx } from './context.ts';
import { dnsName, readName } from './dns-name.ts';
import { DNSSEC_ALGORITHMS, DS_DIGESTS, NSEC3_HASHES, OPT_CODE_NAMES, TYPE_NAMES } from './dns-types.ts';

export const R = registerFields({
  a: { name: 'dns.a', label: 'Address', type: FT.IPV4 },
  aaaa: { name: 'dns.aaaa', label: 'AAAA Address', type: FT.IPV6 },
  ns: { name: 'dns.ns', label: 'Name Server', type: FT.STRING },
  cname: { name: 'dns.cname', label: 'CNAME', type: FT.STRING },
  ptr: { name: 'dns.ptr.domain_name', label: 'Domain Name', type: FT.STRING },
  soaMname: { name: 'dns.soa.mname', label: 'Primary name server', type: FT.STRING },
  soaRname: { name: 'dns.soa.rname', label: "Responsible authority's mailbox", type: FT.STRING },
  soaSerial: { name: 'dns.soa.serial_number', label: 'Serial Number', type: FT.UINT },
  soaRefresh: { name: 'dns.soa.refresh_interval', label: 'Refresh Interval', type: FT.UINT },
  soaRetry: { name: 'dns.soa.retry_interval', label: 'Retry Interval', type: FT.UINT },
  soaExpire: { name: 'dns.soa.expire_limit', label: 'Expire limit', type: FT.UINT },
  soaMinimum: { name: 'dns.soa.minimum_ttl', label: 'Minimum TTL', type: FT.UINT },
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
  rrsigTtl: { name: 'dns.rrsig.original_ttl', label: 'Original TTL', type: FT.UINT },
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
  opt: { name: 'dns.opt', label: 'Option', type: FT.NONE },
  optCode: { name: 'dns.opt.code', label: 'Option Code', type: FT.UINT, bits: 16, names: OPT_CODE_NAMES },
  optLen: { name: 'dns.opt.len', label: 'Option Length', type: FT.UINT, bits: 16 },
  optData: { name: 'dns.opt.data', label: 'Option Data', type: FT.BYTES },
  dau: { name: 'dns.opt.dau', label: 'DAU', type: FT.UINT, bits: 8, names: DNSSEC_ALGORITHMS },
  dhu: { name: 'dns.opt.dhu', label: 'DHU', type: FT.UINT, bits: 8, names: DS_DIGESTS },
  n3u: { name: 'dns.opt.n3u', label: 'N3U', type: FT.UINT, bits: 8, names: NSEC3_HASHES },
  family: { name: 'dns.opt.client.family', label: 'Family', type: FT.UINT, bits: 16, names: names([[1, 'IPv4'], [2, 'IPv6']]) },
  netmask: { name: 'dns.opt.client.netmask', label: 'Source Netmask', type: FT.UINT, bits: 8 },
  scope: { name: 'dns.opt.client.scope', label: 'Scope Netmask', type: FT.UINT, bits: 8 },
  addr4: { name: 'dns.opt.client.addr4', label: 'Client Subnet', type: FT.IPV4 },
  addr6: { name: 'dns.opt.client.addr6', label: 'Client Subnet', type: FT.IPV6 },
  cookieClient: { name: 'dns.opt.cookie.client', label: 'Client Cookie', type: FT.BYTES },
  cookieServer: { name: 'dns.opt.cookie.server', label: 'Server Cookie', type: FT.BYTES },
  keepalive: { name: 'dns.opt.edns_tcp_keepalive.timeout', label: 'Timeout', type: FT.UINT, bits: 16 },
  padding: { name: 'dns.opt.padding', label: 'Padding', type: FT.BYTES },
  chain: { name: 'dns.opt.chain.fqdn', label: 'Closest Trust Point', type: FT.STRING },
  edeCode: { name: 'dns.opt.ext_error.info_code', label: 'Info Code', type: FT.UINT, bits: 16 },
  edeText: { name: 'dns.opt.ext_error.extra_text', label: 'Extra Text', type: FT.STRING },
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
      options(c, off, dlen, end);
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
    f.addStr(id, o, 4, absTimeText(c.u32(o), 0));
  }
  c.uint(R.rrsigKeyTag, off + 16, 2, end);
  const n = readName(c, off + 18, msg, end);
  if (n < 0) return;
  f.addStr(R.rrsigSigner, off + 18, n, dnsName.text);
  const sig = off + 18 + n;
  if (off + dlen > sig) c.field(R.rrsigSignature, sig, off + dlen - sig, end);
}

/** EDNS(0) options. */
function options(c: Ctx, off: number, dlen: number, end: number): void {
  const f = c.f;
  let o = off;
  const stop = off + dlen;
  while (o < stop && !c.stop) {
    if (!c.has(o, 4, end)) return;
    const code = c.u16(o);
    const len = c.u16(o + 2);
    f.push(f.add(R.opt, o, 4 + len));
    f.add(R.optCode, o, 2, code);
    f.add(R.optLen, o + 2, 2, len);
    const d = o + 4;
    if (!c.field(R.optData, d, len, end)) return;
    switch (code) {
      case 5:
      case 6:
      case 7:
        for (let i = 0; i < len; i++) f.add(code === 5 ? R.dau : code === 6 ? R.dhu : R.n3u, d + i, 1, c.u8(d + i));
        break;
      case 8: {
        if (len < 4) break;
        const family = c.u16(d);
        f.add(R.family, d, 2, family);
        f.add(R.netmask, d + 2, 1, c.u8(d + 2));
        f.add(R.scope, d + 3, 1, c.u8(d + 3));
        // The address is cut to the prefix length (RFC 7871 section 6): pad it back with zeros.
        const n = len - 4;
        if (family === 1 && n <= 4) f.addStr(R.addr4, d + 4, n, ipv4Text(padded(c.b, d + 4, n, 4), 0));
        else if (family === 2 && n <= 16) f.addStr(R.addr6, d + 4, n, ipv6Text(padded(c.b, d + 4, n, 16), 0));
        break;
      }
      case 10:
        if (len >= 8) {
          f.add(R.cookieClient, d, 8);
          f.add(R.cookieServer, d + 8, len - 8);
        }
        break;
      case 11:
        if (len === 2) f.add(R.keepalive, d, 2, c.u16(d));
        break;
      case 12:
        f.add(R.padding, d, len);
        break;
      case 13:
        f.addStr(R.chain, d, len, latin1(c.b, d, len));
        break;
      case 15:
        if (len >= 2) {
          f.add(R.edeCode, d, 2, c.u16(d));
          if (len > 2) f.addStr(R.edeText, d + 2, len - 2, latin1(c.b, d + 2, len - 2));
        }
        break;
    }
    f.pop();
    o = d + len;
  }
}

const pad = new Uint8Array(16);

function padded(b: Uint8Array, o: number, n: number, size: number): Uint8Array {
  pad.fill(0, 0, size);
  pad.set(b.subarray(o, o + n));
  return pad;
}

/** Bytes as a string, one character per byte, ending at a NUL as C strings do (TXT, CHAIN). */
function latin1(b: Uint8Array, o: number, n: number): string {
  let s = '';
  for (let i = 0; i < n && b[o + i] !== 0; i++) s += String.fromCharCode(b[o + i] as number);
  return s;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** An absolute time as tshark prints FT_ABSOLUTE_TIME fields ("Jan  1, 2020 00:00:00.000000000 UTC"). */
export function absTimeText(sec: number, nsec: number): string {
  const d = new Date(sec * 1000);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')}, ${d.getUTCFullYear()} ` +
    `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${String(nsec).padStart(9, '0')} UTC`;
}
