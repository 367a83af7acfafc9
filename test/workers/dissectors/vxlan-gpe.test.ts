// VXLAN-GPE (workers/dissectors/vxlan-gpe.ts) against nsh-over-vxlan-gpe.pcap, with the values
// tshark 4.0 prints for it.

import { describe, expect, it } from 'vitest';
import { Status } from '../../../workers/dissectors/context.ts';
import { dissect, hex } from './helpers.ts';

// nsh-over-vxlan-gpe.pcap frame 1: IPv4 / UDP 4790 / VXLAN-GPE (next protocol 4) / NSH / IPv4 / UDP.
const GPE =
  '00000000000000000000000008004500005c402340004011fc6b7f0000017f00000112b612b6004849f7' +
  '0c000004ffffff00' +
  '30060201ffffffff0001020112345678000203011234567845000020d4310000ff116647c0a80001c0a8000227104e20000c217874657374';
const GPE_OFFSET = 42;
const GPE_HEADER = 8;

describe('VXLAN-GPE', () => {
  it('decodes nsh-over-vxlan-gpe.pcap frame 1 as tshark 4.0 does', () => {
    const d = dissect(hex(GPE));
    // The header is a `vxlan` tree; tshark's frame.protocols leaves it out (a name-only protocol).
    expect(d.layers.slice(0, 6)).toEqual(['eth', 'ip', 'udp', 'vxlan', 'nsh', 'ip']);
    expect(d.values('vxlan.flags')).toEqual(['0x0c']);
    expect(d.labels('vxlan.flags')).toEqual(['Flags: 0x0c']);
    expect(d.values('vxlan.ver')).toEqual(['0']);
    expect(d.values('vxlan.i_bit')).toEqual(['1']);
    expect(d.values('vxlan.p_bit')).toEqual(['1']);
    expect(d.values('vxlan.o_bit')).toEqual(['0']);
    expect(d.values('vxlan.flags_reserved')).toEqual(['0']);
    expect(d.values('vxlan.reserved_16')).toEqual(['0']);
    expect(d.values('vxlan.next_proto')).toEqual(['4']);
    expect(d.labels('vxlan.next_proto')).toEqual(['Next Protocol: Network Service Header (4)']);
    expect(d.values('vxlan.vni')).toEqual(['16777215']);
    expect(d.values('vxlan.reserved8')).toEqual(['0']);
    expect(d.values('ip.src')).toEqual(['127.0.0.1', '192.168.0.1']);
    expect(d.values('udp.dstport')).toEqual(['4790', '20000']);
    expect(d.values('udp.length')).toEqual(['72', '12']);
  });

  it('maps next protocols to their EtherTypes, and shows an unknown one as data', () => {
    const ipv4 = hex(GPE);
    // Next protocol 1 (IPv4) straight after the GPE header: the NSH bytes then read as IPv4 garbage.
    ipv4[GPE_OFFSET + 3] = 1;
    expect(dissect(ipv4).layers.slice(3, 5)).toEqual(['vxlan', 'ip']);
    const unknown = hex(GPE);
    unknown[GPE_OFFSET + 3] = 0x7f;
    expect(dissect(unknown).layers.slice(3)).toEqual(['vxlan', 'data']);
  });

  it('never throws on a header cut short, and keeps what came before', () => {
    const whole = hex(GPE);
    for (let n = 0; n < GPE_HEADER; n++) {
      const d = dissect(whole.slice(0, GPE_OFFSET + n), { origLen: whole.length });
      const at = `cut at ${n}`;
      expect(d.status & Status.TRUNCATED, at).toBe(Status.TRUNCATED);
      expect(d.values('udp.dstport'), at).toEqual(['4790']);
      expect(d.values('vxlan.flags'), at).toEqual(n >= 1 ? ['0x0c'] : []);
      expect(d.values('vxlan.next_proto'), at).toEqual(n >= 4 ? ['4'] : []);
      expect(d.values('vxlan.vni'), at).toEqual(n >= 7 ? ['16777215'] : []);
    }
  });
});
