// The Info column of ICMP and ICMPv6, as packet-icmp.c and packet-icmpv6.c write it.

import type { FieldList } from '../../fields/field-list.ts';
import { icmpCodeName, icmpTypeName, icmpv6CodeName } from '../../dissectors/icmp-codes.ts';
import { find, hex4, namedOr, num, text } from './fields.ts';

/** The types whose Info goes on with the identifier and sequence number (packet-icmp.c's echo,
 *  timestamp, information and address mask messages). */
const IDENTIFIED = new Set([0, 8, 13, 14, 15, 16, 17, 18]);

export function icmpInfo(fl: FieldList): string {
  const type = num(fl, 'icmp.type', false);
  if (Number.isNaN(type)) return '';
  // packet-icmp.c: "%-20s" of the type's name, then the code's name for the types that have them
  const codeValue = num(fl, 'icmp.code', false);
  const code = icmpCodeName(type, codeValue);
  let s = icmpTypeName(type, codeValue).padEnd(20);
  if (code !== '') s += ` (${code})`;
  if (!IDENTIFIED.has(type)) return s;
  // " id=0x%04x, seq=%u/%u, ttl=%u", the sequence number read big- then little-endian, then an
  // echo's matching request or reply
  const id = num(fl, 'icmp.ident');
  if (Number.isNaN(id)) return s.trimEnd();
  s += ` id=0x${hex4(id)}, seq=${text(fl, 'icmp.seq')}/${text(fl, 'icmp.seq_le')}`;
  const ttl = text(fl, 'ip.ttl');
  if (ttl) s += `, ttl=${ttl}`;
  return s + echoMatch(fl, 'icmp');
}

export function icmpv6Info(fl: FieldList): string {
  const type = num(fl, 'icmpv6.type', false);
  // (val_to_str's "Unknown (%d)" for a type without a name)
  let s = namedOr(fl, 'icmpv6.type', (v) => `Unknown (${v})`);
  const code = icmpv6CodeName(type, num(fl, 'icmpv6.code', false));
  if (code !== '') return `${s} (${code})`;
  if (type >= 133 && type <= 136) return s + neighborDiscovery(fl, type);
  if (type !== 128 && type !== 129) return s;
  // packet-icmpv6.c: "Echo (ping) request id=0x%04x, seq=%u, hop limit=%u", then the match
  const id = num(fl, 'icmpv6.echo.identifier');
  if (Number.isNaN(id)) return s;
  s += ` id=0x${hex4(id)}, seq=${text(fl, 'icmpv6.echo.sequence_number')}`;
  const hops = text(fl, 'ipv6.hlim');
  if (hops) s += `, hop limit=${hops}`;
  return s + echoMatch(fl, 'icmpv6');
}

/** " (reply in N)", " (request in N)" or " (no response found!)": an echo's match, as the ICMP and
 *  ICMPv6 dissectors append it once the capture is read (Wireshark's second pass). */
function echoMatch(fl: FieldList, proto: 'icmp' | 'icmpv6'): string {
  const reply = text(fl, `${proto}.resp_in`);
  if (reply) return ` (reply in ${reply})`;
  const request = text(fl, `${proto}.resp_to`);
  if (request) return ` (request in ${request})`;
  return find(fl, `${proto}.no_resp`) >= 0 ? ' (no response found!)' : '';
}

/** What packet-icmpv6.c appends for neighbour discovery: a solicitation's target (" for X"), an
 *  advertisement's target and flags (" X (rtr, sol, ovr)"), and the link-layer address an option
 *  gives (" from MAC" for the sender's, " is at MAC" for the target's). */
function neighborDiscovery(fl: FieldList, type: number): string {
  let s = '';
  if (type === 135) s += ` for ${text(fl, 'icmpv6.nd.ns.target_address')}`;
  if (type === 136) {
    s += ` ${text(fl, 'icmpv6.nd.na.target_address')}`;
    const flags = [['icmpv6.nd.na.flag.r', 'rtr'], ['icmpv6.nd.na.flag.s', 'sol'], ['icmpv6.nd.na.flag.o', 'ovr']].filter(([f]) => num(fl, f as string) === 1);
    if (flags.length > 0) s += ` (${flags.map(([, n]) => n).join(', ')})`;
  }
  const from = text(fl, 'icmpv6.opt.src_linkaddr');
  if (from) s += ` from ${from}`;
  const at = text(fl, 'icmpv6.opt.target_linkaddr');
  if (at) s += ` is at ${at}`;
  return s;
}
