// State kept per capture beside its Reassembly object (one per PacketDissector): TCP/UDP
// conversations, DNS transactions, frame times. Looked up several times a packet, nearly always for
// the same capture, so the last one is remembered in front of the WeakMap.

import type { Ctx } from '../dissectors/context.ts';

/** A getter of this capture's `T`, made by `make` the first time a capture asks. */
export function perCapture<T>(make: () => T): (c: Ctx) => T {
  const states = new WeakMap<object, T>();
  let lastOwner: object | null = null;
  let lastState: T | undefined;
  return (c: Ctx): T => {
    if (c.reasm === lastOwner) return lastState as T;
    let s = states.get(c.reasm);
    if (s === undefined) {
      s = make();
      states.set(c.reasm, s);
    }
    lastOwner = c.reasm;
    lastState = s;
    return s;
  };
}
