// The SignedCertificateTimestampList extension (RFC 6962 section 3.3), as Wireshark 4.0 shows it:
// x509ce hands the OCTET STRING's contents to TLS's tls_dissect_sct_list (a tls layer of
// frame.protocols), which reads them as the TLS structures they are:
//
//   opaque SerializedSCT<1..2^16-1>;
//   struct { SerializedSCT sct_list <1..2^16-1>; } SignedCertificateTimestampList;
//   struct { Version sct_version; LogID id; uint64 timestamp; CtExtensions extensions;
//            digitally-signed struct { … } } SignedCertificateTimestamp;   (RFC 6962 section 3.2)
//
// Each SCT's line names its log by its ID (x509-ct-logs.ts, tshark's table) or "Unknown Log". Read
// here: v1 SCTs without extensions, each length exact, a signature present; sctList() says false
// for any other list and the certificate keeps its one line.

import { FT, fieldById, registerFields } from '../fields/registry.ts';
import { WS } from '../fields/field-list.ts';
import type { Ctx } from './context.ts';
// (tls-handshake.ts imports x509.ts, which reaches this file: H is read only when a list is shown)
import { H } from './tls-handshake.ts';
import { addAbsTime } from './time-fields.ts';
import type { El } from './x509-ber.ts';
import { CT_LOGS } from './x509-ct-logs.ts';

const S = registerFields({
  sctsLength: { name: 'tls.sct.scts_length', label: 'Serialized SCT List Length', type: FT.UINT, bits: 16 },
  sctLength: { name: 'tls.sct.sct_length', label: 'Serialized SCT Length', type: FT.UINT, bits: 16 },
  version: { name: 'tls.sct.sct_version', label: 'SCT Version', type: FT.UINT, bits: 8 },
  logId: { name: 'tls.sct.sct_logid', label: 'Log ID', type: FT.BYTES },
  timestamp: { name: 'tls.sct.sct_timestamp', label: 'Timestamp', type: FT.ABSOLUTE_TIME },
  extensionsLength: { name: 'tls.sct.sct_extensions_length', label: 'Extensions length', type: FT.UINT, bits: 16 },
  signatureLength: { name: 'tls.sct.sct_signature_length', label: 'Signature Length', type: FT.UINT, bits: 16 },
  signature: { name: 'tls.sct.sct_signature', label: 'Signature', type: FT.BYTES },
});

const LOGS = new Map(CT_LOGS);
/** Version, log ID, timestamp, extensions' length, signature algorithm, signature's length. */
const LOG_ID = 1;
const TIMESTAMP = LOG_ID + 32;
const EXTENSIONS_LENGTH = TIMESTAMP + 8;
const SIGNATURE_ALGORITHM = EXTENSIONS_LENGTH + 2;
const SIGNATURE_LENGTH = SIGNATURE_ALGORITHM + 2;
const SIGNATURE = SIGNATURE_LENGTH + 2;

const u16 = (b: Uint8Array, o: number): number => ((b[o] as number) << 8) | (b[o + 1] as number);

/** Whether b[o, end) is an SCT list of v1 SCTs read here. */
export function sctList(b: Uint8Array, o: number, end: number): boolean {
  if (end - o < 2 || o + 2 + u16(b, o) !== end || end === o + 2) return false;
  for (let p = o + 2; p < end; ) {
    if (end - p < 2) return false;
    const n = u16(b, p);
    const s = p + 2;
    if (s + n > end || n < SIGNATURE || b[s] !== 0 || u16(b, s + EXTENSIONS_LENGTH) !== 0) return false;
    // (milliseconds as an exact number: the high word below 2^21)
    if (u16(b, s + TIMESTAMP) > 0x1f) return false;
    const sig = u16(b, s + SIGNATURE_LENGTH);
    if (sig === 0 || SIGNATURE + sig !== n) return false;
    p = s + n;
  }
  return true;
}

/** The SCT list in OCTET STRING `v` (sctList() said yes): its length, then each SCT. */
export function sctListItems(c: Ctx, v: El): void {
  const f = c.f;
  const b = c.b;
  f.add(S.sctsLength, v.value, 2, u16(b, v.value));
  for (let p = v.value + 2; p < v.end; ) {
    const n = u16(b, p);
    const s = p + 2;
    f.push(f.text(p, 2 + n, c.wants(WS.text) ? `Signed Certificate Timestamp (${LOGS.get(hex(b, s + LOG_ID, 32)) ?? 'Unknown Log'})` : ''));
    f.add(S.sctLength, p, 2, n);
    f.add(S.version, s, 1, 0);
    f.add(S.logId, s + LOG_ID, 32);
    const ms = u16(b, s + TIMESTAMP) * 2 ** 48 + u16(b, s + TIMESTAMP + 2) * 2 ** 32 + u16(b, s + TIMESTAMP + 4) * 65536 + u16(b, s + TIMESTAMP + 6);
    addAbsTime(f, S.timestamp, s + TIMESTAMP, 8, Math.floor(ms / 1000), (ms % 1000) * 1e6);
    f.add(S.extensionsLength, s + EXTENSIONS_LENGTH, 2, 0);
    signatureAlgorithm(c, s + SIGNATURE_ALGORITHM);
    const sig = u16(b, s + SIGNATURE_LENGTH);
    f.add(S.signatureLength, s + SIGNATURE_LENGTH, 2, sig);
    f.add(S.signature, s + SIGNATURE, sig);
    f.pop();
    p = s + n;
  }
}

/** tls_dissect_signature_algorithm: one TLS does not name is written "SHA224 ECDSA (0x0303)". */
function signatureAlgorithm(c: Ctx, p: number): void {
  const f = c.f;
  const v = u16(c.b, p);
  const item = f.add(H.sigHashAlg, p, 2, v);
  if (f.wanted === null && item >= 0 && fieldById(H.sigHashAlg).names?.has(v) !== true) {
    const hash = fieldById(H.sigHashHash).names?.get(v >> 8) ?? 'Unknown';
    const sig = fieldById(H.sigHashSig).names?.get(v & 0xff) ?? 'Unknown';
    f.setText(item, `Signature Algorithm: ${hash} ${sig} (0x${v.toString(16).padStart(4, '0')})`);
  }
  f.push(item);
  f.add(H.sigHashHash, p, 1, v >> 8);
  f.add(H.sigHashSig, p + 1, 1, v & 0xff);
  f.pop();
}

function hex(b: Uint8Array, o: number, n: number): string {
  let s = '';
  for (let k = o; k < o + n; k++) s += (b[k] as number).toString(16).padStart(2, '0');
  return s;
}
