// ESP against tshark: test/fixtures/esp/esp-cases.pcap (written by scripts/make-esp-capture.py)
// holds a VPN's IPsec: two SAs whose sequence numbers run in order, skip, repeat and go back
// (the sequence analysis per SPI), ESP over IPv6, ESP in UDP 4500 with NAT keep-alives, and a
// packet cut short. esp-lines.json beside it is tshark 4.0.17's reading
// (scripts/make-layer-lines.py esp).
import { describe, expect, it } from 'vitest';
import { expectColumns, expectFilters, expectLayers, openFixture, readFixture } from './layer-fixture.ts';

const WANT = readFixture('esp');
const TITLES = ['Encapsulating Security Payload', 'UDP Encapsulation of IPsec Packets', '[Malformed Packet', '[Packet size limited'];

describe("ESP's tree, as tshark shows it", () => {
  it('line for line on every frame', async () => {
    const { s, packets } = await openFixture('esp', 'esp-cases.pcap');
    await expectLayers(s, packets, WANT, TITLES);
  });

  it('Protocol, Info and frame.protocols as tshark fills them', async () => {
    const { s, packets } = await openFixture('esp', 'esp-cases.pcap');
    await expectColumns(s, packets, WANT);
  });

  it('display filters on its fields keep the frames tshark keeps', async () => {
    const { s } = await openFixture('esp', 'esp-cases.pcap');
    expect(Object.keys(WANT.filters).length).toBe(9);
    await expectFilters(s, WANT);
  });
});
