// IPv4 (RFC 791; Wireshark packet-ip.c, dissect_ip_v4, with its 4.0 defaults: checksum not
// verified, TSO zero lengths accepted, fragments reassembled).
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |Version|  IHL  |Type of Service|          Total Length         |
//   |         Identification        |Flags|      Fragment Offset    |
//   |  Time to Live |    Protocol   |         Header Checksum       |
//   |                       Source Address                          |
//   |                    Destination Address                        |
//   |                    Options                    |    Padding    |
//
// Bogus values end the IP layer as Wireshark does: a version other than 4 (6 is handed to IPv6:
// "I have a Linux cooked capture with ethertype IPv4 containing an IPv6 packet"), a header length
// under 20, a total length under the header length (except 0, taken as TSO / BIG TCP: the
// length is then the frame's). A total length past the frame is only flagged.

import { setFlagNames } from './flag-names.ts';
import { DSCP_NAMES, ECN_NAMES, dsSummary } from './dsfield.ts';
import { Base, FT, fieldById, names, registerFields } from '../fields/registry.ts';
import { bitPattern } from '../fields/format.ts';
import { IP_PROTO_NAME_LIST } from './ip-proto-names.ts';
import { EF, FieldGroup } from '../fields/field-list.ts';
import type { Ctx } from './context.ts';
import { Status } from './context.ts';
import { dissectData } from './data.ts';
import { dissectIpv4Options, sourceRouteDst } from './ipv4-options.ts';
import { E } from './ip-expert.ts';
import { expertAt } from './expert.ts';
import { addFragment, dissectReassembled, type FragmentFieldIds } from './ip-fragments.ts';
import { bind, dissectorByName, registerDissector } from './tables.ts';

const VHL = 0;
const TOS = 1;
const LEN = 2;
const ID = 4;
const FRAG = 6;
const TTL = 8;
const PROTO = 9;
const CSUM = 10;
const SRC = 12;
const DST = 16;
export const IPV4_MIN_HEADER_LEN = DST + 4;

/** ipproto_val (scripts/make-ip-proto-names.py). */
export const IP_PROTO_NAMES = names(IP_PROTO_NAME_LIST);

/** proto_checksum_vals. */
export const CHECKSUM_STATUS = names([[0, 'Bad'], [1, 'Good'], [2, 'Unverified'], [3, 'Not present'], [4, 'Illegal']]);
export const CHECKSUM_UNVERIFIED = 2;

export const F = registerFields({
  ip: { name: 'ip', label: 'Internet Protocol Version 4', type: FT.PROTOCOL },
  version: { name: 'ip.version', label: 'Version', type: FT.UINT, bits: 8, mask: 0xf0 },
  hdrLen: { name: 'ip.hdr_len', label: 'Header Length', type: FT.UINT, bits: 8 },
  dsfield: { name: 'ip.dsfield', label: 'Differentiated Services Field', type: FT.UINT, base: Base.HEX, bits: 8 },
  dscp: { name: 'ip.dsfield.dscp', label: 'Differentiated Services Codepoint', type: FT.UINT, bits: 8, mask: 0xfc, names: DSCP_NAMES, unknownName: true },
  ecn: { name: 'ip.dsfield.ecn', label: 'Explicit Congestion Notification', type: FT.UINT, bits: 8, mask: 0x3, names: ECN_NAMES },
  len: { name: 'ip.len', label: 'Total Length', type: FT.UINT, bits: 16 },
  id: { name: 'ip.id', label: 'Identification', type: FT.UINT, base: Base.HEX_DEC, bits: 16 },
  flags: { name: 'ip.flags', label: 'Flags', type: FT.UINT, base: Base.HEX, bits: 8, mask: 0xe0 },
  rb: { name: 'ip.flags.rb', label: 'Reserved bit', type: FT.BOOLEAN, bits: 8, mask: 0x80, tf: ['Set', 'Not set'] },
  df: { name: 'ip.flags.df', label: "Don't fragment", type: FT.BOOLEAN, bits: 8, mask: 0x40, tf: ['Set', 'Not set'] },
  mf: { name: 'ip.flags.mf', label: 'More fragments', type: FT.BOOLEAN, bits: 8, mask: 0x20, tf: ['Set', 'Not set'] },
  fragOffset: { name: 'ip.frag_offset', label: 'Fragment Offset', type: FT.UINT, bits: 16, mask: 0x1fff },
  ttl: { name: 'ip.ttl', label: 'Time to Live', type: FT.UINT, bits: 8 },
  proto: { name: 'ip.proto', label: 'Protocol', type: FT.UINT, bits: 8, names: IP_PROTO_NAMES, unknownName: true },
  checksum: { name: 'ip.checksum', label: 'Header Checksum', type: FT.UINT, base: Base.HEX, bits: 16 },
  checksumStatus: { name: 'ip.checksum.status', label: 'Header checksum status', type: FT.UINT, bits: 8, nameAlone: true, names: CHECKSUM_STATUS },
  src: { name: 'ip.src', label: 'Source Address', type: FT.IPV4 },
  addr: { name: 'ip.addr', label: 'Source or Destination Address', type: FT.IPV4 },
  // Host names are the addresses themselves: like tshark -n, Decapod resolves no names.
  srcHost: { name: 'ip.src_host', label: 'Source Host', type: FT.IPV4 },
  host: { name: 'ip.host', label: 'Source or Destination Host', type: FT.IPV4 },
  dst: { name: 'ip.dst', label: 'Destination Address', type: FT.IPV4 },
  dstHost: { name: 'ip.dst_host', label: 'Destination Host', type: FT.IPV4 },
  curRt: { name: 'ip.cur_rt', label: 'Current Route', type: FT.IPV4 },
  curRtHost: { name: 'ip.cur_rt_host', label: 'Current Route Host', type: FT.IPV4 },
  fragments: { name: 'ip.fragments', label: 'IPv4 Fragments', type: FT.BYTES },
  fragment: { name: 'ip.fragment', label: 'IPv4 Fragment', type: FT.FRAMENUM },
  fragmentError: { name: 'ip.fragment.error', label: 'Defragmentation error', type: FT.FRAMENUM },
  overlap: { name: 'ip.fragment.overlap', label: 'Fragment overlap', type: FT.BOOLEAN },
  conflict: { name: 'ip.fragment.overlap.conflict', label: 'Conflicting data in fragment overlap', type: FT.BOOLEAN },
  multipleTails: { name: 'ip.fragment.multipletails', label: 'Multiple tail fragments found', type: FT.BOOLEAN },
  tooLong: { name: 'ip.fragment.toolongfragment', label: 'Fragment too long', type: FT.BOOLEAN },
  fragmentCount: { name: 'ip.fragment.count', label: 'Fragment count', type: FT.UINT },
  reassembledIn: { name: 'ip.reassembled_in', label: 'Reassembled IPv4 in frame', type: FT.FRAMENUM },
  reassembledLength: { name: 'ip.reassembled.length', label: 'Reassembled IPv4 length', type: FT.UINT },
  reassembledData: { name: 'ip.reassembled.data', label: 'Reassembled IPv4 data', type: FT.BYTES },
});

const FRAGMENT_IDS: FragmentFieldIds = {
  fragments: F.fragments, fragment: F.fragment, error: F.fragmentError, overlap: F.overlap, conflict: F.conflict,
  multipleTails: F.multipleTails, tooLong: F.tooLong, count: F.fragmentCount, reassembledIn: F.reassembledIn,
  length: F.reassembledLength, data: F.reassembledData,
};

/**
 * "If an IP is destined for an IP address in the Local Network Control Block (e.g. 224.0.0.0/24),
 * the packet should never be routed and the TTL would be expected to be 1 (see RFC 3171).
 * Flag a low TTL if the packet is not destined for a multicast address … and the payload isn't
 * protocol 103 (PIM)" (nor OSPF).
 */
function ttlExpert(c: Ctx, ttlItem: number, ttl: number, dst: number, proto: number): void {
  if ((dst & 0xffffff00) >>> 0 === 0xe0000000) {
    const expected = LNCB_TTL.get(dst) ?? 1;
    if (expected >= 0 && ttl !== expected) {
      expertAt(c, ttlItem, E.ipTtlLncb, `"Time To Live" != ${expected} for a packet sent to the Local Network Control Block (see RFC 3171)`);
    }
  } else if ((dst & 0xf0000000) >>> 0 !== 0xe0000000 && ttl < 5 && proto !== 103 && proto !== 89) {
    expertAt(c, ttlItem, E.ipTtlTooSmall, `"Time To Live" only ${ttl}`);
  }
}

/** TTLs expected for some 224.0.0.x groups (VRRP and GLBP 255, mDNS and LLMNR any: -1). */
const LNCB_TTL = new Map([[0xe0000012, 255], [0xe0000066, 255], [0xe00000fb, -1], [0xe00000fc, -1]]);

function dstAddress(c: Ctx, off: number, end: number): void {
  address(c, F.dst, F.dstHost, off, end);
}

function address(c: Ctx, id: number, hostId: number, off: number, end: number): void {
  if (!c.field(id, off, 4, end)) return;
  if (!(hostId === F.srcHost ? SRC_HIDDEN : DST_HIDDEN).kept(c.f)) return;
  c.f.add(F.addr, off, 4, 0, EF.HIDDEN);
  c.f.add(hostId, off, 4, 0, EF.HIDDEN | EF.GENERATED);
  c.f.add(F.host, off, 4, 0, EF.HIDDEN | EF.GENERATED);
}

/** Blocks of plain adds a lean dissection skips whole when it keeps none of their fields. */
const SRC_HIDDEN = new FieldGroup([F.addr, F.srcHost, F.host]);
const DST_HIDDEN = new FieldGroup([F.addr, F.dstHost, F.host]);
const DSFIELD_PARTS = new FieldGroup([F.dscp, F.ecn]);
const FLAGS = new FieldGroup([F.flags, F.rb, F.df, F.mf]);

export function dissectIpv4(c: Ctx, off: number, end: number): void {
  const f = c.f;
  if (!c.has(off + VHL, 1, end)) return;
  const vhl = c.u8(off + VHL);
  const version = vhl >> 4;
  if (version === 6) {
    const v6 = dissectorByName('ipv6');
    if (v6) {
      // (packet-ip.c hands it on with no item of its own: still a layer of frame.protocols)
      c.layer('ip');
      return v6(c, off, end);
    }
  }
  const hlen = (vhl & 0x0f) * 4;
  c.proto(F.ip, off, Math.min(off + hlen, end));
  const versionItem = f.add(F.version, off, 1, version);
  if (version !== 4) {
    expertAt(c, versionItem, E.ipBogusVersion, 'Bogus IPv4 version');
    return;
  }
  const hdrLenItem = f.add(F.hdrLen, off, 1, hlen);
  // (Wireshark shows the nibble and its meaning: ".... 0101 = Header Length: 20 bytes (5)")
  if (hdrLenItem >= 0 && f.wanted === null) f.setText(hdrLenItem, `.... ${(vhl & 0x0f).toString(2).padStart(4, '0')} = Header Length: ${hlen} bytes (${vhl & 0x0f})`);
  if (hlen < IPV4_MIN_HEADER_LEN) {
    expertAt(c, hdrLenItem, E.ipBogusHeaderLength, `Bogus IP header length (${hlen}, must be at least ${IPV4_MIN_HEADER_LEN})`);
    return;
  }
  const tos = c.uint(F.dsfield, off + TOS, 1, end);
  if (tos < 0) return;
  if (f.wanted === null) f.appendLabel(f.last, dsSummary(tos));
  if (DSFIELD_PARTS.kept(f)) {
    f.push(f.last);
    f.add(F.dscp, off + TOS, 1, tos >> 2);
    f.add(F.ecn, off + TOS, 1, tos & 3);
    f.pop();
  }
  if (!c.has(off + LEN, 2, end)) return;
  let ipLen = c.u16(off + LEN);
  let payloadEnd = end;
  if (ipLen < hlen) {
    if (ipLen !== 0) {
      const item = f.add(F.len, off + LEN, 2, ipLen);
      expertAt(c, item, E.ipBogusLength, `Bogus IP length (${ipLen}, less than header length ${hlen})`);
      return;
    }
    // ip.tso_support (on by default): "Assume the zero length is the result of TSO, and use the
    // reported length instead" (BIG TCP sends > 64 KiB datagrams this way).
    ipLen = end - off;
    const i = f.add(F.len, off + LEN, 2, ipLen, EF.GENERATED);
    if (i >= 0 && f.wanted === null) f.setText(i, `Total Length: ${ipLen} bytes (reported as 0, presumed to be because of "TCP segmentation offload" (TSO))`);
  } else {
    const item = f.add(F.len, off + LEN, 2, ipLen);
    if (off + ipLen <= end) payloadEnd = off + ipLen;
    else if (!c.inErrorPkt) {
      expertAt(c, item, E.ipBogusLength, `IPv4 total length exceeds packet length (${end - off} bytes)`);
    }
  }
  c.setEnd(off + ipLen);
  const ipId = c.uint(F.id, off + ID, 2, end);
  if (!c.has(off + FRAG, 2, end)) return;
  const fragWord = c.u16(off + FRAG);
  if (FLAGS.kept(f)) {
    const flagsItem = f.add(F.flags, off + FRAG, 1, fragWord >> 13);
    // the set flags' names after the value: "Flags: 0x2, Don't fragment"
    if (f.wanted === null && fragWord & 0xe000) f.appendLabel(flagsItem, setFlagNames([F.rb, F.df, F.mf], fragWord >> 8));
    f.push(flagsItem);
    f.add(F.rb, off + FRAG, 1, (fragWord >> 15) & 1);
    f.add(F.df, off + FRAG, 1, (fragWord >> 14) & 1);
    f.add(F.mf, off + FRAG, 1, (fragWord >> 13) & 1);
    f.pop();
  }
  const fragItem = f.add(F.fragOffset, off + FRAG, 2, fragWord & 0x1fff);
  // the line shows the offset in bytes, the field's value stays in 8-byte units (packet-ip.c)
  if (fragItem >= 0 && f.wanted === null) f.setText(fragItem, `${bitPattern(fieldById(F.fragOffset), fragWord & 0x1fff)} = Fragment Offset: ${(fragWord & 0x1fff) * 8}`);
  const ttl = c.uint(F.ttl, off + TTL, 1, end);
  const ttlItem = f.last;
  const proto = c.uint(F.proto, off + PROTO, 1, end);
  if (c.uint(F.checksum, off + CSUM, 2, end) < 0) return;
  // ip.check_checksum is off by default: packet-ip.c writes why the sum was not checked
  if (f.wanted === null) f.appendLabel(f.last, ' [validation disabled]');
  f.add(F.checksumStatus, off + CSUM, 0, CHECKSUM_UNVERIFIED, EF.GENERATED);
  address(c, F.src, F.srcHost, off + SRC, end);
  // "If there's an IP strict or loose source routing option, then the final L3 IP destination
  // address will be the last entry in the routing header" (RFC 791 section 3.1).
  const routeDst = hlen > IPV4_MIN_HEADER_LEN ? sourceRouteDst(c, off + IPV4_MIN_HEADER_LEN, off + hlen) : -1;
  if (c.has(routeDst < 0 ? off + DST : routeDst, 4, end)) ttlExpert(c, ttlItem, ttl, c.u32(routeDst < 0 ? off + DST : routeDst), proto);
  if (routeDst < 0) address(c, F.dst, F.dstHost, off + DST, end);
  else if (c.field(F.curRt, off + DST, 4, end)) f.add(F.curRtHost, off + DST, 4, 0, EF.HIDDEN | EF.GENERATED);
  if (c.stop) return;
  if (hlen > IPV4_MIN_HEADER_LEN) dissectIpv4Options(c, off, off + hlen, end, dstAddress);
  if (c.stop) return;
  const dst = routeDst < 0 ? off + DST : routeDst;
  c.netBuf = c.b;
  c.netSrc = off + SRC;
  c.netDst = dst;
  c.netLen = 4;
  c.ipProto = proto;
  const payload = off + hlen;
  const upper = c.tables.ipProto[proto] ?? dissectData;
  const more = (fragWord & 0x2000) !== 0;
  const fragOffset = (fragWord & 0x1fff) * 8;
  if (more || fragOffset !== 0) {
    c.status |= Status.FRAGMENT;
    const plen = ipLen - hlen;
    if (off + ipLen <= Math.min(end, c.b.length)) {
      const key = (proto ^ ipId ^ c.u32(off + SRC) ^ c.u32(dst)) >>> 0;
      const r = addFragment(c, c.reasm.ipv4, FRAGMENT_IDS, key, off + SRC, dst, 4, fragOffset, payload, plen, more);
      if (r) {
        c.status |= Status.REASSEMBLED;
        dissectReassembled(c, FRAGMENT_IDS, r, 'Reassembled IPv4', () => f.pop(), upper);
        return;
      }
      f.pop();
      dissectData(c, payload, payloadEnd);
      return;
    }
    if (fragOffset !== 0) {
      // Not the first fragment: just show it as a fragment.
      f.pop();
      dissectData(c, payload, payloadEnd);
      return;
    }
  }
  f.pop();
  if (payloadEnd > payload) c.call(upper, payload, payloadEnd);
}

registerDissector('ip', dissectIpv4);
bind('ethertype', 0x0800, 'ip');
bind('ip.proto', 4, 'ip');
