// Multicast Listener Discovery (RFC 2710 MLDv1, RFC 3810 MLDv2) and Router Renumbering
// (RFC 2894) messages of ICMPv6; Wireshark packet-icmpv6.c.
//
//   MLD query:   | Max Resp Code | Reserved | Multicast Address (16) | S|QRV | QQIC | N | sources…
//   MLDv2 report:| Reserved | M | M × (Type | Aux len | N | Multicast Address | sources | aux data)
//   RR header:   | Sequence Number | Segment | Flags | Max Delay | Reserved | Match-Prefix / Use-Prefix parts
//
// "If the Maximum Response Code is >= 32768 [it] represents a floating-point value" (RFC 3810
// section 5.1.3); Wireshark shows the decoded value, and the same for QQIC (section 5.1.9).

import { Base, FT, fieldById, names, registerFields } from '../fields/registry.ts';
import { ipv6Text } from '../fields/format.ts';
import type { Ctx } from './context.ts';
import { setFlagNames } from './flag-names.ts';

const QUERY = 130;
/** "the min length for a MLDv2 packet is 28" (the ICMPv6 header included). */
const MLDV2_QUERY_MIN = 28 - 4;
const ADDR = 16;

const RECORD_TYPES = names([[1, 'Include'], [2, 'Exclude'], [3, 'Changed to include'], [4, 'Changed to exclude'],
  [5, 'Allow new sources'], [6, 'Block old sources']]);

export const F = registerFields({
  mrd: { name: 'icmpv6.mld.maximum_response_delay', label: 'Maximum Response Delay [ms]', type: FT.UINT, bits: 16 },
  mrc: { name: 'icmpv6.mld.maximum_response_code', label: 'Maximum Response Code', type: FT.UINT, bits: 16 },
  multicastAddress: { name: 'icmpv6.mld.multicast_address', label: 'Multicast Address', type: FT.IPV6 },
  flag: { name: 'icmpv6.mld.flag', label: 'Flags', type: FT.UINT, base: Base.HEX, bits: 8 },
  flagS: { name: 'icmpv6.mld.flag.s', label: 'Suppress Router-Side Processing', type: FT.BOOLEAN, bits: 8, mask: 0x8 },
  flagQrv: { name: 'icmpv6.mld.flag.qrv', label: "QRV (Querier's Robustness Variable)", type: FT.UINT, bits: 8, mask: 0x7 },
  flagReserved: { name: 'icmpv6.mld.flag.reserved', label: 'Reserved', type: FT.UINT, bits: 8, mask: 0xf0 },
  qqi: { name: 'icmpv6.mld.qqi', label: "QQIC (Querier's Query Interval Code)", type: FT.UINT, bits: 8 },
  nbSources: { name: 'icmpv6.mld.nb_sources', label: 'Number of Sources', type: FT.UINT, bits: 16 },
  sourceAddress: { name: 'icmpv6.mld.source_address', label: 'Source Address', type: FT.IPV6 },
  nbRecords: { name: 'icmpv6.mldr.nb_mcast_records', label: 'Number of Multicast Address Records', type: FT.UINT, bits: 16 },
  mar: { name: 'icmpv6.mldr.mar', label: 'Multicast Address Record', type: FT.NONE },
  marType: { name: 'icmpv6.mldr.mar.record_type', label: 'Record Type', type: FT.UINT, bits: 8, names: RECORD_TYPES },
  marAuxLen: { name: 'icmpv6.mldr.mar.aux_data_len', label: 'Aux Data Len', type: FT.UINT, bits: 8 },
  marNbSources: { name: 'icmpv6.mldr.mar.nb_sources', label: 'Number of Sources', type: FT.UINT, bits: 16 },
  marAddress: { name: 'icmpv6.mldr.mar.multicast_address', label: 'Multicast Address', type: FT.IPV6 },
  marSource: { name: 'icmpv6.mldr.mar.source_address', label: 'Source Address', type: FT.IPV6 },
  marAux: { name: 'icmpv6.mldr.mar.auxiliary_data', label: 'Auxiliary Data', type: FT.BYTES },
  rrSequence: { name: 'icmpv6.rr.sequence_number', label: 'Sequence Number', type: FT.UINT },
  rrSegment: { name: 'icmpv6.rr.segment_number', label: 'Segment Number', type: FT.UINT, bits: 8 },
  rrFlag: { name: 'icmpv6.rr.flag', label: 'Flags', type: FT.UINT, base: Base.HEX, bits: 8 },
  rrFlagT: { name: 'icmpv6.rr.flag.t', label: 'Test Command', type: FT.BOOLEAN, bits: 8, mask: 0x80, tf: ['Set', 'Not set'] },
  rrFlagR: { name: 'icmpv6.rr.flag.r', label: 'Result requested', type: FT.BOOLEAN, bits: 8, mask: 0x40, tf: ['Set', 'Not set'] },
  rrFlagA: { name: 'icmpv6.rr.flag.a', label: 'All Interfaces', type: FT.BOOLEAN, bits: 8, mask: 0x20, tf: ['Set', 'Not set'] },
  rrFlagS: { name: 'icmpv6.rr.flag.s', label: 'Site-specific', type: FT.BOOLEAN, bits: 8, mask: 0x10, tf: ['Set', 'Not set'] },
  rrFlagP: { name: 'icmpv6.rr.flag.p', label: 'Processed previously', type: FT.BOOLEAN, bits: 8, mask: 0x8, tf: ['Set', 'Not set'] },
  rrFlagRsv: { name: 'icmpv6.rr.flag.rsv', label: 'Reserved', type: FT.UINT, bits: 8, mask: 0x7 },
  rrMaxDelay: { name: 'icmpv6.rr.maxdelay', label: 'Max Delay', type: FT.UINT, bits: 16 },
  mp: { name: 'icmpv6.rr.pco.mp', label: 'Match-Prefix Part', type: FT.NONE },
  mpOpcode: { name: 'icmpv6.rr.pco.mp.opcode', label: 'OpCode', type: FT.UINT, bits: 8, names: names([[1, 'Add'], [2, 'Change'], [3, 'Set Global']]) },
  mpOplength: { name: 'icmpv6.rr.pco.mp.oplength', label: 'OpLength', type: FT.UINT, bits: 8 },
  mpOrdinal: { name: 'icmpv6.rr.pco.mp.ordinal', label: 'Ordinal', type: FT.UINT, base: Base.HEX, bits: 8 },
  mpMatchlen: { name: 'icmpv6.rr.pco.mp.matchlen', label: 'MatchLen', type: FT.UINT, bits: 8 },
  mpMinlen: { name: 'icmpv6.rr.pco.mp.minlen', label: 'MinLen', type: FT.UINT, bits: 8 },
  mpMaxlen: { name: 'icmpv6.rr.pco.mp.maxlen', label: 'MaxLen', type: FT.UINT, bits: 8 },
  mpPrefix: { name: 'icmpv6.rr.pco.mp.matchprefix', label: 'MatchPrefix', type: FT.IPV6 },
  up: { name: 'icmpv6.rr.pco.up', label: 'Use-Prefix Part', type: FT.NONE },
  upUselen: { name: 'icmpv6.rr.pco.up.uselen', label: 'UseLen', type: FT.UINT, bits: 8 },
  upKeeplen: { name: 'icmpv6.rr.pco.up.keeplen', label: 'KeepLen', type: FT.UINT, bits: 8 },
  upFlagmask: { name: 'icmpv6.rr.pco.up.flagmask', label: 'FlagMask', type: FT.UINT, base: Base.HEX, bits: 8 },
  upFlagmaskL: { name: 'icmpv6.rr.pco.up.flagmask.l', label: 'On-link flag(L)', type: FT.BOOLEAN, bits: 8, mask: 0x80, tf: ['Set', 'Not set'] },
  upFlagmaskA: { name: 'icmpv6.rr.pco.up.flagmask.a', label: 'Autonomous address-configuration flag(A)', type: FT.BOOLEAN, bits: 8, mask: 0x40, tf: ['Set', 'Not set'] },
  upFlagmaskReserved: { name: 'icmpv6.rr.pco.up.flagmask.reserved', label: 'Reserved', type: FT.UINT, bits: 8, mask: 0x3f },
  upRaflags: { name: 'icmpv6.rr.pco.up.raflags', label: 'RAFlags', type: FT.UINT, base: Base.HEX, bits: 8 },
  upValid: { name: 'icmpv6.rr.pco.up.validlifetime', label: 'Valid Lifetime', type: FT.UINT },
  upPreferred: { name: 'icmpv6.rr.pco.up.preferredlifetime', label: 'Preferred Lifetime', type: FT.UINT },
  upFlag: { name: 'icmpv6.rr.pco.up.flag', label: 'Flags', type: FT.UINT, base: Base.HEX },
  upFlagV: { name: 'icmpv6.rr.pco.up.flag.v', label: 'Decrement valid lifetime', type: FT.BOOLEAN, mask: 0x80000000, tf: ['Set', 'Not set'] },
  upFlagP: { name: 'icmpv6.rr.pco.up.flag.p', label: 'Decrement preferred lifetime', type: FT.BOOLEAN, mask: 0x40000000, tf: ['Set', 'Not set'] },
  upFlagReserved: { name: 'icmpv6.rr.pco.up.flag.reserved', label: 'Reserved', type: FT.UINT, mask: 0x3fffffff },
  upPrefix: { name: 'icmpv6.rr.pco.up.useprefix', label: 'UsePrefix', type: FT.IPV6 },
  rm: { name: 'icmpv6.rr.rm', label: 'Result Message', type: FT.NONE },
  rmFlag: { name: 'icmpv6.rr.rm.flag', label: 'Flags', type: FT.UINT, base: Base.HEX, bits: 16 },
  rmFlagReserved: { name: 'icmpv6.rr.rm.flag.reserved', label: 'Reserved', type: FT.UINT, bits: 16, mask: 0xfffc },
  rmFlagB: { name: 'icmpv6.rr.rm.flag.b', label: 'Bounds', type: FT.BOOLEAN, bits: 16, mask: 0x2, tf: ['Set', 'Not set'] },
  rmFlagF: { name: 'icmpv6.rr.rm.flag.f', label: 'Forbidden', type: FT.BOOLEAN, bits: 16, mask: 0x1, tf: ['Set', 'Not set'] },
  rmOrdinal: { name: 'icmpv6.rr.rm.ordinal', label: 'Ordinal', type: FT.UINT, base: Base.HEX, bits: 8 },
  rmMatchedlen: { name: 'icmpv6.rr.rm.matchedlen', label: 'MatchedLen', type: FT.UINT, bits: 8 },
  rmInterface: { name: 'icmpv6.rr.rm.interfaceindex', label: 'InterfaceIndex', type: FT.UINT },
  rmPrefix: { name: 'icmpv6.rr.rm.matchedprefix', label: 'MatchedPrefix', type: FT.IPV6 },
});

/** MLD query (v1 or v2 by length), report or done; `reserved` is icmpv6.reserved. */
export function dissectMld(c: Ctx, type: number, o: number, end: number, reserved: number): void {
  const f = c.f;
  if (type !== QUERY || end - o < MLDV2_QUERY_MIN) {
    c.uint(F.mrd, o, 2, end);
    c.field(reserved, o + 2, 2, end);
    c.field(F.multicastAddress, o + 4, ADDR, end);
    return;
  }
  if (!c.has(o, 2, end)) return;
  let mrc = c.u16(o);
  if (mrc >= 32768) mrc = ((mrc & 0x0fff) | 0x1000) * 2 ** (((mrc & 0x7000) >> 12) + 3);
  f.add(F.mrc, o, 2, mrc);
  c.field(reserved, o + 2, 2, end);
  c.field(F.multicastAddress, o + 4, ADDR, end);
  const fl = c.uint(F.flag, o + 20, 1, end);
  if (fl < 0) return;
  f.push(f.last);
  f.add(F.flagS, o + 20, 1, (fl >> 3) & 1);
  f.add(F.flagQrv, o + 20, 1, fl & 7);
  f.add(F.flagReserved, o + 20, 1, fl >> 4);
  f.pop();
  if (!c.has(o + 21, 1, end)) return;
  let qqi = c.u8(o + 21);
  if (qqi >= 128) qqi = ((qqi & 0x0f) | 0x10) << (((qqi & 0x70) >> 4) + 3);
  f.add(F.qqi, o + 21, 1, qqi);
  const n = c.uint(F.nbSources, o + 22, 2, end);
  for (let i = 0; i < n && !c.stop; i++) c.field(F.sourceAddress, o + 24 + i * ADDR, ADDR, end);
}

/** RFC 3810 section 5.2: Version 2 Multicast Listener Report. */
export function dissectMldv2Report(c: Ctx, o: number, end: number, reserved: number): void {
  const f = c.f;
  c.field(reserved, o, 2, end);
  c.uint(F.nbRecords, o + 2, 2, end);
  o += 4;
  while (o < end && !c.stop) {
    const rec = f.add(F.mar, o, 0);
    f.push(rec);
    const type = c.uint(F.marType, o, 1, end);
    const aux = c.uint(F.marAuxLen, o + 1, 1, end);
    const n = c.uint(F.marNbSources, o + 2, 2, end);
    // "Multicast Address Record Exclude: ff02::1:ffcc:e546"
    if (c.field(F.marAddress, o + 4, ADDR, end) && f.wanted === null) {
      f.label(rec, `Multicast Address Record ${RECORD_TYPES.get(type) ?? 'Unknown'}: ${ipv6Text(c.b, o + 4)}`);
    }
    let p = o + 4 + ADDR;
    for (let i = 0; i < n && !c.stop; i++, p += ADDR) c.field(F.marSource, p, ADDR, end);
    if (aux > 0 && c.field(F.marAux, p, aux * 4, end)) p += aux * 4;
    f.pop();
    if (c.stop) return;
    f.len[rec] = Math.min(p, c.b.length) - o;
    o = p;
  }
}

/** RFC 2894 section 3: a command's Prefix Control Operation, or a result's messages. */
export function dissectRouterRenumbering(c: Ctx, code: number, o: number, end: number, reserved: number): void {
  const f = c.f;
  c.uint(F.rrSequence, o, 4, end);
  c.uint(F.rrSegment, o + 4, 1, end);
  const fl = c.uint(F.rrFlag, o + 5, 1, end);
  if (fl < 0) return;
  if (f.wanted === null) f.appendLabel(f.last, setFlagNames(RR_FLAG_IDS, fl));
  f.push(f.last);
  for (const [id, bit] of RR_FLAGS) f.add(id, o + 5, 1, (fl >> bit) & 1);
  f.add(F.rrFlagRsv, o + 5, 1, fl & 7);
  f.pop();
  c.uint(F.rrMaxDelay, o + 6, 2, end);
  c.field(reserved, o + 8, 4, end);
  o += 12;
  if (c.stop || o >= end) return;
  if (code === 0) {
    const mp = f.add(F.mp, o, 24);
    f.push(mp);
    const op = c.uint(F.mpOpcode, o, 1, end);
    c.uint(F.mpOplength, o + 1, 1, end);
    c.uint(F.mpOrdinal, o + 2, 1, end);
    const match = c.uint(F.mpMatchlen, o + 3, 1, end);
    const min = c.uint(F.mpMinlen, o + 4, 1, end);
    const max = c.uint(F.mpMaxlen, o + 5, 1, end);
    c.field(reserved, o + 6, 2, end);
    // "Match-Prefix Part: Add fec0::/48 (0-128)"
    if (c.field(F.mpPrefix, o + 8, ADDR, end) && f.wanted === null) {
      f.label(mp, `${fieldById(F.mp).label}: ${fieldById(F.mpOpcode).names?.get(op) ?? `Unknown ${op}`} ${ipv6Text(c.b, o + 8)}/${match} (${min}-${max})`);
    }
    f.pop();
    for (o += 24; o < end && !c.stop; o += 32) usePrefix(c, o, end);
  } else if (code === 1) {
    for (; o < end && !c.stop; o += 24) {
      f.push(f.add(F.rm, o, 24));
      const rf = c.uint(F.rmFlag, o, 2, end);
      if (rf >= 0) {
        f.push(f.last);
        f.add(F.rmFlagReserved, o, 2, rf >> 2);
        f.add(F.rmFlagB, o, 2, (rf >> 1) & 1);
        f.add(F.rmFlagF, o, 2, rf & 1);
        f.pop();
      }
      c.uint(F.rmOrdinal, o + 2, 1, end);
      c.uint(F.rmMatchedlen, o + 3, 1, end);
      c.uint(F.rmInterface, o + 4, 4, end);
      c.field(F.rmPrefix, o + 8, ADDR, end);
      f.pop();
    }
  }
}

const RR_FLAGS = [[F.rrFlagT, 7], [F.rrFlagR, 6], [F.rrFlagA, 5], [F.rrFlagS, 4], [F.rrFlagP, 3]] as const;
const RR_FLAG_IDS = RR_FLAGS.map(([id]) => id);

function usePrefix(c: Ctx, o: number, end: number): void {
  const f = c.f;
  const up = f.add(F.up, o, 32);
  f.push(up);
  const use = c.uint(F.upUselen, o, 1, end);
  const keep = c.uint(F.upKeeplen, o + 1, 1, end);
  // Wireshark shows the RA flags with the FlagMask's own bit fields.
  for (const [id, at] of [[F.upFlagmask, o + 2], [F.upRaflags, o + 3]] as const) {
    const v = c.uint(id, at, 1, end);
    if (v < 0) break;
    f.push(f.last);
    f.add(F.upFlagmaskL, at, 1, v >> 7);
    f.add(F.upFlagmaskA, at, 1, (v >> 6) & 1);
    f.add(F.upFlagmaskReserved, at, 1, v & 0x3f);
    f.pop();
  }
  c.uint(F.upValid, o + 4, 4, end);
  c.uint(F.upPreferred, o + 8, 4, end);
  const fl = c.uint(F.upFlag, o + 12, 4, end);
  if (fl >= 0) {
    f.push(f.last);
    f.add(F.upFlagV, o + 12, 4, fl >>> 31);
    f.add(F.upFlagP, o + 12, 4, (fl >>> 30) & 1);
    f.add(F.upFlagReserved, o + 12, 4, fl & 0x3fffffff);
    f.pop();
  }
  // "Use-Prefix Part: 3ffe:501:fffe::/48 (keep 16)"
  if (c.field(F.upPrefix, o + 16, ADDR, end) && f.wanted === null) f.label(up, `${fieldById(F.up).label}: ${ipv6Text(c.b, o + 16)}/${use} (keep ${keep})`);
  f.pop();
}
