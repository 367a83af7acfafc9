// Solaris IPNET (workers/dissectors/ipnet.ts): e1000g.pcap frame 1.

import { describe, expect, it } from 'vitest';
import { checkCuts, frame, hex } from './helpers.ts';

// e1000g.pcap frame 1: version 1, AF_INET, inbound, 84 bytes of IPv4 / ICMP echo.
const IPNET = '01020000000000540000000200000000ffffffff0000000045000054e58e0000f901fcd581926a370a05e975080032e21af50000ed760d4bb9630b0008090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f3031323334353637';

describe('IPNET', () => {
  it('decodes e1000g.pcap frame 1 as tshark 4.0 does', () => {
    const f = frame(hex(IPNET), 226);
    expect(f.protocols.startsWith('frame:ipnet:ip:icmp')).toBe(true);
    expect(f.v('ipnet.version')).toBe('1');
    expect(f.v('ipnet.family')).toBe('2');
    expect(f.v('ipnet.htype')).toBe('0');
    expect(f.v('ipnet.pktlen')).toBe('84');
    expect(f.v('ipnet.ifindex')).toBe('2');
    expect(f.v('ipnet.grifindex')).toBe('0');
    expect(f.v('ipnet.zsrc')).toBe('4294967295');
    expect(f.v('ipnet.zdst')).toBe('0');
    expect(f.labels('ipnet.family')).toEqual(['Address family: Solaris AF_INET (2)']);
    expect(f.v('ip.src')).toBe('129.146.106.55');
  });

  it('takes the payload as the last "data length" bytes of the frame', () => {
    const f = frame(hex(IPNET + 'aabbccdd'), 226);
    expect(f.v('ip.src')).toBe('');
  });

  it('never throws at any cut of the header', () => {
    checkCuts(hex(IPNET), 226, 1, 24, ['ipnet.version', 'ipnet.family', 'ipnet.htype', 'ipnet.pktlen', 'ipnet.zdst']);
  });
});
