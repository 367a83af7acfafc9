// SCTP, minimally (RFC 9260 sections 3.1-3.3.1; Wireshark packet-sctp.c): the common header and
// each chunk's type, flags and length; DATA chunks also show their TSN (relative to the first one
// seen for the verification tag, as Wireshark's relative TSNs), stream and payload protocol, and
// their user data is handed over as `data` (no upper protocols are registered here).
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |     Source Port Number        |     Destination Port Number   |
//   |                      Verification Tag                         |
//   |                           Checksum                            |
//   |   Chunk Type  | Chunk  Flags  |        Chunk Length           |  (repeated)
//
// "Chunk Length ... does not count any chunk padding" and chunks are padded to 4 bytes (3.2).

import { Base, FT, names, registerFields } from '../fields/registry.ts';
import { EF } from '../fields/field-list.ts';
import type { Ctx } from './context.ts';
import { Status } from './context.ts';
import { dissectData } from './data.ts';
import { bind, registerDissector } from './tables.ts';

const SPORT = 0;
const DPORT = 2;
const VTAG = 4;
const CSUM = 8;
export const SCTP_HEADER_LEN = CSUM + 4;
const CHUNK_HEADER_LEN = 4;
const DATA_HEADER_LEN = 16;

const CHUNK_TYPES = names([
  [0, 'DATA'], [1, 'INIT'], [2, 'INIT_ACK'], [3, 'SACK'], [4, 'HEARTBEAT'], [5, 'HEARTBEAT_ACK'], [6, 'ABORT'],
  [7, 'SHUTDOWN'], [8, 'SHUTDOWN_ACK'], [9, 'ERROR'], [10, 'COOKIE_ECHO'], [11, 'COOKIE_ACK'], [14, 'SHUTDOWN_COMPLETE'],
  [15, 'AUTH'], [64, 'I_DATA'], [128, 'ASCONF_ACK'], [130, 'RE_CONFIG'], [132, 'PAD'], [192, 'FORWARD_TSN'], [193, 'ASCONF'],
]);
const PPIDS = names([[0, 'not specified'], [1, 'IUA'], [2, 'M2UA'], [3, 'M3UA'], [4, 'SUA'], [5, 'M2PA'], [46, 'Diameter'], [60, 'NGAP']]);

export const F = registerFields({
  sctp: { name: 'sctp', label: 'Stream Control Transmission Protocol', type: FT.PROTOCOL },
  srcport: { name: 'sctp.srcport', label: 'Source port', type: FT.UINT, bits: 16 },
  dstport: { name: 'sctp.dstport', label: 'Destination port', type: FT.UINT, bits: 16 },
  vtag: { name: 'sctp.verification_tag', label: 'Verification tag', type: FT.UINT, base: Base.HEX },
  port: { name: 'sctp.port', label: 'Port', type: FT.UINT, bits: 16 },
  assocIndex: { name: 'sctp.assoc_index', label: 'Association index', type: FT.UINT, bits: 16 },
  checksum: { name: 'sctp.checksum', label: 'Checksum', type: FT.UINT, base: Base.HEX },
  checksumStatus: { name: 'sctp.checksum.status', label: 'Checksum Status', type: FT.UINT, bits: 8, nameAlone: true, names: names([[2, 'Unverified']]) },
  chunkType: { name: 'sctp.chunk_type', label: 'Chunk type', type: FT.UINT, bits: 8, names: CHUNK_TYPES },
  bit1: { name: 'sctp.chunk_bit_1', label: 'Bit', type: FT.BOOLEAN, bits: 8, mask: 0x80, tf: ['Skip chunk and continue processing of the packet', 'Stop processing of the packet'] },
  bit2: { name: 'sctp.chunk_bit_2', label: 'Bit', type: FT.BOOLEAN, bits: 8, mask: 0x40, tf: ['Do report', 'Do not report'] },
  chunkFlags: { name: 'sctp.chunk_flags', label: 'Chunk flags', type: FT.UINT, base: Base.HEX, bits: 8 },
  iBit: { name: 'sctp.data_i_bit', label: 'I-Bit', type: FT.BOOLEAN, bits: 8, mask: 0x08, tf: ['Send SACK immediately', 'Possibly delay SACK'] },
  uBit: { name: 'sctp.data_u_bit', label: 'U-Bit', type: FT.BOOLEAN, bits: 8, mask: 0x04, tf: ['Unordered delivery', 'Ordered delivery'] },
  bBit: { name: 'sctp.data_b_bit', label: 'B-Bit', type: FT.BOOLEAN, bits: 8, mask: 0x02, tf: ['First segment', 'Subsequent segment'] },
  eBit: { name: 'sctp.data_e_bit', label: 'E-Bit', type: FT.BOOLEAN, bits: 8, mask: 0x01, tf: ['Last segment', 'Not the last segment'] },
  chunkLength: { name: 'sctp.chunk_length', label: 'Chunk length', type: FT.UINT, bits: 16 },
  tsn: { name: 'sctp.data_tsn', label: 'Transmission sequence number (relative)', type: FT.UINT },
  tsnRaw: { name: 'sctp.data_tsn_raw', label: 'Transmission sequence number (absolute)', type: FT.UINT },
  sid: { name: 'sctp.data_sid', label: 'Stream identifier', type: FT.UINT, base: Base.HEX, bits: 16 },
  ssn: { name: 'sctp.data_ssn', label: 'Stream sequence number', type: FT.UINT, bits: 16 },
  ppid: { name: 'sctp.data_payload_proto_id', label: 'Payload protocol identifier', type: FT.UINT, names: PPIDS },
  value: { name: 'sctp.chunk_value', label: 'Chunk value', type: FT.BYTES },
  padding: { name: 'sctp.chunk_padding', label: 'Chunk padding', type: FT.BYTES },
});

/** First TSN seen per verification tag, for relative TSNs (per capture, bounded). */
const tsnBases = new WeakMap<object, Map<number, number>>();
const MAX_TAGS = 1 << 16;

export function dissectSctp(c: Ctx, off: number, end: number): void {
  const f = c.f;
  c.proto(F.sctp, off, end);
  const sport = c.uint(F.srcport, off + SPORT, 2, end);
  const dport = c.uint(F.dstport, off + DPORT, 2, end);
  const vtag = c.uint(F.vtag, off + VTAG, 4, end);
  if (c.stop) return;
  f.add(F.port, off + SPORT, 2, sport, EF.HIDDEN);
  f.add(F.port, off + DPORT, 2, dport, EF.HIDDEN);
  // (packet-sctp.c numbers associations only when a preference asks it to: off by default)
  const assoc = f.add(F.assocIndex, off, 0, 0xffff, EF.GENERATED);
  if (f.wanted === null) f.setText(assoc, 'Association index: disabled (enable in preferences)');
  if (c.uint(F.checksum, off + CSUM, 4, end) < 0) return;
  if (f.wanted === null) f.appendLabel(f.last, ' [unverified]');
  f.add(F.checksumStatus, off + CSUM, 0, 2, EF.GENERATED);
  let o = off + SCTP_HEADER_LEN;
  while (o < end && !c.stop) {
    if (!c.has(o, CHUNK_HEADER_LEN, end)) return;
    const type = c.u8(o);
    const flags = c.u8(o + 1);
    const len = c.u16(o + 2);
    // the chunk's line: "DATA chunk (ordered, complete segment, TSN: 0, …)" (chunkTitle)
    const chunk = f.text(o, Math.min(Math.max(len, CHUNK_HEADER_LEN), end - o), '');
    f.push(chunk);
    f.push(f.add(F.chunkType, o, 1, type));
    f.add(F.bit1, o, 1, type >> 7);
    f.add(F.bit2, o, 1, (type >> 6) & 1);
    f.pop();
    f.push(f.add(F.chunkFlags, o + 1, 1, flags));
    if (type === 0) {
      f.add(F.iBit, o + 1, 1, (flags >> 3) & 1);
      f.add(F.uBit, o + 1, 1, (flags >> 2) & 1);
      f.add(F.bBit, o + 1, 1, (flags >> 1) & 1);
      f.add(F.eBit, o + 1, 1, flags & 1);
    }
    f.pop();
    f.add(F.chunkLength, o + 2, 2, len);
    if (f.wanted === null) f.label(chunk, `${CHUNK_TYPES.get(type) ?? 'Unknown'} chunk`);
    if (len < CHUNK_HEADER_LEN) {
      c.fail(Status.MALFORMED); // "Chunk length bad": it must cover its own header.
      return;
    }
    if (type === 0 && len >= DATA_HEADER_LEN) dataChunk(c, chunk, o, len, end, vtag);
    else if (len > CHUNK_HEADER_LEN) c.field(F.value, o + CHUNK_HEADER_LEN, len - CHUNK_HEADER_LEN, end);
    const padded = o + ((len + 3) & ~3);
    if (padded > o + len && padded <= end) c.field(F.padding, o + len, padded - o - len, end);
    f.pop();
    o = padded;
  }
}

/** A DATA chunk's fields and line, then its payload to the dissector of its payload protocol
 *  identifier (sctp.ppi), else as data. */
function dataChunk(c: Ctx, chunk: number, o: number, len: number, end: number, vtag: number): void {
  const f = c.f;
  if (!c.has(o, DATA_HEADER_LEN, end)) return;
  const tsn = c.u32(o + 4);
  let bases = tsnBases.get(c.reasm);
  if (!bases) {
    bases = new Map();
    tsnBases.set(c.reasm, bases);
  }
  let base = bases.get(vtag);
  if (base === undefined) {
    base = tsn;
    if (c.firstPass && bases.size < MAX_TAGS) bases.set(vtag, tsn);
  }
  f.add(F.tsn, o + 4, 4, (tsn - base) >>> 0);
  f.add(F.tsnRaw, o + 4, 4, tsn);
  f.add(F.sid, o + 8, 2, c.u16(o + 8));
  f.add(F.ssn, o + 10, 2, c.u16(o + 10));
  const ppid = c.u32(o + 12);
  f.add(F.ppid, o + 12, 4, ppid);
  if (f.wanted === null) {
    const flags = c.u8(o + 1);
    const segment = ['middle', 'last', 'first', 'complete'][flags & 3];
    f.label(chunk, `DATA chunk (${flags & 4 ? 'unordered' : 'ordered'}, ${segment} segment, TSN: ${(tsn - base) >>> 0}, SID: ${c.u16(o + 8)}, SSN: ${c.u16(o + 10)}, PPID: ${ppid}, payload length: ${len - DATA_HEADER_LEN} bytes)`);
  }
  if (len > DATA_HEADER_LEN) {
    // (packet-sctp.c hands the payload the packet's tree: its protocol's item is SCTP's sibling)
    const depth = f.level;
    f.unwindTo(depth - 2);
    c.call(c.tables.lookup('sctp.ppi', ppid) ?? dissectData, o + DATA_HEADER_LEN, Math.min(o + len, end));
    f.unwindTo(depth);
  }
}

registerDissector('sctp', dissectSctp);
bind('ip.proto', 132, 'sctp');
