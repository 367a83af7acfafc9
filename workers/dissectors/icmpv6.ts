// ICMPv6 (RFC 4443; Wireshark packet-icmpv6.c, dissect_icmpv6).
//
//    0                   1                   2                   3
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |     Type      |     Code      |          Checksum             |
//   |                         Message Body                          |
//
// The checksum covers the IPv6 pseudo-header (RFC 8200 section 8.1: source, final destination,
// upper-layer length, next header 58). Error messages (types 1-4) quote "as much of invoking
// packet as possible", dissected as one more IPv6 layer under the ICMPv6 item with
// Ctx.inErrorPkt set. Neighbor Discovery and its options are in icmpv6-nd.ts, Multicast
// Listener Discovery and Router Renumbering in icmpv6-mld.ts.

import { icmpv6CodeName } from './icmp-codes.ts';
import { Base, FT, names, registerFields } from '../fields/registry.ts';
import { EchoTracker } from '../analysis/ip-echo.ts';
import type { Ctx } from './context.ts';
import { Group, Severity, expertAt, registerExperts } from './expert.ts';
import { dissectData } from './data.ts';
import { trackEcho, type EchoFieldIds } from './icmp-echo.ts';
import { checksummable, dissectQuoted } from './icmp-error.ts';
import { dissectMld, dissectMldv2Report, dissectRouterRenumbering } from './icmpv6-mld.ts';
import { dissectNeighborDiscovery } from './icmpv6-nd.ts';
import { checksum, pseudoHeaderSum } from './ip-checksum.ts';
import { CHECKSUM_STATUS } from './ipv4.ts';
import { dissectIpv6 } from './ipv6.ts';
import { bind, registerDissector } from './tables.ts';

const TYPE = 0;
const CODE = 1;
const CSUM = 2;
const BODY = 4;
export const ICMPV6_HEADER_LEN = BODY;
const IPPROTO_ICMPV6 = 58;

const DST_UNREACH = 1;
const PACKET_TOO_BIG = 2;
const TIME_EXCEEDED = 3;
const PARAM_PROBLEM = 4;
const ECHO_REQUEST = 128;
const ECHO_REPLY = 129;

/** icmpv6_type_val (tshark 4.0.17's `-G values`). */
export const ICMPV6_TYPES = names([
  [1, 'Destination Unreachable'], [2, 'Packet Too Big'], [3, 'Time Exceeded'], [4, 'Parameter Problem'],
  [100, 'Private experimentation'], [101, 'Private experimentation'],
  [127, 'Reserved for expansion of ICMPv6 error messages'], [128, 'Echo (ping) request'],
  [129, 'Echo (ping) reply'], [130, 'Multicast Listener Query'], [131, 'Multicast Listener Report'],
  [132, 'Multicast Listener Done'], [133, 'Router Solicitation'], [134, 'Router Advertisement'],
  [135, 'Neighbor Solicitation'], [136, 'Neighbor Advertisement'], [137, 'Redirect'],
  [138, 'Router Renumbering'], [139, 'Node Information Query'], [140, 'Node Information Reply'],
  [141, 'Inverse Neighbor Discovery Solicitation'], [142, 'Inverse Neighbor Discovery Advertisement'],
  [143, 'Multicast Listener Report Message v2'], [144, 'Home Agent Address Discovery Request'],
  [145, 'Home Agent Address Discovery Reply'], [146, 'Mobile Prefix Solicitation'],
  [147, 'Mobile Prefix Advertisement'], [148, 'Certification Path Solicitation'],
  [149, 'Certification Path Advertisement'], [150, 'Experimental Mobility'],
  [151, 'Multicast Router Advertisement'], [152, 'Multicast Router Solicitation'],
  [153, 'Multicast Router Termination'], [154, 'FMIPv6'], [155, 'RPL Control'], [156, 'Locator Update'],
  [157, 'Duplicate Address Request'], [158, 'Duplicate Address Confirmation'], [159, 'MPL Control Message'],
  [160, 'Extended Echo request'], [161, 'Extended Echo reply'], [200, 'Private experimentation'],
  [201, 'Private experimentation'], [255, 'Reserved for expansion of ICMPv6 informational messages'],
]);

export const F = registerFields({
  icmpv6: { name: 'icmpv6', label: 'Internet Control Message Protocol v6', type: FT.PROTOCOL },
  type: { name: 'icmpv6.type', label: 'Type', type: FT.UINT, bits: 8, names: ICMPV6_TYPES, unknownName: true },
  code: { name: 'icmpv6.code', label: 'Code', type: FT.UINT, bits: 8 },
  checksum: { name: 'icmpv6.checksum', label: 'Checksum', type: FT.UINT, base: Base.HEX, bits: 16 },
  checksumStatus: { name: 'icmpv6.checksum.status', label: 'Checksum Status', type: FT.UINT, bits: 8, nameAlone: true, names: CHECKSUM_STATUS },
  reserved: { name: 'icmpv6.reserved', label: 'Reserved', type: FT.BYTES },
  data: { name: 'icmpv6.data', label: 'Data', type: FT.BYTES },
  mtu: { name: 'icmpv6.mtu', label: 'MTU', type: FT.UINT },
  pointer: { name: 'icmpv6.pointer', label: 'Pointer', type: FT.UINT },
  echoIdentifier: { name: 'icmpv6.echo.identifier', label: 'Identifier', type: FT.UINT, base: Base.HEX, bits: 16 },
  echoSequence: { name: 'icmpv6.echo.sequence_number', label: 'Sequence', type: FT.UINT, bits: 16 },
  respIn: { name: 'icmpv6.resp_in', label: 'Response In', type: FT.FRAMENUM },
  respTo: { name: 'icmpv6.resp_to', label: 'Response To', type: FT.FRAMENUM },
  resptime: { name: 'icmpv6.resptime', label: 'Response Time', type: FT.DOUBLE },
  noResp: { name: 'icmpv6.no_resp', label: 'No response seen', type: FT.NONE },
});

/** packet-icmpv6.c's expert infos: a request no reply answered (tshark 4.0.17 on the corpus), a bad checksum. */
const X = registerExperts({
  respNotFound: { name: 'icmpv6.resp_not_found', msg: 'No response seen', severity: Severity.WARN, group: Group.SEQUENCE },
  badChecksum: { name: 'icmpv6.checksum_bad.expert', msg: 'Bad checksum', severity: Severity.WARN, group: Group.CHECKSUM },
  undecodedType: { name: 'icmpv6.undecoded.type', msg: 'Undecoded type', severity: Severity.NOTE, group: Group.UNDECODED },
});
const ECHO_IDS: EchoFieldIds = { respIn: F.respIn, respTo: F.respTo, resptime: F.resptime, noResp: F.noResp, noRespExpert: X.respNotFound,
  noRespText: (frame) => `No response seen to ICMPv6 request in frame ${frame}` };

export function dissectIcmpv6(c: Ctx, off: number, end: number): void {
  const f = c.f;
  const item = c.proto(F.icmpv6, off, end);
  const type = c.uint(F.type, off + TYPE, 1, end);
  const code = c.uint(F.code, off + CODE, 1, end);
  // the code's name for the types that name their codes: "Code: 0 (no route to destination)"
  if (code >= 0 && c.f.wanted === null && icmpv6CodeName(type, code) !== '') c.f.appendLabel(c.f.last, ` (${icmpv6CodeName(type, code)})`);
  if (c.stop) return;
  // A whole message outside an error packet, and the pseudo-header needs the IPv6 addresses.
  const verify = checksummable(c, end) && c.netSrc >= 0;
  checksum(c, F.checksum, F.checksumStatus, off, end, verify, verify ? pseudoHeaderSum(c, end - off, IPPROTO_ICMPV6) : 0, CSUM, X.badChecksum);
  if (c.stop) return;
  const body = off + BODY;
  switch (type) {
    case DST_UNREACH: case TIME_EXCEEDED:
      c.field(F.reserved, body, 4, end);
      contained(c, body + 4, end);
      break;
    case PACKET_TOO_BIG:
      c.uint(F.mtu, body, 4, end);
      contained(c, body + 4, end);
      break;
    case PARAM_PROBLEM:
      c.uint(F.pointer, body, 4, end);
      contained(c, body + 4, end);
      break;
    case ECHO_REQUEST: case ECHO_REPLY:
      c.uint(F.echoIdentifier, body, 2, end);
      c.uint(F.echoSequence, body + 2, 2, end);
      if (c.stop) break;
      if (!c.inErrorPkt) {
        // A request is filed under its own checksum, a reply under the request checksum it implies
        // ("the difference between echo request & reply" is 0x0100 in the first word).
        const cksum = c.u16(off + CSUM);
        const key0 = type === ECHO_REQUEST ? cksum : EchoTracker.replyChecksum(cksum, 0x0100);
        trackEcho(c, c.reasm.icmpv6Echo, type === ECHO_REQUEST, key0, c.u32(body), off, ECHO_IDS);
      }
      dissectData(c, body + 4, end);
      break;
    case 130: case 131: case 132:
      dissectMld(c, type, body, end, F.reserved);
      break;
    case 138:
      dissectRouterRenumbering(c, c.u8(off + CODE), body, end, F.reserved);
      break;
    case 143:
      dissectMldv2Report(c, body, end, F.reserved);
      break;
    default:
      if (type < 128 || type > 161) {
        // a type packet-icmpv6.c has no case for: its note, and the rest as icmpv6.data
        expertAt(c, item, X.undecodedType, `Dissector for ICMPv6 Type (${type}) code not implemented, Contact Wireshark developers if you want this supported`);
        c.field(F.data, body, end - body, end);
      } else if (!dissectNeighborDiscovery(c, type, body, end, F.reserved)) dissectData(c, body, end);
  }
  f.pop();
}


/** "Decode the IPv6 header of the original datagram" (or data if it does not look like one). */
function contained(c: Ctx, o: number, end: number): void {
  if (o >= Math.min(end, c.b.length)) return;
  if ((c.u8(o) & 0xf0) === 0x60) dissectQuoted(c, dissectIpv6, o, end, false);
  else dissectData(c, o, end);
}

registerDissector('icmpv6', dissectIcmpv6);
bind('ip.proto', 58, 'icmpv6');
