// LDAP's conversation state (packet-ldap.c's ldap_conv_info_t): how the client authenticated (a
// SASL bind's mechanism, and the frame from which its security layer wraps the messages), the
// search results counted so far, and requests matched with their responses by message ID. The
// first pass moves the state on; a later pass dissects a frame from what the first pass saw at
// its start and reads the matches the first pass made (Wireshark keeps both per conversation and
// would dissect a frame clicked out of order from the state the last one left).

import { perCapture } from '../analysis/per-capture.ts';
import type { Ctx } from './context.ts';

export const enum Auth {
  NONE,
  SIMPLE,
  SASL,
}

/** A request and its response (ldap_call_response_t). */
export interface Call {
  reqFrame: number;
  repFrame: number;
}

export interface LdapConversation {
  auth: Auth;
  /** The SASL mechanism of the last bind that named one ('' for none). */
  mech: string;
  /** The first frame of the SASL security layer (0: none). */
  firstAuthFrame: number;
  /** Search result entries seen (the first pass's running count; the whole count after it). */
  results: number;
  /** Requests without a response yet, by message ID. */
  unmatched: Map<number, Call>;
  /** Requests answered, by message ID (the last one for an ID used again). */
  matched: Map<number, Call>;
}

/** What a frame starts from, kept for later passes. */
interface FrameStart {
  auth: Auth;
  mech: string;
  firstAuthFrame: number;
}

interface Capture {
  conversations: Map<number, LdapConversation>;
  frames: Map<number, FrameStart>;
  /** Per frame, the call each of its messages took part in (null: none), in order. */
  calls: Map<number, (Call | null)[]>;
}

const captures = perCapture<Capture>(() => ({ conversations: new Map(), frames: new Map(), calls: new Map() }));

/** The conversation of the TCP stream (or UDP datagram's stream) being dissected. */
export function ldapConversation(c: Ctx, stream: number): LdapConversation {
  const cs = captures(c).conversations;
  let conv = cs.get(stream);
  if (conv === undefined) {
    conv = { auth: Auth.NONE, mech: '', firstAuthFrame: 0, results: 0, unmatched: new Map(), matched: new Map() };
    cs.set(stream, conv);
  }
  return conv;
}

/** At a frame's first LDAP PDU: on the first pass, note the authentication state it starts from;
 *  on a later one, put it back. */
export function frameStart(c: Ctx, conv: LdapConversation): void {
  const frames = captures(c).frames;
  if (c.firstPass) {
    if (!frames.has(c.frameNo)) frames.set(c.frameNo, { auth: conv.auth, mech: conv.mech, firstAuthFrame: conv.firstAuthFrame });
    return;
  }
  const s = frames.get(c.frameNo);
  if (s === undefined) return;
  conv.auth = s.auth;
  conv.mech = s.mech;
  conv.firstAuthFrame = s.firstAuthFrame;
}

export const enum Role {
  OTHER,
  REQUEST,
  RESPONSE,
}

/**
 * The call message `k` of this frame belongs to (ldap_match_call_response): on the first pass a
 * request waits for its response (replacing an older request with its ID) and a response takes
 * the request of its ID; later passes read what the first pass recorded. null: none (a request
 * with no response, an unsolicited response, an abandon or unbind).
 */
export function matchCall(c: Ctx, conv: LdapConversation, k: number, messageId: number, role: Role): Call | null {
  const calls = captures(c).calls;
  if (!c.firstPass) return calls.get(c.frameNo)?.[k] ?? null;
  let call: Call | null = null;
  if (role === Role.REQUEST) {
    call = { reqFrame: c.frameNo, repFrame: 0 };
    conv.unmatched.set(messageId, call);
  } else if (role === Role.RESPONSE) {
    call = conv.matched.get(messageId) ?? null;
    if (call === null) {
      const waiting = conv.unmatched.get(messageId);
      if (waiting !== undefined && waiting.repFrame === 0) {
        conv.unmatched.delete(messageId);
        waiting.repFrame = c.frameNo;
        conv.matched.set(messageId, waiting);
        call = waiting;
      }
    }
  }
  let list = calls.get(c.frameNo);
  if (list === undefined) calls.set(c.frameNo, (list = []));
  list[k] = call;
  return call;
}
