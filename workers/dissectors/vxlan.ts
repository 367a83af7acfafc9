// VXLAN (RFC 7348 section 5) with the Group Policy extension (draft-smith-vxlan-group-policy);
// Wireshark 4.0 packet-vxlan.c, whose field names and order this follows.
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |G|R|R|R|I|R|R|R|R|D|R|R|A|R|R|R|        Group Policy ID        |
//   |                VXLAN Network Identifier (VNI) |   Reserved    |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// Wireshark reads the first 16 bits as one flags word (G, I, D, A and the reserved rest) and
// always shows the next 16 bits as the Group Policy ID, whether or not G is set.
// Ports: 4789 (IANA) and 8472 (the Linux kernel's default, flannel). Wireshark 4.4 and later
// register both (`#define UDP_PORT_VXLAN "4789,8472"`); 4.0 had only 4789. We follow 4.4.
// RFC 7348 figures 1 and 2: "(Note that the original Ethernet Frame's FCS is not included)",
// so the payload is an Ethernet frame without FCS.

import { setFlagNames } from './flag-names.ts';
import { Base, FT, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { FieldGroup } from '../fields/field-list.ts';
import { dissectEthernet } from './ethernet.ts';
import { bind, registerDissector } from './tables.ts';

const FLAGS = 0;
const GBP = 2;
const VNI = 4;
const RESERVED = 7;
export const VXLAN_HEADER_LEN = RESERVED + 1;

const FLAG_G = 0x8000;
const FLAG_I = 0x0800;
const FLAG_D = 0x0040;
const FLAG_A = 0x0008;
const FLAGS_RESERVED = 0x77b7;

export const F = registerFields({
  vxlan: { name: 'vxlan', label: 'Virtual eXtensible Local Area Network', type: FT.PROTOCOL },
  flags: { name: 'vxlan.flags', label: 'Flags', type: FT.UINT, base: Base.HEX, bits: 16 },
  flagG: { name: 'vxlan.flag_g', label: 'GBP Extension', type: FT.BOOLEAN, bits: 16, mask: FLAG_G, tf: ['Defined', 'Not defined'] },
  flagI: { name: 'vxlan.flag_i', label: 'VXLAN Network ID (VNI)', type: FT.BOOLEAN, bits: 16, mask: FLAG_I },
  flagD: { name: 'vxlan.flag_d', label: "Don't Learn", type: FT.BOOLEAN, bits: 16, mask: FLAG_D },
  flagA: { name: 'vxlan.flag_a', label: 'Policy Applied', type: FT.BOOLEAN, bits: 16, mask: FLAG_A },
  flagsReserved: { name: 'vxlan.flags_reserved', label: 'Reserved(R)', type: FT.UINT, base: Base.HEX, bits: 16, mask: FLAGS_RESERVED },
  gbp: { name: 'vxlan.gbp', label: 'Group Policy ID', type: FT.UINT, bits: 16 },
  vni: { name: 'vxlan.vni', label: 'VXLAN Network Identifier (VNI)', type: FT.UINT, bits: 24 },
  reserved8: { name: 'vxlan.reserved8', label: 'Reserved', type: FT.UINT, bits: 8 },
});

/** The flag bits (a lean dissection without any of them skips the block). */
const FLAG_BITS = new FieldGroup([F.flagG, F.flagI, F.flagD, F.flagA, F.flagsReserved]);

export function dissectVxlan(c: Ctx, off: number, end: number): void {
  const f = c.f;
  c.proto(F.vxlan, off, off + VXLAN_HEADER_LEN);
  const flags = c.uint(F.flags, off + FLAGS, 2, end);
  if (flags < 0) return;
  // the set flags' names after the value: "Flags: 0x0800, VXLAN Network ID (VNI)"
  if (f.wanted === null && flags & (FLAG_G | FLAG_I | FLAG_D | FLAG_A)) f.appendLabel(f.last, setFlagNames([F.flagG, F.flagI, F.flagD, F.flagA], flags));
  // The bitmask items in Wireshark 4.0's order: G, I, D, A, then the reserved bits.
  if (FLAG_BITS.kept(f)) {
    f.push(f.last);
    f.add(F.flagG, off + FLAGS, 2, flags & FLAG_G ? 1 : 0);
    f.add(F.flagI, off + FLAGS, 2, flags & FLAG_I ? 1 : 0);
    f.add(F.flagD, off + FLAGS, 2, flags & FLAG_D ? 1 : 0);
    f.add(F.flagA, off + FLAGS, 2, flags & FLAG_A ? 1 : 0);
    f.add(F.flagsReserved, off + FLAGS, 2, flags & FLAGS_RESERVED);
    f.pop();
  }
  c.uint(F.gbp, off + GBP, 2, end);
  c.uint(F.vni, off + VNI, 3, end);
  c.uint(F.reserved8, off + RESERVED, 1, end);
  f.pop();
  if (c.stop) return;
  c.call(dissectEthernet, off + VXLAN_HEADER_LEN, end);
}

registerDissector('vxlan', dissectVxlan);
bind('udp.port', 4789, 'vxlan');
bind('udp.port', 8472, 'vxlan');
