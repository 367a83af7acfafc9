// The fields of Wireshark 4.0's ONC-RPC dissector (packet-rpc.c) that Decapod fills, with their
// names, labels and types as `tshark -G fields` lists them, and the programs it hands calls and
// replies to (rpc_init_prog: each program's name, protocol item and procedure names).

import { Base, FT, names, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { ACCEPT_STATES, AUTH_FLAVORS, MESSAGE_TYPES, REPLY_STATES } from './nfs-names.ts';

export const AUTH_FLAVOR_NAMES = names(AUTH_FLAVORS);

export const R = registerFields({
  rpc: { name: 'rpc', label: 'Remote Procedure Call', type: FT.PROTOCOL },
  reqframe: { name: 'rpc.reqframe', label: 'Request Frame', type: FT.FRAMENUM },
  repframe: { name: 'rpc.repframe', label: 'Reply Frame', type: FT.FRAMENUM },
  lastfrag: { name: 'rpc.lastfrag', label: 'Last Fragment', type: FT.BOOLEAN, bits: 32, mask: 0x80000000, tf: ['Yes', 'No'] },
  fraglen: { name: 'rpc.fraglen', label: 'Fragment Length', type: FT.UINT, mask: 0x7fffffff },
  xid: { name: 'rpc.xid', label: 'XID', type: FT.UINT, base: Base.HEX_DEC },
  msgtyp: { name: 'rpc.msgtyp', label: 'Message Type', type: FT.UINT, names: names(MESSAGE_TYPES), unknownName: true },
  replystat: { name: 'rpc.replystat', label: 'Reply State', type: FT.UINT, names: names(REPLY_STATES), unknownName: true },
  stateAccept: { name: 'rpc.state_accept', label: 'Accept State', type: FT.UINT, names: names(ACCEPT_STATES), unknownName: true },
  version: { name: 'rpc.version', label: 'RPC Version', type: FT.UINT },
  program: { name: 'rpc.program', label: 'Program', type: FT.UINT },
  programversion: { name: 'rpc.programversion', label: 'Program Version', type: FT.UINT },
  procedure: { name: 'rpc.procedure', label: 'Procedure', type: FT.UINT },
  authFlavor: { name: 'rpc.auth.flavor', label: 'Flavor', type: FT.UINT, names: AUTH_FLAVOR_NAMES, unknownName: true },
  authLength: { name: 'rpc.auth.length', label: 'Length', type: FT.UINT },
  authStamp: { name: 'rpc.auth.stamp', label: 'Stamp', type: FT.UINT, base: Base.HEX },
  authUid: { name: 'rpc.auth.uid', label: 'UID', type: FT.UINT },
  authGid: { name: 'rpc.auth.gid', label: 'GID', type: FT.UINT },
  machinename: { name: 'rpc.auth.machinename', label: 'Machine Name', type: FT.STRING },
  valueFollows: { name: 'rpc.value_follows', label: 'Value Follows', type: FT.BOOLEAN, tf: ['Yes', 'No'] },
  opaqueLength: { name: 'rpc.opaque_length', label: 'length', type: FT.UINT },
  fillBytes: { name: 'rpc.fill_bytes', label: 'fill bytes', type: FT.BYTES },
  opaqueData: { name: 'rpc.opaque_data', label: 'opaque data', type: FT.BYTES },
  continuationData: { name: 'rpc.continuation_data', label: 'Continuation data', type: FT.BYTES },
  time: { name: 'rpc.time', label: 'Time from request', type: FT.RELATIVE_TIME, blurb: 'Time between Request and Reply for ONC-RPC calls' },
});

/** What a program's procedure dissector learns of the message it is in, and leaves for RPC. */
export interface RpcMessage {
  xid: number;
  version: number;
  procedure: number;
  /** The program item (the parent of what the procedure adds). */
  item: number;
  /** Text for the Info column after RPC's "V3 READ Call (Reply In 5)". */
  info: string;
  /** Text after the program item's name ("Network File System" + ", READ Call FH: …"). */
  title: string;
  /** The call's record (undefined: not matched), where a call may note what its reply needs
   *  (`note`: ACCESS's requested bits). */
  call: { note: number } | undefined;
}

/** A procedure's arguments or results: dissects from `off`, returns where it stopped. */
export type RpcBody = (c: Ctx, m: RpcMessage, off: number, end: number) => number;

export interface RpcProgram {
  /** The Protocol column and the name in "Program: NFS (100003)". */
  name: string;
  /** The protocol item's field (its label is the tree line's start). */
  proto: number;
  /** Per version: the `[V3 Procedure: …]` field (it carries the procedure names), or undefined. */
  procedureField: (version: number) => number | undefined;
  /** Per version and procedure: the call's and the reply's dissector (undefined: not decoded). */
  call: (version: number, procedure: number) => RpcBody | undefined;
  reply: (version: number, procedure: number) => RpcBody | undefined;
}

const programs = new Map<number, RpcProgram>();

export function registerRpcProgram(program: number, p: RpcProgram): void {
  if (programs.has(program)) throw new Error(`RPC program ${program} is registered twice`);
  programs.set(program, p);
}

export function rpcProgram(program: number): RpcProgram | undefined {
  return programs.get(program);
}
