// BSD loopback, LINKTYPE_NULL and LINKTYPE_LOOP (workers/dissectors/null.ts), on dns-badcookie.pcap
// and icmpv6-RFC2894-RR.pcap, and the byte orders Wireshark guesses (checked against tshark 4.0).

import { describe, expect, it } from 'vitest';
import { checkCuts, frame, hex } from './helpers.ts';

const IP = '4500001400010000401100000102030405060708';
const IP6 = '6000000000003b4000000000000000000000000000000001000000000000000000000000000000ff';
// dns-badcookie.pcap frame 1: family 2, little-endian, IPv4 / UDP / DNS.
const DNS = '0200000045000044000f0000401100007f0000017f000001d6aa00350030fe43f6ab012000010000000000010000060001000029100000000000000c000a000836bf111fef2e0109';

describe('NULL / loopback', () => {
  it('decodes dns-badcookie.pcap frame 1 (AF_INET, host byte order)', () => {
    const f = frame(hex(DNS), 0);
    expect(f.protocols.startsWith('frame:null:ip:udp')).toBe(true);
    expect(f.v('null.family')).toBe('2');
    expect(f.labels('null.family')).toEqual(['Family: IP (2)']);
    expect(f.v('ip.src')).toBe('127.0.0.1');
  });

  it('reads the family in either byte order, and the three IPv6 values', () => {
    expect(frame(hex('00000002' + IP), 0).v('null.family')).toBe('2');
    for (const af of ['18000000', '1c000000', '1e000000']) {
      const f = frame(hex(af + IP6), 0);
      expect(f.v('ipv6.dst')).toBe('::ff');
    }
    expect(frame(hex('1c000000' + IP6), 0).v('null.family')).toBe('28');
  });

  it('accepts IRIX\'s 16-bit family and old Linux\'s EtherType', () => {
    expect(frame(hex('00020000' + IP), 0).v('null.family')).toBe('2');
    const linux = frame(hex('00000800' + IP), 0);
    expect(linux.v('null.type')).toBe('0x0800');
    expect(linux.v('null.family')).toBe('');
    expect(linux.v('ip.src')).toBe('1.2.3.4');
  });

  it('hands a frame starting FF 03 to PPP', () => {
    const f = frame(hex('ff030021' + IP), 0);
    expect(f.v('null.family')).toBe('');
    expect(f.v('ppp.protocol')).toBe('0x0021');
    expect(f.v('ip.src')).toBe('1.2.3.4');
  });

  it('shows an unknown family\'s payload as data', () => {
    const f = frame(hex('07000000aabbcc'), 0);
    expect(f.v('null.family')).toBe('7');
    expect(f.v('data.len')).toBe('3');
  });

  it('reads LINKTYPE_LOOP in network byte order', () => {
    const f = frame(hex('00000018' + IP6), 108);
    expect(f.v('null.family')).toBe('24');
    expect(f.v('ipv6.dst')).toBe('::ff');
  });

  it('never throws at any cut of the header', () => {
    checkCuts(hex(DNS), 0, 0, 4, ['null.family']);
  });
});
