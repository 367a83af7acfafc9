// ARP against tshark: test/fixtures/arp/arp-cases.pcap (written by scripts/make-arp-capture.py)
// holds requests and replies, a gratuitous request and reply, an RFC 5227 announcement and probe,
// RARP, DRARP, InARP, ATM ARP's NAK, the MARS and MAPOS opcodes, the experimental, reserved and an
// unknown opcode, and an address conflict: 10.0.0.21 answered for by two MAC addresses, which
// Wireshark reports under "[Duplicate IP address detected …]" with the frame of the earlier use
// (a Sequence warning), and the first MAC address again later, which it does not.
// arp-lines.json beside it is tshark 4.0.17's reading (scripts/make-layer-lines.py arp).
import { describe, expect, it } from 'vitest';
import { expectColumns, expectFilters, expectLayers, openFixture, readFixture } from './layer-fixture.ts';

const WANT = readFixture('arp');
const TITLES = ['Address Resolution Protocol', '[Duplicate IP address', '[Malformed Packet'];

describe("ARP's tree, as tshark shows it", () => {
  it('line for line on every frame', async () => {
    const { s, packets } = await openFixture('arp', 'arp-cases.pcap');
    await expectLayers(s, packets, WANT, TITLES);
  });

  it('Protocol (ARP, RARP, DRARP, Inverse ARP, MARS, MAPOS), Info and frame.protocols as tshark fills them', async () => {
    const { s, packets } = await openFixture('arp', 'arp-cases.pcap');
    await expectColumns(s, packets, WANT);
  });

  it('display filters on its fields keep the frames tshark keeps', async () => {
    const { s } = await openFixture('arp', 'arp-cases.pcap');
    expect(Object.keys(WANT.filters).length).toBe(13);
    await expectFilters(s, WANT);
  });
});
