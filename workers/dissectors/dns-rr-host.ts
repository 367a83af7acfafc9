// Records that describe a host or a domain (Wireshark packet-dns.c dissect_dns_answer): HINFO (RFC
// 1035 section 3.3.2), RP and AFSDB (RFC 1183), NAPTR (RFC 3403), SPF (RFC 4408, strings as TXT),
// EUI48 and EUI64 (RFC 7043), CAA (RFC 8659) and LOC (RFC 1876).
//
// As in dns-rr.ts, fields are read against the end of the message. Where packet-dns.c reads a
// value before it adds any item (HINFO's strings, AFSDB's and NAPTR's names, CAA's tag and value),
// a value past the end adds nothing of the record.

import { Base, FT, fieldById, registerFields } from '../fields/registry.ts';
import { EF } from '../fields/field-list.ts';
import { bytesHex, escapeString } from '../fields/format.ts';
import type { Ctx } from './context.ts';
import { asciiText } from './ascii.ts';
import { dnsName, readName } from './dns-name.ts';
import { asciiAt, charString, charStrings, nameField } from './dns-rr-common.ts';

const meters = (text: (v: number) => string) => (v: number): string => ` (${text(v)} m)`;

export const H = registerFields({
  hinfoCpuLength: { name: 'dns.hinfo.cpu_length', label: 'CPU Length', type: FT.UINT, bits: 8 },
  hinfoCpu: { name: 'dns.hinfo.cpu', label: 'CPU', type: FT.STRING },
  hinfoOsLength: { name: 'dns.hinfo.os_length', label: 'OS Length', type: FT.UINT, bits: 8 },
  hinfoOs: { name: 'dns.hinfo.os', label: 'OS', type: FT.STRING },
  rpMailbox: { name: 'dns.rp.mailbox', label: 'Mailbox', type: FT.STRING },
  rpTxt: { name: 'dns.rp.txt_rr', label: 'TXT RR', type: FT.STRING },
  afsdbSubtype: { name: 'dns.afsdb.subtype', label: 'Subtype', type: FT.UINT, bits: 16 },
  afsdbHostname: { name: 'dns.afsdb.hostname', label: 'Hostname', type: FT.STRING },
  naptrOrder: { name: 'dns.naptr.order', label: 'Order', type: FT.UINT, bits: 16 },
  naptrPreference: { name: 'dns.naptr.preference', label: 'Preference', type: FT.UINT, bits: 16 },
  naptrFlagsLength: { name: 'dns.naptr.flags_length', label: 'Flags Length', type: FT.UINT, bits: 8 },
  naptrFlags: { name: 'dns.naptr.flags', label: 'Flags', type: FT.STRING },
  naptrServiceLength: { name: 'dns.naptr.service_length', label: 'Service Length', type: FT.UINT, bits: 8 },
  naptrService: { name: 'dns.naptr.service', label: 'Service', type: FT.STRING },
  naptrRegexLength: { name: 'dns.naptr.regex_length', label: 'Regex Length', type: FT.UINT, bits: 8 },
  naptrRegex: { name: 'dns.naptr.regex', label: 'Regex', type: FT.STRING },
  naptrReplacementLength: { name: 'dns.naptr.replacement_length', label: 'Replacement Length', type: FT.UINT, bits: 8 },
  naptrReplacement: { name: 'dns.naptr.replacement', label: 'Replacement', type: FT.STRING },
  spfLength: { name: 'dns.spf.length', label: 'SPF Length', type: FT.UINT, bits: 8 },
  spf: { name: 'dns.spf', label: 'SPF', type: FT.STRING },
  eui48: { name: 'dns.eui48', label: 'EUI48 Address', type: FT.ETHER },
  // FT_EUI64 (the registry has no such type: its bytes, shown as tshark shows the address)
  eui64: { name: 'dns.eui64', label: 'EUI64 Address', type: FT.BYTES },
  caaFlags: { name: 'dns.caa.flags', label: 'CAA Flags', type: FT.UINT, base: Base.HEX, bits: 8 },
  caaCritical: { name: 'dns.caa.flags.issuer_critical', label: 'Issuer Critical', type: FT.BOOLEAN, bits: 8, mask: 0x80, tf: ['Critical', 'Not critical'] },
  caaIssue: { name: 'dns.caa.issue', label: 'Issue', type: FT.STRING },
  caaIssuewild: { name: 'dns.caa.issuewild', label: 'Issue Wildcard', type: FT.STRING },
  caaIodef: { name: 'dns.caa.iodef', label: 'Report URL', type: FT.STRING },
  caaUnknown: { name: 'dns.caa.unknown', label: 'Unknown tag', type: FT.STRING },
  caaTagLength: { name: 'dns.caa.tag_length', label: 'Tag length', type: FT.UINT, bits: 8 },
  caaTag: { name: 'dns.caa.tag', label: 'Tag', type: FT.STRING },
  caaValue: { name: 'dns.caa.value', label: 'Value', type: FT.STRING },
  locVersion: { name: 'dns.loc.version', label: 'Version', type: FT.UINT, bits: 8 },
  locSize: { name: 'dns.loc.size', label: 'Size', type: FT.UINT, bits: 8, unit: meters((v) => gText(locSize(v))) },
  locHorizontal: { name: 'dns.loc.horizontal_precision', label: 'Horizontal Precision', type: FT.UINT, bits: 8, unit: meters((v) => gText(locSize(v))) },
  locVertical: { name: 'dns.loc.vertical_precision', label: 'Vertical Precision', type: FT.UINT, bits: 8, unit: meters((v) => gText(locSize(v))) },
  locLatitude: { name: 'dns.loc.latitude', label: 'Latitude', type: FT.UINT, unit: (v) => ` (${locAngle(v, false)})` },
  locLongitude: { name: 'dns.loc.longitude', label: 'Longitude', type: FT.UINT, unit: (v) => ` (${locAngle(v, true)})` },
  // (the altitude is signed in packet-dns.c's reading, tvb_get_ntohil, centimetres above 100 km below the WGS 84 spheroid)
  locAltitude: { name: 'dns.loc.altitude', label: 'Altitude', type: FT.UINT, unit: meters((v) => gText(((v | 0) - 10000000) / 100)) },
  locUnknown: { name: 'dns.loc.unknown_data', label: 'Unknown data', type: FT.BYTES },
});

/**
 * The RDATA of the types above, at [off, off+dlen) of the message [msg, end): adds their fields and
 * returns what packet-dns.c appends to the record's line, or null for a type not decoded here.
 */
export function dissectHostRecord(c: Ctx, type: number, off: number, dlen: number, msg: number, end: number): string | null {
  const f = c.f;
  switch (type) {
    case 13: { // HINFO
      // both strings are read first; the line shows them as C's %.*s does (to a NUL)
      const cpuLen = c.has(off, 1, end) ? c.u8(off) : -1;
      const os = off + 1 + cpuLen;
      if (cpuLen < 0 || !c.has(off + 1, cpuLen + 1, end) || !c.has(os + 1, c.u8(os), end)) return '';
      const cpu = charString(c, H.hinfoCpuLength, H.hinfoCpu, off, end);
      const sys = charString(c, H.hinfoOsLength, H.hinfoOs, os, end);
      return `, CPU ${cpu ?? ''}, OS ${sys ?? ''}`;
    }
    case 17: { // RP: a mailbox and where to find a TXT record about it
      const n = nameField(c, H.rpMailbox, off, msg, end);
      if (n >= 0) nameField(c, H.rpTxt, off + n, msg, end);
      return '';
    }
    case 18: { // AFSDB: the name is read before the subtype is added
      const n = readName(c, off + 2, msg, end);
      if (n < 0) return '';
      const host = dnsName.text;
      c.uint(H.afsdbSubtype, off, 2, end);
      f.addStr(H.afsdbHostname, off + 2, n, host);
      return '';
    }
    case 35: // NAPTR
      return naptr(c, off, msg, end);
    case 99: // SPF (read as TXT is)
      charStrings(c, H.spfLength, H.spf, off, dlen, end);
      return '';
    case 108: // EUI48
      c.field(H.eui48, off, 6, end);
      return '';
    case 109: // EUI64: "EUI64 Address: 00:00:5e:ef:10:00:00:2a (00:00:5e:ef:10:00:00:2a)", its name unresolved
      if (c.field(H.eui64, off, 8, end) && f.wanted === null) {
        const a = bytesHex(c.b, off, 8, ':');
        f.setText(f.last, `${fieldById(H.eui64).label}: ${a} (${a})`);
      }
      return '';
    case 257: // CAA
      caa(c, off, dlen, end);
      return '';
    case 29: // LOC
      loc(c, off, dlen, end);
      return '';
    default:
      return null;
  }
}

/** NAPTR: order, preference, flags, service, regular expression and replacement; the line and the
 *  Info column get order, preference and flags once the replacement is read. */
function naptr(c: Ctx, off: number, msg: number, end: number): string {
  const f = c.f;
  const order = c.uint(H.naptrOrder, off, 2, end);
  const pref = c.uint(H.naptrPreference, off + 2, 2, end);
  let o = off + 4;
  const flags = c.stop ? null : charString(c, H.naptrFlagsLength, H.naptrFlags, o, end);
  if (flags === null) return '';
  o += 1 + c.u8(o);
  for (const [lenId, id] of [[H.naptrServiceLength, H.naptrService], [H.naptrRegexLength, H.naptrRegex]] as const) {
    if (charString(c, lenId, id, o, end) === null) return '';
    o += 1 + c.u8(o);
  }
  const n = readName(c, o, msg, end);
  if (n < 0) return '';
  // (the name's length as a string, "<Root>" being 6 long; generated, of no bytes)
  f.add(H.naptrReplacementLength, o, 0, dnsName.len > 0 ? dnsName.len : dnsName.text.length, EF.GENERATED);
  f.addStr(H.naptrReplacement, o, n, dnsName.text);
  return `, order ${order}, preference ${pref}, flags ${flags}`;
}

/** strncmp(tag, lit, n) === 0, `tag` being a C string: "iss" is an "issue" tag, and so is an empty one. */
function tagIs(tag: string, lit: string, n: number): boolean {
  for (let k = 0; k < n; k++) {
    const a = tag.charCodeAt(k) || 0;
    if (a !== (lit.charCodeAt(k) || 0)) return false;
    if (a === 0) return true;
  }
  return true;
}

/** CAA: flags, then one line for the property, named by its tag ("Issue: letsencrypt.org"), with
 *  the tag and value beneath. The value is what is left of the record after the tag, its length
 *  taken mod 2^16 as packet-dns.c's unsigned short. */
function caa(c: Ctx, off: number, dlen: number, end: number): void {
  const f = c.f;
  const flags = c.uint(H.caaFlags, off, 1, end);
  if (flags < 0) return;
  f.push(f.last);
  f.add(H.caaCritical, off, 1, flags & 0x80);
  f.pop();
  const o = off + 1;
  const tagLen = c.has(o, 1, end) ? c.u8(o) : -1;
  const tag = tagLen < 0 ? null : asciiAt(c, o + 1, tagLen, end);
  const valueLen = (dlen - (tagLen + 2)) & 0xffff;
  const raw = tag === null ? null : asciiAt(c, o + 1 + tagLen, valueLen, end);
  if (tag === null || raw === null) return;
  const value = escapeString(raw);
  const id = tagIs(tag, 'issue', tagLen) ? H.caaIssue : tagIs(tag, 'issuewild', tagLen) ? H.caaIssuewild
    : tagIs(tag, 'iodef', tagLen) ? H.caaIodef : H.caaUnknown;
  f.push(f.addStr(id, o, 1 + tagLen + valueLen, value));
  f.add(H.caaTagLength, o, 1, tagLen);
  f.addStr(H.caaTag, o + 1, tagLen, tag);
  f.addStr(H.caaValue, o + 1 + tagLen, valueLen, value);
  f.pop();
}

/** LOC version 0 (the only one RFC 1876 defines): sizes and precisions in metres, latitude and
 *  longitude as degrees, minutes and seconds, altitude in metres; another version's bytes as they are. */
function loc(c: Ctx, off: number, dlen: number, end: number): void {
  const version = c.uint(H.locVersion, off, 1, end);
  if (version !== 0) {
    if (version > 0) c.field(H.locUnknown, off, dlen, end);
    return;
  }
  c.uint(H.locSize, off + 1, 1, end);
  c.uint(H.locHorizontal, off + 2, 1, end);
  c.uint(H.locVertical, off + 3, 1, end);
  c.uint(H.locLatitude, off + 4, 4, end);
  c.uint(H.locLongitude, off + 8, 4, end);
  c.uint(H.locAltitude, off + 12, 4, end);
}

/** rfc1867_size: a size byte (mantissa, power of ten) in metres. */
function locSize(v: number): number {
  return ((v >> 4) * 10 ** (v & 0x0f)) / 100;
}

/** rfc1867_angle: thousandths of an arc second from 2^31 ("52 deg 42 min 45.432 sec N"). */
function locAngle(v: number, longitude: boolean): string {
  let angle: number;
  let dir: string;
  if (v < 0x80000000) {
    angle = 0x80000000 - v;
    dir = longitude ? 'W' : 'S';
  } else {
    angle = v - 0x80000000;
    dir = longitude ? 'E' : 'N';
  }
  if (angle > (longitude ? 648000000 : 324000000)) return 'Value out of range';
  const ms = angle % 1000;
  angle = Math.floor(angle / 1000);
  const secs = angle % 60;
  angle = Math.floor(angle / 60);
  return `${Math.floor(angle / 60)} deg ${angle % 60} min ${secs}.${String(ms).padStart(3, '0')} sec ${dir}`;
}

/** C's "%g": six significant digits, trailing zeros dropped, an exponent below 1e-4 or from 1e6. */
function gText(x: number): string {
  if (x === 0 || !Number.isFinite(x)) return x === 0 ? '0' : String(x);
  const [mant, exp] = x.toExponential(5).split('e') as [string, string];
  const e = Number(exp);
  if (e < -4 || e >= 6) return `${trimZeros(mant)}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  return trimZeros(x.toFixed(5 - e));
}

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}
