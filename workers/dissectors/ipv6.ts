// IPv6 (RFC 8200; Wireshark packet-ipv6.c dissect_ipv6 / ipv6_dissect_next, 4.0 defaults:
// reassembly on, TSO off, extension headers under the IPv6 item).
//
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |Version| Traffic Class |           Flow Label                  |
//   |         Payload Length        |  Next Header  |   Hop Limit   |
//   |                     Source Address (128)                      |
//   |                  Destination Address (128)                    |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// The extension header chain (Hop-by-Hop, Routing, Fragment, Destination Options) is walked in a
// loop, not by recursion, so a chain of 100 headers costs nothing more than depth. The upper layer
// is dissected beside the IPv6 item, not under it. A version other than 6 leaves the bytes to
// `data`; a Payload Length of 0 with a Jumbo Payload option (RFC 2675) takes the option's length.

import { Base, FT, fieldByName, registerFields } from '../fields/registry.ts';
import { EF } from '../fields/field-list.ts';
import { addressExtras } from './ipv6-address.ts';
import type { Ctx } from './context.ts';
import { Status } from './context.ts';
import { dissectData } from './data.ts';
import { IP_PROTO_NAMES } from './ipv4.ts';
import { DSCP_NAMES, ECN_NAMES, dsSummary } from './dsfield.ts';
import { dissectOptionsHeader, jumboLength } from './ipv6-options.ts';
import { dissectFragmentHeader, dissectRouting, FRAGMENT_HEADER_LEN, type FragmentHeader, type RoutingResult } from './ipv6-routing.ts';
import { E } from './ip-expert.ts';
import { expertAt } from './expert.ts';
import { addFragment, dissectReassembled, type FragmentFieldIds } from './ip-fragments.ts';
import { bind, registerDissector } from './tables.ts';

const VFC = 0;
const FLOW = 1;
const PLEN = 4;
const NXT = 6;
const HLIM = 7;
const SRC = 8;
const DST = 24;
export const IPV6_HEADER_LEN = DST + 16;

const HOPOPTS = 0;
const ROUTING = 43;
const FRAGMENT = 44;
const NONE = 59;
const DSTOPTS = 60;

export const F = registerFields({
  ipv6: { name: 'ipv6', label: 'Internet Protocol Version 6', type: FT.PROTOCOL },
  version: { name: 'ipv6.version', label: 'Version', type: FT.UINT, bits: 8, mask: 0xf0 },
  tclass: { name: 'ipv6.tclass', label: 'Traffic Class', type: FT.UINT, base: Base.HEX, mask: 0x0ff00000 },
  dscp: { name: 'ipv6.tclass.dscp', label: 'Differentiated Services Codepoint', type: FT.UINT, mask: 0x0fc00000, names: DSCP_NAMES, unknownName: true },
  ecn: { name: 'ipv6.tclass.ecn', label: 'Explicit Congestion Notification', type: FT.UINT, mask: 0x00300000, names: ECN_NAMES },
  flow: { name: 'ipv6.flow', label: 'Flow Label', type: FT.UINT, base: Base.HEX, bits: 24, mask: 0xfffff },
  plen: { name: 'ipv6.plen', label: 'Payload Length', type: FT.UINT, bits: 16 },
  nxt: { name: 'ipv6.nxt', label: 'Next Header', type: FT.UINT, bits: 8, names: IP_PROTO_NAMES },
  hlim: { name: 'ipv6.hlim', label: 'Hop Limit', type: FT.UINT, bits: 8 },
  src: { name: 'ipv6.src', label: 'Source Address', type: FT.IPV6 },
  addr: { name: 'ipv6.addr', label: 'Source or Destination Address', type: FT.IPV6 },
  srcHost: { name: 'ipv6.src_host', label: 'Source Host', type: FT.IPV6 },
  host: { name: 'ipv6.host', label: 'Source or Destination Host', type: FT.IPV6 },
  dst: { name: 'ipv6.dst', label: 'Destination Address', type: FT.IPV6 },
  dstHost: { name: 'ipv6.dst_host', label: 'Destination Host', type: FT.IPV6 },
  fragments: { name: 'ipv6.fragments', label: 'IPv6 Fragments', type: FT.NONE },
  fragment: { name: 'ipv6.fragment', label: 'IPv6 Fragment', type: FT.FRAMENUM },
  fragmentError: { name: 'ipv6.fragment.error', label: 'Defragmentation error', type: FT.FRAMENUM },
  overlap: { name: 'ipv6.fragment.overlap', label: 'Fragment overlap', type: FT.BOOLEAN },
  conflict: { name: 'ipv6.fragment.overlap.conflict', label: 'Conflicting data in fragment overlap', type: FT.BOOLEAN },
  multipleTails: { name: 'ipv6.fragment.multipletails', label: 'Multiple tail fragments found', type: FT.BOOLEAN },
  tooLong: { name: 'ipv6.fragment.toolongfragment', label: 'Fragment too long', type: FT.BOOLEAN },
  fragmentCount: { name: 'ipv6.fragment.count', label: 'Fragment count', type: FT.UINT },
  reassembledIn: { name: 'ipv6.reassembled.in', label: 'Reassembled IPv6 in frame', type: FT.FRAMENUM },
  reassembledLength: { name: 'ipv6.reassembled.length', label: 'Reassembled IPv6 length', type: FT.UINT },
  reassembledData: { name: 'ipv6.reassembled.data', label: 'Reassembled IPv6 data', type: FT.BYTES },
});

const FRAGMENT_IDS: FragmentFieldIds = {
  fragments: F.fragments, fragment: F.fragment, error: F.fragmentError, overlap: F.overlap, conflict: F.conflict,
  multipleTails: F.multipleTails, tooLong: F.tooLong, count: F.fragmentCount, reassembledIn: F.reassembledIn,
  length: F.reassembledLength, data: F.reassembledData,
};

let ipVersion = -1;

export function dissectIpv6(c: Ctx, off: number, end: number): void {
  const f = c.f;
  const item = c.proto(F.ipv6, off, Math.min(off + IPV6_HEADER_LEN, end));
  if (!c.has(off + VFC, 1, end)) return;
  const version = c.u8(off + VFC) >> 4;
  const versionItem = f.add(F.version, off, 1, version);
  if (version !== 6) expertAt(c, versionItem, E.ipv6BogusVersion, 'Bogus IPv6 version');
  // "This field makes the filter match on "ip.version == 6" possible".
  if (ipVersion < 0) ipVersion = fieldByName('ip.version')?.id ?? -1;
  if (ipVersion >= 0) f.add(ipVersion, off, 1, version, EF.HIDDEN);
  if (version !== 6) {
    // The dissector refuses the packet: its bytes go to data (and an ethertype caller names the
    // type in the Protocol column: "0x86dd").
    f.pop();
    dissectData(c, off, end);
    c.reject();
    return;
  }
  if (end - off < IPV6_HEADER_LEN) expertAt(c, item, E.ipv6InvalidHeader, 'IPv6 header must be exactly 40 bytes');
  if (!c.has(off, 4, end)) return;
  const word = c.u32(off);
  const tclass = f.add(F.tclass, off, 4, (word >>> 20) & 0xff);
  if (f.wanted === null) f.appendLabel(tclass, dsSummary((word >>> 20) & 0xff));
  f.push(tclass);
  f.add(F.dscp, off, 4, (word >>> 22) & 0x3f);
  f.add(F.ecn, off, 4, (word >>> 20) & 3);
  f.pop();
  f.add(F.flow, off + FLOW, 3, word & 0xfffff);
  const plen = c.uint(F.plen, off + PLEN, 2, end);
  const plenItem = f.last;
  const nxt = c.uint(F.nxt, off + NXT, 1, end);
  if (plen === 0 && nxt >= 0 && nxt !== HOPOPTS && nxt !== NONE) {
    expertAt(c, plenItem, E.ipv6PlenZero, 'IPv6 payload length equals 0 (maybe because of "TCP segmentation offload" (TSO))');
  }
  c.uint(F.hlim, off + HLIM, 1, end);
  address(c, F.src, F.srcHost, off + SRC, end);
  address(c, F.dst, F.dstHost, off + DST, end);
  if (c.stop) return;
  addressExtras(c, off + SRC, off + DST);
  let payloadLen = plen;
  if (plen === 0 && nxt === HOPOPTS) {
    const jumbo = jumboLength(c, off + IPV6_HEADER_LEN, end);
    if (jumbo && plenItem >= 0 && f.wanted === null) f.appendLabel(plenItem, ' (Jumbogram)');
    if (jumbo) payloadLen = jumbo;
    else expertAt(c, plenItem, E.ipv6JumboMissing, 'IPv6 payload length equals 0 and Hop-By-Hop present and Jumbo Payload option missing');
  }
  if (!c.inErrorPkt && payloadLen > end - off - IPV6_HEADER_LEN) {
    expertAt(c, plenItem, E.ipv6PlenExceedsFraming, `IPv6 payload length exceeds framing length (${end - off - IPV6_HEADER_LEN} bytes)`);
  }
  const dgramEnd = Math.min(end, off + IPV6_HEADER_LEN + payloadLen);
  c.setEnd(off + IPV6_HEADER_LEN + payloadLen);
  home.src = -1;
  chain(c, item, off, nxt, off + IPV6_HEADER_LEN, dgramEnd, IPV6_HEADER_LEN, plen, off + DST);
}

const route: RoutingResult = { len: 0, dst: 0 };
/** The offset of a Home Address option's address, the packet's source (-1: none). */
const home = { src: -1 };
const frag: FragmentHeader = { nxt: 0, offset: 0, more: false, ident: 0 };

/**
 * Walk the extension headers from `o` (ipv6_dissect_next). `extLen` is the IPv6 item's length so
 * far, `fragPlen` the Payload Length left after the headers seen (what a fragment carries),
 * `dst` the offset of the destination used as reassembly key.
 */
function chain(c: Ctx, item: number, ip: number, nxt: number, o: number, end: number, extLen: number,
               fragPlen: number, dst: number): void {
  const f = c.f;
  for (;;) {
    if (c.stop) return;
    let len: number;
    if (nxt === HOPOPTS || nxt === DSTOPTS) {
      len = dissectOptionsHeader(c, nxt === HOPOPTS, o, end, home);
      if (len < 0) return;
      nxt = c.u8(o);
    } else if (nxt === ROUTING) {
      route.dst = dst;
      dissectRouting(c, o, end, route);
      if (route.len < 0) return;
      len = route.len;
      dst = route.dst;
      nxt = c.u8(o);
    } else if (nxt === FRAGMENT) {
      if (!dissectFragmentHeader(c, o, end, frag)) return;
      nxt = frag.nxt;
      o += FRAGMENT_HEADER_LEN;
      extLen += FRAGMENT_HEADER_LEN;
      fragPlen -= FRAGMENT_HEADER_LEN;
      // An atomic fragment (offset 0, M clear, RFC 6946) is not reassembled.
      if (fragPlen === 0 || (frag.offset === 0 && !frag.more)) continue;
      c.status |= Status.FRAGMENT;
      // A Payload Length below the headers' is an unsigned wrap in Wireshark: the bytes never exist.
      if (fragPlen > 0 && o + fragPlen <= Math.min(end, c.b.length)) {
        const r = addFragment(c, c.reasm.ipv6, FRAGMENT_IDS, frag.ident, home.src >= 0 ? home.src : ip + SRC, dst, 16, frag.offset, o, fragPlen, frag.more);
        if (r) {
          c.status |= Status.REASSEMBLED;
          const next = nxt;
          const ext = extLen;
          const d = dst;
          dissectReassembled(c, FRAGMENT_IDS, r, 'Reassembled IPv6', () => undefined, (c2, s, e) => {
            chain(c2, item, ip, next, s, e, ext, 0, d);
          });
          return;
        }
      }
      f.pop();
      dissectData(c, o, end);
      return;
    } else break;
    o += len;
    extLen += len;
    fragPlen -= len;
  }
  // Done with the chain: the IPv6 item now covers the extension headers too.
  f.len[item] = Math.max(0, Math.min(ip + extLen, f.bytesOf(item).length) - ip);
  f.pop();
  c.netBuf = f.bytesOf(item);
  c.netSrc = home.src >= 0 ? home.src : ip + SRC;
  c.netDst = dst;
  c.netLen = 16;
  c.ipProto = nxt;
  if (nxt === NONE) dissectData(c, o, end);
  else c.call(c.tables.ipProto[nxt] ?? dissectData, o, end);
}

function address(c: Ctx, id: number, hostId: number, off: number, end: number): void {
  if (!c.field(id, off, 16, end)) return;
  c.f.add(F.addr, off, 16, 0, EF.HIDDEN);
  c.f.add(hostId, off, 16, 0, EF.HIDDEN | EF.GENERATED);
  c.f.add(F.host, off, 16, 0, EF.HIDDEN | EF.GENERATED);
}

registerDissector('ipv6', dissectIpv6);
bind('ethertype', 0x86dd, 'ipv6');
bind('ip.proto', 41, 'ipv6');
