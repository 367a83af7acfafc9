// ONC-RPC version 2 (RFC 5531; Wireshark 4.0's packet-rpc.c) over UDP and TCP: the dissector, its
// ports and its UDP heuristic. The messages are read by rpc-message.ts, TCP's record marking by
// rpc-tcp.ts, the call / reply matching is rpc-calls.ts', and the programs are nfs.ts, mount.ts
// and portmap.ts.

import type { Ctx } from './context.ts';
import { bind, registerDissector, registerHeuristic } from './tables.ts';
import { begin, looksLikeRpc, message } from './rpc-message.ts';
import { dissectRpcTcp } from './rpc-tcp.ts';

function dissectRpcUdp(c: Ctx, off: number, end: number): void {
  begin(c);
  if (!looksLikeRpc(c, off, end)) {
    c.reject();
    return;
  }
  message(c, off, end, false);
}

/**
 * Wireshark's RPC-over-UDP heuristic, as far as this build knows programs: a call of RPC version
 * 2 to a program registered here, or a reply to a call filed in its conversation (MOUNT on the
 * port the portmapper gave, which no table binds).
 */
function rpcUdpHeuristic(c: Ctx, off: number, end: number): boolean {
  begin(c);
  if (!looksLikeRpc(c, off, end)) return false;
  c.call(dissectRpcUdp, off, end);
  return true;
}

registerDissector('rpc', (c, off, end) => (c.ipProto === 6 ? dissectRpcTcp(c, off, end) : dissectRpcUdp(c, off, end)));
registerHeuristic('udp', 'rpc_udp', rpcUdpHeuristic);
// Wireshark binds port 111 (the portmapper's) and finds RPC on 2049 (NFS) by its heuristic.
bind('tcp.port', 111, 'rpc');
bind('udp.port', 111, 'rpc');
bind('tcp.port', 2049, 'rpc');
bind('udp.port', 2049, 'rpc');
