// ICMP against tshark: test/fixtures/icmp/icmp-cases.pcap (written by scripts/make-icmp-capture.py)
// holds an echo pair, timestamp, information and address mask requests and replies (one
// timestamp reply's times little-endian), router advertisements ("Mobile IP Advertisement" for
// code 0 and 16, one with a mobility agent extension) and a solicitation, errors with codes past
// their tables ("Unknown code: 16"), source quench, alternate host address, Photuris, RFC 8335's
// extended echo (interface by name, index and address; replies with their state bits), the
// reserved and unassigned types, a bad checksum and an extension structure with a bad checksum.
// icmp-lines.json beside it is tshark 4.0.17's reading (scripts/make-layer-lines.py icmp).
import { describe, expect, it } from 'vitest';
import { expectColumns, expectFilters, expectLayers, openFixture, readFixture } from './layer-fixture.ts';

const WANT = readFixture('icmp');
const TITLES = ['Internet Control Message Protocol', '[Malformed Packet'];

describe("ICMP's tree, as tshark shows it", () => {
  it('line for line on every frame', async () => {
    const { s, packets } = await openFixture('icmp', 'icmp-cases.pcap');
    expect(packets).toBe(29);
    await expectLayers(s, packets, WANT, TITLES);
  });

  it('Protocol, Info (the type padded to 20 columns, the code, id and sequence) and frame.protocols as tshark fills them', async () => {
    const { s, packets } = await openFixture('icmp', 'icmp-cases.pcap');
    await expectColumns(s, packets, WANT);
  });

  it('display filters on its fields keep the frames tshark keeps', async () => {
    const { s } = await openFixture('icmp', 'icmp-cases.pcap');
    expect(Object.keys(WANT.filters).length).toBe(21);
    await expectFilters(s, WANT);
  });
});
