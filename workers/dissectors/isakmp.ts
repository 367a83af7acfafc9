// IKEv2 (RFC 7296; Wireshark 4.0's packet-isakmp.c) on UDP 500 and, behind the Non-ESP Marker, UDP
// 4500: how two VPN gateways agree on an IPsec tunnel, and where they fail to (NO_PROPOSAL_CHOSEN,
// INVALID_KE_PAYLOAD). The header with its flags, then the payload chain: security associations
// with their proposals, transforms and key-length attributes, key exchange, nonce, notifies (an
// accepted DH group decoded), vendor IDs by name, and the encrypted SK payload of every exchange
// after IKE_SA_INIT (its IV and the encrypted data: no keys here). Info is "IKE_AUTH MID=01
// Initiator Request". IKEv1 messages show their header only (Info: the exchange).

import { Base, FT, fieldById, names, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { flagParts } from './flag-names.ts';
import * as N from './isakmp-names.ts';
import { bind, registerDissector } from './tables.ts';

const u8 = (name: string, label: string) => ({ name, label, type: FT.UINT, bits: 8 }) as const;
const bytes = (name: string, label: string) => ({ name, label, type: FT.BYTES }) as const;
const PAYLOADS = names(N.PAYLOAD_TYPES);

const F = registerFields({
  isakmp: { name: 'isakmp', label: 'Internet Security Association and Key Management Protocol', type: FT.PROTOCOL },
  ispi: bytes('isakmp.ispi', 'Initiator SPI'),
  rspi: bytes('isakmp.rspi', 'Responder SPI'),
  nextPayload: { name: 'isakmp.nextpayload', label: 'Next payload', type: FT.UINT, bits: 8, names: PAYLOADS },
  version: { name: 'isakmp.version', label: 'Version', type: FT.UINT, base: Base.HEX, bits: 8 },
  mjver: { name: 'isakmp.mjver', label: 'MjVer', type: FT.UINT, base: Base.HEX, bits: 8, mask: 0xf0 },
  mnver: { name: 'isakmp.mnver', label: 'MnVer', type: FT.UINT, base: Base.HEX, bits: 8, mask: 0x0f },
  exchangeType: { name: 'isakmp.exchangetype', label: 'Exchange type', type: FT.UINT, bits: 8, names: names(N.EXCHANGE_TYPES) },
  flags: { name: 'isakmp.flags', label: 'Flags', type: FT.UINT, base: Base.HEX, bits: 8 },
  flagI: { name: 'isakmp.flag_i', label: 'Initiator', type: FT.BOOLEAN, bits: 8, mask: 0x08, tf: ['Initiator', 'Responder'] },
  flagV: { name: 'isakmp.flag_v', label: 'Version', type: FT.BOOLEAN, bits: 8, mask: 0x10, tf: ['A higher version enabled', 'No higher version'] },
  flagR: { name: 'isakmp.flag_r', label: 'Response', type: FT.BOOLEAN, bits: 8, mask: 0x20, tf: ['Response', 'Request'] },
  flagE: { name: 'isakmp.flag_e', label: 'Encryption', type: FT.BOOLEAN, bits: 8, mask: 0x01, tf: ['Encrypted', 'Not encrypted'] },
  flagC: { name: 'isakmp.flag_c', label: 'Commit', type: FT.BOOLEAN, bits: 8, mask: 0x02, tf: ['Commit', 'No commit'] },
  flagA: { name: 'isakmp.flag_a', label: 'Authentication', type: FT.BOOLEAN, bits: 8, mask: 0x04, tf: ['Authentication', 'No authentication'] },
  messageId: { name: 'isakmp.messageid', label: 'Message ID', type: FT.UINT, base: Base.HEX, bits: 32 },
  length: { name: 'isakmp.length', label: 'Length', type: FT.UINT },
  typePayload: { name: 'isakmp.typepayload', label: 'Payload', type: FT.UINT, bits: 8, names: PAYLOADS },
  critical: { name: 'isakmp.criticalpayload', label: 'Critical Bit', type: FT.BOOLEAN, bits: 8, mask: 0x80, tf: ['Critical', 'Not critical'] },
  reserved7: { name: 'isakmp.reserved7', label: 'Reserved', type: FT.UINT, base: Base.HEX, bits: 8, mask: 0x7f },
  reserved: bytes('isakmp.reserved', 'Reserved'),
  payloadLength: { name: 'isakmp.payloadlength', label: 'Payload length', type: FT.UINT, bits: 16 },
  propNumber: u8('isakmp.prop.number', 'Proposal number'),
  propProtoId: { name: 'isakmp.prop.protoid', label: 'Protocol ID', type: FT.UINT, names: names(N.PROTOCOL_IDS) },
  spiSize: u8('isakmp.spisize', 'SPI Size'),
  spi: bytes('isakmp.spi', 'SPI'),
  propTransforms: u8('isakmp.prop.transforms', 'Proposal transforms'),
  tfType: { name: 'isakmp.tf.type', label: 'Transform Type', type: FT.UINT, bits: 8, names: names(N.TRANSFORM_TYPES) },
  tfEncr: { name: 'isakmp.tf.id.encr', label: 'Transform ID (ENCR)', type: FT.UINT, bits: 16, names: names(N.ENCR_IDS) },
  tfPrf: { name: 'isakmp.tf.id.prf', label: 'Transform ID (PRF)', type: FT.UINT, bits: 16, names: names(N.PRF_IDS) },
  tfInteg: { name: 'isakmp.tf.id.integ', label: 'Transform ID (INTEG)', type: FT.UINT, bits: 16, names: names(N.INTEG_IDS) },
  tfDh: { name: 'isakmp.tf.id.dh', label: 'Transform ID (D-H)', type: FT.UINT, bits: 16, names: names(N.DH_GROUPS) },
  transId: { name: 'isakmp.trans.id', label: 'Transform ID', type: FT.UINT, bits: 16 },
  attr: { name: 'isakmp.ike2.attr', label: 'Transform Attribute', type: FT.NONE },
  attrFormat: { name: 'isakmp.ike2.attr.format', label: 'Format', type: FT.BOOLEAN, bits: 16, mask: 0x8000, tf: ['Type/Value (TV)', 'Type/Length/Value (TLV)'] },
  attrType: { name: 'isakmp.ike2.attr.type', label: 'Type', type: FT.UINT, bits: 16, names: names([[14, 'Key Length']]) },
  attrValue: bytes('isakmp.ike2.attr.value', 'Value'),
  attrKeyLength: { name: 'isakmp.ike2.attr.key_length', label: 'Key Length', type: FT.UINT, bits: 16 },
  dhGroup: { name: 'isakmp.key_exchange.dh_group', label: 'DH Group #', type: FT.UINT, bits: 16, names: names(N.DH_GROUPS) },
  keyExchangeData: bytes('isakmp.key_exchange.data', 'Key Exchange Data'),
  nonce: bytes('isakmp.nonce', 'Nonce DATA'),
  notifyProtoId: { name: 'isakmp.notify.protoid', label: 'Protocol ID', type: FT.UINT, names: names(N.PROTOCOL_IDS) },
  notifyType: { name: 'isakmp.notify.msgtype', label: 'Notify Message Type', type: FT.UINT, bits: 16, names: names(N.NOTIFY_TYPES) },
  notifyData: bytes('isakmp.notify.data', 'Notification DATA'),
  acceptedDhGroup: { name: 'isakmp.notify.data.accepted_dh_group', label: 'Accepted DH group number', type: FT.UINT, bits: 16, names: names(N.DH_GROUPS) },
  vidBytes: bytes('isakmp.vid_bytes', 'Vendor ID'),
  vidString: { name: 'isakmp.vid_string', label: 'Vendor ID', type: FT.STRING },
  encIv: bytes('isakmp.enc.iv', 'Initialization Vector'),
});

const enum Payload {
  SA = 33,
  KE = 34,
  NONCE = 40,
  NOTIFY = 41,
  VENDOR_ID = 43,
  SK = 46,
  PROPOSAL = 2,
  TRANSFORM = 3,
}

/** Vendor IDs packet-isakmp.c names, matched by prefix as it matches them. */
const VENDOR_IDS: readonly (readonly [string, string])[] = [
  ['4a131c81070358455c5728f20e95452f', 'RFC 3947 Negotiation of NAT-Traversal in the IKE'],
  ['afcad71368a1f1c96b8696fc77570100', 'RFC 3706 DPD (Dead Peer Detection)'],
  ['09002689dfd6b712', 'XAUTH'],
  ['1e2b516905991c7d7c96fcbfb587e461', 'MS NT5 ISAKMPOAKLEY'],
  ['fb1de3cdf341b7ea16b7e5be0855f120', 'MS-Negotiation Discovery Capable'],
  ['4048b7d56ebce88525e7de7f00d6c2d3', 'Cisco Fragmentation'],
  ['12f5f28c457168a9702d9fe274cc0100', 'CISCO-UNITY 1.0'],
];
const TRANSFORM_IDS: Record<number, number> = { 1: F.tfEncr, 2: F.tfPrf, 3: F.tfInteg, 4: F.tfDh };
/** INVALID_KE_PAYLOAD: its data is the DH group the responder accepts. */
const INVALID_KE_PAYLOAD = 17;

function full(c: Ctx): boolean {
  return c.f.wanted === null;
}

export function dissectIsakmp(c: Ctx, off: number, end: number): void {
  const f = c.f;
  c.colProtocol = 'ISAKMP';
  if (full(c)) c.setInfo('');
  c.proto(F.isakmp, off, end);
  if (!c.field(F.ispi, off, 8, end) || !c.field(F.rspi, off + 8, 8, end)) return;
  const first = c.uint(F.nextPayload, off + 16, 1, end);
  const version = c.uint(F.version, off + 17, 1, end);
  if (version < 0) return;
  const vi = f.last;
  if (full(c)) f.setText(vi, `Version: ${version >> 4}.${version & 0x0f}`);
  f.push(vi);
  f.add(F.mjver, off + 17, 1, version >> 4);
  f.add(F.mnver, off + 17, 1, version & 0x0f);
  f.pop();
  const exchange = c.uint(F.exchangeType, off + 18, 1, end);
  const flags = c.uint(F.flags, off + 19, 1, end);
  if (flags < 0) return;
  const v2 = version >> 4 === 2;
  if (v2) {
    const names = `${flags & 0x08 ? 'Initiator' : 'Responder'}, ${flags & 0x10 ? 'A higher version enabled' : 'No higher version'}, ${flags & 0x20 ? 'Response' : 'Request'}`;
    if (full(c)) f.appendLabel(f.last, ` (${names})`);
    flagParts(c, f.last, [F.flagI, F.flagV, F.flagR], off + 19, 1, flags, false);
  } else flagParts(c, f.last, [F.flagE, F.flagC, F.flagA], off + 19, 1, flags, false);
  const mid = c.uint(F.messageId, off + 20, 4, end);
  if (mid < 0) return;
  if (full(c)) {
    const exName = fieldById(F.exchangeType).names?.get(exchange) ?? String(exchange);
    c.setInfo(v2 ? `${exName} MID=${String(mid).padStart(2, '0')} ${flags & 0x08 ? 'Initiator' : 'Responder'} ${flags & 0x20 ? 'Response' : 'Request'}` : exName);
  }
  // (a length past the datagram stops the message before its Length line, as packet-isakmp.c's
  // subset of that length throws)
  if (!c.has(off + 24, 4, end) || !c.has(off, Math.max(28, c.u32(off + 24)), end)) return;
  const len = c.uint(F.length, off + 24, 4, end);
  if (v2) payloads(c, first, off + 28, Math.min(end, off + Math.max(28, len)));
  f.pop();
}

/** The payload chain from `type` at `o`: each a "Payload: Nonce (40)" with its generic header. */
function payloads(c: Ctx, type: number, o: number, end: number): void {
  while (type !== 0 && o < end && !c.stop) {
    const next = payload(c, type, o, end);
    if (next.end < 0) return;
    type = next.type;
    o = next.end;
  }
}

const result = { type: 0, end: -1 };

function payload(c: Ctx, type: number, o: number, end: number): typeof result {
  const f = c.f;
  result.end = -1;
  if (!c.has(o, 4, end)) return result;
  const plen = c.u16(o + 2);
  const pEnd = o + plen;
  const item = f.add(F.typePayload, o, Math.max(0, Math.min(pEnd, c.b.length) - o), type);
  f.push(item);
  const next = c.uint(F.nextPayload, o, 1, end);
  f.add(F.critical, o + 1, 1, (c.b[o + 1] as number) & 0x80);
  f.add(F.reserved7, o + 1, 1, (c.b[o + 1] as number) & 0x7f);
  c.uint(F.payloadLength, o + 2, 2, end);
  if (plen < 4 || !c.has(o, plen, end)) {
    f.pop();
    return result;
  }
  const v = o + 4;
  switch (type) {
    case Payload.SA:
      for (let p = v; p < pEnd && !c.stop; ) {
        const r = subPayload(c, Payload.PROPOSAL, p, pEnd);
        if (r < 0) break;
        p = r;
      }
      break;
    case Payload.KE:
      c.uint(F.dhGroup, v, 2, pEnd);
      c.field(F.reserved, v + 2, 2, pEnd);
      c.field(F.keyExchangeData, v + 4, pEnd - v - 4, pEnd);
      break;
    case Payload.NONCE:
      c.field(F.nonce, v, pEnd - v, pEnd);
      break;
    case Payload.NOTIFY: {
      c.uint(F.notifyProtoId, v, 1, pEnd);
      const spiSize = c.uint(F.spiSize, v + 1, 1, pEnd);
      const msgType = c.uint(F.notifyType, v + 2, 2, pEnd);
      if (msgType < 0) break;
      if (full(c)) f.appendLabel(item, ` - ${fieldById(F.notifyType).names?.get(msgType) ?? msgType}`);
      let p = v + 4;
      if (spiSize > 0) {
        c.field(F.spi, p, spiSize, pEnd);
        p += spiSize;
      }
      c.field(F.notifyData, p, pEnd - p, pEnd);
      if (msgType === INVALID_KE_PAYLOAD && pEnd - p >= 2) c.uint(F.acceptedDhGroup, p, 2, pEnd);
      break;
    }
    case Payload.VENDOR_ID: {
      c.field(F.vidBytes, v, pEnd - v, pEnd);
      const name = full(c) || c.wants(F.vidString) ? vendorName(c.b, v, pEnd) : '';
      if (full(c)) f.appendLabel(item, ` : ${name}`);
      f.addStr(F.vidString, v, pEnd - v, name);
      break;
    }
    case Payload.SK:
      // (no keys: the IV's first four bytes as packet-isakmp.c shows them, then the rest)
      c.field(F.encIv, v, Math.min(4, pEnd - v), pEnd);
      if (full(c)) f.text(v, pEnd - v, 'Encrypted Data');
      break;
  }
  f.pop();
  result.type = next;
  result.end = c.stop ? -1 : pEnd;
  return result;
}

/** A proposal (and its transforms) or a transform (and its attributes) at `o`; returns its end. */
function subPayload(c: Ctx, type: number, o: number, end: number): number {
  const f = c.f;
  if (!c.has(o, 4, end)) return -1;
  const plen = c.u16(o + 2);
  const pEnd = Math.min(o + plen, end);
  const item = f.add(F.typePayload, o, pEnd - o, type);
  f.push(item);
  c.uint(F.nextPayload, o, 1, end);
  c.field(F.reserved, o + 1, 1, end);
  c.uint(F.payloadLength, o + 2, 2, end);
  if (plen < 8 || !c.has(o, plen, end)) {
    f.pop();
    return -1;
  }
  if (type === Payload.PROPOSAL) {
    const num = c.uint(F.propNumber, o + 4, 1, pEnd);
    if (full(c)) f.appendLabel(item, ` # ${num}`);
    c.uint(F.propProtoId, o + 5, 1, pEnd);
    const spiSize = c.uint(F.spiSize, o + 6, 1, pEnd);
    c.uint(F.propTransforms, o + 7, 1, pEnd);
    let p = o + 8;
    if (spiSize > 0) {
      c.field(F.spi, p, spiSize, pEnd);
      p += spiSize;
    }
    while (p < pEnd && !c.stop) {
      const r = subPayload(c, Payload.TRANSFORM, p, pEnd);
      if (r < 0) break;
      p = r;
    }
  } else {
    const ttype = c.uint(F.tfType, o + 4, 1, pEnd);
    c.field(F.reserved, o + 5, 1, pEnd);
    c.uint(TRANSFORM_IDS[ttype] ?? F.transId, o + 6, 2, pEnd);
    for (let p = o + 8; p + 4 <= pEnd && !c.stop; ) p = attribute(c, p, pEnd);
  }
  f.pop();
  return pEnd;
}

/** A transform attribute: "Transform Attribute (t=14,l=2): Key Length: 256" (TV), or TLV. */
function attribute(c: Ctx, o: number, end: number): number {
  const f = c.f;
  const word = c.u16(o);
  const tv = (word & 0x8000) !== 0;
  const type = word & 0x7fff;
  const len = tv ? 2 : c.u16(o + 2);
  const vAt = o + (tv ? 2 : 4);
  const aEnd = vAt + len;
  if (!c.has(vAt, len, end)) return end;
  const item = f.add(F.attr, o, aEnd - o);
  const keyLength = type === 14 && len === 2 ? c.u16(vAt) : -1;
  if (full(c)) f.label(item, `Transform Attribute (t=${type},l=${len})${keyLength >= 0 ? `: Key Length: ${keyLength}` : ''}`);
  f.push(item);
  f.add(F.attrFormat, o, 2, word & 0x8000);
  f.add(F.attrType, o, 2, type);
  f.add(F.attrValue, vAt, len);
  if (keyLength >= 0) f.add(F.attrKeyLength, vAt, 2, keyLength);
  f.pop();
  return aEnd;
}

function vendorName(b: Uint8Array, o: number, end: number): string {
  let hex = '';
  for (let k = o; k < Math.min(end, b.length); k++) hex += (b[k] as number).toString(16).padStart(2, '0');
  for (const [prefix, name] of VENDOR_IDS) if (hex.startsWith(prefix)) return name;
  return 'Unknown Vendor ID';
}

registerDissector('isakmp', dissectIsakmp);
bind('udp.port', 500, 'isakmp');
