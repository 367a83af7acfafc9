// EVPN routes (RFC 7432, RFC 9136) in MP_REACH_NLRI / MP_UNREACH_NLRI with AFI 25 / SAFI 70: how a
// VXLAN fabric's VTEPs learn where each MAC and IP lives (MAC/IP Advertisement), who floods a VNI
// (Inclusive Multicast) and which subnets a tenant routes (IP Prefix). Each is an "EVPN NLRI:
// MAC Advertisement Route" line over its type, length, route distinguisher, ESI, Ethernet tag,
// addresses and VNI, as packet-bgp.c's decode_evpn_nlri shows them.

import { bytesHex, ipv4Text } from '../fields/format.ts';
import { fieldById } from '../fields/registry.ts';
import { F } from './bgp-fields.ts';
import { paddedAddress } from './padded-address.ts';
import type { Ctx } from './context.ts';

const enum Route {
  ETHERNET_AD = 1,
  MAC_IP = 2,
  INCLUSIVE_MULTICAST = 3,
  ETHERNET_SEGMENT = 4,
  IP_PREFIX = 5,
}

export function evpnRoutes(c: Ctx, o: number, end: number): void {
  while (o + 2 <= end && !c.stop) {
    const type = c.u8(o);
    const len = c.u8(o + 1);
    route(c, type, o, Math.min(o + 2 + len, end), len);
    o += 2 + len;
  }
}

function route(c: Ctx, type: number, o: number, end: number, len: number): void {
  const f = c.f;
  const item = f.add(F.evpnNlri, o, Math.min(end, c.b.length) - o);
  if (f.wanted === null) f.label(item, `EVPN NLRI: ${fieldById(F.evpnType).names?.get(type) ?? 'Unknown'}`);
  f.push(item);
  f.add(F.evpnType, o, 1, type);
  f.add(F.evpnLen, o + 1, 1, len);
  let p = o + 2;
  switch (type) {
    case Route.ETHERNET_AD:
      p = rd(c, p, end);
      p = esi(c, p, end);
      c.uint(F.etag, p, 4, end);
      c.uint(F.vni, p + 4, 3, end);
      break;
    case Route.MAC_IP: {
      p = esi(c, rd(c, p, end), end);
      c.uint(F.etag, p, 4, end);
      const macBits = c.uint(F.macLen, p + 4, 1, end);
      if (macBits < 0) break;
      c.field(F.mac, p + 5, 6, end);
      p = address(c, p + 11, end);
      c.uint(F.vni, p, 3, end);
      break;
    }
    case Route.INCLUSIVE_MULTICAST:
      p = rd(c, p, end);
      c.uint(F.etag, p, 4, end);
      address(c, p + 4, end);
      break;
    case Route.ETHERNET_SEGMENT:
      p = esi(c, rd(c, p, end), end);
      address(c, p, end);
      break;
    case Route.IP_PREFIX: {
      p = esi(c, rd(c, p, end), end);
      c.uint(F.etag, p, 4, end);
      const plen = c.uint(F.evpnPrefixLen, p + 4, 1, end);
      if (plen < 0) break;
      // 34 bytes: an IPv4 prefix and gateway; 58: IPv6
      const size = len === 58 ? 16 : 4;
      if (!c.has(p + 5, 2 * size + 3, end)) break;
      paddedAddress(c, size === 4 ? F.evpnIp : F.evpnIp6, p + 5, size, size);
      paddedAddress(c, size === 4 ? F.gatewayIp : F.gatewayIp6, p + 5 + size, size, size);
      c.uint(F.vni, p + 5 + 2 * size, 3, end);
      break;
    }
  }
  f.pop();
}

/** The route distinguisher: its bytes and their reading ("65001:10010"). */
function rd(c: Ctx, o: number, end: number): number {
  if (!c.has(o, 8, end)) return end;
  const f = c.f;
  const i = f.add(F.rd, o, 8, 0);
  if (f.wanted === null) {
    const t = c.u16(o);
    const text = t === 0 ? `${c.u16(o + 2)}:${c.u32(o + 4)}` : t === 1 ? `${ipv4Text(c.b, o + 2)}:${c.u16(o + 6)}` : t === 2 ? `${c.u32(o + 2)}:${c.u16(o + 6)}` : 'Unknown RD type';
    f.appendLabel(i, ` (${text})`);
  }
  return o + 8;
}

/** The Ethernet segment identifier: 10 bytes, a type and a 9-byte value. */
function esi(c: Ctx, o: number, end: number): number {
  if (!c.has(o, 10, end)) return end;
  const f = c.f;
  const i = f.add(F.esi, o, 10, 0);
  if (f.wanted === null) f.setText(i, `ESI: ${bytesHex(c.b, o, 10, ':')}`);
  f.push(i);
  const type = c.u8(o);
  f.add(F.esiType, o, 1, type);
  const v = f.add(F.esiValue, o + 1, 9, 0);
  if (f.wanted === null) f.setText(v, `ESI Value: ${bytesHex(c.b, o + 1, 9, ' ')}`);
  if (type === 0) {
    const t0 = f.add(F.esiType0, o + 1, 9, 0);
    if (f.wanted === null) f.setText(t0, `ESI 9 bytes value: ${bytesHex(c.b, o + 1, 9, ' ')}`);
  }
  f.pop();
  return o + 10;
}

/** An IP address length in bits and the address (none, IPv4 or IPv6); returns where it ends. */
function address(c: Ctx, o: number, end: number): number {
  const bits = c.uint(F.ipLen, o, 1, end);
  if (bits === 32 && c.has(o + 1, 4, end)) paddedAddress(c, F.evpnIp, o + 1, 4, 4);
  else if (bits === 128 && c.has(o + 1, 16, end)) paddedAddress(c, F.evpnIp6, o + 1, 16, 16);
  return o + 1 + (bits > 0 ? bits >> 3 : 0);
}
