// TLS's state per TCP stream (the parts of Wireshark's SslSession a dissector without keys uses):
// the version both sides settled on, which side is the server, and each side's Change Cipher Spec
// frame (after it, that side's handshake messages are encrypted). Made only when a record is seen,
// so the many port-443 segments that are not TLS cost a Map lookup and no memory. Written by the
// first pass; a later pass reads the final state, as tshark's second pass does: every frame of a
// TLS 1.3 session shows "TLSv1.3", its Client Hello included.

import { perCapture } from '../analysis/per-capture.ts';

/** Record and handshake versions (packet-tls-utils.h). */
export const SSLV3 = 0x300;
export const TLSV1 = 0x301;
export const TLSV1_1 = 0x302;
export const TLSV1_2 = 0x303;
export const TLSV1_3 = 0x304;
export const UNKNOWN_VERSION = 0;

export interface TlsSession {
  /** The session's version (UNKNOWN_VERSION until a message other than a Client Hello sets it). */
  version: number;
  /** The server's TCP port (0: not known; its Client Hello's destination port once seen). */
  serverPort: number;
  clientCcsFrame: number;
  serverCcsFrame: number;
  /** The cipher suite the Server Hello chose (0: none seen): it says how the key exchange
   *  messages read. */
  cipher: number;
  /** The protocol the Server Hello's ALPN extension chose, by its dissector's name ('': none). */
  appName: string;
}

/** The sessions of a capture by TCP stream. */
export const tlsSessions = perCapture(() => new Map<number, TlsSession>());

export function newSession(): TlsSession {
  return { version: UNKNOWN_VERSION, serverPort: 0, clientCcsFrame: 0, serverCcsFrame: 0, cipher: 0, appName: '' };
}

/** ssl_version_short_names: the Protocol column and record labels ("TLSv1.2"). */
export function shortName(version: number): string | undefined {
  switch (version) {
    case 0x0002:
      return 'SSLv2';
    case SSLV3:
      return 'SSLv3';
    case TLSV1:
      return 'TLSv1';
    case TLSV1_1:
      return 'TLSv1.1';
    case TLSV1_2:
      return 'TLSv1.2';
    case TLSV1_3:
      return 'TLSv1.3';
    case 0xfeff:
      return 'DTLSv1.0';
    case 0xfefd:
      return 'DTLSv1.2';
    default:
      return undefined;
  }
}

/** tls_try_get_version: a version the session can take (TLS 1.3 drafts count as TLS 1.3), or
 *  UNKNOWN_VERSION. */
export function sessionVersion(v: number): number {
  if (v === SSLV3 || v === TLSV1 || v === TLSV1_1 || v === TLSV1_2 || v === TLSV1_3) return v;
  if ((v >> 8) === 0x7f || v === 0xfb17 || v === 0xfb1a) return TLSV1_3;
  return UNKNOWN_VERSION;
}
