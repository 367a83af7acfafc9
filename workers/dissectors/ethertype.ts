// What follows an EtherType or an 802.3 length field, shared by Ethernet, 802.1Q, 802.1ad, VN-Tag
// and Linux SLL: Wireshark's `ethertype` dissector (packet-ethertype.c), dissect_802_3
// (packet-ieee8023.c) and add_ethernet_trailer (packet-eth.c).
//
// The payload dissector may claim less than it was handed (Ctx.setEnd: an IPv4 total length, an
// ARP packet). What is left is shown in the tree of the header that carried the type, in order:
//   eth.padding   zeros up to the 60-byte minimum frame ("the minimum frame size is 64 octets",
//                 FCS included: IEEE 802.3 §4.4.2), counted on the whole frame (frame.len);
//   <trailer_id>  any other bytes (eth.trailer, vlan.trailer, sll.trailer …);
//   eth.fcs       the last 4 bytes, when the link says there is an FCS (fcsLen 4), or, when it
//                 does not know (fcsLen -1: LINKTYPE_ETHERNET), when the frame is 64 bytes or
//                 more and at least 4 bytes are left over.
// A payload that ran past the captured bytes (truncated) gets no trailer: Wireshark rethrows that
// exception past the trailer code. A malformed payload still gets one.

import { Base, FT, names, registerFields } from '../fields/registry.ts';
import { EF } from '../fields/field-list.ts';
import type { Ctx, Dissector } from './context.ts';
import { Status } from './context.ts';
import { dissectData } from './data.ts';
import { dissectorByName } from './tables.ts';
import { ETHERTYPE_NAMES } from './ethernet.ts';
import { Group, Severity, expertAt, registerExperts } from './expert.ts';

/** Frame size before the FCS below which an Ethernet sender pads. */
const ETH_MIN_LEN = 60;
const FCS_LEN = 4;
/** Frames this long (FCS included) need no padding, so leftover bytes may end with an FCS. */
const FCS_GUESS_MIN_FRAME = ETH_MIN_LEN + FCS_LEN;
export const IEEE_802_3_MAX_LEN = 1500;
export const ETHERNET_II_MIN_LEN = 1536;

export const F = registerFields({
  padding: { name: 'eth.padding', label: 'Padding', type: FT.BYTES, blurb: 'Ethernet Padding' },
  fcs: { name: 'eth.fcs', label: 'Frame check sequence', type: FT.UINT, base: Base.HEX, bits: 32 },
  fcsStatus: {
    name: 'eth.fcs.status', label: 'FCS Status', type: FT.UINT, bits: 8, nameAlone: true,
    names: names([[0, 'Bad'], [1, 'Good'], [2, 'Unverified'], [3, 'Not present'], [4, 'Illegal']]),
  },
});

const X = registerExperts({
  paddingBad: { name: 'eth.padding_bad', msg: 'Padding identification may be inaccurate and impact trailer dissector', severity: Severity.NOTE, group: Group.PROTOCOL },
});

/** Checksum status "Unverified": Wireshark does not check the FCS by default (eth.check_fcs). */
const UNVERIFIED = 2;

/**
 * Wireshark's `ethertype` dissector: [off, end) to the dissector for `type` (data if none), then
 * the bytes it did not claim as padding / trailer / FCS under entry `parent`. `frameStart` is
 * where the header carrying the type begins (its tvb, for the 64-byte FCS guess).
 */
export function ethertype(c: Ctx, type: number, off: number, end: number, parent: number, trailerId: number, fcsLen: number, frameStart: number): void {
  const found = c.tables.lookup('ethertype', type);
  const pend = fcsLen > 0 && end - off >= fcsLen ? end - fcsLen : end;
  c.layer('ethertype');
  const used = c.call(found ?? dissectData, off, pend);
  // packet-ethertype.c: no dissector took the payload (none for the type, or it refused it):
  // "0x86dd" in the Protocol column, and the type's name, if it has one, in Info
  if (found === undefined || c.calleeRejected()) {
    c.colProtocol = `0x${type.toString(16).padStart(4, '0')}`;
    const name = ETHERTYPE_NAMES.get(type);
    if (name !== undefined && c.f.wanted === null) c.setInfo(name);
  }
  if (truncated(c) || used >= end) return;
  trailer(c, parent, trailerId, used, end, fcsLen, frameStart, false);
}

let llc: Dissector | undefined;

/**
 * Wireshark's dissect_802_3: a length field (already read as `length`) at off - 2, then LLC (or
 * raw IPX, shown as data) over `length` bytes, then the rest as trailer.
 */
export function ieee8023(c: Ctx, length: number, isLlc: boolean, off: number, end: number, parent: number, lenId: number, trailerId: number, fcsLen: number, frameStart: number): void {
  const f = c.f;
  f.push(parent);
  f.add(lenId, off - 2, 2, length);
  f.pop();
  let reported = end - off;
  if (fcsLen > 0 && reported >= fcsLen) reported -= fcsLen;
  if (length > reported) {
    // "Length field value goes past the end of the payload" (an expert error, not an exception).
    length = reported;
    c.status |= Status.MALFORMED;
  }
  const d = isLlc ? (llc ??= dissectorByName('llc')) : undefined;
  c.call(d ?? dissectData, off, off + length);
  if (truncated(c)) return;
  trailer(c, parent, trailerId, off + length, end, fcsLen, frameStart, true);
}

/** True when dissection stopped on missing captured bytes (Wireshark's BoundsError, rethrown). */
function truncated(c: Ctx): boolean {
  return c.stop && (c.status & Status.TRUNCATED) !== 0;
}

/**
 * add_ethernet_trailer over [from, end). For the EtherType path a trailer that starts past the
 * captured bytes is skipped (add_dix_trailer's tvb_offset_exists); the 802.3 path makes its
 * subset anyway and fails on the bytes it then reads (`always`).
 */
function trailer(c: Ctx, parent: number, trailerId: number, from: number, end: number, fcsLen: number, frameStart: number, always: boolean): void {
  const f = c.f;
  const b = c.b;
  const cap = Math.min(end, b.length);
  if (from > cap || (from === cap && !always)) {
    if (from > cap) c.fail(Status.TRUNCATED);
    return;
  }
  let len = cap - from;
  let rep = end - from;
  const pkt = c.frameLen;
  let pad = 0;
  // "There couldn't be a padding if the length of the frame (including the trailer) is still less
  // than 60 bytes"
  const maybePadded = pkt >= ETH_MIN_LEN && pkt - rep < ETH_MIN_LEN;
  if (maybePadded) {
    pad = ETH_MIN_LEN - (pkt - rep);
    for (let i = 0; i < pad; i++) {
      if (from + i >= cap) {
        c.fail(Status.TRUNCATED);
        return;
      }
      if (b[from + i] !== 0) {
        pad = 0;
        break;
      }
    }
    if (pad > 0) {
      f.push(parent);
      f.add(F.padding, from, pad);
      f.pop();
      len -= pad;
      rep -= pad;
    }
  }
  let hasFcs = false;
  if (fcsLen !== 0 && (fcsLen === FCS_LEN || (end - frameStart >= FCS_GUESS_MIN_FRAME && rep >= FCS_LEN))) {
    hasFcs = true;
    if (len < rep) {
      rep -= FCS_LEN;
      if (len > rep) len = rep;
    } else {
      len -= FCS_LEN;
      rep -= FCS_LEN;
    }
    if (len < 0) {
      c.fail(Status.MALFORMED);
      return;
    }
  }
  f.push(parent);
  if (len > 0) {
    const item = f.add(trailerId, from + pad, len);
    // bytes where padding should be that are not zeros (the default eth.padding "Zeros")
    if (maybePadded && pad === 0) expertAt(c, item, X.paddingBad, "Didn't find padding of zeros, and an undecoded trailer exists. There may be padding of non-zeros.");
  }
  if (hasFcs) {
    const at = from + pad + len;
    if (at + FCS_LEN > b.length) {
      f.pop();
      c.fail(Status.TRUNCATED);
      return;
    }
    const fcs = f.add(F.fcs, at, FCS_LEN, c.u32(at));
    if (f.wanted === null) f.appendLabel(fcs, ' [unverified]');
    f.add(F.fcsStatus, at, 0, UNVERIFIED, EF.GENERATED);
  }
  f.pop();
}
