// MPLS label stack (RFC 3032 §2.1) and what follows its bottom (RFC 4385 §2, RFC 4928 §5, RFC 5586
// §2.1), with Wireshark 4.0 packet-mpls.c's choices. EtherTypes 0x8847/0x8848, PPP 0x0281/0x0283,
// IP protocol 137 (RFC 4023), UDP 6635 (RFC 7510), GRE.
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |                Label                  | Exp |S|       TTL     |   one entry, repeated until S
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// Each entry is its own `mpls` item, as in Wireshark. The stack carries no payload type: Wireshark
// 4.0 looks at the first nibble after the bottom entry — 4: IPv4, 6: IPv6, 1: a PW Associated
// Channel Header ("the first nibble … is 0001", RFC 4385), 0: an Ethernet pseudowire, with or
// without its control word; anything else: data. A label-13 (GAL) bottom entry is followed by the
// Generic Associated Channel header (RFC 5586). The PW ACH and Ethernet-PW pieces live here too.

import { Base, FT, names, registerFields } from '../fields/registry.ts';
import type { Ctx, Dissector } from './context.ts';
import { dissectData } from './data.ts';
import { dissectEthernet } from './ethernet.ts';
import { bind, registerDissector } from './tables.ts';
import { dissectMplsEcho } from './mpls-echo.ts';

export const MPLS_ENTRY_LEN = 4;
const LABEL_GACH = 13;
const LABEL_OAM_ALERT = 14;
const LABEL_ITDM = 628871;
const ETHERTYPE_IPV4 = 0x0800;
const ETHERTYPE_IPV6 = 0x86dd;
const ACH_LEN = 4;
/** Associated channel types (IANA "MPLS Generalized Associated Channel (G-ACh) Types"). */
const ACH_IPV4 = 0x0021;
const ACH_LSP_PING = 0x0025;
const ACH_IPV6 = 0x0057;
const PWCW_LEN = 4;
const ETH_MIN = 14;
/** The U/L bit of a MAC address's first octet: set in locally administered addresses. */
const LOCAL_BIT = 0x02;

/** Labels 0-15 are reserved (RFC 3032 §2.1, RFC 7274); Wireshark names the unassigned ones "Unknown". */
const SPECIAL_LABELS = names([
  [0, 'IPv4 Explicit-Null'], [1, 'Router Alert'], [2, 'IPv6 Explicit-Null'], [3, 'Implicit-Null'],
  [4, 'Unknown'], [5, 'Unknown'], [6, 'Unknown'], [7, 'Entropy Label Indicator'], [8, 'Unknown'],
  [9, 'Unknown'], [10, 'Unknown'], [11, 'Unknown'], [12, 'Unknown'],
  [13, 'Generic Associated Channel Label (GAL)'], [14, 'OAM Alert'], [15, 'Extension'],
]);

export const F = registerFields({
  mpls: { name: 'mpls', label: 'MultiProtocol Label Switching Header', type: FT.PROTOCOL },
  label: { name: 'mpls.label', label: 'MPLS Label', type: FT.UINT, base: Base.DEC_HEX, mask: 0xfffff000, names: SPECIAL_LABELS },
  exp: { name: 'mpls.exp', label: 'MPLS Experimental Bits', type: FT.UINT, mask: 0x00000e00 },
  bottom: { name: 'mpls.bottom', label: 'MPLS Bottom Of Label Stack', type: FT.UINT, mask: 0x00000100 },
  ttl: { name: 'mpls.ttl', label: 'MPLS TTL', type: FT.UINT, mask: 0x000000ff },
  pwach: { name: 'pwach', label: 'PW Associated Channel Header', type: FT.PROTOCOL },
  achVer: { name: 'pwach.ver', label: 'Channel Version', type: FT.UINT, bits: 8, mask: 0x0f },
  achRes: { name: 'pwach.res', label: 'Reserved', type: FT.UINT, base: Base.HEX, bits: 8 },
  achType: { name: 'pwach.channel_type', label: 'Channel Type', type: FT.UINT, base: Base.HEX, bits: 16 },
  pwethcw: { name: 'pwethcw', label: 'PW Ethernet Control Word', type: FT.PROTOCOL },
  pwethSeq: { name: 'pweth.cw.sequence_number', label: 'PW sequence number (ethernet)', type: FT.UINT, bits: 16 },
});

export function dissectMpls(c: Ctx, off: number, end: number): void {
  const f = c.f;
  let o = off;
  let label = -1;
  let bos = 0;
  while (o < end) {
    if (!c.has(o, MPLS_ENTRY_LEN, end)) return;
    const w = c.u32(o);
    label = w >>> 12;
    bos = (w >>> 8) & 1;
    // (one dissector call, one layer of frame.protocols however many entries the stack has)
    const item = c.proto(F.mpls, o, o + MPLS_ENTRY_LEN);
    if (o > off) c.notLayer(item);
    f.add(F.label, o, MPLS_ENTRY_LEN, label);
    f.add(F.exp, o, MPLS_ENTRY_LEN, (w >>> 9) & 7);
    f.add(F.bottom, o, MPLS_ENTRY_LEN, bos);
    f.add(F.ttl, o, MPLS_ENTRY_LEN, w & 0xff);
    f.pop();
    o += MPLS_ENTRY_LEN;
    if (label === LABEL_GACH && bos) {
      c.call(dissectGach, o, end);
      return;
    }
    if (bos) break;
  }
  // The first nibble of the payload: read even when the stack ran to the end (a bounds error then).
  if (!c.has(o, 1, end)) return;
  // Wireshark 4.0's mpls.label table binds the OAM Alert label (ITU-T Y.1711) and, by a default
  // preference, label 628871 (TDM over MPLS); neither is decoded here, their payload is data.
  if (label === LABEL_OAM_ALERT || label === LABEL_ITDM) {
    c.call(dissectData, o, end);
    return;
  }
  const t = c.tables;
  switch (c.u8(o) >> 4) {
    case 4:
      c.call(t.lookup('ethertype', ETHERTYPE_IPV4) ?? dissectData, o, end);
      return;
    case 6:
      c.call(t.lookup('ethertype', ETHERTYPE_IPV6) ?? dissectData, o, end);
      return;
    case 1:
      c.call(dissectPwAch, o, end);
      return;
    case 0:
      c.call(dissectPwEthHeuristic, o, end);
      return;
    default:
      c.call(dissectData, o, end);
  }
}

/** PW Associated Channel Header (RFC 4385 §3): 0001 | version | reserved | channel type. After a
 *  GAL it is the Generic Associated Channel header (RFC 5586), with the same layout. */
function dissectPwAch(c: Ctx, off: number, end: number): void {
  achHeader(c, off, end, 'PW Associated Channel Header');
}

function dissectGach(c: Ctx, off: number, end: number): void {
  achHeader(c, off, end, 'Generic Associated Channel Header');
}

function achHeader(c: Ctx, off: number, end: number, label: string): void {
  // "Error processing Message" when fewer than 4 bytes remain: no header, no payload.
  if (end - off < ACH_LEN) return;
  if (!c.has(off, ACH_LEN, end)) return;
  const type = c.u16(off + 2);
  c.f.label(c.proto(F.pwach, off, off + ACH_LEN), label);
  c.f.add(F.achVer, off, 1, c.u8(off) & 0x0f);
  c.f.add(F.achRes, off + 1, 1, c.u8(off + 1));
  c.f.add(F.achType, off + 2, 2, type);
  c.f.pop();
  // Wireshark's pwach.channel_type table, for the channel types whose protocol we have.
  let d: Dissector | undefined;
  if (type === ACH_IPV4) d = c.tables.lookup('ethertype', ETHERTYPE_IPV4);
  else if (type === ACH_IPV6) d = c.tables.lookup('ethertype', ETHERTYPE_IPV6);
  else if (type === ACH_LSP_PING) d = dissectMplsEcho;
  c.call(d ?? dissectData, off + ACH_LEN, end);
}

/**
 * Wireshark's "pw_eth_heuristic": an Ethernet pseudowire whose control word (RFC 4448 §3: "the
 * first nibble … MUST be 0000") may or may not be there. Wireshark takes the bytes for a plain
 * Ethernet header when both addresses' OUIs are in its manufacturer database. We have no such
 * database: two globally administered addresses (the U/L bit clear, as every listed OUI has) and
 * an EtherType we know stand in for it.
 */
function dissectPwEthHeuristic(c: Ctx, off: number, end: number): void {
  if (looksLikePlainEthernet(c, off, end)) {
    c.call(dissectEthernet, off, end);
    return;
  }
  if (!c.has(off, PWCW_LEN, end)) return;
  c.proto(F.pwethcw, off, off + PWCW_LEN);
  c.f.add(F.pwethSeq, off + 2, 2, c.u16(off + 2));
  c.f.pop();
  c.call(dissectEthernet, off + PWCW_LEN, end);
}

function looksLikePlainEthernet(c: Ctx, off: number, end: number): boolean {
  if (Math.min(end, c.b.length) - off < ETH_MIN) return false;
  if (c.u8(off) & LOCAL_BIT || c.u8(off + 6) & LOCAL_BIT) return false;
  return c.tables.lookup('ethertype', c.u16(off + 12)) !== undefined;
}

registerDissector('mpls', dissectMpls);
bind('ethertype', 0x8847, 'mpls');
bind('ethertype', 0x8848, 'mpls');
bind('ppp.protocol', 0x0281, 'mpls');
bind('ppp.protocol', 0x0283, 'mpls');
bind('gre.proto', 0x8847, 'mpls');
bind('gre.proto', 0x8848, 'mpls');
bind('ip.proto', 137, 'mpls');
bind('udp.port', 6635, 'mpls');
