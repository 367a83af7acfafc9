// LLDP's details tree and columns against tshark's: test/fixtures/lldp/lldp-cases.pcap (written by
// scripts/make-lldp-capture.py) holds what a hypervisor's uplinks see — a top-of-rack switch's PDU
// with every common TLV (capabilities, management address, IEEE 802.1's port VLAN, VLAN name and
// link aggregation, IEEE 802.3's MAC/PHY status, maximum frame size and deprecated link
// aggregation, a vendor's TLV), a hypervisor's own, each chassis and port ID subtype, IPv6
// addresses and an OID, power via MDI, a reserved TLV type, a TLV longer than the PDU and a PDU
// without its End. lldp-lines.json beside it is tshark 4.0.17's reading (scripts/make-layer-lines.py lldp).
import { describe, expect, it } from 'vitest';
import { expectColumns, expectFilters, expectLayers, openFixture, readFixture } from './layer-fixture.ts';

const WANT = readFixture('lldp');
const TITLES = ['Link Layer Discovery Protocol', '[Malformed Packet'];

describe("LLDP's tree, as tshark shows it", () => {
  it('line for line on every frame', async () => {
    const { s, packets } = await openFixture('lldp', 'lldp-cases.pcap');
    await expectLayers(s, packets, WANT, TITLES);
  });

  it('Protocol, Info and frame.protocols as tshark fills them', async () => {
    const { s, packets } = await openFixture('lldp', 'lldp-cases.pcap');
    await expectColumns(s, packets, WANT);
  });

  it('display filters on its fields keep the frames tshark keeps', async () => {
    const { s } = await openFixture('lldp', 'lldp-cases.pcap');
    expect(Object.keys(WANT.filters).length).toBe(13);
    await expectFilters(s, WANT);
  });
});
