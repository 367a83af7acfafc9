// ARP / RARP (workers/dissectors/arp.ts) on packets copied from corpus captures, and variations of
// arp-who-has.pcap frame 1 whose values were checked against tshark 4.0.

import { describe, expect, it } from 'vitest';
import { Status, checkCuts, frame, hex } from './helpers.ts';

const ETH = 'ffffffffffff7831c1c63fc20806';
// arp-who-has.pcap frame 1: "Who has 10.0.0.1? Tell 10.0.0.2".
const REQUEST = '00010800060400017831c1c63fc20a0000020000000000000a000001';
// ipoib.pcap frame 1 is IPv4; frame 7 carries this ARP reply with 20-byte InfiniBand addresses.
const IPOIB_ARP = '00200800140400028000055' + '0fe800000000000000010e000664ab451c0a838188000004ffe800000000000000010e000014ad211c0a8380a';

describe('ARP', () => {
  it('decodes arp-who-has.pcap frame 1 as tshark 4.0 does', () => {
    const f = frame(hex(ETH + REQUEST));
    expect(f.protocols).toBe('frame:eth:arp');
    expect(f.v('arp.hw.type')).toBe('1');
    expect(f.v('arp.proto.type')).toBe('0x0800');
    expect(f.v('arp.hw.size')).toBe('6');
    expect(f.v('arp.proto.size')).toBe('4');
    expect(f.v('arp.opcode')).toBe('1');
    expect(f.v('arp.src.hw_mac')).toBe('78:31:c1:c6:3f:c2');
    expect(f.v('arp.src.proto_ipv4')).toBe('10.0.0.2');
    expect(f.v('arp.dst.hw_mac')).toBe('00:00:00:00:00:00');
    expect(f.v('arp.dst.proto_ipv4')).toBe('10.0.0.1');
    expect(f.v('arp.isgratuitous') + f.v('arp.isprobe') + f.v('arp.isannouncement')).toBe('');
    expect(f.labels('arp.opcode')).toEqual(['Opcode: request (1)']);
    expect(f.labels('arp.hw.type')).toEqual(['Hardware type: Ethernet (1)']);
    expect(f.status).toBe(0);
  });

  it('flags probes (sender 0.0.0.0), announcements and gratuitous replies', () => {
    const probe = frame(hex(ETH + '00010800060400017831c1c63fc2000000000000000000000a000001'));
    expect([probe.v('arp.isprobe'), probe.v('arp.isgratuitous'), probe.v('arp.isannouncement')]).toEqual(['1', '', '']);
    const announce = frame(hex(ETH + '00010800060400017831c1c63fc20a0000010000000000000a000001'));
    expect([announce.v('arp.isprobe'), announce.v('arp.isgratuitous'), announce.v('arp.isannouncement')]).toEqual(['', '1', '1']);
    expect(announce.labels('arp.isgratuitous')).toEqual(['[Is gratuitous: True]']);
    const reply = frame(hex(ETH + '00010800060400027831c1c63fc20a000001ffffffffffff0a000001'));
    expect([reply.v('arp.isprobe'), reply.v('arp.isgratuitous'), reply.v('arp.isannouncement')]).toEqual(['', '1', '']);
  });

  it('shows a DRARP error status in place of the target protocol address', () => {
    const f = frame(hex(ETH + '00010800060400077831c1c63fc20a0000010000000000000a000001'));
    expect(f.v('arp.opcode')).toBe('7');
    expect(f.v('arp.dst.drarp_error_status')).toBe('10');
    expect(f.v('arp.dst.proto_ipv4')).toBe('');
  });

  it('shows addresses of other sizes as bytes', () => {
    const f = frame(hex(ETH + '00010800060600017831c1c63fc20a00000102037831c1c63fc20a0000010203'));
    expect(f.v('arp.src.hw_mac')).toBe('78:31:c1:c6:3f:c2');
    expect(f.v('arp.src.proto')).toBe('0a0000010203');
    expect(f.v('arp.dst.proto')).toBe('0a0000010203');
    expect(f.v('arp.isgratuitous')).toBe('1');
  });

  it('decodes the InfiniBand ARP reply of ipoib.pcap frame 7 (20-byte hardware addresses)', () => {
    const ipoibHeader = '2072656365697665642062792066696c7465727000ffffffff10401b0000000000000000ffffffff' + '08060000';
    const f = frame(hex(ipoibHeader + IPOIB_ARP), 242);
    expect(f.protocols).toBe('frame:ipoib:arp');
    expect(f.v('arp.hw.type')).toBe('32');
    expect(f.v('arp.hw.size')).toBe('20');
    expect(f.v('arp.opcode')).toBe('2');
    expect(f.v('arp.src.hw')).toBe('80000550fe800000000000000010e000664ab451');
    expect(f.v('arp.src.proto_ipv4')).toBe('192.168.56.24');
    expect(f.v('arp.dst.hw')).toBe('8000004ffe800000000000000010e000014ad211');
    expect(f.v('arp.dst.proto_ipv4')).toBe('192.168.56.10');
  });

  it('is malformed when the sizes claim more than the frame holds, after the header fields', () => {
    const f = frame(hex(ETH + '0001080006ff00017831c1c63fc20a0000010000000000000a000001'));
    expect(f.v('arp.opcode')).toBe('1');
    expect(f.v('arp.src.hw_mac') + f.v('arp.src.hw')).toBe('');
    expect(f.status & Status.MALFORMED).not.toBe(0);
  });

  it('tells the caller where it ends, so that the rest is Ethernet padding', () => {
    const f = frame(hex(ETH + REQUEST + '00'.repeat(18)));
    expect(f.v('eth.padding')).toBe('00'.repeat(18));
    expect(f.v('arp.dst.proto_ipv4')).toBe('10.0.0.1');
  });

  it('never throws and keeps the fields before the cut, at every length below the packet', () => {
    checkCuts(hex(ETH + REQUEST), 1, 14, 42, ['arp.hw.type', 'arp.proto.type', 'arp.hw.size', 'arp.proto.size', 'arp.opcode', 'arp.src.hw_mac', 'arp.dst.proto_ipv4']);
    // A request compares the two protocol addresses first: a cut before the target IP shows no address.
    const f = frame(hex(ETH + REQUEST).subarray(0, 40), 1, 42);
    expect(f.v('arp.opcode')).toBe('1');
    expect(f.v('arp.src.hw_mac')).toBe('');
    expect(f.status & Status.TRUNCATED).not.toBe(0);
  });
});
