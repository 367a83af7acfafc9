// ERSPAN, Cisco's Encapsulated Remote SPAN (draft-foschiano-erspan-03; Wireshark 4.0
// packet-erspan.c), carried in GRE with Protocol Type 0x88be (types I and II) or 0x22eb (type III).
//
//   Type II (version 1), 8 bytes:
//   |  Ver  |          VLAN         | COS |En|T|    Session ID     |
//   |      Reserved         |                  Index                |
//   Type III (version 2), 12 bytes (+ 8 when O is set):
//   |  Ver  |          VLAN         | COS | BSO |T|    Session ID    |
//   |                          Timestamp                            |
//   |             SGT               |P|    FT   |   Hw ID   |D|Gra|O|
//   |  Platform ID  |        Platform Specific Info (optional) …     |
// Type I has no ERSPAN header at all. Wireshark 4.0 decides by the GRE header: "Frames with a GRE
// type of 0x88BE have an ERSPAN header iff the 'sequence number present' flag is set in the GRE
// header" (no GRE header at all, as from an ipgre cooked capture, also means type I); 0x22EB frames
// always have one. The header's version nibble then picks type II or III; an unknown version is
// shown (twice, as Wireshark 4.0 adds it before and inside its switch) and nothing follows. The
// mirrored frame follows without FCS; a type III "Frame Type" other than Ethernet (0) is data.

import { FT, fieldById, names, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { dissectData } from './data.ts';
import { dissectEthernet } from './ethernet.ts';
import { bind, registerDissector } from './tables.ts';

const GRE_SEQUENCE = 0x1000;
const FT_ETHERNET = 0;
const VER_VLAN = 0;
const COS_SPAN = 2;
const INDEX = 4;
const INDEX_LEN = 4;
export const ERSPAN_II_HEADER_LEN = INDEX + INDEX_LEN;
const TIMESTAMP = 4;
const SGT = 8;
const FLAGS3 = 10;
export const ERSPAN_III_HEADER_LEN = FLAGS3 + 2;
const SUBHEADER_LEN = 8;

const VERSION_NAMES = names([[1, 'Type II'], [2, 'Type III']]);
/** The protocol item's label: "… Type I" without a header, else by version ("… Type II", or "… Unknown"). */
const TYPE_I_LABEL = 'Encapsulated Remote Switch Packet ANalysis Type I';
const ITEM_LABELS = ['Unknown', 'Type II', 'Type III'].map((t) => `Encapsulated Remote Switch Packet ANalysis ${t}`);
const TRUNCATED_NAMES = names([[0, 'Not truncated'], [1, 'Truncated']]);

export const F = registerFields({
  erspan: { name: 'erspan', label: 'Encapsulated Remote Switch Packet ANalysis', type: FT.PROTOCOL },
  version: { name: 'erspan.version', label: 'Version', type: FT.UINT, bits: 16, mask: 0xf000, names: VERSION_NAMES },
  vlan: { name: 'erspan.vlan', label: 'Vlan', type: FT.UINT, bits: 16, mask: 0x0fff },
  cos: { name: 'erspan.cos', label: 'COS', type: FT.UINT, bits: 16, mask: 0xe000 },
  encap: { name: 'erspan.encap', label: 'Encap', type: FT.UINT, bits: 16, mask: 0x1800, names: names([[0, 'Originally without VLAN tag'], [1, 'Originally ISL encapsulated'], [2, 'Originally 802.1Q encapsulated'], [3, 'VLAN tag preserved in frame']]) },
  bso: { name: 'erspan.bso', label: 'Bad/Short/Oversized', type: FT.UINT, bits: 16, mask: 0x1800, names: names([[0, 'Good or unknown integrity'], [1, 'Short frame'], [2, 'Oversized frame'], [3, 'CRC or alignment error']]) },
  truncated: { name: 'erspan.truncated', label: 'Truncated', type: FT.UINT, bits: 16, mask: 0x0400, names: TRUNCATED_NAMES },
  spanid: { name: 'erspan.spanid', label: 'SpanID', type: FT.UINT, bits: 16, mask: 0x03ff },
  reserved: { name: 'erspan.reserved', label: 'Reserved', type: FT.UINT, mask: 0xfff00000 },
  index: { name: 'erspan.index', label: 'Index', type: FT.UINT, mask: 0x000fffff },
  timestamp: { name: 'erspan.timestamp', label: 'Timestamp', type: FT.UINT, mask: 0xffffffff },
  sgt: { name: 'erspan.sgt', label: 'Security Group Tag', type: FT.UINT, bits: 16, mask: 0xffff },
  p: { name: 'erspan.p', label: 'Has Ethernet PDU', type: FT.UINT, bits: 16, mask: 0x8000 },
  ft: { name: 'erspan.ft', label: 'Frame Type', type: FT.UINT, bits: 16, mask: 0x7c00, names: names([[0, 'Ethernet'], [2, 'IP']]) },
  hw: { name: 'erspan.hw', label: 'Hardware ID', type: FT.UINT, bits: 16, mask: 0x03f0 },
  direction: { name: 'erspan.direction', label: 'Direction', type: FT.BOOLEAN, bits: 16, mask: 0x0008, tf: ['Egress', 'Ingress'] },
  gra: { name: 'erspan.gra', label: 'Timestamp granularity', type: FT.UINT, bits: 16, mask: 0x0006, names: names([[0, '100 microseconds'], [1, '100 nanoseconds'], [2, 'IEEE 1588'], [3, 'Custom granularity']]) },
  o: { name: 'erspan.o', label: 'Optional Sub headers', type: FT.UINT, bits: 16, mask: 0x0001 },
  platid: { name: 'erspan.platid', label: 'Platform ID', type: FT.UINT, mask: 0xfc000000 },
  pid1Rsvd: { name: 'erspan.pid1.rsvd1', label: 'Reserved', type: FT.UINT, mask: 0x03fff000 },
  pid1Vsmid: { name: 'erspan.pid1.vsmid', label: 'VSM Domain ID', type: FT.UINT, mask: 0x00000fff },
  pid1Port: { name: 'erspan.pid1.port_index', label: 'Port ID/Index', type: FT.UINT, mask: 0xffffffff },
  pid3Rsvd: { name: 'erspan.pid3.rsvd1', label: 'Reserved', type: FT.UINT, mask: 0x03ffc000 },
  pid3Port: { name: 'erspan.pid3.port_index', label: 'Port ID/Index', type: FT.UINT, mask: 0x00003fff },
  pid3Ts: { name: 'erspan.pid3.timestamp', label: 'Upper 32-bit Timestamp', type: FT.UINT, mask: 0xffffffff },
  pid4Rsvd1: { name: 'erspan.pid4.rsvd1', label: 'Reserved', type: FT.UINT, mask: 0x03ffc000 },
  pid4Rsvd2: { name: 'erspan.pid4.rsvd2', label: 'Reserved', type: FT.UINT, mask: 0x00003fff },
  pid4Rsvd3: { name: 'erspan.pid4.rsvd3', label: 'Reserved', type: FT.UINT, mask: 0xffffffff },
  pid5Switch: { name: 'erspan.pid5.switchid', label: 'Switch ID', type: FT.UINT, mask: 0x03ff0000 },
  pid5Port: { name: 'erspan.pid5.port_index', label: 'Port ID/Index', type: FT.UINT, mask: 0x0000ffff },
  pid5Ts: { name: 'erspan.pid5.timestamp', label: 'Timestamp (seconds)', type: FT.UINT, mask: 0xffffffff },
  pid7Rsvd: { name: 'erspan.pid7.rsvd1', label: 'Reserved', type: FT.UINT, mask: 0x03f00000 },
  pid7Source: { name: 'erspan.pid7.source_index', label: 'Source Index', type: FT.UINT, mask: 0x000fffff },
  pid7Ts: { name: 'erspan.pid7.timestamp', label: 'Upper 32-bit Timestamp', type: FT.UINT, mask: 0xffffffff },
  pidRsvd: { name: 'erspan.pid.rsvd', label: 'Reserved', type: FT.UINT, bits: 64, mask: 0x03ffffff },
});

/** Add field `id` from the word `w` read at `o` (n bytes): masked and shifted by the field's mask. */
function bits(c: Ctx, id: number, o: number, n: number, w: number): void {
  const m = fieldById(id).mask;
  const lowest = (m & -m) >>> 0; // the mask's lowest set bit: the shift, as a power of two
  c.f.add(id, o, n, ((w & m) >>> 0) / (lowest || 1));
}

/** GRE type 0x88be: type I unless the GRE header has a sequence number. */
export function dissectErspan(c: Ctx, off: number, end: number): void {
  if (c.greFlags < 0 || !(c.greFlags & GRE_SEQUENCE)) {
    const item = c.proto(F.erspan, off, off);
    c.f.label(item, TYPE_I_LABEL);
    c.f.pop();
    c.call(dissectEthernet, off, end);
    return;
  }
  withHeader(c, off, end);
}

/** GRE type 0x22eb: always a header. */
export function dissectErspan22eb(c: Ctx, off: number, end: number): void {
  withHeader(c, off, end);
}

function withHeader(c: Ctx, off: number, end: number): void {
  const item = c.proto(F.erspan, off, end);
  if (!c.has(off + VER_VLAN, 2, end)) return;
  const w0 = c.u16(off + VER_VLAN);
  const version = w0 >> 12;
  c.f.label(item, (ITEM_LABELS[version] ?? ITEM_LABELS[0]) as string);
  bits(c, F.version, off + VER_VLAN, 2, w0);
  let o = off;
  let frameType = FT_ETHERNET;
  if (version === 1) {
    o = header(c, o, F.encap, end);
    if (c.has(o, 4, end)) {
      const w = c.u32(o);
      bits(c, F.reserved, o, 4, w);
      bits(c, F.index, o, 4, w);
    }
    o += INDEX_LEN;
  } else if (version === 2) {
    o = header(c, o, F.bso, end);
    c.uint(F.timestamp, o, 4, end);
    c.uint(F.sgt, o + SGT - TIMESTAMP, 2, end);
    o += SGT - TIMESTAMP + 2;
    let sub = false;
    if (c.has(o, 2, end)) {
      const w = c.u16(o);
      bits(c, F.p, o, 2, w);
      bits(c, F.ft, o, 2, w);
      bits(c, F.hw, o, 2, w);
      bits(c, F.direction, o, 2, w);
      bits(c, F.gra, o, 2, w);
      bits(c, F.o, o, 2, w);
      frameType = (w >> 10) & 0x1f;
      sub = (w & 1) === 1;
    }
    o += 2;
    if (sub) o = subheader(c, o, end);
  } else {
    // "Unknown version": the version once more, with the expert info, and no payload.
    bits(c, F.version, off + VER_VLAN, 2, w0);
    c.f.pop();
    return;
  }
  c.f.pop();
  if (c.stop) return;
  c.call(frameType === FT_ETHERNET ? dissectEthernet : dissectData, o, end);
}

/** The first two words of types II and III after the version (`encapOrBso` is the field of bits
 *  11-12); returns the next offset. */
function header(c: Ctx, o: number, encapOrBso: number, end: number): number {
  if (c.has(o + VER_VLAN, 2, end)) bits(c, F.vlan, o + VER_VLAN, 2, c.u16(o + VER_VLAN));
  if (c.has(o + COS_SPAN, 2, end)) {
    const w = c.u16(o + COS_SPAN);
    bits(c, F.cos, o + COS_SPAN, 2, w);
    bits(c, encapOrBso, o + COS_SPAN, 2, w);
    bits(c, F.truncated, o + COS_SPAN, 2, w);
    bits(c, F.spanid, o + COS_SPAN, 2, w);
  }
  return o + COS_SPAN + 2;
}

/** The optional 8-byte platform-specific sub-header of type III, by Platform ID. */
function subheader(c: Ctx, o: number, end: number): number {
  if (!c.has(o, 4, end)) return o;
  const w = c.u32(o);
  const platform = w >>> 26;
  bits(c, F.platid, o, 4, w);
  const p = PLATFORMS[platform];
  if (p === undefined) {
    // "ID: 0x0, 0x2, 0x8-0x63 are reserved": one 64-bit reserved field (0 is used as an alias of 7).
    if (c.has(o, SUBHEADER_LEN, end)) c.f.add(F.pidRsvd, o, SUBHEADER_LEN, c.u32(o + 4) & 0x03ffffff);
    return o + SUBHEADER_LEN;
  }
  bits(c, p[0], o, 4, w);
  bits(c, p[1], o, 4, w);
  c.uint(p[2], o + 4, 4, end);
  return o + SUBHEADER_LEN;
}

/** Per Platform ID: the two fields of the sub-header's first word and the field of its second. */
const PLATFORMS: (readonly [number, number, number] | undefined)[] = [];
PLATFORMS[1] = [F.pid1Rsvd, F.pid1Vsmid, F.pid1Port];
PLATFORMS[3] = [F.pid3Rsvd, F.pid3Port, F.pid3Ts];
PLATFORMS[4] = [F.pid4Rsvd1, F.pid4Rsvd2, F.pid4Rsvd3];
PLATFORMS[5] = PLATFORMS[6] = [F.pid5Switch, F.pid5Port, F.pid5Ts];
PLATFORMS[0] = PLATFORMS[7] = [F.pid7Rsvd, F.pid7Source, F.pid7Ts];

registerDissector('erspan', dissectErspan);
registerDissector('erspan_iii', dissectErspan22eb);
bind('gre.proto', 0x88be, 'erspan');
bind('gre.proto', 0x22eb, 'erspan_iii');
