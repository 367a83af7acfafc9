// TLS 1.2-and-before Server Key Exchange and Client Key Exchange bodies (packet-tls-utils.c's
// ssl_dissect_hnd_srv_keyex / ssl_dissect_hnd_cli_keyex, Wireshark 4.0). Their layout depends on
// the key exchange of the cipher suite the Server Hello chose (ssl_get_keyex_alg): (EC)DH server
// params with a signature, PSK hints and identities, an RSA-encrypted premaster secret. Suites
// Wireshark has no key exchange for (TLS 1.3's, GOST, ...) leave the message with its type and
// length only, as do the kinds it does not dissect (DHE_PSK, ECDHE_PSK, KRB5, SRP, ECJPAKE).

import { WS } from '../fields/field-list.ts';
import { Base, FT, names, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { CIPHER_SUITES, SUPPORTED_GROUPS } from './tls-names.ts';
import { SSLV3, TLSV1_2, TLSV1_3 } from './tls-state.ts';

export const K = registerFields({
  curveType: { name: 'tls.handshake.server_curve_type', label: 'Curve Type', type: FT.UINT, base: Base.HEX, bits: 8,
    names: names([[1, 'explicit_prime'], [2, 'explicit_char2'], [3, 'named_curve']]), unknownName: true },
  namedCurve: { name: 'tls.handshake.server_named_curve', label: 'Named Curve', type: FT.UINT, base: Base.HEX, bits: 16, names: names(SUPPORTED_GROUPS), unknownName: true },
  serverPointLen: { name: 'tls.handshake.server_point_len', label: 'Pubkey Length', type: FT.UINT, bits: 8 },
  serverPoint: { name: 'tls.handshake.server_point', label: 'Pubkey', type: FT.BYTES },
  pLen: { name: 'tls.handshake.p_len', label: 'p Length', type: FT.UINT, bits: 16 },
  p: { name: 'tls.handshake.p', label: 'p', type: FT.BYTES },
  gLen: { name: 'tls.handshake.g_len', label: 'g Length', type: FT.UINT, bits: 16 },
  g: { name: 'tls.handshake.g', label: 'g', type: FT.BYTES },
  ysLen: { name: 'tls.handshake.ys_len', label: 'Pubkey Length', type: FT.UINT, bits: 16 },
  ys: { name: 'tls.handshake.ys', label: 'Pubkey', type: FT.BYTES },
  modulusLen: { name: 'tls.handshake.modulus_len', label: 'Modulus Length', type: FT.UINT, bits: 16 },
  modulus: { name: 'tls.handshake.modulus', label: 'Modulus', type: FT.BYTES },
  exponentLen: { name: 'tls.handshake.exponent_len', label: 'Exponent Length', type: FT.UINT, bits: 16 },
  exponent: { name: 'tls.handshake.exponent', label: 'Exponent', type: FT.BYTES },
  hintLen: { name: 'tls.handshake.hint_len', label: 'Hint Length', type: FT.UINT, bits: 16 },
  hint: { name: 'tls.handshake.hint', label: 'Hint', type: FT.BYTES },
  sigLen: { name: 'tls.handshake.sig_len', label: 'Signature Length', type: FT.UINT, bits: 16 },
  sig: { name: 'tls.handshake.sig', label: 'Signature', type: FT.BYTES },
  clientPointLen: { name: 'tls.handshake.client_point_len', label: 'Pubkey Length', type: FT.UINT, bits: 8 },
  clientPoint: { name: 'tls.handshake.client_point', label: 'Pubkey', type: FT.BYTES },
  ycLen: { name: 'tls.handshake.yc_len', label: 'Pubkey Length', type: FT.UINT, bits: 16 },
  yc: { name: 'tls.handshake.yc', label: 'Pubkey', type: FT.BYTES },
  identityLen: { name: 'tls.handshake.identity_len', label: 'Identity Length', type: FT.UINT, bits: 16 },
  identity: { name: 'tls.handshake.identity', label: 'Identity', type: FT.BYTES },
  epmsLen: { name: 'tls.handshake.epms_len', label: 'Encrypted PreMaster length', type: FT.UINT, bits: 16 },
  epms: { name: 'tls.handshake.epms', label: 'Encrypted PreMaster', type: FT.BYTES },
});

/** ssl_get_keyex_alg's results (the KEX_* of packet-tls-utils.h this file tells apart). */
const enum Kex {
  NONE, DH_ANON, DH_DSS, DH_RSA, DHE_DSS, DHE_RSA, DHE_PSK, ECDH_ANON, ECDH_ECDSA, ECDH_RSA,
  ECDHE_ECDSA, ECDHE_RSA, ECDHE_PSK, KRB5, PSK, RSA, RSA_PSK, OTHER,
}

const KEX_BY_NAME = new Map<string, Kex>([
  ['DH_anon', Kex.DH_ANON], ['DH_DSS', Kex.DH_DSS], ['DH_RSA', Kex.DH_RSA], ['DHE_DSS', Kex.DHE_DSS],
  ['DHE_RSA', Kex.DHE_RSA], ['DHE_PSK', Kex.DHE_PSK], ['PSK_DHE', Kex.DHE_PSK], ['ECDH_anon', Kex.ECDH_ANON],
  ['ECDH_ECDSA', Kex.ECDH_ECDSA], ['ECDH_RSA', Kex.ECDH_RSA], ['ECDHE_ECDSA', Kex.ECDHE_ECDSA],
  ['ECDHE_RSA', Kex.ECDHE_RSA], ['ECDHE_PSK', Kex.ECDHE_PSK], ['KRB5', Kex.KRB5], ['PSK', Kex.PSK],
  ['RSA', Kex.RSA], ['RSA_PSK', Kex.RSA_PSK], ['SRP_SHA', Kex.OTHER], ['SRP_SHA_DSS', Kex.OTHER],
  ['SRP_SHA_RSA', Kex.OTHER], ['ECJPAKE', Kex.OTHER],
]);

/**
 * ssl_get_keyex_alg as a table: the key exchange named before "_WITH_" in the suite's name
 * (TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256: ECDHE_RSA; export and FIPS variants count as their
 * base). Wireshark's own list leaves out the ARIA suites (but for TLS_PSK_WITH_ARIA_*_CBC_*,
 * 0xc064 and 0xc065), the pre-RFC ChaCha20 codes 0xcc13-0xcc15 and the draft ECDHE_PSK codes
 * 0xd001-0xd005. (Checked against its switch: the same 299 suites, the same key exchanges.)
 */
const KEX = new Map<number, Kex>();
for (const [suite, name] of CIPHER_SUITES) {
  const m = /^(?:TLS|SSL)_(.+?)(?:_EXPORT1024|_EXPORT|_FIPS)?_WITH_/.exec(name);
  if (m === null || (name.includes('_ARIA_') && suite !== 0xc064 && suite !== 0xc065) || (suite >= 0xcc13 && suite <= 0xcc15) || (suite >= 0xd001 && suite <= 0xd005)) continue;
  const kex = KEX_BY_NAME.get(m[1] as string);
  if (kex !== undefined) KEX.set(suite, kex);
}

/** The signature of a Server Key Exchange's algorithm (one signature-algorithm item and its
 *  hash / signature bytes: tls_dissect_signature_algorithm). */
export type SignatureAlgorithm = (c: Ctx, o: number, end: number) => void;

/** ssl_dissect_hnd_srv_keyex: the body [o, end) of a Server Key Exchange. */
export function serverKeyExchange(c: Ctx, cipher: number, version: number, o: number, end: number, sigAlg: SignatureAlgorithm): void {
  switch (KEX.get(cipher) ?? Kex.NONE) {
    case Kex.DH_ANON:
      serverDh(c, version, o, end, true, sigAlg);
      break;
    case Kex.DHE_DSS:
    case Kex.DHE_RSA:
      serverDh(c, version, o, end, false, sigAlg);
      break;
    case Kex.ECDH_ANON:
      serverEcdh(c, version, o, end, true, sigAlg);
      break;
    case Kex.ECDH_ECDSA:
    case Kex.ECDH_RSA:
    case Kex.ECDHE_ECDSA:
    case Kex.ECDHE_RSA:
      serverEcdh(c, version, o, end, false, sigAlg);
      break;
    case Kex.PSK:
    case Kex.RSA_PSK:
      serverPsk(c, o, end);
      break;
    case Kex.RSA:
      serverRsa(c, version, o, end, sigAlg);
      break;
    default:
  }
}

/** ssl_dissect_hnd_cli_keyex: the body [o, end) of a Client Key Exchange. */
export function clientKeyExchange(c: Ctx, cipher: number, version: number, o: number, end: number): void {
  switch (KEX.get(cipher) ?? Kex.NONE) {
    case Kex.DH_ANON:
    case Kex.DH_DSS:
    case Kex.DH_RSA:
    case Kex.DHE_DSS:
    case Kex.DHE_RSA:
      subtree(c, o, end, 'Diffie-Hellman Client Params', () => vector(c, K.ycLen, 2, K.yc, o, end));
      break;
    case Kex.ECDH_ANON:
    case Kex.ECDH_ECDSA:
    case Kex.ECDH_RSA:
    case Kex.ECDHE_ECDSA:
    case Kex.ECDHE_RSA:
      subtree(c, o, end, 'EC Diffie-Hellman Client Params', () => vector(c, K.clientPointLen, 1, K.clientPoint, o, end));
      break;
    case Kex.PSK:
      subtree(c, o, end, 'PSK Client Params', () => vector(c, K.identityLen, 2, K.identity, o, end));
      break;
    case Kex.RSA:
      subtree(c, o, end, 'RSA Encrypted PreMaster Secret', () => {
        // SSLv3 (and pre-0.9.8f OpenSSL DTLS) has no length before the encrypted secret
        if (version === SSLV3) c.field(K.epms, o, end - o, end);
        else vector(c, K.epmsLen, 2, K.epms, o, end);
      });
      break;
    case Kex.RSA_PSK:
      subtree(c, o, end, 'RSA PSK Client Params', () => {
        const p = vector(c, K.identityLen, 2, K.identity, o, end);
        if (p >= 0) vector(c, K.epmsLen, 2, K.epms, p, end);
      });
      break;
    default:
  }
}

/** A titled subtree over [o, end) holding what `body` adds (proto_tree_add_subtree: a text line). */
function subtree(c: Ctx, o: number, end: number, title: string, body: () => void): void {
  const f = c.f;
  f.push(c.wants(WS.text) ? f.text(o, end - o, title) : -1);
  body();
  f.pop();
}

/** A length of `lenSize` bytes then that many bytes of `id` (proto_tree_add_item of both, no
 *  check against the message's end beyond the bytes'); returns the offset after them, or -1. */
function vector(c: Ctx, lenId: number, lenSize: number, id: number, o: number, end: number): number {
  const n = c.uint(lenId, o, lenSize, end);
  if (n < 0 || !c.field(id, o + lenSize, n, end)) return -1;
  return o + lenSize + n;
}

/** dissect_ssl3_hnd_srv_keyex_ecdh: "EC Diffie-Hellman Server Params". */
function serverEcdh(c: Ctx, version: number, o: number, end: number, anon: boolean, sigAlg: SignatureAlgorithm): void {
  subtree(c, o, end, 'EC Diffie-Hellman Server Params', () => {
    const type = c.uint(K.curveType, o, 1, end);
    // only named curves are dissected
    if (type !== 3) return;
    if (c.uint(K.namedCurve, o + 1, 2, end) < 0) return;
    const p = vector(c, K.serverPointLen, 1, K.serverPoint, o + 3, end);
    if (p >= 0 && !anon) signature(c, version, p, end, sigAlg);
  });
}

/** dissect_ssl3_hnd_srv_keyex_dhe: "Diffie-Hellman Server Params" (p, g, Ys). */
function serverDh(c: Ctx, version: number, o: number, end: number, anon: boolean, sigAlg: SignatureAlgorithm): void {
  subtree(c, o, end, 'Diffie-Hellman Server Params', () => {
    let p = vector(c, K.pLen, 2, K.p, o, end);
    if (p >= 0) p = vector(c, K.gLen, 2, K.g, p, end);
    if (p >= 0) p = vector(c, K.ysLen, 2, K.ys, p, end);
    if (p >= 0 && !anon) signature(c, version, p, end, sigAlg);
  });
}

/** dissect_ssl3_hnd_srv_keyex_rsa: the RSA-EXPORT suites' temporary key. */
function serverRsa(c: Ctx, version: number, o: number, end: number, sigAlg: SignatureAlgorithm): void {
  subtree(c, o, end, 'RSA-EXPORT Server Params', () => {
    let p = vector(c, K.modulusLen, 2, K.modulus, o, end);
    if (p >= 0) p = vector(c, K.exponentLen, 2, K.exponent, p, end);
    if (p >= 0) signature(c, version, p, end, sigAlg);
  });
}

/** dissect_ssl3_hnd_srv_keyex_psk: the hint, only when its length fills the message. */
function serverPsk(c: Ctx, o: number, end: number): void {
  if (end - o < 2 || 2 + c.u16(o) !== end - o) return;
  subtree(c, o, end, 'PSK Server Params', () => vector(c, K.hintLen, 2, K.hint, o, end));
}

/** ssl_dissect_digitally_signed: TLS 1.2's signature algorithm, then the signature vector
 *  (ssl_add_vector: no length if not even its two bytes are left; a length past the end is
 *  cut to it). */
function signature(c: Ctx, version: number, o: number, end: number, sigAlg: SignatureAlgorithm): void {
  if (version === TLSV1_2 || version === TLSV1_3) {
    sigAlg(c, o, end);
    o += 2;
  }
  if (c.stop || o > end || end - o < 2) return;
  const n = c.uint(K.sigLen, o, 2, end);
  if (n < 0) return;
  c.field(K.sig, o + 2, Math.min(n, end - o - 2), end);
}
