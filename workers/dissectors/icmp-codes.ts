// The names of ICMP's types, and of ICMP and ICMPv6 codes for the types that have them, as
// Wireshark's dissectors show them in the Type and Code lines and the Info column ("Destination
// unreachable (Port unreachable)": packet-icmp.c's icmp_type_str, unreach_code_str, redir_code_str,
// alt_host_code_str, rtradvert_code_str, ttl_code_str, par_code_str, photuris_code_str and the
// extended echo's; "Destination Unreachable (no route to destination)":
// packet-icmpv6.c's icmpv6_unreach_code_str, icmpv6_timeex_code_str, icmpv6_paramprob_code_str and
// rr_code_str).

/** icmp_type_str: the type's name ("Unknown ICMP (obsolete or malformed?)" past it). */
const TYPES = new Map<number, string>([
  [0, 'Echo (ping) reply'], [1, 'Reserved'], [2, 'Reserved'], [3, 'Destination unreachable'],
  [4, 'Source quench (flow control)'], [5, 'Redirect'], [6, 'Alternate host address'], [8, 'Echo (ping) request'],
  [9, 'Router advertisement'], [10, 'Router solicitation'], [11, 'Time-to-live exceeded'], [12, 'Parameter problem'],
  [13, 'Timestamp request'], [14, 'Timestamp reply'], [15, 'Information request'], [16, 'Information reply'],
  [17, 'Address mask request'], [18, 'Address mask reply'], [19, 'Reserved (for security)'], [30, 'Traceroute'],
  [31, 'Datagram Conversion Error'], [32, 'Mobile Host Redirect'], [33, 'IPv6 Where-Are-You'], [34, 'IPv6 I-Am-Here'],
  [35, 'Mobile Registration Request'], [36, 'Mobile Registration Reply'], [37, 'Domain Name Request'],
  [38, 'Domain Name Reply'], [39, 'SKIP'], [40, 'Photuris'], [41, 'Experimental mobility protocols'],
  [42, 'Extended Echo request'], [43, 'Extended Echo reply'],
]);

const UNREACH = [
  'Network unreachable', 'Host unreachable', 'Protocol unreachable', 'Port unreachable', 'Fragmentation needed',
  'Source route failed', 'Destination network unknown', 'Destination host unknown', 'Source host isolated',
  'Network administratively prohibited', 'Host administratively prohibited', 'Network unreachable for TOS',
  'Host unreachable for TOS', 'Communication administratively filtered', 'Host precedence violation',
  'Precedence cutoff in effect',
];
const REDIRECT = ['Redirect for network', 'Redirect for host', 'Redirect for TOS and network', 'Redirect for TOS and host'];
const ALTERNATE_HOST = ['Alternate address for host'];
const ROUTER_ADVERT: string[] = [];
ROUTER_ADVERT[0] = 'Normal router advertisement';
ROUTER_ADVERT[16] = 'Does not route common traffic';
const TIME_EXCEEDED = ['Time to live exceeded in transit', 'Fragment reassembly time exceeded'];
const PARAMETER = ['Pointer indicates the error', 'Required option missing', 'Bad length'];
const PHOTURIS = ['Bad SPI', 'Authentication Failed', 'Decompression Failed', 'Decryption Failed', 'Need Authentication', 'Need Authorization'];
const EXT_ECHO_REQUEST = ['No error'];
const EXT_ECHO_REPLY = ['No error', 'Malformed Query', 'No Such Interface', 'No Such Table Entry', 'Multiple Interfaces Satisfy Query'];

const BY_TYPE: Record<number, readonly string[]> = {
  3: UNREACH, 5: REDIRECT, 6: ALTERNATE_HOST, 9: ROUTER_ADVERT, 11: TIME_EXCEEDED, 12: PARAMETER, 40: PHOTURIS,
  42: EXT_ECHO_REQUEST, 43: EXT_ECHO_REPLY,
};

/** What packet-icmp.c calls the type, in the Type line and the Info column: its name, except that
 *  a router advertisement of code 0 or 16 is a "Mobile IP Advertisement". */
export function icmpTypeName(type: number, code: number): string {
  if (type === 9 && (code === 0 || code === 16)) return 'Mobile IP Advertisement';
  return TYPES.get(type) ?? 'Unknown ICMP (obsolete or malformed?)';
}

/** The code's name for an ICMP type that names its codes ("Unknown code: 99" past the table), or ''. */
export function icmpCodeName(type: number, code: number): string {
  const names = BY_TYPE[type];
  if (names === undefined) return '';
  return names[code] ?? `Unknown code: ${code}`;
}

// (tshark 4.0.17's words, capitals and all: its own table for code 0, RFC 4443's names for the rest)
const V6_UNREACH = [
  'no route to destination', 'Administratively prohibited', 'Beyond scope of source address', 'Address unreachable',
  'Port unreachable', 'Source address failed ingress/egress policy', 'Reject route to destination',
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
  if (type === 1) return V6_UNREACH[code] ?? 'Unknown';
  const names = type === 3 ? V6_TIME_EXCEEDED : type === 4 ? V6_PARAMETER : undefined;
  if (names === undefined) return '';
  return names[code] ?? `Unknown (${code})`;
}
