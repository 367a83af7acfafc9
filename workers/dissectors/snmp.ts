// SNMP (Wireshark 4.0's packet-snmp.c) on UDP 161, 162 (traps) and 1161: how monitoring polls the
// switches, hypervisors and servers of a data centre, and how they report a link going down.
// Versions 1 and 2c (community, PDU) and 3 (message header, the user-based security model's
// parameters with the engine ID decoded, a plaintext scoped PDU or the encrypted bytes). Each
// variable binding is a line "OID: value" over its Object Name and typed value, as tshark shows
// them without MIBs (OIDs named from tshark's registry: "iso.3.6.1.2.1.1.1.0"); Info is the PDU
// type and the bindings' OIDs. A datagram that is no SNMP message is declined, as Wireshark's
// heuristic declines it, for the other port's dissector.

import { EF } from '../fields/field-list.ts';
import { bytesHex, escapeString } from '../fields/format.ts';
import { fieldById } from '../fields/registry.ts';
import { udpStream } from '../analysis/tcp-state.ts';
import { perCapture } from '../analysis/per-capture.ts';
import { PairTable } from '../analysis/pair-table.ts';
import { grown } from '../fields/typed-arrays.ts';
import { appendTo } from './append-text.ts';
import { asciiText } from './ascii.ts';
import { ber, BerClass, BerTag, berElement as element, berInt, berText, printableAscii, readBer } from './ber.ts';
import { readBigUint, type Ctx } from './context.ts';
import { expertAt } from './expert.ts';
import { flagWord } from './flag-names.ts';
import { frameTime } from './frame.ts';
import { frameTimeOf } from './frame-times.ts';
import { oidName, oidText } from './oid-text.ts';
import { F, X } from './snmp-fields.ts';
import { unknownBer } from './ber-unknown.ts';
import { bind, registerDissector } from './tables.ts';
import { absTimeText, addAbsTime, addTimeSince } from './time-fields.ts';

const enum Pdu {
  GET = 0,
  GET_NEXT = 1,
  RESPONSE = 2,
  SET = 3,
  TRAP = 4,
  GET_BULK = 5,
  INFORM = 6,
  V2_TRAP = 7,
  REPORT = 8,
}

const PDU_ITEMS = [F.getRequest, F.getNextRequest, F.getResponse, F.setRequest, F.trap, F.getBulkRequest, F.informRequest, F.v2Trap, F.report];
const REQUESTS = new Set([Pdu.GET, Pdu.GET_NEXT, Pdu.SET, Pdu.GET_BULK, Pdu.INFORM]);
/** OIDs whose text value packet-snmp.c also shows as a string (sysDescr, sysName). */
const STRING_OIDS = new Set(['1.3.6.1.2.1.1.1.0', '1.3.6.1.2.1.1.5.0']);
/** packet-snmp.c's BER application tags of SMIv2's types. */
const enum App {
  IP_ADDRESS = 0,
  COUNTER32 = 1,
  GAUGE32 = 2,
  TIMETICKS = 3,
  OPAQUE = 4,
  COUNTER64 = 6,
  UNSIGNED32 = 7,
}

/** Whether the element readBer read last is a universal one of `tag`. */
function isUniversal(tag: number): boolean {
  return ber.cls === BerClass.UNIVERSAL && ber.tag === tag;
}

function full(c: Ctx): boolean {
  return c.f.wanted === null;
}

export function dissectSnmp(c: Ctx, off: number, end: number): void {
  const b = c.b;
  // the heuristic of dissect_snmp: a SEQUENCE no longer than the datagram, then an INTEGER
  if (!readBer(b, off, Math.min(end, b.length)) || ber.cls !== BerClass.UNIVERSAL || ber.tag !== 16 || ber.value + ber.len > end) {
    c.reject();
    return;
  }
  const msgEnd = ber.value + ber.len;
  const v = ber.value;
  if (!readBer(b, v, Math.min(end, b.length)) || !isUniversal(2)) {
    c.reject();
    return;
  }
  c.colProtocol = 'SNMP';
  if (full(c)) c.setInfo('');
  const f = c.f;
  c.proto(F.snmp, off, msgEnd);
  const version = ber.len <= 4 ? berInt(b, ber.value, ber.len) : -1;
  if (version === 0 || version === 1) communityMessage(c, v, msgEnd);
  else if (version === 3) v3Message(c, v, msgEnd);
  else expertAt(c, f.count - 1, X.versionUnknown);
  f.pop();
}

/** An INTEGER element as field `id`; returns where it ends (-1: stopped). Its value in lastInt. */
function integer(c: Ctx, id: number, o: number, end: number): number {
  if (o < 0 || !element(c, o, end)) return -1;
  const v = ber.value;
  const n = ber.len;
  lastInt = n <= 6 ? berInt(c.b, v, n) : 0;
  c.f.add(id, v, n, lastInt);
  return v + n;
}

let lastInt = 0;

/** An OCTET STRING element as byte field `id`; its bounds in `value`. */
function octets(c: Ctx, id: number, o: number, end: number): number {
  if (o < 0 || !element(c, o, end)) return -1;
  value.start = ber.value;
  value.end = ber.value + ber.len;
  c.f.add(id, value.start, ber.len);
  return value.end;
}

const value = { start: 0, end: 0 };

function text(c: Ctx, id: number, o: number, end: number): number {
  if (o < 0 || !element(c, o, end)) return -1;
  const v = ber.value;
  const e = v + ber.len;
  c.f.addStr(id, v, ber.len, c.wants(id) ? berText(c.b, v, e) : '');
  return e;
}

/** An OID element as field `id`: its dotted text, and its name in the line ("1.3.6.1.2.1.1.1.0
 *  (iso.3.6.1.2.1.1.1.0)"). Its text in lastOid. */
function oid(c: Ctx, id: number, o: number, end: number): number {
  if (o < 0 || !element(c, o, end)) return -1;
  const v = ber.value;
  const e = v + ber.len;
  // (no text for an OID nothing reads: the index pass shows no tree and no Info)
  lastOid = full(c) || c.wants(id) ? (oidText(c.b, v, e) ?? '') : '';
  const i = c.f.addStr(id, v, ber.len, lastOid);
  const name = full(c) ? oidName(lastOid) : null;
  if (name !== null) appendTo(c, i, ` (${name})`);
  return e;
}

let lastOid = '';

/** Version 1 or 2c: version, community, PDU. */
function communityMessage(c: Ctx, o: number, end: number): void {
  let p = integer(c, F.version, o, end);
  p = text(c, F.community, p, end);
  if (p >= 0) pdus(c, F.data, p, end);
}

/** The PDUs CHOICE at `o` (its item `id`: snmp.data), and the PDU inside. */
function pdus(c: Ctx, id: number, o: number, end: number): void {
  if (!element(c, o, end)) return;
  const f = c.f;
  const tag = ber.tag;
  const v = ber.value;
  const pEnd = ber.value + ber.len;
  if (ber.cls !== BerClass.CONTEXT || tag > Pdu.REPORT) return;
  f.push(f.add(id, o, pEnd - o, tag));
  f.push(f.add(PDU_ITEMS[tag] as number, o, pEnd - o));
  if (full(c)) c.setInfo(fieldById(F.data).names?.get(tag) ?? '');
  let p: number;
  if (tag === Pdu.TRAP) p = trapHeader(c, v, pEnd);
  else {
    p = integer(c, F.requestId, v, pEnd);
    const requestId = lastInt;
    if (tag === Pdu.GET_BULK) p = integer(c, F.maxRepetitions, integer(c, F.nonRepeaters, p, pEnd), pEnd);
    else p = integer(c, F.errorIndex, integer(c, F.errorStatus, p, pEnd), pEnd);
    if (p >= 0) varbinds(c, p, pEnd);
    f.pop();
    f.pop();
    if (p >= 0 && !c.stop) match(c, requestId, tag);
    return;
  }
  if (p >= 0) varbinds(c, p, pEnd);
  f.pop();
  f.pop();
}

/** Trap-PDU (version 1): enterprise, agent address, generic and specific trap, time stamp. */
function trapHeader(c: Ctx, v: number, end: number): number {
  let p = oid(c, F.enterprise, v, end);
  if (p < 0) return -1;
  if (full(c)) c.addInfo(` ${oidName(lastOid) ?? lastOid}`);
  if (!element(c, p, end)) return -1;
  c.f.add(F.agentAddr, ber.value, ber.len);
  p = ber.value + ber.len;
  p = integer(c, F.specificTrap, integer(c, F.genericTrap, p, end), end);
  if (p < 0 || !element(c, p, end)) return -1;
  c.f.add(F.timeStamp, ber.value, ber.len, unsigned(c.b, ber.value, ber.len));
  return ber.value + ber.len;
}

function unsigned(b: Uint8Array, o: number, n: number): number {
  let v = 0;
  for (let k = 0; k < n; k++) v = v * 256 + (b[o + k] as number);
  return v;
}

/** variable-bindings: "N items", each binding a line of its own. */
function varbinds(c: Ctx, o: number, end: number): void {
  if (!element(c, o, end)) return;
  const f = c.f;
  const lEnd = ber.value + ber.len;
  const item = f.add(F.variableBindings, o, lEnd - o);
  f.push(item);
  let n = 0;
  for (let p = ber.value; p < lEnd && !c.stop; n++) {
    const next = varbind(c, p, lEnd);
    if (next < 0) break;
    p = next;
  }
  f.pop();
  if (item >= 0) {
    f.num[item] = n;
    if (full(c)) f.appendLabel(item, n === 1 ? ' item' : ' items');
  }
}

/** One VarBind (dissect_snmp_VarBind, without MIBs): "1.3.6.1.2.1.1.3.0: 8640000" over the
 *  Object Name and the value; the OID goes to Info. */
function varbind(c: Ctx, o: number, end: number): number {
  const f = c.f;
  const b = c.b;
  if (!element(c, o, end)) return -1;
  const seqEnd = ber.value + ber.len;
  const line = f.text(o, seqEnd - o, 'VarBind');
  f.push(line);
  const nameAt = ber.value;
  if (!element(c, nameAt, seqEnd)) return -1;
  if (!isUniversal(6) || ber.constructed) {
    f.pop();
    notAnOid(c, o, seqEnd);
    return seqEnd;
  }
  const vAt = oid(c, F.name, nameAt, seqEnd);
  const name = lastOid;
  if (vAt < 0 || !element(c, vAt, seqEnd)) return -1;
  const cls: number = ber.cls;
  const tag: number = ber.tag;
  const v = ber.value;
  const vEnd = ber.value + ber.len;
  const n = ber.len;
  let label = '';
  if (cls === BerClass.CONTEXT && tag <= 2) {
    const id = tag === 0 ? F.noSuchObject : tag === 1 ? F.noSuchInstance : F.endOfMibView;
    const i = f.add(id, v, n);
    label = fieldById(id).label;
    expertAt(c, i, X.response, label);
  } else {
    const i = valueItem(c, cls, tag, v, n);
    if (full(c) && i >= 0) {
      label = valueLine;
      if (cls === BerClass.UNIVERSAL && tag === 4 && n > 0 && STRING_OIDS.has(name)) {
        // (through a dissector handle of SNMP's: a layer of its own)
        c.layer('snmp');
        f.push(i);
        f.addStr(F.varBindString, v, n, asciiText(b, v, vEnd));
        f.pop();
      }
    }
  }
  f.pop();
  if (full(c)) {
    const sep = label.indexOf(': ');
    f.setStr(line, `${name}: ${sep >= 0 ? label.slice(sep + 2) : label}`);
    c.addInfo(` ${name}`);
  }
  return seqEnd;
}

/** The line the last valueItem() gave its value (full trees only). */
let valueLine = '';

/** The value of a binding by its BER class and tag, as packet-snmp.c types it without a MIB. */
function valueItem(c: Ctx, cls: number, tag: number, v: number, n: number): number {
  const f = c.f;
  const b = c.b;
  const fullTree = full(c);
  let i: number;
  let id: number;
  if (cls === BerClass.UNIVERSAL && tag === 2) {
    i = f.add(F.valueInt, v, n, n >= 1 && n <= 6 ? berInt(b, v, n) : 0);
    id = F.valueInt;
  } else if (cls === BerClass.UNIVERSAL && tag === 4) {
    i = f.add(F.valueOctets, v, n);
    if (fullTree && i >= 0) {
      // BASE_SHOW_ASCII_PRINTABLE: printable text in quotes, else the bytes
      const shown = n === 0 ? '<MISSING>' : printableAscii(b, v, v + n) ? `"${escapeString(berText(b, v, v + n))}"` : bytesText(b, v, n);
      valueLine = `Value (OctetString): ${shown}`;
      f.setText(i, valueLine);
    }
    return i;
  } else if (cls === BerClass.UNIVERSAL && tag === BerTag.OBJECT_IDENTIFIER) {
    oid(c, F.valueOid, v - headerLength(v, n), v + n);
    i = f.last;
    if (fullTree && i >= 0) {
      const name = oidName(lastOid);
      valueLine = `Value (OID): ${lastOid}${name !== null ? ` (${name})` : ''}`;
    }
    return i;
  } else if (cls === BerClass.UNIVERSAL && tag === 5) {
    i = f.add(F.valueNull, v, n);
    valueLine = 'Value (Null)';
    return i;
  } else if (cls === BerClass.APPLICATION && tag === App.IP_ADDRESS) {
    id = n === 4 ? F.valueIpv4 : n === 16 ? F.valueIpv6 : F.valueAddr;
    i = f.add(id, v, n);
  } else if (cls === BerClass.APPLICATION && (tag === App.COUNTER32 || tag === App.TIMETICKS || tag === App.COUNTER64)) {
    id = tag === App.TIMETICKS ? F.valueTimeticks : F.valueCounter;
    // (an unsigned BER integer: a Counter64 may pass 2^53)
    const big = readBigUint(b, v, n).toString();
    i = f.add(id, v, n, Number(big));
    if (fullTree && i >= 0) {
      valueLine = `Value (${tag === App.COUNTER32 ? 'Counter32' : tag === App.TIMETICKS ? 'Timeticks' : 'Counter64'}): ${big}`;
      f.setText(i, valueLine);
    }
    return i;
  } else if (cls === BerClass.APPLICATION && (tag === App.GAUGE32 || tag === App.UNSIGNED32)) {
    id = tag === App.GAUGE32 ? F.valueGauge : F.valueU32;
    i = f.add(id, v, n, n >= 1 && n <= 6 ? berInt(b, v, n) : 0);
  } else if (cls === BerClass.APPLICATION && tag === App.OPAQUE) {
    id = F.valueOpaque;
    i = f.add(id, v, n);
  } else {
    id = F.valueUnknown;
    i = f.add(id, v, n);
  }
  if (fullTree && i >= 0) valueLine = lineOf(c, i, id);
  return i;
}

/** The header length of the element whose value starts at `v` (its tag and length octets). */
function headerLength(v: number, n: number): number {
  return n < 0x80 ? 2 : n < 0x100 ? 3 : n < 0x10000 ? 4 : n < 0x1000000 ? 5 : 6;
}

function lineOf(c: Ctx, i: number, id: number): string {
  const def = fieldById(id);
  const f = c.f;
  const b = f.bytesOf(i);
  const o = f.off[i] as number;
  const n = f.len[i] as number;
  if (id === F.valueIpv4) return `${def.label}: ${b[o]}.${b[o + 1]}.${b[o + 2]}.${b[o + 3]}`;
  if (id === F.valueInt || id === F.valueGauge || id === F.valueU32) return `${def.label}: ${f.num[i] as number}`;
  return `${def.label}: ${n === 0 ? '<MISSING>' : bytesText(b, o, n)}`;
}

/** Bytes as a tree line shows them: hex, 36 bytes at most, then an ellipsis. */
function bytesText(b: Uint8Array, o: number, n: number): string {
  return n > 36 ? `${bytesHex(b, o, 36)}…` : bytesHex(b, o, n);
}

/** A binding whose name is no OID: "ObjectName must be an OID in primitive encoding". */
function notAnOid(c: Ctx, o: number, end: number): void {
  const f = c.f;
  const i = f.text(o, end - o, 'ObjectName must be an OID in primitive encoding');
  f.push(i);
  expertAt(c, i, X.objectNameNotOid);
  unknownBer(c, o, end);
  f.pop();
}

/** Version 3: msgVersion, the header, USM's security parameters, and the scoped PDU. */
function v3Message(c: Ctx, o: number, end: number): void {
  const f = c.f;
  const b = c.b;
  let p = integer(c, F.msgVersion, o, end);
  if (p < 0 || !element(c, p, end)) return;
  const hEnd = ber.value + ber.len;
  f.push(f.add(F.msgGlobalData, p, hEnd - p));
  let q = integer(c, F.msgId, ber.value, hEnd);
  q = integer(c, F.msgMaxSize, q, hEnd);
  let flags = 0;
  if (q >= 0 && element(c, q, hEnd)) {
    flags = ber.len >= 1 ? (b[ber.value] as number) : 0;
    const at = ber.value;
    const len = ber.len;
    const i = f.add(F.msgFlags, at, len);
    if (len >= 1) {
      f.push(i);
      f.add(F.flagReport, at, 1, flags & 0x04);
      f.add(F.flagCrypt, at, 1, flags & 0x02);
      f.add(F.flagAuth, at, 1, flags & 0x01);
      f.pop();
    }
    q = at + len;
  }
  integer(c, F.msgSecurityModel, q, hEnd);
  f.pop();
  p = hEnd;
  // msgSecurityParameters: an OCTET STRING holding USM's SEQUENCE
  if (!element(c, p, end)) return;
  const sEnd = ber.value + ber.len;
  if (element(c, ber.value, sEnd)) {
    const uEnd = ber.value + ber.len;
    let u = engineId(c, F.engineId, ber.value, uEnd);
    u = integer(c, F.engineBoots, u, uEnd);
    u = integer(c, F.engineTime, u, uEnd);
    u = text(c, F.userName, u, uEnd);
    u = octets(c, F.authParameters, u, uEnd);
    octets(c, F.privParameters, u, uEnd);
  }
  p = sEnd;
  if (p >= end || !element(c, p, end)) return;
  const encrypted = ber.cls === BerClass.UNIVERSAL && ber.tag === 4;
  const dEnd = ber.value + ber.len;
  f.push(f.add(F.msgData, p, dEnd - p, encrypted ? 1 : 0));
  if (encrypted) {
    f.add(F.encryptedPdu, ber.value, ber.len);
    if (full(c)) c.setInfo('encryptedPDU: privKey Unknown');
  } else {
    f.push(f.add(F.plaintext, p, dEnd - p));
    let s = engineId(c, F.contextEngineId, ber.value, dEnd);
    s = text(c, F.contextName, s, dEnd);
    if (s >= 0) pdus(c, F.data, s, dEnd);
    f.pop();
  }
  f.pop();
}

/** An engine ID (RFC 3411's SnmpEngineID, or RFC 1910's agent ID) as field `id`, decoded beneath. */
function engineId(c: Ctx, id: number, o: number, end: number): number {
  const e = octets(c, id, o, end);
  if (e < 0) return -1;
  const v = value.start;
  const n = value.end - v;
  if (n < 1) return e;
  const f = c.f;
  const b = c.b;
  f.push(f.last);
  const conform = ((b[v] as number) >> 7) & 1;
  f.add(F.engineConform, v, 1, conform ? 0x80 : 0);
  if (n >= 4) {
    const enterprise = c.u32(v) - (conform ? 0x80000000 : 0);
    f.add(F.engineEnterprise, v, 4, enterprise);
    let p = v + 4;
    let left = n - 4;
    if (!conform) {
      if (left === 8) f.add(F.agentIdTrailer, p, 8);
      else expertAt(c, -1, X.rfc1910);
    } else if (left >= 1) {
      const format = b[p] as number;
      const fi = f.add(F.engineFormat, p, 1, format);
      p++;
      left--;
      if (full(c)) f.setText(fi, `Engine ID Format: ${formatName(format)} (${format})`);
      if (format === 1 && left === 4) {
        f.add(F.engineIpv4, p, 4);
        left = 0;
      } else if (format === 2 && left === 16) {
        f.add(F.engineIpv6, p, 16);
        left = 0;
      } else if (format === 3) {
        if (enterprise === 9 && left === 7) {
          f.add(F.engineCiscoType, p, 1, b[p] as number);
          p++;
          left--;
        }
        if (left === 6) {
          f.add(F.engineMac, p, 6);
          left = 0;
        }
      } else if (format === 4) {
        if (left <= 27) {
          f.addStr(F.engineText, p, left, asciiText(b, p, p + left));
          left = 0;
        }
      } else if (format === 128 && (enterprise === 2021 || enterprise === 8072) && (left === 8 || left === 12)) {
        appendTo(c, fi, enterprise === 2021 ? ': UCD-SNMP Random' : ': Net-SNMP Random');
        f.add(F.engineData, p, 4);
        const seconds = left === 8 ? c.le(p + 4, 4) : c.le(p + 4, 8);
        addAbsTime(f, F.engineTimeCreated, p + 4, left - 4, seconds, 0, 0, absTimeText(seconds, 0).replace('.000000000', ''));
        left = 0;
      } else if (left <= 27) {
        f.add(F.engineData, p, left);
        left = 0;
      }
      if (left > 0) expertAt(c, -1, X.rfc3411);
    }
  }
  f.pop();
  return e;
}

function formatName(format: number): string {
  const table = ['', 'IPv4 address', 'IPv6 address', 'MAC address', 'Text, administratively assigned', 'Octets, administratively assigned'];
  return format >= 1 && format <= 5 ? (table[format] as string) : 'Reserved/Enterprise-specific';
}

/** Requests and their responses, matched by request ID within the UDP conversation: per call its
 *  request and response frames (an int32 pair), found by (stream, ID) and by frame (pair-table.ts:
 *  no string key or object per request, as a capture of millions of polls needs). */
class SnmpCalls {
  frames = grown(new Int32Array(0), 2 * 64);
  private count = 0;
  readonly byId = new PairTable();
  readonly byFrame = new PairTable();

  add(): number {
    const i = this.count++;
    if (2 * (i + 1) > this.frames.length) this.frames = grown(this.frames, 2 * this.frames.length);
    this.frames[2 * i] = 0;
    this.frames[2 * i + 1] = 0;
    return i;
  }
}

const calls = perCapture(() => new SnmpCalls());

/** snmp_match_request_response: on the first pass a request (re)starts its ID's call and a
 *  get-response completes it; a frame of a complete call shows Response In or Response To. */
function match(c: Ctx, requestId: number, type: number): void {
  const state = calls(c);
  let call: number;
  if (c.firstPass) {
    const isRequest = REQUESTS.has(type);
    if (!isRequest && type !== Pdu.RESPONSE) return;
    const stream = udpStream(c, c.srcPort, c.dstPort);
    // (packet-snmp.c keeps the request ID in 32 bits: they are the key)
    call = state.byId.get(stream, requestId | 0);
    if (call < 0) {
      call = state.add();
      state.byId.set(stream, requestId | 0, call);
    }
    if (isRequest) {
      state.frames[2 * call] = c.frameNo;
      state.frames[2 * call + 1] = 0;
    } else state.frames[2 * call + 1] = c.frameNo;
    state.byFrame.set(c.frameNo, 0, call);
  } else call = state.byFrame.get(c.frameNo, 0);
  if (call < 0) return;
  const request = state.frames[2 * call] as number;
  const response = state.frames[2 * call + 1] as number;
  if (request === 0 || response === 0) return;
  const f = c.f;
  if (request === c.frameNo) {
    f.add(F.responseIn, 0, 0, response, EF.GENERATED);
    return;
  }
  f.add(F.responseTo, 0, 0, request, EF.GENERATED);
  if (full(c)) addTimeSince(f, F.time, 0, frameTime(c), frameTimeOf(c, request), EF.GENERATED);
}

registerDissector('snmp', dissectSnmp);
bind('udp.port', 161, 'snmp');
bind('udp.port', 162, 'snmp');
bind('udp.port', 1161, 'snmp');
