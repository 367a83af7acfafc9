// Geneve (workers/dissectors/geneve.ts) against bytes copied from corpus captures, with the values
// tshark 4.0 prints for them.

import { describe, expect, it } from 'vitest';
import { Status } from '../../../workers/dissectors/context.ts';
import { dissect, hex } from './helpers.ts';

const GENEVE_OFFSET = 42;
const GENEVE_HEADER = 8;

// geneve.pcap frame 1: one critical option (class 0, type 0x80, 4 data bytes), inner Ethernet / ICMP.
const GENEVE_FRAME_1 =
  '001b213cac30001b213cab6408004500008edfad4000401132af1400000114000002314a17c1007a0000' +
  '0240655800000a00' +
  '000080010000000c' +
  'fe71d883724fb69ed2495148080045000054bda24000400141041e0000011e00000208002c5429520017f1a2ce540000000017780c0000000000101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f3031323334353637';

// geneve-gcp.pcap frame 1: Google's three options, Protocol Type 0x0800 (no inner Ethernet).
const GCP =
  '4201c0a864034201c0a864fe0800450000740000400002112e27c0a864fec0a86403f5fe17c1006000000a0008000000000001320101800000d1013202040800000dc0a86402000000000000000001320302000000000000123445000028d944000040065837c0a86402c0a864010b591f902d5ade4078e9bfda50000200f5470000';

// geneve-many-options.pcap frame 1: three Linux-class options of 20, 40 and 16 bytes.
const MANY =
  '72c4944856a80011223344550800450000ba000000004011240ec0a821b3c0a8b3211a0b17c100a6e890130065580c012e000100010431323334353637383930616263646500010002093031323334353637383961626364656630313233343536373839616263646566300000000100030330313233343536373839000062947530e18f26ed54f8c42808004500003c62df4000400688710a0000e25fd9e4b098b0005091ead1c900000000a002fd5c4f9a0000020405820402080ad22624680000000001030307';

// geneve-truncated.pcapng frame 1: the UDP datagram ends right after an 8-byte option.
const TRUNCATED = '001b213cac30001b213cab6408004500002cc473400040114e4b1400000114000002c6d517c1001800000200655800000000000000010000000a';

// geneve-arp.pcap frame 1: Protocol Type 0x0806, ARP with no Ethernet header.
const ARP =
  '00112233445566778899aabb08004500004000010000401166aa0a0000010a000002303917c1002c11f100000806000001000001080006040001aabbccddeeff0a0000010000000000000a000002';

// geneve-ipv6.pcap frame 1: Protocol Type 0x86dd, IPv6 with no Ethernet header.
const IPV6 =
  '1c0b8b14f6fe98eecbbd07fe08004500005900010000401166910a0000010a000002303917c100454326000086dd1234560060000000000d1140fd000000000000000000000000000001fd0000000000000000000000000000029c409c41000d897b68656c6c6f';

describe('Geneve', () => {
  it('decodes geneve.pcap frame 1 as tshark 4.0 does', () => {
    const d = dissect(hex(GENEVE_FRAME_1));
    expect(d.values('geneve.version')).toEqual(['0']);
    // The header's option length and each option's length share one field name, both in bytes.
    expect(d.values('geneve.option.length')).toEqual(['8', '8']);
    expect(d.values('geneve.flags')).toEqual(['0x40']);
    expect(d.values('geneve.flags.oam')).toEqual(['0']);
    expect(d.values('geneve.flags.critical')).toEqual(['1']);
    expect(d.values('geneve.flags.reserved')).toEqual(['0']);
    expect(d.values('geneve.proto_type')).toEqual(['0x6558']);
    expect(d.values('geneve.vni')).toEqual(['0x00000a']);
    expect(d.labels('geneve.vni')).toEqual(['Virtual Network Identifier (VNI): 0x00000a (10)']);
    expect(d.values('geneve.reserved')).toEqual(['0x00']);
    expect(d.hidden('geneve.reserved')).toBe(true);
    expect(d.values('geneve.options')).toEqual(['000080010000000c']);
    expect(d.values('geneve.option')).toEqual(['000080010000000c']);
    expect(d.values('geneve.option.class')).toEqual(['0x0000']);
    expect(d.values('geneve.option.type')).toEqual(['0x80']);
    expect(d.values('geneve.option.type.critical')).toEqual(['1']);
    expect(d.hidden('geneve.option.type.critical')).toBe(true);
    expect(d.values('geneve.option.flags')).toEqual(['0x00']);
    expect(d.hidden('geneve.option.flags')).toBe(true);
    expect(d.values('geneve.option.unknown.data')).toEqual(['0000000c']);
    expect(d.values('eth.src')).toEqual(['00:1b:21:3c:ab:64', 'b6:9e:d2:49:51:48']);
    expect(d.values('ip.dst')).toEqual(['20.0.0.2', '30.0.0.2']);
    expect(d.status & (Status.TRUNCATED | Status.MALFORMED)).toBe(0);
  });

  it("decodes Google's options and an IPv4 payload (geneve-gcp.pcap)", () => {
    const d = dissect(hex(GCP));
    expect(d.layers.slice(0, 5)).toEqual(['eth', 'ip', 'udp', 'geneve', 'ip']);
    expect(d.values('geneve.option.length')).toEqual(['40', '8', '20', '12']);
    expect(d.values('geneve.option.class')).toEqual(['0x0132', '0x0132', '0x0132']);
    expect(d.values('geneve.option.gcp.vnid')).toEqual(['134217741']);
    expect(d.values('geneve.option.gcp.direction')).toEqual(['1']);
    expect(d.values('geneve.option.gcp.reserved')).toEqual(['0']);
    expect(d.values('geneve.option.gcp.endpoint')).toEqual(['0800000dc0a864020000000000000000']);
    expect(d.values('geneve.option.gcp.profile')).toEqual(['4660']);
    expect(d.values('geneve.option')).toEqual(['01320101800000d1', '013202040800000dc0a864020000000000000000', '013203020000000000001234']);
    expect(d.labels('geneve.option.class')[0]).toBe('Class: Google LLC (0x0132)');
    expect(d.values('ip.src')).toEqual(['192.168.100.254', '192.168.100.2']);
  });

  it("gives a GCP profile ID past 2^53 exactly (an FT_UINT64: tshark prints every digit)", () => {
    // geneve-gcp.pcap frame 1 with the profile option's 8 bytes replaced (UDP checksum 0: unchecked)
    const at = (v: string): string => GCP.replace('013203020000000000001234', `01320302${v}`);
    expect(dissect(hex(at('0020000000000001'))).values('geneve.option.gcp.profile')).toEqual(['9007199254740993']);
    expect(dissect(hex(at('ffffffffffffffff'))).values('geneve.option.gcp.profile')).toEqual(['18446744073709551615']);
    expect(dissect(hex(at('001fffffffffffff'))).values('geneve.option.gcp.profile')).toEqual(['9007199254740991']);
  });

  it('decodes many options (geneve-many-options.pcap frame 1)', () => {
    const d = dissect(hex(MANY));
    expect(d.values('geneve.option.class')).toEqual(['0x0100', '0x0100', '0x0100']);
    expect(d.values('geneve.option.type')).toEqual(['0x01', '0x02', '0x03']);
    expect(d.values('geneve.option.length')).toEqual(['76', '20', '40', '16']);
    expect(d.values('geneve.option.type.critical')).toEqual(['0', '0', '0']);
    expect(d.values('geneve.option.unknown.data')).toEqual([
      '31323334353637383930616263646500',
      '303132333435363738396162636465663031323334353637383961626364656630000000',
      '303132333435363738390000',
    ]);
    expect(d.values('geneve.vni')).toEqual(['0x0c012e']);
  });

  it('hands non-Ethernet protocol types to the EtherType table (ARP, IPv6)', () => {
    const arp = dissect(hex(ARP));
    expect(arp.values('geneve.proto_type')).toEqual(['0x0806']);
    expect(arp.layers.slice(0, 4)).toEqual(['eth', 'ip', 'udp', 'geneve']);
    expect(arp.values('eth.src')).toEqual(['66:77:88:99:aa:bb']);
    const v6 = dissect(hex(IPV6));
    expect(v6.values('geneve.proto_type')).toEqual(['0x86dd']);
    expect(v6.values('geneve.vni')).toEqual(['0x123456']);
    expect(v6.values('eth.src')).toEqual(['98:ee:cb:bd:07:fe']);
  });

  it('ends the option list at an option longer than the list, and still dissects the payload', () => {
    const b = hex(GENEVE_FRAME_1);
    b[GENEVE_OFFSET + GENEVE_HEADER + 3] = 0x02; // option length 12 in an 8-byte list
    const d = dissect(b);
    expect(d.values('geneve.options')).toEqual(['000080020000000c']);
    expect(d.values('geneve.option')).toEqual([]);
    expect(d.values('geneve.option.length')).toEqual(['8']);
    expect(d.values('eth.src')).toEqual(['00:1b:21:3c:ab:64', 'b6:9e:d2:49:51:48']);
    expect(d.status & (Status.TRUNCATED | Status.MALFORMED)).toBe(0);
  });

  it('stops in the inner Ethernet when the datagram ends after the options (geneve-truncated.pcapng)', () => {
    const d = dissect(hex(TRUNCATED), { origLen: 156 });
    expect(d.values('geneve.vni')).toEqual(['0x000000']);
    expect(d.values('geneve.option.unknown.data')).toEqual(['0000000a']);
    // tshark lists an empty inner `eth` layer (frame.protocols ends in geneve:eth) but prints no field of it.
    expect(d.layers.slice(0, 4)).toEqual(['eth', 'ip', 'udp', 'geneve']);
    expect(d.values('eth.src')).toEqual(['00:1b:21:3c:ab:64']);
    expect(d.status & (Status.TRUNCATED | Status.MALFORMED)).not.toBe(0);
  });

  it('never throws on a header or option list cut short, and keeps what came before', () => {
    const whole = hex(GENEVE_FRAME_1);
    for (let n = 0; n < GENEVE_HEADER + 8; n++) {
      const d = dissect(whole.slice(0, GENEVE_OFFSET + n), { origLen: whole.length });
      const at = `cut at ${n}`;
      expect(d.status & Status.TRUNCATED, at).toBe(Status.TRUNCATED);
      expect(d.values('udp.dstport'), at).toEqual(['6081']);
      expect(d.values('geneve.version'), at).toEqual(n >= 1 ? ['0'] : []);
      expect(d.values('geneve.flags'), at).toEqual(n >= 2 ? ['0x40'] : []);
      expect(d.values('geneve.proto_type'), at).toEqual(n >= 4 ? ['0x6558'] : []);
      expect(d.values('geneve.vni'), at).toEqual(n >= 7 ? ['0x00000a'] : []);
      // The option list is one item: all of it or nothing.
      expect(d.values('geneve.options'), at).toEqual(n >= 16 ? ['000080010000000c'] : []);
      expect(d.values('eth.src').length, at).toBe(1);
    }
  });
});
