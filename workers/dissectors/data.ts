// Undissected bytes: Wireshark's `data` protocol, the fallback of every table.

import { WS } from '../fields/field-list.ts';
import type { Ctx } from './context.ts';
import { registerDissector } from './tables.ts';

export function dissectData(c: Ctx, off: number, end: number): void {
  const n = Math.min(end, c.b.length) - off;
  if (n <= 0) return;
  c.proto(WS.data, off, off + n);
  c.f.add(WS.dataData, off, n);
  c.f.add(WS.dataLen, off, 0, n);
  c.f.pop();
}

registerDissector('data', dissectData);
