// NHRP, the Next Hop Resolution Protocol (RFC 2332 §5.2; Wireshark 4.0 packet-nhrp.c), GRE type
// 0x2001 as DMVPN sends it. A minimal dissector: the fixed header and the common head of the
// mandatory part; Client Information Entries and extensions are left undissected.
//
//   Fixed header (20 bytes):
//   |  ar$afn (2)   | ar$pro.type (2) |        ar$pro.snap (5)        | ar$hopcnt |
//   | ar$pktsz (2)  |  ar$chksum (2)  | ar$extoff (2) | ar$op.version | ar$op.type | ar$shtl | ar$sstl |
//   Mandatory part: | src proto len | dst proto len | flags (2) | request id (4) |
//                   source NBMA address (shtl) | source NBMA subaddress (sstl) |
//                   source protocol address | destination protocol address | CIEs …
// "ar$shtl: Type & length of source NBMA address … the length in octets" in the low 6 bits, the
// type (0 = NSAP, 1 = E.164) in bit 6.

import { Base, FT, names, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
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
  extoff: { name: 'nhrp.hdr.extoff', label: 'Extension Offset', type: FT.UINT, bits: 16 },
  version: { name: 'nhrp.hdr.version', label: 'Version', type: FT.UINT, bits: 8, names: names([[1, 'NHRP - rfc2332']]) },
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
  reqid: { name: 'nhrp.reqid', label: 'Request ID', type: FT.UINT, base: Base.HEX_DEC },
  srcNbma: { name: 'nhrp.src.nbma.addr', label: 'Source NBMA Address', type: FT.IPV4 },
  srcNbmaBytes: { name: 'nhrp.src.nbma.addr_bytes', label: 'Source NBMA Address', type: FT.BYTES },
  srcNbmaSub: { name: 'nhrp.src.nbma.saddr', label: 'Source NBMA Sub Address', type: FT.BYTES },
  srcProto: { name: 'nhrp.src.prot.addr', label: 'Source Protocol Address', type: FT.IPV4 },
  srcProtoBytes: { name: 'nhrp.src.prot.addr_bytes', label: 'Source Protocol Address', type: FT.BYTES },
  dstProto: { name: 'nhrp.dst.prot.addr', label: 'Destination Protocol Address', type: FT.IPV4 },
  dstProtoBytes: { name: 'nhrp.dst.prot.addr_byets', label: 'Destination Protocol Address', type: FT.BYTES },
});

/** A type/length octet (ar$shtl, ar$sstl) with its two parts; returns the length. */
function typeLen(c: Ctx, id: number, typeId: number, lenId: number, o: number, end: number): number {
  const v = c.uint(id, o, 1, end);
  if (v < 0) return 0;
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
  c.uint(F.chksum, off + CHKSUM, 2, end);
  c.uint(F.extoff, off + EXTOFF, 2, end);
  c.uint(F.version, off + VERSION, 1, end);
  c.uint(F.opType, off + OP_TYPE, 1, end);
  const shtl = typeLen(c, F.shtl, F.shtlType, F.shtlLen, off + SHTL, end);
  const sstl = typeLen(c, F.sstl, F.sstlType, F.sstlLen, off + SSTL, end);
  f.pop();
  if (c.stop) return;
  mandatory(c, off + NHRP_FIXED_HEADER_LEN, shtl, sstl, end);
}

/** The common head of the mandatory part (RFC 2332 §5.2.0.1). */
function mandatory(c: Ctx, o: number, shtl: number, sstl: number, end: number): void {
  const f = c.f;
  if (!c.has(o, 8, end)) return;
  const srcLen = c.u8(o);
  const dstLen = c.u8(o + 1);
  f.push(f.text(o, 8 + shtl + sstl + srcLen + dstLen, 'NHRP Mandatory Part'));
  f.add(F.srcProtoLen, o, 1, srcLen);
  f.add(F.dstProtoLen, o + 1, 1, dstLen);
  f.add(F.flags, o + 2, 2, c.u16(o + 2));
  f.add(F.reqid, o + 4, 4, c.u32(o + 4));
  o += 8;
  address(c, F.srcNbma, F.srcNbmaBytes, o, shtl, end);
  o += shtl;
  if (sstl > 0) c.field(F.srcNbmaSub, o, sstl, end);
  o += sstl;
  address(c, F.srcProto, F.srcProtoBytes, o, srcLen, end);
  o += srcLen;
  address(c, F.dstProto, F.dstProtoBytes, o, dstLen, end);
  f.pop();
}

registerDissector('nhrp', dissectNhrp);
bind('gre.proto', 0x2001, 'nhrp');
