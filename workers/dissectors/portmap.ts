// The portmapper, version 2 (RFC 1833 section 3; Wireshark 4.0's packet-portmap.c), ONC-RPC program
// 100000 on port 111: GETPORT asks which port a program's version listens on over a protocol
// ("V2 GETPORT Call (Reply In 2) MOUNT(100005) V:3 UDP"; the reply "Port:20048"). The call is
// decoded only for a program this build names (packet-rpc.c's program names come from its
// dissectors: NFS, MOUNT, Portmap here), as Info and the line carry the name.
//
// Not decoded: SET, UNSET, DUMP, CALLIT, versions 3 and 4 (rpcbind).

import { FT, names, registerFields } from '../fields/registry.ts';
import { IP_PROTO_NAME_LIST } from './ip-proto-names.ts';
import { registerRpcProgram, rpcProgram, type RpcBody } from './rpc-fields.ts';
import { PORTMAP2_PROCEDURES } from './nfs-names.ts';

const PORTMAP_PROGRAM = 100000;
const GETPORT = 3;
const IP_PROTO_NAMES = names(IP_PROTO_NAME_LIST);

const P = registerFields({
  portmap: { name: 'portmap', label: 'Portmap', type: FT.PROTOCOL },
  procedureV2: { name: 'portmap.procedure_v2', label: 'V2 Procedure', type: FT.UINT, names: names(PORTMAP2_PROCEDURES), unknownName: true },
  prog: { name: 'portmap.prog', label: 'Program', type: FT.UINT },
  version: { name: 'portmap.version', label: 'Version', type: FT.UINT },
  proto: { name: 'portmap.proto', label: 'Protocol', type: FT.UINT },
  port: { name: 'portmap.port', label: 'Port', type: FT.UINT },
});

/** GETPORT's argument (mapping: program, version, protocol, port). */
const getportCall: RpcBody = (c, m, off, end) => {
  const f = c.f;
  if (!c.has(off, 16, end)) return off;
  const prog = c.u32(off);
  const p = rpcProgram(prog);
  if (p === undefined) return off;
  const vers = c.u32(off + 4);
  const proto = c.u32(off + 8);
  const protoName = IP_PROTO_NAMES.get(proto) ?? 'Unknown';
  const i = f.add(P.prog, off, 4, prog);
  f.add(P.version, off + 4, 4, vers);
  const j = f.add(P.proto, off + 8, 4, proto);
  f.add(P.port, off + 12, 4, c.u32(off + 12));
  if (f.wanted === null) {
    f.setText(i, `Program: ${p.name} (${prog})`);
    f.setText(j, `Proto: ${protoName} (${proto})`);
    m.info = ` ${p.name}(${prog}) V:${vers} ${protoName}`;
  }
  m.title = ` GETPORT Call ${p.name}(${prog}) Version:${vers} ${protoName}`;
  return off + 16;
};

const getportReply: RpcBody = (c, m, off, end) => {
  const port = c.uint(P.port, off, 4, end);
  if (port < 0) return off;
  if (c.f.wanted === null) m.info = ` Port:${port}`;
  m.title = ` GETPORT Reply Port:${port}`;
  return off + 4;
};

registerRpcProgram(PORTMAP_PROGRAM, {
  name: 'Portmap',
  proto: P.portmap,
  procedureField: (v) => (v === 2 ? P.procedureV2 : undefined),
  call: (v, p) => (v === 2 && p === GETPORT ? getportCall : undefined),
  reply: (v, p) => (v === 2 && p === GETPORT ? getportReply : undefined),
});
