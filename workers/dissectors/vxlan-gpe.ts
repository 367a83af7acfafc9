// VXLAN-GPE, the Generic Protocol Extension for VXLAN (draft-ietf-nvo3-vxlan-gpe-12 §3.2; Wireshark
// 4.0 packet-vxlan.c), UDP 4790.
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |R|R|Ver|I|P|R|O|       Reserved                |Next Protocol  |
//   |                VXLAN Network Identifier (VNI) |   Reserved    |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// "Next Protocol: This 8 bit field indicates the protocol header immediately following the VXLAN
// GPE header": 1 IPv4, 2 IPv6, 3 Ethernet, 4 NSH, 5 MPLS (mapped here to their EtherTypes).
// Wireshark 4.0 shows this header as a `vxlan` tree with the `vxlan.*` field names, but the handle
// bound to 4790 belongs to a name-only protocol, so tshark's frame.protocols lists no VXLAN layer
// (`udp:nsh:ip:udp` for nsh-over-vxlan-gpe.pcap) while vxlan.vni is still printed.
// Two of its fields reuse names that VXLAN registers with other widths (`vxlan.flags` is 8 bits
// here, `vxlan.flags_reserved` a decimal 8-bit mask): their values are stored as the text tshark
// prints, from tables built once, so that one registration serves both headers.

import { FT, names, registerFields } from '../fields/registry.ts';
import { hex2 } from '../fields/format.ts';
import type { Ctx } from './context.ts';
import { dissectData } from './data.ts';
import { F as VXLAN } from './vxlan.ts';
import { bind, registerDissector } from './tables.ts';

const FLAGS = 0;
const RESERVED16 = 1;
const NEXT_PROTO = 3;
const VNI = 4;
const RESERVED = 7;
export const VXLAN_GPE_HEADER_LEN = RESERVED + 1;
const FLAGS_RESERVED_MASK = 0xc2;

/** Next Protocol → the EtherType whose dissector handles it (Wireshark's vxlan.next_proto table). */
const NEXT_PROTO_ETHERTYPE = [-1, 0x0800, 0x86dd, 0x6558, 0x894f, 0x8847];

export const F = registerFields({
  ver: { name: 'vxlan.ver', label: 'Version', type: FT.UINT, bits: 8, mask: 0x30 },
  iBit: { name: 'vxlan.i_bit', label: 'Instance', type: FT.UINT, bits: 8, mask: 0x08 },
  pBit: { name: 'vxlan.p_bit', label: 'Next Protocol Bit', type: FT.UINT, bits: 8, mask: 0x04 },
  oBit: { name: 'vxlan.o_bit', label: 'OAM bit', type: FT.UINT, bits: 8, mask: 0x01 },
  reserved16: { name: 'vxlan.reserved_16', label: 'Reserved', type: FT.UINT, bits: 16 },
  nextProto: { name: 'vxlan.next_proto', label: 'Next Protocol', type: FT.UINT, bits: 8, names: names([[1, 'IPv4'], [2, 'IPv6'], [3, 'Ethernet'], [4, 'Network Service Header'], [5, 'MPLS']]) },
});

/** `0x0c` for the 8-bit flags; the decimal value of the reserved flag bits. */
const HEX8: string[] = [];
const DEC: string[] = [];
for (let i = 0; i < 256; i++) {
  HEX8.push('0x' + hex2(i));
  DEC.push(String(i));
}

export function dissectVxlanGpe(c: Ctx, off: number, end: number): void {
  const f = c.f;
  const item = c.proto(VXLAN.vxlan, off, off + VXLAN_GPE_HEADER_LEN);
  // (packet-vxlan.c's GPE handle belongs to a protocol registered in name only: no layer)
  c.notLayer(item);
  if (!c.has(off + FLAGS, 1, end)) return;
  const flags = c.u8(off + FLAGS);
  f.num[f.addStr(VXLAN.flags, off + FLAGS, 1, HEX8[flags] as string)] = flags;
  f.push(f.last);
  f.add(F.ver, off + FLAGS, 1, (flags >> 4) & 3);
  f.add(F.iBit, off + FLAGS, 1, (flags >> 3) & 1);
  f.add(F.pBit, off + FLAGS, 1, (flags >> 2) & 1);
  f.add(F.oBit, off + FLAGS, 1, flags & 1);
  const rsvd = (flags & FLAGS_RESERVED_MASK) >> 1; // shifted by the mask's lowest bit, as all masked fields are
  f.num[f.addStr(VXLAN.flagsReserved, off + FLAGS, 1, DEC[rsvd] as string)] = rsvd;
  f.pop();
  c.uint(F.reserved16, off + RESERVED16, 2, end);
  const next = c.uint(F.nextProto, off + NEXT_PROTO, 1, end);
  c.uint(VXLAN.vni, off + VNI, 3, end);
  c.uint(VXLAN.reserved8, off + RESERVED, 1, end);
  f.pop();
  if (c.stop) return;
  const type = NEXT_PROTO_ETHERTYPE[next] ?? -1;
  const d = type >= 0 ? c.tables.lookup('ethertype', type) : undefined;
  if (d !== undefined) {
    c.call(d, off + VXLAN_GPE_HEADER_LEN, end);
    return;
  }
  // An unknown next protocol's bytes are shown inside the VXLAN tree, as Wireshark does.
  f.push(item);
  c.call(dissectData, off + VXLAN_GPE_HEADER_LEN, end);
  f.pop();
}

registerDissector('vxlan_gpe', dissectVxlanGpe);
bind('udp.port', 4790, 'vxlan_gpe');
