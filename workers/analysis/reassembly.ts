// Reassembly and cross-packet state shared by all packets of one capture (one per
// PacketDissector): IPv4 and IPv6 fragments, ICMP / ICMPv6 echo request-response matching, and
// (added by the transport layer) TCP PDUs. Everything here is filled on the first pass, in file
// order, and only read on later passes (Ctx.firstPass === false), so that dissecting one packet
// again gives the same fields.

import { FragmentTable } from './ip-reassembly.ts';
import { EchoTracker } from './ip-echo.ts';

export class Reassembly {
  /** IPv4 datagrams, keyed by (src, dst, proto ^ id ^ src ^ dst) as Wireshark's ip.defragment. */
  readonly ipv4 = new FragmentTable();
  /** IPv6 datagrams, keyed by (src, dst, Fragment header Identification). */
  readonly ipv6 = new FragmentTable();
  /** ICMP echo requests and replies (icmp.resp_to / icmp.resptime). */
  readonly icmpEcho = new EchoTracker();
  /** ICMPv6 echo requests and replies (icmpv6.resp_to / icmpv6.resptime). */
  readonly icmpv6Echo = new EchoTracker();

  reset(): void {
    this.ipv4.reset();
    this.ipv6.reset();
    this.icmpEcho.reset();
    this.icmpv6Echo.reset();
  }
}
