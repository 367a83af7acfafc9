// ICMP (RFC 792; RFC 1191 MTU; RFC 1256 router discovery; RFC 4884 original datagram length;
// Wireshark packet-icmp.c, dissect_icmp).
//
//    0                   1                   2                   3
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |     Type      |     Code      |          Checksum             |
//   |              second word: depends on the type                 |
//   |     echo data, timestamps, or the IP header + 64 bits of the datagram in error
//
// An error message (unreachable, source quench, redirect, time exceeded, parameter problem)
// quotes the datagram that caused it: it is dissected as one more IPv4 (and transport) layer
// under the ICMP item, with Ctx.inErrorPkt set. "If the packet is compliant with RFC 4884, then
// it has icmp_original_dgram_length*4 bytes of original IP packet", then extension objects
// (icmp-extensions.ts). Echo requests and replies are matched across the capture.

import { icmpCodeName, icmpTypeName } from './icmp-codes.ts';
import { Base, FT, names, registerFields } from '../fields/registry.ts';
import { EF } from '../fields/field-list.ts';
import { durationText } from '../fields/format.ts';
import { EchoTracker } from '../analysis/ip-echo.ts';
import type { Ctx } from './context.ts';
import { Group, Severity, registerExperts } from './expert.ts';
import { dissectData } from './data.ts';
import { echoDataTime, trackEcho, type EchoFieldIds } from './icmp-echo.ts';
import { checksummable, dissectQuoted } from './icmp-error.ts';
import { dissectIcmpExtensions } from './icmp-extensions.ts';
import { dissectMobileIpExtensions } from './icmp-mobile-ip.ts';
import { flagParts } from './flag-names.ts';
import { checksum } from './ip-checksum.ts';
import { timestampText } from './icmp-timestamp.ts';
import { CHECKSUM_STATUS, dissectIpv4 } from './ipv4.ts';
import { bind, registerDissector } from './tables.ts';

const TYPE = 0;
const CODE = 1;
const CSUM = 2;
const WORD2 = 4;
const ORIG_LEN = 5;
export const ICMP_HEADER_LEN = WORD2 + 4;
/** RFC 4884: "the 128 octets … are followed by the ICMP Extension Structure". */
const ORIGINAL_DATAGRAM_MIN = 128;

const ECHO_REPLY = 0;
const UNREACH = 3;
const SOURCE_QUENCH = 4;
const REDIRECT = 5;
const ECHO = 8;
const ROUTER_ADVERT = 9;
const TIME_EXCEEDED = 11;
const PARAM_PROBLEM = 12;
const TIMESTAMP = 13;
const TIMESTAMP_REPLY = 14;
const MASK_REQUEST = 17;
const MASK_REPLY = 18;
const EXT_ECHO = 42;
const EXT_ECHO_REPLY = 43;

export const F = registerFields({
  icmp: { name: 'icmp', label: 'Internet Control Message Protocol', type: FT.PROTOCOL },
  // (no value names: packet-icmp.c appends the type's name to the line, "Type: 8 (Echo (ping)
  // request)", one that depends on the code too: icmp-codes.ts)
  type: { name: 'icmp.type', label: 'Type', type: FT.UINT, bits: 8 },
  code: { name: 'icmp.code', label: 'Code', type: FT.UINT, bits: 8 },
  checksum: { name: 'icmp.checksum', label: 'Checksum', type: FT.UINT, base: Base.HEX, bits: 16 },
  checksumStatus: { name: 'icmp.checksum.status', label: 'Checksum Status', type: FT.UINT, bits: 8, nameAlone: true, names: CHECKSUM_STATUS },
  unused: { name: 'icmp.unused', label: 'Unused', type: FT.BYTES },
  ident: { name: 'icmp.ident', label: 'Identifier (BE)', type: FT.UINT, base: Base.DEC_HEX, bits: 16 },
  identLe: { name: 'icmp.ident_le', label: 'Identifier (LE)', type: FT.UINT, base: Base.DEC_HEX, bits: 16 },
  seq: { name: 'icmp.seq', label: 'Sequence Number (BE)', type: FT.UINT, base: Base.DEC_HEX, bits: 16 },
  seqLe: { name: 'icmp.seq_le', label: 'Sequence Number (LE)', type: FT.UINT, base: Base.DEC_HEX, bits: 16 },
  mtu: { name: 'icmp.mtu', label: 'MTU of next hop', type: FT.UINT, bits: 16 },
  numAddrs: { name: 'icmp.num_addrs', label: 'Number of addresses', type: FT.UINT, bits: 8 },
  addrEntrySize: { name: 'icmp.addr_entry_size', label: 'Address entry size', type: FT.UINT, bits: 8 },
  lifetime: { name: 'icmp.lifetime', label: 'Lifetime', type: FT.UINT, bits: 16, unit: (v) => ` (${durationText(v)})` },
  pointer: { name: 'icmp.pointer', label: 'Pointer', type: FT.UINT },
  routerAddress: { name: 'icmp.router_address', label: 'Router address', type: FT.IPV4 },
  prefLevel: { name: 'icmp.pref_level', label: 'Preference level', type: FT.INT },
  originateTimestamp: { name: 'icmp.originate_timestamp', label: 'Originate Timestamp', type: FT.UINT },
  receiveTimestamp: { name: 'icmp.receive_timestamp', label: 'Receive Timestamp', type: FT.UINT },
  transmitTimestamp: { name: 'icmp.transmit_timestamp', label: 'Transmit Timestamp', type: FT.UINT },
  addressMask: { name: 'icmp.address_mask', label: 'Address Mask', type: FT.IPV4 },
  // RFC 8335's extended echo (PROBE): an 8-bit sequence number, then the request's L bit or the
  // reply's state and A, 4 and 6 bits
  extEchoSeq: { name: 'icmp.ext.echo.seq', label: 'Sequence Number', type: FT.UINT, base: Base.DEC_HEX, bits: 8 },
  extEchoReqRes: { name: 'icmp.ext.echo.req.res', label: 'Reserved', type: FT.UINT, base: Base.HEX, bits: 8, mask: 0xfe },
  extEchoReqLocal: { name: 'icmp.ext.echo.req.local', label: 'Local bit', type: FT.BOOLEAN, bits: 8, mask: 0x01, tf: ['Set', 'Not set'] },
  extEchoRspState: { name: 'icmp.ext.echo.rsp.state', label: 'State', type: FT.UINT, bits: 8, mask: 0xe0,
    names: names([[0, 'Reserved'], [1, 'Incomplete'], [2, 'Reachable'], [3, 'Stale'], [4, 'Delay'], [5, 'Probe'], [6, 'Failed']]) },
  extEchoRspRes: { name: 'icmp.ext.echo.rsp.res', label: 'Reserved', type: FT.UINT, base: Base.HEX, bits: 8, mask: 0x18 },
  extEchoRspActive: { name: 'icmp.ext.echo.rsp.active', label: 'Active bit', type: FT.BOOLEAN, bits: 8, mask: 0x04, tf: ['Set', 'Not set'] },
  extEchoRspIpv4: { name: 'icmp.ext.echo.rsp.ipv4', label: 'IPv4 bit', type: FT.BOOLEAN, bits: 8, mask: 0x02, tf: ['Set', 'Not set'] },
  extEchoRspIpv6: { name: 'icmp.ext.echo.rsp.ipv6', label: 'IPv6 bit', type: FT.BOOLEAN, bits: 8, mask: 0x01, tf: ['Set', 'Not set'] },
  redirGw: { name: 'icmp.redir_gw', label: 'Gateway Address', type: FT.IPV4 },
  length: { name: 'icmp.length', label: 'Length', type: FT.UINT, bits: 8 },
  lengthOriginal: { name: 'icmp.length.original_datagram', label: 'Length of original datagram', type: FT.UINT, bits: 8 },
  respIn: { name: 'icmp.resp_in', label: 'Response frame', type: FT.FRAMENUM },
  noResp: { name: 'icmp.no_resp', label: 'No response seen', type: FT.NONE },
  respTo: { name: 'icmp.resp_to', label: 'Request frame', type: FT.FRAMENUM },
  resptime: { name: 'icmp.resptime', label: 'Response time', type: FT.DOUBLE, unit: ' ms' },
  dataTime: { name: 'icmp.data_time', label: 'Timestamp from icmp data', type: FT.ABSOLUTE_TIME },
  dataTimeRelative: { name: 'icmp.data_time_relative', label: 'Timestamp from icmp data (relative)', type: FT.RELATIVE_TIME },
});

/** packet-icmp.c's expert infos: a request no reply answered (tshark 4.0.17 on the corpus), a bad checksum. */
const X = registerExperts({
  respNotFound: { name: 'icmp.resp_not_found', msg: 'No response seen', severity: Severity.WARN, group: Group.SEQUENCE },
  badChecksum: { name: 'icmp.checksum_bad', msg: 'Bad checksum', severity: Severity.WARN, group: Group.CHECKSUM },
});
const EXT_ECHO_REQUEST_BITS = [F.extEchoReqRes, F.extEchoReqLocal];
const EXT_ECHO_REPLY_BITS = [F.extEchoRspState, F.extEchoRspRes, F.extEchoRspActive, F.extEchoRspIpv4, F.extEchoRspIpv6];
const ECHO_IDS: EchoFieldIds = { respIn: F.respIn, respTo: F.respTo, resptime: F.resptime, noResp: F.noResp, noRespExpert: X.respNotFound,
  noRespText: () => 'No response seen to ICMP request' };

export function dissectIcmp(c: Ctx, off: number, end: number): void {
  const f = c.f;
  c.proto(F.icmp, off, end);
  // (packet-icmp.c reads both before it adds either)
  const typeCode = off + CODE < Math.min(end, c.b.length) ? c.u8(off + CODE) : -1;
  const type = c.uint(F.type, off + TYPE, 1, end);
  if (type >= 0 && f.wanted === null) f.appendLabel(f.last, ` (${icmpTypeName(type, typeCode)})`);
  const code = c.uint(F.code, off + CODE, 1, end);
  // the code's name for the types that name their codes: "Code: 3 (Port unreachable)"
  if (code >= 0 && f.wanted === null && icmpCodeName(type, code) !== '') f.appendLabel(f.last, ` (${icmpCodeName(type, code)})`);
  if (!c.has(off + CSUM, 2, end)) return;
  // RFC 4884: "length of the padded 'original datagram' field, measured in 32-bit words".
  let origLen = off + ORIG_LEN < c.b.length ? c.u8(off + ORIG_LEN) * 4 : 0;
  checksum(c, F.checksum, F.checksumStatus, off, end, checksummable(c, end), 0, CSUM, X.badChecksum);
  const w = off + WORD2;
  switch (type) {
    case ECHO_REPLY: case ECHO: case TIMESTAMP: case TIMESTAMP_REPLY: case 15: case 16: case MASK_REQUEST: case MASK_REPLY: {
      const id = c.uint(F.ident, w, 2, end);
      if (id >= 0) f.add(F.identLe, w, 2, ((id & 0xff) << 8) | (id >> 8));
      const seq = c.uint(F.seq, w + 2, 2, end);
      if (seq >= 0) f.add(F.seqLe, w + 2, 2, ((seq & 0xff) << 8) | (seq >> 8));
      break;
    }
    case EXT_ECHO: case EXT_ECHO_REPLY: {
      const id = c.uint(F.ident, w, 2, end);
      if (id >= 0) f.add(F.identLe, w, 2, ((id & 0xff) << 8) | (id >> 8));
      c.uint(F.extEchoSeq, w + 2, 1, end);
      // (the bits as items of the message, not of a word of their own)
      if (c.has(w + 3, 1, end)) flagParts(c, -1, type === EXT_ECHO ? EXT_ECHO_REQUEST_BITS : EXT_ECHO_REPLY_BITS, w + 3, 1, c.u8(w + 3), false);
      break;
    }
    case UNREACH: case TIME_EXCEEDED:
      if (origLen > 0) {
        c.field(F.unused, w, 1, end);
        c.uint(F.length, w + 1, 1, end);
        f.add(F.lengthOriginal, w + 1, 1, origLen, EF.GENERATED);
        if (type === UNREACH && code === 4) c.uint(F.mtu, w + 2, 2, end);
        else c.field(F.unused, w + 2, 2, end);
      } else if (type === UNREACH && code === 4) {
        c.field(F.unused, w, 2, end);
        c.uint(F.mtu, w + 2, 2, end);
      } else c.field(F.unused, w, 4, end);
      break;
    case ROUTER_ADVERT:
      c.uint(F.numAddrs, w, 1, end);
      c.uint(F.addrEntrySize, w + 1, 1, end);
      c.uint(F.lifetime, w + 2, 2, end);
      break;
    case PARAM_PROBLEM:
      c.uint(F.pointer, w, 1, end);
      if (origLen > 0) {
        c.uint(F.length, w + 1, 1, end);
        f.add(F.lengthOriginal, w + 1, 1, origLen, EF.GENERATED);
        c.field(F.unused, w + 2, 2, end);
      } else c.field(F.unused, w + 1, 3, end);
      break;
    case REDIRECT:
      c.field(F.redirGw, w, 4, end);
      origLen = 0;
      break;
  }
  if (c.stop) return;
  const body = off + ICMP_HEADER_LEN;
  switch (type) {
    case UNREACH: case TIME_EXCEEDED: case PARAM_PROBLEM: case SOURCE_QUENCH: case REDIRECT:
      quoted(c, type, origLen, off, end);
      break;
    case ECHO_REPLY: case ECHO:
      if (!c.inErrorPkt && c.has(off + WORD2, 4, end)) {
        const cksum = c.u16(off + CSUM);
        // A request is filed under the checksum its reply will have ("the difference between echo
        // request & reply" is the type, 0x0800 in the first word); a reply under its own.
        const key0 = type === ECHO ? EchoTracker.replyChecksum(cksum, 0x0800) : cksum === 0xffff ? 0 : cksum;
        trackEcho(c, c.reasm.icmpEcho, type === ECHO, key0, c.u32(off + WORD2), off, ECHO_IDS);
      }
      if (Math.min(end, c.b.length) - body < 8) {
        dissectData(c, body, end);
        break;
      }
      dissectData(c, echoDataTime(c, body, end, F.dataTime, F.dataTimeRelative), end);
      break;
    case ROUTER_ADVERT: {
      const n = c.u8(off + WORD2);
      if (c.u8(off + WORD2 + 1) !== 2) {
        dissectData(c, body, end);
        break;
      }
      let i = 0;
      for (; i < n && !c.stop; i++) {
        c.field(F.routerAddress, body + i * 8, 4, end);
        if (c.has(body + i * 8 + 4, 4, end)) f.add(F.prefLevel, body + i * 8 + 4, 4, c.u32(body + i * 8 + 4) | 0);
      }
      if (code === 0 || code === 16) dissectMobileIpExtensions(c, body + i * 8, end);
      break;
    }
    case TIMESTAMP: case TIMESTAMP_REPLY:
      for (const [id, o] of [[F.originateTimestamp, body], [F.receiveTimestamp, body + 4], [F.transmitTimestamp, body + 8]] as const) {
        if (c.uint(id, o, 4, end) >= 0 && f.wanted === null) f.appendLabel(f.last, timestampText(c, o));
      }
      break;
    case MASK_REQUEST: case MASK_REPLY:
      c.field(F.addressMask, body, 4, end);
      break;
    case EXT_ECHO:
      if (end - off > ICMP_HEADER_LEN) dissectIcmpExtensions(c, body, end);
      break;
  }
  f.pop();
}

/** The datagram in error: IPv4 header and (at least) 64 bits of its payload, then RFC 4884 extensions. */
function quoted(c: Ctx, type: number, origLen: number, off: number, end: number): void {
  const body = off + ICMP_HEADER_LEN;
  const b = c.b;
  const reported = end - off;
  const ihl = body < b.length ? ((b[body] as number) & 0x0f) * 4 : 0;
  const quotedLen = body + 3 < b.length ? c.u16(body + 2) : 0;
  let quotedEnd = end;
  if (type === REDIRECT) quotedEnd = Math.min(end, body + ihl + 8);
  else if (origLen && reported > ICMP_HEADER_LEN + origLen && quotedLen > origLen) quotedEnd = Math.min(end, body + ihl + origLen);
  dissectQuoted(c, dissectIpv4, body, quotedEnd, true);
  if (c.stop) return;
  if (reported > ICMP_HEADER_LEN + ORIGINAL_DATAGRAM_MIN && quotedLen <= ORIGINAL_DATAGRAM_MIN) {
    dissectIcmpExtensions(c, body + (origLen || ORIGINAL_DATAGRAM_MIN), end);
  }
}

registerDissector('icmp', dissectIcmp);
bind('ip.proto', 1, 'icmp');
