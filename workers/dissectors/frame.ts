// The `frame` pseudo-protocol (Wireshark's packet-frame.c): record metadata as fields, then the
// link-layer dissector chosen by the record's link type through the `wtap_encap` table. A link
// type nobody dissects is shown as data, never as an error, with a line naming the link type.
// frame.encap_type holds Wireshark's encapsulation number (WTAP_ENCAP_*), not the LINKTYPE_*.
//
// The record's time gives four fields, with tshark 4.0's text:
//   frame.time           "May 18, 2013 20:21:44.837063000 UTC". tshark prints it in the local time
//                        zone (ABSOLUTE_TIME_LOCAL) with the zone's abbreviation; we print UTC
//                        whatever the time zone, which is byte for byte what tshark prints with
//                        TZ=UTC (a browser has no TZ to set, and Intl does not name zones as
//                        glibc does: "GMT+2" for "CEST"). The value compared by the filter is the
//                        same everywhere.
//   frame.time_epoch     1368908504.837063000
//   frame.time_delta     since the previous captured frame, and frame.time_relative since frame 1
//                        (frame-times.ts): 0.045135000, -0.450000000
// The last three are FT_RELATIVE_TIME in Wireshark 4.0. They are registered as absolute times,
// whose entries keep seconds (num) and nanoseconds (aux) apart, so that the filter compares them
// to the nanosecond at any size (a RELATIVE_TIME entry holds one double: no nanoseconds past 2^22
// s, and relative times reach epoch size when frame 1 has no timestamp); the text tshark prints
// for them is the one valueText writes for an absolute time (epochText), with no string made per
// packet; and the filter types them as 4.0 does (filter/types.ts timeKind: seconds, not dates).
// frame.time_delta_displayed (since the previous *displayed* frame) depends on the display filter,
// not on the packet: the caller says which frame was displayed before (frame-times.ts
// useDisplayedFrames: the session's filter result, the export's last printed frame), and a display
// filter cannot test it (filter/unfilterable.ts).

import { Group, Severity, expertAt, registerExperts } from './expert.ts';
import { SECONDS } from '../fields/format.ts';
import { Base, FT, fieldById, maskShift, names, registerFields } from '../fields/registry.ts';
import { EF, FieldGroup, type FieldList } from '../fields/field-list.ts';
import { RecordKind, type PacketRecord } from '../formats/record.ts';
import { P2P, type Ctx } from './context.ts';
import { dissectData } from './data.ts';
import { WTAP_ENCAP_NAMES, wtapEncap } from './link-names.ts';
import { linkTypeName } from '../formats/link-types.ts';
import { absTimeText } from './time-fields.ts';
import { displayedBefore, displayedTime, frameRefs, type FrameRefs } from './frame-times.ts';
import { protocolsInFrame } from './frame-protocols.ts';
import { timeDelta, type Delta } from '../analysis/nstime.ts';

/** Private Enterprise Numbers by name, for pcapng Custom Blocks: the ones of the corpus's
 *  captures, as Wireshark's enterprises file names them (IANA's registry has some 60,000). */
const ENTERPRISES = names([[32473, 'Example Enterprise Number for Documentation Use'], [36724, 'Kaplan Research and Application Prototyping']]);

/** The expert each pcapng comment carries (Comment/Comment: "Formatted comment"), and the one a
 *  timestamp's fraction of a second out of range raises. */
const X = registerExperts({
  comment: { name: 'frame.comment.expert', msg: 'Formatted comment', severity: Severity.COMMENT, group: Group.COMMENT },
  lenLtCaplen: { name: 'frame.len_lt_caplen', msg: 'Frame length is less than captured length', severity: Severity.ERROR, group: Group.MALFORMED },
  timeInvalid: { name: 'frame.time_invalid', msg: 'Arrival Time: Fractional second out of range (0-1000000000)', severity: Severity.NOTE, group: Group.SEQUENCE },
});

/** `148 bytes (1184 bits)`, as packet-frame.c labels the lengths. */
function bytesAndBits(v: number): string {
  return ` bytes (${v * 8} bits)`;
}

export const F = registerFields({
  frame: { name: 'frame', label: 'Frame', type: FT.PROTOCOL },
  section: { name: 'frame.section_number', label: 'Section number', type: FT.UINT, blurb: 'The number of the file section this frame is in' },
  interfaceId: { name: 'frame.interface_id', label: 'Interface id', type: FT.UINT },
  interfaceName: { name: 'frame.interface_name', label: 'Interface name', type: FT.STRING, blurb: 'The friendly name for this interface' },
  interfaceDescription: { name: 'frame.interface_description', label: 'Interface description', type: FT.STRING, blurb: 'The description for this interface' },
  packetFlags: { name: 'frame.packet_flags', label: 'Packet flags', type: FT.UINT, base: Base.HEX },
  flagsDirection: { name: 'frame.packet_flags_direction', label: 'Direction', type: FT.UINT, base: Base.HEX, mask: 0x3,
    names: names([[0, 'Unknown'], [1, 'Inbound'], [2, 'Outbound']]) },
  flagsReception: { name: 'frame.packet_flags_reception_type', label: 'Reception type', type: FT.UINT, mask: 0x1c,
    names: names([[0, 'Not specified'], [1, 'Unicast'], [2, 'Multicast'], [3, 'Broadcast'], [4, 'Promiscuous']]) },
  flagsFcsLength: { name: 'frame.packet_flags_fcs_length', label: 'FCS length', type: FT.UINT, mask: 0x1e0 },
  flagsReserved: { name: 'frame.packet_flags_reserved', label: 'Reserved', type: FT.UINT, mask: 0xfe00 },
  flagsCrc: { name: 'frame.packet_flags_crc_error', label: 'CRC error', type: FT.BOOLEAN, mask: 0x1000000, tf: ['Set', 'Not set'] },
  flagsTooLong: { name: 'frame.packet_flags_packet_too_error', label: 'Packet too long error', type: FT.BOOLEAN, mask: 0x2000000, tf: ['Set', 'Not set'] },
  flagsTooShort: { name: 'frame.packet_flags_packet_too_short_error', label: 'Packet too short error', type: FT.BOOLEAN, mask: 0x4000000, tf: ['Set', 'Not set'] },
  flagsGap: { name: 'frame.packet_flags_wrong_inter_frame_gap_error', label: 'Wrong interframe gap error', type: FT.BOOLEAN, mask: 0x8000000, tf: ['Set', 'Not set'] },
  flagsUnaligned: { name: 'frame.packet_flags_unaligned_frame_error', label: 'Unaligned frame error', type: FT.BOOLEAN, mask: 0x10000000, tf: ['Set', 'Not set'] },
  flagsSfd: { name: 'frame.packet_flags_start_frame_delimiter_error', label: 'Start frame delimiter error', type: FT.BOOLEAN, mask: 0x20000000, tf: ['Set', 'Not set'] },
  flagsPreamble: { name: 'frame.packet_flags_preamble_error', label: 'Preamble error', type: FT.BOOLEAN, mask: 0x40000000, tf: ['Set', 'Not set'] },
  flagsSymbol: { name: 'frame.packet_flags_symbol_error', label: 'Symbol error', type: FT.BOOLEAN, mask: 0x80000000, tf: ['Set', 'Not set'] },
  encap: { name: 'frame.encap_type', label: 'Encapsulation type', type: FT.INT, names: WTAP_ENCAP_NAMES },
  arrival: { name: 'frame.time', label: 'Arrival Time', type: FT.ABSOLUTE_TIME, blurb: 'Absolute time when this frame was captured' },
  // the three times are FT_RELATIVE_TIME in Wireshark, stored here as absolute times are (see addRel)
  time: { name: 'frame.time_epoch', label: 'Epoch Time', type: FT.ABSOLUTE_TIME, blurb: 'Epoch time when this frame was captured', unit: SECONDS },
  delta: { name: 'frame.time_delta', label: 'Time delta from previous captured frame', type: FT.ABSOLUTE_TIME, unit: SECONDS },
  deltaDisplayed: { name: 'frame.time_delta_displayed', label: 'Time delta from previous displayed frame', type: FT.ABSOLUTE_TIME, unit: SECONDS },
  relative: { name: 'frame.time_relative', label: 'Time since reference or first frame', type: FT.ABSOLUTE_TIME, blurb: 'Time relative to time reference or first frame', unit: SECONDS },
  number: { name: 'frame.number', label: 'Frame Number', type: FT.UINT },
  len: { name: 'frame.len', label: 'Frame Length', type: FT.UINT, unit: bytesAndBits },
  capLen: { name: 'frame.cap_len', label: 'Capture Length', type: FT.UINT, unit: bytesAndBits },
  pktComment: { name: 'pkt_comment', label: 'Packet comments', type: FT.PROTOCOL },
  comment: { name: 'frame.comment', label: 'Comment', type: FT.STRING },
  // (no frame is marked, ignored or time-shifted here: Wireshark's tree shows them all the same)
  dropCount: { name: 'frame.drop_count', label: 'Drop Count', type: FT.UINT, bits: 64 },
  marked: { name: 'frame.marked', label: 'Frame is marked', type: FT.BOOLEAN },
  ignored: { name: 'frame.ignored', label: 'Frame is ignored', type: FT.BOOLEAN },
  offsetShift: { name: 'frame.offset_shift', label: 'Time shift for this packet', type: FT.ABSOLUTE_TIME, unit: SECONDS },
  cbPen: { name: 'frame.cb_pen', label: 'Private Enterprise Number', type: FT.UINT, names: ENTERPRISES, unknownName: true },
  cbCopy: { name: 'frame.cb_copy', label: 'Copying', type: FT.BOOLEAN, tf: ['Allowed', 'Not Allowed'] },
  protocols: { name: 'frame.protocols', label: 'Protocols in frame', type: FT.STRING, blurb: 'Protocols carried by this frame' },
});

/** Dissect one record from the top. `c.begin()` must have been called for it. */
export function dissectFrame(c: Ctx, rec: PacketRecord): void {
  const f = c.f;
  const n = rec.capLen;
  // pcapng comments: a "Packet comments" tree of their own above the frame's, each comment a line
  // with a Comment expert (packet-frame.c's proto_pkt_comment)
  if (rec.comments) {
    f.push(f.add(F.pktComment, 0, 0));
    for (const s of rec.comments) {
      const i = f.addStr(F.comment, 0, 0, s);
      if (f.wanted === null) f.setText(i, s);
      expertAt(c, i, X.comment, s);
    }
    f.pop();
  }
  // packet-frame.c: the direction flags of a pcapng packet are its point-to-point direction (CHDLC
  // and PPP name the ends after it: "DCE → DTE" for one received)
  const dir = rec.packetFlags !== undefined && rec.packetFlags >= 0 ? rec.packetFlags & 3 : 0;
  c.p2pDir = dir === 1 ? P2P.RECV : dir === 2 ? P2P.SENT : P2P.UNKNOWN;
  const frame = f.add(F.frame, 0, n);
  f.push(frame);
  // (pcapng: the section, counted from 1, before the interface)
  if (rec.section !== undefined && rec.section > 0) f.add(F.section, 0, 0, rec.section);
  // A pcapng Custom Block is not a packet: it has no interface and no encapsulation.
  // A pcap file has no interfaces: tshark shows no interface id for its frames.
  if (rec.kind !== RecordKind.CUSTOM && INTERFACE.kept(f)) {
    if (rec.ifName !== null && rec.ifName !== undefined) {
      // packet-frame.c: the name is "unknown" when the interface has none
      f.push(f.add(F.interfaceId, 0, 0, rec.interfaceId));
      f.addStr(F.interfaceName, 0, 0, rec.ifName === '' ? 'unknown' : rec.ifName);
      if (rec.ifDescription) f.addStr(F.interfaceDescription, 0, 0, rec.ifDescription);
      f.pop();
    }
    if (rec.packetFlags !== undefined && rec.packetFlags >= 0) packetFlags(f, rec.packetFlags);
    f.add(F.encap, 0, 0, wtapEncap(rec.linkType));
  }
  const sec = rec.hasTime ? rec.tsSec : rec.kind === RecordKind.CUSTOM ? NaN : 0;
  const nsec = rec.hasTime ? rec.tsNsec : 0;
  // every frame is a reference or a predecessor, with or without a time (frame-times.ts)
  const r = frameRefs(c, sec, nsec);
  if (rec.hasTime) {
    const a = f.add(F.arrival, 0, 0, sec, EF.STR);
    if (a >= 0) {
      f.aux[a] = nsec;
      f.setStr(a, arrivalText(sec, nsec));
    }
    // packet-frame.c: a line of its own, "%09ld" of the nanoseconds (a file's fraction can be
    // anything: pcap's microseconds up to 2^32 - 1, pcapng's units)
    if (nsec < 0 || nsec >= 1e9) {
      const digits = nsec < 0 ? '-' + String(-nsec).padStart(8, '0') : String(nsec).padStart(9, '0');
      expertAt(c, -1, X.timeInvalid, `Arrival Time: Fractional second ${digits} is invalid, the valid range is 0-1000000000`);
    }
    if (SHIFT.kept(f)) addRel(f, F.offsetShift, ZERO);
    const t = f.add(F.time, 0, 0, sec);
    f.aux[t] = nsec;
    if (DELTAS.kept(f)) {
      if (r.hasPrev) timeDelta(d, sec, nsec, r.prevSec, r.prevNsec);
      else d.sec = d.nsec = 0;
      addRel(f, F.delta, d);
      addRel(f, F.deltaDisplayed, displayedDelta(c, sec, nsec, r));
      addRel(f, F.relative, timeDelta(d, sec, nsec, r.firstSec, r.firstNsec));
    }
  }
  // not generated in Wireshark's tree (no brackets), though no byte of the packet holds them
  f.add(F.number, 0, 0, c.frameNo);
  const lenItem = f.add(F.len, 0, 0, rec.origLen);
  // packet-frame.c: a reported length below the captured one is bogus (a damaged record)
  if (rec.origLen < n) expertAt(c, lenItem, X.lenLtCaplen);
  f.add(F.capLen, 0, 0, n);
  // pcapng's epb_dropcount (packet-frame.c shows it after the lengths)
  if (rec.dropCount !== undefined && rec.dropCount >= 0) f.add(F.dropCount, 0, 0, rec.dropCount);
  if (MARKS.kept(f)) {
    f.add(F.marked, 0, 0, 0, EF.GENERATED);
    f.add(F.ignored, 0, 0, 0, EF.GENERATED);
  }
  if (rec.kind === RecordKind.CUSTOM && rec.customPen !== undefined && rec.customPen >= 0) {
    f.add(F.cbPen, 0, 0, rec.customPen);
    f.add(F.cbCopy, 0, 0, rec.customCopy ? 1 : 0);
    // packet-frame.c's columns for a custom block
    c.colProtocol = 'PCAPNG';
    if (f.wanted === null) {
      const name = ENTERPRISES.get(rec.customPen) ?? 'Unknown';
      c.setInfo(`Custom Block: PEN = ${name} (${rec.customPen}), will ${rec.customCopy ? '' : 'not '}be copied`);
    }
  }
  // the list is known once the frame is dissected (below): the entry waits, last of the frame's
  const protocols = f.addStr(F.protocols, 0, 0, '', EF.GENERATED);
  f.pop();
  if (rec.kind === RecordKind.CUSTOM) {
    dissectData(c, 0, n);
    if (protocols >= 0) f.setStr(protocols, protocolsInFrame(c, protocols + 1));
    return;
  }
  c.frameLen = rec.origLen;
  const link = c.tables.lookup('wtap_encap', rec.linkType);
  if (link === undefined) {
    f.push(frame);
    f.text(0, 0, undissected(rec.linkType));
    f.pop();
  }
  // Bytes past the original length are outside the "reported" packet (Wireshark's tvb reported
  // length), so reading them marks the packet malformed rather than truncated.
  c.call(link ?? dissectData, 0, rec.origLen);
  // (not in the index pass, which keeps no frame.protocols)
  if (protocols >= 0) f.setStr(protocols, protocolsInFrame(c, protocols + 1));
}

/** pcapng's epb_flags word and its parts (packet-frame.c's "Packet flags: 0x00000000"). */
function packetFlags(f: FieldList, w: number): void {
  f.push(f.add(F.packetFlags, 0, 0, w));
  for (const id of FLAG_PARTS) {
    const def = fieldById(id);
    f.add(id, 0, 0, def.type === FT.BOOLEAN ? (w & def.mask ? 1 : 0) : (w & def.mask) >>> maskShift(def.mask));
  }
  f.pop();
}

const FLAG_PARTS = [F.flagsDirection, F.flagsReception, F.flagsFcsLength, F.flagsReserved, F.flagsCrc, F.flagsTooLong, F.flagsTooShort,
  F.flagsGap, F.flagsUnaligned, F.flagsSfd, F.flagsPreamble, F.flagsSymbol];

const d: Delta = { sec: 0, nsec: 0 };
/** Blocks of plain adds a lean dissection skips whole when it keeps none of their fields. */
const INTERFACE = new FieldGroup([F.interfaceId, F.interfaceName, F.interfaceDescription, F.encap, F.packetFlags]);
const DELTAS = new FieldGroup([F.delta, F.deltaDisplayed, F.relative]);
const SHIFT = new FieldGroup([F.offsetShift]);
const MARKS = new FieldGroup([F.marked, F.ignored]);
const ZERO: Delta = { sec: 0, nsec: 0 };

const dd: Delta = { sec: 0, nsec: 0 };

/** frame.time_delta_displayed: since the frame displayed before this one (Wireshark's prev_dis;
 *  0 when none was), which is the previous captured frame unless a display filter hides some. The
 *  delta from the previous captured frame must be in `d` already. */
function displayedDelta(c: Ctx, sec: number, nsec: number, r: FrameRefs): Delta {
  const prev = displayedBefore(c, c.frameNo);
  if (prev === c.frameNo - 1 && r.hasPrev) return d;
  if (prev < 1) {
    dd.sec = dd.nsec = 0;
    return dd;
  }
  const t = displayedTime();
  return timeDelta(dd, sec, nsec, t.sec, t.nsec);
}

/** A relative time entry, stored as an absolute time is (see above). */
function addRel(f: FieldList, id: number, t: Delta): void {
  const i = f.add(id, 0, 0, t.sec, EF.GENERATED);
  f.aux[i] = t.nsec;
}

let lastSec = NaN;
let lastPrefix = '';

/** frame.time's text; the date and time of day are made once per second of capture. */
function arrivalText(sec: number, nsec: number): string {
  if (sec !== lastSec) {
    const full = absTimeText(sec, 0);
    lastPrefix = full.slice(0, full.length - 14); // without ".000000000 UTC"
    lastSec = sec;
  }
  return `${lastPrefix}.${nsec < 0 ? '-' + String(-nsec).padStart(8, '0') : String(nsec).padStart(9, '0')} UTC`;
}

const undissectedText = new Map<number, string>();

/** "Link type DSA_TAG_DSA (284) is not dissected", built once per link type. */
function undissected(linkType: number): string {
  let s = undissectedText.get(linkType);
  if (s === undefined) {
    s = `Link type ${linkTypeName(linkType)} (${linkType}) is not dissected`;
    undissectedText.set(linkType, s);
  }
  return s;
}

const frameTimeScratch = { sec: 0, nsec: 0 };

/** The frame's timestamp (frame.time, added by the frame layer; 0 without one), in a shared
 *  object: for the dissectors above that match requests with replies or time a connection. */
export function frameTime(c: Ctx): { sec: number; nsec: number } {
  const i = c.f.find(F.time);
  frameTimeScratch.sec = i < 0 ? 0 : (c.f.num[i] as number);
  frameTimeScratch.nsec = i < 0 ? 0 : (c.f.aux[i] as number);
  return frameTimeScratch;
}
