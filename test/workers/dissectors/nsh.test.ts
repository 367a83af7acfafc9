// NSH (workers/dissectors/nsh.ts) against nsh-over-vxlan-gpe.pcap, with the values tshark 4.0
// prints for it, and hand-made MD type 1 headers.

import { describe, expect, it } from 'vitest';
import { Status } from '../../../workers/dissectors/context.ts';
import { dissect, hex } from './helpers.ts';

// nsh-over-vxlan-gpe.pcap frame 1: VXLAN-GPE / NSH (MD type 2, two TLVs) / IPv4 / UDP.
const PREFIX = '00000000000000000000000008004500005c402340004011fc6b7f0000017f00000112b612b6004849f70c000004ffffff00';
const NSH_MD2 = '30060201ffffffff' + '000102011234567800020301123456780';
const INNER = '45000020d4310000ff116647c0a80001c0a8000227104e20000c217874657374';
const FRAME = PREFIX + NSH_MD2.slice(0, -1) + INNER;
const NSH_OFFSET = 50;

/** NSH over Ethernet (EtherType 0x894f) with the given NSH bytes and the same inner IPv4 packet. */
function overEthernet(nsh: string): Uint8Array {
  return hex('00112233445566778899aabb894f' + nsh + INNER);
}

describe('NSH', () => {
  it('decodes the MD type 2 header of nsh-over-vxlan-gpe.pcap frame 1 as tshark 4.0 does', () => {
    const d = dissect(hex(FRAME));
    expect(d.values('nsh.version')).toEqual(['0']);
    expect(d.values('nsh.Obit')).toEqual(['1']);
    expect(d.values('nsh.CBit')).toEqual(['1']);
    expect(d.values('nsh.ttl')).toEqual(['0x0000']);
    expect(d.values('nsh.length')).toEqual(['6']);
    expect(d.values('nsh.mdtype')).toEqual(['2']);
    expect(d.values('nsh.nextproto')).toEqual(['1']);
    expect(d.values('nsh.spi')).toEqual(['16777215']);
    expect(d.values('nsh.si')).toEqual(['255']);
    expect(d.labels('nsh.spi')).toEqual(['SPI: 16777215 (0xffffff)']);
    expect(d.values('nsh.metadataclass')).toEqual(['1', '2']);
    expect(d.values('nsh.metadatatype')).toEqual(['2', '3']);
    expect(d.values('nsh.metadataunassignedbit')).toEqual(['0x00', '0x00']);
    expect(d.values('nsh.metadatalen')).toEqual(['0x01', '0x01']);
    expect(d.values('nsh.metadata')).toEqual(['12', '12']);
    expect(d.values('ip.dst')).toEqual(['127.0.0.1', '192.168.0.2']);
  });

  it('reads four context headers for MD type 1, whatever Length says', () => {
    const md1 = '3006' + '0101' + '00000aff' + '11111111222222223333333344444444';
    const d = dissect(overEthernet(md1));
    expect(d.layers.slice(0, 3)).toEqual(['eth', 'nsh', 'ip']);
    expect(d.values('nsh.contextheader')).toEqual(['11111111', '22222222', '33333333', '44444444']);
    expect(d.values('nsh.spi')).toEqual(['10']);
    // Length 2 with MD type 1: Wireshark uses the required 6 words and still finds the payload.
    const short = dissect(overEthernet('3002' + md1.slice(4)));
    expect(short.values('nsh.length')).toEqual(['2']);
    expect(short.values('ip.src')).toEqual(['192.168.0.1']);
  });

  it('never throws on a header cut short, and keeps what came before', () => {
    const whole = hex(FRAME);
    for (let n = 0; n < 24; n++) {
      const d = dissect(whole.slice(0, NSH_OFFSET + n), { origLen: whole.length });
      const at = `cut at ${n}`;
      // From 21 bytes on, every byte NSH reads is there and the payload, not captured, is not called:
      // Wireshark checks the captured length before handing it on.
      expect(d.status & Status.TRUNCATED, at).toBe(n >= 21 ? 0 : Status.TRUNCATED);
      expect(d.values('vxlan.vni'), at).toEqual(['16777215']);
      expect(d.values('nsh.length'), at).toEqual(n >= 2 ? ['6'] : []);
      expect(d.values('nsh.si'), at).toEqual(n >= 8 ? ['255'] : []);
      // Each TLV field is added as far as the bytes go, as Wireshark adds them one by one.
      expect(d.values('nsh.metadataclass').length, at).toBe(n >= 10 ? (n >= 18 ? 2 : 1) : 0);
    }
  });
});
