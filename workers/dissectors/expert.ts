// Expert notes (Wireshark's expert_add_info): a line in the tree under the item it is about, and a
// status bit for the packet (a warning, or malformed when the packet breaks its protocol's rules).

import { EF, WS } from '../fields/field-list.ts';
import type { Ctx } from './context.ts';
import { Status } from './context.ts';

/** Add an expert note covering [off, off+len) at the current tree position. */
export function expert(c: Ctx, off: number, len: number, msg: string, bit: Status = Status.WARNING): void {
  c.f.addStr(WS.expert, off, len, msg);
  c.status |= bit;
}

/** Wireshark's expert severities (PI_CHAT …) and groups (PI_SEQUENCE …), the values of
 *  `_ws.expert.severity` and `_ws.expert.group`. */
export const Severity = { CHAT: 0x00200000, NOTE: 0x00400000, WARN: 0x00600000, ERROR: 0x00800000 } as const;
export const Group = { SEQUENCE: 0x02000000, PROTOCOL: 0x09000000, MALFORMED: 0x07000000, DEPRECATED: 0x0e000000 } as const;

/**
 * An expert info with its own filter field, as Wireshark's tree holds one: "[Expert Info
 * (Chat/Sequence): msg]" and beneath it the field's line (the message again: `tcp.connection.syn`),
 * its severity and its group. The packet's status bits are the caller's.
 */
export function expertInfo(c: Ctx, id: number, msg: string, severity: number, group: number): void {
  const f = c.f;
  const e = f.addStr(WS.expert, 0, 0, msg, EF.GENERATED);
  if (e >= 0) f.aux[e] = severity + group;
  f.push(e);
  const k = f.add(id, 0, 0, 0, EF.GENERATED);
  f.label(k, msg);
  f.add(WS.expertSeverity, 0, 0, severity, EF.GENERATED);
  f.add(WS.expertGroup, 0, 0, group, EF.GENERATED);
  f.pop();
}
