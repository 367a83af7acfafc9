// Cisco Serial Line ARP, the keepalive and address protocol of Cisco HDLC (protocol 0x8035;
// Wireshark packet-slarp.c; no RFC: the layout is Cisco's, as Wireshark and tcpdump read it).
//
//   request (0) / reply (1):        line check (2, keepalive):
//   +-----------------------+       +-----------------------+
//   | packet type (4)       |       | packet type (4)       |
//   | address (4)           |       | my sequence (4)       |
//   | mask (4)              |       | your sequence (4)     |
//   | unused (2)            |       | reliability (2)       |
//   +-----------------------+       +-----------------------+
// "Reliability must be 0xFFFF". Unknown packet types are followed by data.

import { Base, FT, names, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { dissectData } from './data.ts';

const PTYPE = 0;
const ADDRESS = 4;
const MASK = 8;
const MYSEQ = 4;
const YOURSEQ = 8;
const RELIABILITY = 12;
export const SLARP_LEN = RELIABILITY + 2;

const SLARP_REQUEST = 0;
const SLARP_REPLY = 1;
const SLARP_LINECHECK = 2;

export const F = registerFields({
  slarp: { name: 'slarp', label: 'Cisco SLARP', type: FT.PROTOCOL },
  ptype: { name: 'slarp.ptype', label: 'Packet type', type: FT.UINT, bits: 32, names: names([[SLARP_REQUEST, 'Request'], [SLARP_REPLY, 'Reply'], [SLARP_LINECHECK, 'Line keepalive']]) },
  address: { name: 'slarp.address', label: 'Address', type: FT.IPV4 },
  netmask: { name: 'slarp.netmask', label: 'Netmask', type: FT.IPV4 },
  mysequence: { name: 'slarp.mysequence', label: 'Outgoing sequence number', type: FT.UINT, bits: 32 },
  yoursequence: { name: 'slarp.yoursequence', label: 'Returned sequence number', type: FT.UINT, bits: 32 },
  reliability: { name: 'slarp.reliability', label: 'Reliability', type: FT.UINT, base: Base.HEX, bits: 16 },
});

export function dissectSlarp(c: Ctx, off: number, end: number): void {
  const f = c.f;
  if (!c.has(off + PTYPE, 4, end)) return;
  const code = c.u32(off + PTYPE);
  c.proto(F.slarp, off, off + SLARP_LEN);
  switch (code) {
    case SLARP_REQUEST:
    case SLARP_REPLY:
      // Address and mask are read (for the Info column) before any field is added.
      if (!c.has(off + ADDRESS, 8, end)) return;
      f.add(F.ptype, off + PTYPE, 4, code);
      f.add(F.address, off + ADDRESS, 4);
      f.add(F.netmask, off + MASK, 4);
      break;
    case SLARP_LINECHECK:
      if (!c.has(off + MYSEQ, 8, end)) return;
      f.add(F.ptype, off + PTYPE, 4, code);
      f.add(F.mysequence, off + MYSEQ, 4, c.u32(off + MYSEQ));
      f.add(F.yoursequence, off + YOURSEQ, 4, c.u32(off + YOURSEQ));
      c.uint(F.reliability, off + RELIABILITY, 2, end);
      break;
    default:
      f.add(F.ptype, off + PTYPE, 4, code);
      f.pop();
      c.call(dissectData, off + ADDRESS, end);
      return;
  }
  f.pop();
}
