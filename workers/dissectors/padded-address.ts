// An address of which the packet carries only the first bytes: a routing prefix (BGP's
// 10.2.0.0/24 is 3 bytes) or a DNS client subnet. The field covers the bytes that are there; its
// value is the address padded with zeros, kept as the entry's text (EF.STR) since the bytes hold
// only part of it (the filter reads it back from the text: filter/view.ts).

import { ipv4Text, ipv6Text } from '../fields/format.ts';
import type { Ctx } from './context.ts';

const pad = new Uint8Array(16);

/** Add IPv4 (`size` 4) or IPv6 (16) address field `id` over the `n` bytes at `o` (n <= size), its
 *  value those bytes padded with zeros; returns the address's text. */
export function paddedAddress(c: Ctx, id: number, o: number, n: number, size: 4 | 16): string {
  pad.fill(0);
  pad.set(c.b.subarray(o, o + Math.min(n, size)));
  const text = size === 4 ? ipv4Text(pad, 0) : ipv6Text(pad, 0);
  if (n === size) c.f.add(id, o, n, 0);
  else c.f.addStr(id, o, n, text);
  return text;
}
