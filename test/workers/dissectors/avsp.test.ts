// Arista Vendor Specific Protocol: frames from arista_ether.pcap (tcpdump's test suite).
import { describe, expect, it } from 'vitest';
import { Status } from '../../../workers/dissectors/context.ts';
import { dissect, hex } from './helpers.ts';

// Frame 1: 64-bit TAI timestamp, then IPv4.
const FRAME1 = hex(`000000000001 001122334455 d28b 0001 0010 5ceeed57 384f59c8 0800
  45000052 00004000 3f3f4dac 0a880120 0a021718`);
// Frame 9: 48-bit TAI timestamp (version 0x0020), then IPv4.
const FRAME9 = hex(`000000000001 001122334455 d28b 0001 0020 ed95 18152474 0800
  45000052 00004000 3f3f4dac 0a880120 0a021718`);
// Frame 2: version 0x0011 is unknown; Wireshark stops after the version.
const FRAME2 = hex(`000000000001 001122334455 d28b 0001 0011 5ceeed58 19c38c2c 8100 0064 0800`);

describe('avsp', () => {
  it('reads the 64-bit timestamp and hands the payload to its EtherType', () => {
    const d = dissect(FRAME1);
    expect(d.values('avsp.sub_type')).toEqual(['1']);
    expect(d.values('avsp.ver')).toEqual(['0x0010']);
    expect(d.values('avsp.64sec')).toEqual(['1559162199']);
    expect(d.values('avsp.64ns')).toEqual(['944724424']);
    expect(d.values('avsp.etype')).toEqual(['0x0800']);
    expect(d.values('ip.src')).toEqual(['10.136.1.32']);
    expect(d.values('ip.dst')).toEqual(['10.2.23.24']);
  });

  it('reads the 48-bit timestamp', () => {
    const d = dissect(FRAME9);
    expect(d.values('avsp.48sec')).toEqual(['60821']);
    expect(d.values('avsp.48ns')).toEqual(['404038772']);
    expect(d.values('ip.src')).toEqual(['10.136.1.32']);
  });

  it('stops at an unknown version, as tshark does', () => {
    const d = dissect(FRAME2);
    expect(d.values('avsp.ver')).toEqual(['0x0011']);
    expect(d.values('vlan.id')).toEqual([]);
    expect(d.status & Status.WARNING).toBeTruthy();
  });

  it('keeps what it read at every truncated length of the header', () => {
    for (let n = 14; n < 14 + 14; n++) {
      // cut by the capture: the frame on the wire is whole
      const d = dissect(FRAME1.subarray(0, n), { origLen: FRAME1.length });
      expect(d.status & Status.TRUNCATED, `cut at ${n}`).toBeTruthy();
      expect(d.values('avsp.sub_type')).toEqual(n >= 16 ? ['1'] : []);
      expect(d.values('avsp.ver')).toEqual(n >= 18 ? ['0x0010'] : []);
      expect(d.values('avsp.etype')).toEqual([]);
    }
  });
});
