// IPv4 options (RFC 791 section 3.1, RFC 1108, RFC 1393, RFC 2113, RFC 4782; Wireshark
// packet-ip.c: dissect_ip_tcp_options and the ip.options.* option dissectors).
//
//   +--------+--------+--------+---------//--------+
//   |  type  | length | option data (length - 2)   |      type = copy(1) | class(2) | number(5)
//   +--------+--------+--------+---------//--------+
// End of Options List (0) and No Operation (1) are a type byte alone. An option whose length
// byte is missing, under 2, past the end of the options, or wrong for its kind ends the list
// ("says option goes past end of options"), as Wireshark does; an unknown option is skipped by
// its length. Each known option is an `ip.options.<name>` item holding its bytes.

import { Base, FT, names, registerFields } from '../fields/registry.ts';
import { EF } from '../fields/field-list.ts';
import type { Ctx } from './context.ts';
import { Status } from './context.ts';

const EOL = 0;
const NOP = 1;
const RR = 7;
const QS = 25;
const TS = 68;
const SEC = 130;
const LSRR = 131;
const ESEC = 133;
const CIPSO = 134;
const SSRR = 137;
/** Where the options start in the IPv4 header, and where its TTL is (for Quick-Start). */
const OPTIONS_START = 20;
const IP_TTL = 8;
const TYPE = 0;
const LENGTH = 1;
const DATA = 2;

const CLASS_NAMES = names([[0, 'Control'], [1, 'Reserved for future use'], [2, 'Debugging and measurement'], [3, 'Reserved for future use']]);
const NUMBER_NAMES = names([[0, 'End of Option List (EOL)'], [1, 'No-Operation (NOP)'], [2, 'Security'], [3, 'Loose source route'],
  [4, 'Time stamp'], [5, 'Extended security'], [6, 'Commercial IP security option'], [7, 'Record route'], [8, 'Stream identifier'],
  [9, 'Strict source route'], [11, 'MTU probe'], [12, 'MTU Reply'], [18, 'Traceroute'], [20, 'Router Alert'],
  [21, 'Selective Directed Broadcast'], [25, 'Quick-Start']]);

export const F = registerFields({
  type: { name: 'ip.opt.type', label: 'Type', type: FT.UINT, bits: 8 },
  copy: { name: 'ip.opt.type.copy', label: 'Copy on fragmentation', type: FT.BOOLEAN, bits: 8, mask: 0x80, tf: ['Yes', 'No'] },
  cls: { name: 'ip.opt.type.class', label: 'Class', type: FT.UINT, bits: 8, mask: 0x60, names: CLASS_NAMES },
  number: { name: 'ip.opt.type.number', label: 'Number', type: FT.UINT, bits: 8, mask: 0x1f, names: NUMBER_NAMES },
  len: { name: 'ip.opt.len', label: 'Length', type: FT.UINT, bits: 8 },
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
  qsFunc: { name: 'ip.opt.qs_func', label: 'Function', type: FT.UINT, bits: 8, mask: 0xf0, names: names([[0, 'Rate request'], [8, 'Rate report']]) },
  qsRate: { name: 'ip.opt.qs_rate', label: 'Rate', type: FT.UINT, bits: 8, mask: 0xf },
  qsTtl: { name: 'ip.opt.qs_ttl', label: 'QS TTL', type: FT.UINT, bits: 8 },
  qsTtlDiff: { name: 'ip.opt.qs_ttl_diff', label: 'TTL Diff', type: FT.UINT, bits: 8 },
  qsUnused: { name: 'ip.opt.qs_unused', label: 'Not Used', type: FT.UINT, bits: 8 },
  qsNonce: { name: 'ip.opt.qs_nonce', label: 'QS Nonce', type: FT.UINT, base: Base.HEX, mask: 0xfffffffc },
  qsReserved: { name: 'ip.opt.qs_reserved', label: 'Reserved', type: FT.UINT, base: Base.HEX, mask: 0x3 },
  secRfc791Sec: { name: 'ip.opt.sec_rfc791_sec', label: 'Security', type: FT.UINT, base: Base.HEX, bits: 16 },
  secRfc791Comp: { name: 'ip.opt.sec_rfc791_comp', label: 'Compartments', type: FT.UINT, bits: 16 },
  secCl: { name: 'ip.opt.sec_cl', label: 'Classification Level', type: FT.UINT, base: Base.HEX, bits: 8 },
  secFlags: { name: 'ip.opt.sec_prot_auth_flags', label: 'Protection Authority Flags', type: FT.UINT, base: Base.HEX, bits: 8 },
  extSecFormat: { name: 'ip.opt.ext_sec_add_sec_info_format_code', label: 'Additional Security Info Format Code', type: FT.UINT, base: Base.HEX, bits: 8 },
  extSecInfo: { name: 'ip.opt.ext_sec_add_sec_info', label: 'Additional Security Info', type: FT.BYTES },
  cipsoDoi: { name: 'ip.cipso.doi', label: 'DOI', type: FT.UINT },
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
  eol: { name: 'ip.options.eol', label: 'IP Option - End of Options List (EOL)', type: FT.BYTES },
  nop: { name: 'ip.options.nop', label: 'IP Option - No-Operation (NOP)', type: FT.BYTES },
  security: { name: 'ip.options.security', label: 'IP Option - Security', type: FT.BYTES },
  route: { name: 'ip.options.route', label: 'IP Option - Loose Source Route', type: FT.BYTES },
  timestamp: { name: 'ip.options.timestamp', label: 'IP Option - Time Stamp', type: FT.BYTES },
  extSecurity: { name: 'ip.options.ext_security', label: 'IP Option - Extended Security', type: FT.BYTES },
  cipso: { name: 'ip.options.cipso', label: 'IP Option - Commercial Security', type: FT.BYTES },
  recordRoute: { name: 'ip.options.record_route', label: 'IP Option - Record Route', type: FT.BYTES },
  streamId: { name: 'ip.options.sid', label: 'IP Option - Stream ID', type: FT.BYTES },
  sourceRoute: { name: 'ip.options.source_route', label: 'IP Option - Strict Source Route', type: FT.BYTES },
  mtuProbe: { name: 'ip.options.mtu_probe', label: 'IP Option - MTU Probe', type: FT.BYTES },
  mtuReply: { name: 'ip.options.mtu_reply', label: 'IP Option - MTU Reply', type: FT.BYTES },
  traceroute: { name: 'ip.options.traceroute', label: 'IP Option - Traceroute', type: FT.BYTES },
  routerAlert: { name: 'ip.options.routeralert', label: 'IP Option - Router Alert', type: FT.BYTES },
  sdb: { name: 'ip.options.sdb', label: 'IP Option - Selective Directed Broadcast', type: FT.BYTES },
  quickStart: { name: 'ip.options.qs', label: 'IP Option - Quick-Start', type: FT.BYTES },
});

/** The option table (Wireshark's ipopts[]): item, name, and length rule (0: type byte only,
 *  > 0: exactly this long, < 0: at least -n long). */
const OPTIONS = new Map<number, readonly [number, string, number]>([
  [EOL, [F.eol, 'End of Options List (EOL)', 0]], [NOP, [F.nop, 'No Operation (NOP)', 0]],
  [SEC, [F.security, 'Security', -3]], [LSRR, [F.route, 'Loose Source Route', -3]], [TS, [F.timestamp, 'Time Stamp', -5]],
  [ESEC, [F.extSecurity, 'Extended Security', -3]], [CIPSO, [F.cipso, 'Commercial Security', -10]],
  [RR, [F.recordRoute, 'Record Route', -3]], [136, [F.streamId, 'Stream ID', 4]], [SSRR, [F.sourceRoute, 'Strict Source Route', -3]],
  [11, [F.mtuProbe, 'MTU Probe', 4]], [12, [F.mtuReply, 'MTU Reply', 4]], [82, [F.traceroute, 'Traceroute', 12]],
  [148, [F.routerAlert, 'Router Alert', 4]], [149, [F.sdb, 'Selective Directed Broadcast', -6]], [QS, [F.quickStart, 'Quick-Start', 8]],
]);

/** Offset of the final destination in a loose or strict source route with an unused entry
 *  (Wireshark's get_dst_offset), or -1. Reads only bytes that are there; adds nothing. */
export function sourceRouteDst(c: Ctx, start: number, optEnd: number): number {
  const b = c.b;
  let o = start;
  while (o < optEnd && o < b.length) {
    const type = b[o] as number;
    if (type === EOL) return -1;
    if (type === NOP) { o++; continue; }
    if (o + 1 >= optEnd || o + 1 >= b.length) return -1;
    const len = b[o + 1] as number;
    if (type === LSRR || type === SSRR) {
      const ptr = o + 2 < b.length ? (b[o + 2] as number) : 0;
      return ptr < 4 || ptr & 3 || ptr > len ? -1 : o + len - 4;
    }
    const rule = OPTIONS.get(type)?.[2] ?? -2;
    if (len < 2 || o + len > optEnd || (rule > 0 && len !== rule) || (rule < 0 && len < -rule)) return -1;
    o += len;
  }
  return -1;
}

/** Adds ip.dst and its hidden companions for an address at `off` (from ipv4.ts). */
export type DstAdder = (c: Ctx, off: number, end: number) => void;

/**
 * The options of the IPv4 header at `ip`, up to its header length `optEnd`. A source route's
 * final destination is shown with `dst` (Wireshark puts ip.dst there, not in the header).
 */
export function dissectIpv4Options(c: Ctx, ip: number, optEnd: number, end: number, dst: DstAdder): void {
  const f = c.f;
  const start = ip + OPTIONS_START;
  const list = f.text(start, Math.max(0, Math.min(optEnd, c.b.length) - start), `Options: (${optEnd - start} bytes)`);
  f.push(list);
  let o = start;
  while (o < optEnd && !c.stop) {
    if (!c.has(o, 1, end)) break;
    const type = c.u8(o);
    const known = OPTIONS.get(type);
    const name = known ? known[1] : `Unknown (0x${type.toString(16).padStart(2, '0')})`;
    if (known && known[2] === 0) {
      f.push(f.add(known[0], o, 1));
      optionType(c, o);
      f.pop();
      o++;
      if (type === EOL) break;
      continue;
    }
    const left = optEnd - o - 1;
    if (left === 0) {
      bogus(c, o, 1, `${name} (length byte past end of options)`);
      break;
    }
    if (!c.has(o + LENGTH, 1, end)) break;
    const len = c.u8(o + LENGTH);
    const s = len === 1 ? '' : 's';
    if (len < 2) {
      bogus(c, o, 2, `${name} (with too-short option length = ${len} byte${s})`);
      break;
    }
    if (len - 2 > left - 1) {
      bogus(c, o, left - 1, `${name} (option length = ${len} byte${s} says option goes past end of options)`);
      break;
    }
    if (known) {
      // A length wrong for the kind is only flagged (ip.opt.len.invalid); reading past the
      // option's own length is an exception that ends the packet, as in Wireshark.
      const rule = known[2];
      if ((rule > 0 && len !== rule) || (rule < 0 && len < -rule)) c.status |= Status.WARNING;
      option(c, known[0], type, o, len, end, ip, dst);
      if (c.stop) break;
      f.str[list] += `, ${name}`;
    } else f.text(o, len, `${name} (${len} byte${s})`);
    o += len;
  }
  f.pop();
}

function bogus(c: Ctx, off: number, len: number, text: string): void {
  c.f.text(off, Math.max(0, len), text);
  c.status |= Status.WARNING; // ip.opt.len.invalid
}

function optionType(c: Ctx, o: number): void {
  const f = c.f;
  const t = c.u8(o + TYPE);
  f.push(f.add(F.type, o + TYPE, 1, t));
  f.add(F.copy, o, 1, t >> 7);
  f.add(F.cls, o, 1, (t >> 5) & 3);
  f.add(F.number, o, 1, t & 0x1f);
  f.pop();
}

/** One known option with a length: its item, type, length, then what its kind carries. */
function option(c: Ctx, item: number, type: number, o: number, len: number, end: number, ip: number, dst: DstAdder): void {
  const f = c.f;
  if (!c.field(item, o, len, end)) return;
  f.push(f.count - 1);
  optionType(c, o);
  f.add(F.len, o + LENGTH, 1, len);
  const d = o + DATA;
  const dataEnd = o + len;
  end = Math.min(end, dataEnd); // the option's bytes are all its fields may read
  switch (type) {
    case RR: case LSRR: case SSRR: route(c, type, o, len, end, dst); break;
    case TS: timestamp(c, o, len, end); break;
    case 136: c.uint(F.sid, d, 2, end); break;
    case 11: case 12: c.uint(F.mtu, d, 2, end); break;
    case 82:
      c.uint(F.idNumber, d, 2, end);
      c.uint(F.ohc, d + 2, 2, end);
      c.uint(F.rhc, d + 4, 2, end);
      c.field(F.originator, d + 6, 4, end);
      break;
    case 148: c.uint(F.ra, d, 2, end); break;
    case 149: {
      let a = d;
      for (; a + 4 <= dataEnd; a += 4) c.field(F.addr, a, 4, end);
      if (a < dataEnd) c.field(F.padding, a, dataEnd - a, end);
      break;
    }
    case QS: quickStart(c, d, c.u8(ip + IP_TTL), end); break;
    case SEC:
      // RFC 791's 11-byte form (security, compartments, handling, TCC) or RFC 1108's.
      if (len === 11 && c.has(d, 2, end) && SEC_RFC791.has(c.u16(d))) {
        c.uint(F.secRfc791Sec, d, 2, end);
        c.uint(F.secRfc791Comp, d + 2, 2, end);
      } else {
        c.uint(F.secCl, d, 1, end);
        if (len > 3) c.uint(F.secFlags, d + 1, 1, end);
      }
      break;
    case ESEC:
      c.uint(F.extSecFormat, d, 1, end);
      if (len > 3) c.field(F.extSecInfo, d + 1, len - 3, end);
      break;
    case CIPSO: c.uint(F.cipsoDoi, d, 4, end); break;
  }
  f.pop();
}

const SEC_RFC791 = new Set([0x0000, 0xf135, 0x789a, 0xbc4d, 0x5e26, 0xaf13, 0xd788, 0x6bc5, 0x35e2, 0x9af1, 0x4d78,
  0x24bd, 0x135e, 0x89af, 0xc4d6, 0xe26b]);

/** Loose / strict source route and record route: each 4-byte slot by where the pointer is. */
function route(c: Ctx, type: number, o: number, len: number, end: number, dst: DstAdder): void {
  const ptr = c.uint(F.ptr, o + 2, 1, end);
  if (ptr < 0 || ptr < 4 || ptr & 3) return; // "points before first address" / "to middle of address"
  let slot = 3;
  for (let left = len - 3; left > 0; left -= 4, slot += 4) {
    if (left < 4) {
      c.status |= Status.WARNING; // ip.subopt_too_long
      break;
    }
    const a = o + slot;
    let id: number;
    let host: number;
    if (ptr > len || slot + 1 < ptr) [id, host] = [F.recRt, F.recRtHost];
    else if (type !== RR && slot === len - 4) {
      // This is the destination (Wireshark adds ip.dst here, in place of the header's).
      dst(c, a, end);
      if (c.stop) return;
      continue;
    } else if (type === RR) [id, host] = [F.emptyRt, F.emptyRtHost];
    else [id, host] = [F.srcRt, F.srcRtHost];
    if (!c.field(id, a, 4, end)) return;
    c.f.add(host, a, 4, 0, EF.HIDDEN | EF.GENERATED);
  }
}

function timestamp(c: Ctx, o: number, len: number, end: number): void {
  const f = c.f;
  if (c.uint(F.ptr, o + 2, 1, end) < 0 || !c.has(o + 3, 1, end)) return;
  const of = c.u8(o + 3);
  f.add(F.overflow, o + 3, 1, of >> 4);
  f.add(F.flag, o + 3, 1, of & 0xf);
  const flag = of & 0xf;
  let a = o + 4;
  for (let left = len - 4; left > 0 && !c.stop; ) {
    const entry = flag === 1 || flag === 3 ? 8 : 4;
    if (left < entry) {
      f.text(a, left, 'Suboption would go past end of option');
      c.status |= Status.WARNING; // ip.subopt_too_long
      break;
    }
    if (entry === 8) c.field(F.timeStampAddr, a, 4, end);
    c.uint(F.timeStamp, a + entry - 4, 4, end);
    a += entry;
    left -= entry;
  }
}

function quickStart(c: Ctx, d: number, ttl: number, end: number): void {
  const f = c.f;
  if (!c.has(d, 1, end)) return;
  const cmd = c.u8(d);
  f.add(F.qsFunc, d, 1, cmd >> 4);
  f.add(F.qsRate, d, 1, cmd & 0xf);
  if (cmd >> 4 === 0) {
    const qsTtl = c.uint(F.qsTtl, d + 1, 1, end);
    if (qsTtl < 0) return;
    f.add(F.qsTtlDiff, d + 1, 1, (ttl - qsTtl) & 0xff, EF.GENERATED);
  } else c.uint(F.qsUnused, d + 1, 1, end);
  if (!c.has(d + 2, 4, end)) return;
  const nonce = c.u32(d + 2);
  f.add(F.qsNonce, d + 2, 4, nonce >>> 2);
  f.add(F.qsReserved, d + 2, 4, nonce & 3);
}
