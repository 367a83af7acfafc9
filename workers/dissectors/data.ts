// Undissected bytes: Wireshark's `data` protocol, the fallback of every table: the bytes and their
// generated length ("[Length: 62]").

import { EF, FieldGroup, WS } from '../fields/field-list.ts';
import type { Ctx } from './context.ts';
import { registerDissector } from './tables.ts';

/** data.data and data.len (a lean dissection without them skips both adds). */
const BYTES = new FieldGroup([WS.dataData, WS.dataLen]);

export function dissectData(c: Ctx, off: number, end: number): void {
  const n = Math.min(end, c.b.length) - off;
  if (n <= 0) return;
  c.proto(WS.data, off, off + n);
  if (BYTES.kept(c.f)) {
    c.f.add(WS.dataData, off, n);
    c.f.add(WS.dataLen, off, 0, n, EF.GENERATED);
  }
  c.f.pop();
}

registerDissector('data', dissectData);
