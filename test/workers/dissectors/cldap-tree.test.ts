// CLDAP against tshark: test/fixtures/cldap/cldap-cases.pcap (written by scripts/make-cldap-capture.py)
// holds Active Directory's LDAP pings on UDP 389: searches for the Netlogon attribute with their
// DnsDomain / Host / DomainGuid / NtVer filters, a LOGON_SAM_LOGON_RESPONSE_EX (flags, GUID,
// compressed DNS names, sites, the controller's address) and an older LOGON_SAM_LOGON_RESPONSE,
// a ping with no answer and a datagram cut short. cldap-lines.json beside it is tshark 4.0.17's
// reading (scripts/make-layer-lines.py cldap).
import { describe, expect, it } from 'vitest';
import { expectColumns, expectFilters, expectLayers, openFixture, readFixture } from './layer-fixture.ts';

const WANT = readFixture('cldap');
const TITLES = ['Connectionless Lightweight Directory Access Protocol', '[Malformed Packet'];

describe("CLDAP's tree (LDAP pings and their Netlogon answers), as tshark shows it", () => {
  it('line for line on every frame', async () => {
    const { s, packets } = await openFixture('cldap', 'cldap-cases.pcap');
    await expectLayers(s, packets, WANT, TITLES);
  });

  it('Protocol, Info and frame.protocols as tshark fills them', async () => {
    const { s, packets } = await openFixture('cldap', 'cldap-cases.pcap');
    await expectColumns(s, packets, WANT);
  });

  it('display filters on its fields keep the frames tshark keeps', async () => {
    const { s } = await openFixture('cldap', 'cldap-cases.pcap');
    expect(Object.keys(WANT.filters).length).toBe(10);
    await expectFilters(s, WANT);
  });
});
