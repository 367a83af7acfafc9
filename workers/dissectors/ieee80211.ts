// IEEE 802.11 MAC header (IEEE 802.11-2020 §9.2; Wireshark packet-ieee80211.c): LINKTYPE_IEEE802_11
// (105) and the frames inside radiotap.
//
//   +------------+----------+---------+---------+---------+-----------+---------+-----+------
//   | Frame ctl  | Duration | Addr 1  | Addr 2  | Addr 3  | Seq ctl   | Addr 4  | QoS | body … [FCS]
//   | (2, LE)    | (2, LE)  |         |         |         | (2, LE)   | (WDS)   | (2) |
//   +------------+----------+---------+---------+---------+-----------+---------+-----+------
// Which address is which depends on the frame type and, for data frames, on the To DS / From DS
// bits (§9.3.2.1 Table 9-30); Wireshark names each address as receiver / transmitter and as
// destination / source / BSSID / station, in that order, with hidden `wlan.addr` copies. Data
// frames carry LLC, management frames their parameters (ieee80211-mgt.ts); protected bodies are
// shown as data.

import { Base, FT, names, registerFields } from '../fields/registry.ts';
import { EF } from '../fields/field-list.ts';
import type { Ctx } from './context.ts';
import { dissectData } from './data.ts';
import { dissectLlc } from './llc.ts';
import { dissectWlanMgt } from './ieee80211-mgt.ts';
import { bind, registerDissector } from './tables.ts';

const FC = 0;
const FLAGS = 1;
const DURATION = 2;
const ADDR1 = 4;
const ADDR2 = 10;
const ADDR3 = 16;
const SEQ = 22;
const ADDR4 = 24;
const MGMT_HEADER_LEN = SEQ + 2;
const ADDR_LEN = 6;
const FCS_LEN = 4;
const MGMT = 0;
const CONTROL = 1;
const DATA = 2;
const FLAG_PROTECTED = 0x40;
/** Control frames that carry a transmitter address: RTS, PS-Poll, CF-End, BlockAck (Req), … */
const CONTROL_WITH_TA = new Set([4, 5, 8, 9, 10, 11, 14, 15]);

const FLAG = (name: string, label: string, mask: number, tf: readonly [string, string]): { name: string; label: string; type: FT; bits: number; mask: number; tf: readonly [string, string] } => ({
  name: `wlan.fc.${name}`, label, type: FT.BOOLEAN, bits: 8, mask, tf,
});

/** Wireshark's frame_type_subtype_vals, by (type << 4) | subtype (`tshark -G values`). */
export const TYPE_SUBTYPE_NAMES = names([
  [0x00, 'Association Request'], [0x01, 'Association Response'], [0x02, 'Reassociation Request'], [0x03, 'Reassociation Response'],
  [0x04, 'Probe Request'], [0x05, 'Probe Response'], [0x06, 'Measurement Pilot'], [0x08, 'Beacon frame'], [0x09, 'ATIM'],
  [0x0a, 'Disassociate'], [0x0b, 'Authentication'], [0x0c, 'Deauthentication'], [0x0d, 'Action'], [0x0e, 'Action No Ack'],
  [0x0f, 'Aruba Management'], [0x12, 'Trigger'], [0x14, 'Beamforming Report Poll'], [0x15, 'VHT/HE NDP Announcement'],
  [0x17, 'Control Wrapper'], [0x18, '802.11 Block Ack Req'], [0x19, '802.11 Block Ack'], [0x1a, 'Power-Save poll'],
  [0x1b, 'Request-to-send'], [0x1c, 'Clear-to-send'], [0x1d, 'Acknowledgement'], [0x1e, 'CF-End (Control-frame)'],
  [0x1f, 'CF-End + CF-Ack (Control-frame)'], [0x20, 'Data'], [0x21, 'Data + CF-Ack'], [0x22, 'Data + CF-Poll'],
  [0x23, 'Data + CF-Ack + CF-Poll'], [0x24, 'Null function (No data)'], [0x25, 'Acknowledgement (No data)'],
  [0x26, 'CF-Poll (No data)'], [0x27, 'CF-Ack/Poll (No data)'], [0x28, 'QoS Data'], [0x29, 'QoS Data + CF-Acknowledgment'],
  [0x2a, 'QoS Data + CF-Poll'], [0x2b, 'QoS Data + CF-Ack + CF-Poll'], [0x2c, 'QoS Null function (No data)'],
  [0x2e, 'QoS CF-Poll (No Data)'], [0x2f, 'QoS CF-Ack + CF-Poll (No data)'], [0x30, 'DMG Beacon'], [0x31, 'S1G Beacon'],
]);
/** What the frame's title and the Info column call a type/subtype without a name. */
export const UNNAMED_TYPE = 'Unrecognized (Reserved frame)';
/** The Info column's and the title's picture of the flags byte: a letter per set bit, from bit 7. */
const FLAG_LETTERS = 'opmPRMFT';

/** "opmPRMFT" with a dot for each clear bit of `flags`, then "C" when the frame ends in an FCS. */
export function flagsPicture(flags: number, fcs: boolean): string {
  let str = '';
  for (let k = 0; k < 8; k++) str += flags & (0x80 >> k) ? FLAG_LETTERS[k] : '.';
  return fcs ? `${str}C` : str;
}
const ETHER = (name: string, label: string): { name: string; label: string; type: FT } => ({ name: `wlan.${name}`, label, type: FT.ETHER });

export const F = registerFields({
  wlan: { name: 'wlan', label: 'IEEE 802.11 wireless LAN', type: FT.PROTOCOL },
  typeSubtype: { name: 'wlan.fc.type_subtype', label: 'Type/Subtype', type: FT.UINT, base: Base.HEX, bits: 16, names: TYPE_SUBTYPE_NAMES },
  fc: { name: 'wlan.fc', label: 'Frame Control Field', type: FT.UINT, base: Base.HEX, bits: 16 },
  version: { name: 'wlan.fc.version', label: 'Version', type: FT.UINT, bits: 8, mask: 0x03 },
  type: { name: 'wlan.fc.type', label: 'Type', type: FT.UINT, bits: 8, mask: 0x0c, names: names([[MGMT, 'Management frame'], [CONTROL, 'Control frame'], [DATA, 'Data frame']]) },
  subtype: { name: 'wlan.fc.subtype', label: 'Subtype', type: FT.UINT, bits: 8, mask: 0xf0 },
  flags: { name: 'wlan.flags', label: 'Flags', type: FT.UINT, base: Base.HEX, bits: 8 },
  ds: {
    name: 'wlan.fc.ds', label: 'DS status', type: FT.UINT, base: Base.HEX, bits: 8, mask: 0x03,
    names: names([
      [0, 'Not leaving DS or network is operating in AD-HOC mode (To DS: 0 From DS: 0)'], [1, 'Frame from STA to DS via an AP (To DS: 1 From DS: 0)'],
      [2, 'Frame from DS to a STA via AP(To DS: 0 From DS: 1)'], [3, 'WDS (AP to AP) or Mesh (MP to MP) Frame (To DS: 1 From DS: 1)'],
    ]),
  },
  tods: FLAG('tods', 'To DS', 0x01, ['Frame is entering DS', 'Frame is not entering DS']),
  fromds: FLAG('fromds', 'From DS', 0x02, ['Frame is exiting DS', 'Frame is not exiting DS']),
  frag: FLAG('frag', 'More Fragments', 0x04, ['More fragments follow', 'This is the last fragment']),
  retry: FLAG('retry', 'Retry', 0x08, ['Frame is being retransmitted', 'Frame is not being retransmitted']),
  pwrmgt: FLAG('pwrmgt', 'PWR MGT', 0x10, ['STA will go to sleep', 'STA will stay up']),
  moredata: FLAG('moredata', 'More Data', 0x20, ['Data is buffered for STA at AP', 'No data buffered']),
  protected: FLAG('protected', 'Protected flag', 0x40, ['Data is protected', 'Data is not protected']),
  order: FLAG('order', '+HTC/Order flag', 0x80, ['Strictly ordered', 'Not strictly ordered']),
  duration: { name: 'wlan.duration', label: 'Duration', type: FT.UINT, bits: 16, mask: 0x7fff, unit: ' microseconds' },
  ra: ETHER('ra', 'Receiver address'),
  raResolved: ETHER('ra_resolved', 'Receiver address (resolved)'),
  ta: ETHER('ta', 'Transmitter address'),
  taResolved: ETHER('ta_resolved', 'Transmitter address (resolved)'),
  da: ETHER('da', 'Destination address'),
  daResolved: ETHER('da_resolved', 'Destination address (resolved)'),
  sa: ETHER('sa', 'Source address'),
  saResolved: ETHER('sa_resolved', 'Source address (resolved)'),
  bssid: ETHER('bssid', 'BSS Id'),
  bssidResolved: ETHER('bssid_resolved', 'BSS Id (resolved)'),
  staa: ETHER('staa', 'STA address'),
  staaResolved: ETHER('staa_resolved', 'STA address (resolved)'),
  addr: ETHER('addr', 'Hardware address'),
  addrResolved: ETHER('addr_resolved', 'Hardware address (resolved)'),
  fragNumber: { name: 'wlan.frag', label: 'Fragment number', type: FT.UINT, bits: 16, mask: 0x000f },
  seq: { name: 'wlan.seq', label: 'Sequence number', type: FT.UINT, bits: 16, mask: 0xfff0 },
  qos: { name: 'wlan.qos', label: 'Qos Control', type: FT.UINT, base: Base.HEX, bits: 16 },
  tid: { name: 'wlan.qos.tid', label: 'TID', type: FT.UINT, bits: 16, mask: 0x000f },
  priority: {
    name: 'wlan.qos.priority', label: 'Priority', type: FT.UINT, bits: 16, mask: 0x0007,
    names: names([[0, 'Best Effort (Best Effort)'], [1, 'Background (Background)'], [2, 'Spare (Background)'], [3, 'Excellent Effort (Best Effort)'], [4, 'Controlled Load (Video)'], [5, 'Video (Video)'], [6, 'Voice (Voice)'], [7, 'Network Control (Voice)']]),
  },
  bit4: { name: 'wlan.qos.bit4', label: 'QoS bit 4', type: FT.BOOLEAN, bits: 16, mask: 0x0010, tf: ['Bits 8-15 of QoS Control field are Queue Size', 'Bits 8-15 of QoS Control field are TXOP Duration Requested'] },
  ack: { name: 'wlan.qos.ack', label: 'Ack Policy', type: FT.UINT, base: Base.HEX, bits: 16, mask: 0x0060, names: names([[0, 'Normal Ack'], [1, 'No Ack'], [2, 'No explicit acknowledgment'], [3, 'Block Ack']]) },
  amsdu: { name: 'wlan.qos.amsdupresent', label: 'Payload Type', type: FT.BOOLEAN, bits: 16, mask: 0x0080, tf: ['A-MSDU', 'MSDU'] },
  // (in units of 32 microseconds, 802.11-2020 9.2.4.5.5)
  txop: { name: 'wlan.qos.txop_dur_req', label: 'TXOP Duration Requested', type: FT.UINT, bits: 16, mask: 0xff00, unit: (v) => (v === 0 ? ' (no TXOP requested)' : ` (${v * 32} usec)`) },
  queue: { name: 'wlan.qos.queue_size', label: 'Queue Size', type: FT.UINT, bits: 16, mask: 0xff00 },
  fcs: { name: 'wlan.fcs', label: 'Frame check sequence', type: FT.UINT, base: Base.HEX, bits: 32 },
  fcsStatus: { name: 'wlan.fcs.status', label: 'FCS Status', type: FT.UINT, bits: 8, names: names([[0, 'Bad'], [1, 'Good'], [2, 'Unverified'], [3, 'Not present'], [4, 'Illegal']]), nameAlone: true },
});

const HIDDEN = EF.HIDDEN | EF.GENERATED;
/** The flag bits 2–7 of the second frame-control byte, in bit order. */
const FLAG_FIELDS = [F.frag, F.retry, F.pwrmgt, F.moredata, F.protected, F.order];

/** An address field, its hidden "resolved" twin, and optionally the hidden wlan.addr copies.
 *  Bounds-checked: a cut header keeps the addresses before the cut, then stops. */
function address(c: Ctx, id: number, resolved: number, o: number, end: number, withAddr: boolean): void {
  if (!c.field(id, o, ADDR_LEN, end)) return;
  c.f.add(resolved, o, ADDR_LEN, 0, HIDDEN);
  if (withAddr) hiddenAddr(c, o);
}

function hiddenAddr(c: Ctx, o: number): void {
  if (c.stop) return;
  c.f.add(F.addr, o, ADDR_LEN, 0, EF.HIDDEN);
  c.f.add(F.addrResolved, o, ADDR_LEN, 0, HIDDEN);
}

/** Fragment and sequence numbers (the sequence control field, little-endian). */
function sequence(c: Ctx, o: number, end: number): void {
  if (!c.has(o, 2, end)) return;
  const v = c.le(o, 2);
  c.f.add(F.fragNumber, o, 2, v & 0xf);
  c.f.add(F.seq, o, 2, v >> 4);
}

function frameControl(c: Ctx, off: number, type: number, subtype: number, flags: number): void {
  const f = c.f;
  f.add(F.typeSubtype, off + FC, 1, (type << 4) | subtype);
  f.push(f.add(F.fc, off + FC, 2, c.u16(off + FC)));
  f.add(F.version, off + FC, 1, c.u8(off + FC) & 3);
  f.add(F.type, off + FC, 1, type);
  f.add(F.subtype, off + FC, 1, subtype);
  f.push(f.add(F.flags, off + FLAGS, 1, flags));
  f.add(F.ds, off + FLAGS, 1, flags & 3);
  f.add(F.tods, off + FLAGS, 1, flags & 1, EF.HIDDEN);
  f.add(F.fromds, off + FLAGS, 1, (flags >> 1) & 1, EF.HIDDEN);
  for (let i = 0; i < FLAG_FIELDS.length; i++) f.add(FLAG_FIELDS[i] as number, off + FLAGS, 1, (flags >> (i + 2)) & 1);
  f.pop();
  f.pop();
}

function wlan(c: Ctx, off: number, end: number, hasFcs: boolean): void {
  const f = c.f;
  if (!c.has(off, 2, end)) return;
  const b0 = c.u8(off + FC);
  const flags = c.u8(off + FLAGS);
  const type = (b0 >> 2) & 3;
  const subtype = b0 >> 4;
  const ds = flags & 3;
  const qos = type === DATA && (subtype & 0x8) !== 0;
  let hlen = type === CONTROL ? (CONTROL_WITH_TA.has(subtype) ? ADDR3 : ADDR2) : MGMT_HEADER_LEN;
  if (type === DATA && ds === 3) hlen += ADDR_LEN;
  if (qos) hlen += 2;
  const bodyEnd = hasFcs ? end - FCS_LEN : end;
  const wl = c.proto(F.wlan, off, off + hlen);
  const ts = (type << 4) | subtype;
  f.label(wl, `IEEE 802.11 ${TYPE_SUBTYPE_NAMES.get(ts) ?? UNNAMED_TYPE}, Flags: ${flagsPicture(flags, hasFcs)}`);
  frameControl(c, off, type, subtype, flags);
  if (!c.has(off + DURATION, 2, end)) return;
  f.add(F.duration, off + DURATION, 2, c.le(off + DURATION, 2) & 0x7fff);
  if (type === CONTROL) {
    address(c, F.ra, F.raResolved, off + ADDR1, end, true);
    if (hlen > ADDR2) address(c, F.ta, F.taResolved, off + ADDR2, end, true);
  } else if (type === MGMT) {
    address(c, F.ra, F.raResolved, off + ADDR1, end, true);
    // Wireshark reads every address and the sequence control before naming the others.
    if (!c.has(off, MGMT_HEADER_LEN, end)) return;
    address(c, F.da, F.daResolved, off + ADDR1, end, false);
    address(c, F.ta, F.taResolved, off + ADDR2, end, false);
    address(c, F.sa, F.saResolved, off + ADDR2, end, false);
    address(c, F.bssid, F.bssidResolved, off + ADDR3, end, false);
    hiddenAddr(c, off + ADDR2);
    hiddenAddr(c, off + ADDR3);
    sequence(c, off + SEQ, end);
  } else {
    address(c, F.ra, F.raResolved, off + ADDR1, end, true);
    if (!c.has(off, ds === 3 ? ADDR4 + ADDR_LEN : MGMT_HEADER_LEN, end)) return;
    address(c, F.ta, F.taResolved, off + ADDR2, end, true);
    // Table 9-30: DA / SA / BSSID by To DS and From DS; the station is the non-AP side.
    const da = ds === 0 || ds === 2 ? ADDR1 : ADDR3;
    const sa = ds === 0 || ds === 1 ? ADDR2 : ds === 2 ? ADDR3 : ADDR4;
    address(c, F.da, F.daResolved, off + da, end, false);
    address(c, F.sa, F.saResolved, off + sa, end, false);
    if (ds !== 3) address(c, F.bssid, F.bssidResolved, off + (ds === 0 ? ADDR3 : ds === 1 ? ADDR1 : ADDR2), end, false);
    if (ds === 1 || ds === 2) address(c, F.staa, F.staaResolved, off + (ds === 1 ? ADDR2 : ADDR1), end, false);
    sequence(c, off + SEQ, end);
    if (ds === 3) hiddenAddr(c, off + ADDR4);
    hiddenAddr(c, off + ADDR3);
    // (packet-ieee80211.c adds the FCS before the QoS control field)
    if (hasFcs) fcs(c, bodyEnd, end);
    if (qos && c.has(off + hlen - 2, 2, end)) qosControl(c, off + hlen - 2, (subtype & 0x4) !== 0);
  }
  if (hasFcs && type !== DATA) fcs(c, bodyEnd, end);
  f.len[wl] = Math.max(0, Math.min(hlen, c.b.length - off));
  f.pop();
  if (c.stop || bodyEnd <= off + hlen) return;
  const body = off + hlen;
  // Data frames without a payload (Null function, subtype bit 2) carry nothing.
  if (type === DATA && !(subtype & 0x4) && !(flags & FLAG_PROTECTED)) c.call(dissectLlc, body, bodyEnd);
  else if (type === MGMT && !(flags & FLAG_PROTECTED)) dissectWlanMgt(c, body, bodyEnd, subtype);
  else if (type !== CONTROL) c.call(dissectData, body, bodyEnd);
}

/** The FCS at `o` (the frame's last 4 bytes), if the capture holds it. */
function fcs(c: Ctx, o: number, end: number): void {
  if (c.stop || !c.has(o, FCS_LEN, end)) return;
  const f = c.f;
  // The FCS is sent least significant byte first; Wireshark shows it as a little-endian number.
  const i = f.add(F.fcs, o, FCS_LEN, c.le(o, FCS_LEN));
  if (i >= 0 && f.wanted === null) f.appendLabel(i, ' [unverified]');
  f.add(F.fcsStatus, o, 0, 2, EF.GENERATED);
}

function qosControl(c: Ctx, o: number, nullData: boolean): void {
  const f = c.f;
  const v = c.le(o, 2);
  f.push(f.add(F.qos, o, 2, v));
  f.add(F.tid, o, 2, v & 0xf);
  f.add(F.priority, o, 2, v & 0x7, EF.GENERATED);
  f.add(F.bit4, o, 2, (v >> 4) & 1);
  f.add(F.ack, o, 2, (v >> 5) & 3);
  // (a QoS Null frame has no payload to be an A-MSDU)
  if (!nullData) f.add(F.amsdu, o, 2, (v >> 7) & 1);
  f.add(v & 0x10 ? F.queue : F.txop, o, 2, v >> 8);
  f.pop();
}

/** An 802.11 frame without FCS (LINKTYPE_IEEE802_11, radiotap without the FCS flag). */
export function dissectWlan(c: Ctx, off: number, end: number): void {
  wlan(c, off, end, false);
}

/** An 802.11 frame whose last 4 bytes are the FCS (radiotap's "FCS at end" flag). */
export function dissectWlanWithFcs(c: Ctx, off: number, end: number): void {
  wlan(c, off, end, true);
}

registerDissector('wlan', dissectWlan);
registerDissector('wlan_withfcs', dissectWlanWithFcs);
bind('wtap_encap', 105, 'wlan');
