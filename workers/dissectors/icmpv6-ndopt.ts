// Neighbor Discovery options (RFC 4861 section 4.6; RFC 6275 Home Agent options, RFC 8106
// RDNSS / DNSSL, RFC 8781 PREF64; Wireshark packet-icmpv6.c dissect_icmpv6_nd_opt).
//
//   |  Type  | Length (in units of 8 octets, type and length included) | data…
//
// "Nodes MUST silently discard an ND packet that contains an option with length zero", and
// Wireshark stops reading options there (icmpv6.invalid_option_length).

import { Base, FT, names, registerFields } from '../fields/registry.ts';
import { EF } from '../fields/field-list.ts';
import { etherText, ipv6Text } from '../fields/format.ts';
import type { Ctx } from './context.ts';
import { Group, Severity, expertAt, registerExperts } from './expert.ts';
import { setFlagNames } from './flag-names.ts';
import { latin1Text } from './ascii.ts';

const OPT_TYPE = 0;
const OPT_LEN = 1;
const OPT_DATA = 2;

const OPTION_NAMES = names([[1, 'Source link-layer address'], [2, 'Target link-layer address'], [3, 'Prefix information'],
  [4, 'Redirected header'], [5, 'MTU'], [6, 'NBMA Shortcut Limit Option'], [7, 'Advertisement Interval'],
  [8, 'Home Agent Information'], [9, 'Source Address List'], [10, 'Target Address List'], [11, 'CGA'], [12, 'RSA Signature'],
  [13, 'Timestamp'], [14, 'Nonce'], [15, 'Trust Anchor'], [16, 'Certificate'], [17, 'IP Address/Prefix Option'],
  [18, 'New Router Prefix Information Option'], [19, 'Link-layer Address Option'],
  [20, 'Neighbor Advertisement Acknowledgment Option'], [23, 'MAP Option'], [24, 'Route Information'],
  [25, 'Recursive DNS Server'], [26, 'RA Flags Extension Option'], [31, 'DNS Search List Option'],
  [33, 'Address Registration Option'], [34, '6LoWPAN Context Option'], [35, 'Authoritative Border Router'],
  [37, 'DHCP Captive-Portal'], [38, 'PREF64 Option']]);
const PREF64_PREFIX_BITS = [96, 64, 56, 48, 40, 32];

export const F = registerFields({
  opt: { name: 'icmpv6.opt', label: 'ICMPv6 Option', type: FT.NONE },
  type: { name: 'icmpv6.opt.type', label: 'Type', type: FT.UINT, bits: 8, names: OPTION_NAMES },
  length: { name: 'icmpv6.opt.length', label: 'Length', type: FT.UINT, bits: 8, unit: (v) => ` (${v * 8} bytes)` },
  reserved: { name: 'icmpv6.opt.reserved', label: 'Reserved', type: FT.NONE },
  padding: { name: 'icmpv6.opt.padding', label: 'Padding', type: FT.NONE },
  linkaddr: { name: 'icmpv6.opt.linkaddr', label: 'Link-layer address', type: FT.ETHER },
  srcLinkaddr: { name: 'icmpv6.opt.src_linkaddr', label: 'Source Link-layer address', type: FT.ETHER },
  targetLinkaddr: { name: 'icmpv6.opt.target_linkaddr', label: 'Target Link-layer address', type: FT.ETHER },
  prefixLength: { name: 'icmpv6.opt.prefix.length', label: 'Prefix Length', type: FT.UINT, bits: 8 },
  prefixFlag: { name: 'icmpv6.opt.prefix.flag', label: 'Flag', type: FT.UINT, base: Base.HEX, bits: 8 },
  prefixFlagL: { name: 'icmpv6.opt.prefix.flag.l', label: 'On-link flag(L)', type: FT.BOOLEAN, bits: 8, mask: 0x80, tf: ['Set', 'Not set'] },
  prefixFlagA: { name: 'icmpv6.opt.prefix.flag.a', label: 'Autonomous address-configuration flag(A)', type: FT.BOOLEAN, bits: 8, mask: 0x40, tf: ['Set', 'Not set'] },
  prefixFlagR: { name: 'icmpv6.opt.prefix.flag.r', label: 'Router address flag(R)', type: FT.BOOLEAN, bits: 8, mask: 0x20, tf: ['Set', 'Not set'] },
  prefixFlagReserved: { name: 'icmpv6.opt.prefix.flag.reserved', label: 'Reserved', type: FT.UINT, bits: 8, mask: 0x1f },
  prefixValid: { name: 'icmpv6.opt.prefix.valid_lifetime', label: 'Valid Lifetime', type: FT.UINT },
  prefixPreferred: { name: 'icmpv6.opt.prefix.preferred_lifetime', label: 'Preferred Lifetime', type: FT.UINT },
  prefix: { name: 'icmpv6.opt.prefix', label: 'Prefix', type: FT.IPV6 },
  redirectedPacket: { name: 'icmpv6.opt.redirected_packet', label: 'Redirected Packet', type: FT.NONE },
  mtu: { name: 'icmpv6.opt.mtu', label: 'MTU', type: FT.UINT },
  advInterval: { name: 'icmpv6.opt.advertisement_interval', label: 'Advertisement Interval', type: FT.UINT },
  haPreference: { name: 'icmpv6.opt.home_agent_preference', label: 'Home Agent Preference', type: FT.UINT, bits: 16 },
  haLifetime: { name: 'icmpv6.opt.home_agent_lifetime', label: 'Home Agent Preference', type: FT.UINT, bits: 16 },
  rdnssLifetime: { name: 'icmpv6.opt.rdnss.lifetime', label: 'Lifetime', type: FT.UINT },
  rdnss: { name: 'icmpv6.opt.rdnss', label: 'Recursive DNS Servers', type: FT.IPV6 },
  dnsslLifetime: { name: 'icmpv6.opt.dnssl.lifetime', label: 'Lifetime', type: FT.UINT },
  dnssl: { name: 'icmpv6.opt.dnssl', label: 'Domain Names', type: FT.STRING },
  pref64Lifetime: { name: 'icmpv6.opt.pref64.scaled_lifetime', label: 'Scaled Lifetime', type: FT.UINT, bits: 16, mask: 0xfff8 },
  pref64Plc: { name: 'icmpv6.opt.pref64.plc', label: 'PLC (Prefix Length Code)', type: FT.UINT, base: Base.HEX, bits: 16, mask: 0x7,
    names: names(PREF64_PREFIX_BITS.map((bits, i) => [i, `${bits} bits prefix length`] as const)), unknownName: true },
  pref64Prefix: { name: 'icmpv6.opt.pref64.prefix', label: 'Prefix', type: FT.IPV6 },
});

/** packet-icmpv6.c's expert on an option's length (Error/Malformed). */
const X = registerExperts({
  invalidLength: { name: 'icmpv6.invalid_option_length', msg: 'Invalid Option Length', severity: Severity.ERROR, group: Group.MALFORMED },
});

const labels = new Map<number, string>();

/** The options from `o` to the end of the message. */
export function dissectNdOptions(c: Ctx, o: number, end: number): void {
  const f = c.f;
  while (o < end && !c.stop) {
    if (!c.has(o, 2, end)) return;
    const type = c.u8(o + OPT_TYPE);
    const len = c.u8(o + OPT_LEN) * 8;
    let label = labels.get(type);
    // (packet-icmpv6.c opens the parenthesis, the option appends to it, then it closes it)
    if (label === undefined) labels.set(type, (label = `ICMPv6 Option (${OPTION_NAMES.get(type) ?? `Unknown ${type}`}`));
    const item = f.addStr(F.opt, o, Math.max(0, Math.min(o + len, end, c.b.length) - o), label);
    f.push(item);
    f.add(F.type, o + OPT_TYPE, 1, type);
    const lengthItem = f.add(F.length, o + OPT_LEN, 1, len / 8);
    if (len === 0) {
      f.appendLabel(item, ')');
      expertAt(c, lengthItem, X.invalidLength, 'Invalid option length (Zero)');
      return;
    }
    option(c, type, o + OPT_DATA, Math.min(o + len, end), end, item, lengthItem);
    f.appendLabel(item, ')');
    f.pop();
    o += len;
  }
}

/** The option `item` (whose title packet-icmpv6.c appends to: " : e2:15:81:b4:b9:45") of `type`,
 *  its data from `d`. */
function option(c: Ctx, type: number, d: number, optEnd: number, end: number, item: number, lengthItem: number): void {
  const f = c.f;
  const full = f.wanted === null;
  switch (type) {
    case 1: case 2:
      if (optEnd - d === 6) {
        if (!c.field(F.linkaddr, d, 6, end)) return;
        f.add(type === 1 ? F.srcLinkaddr : F.targetLinkaddr, d, 6, 0, EF.HIDDEN);
        if (full) f.appendLabel(item, ` : ${etherText(c.b, d)}`);
      }
      return;
    case 3: {
      const plen = c.uint(F.prefixLength, d, 1, end);
      const fl = c.uint(F.prefixFlag, d + 1, 1, end);
      if (fl < 0) return;
      if (full) f.appendLabel(f.last, setFlagNames(PREFIX_FLAGS, fl));
      f.push(f.last);
      f.add(F.prefixFlagL, d + 1, 1, fl >> 7);
      f.add(F.prefixFlagA, d + 1, 1, (fl >> 6) & 1);
      f.add(F.prefixFlagR, d + 1, 1, (fl >> 5) & 1);
      f.add(F.prefixFlagReserved, d + 1, 1, fl & 0x1f);
      f.pop();
      c.uint(F.prefixValid, d + 2, 4, end);
      c.uint(F.prefixPreferred, d + 6, 4, end);
      c.field(F.reserved, d + 10, 4, end);
      if (c.field(F.prefix, d + 14, 16, end) && full) f.appendLabel(item, ` : ${ipv6Text(c.b, d + 14)}/${plen}`);
      return;
    }
    case 4:
      c.field(F.reserved, d, 6, end);
      c.field(F.redirectedPacket, d + 6, Math.max(0, optEnd - d - 6), end);
      return;
    case 5:
      c.field(F.reserved, d, 2, end);
      appendValue(c, item, c.uint(F.mtu, d + 2, 4, end));
      return;
    case 7:
      c.field(F.reserved, d, 2, end);
      appendValue(c, item, c.uint(F.advInterval, d + 2, 4, end));
      return;
    case 8:
      c.field(F.reserved, d, 2, end);
      c.uint(F.haPreference, d + 2, 2, end);
      c.uint(F.haLifetime, d + 4, 2, end);
      return;
    case 25:
      c.field(F.reserved, d, 2, end);
      c.uint(F.rdnssLifetime, d + 2, 4, end);
      for (let a = d + 6; a < optEnd && !c.stop; a += 16) if (c.field(F.rdnss, a, 16, end) && full) f.appendLabel(item, ` ${ipv6Text(c.b, a)}`);
      return;
    case 31:
      c.field(F.reserved, d, 2, end);
      c.uint(F.dnsslLifetime, d + 2, 4, end);
      domainNames(c, d + 6, optEnd, end, item);
      return;
    case 38: {
      if (!c.has(d, 2, end)) return;
      const w = c.u16(d);
      const bits = PREF64_PREFIX_BITS[w & 7];
      // (a Prefix Length Code with no length: the option's length is the one called invalid)
      if (bits === undefined) expertAt(c, lengthItem, X.invalidLength);
      f.add(F.pref64Lifetime, d, 2, w >> 3);
      f.add(F.pref64Plc, d, 2, w & 7);
      if (bits === undefined) return;
      if (!c.has(d + 2, 12, end)) return;
      const p = new Uint8Array(16);
      p.set(c.b.subarray(d + 2, d + 2 + bits / 8));
      f.addStr(F.pref64Prefix, d + 2, 12, ipv6Text(p, 0));
      return;
    }
  }
}

/** RFC 8106 section 5.2: DNS names in wire form, then zero padding to the option's end. */
function domainNames(c: Ctx, o: number, optEnd: number, end: number, item: number): void {
  while (o < optEnd && !c.stop) {
    if (!c.has(o, 1, end)) return;
    if (c.u8(o) === 0) {
      c.field(F.padding, o, optEnd - o, end);
      return;
    }
    let name = '';
    let p = o;
    while (p < optEnd) {
      if (!c.has(p, 1, end)) return;
      const n = c.u8(p++);
      if (n === 0) break;
      if (!c.has(p, n, end)) return;
      const label = latin1Text(c.b, p, p + n);
      name = name === '' ? label : `${name}.${label}`;
      p += n;
    }
    c.f.addStr(F.dnssl, o, p - o, name);
    if (c.f.wanted === null) c.f.appendLabel(item, ` ${name}`);
    o = p;
  }
}

/** " : 1500" after the option's title, for an option of one number. */
function appendValue(c: Ctx, item: number, v: number): void {
  if (v >= 0 && c.f.wanted === null) c.f.appendLabel(item, ` : ${v}`);
}

const PREFIX_FLAGS = [F.prefixFlagL, F.prefixFlagA, F.prefixFlagR];
