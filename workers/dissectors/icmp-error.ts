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
 *  (an error quoted inside an error leaves it set). */
export function dissectQuoted(c: Ctx, d: Dissector, off: number, end: number): void {
  const saved = c.inErrorPkt;
  c.inErrorPkt = true;
  c.call(d, off, end);
  c.inErrorPkt = saved;
}
