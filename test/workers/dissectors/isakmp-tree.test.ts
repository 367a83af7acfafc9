// IKEv2 against tshark: test/fixtures/isakmp/isakmp-cases.pcap (written by
// scripts/make-isakmp-capture.py) holds two VPN gateways' negotiation: IKE_SA_INIT with two
// proposals, key exchange, nonce, notifies and a vendor ID; the refusals NO_PROPOSAL_CHOSEN and
// INVALID_KE_PAYLOAD; the answer; then IKE_AUTH, CREATE_CHILD_SA and INFORMATIONAL, encrypted, on
// UDP 4500 behind the Non-ESP Marker; and a message cut short. isakmp-lines.json beside it is
// tshark 4.0.17's reading (scripts/make-layer-lines.py isakmp).
import { describe, expect, it } from 'vitest';
import { expectColumns, expectFilters, expectLayers, openFixture, readFixture } from './layer-fixture.ts';

const WANT = readFixture('isakmp');
const TITLES = ['Internet Security Association and Key Management Protocol', 'UDP Encapsulation of IPsec Packets', '[Malformed Packet'];

describe("ISAKMP's tree, as tshark shows it", () => {
  it('line for line on every frame', async () => {
    const { s, packets } = await openFixture('isakmp', 'isakmp-cases.pcap');
    await expectLayers(s, packets, WANT, TITLES);
  });

  it('Protocol, Info and frame.protocols as tshark fills them', async () => {
    const { s, packets } = await openFixture('isakmp', 'isakmp-cases.pcap');
    await expectColumns(s, packets, WANT);
  });

  it('display filters on its fields keep the frames tshark keeps', async () => {
    const { s } = await openFixture('isakmp', 'isakmp-cases.pcap');
    expect(Object.keys(WANT.filters).length).toBe(13);
    await expectFilters(s, WANT);
  });
});
