// OSPFv2 against tshark: test/fixtures/ospf/ospf-cases.pcap (written by scripts/make-ospf-capture.py)
// holds two routers' Hellos (null, simple and cryptographic authentication), database
// descriptions, a link-state request, an update with router, network, summary, ASBR summary,
// AS-external and NSSA LSAs, an acknowledgement and a packet cut short. ospf-lines.json beside it
// is tshark 4.0.17's reading (scripts/make-layer-lines.py ospf).
import { describe, expect, it } from 'vitest';
import { expectColumns, expectFilters, expectLayers, openFixture, readFixture } from './layer-fixture.ts';

const WANT = readFixture('ospf');
const TITLES = ['Open Shortest Path First', '[Malformed Packet'];

describe("OSPF's tree, as tshark shows it", () => {
  it('line for line on every frame', async () => {
    const { s, packets } = await openFixture('ospf', 'ospf-cases.pcap');
    await expectLayers(s, packets, WANT, TITLES);
  });

  it('Protocol, Info and frame.protocols as tshark fills them', async () => {
    const { s, packets } = await openFixture('ospf', 'ospf-cases.pcap');
    await expectColumns(s, packets, WANT);
  });

  it('display filters on its fields keep the frames tshark keeps', async () => {
    const { s } = await openFixture('ospf', 'ospf-cases.pcap');
    expect(Object.keys(WANT.filters).length).toBe(16);
    await expectFilters(s, WANT);
  });
});
