// LACP and the Marker protocol (Slow Protocols) against tshark: test/fixtures/lacp/lacp-cases.pcap
// (written by scripts/make-lacp-capture.py) holds a hypervisor's link aggregation and its switch
// negotiating to collecting and distributing, short and long timeouts, defaulted and expired
// states, LACP version 2, a Marker PDU and its response, and an LACPDU cut short.
// lacp-lines.json beside it is tshark 4.0.17's reading (scripts/make-layer-lines.py lacp).
import { describe, expect, it } from 'vitest';
import { expectColumns, expectFilters, expectLayers, openFixture, readFixture } from './layer-fixture.ts';

const WANT = readFixture('lacp');
const TITLES = ['Slow Protocols', 'Link Aggregation Control Protocol', 'Marker Protocol', '[Malformed Packet'];

describe("LACP's tree, as tshark shows it", () => {
  it('line for line on every frame', async () => {
    const { s, packets } = await openFixture('lacp', 'lacp-cases.pcap');
    await expectLayers(s, packets, WANT, TITLES);
  });

  it('Protocol, Info and frame.protocols as tshark fills them', async () => {
    const { s, packets } = await openFixture('lacp', 'lacp-cases.pcap');
    await expectColumns(s, packets, WANT);
  });

  it('display filters on its fields keep the frames tshark keeps', async () => {
    const { s } = await openFixture('lacp', 'lacp-cases.pcap');
    expect(Object.keys(WANT.filters).length).toBe(11);
    await expectFilters(s, WANT);
  });
});
