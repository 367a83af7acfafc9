// What Wireshark's show_exception puts in the tree where it catches a dissector's exception (at the
// end of the packet, or between two PDUs of a TCP segment): "[Malformed Packet: NTP]" with its
// expert info, or "[Packet size limited during capture: DHCP/BOOTP truncated]", naming the protocol
// that was being dissected (Ctx.failProto).

import { EF, WS } from '../fields/field-list.ts';
import { fieldById } from '../fields/registry.ts';
import { PROTOCOL_SHORT_NAMES } from '../fields/protocol-short-names.ts';
import { Status, type Ctx } from './context.ts';
import { Group, Severity, expertInfo } from './expert.ts';

const MESSAGE = 'Malformed Packet (Exception occurred)';

/** The short name an exception's line gives protocol `id` (-1: the frame). */
function shortName(id: number): string {
  const name = id >= 0 ? fieldById(id).name : 'frame';
  return PROTOCOL_SHORT_NAMES[name] ?? name;
}

/** The line of a Malformed exception in protocol `id`: "[Malformed Packet: MySQL]". */
export function malformedLabel(id: number, why = ''): string {
  return `[Malformed Packet: ${shortName(id)}${why === '' ? '' : `: ${why}`}]`;
}

/** The item for the exception that stopped the packet (or the PDU), at the current tree position. */
export function showException(c: Ctx): void {
  const f = c.f;
  const proto = shortName(c.failProto);
  if (c.failBit === Status.TRUNCATED) {
    const i = f.add(WS.short, 0, 0);
    f.label(i, `[Packet size limited during capture: ${proto} truncated]`);
    return;
  }
  const i = f.add(WS.malformed, 0, 0);
  f.label(i, malformedLabel(c.failProto, c.failWhy));
  f.push(i);
  expertInfo(c, WS.malformedExpert, MESSAGE, Severity.ERROR, Group.MALFORMED);
  // (epan/expert.c adds a hidden _ws.malformed beside an expert info of the Malformed group)
  f.add(WS.malformed, 0, 0, 0, EF.HIDDEN);
  f.pop();
}
