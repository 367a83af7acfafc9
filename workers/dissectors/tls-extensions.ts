// TLS handshake pieces beside tls-handshake.ts's: the status_request and compress_certificate
// extensions, QUIC's transport parameters (RFC 9000 section 18, the quic_transport_parameters
// extension a QUIC Client or Server Hello carries), and the JA3 / JA3S fingerprints packet-tls-utils.c
// appends to a Client and Server Hello.

import { EF } from '../fields/field-list.ts';
import { FT, names, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { md5Hex } from './md5.ts';
import { readVarint } from './quic-varint.ts';

const u64 = (name: string, label: string) => ({ name, label, type: FT.UINT, bits: 64 }) as const;

export const E = registerFields({
  statusType: { name: 'tls.handshake.extensions_status_request_type', label: 'Certificate Status Type', type: FT.UINT, bits: 8, names: names([[1, 'OCSP'], [2, 'OCSP Multi']]) },
  responderIdsLen: { name: 'tls.handshake.extensions_status_request_responder_ids_len', label: 'Responder ID list Length', type: FT.UINT, bits: 16 },
  requestExtsLen: { name: 'tls.handshake.extensions_status_request_exts_len', label: 'Request Extensions Length', type: FT.UINT, bits: 16 },
  compressAlgorithmsLen: { name: 'tls.compress_certificate.algorithms_length', label: 'Algorithms Length', type: FT.UINT, bits: 8 },
  compressAlgorithm: { name: 'tls.compress_certificate.algorithm', label: 'Algorithm', type: FT.UINT, bits: 16, names: names([[1, 'zlib'], [2, 'brotli'], [3, 'zstd']]) },
  quicParameter: { name: 'tls.quic.parameter', label: 'Parameter', type: FT.NONE },
  quicParamType: { name: 'tls.quic.parameter.type', label: 'Type', type: FT.UINT, bits: 64 },
  quicParamLength: u64('tls.quic.parameter.length', 'Length'),
  quicParamValue: { name: 'tls.quic.parameter.value', label: 'Value', type: FT.BYTES },
  originalDcid: { name: 'tls.quic.parameter.original_destination_connection_id', label: 'original_destination_connection_id', type: FT.BYTES },
  maxIdleTimeout: u64('tls.quic.parameter.max_idle_timeout', 'max_idle_timeout'),
  statelessResetToken: { name: 'tls.quic.parameter.stateless_reset_token', label: 'stateless_reset_token', type: FT.BYTES },
  maxUdpPayloadSize: u64('tls.quic.parameter.max_udp_payload_size', 'max_udp_payload_size'),
  initialMaxData: u64('tls.quic.parameter.initial_max_data', 'initial_max_data'),
  maxStreamDataBidiLocal: u64('tls.quic.parameter.initial_max_stream_data_bidi_local', 'initial_max_stream_data_bidi_local'),
  maxStreamDataBidiRemote: u64('tls.quic.parameter.initial_max_stream_data_bidi_remote', 'initial_max_stream_data_bidi_remote'),
  maxStreamDataUni: u64('tls.quic.parameter.initial_max_stream_data_uni', 'initial_max_stream_data_uni'),
  maxStreamsBidi: u64('tls.quic.parameter.initial_max_streams_bidi', 'initial_max_streams_bidi'),
  maxStreamsUni: u64('tls.quic.parameter.initial_max_streams_uni', 'initial_max_streams_uni'),
  ackDelayExponent: u64('tls.quic.parameter.ack_delay_exponent', 'ack_delay_exponent'),
  maxAckDelay: u64('tls.quic.parameter.max_ack_delay', 'max_ack_delay'),
  activeCidLimit: u64('tls.quic.parameter.active_connection_id_limit', 'Active Connection ID Limit'),
  initialScid: { name: 'tls.quic.parameter.initial_source_connection_id', label: 'Initial Source Connection ID', type: FT.BYTES },
  retryScid: { name: 'tls.quic.parameter.retry_source_connection_id', label: 'Retry Source Connection ID', type: FT.BYTES },
  maxDatagramFrameSize: u64('tls.quic.parameter.max_datagram_frame_size', 'max_datagram_frame_size'),
  ja3Full: { name: 'tls.handshake.ja3_full', label: 'JA3 Fullstring', type: FT.STRING },
  ja3: { name: 'tls.handshake.ja3', label: 'JA3', type: FT.STRING },
  ja3sFull: { name: 'tls.handshake.ja3s_full', label: 'JA3S Fullstring', type: FT.STRING },
  ja3s: { name: 'tls.handshake.ja3s', label: 'JA3S', type: FT.STRING },
});

export function statusRequest(c: Ctx, o: number, end: number): void {
  if (c.uint(E.statusType, o, 1, end) < 0) return;
  const ids = c.uint(E.responderIdsLen, o + 1, 2, end);
  if (ids < 0) return;
  c.uint(E.requestExtsLen, o + 3 + ids, 2, end);
}

export function compressCertificate(c: Ctx, o: number, end: number): void {
  const n = c.uint(E.compressAlgorithmsLen, o, 1, end);
  for (let k = 0; k + 2 <= n && !c.stop; k += 2) c.uint(E.compressAlgorithm, o + 1 + k, 2, end);
}

/** Transport parameters by id: their name, the field of their value, and how it reads. */
const PARAMETERS = new Map<number, readonly [string, number, 'int' | 'ms' | 'bytes' | 'none']>([
  [0x00, ['original_destination_connection_id', E.originalDcid, 'bytes']],
  [0x01, ['max_idle_timeout', E.maxIdleTimeout, 'ms']],
  [0x02, ['stateless_reset_token', E.statelessResetToken, 'bytes']],
  [0x03, ['max_udp_payload_size', E.maxUdpPayloadSize, 'int']],
  [0x04, ['initial_max_data', E.initialMaxData, 'int']],
  [0x05, ['initial_max_stream_data_bidi_local', E.maxStreamDataBidiLocal, 'int']],
  [0x06, ['initial_max_stream_data_bidi_remote', E.maxStreamDataBidiRemote, 'int']],
  [0x07, ['initial_max_stream_data_uni', E.maxStreamDataUni, 'int']],
  [0x08, ['initial_max_streams_bidi', E.maxStreamsBidi, 'int']],
  [0x09, ['initial_max_streams_uni', E.maxStreamsUni, 'int']],
  [0x0a, ['ack_delay_exponent', E.ackDelayExponent, 'int']],
  [0x0b, ['max_ack_delay', E.maxAckDelay, 'ms']],
  [0x0c, ['disable_active_migration', -1, 'none']],
  [0x0e, ['active_connection_id_limit', E.activeCidLimit, 'int']],
  [0x0f, ['initial_source_connection_id', E.initialScid, 'bytes']],
  [0x10, ['retry_source_connection_id', E.retryScid, 'bytes']],
  [0x20, ['max_datagram_frame_size', E.maxDatagramFrameSize, 'int']],
]);


/** quic_transport_parameters: each parameter's line ("Parameter: max_idle_timeout (len=4) 30000
 *  ms"), type, length, value bytes and the value read as its kind. */
export function quicTransportParameters(c: Ctx, o: number, end: number): void {
  const f = c.f;
  const b = c.b;
  const stop = Math.min(end, b.length);
  while (o < stop && !c.stop) {
    const t = readVarint(b, o, stop);
    const l = t && readVarint(b, o + t[1], stop);
    if (!t || !l) return;
    const v = o + t[1] + l[1];
    const len = l[0];
    if (!c.has(v, len, end)) return;
    const [name, id, kind] = PARAMETERS.get(t[0]) ?? [`Unknown 0x${t[0].toString(16).padStart(2, '0')}`, -1, 'none'];
    const value = kind === 'int' || kind === 'ms' ? readVarint(b, v, v + len)?.[0] : undefined;
    const item = f.add(E.quicParameter, o, v + len - o);
    if (f.wanted === null) f.label(item, `Parameter: ${name} (len=${len})${value === undefined ? '' : ` ${value}${kind === 'ms' ? ' ms' : ''}`}`);
    f.push(item);
    const ti = f.add(E.quicParamType, o, t[1], t[0]);
    if (f.wanted === null) f.setText(ti, `Type: ${name} (0x${t[0].toString(16).padStart(2, '0')})`);
    f.add(E.quicParamLength, o + t[1], l[1], len);
    f.add(E.quicParamValue, v, len, 0);
    if (id >= 0) {
      if (kind === 'bytes') f.add(id, v, len, 0);
      else if (value !== undefined) f.add(id, v, len, value);
    }
    f.pop();
    o = v + len;
  }
}

/** GREASE values (RFC 8701): 0x?a?a with both bytes equal. */
const grease = (v: number): boolean => (v & 0x0f0f) === 0x0a0a && v >> 8 === (v & 0xff);

/**
 * The JA3 fingerprint of a Client Hello or JA3S of a Server Hello: the legacy version, the cipher
 * suites, the extension types (and for JA3 the supported groups and point formats), GREASE values
 * left out of JA3, joined as packet-tls-utils.c joins them, then their MD5 ("[JA3: …]").
 */
export function fingerprint(c: Ctx, client: boolean, o: number, version: number, suites: number[], extStart: number, extEnd: number): void {
  const f = c.f;
  const b = c.b;
  const exts: number[] = [];
  let groups: number[] = [];
  let formats: number[] = [];
  for (let p = extStart; p + 4 <= extEnd; ) {
    const t = ((b[p] as number) << 8) | (b[p + 1] as number);
    const l = ((b[p + 2] as number) << 8) | (b[p + 3] as number);
    if (!(client && grease(t))) exts.push(t);
    if (t === 10 && l >= 2) {
      const n = ((b[p + 4] as number) << 8) | (b[p + 5] as number);
      groups = [];
      for (let k = 0; k + 2 <= n && p + 6 + k + 2 <= extEnd; k += 2) groups.push(((b[p + 6 + k] as number) << 8) | (b[p + 7 + k] as number));
    } else if (t === 11 && l >= 1) {
      const n = b[p + 4] as number;
      formats = [];
      for (let k = 0; k < n && p + 5 + k < extEnd; k++) formats.push(b[p + 5 + k] as number);
    }
    p += 4 + l;
  }
  const keep = (list: number[]): string => list.filter((v) => !grease(v)).join('-');
  const full = client
    ? `${version},${keep(suites)},${exts.join('-')},${keep(groups)},${formats.join('-')}`
    : `${version},${suites.join('-')},${exts.join('-')}`;
  const hash = md5Hex(Uint8Array.from(full, (ch) => ch.charCodeAt(0)));
  f.addStr(client ? E.ja3Full : E.ja3sFull, o, 0, full, EF.GENERATED);
  f.addStr(client ? E.ja3 : E.ja3s, o, 0, hash, EF.GENERATED);
}
