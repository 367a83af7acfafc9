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

import { icmpCodeName } from './icmp-codes.ts';
import { Base, FT, names, registerFields } from '../fields/registry.ts';
import { EF } from '../fields/field-list.ts';
import { EchoTracker } from '../analysis/ip-echo.ts';
import type { Ctx } from './context.ts';
import { Group, Severity, registerExperts } from './expert.ts';
import { dissectData } from './data.ts';
import { echoDataTime, trackEcho, type EchoFieldIds } from './icmp-echo.ts';
import { checksummable, dissectQuoted } from './icmp-error.ts';
import { dissectIcmpExtensions } from './icmp-extensions.ts';
import { checksum } from './ip-checksum.ts';
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

export const ICMP_TYPES = names([[0, 'Echo (ping) reply'], [3, 'Destination unreachable'], [4, 'Source quench (flow control)'],
  [5, 'Redirect'], [6, 'Alternate host address'], [8, 'Echo (ping) request'], [9, 'Router advertisement'],
  [10, 'Router solicitation'], [11, 'Time-to-live exceeded'], [12, 'Parameter problem'], [13, 'Timestamp request'],
  [14, 'Timestamp reply'], [15, 'Information request'], [16, 'Information reply'], [17, 'Address mask request'],
  [18, 'Address mask reply'], [40, 'Photuris'], [42, 'Extended Echo request'], [43, 'Extended Echo reply']]);

export const F = registerFields({
  icmp: { name: 'icmp', label: 'Internet Control Message Protocol', type: FT.PROTOCOL },
  // ("Type: 8 (Echo (ping) request)": the number first, as packet-icmp.c writes the line)
  type: { name: 'icmp.type', label: 'Type', type: FT.UINT, bits: 8, names: ICMP_TYPES, valueFirst: true },
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
  lifetime: { name: 'icmp.lifetime', label: 'Lifetime', type: FT.UINT, bits: 16 },
  pointer: { name: 'icmp.pointer', label: 'Pointer', type: FT.UINT },
  routerAddress: { name: 'icmp.router_address', label: 'Router address', type: FT.IPV4 },
  prefLevel: { name: 'icmp.pref_level', label: 'Preference level', type: FT.INT },
  originateTimestamp: { name: 'icmp.originate_timestamp', label: 'Originate Timestamp', type: FT.UINT },
  receiveTimestamp: { name: 'icmp.receive_timestamp', label: 'Receive Timestamp', type: FT.UINT },
  transmitTimestamp: { name: 'icmp.transmit_timestamp', label: 'Transmit Timestamp', type: FT.UINT },
  addressMask: { name: 'icmp.address_mask', label: 'Address Mask', type: FT.IPV4 },
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

/** packet-icmp.c's expert info on a request no reply answered (tshark 4.0.17 on the corpus). */
const X = registerExperts({
  respNotFound: { name: 'icmp.resp_not_found', msg: 'No response seen', severity: Severity.WARN, group: Group.SEQUENCE },
});
const ECHO_IDS: EchoFieldIds = { respIn: F.respIn, respTo: F.respTo, resptime: F.resptime, noResp: F.noResp, noRespExpert: X.respNotFound,
  noRespText: () => 'No response seen to ICMP request' };

export function dissectIcmp(c: Ctx, off: number, end: number): void {
  const f = c.f;
  c.proto(F.icmp, off, end);
  const type = c.uint(F.type, off + TYPE, 1, end);
  const code = c.uint(F.code, off + CODE, 1, end);
  // the code's name for the types that name their codes: "Code: 3 (Port unreachable)"
  if (code >= 0 && f.wanted === null && icmpCodeName(type, code) !== '') f.appendLabel(f.last, ` (${icmpCodeName(type, code)})`);
  if (!c.has(off + CSUM, 2, end)) return;
  // RFC 4884: "length of the padded 'original datagram' field, measured in 32-bit words".
  let origLen = off + ORIG_LEN < c.b.length ? c.u8(off + ORIG_LEN) * 4 : 0;
  checksum(c, F.checksum, F.checksumStatus, off, end, checksummable(c, end), 0);
  const w = off + WORD2;
  switch (type) {
    case ECHO_REPLY: case ECHO: case TIMESTAMP: case TIMESTAMP_REPLY: case 15: case 16: case MASK_REQUEST: case MASK_REPLY: {
      const id = c.uint(F.ident, w, 2, end);
      if (id >= 0) f.add(F.identLe, w, 2, ((id & 0xff) << 8) | (id >> 8));
      const seq = c.uint(F.seq, w + 2, 2, end);
      if (seq >= 0) f.add(F.seqLe, w + 2, 2, ((seq & 0xff) << 8) | (seq >> 8));
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
      for (let i = 0; i < n && !c.stop; i++) {
        c.field(F.routerAddress, body + i * 8, 4, end);
        c.uint(F.prefLevel, body + i * 8 + 4, 4, end);
      }
      break;
    }
    case TIMESTAMP: case TIMESTAMP_REPLY:
      c.uint(F.originateTimestamp, body, 4, end);
      c.uint(F.receiveTimestamp, body + 4, 4, end);
      c.uint(F.transmitTimestamp, body + 8, 4, end);
      break;
    case MASK_REQUEST: case MASK_REPLY:
      c.field(F.addressMask, body, 4, end);
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
  dissectQuoted(c, dissectIpv4, body, quotedEnd);
  if (c.stop) return;
  if (reported > ICMP_HEADER_LEN + ORIGINAL_DATAGRAM_MIN && quotedLen <= ORIGINAL_DATAGRAM_MIN) {
    dissectIcmpExtensions(c, body + (origLen || ORIGINAL_DATAGRAM_MIN), end);
  }
}

registerDissector('icmp', dissectIcmp);
bind('ip.proto', 1, 'icmp');
