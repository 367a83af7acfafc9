// DNS resource record data (RFC 1035 section 3.3 and the RFCs of each type; Wireshark
// packet-dns.c dissect_dns_answer). The common types are here: A, NS, CNAME, SOA, PTR, MX, TXT,
// AAAA, SRV, DNAME, and OPT (its options are in dns-edns.ts); the others in dns-rr-dnssec.ts
// (DS, RRSIG, NSEC, DNSKEY, NSEC3, TLSA, SSHFP, ...), dns-rr-svcb.ts (SVCB, HTTPS), dns-rr-host.ts
// (HINFO, RP, AFSDB, NAPTR, SPF, EUI48/64, CAA, LOC) and dns-rr-tsig.ts (TKEY, TSIG). Types
// packet-dns.c has no case for are shown as bytes (dns.data) under its "not implemented" note;
// the few it decodes and Decapod does not (MD, WKS, X25, KEY, CERT, APL, HIP, ...) as bytes alone.
//
// As Wireshark does, fields are read against the end of the message, not of the record: a record
// whose RDLENGTH is too short for its type shows the bytes that follow, and the next record starts
// at RDLENGTH regardless.

import { FT, registerFields } from '../fields/registry.ts';
import { durationText, ipv4Text, ipv6Text } from '../fields/format.ts';
import type { Ctx } from './context.ts';
import { dnsName } from './dns-name.ts';
import { dissectEdnsOptions } from './dns-edns.ts';
import { charStrings, nameField } from './dns-rr-common.ts';
import { dissectDnssec } from './dns-rr-dnssec.ts';
import { dissectSvcb } from './dns-rr-svcb.ts';
import { dissectHostRecord } from './dns-rr-host.ts';
import { dissectTkey, dissectTsig } from './dns-rr-tsig.ts';
import { Group, Severity, expertAt, registerExperts } from './expert.ts';

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
  // (an SRV record's owner, _Service._Proto.Name, in its three parts in place of dns.resp.name)
  srvService: { name: 'dns.srv.service', label: 'Service', type: FT.STRING },
  srvProto: { name: 'dns.srv.proto', label: 'Protocol', type: FT.STRING },
  srvName: { name: 'dns.srv.name', label: 'Name', type: FT.STRING },
  dname: { name: 'dns.dname', label: 'Dname', type: FT.STRING },
  data: { name: 'dns.data', label: 'Data', type: FT.BYTES },
});

const X = registerExperts({
  undecoded: { name: 'dns.undecoded.type', msg: 'Undecoded option', severity: Severity.NOTE, group: Group.UNDECODED },
});

const T_SRV = 33;

/** The types packet-dns.c's switch has a case for (the others get its "not implemented" note). */
const WIRESHARK_DECODES = new Set([
  1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 33, 35,
  36, 37, 38, 39, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 55, 59, 60, 61, 62, 63, 64, 65, 99, 104, 105, 106,
  107, 108, 109, 249, 250, 257, 32769, 65281, 65282, 65422,
]);

/** A record's owner name `owner`, `n` bytes at `p`: packet-dns.c (add_rr_to_tree) shows an SRV
 *  record's as its service, protocol and name ("_sip", "_udp", "example.com": the name split at
 *  its first two dots), any other's as dns.resp.name (`nameId`). */
export function ownerName(c: Ctx, nameId: number, type: number, p: number, n: number, owner: string): void {
  const f = c.f;
  if (type !== T_SRV || owner === '') {
    f.addStr(nameId, p, n, owner);
    return;
  }
  const a = owner.indexOf('.');
  const b = a < 0 ? -1 : owner.indexOf('.', a + 1);
  f.addStr(R.srvService, p, n, a < 0 ? owner : owner.slice(0, a));
  if (a >= 0) f.addStr(R.srvProto, p, n, b < 0 ? owner.slice(a + 1) : owner.slice(a + 1, b));
  if (b >= 0) f.addStr(R.srvName, p, n, owner.slice(b + 1));
}

/**
 * RDATA of a record of `type` at [off, off+dlen) (dlen > 0), in the message [msg, end). Adds its
 * fields at the current tree position and returns what Wireshark appends to the record's line.
 * `line` is the record's entry (packet-dns.c's note on an undecoded type is about it).
 */
export function dissectRdata(c: Ctx, type: number, off: number, dlen: number, msg: number, end: number, line: number): string {
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
    case 39: // DNAME
      return nameField(c, R.dname, off, msg, end) < 0 ? '' : `, dname ${dnsName.text}`;
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
    case 16:
      // (ENC_ASCII strings: tshark shows "café" in a TXT as "caf\ufffd\ufffd")
      charStrings(c, R.txtLen, R.txt, off, dlen, end);
      return '';
    case T_SRV: {
      const p = c.uint(R.srvPriority, off, 2, end);
      const w = c.uint(R.srvWeight, off + 2, 2, end);
      const port = c.uint(R.srvPort, off + 4, 2, end);
      if (c.stop || nameField(c, R.srvTarget, off + 6, msg, end) < 0) return '';
      return `, priority ${p}, weight ${w}, port ${port}, target ${dnsName.text}`;
    }
    case 41:
      dissectEdnsOptions(c, off, dlen, end);
      return '';
    case 64: // SVCB
    case 65: // HTTPS
      dissectSvcb(c, off, dlen, msg, end);
      return '';
    case 249: // TKEY
      dissectTkey(c, off, msg, end);
      return '';
    case 250: // TSIG
      dissectTsig(c, off, msg, end);
      return '';
  }
  const more = dissectDnssec(c, type, off, dlen, msg, end) ?? dissectHostRecord(c, type, off, dlen, msg, end);
  if (more !== null) return more;
  if (!WIRESHARK_DECODES.has(type)) {
    expertAt(c, line, X.undecoded, `Dissector for DNS Type (${type}) code not implemented, Contact Wireshark developers if you want this supported`);
  }
  c.field(R.data, off, dlen, end);
  return '';
}
