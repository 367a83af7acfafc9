// IKEv2 against tshark: test/fixtures/isakmp/isakmp-cases.pcap (written by
// scripts/make-isakmp-capture.py) holds two VPN gateways' negotiation: IKE_SA_INIT with two
// proposals, key exchange, nonce, notifies and a vendor ID; the refusals NO_PROPOSAL_CHOSEN and
// INVALID_KE_PAYLOAD; the answer; then IKE_AUTH, CREATE_CHILD_SA and INFORMATIONAL, encrypted, on
// UDP 4500 behind the Non-ESP Marker; and a message cut short. isakmp-lines.json beside it is
// tshark 4.0.17's reading (scripts/make-layer-lines.py isakmp).
import { describe, expect, it } from 'vitest';
import { CaptureSession } from '../../../workers/session.ts';
import { pcapFile } from '../formats/build.ts';
import { hex, treeLines } from './helpers.ts';
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

  it("shows an IKEv1 message's header and exchange as tshark does (its payloads stay undecoded)", async () => {
    // Main Mode from 10.0.0.1:500, one empty SA payload; tshark 4.0.17 -V's lines below
    const frame = hex('000000000000000000000000 0800 4500004000010000401166aa0a0000010a000002 01f401f4002c0000'
      + '0102030405060708 0000000000000000 01 10 02 00 00000000 00000024 0000000800000000');
    const s = new CaptureSession();
    await s.open([new Blob([pcapFile({}, [{ data: frame }]) as BlobPart])], ['ikev1.pcap'], []);
    expect(treeLines((await s.getDetails(1)).tree, 'isakmp')).toEqual([
      'Internet Security Association and Key Management Protocol',
      '    Initiator SPI: 0102030405060708',
      '    Responder SPI: 0000000000000000',
      '    Next payload: Security Association (1)',
      '    Version: 1.0',
      '        0001 .... = MjVer: 0x1',
      '        .... 0000 = MnVer: 0x0',
      '    Exchange type: Identity Protection (Main Mode) (2)',
      '    Flags: 0x00',
      '        .... ...0 = Encryption: Not encrypted',
      '        .... ..0. = Commit: No commit',
      '        .... .0.. = Authentication: No authentication',
      '    Message ID: 0x00000000',
      '    Length: 36',
    ]);
    const rows = await s.getRows(0, 1);
    expect([rows.protocol[0], rows.info[0]]).toEqual(['ISAKMP', 'Identity Protection (Main Mode)']);
  });
});
