// Raw IP link types (workers/dissectors/raw-ip.ts): LINKTYPE_RAW_ipv4 / _ipv6.pcap, LINKTYPE_IPV4 /
// IPV6.pcap, and the old Linux PPP / ISDN leftovers Wireshark looks for (checked against tshark 4.0).

import { describe, expect, it } from 'vitest';
import { checkCuts, frame, hex } from './helpers.ts';

const IP = '4500001400010000401100000102030405060708';
// LINKTYPE_RAW_ipv4.pcap frame 1: IPv4 / UDP / DNS query for example.com.
const RAW4 = '45000039000100004011a695c0a80164090909093039003500251976123401000001000000000000076578616d706c6503636f6d0000010001';
// LINKTYPE_RAW_ipv6.pcap frame 1.
const RAW6 = '600000000025114020010db8000000000000000000000001262000fe00000000000000000000000930390035002598b3123401000001000000000000076578616d706c6503636f6d0000010001';

describe('raw IP', () => {
  it('picks IPv4 or IPv6 by the version nibble, under a raw item (LINKTYPE_RAW, 101)', () => {
    const v4 = frame(hex(RAW4), 101);
    expect(v4.protocols.startsWith('frame:raw:ip:udp')).toBe(true);
    expect(v4.v('ip.dst')).toBe('9.9.9.9');
    const v6 = frame(hex(RAW6), 101);
    expect(v6.protocols.startsWith('frame:raw:ipv6:udp')).toBe(true);
    expect(v6.v('ipv6.src')).toBe('2001:db8::1');
  });

  it('goes straight to IPv4 / IPv6 for LINKTYPE_IPV4 (228) and LINKTYPE_IPV6 (229)', () => {
    expect(frame(hex(RAW4), 228).protocols.startsWith('frame:ip:udp')).toBe(true);
    expect(frame(hex(RAW6), 229).protocols.startsWith('frame:ipv6:udp')).toBe(true);
  });

  it('treats DLT 12 and 14 as raw IP, as Linux libpcap writes them', () => {
    expect(frame(hex(RAW4), 12).v('ip.dst')).toBe('9.9.9.9');
    expect(frame(hex(RAW4), 14).v('ip.dst')).toBe('9.9.9.9');
  });

  it('finds PPP-in-HDLC headers and the zeros of a down ISDN link', () => {
    expect(frame(hex('ff030021' + IP), 101).v('ppp.protocol')).toBe('0x0021');
    expect(frame(hex('aabbccddeeffff030021' + IP), 101).v('ip.src')).toBe('1.2.3.4');
    expect(frame(hex('aaff030021' + IP), 101).v('ip.src')).toBe('1.2.3.4');
    expect(frame(hex('00000000000000000000' + IP), 101).v('ip.src')).toBe('1.2.3.4');
  });

  it('shows other versions as data', () => {
    const f = frame(hex('1234567890'), 101);
    expect(f.protocols).toBe('frame:raw');
    expect(frame(hex('12345678901234'), 101).v('data.len')).toBe('');
    expect(frame(hex('1234567890123456'), 101).v('data.len')).toBe('8');
  });

  it('never throws at any cut below the IPv4 header', () => {
    checkCuts(hex(RAW4), 101, 1, 20, ['ip.version', 'ip.src']);
  });
});
