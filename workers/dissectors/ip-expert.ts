// Expert notes of the IP layer with their own filter names (Wireshark's ei_register_info:
// `ip.ttl.too_small`, `ipv6.routing.deprecated` …): a `_ws.expert` line carrying the message, the
// named item under it (an FT_NONE field, which tshark prints as "1"), and a status bit.

import { FT, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { Status } from './context.ts';
import { Group, Severity, expertInfo } from './expert.ts';

export const E = registerFields({
  ipBogusVersion: { name: 'ip.bogus_ip_version', label: 'Bogus IP version', type: FT.NONE },
  ipBogusHeaderLength: { name: 'ip.bogus_header_length', label: 'Bogus IP header length', type: FT.NONE },
  ipBogusLength: { name: 'ip.bogus_ip_length', label: 'Bogus IP length', type: FT.NONE },
  ipTtlTooSmall: { name: 'ip.ttl.too_small', label: 'Time To Live', type: FT.NONE },
  ipTtlLncb: { name: 'ip.ttl.lncb', label: 'Time To Live', type: FT.NONE },
  ipOptLenInvalid: { name: 'ip.opt.len.invalid', label: 'Invalid length for option', type: FT.NONE },
  ipOptPtrBefore: { name: 'ip.opt.ptr.before_address', label: 'Pointer points before first address', type: FT.NONE },
  ipOptPtrMiddle: { name: 'ip.opt.ptr.middle_address', label: 'Pointer points to middle of address', type: FT.NONE },
  ipSuboptTooLong: { name: 'ip.subopt_too_long', label: 'Suboption would go past end of option', type: FT.NONE },
  ipv6BogusVersion: { name: 'ipv6.bogus_ipv6_version', label: 'Bogus IP version', type: FT.NONE },
  ipv6InvalidHeader: { name: 'ipv6.invalid_header', label: 'Invalid IPv6 header', type: FT.NONE },
  ipv6PlenZero: { name: 'ipv6.plen_zero', label: 'IPv6 payload length equals 0 (maybe because of "TCP segmentation offload" (TSO))', type: FT.NONE },
  ipv6PlenExceedsFraming: { name: 'ipv6.plen_exceeds_framing', label: 'IPv6 payload length does not match expected framing length', type: FT.NONE },
  ipv6JumboMissing: { name: 'ipv6.opt.jumbo.missing', label: 'IPv6 payload length equals 0 and Hop-By-Hop present and Jumbo Payload option missing', type: FT.NONE },
  ipv6OptInvalidLen: { name: 'ipv6.opt.invalid_len', label: 'Invalid IPv6 option length', type: FT.NONE },
  ipv6RoutingDeprecated: { name: 'ipv6.routing.deprecated', label: 'Routing header type is deprecated', type: FT.NONE },
});

/** Each note's severity and group, as tshark 4.0.17 -V titles it ("[Expert Info (Note/Sequence):
 *  …]"): read on the corpus, and for the notes the corpus lacks on packets made to raise them. */
const KINDS = new Map<number, readonly [number, number]>([
  [E.ipBogusVersion, [Severity.ERROR, Group.PROTOCOL]], [E.ipBogusHeaderLength, [Severity.ERROR, Group.PROTOCOL]],
  [E.ipBogusLength, [Severity.ERROR, Group.PROTOCOL]], [E.ipTtlTooSmall, [Severity.NOTE, Group.SEQUENCE]],
  [E.ipTtlLncb, [Severity.NOTE, Group.SEQUENCE]], [E.ipOptLenInvalid, [Severity.WARN, Group.PROTOCOL]],
  [E.ipOptPtrBefore, [Severity.WARN, Group.PROTOCOL]], [E.ipOptPtrMiddle, [Severity.WARN, Group.PROTOCOL]],
  [E.ipSuboptTooLong, [Severity.WARN, Group.PROTOCOL]], [E.ipv6BogusVersion, [Severity.ERROR, Group.MALFORMED]],
  [E.ipv6InvalidHeader, [Severity.ERROR, Group.MALFORMED]], [E.ipv6PlenZero, [Severity.CHAT, Group.PROTOCOL]],
  [E.ipv6PlenExceedsFraming, [Severity.WARN, Group.PROTOCOL]], [E.ipv6JumboMissing, [Severity.ERROR, Group.MALFORMED]],
  [E.ipv6OptInvalidLen, [Severity.ERROR, Group.MALFORMED]], [E.ipv6RoutingDeprecated, [Severity.NOTE, Group.DEPRECATED]],
]);

/** Add the note about the item at entry `item` (or at the current tree position when -1);
 *  `bit` is the packet status it raises (0 for a note or chat). */
export function ipExpert(c: Ctx, item: number, id: number, msg: string, bit: number = Status.WARNING): void {
  const f = c.f;
  if (item >= 0) f.push(item);
  const [severity, group] = KINDS.get(id) ?? [Severity.WARN, Group.PROTOCOL];
  expertInfo(c, id, msg, severity, group);
  if (item >= 0) f.pop();
  c.status |= bit;
}
