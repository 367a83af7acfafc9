// NHRP, the Next Hop Resolution Protocol (RFC 2332 §5.2; Wireshark 4.0 packet-nhrp.c), GRE type
// 0x2001 as DMVPN sends it: the fixed header, the common head of the mandatory part and, for
// requests and replies, its Client Information Entries (§5.2.0.1), then the extensions (§5.3):
// the responder address and transit NHS records (CIEs), Cisco's NAT address (CIEs) and the
// authentication extension. Not dissected: the error and traffic indications' own layouts,
// vendor-private and device-capability extension data.
//
//   Fixed header (20 bytes):
//   |  ar$afn (2)   | ar$pro.type (2) |        ar$pro.snap (5)        | ar$hopcnt |
//   | ar$pktsz (2)  |  ar$chksum (2)  | ar$extoff (2) | ar$op.version | ar$op.type | ar$shtl | ar$sstl |
//   Mandatory part: | src proto len | dst proto len | flags (2) | request id (4) |
//                   source NBMA address (shtl) | source NBMA subaddress (sstl) |
//                   source protocol address | destination protocol address | CIEs …
// "ar$shtl: Type & length of source NBMA address … the length in octets" in the low 6 bits, the
// type (0 = NSAP, 1 = E.164) in bit 6.

import { Base, FT, fieldById, names, registerFields } from '../fields/registry.ts';
import { bitPattern } from '../fields/format.ts';
import type { Ctx } from './context.ts';
import { CHECKSUM_STATUS } from './ipv4.ts';
import { checksum } from './ip-checksum.ts';
import { Group, Severity, expertLine, registerExperts } from './expert.ts';
import { bytesHex } from '../fields/format.ts';
import { ETHERTYPE_NAMES } from './ethernet.ts';
import { bind, registerDissector } from './tables.ts';

const AFN = 0;
const PRO_TYPE = 2;
const PRO_SNAP = 4;
const HOPCNT = 9;
const PKTSZ = 10;
const CHKSUM = 12;
const EXTOFF = 14;
const VERSION = 16;
const OP_TYPE = 17;
const SHTL = 18;
const SSTL = 19;
export const NHRP_FIXED_HEADER_LEN = SSTL + 1;
const SNAP_LEN = HOPCNT - PRO_SNAP;

const OP_NAMES = names([
  [1, 'NHRP Resolution Request'], [2, 'NHRP Resolution Reply'], [3, 'NHRP Registration Request'],
  [4, 'NHRP Registration Reply'], [5, 'NHRP Purge Request'], [6, 'NHRP Purge Reply'], [7, 'NHRP Error Indication'],
  [8, 'NHRP Traffic Indication'],
]);
/** The protocol item's label by packet type: "Next Hop Resolution Protocol (NHRP Registration Request)". */
const ITEM_LABELS = new Map([...OP_NAMES].map(([v, n]) => [v, `Next Hop Resolution Protocol (${n})`]));
const TL_TYPE_NAMES = names([[0, 'NSAP format'], [1, 'E.164 format']]);
const CIE_CODES = names([
  [0, 'Success'], [4, 'Administratively Prohibited'], [5, 'Insufficient Resources'],
  [12, 'No Interworking Layer Address to NBMA Address Binding Exists'], [13, 'Binding Exists But Is Not Unique'],
  [14, 'Unique Internetworking Layer Address Already Registered'],
]);
/** Length of a CIE's fixed part. */
const CIE_FIXED = 12;
const AFN_IPV4 = 1;
const EXT_END = 0;
const EXT_AUTH = 7;
const EXT_NAT_ADDRESS = 9;
const EXT_MOBILE_AUTH = 10;
const EXT_NAMES = names([
  [EXT_END, 'End of Extension'], [3, 'Responder Address Extension'], [4, 'Forward Transit NHS Record Extension'],
  [5, 'Reverse Transit NHS Record Extension'], [EXT_AUTH, 'NHRP Authentication Extension'], [8, 'NHRP Vendor Private Extension'],
  [EXT_NAT_ADDRESS, 'Cisco NAT Address Extension'], [EXT_MOBILE_AUTH, 'Mobile NHC Authentication Extension'],
]);
/** Extensions whose data is a list of CIEs. */
const CIE_EXTENSIONS = new Set([3, 4, 5, EXT_NAT_ADDRESS]);

/** packet-nhrp.c's expert infos on extensions (as it registers them: both Error/Malformed). */
const X = registerExperts({
  extMalformed: { name: 'nhrp.ext.malformed', msg: 'Incomplete Authentication Extension', severity: Severity.ERROR, group: Group.MALFORMED },
  extExtra: { name: 'nhrp.ext.extra', msg: 'Superfluous data follows End Extension', severity: Severity.ERROR, group: Group.MALFORMED },
});

export const F = registerFields({
  nhrp: { name: 'nhrp', label: 'NBMA Next Hop Resolution Protocol', type: FT.PROTOCOL },
  afn: { name: 'nhrp.hdr.afn', label: 'Address Family Number', type: FT.UINT, base: Base.HEX_DEC, bits: 16, names: names([[1, 'IPv4'], [2, 'IPv6']]) },
  proType: { name: 'nhrp.hdr.pro.type', label: 'Protocol Type (short form)', type: FT.UINT, base: Base.HEX_DEC, bits: 16, names: ETHERTYPE_NAMES },
  snapOui: { name: 'nhrp.hdr.pro.snap.oui', label: 'Protocol Type (long form) - OUI', type: FT.UINT, base: Base.HEX, bits: 24 },
  snapPid: { name: 'nhrp.hdr.pro.snap.pid', label: 'Protocol Type (long form) - PID', type: FT.UINT, base: Base.HEX, bits: 16 },
  protocolType: { name: 'nhrp.protocol_type', label: 'Protocol Type (long form)', type: FT.BYTES },
  hopcnt: { name: 'nhrp.hdr.hopcnt', label: 'Hop Count', type: FT.UINT, bits: 8 },
  pktsz: { name: 'nhrp.hdr.pktsz', label: 'Packet Length', type: FT.UINT, bits: 16 },
  chksum: { name: 'nhrp.hdr.chksum', label: 'NHRP Packet Checksum', type: FT.UINT, base: Base.HEX, bits: 16 },
  chksumStatus: { name: 'nhrp.hdr.chksum.status', label: 'NHRP Packet Checksum Status', type: FT.UINT, bits: 8, nameAlone: true, names: CHECKSUM_STATUS },
  extoff: { name: 'nhrp.hdr.extoff', label: 'Extension Offset', type: FT.UINT, bits: 16 },
  version: { name: 'nhrp.hdr.version', label: 'Version', type: FT.UINT, bits: 8, names: names([[1, 'NHRP - rfc2332']]), valueFirst: true },
  opType: { name: 'nhrp.hdr.op.type', label: 'NHRP Packet Type', type: FT.UINT, bits: 8, names: OP_NAMES },
  shtl: { name: 'nhrp.hdr.shtl', label: 'Source Address Type/Len', type: FT.UINT, bits: 8 },
  shtlType: { name: 'nhrp.hdr.shtl.type', label: 'Type', type: FT.UINT, bits: 8, mask: 0x40, names: TL_TYPE_NAMES },
  shtlLen: { name: 'nhrp.hdr.shtl.len', label: 'Length', type: FT.UINT, bits: 8, mask: 0x3f },
  sstl: { name: 'nhrp.hdr.sstl', label: 'Source SubAddress Type/Len', type: FT.UINT, bits: 8 },
  sstlType: { name: 'nhrp.hdr.sstl.type', label: 'Type', type: FT.UINT, bits: 8, mask: 0x40, names: TL_TYPE_NAMES },
  sstlLen: { name: 'nhrp.hdr.sstl.len', label: 'Length', type: FT.UINT, bits: 8, mask: 0x3f },
  srcProtoLen: { name: 'nhrp.src.prot.len', label: 'Source Protocol Len', type: FT.UINT, bits: 16 },
  dstProtoLen: { name: 'nhrp.dst.prot.len', label: 'Destination Protocol Len', type: FT.UINT, bits: 16 },
  flags: { name: 'nhrp.flags', label: 'Flags', type: FT.UINT, base: Base.HEX, bits: 16 },
  flagQ: { name: 'nhrp.flag.q', label: 'Is Router', type: FT.BOOLEAN, bits: 16, mask: 0x8000 },
  flagN: { name: 'nhrp.flag.n', label: 'Expected Purge Reply', type: FT.BOOLEAN, bits: 16, mask: 0x8000 },
  flagA: { name: 'nhrp.flag.a', label: 'Authoritative', type: FT.BOOLEAN, bits: 16, mask: 0x4000, blurb: 'A bit' },
  flagD: { name: 'nhrp.flag.d', label: 'Stable Association', type: FT.BOOLEAN, bits: 16, mask: 0x2000, blurb: 'D bit' },
  // (packet-nhrp.c registers nhrp.flag.u twice: bit 0x1000 for resolutions, 0x8000 for
  // registrations, which flagBits() writes by hand)
  flagU: { name: 'nhrp.flag.u', label: 'Uniqueness Bit', type: FT.BOOLEAN, bits: 16, mask: 0x1000, blurb: 'U bit' },
  flagS: { name: 'nhrp.flag.s', label: 'Stable Binding', type: FT.BOOLEAN, bits: 16, mask: 0x800, blurb: 'S bit' },
  flagNat: { name: 'nhrp.flag.nat', label: 'Cisco NAT Supported', type: FT.BOOLEAN, bits: 16, mask: 0x2, blurb: 'NAT bit' },
  reqid: { name: 'nhrp.reqid', label: 'Request ID', type: FT.UINT, base: Base.HEX_DEC },
  srcNbma: { name: 'nhrp.src.nbma.addr', label: 'Source NBMA Address', type: FT.IPV4 },
  srcNbmaBytes: { name: 'nhrp.src.nbma.addr_bytes', label: 'Source NBMA Address', type: FT.BYTES },
  srcNbmaSub: { name: 'nhrp.src.nbma.saddr', label: 'Source NBMA Sub Address', type: FT.BYTES },
  srcProto: { name: 'nhrp.src.prot.addr', label: 'Source Protocol Address', type: FT.IPV4 },
  srcProtoBytes: { name: 'nhrp.src.prot.addr_bytes', label: 'Source Protocol Address', type: FT.BYTES },
  dstProto: { name: 'nhrp.dst.prot.addr', label: 'Destination Protocol Address', type: FT.IPV4 },
  dstProtoBytes: { name: 'nhrp.dst.prot.addr_byets', label: 'Destination Protocol Address', type: FT.BYTES },
  code: { name: 'nhrp.code', label: 'Code', type: FT.UINT, bits: 8, names: CIE_CODES },
  prefix: { name: 'nhrp.prefix', label: 'Prefix Length', type: FT.UINT, bits: 8 },
  unused: { name: 'nhrp.unused', label: 'Unused', type: FT.UINT, bits: 16 },
  mtu: { name: 'nhrp.mtu', label: 'Max Transmission Unit', type: FT.UINT, bits: 16 },
  holdingTime: { name: 'nhrp.htime', label: 'Holding Time (s)', type: FT.UINT, bits: 16 },
  cliAddrTl: { name: 'nhrp.cli.addr_tl', label: 'Client Address Type/Len', type: FT.UINT, bits: 8 },
  cliAddrTlType: { name: 'nhrp.cli.addr_tl.type', label: 'Type', type: FT.UINT, bits: 8, mask: 0x40, names: TL_TYPE_NAMES },
  cliAddrTlLen: { name: 'nhrp.cli.addr_tl.len', label: 'Length', type: FT.UINT, bits: 8, mask: 0x3f },
  cliSaddrTl: { name: 'nhrp.cli.saddr_tl', label: 'Client Sub Address Type/Len', type: FT.UINT, bits: 8 },
  cliSaddrTlType: { name: 'nhrp.cli.saddr_tl.type', label: 'Type', type: FT.UINT, bits: 8, mask: 0x40, names: TL_TYPE_NAMES },
  cliSaddrTlLen: { name: 'nhrp.cli.saddr_tl.len', label: 'Length', type: FT.UINT, bits: 8, mask: 0x3f },
  cliProtLen: { name: 'nhrp.prot.len', label: 'Client Protocol Length', type: FT.UINT, bits: 8 },
  pref: { name: 'nhrp.pref', label: 'CIE Preference Value', type: FT.UINT, bits: 8 },
  clientNbma: { name: 'nhrp.client.nbma.addr', label: 'Client NBMA Address', type: FT.IPV4 },
  clientNbmaBytes: { name: 'nhrp.client.nbma.addr_bytes', label: 'Client NBMA Address', type: FT.BYTES },
  clientNbmaSub: { name: 'nhrp.client.nbma.saddr', label: 'Client NBMA Sub Address', type: FT.BYTES },
  clientProto: { name: 'nhrp.client.prot.addr', label: 'Client Protocol Address', type: FT.IPV4 },
  clientProtoBytes: { name: 'nhrp.client.prot.addr_bytes', label: 'Client Protocol Address', type: FT.BYTES },
  extC: { name: 'nhrp.ext.c', label: 'Compulsory Flag', type: FT.BOOLEAN, bits: 16, mask: 0x8000 },
  extType: { name: 'nhrp.ext.type', label: 'Extension Type', type: FT.UINT, base: Base.HEX, bits: 16, mask: 0x3fff },
  extLen: { name: 'nhrp.ext.len', label: 'Extension length', type: FT.UINT, bits: 16 },
  authReserved: { name: 'nhrp.auth_ext.reserved', label: 'Reserved', type: FT.UINT, bits: 16 },
  authSpi: { name: 'nhrp.auth_ext.spi', label: 'SPI', type: FT.UINT, bits: 16 },
  authSrc: { name: 'nhrp.auth_ext.src_addr', label: 'Source Address', type: FT.IPV4 },
  authSrcBytes: { name: 'nhrp.auth_ext.src_addr_bytes', label: 'Source Address', type: FT.BYTES },
  authData: { name: 'nhrp.auth_ext.data', label: 'Data', type: FT.BYTES },
  unknownExt: { name: 'nhrp.unknown_ext.value', label: 'Extension Value', type: FT.BYTES },
});

/** A type/length octet (ar$shtl, ar$sstl) with its two parts; returns the length. */
function typeLen(c: Ctx, id: number, typeId: number, lenId: number, o: number, end: number): number {
  const v = c.uint(id, o, 1, end);
  if (v < 0) return 0;
  // "NSAP format/4" (packet-nhrp.c's "%s/%u")
  if (c.f.wanted === null) c.f.setText(c.f.last, `${fieldById(id).label}: ${TL_TYPE_NAMES.get((v >> 6) & 1) ?? 'Unknown Type'}/${v & 0x3f}`);
  c.f.push(c.f.last);
  c.f.add(typeId, o, 1, (v >> 6) & 1);
  c.f.add(lenId, o, 1, v & 0x3f);
  c.f.pop();
  return v & 0x3f;
}

/** An address of `n` bytes: IPv4 when it is 4 bytes long, bytes otherwise. */
function address(c: Ctx, v4: number, bytes: number, o: number, n: number, end: number): void {
  if (n === 4) c.field(v4, o, 4, end);
  else if (n > 0) c.field(bytes, o, n, end);
}

export function dissectNhrp(c: Ctx, off: number, end: number): void {
  const f = c.f;
  // A look-ahead at ar$pktsz for the protocol item's length; the items below report any cut.
  const pktsz = off + PKTSZ + 2 <= Math.min(end, c.b.length) ? c.u16(off + PKTSZ) : 0;
  const item = c.proto(F.nhrp, off, pktsz > 0 ? off + pktsz : end);
  const op = off + OP_TYPE < Math.min(end, c.b.length) ? c.u8(off + OP_TYPE) : -1;
  f.label(item, ITEM_LABELS.get(op) ?? 'Next Hop Resolution Protocol');
  f.push(f.text(off, NHRP_FIXED_HEADER_LEN, 'NHRP Fixed Header'));
  c.uint(F.afn, off + AFN, 2, end);
  const proType = c.uint(F.proType, off + PRO_TYPE, 2, end);
  if (proType === 0x0080) {
    c.uint(F.snapOui, off + PRO_SNAP, 3, end);
    c.uint(F.snapPid, off + PRO_SNAP + 3, 2, end);
  } else {
    c.field(F.protocolType, off + PRO_SNAP, SNAP_LEN, end);
  }
  c.uint(F.hopcnt, off + HOPCNT, 1, end);
  c.uint(F.pktsz, off + PKTSZ, 2, end);
  // over the whole packet when it was captured (PROTO_CHECKSUM_IN_CKSUM), else unverified
  checksum(c, F.chksum, F.chksumStatus, off, off + pktsz, pktsz > 0 && off + pktsz <= Math.min(end, c.b.length), 0, CHKSUM);
  c.uint(F.extoff, off + EXTOFF, 2, end);
  c.uint(F.version, off + VERSION, 1, end);
  c.uint(F.opType, off + OP_TYPE, 1, end);
  const shtl = typeLen(c, F.shtl, F.shtlType, F.shtlLen, off + SHTL, end);
  const sstl = typeLen(c, F.sstl, F.sstlType, F.sstlLen, off + SSTL, end);
  f.pop();
  if (c.stop) return;
  // the mandatory part ends at the extensions, or at the end of the packet (a bogus extension
  // offset leaves no room for CIEs)
  const extoff = c.u16(off + EXTOFF);
  const mandEnd = off + (extoff === 0 ? pktsz : extoff < NHRP_FIXED_HEADER_LEN || extoff > pktsz ? NHRP_FIXED_HEADER_LEN : extoff);
  const cies = op >= 1 && op <= 6 ? mandEnd : 0;
  const afn = c.u16(off + AFN);
  const srcLen = mandatory(c, off + NHRP_FIXED_HEADER_LEN, shtl, sstl, end, cies, afn, op);
  if (extoff >= NHRP_FIXED_HEADER_LEN && extoff <= pktsz && op >= 1 && op <= 6) extensions(c, mandEnd, off + pktsz, end, afn, srcLen);
}

/** The extensions in [o, extEnd) (packet-nhrp.c's dissect_nhrp_ext), after the mandatory part. */
function extensions(c: Ctx, o: number, extEnd: number, end: number, afn: number, srcLen: number): void {
  const f = c.f;
  while (o + 4 <= extEnd && !c.stop) {
    if (!c.has(o, 4, end)) return;
    const typeC = c.u16(o);
    const type = typeC & 0x3fff;
    const len = c.u16(o + 2);
    const devCaps = type === EXT_NAT_ADDRESS && len === 8;
    const item = f.text(o, 4 + (type !== EXT_END ? len : 0), devCaps ? 'Device Capabilities Extension' : EXT_NAMES.get(type) ?? `Unknown (${type})`);
    f.push(item);
    f.add(F.extC, o, 2, typeC & 0x8000 ? 1 : 0);
    f.add(F.extType, o, 2, type);
    f.add(F.extLen, o + 2, 2, len);
    const d = o + 4;
    o = d;
    if (len > 0 && type !== EXT_END) {
      if (CIE_EXTENSIONS.has(type) && !devCaps) {
        for (let p = d; p + CIE_FIXED <= d + len && !c.stop; ) p = cie(c, p, end, afn);
      } else if (type === EXT_AUTH || type === EXT_MOBILE_AUTH) {
        authentication(c, d, len, end, srcLen);
      } else if (type !== 8 && !devCaps) c.field(F.unknownExt, d, len, end);
      o = d + len;
    }
    f.pop();
    if (type === EXT_END && extEnd > o) {
      expertLine(c, o, extEnd - o, X.extExtra, `Unknown Data (${extEnd - o} bytes)`);
      return;
    }
  }
}

/** An authentication extension's data: reserved, SPI, the source protocol address (Wireshark's
 *  default, pref_auth_ext_has_addr; mobile authentication has it too), then the data. */
function authentication(c: Ctx, d: number, len: number, end: number, srcLen: number): void {
  const f = c.f;
  if (len < 4 + srcLen) {
    expertLine(c, d, len, X.extMalformed, 'Incomplete Authentication Extension');
    return;
  }
  if (!c.has(d, len, end)) return;
  const spi = c.u16(d + 2);
  let label = `Extension Data: SPI=${spi}`;
  if (len > 4 + srcLen) label += `: Data=${bytesHex(c.b, d + 4 + srcLen, Math.min(len - 4 - srcLen, 36))}${len - 4 - srcLen > 36 ? '…' : ''}`;
  f.push(f.text(d, len, label));
  f.add(F.authReserved, d, 2, c.u16(d));
  f.add(F.authSpi, d + 2, 2, spi);
  if (srcLen === 4) f.add(F.authSrc, d + 4, 4);
  else if (srcLen > 0) f.add(F.authSrcBytes, d + 4, srcLen);
  if (len > 4 + srcLen) f.add(F.authData, d + 4 + srcLen, len - 4 - srcLen);
  f.pop();
}

/** The common head of the mandatory part (RFC 2332 §5.2.0.1), then its CIEs up to `ciesEnd` (0:
 *  none); returns the source protocol address's length. */
function mandatory(c: Ctx, o: number, shtl: number, sstl: number, end: number, ciesEnd: number, afn: number, op: number): number {
  const f = c.f;
  if (!c.has(o, 8, end)) return 0;
  const srcLen = c.u8(o);
  const dstLen = c.u8(o + 1);
  f.push(f.text(o, 8 + shtl + sstl + srcLen + dstLen, 'NHRP Mandatory Part'));
  f.add(F.srcProtoLen, o, 1, srcLen);
  f.add(F.dstProtoLen, o + 1, 1, dstLen);
  flagBits(c, o + 2, op);
  f.add(F.reqid, o + 4, 4, c.u32(o + 4));
  o += 8;
  address(c, F.srcNbma, F.srcNbmaBytes, o, shtl, end);
  o += shtl;
  if (sstl > 0) c.field(F.srcNbmaSub, o, sstl, end);
  o += sstl;
  address(c, F.srcProto, F.srcProtoBytes, o, srcLen, end);
  o += srcLen;
  address(c, F.dstProto, F.dstProtoBytes, o, dstLen, end);
  o += dstLen;
  while (o + CIE_FIXED <= ciesEnd && !c.stop) o = cie(c, o, end, afn);
  f.pop();
  return srcLen;
}

/** The flag bits each packet type has (dissect_nhrp_mand's bitmasks), as [field, bit]. */
function flagsOf(op: number): readonly (readonly [number, number])[] {
  switch (op) {
    case 1: case 2: return [[F.flagQ, 0x8000], [F.flagA, 0x4000], [F.flagD, 0x2000], [F.flagU, 0x1000], [F.flagS, 0x800], [F.flagNat, 0x2]];
    case 3: case 4: return [[F.flagU, 0x8000], [F.flagNat, 0x2]];
    case 5: case 6: return [[F.flagN, 0x8000], [F.flagNat, 0x2]];
    default: return [[F.flagNat, 0x2]];
  }
}

/** "Flags: 0x8002, Uniqueness Bit, Cisco NAT Supported" and a line per bit of the packet type. */
function flagBits(c: Ctx, o: number, op: number): void {
  const f = c.f;
  const v = c.u16(o);
  const item = f.add(F.flags, o, 2, v);
  const bits = flagsOf(op);
  const full = f.wanted === null;
  if (full) for (const [id, bit] of bits) if (v & bit) f.appendLabel(item, `, ${fieldById(id).label}`);
  f.push(item);
  for (const [id, bit] of bits) {
    const def = fieldById(id);
    const i = f.add(id, o, 2, v & bit ? 1 : 0);
    // the registration's Uniqueness Bit is 0x8000, not the field's 0x1000
    if (full && bit !== def.mask) f.setText(i, `${bitPattern({ ...def, mask: bit }, v & bit ? 1 : 0)} = ${def.label}: ${v & bit ? 'True' : 'False'}`);
  }
  f.pop();
}

/**
 * A Client Information Entry (packet-nhrp.c's dissect_cie_list): code, prefix length, MTU,
 * holding time, the client's address lengths and preference, then its NBMA address, subaddress and
 * protocol address. Wireshark reads the protocol address where the subaddress starts (it does not
 * step over the subaddress); so does this. Returns the next entry's offset.
 */
function cie(c: Ctx, o: number, end: number, afn: number): number {
  const f = c.f;
  if (!c.has(o, CIE_FIXED, end)) return end;
  const addrLen = c.u8(o + 8) & 0x3f;
  const saddrLen = c.u8(o + 9) & 0x3f;
  const protLen = c.u8(o + 10);
  f.push(f.text(o, CIE_FIXED + addrLen + saddrLen + protLen, 'Client Information Entry'));
  f.add(F.code, o, 1, c.u8(o));
  f.add(F.prefix, o + 1, 1, c.u8(o + 1));
  f.add(F.unused, o + 2, 2, c.u16(o + 2));
  f.add(F.mtu, o + 4, 2, c.u16(o + 4));
  f.add(F.holdingTime, o + 6, 2, c.u16(o + 6));
  typeLen(c, F.cliAddrTl, F.cliAddrTlType, F.cliAddrTlLen, o + 8, end);
  typeLen(c, F.cliSaddrTl, F.cliSaddrTlType, F.cliSaddrTlLen, o + 9, end);
  f.add(F.cliProtLen, o + 10, 1, protLen);
  f.add(F.pref, o + 11, 1, c.u8(o + 11));
  let p = o + CIE_FIXED;
  if (addrLen > 0) {
    if (afn === AFN_IPV4 && addrLen === 4) c.field(F.clientNbma, p, 4, end);
    else c.field(F.clientNbmaBytes, p, addrLen, end);
    p += addrLen;
  }
  if (saddrLen > 0) c.field(F.clientNbmaSub, p, saddrLen, end);
  if (protLen > 0) {
    if (protLen === 4) c.field(F.clientProto, p, 4, end);
    else c.field(F.clientProtoBytes, p, protLen, end);
    p += protLen;
  }
  f.pop();
  return p;
}

registerDissector('nhrp', dissectNhrp);
bind('gre.proto', 0x2001, 'nhrp');
