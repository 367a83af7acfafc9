// DHCP's options against tshark: test/fixtures/dhcpopts/dhcpopts-cases.pcap (written by
// scripts/make-dhcpopts-capture.py) holds a Windows client's Discover (Client FQDN, "MSFT 5.0",
// the broadcast flag unset) and an Offer (broadcast flag set) with classless static routes (121,
// 249), NTP and NetBIOS servers, the node type, a compressed domain search list, the MTU, TFTP
// server and boot file names; Requests forwarded by relay agents with their Relay Agent
// Information (circuit and remote IDs, link selection, subscriber ID, server ID override,
// vendor-specific information, VRF name and VPN ID, an unknown suboption and one too long); a PXE
// client's Discover (architecture, UNDI version, UUID, iPXE's non-standard user class) and the PXE
// server's Offer with its vendor-specific suboptions; a Nak; an Inform with RFC 3004 user classes
// and the V-I vendor class and vendor-specific information (TR-111) and its Ack (CableLabs' TFTP
// servers, a TR-111 suboption longer than its data, auto-configuration, forcerenew nonce
// capability, TFTP server addresses); options of every basic type, and with lengths their type
// does not allow; a Windows renewal with its seconds little-endian and a RAS user class;
// systemd's DUID client identifiers; service options (SLP, Novell, name service search, PCP,
// port parameters, captive portal, 6rd, leasequery status, a split domain search); an
// Alcatel-Lucent phone's vendor information. dhcpopts-lines.json beside it is tshark 4.0.17's
// reading (scripts/make-layer-lines.py dhcpopts).
import { describe, expect, it } from 'vitest';
import { expectColumns, expectFilters, expectLayers, openFixture, readFixture } from './layer-fixture.ts';

const WANT = readFixture('dhcpopts');
const TITLES = ['Dynamic Host Configuration Protocol', '[Malformed Packet'];

describe("DHCP's options, as tshark shows them", () => {
  it('line for line on every frame', async () => {
    const { s, packets } = await openFixture('dhcpopts', 'dhcpopts-cases.pcap');
    expect(packets).toBe(16);
    await expectLayers(s, packets, WANT, TITLES);
  });

  it('Protocol, Info ("DHCP Offer    - Transaction ID 0x…") and frame.protocols (a vendor heuristic adds "dhcp" again) as tshark fills them', async () => {
    const { s, packets } = await openFixture('dhcpopts', 'dhcpopts-cases.pcap');
    await expectColumns(s, packets, WANT);
  });

  it('display filters on its fields keep the frames tshark keeps', async () => {
    const { s } = await openFixture('dhcpopts', 'dhcpopts-cases.pcap');
    expect(Object.keys(WANT.filters).length).toBe(22);
    await expectFilters(s, WANT);
  });
});
