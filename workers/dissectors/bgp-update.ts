// BGP's UPDATE message (packet-bgp.c's dissect_bgp_update): withdrawn IPv4 routes, the path
// attributes, and the IPv4 routes advertised. Each attribute is a "Path Attribute - AS_PATH:
// 65001 {65020, 65021} " line with its flags, type and length, then its value: ORIGIN, AS_PATH
// and AS4_PATH (two- or four-octet AS numbers, told apart as packet-bgp.c's heuristic does),
// NEXT_HOP, MULTI_EXIT_DISC, LOCAL_PREF, ATOMIC_AGGREGATE, AGGREGATOR, COMMUNITIES, ORIGINATOR_ID,
// CLUSTER_LIST, MP_REACH_NLRI / MP_UNREACH_NLRI (IPv4, IPv6 and EVPN routes), EXTENDED_COMMUNITIES,
// PMSI_TUNNEL_ATTRIBUTE and LARGE_COMMUNITY; any other as "Unknown Path attributes".

import { fieldById } from '../fields/registry.ts';
import { ipv4Text } from '../fields/format.ts';
import { F } from './bgp-fields.ts';
import { extendedCommunities } from './bgp-communities.ts';
import { evpnRoutes } from './bgp-evpn.ts';
import { prefixes } from './bgp-prefix.ts';
import { paddedAddress } from './padded-address.ts';
import type { Ctx } from './context.ts';

const enum Attr {
  ORIGIN = 1,
  AS_PATH = 2,
  NEXT_HOP = 3,
  MULTI_EXIT_DISC = 4,
  LOCAL_PREF = 5,
  ATOMIC_AGGREGATE = 6,
  AGGREGATOR = 7,
  COMMUNITIES = 8,
  ORIGINATOR_ID = 9,
  CLUSTER_LIST = 10,
  MP_REACH_NLRI = 14,
  MP_UNREACH_NLRI = 15,
  EXTENDED_COMMUNITIES = 16,
  AS4_PATH = 17,
  AS4_AGGREGATOR = 18,
  PMSI_TUNNEL = 22,
  LARGE_COMMUNITY = 32,
}

const AFI_IPV4 = 1;
const AFI_IPV6 = 2;
const AFI_L2VPN = 25;
const SAFI_EVPN = 70;
/** PMSI tunnel type whose Tunnel ID is the sender's address (RFC 6514, used by EVPN). */
const INGRESS_REPLICATION = 6;

export function dissectUpdate(c: Ctx, o: number, end: number): void {
  const f = c.f;
  const wlen = c.uint(F.withdrawnLength, o, 2, end);
  if (wlen < 0) return;
  o += 2;
  if (wlen > 0) {
    f.push(f.add(F.withdrawnRoutes, o, Math.min(wlen, c.b.length - o)));
    const ok = prefixes(c, o, Math.min(o + wlen, end), F.withdrawnPrefix, 'Withdrawn route', 4);
    f.pop();
    if (!ok) return;
  }
  o += wlen;
  const alen = c.uint(F.attrsLength, o, 2, end);
  if (alen < 0) return;
  o += 2;
  if (alen > 0) {
    f.push(f.add(F.attrs, o, Math.min(alen, c.b.length - o)));
    attributes(c, o, Math.min(o + alen, end));
    f.pop();
  }
  o += alen;
  if (o < end && !c.stop) {
    f.push(f.add(F.nlri, o, Math.min(end, c.b.length) - o));
    prefixes(c, o, end, F.nlriPrefix, 'NLRI', 4);
    f.pop();
  }
}

function attributes(c: Ctx, o: number, end: number): void {
  const f = c.f;
  while (o < end && !c.stop) {
    if (!c.has(o, 3, end)) return;
    const flags = c.u8(o);
    const code = c.u8(o + 1);
    const hlen = flags & 0x10 ? 4 : 3;
    if (!c.has(o, hlen, end)) return;
    const len = hlen === 4 ? c.u16(o + 2) : c.u8(o + 2);
    const aend = Math.min(o + hlen + len, end);
    const item = f.add(F.attr, o, Math.min(aend, c.b.length) - o);
    f.push(item);
    f.push(f.add(F.attrFlags, o, 1, flags));
    if (f.wanted === null) {
      f.appendLabel(f.last, setFlags([[flags & 0x80, 'Optional'], [flags & 0x40, 'Transitive'], [flags & 0x20, 'Partial'], [flags & 0x10, 'Extended-Length'],
        [~flags & 0x80, 'Well-known'], [~flags & 0x40, 'Non-transitive'], [~flags & 0x20, 'Complete']]));
    }
    f.add(F.flagOptional, o, 1, flags & 0x80);
    f.add(F.flagTransitive, o, 1, flags & 0x40);
    f.add(F.flagPartial, o, 1, flags & 0x20);
    f.add(F.flagExtended, o, 1, flags & 0x10);
    f.add(F.flagUnused, o, 1, flags & 0x0f);
    f.pop();
    f.add(F.typeCode, o + 1, 1, code);
    f.add(F.attrLength, o + 2, hlen - 2, len);
    const summary = value(c, code, o + hlen, aend, len);
    if (f.wanted === null) f.label(item, `Path Attribute - ${fieldById(F.typeCode).names?.get(code) ?? `Unknown (${code})`}${summary}`);
    f.pop();
    o += hlen + len;
  }
}

/** The attribute's value at [v, end) (`len` bytes said); returns what its title line adds. */
function value(c: Ctx, code: number, v: number, end: number, len: number): string {
  const f = c.f;
  switch (code) {
    case Attr.ORIGIN: {
      const origin = c.uint(F.origin, v, 1, end);
      return origin < 0 ? '' : `: ${fieldById(F.origin).names?.get(origin) ?? 'Unknown'}`;
    }
    case Attr.AS_PATH:
    case Attr.AS4_PATH:
      return len === 0 ? ': empty' : `: ${asPath(c, v, end, code === Attr.AS4_PATH || !twoOctetPath(c.b, v, end) ? 4 : 2)}`;
    case Attr.NEXT_HOP:
    case Attr.ORIGINATOR_ID:
      if (!c.field(code === Attr.NEXT_HOP ? F.nextHop : F.originatorId, v, 4, end)) return '';
      return `: ${ipv4Text(c.b, v)} `;
    case Attr.MULTI_EXIT_DISC:
    case Attr.LOCAL_PREF: {
      const n = c.uint(code === Attr.LOCAL_PREF ? F.localPref : F.med, v, 4, end);
      return n < 0 ? '' : `: ${n}`;
    }
    case Attr.AGGREGATOR:
    case Attr.AS4_AGGREGATOR: {
      const asLen = code === Attr.AS4_AGGREGATOR || len === 8 ? 4 : 2;
      const as = c.uint(F.aggregatorAs, v, asLen, end);
      if (as < 0 || !c.field(F.aggregatorOrigin, v + asLen, 4, end)) return '';
      return `: AS: ${as} origin: ${ipv4Text(c.b, v + asLen)}`;
    }
    case Attr.COMMUNITIES:
      return communities(c, v, end);
    case Attr.CLUSTER_LIST: {
      let text = '';
      for (let k = v; k + 4 <= end; k += 4) text += `${text === '' ? '' : ' '}${ipv4Text(c.b, k)}`;
      const list = f.add(F.clusterList, v, Math.min(end, c.b.length) - v);
      if (f.wanted === null) f.label(list, `Cluster List: ${text}`);
      f.push(list);
      for (let k = v; k < end && !c.stop; k += 4) c.field(F.clusterId, k, 4, end);
      f.pop();
      return `: ${text}`;
    }
    case Attr.MP_REACH_NLRI:
      mpReach(c, v, end);
      return '';
    case Attr.MP_UNREACH_NLRI: {
      const afi = c.uint(F.mpUnreachAfi, v, 2, end);
      const safi = c.uint(F.mpUnreachSafi, v + 2, 1, end);
      if (safi < 0 || v + 3 >= end) return '';
      f.push(f.add(F.mpUnreachNlri, v + 3, Math.min(end, c.b.length) - v - 3));
      routes(c, afi, safi, v + 3, end, 'MP Unreach NLRI', false);
      f.pop();
      return '';
    }
    case Attr.EXTENDED_COMMUNITIES:
      extendedCommunities(c, v, end);
      return '';
    case Attr.PMSI_TUNNEL:
      pmsiTunnel(c, v, end);
      return '';
    case Attr.LARGE_COMMUNITY: {
      let text = '';
      for (let k = v; k < end && !c.stop; k += 12) {
        if (!c.has(k, 12, end)) break;
        const one = `${c.u32(k)}:${c.u32(k + 4)}:${c.u32(k + 8)}`;
        text += `${text === '' ? '' : ' '}${one}`;
        f.push(f.addStr(F.largeCommunities, k, 12, one));
        c.uint(F.largeGa, k, 4, end);
        c.uint(F.largeLdp1, k + 4, 4, end);
        c.uint(F.largeLdp2, k + 8, 4, end);
        f.pop();
      }
      return `: ${text}`;
    }
    case Attr.ATOMIC_AGGREGATE:
      return '';
    default:
      if (len > 0) f.add(F.unknownAttrs, v, Math.min(end, c.b.length) - v);
      return '';
  }
}

/** Whether the AS_PATH at [o, end) reads as two-octet AS numbers: its segments, each a type, a
 *  count and that many 2-byte numbers, end exactly at its end (packet-bgp.c tries two octets
 *  first, so a path that reads both ways is taken as two-octet). */
function twoOctetPath(b: Uint8Array, o: number, end: number): boolean {
  while (o + 2 <= end) o += 2 + 2 * (b[o + 1] as number);
  return o === end;
}

const SEGMENT_TEXT: Record<number, readonly [string, string, string]> = {
  1: ['{', ', ', '}'],
  2: ['', ' ', ''],
  3: ['(', ' ', ')'],
  4: ['[', ', ', ']'],
};

/** The segments of an AS path of `asLen`-byte AS numbers; returns the path's text (each segment's
 *  text and a space). */
function asPath(c: Ctx, o: number, end: number, asLen: 2 | 4): string {
  const f = c.f;
  let path = '';
  while (o < end && !c.stop) {
    if (!c.has(o, 2, end)) break;
    const type = c.u8(o);
    const count = c.u8(o + 1);
    const [open, sep, close] = SEGMENT_TEXT[type] ?? ['', ' ', ''];
    let text = '';
    for (let k = 0; k < count && o + 2 + (k + 1) * asLen <= end; k++) {
      const p = o + 2 + k * asLen;
      text += `${k === 0 ? '' : sep}${asLen === 2 ? c.u16(p) : c.u32(p)}`;
    }
    text = `${open}${text}${close}`;
    const seg = f.add(F.segment, o, Math.min(o + 2 + count * asLen, end, c.b.length) - o);
    if (f.wanted === null) f.label(seg, `AS Path segment: ${text}`);
    f.push(seg);
    f.add(F.segmentType, o, 1, type);
    f.add(F.segmentLength, o + 1, 1, count);
    for (let k = 0; k < count && !c.stop; k++) c.uint(asLen === 2 ? F.as2 : F.as4Segment, o + 2 + k * asLen, asLen, end);
    f.pop();
    path += `${text} `;
    o += 2 + count * asLen;
  }
  return path;
}

function communities(c: Ctx, v: number, end: number): string {
  const f = c.f;
  const wellKnown = fieldById(F.communityWellKnown).names;
  let text = '';
  for (let k = v; k + 4 <= end; k += 4) {
    const n = c.u32(k);
    text += `${wellKnown?.get(n) ?? `${n >>> 16}:${n & 0xffff}`} `;
  }
  const list = f.add(F.communities, v, Math.min(end, c.b.length) - v);
  if (f.wanted === null) f.label(list, `Communities: ${text}`);
  f.push(list);
  for (let k = v; k < end && !c.stop; k += 4) {
    if (!c.has(k, 4, end)) break;
    const n = c.u32(k);
    if (wellKnown?.has(n)) {
      f.add(F.communityWellKnown, k, 4, n);
      continue;
    }
    const one = f.add(F.community, k, 4);
    if (f.wanted === null) f.label(one, `Community: ${n >>> 16}:${n & 0xffff} `);
    f.push(one);
    f.add(F.communityAs, k, 2, n >>> 16);
    f.add(F.communityValue, k + 2, 2, n & 0xffff);
    f.pop();
  }
  f.pop();
  return `: ${text}`;
}

function mpReach(c: Ctx, v: number, end: number): void {
  const f = c.f;
  const afi = c.uint(F.mpReachAfi, v, 2, end);
  const safi = c.uint(F.mpReachSafi, v + 2, 1, end);
  if (safi < 0 || !c.has(v + 3, 1, end)) return;
  const nhLen = c.u8(v + 3);
  const nh = v + 4;
  if (!c.has(nh, nhLen, end)) return;
  const item = f.add(F.mpNextHop, nh, nhLen);
  f.push(item);
  let text = '';
  if (nhLen === 4) text = paddedAddress(c, F.nhIpv4, nh, 4, 4);
  else if (nhLen === 16) text = paddedAddress(c, F.nhIpv6, nh, 16, 16);
  else if (nhLen === 32) text = `IPv6=${paddedAddress(c, F.nhIpv6, nh, 16, 16)} Link-local=${paddedAddress(c, F.nhLinkLocal, nh + 16, 16, 16)}`;
  f.pop();
  if (text !== '' && f.wanted === null) f.setText(item, `Next hop: ${text}`);
  let o = nh + nhLen;
  const snpas = c.uint(F.snpaCount, o, 1, end);
  if (snpas < 0) return;
  o += 1;
  // (subnetwork points of attachment: obsolete, none in practice; each a length and bytes)
  for (let k = 0; k < snpas && o < end; k++) o += 1 + Math.ceil(c.u8(o) / 2);
  if (o >= end) return;
  f.push(f.add(F.mpReachNlri, o, Math.min(end, c.b.length) - o));
  routes(c, afi, safi, o, end, 'MP Reach NLRI', true);
  f.pop();
}

/** The routes of an address family in MP_REACH_NLRI or MP_UNREACH_NLRI. */
function routes(c: Ctx, afi: number, safi: number, o: number, end: number, tag: string, reach: boolean): void {
  if (afi === AFI_L2VPN && safi === SAFI_EVPN) evpnRoutes(c, o, end);
  else if (afi === AFI_IPV4 && (safi === 1 || safi === 2)) prefixes(c, o, end, reach ? F.mpReach4Prefix : F.mpUnreach4Prefix, tag, 4);
  else if (afi === AFI_IPV6 && (safi === 1 || safi === 2)) prefixes(c, o, end, reach ? F.mpReach6Prefix : F.mpUnreach6Prefix, tag, 16);
}

function pmsiTunnel(c: Ctx, v: number, end: number): void {
  const f = c.f;
  c.uint(F.pmsiFlags, v, 1, end);
  const type = c.uint(F.pmsiType, v + 1, 1, end);
  c.uint(F.vni, v + 2, 3, end);
  if (type !== INGRESS_REPLICATION || !c.has(v + 5, 4, end)) return;
  const id = f.add(F.pmsiTunnelId, v + 5, 4);
  if (f.wanted === null) f.label(id, `Tunnel ID: tunnel end point -> ${ipv4Text(c.b, v + 5)}`);
  f.push(id);
  f.add(F.ingressRepIp, v + 5, 4, 0);
  f.pop();
}

/** ", Name" for each condition that holds: an attribute's flags line names its set bits and, as
 *  packet-bgp.c appends them, "Well-known", "Non-transitive" and "Complete" for clear ones. */
function setFlags(flags: readonly (readonly [number, string])[]): string {
  let s = '';
  for (const [set, name] of flags) if (set) s += `, ${name}`;
  return s;
}
