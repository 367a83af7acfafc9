// GRE (workers/dissectors/gre.ts), Cisco MetaData (cmd.ts) and NHRP (nhrp.ts) against bytes copied
// from corpus captures, with the values tshark 4.0 prints for them.

import { describe, expect, it } from 'vitest';
import { Status } from '../../../workers/dissectors/context.ts';
import { dissect, hex } from './helpers.ts';

const GRE_OFFSET = 34;

/** Drop the 802.1Q tag of a various_gre.pcap frame, so that the test does not lean on VLAN. */
function untag(h: string): string {
  return h.slice(0, 24) + h.slice(32);
}

// various_gre.pcap frame 25 (tag removed): GRE with key 0x28 / Cisco MetaData / IPv4 / ICMP.
const CMD_ICMP = untag(
  'aabbcc000200aabbcc000100810004bd08004500008800910000ff2f25510aac40060aac4007200089090000002808000101000100004500006400050000ff016104ac110136ac110137080064fe0001000000000000000c193fabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcd',
);
// various_gre.pcap frame 11 (tag removed): GRE / CMD / IPv4 / GRE keepalive (type 0, no payload).
const CMD_KEEPALIVE = untag(
  'aabbcc000100aabbcc000200810004bd080045c0004000a40000ff2f24c60aac40070aac40062000890900000028080001010001000045c0001c00a30000ff2f24eb0aac40060aac40072000000000000028',
);
// pptp.pcap frame 16: enhanced GRE (version 1) carrying PPP LCP.
const PPTP =
  '0800209f6b7200000000000008004500005003bc0000802f20ad0a01010b0a01010a3001880b0030000000000000ff03c0210100002c0506021952cf070208020d03061104064e13170129f76a9077f1472c835247f271d656070000000c';
// nhrp.pcapng frame 1: GRE / NHRP Registration Request.
const NHRP =
  'aabbcc019010aabbcc01b000080045c00080007b0000ff2fefe86401021b6401000e00002001000108000000000000ff0068af1500340103040004048002000000156401021b0a4100030a4100010020000045fc1c200000000080030000800400008005000080070008000000014f545553000900140020000045fc0000040004006401000e0a41000180000000';
// Built for this test and checked with tshark 4.0: GRE with a correct checksum (0xdedd) / IPv4 / ICMP.
const CHECKSUM =
  '00112233445566778899aabb08004500003800000000402f0000c0a80001c0a8000280000800dedd00004500001c00010000400100000a0000010a0000020800f7ff00000000';

describe('GRE', () => {
  it('decodes a keyed GRE header and the Cisco MetaData inside it (various_gre.pcap frame 25)', () => {
    const d = dissect(hex(CMD_ICMP));
    expect(d.layers.slice(0, 6)).toEqual(['eth', 'ip', 'gre', 'cmd', 'ip', ...d.layers.slice(5, 6)]);
    expect(d.values('gre.flags_and_version')).toEqual(['0x2000']);
    expect(d.values('gre.flags.checksum')).toEqual(['0']);
    expect(d.values('gre.flags.key')).toEqual(['1']);
    expect(d.values('gre.flags.recursion_control')).toEqual(['0']);
    expect(d.values('gre.flags.reserved')).toEqual(['0']);
    expect(d.values('gre.flags.version')).toEqual(['0']);
    expect(d.values('gre.flags.ack')).toEqual([]);
    expect(d.values('gre.proto')).toEqual(['0x8909']);
    expect(d.values('gre.key')).toEqual(['0x00000028']);
    expect(d.labels('gre.flags.key')).toEqual(['..1. .... .... .... = Key Bit: Yes']);
    expect(d.labels('gre.flags.version')).toEqual(['.... .... .... .000 = Version: GRE (0)']);
    expect(d.values('cmd.type')).toEqual(['0x0800']);
    expect(d.values('cmd.version')).toEqual(['1']);
    expect(d.values('cmd.length')).toEqual(['1']);
    expect(d.values('cmd.options')).toEqual(['0x0001']);
    expect(d.values('cmd.sgt')).toEqual(['0']);
    expect(d.values('ip.src')).toEqual(['10.172.64.6', '172.17.1.54']);
    expect(d.values('ip.proto')).toEqual(['47', '1']);
  });

  it('prints gre.proto of nested GRE, and gives a keepalive with no payload no further layer (frame 11)', () => {
    const d = dissect(hex(CMD_KEEPALIVE));
    expect(d.values('gre.proto')).toEqual(['0x8909', '0x0000']);
    expect(d.values('gre.key')).toEqual(['0x00000028', '0x00000028']);
    expect(d.layers).toEqual(['eth', 'ip', 'gre', 'cmd', 'ip', 'gre']);
    expect(d.labels('gre.proto')[1]).toBe('Protocol Type: Possible GRE keepalive packet (0x0000)');
    expect(d.status & (Status.TRUNCATED | Status.MALFORMED)).toBe(0);
  });

  it("reads PPTP's enhanced GRE: payload length and call ID instead of a key (pptp.pcap frame 16)", () => {
    const d = dissect(hex(PPTP));
    expect(d.values('gre.flags_and_version')).toEqual(['0x3001']);
    expect(d.values('gre.flags.ack')).toEqual(['0']);
    expect(d.values('gre.flags.reserved')).toEqual(['0']);
    expect(d.values('gre.flags.version')).toEqual(['1']);
    expect(d.values('gre.proto')).toEqual(['0x880b']);
    expect(d.values('gre.key.payload_length')).toEqual(['48']);
    expect(d.values('gre.key.call_id')).toEqual(['0']);
    expect(d.values('gre.sequence_number')).toEqual(['0']);
    expect(d.values('gre.key')).toEqual([]);
    expect(d.values('gre.ack_number')).toEqual([]);
  });

  it('reads the acknowledgment number when A is set (pptp.pcap frame 16, flags 0x3081, ack 7)', () => {
    const h = PPTP.slice(0, 32) + '0054' + PPTP.slice(36, 68) + '3081880b003000000000000000000007' + PPTP.slice(92);
    const d = dissect(hex(h));
    expect(d.values('gre.flags.ack')).toEqual(['1']);
    expect(d.values('gre.sequence_number')).toEqual(['0']);
    expect(d.values('gre.ack_number')).toEqual(['7']);
  });

  it('verifies the checksum over the whole GRE packet', () => {
    const good = dissect(hex(CHECKSUM));
    expect(good.values('gre.checksum')).toEqual(['0xdedd']);
    expect(good.values('gre.checksum.status')).toEqual(['1']);
    expect(good.values('gre.offset')).toEqual(['0']);
    expect(good.values('ip.src')).toEqual(['192.168.0.1', '10.0.0.1']);
    const b = hex(CHECKSUM);
    b[GRE_OFFSET + 4] = 0x12;
    expect(dissect(b).values('gre.checksum.status')).toEqual(['0']);
  });

  it('walks RFC 1701 source routes up to the null entry', () => {
    // C and R set; one SRE (family 8, no data), then the null SRE, then the IPv4 payload.
    const inner = CHECKSUM.slice(GRE_OFFSET * 2 + 16);
    const gre = 'c0000800' + '12340000' + '00080000' + '00000000' + inner;
    const total = (20 + gre.length / 2).toString(16).padStart(4, '0');
    const d = dissect(hex(CHECKSUM.slice(0, 32) + total + CHECKSUM.slice(36, GRE_OFFSET * 2) + gre));
    expect(d.values('gre.routing.address_family')).toEqual(['8', '0']);
    expect(d.values('gre.routing.src_length')).toEqual(['0', '0']);
    // An empty byte string prints as tshark prints it.
    expect(d.values('gre.routing.information')).toEqual(['<MISSING>']);
    expect(d.values('ip.src')).toEqual(['192.168.0.1', '10.0.0.1']);
  });

  it('hands Ethernet, IPv6 and MPLS payloads to their dissectors', () => {
    /** IPv4 / GRE (no options) / payload, with the IPv4 total length set. */
    const gre = (type: string, payload: string): Uint8Array => {
      const total = (20 + 4 + payload.length / 2).toString(16).padStart(4, '0');
      return hex('00112233445566778899aabb08004500' + total + '00000000402f0000c0a80001c0a80002' + '0000' + type + payload);
    };
    const ipv4 = '4500001c00010000400100000a0000010a0000020800f7ff00000000';
    const ipv6 = '6000000000083a40' + 'fd00' + '00'.repeat(13) + '01' + 'fd00' + '00'.repeat(13) + '02' + '8000000000000000';
    const teb = dissect(gre('6558', '0011223344550066778899aa0800' + ipv4));
    expect(teb.layers.slice(0, 5)).toEqual(['eth', 'ip', 'gre', 'eth', 'ip']);
    expect(teb.values('eth.src')).toEqual(['66:77:88:99:aa:bb', '00:66:77:88:99:aa']);
    const v6 = dissect(gre('86dd', ipv6));
    expect(v6.layers.slice(0, 4)).toEqual(['eth', 'ip', 'gre', 'ipv6']);
    expect(v6.values('ipv6.dst')).toEqual(['fd00::2']);
    const mpls = dissect(gre('8847', '0006413f' + ipv4));
    expect(mpls.layers.slice(0, 5)).toEqual(['eth', 'ip', 'gre', 'mpls', 'ip']);
    expect(mpls.values('mpls.label')).toEqual(['100']);
    expect(mpls.values('gre.proto')).toEqual(['0x8847']);
  });

  it('hands type 0x2001 to NHRP (nhrp.pcapng frame 1)', () => {
    const d = dissect(hex(NHRP));
    expect(d.values('gre.proto')).toEqual(['0x2001']);
    expect(d.layers).toEqual(['eth', 'ip', 'gre', 'nhrp']);
    expect(d.values('nhrp.hdr.afn')).toEqual(['0x0001']);
    expect(d.values('nhrp.hdr.pro.type')).toEqual(['0x0800']);
    expect(d.values('nhrp.protocol_type')).toEqual(['0000000000']);
    expect(d.values('nhrp.hdr.hopcnt')).toEqual(['255']);
    expect(d.values('nhrp.hdr.pktsz')).toEqual(['104']);
    expect(d.values('nhrp.hdr.chksum')).toEqual(['0xaf15']);
    expect(d.values('nhrp.hdr.extoff')).toEqual(['52']);
    expect(d.values('nhrp.hdr.op.type')).toEqual(['3']);
    expect(d.values('nhrp.hdr.shtl.len')).toEqual(['4']);
    expect(d.values('nhrp.flags')).toEqual(['0x8002']);
    expect(d.values('nhrp.reqid')).toEqual(['0x00000015']);
    expect(d.values('nhrp.src.nbma.addr')).toEqual(['100.1.2.27']);
    expect(d.values('nhrp.src.prot.addr')).toEqual(['10.65.0.3']);
    expect(d.values('nhrp.dst.prot.addr')).toEqual(['10.65.0.1']);
  });

  it('never throws on a header cut short, and keeps what came before', () => {
    const whole = hex(PPTP);
    for (let n = 0; n < 16; n++) {
      const d = dissect(whole.slice(0, GRE_OFFSET + n), { origLen: whole.length });
      const at = `cut at ${n}`;
      // At 12 the header is whole; S is set, so the empty payload still goes to PPP (data without it).
      if (n < 12) expect(d.status & Status.TRUNCATED, at).toBe(Status.TRUNCATED);
      expect(d.values('ip.proto'), at).toEqual(['47']);
      // Wireshark reads the flags and the protocol type before it adds anything.
      expect(d.values('gre.proto'), at).toEqual(n >= 4 ? ['0x880b'] : []);
      expect(d.values('gre.key.payload_length'), at).toEqual(n >= 6 ? ['48'] : []);
      expect(d.values('gre.key.call_id'), at).toEqual(n >= 8 ? ['0'] : []);
      expect(d.values('gre.sequence_number'), at).toEqual(n >= 12 ? ['0'] : []);
    }
    const nhrp = hex(NHRP);
    for (let n = 0; n < 28; n++) {
      const d = dissect(nhrp.slice(0, GRE_OFFSET + 4 + n), { origLen: nhrp.length });
      expect(d.status & Status.TRUNCATED, `NHRP cut at ${n}`).toBe(Status.TRUNCATED);
      expect(d.values('nhrp.hdr.afn'), `NHRP cut at ${n}`).toEqual(n >= 2 ? ['0x0001'] : []);
    }
  });
});
