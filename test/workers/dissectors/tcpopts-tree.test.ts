// TCP options against tshark: test/fixtures/tcpopts/tcpopts-cases.pcap (written by
// scripts/make-tcpopts-capture.py) holds a Linux handshake's options, SACK blocks ("left edge = 101
// (relative)"), TCP Fast Open's cookie request and cookie (option 34 and RFC 6994's experimental
// form; the Note on a SYN that carries one), BGP's MD5 signature, the User Timeout in seconds and
// minutes, Quick-Start's response, an unknown experiment and kind, and a too-short length, with
// what each writes in Info (" TFO=R", " MD5", " USER_TO=90", " QSresp=160 Kbit/s", " ExID=AB").
// tcpopts-lines.json beside it is tshark 4.0.17's reading (scripts/make-layer-lines.py tcpopts).
import { describe, expect, it } from 'vitest';
import { expectColumns, expectFilters, expectLayers, openFixture, readFixture } from './layer-fixture.ts';

const WANT = readFixture('tcpopts');
const TITLES = ['Transmission Control Protocol', '[Malformed Packet'];

describe("TCP options in the tree, as tshark shows them", () => {
  it('line for line on every frame', async () => {
    const { s, packets } = await openFixture('tcpopts', 'tcpopts-cases.pcap');
    expect(packets).toBe(14);
    await expectLayers(s, packets, WANT, TITLES);
  });

  it('Protocol, Info and frame.protocols as tshark fills them', async () => {
    const { s, packets } = await openFixture('tcpopts', 'tcpopts-cases.pcap');
    await expectColumns(s, packets, WANT);
  });

  it('display filters on their fields keep the frames tshark keeps', async () => {
    const { s } = await openFixture('tcpopts', 'tcpopts-cases.pcap');
    expect(Object.keys(WANT.filters).length).toBe(14);
    await expectFilters(s, WANT);
  });
});
