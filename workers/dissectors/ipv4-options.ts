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

import { FT, fieldById, names, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { E } from './ip-expert.ts';
import { expertAt } from './expert.ts';
import { CIPSO, ESEC, K, LSRR, optionData, QS, RR, SEC, SSRR, TS, type DstAdder } from './ipv4-option-kinds.ts';

const EOL = 0;
const NOP = 1;
/** Where the options start in the IPv4 header. */
const OPTIONS_START = 20;
/** IPOLEN_MAX: the most an option can be (a 60-byte header less the fixed 20). */
const MAX_OPTION_LEN = 40;
const TYPE = 0;
const LENGTH = 1;

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

/** IPOPT_RA. */
const ROUTER_ALERT = 148;

/** The option table (Wireshark's ipopts[]): item, name, and length rule (0: type byte only,
 *  > 0: exactly this long, < 0: at least -n long). */
const OPTIONS = new Map<number, readonly [number, string, number]>([
  [EOL, [F.eol, 'End of Options List (EOL)', 0]], [NOP, [F.nop, 'No Operation (NOP)', 0]],
  [SEC, [F.security, 'Security', -3]], [LSRR, [F.route, 'Loose Source Route', -3]], [TS, [F.timestamp, 'Time Stamp', -5]],
  [ESEC, [F.extSecurity, 'Extended Security', -3]], [CIPSO, [F.cipso, 'Commercial Security', -10]],
  [RR, [F.recordRoute, 'Record Route', -3]], [136, [F.streamId, 'Stream ID', 4]], [SSRR, [F.sourceRoute, 'Strict Source Route', -3]],
  [11, [F.mtuProbe, 'MTU Probe', 4]], [12, [F.mtuReply, 'MTU Reply', 4]], [82, [F.traceroute, 'Traceroute', 12]],
  [ROUTER_ALERT, [F.routerAlert, 'Router Alert', 4]], [149, [F.sdb, 'Selective Directed Broadcast', -6]], [QS, [F.quickStart, 'Quick-Start', 8]],
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
      const item = f.add(known[0], o, 1);
      // (an option is a protocol item in Wireshark: its name alone, no value)
      if (f.wanted === null) f.setText(item, fieldById(known[0]).label);
      f.push(item);
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
      option(c, known, type, o, len, end, ip, dst);
      if (c.stop) break;
      f.appendLabel(list, `, ${name}`);
    } else f.text(o, len, `${name} (${len} byte${s})`);
    o += len;
  }
  f.pop();
}

function bogus(c: Ctx, off: number, len: number, text: string): void {
  expertAt(c, c.f.text(off, Math.max(0, len), text), E.ipOptLenInvalid, text);
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
function option(c: Ctx, known: readonly [number, string, number], type: number, o: number, len: number, end: number,
                ip: number, dst: DstAdder): void {
  const f = c.f;
  if (!c.field(known[0], o, len, end)) return;
  const item = f.last;
  // "IP Option - Time Stamp (14 bytes)" (ip_fixed_option_header / ip_var_option_header)
  if (f.wanted === null) f.setText(item, `${fieldById(known[0]).label} (${len} byte${len === 1 ? '' : 's'})`);
  f.push(item);
  optionType(c, o);
  const lenItem = f.add(F.len, o + LENGTH, 1, len);
  const rule = known[2];
  if (rule > 0 && len !== rule) {
    expertAt(c, lenItem, E.ipOptLenInvalid, `${known[1]} (with option length = ${len} byte${len === 1 ? '' : 's'}; should be ${rule})`);
  } else if (rule < 0 && len > MAX_OPTION_LEN) {
    expertAt(c, lenItem, E.ipOptLenInvalid, 'Invalid length for option');
  }
  const more = optionData(c, type, o, len, Math.min(end, o + len), ip, dst);
  // (what packet-ip.c appends to an option's line: Quick-Start's function and rate)
  if (more !== '' && f.wanted === null) f.appendLabel(item, more);
  // dissect_ipopt_ra: ": Router shall examine packet (0)"
  if (type === ROUTER_ALERT && len >= 4 && f.wanted === null && o + 4 <= c.b.length) {
    const v = c.u16(o + 2);
    f.appendLabel(item, `: ${fieldById(K.ra).names?.get(v) ?? 'Unknown'} (${v})`);
  }
  f.pop();
}

