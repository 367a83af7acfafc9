// VRRP against tshark: test/fixtures/vrrp/vrrp-cases.pcap (written by scripts/make-vrrp-capture.py)
// holds a pair of gateways' adverts: version 2 with one and three addresses, priorities 0, 100, 150
// and 255, a text password; version 3 over IPv4 and IPv6 (checksums over the pseudo-header); a bad
// checksum and an address count past the packet. vrrp-lines.json beside it is tshark 4.0.17's
// reading (scripts/make-layer-lines.py vrrp).
import { describe, expect, it } from 'vitest';
import { expectColumns, expectFilters, expectLayers, openFixture, readFixture } from './layer-fixture.ts';

const WANT = readFixture('vrrp');
const TITLES = ['Virtual Router Redundancy Protocol', '[Malformed Packet'];

describe("VRRP's tree, as tshark shows it", () => {
  it('line for line on every frame', async () => {
    const { s, packets } = await openFixture('vrrp', 'vrrp-cases.pcap');
    await expectLayers(s, packets, WANT, TITLES);
  });

  it('Protocol, Info and frame.protocols as tshark fills them', async () => {
    const { s, packets } = await openFixture('vrrp', 'vrrp-cases.pcap');
    await expectColumns(s, packets, WANT);
  });

  it('display filters on its fields keep the frames tshark keeps', async () => {
    const { s } = await openFixture('vrrp', 'vrrp-cases.pcap');
    expect(Object.keys(WANT.filters).length).toBe(11);
    await expectFilters(s, WANT);
  });
});
