// NSH, the Network Service Header (RFC 8300 §2; Wireshark 4.0 packet-nsh.c). EtherType 0x894f,
// GRE type 0x894f, VXLAN-GPE next protocol 4.
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |Ver|O|U|    TTL    |   Length  |U|U|U|U|MD Type| Next Protocol |   Base Header
//   |          Service Path Identifier (SPI)        | Service Index |   Service Path Header
//   |                            Context Headers …                  |
// "Length: The total length, in 4-byte words, of NSH including the Base Header, the Service Path
// Header, the Fixed-Length Context Header or Variable-Length Context Header(s)". MD type 1 has four
// fixed 4-byte context headers ("the Length MUST be of value 0x6"); MD type 2 has TLVs
//   |          Metadata Class       |      Type     |U|    Length   |  Variable Metadata …
// padded to 4 bytes. Where Length contradicts the MD type, Wireshark uses the value the RFC
// requires, and hands the rest to Next Protocol: 1 IPv4, 2 IPv6, 3 Ethernet, 4 NSH, 5 MPLS.

import { Base, FT, names, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { dissectData } from './data.ts';
import { bind, registerDissector } from './tables.ts';

const BASE = 0;
const MD_TYPE = 2;
const NEXT_PROTO = 3;
const SPI = 4;
const SI = 7;
const CONTEXT = SI + 1;
const WORD = 4;
const MD1_CONTEXT_HEADERS = 4;
const MD1_LEN = CONTEXT + MD1_CONTEXT_HEADERS * WORD;
const MD2_MIN_LEN = CONTEXT;
const TLV_HEADER_LEN = 4;

/** Next Protocol → the EtherType whose dissector handles it (Wireshark's nsh.next_proto table). */
const NEXT_PROTO_ETHERTYPE = [-1, 0x0800, 0x86dd, 0x6558, 0x894f, 0x8847];

export const F = registerFields({
  nsh: { name: 'nsh', label: 'Network Service Header', type: FT.PROTOCOL },
  version: { name: 'nsh.version', label: 'Version', type: FT.UINT, base: Base.DEC_HEX, bits: 16, mask: 0xc000 },
  oBit: { name: 'nsh.Obit', label: 'O Bit', type: FT.UINT, bits: 16, mask: 0x2000 },
  cBit: { name: 'nsh.CBit', label: 'C Bit', type: FT.UINT, bits: 16, mask: 0x1000 },
  ttl: { name: 'nsh.ttl', label: 'Time to live', type: FT.UINT, base: Base.HEX, bits: 16, mask: 0x0fc0 },
  length: { name: 'nsh.length', label: 'Length', type: FT.UINT, base: Base.DEC_HEX, bits: 16, mask: 0x003f },
  mdType: { name: 'nsh.mdtype', label: 'MD Type', type: FT.UINT, base: Base.DEC_HEX, bits: 8 },
  nextProto: { name: 'nsh.nextproto', label: 'Next Protocol', type: FT.UINT, base: Base.DEC_HEX, bits: 8, names: names([[1, 'IPv4'], [2, 'IPv6'], [3, 'Ethernet'], [4, 'NSH'], [5, 'MPLS'], [0xfe, 'Experiment 1'], [0xff, 'Experiment 2']]) },
  spi: { name: 'nsh.spi', label: 'SPI', type: FT.UINT, base: Base.DEC_HEX, bits: 24 },
  si: { name: 'nsh.si', label: 'SI', type: FT.UINT, base: Base.DEC_HEX, bits: 8 },
  contextHeader: { name: 'nsh.contextheader', label: 'Context Header', type: FT.BYTES },
  metadataClass: { name: 'nsh.metadataclass', label: 'TLV Class', type: FT.UINT, base: Base.DEC_HEX, bits: 16 },
  metadataType: { name: 'nsh.metadatatype', label: 'Type', type: FT.UINT, base: Base.DEC_HEX, bits: 8 },
  unassignedBit: { name: 'nsh.metadataunassignedbit', label: 'Unassigned Bit', type: FT.UINT, base: Base.HEX, bits: 8, mask: 0x80 },
  metadataLen: { name: 'nsh.metadatalen', label: 'Length', type: FT.UINT, base: Base.HEX, bits: 8, mask: 0x7f },
  metadata: { name: 'nsh.metadata', label: 'Variable Metadata', type: FT.BYTES },
});

export function dissectNsh(c: Ctx, off: number, end: number): void {
  const f = c.f;
  const item = c.proto(F.nsh, off, off + 2);
  if (!c.has(off, 2, end)) return;
  const w = c.u16(off + BASE);
  let nshLen = (w & 0x3f) * WORD;
  f.len[item] = Math.max(0, Math.min(off + nshLen, c.b.length) - off);
  f.add(F.version, off, 2, w >> 14);
  f.add(F.oBit, off, 2, (w >> 13) & 1);
  f.add(F.cBit, off, 2, (w >> 12) & 1);
  f.add(F.ttl, off, 2, (w >> 6) & 0x3f);
  f.add(F.length, off, 2, w & 0x3f);
  const mdType = c.uint(F.mdType, off + MD_TYPE, 1, end);
  const next = c.uint(F.nextProto, off + NEXT_PROTO, 1, end);
  c.uint(F.spi, off + SPI, 3, end);
  c.uint(F.si, off + SI, 1, end);
  if (mdType === 1) {
    if (nshLen !== MD1_LEN) nshLen = MD1_LEN;
    for (let i = 0; i < MD1_CONTEXT_HEADERS; i++) c.field(F.contextHeader, off + CONTEXT + i * WORD, WORD, end);
  } else if (mdType === 2) {
    if (nshLen < MD2_MIN_LEN) nshLen = MD2_MIN_LEN;
    if (nshLen > MD2_MIN_LEN) metadata(c, off + CONTEXT, off + nshLen, end);
  } else if (nshLen < WORD) {
    nshLen = WORD;
  }
  f.pop();
  if (c.stop) return;
  // "if (tvb_captured_length_remaining(tvb, nsh_bytes_len) > 0)": only captured bytes count here.
  const payload = off + nshLen;
  if (Math.min(end, c.b.length) - payload <= 0) return;
  const type = NEXT_PROTO_ETHERTYPE[next] ?? -1;
  c.call((type >= 0 ? c.tables.lookup('ethertype', type) : undefined) ?? dissectData, payload, end);
}

/** MD type 2 variable-length context headers in [o, stop): class, type, U bit, length, value, padding. */
function metadata(c: Ctx, o: number, stop: number, end: number): void {
  const f = c.f;
  while (o < stop && !c.stop) {
    c.uint(F.metadataClass, o, 2, end);
    c.uint(F.metadataType, o + 2, 1, end);
    if (!c.has(o + 3, 1, end)) return;
    const len = c.u8(o + 3) & 0x7f;
    f.add(F.unassignedBit, o + 3, 1, c.u8(o + 3) >> 7);
    f.add(F.metadataLen, o + 3, 1, len);
    if (len > 0) c.field(F.metadata, o + TLV_HEADER_LEN, len, end);
    o += TLV_HEADER_LEN + ((len + WORD - 1) & ~(WORD - 1));
  }
}

registerDissector('nsh', dissectNsh);
bind('ethertype', 0x894f, 'nsh');
bind('gre.proto', 0x894f, 'nsh');
