// The Internet checksum (RFC 1071) as ICMP, ICMPv6, IGMP and the ICMP extension structure use it,
// and the checksum item with its generated status (Wireshark's proto_tree_add_checksum with
// PROTO_CHECKSUM_VERIFY | PROTO_CHECKSUM_IN_CKSUM): Good when the sum over the message, checksum
// included, is all ones; Unverified when the bytes are not all there or must not be checked.

import { EF } from '../fields/field-list.ts';
import type { Ctx } from './context.ts';
import { Status } from './context.ts';

/** proto_checksum_vals */
export const enum ChecksumStatus {
  BAD = 0,
  GOOD = 1,
  UNVERIFIED = 2,
  NOT_PRESENT = 3,
}

/** Add the checksum at `off + csum` and its status, verifying the sum over b[off, end) plus the
 *  partial sum `pseudo` (an IPv6 pseudo-header) when `verify`. */
export function checksum(c: Ctx, id: number, statusId: number, off: number, end: number, verify: boolean, pseudo: number,
                         csum = 2): void {
  if (c.uint(id, off + csum, 2, end) < 0) return;
  let status = ChecksumStatus.UNVERIFIED;
  if (verify) status = onesSum(c.b, off, end, pseudo) === 0xffff ? ChecksumStatus.GOOD : ChecksumStatus.BAD;
  c.f.add(statusId, off + csum, 0, status, EF.GENERATED);
  if (status === ChecksumStatus.BAD) c.status |= Status.WARNING;
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

