// PPP in HDLC-like framing (workers/dissectors/ppp.ts): mpls-traceroute.pcap frame 2 and the
// compressed forms (checked against tshark 4.0).

import { describe, expect, it } from 'vitest';
import { checkCuts, frame, hex } from './helpers.ts';

const IP = '4500001400010000401100000102030405060708';
// mpls-traceroute.pcap frame 2, first 40 bytes: ff 03, protocol 0x0021, IPv4 / ICMP.
const PPP = 'ff030021450000a813964000ff014db10a0500010c0404040b00cd040000000045000028a54c0000';

describe('PPP', () => {
  it('decodes mpls-traceroute.pcap frame 2 as tshark 4.0 does', () => {
    const f = frame(hex(PPP), 9, 172);
    expect(f.protocols.startsWith('frame:ppp:ip:icmp')).toBe(true);
    expect(f.v('ppp.address')).toBe('0xff');
    expect(f.v('ppp.control')).toBe('0x03');
    expect(f.v('ppp.protocol')).toBe('0x0021');
    expect(f.labels('ppp.protocol')).toEqual(['Protocol: Internet Protocol version 4 (0x0021)']);
    expect(f.v('ip.src')).toBe('10.5.0.1');
  });

  it('reads compressed address / control (ACFC) and protocol (PFC) fields', () => {
    const acfc = frame(hex('0021' + IP), 9);
    expect([acfc.v('ppp.address'), acfc.v('ppp.protocol'), acfc.v('ip.src')]).toEqual(['', '0x0021', '1.2.3.4']);
    const pfc = frame(hex('21' + IP), 9);
    expect([pfc.v('ppp.protocol'), pfc.v('ip.src')]).toEqual(['0x0021', '1.2.3.4']);
    expect(frame(hex('ff0321' + IP), 50).v('ip.src')).toBe('1.2.3.4');
  });

  it('hands a frame with a Cisco HDLC address to Cisco HDLC', () => {
    const f = frame(hex('0f000800' + IP), 9);
    expect(f.v('chdlc.protocol')).toBe('0x0800');
    expect(f.v('ppp.protocol')).toBe('');
  });

  it('shows an unknown protocol\'s payload as data', () => {
    // PAP (0xc023): not dissected
    expect(frame(hex('ff03c0230101000a'), 9).v('data.len')).toBe('4');
  });

  it('hands LCP (0xc021) to its dissector: an Echo Request\'s code, identifier and length', () => {
    const f = frame(hex('ff03c0210907000800000000'), 9);
    expect([f.v('ppp.code'), f.v('ppp.identifier'), f.v('ppp.length'), f.v('data.len')]).toEqual(['9', '7', '8', '']);
  });

  it('never throws at any cut of the header', () => {
    checkCuts(hex(PPP), 9, 0, 4, ['ppp.address', 'ppp.control', 'ppp.protocol']);
  });
});
