// MySQL's conversation state (Wireshark 4.0's mysql_conn_data_t): what the next message of a TCP
// stream is expected to be, which follows from the messages before it (a Query's response is a
// result set: its column count, then field packets, then rows), and the capabilities both sides
// announced at login. The first pass moves the state on; a later pass dissects a frame from the
// state its first PDU saw then (saved per frame), as Wireshark keeps it per PDU, and follows the
// frame's own PDUs from there, which gives the same states.

import { perCapture } from '../analysis/per-capture.ts';
import type { Ctx } from './context.ts';

/** What the conversation expects next (mysql_state_t). */
export const enum State {
  UNDEFINED,
  LOGIN,
  REQUEST,
  RESPONSE_OK,
  RESPONSE_MESSAGE,
  RESPONSE_TABULAR,
  RESPONSE_SHOW_FIELDS,
  FIELD_PACKET,
  ROW_PACKET,
  RESPONSE_PREPARE,
  PREPARED_PARAMETERS,
  PREPARED_FIELDS,
  AUTH_SWITCH_REQUEST,
  AUTH_SWITCH_RESPONSE,
}

export interface Conversation {
  state: State;
  srvCaps: number;
  srvCapsExt: number;
  clntCaps: number;
  clntCapsExt: number;
  /** MariaDB's extended capabilities (sent in place of filler when the server is MariaDB). */
  mariadbSrvCaps: number;
  mariadbClntCaps: number;
  /** Whether the greeting's capabilities lack CLIENT_LONG_PASSWORD: MariaDB, whose greeting and
   *  login carry its own capability word in the last 4 filler bytes. */
  mariadb: boolean;
  majorVersion: number;
  /** Column count and parameters of the last prepared statement's response. */
  stmtNumFields: number;
  stmtNumParams: number;
}

interface Capture {
  conversations: Map<number, Conversation>;
  /** State at the first MySQL PDU of each frame that had one (first pass). */
  frameState: Map<number, State>;
}

const captures = perCapture<Capture>(() => ({ conversations: new Map(), frameState: new Map() }));

export function conversation(c: Ctx): Conversation {
  const cs = captures(c).conversations;
  let conv = cs.get(c.tcpStream);
  if (conv === undefined) {
    conv = { state: State.UNDEFINED, srvCaps: 0, srvCapsExt: 0, clntCaps: 0, clntCapsExt: 0, mariadbSrvCaps: 0, mariadbClntCaps: 0, mariadb: false, majorVersion: 0, stmtNumFields: 0, stmtNumParams: 0 };
    cs.set(c.tcpStream, conv);
  }
  return conv;
}

/** The state the frame's first PDU starts from: saved now on the first pass, read back later. */
export function frameStartState(c: Ctx, conv: Conversation): State {
  const saved = captures(c).frameState;
  if (c.firstPass) {
    saved.set(c.frameNo, conv.state);
    return conv.state;
  }
  return saved.get(c.frameNo) ?? State.UNDEFINED;
}
