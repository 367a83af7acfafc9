// Multipath TCP against tshark: test/fixtures/mptcp/mptcp-cases.pcap (written by
// scripts/make-mptcp-capture.py) holds a version 1 connection — MP_CAPABLE's handshake with the
// keys and the first data's length and checksum, DSS options with 4- and 8-byte data ACKs and
// sequence numbers (raw, and relative to the IDSNs Wireshark derives from the keys), DATA_FIN, an
// infinite mapping, ADD_ADDR over IPv4 and IPv6 with port, HMAC and echo, REMOVE_ADDR, MP_PRIO,
// MP_FAIL, MP_FASTCLOSE, MP_TCPRST — and a second subflow joined by the token of the server's key,
// with NOP runs that raise "4 NOP in a row". mptcp-lines.json beside it is tshark 4.0.17's reading
// (scripts/make-layer-lines.py mptcp): each frame's whole TCP layer, with its [MPTCP analysis].
import { describe, expect, it } from 'vitest';
import { expectColumns, expectFilters, expectLayers, openFixture, readFixture } from './layer-fixture.ts';

const WANT = readFixture('mptcp');
const TITLES = ['Transmission Control Protocol', '[Malformed Packet'];

describe("Multipath TCP's tree, as tshark shows it", () => {
  it('line for line on every frame', async () => {
    const { s, packets } = await openFixture('mptcp', 'mptcp-cases.pcap');
    await expectLayers(s, packets, WANT, TITLES);
  });

  it('Protocol, Info and frame.protocols as tshark fills them', async () => {
    const { s, packets } = await openFixture('mptcp', 'mptcp-cases.pcap');
    await expectColumns(s, packets, WANT);
  });

  it('display filters on its fields keep the frames tshark keeps', async () => {
    const { s } = await openFixture('mptcp', 'mptcp-cases.pcap');
    expect(Object.keys(WANT.filters).length).toBe(14);
    await expectFilters(s, WANT);
  });
});
