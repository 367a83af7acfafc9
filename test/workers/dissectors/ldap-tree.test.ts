// LDAP against tshark: test/fixtures/ldap/ldap-cases.pcap (written by scripts/make-ldap-capture.py)
// holds a directory client's session: simple and SASL binds, a search whose filter uses every
// filter kind and a paged-results control, entries with text, several and binary (GUID) values, a
// referral and the search's end in one segment, modify / add / delete / modify DN / compare with
// their responses (one an error with a message), abandon, an extended operation, unbind, a message
// over two segments, Windows' four-octet lengths, and damaged messages. ldap-lines.json beside it
// is tshark 4.0.17's reading (scripts/make-layer-lines.py ldap, two passes as Decapod's details).
import { describe, expect, it } from 'vitest';
import { expectColumns, expectFilters, expectLayers, openFixture, readFixture } from './layer-fixture.ts';

const WANT = readFixture('ldap');
const TITLES = ['Lightweight Directory Access Protocol', '[Malformed Packet'];

describe("LDAP's tree, as tshark shows it", () => {
  it('line for line on every frame', async () => {
    const { s, packets } = await openFixture('ldap', 'ldap-cases.pcap');
    await expectLayers(s, packets, WANT, TITLES);
  });

  it('Protocol, Info and frame.protocols as tshark fills them', async () => {
    const { s, packets } = await openFixture('ldap', 'ldap-cases.pcap');
    await expectColumns(s, packets, WANT);
  });

  it('display filters on its fields keep the frames tshark keeps', async () => {
    const { s } = await openFixture('ldap', 'ldap-cases.pcap');
    expect(Object.keys(WANT.filters).length).toBe(20);
    await expectFilters(s, WANT);
  });
});
