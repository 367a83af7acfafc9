// The data of each IPv4 option kind (RFC 791 section 3.1 record / source routes and time stamp,
// RFC 1108 and RFC 791 security, RFC 1063 MTU, RFC 1393 traceroute, RFC 2113 router alert,
// RFC 1770 selective directed broadcast, RFC 4782 Quick-Start; Wireshark packet-ip.c
// dissect_ipopt_*). The caller has added the option's item, type and length; `end` is the
// option's end, so reading past the option's own length ends the packet as it does in Wireshark.
//
//   Route options:  | type | length | pointer | route data (4-byte addresses)…
//   Time Stamp:     | 68 | length | pointer | overflow(4) flag(4) | [address] timestamp …

import { Base, FT, names, registerFields } from '../fields/registry.ts';
import { EF } from '../fields/field-list.ts';
import type { Ctx } from './context.ts';
import { E } from './ip-expert.ts';
import { expertAt } from './expert.ts';
import { latin1Text } from './ascii.ts';

/** Option types (RFC 791 and the IANA registry) with data read here; ipv4-options.ts uses the same names. */
export const RR = 7;
export const QS = 25;
export const TS = 68;
export const SEC = 130;
export const LSRR = 131;
export const ESEC = 133;
export const CIPSO = 134;
export const SSRR = 137;
const DATA = 2;
/** Where the TTL is in the IPv4 header (Quick-Start shows the TTL difference). */
const IP_TTL = 8;

/** Adds ip.dst and its hidden companions for an address at `off` (from ipv4.ts). */
export type DstAdder = (c: Ctx, off: number, end: number) => void;

/** RFC 4782's rates, by their 4-bit code (packet-ip.c's qs_rate_vals). */
export const QS_RATES = ['0 bit/s', '80 Kbit/s', '160 Kbit/s', '320 Kbit/s', '640 Kbit/s', '1.28 Mbit/s', '2.56 Mbit/s', '5.12 Mbit/s',
  '10.24 Mbit/s', '20.48 Mbit/s', '40.96 Mbit/s', '81.92 Mbit/s', '163.84 Mbit/s', '327.68 Mbit/s', '655.36 Mbit/s', '1.31072 Gbit/s'];
const QS_FUNCS = names([[0, 'Rate request'], [8, 'Rate report']]);
/** RFC 791's security levels (secl_rfc791_vals). */
const SEC_LEVELS = names([[0x0000, 'Unclassified'], [0xf135, 'Confidential'], [0x789a, 'EFTO'], [0xbc4d, 'MMMM'], [0x5e26, 'PROG'],
  [0xaf13, 'Restricted'], [0xd788, 'Secret'], [0x6bc5, 'Top secret'], [0x35e2, 'Reserved'], [0x9af1, 'Reserved'], [0x4d78, 'Reserved'],
  [0x24bd, 'Reserved'], [0x135e, 'Reserved'], [0x89af, 'Reserved'], [0xc4d6, 'Reserved'], [0xe26b, 'Reserved']]);

const PROTECTED = ['Datagram protected in accordance with its rules', 'Datagram not protected in accordance with its rules'] as const;

export const K = registerFields({
  ptr: { name: 'ip.opt.ptr', label: 'Pointer', type: FT.UINT, bits: 8 },
  sid: { name: 'ip.opt.sid', label: 'Stream Identifier', type: FT.UINT, bits: 16 },
  mtu: { name: 'ip.opt.mtu', label: 'MTU', type: FT.UINT, bits: 16 },
  idNumber: { name: 'ip.opt.id_number', label: 'ID Number', type: FT.UINT, bits: 16 },
  ohc: { name: 'ip.opt.ohc', label: 'Outbound Hop Count', type: FT.UINT, bits: 16 },
  rhc: { name: 'ip.opt.rhc', label: 'Return Hop Count', type: FT.UINT, bits: 16 },
  originator: { name: 'ip.opt.originator', label: 'Originator IP Address', type: FT.IPV4 },
  ra: { name: 'ip.opt.ra', label: 'Router Alert', type: FT.UINT, bits: 16, names: names([[0, 'Router shall examine packet']]) },
  addr: { name: 'ip.opt.addr', label: 'IP Address', type: FT.IPV4 },
  padding: { name: 'ip.opt.padding', label: 'Padding', type: FT.BYTES },
  qsFunc: { name: 'ip.opt.qs_func', label: 'Function', type: FT.UINT, bits: 8, mask: 0xf0, names: QS_FUNCS, unknownName: true },
  qsRate: { name: 'ip.opt.qs_rate', label: 'Rate', type: FT.UINT, bits: 8, mask: 0xf, names: names(QS_RATES.map((r, i) => [i, r])) },
  qsTtl: { name: 'ip.opt.qs_ttl', label: 'QS TTL', type: FT.UINT, bits: 8 },
  qsTtlDiff: { name: 'ip.opt.qs_ttl_diff', label: 'TTL Diff', type: FT.UINT, bits: 8 },
  qsUnused: { name: 'ip.opt.qs_unused', label: 'Not Used', type: FT.UINT, bits: 8 },
  qsNonce: { name: 'ip.opt.qs_nonce', label: 'QS Nonce', type: FT.UINT, base: Base.HEX, mask: 0xfffffffc },
  qsReserved: { name: 'ip.opt.qs_reserved', label: 'Reserved', type: FT.UINT, base: Base.HEX, mask: 0x3 },
  secRfc791Sec: { name: 'ip.opt.sec_rfc791_sec', label: 'Security', type: FT.UINT, base: Base.HEX, bits: 16, names: SEC_LEVELS },
  secRfc791Comp: { name: 'ip.opt.sec_rfc791_comp', label: 'Compartments', type: FT.UINT, bits: 16 },
  secCl: { name: 'ip.opt.sec_cl', label: 'Classification Level', type: FT.UINT, base: Base.HEX, bits: 8 },
  secRfc791Hr: { name: 'ip.opt.sec_rfc791_hr', label: 'Handling Restrictions', type: FT.STRING },
  secRfc791Tcc: { name: 'ip.opt.sec_rfc791_tcc', label: 'Transmission Control Code', type: FT.STRING },
  secFlags: { name: 'ip.opt.sec_prot_auth_flags', label: 'Protection Authority Flags', type: FT.UINT, base: Base.HEX, bits: 8 },
  secGenser: { name: 'ip.opt.sec_prot_auth_genser', label: 'GENSER', type: FT.BOOLEAN, bits: 8, mask: 0x80, tf: PROTECTED },
  secSiopEsi: { name: 'ip.opt.sec_prot_auth_siop_esi', label: 'SIOP-ESI', type: FT.BOOLEAN, bits: 8, mask: 0x40, tf: PROTECTED },
  secSci: { name: 'ip.opt.sec_prot_auth_sci', label: 'SCI', type: FT.BOOLEAN, bits: 8, mask: 0x20, tf: PROTECTED },
  secNsa: { name: 'ip.opt.sec_prot_auth_nsa', label: 'NSA', type: FT.BOOLEAN, bits: 8, mask: 0x10, tf: PROTECTED },
  secDoe: { name: 'ip.opt.sec_prot_auth_doe', label: 'DOE', type: FT.BOOLEAN, bits: 8, mask: 0x8, tf: PROTECTED },
  secUnassigned: { name: 'ip.opt.sec_prot_auth_unassigned', label: 'Unassigned', type: FT.UINT, base: Base.HEX, bits: 8, mask: 0x6 },
  secUnassigned2: { name: 'ip.opt.sec_prot_auth_unassigned2', label: 'Unassigned', type: FT.UINT, base: Base.HEX, bits: 8, mask: 0xfe },
  secFti: { name: 'ip.opt.sec_prot_auth_fti', label: 'Field Termination Indicator', type: FT.BOOLEAN, bits: 8, mask: 0x1,
    tf: ['Additional octet present', 'Final octet'] },
  extSecFormat: { name: 'ip.opt.ext_sec_add_sec_info_format_code', label: 'Additional Security Info Format Code', type: FT.UINT, base: Base.HEX, bits: 8 },
  extSecInfo: { name: 'ip.opt.ext_sec_add_sec_info', label: 'Additional Security Info', type: FT.BYTES },
  cipsoDoi: { name: 'ip.cipso.doi', label: 'DOI', type: FT.UINT },
  cipsoTagType: { name: 'ip.cipso.tag_type', label: 'Tag Type', type: FT.UINT, bits: 8,
    names: names([[0, 'Padding'], [1, 'Restrictive Category Bitmap'], [2, 'Enumerated Categories'], [5, 'Ranged Categories'],
      [6, 'Permissive Categories'], [7, 'Free Form']]) },
  cipsoLevel: { name: 'ip.cipso.sensitivity_level', label: 'Sensitivity Level', type: FT.UINT, bits: 8 },
  cipsoTagData: { name: 'ip.cipso.tag_data', label: 'Tag data', type: FT.BYTES },
  recRt: { name: 'ip.rec_rt', label: 'Recorded Route', type: FT.IPV4 },
  recRtHost: { name: 'ip.rec_rt_host', label: 'Recorded Route Host', type: FT.IPV4 },
  srcRt: { name: 'ip.src_rt', label: 'Source Route', type: FT.IPV4 },
  srcRtHost: { name: 'ip.src_rt_host', label: 'Source Route Host', type: FT.IPV4 },
  emptyRt: { name: 'ip.empty_rt', label: 'Empty Route', type: FT.IPV4 },
  emptyRtHost: { name: 'ip.empty_rt_host', label: 'Empty Route Host', type: FT.IPV4 },
  overflow: { name: 'ip.opt.overflow', label: 'Overflow', type: FT.UINT, bits: 8, mask: 0xf0 },
  flag: { name: 'ip.opt.flag', label: 'Flag', type: FT.UINT, base: Base.HEX, bits: 8, mask: 0xf,
    names: names([[0, 'Time stamps only'], [1, 'Time stamp and address'], [3, 'Time stamps for prespecified addresses']]) },
  timeStamp: { name: 'ip.opt.time_stamp', label: 'Time stamp', type: FT.UINT },
  timeStampAddr: { name: 'ip.opt.time_stamp_addr', label: 'Address', type: FT.IPV4 },
});

/** The data of option `type` at `o` (length `len`, ending at `end`); `ip` is the IPv4 header.
 *  Returns what packet-ip.c appends to the option's line ('' for most). */
export function optionData(c: Ctx, type: number, o: number, len: number, end: number, ip: number, dst: DstAdder): string {
  const d = o + DATA;
  const dataEnd = o + len;
  switch (type) {
    case RR: case LSRR: case SSRR: route(c, type, o, len, end, dst); break;
    case TS: timestamp(c, o, len, end); break;
    case 136: c.uint(K.sid, d, 2, end); break;
    case 11: case 12: c.uint(K.mtu, d, 2, end); break;
    case 82:
      c.uint(K.idNumber, d, 2, end);
      c.uint(K.ohc, d + 2, 2, end);
      c.uint(K.rhc, d + 4, 2, end);
      c.field(K.originator, d + 6, 4, end);
      break;
    case 148: c.uint(K.ra, d, 2, end); break;
    case 149: {
      let a = d;
      for (; a + 4 <= dataEnd; a += 4) c.field(K.addr, a, 4, end);
      if (a < dataEnd) c.field(K.padding, a, dataEnd - a, end);
      break;
    }
    case QS: return quickStart(c, d, c.u8(ip + IP_TTL), end);
    case SEC:
      security(c, d, len, end);
      break;
    case ESEC:
      c.uint(K.extSecFormat, d, 1, end);
      if (len > 3) c.field(K.extSecInfo, d + 1, len - 3, end);
      break;
    case CIPSO: cipso(c, d, o + len, end); break;
  }
  return '';
}

const SEC_RFC791 = new Set(SEC_LEVELS.keys());

/** Loose / strict source route and record route: each 4-byte slot by where the pointer is. */
function route(c: Ctx, type: number, o: number, len: number, end: number, dst: DstAdder): void {
  const ptr = c.uint(K.ptr, o + 2, 1, end);
  if (ptr < 0) return;
  const ptrItem = c.f.last;
  if (ptr < 4) return expertAt(c, ptrItem, E.ipOptPtrBefore, 'Pointer points before first address');
  if (ptr & 3) return expertAt(c, ptrItem, E.ipOptPtrMiddle, 'Pointer points to middle of address');
  let slot = 3;
  for (let left = len - 3; left > 0; left -= 4, slot += 4) {
    if (left < 4) {
      expertAt(c, ptrItem, E.ipSuboptTooLong, 'Suboption would go past end of option');
      break;
    }
    const a = o + slot;
    let id: number;
    let host: number;
    if (ptr > len || slot + 1 < ptr) [id, host] = [K.recRt, K.recRtHost];
    else if (type !== RR && slot === len - 4) {
      // This is the destination (Wireshark adds ip.dst here, in place of the header's).
      dst(c, a, end);
      if (c.stop) return;
      continue;
    } else if (type === RR) [id, host] = [K.emptyRt, K.emptyRtHost];
    else [id, host] = [K.srcRt, K.srcRtHost];
    if (!c.field(id, a, 4, end)) return;
    // the slot the pointer points at: "Source Route: 10.0.0.9 <- (next)"
    if (slot + 1 === ptr && c.f.wanted === null) c.f.appendLabel(c.f.last, ' <- (next)');
    c.f.add(host, a, 4, 0, EF.HIDDEN | EF.GENERATED);
  }
}

function timestamp(c: Ctx, o: number, len: number, end: number): void {
  const f = c.f;
  if (c.uint(K.ptr, o + 2, 1, end) < 0 || !c.has(o + 3, 1, end)) return;
  const of = c.u8(o + 3);
  f.add(K.overflow, o + 3, 1, of >> 4);
  f.add(K.flag, o + 3, 1, of & 0xf);
  const flag = of & 0xf;
  let a = o + 4;
  for (let left = len - 4; left > 0 && !c.stop; ) {
    const entry = flag === 1 || flag === 3 ? 8 : 4;
    if (left < entry) {
      expertAt(c, f.text(a, left, 'Suboption would go past end of option'), E.ipSuboptTooLong, 'Suboption would go past end of option');
      break;
    }
    // (packet-ip.c writes an address slot still zero as "-")
    if (entry === 8 && c.field(K.timeStampAddr, a, 4, end) && f.wanted === null && c.u32(a) === 0) f.setText(f.last, 'Address: -');
    c.uint(K.timeStamp, a + entry - 4, 4, end);
    a += entry;
    left -= entry;
  }
}

/** RFC 4782: the function and rate, a request's QS TTL (and its difference from the header's
 *  TTL) or a report's unused byte, then the nonce; a function other than those two ends the
 *  option. Returns the line's suffix: ": Rate request (0), 1.28 Mbit/s, QS TTL 60, QS TTL diff 4". */
function quickStart(c: Ctx, d: number, ttl: number, end: number): string {
  const f = c.f;
  if (!c.has(d, 1, end)) return '';
  const cmd = c.u8(d);
  const func = cmd >> 4;
  f.add(K.qsFunc, d, 1, func);
  const known = QS_FUNCS.get(func);
  if (known === undefined) return `: Unknown (${func}) (${func})`;
  f.add(K.qsRate, d, 1, cmd & 0xf);
  let more = `: ${known} (${func}), ${QS_RATES[cmd & 0xf]}`;
  if (func === 0) {
    const qsTtl = c.uint(K.qsTtl, d + 1, 1, end);
    if (qsTtl < 0) return more;
    const diff = (ttl - qsTtl) & 0xff;
    f.add(K.qsTtlDiff, d + 1, 1, diff, EF.GENERATED);
    more += `, QS TTL ${qsTtl}, QS TTL diff ${diff}`;
  } else c.uint(K.qsUnused, d + 1, 1, end);
  if (!c.has(d + 2, 4, end)) return more;
  const nonce = c.u32(d + 2);
  f.add(K.qsNonce, d + 2, 4, nonce >>> 2);
  f.add(K.qsReserved, d + 2, 4, nonce & 3);
  return more;
}

/** RFC 791's 11-byte form (security, compartments, handling restrictions, TCC), recognised by
 *  its security value, or RFC 1108's (classification level, protection authority flags). */
function security(c: Ctx, d: number, len: number, end: number): void {
  const f = c.f;
  if (len === 11 && c.has(d, 2, end) && SEC_RFC791.has(c.u16(d))) {
    c.uint(K.secRfc791Sec, d, 2, end);
    c.uint(K.secRfc791Comp, d + 2, 2, end);
    if (c.has(d + 4, 5, end)) {
      f.addStr(K.secRfc791Hr, d + 4, 2, text(c, d + 4, 2));
      f.addStr(K.secRfc791Tcc, d + 6, 3, text(c, d + 6, 3));
    }
    return;
  }
  c.uint(K.secCl, d, 1, end);
  // "Field Termination Indicator": each flags octet says whether another follows.
  let o = d + 1;
  for (let first = true; o < d - 2 + len && !c.stop; first = false) {
    const v = c.uint(K.secFlags, o, 1, end);
    if (v < 0) return;
    f.push(f.last);
    if (first) {
      f.add(K.secGenser, o, 1, v >> 7);
      f.add(K.secSiopEsi, o, 1, (v >> 6) & 1);
      f.add(K.secSci, o, 1, (v >> 5) & 1);
      f.add(K.secNsa, o, 1, (v >> 4) & 1);
      f.add(K.secDoe, o, 1, (v >> 3) & 1);
      f.add(K.secUnassigned, o, 1, (v >> 1) & 3);
    } else f.add(K.secUnassigned2, o, 1, v >> 1);
    f.add(K.secFti, o, 1, v & 1);
    f.pop();
    o++;
    if (!(v & 1)) return;
  }
}

/** An FT_STRING of n bytes as Wireshark shows it: up to its first NUL ("Handling Restrictions: "
 *  for two zero bytes). */
function text(c: Ctx, o: number, n: number): string {
  let e = o;
  while (e < o + n && c.b[e] !== 0) e++;
  return latin1Text(c.b, o, e);
}

/** CIPSO (draft-ietf-cipso-ipsecurity, FIPS 188): the DOI, then tags; categories are not decoded. */
function cipso(c: Ctx, d: number, optEnd: number, end: number): void {
  c.uint(K.cipsoDoi, d, 4, end);
  let o = d + 4;
  while (o < optEnd && !c.stop) {
    const type = c.uint(K.cipsoTagType, o, 1, end);
    if (type < 0) return;
    if (type === 0) {
      o++;
      continue;
    }
    const taglen = o + 1 < optEnd ? c.u8(o + 1) : 1;
    if (type > 7 || type === 3 || type === 4) return; // unknown tag: stop parsing this option
    const min = type === 7 ? 2 : 4;
    if (taglen < min || taglen > 34 || o + taglen - 1 > optEnd) return; // ip.cipso.malformed
    if (type <= 5) c.uint(K.cipsoLevel, o + 3, 1, end);
    else c.field(K.cipsoTagData, o + 2, taglen - 2, end);
    o += taglen;
  }
}
