// VXLAN (RFC 7348 section 5; Wireshark packet-vxlan.c).
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |R|R|R|R|I|R|R|R|            Reserved                           |
//   |                VXLAN Network Identifier (VNI) |   Reserved    |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// Ports: 4789 (IANA) and 8472 (the Linux kernel's default, flannel): Wireshark 4.4 and later
// register both (`#define UDP_PORT_VXLAN "4789,8472"`), and so do we.
// "The inner Ethernet frame ... does not include the FCS" (RFC 7348 §5), so the payload goes to
// Ethernet without FCS. The G (group policy, VXLAN-GBP) bit and its policy id are shown when set.

import { Base, FT, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { dissectEthernet } from './ethernet.ts';
import { bind, registerDissector } from './tables.ts';

const FLAGS = 0;
const GBP = 2;
const VNI = 4;
const RESERVED = 7;
export const VXLAN_HEADER_LEN = RESERVED + 1;

export const F = registerFields({
  vxlan: { name: 'vxlan', label: 'Virtual eXtensible Local Area Network', type: FT.PROTOCOL },
  flags: { name: 'vxlan.flags', label: 'Flags', type: FT.UINT, base: Base.HEX, bits: 16 },
  gbp: { name: 'vxlan.flags.gbp', label: 'GBP Extension', type: FT.BOOLEAN, bits: 16, mask: 0x8000, tf: ['Defined', 'Not defined'] },
  vniFlag: { name: 'vxlan.flags.vni', label: 'VXLAN Network ID (VNI)', type: FT.BOOLEAN, bits: 16, mask: 0x0800, tf: ['True', 'False'] },
  dontLearn: { name: 'vxlan.flags.d', label: "Don't Learn", type: FT.BOOLEAN, bits: 16, mask: 0x0040, tf: ['True', 'False'] },
  policyApplied: { name: 'vxlan.flags.a', label: 'Policy Applied', type: FT.BOOLEAN, bits: 16, mask: 0x0008, tf: ['True', 'False'] },
  groupPolicyId: { name: 'vxlan.gbp', label: 'Group Policy ID', type: FT.UINT, bits: 16 },
  reserved24: { name: 'vxlan.reserved_24', label: 'Reserved', type: FT.UINT, base: Base.HEX, bits: 16 },
  vni: { name: 'vxlan.vni', label: 'VXLAN Network Identifier (VNI)', type: FT.UINT, bits: 24 },
  reserved8: { name: 'vxlan.reserved_8', label: 'Reserved', type: FT.UINT, bits: 8 },
});

export function dissectVxlan(c: Ctx, off: number, end: number): void {
  const f = c.f;
  c.proto(F.vxlan, off, off + VXLAN_HEADER_LEN);
  const flags = c.uint(F.flags, off + FLAGS, 2, end);
  if (flags < 0) return;
  f.push(f.count - 1);
  f.add(F.gbp, off + FLAGS, 2, (flags >> 15) & 1);
  f.add(F.vniFlag, off + FLAGS, 2, (flags >> 11) & 1);
  if (flags & 0x8000) {
    f.add(F.dontLearn, off + FLAGS, 2, (flags >> 6) & 1);
    f.add(F.policyApplied, off + FLAGS, 2, (flags >> 3) & 1);
  }
  f.pop();
  if (flags & 0x8000) c.uint(F.groupPolicyId, off + GBP, 2, end);
  else c.uint(F.reserved24, off + GBP, 2, end);
  c.uint(F.vni, off + VNI, 3, end);
  c.uint(F.reserved8, off + RESERVED, 1, end);
  f.pop();
  if (c.stop) return;
  c.call(dissectEthernet, off + VXLAN_HEADER_LEN, end);
}

registerDissector('vxlan', dissectVxlan);
bind('udp.port', 4789, 'vxlan');
bind('udp.port', 8472, 'vxlan');
