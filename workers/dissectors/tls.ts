// TLS and SSLv3 records on the TCP ports Wireshark decodes as TLS (its packet-tls.c, 4.0, with no
// keys: nothing is decrypted). A segment is a run of records (content type, version, length); each
// shows its protocol: Change Cipher Spec, Alert (plaintext, or "Encrypted Alert"), Handshake
// (tls-handshake.ts) or Application Data, whose protocol is named by the port ("Hypertext Transfer
// Protocol" on 443). Bytes that do not start a record are "Continuation Data".
//
// A record longer than its segment is reassembled by TCP (tcp-pdus.ts): the segments before the
// last show "TCP segment data", the last one the whole record. The Protocol column is the
// session's version ("TLSv1.3", or "SSL" while none is known), the Info column each record's
// message, joined by ", " as Wireshark appends them (written here: Ctx.colInfo).
//
// Not done: SSLv2 and PCT records (shown as Continuation Data), Heartbeat and Connection ID
// record bodies, reassembly of a handshake message spread over several records (its first record
// shows "(fragment)"), the X.509 contents of certificates outside x509.ts's subset, decryption
// (QUIC's Initial packets excepted: quic.ts decrypts them and hands their handshake to
// tls-handshake.ts).

import { EF } from '../fields/field-list.ts';
import { Base, FT, names, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { dissectData } from './data.ts';
import { tcpDesegment } from './tcp-pdus.ts';
import { bind, registerDissector, registerHeuristic } from './tables.ts';
import { setStreamDissector } from '../analysis/conversation-dissector.ts';
import { ALERT_DESCRIPTIONS, APP_PROTOCOLS, VERSIONS } from './tls-names.ts';
import { HANDSHAKE_TYPES, dissectHandshake } from './tls-handshake.ts';
import { SSLV3, TLSV1, TLSV1_1, TLSV1_2, TLSV1_3, UNKNOWN_VERSION, newSession, sessionVersion, shortName, tlsSessions, type TlsSession } from './tls-state.ts';

export const CONTENT_TYPES = names([[20, 'Change Cipher Spec'], [21, 'Alert'], [22, 'Handshake'], [23, 'Application Data'], [24, 'Heartbeat'], [25, 'Connection ID']]);
const CCS = 20;
const ALERT = 21;
const HANDSHAKE = 22;
const APP_DATA = 23;
const RECORD_HEADER = 5;

export const VERSION_NAMES = names(VERSIONS);
const LEVELS = names([[1, 'Warning'], [2, 'Fatal']]);
const DESCRIPTIONS = names(ALERT_DESCRIPTIONS);
const APPS = new Map(APP_PROTOCOLS);

export const F = registerFields({
  tls: { name: 'tls', label: 'Transport Layer Security', type: FT.PROTOCOL },
  record: { name: 'tls.record', label: 'Record Layer', type: FT.NONE },
  contentType: { name: 'tls.record.content_type', label: 'Content Type', type: FT.UINT, bits: 8, names: CONTENT_TYPES, unknownName: true },
  opaqueType: { name: 'tls.record.opaque_type', label: 'Opaque Type', type: FT.UINT, bits: 8, names: CONTENT_TYPES, unknownName: true },
  version: { name: 'tls.record.version', label: 'Version', type: FT.UINT, base: Base.HEX, bits: 16, names: VERSION_NAMES, unknownName: true },
  length: { name: 'tls.record.length', label: 'Length', type: FT.UINT, bits: 16 },
  changeCipherSpec: { name: 'tls.change_cipher_spec', label: 'Change Cipher Spec Message', type: FT.NONE },
  alert: { name: 'tls.alert_message', label: 'Alert Message', type: FT.NONE },
  alertLevel: { name: 'tls.alert_message.level', label: 'Level', type: FT.UINT, bits: 8, names: LEVELS, unknownName: true },
  alertDesc: { name: 'tls.alert_message.desc', label: 'Description', type: FT.UINT, bits: 8, names: DESCRIPTIONS, unknownName: true },
  appData: { name: 'tls.app_data', label: 'Encrypted Application Data', type: FT.BYTES },
  appDataProto: { name: 'tls.app_data_proto', label: 'Application Data Protocol', type: FT.STRING },
});

/** The record header's length field plus the header: the PDU TCP reassembles. */
const recordLength = (b: Uint8Array, o: number): number => (((b[o + 3] as number) << 8) | (b[o + 4] as number)) + RECORD_HEADER;

export function dissectTls(c: Ctx, off: number, end: number): void {
  const b = c.b;
  const stop = Math.min(end, b.length);
  // "it is extremely unlikely that real TLS traffic starts with four printable ascii characters":
  // TLS declines, and the segment is data (this build has no other dissector for it)
  if (stop - off > 4 && printable(b[off] as number) && printable(b[off + 1] as number) && printable(b[off + 2] as number) && printable(b[off + 3] as number)) {
    c.call(dissectData, off, end);
    return;
  }
  const sessions = tlsSessions(c);
  let session = sessions.get(c.tcpStream);
  // A first record TCP must reassemble: TLS shows nothing in this segment (the later pass, which
  // only sees the complete record, shows none either).
  if (stop - off < RECORD_HEADER) {
    if (tcpDesegment(off, -1, RECORD_HEADER, recordLength)) return;
  } else if (looksLikeRecord(b, off, session?.version ?? UNKNOWN_VERSION) && end - off < recordLength(b, off)) {
    if (tcpDesegment(off, recordLength(b, off), RECORD_HEADER, recordLength)) return;
  }
  const f = c.f;
  const full = f.wanted === null;
  c.colProtocol = shortName(session?.version ?? UNKNOWN_VERSION) ?? 'SSL';
  c.proto(F.tls, off, end);
  let o = off;
  while (o < end && !c.stop) {
    const version = session?.version ?? UNKNOWN_VERSION;
    const avail = end - o;
    if (avail < RECORD_HEADER) {
      tcpDesegment(o, -1, RECORD_HEADER, recordLength);
      break;
    }
    const known = version === SSLV3 || version === TLSV1 || version === TLSV1_1 || version === TLSV1_2;
    if (!known && !looksLikeSslv3(b, o)) {
      if (full) c.appendInfo('Continuation Data');
      break;
    }
    const ct = b[o] as number;
    const rlen = recordLength(b, o);
    if (known && !validContentType(ct)) {
      if (version !== SSLV3) {
        // "TLS 1.0/1.1 just ignores unknown records" (RFC 2246 section 6)
        if (full) c.appendInfo('Ignored Unknown Record');
        break;
      }
      // SSLv3: skipped as a record's length ("no sense continuing any further" within it)
      if (full) c.appendInfo('Continuation Data');
      o += rlen;
      continue;
    }
    // a record past the segment: reassembled by TCP, else "not enough bytes available, stop here"
    if (avail < rlen) {
      tcpDesegment(o, rlen, RECORD_HEADER, recordLength);
      break;
    }
    if (!c.has(o, rlen, end)) break;
    if (session === undefined && c.firstPass && c.tcpStream >= 0) {
      session = newSession();
      sessions.set(c.tcpStream, session);
    }
    record(c, session, o, rlen - RECORD_HEADER);
    o += rlen;
  }
  f.pop();
}

function printable(ch: number): boolean {
  return ch >= 0x20 && ch <= 0x7e;
}

function validContentType(ct: number): boolean {
  return ct >= CCS && ct <= 25;
}

/** ssl_looks_like_sslv3: a known content type and an SSLv3 / TLS 1.0-1.2 record version. */
function looksLikeSslv3(b: Uint8Array, o: number): boolean {
  if (!validContentType(b[o] as number)) return false;
  const v = ((b[o + 1] as number) << 8) | (b[o + 2] as number);
  return v === SSLV3 || v === TLSV1 || v === TLSV1_1 || v === TLSV1_2;
}

/** Whether the bytes at `o` are a record header the record loop would read (see dissectTls). */
function looksLikeRecord(b: Uint8Array, o: number, version: number): boolean {
  const known = version === SSLV3 || version === TLSV1 || version === TLSV1_1 || version === TLSV1_2;
  return known ? validContentType(b[o] as number) : looksLikeSslv3(b, o);
}

/** Whether this segment comes from the server (ssl_packet_from_server): the port its Client
 *  Hello went to, else a port decoded as TLS. */
export function fromServer(c: Ctx, session: TlsSession | undefined): boolean {
  if (session !== undefined && session.serverPort !== 0) return c.srcPort === session.serverPort;
  return APPS.has(c.srcPort);
}

/** dissect_ssl3_record: one record whose `len` bytes of body are all here. */
function record(c: Ctx, session: TlsSession | undefined, o: number, len: number): void {
  const f = c.f;
  const full = f.wanted === null;
  const ct = c.u8(o);
  const recordVersion = c.u16(o + 1);
  const sv = session?.version ?? UNKNOWN_VERSION;
  // a record's line, written where the record is kept (its label is part of a lean list's entry)
  const labels = c.wants(F.record);
  const rec = f.add(F.record, o, RECORD_HEADER + len);
  f.push(rec);
  f.add(sv === TLSV1_3 && ct === APP_DATA ? F.opaqueType : F.contentType, o, 1, ct);
  f.add(F.version, o + 1, 2, recordVersion);
  f.add(F.length, o + 3, 2, len);
  const body = o + RECORD_HEADER;
  let version = sv;
  if (sv === UNKNOWN_VERSION) {
    // ssl_try_set_version: any record but a Client Hello says which version the session speaks
    const next = len > 0 ? c.u8(body) : -1;
    if (session !== undefined && c.firstPass && authoritative(ct, next)) session.version = sessionVersion(recordVersion);
    c.colProtocol = shortName(recordVersion) ?? 'SSL';
    version = recordVersion;
  }
  const server = fromServer(c, session);
  switch (ct) {
    case CCS:
      if (full) c.appendInfo('Change Cipher Spec');
      if (labels) f.label(rec, `${shortName(version) ?? 'SSL'} Record Layer: Change Cipher Spec Protocol: Change Cipher Spec`);
      f.add(F.changeCipherSpec, body, 1);
      if (session !== undefined && c.firstPass) {
        if (server) session.serverCcsFrame = c.frameNo;
        else session.clientCcsFrame = c.frameNo;
      }
      break;
    case ALERT:
      alert(c, rec, body, len, sv);
      break;
    case HANDSHAKE:
      dissectHandshake(c, session, rec, body, body + len, version, server);
      break;
    case APP_DATA: {
      // the session's dissector (ALPN's choice), else one by port
      const app = session?.appName || (APPS.get(c.srcPort) ?? APPS.get(c.dstPort));
      if (full) c.appendInfo('Application Data');
      if (labels) f.label(rec, `${shortName(version) ?? 'SSL'} Record Layer: Application Data Protocol: ${app ?? 'Application Data'}`);
      f.add(F.appData, body, len);
      if (app !== undefined) f.addStr(F.appDataProto, 0, 0, app, EF.GENERATED);
      break;
    }
    default:
      if (labels) f.label(rec, `${shortName(version) ?? 'SSL'} Record Layer: ${CONTENT_TYPES.get(ct) ?? 'unknown'} Protocol`);
  }
  f.pop();
}

/** ssl_is_authoritative_version_message: not a Client Hello (nor an unknown handshake type). */
function authoritative(ct: number, next: number): boolean {
  if (ct === HANDSHAKE) return next !== 1 && HANDSHAKE_TYPES.has(next);
  return validContentType(ct);
}

/** dissect_ssl3_alert: a two-byte alert, else an encrypted one. */
function alert(c: Ctx, rec: number, o: number, len: number, sessionVersion: number): void {
  const f = c.f;
  const full = f.wanted === null;
  const item = f.add(F.alert, o, len);
  const v = shortName(sessionVersion) ?? 'TLS';
  if (len !== 2) {
    if (full) c.appendInfo('Encrypted Alert');
    if (c.wants(F.record)) f.label(rec, `${v} Record Layer: Encrypted Alert`);
    if (c.wants(F.alert)) f.label(item, 'Alert Message: Encrypted Alert');
    return;
  }
  const level = c.u8(o);
  const desc = c.u8(o + 1);
  if (full || c.wants(F.record)) {
    const text = `Alert (Level: ${LEVELS.get(level) ?? 'Unknown'}, Description: ${DESCRIPTIONS.get(desc) ?? 'Unknown'})`;
    if (full) c.appendInfo(text);
    if (c.wants(F.record)) f.label(rec, `${v} Record Layer: ${text}`);
  }
  f.push(item);
  f.add(F.alertLevel, o, 1, level);
  f.add(F.alertDesc, o + 1, 1, desc);
  f.pop();
}


/**
 * dissect_ssl_heur ("tls_tcp", on by default): a segment on any other port that starts with a
 * Handshake or Application Data record header of SSLv3 to TLS 1.2 (or TLCP) with a sane length
 * makes its stream TLS from this frame on. (Wireshark's SSLv2 Client Hello match is left out:
 * SSLv2 records are not dissected here.)
 */
function tlsHeuristic(c: Ctx, off: number, end: number): boolean {
  const b = c.b;
  if (Math.min(end, b.length) - off < RECORD_HEADER) return false;
  const ct = b[off] as number;
  if (ct !== HANDSHAKE && ct !== APP_DATA) return false;
  const v = ((b[off + 1] as number) << 8) | (b[off + 2] as number);
  if (v !== SSLV3 && v !== TLSV1 && v !== TLSV1_1 && v !== TLSV1_2 && v !== TLCP) return false;
  const len = recordLength(b, off) - RECORD_HEADER;
  if (len === 0 || len >= MAX_RECORD + 2048) return false;
  setStreamDissector(c, c.tcpStream, dissectTls);
  c.call(dissectTls, off, end);
  return true;
}

/** TLCP (GB/T 38636), which the heuristic also accepts, and TLS's largest plaintext record. */
const TLCP = 0x101;
const MAX_RECORD = 16384;

registerDissector('tls', dissectTls);
for (const [port] of APP_PROTOCOLS) bind('tcp.port', port, 'tls');
registerHeuristic('tcp', 'tls_tcp', tlsHeuristic);
