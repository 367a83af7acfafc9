// Cisco HDLC and SLARP (workers/dissectors/chdlc.ts, slarp.ts): hdlc_slarp.pcapng frames 1 and 3,
// and variations checked against tshark 4.0.

import { describe, expect, it } from 'vitest';
import { checkCuts, frame, hex } from './helpers.ts';

const IP = '4500001400010000401100000102030405060708';
// hdlc_slarp.pcapng frame 1: SLARP line keepalive, sequence 1 / 0.
const KEEPALIVE = '8f008035000000020000000100000000ffff0527c5b90000';
// hdlc_slarp.pcapng frame 3: SLARP reply, 15.0.0.1 / 255.255.255.252.
const REPLY = '8f008035000000010f000001fffffffc0000000000000000';

describe('Cisco HDLC / SLARP', () => {
  it('decodes hdlc_slarp.pcapng frame 1 (line keepalive) as tshark 4.0 does', () => {
    const f = frame(hex(KEEPALIVE), 104);
    expect(f.protocols).toBe('frame:chdlc:slarp');
    expect(f.v('chdlc.address')).toBe('0x8f');
    expect(f.v('chdlc.control')).toBe('0x00');
    expect(f.v('chdlc.protocol')).toBe('0x8035');
    expect(f.v('slarp.ptype')).toBe('2');
    expect(f.v('slarp.mysequence')).toBe('1');
    expect(f.v('slarp.yoursequence')).toBe('0');
    expect(f.v('slarp.reliability')).toBe('0xffff');
    expect(f.labels('slarp.ptype')).toEqual(['Packet type: Line keepalive (2)']);
  });

  it('decodes hdlc_slarp.pcapng frame 3 (reply with address and mask)', () => {
    const f = frame(hex(REPLY), 104);
    expect(f.v('slarp.ptype')).toBe('1');
    expect(f.v('slarp.address')).toBe('15.0.0.1');
    expect(f.v('slarp.netmask')).toBe('255.255.255.252');
  });

  it('reads the protocol as an EtherType, with CLNS padding for type 0xfefe', () => {
    expect(frame(hex('0f000800' + IP), 104).v('ip.src')).toBe('1.2.3.4');
    expect(frame(hex('8f00fefe0081aabb'), 104).v('chdlc.clns_padding')).toBe('0x00');
    expect(frame(hex('8f00fefe81aabb'), 104).v('chdlc.clns_padding')).toBe('');
  });

  it('adds no SLARP field until address and mask (or both sequence numbers) are there', () => {
    expect(frame(hex('8f00803500000000' + '0a000001'), 104).v('slarp.ptype')).toBe('');
    expect(frame(hex('8f008035000000070a000001'), 104).v('slarp.ptype')).toBe('7');
  });

  it('never throws at any cut of either header', () => {
    checkCuts(hex(KEEPALIVE), 104, 0, 18, ['chdlc.address', 'chdlc.protocol', 'slarp.ptype', 'slarp.mysequence']);
    checkCuts(hex(REPLY), 104, 0, 16, ['slarp.ptype', 'slarp.address', 'slarp.netmask']);
  });
});
