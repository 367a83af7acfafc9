// BGP's details tree and columns against tshark's: test/fixtures/bgp/bgp-cases.pcap (written by
// scripts/make-bgp-capture.py) is a session between two data-centre routers — OPEN messages with
// their capabilities, UPDATEs with withdrawn routes, the common path attributes, extended
// communities of ten kinds, IPv4, IPv6 and EVPN routes with the PMSI tunnel and VXLAN
// encapsulation, NOTIFICATION, ROUTE-REFRESH and KEEPALIVE messages, several messages in a
// segment, one split over two, and a length below the header's. bgp-lines.json beside it is
// tshark 4.0.17's reading (scripts/make-layer-lines.py bgp). Every frame's BGP layers must equal tshark's line
// for line, its Protocol, Info and frame.protocols must be tshark's, and filters on the fields
// must keep the frames tshark's keep.
import { describe, expect, it } from 'vitest';
import { expectColumns, expectFilters, expectLayers, openFixture, readFixture } from './layer-fixture.ts';

const WANT = readFixture('bgp');
const TITLES = ['Border Gateway Protocol', '[Malformed Packet'];

describe("BGP's tree, as tshark shows it", () => {
  it('line for line on every frame', async () => {
    const { s, packets } = await openFixture('bgp', 'bgp-cases.pcap');
    await expectLayers(s, packets, WANT, TITLES);
  });

  it('Protocol, Info and frame.protocols as tshark fills them', async () => {
    const { s, packets } = await openFixture('bgp', 'bgp-cases.pcap');
    await expectColumns(s, packets, WANT);
  });

  it('display filters on its fields keep the frames tshark keeps', async () => {
    const { s } = await openFixture('bgp', 'bgp-cases.pcap');
    expect(Object.keys(WANT.filters).length).toBe(16);
    await expectFilters(s, WANT);
  });
});
