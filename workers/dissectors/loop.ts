// The Ethernet Configuration Test Protocol (ethertype 0x9000, "loopback"; Wireshark packet-loop.c),
// which Cisco routers send as keepalives on Ethernet and GRE tunnels: a skip count, then functions
// (Reply with a receipt number, or Forward Data with the next hop's address) until a Reply; the
// function at the skip count is the relevant one, which the Info column names.

import { FT, names, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { dissectData } from './data.ts';
import { bind, registerDissector } from './tables.ts';

const REPLY = 1;
const FORWARD_DATA = 2;
export const LOOP_FUNCTIONS = names([[REPLY, 'Reply'], [FORWARD_DATA, 'Forward Data']]);

export const F = registerFields({
  loop: { name: 'loop', label: 'Configuration Test Protocol (loopback)', type: FT.PROTOCOL },
  skipCount: { name: 'loop.skipcount', label: 'skipCount', type: FT.UINT, bits: 16 },
  relevantFunction: { name: 'loop.relevant_function', label: 'Relevant function', type: FT.UINT, bits: 16, names: LOOP_FUNCTIONS },
  func: { name: 'loop.function', label: 'Function', type: FT.UINT, bits: 16, names: LOOP_FUNCTIONS },
  receiptNumber: { name: 'loop.receipt_number', label: 'Receipt number', type: FT.UINT, bits: 16 },
  forwardingAddress: { name: 'loop.forwarding_address', label: 'Forwarding address', type: FT.ETHER },
});

export function dissectLoop(c: Ctx, off: number, end: number): void {
  const f = c.f;
  c.proto(F.loop, off, end);
  if (!c.has(off, 2, end)) return;
  const skip = c.le(off, 2);
  f.add(F.skipCount, off, 2, skip);
  const relevant = off + 2 + skip;
  let o = off + 2;
  for (;;) {
    if (!c.has(o, 2, end)) return;
    const fn = c.le(o, 2);
    if (o === relevant) f.add(F.relevantFunction, o, 2, fn);
    f.add(F.func, o, 2, fn);
    o += 2;
    if (fn === REPLY) {
      if (!c.has(o, 2, end)) return;
      f.add(F.receiptNumber, o, 2, c.le(o, 2));
      o += 2;
      break;
    }
    if (fn !== FORWARD_DATA || !c.field(F.forwardingAddress, o, 6, end)) break;
    o += 6;
  }
  f.pop();
  if (!c.stop && o < end) c.call(dissectData, o, end);
}

registerDissector('loop', dissectLoop);
bind('ethertype', 0x9000, 'loop');
