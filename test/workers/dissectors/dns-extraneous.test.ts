// DNS, mDNS and LLMNR against tshark where a message has bytes after its last record:
// test/fixtures/dnsextra/dnsextra-cases.pcap (written by scripts/make-dnsextra-capture.py) holds a
// query and a response of each with and without such bytes, the benchmark generator's mDNS
// datagram of zeros and a response cut inside its answer. packet-dns.c shows the bytes as
// "Extraneous Data (N bytes)" after the transaction's lines, and titles mDNS and LLMNR "(query)" /
// "(response)" as DNS. dnsextra-lines.json beside it is tshark 4.0.17's reading
// (scripts/make-layer-lines.py dnsextra).
import { describe, expect, it } from 'vitest';
import { expectColumns, expectFilters, expectLayers, openFixture, readFixture } from './layer-fixture.ts';

const WANT = readFixture('dnsextra');
const TITLES = ['Domain Name System', 'Multicast Domain Name System', 'Link-local Multicast Name Resolution', '[Malformed Packet'];

describe('DNS messages with bytes after their records, as tshark shows them', () => {
  it('line for line on every frame', async () => {
    const { s, packets } = await openFixture('dnsextra', 'dnsextra-cases.pcap');
    await expectLayers(s, packets, WANT, TITLES);
  });

  it('Protocol, Info and frame.protocols as tshark fills them', async () => {
    const { s, packets } = await openFixture('dnsextra', 'dnsextra-cases.pcap');
    await expectColumns(s, packets, WANT);
  });

  it('display filters on the extraneous bytes keep the frames tshark keeps', async () => {
    const { s } = await openFixture('dnsextra', 'dnsextra-cases.pcap');
    expect(Object.keys(WANT.filters).length).toBe(6);
    await expectFilters(s, WANT);
  });
});
