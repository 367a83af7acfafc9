// Linux NFLOG (workers/dissectors/nflog.ts): nflog.pcap frame 1.

import { describe, expect, it } from 'vitest';
import { checkCuts, frame, hex } from './helpers.ts';

// nflog.pcap frame 1: AF_INET, TLVs (packet header, prefix, indev, hw address, hw type, hw len,
// hw header, timestamp), then the payload TLV: IPv4 / UDP / DNS.
const NFLOG = '02000014080001000800012705000a00000000000800040000000002100008000006ffffb8a386b9c3d6000006000f000001000006001100000e0000120010000811961c10c8b8a386b9c3d6080000001400030000000000522a1f9e00000000000960fc4d00090045000049000040003711c5144a522a2a0a0000140035a65900356ddf437181800001000100000000076578616d706c6503636f6d0000010001c00c0001000100002f9600045db8d877000000';

describe('NFLOG', () => {
  it('decodes nflog.pcap frame 1 as tshark 4.0 does', () => {
    const f = frame(hex(NFLOG), 239);
    expect(f.protocols.startsWith('frame:nflog:ip:udp')).toBe(true);
    expect(f.v('nflog.family')).toBe('2');
    expect(f.v('nflog.version')).toBe('0');
    expect(f.v('nflog.res_id')).toBe('20');
    expect(f.v('nflog.tlv_type')).toBe('1,10,4,8,15,17,16,3,9');
    expect(f.v('nflog.tlv_length')).toBe('8,5,8,16,6,6,18,20,77');
    expect(f.v('nflog.protocol')).toBe('0x0800');
    expect(f.v('nflog.hook')).toBe('1');
    expect(f.v('nflog.prefix')).toBe('');
    expect(f.v('nflog.ifindex_indev')).toBe('2');
    expect(f.v('nflog.tlv_value')).toBe('0006ffffb8a386b9c3d60000,0001,000e,0811961c10c8b8a386b9c3d60800');
    expect(f.v('nflog.tlv')).toContain('08000100080001');
    expect(f.labels('nflog.tlv_type')[0]).toBe('.000 0000 0000 0001 = Type: NFULA_PACKET_HDR (1)');
    expect(f.v('ip.src')).toBe('74.82.42.42');
    expect(f.status).toBe(0);
  });

  it('stops at a TLV shorter than its own header', () => {
    const f = frame(hex('02000014' + '0200' + '0100' + '00000000'), 239);
    expect(f.v('nflog.tlv')).toBe('');
    expect(f.v('nflog.res_id')).toBe('20');
  });

  it('never throws and keeps what it read at every cut of the header and TLVs', () => {
    // A cut inside the 4-byte header is an error; the TLV loop stops quietly when fewer than 4
    // bytes are left, and fails only on a TLV longer than what was captured (Wireshark's loop).
    checkCuts(hex(NFLOG), 239, 1, 4, ['nflog.family', 'nflog.version', 'nflog.res_id']);
    checkCuts(hex(NFLOG), 239, 104, 104, ['nflog.family', 'nflog.res_id', 'nflog.tlv_length', 'nflog.tlv_type', 'nflog.tlv_value']);
  });
});
