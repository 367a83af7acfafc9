// Expert notes (Wireshark's expert_add_info): a line in the tree under the item it is about, and a
// status bit for the packet (a warning, or malformed when the packet breaks its protocol's rules).

import { WS } from '../fields/field-list.ts';
import type { Ctx } from './context.ts';
import { Status } from './context.ts';

/** Add an expert note covering [off, off+len) at the current tree position. */
export function expert(c: Ctx, off: number, len: number, msg: string, bit: Status = Status.WARNING): void {
  c.f.addStr(WS.expert, off, len, msg);
  c.status |= bit;
}
