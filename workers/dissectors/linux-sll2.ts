// Linux "cooked" capture v2, LINKTYPE_LINUX_SLL2 (276)
// (https://www.tcpdump.org/linktypes/LINKTYPE_LINUX_SLL2.html; Wireshark packet-sll.c).
//
//    0               2               4                               8               10  11  12
//   +---------------+---------------+-------------------------------+---------------+---+---+----
//   | protocol type | reserved (MBZ)| interface index               | ARPHRD_ type  |pkt|len| link-layer address (8)
//   +---------------+---------------+-------------------------------+---------------+---+---+----
// The same fields as v1 (linux-sll.ts), reordered, plus the interface index; the reserved bytes are
// not shown. Protocol values and the ARPHRD_ special cases are handled as for v1, and the frame
// shows as `sll` too.

import type { Ctx } from './context.ts';
import { ARPHRD_NETLINK, F, llAddress, netlink, protocolType, sllPayload } from './linux-sll.ts';
import { bind, registerDissector } from './tables.ts';

const PROTOCOL = 0;
const IFINDEX = 4;
const HATYPE = 8;
const PKTTYPE = 10;
const HALEN = 11;
const SLL_ADDRLEN = 8;
export const SLL2_HEADER_LEN = HALEN + 1 + SLL_ADDRLEN;

export function dissectSll2(c: Ctx, off: number, end: number): void {
  const f = c.f;
  // Wireshark reads the packet type as 16 bits at offset 10 before anything else.
  if (!c.has(off, PKTTYPE + 2, end)) return;
  const hatype = c.u16(off + HATYPE);
  if (hatype === ARPHRD_NETLINK) return netlink(c, off, end);
  const sll = c.proto(F.sll, off, off + SLL2_HEADER_LEN);
  c.f.label(sll, 'Linux cooked capture v2');
  const protocol = protocolType(c, off + PROTOCOL, hatype, end);
  c.uint(F.ifindex, off + IFINDEX, 4, end);
  f.add(F.hatype, off + HATYPE, 2, hatype);
  c.uint(F.pkttype, off + PKTTYPE, 1, end);
  llAddress(c, off + HALEN, 1, end);
  f.pop();
  if (c.stop) return;
  sllPayload(c, sll, off, off + SLL2_HEADER_LEN, end, hatype, protocol);
}

registerDissector('sll2', dissectSll2);
bind('wtap_encap', 276, 'sll2');
