// LDAP (Wireshark 4.0's packet-ldap.c, RFC 4511) on TCP ports 389 and 3268 (Active Directory's
// global catalog): the directory traffic of every logon, group lookup and AD-integrated service.
// A segment's messages are split (or reassembled) by their BER length, or, once a SASL bind has
// set up a security layer, by the 4-byte length of each SASL buffer, whose Kerberos wrap token
// (RFC 4121) is shown and whose LDAP messages, when signed but not sealed, are dissected inside it.
// Each message is an "LDAPMessage searchRequest(2) "dc=example,dc=com" wholeSubtree" tree, the
// same words in the Info column ("… | …" between messages), requests and responses matched by
// message ID. The search filter is ldap-filter.ts's; the state ldap-state.ts's.

import { EF } from '../fields/field-list.ts';
import { fieldById, FT } from '../fields/registry.ts';
import { ber, BerClass, berElement as element, berInt, berText, messageCut, printableAscii, readBer, withinMessage } from './ber.ts';
import type { Ctx } from './context.ts';
import { frameTime } from './frame.ts';
import { frameTimeOf } from './frame-times.ts';
import { F } from './ldap-fields.ts';
import { dissectFilter, setCount } from './ldap-filter.ts';
import { Auth, frameStart, ldapConversation, matchCall, Role, type LdapConversation } from './ldap-state.ts';
import { appendTo } from './append-text.ts';
import { assertionValue, guidText, ldapString, text } from './ldap-values.ts';
import { oidName } from './oid-text.ts';
import { dissectNetlogon, M } from './mscldap.ts';
import { gssapiToken, spnegoToken, wrapSealed, wrapToken } from './spnego.ts';
import { udpStream } from '../analysis/tcp-state.ts';
import { bind, registerDissector } from './tables.ts';
import { tcpDissectPdus } from './tcp-pdus.ts';
import { addTimeSince } from './time-fields.ts';

/** packet-ldap.h's LDAP_SASL_MAX_BUF: a SASL buffer longer than this is no SASL buffer. */
const SASL_MAX_BUF = 1024 * 1024;
const PAGED_RESULTS = '1.2.840.113556.1.4.319';

const enum Op {
  BIND_REQUEST = 0,
  BIND_RESPONSE = 1,
  UNBIND_REQUEST = 2,
  SEARCH_REQUEST = 3,
  SEARCH_ENTRY = 4,
  SEARCH_DONE = 5,
  MODIFY_REQUEST = 6,
  MODIFY_RESPONSE = 7,
  ADD_REQUEST = 8,
  ADD_RESPONSE = 9,
  DEL_REQUEST = 10,
  DEL_RESPONSE = 11,
  MODDN_REQUEST = 12,
  MODDN_RESPONSE = 13,
  COMPARE_REQUEST = 14,
  COMPARE_RESPONSE = 15,
  ABANDON_REQUEST = 16,
  SEARCH_REF = 19,
  EXTENDED_REQUEST = 23,
  EXTENDED_RESPONSE = 24,
  INTERMEDIATE_RESPONSE = 25,
}

const REQUESTS = new Set([Op.BIND_REQUEST, Op.SEARCH_REQUEST, Op.MODIFY_REQUEST, Op.ADD_REQUEST, Op.DEL_REQUEST, Op.MODDN_REQUEST, Op.COMPARE_REQUEST, Op.EXTENDED_REQUEST]);
const RESPONSES = new Set([Op.BIND_RESPONSE, Op.SEARCH_ENTRY, Op.SEARCH_REF, Op.SEARCH_DONE, Op.MODIFY_RESPONSE, Op.ADD_RESPONSE, Op.DEL_RESPONSE,
  Op.MODDN_RESPONSE, Op.COMPARE_RESPONSE, Op.EXTENDED_RESPONSE, Op.INTERMEDIATE_RESPONSE]);
/** The LDAPResult responses, their items' field. */
const RESULTS = new Map([[Op.SEARCH_DONE, F.searchResDone], [Op.MODIFY_RESPONSE, F.modifyResponse], [Op.ADD_RESPONSE, F.addResponse],
  [Op.DEL_RESPONSE, F.delResponse], [Op.MODDN_RESPONSE, F.modDNResponse], [Op.COMPARE_RESPONSE, F.compareResponse]]);
/** Strings whose value names the message in its line and the Info column (quoted, "<ROOT>" when empty). */
const NAMING = new Set([F.baseObject, F.objectName, F.name, F.entry, F.object, F.delRequest]);

/** The conversation and message being dissected (one at a time). */
let conv: LdapConversation = { auth: Auth.NONE, mech: '', firstAuthFrame: 0, results: 0, unmatched: new Map(), matched: new Map() };
/** Whether this dissector call has its protocol item (frame.protocols names one layer per call). */
let layerTaken = false;
/** The Info column's fence (col_set_fence after a " | "): SASL's prefix replaces only what follows. */
let fence = 0;
/** The message: its ID (or the abandoned one's), operation, whether its name is still to be
 *  written (do_protocolop), the item its words go to, and its index in the frame. */
let messageId = 0;
let op = -1;
let pendingOp = false;
let labelItem = -1;
let messageIndex = 0;

function full(c: Ctx): boolean {
  return c.f.wanted === null;
}

/** Whether the PDU is connectionless LDAP (UDP: "CLDAP", Active Directory's LDAP ping). */
let cldap = false;

/** CLDAP on UDP 389 (dissect_mscldap): one PDU of messages per datagram. */
export function dissectCldap(c: Ctx, off: number, end: number): void {
  layerTaken = false;
  cldap = true;
  // (its conversation apart from TCP's stream numbers)
  conv = ldapConversation(c, CLDAP_STREAMS + udpStream(c, c.srcPort, c.dstPort));
  if (c.f.find(M.cldap) < 0) {
    frameStart(c, conv);
    messageIndex = 0;
  }
  dissectPdu(c, off, end);
}

/** Where CLDAP's conversations are numbered in ldap-state.ts's table (past any TCP stream). */
const CLDAP_STREAMS = 2 ** 40;

export function dissectLdapTcp(c: Ctx, off: number, end: number): void {
  layerTaken = false;
  cldap = false;
  conv = ldapConversation(c, c.tcpStream);
  if (c.f.find(F.ldap) < 0) {
    frameStart(c, conv);
    messageIndex = 0;
  }
  const b = c.b;
  const avail = Math.min(end, b.length);
  const saslLen = avail - off >= 4 ? c.u32(off) : 0;
  if (saslLen >= 2 && saslLen <= SASL_MAX_BUF && conv.auth === Auth.SASL) {
    tcpDissectPdus(c, off, end, 4, saslPduLength, dissectPdu);
    return;
  }
  if (avail - off >= 2 && b[off] === 0x30 && readBer(b, off, avail + 8) && (ber.len >= 2 || ber.indefinite)) {
    tcpDissectPdus(c, off, end, 7, normalPduLength, dissectPdu);
    return;
  }
  // "a strange case of SASL still": Exchange's clear-text messages framed as SASL buffers
  if (saslLen + 4 === end - off) tcpDissectPdus(c, off, end, 4, saslPduLength, dissectPdu);
}

const saslPduLength = (b: Uint8Array, o: number): number =>
  ((b[o] as number) * 16777216 + (((b[o + 1] as number) << 16) | ((b[o + 2] as number) << 8) | (b[o + 3] as number))) + 4;

/** get_normal_ldap_pdu_len: the element's header and value. */
function normalPduLength(b: Uint8Array, o: number): number {
  if (!readBer(b, o, o + 7)) return 7;
  return ber.value - o + ber.len;
}

/** One PDU (dissect_ldap_pdu): a SASL buffer of the security layer, or LDAP messages. */
function dissectPdu(c: Ctx, off: number, end: number): void {
  const f = c.f;
  const b = c.b;
  let sasl = conv.auth === Auth.SASL && conv.firstAuthFrame !== 0 && c.frameNo >= conv.firstAuthFrame;
  if (!sasl && Math.min(end, b.length) - off >= 6) {
    const len = c.u32(off);
    // a SASL buffer of a bind this capture does not have: a Kerberos wrap token or GSS-API blob
    if (len + 4 <= end - off && ((b[off + 4] === 0x05 && b[off + 5] === 0x04) || b[off + 4] === 0x60)) {
      conv.auth = Auth.SASL;
      conv.firstAuthFrame = c.frameNo;
      conv.mech = 'UNKNOWN';
      sasl = true;
    }
  }
  c.colProtocol = cldap ? 'CLDAP' : 'LDAP';
  if (f.find(F.ldap) >= 0 || f.find(M.cldap) >= 0) {
    c.addInfo(' | ');
    fence = (c.colInfo ?? '').length;
  } else {
    if (full(c)) c.setInfo('');
    fence = 0;
  }
  const item = c.proto(cldap ? M.cldap : F.ldap, off, end);
  if (layerTaken) c.notLayer(item);
  layerTaken = true;
  if (!sasl || b[off] !== 0) {
    dissectPayload(c, off, end);
    f.pop();
    return;
  }
  const len = c.uint(F.saslBufferLength, off, 4, end);
  if (len < 0) return;
  const bufEnd = Math.min(off + 4 + len, end);
  f.push(full(c) ? f.text(off + 4, Math.min(bufEnd, b.length) - off - 4, 'SASL Buffer') : -1);
  if (conv.mech === 'GSS-SPNEGO' || conv.mech === 'GSSAPI') {
    const wrap = wrapToken(c, off + 4, bufEnd);
    if (wrap > 0) {
      const p = off + 4 + wrap;
      const n = bufEnd - p;
      if (wrapSealed()) {
        setInfoAfterFence(c, `SASL GSS-API Privacy: payload (${len - wrap} byte${len - wrap === 1 ? '' : 's'})`);
        c.field(F.encryptedPayload, p, n, bufEnd);
      } else {
        setInfoAfterFence(c, 'SASL GSS-API Integrity: ');
        f.push(full(c) ? f.text(p, Math.max(0, Math.min(bufEnd, b.length) - p), `GSS-API payload (${n} byte${n === 1 ? '' : 's'})`) : -1);
        dissectPayload(c, p, bufEnd);
        f.pop();
      }
    }
  }
  f.pop();
  f.pop();
}

function setInfoAfterFence(c: Ctx, s: string): void {
  if (full(c)) c.setInfo((c.colInfo ?? '').slice(0, fence) + s);
}

/** dissect_ldap_payload: the messages in [o, end), each its BER length long. */
function dissectPayload(c: Ctx, o: number, end: number): void {
  while (end - o >= 6 && !c.stop) {
    if (!readBer(c.b, o, end)) return;
    const len = ber.len;
    if (len < 4 || len > 10000000) return;
    const total = ber.cls === BerClass.UNIVERSAL && ber.tag === 16 ? ber.value - o + len : end - o;
    const at = o;
    // (a message longer than what carries it is dissected as far as it goes)
    if (at + total > end) withinMessage(end, () => dissectMessage(c, at, at + total));
    else dissectMessage(c, at, at + total);
    o += total;
  }
}

/** One LDAPMessage: its ID, operation, the request or response it answers, and its controls. */
function dissectMessage(c: Ctx, o: number, end: number): void {
  const f = c.f;
  if (!element(c, o, end)) return;
  const mEnd = ber.value + ber.len;
  let p = ber.value;
  const msg = f.add(F.message, o, mEnd - o);
  f.push(msg);
  labelItem = msg;
  op = -1;
  pendingOp = false;
  p = integer(c, F.messageId, p, mEnd);
  messageId = lastInt;
  if (p >= 0 && p < mEnd && readBer(c.b, p, mEnd) && ber.cls === BerClass.APPLICATION && fieldById(F.protocolOp).names?.has(ber.tag)) {
    op = ber.tag;
    const opEnd = element(c, p, mEnd) ? ber.value + ber.len : -1;
    if (opEnd >= 0) {
      const opItem = f.add(F.protocolOp, p, opEnd - p, op);
      f.push(opItem);
      pendingOp = true;
      dissectOp(c, p, opEnd, opItem);
      f.pop();
      // (an exception inside the operation skips what its footer does: no match, no count)
      if (c.stop) {
        f.pop();
        messageIndex++;
        return;
      }
      afterOp(c, msg, o);
      p = opEnd;
      if (tagged(c, p, mEnd, 0)) controls(c, p, mEnd);
    }
  } else if (p >= 0) element(c, p, mEnd);
  f.pop();
  messageIndex++;
}

/** ldap_do_protocolop: the operation's name and message ID, once, in Info and the message's line. */
function doProtocolOp(c: Ctx): void {
  if (!pendingOp) return;
  pendingOp = false;
  if (!full(c)) return;
  const name = fieldById(F.protocolOp).names?.get(op) ?? 'Unknown (%u)';
  c.addInfo(`${name}(${messageId}) `);
  appendTo(c, labelItem, ` ${name}(${messageId})`);
}

/** After the operation (ProtocolOp's footer): the call it belongs to, and the search's results. */
function afterOp(c: Ctx, msg: number, at: number): void {
  const f = c.f;
  const role = REQUESTS.has(op) ? Role.REQUEST : RESPONSES.has(op) ? Role.RESPONSE : Role.OTHER;
  const call = matchCall(c, conv, messageIndex, messageId, role);
  if (call !== null && !c.firstPass) {
    if (role === Role.REQUEST) {
      if (call.repFrame > 0) f.add(F.responseIn, at, 0, call.repFrame, EF.GENERATED);
    } else {
      f.add(F.responseTo, at, 0, call.reqFrame, EF.GENERATED);
      if (full(c)) addTimeSince(f, F.time, at, frameTime(c), frameTimeOf(c, call.reqFrame), EF.GENERATED);
    }
  }
  if (op === Op.SEARCH_ENTRY || op === Op.SEARCH_DONE) {
    if (op === Op.SEARCH_ENTRY && c.firstPass) conv.results++;
    const n = conv.results;
    const s = ` [${n} result${n === 1 ? '' : 's'}]`;
    if (op === Op.SEARCH_DONE) c.addInfo(s);
    appendTo(c, msg, s);
  }
}

/** The value of the last integer(), enumerated() or boolean() read. */
let lastInt = 0;

/** An INTEGER, ENUMERATED or BOOLEAN element at `o` as field `id`; returns where it ends (-1: the
 *  packet stopped). Its value in lastInt. */
function integer(c: Ctx, id: number, o: number, end: number): number {
  if (o < 0 || !element(c, o, end)) return -1;
  const v = ber.value;
  const n = ber.len;
  lastInt = n <= 6 ? berInt(c.b, v, n) : 0;
  const type = fieldById(id).type;
  c.f.add(id, v, n, type === FT.INT ? lastInt : type === FT.BOOLEAN ? (lastInt !== 0 ? 1 : 0) : lastInt >>> 0);
  return v + n;
}

/** An LDAPString element at `o` as field `id`, with what packet-ldap.c's LDAPString body does
 *  beside (the message's name, its DN in Info, an error message, an attribute type on its item). */
function string(c: Ctx, id: number, o: number, end: number, always = false): number {
  if (o < 0) return -1;
  const e = ldapString(c, id, o, end, always || (full(c) && (NAMING.has(id) || id === F.errorMessage)));
  if (e < 0) return -1;
  doProtocolOp(c);
  if (!full(c)) return e;
  const f = c.f;
  if (NAMING.has(id)) {
    const s = text === '' ? '<ROOT>' : text;
    c.addInfo(`"${s}" `);
    appendTo(c, labelItem, ` "${s}"`);
  } else if (id === F.errorMessage && text !== '') {
    c.addInfo(`(${text}) `);
    appendTo(c, labelItem, ` (${text})`);
  }
  return e;
}

/** An LDAPOID element (requestName, responseName, controlType): the OID and its name; a named
 *  extended operation is named in Info too. */
function oid(c: Ctx, id: number, o: number, end: number): number {
  const e = ldapString(c, id, o, end, true);
  if (e < 0) return -1;
  lastOid = text;
  if (!full(c)) return e;
  const name = oidName(text);
  if (name !== null) {
    appendTo(c, c.f.last, ` (${name})`);
    if (id === F.requestName || id === F.responseName) {
      doProtocolOp(c);
      c.addInfo(`${name} `);
    }
  }
  return e;
}

let lastOid = '';

/** An element's value as a byte-string field (an OCTET STRING not read as text). */
function octets(c: Ctx, id: number, o: number, end: number): number {
  if (o < 0 || !element(c, o, end)) return -1;
  c.f.add(id, ber.value, ber.len);
  return ber.value + ber.len;
}

/** Whether the element at `o` (before `end`) has context tag `tag`. */
function tagged(c: Ctx, o: number, end: number, tag: number): boolean {
  return o >= 0 && o < end && !c.stop && readBer(c.b, o, end) && ber.cls === BerClass.CONTEXT && ber.tag === tag;
}

/** A SEQUENCE OF / SET OF at `o` as the count item `id` ("attributes: 3 items"), each element
 *  given to `each`; returns where it ends. */
function listOf(c: Ctx, id: number, o: number, end: number, each: (p: number, e: number) => number): number {
  if (o < 0 || !element(c, o, end)) return -1;
  const f = c.f;
  const lEnd = ber.value + ber.len;
  const item = f.add(id, o, lEnd - o);
  // (a list past what its message holds cannot be counted: packet-ber.c says so)
  const uncounted = messageCut(lEnd);
  if (uncounted && item >= 0 && full(c)) f.setText(item, `${fieldById(id).label}: unknown number of items`);
  f.push(item);
  let n = 0;
  for (let p = ber.value; p < lEnd && !c.stop; n++) {
    const next = each(p, lEnd);
    if (next < 0) break;
    p = next;
  }
  f.pop();
  if (!uncounted) setCount(c, item, n);
  return c.stop ? -1 : lEnd;
}

/** The element at `o` opened as item `id` (a SEQUENCE shown as a subtree); returns its value's
 *  bounds in `inner` or false. */
function open(c: Ctx, id: number, o: number, end: number): boolean {
  if (o < 0 || !element(c, o, end)) return false;
  inner.start = ber.value;
  inner.end = ber.value + ber.len;
  c.f.push(c.f.add(id, o, inner.end - o));
  return true;
}

const inner = { start: 0, end: 0 };

function dissectOp(c: Ctx, o: number, end: number, opItem: number): void {
  const f = c.f;
  if (!element(c, o, end)) return;
  const v = ber.value;
  const vEnd = ber.value + ber.len;
  switch (op) {
    case Op.BIND_REQUEST:
      f.push(f.add(F.bindRequest, o, vEnd - o));
      authentication(c, string(c, F.name, integer(c, F.version, v, vEnd), vEnd), vEnd);
      f.pop();
      break;
    case Op.BIND_RESPONSE:
      f.push(f.add(F.bindResponse, o, vEnd - o));
      ldapResult(c, v, vEnd, true);
      f.pop();
      break;
    case Op.UNBIND_REQUEST:
      f.add(F.unbindRequest, o, vEnd - o);
      doProtocolOp(c);
      break;
    case Op.SEARCH_REQUEST:
      f.push(f.add(F.searchRequest, o, vEnd - o));
      searchRequest(c, v, vEnd);
      f.pop();
      break;
    case Op.SEARCH_ENTRY:
      f.push(f.add(F.searchResEntry, o, vEnd - o));
      attributeList(c, F.partialAttribute, string(c, F.objectName, v, vEnd), vEnd);
      f.pop();
      break;
    case Op.SEARCH_REF: {
      const item = f.add(F.searchResRef, o, vEnd - o);
      f.push(item);
      let n = 0;
      for (let p = v; p < vEnd && !c.stop; n++) p = string(c, F.url, p, vEnd);
      f.pop();
      setCount(c, item, n);
      doProtocolOp(c);
      break;
    }
    case Op.MODIFY_REQUEST:
      f.push(f.add(F.modifyRequest, o, vEnd - o));
      listOf(c, F.modification, string(c, F.object, v, vEnd), vEnd, (p, e) => {
        if (!open(c, F.modificationItem, p, e)) return -1;
        const { end: iEnd } = inner;
        const q = integer(c, F.operation, inner.start, iEnd);
        attributeItem(c, F.modificationElement, q, iEnd);
        f.pop();
        return iEnd;
      });
      f.pop();
      break;
    case Op.ADD_REQUEST:
      f.push(f.add(F.addRequest, o, vEnd - o));
      attributeList(c, F.attributeListItem, string(c, F.entry, v, vEnd), vEnd);
      f.pop();
      break;
    case Op.DEL_REQUEST:
      string(c, F.delRequest, o, end);
      break;
    case Op.MODDN_REQUEST: {
      f.push(f.add(F.modDNRequest, o, vEnd - o));
      let p = string(c, F.newrdn, string(c, F.entry, v, vEnd), vEnd);
      p = integer(c, F.deleteoldrdn, p, vEnd);
      if (tagged(c, p, vEnd, 0)) string(c, F.newSuperior, p, vEnd);
      f.pop();
      break;
    }
    case Op.COMPARE_REQUEST: {
      f.push(f.add(F.compareRequest, o, vEnd - o));
      const p = string(c, F.entry, v, vEnd);
      if (open(c, F.ava, p, vEnd)) {
        const iEnd = inner.end;
        assertionValue(c, F.assertionValue, string(c, F.attributeDesc, inner.start, iEnd), iEnd);
        f.pop();
      }
      f.pop();
      break;
    }
    case Op.ABANDON_REQUEST:
      // (a MessageID: packet-ldap.c's MessageID body takes it for the message's ID and its item
      // for the one named, as tshark shows: "protocolOp: abandonRequest (16) abandonRequest(2)")
      integer(c, F.abandonRequest, o, end);
      messageId = lastInt;
      labelItem = opItem;
      doProtocolOp(c);
      break;
    case Op.EXTENDED_REQUEST: {
      f.push(f.add(F.extendedReq, o, vEnd - o));
      const p = oid(c, F.requestName, v, vEnd);
      if (tagged(c, p, vEnd, 1)) octets(c, F.requestValue, p, vEnd);
      f.pop();
      break;
    }
    case Op.EXTENDED_RESPONSE:
      f.push(f.add(F.extendedResp, o, vEnd - o));
      ldapResult(c, v, vEnd, false);
      f.pop();
      break;
    case Op.INTERMEDIATE_RESPONSE: {
      f.push(f.add(F.intermediateResponse, o, vEnd - o));
      let p = v;
      if (tagged(c, p, vEnd, 0)) p = oid(c, F.responseName, p, vEnd);
      if (tagged(c, p, vEnd, 1)) octets(c, F.responseValue, p, vEnd);
      f.pop();
      break;
    }
    default: {
      const table = RESULTS.get(op);
      if (table === undefined) break;
      f.push(f.add(table, o, vEnd - o));
      ldapResult(c, v, vEnd, false);
      f.pop();
    }
  }
}

/** A bind's AuthenticationChoice: simple password or SASL mechanism (and credentials). */
function authentication(c: Ctx, o: number, end: number): void {
  if (o < 0 || !element(c, o, end)) return;
  const f = c.f;
  const tag = ber.tag;
  const v = ber.value;
  const vEnd = ber.value + ber.len;
  f.push(f.add(F.authentication, o, vEnd - o, tag));
  if (tag === 0) {
    f.addStr(F.simple, v, vEnd - v, c.wants(F.simple) ? berText(c.b, v, vEnd) : '');
    conv.auth = Auth.SIMPLE;
  } else if (tag === 3) {
    f.push(f.add(F.sasl, o, vEnd - o));
    const p = ldapString(c, F.mechanism, v, vEnd);
    if (p >= 0) {
      conv.auth = Auth.SASL;
      // (every pass: a later one starts the frame from the state the first pass saw)
      conv.mech = berText(c.b, ber.value, ber.value + ber.len);
      conv.firstAuthFrame = 0;
      if (p < vEnd && octets(c, F.credentials, p, vEnd) >= 0 && conv.mech !== '' && ber.len > 0) {
        // a GSS-API token (APPLICATION class) or SPNEGO's negotiation (context class) inside
        const at = ber.value;
        const credEnd = ber.value + ber.len;
        const cls = (c.b[at] as number) >> 6;
        if (cls === BerClass.CONTEXT) spnegoToken(c, at, credEnd);
        else if (cls === BerClass.APPLICATION) gssapiToken(c, at, credEnd);
      }
    }
    f.pop();
  }
  f.pop();
  doProtocolOp(c);
  if (!full(c)) return;
  const name = fieldById(F.authentication).names?.get(tag) ?? `Unknown auth(${tag})`;
  if (tag !== 10 && tag !== 11) c.addInfo(`${name} `);
  appendTo(c, labelItem, ` ${name}`);
}

/** LDAPResult (and a bind's or extended operation's response, which add to it). */
function ldapResult(c: Ctx, v: number, vEnd: number, bind: boolean): void {
  let p = integer(c, F.resultCode, v, vEnd);
  if (p < 0) return;
  if (op !== Op.EXTENDED_RESPONSE) {
    doProtocolOp(c);
    if (full(c)) {
      const name = fieldById(F.resultCode).names?.get(lastInt) ?? `Unknown result(${lastInt})`;
      c.addInfo(`${name} `);
      appendTo(c, labelItem, ` ${name}`);
    }
  }
  // (a bind response's matched DN is a plain OCTET STRING in packet-ldap.c: no message name)
  p = bind ? octetString(c, F.matchedDN, p, vEnd) : string(c, F.matchedDN, p, vEnd);
  p = string(c, F.errorMessage, p, vEnd);
  if (tagged(c, p, vEnd, 3)) p = listOf(c, F.referral, p, vEnd, (q, e) => string(c, F.url, q, e));
  if (bind && tagged(c, p, vEnd, 7)) {
    p = octets(c, F.serverSaslCreds, p, vEnd);
    const at = ber.value;
    const credEnd = ber.value + ber.len;
    // "All frames after this are assumed to use a security layer"
    if (p >= 0 && conv.auth === Auth.SASL) {
      conv.firstAuthFrame = c.frameNo + 1;
      if (conv.mech === 'GSS-SPNEGO' && credEnd > at && !(credEnd - at >= 7 && berText(c.b, at, at + 7) === 'NTLMSSP')) spnegoToken(c, at, credEnd);
      else if (conv.mech === 'GSSAPI' && credEnd > at) gssapiToken(c, at, credEnd);
    }
  }
  if (op === Op.EXTENDED_RESPONSE) {
    if (tagged(c, p, vEnd, 10)) p = oid(c, F.responseName, p, vEnd);
    if (tagged(c, p, vEnd, 11)) octets(c, F.response, p, vEnd);
  }
}

/** A string field that is no LDAPString (the bind response's matched DN). */
function octetString(c: Ctx, id: number, o: number, end: number): number {
  return o < 0 ? -1 : ldapString(c, id, o, end);
}

function searchRequest(c: Ctx, v: number, vEnd: number): void {
  let p = string(c, F.baseObject, v, vEnd);
  p = integer(c, F.scope, p, vEnd);
  if (p < 0) return;
  doProtocolOp(c);
  if (full(c)) {
    const name = fieldById(F.scope).names?.get(lastInt) ?? `Unknown scope(${lastInt})`;
    c.addInfo(`${name} `);
    appendTo(c, labelItem, ` ${name}`);
  }
  p = integer(c, F.derefAliases, p, vEnd);
  p = integer(c, F.sizeLimit, p, vEnd);
  p = integer(c, F.timeLimit, p, vEnd);
  p = integer(c, F.typesOnly, p, vEnd);
  if (p < 0) return;
  p = dissectFilter(c, p, vEnd);
  listOf(c, F.attributes, p, vEnd, (q, e) => string(c, F.attributeDescription, q, e));
}

/** An entry's attributes: "attributes: N items", each an item of `id` named by its type. */
function attributeList(c: Ctx, id: number, o: number, end: number): void {
  listOf(c, F.attributes, o, end, (p, e) => attributeItem(c, id, p, e));
}

/** An attribute (type and values) as item `id`: "PartialAttributeList item mail". */
function attributeItem(c: Ctx, id: number, o: number, end: number): number {
  if (!open(c, id, o, end)) return -1;
  const f = c.f;
  const item = f.count - 1;
  const iEnd = inner.end;
  const p = string(c, F.type, inner.start, iEnd, true);
  const type = text;
  if (p >= 0) appendTo(c, item, ` ${type}`);
  const name = type.endsWith(';binary') ? type.slice(0, -7) : type;
  listOf(c, F.vals, p, iEnd, (q, e) => attributeValue(c, name, q, e));
  f.pop();
  return c.stop ? -1 : iEnd;
}

/** One value of attribute `type`: a GUID, an OID, text when printable, else bytes. */
function attributeValue(c: Ctx, type: string, o: number, end: number): number {
  if (!element(c, o, end)) return -1;
  const f = c.f;
  const v = ber.value;
  const e = ber.value + ber.len;
  if (type === 'netlogon') {
    dissectNetlogon(c, v, e);
  } else if (type === 'objectGUID' && e - v >= 16) {
    f.addStr(F.guid, v, e - v, c.wants(F.guid) ? guidText(c.b, v) : '');
  } else if (type === 'supportedControl' || type === 'supportedCapabilities') {
    oidValue(c, v, e);
  } else {
    const i = f.add(F.attributeValue, v, e - v);
    if (full(c) && printableAscii(c.b, v, Math.min(e, c.b.length))) f.setText(i, `AttributeValue: ${berText(c.b, v, e)}`);
  }
  return e;
}

/** dissect_ldap_oid: "OID: 1.2.840.113556.1.4.319 (pagedResultsControl)". */
function oidValue(c: Ctx, v: number, e: number): void {
  const s = c.wants(F.oid) ? berText(c.b, v, e) : '';
  const i = c.f.addStr(F.oid, v, e - v, s);
  const name = full(c) ? oidName(s) : null;
  if (name !== null) appendTo(c, i, ` (${name})`);
}

/** The message's controls: "controls: N items", each a Control with its type, criticality and
 *  value (a paged-results control's size and cookie). */
function controls(c: Ctx, o: number, end: number): void {
  const f = c.f;
  listOf(c, F.controls, o, end, (p, e) => {
    if (!open(c, F.control, p, e)) return -1;
    const cEnd = inner.end;
    let q = oid(c, F.controlType, inner.start, cEnd);
    const type = lastOid;
    if (q >= 0 && q < cEnd && readBer(c.b, q, cEnd) && ber.cls === BerClass.UNIVERSAL && ber.tag === 1) q = integer(c, F.criticality, q, cEnd);
    if (q >= 0 && q < cEnd) {
      if (type === PAGED_RESULTS && element(c, q, cEnd)) {
        const vEnd = ber.value + ber.len;
        // (the value's dissector is called through a handle of LDAP's: a layer of its own)
        c.layer('ldap');
        if (open(c, F.searchControlValue, ber.value, vEnd)) {
          const sEnd = inner.end;
          octets(c, F.cookie, integer(c, F.size, inner.start, sEnd), sEnd);
          f.pop();
        }
      } else octets(c, F.controlValue, q, cEnd);
    }
    f.pop();
    return c.stop ? -1 : cEnd;
  });
}

registerDissector('ldap', dissectLdapTcp);
bind('tcp.port', 389, 'ldap');
bind('tcp.port', 3268, 'ldap');
registerDissector('cldap', dissectCldap);
bind('udp.port', 389, 'cldap');
