// Kerberos against tshark: test/fixtures/kerberos/kerberos-cases.pcap (written by
// scripts/make-kerberos-capture.py) holds an Active Directory logon: AS-REQ, the KDC's
// PREAUTH_REQUIRED with its methods and salts, the AS-REQ with an encrypted timestamp, the AS-REP
// with its ticket; over TCP a TGS-REQ carrying its AP-REQ, the TGS-REP over two segments, a clock
// skew error; an unknown service principal over UDP; and a message cut short.
// kerberos-lines.json beside it is tshark 4.0.17's reading (scripts/make-layer-lines.py kerberos).
import { describe, expect, it } from 'vitest';
import { expectColumns, expectFilters, expectLayers, openFixture, readFixture } from './layer-fixture.ts';

const WANT = readFixture('kerberos');
const TITLES = ['Kerberos', '[Malformed Packet'];

describe("Kerberos's tree, as tshark shows it", () => {
  it('line for line on every frame', async () => {
    const { s, packets } = await openFixture('kerberos', 'kerberos-cases.pcap');
    await expectLayers(s, packets, WANT, TITLES);
  });

  it('Protocol, Info and frame.protocols as tshark fills them', async () => {
    const { s, packets } = await openFixture('kerberos', 'kerberos-cases.pcap');
    await expectColumns(s, packets, WANT);
  });

  it('display filters on its fields keep the frames tshark keeps', async () => {
    const { s } = await openFixture('kerberos', 'kerberos-cases.pcap');
    expect(Object.keys(WANT.filters).length).toBe(19);
    await expectFilters(s, WANT);
  });
});
