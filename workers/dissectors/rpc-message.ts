// ONC-RPC's messages (RFC 5531 section 9; Wireshark 4.0's packet-rpc.c dissect_rpc_message):
//
//   xid (4) | msg_type (4: 0 call, 1 reply) | body
//   call:  rpcvers (4) | prog (4) | vers (4) | proc (4) | cred | verf | procedure arguments
//   reply: reply_stat (4: 0 accepted) | verf | accept_stat (4: 0 success) | procedure results
//
// (cred and verf: rpc-auth.ts). A reply names no program: it is matched to its call by XID within
// the conversation (rpc-calls.ts), which gives the program, version, procedure, both frames and
// rpc.time. The program's dissector (registerRpcProgram: nfs.ts, mount.ts, portmap.ts) decodes
// arguments and results under its own protocol item, which is a layer of frame.protocols only
// when it took bytes (packet-rpc.c calls it through a handle: NFS's NULL procedure takes none).
//
// Info: "V3 READ Call (Reply In 27)" or "V3 READ Reply (Call In 25)" and what the program adds;
// the messages of one segment are joined by "  ; ".

import { EF } from '../fields/field-list.ts';
import { fieldById } from '../fields/registry.ts';
import { readUint, type Ctx } from './context.ts';
import { addRelTime } from './time-fields.ts';
import { R, rpcProgram, type RpcMessage, type RpcProgram } from './rpc-fields.ts';
import { opaqueAuth } from './rpc-auth.ts';
import { rpcAnswered, rpcCall, rpcReply, rpcReplyMatches, type RpcMatch } from './rpc-calls.ts';

const LAST_FRAGMENT = 0x80000000;
const CALL = 0;
const REPLY = 1;
const ACCEPTED = 0;
const SUCCESS = 0;

/** The message being dissected (one object, reused). */
const m: RpcMessage = { xid: 0, version: 0, procedure: 0, item: -1, info: '', title: '', call: undefined };

/** Per dissection of a frame: the messages dissected so far and their Info text. */
export const run = { ctx: null as Ctx | null, serial: -1, index: 0, info: '' };

export function begin(c: Ctx): void {
  if (run.ctx !== c || run.serial !== c.serial) {
    run.ctx = c;
    run.serial = c.serial;
    run.index = 0;
    run.info = '';
  }
}

/**
 * What dissect_rpc_message checks before it takes a datagram ("Captured data in packet isn't
 * enough to let us tell"): 8 bytes captured; a call with 16, RPC version 2 and a program this
 * build knows; a reply to a call filed in its conversation.
 */
export function looksLikeRpc(c: Ctx, off: number, end: number): boolean {
  const limit = Math.min(end, c.b.length);
  if (limit - off < 8) return false;
  const type = readUint(c.b, off + 4, 4);
  if (type === CALL) return limit - off >= 16 && readUint(c.b, off + 8, 4) === 2 && rpcProgram(readUint(c.b, off + 12, 4)) !== undefined;
  return type === REPLY && rpcReplyMatches(c, run.index, readUint(c.b, off, 4));
}

/** A segment that starts no record RPC can read: "Continuation data" over all of it. */
export function continuation(c: Ctx, off: number, end: number): void {
  const f = c.f;
  c.proto(R.rpc, off, end);
  c.field(R.continuationData, off, Math.min(end, c.b.length) - off, end);
  f.pop();
  c.colProtocol = 'RPC';
  if (f.wanted === null) c.setInfo('Continuation');
}

/** The procedure's name by the program's `[V3 Procedure]` field, or its number. */
function procedureName(p: RpcProgram | undefined, version: number, procedure: number): string {
  const id = p?.procedureField(version);
  return (id === undefined ? undefined : fieldById(id).names?.get(procedure)) ?? String(procedure);
}

/** One message in [off, end), behind its record mark when `tcp`. */
export function message(c: Ctx, off: number, end: number, tcp: boolean): void {
  const f = c.f;
  const index = run.index++;
  const level = f.level;
  const item = c.proto(R.rpc, off, end);
  // (the records after a segment's first are dissected in the same call: no layer of their own)
  if (index > 0) c.notLayer(item);
  let o = off;
  if (tcp && c.has(o, 4, end)) {
    const mark = c.u32(o);
    const len = mark & 0x7fffffff;
    const frag = f.text(o, 4, '');
    if (frag >= 0) f.label(frag, `Fragment header: ${mark & LAST_FRAGMENT ? 'Last fragment, ' : ''}${len} byte${len === 1 ? '' : 's'}`);
    f.push(frag);
    f.add(R.lastfrag, o, 4, mark & LAST_FRAGMENT ? 1 : 0);
    f.add(R.fraglen, o, 4, len);
    f.pop();
    o += 4;
  }
  const xid = c.uint(R.xid, o, 4, end);
  const type = c.uint(R.msgtyp, o + 4, 4, end);
  if (type < 0) {
    f.unwindTo(level);
    return;
  }
  // (protocol items are kept by every lean mask: their lines are the same in every dissection)
  f.label(item, `Remote Procedure Call, Type:${type === CALL ? 'Call' : type === REPLY ? 'Reply' : 'Unknown'} XID:0x${xid.toString(16).padStart(8, '0')}`);
  o += 8;
  m.xid = xid;
  m.info = '';
  m.title = '';
  if (type === CALL) call(c, index, o, end);
  else if (type === REPLY) reply(c, index, o, end);
  f.unwindTo(level);
}

function call(c: Ctx, index: number, off: number, end: number): void {
  const f = c.f;
  const full = f.wanted === null;
  c.uint(R.version, off, 4, end);
  const prog = c.uint(R.program, off + 4, 4, end);
  const p = prog < 0 ? undefined : rpcProgram(prog);
  if (full && prog >= 0) f.setText(f.last, `Program: ${p?.name ?? 'Unknown'} (${prog})`);
  // (the Protocol column is the program's from here; Info waits for the procedure)
  if (p !== undefined) c.colProtocol = p.name;
  const vers = c.uint(R.programversion, off + 8, 4, end);
  const proc = c.uint(R.procedure, off + 12, 4, end);
  if (proc < 0) return;
  const name = procedureName(p, vers, proc);
  if (full) f.setText(f.last, `Procedure: ${name} (${proc})`);
  const match = rpcCall(c, index, m.xid, prog, vers, proc);
  const replyFrame = match?.call.replyFrame ?? 0;
  if (replyFrame > 0) {
    const i = f.add(R.reqframe, off - 8, 0, replyFrame, EF.GENERATED);
    if (full) f.setText(i, `The reply to this request is in frame ${replyFrame}`);
  }
  if (full) info(c, p, `V${vers} ${name} Call${replyFrame > 0 ? ` (Reply In ${replyFrame})` : ''}`);
  let o = opaqueAuth(c, 'Credentials', off + 16, end);
  if (o >= 0) o = opaqueAuth(c, 'Verifier', o, end);
  f.pop();
  if (o < 0 || p === undefined) return;
  m.call = match?.call;
  program(c, p, vers, proc, o, end, p.call(vers, proc));
}

function reply(c: Ctx, index: number, off: number, end: number): void {
  const f = c.f;
  const full = f.wanted === null;
  const match: RpcMatch | undefined = rpcReply(c, index, m.xid);
  const call = match?.call;
  const p = call === undefined ? undefined : rpcProgram(call.program);
  const name = call === undefined ? '' : procedureName(p, call.version, call.procedure);
  if (call !== undefined) {
    const at = off - 8;
    const i = f.add(R.program, at, 0, call.program, EF.GENERATED);
    if (full) f.setText(i, `Program: ${p?.name ?? 'Unknown'} (${call.program})`);
    f.add(R.programversion, at, 0, call.version, EF.GENERATED);
    const j = f.add(R.procedure, at, 0, call.procedure, EF.GENERATED);
    if (full) f.setText(j, `Procedure: ${name} (${call.procedure})`);
  }
  const state = c.uint(R.replystat, off, 4, end);
  if (state >= 0 && match !== undefined) rpcAnswered(c, match);
  if (call !== undefined && match?.answered === true) {
    const i = f.add(R.repframe, off - 8, 0, call.callFrame, EF.GENERATED);
    if (full) f.setText(i, `This is a reply to a request in frame ${call.callFrame}`);
    addRelTime(f, R.time, off - 8, 0, match.sec, match.nsec, EF.GENERATED);
  }
  let o = -1;
  let accept = -1;
  if (state === ACCEPTED) {
    o = opaqueAuth(c, 'Verifier', off + 4, end);
    if (o >= 0) accept = c.uint(R.stateAccept, o, 4, end);
    o += 4;
  }
  f.pop();
  if (full && call !== undefined) info(c, p, `V${call.version} ${name} Reply${match?.answered === true ? ` (Call In ${call.callFrame})` : ''}`);
  if (accept !== SUCCESS || call === undefined || p === undefined) return;
  m.call = call;
  program(c, p, call.version, call.procedure, o, end, p.reply(call.version, call.procedure));
}

/** The program's item, its version and procedure, and the procedure's arguments or results. */
function program(c: Ctx, p: RpcProgram, vers: number, proc: number, off: number, end: number,
                 body: ((c: Ctx, m: RpcMessage, off: number, end: number) => number) | undefined): void {
  const f = c.f;
  c.colProtocol = p.name;
  const item = c.proto(p.proto, off, end);
  m.version = vers;
  m.procedure = proc;
  m.item = item;
  f.add(R.programversion, off, 0, vers, EF.GENERATED);
  const pf = p.procedureField(vers);
  if (pf !== undefined) f.add(pf, off, 0, proc, EF.GENERATED);
  const took = body === undefined ? 0 : body(c, m, off, end) - off;
  // (called through a dissector handle: a dissector that took nothing is no layer, unless it
  // stopped on an exception)
  if (took <= 0 && !c.stop) c.notLayer(item);
  f.pop();
  if (m.title !== '') f.label(item, `${fieldById(p.proto).label}${m.title}`);
  if (f.wanted === null) {
    c.setInfo(run.info + m.info);
    run.info += m.info;
  }
}

/** Start this message's Info text (after the segment's earlier messages). */
function info(c: Ctx, p: RpcProgram | undefined, s: string): void {
  if (run.info !== '') run.info += '  ; ';
  run.info += s;
  c.colProtocol = p?.name ?? 'RPC';
  c.setInfo(run.info);
}
