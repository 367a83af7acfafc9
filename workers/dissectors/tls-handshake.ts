// TLS handshake messages in a Handshake record (packet-tls.c's dissect_tls_handshake and
// packet-tls-utils.c's hello dissectors, Wireshark 4.0): each message's type and length; the
// Client and Server Hello's version, random, session ID, cipher suites, compression methods and
// extensions (server name, ALPN, supported versions and groups, EC point formats, key shares; the
// others by type and length); a Certificate message's certificate list (x509.ts: their
// contents); the Server and Client Key Exchange by the session's cipher suite
// (tls-key-exchange.ts). A record that looks encrypted (after the side's Change Cipher Spec, or an
// unknown message type) is one "Encrypted Handshake Message". A Server Hello sets the session's
// version (its supported_versions extension for TLS 1.3), cipher suite and ALPN protocol.

import { WS } from '../fields/field-list.ts';
import { durationText } from '../fields/format.ts';
import { Base, FT, names, registerFields } from '../fields/registry.ts';
import { E, compressCertificate, fingerprint, quicTransportParameters, statusRequest } from './tls-extensions.ts';
import type { Ctx } from './context.ts';
import { addAbsTime } from './time-fields.ts';
import { clientKeyExchange, serverKeyExchange } from './tls-key-exchange.ts';
import { x509Certificate } from './x509.ts';
import { asciiText } from './ascii.ts';
import { CIPHER_SUITES, EXTENSION_TYPES, SIGNATURE_ALGORITHMS, SUPPORTED_GROUPS, VERSIONS } from './tls-names.ts';
import { TLSV1_3, UNKNOWN_VERSION, sessionVersion, shortName, type TlsSession } from './tls-state.ts';

/** ssl_31_handshake_type. */
export const HANDSHAKE_TYPES = names([
  [0, 'Hello Request'], [1, 'Client Hello'], [2, 'Server Hello'], [3, 'Hello Verify Request'], [4, 'New Session Ticket'],
  [5, 'End of Early Data'], [6, 'Hello Retry Request'], [8, 'Encrypted Extensions'], [11, 'Certificate'],
  [12, 'Server Key Exchange'], [13, 'Certificate Request'], [14, 'Server Hello Done'], [15, 'Certificate Verify'],
  [16, 'Client Key Exchange'], [20, 'Finished'], [21, 'Client Certificate URL'], [22, 'Certificate Status'],
  [23, 'Supplemental Data'], [24, 'Key Update'], [25, 'Compressed Certificate'], [67, 'Encrypted Extensions'],
]);
const CLIENT_HELLO = 1;
const SERVER_HELLO = 2;
const NEW_SESSION_TICKET = 4;
const CERTIFICATE = 11;
const SERVER_KEY_EXCHANGE = 12;
const CLIENT_KEY_EXCHANGE = 16;
const ENCRYPTED = 'Encrypted Handshake Message';
/** The Server Hello random of a Hello Retry Request (RFC 8446 section 4.1.3: SHA-256 of "HelloRetryRequest"). */
const HRR_RANDOM = 'cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c';

const VERSION_NAMES = names(VERSIONS);
const SIGNATURE_NAMES = names(SIGNATURE_ALGORITHMS);
const HASH_NAMES = names([[0, 'None'], [1, 'MD5'], [2, 'SHA1'], [3, 'SHA224'], [4, 'SHA256'], [5, 'SHA384'], [6, 'SHA512'], [7, 'SM3']]);
const SIG_NAMES = names([[0, 'Anonymous'], [1, 'RSA'], [2, 'DSA'], [3, 'ECDSA'], [4, 'SM2']]);
const GROUP_NAMES = names(SUPPORTED_GROUPS);

export const H = registerFields({
  handshake: { name: 'tls.handshake', label: 'Handshake Protocol', type: FT.NONE },
  type: { name: 'tls.handshake.type', label: 'Handshake Type', type: FT.UINT, bits: 8, names: HANDSHAKE_TYPES },
  length: { name: 'tls.handshake.length', label: 'Length', type: FT.UINT, bits: 24 },
  version: { name: 'tls.handshake.version', label: 'Version', type: FT.UINT, base: Base.HEX, bits: 16, names: VERSION_NAMES, unknownName: true },
  random: { name: 'tls.handshake.random', label: 'Random', type: FT.BYTES },
  randomTime: { name: 'tls.handshake.random_time', label: 'GMT Unix Time', type: FT.ABSOLUTE_TIME },
  randomBytes: { name: 'tls.handshake.random_bytes', label: 'Random Bytes', type: FT.BYTES },
  sessionIdLength: { name: 'tls.handshake.session_id_length', label: 'Session ID Length', type: FT.UINT, bits: 16 },
  sessionId: { name: 'tls.handshake.session_id', label: 'Session ID', type: FT.BYTES },
  cipherSuitesLength: { name: 'tls.handshake.cipher_suites_length', label: 'Cipher Suites Length', type: FT.UINT, bits: 16 },
  cipherSuites: { name: 'tls.handshake.ciphersuites', label: 'Cipher Suites', type: FT.NONE },
  cipherSuite: { name: 'tls.handshake.ciphersuite', label: 'Cipher Suite', type: FT.UINT, base: Base.HEX, bits: 16, names: names(CIPHER_SUITES), unknownName: true },
  compMethodsLength: { name: 'tls.handshake.comp_methods_length', label: 'Compression Methods Length', type: FT.UINT, bits: 8 },
  compMethods: { name: 'tls.handshake.comp_methods', label: 'Compression Methods', type: FT.NONE },
  compMethod: { name: 'tls.handshake.comp_method', label: 'Compression Method', type: FT.UINT, bits: 8, names: names([[0, 'null'], [1, 'DEFLATE'], [64, 'LZS']]), unknownName: true },
  extensionsLength: { name: 'tls.handshake.extensions_length', label: 'Extensions Length', type: FT.UINT, bits: 16 },
  extType: { name: 'tls.handshake.extension.type', label: 'Type', type: FT.UINT, bits: 16, names: names(EXTENSION_TYPES), unknownName: true },
  extLen: { name: 'tls.handshake.extension.len', label: 'Length', type: FT.UINT, bits: 16 },
  extData: { name: 'tls.handshake.extension.data', label: 'Data', type: FT.BYTES },
  paddingData: { name: 'tls.handshake.extensions_padding_data', label: 'Padding Data', type: FT.BYTES, blurb: 'Must be zero' },
  serverNameListLen: { name: 'tls.handshake.extensions_server_name_list_len', label: 'Server Name list length', type: FT.UINT, bits: 16 },
  serverNameType: { name: 'tls.handshake.extensions_server_name_type', label: 'Server Name Type', type: FT.UINT, bits: 8, names: names([[0, 'host_name']]), unknownName: true },
  serverNameLen: { name: 'tls.handshake.extensions_server_name_len', label: 'Server Name length', type: FT.UINT, bits: 16 },
  serverName: { name: 'tls.handshake.extensions_server_name', label: 'Server Name', type: FT.STRING },
  alpnLen: { name: 'tls.handshake.extensions_alpn_len', label: 'ALPN Extension Length', type: FT.UINT, bits: 16 },
  alpnList: { name: 'tls.handshake.extensions_alpn_list', label: 'ALPN Protocol', type: FT.NONE },
  alpnStrLen: { name: 'tls.handshake.extensions_alpn_str_len', label: 'ALPN string length', type: FT.UINT, bits: 8 },
  alpnStr: { name: 'tls.handshake.extensions_alpn_str', label: 'ALPN Next Protocol', type: FT.STRING },
  supportedVersionsLen: { name: 'tls.handshake.extensions.supported_versions_len', label: 'Supported Versions length', type: FT.UINT, bits: 8 },
  supportedVersion: { name: 'tls.handshake.extensions.supported_version', label: 'Supported Version', type: FT.UINT, base: Base.HEX, bits: 16, names: VERSION_NAMES, unknownName: true },
  groupsLength: { name: 'tls.handshake.extensions_supported_groups_length', label: 'Supported Groups List Length', type: FT.UINT, bits: 16 },
  groups: { name: 'tls.handshake.extensions_supported_groups', label: 'Supported Groups List', type: FT.NONE },
  group: { name: 'tls.handshake.extensions_supported_group', label: 'Supported Group', type: FT.UINT, base: Base.HEX, bits: 16, names: GROUP_NAMES, unknownName: true },
  pointFormatsLength: { name: 'tls.handshake.extensions_ec_point_formats_length', label: 'EC point formats Length', type: FT.UINT, bits: 8 },
  pointFormats: { name: 'tls.handshake.extensions_ec_point_formats', label: 'EC point formats', type: FT.NONE },
  pointFormat: { name: 'tls.handshake.extensions_ec_point_format', label: 'EC point format', type: FT.UINT, bits: 8,
    names: names([[0, 'uncompressed'], [1, 'ansiX962_compressed_prime'], [2, 'ansiX962_compressed_char2']]), unknownName: true },
  keyShareClientLength: { name: 'tls.handshake.extensions_key_share_client_length', label: 'Client Key Share Length', type: FT.UINT, bits: 16 },
  keyShareGroup: { name: 'tls.handshake.extensions_key_share_group', label: 'Group', type: FT.UINT, bits: 16, names: GROUP_NAMES, unknownName: true },
  keyExchangeLength: { name: 'tls.handshake.extensions_key_share_key_exchange_length', label: 'Key Exchange Length', type: FT.UINT, bits: 16 },
  keyExchange: { name: 'tls.handshake.extensions_key_share_key_exchange', label: 'Key Exchange', type: FT.BYTES },
  sigHashAlgLen: { name: 'tls.handshake.sig_hash_alg_len', label: 'Signature Hash Algorithms Length', type: FT.UINT, bits: 16 },
  sigHashAlgs: { name: 'tls.handshake.sig_hash_algs', label: 'Signature Algorithms', type: FT.NONE },
  sigHashAlg: { name: 'tls.handshake.sig_hash_alg', label: 'Signature Algorithm', type: FT.UINT, base: Base.HEX, bits: 16, names: SIGNATURE_NAMES },
  sigHashHash: { name: 'tls.handshake.sig_hash_hash', label: 'Signature Hash Algorithm Hash', type: FT.UINT, bits: 8, names: HASH_NAMES, unknownName: true },
  sigHashSig: { name: 'tls.handshake.sig_hash_sig', label: 'Signature Hash Algorithm Signature', type: FT.UINT, bits: 8, names: SIG_NAMES, unknownName: true },
  pskModesLength: { name: 'tls.extension.psk_ke_modes_length', label: 'PSK Key Exchange Modes Length', type: FT.UINT, bits: 8 },
  pskMode: { name: 'tls.extension.psk_ke_mode', label: 'PSK Key Exchange Mode', type: FT.UINT, bits: 8,
    names: names([[0, 'PSK-only key establishment (psk_ke)'], [1, 'PSK with (EC)DHE key establishment (psk_dhe_ke)']]), unknownName: true },
  renegInfoLen: { name: 'tls.handshake.extensions_reneg_info_len', label: 'Renegotiation info extension length', type: FT.UINT, bits: 8 },
  ticketLifetime: { name: 'tls.handshake.session_ticket_lifetime_hint', label: 'Session Ticket Lifetime Hint', type: FT.UINT, bits: 32,
    unit: (v) => ` seconds (${durationText(v)})` },
  ticketLength: { name: 'tls.handshake.session_ticket_length', label: 'Session Ticket Length', type: FT.UINT, bits: 16 },
  ticket: { name: 'tls.handshake.session_ticket', label: 'Session Ticket', type: FT.BYTES },
  certificatesLength: { name: 'tls.handshake.certificates_length', label: 'Certificates Length', type: FT.UINT, bits: 24 },
  certificates: { name: 'tls.handshake.certificates', label: 'Certificates', type: FT.NONE },
  certificateLength: { name: 'tls.handshake.certificate_length', label: 'Certificate Length', type: FT.UINT, bits: 24 },
  certificate: { name: 'tls.handshake.certificate', label: 'Certificate', type: FT.BYTES },
});

/** Extension types ssl_dissect_hnd_extension has a case for (4.0): any other shows its body as
 *  Data. The ones not dissected here show only their type and length. */
const EXTENSIONS_WITH_CASE = new Set([0, 1, 5, 9, 10, 11, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 27, 28, 35, 40, 41, 42, 43,
  44, 45, 46, 47, 48, 49, 50, 51, 57, 13172, 17513, 65281, 0xffa5, 0xffce]);

/**
 * dissect_tls_handshake: the messages of one Handshake record [o, end), `rec` its record item;
 * `version` names the record ("TLSv1.2 Record Layer: …"), `server` says which side sent it.
 */
export function dissectHandshake(c: Ctx, session: TlsSession | undefined, rec: number, o: number, end: number, version: number, server: boolean): void {
  if (looksEncrypted(c, session, o, end, server)) {
    details(c, rec, version, ENCRYPTED, true, true, o, end - o);
    return;
  }
  let first = true;
  while (o < end && !c.stop) {
    const avail = end - o;
    const msgLen = avail >= 4 ? 4 + u24(c.b, o + 1) : 0;
    if (msgLen === 0 || avail < msgLen) {
      // the start of a message that continues in the next record (not reassembled here)
      const name = HANDSHAKE_TYPES.get(c.u8(o)) ?? ENCRYPTED;
      const item = details(c, rec, version, name, first, false, o, avail);
      if (item >= 0) c.f.appendLabel(item, ' (fragment)');
      return;
    }
    if (!message(c, session, rec, o, msgLen - 4, version, first)) return;
    o += msgLen;
    first = false;
  }
}

/** is_encrypted_handshake_message (no keys: every record may be encrypted). */
function looksEncrypted(c: Ctx, session: TlsSession | undefined, o: number, end: number, server: boolean): boolean {
  // "anything smaller than 16 bytes is assumed to be plaintext"
  if (end - o < 16) return false;
  // an explicit nonce of zeros (two successive Hello Requests make no sense)
  let zeros = true;
  for (let k = 0; k < 5; k++) if (c.b[o + k] !== 0) zeros = false;
  if (zeros) return true;
  // "everything after the ChangeCipherSpec message is encrypted"
  const ccs = session === undefined ? 0 : server ? session.serverCcsFrame : session.clientCcsFrame;
  if (ccs !== 0 && c.frameNo > ccs) return true;
  return !HANDSHAKE_TYPES.has(c.u8(o)) || u24(c.b, o + 1) >= 0x10000;
}

/** tls_show_handshake_details: the Info column, the record's line and the Handshake Protocol item. */
function details(c: Ctx, rec: number, version: number, name: string, first: boolean, complete: boolean, o: number, len: number): number {
  const f = c.f;
  if (f.wanted === null) {
    if (complete) c.appendInfo(name);
    else if (first) c.appendInfo(`[${name} Fragment]`);
  }
  if (rec >= 0) {
    const v = shortName(version) ?? 'TLS';
    f.label(rec, `${v} Record Layer: Handshake Protocol: ${first ? name : 'Multiple Handshake Messages'}${first && !complete ? ' (fragment)' : ''}`);
  }
  const item = f.add(H.handshake, o, len);
  if (item >= 0) f.label(item, `Handshake Protocol: ${name}`);
  return item;
}

/** dissect_tls_handshake_full: one whole message of `len` body bytes at o. False: stop the record. */
function message(c: Ctx, session: TlsSession | undefined, rec: number, o: number, len: number, version: number, first: boolean): boolean {
  const f = c.f;
  const type = c.u8(o);
  let name = HANDSHAKE_TYPES.get(type);
  // "only dissect / report messages if they're either the first message in this record or
  // they're a valid message type"
  if (name === undefined && !first) return false;
  const body = o + 4;
  if (first && type === SERVER_HELLO && len > 2) {
    const scan = scanServerHello(c, body, body + len);
    if (session !== undefined && c.firstPass) {
      const v = sessionVersion(scan.version);
      if (v !== UNKNOWN_VERSION) session.version = v;
    }
    if (scan.hrr) name = 'Hello Retry Request';
  }
  const item = details(c, rec, version, name ?? ENCRYPTED, first, true, o, len + 4);
  if (name === undefined) return false;
  f.push(item);
  f.add(H.type, o, 1, type);
  f.add(H.length, o + 1, 3, len);
  const end = body + len;
  if (type === CLIENT_HELLO || type === SERVER_HELLO) {
    if (type === CLIENT_HELLO && session !== undefined && c.firstPass) session.serverPort = c.dstPort;
    hello(c, session, type, body, end);
  } else if (type === CERTIFICATE && (session?.version ?? UNKNOWN_VERSION) !== TLSV1_3) certificates(c, body, end);
  else if (type === NEW_SESSION_TICKET && (session?.version ?? UNKNOWN_VERSION) !== TLSV1_3) sessionTicket(c, body, end);
  else if (type === SERVER_KEY_EXCHANGE && session !== undefined) serverKeyExchange(c, session.cipher, session.version, body, end, signatureAlgorithm);
  else if (type === CLIENT_KEY_EXCHANGE && session !== undefined) clientKeyExchange(c, session.cipher, session.version, body, end);
  f.pop();
  return true;
}

/** tls_scan_server_hello: the version a Server Hello chose (supported_versions wins) and whether
 *  it is a Hello Retry Request. */
function scanServerHello(c: Ctx, o: number, end: number): { version: number; hrr: boolean } {
  const b = c.b;
  const stop = Math.min(end, b.length);
  if (stop - o < 2) return { version: 0, hrr: false };
  let version = c.u16(o);
  let hrr = false;
  if (stop - o >= 34) {
    let hex = '';
    for (let k = 0; k < 32; k++) hex += (b[o + 2 + k] as number).toString(16).padStart(2, '0');
    hrr = hex === HRR_RANDOM;
  }
  let p = o + 34;
  if (p >= stop) return { version, hrr };
  p += 1 + (b[p] as number); // session ID
  p += 3; // cipher suite, compression method
  if (p + 2 > stop) return { version, hrr };
  const extEnd = Math.min(stop, p + 2 + c.u16(p));
  p += 2;
  while (p + 4 <= extEnd) {
    const t = c.u16(p);
    const l = c.u16(p + 2);
    if (t === 43 && l === 2 && p + 6 <= extEnd) version = c.u16(p + 4);
    p += 4 + l;
  }
  return { version, hrr };
}

/** ssl_dissect_hnd_cli_hello / ssl_dissect_hnd_srv_hello: the common fields, then the lists. */
function hello(c: Ctx, session: TlsSession | undefined, type: number, o: number, end: number): void {
  const f = c.f;
  const helloVersion = c.uint(H.version, o, 2, end);
  if (helloVersion < 0) return;
  const suites: number[] = [];
  o += 2;
  if (!c.has(o, 32, end)) return;
  const random = f.add(H.random, o, 32);
  // "No time on first bytes random with TLS 1.3"
  if ((session?.version ?? UNKNOWN_VERSION) !== TLSV1_3) {
    f.push(random);
    addAbsTime(f, H.randomTime, o, 4, c.u32(o), 0);
    f.add(H.randomBytes, o + 4, 28);
    f.pop();
  }
  o += 32;
  const sidLen = c.uint(H.sessionIdLength, o, 1, end);
  if (sidLen < 0) return;
  o += 1;
  if (sidLen > 0 && !c.field(H.sessionId, o, sidLen, end)) return;
  o += sidLen;
  if (type === CLIENT_HELLO) {
    const csLen = c.uint(H.cipherSuitesLength, o, 2, end);
    if (csLen < 0) return;
    o += 2;
    list(c, H.cipherSuites, H.cipherSuite, 2, o, csLen, end, SUITES);
    for (let k = 0; k + 2 <= csLen && o + k + 2 <= end; k += 2) suites.push(c.u16(o + k));
    o += csLen;
    const cmLen = c.uint(H.compMethodsLength, o, 1, end);
    if (cmLen < 0) return;
    o += 1;
    list(c, H.compMethods, H.compMethod, 1, o, cmLen, end, METHODS);
    o += cmLen;
  } else {
    const suite = c.uint(H.cipherSuite, o, 2, end);
    if (suite < 0) return;
    if (session !== undefined && c.firstPass) session.cipher = suite;
    suites.push(suite);
    o += 2;
    if (c.uint(H.compMethod, o, 1, end) < 0) return;
    o += 1;
  }
  // (a hello may end before its extensions: its JA3 or JA3S then has none, "771,49199,")
  let extEnd = o;
  if (o < end) {
    const extLen = c.uint(H.extensionsLength, o, 2, end);
    if (extLen < 0) return;
    o += 2;
    extEnd = Math.min(end, o + extLen);
    extensions(c, session, type, o, extEnd);
  }
  if (!c.stop && c.wants(E.ja3Full)) fingerprint(c, type === CLIENT_HELLO, o, helloVersion, suites, o, extEnd);
}

/** `len` bytes of `size`-byte values under their own line, titled `title` (only for full trees:
 *  "Cipher Suites (28 suites)"); `listId` -1: no line. */
function list(c: Ctx, listId: number, itemId: number, size: number, o: number, len: number, end: number, title: (n: number) => string): void {
  const f = c.f;
  if (listId >= 0) {
    const item = f.add(listId, o, len);
    if (item >= 0) f.label(item, title(Math.floor(len / size)));
    f.push(item);
  }
  for (let k = 0; k + size <= len && !c.stop; k += size) c.uint(itemId, o + k, size, end);
  if (listId >= 0) f.pop();
}

/** "28 suites", "1 method". */
const counting = (label: string, one: string, many: string) => (n: number): string => `${label} (${n} ${n === 1 ? one : many})`;
const SUITES = counting('Cipher Suites', 'suite', 'suites');
const METHODS = counting('Compression Methods', 'method', 'methods');
const GROUPS = counting('Supported Groups', 'group', 'groups');
const POINT_FORMATS = (n: number): string => `Elliptic curves point formats (${n})`;
const UNTITLED = (): string => '';
const ALGORITHMS = counting('Signature Hash Algorithms', 'algorithm', 'algorithms');

/** ssl_dissect_hnd_extension: each extension's line, type and length, then its body. */
function extensions(c: Ctx, session: TlsSession | undefined, hsType: number, o: number, end: number): void {
  const f = c.f;
  const full = f.wanted === null;
  const texts = c.wants(WS.text);
  while (o + 4 <= end && !c.stop) {
    const t = c.u16(o);
    const l = c.u16(o + 2);
    const next = o + 4 + l;
    f.push(texts ? f.text(o, Math.min(4 + l, end - o), `Extension: ${EXTENSION_NAMES.get(t) ?? 'Unknown type ' + t} (len=${l})`) : -1);
    f.add(H.extType, o, 2, t);
    f.add(H.extLen, o + 2, 2, l);
    const body = o + 4;
    if (next > end || !c.has(body, l, end)) {
      f.pop();
      return;
    }
    switch (t) {
      case 0:
        if (l > 0) serverNames(c, body, next);
        break;
      case 10:
        counted(c, H.groupsLength, 2, H.groups, H.group, 2, body, next, GROUPS);
        break;
      case 11:
        counted(c, H.pointFormatsLength, 1, H.pointFormats, H.pointFormat, 1, body, next, POINT_FORMATS);
        break;
      case 16:
        alpn(c, body, next);
        if (hsType === SERVER_HELLO && session !== undefined && c.firstPass) session.appName = alpnProtocol(c.b, body, next);
        break;
      case 13:
      case 50:
        signatureAlgorithms(c, body, next);
        break;
      case 35:
        f.add(H.extData, body, l);
        if (full) f.setText(f.last, `Data (${l} byte${l === 1 ? '' : 's'})`);
        break;
      case 45:
        counted(c, H.pskModesLength, 1, -1, H.pskMode, 1, body, next, UNTITLED);
        break;
      case 43:
        if (hsType === CLIENT_HELLO) counted(c, H.supportedVersionsLen, 1, -1, H.supportedVersion, 2, body, next, UNTITLED);
        else if (l >= 2) c.uint(H.supportedVersion, body, 2, next);
        break;
      case 51:
        keyShare(c, hsType, body, next);
        break;
      case 5:
        if (hsType === CLIENT_HELLO) statusRequest(c, body, next);
        break;
      case 21:
        // RFC 7685's padding (an OpenSSL or Chrome ClientHello pads itself to 512 bytes)
        if (l > 0) c.field(H.paddingData, body, l, next);
        break;
      case 27:
        compressCertificate(c, body, next);
        break;
      case 57:
        quicTransportParameters(c, body, next);
        break;
      case 65281:
        f.push(texts ? f.text(body, l, 'Renegotiation Info extension') : -1);
        c.uint(H.renegInfoLen, body, 1, next);
        f.pop();
        break;
      default:
        if (!EXTENSIONS_WITH_CASE.has(t)) f.add(H.extData, body, l);
    }
    f.pop();
    o = next;
  }
}

const EXTENSION_NAMES = names(EXTENSION_TYPES);

/** A length of `lenSize` bytes, then its list (see list()). */
function counted(c: Ctx, lenId: number, lenSize: number, listId: number, itemId: number, size: number, o: number, end: number, title: (n: number) => string): void {
  const n = c.uint(lenId, o, lenSize, end);
  if (n >= 0) list(c, listId, itemId, size, o + lenSize, Math.min(n, end - o - lenSize), end, title);
}

/** ssl_dissect_hash_alg_list: each algorithm (signatureAlgorithm). */
function signatureAlgorithms(c: Ctx, o: number, end: number): void {
  const f = c.f;
  const n = c.uint(H.sigHashAlgLen, o, 2, end);
  if (n < 0) return;
  const start = o + 2;
  const len = Math.min(n, end - start);
  const list = f.add(H.sigHashAlgs, start, len);
  if (list >= 0) f.label(list, ALGORITHMS(len >> 1));
  f.push(list);
  for (let p = start; p + 2 <= start + len && !c.stop; p += 2) signatureAlgorithm(c, p, end);
  f.pop();
}

/** tls_dissect_signature_algorithm: one algorithm, with its hash and signature bytes; one TLS 1.3
 *  does not name is written "SHA224 ECDSA (0x0303)". */
function signatureAlgorithm(c: Ctx, p: number, end: number): void {
  const f = c.f;
  const v = c.uint(H.sigHashAlg, p, 2, end);
  if (v < 0) return;
  const item = f.last;
  if (f.wanted === null && !SIGNATURE_NAMES.has(v)) {
    f.setText(item, `Signature Algorithm: ${HASH_NAMES.get(v >> 8) ?? 'Unknown'} ${SIG_NAMES.get(v & 0xff) ?? 'Unknown'} (0x${v.toString(16).padStart(4, '0')})`);
  }
  f.push(item);
  f.add(H.sigHashHash, p, 1, v >> 8);
  f.add(H.sigHashSig, p + 1, 1, v & 0xff);
  f.pop();
}

/** ssl_dissect_hnd_hello_ext_server_name. */
function serverNames(c: Ctx, o: number, end: number): void {
  const f = c.f;
  f.push(c.wants(WS.text) ? f.text(o, end - o, 'Server Name Indication extension') : -1);
  const listLen = c.uint(H.serverNameListLen, o, 2, end);
  if (listLen >= 0) {
    let p = o + 2;
    const stop = Math.min(end, p + listLen);
    while (p + 3 <= stop && !c.stop) {
      c.uint(H.serverNameType, p, 1, stop);
      const n = c.uint(H.serverNameLen, p + 1, 2, stop);
      if (n < 0 || !c.has(p + 3, n, stop)) break;
      f.addStr(H.serverName, p + 3, n, c.wants(H.serverName) ? asciiText(c.b, p + 3, p + 3 + n) : '');
      p += 3 + n;
    }
  }
  f.pop();
}

/** ssl_alpn_protocols (and the tls.alpn table) for the names here: the long name of the dissector
 *  a Server Hello's ALPN protocol selects, which then names the session's application data ('':
 *  none, the port decides). SPDY's and STUN's entries are left out (their data keeps the port's name). */
function alpnProtocol(b: Uint8Array, o: number, end: number): string {
  if (o + 3 > end) return '';
  const n = b[o + 2] as number;
  if (o + 3 + n > end) return '';
  const name = asciiText(b, o + 3, o + 3 + n);
  if (name === 'http/1.1') return 'Hypertext Transfer Protocol';
  if (name === 'h2' || name.startsWith('h2-')) return 'HyperText Transfer Protocol 2';
  return '';
}

/** ssl_dissect_hnd_hello_ext_alpn. */
function alpn(c: Ctx, o: number, end: number): void {
  const f = c.f;
  const n = c.uint(H.alpnLen, o, 2, end);
  if (n < 0) return;
  const start = o + 2;
  const stop = Math.min(end, start + n);
  f.push(f.add(H.alpnList, start, stop - start));
  for (let p = start; p < stop && !c.stop; ) {
    const l = c.uint(H.alpnStrLen, p, 1, stop);
    if (l < 0 || !c.has(p + 1, l, stop)) break;
    f.addStr(H.alpnStr, p + 1, l, c.wants(H.alpnStr) ? asciiText(c.b, p + 1, p + 1 + l) : '');
    p += 1 + l;
  }
  f.pop();
}

/** ssl_dissect_hnd_hello_ext_key_share: the client's entries, or the server's one. */
function keyShare(c: Ctx, hsType: number, o: number, end: number): void {
  const f = c.f;
  const texts = c.wants(WS.text);
  f.push(texts ? f.text(o, end - o, 'Key Share extension') : -1);
  let p = o;
  let stop = end;
  if (hsType === CLIENT_HELLO) {
    const n = c.uint(H.keyShareClientLength, o, 2, end);
    if (n < 0) {
      f.pop();
      return;
    }
    p = o + 2;
    stop = Math.min(end, p + n);
  }
  while (p + 4 <= stop && !c.stop) {
    const group = c.u16(p);
    const kl = c.u16(p + 2);
    f.push(texts ? f.text(p, Math.min(4 + kl, stop - p), `Key Share Entry: Group: ${GROUP_NAMES.get(group) ?? 'Unknown'}, Key Exchange length: ${kl}`) : -1);
    c.uint(H.keyShareGroup, p, 2, stop);
    c.uint(H.keyExchangeLength, p + 2, 2, stop);
    if (kl > 0) c.field(H.keyExchange, p + 4, kl, stop);
    f.pop();
    p += 4 + kl;
    if (hsType !== CLIENT_HELLO) break;
  }
  f.pop();
}

/** ssl_dissect_hnd_cert (TLS 1.2 and before): the certificate list, each certificate's bytes and
 *  X.509 contents. */
function certificates(c: Ctx, o: number, end: number): void {
  const f = c.f;
  const n = c.uint(H.certificatesLength, o, 3, end);
  if (n <= 0) return;
  const start = o + 3;
  const stop = Math.min(end, start + n);
  const item = f.add(H.certificates, start, stop - start);
  if (item >= 0) f.label(item, `Certificates (${n} bytes)`);
  f.push(item);
  for (let p = start; p + 3 <= stop && !c.stop; ) {
    const l = c.uint(H.certificateLength, p, 3, stop);
    if (l < 0 || !c.field(H.certificate, p + 3, l, stop)) break;
    // dissect_x509af_Certificate (the subset x509.ts shows)
    x509Certificate(c, f.last, p + 3, p + 3 + l);
    p += 3 + l;
  }
  f.pop();
}

/** ssl_dissect_hnd_new_ses_ticket (TLS 1.2 and before: RFC 5077 section 3.3). */
function sessionTicket(c: Ctx, o: number, end: number): void {
  const f = c.f;
  f.push(c.wants(WS.text) ? f.text(o, end - o, 'TLS Session Ticket') : -1);
  c.uint(H.ticketLifetime, o, 4, end);
  const n = c.uint(H.ticketLength, o + 4, 2, end);
  if (n > 0) c.field(H.ticket, o + 6, n, end);
  f.pop();
}

function u24(b: Uint8Array, o: number): number {
  return ((b[o] as number) << 16) | ((b[o + 1] as number) << 8) | (b[o + 2] as number);
}
