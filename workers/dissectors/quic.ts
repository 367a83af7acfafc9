// QUIC (RFC 9000; Wireshark 4.0's packet-quic.c) on UDP 443. Each packet of a datagram is a "QUIC
// IETF" tree: its connection's number, length and header. Initial packets are decrypted, as
// Wireshark does without any key: their protection derives from the client's first Destination
// Connection ID (RFC 9001 section 5.2: HKDF, AES-ECB header protection, AES-128-GCM; the crypto
// is workers/crypto/), and their frames (PADDING, PING, ACK, CRYPTO with the TLS handshake inside,
// CONNECTION_CLOSE) are read from the decrypted bytes, a data source "Decrypted QUIC (N bytes)".
// Handshake and 1-RTT packets need the TLS secrets, which a capture does not hold: their payload
// stays "Remaining Payload". Info reads "Initial, DCID=84acac06b42ed863, PKN: 0, CRYPTO, PADDING".
//
// Not done: version 2 and drafts other than 29, 0-RTT and Retry packets' contents, CRYPTO data
// spread over several packets (shown as Crypto Data, not reassembled), key updates, decryption
// with a key log file.

import { EF } from '../fields/field-list.ts';
import { bytesHex } from '../fields/format.ts';
import { fieldById } from '../fields/registry.ts';
import { Aes128, aesGcmDecrypt } from '../crypto/aes.ts';
import { hkdfExpandLabel, hkdfExtract } from '../crypto/sha256.ts';
import { perCapture } from '../analysis/per-capture.ts';
import { latin1Text } from './ascii.ts';
import type { Ctx } from './context.ts';
import { expertInfo, Group, Severity } from './expert.ts';
import { F, FRAME_TYPES, X } from './quic-fields.ts';
import { readVarint } from './quic-varint.ts';
import { dissectHandshake } from './tls-handshake.ts';
import { F as TLS } from './tls.ts';
import { TLSV1_3, newSession } from './tls-state.ts';
import { bind, registerDissector } from './tables.ts';

const INITIAL = 0;
const HANDSHAKE = 2;
const RETRY = 3;
/** Initial salts (RFC 9001 section 5.2, and draft 29's). */
const SALTS = new Map<number, string>([
  [0x00000001, '38762cf7f55934b34d179ae6a4c80cadccbb7f0a'],
  [0xff00001d, 'afbfec289993d24c9e9786f19c6111e04390a899'],
]);
const NO_SECRETS = 'Failed to create decryption context: Secrets are not available';

interface Keys {
  aes: Aes128;
  iv: Uint8Array;
  hp: Aes128;
}

interface Connection {
  number: number;
  /** The client's address and port, as the connection's key writes them. */
  client: string;
  /** The client's and the server's connection IDs (the Destination ID of short headers to each). */
  clientCid: Uint8Array | null;
  serverCid: Uint8Array | null;
  /** Initial keys from the client's first Destination Connection ID, per side. */
  clientKeys: Keys | null;
  serverKeys: Keys | null;
  /** The first short-header packet (which alone reports that there are no 1-RTT secrets). */
  firstShort: number;
}

interface QuicState {
  byEndpoints: Map<string, Connection>;
  count: number;
}

const quicState = perCapture((): QuicState => ({ byEndpoints: new Map(), count: 0 }));

const hexOf = (b: Uint8Array): string => bytesHex(b, 0, b.length);

function hex(s: string): Uint8Array {
  const out = new Uint8Array(s.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(s.slice(2 * i, 2 * i + 2), 16);
  return out;
}

function initialKeys(version: number, dcid: Uint8Array): { client: Keys; server: Keys } | null {
  const salt = SALTS.get(version);
  if (salt === undefined) return null;
  const initial = hkdfExtract(hex(salt), dcid);
  const side = (label: string): Keys => {
    const secret = hkdfExpandLabel(initial, label, new Uint8Array(0), 32);
    return {
      aes: new Aes128(hkdfExpandLabel(secret, 'quic key', new Uint8Array(0), 16)),
      iv: hkdfExpandLabel(secret, 'quic iv', new Uint8Array(0), 12),
      hp: new Aes128(hkdfExpandLabel(secret, 'quic hp', new Uint8Array(0), 16)),
    };
  };
  return { client: side('client in'), server: side('server in') };
}

/** This datagram's endpoints: its sender's, then the other's. */
function endpoints(c: Ctx): [string, string] {
  const b = c.netBuf;
  const src = `${bytesHex(b, c.netSrc, c.netLen)}:${c.srcPort}`;
  const dst = `${bytesHex(b, c.netDst, c.netLen)}:${c.dstPort}`;
  return [src, dst];
}

/** A datagram's connection (null when none: not made on the first pass) and whether the
 *  datagram comes from its client (true without a connection). */
interface Side {
  conn: Connection | null;
  fromClient: boolean;
}

/** The connection of this datagram (made by its first packet on the first pass), looked up once
 *  per datagram. */
function connection(c: Ctx): Side {
  const st = quicState(c);
  const [src, dst] = endpoints(c);
  const key = src < dst ? `${src}|${dst}` : `${dst}|${src}`;
  let conn = st.byEndpoints.get(key);
  if (conn === undefined) {
    if (!c.firstPass) return { conn: null, fromClient: true };
    conn = { number: st.count++, client: src, clientCid: null, serverCid: null, clientKeys: null, serverKeys: null, firstShort: -1 };
    st.byEndpoints.set(key, conn);
  }
  return { conn, fromClient: src === conn.client };
}

function dissectQuic(c: Ctx, off: number, end: number): void {
  c.colProtocol = 'QUIC';
  if (c.f.wanted === null) c.setInfo('');
  const side = connection(c);
  const stop = Math.min(end, c.b.length);
  let o = off;
  let first = true;
  while (o < stop && !c.stop) {
    const next = packet(c, side, o, end, first);
    if (next <= o) break;
    o = next;
    first = false;
  }
}

/** A variable-length integer at o: its value and size (RFC 9000 section 16), or null past `end`. */
function varint(c: Ctx, o: number, end: number): [number, number] | null {
  return readVarint(c.b, o, Math.min(end, c.b.length));
}

/** Add varint field `id` at o; returns its value and where it ends, or null (the packet stops). */
function addVarint(c: Ctx, id: number, o: number, end: number): [number, number] | null {
  const v = varint(c, o, end);
  if (v === null) {
    c.has(o, 1, end);
    return null;
  }
  c.f.add(id, o, v[1], v[0]);
  return [v[0], o + v[1]];
}

/** One QUIC packet from o; returns where the next packet of the datagram starts. */
function packet(c: Ctx, side: Side, o: number, end: number, first: boolean): number {
  const f = c.f;
  const conn = side.conn;
  const b0 = c.u8(o);
  const long = (b0 & 0x80) !== 0;
  // a long header's length field says where the packet ends; a short one runs to the datagram's end
  let pend = end;
  if (long) {
    const len = longPacketEnd(c, o, end);
    if (len > 0) pend = Math.min(end, len);
  }
  c.proto(F.quic, o, pend);
  f.push(f.text(o, 0, 'QUIC Connection information'));
  if (conn !== null) f.add(F.connectionNumber, o, 0, conn.number, EF.GENERATED);
  f.pop();
  f.add(F.packetLength, o, 0, pend - o, EF.GENERATED);
  if (long) longPacket(c, side, o, pend, b0, first);
  else shortPacket(c, side, o, pend, b0, first);
  f.pop();
  return pend;
}

/** Where a long-header packet at o ends (its Length field), or -1 when it cannot be read. */
function longPacketEnd(c: Ctx, o: number, end: number): number {
  const stop = Math.min(end, c.b.length);
  if (o + 6 > stop) return -1;
  const type = (c.u8(o) >> 4) & 3;
  let p = o + 5;
  p += 1 + c.u8(p);
  if (p >= stop) return -1;
  p += 1 + c.u8(p);
  if (type === RETRY) return end;
  if (type === INITIAL) {
    const t = varint(c, p, end);
    if (t === null) return -1;
    p += t[1] + t[0];
  }
  const l = varint(c, p, end);
  if (l === null) return -1;
  return p + l[1] + l[0];
}

/** A part of the Info column (full trees only: callers build the text only for them). */
function infoPart(c: Ctx, first: boolean, s: string): void {
  if (c.f.wanted !== null) return;
  if (first && (c.colInfo ?? '') === '') c.setInfo(s);
  else c.addInfo(`, ${s}`);
}

function longPacket(c: Ctx, { conn, fromClient }: Side, o: number, pend: number, b0: number, first: boolean): void {
  const f = c.f;
  const type = (b0 >> 4) & 3;
  const version = c.has(o + 1, 4, pend) ? c.u32(o + 1) : -1;
  if (version < 0) return;
  let p = o + 5;
  const dcil = c.has(p, 1, pend) ? c.u8(p) : -1;
  if (dcil < 0 || !c.has(p + 1, dcil, pend)) return;
  // (views of the frame; a connection keeps copies: the reader reuses its buffers)
  const dcid = c.b.subarray(p + 1, p + 1 + dcil);
  p += 1 + dcil;
  const scil = c.has(p, 1, pend) ? c.u8(p) : -1;
  if (scil < 0 || !c.has(p + 1, scil, pend)) return;
  const scid = c.b.subarray(p + 1, p + 1 + scil);
  p += 1 + scil;
  // the connection learns the client's and the server's IDs, and the Initial keys from the first packet
  if (conn !== null && c.firstPass) {
    if (fromClient && conn.clientCid === null) conn.clientCid = scid.slice();
    if (!fromClient && conn.serverCid === null) conn.serverCid = scid.slice();
    if (type === INITIAL && fromClient && conn.clientKeys === null) {
      const keys = initialKeys(version, dcid);
      if (keys !== null) {
        conn.clientKeys = keys.client;
        conn.serverKeys = keys.server;
      }
    }
  }
  const keys = type === INITIAL && conn !== null ? (fromClient ? conn.clientKeys : conn.serverKeys) : null;
  // the first byte as its header protection leaves it (Initial packets with keys: unprotected)
  const hdr = headerProtection(c, keys, o, pend, type, dcil, scil);
  const first0 = hdr === null ? b0 : hdr.b0;
  const typeName = fieldById(F.packetType).names?.get(type) ?? 'Unknown';
  f.add(F.headerForm, o, 1, 1);
  f.add(F.fixedBit, o, 1, b0 & 0x40);
  f.add(F.packetType, o, 1, type);
  if (hdr !== null) {
    f.add(F.reserved, o, 1, (first0 >> 2) & 3);
    f.add(F.pnLength, o, 1, first0 & 3);
  }
  const vItem = f.add(F.version, o + 1, 4, version);
  if (f.wanted === null) f.setText(vItem, `Version: ${version} (0x${version.toString(16).padStart(8, '0')})`);
  f.add(F.dcil, o + 5, 1, dcil);
  if (dcil > 0) f.add(F.dcid, o + 6, dcil, 0);
  f.add(F.scil, o + 6 + dcil, 1, scil);
  if (scil > 0) f.add(F.scid, o + 7 + dcil, scil, 0);
  if (f.wanted === null) infoPart(c, first, [typeName, dcil > 0 ? `DCID=${hexOf(dcid)}` : '', scil > 0 ? `SCID=${hexOf(scid)}` : ''].filter((s) => s !== '').join(', '));
  if (type === RETRY) return;
  if (type === INITIAL) {
    const t = addVarint(c, F.tokenLength, p, pend);
    if (t === null) return;
    if (t[0] > 0) c.field(F.token, t[1], t[0], pend);
    p = t[1] + t[0];
  }
  const l = addVarint(c, F.length, p, pend);
  if (l === null) return;
  p = l[1];
  if (hdr === null) {
    noSecrets(c);
    if (p < pend) c.field(F.remainingPayload, p, pend - p, pend);
    return;
  }
  const pnLen = (first0 & 3) + 1;
  f.add(F.packetNumber, p, pnLen, hdr.pn);
  if (f.wanted === null) infoPart(c, false, `PKN: ${hdr.pn}`);
  c.field(F.payload, p + pnLen, pend - p - pnLen, pend);
  if (hdr.plain !== null) frames(c, hdr.plain, fromClient);
  else expertInfo(c, X.decryptionFailed, 'Failed to decrypt handshake', Severity.WARN, Group.DECRYPTION);
}

/** "Failed to create decryption context: Secrets are not available" (packet-quic.c). */
function noSecrets(c: Ctx): void {
  expertInfo(c, X.decryptionFailed, NO_SECRETS, Severity.WARN, Group.DECRYPTION);
}

/**
 * Remove an Initial packet's header protection and decrypt its payload (RFC 9001 section 5.4):
 * the unprotected first byte, the packet number and the plaintext (null when it does not
 * authenticate); null for a packet without keys.
 */
function headerProtection(c: Ctx, keys: Keys | null, o: number, pend: number, type: number, dcil: number, scil: number):
  { b0: number; pn: number; plain: Uint8Array | null } | null {
  if (keys === null || type !== INITIAL || pend > c.b.length) return null;
  let p = o + 7 + dcil + scil;
  const t = varint(c, p, pend);
  if (t === null) return null;
  p += t[1] + t[0];
  const l = varint(c, p, pend);
  if (l === null) return null;
  const pnOffset = p + l[1];
  if (pnOffset + 4 + 16 > pend) return null;
  const mask = new Uint8Array(16);
  keys.hp.encryptBlock(c.b.subarray(pnOffset + 4, pnOffset + 20), mask);
  const b0 = c.u8(o) ^ ((mask[0] as number) & 0x0f);
  const pnLen = (b0 & 3) + 1;
  const header = c.b.slice(o, pnOffset + pnLen);
  header[0] = b0;
  let pn = 0;
  for (let k = 0; k < pnLen; k++) {
    const x = c.u8(pnOffset + k) ^ (mask[1 + k] as number);
    header[pnOffset - o + k] = x;
    pn = pn * 256 + x;
  }
  const nonce = keys.iv.slice();
  for (let k = 0; k < 8; k++) nonce[11 - k] = (nonce[11 - k] as number) ^ (Math.floor(pn / 2 ** (8 * k)) & 0xff);
  const plain = aesGcmDecrypt(keys.aes, nonce, header, c.b.subarray(pnOffset + pnLen, Math.min(pnOffset + l[0], pend)));
  return { b0, pn, plain };
}

function shortPacket(c: Ctx, { conn, fromClient }: Side, o: number, pend: number, b0: number, first: boolean): void {
  const f = c.f;
  // the Destination ID is the receiver's: its length is what that side chose
  const dcid = conn === null ? null : fromClient ? conn.serverCid : conn.clientCid;
  const dcil = dcid?.length ?? 0;
  const item = f.add(F.short, o, pend - o);
  if (f.wanted === null && dcil > 0 && c.has(o + 1, dcil, pend)) f.label(item, `QUIC Short Header DCID=${bytesHex(c.b, o + 1, dcil)}`);
  f.push(item);
  f.add(F.headerForm, o, 1, 0);
  f.add(F.fixedBit, o, 1, b0 & 0x40);
  f.add(F.spinBit, o, 1, b0 & 0x20);
  if (dcil > 0) c.field(F.dcid, o + 1, dcil, pend);
  f.pop();
  // (the key phase bit is under header protection, which needs the 1-RTT secrets: packet-quic.c
  // keeps the first byte it could not unprotect as 0, so the phase reads 0)
  if (f.wanted === null) infoPart(c, first, `Protected Payload (KP0)${dcil > 0 && c.has(o + 1, dcil, pend) ? `, DCID=${bytesHex(c.b, o + 1, dcil)}` : ''}`);
  if (conn !== null && c.firstPass && conn.firstShort < 0) conn.firstShort = c.frameNo;
  if (conn !== null && conn.firstShort === c.frameNo) noSecrets(c);
  const p = o + 1 + dcil;
  if (p < pend) c.field(F.remainingPayload, p, pend - p, pend);
}

/** The frames of a decrypted payload, dissected from it as a data source of its own. */
function frames(c: Ctx, plain: Uint8Array, fromClient: boolean): void {
  const f = c.f;
  const savedB = c.b;
  const savedSrc = f.curSrc;
  f.curSrc = f.addSource(`Decrypted QUIC (${plain.length} bytes)`, plain);
  c.b = plain;
  const end = plain.length;
  let o = 0;
  while (o < end && !c.stop) {
    const next = frame(c, o, end, fromClient);
    if (next <= o) break;
    o = next;
  }
  c.b = savedB;
  f.curSrc = savedSrc;
}

/** One frame at o; returns where the next starts (o when it cannot be read). */
function frame(c: Ctx, o: number, end: number, fromClient: boolean): number {
  const f = c.f;
  const t = varint(c, o, end);
  if (t === null) return o;
  const [type, tlen] = t;
  const name = FRAME_TYPES.get(type);
  if (type === 0x00) {
    let p = o;
    while (p < end && c.b[p] === 0) p++;
    const item = f.add(F.frame, o, p - o);
    if (f.wanted === null) f.label(item, `PADDING Length: ${p - o}`);
    f.push(item);
    f.add(F.frameType, o, 1, 0);
    f.add(F.paddingLength, o, 0, p - o, EF.GENERATED);
    f.pop();
    infoPart(c, false, 'PADDING');
    return p;
  }
  if (name === undefined) return o;
  const item = f.add(F.frame, o, 0);
  if (f.wanted === null) f.label(item, name);
  f.push(item);
  f.add(F.frameType, o, tlen, type);
  let p: number | null = o + tlen;
  switch (type) {
    case 0x01:
      break;
    case 0x02:
    case 0x03: {
      p = ack(c, p, end, type === 0x03);
      break;
    }
    case 0x06: {
      const off = addVarint(c, F.cryptoOffset, p, end);
      const len = off === null ? null : addVarint(c, F.cryptoLength, off[1], end);
      if (off === null || len === null || !c.has(len[1], len[0], end)) {
        p = null;
        break;
      }
      f.add(F.cryptoData, len[1], len[0]);
      if (off[0] === 0) tlsHandshake(c, len[1], len[1] + len[0], !fromClient);
      p = len[1] + len[0];
      break;
    }
    case 0x1c:
    case 0x1d: {
      const err = addVarint(c, F.closeError, p, end);
      let q = err?.[1] ?? null;
      if (q !== null && type === 0x1c) q = addVarint(c, F.closeFrameType, q, end)?.[1] ?? null;
      const rl = q === null ? null : addVarint(c, F.closeReasonLength, q, end);
      if (rl === null || !c.has(rl[1], rl[0], end)) {
        p = null;
        break;
      }
      if (rl[0] > 0) f.addStr(F.closeReason, rl[1], rl[0], latin1Text(c.b, rl[1], rl[1] + rl[0]));
      p = rl[1] + rl[0];
      break;
    }
    default:
      p = null;
  }
  f.pop();
  if (p === null) return o;
  f.len[item] = p - o;
  infoPart(c, false, name);
  return p;
}

function ack(c: Ctx, p: number, end: number, ecn: boolean): number | null {
  const largest = addVarint(c, F.largestAcked, p, end);
  const delay = largest && addVarint(c, F.ackDelay, largest[1], end);
  const count = delay && addVarint(c, F.ackRangeCount, delay[1], end);
  const firstRange = count && addVarint(c, F.firstAckRange, count[1], end);
  if (!firstRange || !count) return null;
  let q = firstRange[1];
  for (let k = 0; k < count[0]; k++) {
    const gap = addVarint(c, F.gap, q, end);
    const range = gap && addVarint(c, F.ackRange, gap[1], end);
    if (!range) return null;
    q = range[1];
  }
  if (ecn) {
    for (const id of [F.ect0, F.ect1, F.ecnCe]) {
      const v = addVarint(c, id, q, end);
      if (!v) return null;
      q = v[1];
    }
  }
  return q;
}

/** The TLS handshake messages a CRYPTO frame carries, under a TLS item titled as their record
 *  ("TLSv1.3 Record Layer: Handshake Protocol: Client Hello": protocol-summary.ts). QUIC keeps the
 *  Protocol and Info columns: TLS writes neither. */
function tlsHandshake(c: Ctx, o: number, end: number, server: boolean): void {
  const info = c.colInfo;
  const sep = c.colInfoSep;
  const proto = c.colProtocol;
  c.proto(TLS.tls, o, end);
  // (QUIC carries TLS 1.3: no time in the randoms)
  const session = newSession();
  session.version = TLSV1_3;
  dissectHandshake(c, session, -1, o, end, TLSV1_3, server);
  c.f.pop();
  c.colInfo = info;
  c.colInfoSep = sep;
  c.colProtocol = proto;
}

registerDissector('quic', dissectQuic);
bind('udp.port', 443, 'quic');
