// Apple PKTAP (workers/dissectors/pktap.ts): LINKTYPE_PKTAP.pcap frame 1.

import { describe, expect, it } from 'vitest';
import { Status, checkCuts, frame, hex } from './helpers.ts';

// LINKTYPE_PKTAP.pcap frame 1: a 108-byte header (en0, DLT 1, pid 512), then Ethernet / IPv4 / UDP / DNS.
const PKTAP = '6c0000000100000001000000656e3000000000000000000000000000000000000000000002000000020000000e000000000000000002000000000000000000000000000000000000000000000000000000000000ffffffff0000000000000000000000000000000000000000001e491ff2c47073cb0b262a08004500003c2e030000ff1111440a20041b0a20640ff83200350028481443010100000100000000000002696e016d057961686f6f03636f6d0000010001';

describe('PKTAP', () => {
  it('decodes LINKTYPE_PKTAP.pcap frame 1 as tshark 4.0 does', () => {
    const f = frame(hex(PKTAP), 258);
    expect(f.protocols.startsWith('frame:pktap:eth:ip:udp')).toBe(true);
    expect(f.v('pktap.hdrlen')).toBe('108');
    expect(f.v('pktap.rectype')).toBe('1');
    expect(f.v('pktap.dlt')).toBe('1');
    expect(f.v('pktap.ifname')).toBe('en0');
    expect(f.v('pktap.flags')).toBe('0x00000002');
    expect(f.v('pktap.pfamily')).toBe('2');
    expect(f.v('pktap.llhdrlen')).toBe('14');
    expect(f.v('pktap.lltrlrlen')).toBe('0');
    expect(f.v('pktap.pid')).toBe('512');
    expect(f.v('pktap.cmdname')).toBe('');
    expect(f.v('pktap.epid')).toBe('4294967295');
    expect(f.v('eth.src')).toBe('70:73:cb:0b:26:2a');
  });

  it('stops after the length when the header is shorter than 108 bytes', () => {
    const b = hex(PKTAP);
    b[0] = 0x40;
    const f = frame(b, 258);
    expect(f.v('pktap.hdrlen')).toBe('64');
    expect(f.v('pktap.rectype')).toBe('');
    expect(f.status & Status.MALFORMED).not.toBe(0);
  });

  it('never throws and keeps the fields before the cut', () => {
    checkCuts(hex(PKTAP), 258, 0, 108, ['pktap.hdrlen', 'pktap.rectype', 'pktap.dlt', 'pktap.ifname', 'pktap.pid', 'pktap.epid']);
  });
});
