// The Differentiated Services field of IPv4 and of IPv6's Traffic Class (RFC 2474, RFC 3168): the
// names Wireshark 4.0 gives its codepoints (packet-ip.c dscp_vals and dscp_short_vals, ecn_vals and
// ecn_short_vals; checked with tshark on a packet for each of the 64 codepoints) and the summary it
// appends to the field's line: "Differentiated Services Field: 0x00 (DSCP: CS0, ECN: Not-ECT)".

import { names } from '../fields/registry.ts';

const CODEPOINTS: readonly (readonly [number, string, string])[] = [
  [0, 'Default', 'CS0'], [1, 'Lower Effort', 'LE'], [8, 'Class Selector 1', 'CS1'],
  [10, 'Assured Forwarding 11', 'AF11'], [12, 'Assured Forwarding 12', 'AF12'], [14, 'Assured Forwarding 13', 'AF13'],
  [16, 'Class Selector 2', 'CS2'], [18, 'Assured Forwarding 21', 'AF21'], [20, 'Assured Forwarding 22', 'AF22'],
  [22, 'Assured Forwarding 23', 'AF23'], [24, 'Class Selector 3', 'CS3'], [26, 'Assured Forwarding 31', 'AF31'],
  [28, 'Assured Forwarding 32', 'AF32'], [30, 'Assured Forwarding 33', 'AF33'], [32, 'Class Selector 4', 'CS4'],
  [34, 'Assured Forwarding 41', 'AF41'], [36, 'Assured Forwarding 42', 'AF42'], [38, 'Assured Forwarding 43', 'AF43'],
  [40, 'Class Selector 5', 'CS5'], [44, 'Voice Admit', 'VOICE-ADMIT'], [46, 'Expedited Forwarding', 'EF PHB'],
  [48, 'Class Selector 6', 'CS6'], [56, 'Class Selector 7', 'CS7'],
];

/** The codepoints' long names (the DSCP field's value names). */
export const DSCP_NAMES = names(CODEPOINTS.map(([v, long]) => [v, long] as const));
export const ECN_NAMES = names([[0, 'Not ECN-Capable Transport'], [1, "ECN-Capable Transport codepoint '01'"],
  [2, "ECN-Capable Transport codepoint '10'"], [3, 'Congestion Experienced']]);

const DSCP_SHORT = new Map(CODEPOINTS.map(([v, , short]) => [v, short]));
const ECN_SHORT = ['Not-ECT', 'ECT(1)', 'ECT(0)', 'CE'];

/** What Wireshark appends to the DS field's (or the Traffic Class's) line for the byte `ds`. */
export function dsSummary(ds: number): string {
  return ` (DSCP: ${DSCP_SHORT.get(ds >> 2) ?? 'Unknown'}, ECN: ${ECN_SHORT[ds & 3] as string})`;
}
