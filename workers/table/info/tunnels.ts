// The Info column of the small protocols that keep links and tunnels up or mark their frames:
// Ethernet loopback (Cisco keepalives), PPTP's control connection, PIM, Arista's timestamp header,
// and Geneve when nothing inside it writes the column.

import type { FieldList } from '../../fields/field-list.ts';
import { find, hex4, namedAt, namedOr, num } from './fields.ts';

/** packet-geneve.c: "Encapsulated Transparent Ethernet bridging", of the innermost Geneve header;
 *  the inner protocol writes over it (here: when its frame is cut before anything of it shows). */
export function geneveInfo(fl: FieldList): string {
  const name = namedOr(fl, 'geneve.proto_type', (v) => `0x${hex4(v)} (unknown)`);
  return name === '' ? '' : `Encapsulated ${name}`;
}

/** packet-loop.c: the relevant function's name, or that there is none. */
export function loopInfo(fl: FieldList): string {
  const i = find(fl, 'loop.relevant_function', false);
  return i < 0 ? 'No valid function found' : namedAt(fl, i, (v) => `Unknown function (${v})`);
}

/** packet-pptp.c: the control message type's name. */
export function pptpInfo(fl: FieldList): string {
  const i = find(fl, 'pptp.control_message_type', false);
  return i < 0 ? '' : namedAt(fl, i, (v) => `Unknown control type (${v})`);
}

/** packet-avsp.c: the timestamp's kind for the versions it knows, nothing for another. */
const AVSP_KINDS = new Map([[0x0010, '64bit TAI timestamp'], [0x0110, '64bit UTC timestamp'], [0x0020, '48bit TAI timestamp'], [0x0120, '48bit UTC timestamp']]);

export function avspInfo(fl: FieldList): string {
  return AVSP_KINDS.get(num(fl, 'avsp.ver', false)) ?? '';
}

/** packet-pim.c: a PIMv2 message's type, "Unknown" for another version. */
export function pimInfo(fl: FieldList): string {
  const i = find(fl, 'pim.type', false);
  if (i < 0) return '';
  return num(fl, 'pim.version', false) === 2 ? namedAt(fl, i, (v) => `Unknown (${v})`) : 'Unknown';
}
