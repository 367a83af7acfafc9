// Wireshark's conversation_set_dissector_from_frame_number and try_conversation_dissector, for TCP:
// a dissector that recognised a stream by its content (TLS's heuristic on a port TLS is not bound
// to) keeps the stream's segments from that frame on, before any port is tried. Set by the first
// pass; a later pass reads it, so a frame before the one that matched is dissected as it was.

import type { Ctx, Dissector } from '../dissectors/context.ts';
import { perCapture } from './per-capture.ts';

interface Owner {
  d: Dissector;
  from: number;
}

const owners = perCapture(() => new Map<number, Owner>());

/** From this frame on (or from frame `from`: 0 for conversation_set_dissector, which RPC's
 *  heuristic calls, so that a later pass gives it the stream's earlier frames too), TCP stream
 *  `stream`'s payloads go to `d` (first pass; the first claim stays). */
export function setStreamDissector(c: Ctx, stream: number, d: Dissector, from = c.frameNo): void {
  if (!c.firstPass || stream < 0) return;
  const m = owners(c);
  if (!m.has(stream)) m.set(stream, { d, from });
}

/** The dissector that owns TCP stream `stream` at this frame, if any. */
export function streamDissector(c: Ctx, stream: number): Dissector | undefined {
  if (stream < 0) return undefined;
  const m = owners(c);
  if (m.size === 0) return undefined;
  const o = m.get(stream);
  return o !== undefined && c.frameNo >= o.from ? o.d : undefined;
}
