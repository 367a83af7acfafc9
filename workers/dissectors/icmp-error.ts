// What ICMP (icmp.ts) and ICMPv6 (icmpv6.ts) share about error messages: the packet an error
// quotes is dissected as one more layer with Ctx.inErrorPkt set (Wireshark's
// pinfo->flags.in_error_pkt: lengths past the quoted bytes are expected, checksums are not
// verified), and neither protocol verifies its own checksum inside such a packet.

import type { Ctx, Dissector } from './context.ts';
import { Status } from './context.ts';

/**
 * Whether the ICMP / ICMPv6 message ending at `end` can be checksummed: "The packet isn't part of
 * a fragmented datagram, isn't truncated, and isn't the payload of an error packet".
 */
export function checksummable(c: Ctx, end: number): boolean {
  const fragmented = (c.status & (Status.FRAGMENT | Status.REASSEMBLED)) === Status.FRAGMENT;
  return !fragmented && !c.inErrorPkt && end <= c.b.length;
}

/** Hand the quoted packet [off, end) to `d` with Ctx.inErrorPkt set, and put the flag back after
 *  (an error quoted inside an error leaves it set). With `catchReported` (ICMP's "Catch
 *  ReportedBoundsError, and do nothing if we see it, because it's not an error if the contained
 *  packet is short"), a quoted packet that runs past its bytes stops where it is, unmarked, and the
 *  error message goes on; ICMPv6 catches nothing. */
export function dissectQuoted(c: Ctx, d: Dissector, off: number, end: number, catchReported: boolean): void {
  const saved = c.inErrorPkt;
  const status = c.status;
  const exception = c.exception;
  c.inErrorPkt = true;
  c.call(d, off, end);
  c.inErrorPkt = saved;
  // (a length past the quoted bytes is the one exception caught: Wireshark's ReportedBoundsError,
  // which says nothing more; a ContainedBoundsError, with its own words, goes through)
  if (catchReported && c.stop && c.failBit === Status.MALFORMED && c.failWhy === '') {
    c.stop = false;
    c.failBit = 0;
    c.failProto = -1;
    c.status = status | (c.status & ~Status.MALFORMED);
    c.exception = exception;
  }
}
