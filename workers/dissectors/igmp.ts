// IGMP (RFC 1112 version 1, RFC 2236 version 2, RFC 3376 version 3; Wireshark packet-igmp.c).
//
//    0                   1                   2                   3
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |      Type     | Max Resp Time |           Checksum            |
//   |                         Group Address                         |
//   |  (v3 query: Resv|S|QRV | QQIC | Number of Sources | sources…)  |
//
// The version is worked out as Wireshark does: a query of 12 bytes or more is IGMPv3 (RFC 3376
// section 7.1), a shorter one is v2 when its Max Resp Time is non-zero and v1 otherwise; the
// other types say their version. Multicast traceroute, DVMRP, PIMv1 and the v0 types are shown
// as data.

import { Base, FT, names, registerFields } from '../fields/registry.ts';
import { EF } from '../fields/field-list.ts';
import type { Ctx } from './context.ts';
import { dissectData } from './data.ts';
import { Group, Severity, registerExperts } from './expert.ts';
import { checksum } from './ip-checksum.ts';
import { CHECKSUM_STATUS } from './ipv4.ts';
import { bind, registerDissector } from './tables.ts';

const TYPE = 0;
const MAX_RESP = 1;
const CSUM = 2;
const GROUP = 4;
export const IGMP_HEADER_LEN = GROUP + 4;
const V3_QUERY_MIN = IGMP_HEADER_LEN + 4;

const QUERY = 0x11;
const V1_REPORT = 0x12;
const V2_REPORT = 0x16;
const V2_LEAVE = 0x17;
const V3_REPORT = 0x22;

const TYPE_NAMES = names([[QUERY, 'Membership Query'], [V1_REPORT, 'Membership Report'], [0x13, 'DVMRP'], [0x14, 'PIM version 1'],
  [0x15, 'Cisco Trace Messages'], [V2_REPORT, 'Membership Report'], [V2_LEAVE, 'Leave Group'],
  [0x1e, 'Traceroute Response'], [0x1f, 'Traceroute Query or Request'], [V3_REPORT, 'Membership Report']]);

export const F = registerFields({
  igmp: { name: 'igmp', label: 'Internet Group Management Protocol', type: FT.PROTOCOL },
  version: { name: 'igmp.version', label: 'IGMP Version', type: FT.UINT, bits: 8 },
  type: { name: 'igmp.type', label: 'Type', type: FT.UINT, base: Base.HEX, bits: 8, names: TYPE_NAMES },
  reserved: { name: 'igmp.reserved', label: 'Reserved', type: FT.BYTES },
  maxResp: { name: 'igmp.max_resp', label: 'Max Resp Time', type: FT.UINT, bits: 8 },
  maxRespExp: { name: 'igmp.max_resp.exp', label: 'Exponent', type: FT.UINT, base: Base.HEX, bits: 8, mask: 0x70 },
  maxRespMant: { name: 'igmp.max_resp.mant', label: 'Mantissa', type: FT.UINT, base: Base.HEX, bits: 8, mask: 0xf },
  checksum: { name: 'igmp.checksum', label: 'Checksum', type: FT.UINT, base: Base.HEX, bits: 16 },
  checksumStatus: { name: 'igmp.checksum.status', label: 'Checksum Status', type: FT.UINT, bits: 8, nameAlone: true, names: CHECKSUM_STATUS },
  maddr: { name: 'igmp.maddr', label: 'Multicast Address', type: FT.IPV4 },
  s: { name: 'igmp.s', label: 'S', type: FT.BOOLEAN, bits: 8, mask: 0x8,
    tf: ['SUPPRESS router side processing', 'Do not suppress router side processing'] },
  qrv: { name: 'igmp.qrv', label: 'QRV', type: FT.UINT, bits: 8, mask: 0x7 },
  qqic: { name: 'igmp.qqic', label: 'QQIC', type: FT.UINT, bits: 8 },
  numSrc: { name: 'igmp.num_src', label: 'Num Src', type: FT.UINT, bits: 16 },
  saddr: { name: 'igmp.saddr', label: 'Source Address', type: FT.IPV4 },
  numGrpRecs: { name: 'igmp.num_grp_recs', label: 'Num Group Records', type: FT.UINT, bits: 16 },
  recordType: { name: 'igmp.record_type', label: 'Record Type', type: FT.UINT, bits: 8,
    names: names([[1, 'Mode Is Include'], [2, 'Mode Is Exclude'], [3, 'Change To Include Mode'], [4, 'Change To Exclude Mode'],
      [5, 'Allow New Sources'], [6, 'Block Old Sources']]) },
  auxDataLen: { name: 'igmp.aux_data_len', label: 'Aux Data Len', type: FT.UINT, bits: 8 },
  auxData: { name: 'igmp.aux_data', label: 'Aux Data', type: FT.BYTES },
});

/** packet-igmp.c's expert info on a bad checksum. */
const X = registerExperts({
  badChecksum: { name: 'igmp.bad_checksum', msg: 'Bad checksum', severity: Severity.ERROR, group: Group.CHECKSUM },
});

export function dissectIgmp(c: Ctx, off: number, end: number): void {
  const f = c.f;
  c.proto(F.igmp, off, end);
  if (!c.has(off + TYPE, 1, end)) return;
  const type = c.u8(off + TYPE);
  const captured = Math.min(end, c.b.length) - off;
  let version = 0;
  if (type === QUERY) version = captured >= V3_QUERY_MIN ? 3 : off + 1 < c.b.length && c.u8(off + MAX_RESP) ? 2 : 1;
  else if (type === V1_REPORT) version = 1;
  else if (type === V2_REPORT || type === V2_LEAVE) version = 2;
  else if (type === V3_REPORT) version = 3;
  if (version === 0) {
    f.pop();
    dissectData(c, off, end);
    return;
  }
  // packet-igmp.c hands each type it knows to a dissector of its own through the "igmp.type"
  // table: a second igmp layer in frame.protocols ("ip:igmp:igmp")
  c.layer('igmp');
  // packet-igmp.c names the column by version ("IGMPv2")
  c.colProtocol = `IGMPv${version}`;
  f.add(F.version, off, 0, version, EF.GENERATED);
  c.uint(F.type, off + TYPE, 1, end);
  if (version === 1 || type === V3_REPORT) c.field(F.reserved, off + MAX_RESP, 1, end);
  else maxResp(c, off + MAX_RESP, end, version);
  // "igmp_checksum(..., 8)": versions 1 and 2 sum the 8-byte message, version 3 all of it.
  const sumEnd = version === 3 ? end : Math.min(end, off + IGMP_HEADER_LEN);
  checksum(c, F.checksum, F.checksumStatus, off, sumEnd, sumEnd <= c.b.length, 0, CSUM, X.badChecksum);
  if (type === V3_REPORT) v3Report(c, off + GROUP, end);
  else c.field(F.maddr, off + GROUP, 4, end);
  if (version === 3 && type === QUERY) v3Query(c, off + IGMP_HEADER_LEN, end);
  f.pop();
}

/** Max Resp Time in tenths of a second; a v3 code >= 128 is a floating-point value (RFC 3376 4.1.1). */
function maxResp(c: Ctx, o: number, end: number, version: number): void {
  const f = c.f;
  if (!c.has(o, 1, end)) return;
  const code = c.u8(o);
  if (version < 3 || code < 128) {
    maxRespLine(f, f.add(F.maxResp, o, 1, code), code, code);
    return;
  }
  const exp = (code >> 4) & 7;
  const mant = code & 0xf;
  const tenths = (mant | 0x10) << (exp + 3);
  const item = f.add(F.maxResp, o, 1, tenths);
  maxRespLine(f, item, tenths, code);
  f.push(item);
  f.add(F.maxRespExp, o, 1, exp);
  f.add(F.maxRespMant, o, 1, mant);
  f.pop();
}

/** Tenths of a second as packet-igmp.c shows them, with the code byte: "10.0 sec (0x64)". */
function maxRespLine(f: Ctx['f'], item: number, tenths: number, code: number): void {
  if (f.wanted === null) f.setText(item, `Max Resp Time: ${(tenths * 0.1).toFixed(1)} sec (0x${code.toString(16).padStart(2, '0')})`);
}

function v3Query(c: Ctx, o: number, end: number): void {
  const f = c.f;
  if (!c.has(o, 2, end)) return;
  const b = c.u8(o);
  f.add(F.s, o, 1, (b >> 3) & 1);
  f.add(F.qrv, o, 1, b & 7);
  let qqic = c.u8(o + 1);
  if (qqic >= 128) qqic = ((qqic & 0x0f) | 0x10) << (((qqic >> 4) & 7) + 3);
  f.add(F.qqic, o + 1, 1, qqic);
  const n = c.uint(F.numSrc, o + 2, 2, end);
  for (let i = 0; i < n && !c.stop; i++) c.field(F.saddr, o + 4 + i * 4, 4, end);
}

/** RFC 3376 section 4.2: Reserved, Number of Group Records, then the records. */
function v3Report(c: Ctx, o: number, end: number): void {
  const f = c.f;
  c.field(F.reserved, o, 2, end);
  const n = c.uint(F.numGrpRecs, o + 2, 2, end);
  o += 4;
  for (let r = 0; r < n && !c.stop; r++) {
    const rec = f.text(o, 8, 'Group Record');
    f.push(rec);
    c.uint(F.recordType, o, 1, end);
    const aux = c.uint(F.auxDataLen, o + 1, 1, end);
    const ns = c.uint(F.numSrc, o + 2, 2, end);
    c.field(F.maddr, o + 4, 4, end);
    let p = o + 8;
    for (let i = 0; i < ns && !c.stop; i++, p += 4) c.field(F.saddr, p, 4, end);
    if (aux > 0 && c.field(F.auxData, p, aux * 4, end)) p += aux * 4;
    f.pop();
    f.len[rec] = Math.max(0, Math.min(p, c.b.length) - o);
    o = p;
  }
}

registerDissector('igmp', dissectIgmp);
bind('ip.proto', 2, 'igmp');
