// Expert infos (Wireshark's expert.c): each registered by its dissector with a filter name, a
// severity and a group (registerExperts, as ei_register_info); added under the item it is about
// (expertAt, as expert_add_info) or on a line of its own (expertLine, as proto_tree_add_expert),
// titled "[Expert Info (Error/Malformed): …]" as tshark -V titles it, and raising the packet's
// status as its group and severity say.

import { EF, WS } from '../fields/field-list.ts';
import { FT, fieldById, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { Status } from './context.ts';

/** Wireshark's expert severities (PI_CHAT …) and groups (PI_SEQUENCE …), the values of
 *  `_ws.expert.severity` and `_ws.expert.group`. */
export const Severity = { COMMENT: 0x00100000, CHAT: 0x00200000, NOTE: 0x00400000, WARN: 0x00600000, ERROR: 0x00800000 } as const;
export const Group = { CHECKSUM: 0x01000000, SEQUENCE: 0x02000000, RESPONSE: 0x03000000, REQUEST: 0x04000000, DECRYPTION: 0x0c000000, UNDECODED: 0x05000000, PROTOCOL: 0x09000000, MALFORMED: 0x07000000, COMMENT: 0x0b000000, DEPRECATED: 0x0e000000, ASSUMPTION: 0x0d000000 } as const;

/** An expert info as a dissector registers it (Wireshark's ei_register_info): its filter name,
 *  the message its field's line shows by default, its severity and group. */
export interface ExpertSpec {
  name: string;
  msg: string;
  severity: number;
  group: number;
}

/** Severity + group per registered expert field id. */
const kinds = new Map<number, number>();

/** Register expert infos; returns their field ids (FT_NONE fields, which tshark prints as "1"). */
export function registerExperts<K extends string>(specs: Record<K, ExpertSpec>): Record<K, number> {
  const fields = {} as Record<K, { name: string; label: string; type: FT }>;
  for (const key of Object.keys(specs) as K[]) fields[key] = { name: specs[key].name, label: specs[key].msg, type: FT.NONE };
  const ids = registerFields(fields);
  for (const key of Object.keys(specs) as K[]) kinds.set(ids[key], specs[key].severity + specs[key].group);
  return ids;
}

/** The packet status an expert info raises: a Malformed one marks the packet malformed (expert.c
 *  adds the hidden `_ws.malformed` item for that group), an error of another group marks it bad
 *  without that, a warning is a warning, and a note, chat or comment marks nothing. */
function statusOf(kind: number): number {
  const group = kind & 0x7f000000;
  const severity = kind & 0x00f00000;
  if (group === Group.MALFORMED) return Status.MALFORMED;
  if (severity === Severity.ERROR) return Status.ERROR;
  return severity === Severity.WARN ? Status.WARNING : 0;
}

/** Expert info `id` (registered with registerExperts) about entry `item` (under it; at the current
 *  tree position when `item` is -1 or skipped), with message `msg` (its registered one when
 *  omitted), and the status it raises (expert_add_info / expert_add_info_format). */
export function expertAt(c: Ctx, item: number, id: number, msg?: string): void {
  const f = c.f;
  const kind = kinds.get(id) ?? Severity.WARN + Group.PROTOCOL;
  const text = msg ?? fieldById(id).label;
  if (item >= 0) f.push(item);
  expertInfo(c, id, text, kind & 0x00f00000, kind & 0x7f000000);
  if (item >= 0) f.pop();
  c.status |= statusOf(kind);
}

/** A line of its own reading `msg`, covering [off, off+len), with expert info `id` under it
 *  (proto_tree_add_expert_format: "Maximum segment size (length byte past end of options)"). */
export function expertLine(c: Ctx, off: number, len: number, id: number, msg: string): void {
  const f = c.f;
  const line = f.text(off, len, msg);
  expertAt(c, line < 0 ? -1 : line, id, msg);
}

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
  f.addStr(WS.expertMessage, 0, 0, msg, EF.GENERATED | EF.HIDDEN);
  f.add(WS.expertSeverity, 0, 0, severity, EF.GENERATED);
  f.add(WS.expertGroup, 0, 0, group, EF.GENERATED);
  f.pop();
}

/** proto.c's own expert infos, which any dissector's items may raise: an FT_STRING whose bytes go
 *  on past a NUL ("Trailing stray characters"). Registered here, once, for every dissector. */
export const PROTO_X = registerExperts({
  trailingStray: { name: '_ws.string.trailing_stray_characters', msg: 'Trailing stray characters', severity: Severity.WARN, group: Group.UNDECODED },
});
