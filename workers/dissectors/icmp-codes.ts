// The names of ICMP codes for the types that have them, as Wireshark's ICMP dissector shows them
// after the type in the Info column ("Destination unreachable (Port unreachable)", packet-icmp.c's
// unreach_str, redir_str, ttl_str and par_str).

const UNREACH = [
  'Network unreachable', 'Host unreachable', 'Protocol unreachable', 'Port unreachable', 'Fragmentation needed',
  'Source route failed', 'Destination network unknown', 'Destination host unknown', 'Source host isolated',
  'Network administratively prohibited', 'Host administratively prohibited', 'Network unreachable for TOS',
  'Host unreachable for TOS', 'Communication administratively filtered', 'Host precedence violation',
  'Precedence cutoff in effect',
];
const REDIRECT = ['Redirect for network', 'Redirect for host', 'Redirect for TOS and network', 'Redirect for TOS and host'];
const TIME_EXCEEDED = ['Time to live exceeded in transit', 'Fragment reassembly time exceeded'];
const PARAMETER = ['Pointer indicates the error', 'Required option missing', 'Bad length'];

const BY_TYPE: Record<number, readonly string[]> = { 3: UNREACH, 5: REDIRECT, 11: TIME_EXCEEDED, 12: PARAMETER };

/** The code's name for an ICMP type that names its codes ("Unknown code" past the table), or ''. */
export function icmpCodeName(type: number, code: number): string {
  const names = BY_TYPE[type];
  if (names === undefined) return '';
  return names[code] ?? 'Unknown code';
}
