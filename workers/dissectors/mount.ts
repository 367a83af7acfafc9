// MOUNT version 3 (RFC 1813 appendix I; Wireshark 4.0's packet-mount.c), ONC-RPC program 100005,
// which an NFS client asks for the root handle of an export: MNT (a path; the status, the handle
// and the authentication flavors the server takes), UMNT (a path), EXPORT (the export list: per
// export its directory and the groups allowed, each list a chain of "Value Follows"). Info adds
// the path of MNT and UMNT calls (" /export/ds01"); the protocol line is "Mount Service" alone.
//
// Not decoded: DUMP, UMNTALL, versions 1 and 2.

import { FT, names, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { AUTH_FLAVOR_NAMES, R, registerRpcProgram, type RpcBody } from './rpc-fields.ts';
import { xdr, xdrOpaque } from './rpc-xdr.ts';
import { fh3 } from './nfs-attrs.ts';
import { MOUNT3_PROCEDURES, MOUNT3_STATUS } from './nfs-names.ts';

const MOUNT_PROGRAM = 100005;

const M = registerFields({
  mount: { name: 'mount', label: 'Mount Service', type: FT.PROTOCOL },
  procedureV3: { name: 'mount.procedure_v3', label: 'V3 Procedure', type: FT.UINT, names: names(MOUNT3_PROCEDURES), unknownName: true },
  path: { name: 'mount.path', label: 'Path', type: FT.STRING },
  status: { name: 'mount.status', label: 'Status', type: FT.UINT, names: names(MOUNT3_STATUS), unknownName: true },
  flavors: { name: 'mount.flavors', label: 'Flavors', type: FT.UINT },
  flavor: { name: 'mount.flavor', label: 'Flavor', type: FT.UINT, names: AUTH_FLAVOR_NAMES, unknownName: true },
  exportEntry: { name: 'mount.export.entry', label: 'Export List Entry', type: FT.NONE },
  exportDirectory: { name: 'mount.export.directory', label: 'Directory', type: FT.STRING },
  exportGroups: { name: 'mount.export.groups', label: 'Groups', type: FT.NONE },
  exportGroup: { name: 'mount.export.group', label: 'Group', type: FT.STRING },
});

/** MNT's and UMNT's argument: the path, also in Info. */
const pathCall: RpcBody = (c, m, off, end) => {
  const o = xdrOpaque(c, M.path, off, end);
  if (c.f.wanted === null && !c.stop) m.info = ` ${xdr.text}`;
  return o;
};

/** MNT's result (mountres3): the status, and when it is MNT3_OK the handle and the flavors. */
const mntReply: RpcBody = (c, _m, off, end) => {
  const status = c.uint(M.status, off, 4, end);
  let o = off + 4;
  if (status !== 0) return o;
  o = fh3(c, 'fhandle', o, end);
  const n = c.uint(M.flavors, o, 4, end);
  o += 4;
  for (let k = 0; k < n && !c.stop; k++, o += 4) c.uint(M.flavor, o, 4, end);
  return o;
};

/** A "Value Follows" of an XDR list; returns it (or -1). */
function follows(c: Ctx, o: number, end: number): number {
  if (!c.has(o, 4, end)) return -1;
  const v = c.u32(o);
  c.f.add(R.valueFollows, o, 4, v ? 1 : 0);
  return v;
}

/** EXPORT's result (exports): each export's directory and groups. */
const exportReply: RpcBody = (c, _m, off, end) => {
  const f = c.f;
  let o = off;
  while (follows(c, o, end) > 0) {
    o += 4;
    const start = o;
    const entry = f.add(M.exportEntry, o, 0);
    f.push(entry);
    o = xdrOpaque(c, M.exportDirectory, o, end);
    let line = `${xdr.text} ->`;
    const groups = f.add(M.exportGroups, o, 0);
    f.push(groups);
    const at = o;
    while (follows(c, o, end) > 0) {
      o = xdrOpaque(c, M.exportGroup, o + 4, end);
      line += ` ${xdr.text}`;
    }
    o += 4;
    f.pop();
    f.pop();
    if (groups >= 0) f.len[groups] = Math.max(0, Math.min(o, end) - at);
    if (entry >= 0) f.len[entry] = Math.max(0, Math.min(o, end) - start);
    if (entry >= 0) f.label(entry, `Export List Entry: ${line}`);
    if (c.stop) return o;
  }
  return o + 4;
};

const CALLS: (RpcBody | undefined)[] = [(_c, _m, off) => off, pathCall, undefined, pathCall, undefined, (_c, _m, off) => off];
const REPLIES: (RpcBody | undefined)[] = [(_c, _m, off) => off, mntReply, undefined, (_c, _m, off) => off, undefined, exportReply];

registerRpcProgram(MOUNT_PROGRAM, {
  name: 'MOUNT',
  proto: M.mount,
  procedureField: (v) => (v === 3 ? M.procedureV3 : undefined),
  call: (v, p) => (v === 3 ? CALLS[p] : undefined),
  reply: (v, p) => (v === 3 ? REPLIES[p] : undefined),
});
