// The messages of a MySQL conversation as Wireshark 4.0's packet-mysql.c lays them out: the server's
// greeting, the client's login, and the server's responses (OK, ERR, EOF, a result set's column
// count, field and row packets, a status message). Each returns where it stopped and moves the
// conversation's state (mysql.ts keeps it); the Info text each adds goes to `info`.

import type { Ctx } from './context.ts';
import { CAPS, EXTCAPS, FIELD_FLAGS, F, MARIADB_CAPS, STATUS } from './mysql-fields.ts';
import { State, type Conversation } from './mysql-state.ts';
import { addString, bitWord, fle, fleNull, fleSize, fleValue, leString, strSize } from './mysql-values.ts';

/** What a message did to the conversation and the columns (one object, reused). */
export const out = {
  state: State.UNDEFINED,
  /** Info text of this PDU (Wireshark's col_set_str / col_append_str calls, in order). */
  info: '',
  /** Whether the Info text so far stays before a fence (a result set's "TABULAR"). */
  fence: false,
  /** The protocol item's title suffix (" - response OK"). */
  title: '',
};

const CAPS_CU = 0x200;
const CAPS_CD = 0x8;
const CAPS_SL = 0x800;
const CAPS_SC = 0x8000;
const EXT_PA = 0x8;
const EXT_CA = 0x10;
const EXT_ST = 0x80;
const MARIADB_EM = 0x8;
const MARIADB_ME = 0x10;
const STAT_MORE_RESULTS = 0x8;
const STAT_SESSION_STATE_CHANGED = 0x4000;

/** The server's greeting (mysql_dissect_greeting). */
export function greeting(c: Ctx, conv: Conversation, o: number, end: number): number {
  const f = c.f;
  if (!c.has(o, 1, end)) return o;
  const protocol = c.b[o] as number;
  if (protocol === 0xff) return errorPacket(c, o + 1, end);
  out.state = State.LOGIN;
  const item = f.add(F.greeting, o, Math.max(0, Math.min(end, c.b.length) - o));
  f.push(item);
  f.add(F.protocol, o, 1, protocol);
  o++;
  const vlen = strSize(c.b, o, end);
  const version = addString(c, F.version, o, vlen, end, true);
  let major = 0;
  for (let k = 0; k < version.length && version[k] !== '.'; k++) major = major * 10 + version.charCodeAt(k) - 48;
  conv.majorVersion = major;
  o += vlen;
  if (c.has(o, 4, end)) f.add(F.threadId, o, 4, c.le(o, 4));
  o += 4;
  const slen = strSize(c.b, o, end);
  addString(c, F.salt, o, slen, end);
  o += slen;
  if (o < end && !c.stop) {
    conv.srvCaps = bitWord(c, F.capsServer, CAPS, o, 2, end);
    conv.mariadb = (conv.srvCaps & 1) === 0;
    o += 2;
  }
  // MariaDB's servers announce themselves as "5.5.5-10.11.19-MariaDB": Info shows the real version
  const shown = conv.mariadb && version.startsWith('5.5.5-') ? version.slice(6) : version;
  out.info = `Server Greeting  proto=${protocol} version=${shown} `;
  if (o < end && !c.stop) {
    if (c.has(o, 1, end)) f.add(conv.mariadb ? F.mariadbServerLanguage : F.serverLanguage, o, 1, c.b[o] as number);
    o++;
    bitWord(c, F.serverStatus, STATUS, o, 2, end);
    o += 2;
    conv.srvCapsExt = bitWord(c, F.extcapsServer, EXTCAPS, o, 2, end);
    o += 2;
    if (c.has(o, 1, end)) f.add(F.authPluginLength, o, 1, c.b[o] as number);
    o++;
    const unused = conv.mariadb ? 6 : 10;
    c.field(F.unused, o, unused, end);
    o += unused;
    if (conv.mariadb) {
      conv.mariadbSrvCaps = bitWord(c, F.mariadbExtcapsServer, MARIADB_CAPS, o, 4, end);
      o += 4;
    }
    if (o < end && !c.stop) {
      const n = strSize(c.b, o, end);
      addString(c, F.salt2, o, n, end);
      o += n;
    }
    if (o < end && !c.stop) {
      const n = strSize(c.b, o, end);
      addString(c, F.authPlugin, o, n, end);
      o += n;
    }
  }
  f.pop();
  return o;
}

/** The client's login (mysql_dissect_login). */
export function login(c: Ctx, conv: Conversation, o: number, end: number): number {
  const f = c.f;
  out.state = State.RESPONSE_OK;
  f.push(f.add(F.loginRequest, o, Math.max(0, Math.min(end, c.b.length) - o)));
  const caps = bitWord(c, F.capsClient, CAPS, o, 2, end);
  conv.clntCaps = Math.max(caps, 0);
  o += 2;
  if (conv.clntCaps & CAPS_CU) {
    conv.clntCapsExt = Math.max(bitWord(c, F.extcapsClient, EXTCAPS, o, 2, end), 0);
    o += 2;
    if (c.has(o, 4, end)) f.add(F.maxPacket, o, 4, c.le(o, 4));
    o += 4;
    if (c.has(o, 1, end)) f.add(conv.mariadb ? F.mariadbCharset : F.charset, o, 1, c.b[o] as number);
    o++;
    const unused = conv.mariadb ? 19 : 23;
    c.field(F.unused, o, unused, end);
    o += unused;
    if (conv.mariadb) {
      conv.mariadbClntCaps = Math.max(bitWord(c, F.mariadbExtcapsClient, MARIADB_CAPS, o, 4, end), 0);
      o += 4;
    }
  } else {
    if (c.has(o, 3, end)) f.add(F.maxPacket, o, 3, c.le(o, 3));
    o += 3;
  }
  const ulen = strSize(c.b, o, end);
  const user = addString(c, F.user, o, ulen, end, true);
  o += ulen;
  out.info = conv.clntCaps & CAPS_SL ? 'Response: SSL Handshake' : `Login Request user=${user} `;
  if (o >= end || c.stop) {
    f.pop();
    return o;
  }
  let plen: number;
  if (conv.clntCaps & CAPS_SC) {
    plen = c.has(o, 1, end) ? (c.b[o] as number) : 0;
    o++;
  } else plen = strSize(c.b, o, end);
  if (plen > 1) c.field(F.passwd, o, plen, end);
  o += plen;
  if (conv.clntCaps & CAPS_CD) {
    const n = strSize(c.b, o, end);
    const db = addString(c, F.schema, o, n, end, true);
    if (!(conv.clntCaps & CAPS_SL)) out.info += `db=${db} `;
    o += n;
  }
  if (conv.clntCapsExt & EXT_PA) {
    out.state = State.AUTH_SWITCH_REQUEST;
    const n = strSize(c.b, o, end);
    addString(c, F.clientAuthPlugin, o, n, end);
    o += n;
  }
  if (conv.clntCapsExt & EXT_CA && o < end && !c.stop) o = connectionAttributes(c, o, end);
  f.pop();
  return o;
}

/** The login's connection attributes ("_os: Linux", …). */
function connectionAttributes(c: Ctx, o: number, end: number): number {
  const f = c.f;
  const n = fle(c, o, end);
  if (n < 0) return end;
  let left = fleValue;
  f.push(f.add(F.connattrs, o, Math.min(left, Math.max(0, Math.min(end, c.b.length) - o))));
  f.add(F.connattrsLength, o, n, left);
  o += n;
  while (left > 0 && !c.stop) {
    const start = o;
    const attr = f.add(F.connattr, o, 1);
    f.push(attr);
    const nn = fle(c, o, end);
    if (nn < 0) break;
    const nameLen = fleValue;
    f.add(F.connattrNameLength, o, nn, nameLen);
    o += nn;
    const name = addString(c, F.connattrName, o, nameLen, end, true);
    o += nameLen;
    const vn = fle(c, o, end);
    if (vn < 0) break;
    const valueLen = fleValue;
    f.add(F.connattrValueLength, o, vn, valueLen);
    o += vn;
    const value = addString(c, F.connattrValue, o, valueLen, end, true);
    o += valueLen;
    f.pop();
    if (attr >= 0) {
      f.len[attr] = o - start;
      f.label(attr, `Connection Attribute - ${name}: ${value}`);
    }
    left -= o - start;
  }
  f.pop();
  return o;
}

/** A response in state `state` (mysql_dissect_response). */
export function response(c: Ctx, conv: Conversation, state: State, o: number, end: number): number {
  if (!c.has(o, 1, end)) return o;
  const code = c.b[o] as number;
  const f = c.f;
  if (code === 0xff) {
    out.title = ' - response ERROR';
    f.add(F.responseCode, o, 1, code);
    out.state = State.REQUEST;
    return errorPacket(c, o + 1, end);
  }
  if (code === 0xfe && end - o < 9) return eofPacket(c, state, o, end);
  if (code === 0x00) {
    if (state === State.RESPONSE_PREPARE) return prepareResponse(c, conv, o, end);
    if (end - (o + 1) > fleSize(c.b, o + 1)) return okPacket(c, conv, o, end);
    return resultHeader(c, conv, o, end);
  }
  switch (state) {
    case State.RESPONSE_MESSAGE:
      if (o < end) addString(c, F.message, o, end - o, end);
      out.state = State.REQUEST;
      return end;
    case State.RESPONSE_TABULAR:
      return resultHeader(c, conv, o, end);
    case State.FIELD_PACKET:
    case State.RESPONSE_SHOW_FIELDS:
    case State.RESPONSE_PREPARE:
    case State.PREPARED_PARAMETERS:
    case State.PREPARED_FIELDS:
      return fieldPacket(c, conv, o, end);
    case State.ROW_PACKET:
      out.title = ' - row packet';
      while (o < end && !c.stop) o = leString(c, o, end, F.rowText, 'text');
      return o;
    case State.AUTH_SWITCH_REQUEST:
      out.info = 'Auth Switch Request';
      out.state = State.AUTH_SWITCH_RESPONSE;
      return end;
    default:
      c.field(F.payload, o, end - o, end);
      out.state = State.UNDEFINED;
      return end;
  }
}

function errorPacket(c: Ctx, o: number, end: number): number {
  const f = c.f;
  if (!c.has(o, 2, end)) return o;
  const code = c.le(o, 2);
  if (f.wanted === null) out.info += ` Error ${code} `;
  f.add(F.errorCode, o, 2, code);
  o += 2;
  if (o < end && c.b[o] === 0x23) {
    o++;
    addString(c, F.sqlstate, o, 5, end);
    o += 5;
  }
  if (o <= end) addString(c, F.errorMessage, o, end - o, end);
  return end;
}

function eofPacket(c: Ctx, state: State, o: number, end: number): number {
  const f = c.f;
  f.add(F.responseCode, o, 1, 0xfe);
  f.add(F.eof, o, 1, 0xfe);
  o++;
  let status = 0;
  if (o < end) {
    if (c.has(o, 2, end)) f.add(F.warnings, o, 2, c.le(o, 2));
    status = Math.max(bitWord(c, F.serverStatus, STATUS, o + 2, 2, end), 0);
    o += 4;
  }
  switch (state) {
    case State.FIELD_PACKET:
      out.title = ' - intermediate EOF';
      out.state = State.ROW_PACKET;
      break;
    case State.ROW_PACKET:
      out.title = ' - response EOF';
      out.state = status & STAT_MORE_RESULTS ? State.RESPONSE_TABULAR : State.REQUEST;
      break;
    case State.PREPARED_PARAMETERS:
      out.title = ' - intermediate EOF';
      out.state = State.PREPARED_FIELDS;
      break;
    default:
      out.title = ' - response EOF';
      out.state = State.REQUEST;
  }
  return o;
}

function okPacket(c: Ctx, conv: Conversation, o: number, end: number): number {
  const f = c.f;
  out.title = ' - response OK';
  out.info += ' OK ';
  f.add(F.responseCode, o, 1, 0);
  o++;
  let n = fle(c, o, end);
  if (n < 0) return end;
  f.add(F.affectedRows, o, n, fleValue);
  o += n;
  n = fle(c, o, end);
  if (n < 0) return end;
  if (fleValue !== 0) f.add(F.insertId, o, n, fleValue);
  o += n;
  let status = 0;
  if (o < end) {
    status = Math.max(bitWord(c, F.serverStatus, STATUS, o, 2, end), 0);
    o += 2;
    if (conv.clntCaps & conv.srvCaps & CAPS_CU) {
      if (c.has(o, 2, end)) f.add(F.warnings, o, 2, c.le(o, 2));
      o += 2;
    }
  }
  if (conv.clntCapsExt & EXT_ST) {
    if (o < end && !c.stop) {
      n = fle(c, o, end);
      if (n < 0) return end;
      const mlen = fleValue;
      o += n;
      if (mlen > 0) {
        addString(c, F.message, o, mlen, end);
        o += mlen;
      }
      if (status & STAT_SESSION_STATE_CHANGED) o = sessionTrackData(c, o, end);
    }
  } else if (o < end) {
    addString(c, F.message, o, end - o, end);
    o = end;
  }
  out.state = State.REQUEST;
  return o;
}

/** The OK packet's session state changes (CURRENT_SCHEMA_TRACKER: "Schema change: shop"). */
function sessionTrackData(c: Ctx, o: number, end: number): number {
  const f = c.f;
  const start = o;
  const n = fle(c, o, end);
  if (n < 0) return end;
  let left = fleValue;
  f.push(f.add(F.sessionTrackData, o, Math.max(0, Math.min(end, c.b.length) - o)));
  f.add(F.sessionTrackDataLength, o, n, left);
  o += n;
  while (left > 0 && !c.stop) {
    const entry = o;
    const item = f.add(F.sessionTrack, o, 1);
    f.push(item);
    if (!c.has(o, 1, end)) break;
    const type = c.b[o] as number;
    f.add(F.sessionTrackType, o, 1, type);
    o++;
    const ln = fle(c, o, end);
    if (ln < 0) break;
    const length = fleValue;
    f.add(F.sessionTrackLength, o, ln, length);
    o += ln;
    const body = o;
    if (type === 0) {
      o = lengthAndString(c, o, end, F.sysvarLength, F.sysvarName);
      o = lengthAndString(c, o, end, F.sysvarLength, F.sysvarValue);
    } else if (type === 1) {
      o = lengthAndString(c, o, end, F.schemaLength, F.schemaChange);
    } else if (type === 2) {
      addString(c, F.stateChange, o, 1, end);
      o++;
    } else {
      c.field(F.payload, o, length, end);
      o = body + length;
    }
    f.pop();
    if (item >= 0) f.len[item] = o - entry;
    left -= o - entry;
  }
  f.pop();
  return Math.max(o, start);
}

/** A length-encoded string shown as its length field and its string field. */
function lengthAndString(c: Ctx, o: number, end: number, lengthId: number, stringId: number): number {
  const n = fle(c, o, end);
  if (n < 0) return end;
  const len = fleValue;
  c.f.add(lengthId, o, n, len);
  o += n;
  addString(c, stringId, o, len, end);
  return o + len;
}

/** A result set's column count (mysql_dissect_result_header). */
function resultHeader(c: Ctx, conv: Conversation, o: number, end: number): number {
  const f = c.f;
  out.title = ' - column count';
  out.info += 'TABULAR ';
  out.fence = true;
  const n = fle(c, o, end);
  if (n < 0) return end;
  const fields = fleValue;
  f.add(F.numFields, o, n, fields);
  o += n;
  let follows = 1;
  if (conv.mariadbClntCaps & MARIADB_ME) {
    if (c.has(o, 1, end)) {
      follows = c.b[o] as number;
      f.add(F.metadataFollows, o, 1, follows);
    }
    o++;
  }
  if (o < end && !c.stop) {
    const en = fle(c, o, end);
    if (en < 0) return end;
    f.add(F.extra, o, en, fleValue);
    o += en;
  }
  out.state = fields > 0 && follows !== 0 ? State.FIELD_PACKET : State.ROW_PACKET;
  return o;
}

/** A column definition (mysql_dissect_field_packet). */
function fieldPacket(c: Ctx, conv: Conversation, o: number, end: number): number {
  const f = c.f;
  out.title = ' - field packet';
  o = leString(c, o, end, F.fldCatalog, 'Catalog');
  o = leString(c, o, end, F.fldDb, 'Database');
  o = leString(c, o, end, F.fldTable, 'Table');
  o = leString(c, o, end, F.fldOrgTable, 'Original table');
  o = leString(c, o, end, F.fldName, 'Name');
  o = leString(c, o, end, F.fldOrgName, 'Original name');
  if (conv.mariadbClntCaps & MARIADB_EM) {
    const n = fle(c, o, end);
    if (n < 0) return end;
    const len = fleNull ? 0 : fleValue;
    f.push(f.add(F.extmetaData, o, n + len));
    f.add(F.extmetaLength, o, n, len);
    f.pop();
    o += n + len;
  }
  o++; // the length of the fixed fields (0x0c)
  if (c.has(o, 2, end)) f.add(F.fldCharsetnr, o, 2, c.le(o, 2));
  o += 2;
  if (c.has(o, 4, end)) f.add(F.fldLength, o, 4, c.le(o, 4));
  o += 4;
  if (c.has(o, 1, end)) f.add(F.fldType, o, 1, c.b[o] as number);
  o++;
  bitWord(c, F.fldFlags, FIELD_FLAGS, o, 2, end);
  o += 2;
  if (c.has(o, 1, end)) f.add(F.fldDecimals, o, 1, c.b[o] as number);
  o += 3; // decimals and 2 filler bytes
  if (o < end && !c.stop) o = leString(c, o, end, F.fldDefault, 'Default');
  return o;
}

/** The response to a Prepare Statement (mysql_dissect_response_prepare). */
function prepareResponse(c: Ctx, conv: Conversation, o: number, end: number): number {
  const f = c.f;
  f.add(F.responseCode, o, 1, 0);
  o++;
  if (c.has(o, 4, end)) f.add(F.stmtId, o, 4, c.le(o, 4));
  o += 4;
  conv.stmtNumFields = c.has(o, 2, end) ? c.le(o, 2) : 0;
  f.add(F.numFields, o, 2, conv.stmtNumFields);
  o += 2;
  conv.stmtNumParams = c.has(o, 2, end) ? c.le(o, 2) : 0;
  f.add(F.numParams, o, 2, conv.stmtNumParams);
  o += 3; // and a filler byte
  if (c.has(o, 2, end)) f.add(F.warnings, o, 2, c.le(o, 2));
  out.state = conv.stmtNumParams > 0 ? State.PREPARED_PARAMETERS : conv.stmtNumFields > 0 ? State.PREPARED_FIELDS : State.REQUEST;
  return end;
}
