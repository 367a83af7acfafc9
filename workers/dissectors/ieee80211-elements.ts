// The contents of 802.11 management elements (IEEE 802.11-2020 §9.4.2; Wireshark
// packet-ieee80211.c), as tshark -V draws them: the Capability Information bits of the fixed
// parameters, ERP Information (42), HT Capabilities (45: capability bits, A-MPDU parameters, the
// supported MCS set, extended capabilities, transmit beamforming, antenna selection), HT Operation
// ("HT Information", 61) and the Wi-Fi Alliance's WMM elements inside Vendor Specific (221, OUI
// 00:50:f2 type 2: Information and Parameter elements with their four AC parameter records).
// TIM (5), Country (7), QBSS Load (11), Power Constraint (32), RSN (48: ciphers, AKMs,
// capabilities), Supported Operating Classes (59), RM Enabled Capabilities (70), Extended
// Capabilities (127), VHT Capabilities and Operation (191, 192) too. Fields and
// their words are tshark's (ieee80211-element-fields.ts, generated).
//
// Not done: the other elements' contents (HE in Element ID Extension …), RSN's PMKIDs and group
// management cipher, other vendors' elements, names of OUIs other than IEEE 802.11's and Microsoft's.

import { fieldById, FT, maskShift } from '../fields/registry.ts';
import { bitPattern } from '../fields/format.ts';
import type { Ctx } from './context.ts';
import { E } from './ieee80211-element-fields.ts';
import { flagParts } from './flag-names.ts';
import { latin1Text } from './ascii.ts';

/** The id of generated field `name` (a name it lacks fails when the module loads, not later). */
function id(name: string): number {
  const v = (E as Readonly<Record<string, number>>)[name];
  if (v === undefined) throw new Error(`802.11 element field ${name} is not registered`);
  return v;
}
const ids = (prefix: string, names: readonly string[]): number[] => names.map((n) => id(prefix + n));

const CAPABILITY_BITS = ids('wlan.fixed.capabilities.', [
  'ess', 'ibss', 'reserved1', 'reserved2', 'privacy', 'short_preamble', 'reserved3', 'reserved4', 'spec_man', 'qos', 'short_slot_time', 'apsd',
  'radio_measurement', 'epd', 'reserved5', 'reserved6',
]);
const ERP_BITS = ids('wlan.erp_info.', ['erp_present', 'use_protection', 'barker_preamble_mode', 'reserved']);
const HT_CAP_BITS = ids('wlan.ht.capabilities.', [
  'ldpccoding', 'width', 'sm', 'green', 'short20', 'short40', 'txstbc', 'rxstbc', 'delayedblockack', 'amsdu', 'dsscck', 'psmp', '40mhzintolerant', 'lsig',
]);
const AMPDU_BITS = ids('wlan.ht.ampduparam.', ['maxlength', 'mpdudensity', 'reserved']);
const HTEX_BITS = ids('wlan.htex.capabilities.', ['pco', 'transtime', 'mcs', 'htc', 'rdresponder']);
const TXBF_BITS = ids('wlan.txbf.', [
  'txbf', 'rxss', 'txss', 'rxndp', 'txndp', 'impltxbf', 'calibration', 'csi', 'fm.uncompressed.tbf', 'fm.compressed.tbf', 'rcsi', 'fm.uncompressed.rbf',
  'fm.compressed.bf', 'mingroup', 'csinumant', 'fm.uncompressed.maxant', 'fm.compressed.maxant', 'csi.maxrows', 'channelest', 'reserved',
]);
const ASEL_BITS = ids('wlan.asel.', ['capable', 'txcsi', 'txif', 'csi', 'if', 'rx', 'sppdu', 'reserved']);
const RX_BITMASK_0_31 = ids('wlan.ht.mcsset.rxbitmask.', ['0to7', '8to15', '16to23', '24to31']);
const RX_BITMASK_32_52 = ids('wlan.ht.mcsset.rxbitmask.', ['32', '33to38', '39to52']);
const HT_INFO_1 = ids('wlan.ht.info.', ['secchanoffset', 'chanwidth', 'rifs', 'reserved_b4_b7']);
const HT_INFO_2 = ids('wlan.ht.info.', ['ht_protection', 'greenfield', 'reserved_b11', 'obssnonht', 'chan_center_freq_seg_2', 'reserved_b21_b23']);
const HT_INFO_3 = ids('wlan.ht.info.', ['reserved_b24_b29', 'dualbeacon', 'dualcts', 'secondarybeacon', 'lsigprotsupport', 'pco.active', 'pco.phase', 'reserved_b36_b39']);
const QOS_INFO_AP = ids('wlan.wfa.ie.wme.qos_info.ap.', ['u_apsd', 'parameter_set_count', 'reserved']);
const QOS_INFO_STA = ids('wlan.wfa.ie.wme.qos_info.sta.', ['max_sp_length', 'ac_be', 'ac_bk', 'ac_vi', 'ac_vo', 'reserved']);
const ACI_AIFSN = ids('wlan.wfa.ie.wme.acp.', ['aifsn', 'acm', 'aci', 'reserved']);
const ECW = ids('wlan.wfa.ie.wme.acp.ecw.', ['max', 'min']);

/** The value of masked field `part` in the word `v`: a boolean's bit, an integer's shifted bits. */
function partOf(part: number, v: number): number {
  const def = fieldById(part);
  return def.type === FT.BOOLEAN ? (v & def.mask ? 1 : 0) : (v & def.mask) >>> maskShift(def.mask);
}

/** A little-endian word of `n` bytes at o, added as `word` with a line for each of its `parts`
 *  beneath (nothing appended to its line); its value, or -1 past `end`. */
function bitWord(c: Ctx, word: number, o: number, n: number, parts: readonly number[], end: number): number {
  if (!c.has(o, n, end)) return -1;
  const v = c.le(o, n);
  return flagParts(c, c.f.add(word, o, n, v), parts, o, n, v, false);
}

/** The Capability Information field's bits under the field, already added as item `item`. */
export function capabilityBits(c: Ctx, item: number, o: number, v: number): void {
  flagParts(c, item, CAPABILITY_BITS, o, 2, v, false);
}

/** packet-ieee80211.c's mcsset_tx_max_spatial_streams_flags: streams by index (4: not defined). */
function streamsText(n: number): string {
  return n <= 3 ? `${n + 1} spatial stream${n === 0 ? '' : 's'}` : n === 4 ? 'TX MCS Set Not Defined' : `Reserved:${n}`;
}

/** The 16-byte Supported MCS Set at o (dissect_mcs_set): the receive bitmask with the spatial
 *  streams it reaches, the highest data rate, and the transmit set's parameters. */
function mcsSet(c: Ctx, o: number, end: number, basic: boolean): void {
  if (!c.has(o, 16, end)) return;
  const f = c.f;
  const full = f.wanted === null;
  const set = f.add(id('wlan.ht.mcsset'), o, 16);
  if (full) f.label(set, `Rx Supported Modulation and Coding Scheme Set: ${basic ? 'Basic MCS Set' : 'MCS Set'}`);
  f.push(set);
  const low = c.le(o, 4);
  // the receive streams: the highest of the first four bitmask octets that has a bit set (8: none)
  const rxStreams = low & 0xff000000 ? 3 : low & 0xff0000 ? 2 : low & 0xff00 ? 1 : low & 0xff ? 0 : 8;
  const bits = f.add(id('wlan.ht.mcsset.rxbitmask'), o, 10);
  if (full) f.label(bits, `Rx Modulation and Coding Scheme (One bit per modulation): ${streamsText(rxStreams)}`);
  f.push(bits);
  for (const p of RX_BITMASK_0_31) f.add(p, o, 4, partOf(p, low));
  const mid = c.le(o + 4, 4);
  for (const p of RX_BITMASK_32_52) f.add(p, o + 4, 4, partOf(p, mid));
  const high = id('wlan.ht.mcsset.rxbitmask.53to76');
  f.add(high, o + 6, 4, partOf(high, c.le(o + 6, 4)));
  f.pop();
  const rate = id('wlan.ht.mcsset.highestdatarate');
  f.add(rate, o + 10, 2, partOf(rate, c.le(o + 10, 2)));
  const tx = c.le(o + 12, 2);
  // not defined, or equal to the receive set; Wireshark 4.0 names no count for a set of its own
  // (802.11-2012 table 8-126's unequal rows): "Reserved:8", as for no bit set above
  const defined = tx & 1;
  const unequal = tx & 2;
  const txStreams = unequal ? 8 : defined ? rxStreams : 4;
  f.add(id('wlan.ht.mcsset.txsetdefined'), o + 12, 2, defined ? 1 : 0);
  f.add(id('wlan.ht.mcsset.txrxmcsnotequal'), o + 12, 2, unequal ? 1 : 0);
  const max = id('wlan.ht.mcsset.txmaxss');
  const m = f.add(max, o + 12, 2, partOf(max, tx));
  if (m >= 0 && full) f.appendLabel(m, `, ${streamsText(txStreams)}`);
  f.add(id('wlan.ht.mcsset.txunequalmod'), o + 12, 2, (tx >> 4) & 1);
  f.pop();
}

/** HT Capabilities (element 45) at o, `len` bytes. */
export function htCapabilities(c: Ctx, o: number, len: number, end: number): void {
  if (len < 26) return;
  bitWord(c, id('wlan.ht.capabilities'), o, 2, HT_CAP_BITS, end);
  bitWord(c, id('wlan.ht.ampduparam'), o + 2, 1, AMPDU_BITS, end);
  mcsSet(c, o + 3, end, false);
  bitWord(c, id('wlan.htex.capabilities'), o + 19, 2, HTEX_BITS, end);
  bitWord(c, id('wlan.txbf'), o + 21, 4, TXBF_BITS, end);
  bitWord(c, id('wlan.asel'), o + 25, 1, ASEL_BITS, end);
}

/** HT Information (HT Operation, element 61) at o, `len` bytes. */
export function htInformation(c: Ctx, o: number, len: number, end: number): void {
  if (len < 22 || !c.has(o, 1, end)) return;
  c.f.add(id('wlan.ht.info.primarychannel'), o, 1, c.u8(o));
  bitWord(c, id('wlan.ht.info.delim1'), o + 1, 1, HT_INFO_1, end);
  bitWord(c, id('wlan.ht.info.delim2'), o + 2, 2, HT_INFO_2, end);
  bitWord(c, id('wlan.ht.info.delim3'), o + 4, 2, HT_INFO_3, end);
  mcsSet(c, o + 6, end, true);
}

/** ERP Information (element 42) at o. */
export function erpInformation(c: Ctx, o: number, len: number, end: number): void {
  if (len >= 1) bitWord(c, id('wlan.erp_info'), o, 1, ERP_BITS, end);
}

const MICROSOFT = 0x0050f2;
const WFA_WMM = 2;
const WME_INFORMATION = 0;
const WME_PARAMETER = 1;
const ACI_NAMES = ['Best Effort', 'Background', 'Video', 'Voice'];

/**
 * Vendor Specific (element 221) at o, `len` bytes, in a management frame that an AP sends
 * (`fromAp`: beacons, probe and association responses) or a station sends; returns what the tag's
 * title adds (": Microsoft Corp.: WMM/WME: Parameter Element"), '' for a vendor not decoded.
 */
export function vendorSpecific(c: Ctx, o: number, len: number, end: number, fromAp: boolean): string {
  if (len < 4 || !c.has(o, 4, end)) return '';
  const oui = (c.u8(o) << 16) | (c.u8(o + 1) << 8) | c.u8(o + 2);
  const type = c.u8(o + 3);
  if (oui !== MICROSOFT || type !== WFA_WMM || len < 7) return '';
  const f = c.f;
  const full = f.wanted === null;
  const i = f.add(id('wlan.tag.oui'), o, 3, oui);
  if (i >= 0 && full) f.setText(i, 'OUI: 00:50:f2 (Microsoft Corp.)');
  f.add(id('wlan.tag.vendor.oui.type'), o + 3, 1, type);
  f.add(id('wlan.wfa.ie.type'), o + 3, 1, type);
  const subtype = c.u8(o + 4);
  f.add(id('wlan.wfa.ie.wme.subtype'), o + 4, 1, subtype);
  f.add(id('wlan.wfa.ie.wme.version'), o + 5, 1, c.u8(o + 5));
  if (subtype !== WME_INFORMATION && subtype !== WME_PARAMETER) return ': Microsoft Corp.: WMM/WME';
  bitWord(c, id('wlan.wfa.ie.wme.qos_info'), o + 6, 1, fromAp ? QOS_INFO_AP : QOS_INFO_STA, end);
  if (subtype === WME_PARAMETER && len >= 24) {
    f.add(id('wlan.wfa.ie.wme.reserved'), o + 7, 1);
    for (let k = 0; k < 4; k++) acParameters(c, o + 8 + 4 * k, end);
  }
  return `: Microsoft Corp.: WMM/WME: ${subtype === WME_PARAMETER ? 'Parameter Element' : 'Information Element'}`;
}

/** One AC Parameter Record (4 bytes): ACI/AIFSN, ECWmin/max (with the CWs they give), TXOP limit. */
function acParameters(c: Ctx, o: number, end: number): void {
  if (!c.has(o, 4, end)) return;
  const f = c.f;
  const a = c.u8(o);
  const ecw = c.u8(o + 1);
  const txop = c.le(o + 2, 2);
  const aci = (a >> 5) & 3;
  const ecwMin = ecw & 0xf;
  const ecwMax = ecw >> 4;
  const cwMin = 2 ** ecwMin - 1;
  const cwMax = 2 ** ecwMax - 1;
  const rec = f.add(id('wlan.wfa.ie.wme.acp'), o, 4);
  if (f.wanted === null) {
    f.label(rec, `Ac Parameters ACI ${aci} (${ACI_NAMES[aci]}), ACM ${a & 0x10 ? 'yes' : 'no'}, AIFSN ${a & 0xf}, ECWmin/max ${ecwMin}/${ecwMax} (CWmin/max ${cwMin}/${cwMax}), TXOP ${txop}`);
  }
  f.push(rec);
  bitWord(c, id('wlan.wfa.ie.wme.acp.aci_aifsn'), o, 1, ACI_AIFSN, end);
  f.push(f.add(id('wlan.wfa.ie.wme.acp.ecw'), o + 1, 1, ecw));
  for (const p of ECW) f.add(p, o + 1, 1, partOf(p, ecw));
  f.add(id('wlan.wfa.ie.wme.acp.cw.max'), o + 1, 1, cwMax);
  f.add(id('wlan.wfa.ie.wme.acp.cw.min'), o + 1, 1, cwMin);
  f.pop();
  f.add(id('wlan.wfa.ie.wme.acp.txop_limit'), o + 2, 2, txop);
  f.pop();
}

const TIM_BITS = ids('wlan.tim.bmapctl.', ['multicast', 'offset']);

/** Traffic Indication Map (element 5) at o; what the tag's title adds ("DTIM 0 of 3 bitmap"). */
export function tim(c: Ctx, o: number, len: number, end: number): string {
  if (len < 4 || !c.has(o, len, end)) return '';
  const f = c.f;
  const count = c.u8(o);
  const period = c.u8(o + 1);
  f.add(id('wlan.tim.dtim_count'), o, 1, count);
  f.add(id('wlan.tim.dtim_period'), o + 1, 1, period);
  const ctl = bitWord(c, id('wlan.tim.bmapctl'), o + 2, 1, TIM_BITS, end);
  f.add(id('wlan.tim.partial_virtual_bitmap'), o + 3, len - 3);
  // each station with traffic buffered: its bit in the bitmap, which starts at octet (ctl & 0xfe)
  const aid = id('wlan.tim.aid');
  for (let k = 0; k < len - 3; k++) {
    const bits = c.u8(o + 3 + k);
    for (let j = 0; j < 8; j++) if (bits & (1 << j)) f.add(aid, o + 3 + k, 1, ((ctl & 0xfe) + k) * 8 + j);
  }
  return `: DTIM ${count} of ${period} bitmap`;
}

/** Country (element 7) at o: the code, the environment, then a line per triplet (first channel,
 *  count and power; or from 201 on an operating extension); what the title adds. */
export function country(c: Ctx, o: number, len: number, end: number): string {
  if (len < 3 || !c.has(o, len, end)) return '';
  const f = c.f;
  const full = f.wanted === null;
  const code = latin1Text(c.b, o, o + 2);
  f.addStr(id('wlan.country_info.code'), o, 2, code);
  const envId = id('wlan.country_info.environment');
  const env = c.u8(o + 2);
  f.add(envId, o + 2, 1, env);
  let p = o + 3;
  for (; p + 3 <= o + len; p += 3) {
    const [a, b2, c3] = [c.u8(p), c.u8(p + 1), c.u8(p + 2)];
    const ext = a >= 201;
    const t = f.add(id(ext ? 'wlan.country_info.rrc' : 'wlan.country_info.fnm'), p, 3);
    if (full) {
      f.label(t, ext
        ? `Country Info: Operating Extension Identifier: ${a}, Operating Class: ${b2}, Coverage Class: ${c3}`
        : `Country Info: First Channel Number: ${a}, Number of Channels: ${b2}, Maximum Transmit Power Level: ${(c3 << 24) >> 24} dBm`);
    }
    f.push(t);
    f.add(id(ext ? 'wlan.country_info.rrc.oei' : 'wlan.country_info.fnm.fcn'), p, 1, a);
    f.add(id(ext ? 'wlan.country_info.rrc.oc' : 'wlan.country_info.fnm.nc'), p + 1, 1, b2);
    f.add(id(ext ? 'wlan.country_info.rrc.cc' : 'wlan.country_info.fnm.mtpl'), p + 2, 1, ext ? c3 : (c3 << 24) >> 24);
    f.pop();
  }
  if (p < o + len) f.add(id('wlan.country_info.padding'), p, o + len - p);
  return `: Country Code ${code}, Environment ${fieldById(envId).names?.get(env) ?? 'Unknown'}`;
}

/** QBSS Load (element 11, the 5-byte 802.11e form) at o; what the title adds. */
export function qbssLoad(c: Ctx, o: number, len: number, end: number): string {
  if (len !== 5 || !c.has(o, len, end)) return '';
  const f = c.f;
  f.add(id('wlan.qbss.version'), o, 0, 2);
  f.add(id('wlan.qbss.scount'), o, 2, c.le(o, 2));
  f.add(id('wlan.qbss.cu'), o + 2, 1, c.u8(o + 2));
  f.add(id('wlan.qbss.adc'), o + 3, 2, c.le(o + 3, 2));
  return ' 802.11e CCA Version';
}

const IEEE_OUI = 0x000fac;
const RSN_CAP_BITS = ids('wlan.rsn.capabilities.', ['preauth', 'no_pairwise', 'ptksa_replay_counter', 'gtksa_replay_counter', 'mfpr', 'mfpc', 'jmr', 'peerkey', 'extended_key_id_iaf']);

/** A cipher or AKM suite's text: "00:0f:ac (Ieee 802.11) AES (CCM)" (its type named for IEEE 802.11's OUI). */
function suiteText(c: Ctx, o: number, typeId: number): string {
  const oui = (c.u8(o) << 16) | (c.u8(o + 1) << 8) | c.u8(o + 2);
  const type = c.u8(o + 3);
  const hex = [0, 1, 2].map((k) => c.u8(o + k).toString(16).padStart(2, '0')).join(':');
  if (oui !== IEEE_OUI) return `${hex} ${type}`;
  return `${hex} (Ieee 802.11) ${fieldById(typeId).names?.get(type) ?? type}`;
}

/** One suite at o as `prefix` (wlan.rsn.gcs / .pcs / .akms): the suite, its OUI and type beneath. */
function suite(c: Ctx, o: number, prefix: string, ouiName: string): string {
  const f = c.f;
  const typeId = id(`${prefix}.type`);
  // (the texts only for a tree: the index pass keeps the values)
  const s = f.wanted === null ? suiteText(c, o, typeId) : '';
  const i = f.add(id(prefix), o, 4, c.u32(o));
  if (i >= 0 && s !== '') f.setText(i, `${fieldById(id(prefix)).label}: ${s}`);
  f.push(i);
  const oui = (c.u8(o) << 16) | (c.u8(o + 1) << 8) | c.u8(o + 2);
  const k = f.add(id(`${prefix}.oui`), o, 3, oui);
  if (k >= 0 && s !== '') f.setText(k, `${ouiName}: ${s.split(' ').slice(0, oui === IEEE_OUI ? 3 : 1).join(' ')}`);
  f.add(typeId, o + 3, 1, c.u8(o + 3));
  f.pop();
  return s;
}

/** A count, then a list item holding that many suites ("Pairwise Cipher Suite List 00:0f:ac …");
 *  where it ends, or -1 when the element is shorter. */
function suiteList(c: Ctx, o: number, stop: number, prefix: string, listId: number, ouiName: string): number {
  if (o + 2 > stop) return -1;
  const f = c.f;
  const n = c.le(o, 2);
  f.add(id(`${prefix}.count`), o, 2, n);
  if (o + 2 + 4 * n > stop) return -1;
  const list = f.add(listId, o + 2, 4 * n);
  f.push(list);
  let text = fieldById(listId).label;
  for (let k = 0; k < n; k++) text += ` ${suite(c, o + 2 + 4 * k, prefix, ouiName)}`;
  f.pop();
  if (f.wanted === null) f.label(list, text);
  return o + 2 + 4 * n;
}

/** RSN (element 48) at o: version, group cipher, pairwise ciphers, AKMs and capabilities. */
export function rsn(c: Ctx, o: number, len: number, end: number): void {
  if (len < 2 || !c.has(o, len, end)) return;
  const f = c.f;
  const stop = o + len;
  f.add(id('wlan.rsn.version'), o, 2, c.le(o, 2));
  if (o + 6 > stop) return;
  suite(c, o + 2, 'wlan.rsn.gcs', 'Group Cipher Suite OUI');
  let p = suiteList(c, o + 6, stop, 'wlan.rsn.pcs', id('wlan.rsn.pcs.list'), 'Pairwise Cipher Suite OUI');
  if (p < 0) return;
  p = suiteList(c, p, stop, 'wlan.rsn.akms', id('wlan.rsn.akms.list'), 'Auth Key Management (AKM) OUI');
  if (p < 0 || p + 2 > stop) return;
  bitWord(c, id('wlan.rsn.capabilities'), p, 2, RSN_CAP_BITS, end);
}

const bitsOf = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, k) => `b${from + k}`);
/** Extended Capabilities' octets (from the first), each its fields in bit order. */
const EXTCAP_OCTETS: readonly (readonly number[])[] = [
  ...[0, 8, 16, 24, 32].map((b) => ids('wlan.extcap.', bitsOf(b, b + 7))),
  ids('wlan.extcap.', ['b40', 'serv_int_granularity', 'b44', 'b45', 'b46', 'b47']),
  ids('wlan.extcap.', bitsOf(48, 55)),
  ids('wlan.extcap.', bitsOf(56, 62)), // (octet 8: b63 is drawn apart, see extendedCapabilities)
  [],
  ...[72, 80, 88].map((b) => ids('wlan.extcap.', bitsOf(b, b + 7))),
  ids('wlan.extcap.', ['dmg_location', 'i2r_lmr_feedback_policy', 'reserved2']),
];
const EXTCAP_9 = ids('wlan.extcap.', bitsOf(65, 71));
const MAX_MSDUS = ['No limit', '32', '16', '8'];

/** A line of masked field `part` drawn over a 16-bit word (packet-ieee80211.c registers octet 8's
 *  bits a second time for it, as 16-bit fields). */
function wideLine(part: number, v: number, text: string): string {
  const def = fieldById(part);
  return `${bitPattern({ ...def, bits: 16 }, v)} = ${def.label}: ${text}`;
}

/**
 * Extended Capabilities (element 127) at o, `len` octets: a line per octet with its bits beneath,
 * octets 8 and 9 as one little-endian word when both are there (its A-MSDU limit spans them);
 * what the title adds. Octets past the 13th are not shown (as tshark 4.0).
 */
export function extendedCapabilities(c: Ctx, o: number, len: number, end: number): string {
  if (!c.has(o, len, end)) return '';
  const f = c.f;
  const full = f.wanted === null;
  const word = id('wlan.extcap');
  const msdus = id('wlan.extcap.b63');
  for (let k = 0; k < len && k < EXTCAP_OCTETS.length; k++) {
    if (k === 7 && len >= 9) {
      const v = c.le(o + 7, 2);
      const w = f.add(word, o + 7, 2, v);
      if (w >= 0 && full) f.setText(w, `Extended Capabilities: 0x${v.toString(16).padStart(4, '0')} (octets 8 & 9)`);
      f.push(w);
      for (const p of EXTCAP_OCTETS[7] as number[]) {
        const def = fieldById(p);
        const set = (v & def.mask) !== 0;
        const i = f.add(p, o + 7, 2, set ? 1 : 0);
        // (one bit each: a boolean's words, or a reserved bit's hex digit)
        const text = def.type !== FT.BOOLEAN ? `0x${set ? 1 : 0}` : def.tf ? def.tf[set ? 0 : 1] : set ? 'True' : 'False';
        if (i >= 0 && full) f.setText(i, wideLine(p, set ? 1 : 0, text));
      }
      const n = (v >> 7) & 3;
      const m = f.add(msdus, o + 7, 2, n);
      if (m >= 0 && full) f.setText(m, `${bitPattern({ ...fieldById(msdus), bits: 16, mask: 0x180 }, n)} = Max Number Of MSDUs In A-MSDU: ${MAX_MSDUS[n]} (${n})`);
      for (const p of EXTCAP_9) f.add(p, o + 7, 2, v & fieldById(p).mask ? 1 : 0);
      f.pop();
      k++;
      continue;
    }
    const v = c.u8(o + k);
    const w = f.add(word, o + k, 1, v);
    if (w >= 0 && full) f.appendLabel(w, ` (octet ${k + 1})`);
    flagParts(c, w, EXTCAP_OCTETS[k] as number[], o + k, 1, v, false);
    if (k === 7) {
      // octet 8 alone: its last bit as the 8-bit field shows it, a number without names
      f.push(w);
      const m = f.add(msdus, o + 7, 1, v >> 7);
      if (m >= 0 && full) f.setText(m, `${v & 0x80 ? '1' : '0'}... .... = Max Number Of MSDUs In A-MSDU: ${v >> 7}`);
      f.pop();
    }
  }
  return ` (${len} octets)`;
}

/** Power Constraint (element 32) at o; what the title adds (": 3"). */
export function powerConstraint(c: Ctx, o: number, len: number): string {
  if (len < 1) return '';
  const v = c.u8(o);
  c.f.add(id('wlan.powercon.local'), o, 1, v);
  return `: ${v}`;
}

/** Supported Operating Classes (element 59) at o: the current class, the alternates on one line. */
export function operatingClasses(c: Ctx, o: number, len: number): void {
  if (len < 1) return;
  const f = c.f;
  f.add(id('wlan.supopeclass.current'), o, 1, c.u8(o));
  if (len < 2) return;
  const alt = f.add(id('wlan.supopeclass.alt'), o + 1, len - 1);
  if (alt >= 0 && f.wanted === null) {
    const list = Array.from({ length: len - 1 }, (_, k) => c.u8(o + 1 + k)).join(', ');
    f.label(alt, `Alternate Operating Classes: ${list}`);
  }
}

/** RM Enabled Capabilities' five octets, each its fields in bit order. */
const RMCAP_OCTETS: readonly (readonly number[])[] = [
  ids('wlan.rmcap.', bitsOf(0, 7)),
  ids('wlan.rmcap.', bitsOf(8, 15)),
  ids('wlan.rmcap.', ['b16', 'b17', 'b18to20', 'b21to23']),
  ids('wlan.rmcap.', ['b24to26', 'b27', 'b28', 'b29', 'b30', 'b31']),
  ids('wlan.rmcap.', ['b32', 'b33', 'b34', 'b35', 'o5']),
];

/** RM Enabled Capabilities (element 70) at o: a line per octet with its bits; what the title adds. */
export function rmCapabilities(c: Ctx, o: number, len: number): string {
  const f = c.f;
  const word = id('wlan.rmcap');
  for (let k = 0; k < len && k < RMCAP_OCTETS.length; k++) {
    const v = c.u8(o + k);
    const w = f.add(word, o + k, 1, v);
    if (w >= 0 && f.wanted === null) f.appendLabel(w, ` (octet ${k + 1})`);
    flagParts(c, w, RMCAP_OCTETS[k] as number[], o + k, 1, v, false);
  }
  return ` (${len} octets)`;
}

const VHT_CAP_BITS = ids('wlan.vht.capabilities.', [
  'maxmpdulength', 'supportedchanwidthset', 'rxldpc', 'short80', 'short160', 'txstbc', 'rxstbc', 'subeamformer', 'subeamformee', 'beamformee_sts_cap',
  'soundingdimensions', 'mubeamformer', 'mubeamformee', 'vhttxopps', 'vhthtc', 'maxampdu', 'linkadapt', 'rxpatconsist', 'txpatconsist', 'ext_nss_bw_support',
]);
const SS = bitsOf(1, 8).map((b) => `ss${b.slice(1)}`);
const RX_MCS_MAP = ids('wlan.vht.mcsset.rxmcsmap.', SS);
const TX_MCS_MAP = ids('wlan.vht.mcsset.txmcsmap.', SS);
const BASIC_MCS_MAP = ids('wlan.vht.op.basicmcsmap.', SS);

/** A masked field of a 16-bit little-endian word at o (no subtree), the word read here. */
function part16(c: Ctx, p: number, o: number): void {
  c.f.add(p, o, 2, partOf(p, c.le(o, 2)));
}

/** VHT Capabilities (element 191, 12 bytes) at o: the capability bits, then the supported MCS set. */
export function vhtCapabilities(c: Ctx, o: number, len: number, end: number): void {
  if (len < 12) return;
  const f = c.f;
  bitWord(c, id('wlan.vht.capabilities'), o, 4, VHT_CAP_BITS, end);
  const set = f.add(id('wlan.vht.mcsset'), o + 4, 8);
  f.push(set);
  bitWord(c, id('wlan.vht.mcsset.rxmcsmap'), o + 4, 2, RX_MCS_MAP, end);
  part16(c, id('wlan.vht.mcsset.rxhighestlonggirate'), o + 6);
  part16(c, id('wlan.vht.mcsset.max_nsts_total'), o + 6);
  bitWord(c, id('wlan.vht.mcsset.txmcsmap'), o + 8, 2, TX_MCS_MAP, end);
  part16(c, id('wlan.vht.mcsset.txhighestlonggirate'), o + 10);
  part16(c, id('wlan.vht.ncsset.ext_nss_bw_cap'), o + 10);
  part16(c, id('wlan.vht.ncsset.reserved'), o + 10);
  f.pop();
}

/** VHT Operation (element 192, 5 bytes) at o: channel width and centre segments, basic MCS map. */
export function vhtOperation(c: Ctx, o: number, len: number, end: number): void {
  if (len < 5) return;
  const f = c.f;
  f.push(f.add(id('wlan.vht.op'), o, 3));
  f.add(id('wlan.vht.op.channelwidth'), o, 1, c.u8(o));
  f.add(id('wlan.vht.op.channelcenter0'), o + 1, 1, c.u8(o + 1));
  f.add(id('wlan.vht.op.channelcenter1'), o + 2, 1, c.u8(o + 2));
  f.pop();
  bitWord(c, id('wlan.vht.op.basicmcsmap'), o + 3, 2, BASIC_MCS_MAP, end);
}
