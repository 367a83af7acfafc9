// BFD against tshark: test/fixtures/bfd/bfd-cases.pcap (written by scripts/make-bfd-capture.py)
// holds a BGP fabric's single-hop sessions coming up (Down, Init, Up), poll and final, diagnostic
// codes, demand mode, a multihop session over IPv6, the three kinds of authentication section and
// a flag without one, an echo packet, NSX-T's tunnel monitoring (BFD inside Geneve with the OAM
// bit, whose Geneve line says ", OAM"), a length past the datagram and a version 0 packet.
// bfd-lines.json beside it is tshark 4.0.17's reading (scripts/make-layer-lines.py bfd).
import { describe, expect, it } from 'vitest';
import { expectColumns, expectFilters, expectLayers, openFixture, readFixture } from './layer-fixture.ts';

const WANT = readFixture('bfd');
const TITLES = ['BFD Control message', 'BFD Echo message', 'Generic Network Virtualization Encapsulation', '[Malformed Packet'];

describe("BFD's tree, as tshark shows it", () => {
  it('line for line on every frame', async () => {
    const { s, packets } = await openFixture('bfd', 'bfd-cases.pcap');
    await expectLayers(s, packets, WANT, TITLES);
  });

  it('Protocol, Info and frame.protocols as tshark fills them', async () => {
    const { s, packets } = await openFixture('bfd', 'bfd-cases.pcap');
    await expectColumns(s, packets, WANT);
  });

  it('display filters on its fields keep the frames tshark keeps', async () => {
    const { s } = await openFixture('bfd', 'bfd-cases.pcap');
    expect(Object.keys(WANT.filters).length).toBe(15);
    await expectFilters(s, WANT);
  });
});
