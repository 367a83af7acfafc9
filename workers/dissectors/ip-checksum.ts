// The Internet checksum (RFC 1071) as ICMP, ICMPv6, IGMP and the ICMP extension structure use it,
// and the checksum item with its generated status (Wireshark's proto_tree_add_checksum with
// PROTO_CHECKSUM_VERIFY | PROTO_CHECKSUM_IN_CKSUM): Good when the sum over the message, checksum
// included, is all ones; Unverified when the bytes are not all there or must not be checked.

import { EF } from '../fields/field-list.ts';
import type { Ctx } from './context.ts';
import { Status } from './context.ts';
import { expertAt } from './expert.ts';

/** proto_checksum_vals */
export const enum ChecksumStatus {
  BAD = 0,
  GOOD = 1,
  UNVERIFIED = 2,
  NOT_PRESENT = 3,
}

/** Add the checksum at `off + csum` and its status, verifying the sum over b[off, end) plus the
 *  partial sum `pseudo` (an IPv6 pseudo-header) when `verify`. Returns the value the checksum
 *  should have when it is wrong, else -1; with `bad`, the dissector's expert info says so under
 *  the checksum ("Bad checksum [should be 0xfff4]", proto_tree_add_checksum's). */
export function checksum(c: Ctx, id: number, statusId: number, off: number, end: number, verify: boolean, pseudo: number,
                         csum = 2, bad = -1): number {
  const value = c.uint(id, off + csum, 2, end);
  if (value < 0) return -1;
  const item = c.f.last;
  let status = ChecksumStatus.UNVERIFIED;
  let sum = 0;
  if (verify) {
    sum = onesSum(c.b, off, end, pseudo);
    status = sum === 0xffff ? ChecksumStatus.GOOD : ChecksumStatus.BAD;
  }
  // what proto_tree_add_checksum appends to the line (full trees only)
  if (c.f.wanted === null) {
    if (status === ChecksumStatus.GOOD) c.f.appendLabel(item, ' [correct]');
    else if (status === ChecksumStatus.UNVERIFIED) c.f.appendLabel(item, ' [unverified]');
    else c.f.appendLabel(item, ` incorrect, should be 0x${shouldBe(value, sum).toString(16).padStart(4, '0')}`);
  }
  const should = status === ChecksumStatus.BAD ? shouldBe(value, sum) : -1;
  if (should >= 0 && bad >= 0) expertAt(c, item, bad, `Bad checksum [should be 0x${should.toString(16).padStart(4, '0')}]`);
  c.f.add(statusId, off + csum, 0, status, EF.GENERATED);
  if (should >= 0) c.status |= Status.WARNING;
  return should;
}

/** RFC 1071 sum of b[off, end) plus `initial`, folded to 16 bits. */
export function onesSum(b: Uint8Array, off: number, end: number, initial: number): number {
  let s = initial;
  let i = off;
  for (; i + 1 < end; i += 2) s += ((b[i] as number) << 8) | (b[i + 1] as number);
  if (i < end) s += (b[i] as number) << 8;
  while (s > 0xffff) s = (s & 0xffff) + Math.floor(s / 0x10000);
  return s;
}

/** in_cksum_shouldbe: the checksum that would make the message's sum `sum` (taken with `value` in
 *  place) all ones. */
function shouldBe(value: number, sum: number): number {
  let v = value + (~sum & 0xffff);
  v = (v & 0xffff) + (v >>> 16);
  return (v & 0xffff) + (v >>> 16);
}

/** The sum of the IPv4 or IPv6 pseudo-header of a payload of protocol `proto` and `length` bytes:
 *  the network layer's source and destination (IPv6's final destination, after a routing header),
 *  the length and the protocol (RFC 768, RFC 8200 section 8.1). */
export function pseudoHeaderSum(c: Ctx, length: number, proto: number): number {
  const b = c.netBuf;
  return onesSum(b, c.netSrc, c.netSrc + c.netLen, 0) + onesSum(b, c.netDst, c.netDst + c.netLen, 0) + (length >>> 16) + (length & 0xffff) + proto;
}
