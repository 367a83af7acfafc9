// ARCNET, Linux headers (workers/dissectors/arcnet.ts): arcnet-rfc1051-arp-icmp-http.pcap.

import { describe, expect, it } from 'vitest';
import { checkCuts, frame, hex } from './helpers.ts';

// Frame 1: RFC 1051 ARP (protocol 0xf1), 1-byte ARCNET addresses.
const ARP = 'be00ed08f10007080001040001be0a508301000a5083fe';
// Frame 3, first 40 bytes: RFC 1051 IPv4 (0xf0), ICMP echo.
const IP = 'be50ab08f0450000540000400040011f0a0a5083010a5083fe080042c8e3000000681f6e2c000010e8';

describe('ARCNET', () => {
  it('decodes frame 1 (RFC 1051 ARP) as tshark 4.0 does', () => {
    const f = frame(hex(ARP), 129);
    expect(f.protocols).toBe('frame:arcnet:arp');
    expect(f.v('arcnet.src')).toBe('0xbe');
    expect(f.v('arcnet.dst')).toBe('0x00');
    expect(f.v('arcnet.offset')).toBe('ed08');
    expect(f.v('arcnet.protID')).toBe('0xf1');
    expect(f.labels('arcnet.protID')).toEqual(['Protocol ID: RFC 1051 ARP (0xf1)']);
    expect(f.v('arp.hw.type')).toBe('7');
    expect(f.v('arp.src.hw')).toBe('be');
    expect(f.v('arp.dst.proto_ipv4')).toBe('10.80.131.254');
  });

  it('decodes frame 3 (RFC 1051 IPv4)', () => {
    const f = frame(hex(IP), 129, 89);
    expect(f.v('arcnet.protID')).toBe('0xf0');
    expect(f.v('arcnet.split_flag')).toBe('');
    expect(f.v('ip.dst')).toBe('10.80.131.254');
  });

  it('shows the split flag and sequence of RFC 1201 protocols, and the BSD exception header', () => {
    const f = frame(hex('be50ab08d4' + '00' + '1234' + IP.slice(10)), 129, 92);
    expect(f.v('arcnet.split_flag')).toBe('0');
    expect(f.v('arcnet.sequence')).toBe('4660');
    expect(f.v('ip.dst')).toBe('10.80.131.254');
    const bsd = frame(hex('be50d4ff0000d4' + '00' + '1234' + IP.slice(10)), 7, 94);
    expect(bsd.v('arcnet.exception_flag')).toBe('0xff');
    expect(bsd.v('arcnet.padding')).toBe('0x0000');
    expect(bsd.v('arcnet.protID')).toBe('0xd4,0xd4');
    expect(bsd.v('ip.dst')).toBe('10.80.131.254');
  });

  it('never throws at any cut of the header', () => {
    checkCuts(hex(ARP), 129, 0, 5, ['arcnet.src', 'arcnet.dst', 'arcnet.offset', 'arcnet.protID']);
  });
});
