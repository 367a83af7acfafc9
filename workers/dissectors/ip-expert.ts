// Expert notes of the IP layer with their own filter names (Wireshark's ei_register_info:
// `ip.ttl.too_small`, `ipv6.routing.deprecated` …), each with the severity and group tshark 4.0.17
// titles it with ("[Expert Info (Note/Sequence): …]"): read on the corpus, and for the notes the
// corpus lacks on packets made to raise them. Added with expertAt (expert.ts).

import { Group, Severity, registerExperts } from './expert.ts';

export const E = registerExperts({
  ipBogusVersion: { name: 'ip.bogus_ip_version', msg: 'Bogus IP version', severity: Severity.ERROR, group: Group.PROTOCOL },
  ipBogusHeaderLength: { name: 'ip.bogus_header_length', msg: 'Bogus IP header length', severity: Severity.ERROR, group: Group.PROTOCOL },
  ipBogusLength: { name: 'ip.bogus_ip_length', msg: 'Bogus IP length', severity: Severity.ERROR, group: Group.PROTOCOL },
  ipTtlTooSmall: { name: 'ip.ttl.too_small', msg: 'Time To Live', severity: Severity.NOTE, group: Group.SEQUENCE },
  ipTtlLncb: { name: 'ip.ttl.lncb', msg: 'Time To Live', severity: Severity.NOTE, group: Group.SEQUENCE },
  ipOptLenInvalid: { name: 'ip.opt.len.invalid', msg: 'Invalid length for option', severity: Severity.WARN, group: Group.PROTOCOL },
  ipOptPtrBefore: { name: 'ip.opt.ptr.before_address', msg: 'Pointer points before first address', severity: Severity.WARN, group: Group.PROTOCOL },
  ipOptPtrMiddle: { name: 'ip.opt.ptr.middle_address', msg: 'Pointer points to middle of address', severity: Severity.WARN, group: Group.PROTOCOL },
  ipSuboptTooLong: { name: 'ip.subopt_too_long', msg: 'Suboption would go past end of option', severity: Severity.WARN, group: Group.PROTOCOL },
  ipv6BogusVersion: { name: 'ipv6.bogus_ipv6_version', msg: 'Bogus IP version', severity: Severity.ERROR, group: Group.MALFORMED },
  ipv6InvalidHeader: { name: 'ipv6.invalid_header', msg: 'Invalid IPv6 header', severity: Severity.ERROR, group: Group.MALFORMED },
  ipv6PlenZero: { name: 'ipv6.plen_zero', msg: 'IPv6 payload length equals 0 (maybe because of "TCP segmentation offload" (TSO))', severity: Severity.CHAT, group: Group.PROTOCOL },
  ipv6PlenExceedsFraming: { name: 'ipv6.plen_exceeds_framing', msg: 'IPv6 payload length does not match expected framing length', severity: Severity.WARN, group: Group.PROTOCOL },
  ipv6JumboMissing: { name: 'ipv6.opt.jumbo.missing', msg: 'IPv6 payload length equals 0 and Hop-By-Hop present and Jumbo Payload option missing', severity: Severity.ERROR, group: Group.MALFORMED },
  ipv6OptInvalidLen: { name: 'ipv6.opt.invalid_len', msg: 'Invalid IPv6 option length', severity: Severity.ERROR, group: Group.MALFORMED },
  ipv6RoutingDeprecated: { name: 'ipv6.routing.deprecated', msg: 'Routing header type is deprecated', severity: Severity.NOTE, group: Group.DEPRECATED },
});
