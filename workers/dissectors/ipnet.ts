// Solaris IPNET, LINKTYPE_IPNET (226) (https://www.tcpdump.org/linktypes/LINKTYPE_IPNET.html;
// Wireshark packet-ipnet.c). The header of Solaris' ipnet observability devices:
//
//   +-------+-------+---------------+-------------------------------+
//   |version|family | hook type     | data length                   |
//   +-------+-------+---------------+-------------------------------+
//   | interface index               | group interface index         |
//   +-------------------------------+-------------------------------+
//   | source zone id                | destination zone id           |
//   +-------------------------------+-------------------------------+
// Wireshark takes the payload as the last "data length" bytes of the captured frame, and hands it
// to IPv4 (family 2) or IPv6 (Solaris' AF_INET6, 26); other families are left undissected.

import { FT, names, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { Status } from './context.ts';
import { bind, registerDissector } from './tables.ts';

const VERSION = 0;
const FAMILY = 1;
const HTYPE = 2;
const PKTLEN = 4;
const IFINDEX = 8;
const GRIFINDEX = 12;
const ZSRC = 16;
const ZDST = 20;
export const IPNET_HEADER_LEN = ZDST + 4;
const SOLARIS_AF_INET = 2;
const SOLARIS_AF_INET6 = 26;

export const F = registerFields({
  ipnet: { name: 'ipnet', label: 'Solaris IPNET', type: FT.PROTOCOL },
  version: { name: 'ipnet.version', label: 'Header version', type: FT.UINT, bits: 8 },
  family: { name: 'ipnet.family', label: 'Address family', type: FT.UINT, bits: 8, names: names([[SOLARIS_AF_INET, 'Solaris AF_INET'], [SOLARIS_AF_INET6, 'Solaris AF_INET6']]) },
  htype: { name: 'ipnet.htype', label: 'Hook type', type: FT.UINT, bits: 16, unknownName: true, names: names([[0, 'Inbound'], [1, 'Outbound'], [2, 'Local']]) },
  pktlen: { name: 'ipnet.pktlen', label: 'Data length', type: FT.UINT, bits: 32 },
  ifindex: { name: 'ipnet.ifindex', label: 'Interface index', type: FT.UINT, bits: 32 },
  grifindex: { name: 'ipnet.grifindex', label: 'Group interface index', type: FT.UINT, bits: 32 },
  zsrc: { name: 'ipnet.zsrc', label: 'Source Zone ID', type: FT.UINT, bits: 32 },
  zdst: { name: 'ipnet.zdst', label: 'Destination Zone ID', type: FT.UINT, bits: 32 },
});

export function dissectIpnet(c: Ctx, off: number, end: number): void {
  c.proto(F.ipnet, off, off + IPNET_HEADER_LEN);
  c.uint(F.version, off + VERSION, 1, end);
  const family = c.uint(F.family, off + FAMILY, 1, end);
  c.uint(F.htype, off + HTYPE, 2, end);
  const pktlen = c.uint(F.pktlen, off + PKTLEN, 4, end);
  c.uint(F.ifindex, off + IFINDEX, 4, end);
  c.uint(F.grifindex, off + GRIFINDEX, 4, end);
  c.uint(F.zsrc, off + ZSRC, 4, end);
  c.uint(F.zdst, off + ZDST, 4, end);
  c.f.pop();
  if (c.stop) return;
  // tvb_new_subset_remaining(tvb, captured_length - pktlen): the payload is counted back from the
  // captured end; a negative offset counts back once more, as tvbuff offsets do.
  const cap = Math.min(end, c.b.length) - off;
  let start = cap - pktlen;
  if (start < 0) start += cap;
  if (start < 0) {
    c.fail(Status.MALFORMED);
    return;
  }
  const type = family === SOLARIS_AF_INET ? 0x0800 : family === SOLARIS_AF_INET6 ? 0x86dd : -1;
  const d = type < 0 ? undefined : c.tables.lookup('ethertype', type);
  if (d) c.call(d, off + start, end);
}

registerDissector('ipnet', dissectIpnet);
bind('wtap_encap', 226, 'ipnet');
