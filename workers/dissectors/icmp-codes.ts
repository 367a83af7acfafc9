// The names of ICMP and ICMPv6 codes for the types that have them, as Wireshark's dissectors show
// them after the type in the Info column ("Destination unreachable (Port unreachable)": packet-icmp.c's
// unreach_str, redir_str, ttl_str and par_str; "Destination Unreachable (no route to destination)":
// packet-icmpv6.c's icmpv6_unreach_code_str, icmpv6_timeex_code_str, icmpv6_paramprob_code_str and
// rr_code_str).

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

const V6_UNREACH = [
  'no route to destination', 'communication with destination administratively prohibited', 'beyond scope of source address',
  'address unreachable', 'port unreachable', 'source address failed ingress/egress policy', 'reject route to destination',
  'Error in Source Routing Header',
];
const V6_TIME_EXCEEDED = ['hop limit exceeded in transit', 'fragment reassembly time exceeded'];
const V6_PARAMETER = [
  'erroneous header field encountered', 'unrecognized Next Header type encountered', 'unrecognized IPv6 option encountered',
  'IPv6 First Fragment has incomplete IPv6 Header Chain',
];
const V6_RENUMBERING = new Map([[0, 'Command'], [1, 'Result'], [255, 'Sequence number reset']]);

/** The code's name for an ICMPv6 type that names its codes, or ''. */
export function icmpv6CodeName(type: number, code: number): string {
  if (type === 138) return V6_RENUMBERING.get(code) ?? 'Unknown';
  const names = type === 1 ? V6_UNREACH : type === 3 ? V6_TIME_EXCEEDED : type === 4 ? V6_PARAMETER : undefined;
  if (names === undefined) return '';
  return names[code] ?? 'Unknown';
}
