// Radiotap, 802.11 radio information and the 802.11 header against tshark:
// test/fixtures/radiotap/radiotap-cases.pcap (written by scripts/make-radiotap-capture.py) holds
// frames behind the radio headers of 802.11g with a short preamble, 802.11a at 5 GHz, 802.11b with
// a long preamble, a "dynamic CCK-OFDM" channel, Super G, 802.11n MCS fields (all known; the index
// alone; 20 MHz long GI), OFDM and DSSS rates without a channel, TX flags and power, a header the
// capture cut, and management frames whose elements (capabilities, ERP, HT Capabilities and
// Information, WMM from an AP and from a station) set what ieee802.11_exthdr.pcap leaves clear, and
// a WPA2 beacon's TIM (with a station's traffic flagged), Country, QBSS Load, RSN and Extended
// Capabilities (8, 14 and 7 octets) elements, an 802.11ac beacon's Power Constraint, RM Enabled
// Capabilities, Supported Operating Classes and VHT elements. radiotap-lines.json beside it is tshark 4.0.17's
// reading (scripts/make-layer-lines.py radiotap): airtimes, preambles, IFS, the Assumption expert
// infos.
import { describe, expect, it } from 'vitest';
import { expectColumns, expectFilters, expectLayers, openFixture, readFixture } from './layer-fixture.ts';

const WANT = readFixture('radiotap');
const TITLES = ['Radiotap Header', '802.11 radio information', 'IEEE 802.11 ', '[Malformed Packet'];

describe('radiotap, 802.11 radio information and 802.11 management elements, as tshark shows them', () => {
  it('line for line on every frame', async () => {
    const { s, packets } = await openFixture('radiotap', 'radiotap-cases.pcap');
    await expectLayers(s, packets, WANT, TITLES);
  });

  it('Protocol, Info and frame.protocols as tshark fills them', async () => {
    const { s, packets } = await openFixture('radiotap', 'radiotap-cases.pcap');
    await expectColumns(s, packets, WANT);
  });

  it('display filters on their fields keep the frames tshark keeps', async () => {
    const { s } = await openFixture('radiotap', 'radiotap-cases.pcap');
    expect(Object.keys(WANT.filters).length).toBe(36);
    await expectFilters(s, WANT);
  });
});
