// Radiotap, LINKTYPE_IEEE802_11_RADIOTAP (127) (https://www.radiotap.org; Wireshark packet-ieee80211-radiotap.c).
//
//   +---------+---------+-------------------+-------------------------------+------------------
//   | version | pad     | length (LE)       | present word(s), 32-bit LE    | fields … | 802.11 frame
//   +---------+---------+-------------------+-------------------------------+------------------
// "The it_present bitmask can be extended with multiple bitmasks; bit 31 set indicates another
// bitmask follows." Fields follow in bit order, "aligned to natural boundaries" measured from the
// start of the header, all little-endian. Bits 29 / 30 switch the next word to the radiotap /
// a vendor namespace. The fields of bits 0–15 and 17 are decoded; at the first other field,
// decoding stops as Wireshark's iterator stops at a field it cannot size, and the 802.11 frame
// still starts at `length`. The Flags field says whether the frame ends with an FCS.

import { Base, FT, names, registerFields, type FieldSpec } from '../fields/registry.ts';
import { EF } from '../fields/field-list.ts';
import type { Ctx } from './context.ts';
import { dissectData } from './data.ts';
import { flagParts } from './flag-names.ts';
import { dissectWlanRadio, emptyRadioInfo, htRate, Phy, type RadioInfo } from './ieee80211-radio.ts';
import { dissectWlan, dissectWlanWithFcs } from './ieee80211.ts';
import { bind, registerDissector } from './tables.ts';

const VERSION = 0;
const PAD = 1;
const LENGTH = 2;
const PRESENT = 4;
export const RADIOTAP_MIN_LEN = PRESENT + 4;
const EXT = 0x80000000;
const RTAP_NS = 0x20000000;
const VENDOR_NS = 0x40000000;
const FLAG_FCS = 0x10;
const FLAG_SHORT_PREAMBLE = 0x02;
const FLAG_SHORT_GI = 0x80;
/** DSSS/CCK rates, in 500 kb/s units. */
const CCK_RATES = new Set([2, 4, 11, 22]);

/** Present-word bits Wireshark names (bit → field suffix and label). */
const PRESENT_BITS: ReadonlyArray<readonly [number, string, string]> = [
  [0, 'tsft', 'TSFT'], [1, 'flags', 'Flags'], [2, 'rate', 'Rate'], [3, 'channel', 'Channel'], [4, 'fhss', 'FHSS'],
  [5, 'dbm_antsignal', 'dBm Antenna Signal'], [6, 'dbm_antnoise', 'dBm Antenna Noise'], [7, 'lock_quality', 'Lock Quality'],
  [8, 'tx_attenuation', 'TX Attenuation'], [9, 'db_tx_attenuation', 'dB TX Attenuation'], [10, 'dbm_tx_power', 'dBm TX Power'],
  [11, 'antenna', 'Antenna'], [12, 'db_antsignal', 'dB Antenna Signal'], [13, 'db_antnoise', 'dB Antenna Noise'],
  [14, 'rxflags', 'RX flags'], [15, 'txflags', 'TX flags'], [17, 'data_retries', 'data retries'], [18, 'xchannel', 'Channel+'],
  [19, 'mcs', 'MCS information'], [20, 'ampdu', 'A-MPDU Status'], [21, 'vht', 'VHT information'], [22, 'timestamp', 'frame timestamp'],
  [23, 'he', 'HE information'], [24, 'he_mu', 'HE-MU information'], [26, '0_length.psdu', '0 Length PSDU'], [27, 'l_sig', 'L-SIG'],
  [28, 'tlv', 'TLVs'], [29, 'rtap_ns', 'Radiotap NS next'], [30, 'vendor_ns', 'Vendor NS next'], [31, 'ext', 'Ext'],
];
const NS_BITS = PRESENT_BITS.slice(-3);

/** The Flags field's bits, from bit 0 (field suffix and label). */
const FLAG_BITS: ReadonlyArray<readonly [string, string]> = [
  ['cfp', 'CFP'], ['preamble', 'Preamble'], ['wep', 'WEP'], ['frag', 'Fragmentation'], ['fcs', 'FCS at end'],
  ['datapad', 'Data Pad'], ['badfcs', 'Bad FCS'], ['shortgi', 'Short GI'],
];
/** The Channel field's flag bits, in Wireshark's order (field suffix, mask, label). */
const CHANNEL_BITS: ReadonlyArray<readonly [string, number, string]> = [
  ['700mhz', 0x1, '700 MHz spectrum'], ['800mhz', 0x2, '800 MHz spectrum'], ['900mhz', 0x4, '900 MHz spectrum'],
  ['turbo', 0x10, 'Turbo'], ['cck', 0x20, 'Complementary Code Keying (CCK)'], ['ofdm', 0x40, 'Orthogonal Frequency-Division Multiplexing (OFDM)'],
  ['2ghz', 0x80, '2 GHz spectrum'], ['5ghz', 0x100, '5 GHz spectrum'], ['passive', 0x200, 'Passive'], ['dynamic', 0x400, 'Dynamic CCK-OFDM'],
  ['gfsk', 0x800, 'Gaussian Frequency Shift Keying (GFSK)'], ['gsm', 0x1000, 'GSM (900MHz)'], ['sturbo', 0x2000, 'Static Turbo'],
  ['half', 0x4000, 'Half Rate Channel (10MHz Channel Width)'], ['quarter', 0x8000, 'Quarter Rate Channel (5MHz Channel Width)'],
];

/** Present bits that say "Present" / "Absent" (the namespace bits say True / False). */
const PRESENT_TF: readonly [string, string] = ['Present', 'Absent'];
/** Flags bits with their own true / false words. */
const FLAG_TF: Readonly<Record<string, readonly [string, string]>> = { preamble: ['Short', 'Long'] };

function bitFields(prefix: string, bits: number, list: ReadonlyArray<readonly [string, number, string]>, tf: Readonly<Record<string, readonly [string, string]>> = {}): Record<string, FieldSpec> {
  const out: Record<string, FieldSpec> = {};
  for (const [name, mask, label] of list) out[name] = { name: `${prefix}.${name}`, label, type: FT.BOOLEAN, bits, mask, ...(tf[name] ? { tf: tf[name] } : {}) };
  return out;
}

export const F = registerFields({
  radiotap: { name: 'radiotap', label: 'Radiotap Header', type: FT.PROTOCOL },
  version: { name: 'radiotap.version', label: 'Header revision', type: FT.UINT, bits: 8 },
  pad: { name: 'radiotap.pad', label: 'Header pad', type: FT.UINT, bits: 8 },
  length: { name: 'radiotap.length', label: 'Header length', type: FT.UINT, bits: 16 },
  present: { name: 'radiotap.present', label: 'Present flags', type: FT.NONE },
  word: { name: 'radiotap.present.word', label: 'Present flags word', type: FT.UINT, base: Base.HEX, bits: 32 },
  mactime: { name: 'radiotap.mactime', label: 'MAC timestamp', type: FT.UINT, bits: 64 },
  flags: { name: 'radiotap.flags', label: 'Flags', type: FT.UINT, base: Base.HEX, bits: 8 },
  datarate: { name: 'radiotap.datarate', label: 'Data rate (Mb/s)', type: FT.DOUBLE },
  freq: { name: 'radiotap.channel.freq', label: 'Channel frequency', type: FT.UINT, bits: 32 },
  chFlags: { name: 'radiotap.channel.flags', label: 'Channel flags', type: FT.UINT, base: Base.HEX, bits: 16 },
  hopset: { name: 'radiotap.fhss.hopset', label: 'FHSS Hop Set', type: FT.UINT, bits: 8 },
  pattern: { name: 'radiotap.fhss.pattern', label: 'FHSS Pattern', type: FT.UINT, bits: 8 },
  dbmAntsignal: { name: 'radiotap.dbm_antsignal', label: 'Antenna signal', type: FT.INT, bits: 8, unit: ' dBm' },
  dbmAntnoise: { name: 'radiotap.dbm_antnoise', label: 'Antenna noise', type: FT.INT, bits: 8, unit: ' dBm' },
  quality: { name: 'radiotap.quality', label: 'Signal Quality', type: FT.UINT, bits: 16 },
  txattenuation: { name: 'radiotap.txattenuation', label: 'Transmit attenuation', type: FT.UINT, bits: 16 },
  dbTxattenuation: { name: 'radiotap.db_txattenuation', label: 'Transmit attenuation (dB)', type: FT.UINT, bits: 16 },
  txpower: { name: 'radiotap.txpower', label: 'Transmit power', type: FT.INT, bits: 8, unit: ' dBm' },
  antenna: { name: 'radiotap.antenna', label: 'Antenna', type: FT.UINT, bits: 32 },
  dbAntsignal: { name: 'radiotap.db_antsignal', label: 'dB antenna signal', type: FT.UINT, bits: 8, unit: ' dB' },
  dbAntnoise: { name: 'radiotap.db_antnoise', label: 'dB antenna noise', type: FT.UINT, bits: 8, unit: ' dB' },
  rxflags: { name: 'radiotap.rxflags', label: 'RX flags', type: FT.UINT, base: Base.HEX, bits: 16 },
  badplcp: { name: 'radiotap.rxflags.badplcp', label: 'Bad PLCP', type: FT.BOOLEAN, bits: 24, mask: 0x2 },
  txflags: { name: 'radiotap.txflags', label: 'TX flags', type: FT.UINT, base: Base.HEX, bits: 16 },
  // (Wireshark names the TX flags radiotap.rxflags.*)
  txFail: { name: 'radiotap.rxflags.fail', label: 'Fail', type: FT.BOOLEAN, bits: 24, mask: 0x1 },
  txCts: { name: 'radiotap.rxflags.cts', label: 'CTS', type: FT.BOOLEAN, bits: 24, mask: 0x2 },
  txRts: { name: 'radiotap.rxflags.rts', label: 'RTS/CTS', type: FT.BOOLEAN, bits: 24, mask: 0x4 },
  txNoack: { name: 'radiotap.rxflags.noack', label: 'No ACK', type: FT.BOOLEAN, bits: 24, mask: 0x8 },
  txSeqno: { name: 'radiotap.rxflags.noseqno', label: 'Has Seqnum', type: FT.BOOLEAN, bits: 24, mask: 0x10 },
  txOrder: { name: 'radiotap.rxflags.order', label: 'Order', type: FT.BOOLEAN, bits: 24, mask: 0x20 },
  dataRetries: { name: 'radiotap.data_retries', label: 'data retries', type: FT.UINT, bits: 8 },
  mcs: { name: 'radiotap.mcs', label: 'MCS information', type: FT.NONE },
  mcsKnown: { name: 'radiotap.mcs.known', label: 'Known MCS information', type: FT.UINT, base: Base.HEX, bits: 8 },
  haveBw: { name: 'radiotap.mcs.have_bw', label: 'Bandwidth', type: FT.BOOLEAN, bits: 8, mask: 0x01, tf: ['Present', 'Absent'] },
  haveIndex: { name: 'radiotap.mcs.have_index', label: 'MCS index', type: FT.BOOLEAN, bits: 8, mask: 0x02, tf: ['Present', 'Absent'] },
  haveGi: { name: 'radiotap.mcs.have_gi', label: 'Guard interval', type: FT.BOOLEAN, bits: 8, mask: 0x04, tf: ['Present', 'Absent'] },
  haveFormat: { name: 'radiotap.mcs.have_format', label: 'Format', type: FT.BOOLEAN, bits: 8, mask: 0x08, tf: ['Present', 'Absent'] },
  haveFec: { name: 'radiotap.mcs.have_fec', label: 'FEC type', type: FT.BOOLEAN, bits: 8, mask: 0x10, tf: ['Present', 'Absent'] },
  haveStbc: { name: 'radiotap.mcs.have_stbc', label: 'STBC streams', type: FT.BOOLEAN, bits: 8, mask: 0x20, tf: ['Present', 'Absent'] },
  haveNess: { name: 'radiotap.mcs.have_ness', label: 'Number of extension spatial streams', type: FT.BOOLEAN, bits: 8, mask: 0x40, tf: ['Present', 'Absent'] },
  nessBit1: { name: 'radiotap.mcs.ness_bit1', label: 'Number of extension spatial streams bit 1', type: FT.UINT, bits: 8, mask: 0x80 },
  mcsBw: { name: 'radiotap.mcs.bw', label: 'Bandwidth', type: FT.UINT, bits: 8, mask: 0x03, names: names([[0, '20 MHz'], [1, '40 MHz'], [2, '20 MHz lower'], [3, '20 MHz upper']]) },
  mcsGi: { name: 'radiotap.mcs.gi', label: 'Guard interval', type: FT.UINT, bits: 8, mask: 0x04, names: names([[0, 'long'], [1, 'short']]) },
  mcsFormat: { name: 'radiotap.mcs.format', label: 'Format', type: FT.UINT, bits: 8, mask: 0x08, names: names([[0, 'mixed'], [1, 'greenfield']]) },
  mcsFec: { name: 'radiotap.mcs.fec', label: 'FEC type', type: FT.UINT, bits: 8, mask: 0x10, names: names([[0, 'BCC'], [1, 'LDPC']]) },
  mcsStbc: { name: 'radiotap.mcs.stbc', label: 'STBC streams', type: FT.UINT, bits: 8, mask: 0x60 },
  nessBit0: { name: 'radiotap.mcs.ness_bit0', label: 'Number of extension spatial streams bit 0', type: FT.UINT, bits: 8, mask: 0x80 },
  mcsIndex: { name: 'radiotap.mcs.index', label: 'MCS index', type: FT.UINT, bits: 8 },
});
const TX_FLAG_IDS = [F.txFail, F.txCts, F.txRts, F.txNoack, F.txSeqno, F.txOrder];
const MCS_KNOWN_IDS = [F.haveBw, F.haveIndex, F.haveGi, F.haveFormat, F.haveFec, F.haveStbc, F.haveNess];
const MCS_KNOWN_NESS_IDS = [...MCS_KNOWN_IDS, F.nessBit1];
const RX_FLAG_IDS = [F.badplcp];

const PRESENT_F = registerFields(
  Object.fromEntries(
    PRESENT_BITS.map(([bit, name, label]) => [name, { name: `radiotap.present.${name}`, label, type: FT.BOOLEAN, bits: 32, mask: 2 ** bit, ...(bit === 29 || bit === 30 ? {} : { tf: PRESENT_TF }) }]),
  ) as Record<string, FieldSpec>,
);
const FLAG_F = registerFields(bitFields('radiotap.flags', 8, FLAG_BITS.map(([n, label], i) => [n, 1 << i, label] as const), FLAG_TF));
const CHANNEL_F = registerFields(bitFields('radiotap.channel.flags', 16, CHANNEL_BITS));

/** Flat (bit, field id) pairs and id lists, so that the per-packet loops allocate nothing. */
const PRESENT_IDS = PRESENT_BITS.flatMap(([bit, name]) => [bit, PRESENT_F[name] as number]);
const NS_IDS = NS_BITS.flatMap(([bit, name]) => [bit, PRESENT_F[name] as number]);
const FLAG_IDS = FLAG_BITS.map(([n]) => FLAG_F[n] as number);
const CHANNEL_IDS = CHANNEL_BITS.map(([n]) => CHANNEL_F[n] as number);

/** Alignment and size of the fields decoded, by present bit (Radiotap "defined fields"). */
const ALIGN = [8, 1, 1, 2, 1, 1, 1, 2, 2, 2, 1, 1, 1, 1, 2, 2, 1, 1, 4, 1];
const SIZE = [8, 1, 1, 4, 2, 1, 1, 2, 2, 2, 1, 1, 1, 1, 2, 2, 1, 1, 8, 3];
/** Bit 16 (RTS retries) has no field in Wireshark 4.0: decoding stops there, as for 18 (XChannel)
 *  and from 20 on; 19 is the MCS field. */
const DECODED = (1 << 16) - 1 | (1 << 17) | (1 << 19);
/** Channel flags that tell the PHY (IEEE80211_CHAN_ALLTURBO), and their combinations. */
const CHAN_ALLTURBO = 0x2df0;
const CHAN_PHY = new Map<number, Phy>([[0x880, Phy.FHSS], [0x80, Phy.DSSS], [0x140, Phy.A], [0xa0, Phy.B], [0xc0, Phy.G], [0x480, Phy.G], [0x150, Phy.A], [0xd0, Phy.G]]);

/** What Wireshark writes after a channel's frequency (ieee80211_mhz_to_str, wsutil/frequency-utils.c):
 *  " [BG 1]" in the 2.4 GHz band, " [A 36]" in the 4.9 and 5 GHz bands, nothing elsewhere. */
function channelSuffix(freq: number): string {
  const ch = channelOf(freq);
  return ch < 0 ? '' : ` [${freq <= 2484 ? 'BG' : 'A'} ${ch}]`;
}

/** ieee80211_mhz_to_chan: the channel of a frequency in MHz, or -1. */
export function channelOf(freq: number): number {
  if (freq >= 2412 && freq <= 2472) return (freq - 2412) / 5 + 1 | 0;
  if (freq === 2484) return 14;
  if (freq >= 5000 && freq <= 5995) return (freq - 5000) / 5 | 0;
  if (freq >= 4910 && freq <= 4980) return ((freq - 4910) / 5 | 0) + 182;
  return -1;
}

/** One present word and its bits; the named bits only for words in the radiotap namespace at bit 0. */
function presentWord(c: Ctx, o: number, v: number, base0: boolean): void {
  const f = c.f;
  f.push(f.add(F.word, o, 4, v));
  const bits = base0 ? PRESENT_IDS : NS_IDS;
  for (let i = 0; i < bits.length; i += 2) f.add(bits[i + 1] as number, o, 4, (v >>> (bits[i] as number)) & 1);
  f.pop();
}

/** The PHY the Channel field's flags tell (the radiotap dissector's switch on them), with the
 *  Flags field's short-preamble bit for 802.11b/g. */
function channelPhy(r: RadioInfo, kind: number, flags: number): void {
  const phy = CHAN_PHY.get(kind);
  r.turbo = -1;
  r.mode11g = -1;
  r.shortPreamble = -1;
  if (phy === undefined) return;
  // (a "dynamic CCK-OFDM" channel carrying a CCK rate is 802.11b, as Wireshark 4.0 reads it)
  r.phy = kind === 0x480 && CCK_RATES.has(r.rate) ? Phy.B : phy;
  if (r.phy === Phy.A) r.turbo = kind === 0x150 ? 2 : 0;
  if (r.phy === Phy.G) r.mode11g = kind === 0xd0 ? 1 : 0;
  if (r.phy === Phy.B && flags >= 0) r.shortPreamble = flags & FLAG_SHORT_PREAMBLE ? 1 : 0;
}

/** The MCS field (bit 19): what is known, then bandwidth, guard interval, format, FEC, STBC,
 *  extension streams and the index, each when known; and the HT rate they give. */
function mcsField(c: Ctx, o: number, r: RadioInfo): void {
  const f = c.f;
  const known = c.u8(o);
  const flags = c.u8(o + 1);
  const index = c.u8(o + 2);
  if (known !== 0) {
    r.phy = Phy.N;
    r.mcs = r.bandwidth = r.shortGi = r.greenfield = r.fec = r.stbc = r.ness = -1;
  }
  if (known & 0x02) r.mcs = index;
  if (known & 0x01) r.bandwidth = flags & 0x03;
  if (known & 0x04) r.shortGi = (flags >> 2) & 1;
  if (known & 0x08) r.greenfield = (flags >> 3) & 1;
  if (known & 0x10) r.fec = (flags >> 4) & 1;
  if (known & 0x20) r.stbc = (flags >> 5) & 3;
  if (known & 0x40) r.ness = ((known & 0x80) >> 6) | ((flags & 0x80) >> 7);
  const item = f.add(F.mcs, o, 3);
  f.push(item);
  // (bit 1 of the extension streams only when they are known; a number, so not named on the line)
  flagParts(c, f.add(F.mcsKnown, o, 1, known), known & 0x40 ? MCS_KNOWN_NESS_IDS : MCS_KNOWN_IDS, o, 1, known);
  if (known & 0x01) f.add(F.mcsBw, o + 1, 1, flags & 0x03);
  if (known & 0x04) f.add(F.mcsGi, o + 1, 1, (flags >> 2) & 1);
  if (known & 0x08) f.add(F.mcsFormat, o + 1, 1, (flags >> 3) & 1);
  if (known & 0x10) f.add(F.mcsFec, o + 1, 1, (flags >> 4) & 1);
  if (known & 0x20) f.add(F.mcsStbc, o + 1, 1, (flags >> 5) & 3);
  if (known & 0x40) f.add(F.nessBit0, o + 1, 1, (flags & 0x80) >> 7);
  if (known & 0x02) f.add(F.mcsIndex, o + 2, 1, index);
  f.pop();
  // the rate, when the index, bandwidth and guard interval are known and the MCS has one
  if ((known & 0x07) === 0x07 && index <= 76 && (flags & 0x03) !== 2 && (flags & 0x03) !== 3) {
    const rate = htRate(index, (flags & 0x03) === 1, (flags & 0x04) !== 0);
    const i = f.add(F.datarate, o, 3, rate, EF.GENERATED);
    if (i >= 0) f.setText(i, `Data Rate: ${rate.toFixed(1)} Mb/s`);
  }
}

/** The field of present bit `bit` at `o` (already aligned and bounds-checked), noted in `r`. */
function field(c: Ctx, bit: number, o: number, r: RadioInfo, flags: number): void {
  const f = c.f;
  switch (bit) {
    case 0: {
      const tsf = c.le(o, 8);
      f.add(F.mactime, o, 8, tsf);
      r.tsf = tsf;
      break;
    }
    case 1: {
      const v = c.u8(o);
      r.fcsLen = v & FLAG_FCS ? 4 : 0;
      flagParts(c, f.add(F.flags, o, 1, v), FLAG_IDS, o, 1, v, false);
      break;
    }
    case 2: {
      const rate = c.u8(o) / 2;
      r.rate = c.u8(o);
      const i = f.add(F.datarate, o, 1, rate);
      if (i >= 0) f.setText(i, `Data Rate: ${rate.toFixed(1)} Mb/s`);
      break;
    }
    case 3: {
      const freq = c.le(o, 2);
      if (freq !== 0) {
        r.frequency = freq;
        r.channel = channelOf(freq);
      }
      const fi = f.add(F.freq, o, 2, freq);
      if (fi >= 0 && f.wanted === null) f.appendLabel(fi, channelSuffix(freq));
      const v = c.le(o + 2, 2);
      channelPhy(r, v & CHAN_ALLTURBO, flags);
      flagParts(c, f.add(F.chFlags, o + 2, 2, v), CHANNEL_IDS, o + 2, 2, v);
      break;
    }
    case 4: f.add(F.hopset, o, 1, c.u8(o)); f.add(F.pattern, o + 1, 1, c.u8(o + 1)); break;
    case 5: r.signalDbm = (c.u8(o) << 24) >> 24; f.add(F.dbmAntsignal, o, 1, r.signalDbm); break;
    case 6: r.noiseDbm = (c.u8(o) << 24) >> 24; f.add(F.dbmAntnoise, o, 1, r.noiseDbm); break;
    case 7: f.add(F.quality, o, 2, c.le(o, 2)); break;
    case 8: f.add(F.txattenuation, o, 2, c.le(o, 2)); break;
    case 9: f.add(F.dbTxattenuation, o, 2, c.le(o, 2)); break;
    case 10: f.add(F.txpower, o, 1, (c.u8(o) << 24) >> 24); break;
    case 11: f.add(F.antenna, o, 1, c.u8(o)); break;
    case 12: f.add(F.dbAntsignal, o, 1, c.u8(o)); break;
    case 13: f.add(F.dbAntnoise, o, 1, c.u8(o)); break;
    case 14: {
      const v = c.le(o, 2);
      flagParts(c, f.add(F.rxflags, o, 2, v), RX_FLAG_IDS, o, 2, v);
      break;
    }
    case 15: {
      const v = c.le(o, 2);
      flagParts(c, f.add(F.txflags, o, 2, v), TX_FLAG_IDS, o, 2, v);
      break;
    }
    case 17: f.add(F.dataRetries, o, 1, c.u8(o)); break;
    case 19: mcsField(c, o, r); break;
  }
}

export function dissectRadiotap(c: Ctx, off: number, end: number): void {
  const f = c.f;
  if (!c.has(off, PRESENT, end)) return;
  const length = c.le(off + LENGTH, 2);
  const rt = c.proto(F.radiotap, off, off + length);
  f.label(rt, `Radiotap Header v${c.u8(off + VERSION)}, Length ${length}`);
  f.add(F.version, off + VERSION, 1, c.u8(off + VERSION));
  f.add(F.pad, off + PAD, 1, c.u8(off + PAD));
  f.add(F.length, off + LENGTH, 2, length);
  // The whole header is fetched before its present words are read (Wireshark's iterator).
  if (!c.has(off, Math.max(length, RADIOTAP_MIN_LEN), end)) return;
  // Present words: as many as bit 31 asks for, inside the header's length.
  let words = 0;
  for (let o = off + PRESENT; ; o += 4) {
    words++;
    if (o + 4 > off + length || !c.has(o, 4, end)) break;
    if (!(c.le(o, 4) & EXT)) break;
  }
  const presentEnd = off + PRESENT + 4 * words;
  f.push(f.add(F.present, off + PRESENT, Math.min(presentEnd, c.b.length) - off - PRESENT));
  let base0 = true;
  let first = -1;
  for (let i = 0, o = off + PRESENT; i < words && c.has(o, 4, end); i++, o += 4) {
    const v = c.le(o, 4);
    presentWord(c, o, v, base0);
    if (i === 0) first = v;
    base0 = (v & RTAP_NS) !== 0 && (v & VENDOR_NS) === 0;
  }
  f.pop();
  if (c.stop) return;
  // Fields of the first word, in bit order, each aligned from the start of the header.
  let o = presentEnd - off;
  const r = emptyRadioInfo();
  let flags = -1;
  for (let bit = 0; bit < 29; bit++) {
    if (!((first >>> bit) & 1)) continue;
    if (!(DECODED & (1 << bit))) break;
    const align = ALIGN[bit] as number;
    o = Math.ceil(o / align) * align;
    const size = SIZE[bit] as number;
    if (o + size > length || !c.has(off + o, size, end)) break;
    field(c, bit, off + o, r, flags);
    if (bit === 1) flags = c.u8(off + o);
    o += size;
  }
  f.pop();
  if (c.stop) return;
  if (length < RADIOTAP_MIN_LEN) {
    c.call(dissectData, off + RADIOTAP_MIN_LEN, end);
    return;
  }
  // A rate without a channel: a DSSS/CCK rate is 802.11b (as Wireshark 4.0 reads ieee802.11_exthdr.pcap).
  if (r.phy === Phy.UNKNOWN && CCK_RATES.has(r.rate)) r.phy = Phy.B;
  // an MCS field that does not tell the guard interval: the Flags field's short-GI bit does
  if (r.phy === Phy.N && r.shortGi < 0 && flags >= 0) r.shortGi = flags & FLAG_SHORT_GI ? 1 : 0;
  dissectWlanRadio(c, off + length, end, r);
  if (c.stop) return;
  c.call(r.fcsLen === 4 ? dissectWlanWithFcs : dissectWlan, off + length, end);
}

registerDissector('radiotap', dissectRadiotap);
bind('wtap_encap', 127, 'radiotap');
