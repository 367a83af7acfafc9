// MySQL and MariaDB's client/server protocol on TCP port 3306 (Wireshark 4.0's packet-mysql.c): each
// message is a PDU of a 3-byte little-endian length and a sequence number (reassembled by TCP when
// it spans segments); what it holds depends on the direction (towards port 3306: the client's) and
// on the conversation's state (mysql-state.ts): the server's greeting, the client's login, a
// command (Query, Use Database, Ping, Quit, …), and the response it expects (OK, ERR, a result set
// of column count, field packets, EOF, rows, EOF). The message bodies are in mysql-messages.ts.
//
// The Info column follows 4.0's: "Request Query", "Response  OK ", "Response  Error 1054 ", and
// for a segment of several PDUs the first result set's "Response TABULAR " stays before the text
// of the last PDU (a fence), as in "Response TABULAR Response ".
//
// Not done: compressed and TLS-wrapped conversations (a login asking for SSL shows "Response: SSL
// Handshake" and the rest as MySQL messages in the wrong state), prepared statements' Execute
// parameters, Change User, replication (binlog) packets, query attributes, the auth switch
// request's and response's fields, MariaDB's extended column metadata entries (their length only).

import { WS } from '../fields/field-list.ts';
import { malformedLabel } from './exception.ts';
import { MAX_DEPTH, Status, type Ctx } from './context.ts';
import { P, tcpDissectPdus } from './tcp-pdus.ts';
import { bind, registerDissector } from './tables.ts';
import { COMMAND_NAMES, F } from './mysql-fields.ts';
import { State, conversation, frameStartState, type Conversation } from './mysql-state.ts';
import { greeting, login, out, response } from './mysql-messages.ts';
import { addString, strSize } from './mysql-values.ts';

const HEADER = 4;

/** The PDU: its 3-byte length field and the 4-byte header (get_mysql_pdu_len). */
const pduLength = (b: Uint8Array, o: number): number => ((b[o] as number) | ((b[o + 1] as number) << 8) | ((b[o + 2] as number) << 16)) + HEADER;

/** The state and Info text carried from one PDU to the next within one dissection of a frame. */
const run: { ctx: Ctx | null; serial: number; state: State; fence: string; conv: Conversation | null } = { ctx: null, serial: -1, state: State.UNDEFINED, fence: '', conv: null };

/** Whether a PDU of this segment added its item already: the later ones are no layer of
 *  frame.protocols (tcp_dissect_pdus calls the PDU dissector itself, not through a handle). */
let layerTaken = false;

function dissectMysql(c: Ctx, off: number, end: number): void {
  layerTaken = false;
  const o = c.f.wanted !== null && c.dstPort === c.matchPort ? emptyRequests(c, off, end) : off;
  if (o < end) tcpDissectPdus(c, o, end, 3, pduLength, dissectPdu);
}

/** The conversation of the frame being dissected, and the state its next PDU starts in. */
function begin(c: Ctx): Conversation {
  // (the PDUs of a segment are one stream's: its conversation is looked up once)
  if (run.serial !== c.serial || run.ctx !== c || run.conv === null) {
    run.ctx = c;
    run.serial = c.serial;
    run.conv = conversation(c);
    run.state = frameStartState(c, run.conv);
    run.fence = '';
  }
  return run.conv;
}

/** Per lean mask: whether it keeps nothing of an empty request but its protocol item and the
 *  exception's `_ws.malformed` items, and whether it keeps those. */
let emptyMask: Uint8Array | null = null;
let emptyKeepsOnlyProto = false;
let emptyKeepsMalformed = false;
/** The exception line after each empty request. */
let emptyLabel = '';

/**
 * A lean dissection's shortcut for a run of empty requests: 4 zero bytes, a PDU of length 0 whose
 * command byte is missing, which Wireshark shows as "Request" and malformed without moving the
 * state. The benchmark's generated capture fills its port-3306 segments with zeros (300 such PDUs
 * in a segment of 1,200 bytes: 8 million in the 1M mix, which cost the index pass 2 s one by
 * one, and 0.15 s as one run of entries: FieldList.addRun). Adds exactly what tcpDissectPdus and
 * dissectPdu keep of each in a lean list: the protocol item and, after it, the exception's
 * "[Malformed Packet: MySQL]" with its hidden `_ws.malformed` when the mask keeps those (the index
 * pass's does: its shapes answer `_ws.malformed`); marks the packet malformed, the exceptions
 * shown; returns where the run ends (the rest goes the usual way).
 */
function emptyRequests(c: Ctx, off: number, end: number): number {
  const f = c.f;
  if (f.wanted !== emptyMask) {
    emptyMask = f.wanted;
    emptyKeepsOnlyProto = c.wants(F.mysql) && ![F.packetLength, F.packetNumber, P.pduSize, WS.expert, WS.malformedExpert, WS.expertMessage, WS.expertSeverity, WS.expertGroup].some((id) => c.wants(id));
    emptyKeepsMalformed = c.wants(WS.malformed);
    emptyLabel = malformedLabel(F.mysql);
  }
  if (!emptyKeepsOnlyProto || c.stop || c.depth + 1 >= MAX_DEPTH) return off;
  const b = c.b;
  const limit = Math.min(end, b.length);
  let o = off;
  while (o + HEADER <= limit && b[o] === 0 && b[o + 1] === 0 && b[o + 2] === 0 && b[o + 3] === 0) o += HEADER;
  if (o === off) return off;
  begin(c);
  // (a login has packet number 1, not 0; an auth switch response does not read a command byte)
  if (run.state === State.AUTH_SWITCH_RESPONSE) return off;
  c.colProtocol = 'MySQL';
  const n = (o - off) / HEADER;
  if (!emptyKeepsMalformed) f.addRun(F.mysql, off, HEADER, n);
  else f.addRunWithLines(F.mysql, off, HEADER, n, WS.malformed, emptyLabel);
  layerTaken = true;
  c.status |= Status.MALFORMED;
  c.exception |= Status.MALFORMED;
  c.failProto = F.mysql;
  c.failBit = Status.MALFORMED;
  c.failShown = true;
  return o;
}

/** One PDU (dissect_mysql_pdu). */
function dissectPdu(c: Ctx, off: number, end: number): void {
  const conv = begin(c);
  const state = run.state;
  const f = c.f;
  c.colProtocol = 'MySQL';
  const item = c.proto(F.mysql, off, end);
  if (layerTaken) c.notLayer(item);
  layerTaken = true;
  out.state = state;
  out.info = '';
  out.fence = false;
  out.title = '';
  let o = off;
  if (c.has(o, 3, end)) f.add(F.packetLength, o, 3, c.le(o, 3));
  o += 3;
  const number = c.has(o, 1, end) ? (c.b[o] as number) : -1;
  if (number >= 0) f.add(F.packetNumber, o, 1, number);
  o++;
  const isResponse = c.dstPort !== c.matchPort;
  if (number >= 0) {
    if (isResponse) {
      if (number === 0 && state === State.UNDEFINED) {
        out.info = 'Server Greeting ';
        o = greeting(c, conv, o, end);
      } else {
        out.info = 'Response ';
        o = response(c, conv, state, o, end);
      }
    } else if (state === State.LOGIN && number === 1) {
      out.info = 'Login Request';
      o = login(c, conv, o, end);
    } else o = request(c, conv, state, o, end);
  }
  if (o < end && !c.stop) c.field(F.payload, o, end - o, end);
  if (out.title !== '') f.label(item, `MySQL Protocol${out.title}`);
  f.pop();
  run.state = out.state;
  if (c.firstPass) conv.state = out.state;
  if (f.wanted === null) {
    c.setInfo(run.fence + out.info);
    if (out.fence) run.fence += out.info;
  }
}

/** A command from the client (mysql_dissect_request). */
function request(c: Ctx, conv: Conversation, state: State, o: number, end: number): number {
  const f = c.f;
  if (state === State.AUTH_SWITCH_RESPONSE) {
    out.info = 'Auth Switch Response';
    return end;
  }
  out.info = 'Request';
  // (4.0 reads the command before it adds the request's item: an empty request has none)
  if (!c.has(o, 1, end)) return o;
  const item = f.add(F.request, o, Math.max(0, Math.min(end, c.b.length) - o));
  f.push(item);
  const start = o;
  const op = c.b[o] as number;
  if (item >= 0 || f.wanted === null) {
    const name = COMMAND_NAMES.get(op) ?? `Unknown (${op})`;
    out.info += ` ${name}`;
    f.label(item, `Request Command ${name}`);
  }
  f.add(F.command, o, 1, op);
  o++;
  switch (op) {
    case Command.QUIT:
      break;
    case Command.PROCESS_INFO:
      out.state = State.RESPONSE_TABULAR;
      break;
    case Command.DEBUG:
    case Command.PING:
      out.state = State.RESPONSE_OK;
      break;
    case Command.STATISTICS:
      out.state = State.RESPONSE_MESSAGE;
      break;
    case Command.INIT_DB:
    case Command.CREATE_DB:
    case Command.DROP_DB: {
      const n = strSize(c.b, o, end);
      addString(c, F.schema, o, n, end);
      o += n;
      out.state = State.RESPONSE_OK;
      break;
    }
    case Command.QUERY:
    case Command.STMT_PREPARE: {
      const n = strSize(c.b, o, end);
      addString(c, F.query, o, n, end);
      o += n;
      out.state = op === Command.QUERY ? State.RESPONSE_TABULAR : State.RESPONSE_PREPARE;
      break;
    }
    case Command.FIELD_LIST: {
      const n = strSize(c.b, o, end);
      addString(c, F.tableName, o, n, end);
      o += n;
      out.state = State.RESPONSE_SHOW_FIELDS;
      break;
    }
    case Command.STMT_CLOSE:
    case Command.STMT_RESET:
      if (c.has(o, 4, end)) f.add(F.stmtId, o, 4, c.le(o, 4));
      o += 4;
      out.state = op === Command.STMT_CLOSE ? State.REQUEST : State.RESPONSE_OK;
      break;
    case Command.PROCESS_KILL:
      if (c.has(o, 4, end)) f.add(F.threadId, o, 4, c.le(o, 4));
      o += 4;
      out.state = State.RESPONSE_OK;
      break;
    case Command.SET_OPTION:
      if (c.has(o, 2, end)) f.add(F.option, o, 2, c.le(o, 2));
      o += 2;
      out.state = State.RESPONSE_OK;
      break;
    case Command.STMT_FETCH:
      if (c.has(o, 4, end)) f.add(F.stmtId, o, 4, c.le(o, 4));
      if (c.has(o + 4, 4, end)) f.add(F.numRows, o + 4, 4, c.le(o + 4, 4));
      o += 8;
      out.state = State.RESPONSE_TABULAR;
      break;
    default:
      // Execute Statement, Change User, replication and the rest: their bodies are not dissected
      if (o < end) c.field(F.payload, o, end - o, end);
      o = end;
      out.state = op === Command.STMT_EXECUTE ? State.RESPONSE_TABULAR : op === Command.CHANGE_USER ? State.RESPONSE_OK : State.REQUEST;
  }
  f.pop();
  if (item >= 0) f.len[item] = Math.max(0, Math.min(o, end) - start);
  return o;
}

const enum Command {
  QUIT = 1,
  INIT_DB = 2,
  QUERY = 3,
  FIELD_LIST = 4,
  CREATE_DB = 5,
  DROP_DB = 6,
  STATISTICS = 9,
  PROCESS_INFO = 10,
  PROCESS_KILL = 12,
  DEBUG = 13,
  PING = 14,
  CHANGE_USER = 17,
  STMT_PREPARE = 22,
  STMT_EXECUTE = 23,
  STMT_CLOSE = 25,
  STMT_RESET = 26,
  SET_OPTION = 27,
  STMT_FETCH = 28,
}

registerDissector('mysql', dissectMysql);
bind('tcp.port', 3306, 'mysql');
