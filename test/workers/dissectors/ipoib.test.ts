// IP over InfiniBand (workers/dissectors/ipoib.ts): ipoib.pcap frames 1 (destination address form)
// and 7 (GRH form, ARP).

import { describe, expect, it } from 'vitest';
import { checkCuts, frame, hex } from './helpers.ts';

// ipoib.pcap frame 1, first 64 bytes: zeros, destination QPN 0x000550 and GID, type IPv4.
const UNICAST = '000000000000000000000000000000002fa3000a80000550fe800000000000000010e000664ab4510800000045000054aefe0000ff011b37c0a8380ac0a83818';
// ipoib.pcap frame 7: a "GRH" (here the bytes of a text message), type ARP, ARP reply.
const GRH_ARP = '2072656365697665642062792066696c7465727000ffffffff10401b0000000000000000ffffffff08060000002008001404000280000550fe800000000000000010e000664ab451c0a838188000004ffe800000000000000010e000014ad211c0a8380a';

describe('IPoIB', () => {
  it('decodes ipoib.pcap frame 1 as tshark 4.0 does', () => {
    const f = frame(hex(UNICAST), 242, 128);
    expect(f.protocols.startsWith('frame:ipoib:ip')).toBe(true);
    expect(f.v('ipoib.daddr.qpn')).toBe('0x000550');
    expect(f.v('ipoib.dgid')).toBe('fe80::10:e000:664a:b451');
    expect(f.v('ipoib.type')).toBe('0x0800');
    expect(f.v('ipoib.reserved')).toBe('0x0000');
    expect(f.v('ipoib.grh.ipver')).toBe('');
    expect(f.parentOf('ipoib.dgid')).toBe('ipoib.daddr');
    expect(f.v('ip.src')).toBe('192.168.56.10');
  });

  it('decodes ipoib.pcap frame 7 (GRH present) as tshark 4.0 does', () => {
    const f = frame(hex(GRH_ARP), 242);
    expect(f.protocols).toBe('frame:ipoib:arp');
    expect(f.v('ipoib.grh.ipver')).toBe('2');
    expect(f.v('ipoib.grh.tclass')).toBe('7');
    expect(f.v('ipoib.grh.flowlabel')).toBe('157027');
    expect(f.v('ipoib.grh.sqpn')).toBe('0x697665');
    expect(f.v('ipoib.grh.sgid')).toBe('6420:6279:2066:696c:7465:7270:ff:ffff');
    expect(f.v('ipoib.dgid')).toBe('ff10:401b::ffff:ffff');
    expect(f.v('ipoib.type')).toBe('0x0806');
    expect(f.v('arp.opcode')).toBe('2');
  });

  it('leaves types other than IPv4, IPv6 and ARP undissected', () => {
    const b = hex(UNICAST);
    b.set([0x88, 0x47], 40);
    expect(frame(b, 242).protocols).toBe('frame:ipoib');
  });

  it('never throws at any cut of the 44-byte header (the subtree items stay, their fields go)', () => {
    checkCuts(hex(UNICAST), 242, 0, 44, ['ipoib.daddr.qpn', 'ipoib.dgid', 'ipoib.type', 'ipoib.reserved']);
    checkCuts(hex(GRH_ARP), 242, 0, 44, ['ipoib.grh.ipver', 'ipoib.grh.tclass', 'ipoib.grh.flowlabel', 'ipoib.grh.sqpn', 'ipoib.grh.sgid', 'ipoib.type']);
    expect(frame(hex(GRH_ARP).subarray(0, 3), 242, 100).v('ipoib.grh.tclass')).toBe('7');
  });
});
