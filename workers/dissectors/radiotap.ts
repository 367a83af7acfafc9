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

import { Base, FT, registerFields, type FieldSpec } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { dissectData } from './data.ts';
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

function bitFields(prefix: string, bits: number, list: ReadonlyArray<readonly [string, number, string]>): Record<string, FieldSpec> {
  const out: Record<string, FieldSpec> = {};
  for (const [name, mask, label] of list) out[name] = { name: `${prefix}.${name}`, label, type: FT.BOOLEAN, bits, mask };
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
  dbmAntsignal: { name: 'radiotap.dbm_antsignal', label: 'Antenna signal', type: FT.INT, bits: 8 },
  dbmAntnoise: { name: 'radiotap.dbm_antnoise', label: 'Antenna noise', type: FT.INT, bits: 8 },
  quality: { name: 'radiotap.quality', label: 'Signal Quality', type: FT.UINT, bits: 16 },
  txattenuation: { name: 'radiotap.txattenuation', label: 'Transmit attenuation', type: FT.UINT, bits: 16 },
  dbTxattenuation: { name: 'radiotap.db_txattenuation', label: 'Transmit attenuation (dB)', type: FT.UINT, bits: 16 },
  txpower: { name: 'radiotap.txpower', label: 'Transmit power', type: FT.INT, bits: 8 },
  antenna: { name: 'radiotap.antenna', label: 'Antenna', type: FT.UINT, bits: 32 },
  dbAntsignal: { name: 'radiotap.db_antsignal', label: 'dB antenna signal', type: FT.UINT, bits: 8 },
  dbAntnoise: { name: 'radiotap.db_antnoise', label: 'dB antenna noise', type: FT.UINT, bits: 8 },
  rxflags: { name: 'radiotap.rxflags', label: 'RX flags', type: FT.UINT, base: Base.HEX, bits: 16 },
  badplcp: { name: 'radiotap.rxflags.badplcp', label: 'Bad PLCP', type: FT.BOOLEAN, bits: 24, mask: 0x2 },
  txflags: { name: 'radiotap.txflags', label: 'TX flags', type: FT.UINT, base: Base.HEX, bits: 16 },
  dataRetries: { name: 'radiotap.data_retries', label: 'Data retries', type: FT.UINT, bits: 8 },
});

const PRESENT_F = registerFields(Object.fromEntries(PRESENT_BITS.map(([bit, name, label]) => [name, { name: `radiotap.present.${name}`, label, type: FT.BOOLEAN, bits: 32, mask: 2 ** bit }])) as Record<string, FieldSpec>);
const FLAG_F = registerFields(bitFields('radiotap.flags', 8, FLAG_BITS.map(([n, label], i) => [n, 1 << i, label] as const)));
const CHANNEL_F = registerFields(bitFields('radiotap.channel.flags', 16, CHANNEL_BITS));

/** Flat (bit, field id) pairs and id lists, so that the per-packet loops allocate nothing. */
const PRESENT_IDS = PRESENT_BITS.flatMap(([bit, name]) => [bit, PRESENT_F[name] as number]);
const NS_IDS = NS_BITS.flatMap(([bit, name]) => [bit, PRESENT_F[name] as number]);
const FLAG_IDS = FLAG_BITS.map(([n]) => FLAG_F[n] as number);
const CHANNEL_IDS = CHANNEL_BITS.map(([n]) => CHANNEL_F[n] as number);

/** Alignment and size of the fields decoded, by present bit (Radiotap "defined fields"). */
const ALIGN = [8, 1, 1, 2, 1, 1, 1, 2, 2, 2, 1, 1, 1, 1, 2, 2, 1, 1];
const SIZE = [8, 1, 1, 4, 2, 1, 1, 2, 2, 2, 1, 1, 1, 1, 2, 2, 1, 1];
/** Bit 16 (RTS retries) has no field in Wireshark 4.0: decoding stops there, as for 18 on. */
const DECODED = (1 << 16) - 1 | (1 << 17);

/** One present word and its bits; the named bits only for words in the radiotap namespace at bit 0. */
function presentWord(c: Ctx, o: number, v: number, base0: boolean): void {
  const f = c.f;
  f.push(f.add(F.word, o, 4, v));
  const bits = base0 ? PRESENT_IDS : NS_IDS;
  for (let i = 0; i < bits.length; i += 2) f.add(bits[i + 1] as number, o, 4, (v >>> (bits[i] as number)) & 1);
  f.pop();
}

/** The field of present bit `bit` at `o` (already aligned and bounds-checked). */
function field(c: Ctx, bit: number, o: number): void {
  const f = c.f;
  switch (bit) {
    case 0: f.add(F.mactime, o, 8, c.le(o, 8)); break;
    case 1: {
      const v = c.u8(o);
      f.push(f.add(F.flags, o, 1, v));
      for (let i = 0; i < FLAG_IDS.length; i++) f.add(FLAG_IDS[i] as number, o, 1, (v >> i) & 1);
      f.pop();
      break;
    }
    case 2: f.add(F.datarate, o, 1, c.u8(o) / 2); break;
    case 3: {
      f.add(F.freq, o, 2, c.le(o, 2));
      const v = c.le(o + 2, 2);
      f.push(f.add(F.chFlags, o + 2, 2, v));
      for (let i = 0; i < CHANNEL_IDS.length; i++) f.add(CHANNEL_IDS[i] as number, o + 2, 2, v & (CHANNEL_BITS[i] as readonly [string, number, string])[1] ? 1 : 0);
      f.pop();
      break;
    }
    case 4: f.add(F.hopset, o, 1, c.u8(o)); f.add(F.pattern, o + 1, 1, c.u8(o + 1)); break;
    case 5: f.add(F.dbmAntsignal, o, 1, (c.u8(o) << 24) >> 24); break;
    case 6: f.add(F.dbmAntnoise, o, 1, (c.u8(o) << 24) >> 24); break;
    case 7: f.add(F.quality, o, 2, c.le(o, 2)); break;
    case 8: f.add(F.txattenuation, o, 2, c.le(o, 2)); break;
    case 9: f.add(F.dbTxattenuation, o, 2, c.le(o, 2)); break;
    case 10: f.add(F.txpower, o, 1, (c.u8(o) << 24) >> 24); break;
    case 11: f.add(F.antenna, o, 1, c.u8(o)); break;
    case 12: f.add(F.dbAntsignal, o, 1, c.u8(o)); break;
    case 13: f.add(F.dbAntnoise, o, 1, c.u8(o)); break;
    case 14: {
      const v = c.le(o, 2);
      f.push(f.add(F.rxflags, o, 2, v));
      f.add(F.badplcp, o, 2, (v >> 1) & 1);
      f.pop();
      break;
    }
    case 15: f.add(F.txflags, o, 2, c.le(o, 2)); break;
    case 17: f.add(F.dataRetries, o, 1, c.u8(o)); break;
  }
}

export function dissectRadiotap(c: Ctx, off: number, end: number): void {
  const f = c.f;
  if (!c.has(off, PRESENT, end)) return;
  const length = c.le(off + LENGTH, 2);
  c.proto(F.radiotap, off, off + length);
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
  let fcs = false;
  for (let bit = 0; bit < 29; bit++) {
    if (!((first >>> bit) & 1)) continue;
    if (!(DECODED & (1 << bit))) break;
    const align = ALIGN[bit] as number;
    o = Math.ceil(o / align) * align;
    const size = SIZE[bit] as number;
    if (o + size > length || !c.has(off + o, size, end)) break;
    field(c, bit, off + o);
    if (bit === 1) fcs = (c.u8(off + o) & FLAG_FCS) !== 0;
    o += size;
  }
  f.pop();
  if (c.stop) return;
  if (length < RADIOTAP_MIN_LEN) {
    c.call(dissectData, off + RADIOTAP_MIN_LEN, end);
    return;
  }
  c.call(fcs ? dissectWlanWithFcs : dissectWlan, off + length, end);
}

registerDissector('radiotap', dissectRadiotap);
bind('wtap_encap', 127, 'radiotap');
