// Geneve (RFC 8926 section 3; Wireshark 4.0 packet-geneve.c). UDP 6081 (NSX-T, OVN, AWS GWLB, GCP).
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
// Wireshark shows both lengths in bytes under one field name, `geneve.option.length`; it hides
// `geneve.reserved` and an option's flags when they are zero. An option longer than what is
// left of the option list ends the list (expert info only) and the payload is still dissected.
// The payload is chosen by Protocol Type through the EtherType table (0x6558 = inner Ethernet;
// GCP sends 0x0800 / 0x86dd with no inner Ethernet).

import { setFlagNames } from './flag-names.ts';
import { Base, FT, registerFields } from '../fields/registry.ts';
import { EF } from '../fields/field-list.ts';
import { readBigUint, Status, type Ctx } from './context.ts';
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

/** Google's option class (0x0132) and its three option types (Wireshark's option_names). */
const GCP_CLASS = 0x0132;
const GCP_VNID = 1;
const GCP_ENDPOINT = 2;
const GCP_PROFILE = 3;

/** Option classes by range (IANA "Geneve Option Class"; Wireshark 4.0's class_id_names, as
 *  `tshark -G values` lists them). */
const CLASS_RANGES: readonly (readonly [number, number, string])[] = [
  [0x0000, 0x00ff, 'Standard'], [0x0100, 0x0100, 'Linux'], [0x0101, 0x0101, 'Open vSwitch'],
  [0x0102, 0x0102, 'Open Virtual Networking (OVN)'], [0x0103, 0x0103, 'In-band Network Telemetry (INT)'],
  [0x0104, 0x0104, 'VMware'], [0x0105, 0x0105, 'Amazon.com, Inc.'], [0x0106, 0x0106, 'Cisco Systems, Inc.'],
  [0x0107, 0x0107, 'Oracle Corporation'], [0x0108, 0x0110, 'Amazon.com, Inc.'], [0x0111, 0x0118, 'IBM'],
  [0x0119, 0x0128, 'Ericsson'], [0x0129, 0x0129, 'Oxide Computer Company'], [0x0130, 0x0131, 'Cisco Systems, Inc.'],
  [0x0132, 0x0135, 'Google LLC'], [0x0136, 0x0136, 'InfoQuick Global Connection Tech Ltd.'],
  [0x0137, 0xfeff, 'Unassigned'], [0xfff0, 0xffff, 'Experimental'],
];

function className(cls: number): string | undefined {
  for (const [lo, hi, name] of CLASS_RANGES) if (cls >= lo && cls <= hi) return name;
  return undefined;
}

/** Google's options' names (option_names). */
const GCP_OPTIONS = new Map([[GCP_VNID, 'GCP Virtual Network ID'], [GCP_ENDPOINT, 'GCP Endpoint ID'], [GCP_PROFILE, 'GCP Profile ID']]);

const hex = (v: number, digits: number): string => `0x${v.toString(16).padStart(digits, '0')}`;

export const F = registerFields({
  geneve: { name: 'geneve', label: 'Generic Network Virtualization Encapsulation', type: FT.PROTOCOL },
  version: { name: 'geneve.version', label: 'Version', type: FT.UINT, bits: 8 },
  flags: { name: 'geneve.flags', label: 'Flags', type: FT.UINT, base: Base.HEX, bits: 8 },
  oam: { name: 'geneve.flags.oam', label: 'Operations, Administration and Management Frame', type: FT.BOOLEAN, bits: 8, mask: 0x80 },
  critical: { name: 'geneve.flags.critical', label: 'Critical Options Present', type: FT.BOOLEAN, bits: 8, mask: 0x40 },
  flagsReserved: { name: 'geneve.flags.reserved', label: 'Reserved', type: FT.BOOLEAN, bits: 8, mask: 0x3f },
  protoType: { name: 'geneve.proto_type', label: 'Protocol Type', type: FT.UINT, base: Base.HEX, bits: 16, names: ETHERTYPE_NAMES },
  vni: { name: 'geneve.vni', label: 'Virtual Network Identifier (VNI)', type: FT.UINT, base: Base.HEX_DEC, bits: 24 },
  reserved: { name: 'geneve.reserved', label: 'Reserved', type: FT.UINT, base: Base.HEX, bits: 8 },
  // (shown as "Options: (40 bytes)")
  options: { name: 'geneve.options', label: 'Geneve Options', type: FT.BYTES, nameOnly: true, display: 'Options' },
  // (a range value string: its line is written where it is added)
  optClass: { name: 'geneve.option.class', label: 'Class', type: FT.UINT, base: Base.HEX, bits: 16 },
  optType: { name: 'geneve.option.type', label: 'Type', type: FT.UINT, base: Base.HEX, bits: 8 },
  optCritical: { name: 'geneve.option.type.critical', label: 'Critical Option', type: FT.BOOLEAN, bits: 8, mask: 0x80 },
  optFlags: { name: 'geneve.option.flags', label: 'Flags', type: FT.UINT, base: Base.HEX, bits: 8 },
  optFlagsReserved: { name: 'geneve.option.flags.reserved', label: 'Reserved', type: FT.BOOLEAN, bits: 8, mask: 0xe0 },
  length: { name: 'geneve.option.length', label: 'Length', type: FT.UINT, bits: 8, unit: ' bytes' },
  option: { name: 'geneve.option', label: 'Option', type: FT.BYTES },
  gcpVnid: { name: 'geneve.option.gcp.vnid', label: 'GCP Virtual Network ID', type: FT.UINT },
  gcpReserved: { name: 'geneve.option.gcp.reserved', label: 'GCP Reserved bits', type: FT.BOOLEAN, mask: 0x0000000e },
  gcpDirection: { name: 'geneve.option.gcp.direction', label: 'GCP Traffic Direction', type: FT.BOOLEAN, mask: 0x00000001, tf: ['Egress', 'Ingress'] },
  gcpEndpoint: { name: 'geneve.option.gcp.endpoint', label: 'GCP Endpoint ID', type: FT.BYTES },
  gcpProfile: { name: 'geneve.option.gcp.profile', label: 'GCP Profile ID', type: FT.UINT, bits: 64 },
  unknownData: { name: 'geneve.option.unknown.data', label: 'Unknown Option Data', type: FT.BYTES },
});

export function dissectGeneve(c: Ctx, off: number, end: number): void {
  const f = c.f;
  if (!c.has(off, 1, end)) return;
  const b0 = c.u8(off + VER_OPTLEN);
  const optBytes = (b0 & 0x3f) * 4;
  const payload = off + GENEVE_HEADER_LEN + optBytes;
  c.proto(F.geneve, off, payload);
  f.add(F.version, off, 1, b0 >> 6);
  f.add(F.length, off, 1, optBytes);
  const flags = c.uint(F.flags, off + FLAGS, 1, end);
  if (flags >= 0) {
    // the set flags' names after the value, as Wireshark's bitmask line has them
    if (f.wanted === null && flags & 0xc0) f.appendLabel(f.last, setFlagNames([F.oam, F.critical], flags));
    f.push(f.last);
    f.add(F.oam, off + FLAGS, 1, flags & 0x80 ? 1 : 0);
    f.add(F.critical, off + FLAGS, 1, flags & 0x40 ? 1 : 0);
    f.add(F.flagsReserved, off + FLAGS, 1, flags & 0x3f);
    f.pop();
  }
  const proto = c.uint(F.protoType, off + PROTO, 2, end);
  c.uint(F.vni, off + VNI, 3, end);
  if (c.has(off + RESERVED, 1, end)) {
    const rsvd = c.u8(off + RESERVED);
    f.add(F.reserved, off + RESERVED, 1, rsvd, rsvd === 0 ? EF.HIDDEN : 0);
  }
  if (optBytes > 0) options(c, off + GENEVE_HEADER_LEN, payload, end);
  f.pop();
  if (c.stop) return;
  dispatchEthertype(c, proto, payload, end);
}

/** The option list [off, optEnd). Reads raise the usual bounds errors; an option whose length runs
 *  past the list ends the list without stopping the packet (Wireshark's ei_geneve_opt_len_invalid). */
function options(c: Ctx, off: number, optEnd: number, end: number): void {
  const f = c.f;
  if (!c.field(F.options, off, optEnd - off, end)) return;
  const full = f.wanted === null;
  if (full) f.appendLabel(f.last, `: (${optEnd - off} bytes)`);
  f.push(f.last);
  for (let o = off; o < optEnd; ) {
    if (!c.has(o, OPT_HEADER_LEN, end)) break;
    const cls = c.u16(o + OPT_CLASS);
    const type = c.u8(o + OPT_TYPE);
    const lenByte = c.u8(o + OPT_LEN);
    const optLen = OPT_HEADER_LEN + (lenByte & 0x1f) * 4;
    if (o + optLen > optEnd) {
      f.text(o + OPT_LEN, 1, `Option class 0x${cls.toString(16).padStart(4, '0')} type 0x${type.toString(16).padStart(2, '0')}: length of ${optLen} is past end of options`);
      break;
    }
    if (!c.field(F.option, o, optLen, end)) break;
    const item = f.last;
    const critical = type & 0x80 ? 'Critical' : 'Non-critical';
    const clsName = full ? className(cls) : undefined;
    if (full) {
      const optName = cls === GCP_CLASS ? (GCP_OPTIONS.get(type) ?? 'Unknown') : 'Unknown';
      f.setText(item, `${optName}, Class: ${clsName ?? 'Unknown'} (${hex(cls, 4)}) Type: ${hex(type, 2)} (${critical})`);
    }
    f.push(item);
    const clsItem = f.add(F.optClass, o + OPT_CLASS, 2, cls);
    if (full) {
      f.setText(clsItem, clsName === undefined ? `Class: ${hex(cls, 4)}` : `Class: ${clsName} (${hex(cls, 4)})`);
    }
    const typeItem = f.add(F.optType, o + OPT_TYPE, 1, type);
    if (full) f.appendLabel(typeItem, ` (${critical})`);
    f.add(F.optCritical, o + OPT_TYPE, 1, type & 0x80 ? 1 : 0, EF.HIDDEN);
    // (the flags are hidden while they are 0, and so are their bits, as in Wireshark's tree)
    const optFlags = lenByte >> 5;
    const flagsHidden = optFlags === 0 ? EF.HIDDEN : 0;
    f.push(f.add(F.optFlags, o + OPT_LEN, 1, optFlags, flagsHidden));
    f.add(F.optFlagsReserved, o + OPT_LEN, 1, optFlags, flagsHidden);
    f.pop();
    f.add(F.length, o + OPT_LEN, 1, optLen);
    optionData(c, cls, type, o + OPT_HEADER_LEN, optLen - OPT_HEADER_LEN, end);
    f.pop();
    if (c.stop) break;
    o += optLen;
  }
  f.pop();
}

function optionData(c: Ctx, cls: number, type: number, off: number, n: number, end: number): void {
  if (cls === GCP_CLASS && type === GCP_VNID) {
    // proto_tree_add_bits_item(28 bits), then the direction and reserved bits of the same word.
    if (!c.has(off, 4, end)) return;
    const w = c.u32(off);
    const vnid = c.f.add(F.gcpVnid, off, 4, w >>> 4);
    if (c.f.wanted === null) c.f.setText(vnid, `${bitsItemPattern(w, 28)} = GCP Virtual Network ID: ${w >>> 4}`);
    c.f.add(F.gcpDirection, off, 4, w & 1);
    c.f.add(F.gcpReserved, off, 4, w & 0x0e);
  } else if (cls === GCP_CLASS && type === GCP_ENDPOINT) {
    c.field(F.gcpEndpoint, off, n, end);
  } else if (cls === GCP_CLASS && type === GCP_PROFILE) {
    // An FT_UINT64 of n bytes. Wireshark throws on 0 bytes ("Trying to fetch a 64-bit integer with
    // length 0") and reads the first 8 of a longer field, flagging it malformed but going on.
    if (n === 0) {
      c.fail(Status.MALFORMED);
      return;
    }
    if (!c.has(off, n, end)) return;
    if (n > 8) c.status |= Status.MALFORMED;
    // Exact in a double below 2^53, printed from the BigInt beyond that.
    const v = readBigUint(c.b, off, Math.min(n, 8));
    if (v < 1n << 53n) c.f.add(F.gcpProfile, off, n, Number(v));
    else c.f.addStr(F.gcpProfile, off, n, v.toString());
  } else {
    c.field(F.unknownData, off, n, end);
  }
}

/** The picture proto_tree_add_bits_item draws of the first `n` bits of a 32-bit word: nibbles
 *  apart by a space, bytes by two ("1000 0000  0000 0000  0000 0000  1101 ...."). */
function bitsItemPattern(w: number, n: number): string {
  let out = '';
  for (let bit = 0; bit < 32; bit++) {
    if (bit > 0) out += bit % 8 === 0 ? '  ' : bit % 4 === 0 ? ' ' : '';
    out += bit < n ? ((w >>> (31 - bit)) & 1 ? '1' : '0') : '.';
  }
  return out;
}

registerDissector('geneve', dissectGeneve);
bind('udp.port', 6081, 'geneve');
