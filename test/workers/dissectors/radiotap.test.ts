// Radiotap (workers/dissectors/radiotap.ts): ieee802.11_exthdr.pcap, whose headers carry a second
// ("extended") present word.

import { describe, expect, it } from 'vitest';
import { checkCuts, frame, hex } from './helpers.ts';

// ieee802.11_exthdr.pcap frame 2: 89-byte radiotap header (two present words), then an 802.11
// ACK with FCS.
const ACK = '000059006f480080f7017710000000006ae098000000000010026c09a000edaa00000000000002006c09a000031b6ae09800000000003d040043364380aa009fff019cff670000000000000000000000000000000000000000d400000090a4dec0460a2731633c';

describe('radiotap', () => {
  it('decodes ieee802.11_exthdr.pcap frame 2 as tshark 4.0 does', () => {
    const f = frame(hex(ACK), 127);
    expect(f.protocols).toBe('frame:radiotap:wlan_radio:wlan');
    expect(f.v('radiotap.version')).toBe('0');
    expect(f.v('radiotap.length')).toBe('89');
    expect(f.v('radiotap.present.word')).toBe('0x8000486f,0x107701f7');
    expect(f.v('radiotap.present.tsft')).toBe('1');
    expect(f.v('radiotap.present.fhss')).toBe('0');
    // The second word is not at bit 0 of the radiotap namespace: only its namespace bits show.
    expect(f.v('radiotap.present.ext')).toBe('1,0');
    expect(f.v('radiotap.present.rtap_ns')).toBe('0,0');
    expect(f.v('radiotap.mactime')).toBe('10018922');
    expect(f.v('radiotap.flags')).toBe('0x10');
    expect(f.v('radiotap.flags.fcs')).toBe('1');
    expect(f.v('radiotap.datarate')).toBe('1');
    expect(f.v('radiotap.channel.freq')).toBe('2412');
    expect(f.v('radiotap.channel.flags')).toBe('0x00a0');
    expect(f.v('radiotap.channel.flags.cck')).toBe('1');
    expect(f.v('radiotap.channel.flags.2ghz')).toBe('1');
    expect(f.v('radiotap.dbm_antsignal')).toBe('-19');
    expect(f.v('radiotap.dbm_antnoise')).toBe('-86');
    expect(f.v('radiotap.antenna')).toBe('0');
    expect(f.v('radiotap.rxflags')).toBe('0x0000');
    expect(f.v('wlan.fc.type_subtype')).toBe('0x001d');
    expect(f.v('wlan.fcs')).toBe('0x3c633127');
  });

  it('keeps version, pad and length when the rest of the header is cut', () => {
    const f = frame(hex(ACK).subarray(0, 6), 127, 103);
    expect(f.v('radiotap.length')).toBe('89');
    expect(f.v('radiotap.present.word')).toBe('');
  });

  it('never throws at any cut of the header', () => {
    checkCuts(hex(ACK), 127, 0, 89, ['radiotap.version', 'radiotap.length', 'radiotap.present.word', 'radiotap.mactime', 'radiotap.channel.freq', 'radiotap.rxflags']);
  });
});
