// GRE: RFC 2784 with RFC 2890 keys and sequence numbers, RFC 1701's routing, PPTP's enhanced GRE
// (RFC 2637 §4.1), WCCP v2 redirect headers and 3GPP2 A10 attributes; Wireshark 4.0 packet-gre.c.
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |C|R|K|S|s|Recur|A| Flags |Ver|         Protocol Type         |
//   |      Checksum (optional)      |       Offset (optional)       |   C or R
//   |                         Key (optional)                        |   K (v1: payload length, call id)
//   |                 Sequence Number (optional)                    |   S
//   |                 Acknowledgment Number (optional)              |   A, enhanced GRE only
//   |                         Routing (optional)                    |   R: SREs up to af=0, len=0
// "If either the Checksum Present bit or the Routing Present bit are set, BOTH the Checksum and
// Offset fields are present" (RFC 1701 §2.1). Enhanced GRE is recognised, as Wireshark does, by
// Protocol Type 0x880b (PPP) with a non-zero version, or by the two 3GPP2 A10 types.
// The payload goes through the `gre.proto` table; types that Wireshark's gre.proto table gives to
// the same dissectors as the EtherType table fall back to that table (IPv6, ARP, PPP bound only as
// EtherTypes by their owners). The flags word is left in c.greFlags (ERSPAN reads the S bit).

import { Base, FT, names, registerFields } from '../fields/registry.ts';
import { EF } from '../fields/field-list.ts';
import type { Ctx } from './context.ts';
import { dissectData } from './data.ts';
import { bind, dissectorByName, registerDissector } from './tables.ts';
import './cmd.ts'; // Cisco MetaData and NHRP come with GRE (and register themselves on import)
import './nhrp.ts';

const FLAGS = 0;
const PROTO = 2;
export const GRE_BASE_HEADER_LEN = PROTO + 2;

const GRE_CHECKSUM = 0x8000;
const GRE_ROUTING = 0x4000;
const GRE_KEY = 0x2000;
const GRE_SEQUENCE = 0x1000;
const GRE_STRICT = 0x0800;
const GRE_RECURSION = 0x0700;
const GRE_ACK = 0x0080;
const GRE_RESERVED = 0x00f8;
const GRE_RESERVED_PPP = 0x0078;
const GRE_VERSION = 0x0007;

const ETHERTYPE_PPP = 0x880b;
const ETHERTYPE_3GPP2 = 0x88d2;
const ETHERTYPE_CDMA2000_A10_UBS = 0x8881;
const GRE_WCCP = 0x883e;
const ID_3GPP2_FLOW_DISCRIMINATOR = 3;

/** gre.proto values that Wireshark 4.0 dissects with the same protocol as the EtherType table. */
const VIA_ETHERTYPE = new Set([0x0800, 0x0806, 0x6558, 0x8137, 0x86dd, 0x8847, 0x8848, 0x880b, 0x8909, 0x894f]);

const GRE_TYPE_NAMES = names([
  [0x0000, 'Possible GRE keepalive packet'], [0x880b, 'PPP'], [0x0800, 'IP'], [0x0806, 'ARP'], [0x00fe, 'OSI'],
  [0x883e, 'WCCP'], [0x2000, 'CDP (Cisco)'], [0x2001, 'NHRP'], [0x88be, 'ERSPAN'], [0x22eb, 'ERSPAN III'],
  [0x6400, 'MIKROTIK EoIP'], [0x8137, 'IPX'], [0x6558, 'Transparent Ethernet bridging'], [0x6559, 'Frame Relay'],
  [0x86dd, 'IPv6'], [0x8847, 'MPLS label switched packet'], [0x894f, 'Network Service Header'],
  [0x8881, 'CDMA2000 A10 Unstructured byte stream'], [0x88d2, 'CDMA2000 A10 3GPP2 Packet'], [0x8909, 'CiscoMetaData'],
]);
const YES_NO = ['Yes', 'No'] as const;
/** The protocol item's label, as Wireshark writes it: "Generic Routing Encapsulation (IP)". */
const ITEM_LABELS = new Map([...GRE_TYPE_NAMES].map(([v, n]) => [v, `Generic Routing Encapsulation (${n})`]));

export const F = registerFields({
  gre: { name: 'gre', label: 'Generic Routing Encapsulation', type: FT.PROTOCOL },
  flagsAndVersion: { name: 'gre.flags_and_version', label: 'Flags and Version', type: FT.UINT, base: Base.HEX, bits: 16 },
  checksumBit: { name: 'gre.flags.checksum', label: 'Checksum Bit', type: FT.BOOLEAN, bits: 16, mask: GRE_CHECKSUM, tf: YES_NO },
  routingBit: { name: 'gre.flags.routing', label: 'Routing Bit', type: FT.BOOLEAN, bits: 16, mask: GRE_ROUTING, tf: YES_NO },
  keyBit: { name: 'gre.flags.key', label: 'Key Bit', type: FT.BOOLEAN, bits: 16, mask: GRE_KEY, tf: YES_NO },
  seqBit: { name: 'gre.flags.sequence_number', label: 'Sequence Number Bit', type: FT.BOOLEAN, bits: 16, mask: GRE_SEQUENCE, tf: YES_NO },
  strictBit: { name: 'gre.flags.strict_source_route', label: 'Strict Source Route Bit', type: FT.BOOLEAN, bits: 16, mask: GRE_STRICT, tf: YES_NO },
  recursion: { name: 'gre.flags.recursion_control', label: 'Recursion control', type: FT.UINT, bits: 16, mask: GRE_RECURSION },
  ackBit: { name: 'gre.flags.ack', label: 'Acknowledgment', type: FT.BOOLEAN, bits: 16, mask: GRE_ACK, tf: YES_NO },
  // Registered twice by Wireshark (masks 0x00f8, and 0x0078 in enhanced GRE): same decimal value.
  reserved: { name: 'gre.flags.reserved', label: 'Flags (Reserved)', type: FT.UINT, bits: 16, mask: GRE_RESERVED },
  version: { name: 'gre.flags.version', label: 'Version', type: FT.UINT, bits: 16, mask: GRE_VERSION, names: names([[0, 'GRE'], [1, 'Enhanced GRE']]) },
  proto: { name: 'gre.proto', label: 'Protocol Type', type: FT.UINT, base: Base.HEX, bits: 16, names: GRE_TYPE_NAMES },
  checksum: { name: 'gre.checksum', label: 'Checksum', type: FT.UINT, base: Base.HEX, bits: 16 },
  checksumStatus: { name: 'gre.checksum.status', label: 'Checksum Status', type: FT.UINT, bits: 8, nameAlone: true, names: names([[0, 'Bad'], [1, 'Good'], [2, 'Unverified']]) },
  offset: { name: 'gre.offset', label: 'Offset', type: FT.UINT, bits: 16 },
  key: { name: 'gre.key', label: 'Key', type: FT.UINT, base: Base.HEX },
  payloadLength: { name: 'gre.key.payload_length', label: 'Payload Length', type: FT.UINT, bits: 16 },
  callId: { name: 'gre.key.call_id', label: 'Call ID', type: FT.UINT, bits: 16 },
  seq: { name: 'gre.sequence_number', label: 'Sequence Number', type: FT.UINT },
  ack: { name: 'gre.ack_number', label: 'Acknowledgment Number', type: FT.UINT },
  routing: { name: 'gre.routing', label: 'Routing', type: FT.NONE },
  sreFamily: { name: 'gre.routing.address_family', label: 'Address Family', type: FT.UINT, bits: 16 },
  sreOffset: { name: 'gre.routing.sre_offset', label: 'SRE Offset', type: FT.UINT, bits: 8 },
  sreLength: { name: 'gre.routing.src_length', label: 'SRE Length', type: FT.UINT, bits: 8 },
  sreInfo: { name: 'gre.routing.information', label: 'Routing Information', type: FT.BYTES },
  wccp: { name: 'gre.wccp.redirect_header', label: 'Redirect Header', type: FT.NONE },
  wccpDynamic: { name: 'gre.wccp.dynamic_service', label: 'Dynamic Service', type: FT.BOOLEAN, bits: 8, mask: 0x01, tf: ['Dynamic service', 'Well-known service'] },
  wccpAltUsed: { name: 'gre.wccp.alternative_bucket_used', label: 'Alternative bucket used', type: FT.BOOLEAN, bits: 8, mask: 0x02, tf: ['Alternative bucket used', 'Primary bucket used'] },
  wccpValid: { name: 'gre.wccp.redirect_header_valid', label: 'WCCP Redirect header is valid', type: FT.BOOLEAN, bits: 8, mask: 0x04, tf: ['Header is present, but ignore contents', 'Header contents are valid'] },
  wccpService: { name: 'gre.wccp.service_id', label: 'Service ID', type: FT.UINT, bits: 8 },
  wccpAltBucket: { name: 'gre.wccp.alternative_bucket', label: 'Alternative Bucket', type: FT.UINT, bits: 8 },
  wccpPrimary: { name: 'gre.wccp.primary_bucket', label: 'Primary Bucket', type: FT.UINT, bits: 8 },
  attribs: { name: 'gre.3gpp2_attrib', label: '3GPP2 Attributes', type: FT.NONE },
  attribId: { name: 'gre.3gpp2_attrib_id', label: 'Type', type: FT.UINT, base: Base.HEX, bits: 8, mask: 0x7f, names: names([[1, '1x SDB/HRPD DOS Indicator'], [2, 'Flow Control Indication'], [3, 'IP Flow Discriminator'], [4, 'Segmentation Indication']]) },
  attribLength: { name: 'gre.3gpp2_attrib_length', label: 'Length', type: FT.UINT, base: Base.HEX, bits: 8 },
  flowId: { name: 'gre.ggp2_flow_disc', label: 'Flow ID', type: FT.BYTES },
});

export function dissectGre(c: Ctx, off: number, end: number): void {
  const f = c.f;
  if (!c.has(off, GRE_BASE_HEADER_LEN, end)) return; // both words are read before any item is added
  const flags = c.u16(off + FLAGS);
  const type = c.u16(off + PROTO);
  const isPpp = (type === ETHERTYPE_PPP && (flags & GRE_VERSION) !== 0) || type === ETHERTYPE_3GPP2 || type === ETHERTYPE_CDMA2000_A10_UBS;
  let isWccp2 = false;
  if (type === GRE_WCCP) {
    if (!c.has(off + GRE_BASE_HEADER_LEN, 1, end)) return;
    isWccp2 = (c.u8(off + GRE_BASE_HEADER_LEN) & 0xf0) !== 0x40;
  }
  const item = c.proto(F.gre, off, end);
  f.label(item, ITEM_LABELS.get(type) ?? `Generic Routing Encapsulation (0x${type.toString(16).toUpperCase().padStart(4, '0')} - unknown)`);
  f.push(f.add(F.flagsAndVersion, off, 2, flags));
  f.add(F.checksumBit, off, 2, flags & GRE_CHECKSUM ? 1 : 0);
  f.add(F.routingBit, off, 2, flags & GRE_ROUTING ? 1 : 0);
  f.add(F.keyBit, off, 2, flags & GRE_KEY ? 1 : 0);
  f.add(F.seqBit, off, 2, flags & GRE_SEQUENCE ? 1 : 0);
  f.add(F.strictBit, off, 2, flags & GRE_STRICT ? 1 : 0);
  f.add(F.recursion, off, 2, (flags & GRE_RECURSION) >> 8);
  if (isPpp) {
    f.add(F.ackBit, off, 2, flags & GRE_ACK ? 1 : 0);
    f.add(F.reserved, off, 2, (flags & GRE_RESERVED_PPP) >> 3);
  } else {
    f.add(F.reserved, off, 2, (flags & GRE_RESERVED) >> 3);
  }
  f.add(F.version, off, 2, flags & GRE_VERSION);
  f.pop();
  f.add(F.proto, off + PROTO, 2, type);
  let o = off + GRE_BASE_HEADER_LEN;
  if (flags & (GRE_CHECKSUM | GRE_ROUTING)) {
    if (c.uint(F.checksum, o, 2, end) < 0) return;
    // Verified only when C is set and the whole GRE packet was captured.
    const verify = (flags & GRE_CHECKSUM) !== 0 && end <= c.b.length;
    f.add(F.checksumStatus, o, 0, verify ? (onesSum(c.b, off, end) === 0xffff ? 1 : 0) : 2, EF.GENERATED);
    c.uint(F.offset, o + 2, 2, end);
    o += 4;
  }
  if (flags & GRE_KEY) {
    if (isPpp && type !== ETHERTYPE_CDMA2000_A10_UBS) {
      c.uint(F.payloadLength, o, 2, end);
      c.uint(F.callId, o + 2, 2, end);
    } else {
      c.uint(F.key, o, 4, end);
    }
    o += 4;
  }
  if (flags & GRE_SEQUENCE) {
    c.uint(F.seq, o, 4, end);
    o += 4;
  }
  if (isPpp && flags & GRE_ACK) {
    c.uint(F.ack, o, 4, end);
    o += 4;
  }
  if (flags & GRE_ROUTING) o = routing(c, o, end);
  if (isWccp2) o = wccp2(c, o, end);
  if (type === ETHERTYPE_3GPP2) o = attributes(c, o, end);
  if (c.stop) return;
  f.len[item] = o - off;
  f.pop();
  // "If the S bit is not set, this packet might not have a payload" (packet-gre.c): no payload, no layer.
  if (!(flags & GRE_SEQUENCE) && o >= end) return;
  c.greFlags = flags;
  dispatchGre(c, type, o, end);
}

/** Hand a payload to the dissector for a GRE Protocol Type (also used by Cisco MetaData). */
export function dispatchGre(c: Ctx, type: number, off: number, end: number): void {
  const t = c.tables;
  let d = t.lookup('gre.proto', type);
  if (d === undefined && VIA_ETHERTYPE.has(type)) d = t.lookup('ethertype', type) ?? (type === ETHERTYPE_PPP ? dissectorByName('ppp') : undefined);
  c.call(d ?? dissectData, off, end);
}

/** RFC 1701 Source Route Entries, up to the NULL entry (address family 0, length 0). */
function routing(c: Ctx, o: number, end: number): number {
  const f = c.f;
  while (!c.stop) {
    if (!c.has(o, 4, end)) break;
    const af = c.u16(o);
    const len = c.u8(o + 3);
    f.add(F.routing, o, 4 + len);
    f.add(F.sreFamily, o, 2, af);
    f.add(F.sreOffset, o + 2, 1, c.u8(o + 2));
    f.add(F.sreLength, o + 3, 1, len);
    o += 4;
    if (af === 0 && len === 0) break;
    c.field(F.sreInfo, o, len, end);
    o += len;
  }
  return o;
}

/** The 4-byte WCCP v2 redirect header that precedes the redirected IPv4 packet. */
function wccp2(c: Ctx, o: number, end: number): number {
  const f = c.f;
  if (!c.has(o, 4, end)) return o;
  const b0 = c.u8(o);
  f.push(f.add(F.wccp, o, 4));
  f.add(F.wccpDynamic, o, 1, b0 & 1);
  f.add(F.wccpAltUsed, o, 1, b0 & 2 ? 1 : 0);
  f.add(F.wccpValid, o, 1, b0 & 4 ? 1 : 0);
  f.add(F.wccpService, o + 1, 1, c.u8(o + 1));
  f.add(F.wccpAltBucket, o + 2, 1, c.u8(o + 2));
  f.add(F.wccpPrimary, o + 3, 1, c.u8(o + 3));
  f.pop();
  return o + 4;
}

/** 3GPP2 A10 attributes (A.S0012-C §2.6.1) up to an id with the top bit set; only flow IDs shown. */
function attributes(c: Ctx, o: number, end: number): number {
  const f = c.f;
  const start = o;
  const item = f.add(F.attribs, o, 0);
  f.push(item);
  for (let last = false; !last && !c.stop; ) {
    if (!c.has(o, 2, end)) break;
    const id = c.u8(o);
    const len = c.u8(o + 1);
    f.add(F.attribId, o, 1, id & 0x7f);
    f.add(F.attribLength, o + 1, 1, len);
    if ((id & 0x7f) === ID_3GPP2_FLOW_DISCRIMINATOR) c.field(F.flowId, o + 2, len, end);
    last = (id & 0x80) !== 0;
    o += 2 + len;
  }
  f.len[item] = o - start;
  f.pop();
  return o;
}

/** RFC 1071 one's complement sum of [off, end), folded to 16 bits (0xffff when the checksum is right). */
function onesSum(b: Uint8Array, off: number, end: number): number {
  let sum = 0;
  let i = off;
  for (; i + 1 < end; i += 2) sum += ((b[i] as number) << 8) | (b[i + 1] as number);
  if (i < end) sum += (b[i] as number) << 8;
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return sum;
}

registerDissector('gre', dissectGre);
bind('ip.proto', 47, 'gre');
bind('udp.port', 4754, 'gre'); // GRE-in-UDP, RFC 8086
bind('gre.proto', 0x0800, 'ip');
bind('gre.proto', 0x883e, 'ip'); // WCCP: the redirected IPv4 packet
bind('gre.proto', 0x6558, 'eth');
bind('gre.proto', 0x6400, 'eth'); // MikroTik EoIP
