// "802.11 radio information" (wlan_radio; Wireshark packet-ieee80211-radio.c): what the capture's
// radio header (radiotap.ts) says about the PHY, shown as one summary layer between it and the
// 802.11 frame, with the frame's airtime computed from its length and rate: the preamble, the
// duration, the start and end on the TSF clock (the TSF is taken to mark the end of the frame,
// Wireshark's default `tsf_at_end`) and the inter-frame space since the previous frame's end.
//
// Implemented as Wireshark 4.0 shows it for 802.11b (HR/DSSS), a/g (OFDM) and n (HT) without
// aggregates; A-MPDU detection, 802.11ac/ax rates and FHSS timing are not.

import { FT, names, registerFields } from '../fields/registry.ts';
import { EF } from '../fields/field-list.ts';
import { grown } from '../fields/typed-arrays.ts';
import { perCapture } from '../analysis/per-capture.ts';
import type { Ctx } from './context.ts';
import { expertAt, Group, registerExperts, Severity } from './expert.ts';

/** PHY types (wiretap's PHDR_802_11_PHY_*). */
export const enum Phy {
  UNKNOWN = 0,
  FHSS = 1,
  DSSS = 3,
  B = 4,
  A = 5,
  G = 6,
  N = 7,
}

/** What the radio header told (Wireshark's struct ieee_802_11_phdr, the parts used here). */
export interface RadioInfo {
  phy: Phy;
  /** FCS bytes at the end of the 802.11 frame (0 or 4; -1: the header does not say). */
  fcsLen: number;
  /** 802.11b/g: whether the header says short or long preamble (-1: it does not say). */
  shortPreamble: number;
  /** 802.11a: turbo type (-1: none); 802.11g: mode (-1: none). */
  turbo: number;
  mode11g: number;
  /** Legacy rate in 500 kb/s units (-1: none). */
  rate: number;
  channel: number;
  frequency: number;
  signalDbm: number | null;
  noiseDbm: number | null;
  tsf: number | null;
  /** 802.11n (-1: not known): MCS index, bandwidth, short GI, greenfield, FEC, STBC streams, ness. */
  mcs: number;
  bandwidth: number;
  shortGi: number;
  greenfield: number;
  fec: number;
  stbc: number;
  ness: number;
}

export function emptyRadioInfo(): RadioInfo {
  return {
    phy: Phy.UNKNOWN, fcsLen: -1, shortPreamble: -1, turbo: -1, mode11g: -1, rate: -1, channel: -1, frequency: -1, signalDbm: null, noiseDbm: null, tsf: null,
    mcs: -1, bandwidth: -1, shortGi: -1, greenfield: -1, fec: -1, stbc: -1, ness: -1,
  };
}

const BANDWIDTH_NAMES = names([
  [0, '20 MHz'], [1, '40 MHz'], [2, '20 MHz + 20 MHz lower'], [3, '20 MHz + 20 MHz upper'], [4, '80 MHz'], [5, '40 MHz + 40 MHz lower'],
  [6, '40 MHz + 40 MHz upper'], [7, '20 MHz, channel 1/4'], [8, '20 MHz, channel 2/4'], [9, '20 MHz, channel 3/4'], [10, '20 MHz, channel 4/4'],
  [11, '160 MHz'], [12, '80 MHz + 80 MHz lower'], [13, '80 MHz + 80 MHz upper'],
]);
const US = 'µs';

const F = registerFields({
  radio: { name: 'wlan_radio', label: '802.11 radio information', type: FT.PROTOCOL },
  phy: {
    name: 'wlan_radio.phy', label: 'PHY type', type: FT.UINT,
    names: names([[1, '802.11 FHSS'], [2, '802.11 IR'], [3, '802.11 DSSS'], [4, '802.11b (HR/DSSS)'], [5, '802.11a (OFDM)'], [6, '802.11g (ERP)'], [7, '802.11n (HT)'], [8, '802.11ac (VHT)'], [9, '802.11ad (DMG)'], [10, '802.11ah (S1G)'], [11, '802.11ax (HE)']]),
  },
  turbo: { name: 'wlan_radio.11a.turbo_type', label: 'Turbo type', type: FT.UINT, names: names([[0, 'Non-turbo'], [1, 'Turbo'], [2, 'Dynamic turbo'], [3, 'Static turbo']]) },
  mode: { name: 'wlan_radio.11g.mode', label: 'Proprietary mode', type: FT.UINT, names: names([[0, 'None'], [1, 'Super G']]) },
  mcs: { name: 'wlan_radio.11n.mcs_index', label: 'MCS index', type: FT.UINT },
  bandwidth: { name: 'wlan_radio.11n.bandwidth', label: 'Bandwidth', type: FT.UINT, names: BANDWIDTH_NAMES },
  shortGi: { name: 'wlan_radio.11n.short_gi', label: 'Short GI', type: FT.BOOLEAN },
  greenfield: { name: 'wlan_radio.11n.greenfield', label: 'Greenfield', type: FT.BOOLEAN },
  fec: { name: 'wlan_radio.11n.fec', label: 'FEC', type: FT.UINT, names: names([[0, 'BEC'], [1, 'LDPC']]) },
  stbc: { name: 'wlan_radio.11n.stbc_streams', label: 'Number of STBC streams', type: FT.UINT },
  ness: { name: 'wlan_radio.11n.ness', label: 'Number of extension spatial streams', type: FT.UINT },
  dataRate: { name: 'wlan_radio.data_rate', label: 'Data rate', type: FT.DOUBLE },
  channel: { name: 'wlan_radio.channel', label: 'Channel', type: FT.UINT },
  frequency: { name: 'wlan_radio.frequency', label: 'Frequency', type: FT.UINT, bits: 16, unit: 'MHz' },
  shortPreamble: { name: 'wlan_radio.short_preamble', label: 'Short preamble', type: FT.BOOLEAN },
  signalDbm: { name: 'wlan_radio.signal_dbm', label: 'Signal strength (dBm)', type: FT.INT, bits: 8, unit: ' dBm' },
  noiseDbm: { name: 'wlan_radio.noise_dbm', label: 'Noise level (dBm)', type: FT.INT, bits: 8, unit: ' dBm' },
  snr: { name: 'wlan_radio.snr', label: 'Signal/noise ratio (dB)', type: FT.INT, unit: ' dB' },
  timestamp: { name: 'wlan_radio.timestamp', label: 'TSF timestamp', type: FT.UINT, bits: 64 },
  duration: { name: 'wlan_radio.duration', label: 'Duration', type: FT.UINT, unit: US },
  preamble: { name: 'wlan_radio.preamble', label: 'Preamble', type: FT.UINT, unit: US },
  ifs: { name: 'wlan_radio.ifs', label: 'IFS', type: FT.INT, bits: 64, unit: US },
  start: { name: 'wlan_radio.start_tsf', label: 'Start', type: FT.UINT, bits: 64, unit: US },
  end: { name: 'wlan_radio.end_tsf', label: 'End', type: FT.UINT, bits: 64, unit: US },
});

const X = registerExperts({
  shortPreamble: { name: 'wlan_radio.assumed.short_preamble', msg: 'No preamble length information was available, assuming short preamble.', severity: Severity.WARN, group: Group.ASSUMPTION },
  nonGreenfield: { name: 'wlan_radio.assumed.non_greenfield', msg: 'No plcp type information was available, assuming non greenfield.', severity: Severity.WARN, group: Group.ASSUMPTION },
  noStbc: { name: 'wlan_radio.assumed.no_stbc', msg: 'No stbc information was available, assuming no stbc.', severity: Severity.WARN, group: Group.ASSUMPTION },
  noNess: { name: 'wlan_radio.assumed.no_extension_streams', msg: 'No extension stream information was available, assuming no extension streams.', severity: Severity.WARN, group: Group.ASSUMPTION },
  bccFec: { name: 'wlan_radio.assumed.bcc_fec', msg: 'No fec type information was available, assuming bcc fec.', severity: Severity.WARN, group: Group.ASSUMPTION },
});

/** Data bits per OFDM symbol of each HT MCS at 20 MHz (ieee80211_ht_Dbps, MCS 0–76). */
const HT_DBPS = [
  26, 52, 78, 104, 156, 208, 234, 260, 52, 104, 156, 208, 312, 416, 468, 520, 78, 156, 234, 312, 468, 624, 702, 780,
  104, 208, 312, 416, 624, 832, 936, 1040, 12, 156, 208, 260, 234, 312, 390, 208, 260, 260, 312, 364, 364, 416, 312, 390, 390, 468, 546, 546, 624,
  260, 312, 364, 312, 364, 416, 468, 416, 468, 520, 520, 572, 390, 468, 546, 468, 546, 624, 702, 624, 702, 780, 780, 858,
];
/** Spatial streams of each HT MCS (ieee80211_ht_streams). */
const HT_STREAMS = [
  1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4,
  1, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
];
/** BCC encoders of each HT MCS (ieee80211_ht_Nes). */
const HT_NES = [
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 1, 1, 1, 1, 2, 2, 2, 2,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2,
];
const MAX_MCS = 76;
/** HT-LTFs by space-time streams and by extension streams (802.11n-2009 table 20-11). */
const HT_DLTF = [1, 2, 4, 4];
const HT_ELTF = [0, 1, 2, 4];
/** Legacy rates (500 kb/s units) of DSSS/CCK and of OFDM. */
const CCK_RATES = new Set([2, 4, 11, 22, 44, 66]);
const OFDM_RATES = new Set([12, 18, 24, 36, 48, 72, 96, 108]);

/** ieee80211_htrate: Mb/s of an HT MCS at 20 or 40 MHz, long or short guard interval (a float). */
export function htRate(mcs: number, bw40: boolean, shortGi: boolean): number {
  return Math.fround(((HT_DBPS[mcs] as number) * (bw40 ? 108 : 52)) / 52.0 / (shortGi ? 3.6 : 4.0));
}

/** calculate_11n_duration: microseconds of the data field of `len` bytes (BCC coding). */
function htDataDuration(len: number, mcs: number, bw40: boolean, shortGi: boolean, stbc: number): number {
  const bits = 8 * len + 16 + (HT_NES[mcs] as number) * 6;
  const mstbc = stbc ? 2 : 1;
  const per = (HT_DBPS[mcs] as number) * (bw40 ? 2 : 1) * mstbc;
  let symbols = Math.floor(bits / per);
  if (bits % per > 0) symbols++;
  symbols *= mstbc;
  return Math.floor((symbols * (shortGi ? 36 : 40) + 5) / 10);
}

/** Per capture, from the first pass: the previous radio frame's end, and each frame's IFS. */
class Timeline {
  /** End (TSF) of the last frame dissected here; 0 when it had none. -1: no frame yet. */
  prevEnd = -1;
  /** Per frame: the IFS before it (NaN: none). */
  ifs = new Float64Array(0);
}
const timeline = perCapture(() => new Timeline());

/** The radio information layer of an 802.11 frame at [off, end), from the radio header's `r`. */
export function dissectWlanRadio(c: Ctx, off: number, end: number, r: RadioInfo): void {
  const f = c.f;
  c.proto(F.radio, off, off);
  let phy = r.phy;
  let rate = r.rate >= 0 ? r.rate * 0.5 : 0;
  let haveRate = r.rate >= 0;
  const shortKnown = r.shortPreamble >= 0;
  let shortPreamble = r.shortPreamble !== 0;
  if (phy !== Phy.UNKNOWN) {
    f.add(F.phy, off, 0, phy);
    if (phy === Phy.B && shortKnown) f.add(F.shortPreamble, off, 0, r.shortPreamble);
    else if (phy === Phy.A && r.turbo >= 0) f.add(F.turbo, off, 0, r.turbo);
    else if (phy === Phy.G && r.mode11g >= 0) f.add(F.mode, off, 0, r.mode11g);
    else if (phy === Phy.N) {
      if (r.mcs >= 0 && r.bandwidth >= 0 && r.shortGi >= 0 && r.mcs < MAX_MCS) {
        rate = htRate(r.mcs, r.bandwidth === 1, r.shortGi === 1);
        haveRate = true;
      }
      if (r.mcs >= 0) f.add(F.mcs, off, 0, r.mcs);
      if (r.bandwidth >= 0) f.add(F.bandwidth, off, 0, r.bandwidth);
      if (r.shortGi >= 0) f.add(F.shortGi, off, 0, r.shortGi);
      if (r.greenfield >= 0) f.add(F.greenfield, off, 0, r.greenfield);
      if (r.fec >= 0) f.add(F.fec, off, 0, r.fec);
      if (r.stbc >= 0) f.add(F.stbc, off, 0, r.stbc);
      if (r.ness >= 0) f.add(F.ness, off, 0, r.ness);
    }
  }
  if (haveRate) {
    const i = f.add(F.dataRate, off, 0, rate);
    if (i >= 0) f.setText(i, `Data rate: ${rate.toFixed(1)} Mb/s`);
  }
  if (r.channel >= 0) f.add(F.channel, off, 0, r.channel);
  if (r.frequency >= 0) f.add(F.frequency, off, 0, r.frequency);
  if (r.signalDbm !== null) f.add(F.signalDbm, off, 0, r.signalDbm);
  if (r.noiseDbm !== null) f.add(F.noiseDbm, off, 0, r.noiseDbm);
  if (r.signalDbm !== null && r.noiseDbm !== null) f.add(F.snr, off, 0, r.signalDbm - r.noiseDbm);
  if (r.tsf !== null) f.add(F.timestamp, off, 0, r.tsf);
  // (the 802.11 frame as captured: Wireshark 4.0 adds no FCS the capture left out)
  const len = Math.max(0, end - off);
  const t = timeline(c);
  let endTsf = 0;
  if (haveRate && rate > 0) {
    // (a CCK rate on a 2.4 GHz "dynamic CCK-OFDM" channel is 802.11b; an unknown PHY by its rate)
    if ((phy === Phy.G || phy === Phy.UNKNOWN) && CCK_RATES.has(rate * 2)) phy = Phy.B;
    else if (phy === Phy.UNKNOWN && OFDM_RATES.has(rate * 2)) phy = Phy.A;
    const assumed: number[] = [];
    let preamble = 0;
    let duration = -1;
    if (phy === Phy.B) {
      if (!shortKnown) {
        assumed.push(X.shortPreamble);
        shortPreamble = true;
      }
      preamble = shortPreamble ? 72 + 24 : 144 + 48;
      duration = Math.ceil(Math.fround(preamble + Math.fround((len * 8) / Math.fround(rate))));
    } else if (phy === Phy.A || phy === Phy.G) {
      preamble = 16 + 4;
      duration = preamble + Math.ceil((16 + 8 * len + 6) / (rate * 4)) * 4;
    } else if (phy === Phy.N && r.mcs >= 0 && r.mcs <= MAX_MCS && r.bandwidth >= 0 && r.shortGi >= 0) {
      preamble = r.greenfield >= 0 ? (r.greenfield ? 24 : 32) : 32;
      if (r.greenfield < 0) assumed.push(X.nonGreenfield);
      const stbc = r.stbc >= 0 ? r.stbc : 0;
      if (r.stbc < 0) assumed.push(X.noStbc);
      const ness = r.ness >= 0 ? r.ness : 0;
      const nsts = (HT_STREAMS[r.mcs] as number) + stbc;
      if (ness < HT_ELTF.length && nsts >= 1 && nsts <= HT_DLTF.length) {
        preamble += 4 * ((HT_DLTF[nsts - 1] as number) + (HT_ELTF[ness] as number));
        if (r.ness < 0) assumed.push(X.noNess);
        if (r.fec < 0) assumed.push(X.bccFec);
        duration = preamble + htDataDuration(len, r.mcs, r.bandwidth === 1, r.shortGi === 1, stbc);
      }
    }
    if (duration >= 0) {
      let ifs = Number.NaN;
      let start = 0;
      if (r.tsf !== null) {
        start = r.tsf - duration;
        endTsf = r.tsf;
      }
      const frame = c.frameNo;
      if (c.firstPass) {
        if (r.tsf !== null && t.prevEnd >= 0 && frame > 1) ifs = start - t.prevEnd;
        if (frame >= t.ifs.length) t.ifs = grown(t.ifs, Math.max(frame + 1, 2 * t.ifs.length));
        t.ifs[frame] = ifs;
      } else ifs = frame < t.ifs.length ? (t.ifs[frame] as number) : Number.NaN;
      const d = f.add(F.duration, off, 0, duration, EF.GENERATED);
      f.push(d);
      for (const x of assumed) expertAt(c, -1, x);
      if (preamble) f.add(F.preamble, off, 0, preamble, EF.GENERATED);
      if (!Number.isNaN(ifs) && ifs !== 0) f.add(F.ifs, off, 0, ifs, EF.GENERATED);
      if (start) f.add(F.start, off, 0, start, EF.GENERATED);
      if (endTsf) f.add(F.end, off, 0, endTsf, EF.GENERATED);
      f.pop();
    }
  }
  if (c.firstPass) t.prevEnd = endTsf;
  f.pop();
}
