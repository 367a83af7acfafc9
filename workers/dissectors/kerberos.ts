// Kerberos (Wireshark 4.0's packet-kerberos.c, RFC 4120) on UDP and TCP 88: how every Active
// Directory logon gets its tickets, and where a logon failure shows its reason (pre-authentication
// required, clock skew, an unknown service principal). AS, TGS and AP exchanges and KRB-ERROR, each
// field as tshark shows it: principals, realms, times, the KDC and AP options bit by bit, the
// encryption types offered, tickets and encrypted parts (their cipher text), and the
// pre-authentication data packet-kerberos.c decodes (the TGS request's AP-REQ, the encrypted
// timestamp, ETYPE-INFO2 with its salts, PAC request and options). Over TCP each message follows a
// record mark. Info is the message ("AS-REQ") or the error ("KRB Error: KRB5KRB_AP_ERR_SKEW").

import { appendTo } from './append-text.ts';
import { BER, ber, BerClass, berElement as element, berInt, berText, heldEnd, readBer, withinMessage } from './ber.ts';
import type { Ctx } from './context.ts';
import { Status } from './context.ts';
import { flagParts } from './flag-names.ts';
import { AP_OPTIONS, F, KDC_OPTIONS, PAC_OPTIONS } from './kerberos-fields.ts';
import { ERROR_INFO } from './kerberos-names.ts';
import { bind, registerDissector } from './tables.ts';
import { tcpDissectPdus } from './tcp-pdus.ts';
import { addAbsTime } from './time-fields.ts';
import { fieldById } from '../fields/registry.ts';

/** A handler of the element at `o` (the value inside an explicit [n] tag); returns where it ends
 *  (-1: the packet stopped). */
type Handler = (c: Ctx, o: number, end: number) => number;

const errorInfo = new Map(ERROR_INFO);
const MESSAGES: ReadonlyMap<number, [id: number, info: string]> = new Map([
  [10, [F.asReq, 'AS-REQ']], [11, [F.asRep, 'AS-REP']], [12, [F.tgsReq, 'TGS-REQ']], [13, [F.tgsRep, 'TGS-REP']],
  [14, [F.apReq, 'AP-REQ']], [15, [F.apRep, 'AP-REP']], [30, [F.krbError, 'KRB-ERROR']],
]);

function full(c: Ctx): boolean {
  return c.f.wanted === null;
}

export function dissectKerberosUdp(c: Ctx, off: number, end: number): void {
  c.colProtocol = 'KRB5';
  c.proto(F.kerberos, off, end);
  message(c, off, end);
  c.f.pop();
}

export function dissectKerberosTcp(c: Ctx, off: number, end: number): void {
  tcpDissectPdus(c, off, end, 4, (b, o) => ((((b[o] as number) & 0x7f) << 24) | ((b[o + 1] as number) << 16) | ((b[o + 2] as number) << 8) | (b[o + 3] as number)) + 4, recordPdu);
}

/** One record of Kerberos over TCP (RFC 4120 §7.2.2): its record mark, then the message. */
function recordPdu(c: Ctx, off: number, end: number): void {
  const f = c.f;
  c.colProtocol = 'KRB5';
  c.proto(F.kerberos, off, end);
  if (!c.has(off, 4, end)) return;
  const mark = c.u32(off);
  const len = mark & 0x7fffffff;
  f.push(full(c) ? f.text(off, 4, `Record Mark: ${len} byte${len === 1 ? '' : 's'}`) : -1);
  f.add(F.rmReserved, off, 4, mark & 0x80000000 ? 1 : 0);
  f.add(F.rmLength, off, 4, len);
  f.pop();
  message(c, off + 4, end);
  f.pop();
}

/** A message: [APPLICATION n] around its SEQUENCE; one that says it runs past its datagram is
 *  dissected as far as it goes (Wireshark's ReportedBoundsError at the first value cut). */
function message(c: Ctx, o: number, end: number): number {
  if (!readBer(c.b, o, Math.min(end, c.b.length)) || ber.cls !== BerClass.APPLICATION) {
    element(c, o, end);
    return -1;
  }
  const total = ber.value + ber.len;
  if (total <= end) return applicationMessage(c, o, end);
  let r = -1;
  withinMessage(end, () => (r = applicationMessage(c, o, total)), false);
  return r;
}

/** A Kerberos message another protocol carries (SPNEGO's krb5 token): its "Kerberos" item (no
 *  layer of frame.protocols, as tshark lists it) over the message; no column is written. */
export function kerberosMessage(c: Ctx, o: number, end: number): void {
  c.notLayer(c.proto(F.kerberos, o, end));
  applicationMessage(c, o, end, false);
  c.f.pop();
}

function applicationMessage(c: Ctx, o: number, end: number, top = true): number {
  if (!element(c, o, end)) return -1;
  const tag = ber.tag;
  const v = ber.value;
  const aEnd = ber.value + ber.len;
  const m = MESSAGES.get(tag);
  if (m === undefined) return aEnd;
  if (top && full(c)) c.setInfo(m[1]);
  const fields = tag === 10 || tag === 12 ? KDC_REQ : tag === 11 || tag === 13 ? KDC_REP : tag === 14 ? AP_REQ : tag === 15 ? AP_REP : KRB_ERROR;
  sequence(c, v, aEnd, m[0], fields, o);
  return aEnd;
}

/** A SEQUENCE at `o` whose components are explicitly tagged [n]: each handed to `fields[n]`.
 *  Shown as item `id` (-1: its components go straight under the current item), from `from`. */
function sequence(c: Ctx, o: number, end: number, id: number, fields: Record<number, Handler>, from = o): number {
  if (!element(c, o, end)) return -1;
  const f = c.f;
  const sEnd = ber.value + ber.len;
  let p = ber.value;
  if (id >= 0) f.push(f.add(id, from, sEnd - from));
  while (p < sEnd && !c.stop) {
    if (!element(c, p, sEnd)) break;
    const tag = ber.tag;
    const inner = ber.value;
    const wEnd = ber.value + ber.len;
    const h = ber.cls === BerClass.CONTEXT ? fields[tag] : undefined;
    if (h !== undefined) h(c, inner, wEnd);
    p = wEnd;
  }
  if (id >= 0) f.pop();
  return c.stop ? -1 : sEnd;
}

/** An INTEGER as field `id` (its value in lastInt). */
function int(id: number): Handler {
  return (c, o, end) => {
    if (!element(c, o, end)) return -1;
    lastInt = ber.len <= 6 ? berInt(c.b, ber.value, ber.len) : 0;
    c.f.add(id, ber.value, ber.len, lastInt);
    return ber.value + ber.len;
  };
}

let lastInt = 0;

/** A KerberosString (GeneralString) as field `id`; one cut by the end of its datagram shows what
 *  there is of it before the packet stops, as tshark does. */
function str(id: number): Handler {
  return (c, o, end) => {
    const b = c.b;
    if (readBer(b, o, end) && !ber.constructed && ber.value + ber.len > heldEnd() && ber.value < heldEnd()) {
      const stop = Math.min(heldEnd(), b.length);
      c.f.addStr(id, ber.value, stop - ber.value, berText(b, ber.value, stop));
      c.fail(Status.MALFORMED);
      return -1;
    }
    if (!element(c, o, end)) return -1;
    // (no text in the index pass for a string nothing there reads)
    const text = c.wants(id) ? berText(b, ber.value, ber.value + ber.len) : '';
    c.f.addStr(id, ber.value, ber.len, text);
    return ber.value + ber.len;
  };
}

function bytes(id: number): Handler {
  return (c, o, end) => {
    if (!element(c, o, end)) return -1;
    c.f.add(id, ber.value, ber.len);
    return ber.value + ber.len;
  };
}

/** A KerberosTime (GeneralizedTime "YYYYMMDDHHMMSSZ") as an absolute time. */
function time(id: number): Handler {
  return (c, o, end) => {
    if (!element(c, o, end)) return -1;
    if (!c.wants(id)) return ber.value + ber.len;
    const s = berText(c.b, ber.value, ber.value + ber.len);
    const m = /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/.exec(s);
    const sec = m ? Date.UTC(+(m[1] as string), +(m[2] as string) - 1, +(m[3] as string), +(m[4] as string), +(m[5] as string), +(m[6] as string)) / 1000 : 0;
    addAbsTime(c.f, id, ber.value, ber.len, sec, 0);
    return ber.value + ber.len;
  };
}

/** A BOOLEAN as field `id`. */
function bool(id: number): Handler {
  return (c, o, end) => {
    if (!element(c, o, end)) return -1;
    c.f.add(id, ber.value, ber.len, ber.len > 0 && c.b[ber.value] !== 0 ? 1 : 0);
    return ber.value + ber.len;
  };
}

/** A BIT STRING of flags: "Padding: 0", then field `id` over the bits with a line per named bit. */
function bits(id: number, bitIds: readonly number[]): Handler {
  return (c, o, end) => {
    if (!element(c, o, end)) return -1;
    const f = c.f;
    const v = ber.value;
    const n = ber.len;
    if (n < 1) return v;
    f.add(BER.bitstringPadding, v, 1, c.b[v] as number);
    const item = f.add(id, v + 1, n - 1);
    f.push(item);
    bitIds.forEach((bitId, k) => {
      const at = v + 1 + (k >> 3);
      // (a bit past the string's bytes is 0, shown with no bytes: X.690 8.6.2.4)
      if (at < v + n) f.add(bitId, at, 1, (c.b[at] as number) & (0x80 >> (k & 7)));
      else f.add(bitId, v + n, 0, 0);
    });
    f.pop();
    return v + n;
  };
}

/** SEQUENCE OF `each` as count item `id` ("etype: 4 items"; -1: the items alone). */
function seqOf(id: number, each: Handler): Handler {
  return (c, o, end) => {
    if (!element(c, o, end)) return -1;
    const f = c.f;
    const lEnd = ber.value + ber.len;
    const first = ber.value;
    const item = id >= 0 ? f.add(id, o, lEnd - o) : -1;
    // (dissect_ber_sq_of counts the items by their headers first: one cut short counts)
    const n = countItems(c.b, first, lEnd);
    if (id >= 0) f.push(item);
    for (let p = first; p < lEnd && !c.stop; ) {
      const next = each(c, p, lEnd);
      if (next < 0) break;
      p = next;
    }
    if (id >= 0) {
      f.pop();
      if (item >= 0) {
        f.num[item] = n;
        if (full(c)) f.appendLabel(item, n === 1 ? ' item' : ' items');
      }
    }
    return c.stop ? -1 : lEnd;
  };
}

/** The elements of [o, end) by their headers (up to the captured bytes). */
function countItems(b: Uint8Array, o: number, end: number): number {
  let n = 0;
  const stop = Math.min(end, b.length);
  while (o < end && readBer(b, o, stop)) {
    o = ber.value + ber.len;
    n++;
  }
  return n;
}

const cname = (id: number): Handler => (c, o, end) => sequence(c, o, end, id, { 0: int(F.nameType), 1: seqOf(F.cnameString, str(F.cnameText)) });
const sname = (id: number): Handler => (c, o, end) => sequence(c, o, end, id, { 0: int(F.nameType), 1: seqOf(F.snameString, str(F.snameText)) });
const encrypted = (id: number): Handler => (c, o, end) => sequence(c, o, end, id, { 0: int(F.etype), 1: int(F.kvno), 2: bytes(F.cipher) });

/** Ticket ([APPLICATION 1]). */
const ticket: Handler = (c, o, end) => {
  if (!element(c, o, end)) return -1;
  const aEnd = ber.value + ber.len;
  sequence(c, ber.value, aEnd, F.ticket, { 0: int(F.tktVno), 1: str(F.realm), 2: sname(F.sname), 3: encrypted(F.encPart) }, o);
  return aEnd;
};

/** NetBIOS names' 16th byte (the service), as packet-netbios.c names them. */
const NETBIOS_SUFFIXES = new Map([[0x20, 'Server service']]);

/** A 16-byte NetBIOS name: its 15 characters without trailing spaces, and the 16th in hex. */
function netbiosName(b: Uint8Array, o: number): string {
  let name = '';
  for (let k = 0; k < 15; k++) name += String.fromCharCode(b[o + k] as number);
  return `${name.replace(/ +$/, '')}<${(b[o + 15] as number).toString(16).padStart(2, '0')}>`;
}

/** The addresses of a request: "addresses: 1 item WS042<20>". */
const addresses: Handler = (c, o, end) => {
  if (!element(c, o, end)) return -1;
  const f = c.f;
  const lEnd = ber.value + ber.len;
  const item = f.add(F.addresses, o, lEnd - o);
  f.push(item);
  let n = 0;
  const names: string[] = [];
  for (let p = ber.value; p < lEnd && !c.stop; n++) {
    const before = f.count;
    const next = hostAddressIn(c, p, lEnd, names);
    if (next < 0 || f.count === before) break;
    p = next;
  }
  f.pop();
  if (item >= 0) {
    f.num[item] = n;
    if (full(c)) f.appendLabel(item, `${n === 1 ? ' item' : ' items'}${names.map((s) => ` ${s}`).join('')}`);
  }
  return c.stop ? -1 : lEnd;
};

function hostAddressIn(c: Ctx, o: number, end: number, names: string[]): number {
  let type = 0;
  let shown = '';
  const f = c.f;
  const at = f.count;
  const e = sequence(c, o, end, F.hostAddress, {
    0: (cc, p, pe) => {
      const r = int(F.addrType)(cc, p, pe);
      type = lastInt;
      return r;
    },
    1: (cc, p, pe) => {
      if (!element(cc, p, pe)) return -1;
      const v = ber.value;
      const n = ber.len;
      if (type === 2 && n === 4) {
        cc.f.add(F.addrIp, v, 4);
        shown = `${cc.b[v]}.${cc.b[v + 1]}.${cc.b[v + 2]}.${cc.b[v + 3]}`;
      } else if (type === 20 && n === 16) {
        shown = netbiosName(cc.b, v);
        const i = cc.f.addStr(F.addrNb, v, 16, shown);
        const service = NETBIOS_SUFFIXES.get(cc.b[v + 15] as number);
        if (service !== undefined && full(cc)) cc.f.setText(i, `NetBIOS Name: ${shown} (${service})`);
      } else cc.f.add(F.address, v, n);
      return v + n;
    },
  });
  if (shown !== '') {
    names.push(shown);
    if (full(c) && at < f.count && f.id[at] === F.hostAddress) appendTo(c, at, ` ${shown}`);
  }
  return e;
}

/** PA-DATA: "PA-DATA pA-ENC-TIMESTAMP" over its type, and under the type its value, decoded for
 *  the types packet-kerberos.c decodes. */
const paData: Handler = (c, o, end) => {
  if (!element(c, o, end)) return -1;
  const f = c.f;
  const sEnd = ber.value + ber.len;
  const item = f.add(F.paData, o, sEnd - o);
  f.push(item);
  let type = -1;
  let depth = 0;
  for (let p = ber.value; p < sEnd && !c.stop; ) {
    if (!element(c, p, sEnd)) break;
    const tag = ber.tag;
    const inner = ber.value;
    const wEnd = ber.value + ber.len;
    if (tag === 1) {
      int(F.padataType)(c, inner, wEnd);
      type = lastInt;
      if (full(c)) appendTo(c, item, ` ${fieldById(F.padataType).names?.get(type) ?? String(type)}`);
      // (the value goes under the type, as packet-kerberos.c adds it)
      f.push(f.count - 1);
      depth++;
    } else if (tag === 2 && element(c, inner, wEnd)) {
      const v = ber.value;
      const vEnd = ber.value + ber.len;
      f.push(f.add(F.padataValue, v, vEnd - v));
      paValue(c, type, v, vEnd);
      f.pop();
    }
    p = wEnd;
  }
  while (depth-- > 0) f.pop();
  f.pop();
  return c.stop ? -1 : sEnd;
};

const etypeInfo2Entry: Handler = (c, o, end) => sequence(c, o, end, F.etypeInfo2Entry, { 0: int(F.etype), 1: str(F.salt), 2: bytes(F.s2kparams) });

/** The value of PA-DATA of `type` in [o, end). */
function paValue(c: Ctx, type: number, o: number, end: number): void {
  if (o >= end) return;
  switch (type) {
    case 1: // PA-TGS-REQ: the AP-REQ
      applicationMessage(c, o, end, false);
      break;
    case 2: // PA-ENC-TIMESTAMP
      sequence(c, o, end, -1, { 0: int(F.etype), 1: int(F.kvno), 2: bytes(F.cipher) });
      break;
    case 19: // PA-ETYPE-INFO2
      seqOf(-1, etypeInfo2Entry)(c, o, end);
      break;
    case 128: // PA-PAC-REQUEST
      sequence(c, o, end, -1, { 0: bool(F.includePac) });
      break;
    case 167: // PA-PAC-OPTIONS
      sequence(c, o, end, -1, { 0: bits(F.pacFlags, PAC_OPTIONS) });
      break;
  }
}

const padataList = seqOf(F.padata, paData);

const KDC_REQ_BODY: Record<number, Handler> = {
  0: bits(F.kdcOptions, KDC_OPTIONS), 1: cname(F.cname), 2: str(F.realm), 3: sname(F.sname), 4: time(F.from), 5: time(F.till),
  6: time(F.rtime), 7: int(F.nonce), 8: seqOf(F.etypes, int(F.enctype)), 9: addresses, 10: encrypted(F.encAuthorizationData),
  11: seqOf(F.additionalTickets, ticket),
};
const KDC_REQ: Record<number, Handler> = {
  1: int(F.pvno), 2: int(F.msgType), 3: padataList, 4: (c, o, end) => sequence(c, o, end, F.reqBody, KDC_REQ_BODY),
};
const KDC_REP: Record<number, Handler> = {
  0: int(F.pvno), 1: int(F.msgType), 2: padataList, 3: str(F.crealm), 4: cname(F.cname), 5: ticket, 6: encrypted(F.encPart),
};
const AP_REQ: Record<number, Handler> = { 0: int(F.pvno), 1: int(F.msgType), 2: bits(F.apOptions, AP_OPTIONS), 3: ticket, 4: encrypted(F.authenticator) };
const AP_REP: Record<number, Handler> = { 0: int(F.pvno), 1: int(F.msgType), 2: encrypted(F.encPart) };

let errorCode = 0;
const KRB_ERROR: Record<number, Handler> = {
  0: int(F.pvno), 1: int(F.msgType), 2: time(F.ctime), 3: int(F.cusec), 4: time(F.stime), 5: int(F.susec),
  6: (c, o, end) => {
    const r = int(F.errorCode)(c, o, end);
    errorCode = lastInt;
    if (r >= 0 && full(c)) c.setInfo(errorInfo.get(errorCode) ?? `KRB Error: Unknown error code ${errorCode}`);
    return r;
  },
  7: str(F.crealm), 8: cname(F.cname), 9: str(F.realm), 10: sname(F.sname), 11: str(F.eText),
  12: (c, o, end) => {
    if (!element(c, o, end)) return -1;
    const f = c.f;
    const v = ber.value;
    const vEnd = ber.value + ber.len;
    f.push(f.add(F.eData, v, vEnd - v));
    // METHOD-DATA for the errors that list the pre-authentication methods the KDC accepts
    if (errorCode === 24 || errorCode === 25) seqOf(-1, paData)(c, v, vEnd);
    f.pop();
    return vEnd;
  },
};


registerDissector('kerberos', dissectKerberosUdp);
registerDissector('kerberos.tcp', dissectKerberosTcp);
bind('udp.port', 88, 'kerberos');
bind('tcp.port', 88, 'kerberos.tcp');
