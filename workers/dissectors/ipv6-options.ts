// IPv6 Hop-by-Hop and Destination Options headers (RFC 8200 sections 4.2-4.6; Wireshark
// packet-ipv6.c dissect_opts), each a protocol item under the IPv6 header's tree.
//
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |  Next Header  |  Hdr Ext Len  |                               |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+    Options (TLVs: type, length, data)
//   .                                                               .
// Hdr Ext Len is "the length of the Hop-by-Hop Options header in 8-octet units, not including
// the first 8 octets". Options are read as Wireshark reads them: type and length bytes first
// (for Pad1 too), then the data; reading past the header or the datagram ends the packet.

import { Base, FT, names, registerFields } from '../fields/registry.ts';
import { EF } from '../fields/field-list.ts';
import { AddrKind } from '../fields/address-kind.ts';
import type { Ctx } from './context.ts';
import { E } from './ip-expert.ts';
import { expertAt } from './expert.ts';
import { IP_PROTO_NAMES } from './ipv4.ts';

const PAD1 = 0x00;
const PADN = 0x01;
const TEL = 0x04;
const ROUTER_ALERT = 0x05;
const JUMBO = 0xc2;
const HOME_ADDRESS = 0xc9;
const NXT = 0;
const LEN = 1;
export const OPTS_HEADER_MIN = LEN + 1;

const OPT_NAMES = names([[PAD1, 'Pad1'], [PADN, 'PadN'], [TEL, 'Tunnel Encapsulation Limit'], [ROUTER_ALERT, 'Router Alert'],
  [0x07, 'CALIPSO'], [0x08, 'SMF_DPD'], [0x0f, 'Performance and Diagnostic Metrics'], [0x11, 'IOAM'], [0x23, 'RPL Option'],
  [0x26, 'Quick-Start'], [0x30, 'Path MTU Record'], [0x31, 'IOAM'], [0x4d, 'Deprecated'], [0x63, 'RPL Option'],
  [0x6d, 'MPL Option'], [0x8a, 'Endpoint Identification'], [0x8b, 'ILNP Nonce'], [0x8c, 'Line-Identification Option'],
  [JUMBO, 'Jumbo Payload'], [HOME_ADDRESS, 'Home Address'], [0xee, 'IP_DFF'],
  [0x1e, 'Experimental (0x1E)'], [0x3e, 'Experimental (0x3E)'], [0x5e, 'Experimental (0x5E)'], [0x7e, 'Experimental (0x7E)'],
  [0x9e, 'Experimental (0x9E)'], [0xbe, 'Experimental (0xBE)'], [0xde, 'Experimental (0xDE)'], [0xfe, 'Experimental (0xFE)']]);
const ACTION_NAMES = names([[0, 'Skip and continue'], [1, 'Discard and no ICMP'], [2, 'Discard and send ICMP'],
  [3, 'Discard and send ICMP if not multicast']]);

export const F = registerFields({
  hopopts: { name: 'ipv6.hopopts', label: 'IPv6 Hop-by-Hop Option', type: FT.PROTOCOL },
  hopoptsNxt: { name: 'ipv6.hopopts.nxt', label: 'Next Header', type: FT.UINT, bits: 8, names: IP_PROTO_NAMES },
  hopoptsLen: { name: 'ipv6.hopopts.len', label: 'Length', type: FT.UINT, bits: 8 },
  hopoptsLenOct: { name: 'ipv6.hopopts.len_oct', label: 'Length', type: FT.UINT, bits: 16, unit: ' bytes' },
  dstopts: { name: 'ipv6.dstopts', label: 'Destination Options for IPv6', type: FT.PROTOCOL },
  dstoptsNxt: { name: 'ipv6.dstopts.nxt', label: 'Next Header', type: FT.UINT, bits: 8, names: IP_PROTO_NAMES },
  dstoptsLen: { name: 'ipv6.dstopts.len', label: 'Length', type: FT.UINT, bits: 8 },
  dstoptsLenOct: { name: 'ipv6.dstopts.len_oct', label: 'Length', type: FT.UINT, bits: 16, unit: ' bytes' },
  opt: { name: 'ipv6.opt', label: 'IPv6 Option', type: FT.NONE },
  type: { name: 'ipv6.opt.type', label: 'Type', type: FT.UINT, base: Base.HEX, bits: 8, names: OPT_NAMES, unknownName: true },
  action: { name: 'ipv6.opt.type.action', label: 'Action', type: FT.UINT, bits: 8, mask: 0xc0, names: ACTION_NAMES },
  change: { name: 'ipv6.opt.type.change', label: 'May Change', type: FT.BOOLEAN, bits: 8, mask: 0x20, tf: ['Yes', 'No'] },
  rest: { name: 'ipv6.opt.type.rest', label: 'Low-Order Bits', type: FT.UINT, base: Base.HEX, bits: 8, mask: 0x1f },
  length: { name: 'ipv6.opt.length', label: 'Length', type: FT.UINT, bits: 8 },
  pad1: { name: 'ipv6.opt.pad1', label: 'Pad1', type: FT.NONE },
  padn: { name: 'ipv6.opt.padn', label: 'PadN', type: FT.BYTES },
  jumbo: { name: 'ipv6.opt.jumbo', label: 'Payload Length', type: FT.UINT },
  routerAlert: { name: 'ipv6.opt.router_alert', label: 'Router Alert', type: FT.UINT, bits: 16,
    names: names([[0, 'MLD'], [1, 'RSVP'], [2, 'Active Networks']]) },
  tel: { name: 'ipv6.opt.tel', label: 'Tunnel Encapsulation Limit', type: FT.UINT, bits: 8 },
  homeAddress: { name: 'ipv6.opt.mipv6.home_address', label: 'MIPv6 Home Address', type: FT.IPV6 },
  unknown: { name: 'ipv6.opt.unknown', label: 'Unknown Option Payload', type: FT.BYTES },
  unknownData: { name: 'ipv6.opt_unknown_data', label: 'Unknown Data', type: FT.BYTES },
  experimental: { name: 'ipv6.opt.experimental', label: 'Experimental Option', type: FT.BYTES },
});

/** Fixed data length of the options decoded here (Wireshark flags other lengths, then reads these). */
const DATA_LEN = new Map([[TEL, 1], [ROUTER_ALERT, 2], [JUMBO, 4], [HOME_ADDRESS, 16]]);

/**
 * The Hop-by-Hop (`hop`) or Destination Options header at `o`, up to the datagram's end.
 * Returns the header's length in bytes, or -1 when the packet stopped; a Home Address option's
 * offset goes to `home.src`.
 */
export function dissectOptionsHeader(c: Ctx, hop: boolean, o: number, end: number, home: { src: number }): number {
  const f = c.f;
  if (!c.has(o, OPTS_HEADER_MIN, end)) return -1;
  const len = (c.u8(o + LEN) + 1) * 8;
  const hdrEnd = o + len;
  c.proto(hop ? F.hopopts : F.dstopts, o, Math.min(hdrEnd, end));
  f.add(hop ? F.hopoptsNxt : F.dstoptsNxt, o + NXT, 1, c.u8(o + NXT));
  f.add(hop ? F.hopoptsLen : F.dstoptsLen, o + LEN, 1, c.u8(o + LEN));
  f.add(hop ? F.hopoptsLenOct : F.dstoptsLenOct, o + LEN, 1, len, EF.GENERATED);
  let p = o + OPTS_HEADER_MIN;
  while (p < hdrEnd) {
    if (!c.has(p, 2, end)) return -1;
    const type = c.u8(p);
    const optLen = c.u8(p + 1);
    const name = OPT_NAMES.get(type) ?? `Unknown IPv6 Option (${type})`;
    f.push(f.addStr(F.opt, p, Math.max(0, Math.min(p + 2 + optLen, end, c.b.length) - p), name));
    f.add(F.type, p, 1, type);
    if (type === PAD1) {
      f.add(F.pad1, p, 1);
      f.pop();
      p++;
      continue;
    }
    f.push(f.last);
    f.add(F.action, p, 1, type >> 6);
    f.add(F.change, p, 1, (type >> 5) & 1);
    f.add(F.rest, p, 1, type & 0x1f);
    f.pop();
    const lengthItem = f.add(F.length, p + 1, 1, optLen);
    const d = p + 2;
    const fixed = DATA_LEN.get(type);
    let used = 0;
    if (type === PADN) {
      // An empty PadN (BASE_ALLOW_ZERO) prints as "<none>".
      if (optLen === 0) f.addStr(F.padn, d, 0, '<none>');
      used = optLen === 0 || c.field(F.padn, d, optLen, end) ? optLen : -1;
    } else if (type === TEL) used = c.uint(F.tel, d, 1, end) < 0 ? -1 : 1;
    else if (type === ROUTER_ALERT) used = c.uint(F.routerAlert, d, 2, end) < 0 ? -1 : 2;
    else if (type === JUMBO) used = c.uint(F.jumbo, d, 4, end) < 0 ? -1 : 4;
    else if (type === HOME_ADDRESS) {
      used = c.field(F.homeAddress, d, 16, end) ? 16 : -1;
      // "alloc_address_tvb(…, &pinfo->src, …)": the mobile node's home address is the packet's
      // source, for the conversations and the Source column (not in a packet an ICMPv6 error
      // quotes, whose addresses Wireshark puts back)
      if (used > 0) {
        home.src = d;
        if (!c.inErrorPkt) f.colSrc.set(f.count, AddrKind.IPV6, c.b, d);
      }
    }
    else if ((type & 0x1f) === 0x1e) used = c.field(F.experimental, d, optLen, end) ? optLen : -1;
    else used = c.field(F.unknown, d, optLen, end) ? optLen : -1;
    if (used < 0) return -1;
    if (fixed !== undefined && optLen !== fixed) {
      expertAt(c, lengthItem, E.ipv6OptInvalidLen, `${name}: Invalid length (${optLen} bytes)`);
    }
    if (used < optLen && !c.field(F.unknownData, d + used, optLen - used, end)) return -1;
    f.pop();
    p = d + Math.max(used, optLen);
  }
  f.pop();
  return len;
}

/**
 * The Jumbo Payload length of the Hop-by-Hop header at `o` if it has one larger than 65535
 * (Wireshark's ipv6_get_jumbo_plen), else 0. Looks only; adds nothing.
 */
export function jumboLength(c: Ctx, o: number, end: number): number {
  const b = c.b;
  if (o + 2 > Math.min(end, b.length)) return 0;
  const hdrEnd = o + ((b[o + LEN] as number) + 1) * 8;
  let p = o + 2;
  while (p < hdrEnd && p + 6 <= Math.min(end, b.length)) {
    const type = b[p++] as number;
    if (type === PAD1) continue;
    const len = b[p++] as number;
    if (type === JUMBO && len === 4) {
      const v = c.u32(p);
      return v > 0xffff ? v : 0;
    }
    p += len;
  }
  return 0;
}
