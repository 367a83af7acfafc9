// IP over InfiniBand, LINKTYPE_IPOIB (242) (RFC 4391 §6; https://www.tcpdump.org/linktypes/LINKTYPE_IPOIB.html;
// Wireshark packet-ipoib.c).
//
//   0                                         40               42               44
//   +-----------------------------------------+----------------+----------------+-----------
//   | 40-byte pseudo-header: GRH, or zeros    | type (EtherType)| reserved       | IPv4 / IPv6 / ARP
//   | and the destination address at 20..39   |                |                |
//   +-----------------------------------------+----------------+----------------+-----------
// RFC 4391: "The encapsulation header is 4 octets ... a 2-octet type field ... a 2-octet reserved
// field". The pcap format puts 40 bytes before it: the Global Route Header when the first two
// bytes are non-zero, else ("GRH is not valid (unicast)") a destination QPN and GID at 20..39.
// Only IPv4, IPv6, ARP and RARP follow; other types are left undissected, as Wireshark does.

import { Base, FT, registerFields } from '../fields/registry.ts';
import type { Ctx, Dissector } from './context.ts';
import { ETHERTYPE_NAMES } from './ethernet.ts';
import { bind, dissectorByName, registerDissector } from './tables.ts';

const GRH = 0;
const GRH_SQPN = 5;
const GRH_SGID = 8;
const DADDR = 20;
const DADDR_QPN = 21;
const DGID = 24;
const GRH_LEN = 40;
const TYPE = GRH_LEN;
const RESERVED = TYPE + 2;
export const IPOIB_HEADER_LEN = RESERVED + 2;

export const F = registerFields({
  ipoib: { name: 'ipoib', label: 'IP over Infiniband', type: FT.PROTOCOL },
  daddr: { name: 'ipoib.daddr', label: 'Destination address', type: FT.NONE },
  daddrQpn: { name: 'ipoib.daddr.qpn', label: 'Destination QPN', type: FT.UINT, base: Base.HEX, bits: 24 },
  dgid: { name: 'ipoib.dgid', label: 'Destination GID', type: FT.IPV6 },
  grh: { name: 'ipoib.grh', label: 'Global Route Header', type: FT.NONE },
  ipver: { name: 'ipoib.grh.ipver', label: 'IP Version', type: FT.UINT, bits: 8, mask: 0xf0 },
  tclass: { name: 'ipoib.grh.tclass', label: 'Traffic Class', type: FT.UINT, bits: 16, mask: 0x0ff0 },
  flowlabel: { name: 'ipoib.grh.flowlabel', label: 'Flow Label', type: FT.UINT, bits: 32, mask: 0x000fffff },
  sqpn: { name: 'ipoib.grh.sqpn', label: 'Source QPN', type: FT.UINT, base: Base.HEX, bits: 24 },
  sgid: { name: 'ipoib.grh.sgid', label: 'Source GID', type: FT.IPV6 },
  type: { name: 'ipoib.type', label: 'Type', type: FT.UINT, base: Base.HEX, bits: 16, names: ETHERTYPE_NAMES },
  reserved: { name: 'ipoib.reserved', label: 'Reserved', type: FT.UINT, base: Base.HEX, bits: 16 },
});

let arp: Dissector | undefined;

/** The captured part of [o, o + n). */
function clip(c: Ctx, o: number, n: number): number {
  return Math.max(0, Math.min(n, c.b.length - o));
}

export function dissectIpoib(c: Ctx, off: number, end: number): void {
  const f = c.f;
  c.proto(F.ipoib, off, off + IPOIB_HEADER_LEN);
  if (!c.has(off, 2, end)) return;
  // The FT_NONE subtree items are added whatever is captured (Wireshark clips their length);
  // the fields in them are checked one by one.
  if (c.u16(off + GRH) === 0) {
    f.push(f.add(F.daddr, off + DADDR, clip(c, off + DADDR, GRH_LEN - DADDR)));
    c.uint(F.daddrQpn, off + DADDR_QPN, 3, end);
    c.field(F.dgid, off + DGID, 16, end);
    f.pop();
  } else {
    f.push(f.add(F.grh, off + GRH, clip(c, off + GRH, GRH_LEN)));
    const b0 = c.u8(off);
    f.add(F.ipver, off, 1, b0 >> 4);
    if (c.has(off, 2, end)) f.add(F.tclass, off, 2, (c.u16(off) >> 4) & 0xff);
    if (c.has(off, 4, end)) f.add(F.flowlabel, off, 4, c.u32(off) & 0x000fffff);
    c.uint(F.sqpn, off + GRH_SQPN, 3, end);
    c.field(F.sgid, off + GRH_SGID, 16, end);
    c.field(F.dgid, off + DGID, 16, end);
    f.pop();
  }
  const type = c.uint(F.type, off + TYPE, 2, end);
  c.uint(F.reserved, off + RESERVED, 2, end);
  f.pop();
  if (c.stop) return;
  let d: Dissector | undefined;
  switch (type) {
    case 0x0800:
    case 0x86dd:
      d = c.tables.lookup('ethertype', type);
      break;
    case 0x0806:
    case 0x8035:
      d = arp ??= dissectorByName('arp');
      break;
  }
  if (d) c.call(d, off + IPOIB_HEADER_LEN, end);
}

registerDissector('ipoib', dissectIpoib);
bind('wtap_encap', 242, 'ipoib');
