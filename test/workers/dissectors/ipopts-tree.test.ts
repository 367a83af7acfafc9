// IPv4 options against tshark: test/fixtures/ipopts/ipopts-cases.pcap (written by
// scripts/make-ipopts-capture.py) holds a header with each option packet-ip.c dissects: record
// route and source routes (the slot the pointer points at marked "<- (next)", a source route's
// final destination as ip.dst and the header's as the Current Route, the title's "Via"), router
// alert, time stamps of each flag, RFC 791 security levels, stream ID, traceroute, MTU probe and
// reply, Quick-Start (its function and rate on the option's line), CIPSO, and unknown and cut
// options. ipopts-lines.json beside it is tshark 4.0.17's reading (scripts/make-layer-lines.py ipopts).
import { describe, expect, it } from 'vitest';
import { expectColumns, expectFilters, expectLayers, openFixture, readFixture } from './layer-fixture.ts';

const WANT = readFixture('ipopts');
const TITLES = ['Internet Protocol Version 4', '[Malformed Packet'];

describe("IPv4 options in the tree, as tshark shows them", () => {
  it('line for line on every frame', async () => {
    const { s, packets } = await openFixture('ipopts', 'ipopts-cases.pcap');
    expect(packets).toBe(24);
    await expectLayers(s, packets, WANT, TITLES);
  });

  it('Protocol, Info and frame.protocols as tshark fills them', async () => {
    const { s, packets } = await openFixture('ipopts', 'ipopts-cases.pcap');
    await expectColumns(s, packets, WANT);
  });

  it('display filters on their fields keep the frames tshark keeps', async () => {
    const { s } = await openFixture('ipopts', 'ipopts-cases.pcap');
    expect(Object.keys(WANT.filters).length).toBe(20);
    await expectFilters(s, WANT);
  });
});
