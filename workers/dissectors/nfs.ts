// NFS version 3 (RFC 1813; Wireshark 4.0's packet-nfs.c), ONC-RPC program 100003: the arguments
// and results of the procedures an ESXi datastore uses (NULL, GETATTR, SETATTR, LOOKUP, ACCESS,
// READ, WRITE, CREATE, REMOVE, READDIRPLUS, FSSTAT, FSINFO, PATHCONF, COMMIT, and READLINK, MKDIR,
// SYMLINK, MKNOD, RMDIR, RENAME, LINK, READDIR: all 22 of version 3), with the Info text
// and the protocol line packet-nfs.c writes ("V3 READ Call (Reply In 27), FH: 0x1b66c85b Offset: 0
// Len: 4096": RPC writes up to the parenthesis; "Network File System, READ Call FH: …"). A reply
// whose status is not NFS3_OK shows " Error: NFS3ERR_NOENT" and the results RFC 1813 gives a
// failure. Arguments: nfs-calls.ts; results: nfs-replies.ts; the shared types (handles,
// attributes, wcc_data, sattr3, verifiers): nfs-attrs.ts.
//
// Not decoded (the NFS line shows only its version and procedure, and Info only RPC's part, where
// tshark adds the procedure's own): versions 2 and 4.

import { registerRpcProgram } from './rpc-fields.ts';
import { CALLS } from './nfs-calls.ts';
import { REPLIES } from './nfs-replies.ts';
import { N } from './nfs-fields.ts';

const NFS_PROGRAM = 100003;

registerRpcProgram(NFS_PROGRAM, {
  name: 'NFS',
  proto: N.nfs,
  procedureField: (v) => (v === 3 ? N.procedureV3 : undefined),
  call: (v, p) => (v === 3 ? CALLS[p] : undefined),
  reply: (v, p) => (v === 3 ? REPLIES[p] : undefined),
});
