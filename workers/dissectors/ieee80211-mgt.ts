// The body of an 802.11 management frame (IEEE 802.11-2020 §9.3.3; Wireshark packet-ieee80211.c's
// "IEEE 802.11 Wireless Management"): the subtype's fixed parameters, then the tagged parameters
// (elements: id, length, value). Fields are Wireshark's; the elements decoded are the SSID,
// rates and channel here, ERP, HT and WMM in ieee80211-elements.ts; the others keep their number
// and length.
//
// Not done: Action frames' bodies (category-specific; shown as data).

import { Base, FT, names, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { dissectData } from './data.ts';
import {
  capabilityBits, country, erpInformation, extendedCapabilities, htCapabilities, htInformation, operatingClasses, powerConstraint, qbssLoad, rmCapabilities, rsn, tim,
  vendorSpecific, vhtCapabilities, vhtOperation,
} from './ieee80211-elements.ts';

/** Management subtypes (§9.2.4.1.3 Table 9-1). */
const ASSOC_REQ = 0x0;
const ASSOC_RESP = 0x1;
const REASSOC_REQ = 0x2;
const REASSOC_RESP = 0x3;
const PROBE_REQ = 0x4;
const PROBE_RESP = 0x5;
const BEACON = 0x8;
const DISASSOC = 0xa;
const AUTH = 0xb;
const DEAUTH = 0xc;

/** Element ids Wireshark names (its tag_num_vals, the common ones). */
const TAGS = names([
  [0, 'SSID parameter set'], [1, 'Supported Rates'], [3, 'DS Parameter set'], [5, 'Traffic Indication Map (TIM)'],
  [7, 'Country Information'], [11, 'QBSS Load Element'], [32, 'Power Constraint'], [33, 'Power Capability'],
  [36, 'Supported Channels'], [42, 'ERP Information'], [45, 'HT Capabilities (802.11n D1.10)'], [48, 'RSN Information'],
  [50, 'Extended Supported Rates'], [54, 'Mobility Domain'], [59, 'Supported Operating Classes'],
  [61, 'HT Information (802.11n D1.10)'], [70, 'RM Enabled Capabilities'], [127, 'Extended Capabilities'],
  [191, 'VHT Capabilities'], [192, 'VHT Operation'], [221, 'Vendor Specific'], [255, 'Element ID Extension'],
]);

export const F = registerFields({
  mgt: { name: 'wlan.mgt', label: 'IEEE 802.11 Wireless Management', type: FT.PROTOCOL },
  timestamp: { name: 'wlan.fixed.timestamp', label: 'Timestamp', type: FT.UINT, bits: 64 },
  beacon: { name: 'wlan.fixed.beacon', label: 'Beacon Interval', type: FT.UINT },
  capabilities: { name: 'wlan.fixed.capabilities', label: 'Capabilities Information', type: FT.UINT, base: Base.HEX, bits: 16 },
  listenInterval: { name: 'wlan.fixed.listen_ival', label: 'Listen Interval', type: FT.UINT, base: Base.HEX, bits: 16 },
  currentAp: { name: 'wlan.fixed.current_ap', label: 'Current AP', type: FT.ETHER },
  statusCode: { name: 'wlan.fixed.status_code', label: 'Status code', type: FT.UINT, base: Base.HEX, bits: 16, names: names([[0, 'Successful']]) },
  aid: { name: 'wlan.fixed.aid', label: 'Association ID', type: FT.UINT, base: Base.HEX, bits: 16, mask: 0x3fff },
  authAlg: { name: 'wlan.fixed.auth.alg', label: 'Authentication Algorithm', type: FT.UINT, bits: 16, names: names([[0, 'Open System'], [1, 'Shared key'], [2, 'Fast BSS Transition'], [3, 'Simultaneous Authentication of Equals (SAE)']]) },
  authSeq: { name: 'wlan.fixed.auth_seq', label: 'Authentication SEQ', type: FT.UINT, base: Base.HEX, bits: 16 },
  reasonCode: { name: 'wlan.fixed.reason_code', label: 'Reason code', type: FT.UINT, base: Base.HEX, bits: 16 },
  tag: { name: 'wlan.tag', label: 'Tag', type: FT.NONE },
  tagNumber: { name: 'wlan.tag.number', label: 'Tag Number', type: FT.UINT, bits: 8, names: TAGS },
  tagLength: { name: 'wlan.tag.length', label: 'Tag length', type: FT.UINT, bits: 8 },
  ssid: { name: 'wlan.ssid', label: 'SSID', type: FT.BYTES },
  rates: { name: 'wlan.supported_rates', label: 'Supported Rates', type: FT.UINT, base: Base.HEX, bits: 8 },
  extendedRates: { name: 'wlan.extended_supported_rates', label: 'Extended Supported Rates', type: FT.UINT, base: Base.HEX, bits: 8 },
  channel: { name: 'wlan.ds.current_channel', label: 'Current Channel', type: FT.UINT, bits: 8 },
});

const SSID = 0;
const RATES = 1;
const DS_PARAMETERS = 3;
const EXTENDED_RATES = 50;
const TIM = 5;
const COUNTRY = 7;
const QBSS_LOAD = 11;
const RSN = 48;
const ERP = 42;
const EXTENDED_CAPABILITIES = 127;
const POWER_CONSTRAINT = 32;
const OPERATING_CLASSES = 59;
const RM_CAPABILITIES = 70;
const VHT_CAPABILITIES = 191;
const VHT_OPERATION = 192;
const HT_CAPABILITIES = 45;
const HT_INFORMATION = 61;
const VENDOR_SPECIFIC = 221;
/** Subtypes an AP sends (WMM's QoS Info is the AP's form in them). */
const FROM_AP = new Set([ASSOC_RESP, REASSOC_RESP, PROBE_RESP, BEACON]);

/** A rate octet as Wireshark names it: 500 kbit/s units, "(B)" for a basic rate. */
function rateText(b: number): string {
  return `${(b & 0x7f) / 2}${b & 0x80 ? '(B)' : ''}`;
}

/** The fixed parameters of each subtype: [field, bytes] in order. */
const FIXED: Record<number, readonly (readonly [number, number])[]> = {
  [ASSOC_REQ]: [[F.capabilities, 2], [F.listenInterval, 2]],
  [ASSOC_RESP]: [[F.capabilities, 2], [F.statusCode, 2], [F.aid, 2]],
  [REASSOC_REQ]: [[F.capabilities, 2], [F.listenInterval, 2], [F.currentAp, 6]],
  [REASSOC_RESP]: [[F.capabilities, 2], [F.statusCode, 2], [F.aid, 2]],
  [PROBE_REQ]: [],
  [PROBE_RESP]: [[F.timestamp, 8], [F.beacon, 2], [F.capabilities, 2]],
  [BEACON]: [[F.timestamp, 8], [F.beacon, 2], [F.capabilities, 2]],
  [DISASSOC]: [[F.reasonCode, 2]],
  [AUTH]: [[F.authAlg, 2], [F.authSeq, 2], [F.statusCode, 2]],
  [DEAUTH]: [[F.reasonCode, 2]],
};

/** The body [off, end) of a management frame of `subtype`. */
export function dissectWlanMgt(c: Ctx, off: number, end: number, subtype: number): void {
  const fixed = FIXED[subtype];
  if (fixed === undefined) {
    c.call(dissectData, off, end);
    return;
  }
  const f = c.f;
  const full = f.wanted === null;
  // (an item of the 802.11 dissector, not a dissector of its own: no layer of frame.protocols)
  c.notLayer(c.proto(F.mgt, off, end));
  let o = off;
  const fixedLen = fixed.reduce((s, [, n]) => s + n, 0);
  if (fixedLen > 0) {
    const sub = f.text(o, fixedLen, `Fixed parameters (${fixedLen} bytes)`);
    f.push(sub);
    for (const [id, n] of fixed) {
      if (!c.has(o, n, end)) break;
      if (id === F.currentAp) c.field(id, o, n, end);
      else {
        const v = id === F.aid ? c.le(o, n) & 0x3fff : c.le(o, n);
        const i = f.add(id, o, n, v);
        if (full && id === F.beacon) f.setText(i, `Beacon Interval: ${((v * 1024) / 1e6).toFixed(6)} [Seconds]`);
        if (id === F.capabilities) capabilityBits(c, i, o, v);
      }
      o += n;
    }
    f.pop();
  }
  const stop = Math.min(end, c.b.length);
  if (c.stop || o >= stop) {
    f.pop();
    return;
  }
  const sub = f.text(o, stop - o, `Tagged parameters (${stop - o} bytes)`);
  f.push(sub);
  while (o < stop && !c.stop) {
    if (!c.has(o, 2, end)) break;
    const id = c.u8(o);
    const len = c.u8(o + 1);
    const name = TAGS.get(id) ?? `Reserved (${id})`;
    const tag = f.add(F.tag, o, 2 + len);
    f.push(tag);
    f.add(F.tagNumber, o, 1, id);
    f.add(F.tagLength, o + 1, 1, len);
    let title = `Tag: ${name}`;
    if (!c.has(o + 2, len, end)) {
      // the element runs past the frame: its header stays
    } else if (id === SSID) {
      const text = len === 0 ? 'Wildcard SSID' : ssidText(c.b, o + 2, len);
      const i = f.add(F.ssid, o + 2, len);
      if (full && len > 0) f.setText(i, `SSID: ${text}`);
      title += `: ${text}`;
    } else if (id === RATES || id === EXTENDED_RATES) {
      let list = '';
      for (let k = o + 2; k < o + 2 + len; k++) {
        const r = c.u8(k);
        const i = f.add(id === RATES ? F.rates : F.extendedRates, k, 1, r);
        if (full) f.setText(i, `${id === RATES ? 'Supported Rates' : 'Extended Supported Rates'}: ${rateText(r)} (0x${r.toString(16).padStart(2, '0')})`);
        list += `${rateText(r)}, `;
      }
      title += ` ${list}[Mbit/sec]`;
    } else if (id === DS_PARAMETERS && len >= 1) {
      const ch = c.u8(o + 2);
      f.add(F.channel, o + 2, 1, ch);
      title += `: Current Channel: ${ch}`;
    } else if (id === TIM) title += tim(c, o + 2, len, end);
    else if (id === COUNTRY) title += country(c, o + 2, len, end);
    else if (id === QBSS_LOAD) title += qbssLoad(c, o + 2, len, end);
    else if (id === RSN) rsn(c, o + 2, len, end);
    else if (id === ERP) erpInformation(c, o + 2, len, end);
    else if (id === EXTENDED_CAPABILITIES) title += extendedCapabilities(c, o + 2, len, end);
    else if (id === POWER_CONSTRAINT) title += powerConstraint(c, o + 2, len);
    else if (id === OPERATING_CLASSES) operatingClasses(c, o + 2, len);
    else if (id === RM_CAPABILITIES) title += rmCapabilities(c, o + 2, len);
    else if (id === VHT_CAPABILITIES) vhtCapabilities(c, o + 2, len, end);
    else if (id === VHT_OPERATION) vhtOperation(c, o + 2, len, end);
    else if (id === HT_CAPABILITIES) htCapabilities(c, o + 2, len, end);
    else if (id === HT_INFORMATION) htInformation(c, o + 2, len, end);
    else if (id === VENDOR_SPECIFIC) title += vendorSpecific(c, o + 2, len, end, FROM_AP.has(subtype));
    f.pop();
    if (full) f.label(tag, title);
    o += 2 + len;
  }
  f.pop();
  f.pop();
}

/** The SSID as Wireshark's BASE_SHOW_ASCII_PRINTABLE shows bytes: in quotes when every byte is
 *  printable ASCII, else as hex. */
export function ssidText(b: Uint8Array, o: number, n: number): string {
  let s = '';
  for (let k = o; k < o + n; k++) {
    const ch = b[k] as number;
    if (ch < 0x20 || ch > 0x7e) return Array.from(b.subarray(o, o + n), (x) => x.toString(16).padStart(2, '0')).join('');
    s += String.fromCharCode(ch);
  }
  return `"${s}"`;
}
