// DNS resource records against tshark: test/fixtures/dnsrr/dnsrr-cases.pcap (written by
// scripts/make-dnsrr-capture.py) holds one response per record type packet-dns.c decodes beyond the
// common ones: HINFO, RP, AFSDB, SRV (its owner split into service, protocol and name), NAPTR,
// DNAME, SSHFP, NSEC and NSEC3 (type bitmaps), NSEC3PARAM, TLSA, DS and CDS, DNSKEY and CDNSKEY
// (flags, key id), OPENPGPKEY, SVCB (alias and service forms) and HTTPS with their SvcParams, SPF,
// EUI48, EUI64, CAA (issue, issuewild, iodef, an unknown tag), LOC, TKEY, TSIG (its MAC's
// "No dissector for algorithm" warning), a TXT of UTF-8 (ENC_ASCII: "caf\ufffd\ufffd"), and URI, a
// type packet-dns.c has no case for (its
// "not implemented" note, then the bytes). dnsrr-lines.json beside it is tshark 4.0.17's reading
// (scripts/make-layer-lines.py dnsrr).
import { describe, expect, it } from 'vitest';
import { expectColumns, expectFilters, expectLayers, openFixture, readFixture } from './layer-fixture.ts';

const WANT = readFixture('dnsrr');
const TITLES = ['Domain Name System', '[Malformed Packet'];

describe("DNS records' trees, as tshark shows them", () => {
  it('line for line on every frame', async () => {
    const { s, packets } = await openFixture('dnsrr', 'dnsrr-cases.pcap');
    expect(packets).toBe(28);
    await expectLayers(s, packets, WANT, TITLES);
  });

  it('Protocol, Info (each record type and what packet-dns.c writes of its data) and frame.protocols as tshark fills them', async () => {
    const { s, packets } = await openFixture('dnsrr', 'dnsrr-cases.pcap');
    await expectColumns(s, packets, WANT);
  });

  it('display filters on its fields keep the frames tshark keeps', async () => {
    const { s } = await openFixture('dnsrr', 'dnsrr-cases.pcap');
    expect(Object.keys(WANT.filters).length).toBe(21);
    await expectFilters(s, WANT);
  });
});
