// ONC-RPC over TCP (RFC 5531 section 11, record marking): each message is a record behind a
// 4-byte mark, "the high-order bit … is set if the fragment is the last fragment, … the remaining
// 31 bits … is the length in bytes of the fragment's data". A segment may hold several records and
// a record may span segments, which TCP reassembles (tcp-pdus.ts: tcpDesegment). A record that is
// not its message's last fragment is dissected as if it were (RPC's own fragment reassembly is
// not done).

import { readUint, type Ctx } from './context.ts';
import { tcpDesegment } from './tcp-pdus.ts';
import { setStreamDissector } from '../analysis/conversation-dissector.ts';
import { begin, continuation, looksLikeRpc, message, run } from './rpc-message.ts';

const RECORD_MARK = 4;
/** NFS's port, where Wireshark finds RPC by its heuristic (111, and a Decode As port, are bound). */
const NFS_PORT = 2049;

/** A record's length with its mark. */
const recordLength = (b: Uint8Array, o: number): number => (readUint(b, o, 4) & 0x7fffffff) + RECORD_MARK;

/** RPC over TCP by port: 111 as Wireshark binds it, 2049 standing in for its heuristic. */
export function dissectRpcTcp(c: Ctx, off: number, end: number): void {
  records(c, off, end, c.matchPort === NFS_PORT);
}

/** RPC over TCP on a stream RPC recognised (conversation_set_dissector). */
function dissectRpcStream(c: Ctx, off: number, end: number): void {
  records(c, off, end, false);
}

/**
 * The records of a segment. Its first must look like RPC (packet-rpc.c's checks): when it does
 * not, the heuristic (`heuristic`) leaves the segment to TCP (a reply whose call is not in the
 * capture is TCP data), and otherwise it is "Continuation" data. A stream where a record was
 * recognised is RPC's from then on, and on a later pass from its first frame (Wireshark's
 * conversation_set_dissector: with -2 that reply is "Continuation" too).
 */
function records(c: Ctx, off: number, end: number, heuristic: boolean): void {
  begin(c);
  const limit = Math.min(end, c.b.length);
  if (run.index === 0 && limit - off >= RECORD_MARK + 16) {
    if (!looksLikeRpc(c, off + RECORD_MARK, end)) {
      if (heuristic) c.reject();
      else continuation(c, off, end);
      return;
    }
    setStreamDissector(c, c.tcpStream, dissectRpcStream, 0);
  }
  let o = off;
  while (o < end && !c.stop) {
    const avail = limit - o;
    if (avail < RECORD_MARK) {
      if (tcpDesegment(o, -1, RECORD_MARK, recordLength)) return;
      message(c, o, end, true);
      return;
    }
    const n = recordLength(c.b, o);
    if (avail < n && tcpDesegment(o, n, RECORD_MARK, recordLength)) return;
    message(c, o, Math.min(o + n, end), true);
    o += n;
  }
}
