// BGP's EXTENDED_COMMUNITIES attribute (RFC 4360, packet-bgp.c's dissect_bgp_update_ext_com): the
// route targets that place an EVPN or VPN route in its tenant, the tunnel encapsulation (VXLAN),
// the EVPN router's MAC, MAC mobility and ES import, link bandwidth. Each community is a line
// "Route Target: 65001:10010 [Transitive 2-Octet AS-Specific]" over its type (with the IANA
// authority and transitivity bits), subtype and values; one Decapod does not decode shows its six
// value bytes as packet-bgp.c's Raw Value ("0x0001 0x0000 0x0002").

import { etherText, ipv4Text } from '../fields/format.ts';
import { fieldById } from '../fields/registry.ts';
import { F } from './bgp-fields.ts';
import type { Ctx } from './context.ts';

const enum Type {
  AS2 = 0x00,
  IP4 = 0x01,
  AS4 = 0x02,
  OPAQUE = 0x03,
  EVPN = 0x06,
  NON_TRANSITIVE_AS2 = 0x40,
}

const ENCAPSULATION = 0x0c;
const LINK_BANDWIDTH = 0x04;
const MAC_MOBILITY = 0x00;
const ES_IMPORT = 0x02;
const ROUTER_MAC = 0x03;

const nameOf = (id: number, v: number): string | undefined => fieldById(id).names?.get(v);
const hex = (v: number, digits: number): string => `0x${v.toString(16).padStart(digits, '0')}`;
const view = new DataView(new ArrayBuffer(4));

export function extendedCommunities(c: Ctx, v: number, end: number): void {
  const f = c.f;
  const count = Math.floor((end - v) / 8);
  const list = f.add(F.extCommunities, v, Math.min(end, c.b.length) - v);
  if (f.wanted === null) f.label(list, `Carried extended communities: (${count} communit${count === 1 ? 'y' : 'ies'})`);
  f.push(list);
  for (let o = v; o + 8 <= end && !c.stop; o += 8) {
    if (!c.has(o, 8, end)) break;
    community(c, o);
  }
  f.pop();
}

/** The subtype field of each type Decapod decodes. */
const SUBTYPE_FIELD: ReadonlyMap<number, number> = new Map([
  [Type.AS2, F.subtypeAs2], [Type.IP4, F.subtypeIp4], [Type.AS4, F.subtypeAs4], [Type.OPAQUE, F.subtypeOpaque],
  [Type.EVPN, F.subtypeEvpn], [Type.NON_TRANSITIVE_AS2, F.subtypeNtAs2],
]);

function community(c: Ctx, o: number): void {
  const f = c.f;
  const type = c.u8(o);
  const sub = c.u8(o + 1);
  const item = f.add(F.extCommunity, o, 8);
  f.push(item);
  f.push(f.add(F.extType, o, 1, type));
  f.add(F.extAuth, o, 1, type & 0x80);
  f.add(F.extTran, o, 1, type & 0x40);
  f.pop();
  const subId = SUBTYPE_FIELD.get(type) ?? F.subtypeUnknown;
  f.add(subId, o + 1, 1, sub);
  const text = value(c, type, sub, o);
  f.pop();
  if (f.wanted === null) {
    const typeName = nameOf(F.extType, type);
    const subName = nameOf(subId, sub);
    const head = typeName === undefined ? `Unknown type ${hex(type, 2)} subtype ${hex(sub, 2)}` : subName ?? `Unknown subtype ${hex(sub, 2)}`;
    f.label(item, `${head}: ${text} [${typeName ?? 'Unknown community'}]`);
  }
}

/** The value fields of a community; returns their text for its line. */
function value(c: Ctx, type: number, sub: number, o: number): string {
  const f = c.f;
  if (type === Type.AS2 || (type === Type.NON_TRANSITIVE_AS2 && sub !== LINK_BANDWIDTH)) {
    f.add(F.valueAs2, o + 2, 2, c.u16(o + 2));
    f.add(F.valueAn4, o + 4, 4, c.u32(o + 4));
    return `${c.u16(o + 2)}:${c.u32(o + 4)}`;
  }
  if (type === Type.NON_TRANSITIVE_AS2) {
    // the bandwidth in bytes per second, an IEEE float
    f.add(F.valueAs2, o + 2, 2, c.u16(o + 2));
    view.setUint32(0, c.u32(o + 4));
    const bw = view.getFloat32(0);
    const i = f.add(F.linkBandwidth, o + 4, 4, bw);
    if (f.wanted === null) f.setText(i, `Link bandwidth: ${gFormat(bw)}`);
    return `ASN ${c.u16(o + 2)}, ${((bw * 8) / 1_000_000).toFixed(3)} Mbps`;
  }
  if (type === Type.IP4) {
    f.add(F.valueIp4, o + 2, 4, 0);
    f.add(F.valueAn2, o + 6, 2, c.u16(o + 6));
    return `${ipv4Text(c.b, o + 2)}:${c.u16(o + 6)}`;
  }
  if (type === Type.AS4) {
    const as = c.u32(o + 2);
    f.add(F.valueAs4, o + 2, 4, as);
    f.add(F.valueAn2, o + 6, 2, c.u16(o + 6));
    return `${as >>> 16}.${as & 0xffff}(${as}):${c.u16(o + 6)}`;
  }
  if (type === Type.OPAQUE && sub === ENCAPSULATION) {
    const tunnel = c.u16(o + 6);
    f.add(F.tunnelType, o + 6, 2, tunnel);
    return nameOf(F.tunnelType, tunnel) ?? `Unknown (${tunnel})`;
  }
  if (type === Type.EVPN && sub === MAC_MOBILITY) {
    const flags = c.u8(o + 2);
    f.push(f.add(F.macMobilityFlags, o + 2, 1, flags));
    f.add(F.macMobilitySticky, o + 2, 1, flags & 0x01);
    f.pop();
    f.add(F.macMobilitySeq, o + 4, 4, c.u32(o + 4));
    return flags & 0x01 ? 'Sticky MAC' : 'Movable MAC';
  }
  if (type === Type.EVPN && sub === ES_IMPORT) {
    f.add(F.esImport, o + 2, 6, 0);
    return `RT: ${etherText(c.b, o + 2)}`;
  }
  if (type === Type.EVPN && sub === ROUTER_MAC) {
    f.add(F.routerMac, o + 2, 6, 0);
    return `Router's MAC: ${etherText(c.b, o + 2)}`;
  }
  const raw = `${hex(c.u16(o + 2), 4)} ${hex(c.u16(o + 4), 4)} ${hex(c.u16(o + 6), 4)}`;
  const i = f.add(F.valueRaw, o + 2, 6, c.u16(o + 2) * 2 ** 32 + c.u32(o + 4));
  if (f.wanted === null) f.setText(i, `Raw Value: ${raw}`);
  return raw;
}

/** A float as C's "%g" prints it (six significant digits, trailing zeros dropped, an exponent of
 *  at least two digits): what Wireshark shows for an FT_FLOAT. */
export function gFormat(x: number): string {
  if (x === 0) return '0';
  const exp = Math.floor(Math.log10(Math.abs(x)));
  if (exp < -4 || exp >= 6) {
    const [m, e] = x.toExponential(5).split('e') as [string, string];
    const mant = m.includes('.') ? m.replace(/0+$/, '').replace(/\.$/, '') : m;
    const n = Number(e);
    return `${mant}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
  }
  const s = x.toPrecision(6);
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}
