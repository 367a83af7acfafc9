// Geneve (RFC 8926 section 3; Wireshark packet-geneve.c). UDP 6081 (NSX-T, OVN, AWS GWLB, GCP).
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |Ver|  Opt Len  |O|C|    Rsvd.  |          Protocol Type        |
//   |        Virtual Network Identifier (VNI)       |    Reserved   |
//   |                    Variable-Length Options                    |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// Each option (§3.5):
//   |          Option Class         |      Type     |R|R|R| Length  |
//   |                 Variable-Length Option Data                   |
// "Opt Len: The length of the option fields, expressed in 4-byte multiples" and an option's
// "Length: ... expressed in 4-byte multiples, not including the 4-byte option header".
// The payload is chosen by Protocol Type through the EtherType table (0x6558 = inner Ethernet;
// GCP sends 0x0800 / 0x86dd with no inner Ethernet).

import { Base, FT, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { Status } from './context.ts';
import { ETHERTYPE_NAMES, dispatchEthertype } from './ethernet.ts';
import { bind, registerDissector } from './tables.ts';

const VER_OPTLEN = 0;
const FLAGS = 1;
const PROTO = 2;
const VNI = 4;
const RESERVED = 7;
export const GENEVE_HEADER_LEN = RESERVED + 1;
const OPT_CLASS = 0;
const OPT_TYPE = 2;
const OPT_LEN = 3;
const OPT_HEADER_LEN = OPT_LEN + 1;

export const F = registerFields({
  geneve: { name: 'geneve', label: 'Generic Network Virtualization Encapsulation', type: FT.PROTOCOL },
  version: { name: 'geneve.version', label: 'Version', type: FT.UINT, bits: 8 },
  optLen: { name: 'geneve.options_length', label: 'Options Length', type: FT.UINT, bits: 8 },
  flags: { name: 'geneve.flags', label: 'Flags', type: FT.UINT, base: Base.HEX, bits: 8 },
  oam: { name: 'geneve.flags.oam', label: 'Operations, Administration and Management Frame', type: FT.BOOLEAN, bits: 8, mask: 0x80, tf: ['True', 'False'] },
  critical: { name: 'geneve.flags.critical', label: 'Critical Options Present', type: FT.BOOLEAN, bits: 8, mask: 0x40, tf: ['True', 'False'] },
  flagsReserved: { name: 'geneve.flags.reserved', label: 'Reserved', type: FT.UINT, bits: 8, mask: 0x3f },
  protoType: { name: 'geneve.proto_type', label: 'Protocol Type', type: FT.UINT, base: Base.HEX, bits: 16, names: ETHERTYPE_NAMES },
  vni: { name: 'geneve.vni', label: 'Virtual Network Identifier (VNI)', type: FT.UINT, base: Base.HEX_DEC, bits: 24 },
  reserved: { name: 'geneve.reserved', label: 'Reserved', type: FT.UINT, base: Base.HEX, bits: 8 },
  options: { name: 'geneve.options', label: 'Options', type: FT.BYTES },
  optClass: { name: 'geneve.option.class', label: 'Class', type: FT.UINT, base: Base.HEX, bits: 16 },
  optType: { name: 'geneve.option.type', label: 'Type', type: FT.UINT, base: Base.HEX, bits: 8 },
  optCrit: { name: 'geneve.option.type.critical', label: 'Critical', type: FT.BOOLEAN, bits: 8, mask: 0x80, tf: ['True', 'False'] },
  optFlags: { name: 'geneve.option.flags', label: 'Flags', type: FT.UINT, base: Base.HEX, bits: 8, mask: 0xe0 },
  optLength: { name: 'geneve.option.length', label: 'Length', type: FT.UINT, bits: 8 },
  optData: { name: 'geneve.option.unknown.data', label: 'Unknown Option Data', type: FT.BYTES },
});

export function dissectGeneve(c: Ctx, off: number, end: number): void {
  const f = c.f;
  if (!c.has(off, 1, end)) return;
  const b0 = c.u8(off + VER_OPTLEN);
  const optBytes = (b0 & 0x3f) * 4;
  c.proto(F.geneve, off, off + GENEVE_HEADER_LEN + optBytes);
  f.add(F.version, off, 1, b0 >> 6);
  f.add(F.optLen, off, 1, optBytes);
  const flags = c.uint(F.flags, off + FLAGS, 1, end);
  if (flags >= 0) {
    f.push(f.count - 1);
    f.add(F.oam, off + FLAGS, 1, (flags >> 7) & 1);
    f.add(F.critical, off + FLAGS, 1, (flags >> 6) & 1);
    f.add(F.flagsReserved, off + FLAGS, 1, flags & 0x3f);
    f.pop();
  }
  const proto = c.uint(F.protoType, off + PROTO, 2, end);
  c.uint(F.vni, off + VNI, 3, end);
  c.uint(F.reserved, off + RESERVED, 1, end);
  if (optBytes > 0) options(c, off + GENEVE_HEADER_LEN, off + GENEVE_HEADER_LEN + optBytes, end);
  f.pop();
  if (c.stop) return;
  dispatchEthertype(c, proto, off + GENEVE_HEADER_LEN + optBytes, end);
}

/** The option list [off, optEnd): each option checked against both its own length and the list's. */
function options(c: Ctx, off: number, optEnd: number, end: number): void {
  const f = c.f;
  if (!c.field(F.options, off, optEnd - off, end)) return;
  f.push(f.count - 1);
  let o = off;
  while (o < optEnd && !c.stop) {
    if (o + OPT_HEADER_LEN > optEnd) {
      c.fail(Status.MALFORMED);
      break;
    }
    const optLen = OPT_HEADER_LEN + (c.u8(o + OPT_LEN) & 0x1f) * 4;
    const cls = c.u16(o + OPT_CLASS);
    const type = c.u8(o + OPT_TYPE);
    const item = f.text(o, optLen, `Option: Class 0x${cls.toString(16)} Type 0x${type.toString(16)}`);
    f.push(item);
    f.add(F.optClass, o + OPT_CLASS, 2, cls);
    f.add(F.optType, o + OPT_TYPE, 1, type);
    f.add(F.optCrit, o + OPT_TYPE, 1, type >> 7);
    f.add(F.optFlags, o + OPT_LEN, 1, c.u8(o + OPT_LEN) >> 5);
    f.add(F.optLength, o + OPT_LEN, 1, optLen);
    if (o + optLen > optEnd) {
      f.pop();
      c.fail(Status.MALFORMED);
      break;
    }
    if (optLen > OPT_HEADER_LEN) f.add(F.optData, o + OPT_HEADER_LEN, optLen - OPT_HEADER_LEN);
    f.pop();
    o += optLen;
  }
  f.pop();
}

registerDissector('geneve', dissectGeneve);
bind('udp.port', 6081, 'geneve');
