// ICMP (workers/dissectors/icmp.ts, icmp-extensions.ts) against bytes copied from corpus
// captures, with the values tshark 4.0 prints for them. Captures on PPP and IPNET links are used
// from their IPv4 header on, behind a made-up Ethernet header.

import { describe, expect, it } from 'vitest';
import { PacketDissector } from '../../../workers/dissect.ts';
import { Status } from '../../../workers/dissectors/context.ts';
import { Time } from '../../../workers/fields/time.ts';
import { dissect, filterValues, hex, type Dissected } from './helpers.ts';

const ETH = '000000000000000102030405' + '0800';
// icmp-destunreach-udp.pcap frame 1: port unreachable quoting a whole DNS response.
const UNREACH =
  '0019e3e75d23000bdb6358a60800450000b0281e000080018e77c0a80166c0a80101030303bb00000000450000a3371100004011bf81c0a8' +
  '0101c0a801660035e747008f76d298a4818000010001000400000673656375726503656434036e65740000010001c00c000100010000012c' +
  '0004d05e140ec013000200010000012c000f05646e7330320665786f647573c017c013000200010000012c000805646e733031c042c01300' +
  '0200010000012c000805646e733034c042c013000200c9146f2d';
// e1000g.pcap frames 1 and 2 (IPNET): echo request and reply with a timeval in the data.
const ECHO_DATA = '0008090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f3031323334353637';
const ECHO_REQUEST = ETH + '45000054e58e0000f901fcd581926a370a05e975080032e21af50000ed760d4bb9630b' + ECHO_DATA;
const ECHO_REPLY = ETH + '45000054134f4000ff0189150a05e97581926a3700003ae21af50000ed760d4bb9630b' + ECHO_DATA;
// mpls-traceroute.pcap frame 2 (PPP): time exceeded, RFC 4884 padding, an MPLS label stack object.
const MPLS_TTL =
  ETH + '450000a813964000ff014db10a0500010c0404040b00cd040000000045000028a54c00000111f76f0c0404040c010101a54b829b0014' +
  '00'.repeat(102) + '2000c55f0008010118960101';
// icmp-rfc5837.pcap frame 1 (PPP): time exceeded with an Interface Information object.
const RFC5837 =
  ETH + '450000f0e7204000fe017ade0a0400020c0404040b00ccff0000000045000028a55100000111f76a0c0404040c010101a54b82a00014' +
  '00'.repeat(102) + '2000246c0050020e0000000f000100000a0a0a0a40546869732d69732d7468652d6e616d652d6f662d7468652d496e74657266616365' +
  '2d746861742d77652d6172652d6c6f6f6b696e672d666f722d5b3a2d295d';

describe('ICMP', () => {
  it('dissects the datagram quoted by a port unreachable as one more IP / UDP layer', () => {
    const d = dissect(hex(UNREACH));
    expect(d.values('icmp.type')).toEqual(['3']);
    expect(d.values('icmp.code')).toEqual(['3']);
    expect(d.values('icmp.checksum')).toEqual(['0x03bb']);
    expect(d.values('icmp.checksum.status')).toEqual(['1']);
    expect(d.values('icmp.unused')).toEqual(['00000000']);
    expect(d.values('ip.src')).toEqual(['192.168.1.102', '192.168.1.1']);
    expect(d.values('ip.len')).toEqual(['176', '163']);
    expect(d.values('ip.proto')).toEqual(['1', '17']);
    expect(d.values('udp.srcport')).toEqual(['53']);
    expect(d.values('udp.length')).toEqual(['143']);
    // (The quoted DNS message is cut short: what that does to the status is DNS's business.)
  });

  it('verifies the checksum of an error but not that of the ICMP message it quotes', () => {
    // Hand-made: time exceeded (checksum 0xf4ff over the whole message) quoting a complete
    // 28-byte echo request (IPv4 TTL 1, ICMP checksum 0xe5ca, both correct).
    const d = dissect(hex('0019e3e75d23000bdb6358a60800' + '45000038020200004001f567c0a80101c0a8010a' + '0b00f4ff00000000' +
      '4500001c010100000101e71ec0a8010a08080808' + '0800e5ca12340001'));
    expect(d.values('icmp.type')).toEqual(['11', '8']);
    expect(d.values('icmp.checksum')).toEqual(['0xf4ff', '0xe5ca']);
    // Good outside, Unverified inside the quoted packet (Wireshark's in_error_pkt)
    expect(d.values('icmp.checksum.status')).toEqual(['1', '2']);
    expect(d.values('ip.ttl')).toEqual(['64', '1']);
    expect(d.values('icmp.ident')).toEqual(['4660']);
    expect(d.values('icmp.resp_in')).toEqual([]);
  });

  it('matches an echo reply to its request, on the first pass and after it', () => {
    const d = new PacketDissector();
    const req = (): Dissected => dissect(hex(ECHO_REQUEST), { dissector: d, frameNo: 1, tsSec: 1259170046, tsNsec: 701826000 });
    const rep = (): Dissected => dissect(hex(ECHO_REPLY), { dissector: d, frameNo: 2, tsSec: 1259170046, tsNsec: 701845000 });
    expect(req().values('icmp.resp_in')).toEqual([]);
    expect(rep().values('icmp.resp_to')).toEqual(['1']);
    expect(rep().values('icmp.resptime')).toEqual(['0.019']);
    expect(rep().values('icmp.ident')).toEqual(['6901']);
    expect(rep().values('icmp.ident_le')).toEqual(['62746']);
    expect(rep().values('icmp.seq_le')).toEqual(['0']);
    expect(rep().values('icmp.data_time')).toEqual(['Nov 25, 2009 18:26:53.746425000 UTC']);
    expect(rep().values('icmp.data_time_relative')).toEqual(['-3567.044580000']);
    // The filter compares the times themselves, not the text (tshark: icmp.data_time_relative == -3567.04458).
    expect(filterValues(rep().fl, 'icmp.data_time')).toEqual([new Time(1259173613, 746425000)]);
    expect(filterValues(rep().fl, 'icmp.data_time_relative')).toEqual([new Time(-3567, -44580000)]);
    expect(rep().values('data.len')).toEqual(['48']);
    d.ctx.firstPass = false;
    expect(req().values('icmp.resp_in')).toEqual(['2']);
    expect(rep().values('icmp.resp_to')).toEqual(['1']);
  });

  it('decodes the RFC 4950 MPLS label stack after a 128-byte original datagram', () => {
    const d = dissect(hex(MPLS_TTL));
    expect(d.values('icmp.type')).toEqual(['11']);
    expect(d.values('ip.ttl')).toEqual(['255', '1']);
    expect(d.values('udp.dstport')).toEqual(['33435']);
    expect(d.values('icmp.ext.version')).toEqual(['2']);
    expect(d.values('icmp.ext.res')).toEqual(['0x0000']);
    expect(d.values('icmp.ext.checksum')).toEqual(['0xc55f']);
    expect(d.values('icmp.ext.checksum.status')).toEqual(['1']);
    expect(d.values('icmp.ext.length')).toEqual(['8']);
    expect(d.values('icmp.ext.class')).toEqual(['1']);
    expect(d.values('icmp.mpls.label')).toEqual(['100704']);
    expect(d.values('icmp.mpls.exp')).toEqual(['0']);
    expect(d.values('icmp.mpls.s')).toEqual(['1']);
    expect(d.values('icmp.mpls.ttl')).toEqual(['1']);
  });

  it('decodes an RFC 5837 Interface Information object', () => {
    const d = dissect(hex(RFC5837));
    expect(d.values('icmp.ext.ctype')).toEqual(['14']);
    expect(d.values('icmp.int_info.role')).toEqual(['0']);
    expect(d.values('icmp.int_info.ifindex')).toEqual(['1']);
    expect(d.values('icmp.int_info.ipaddr')).toEqual(['1']);
    expect(d.values('icmp.int_info.name_present')).toEqual(['1']);
    expect(d.values('icmp.int_info.mtu_present')).toEqual(['0']);
    expect(d.values('icmp.int_info.index')).toEqual(['15']);
    expect(d.values('icmp.int_info.afi')).toEqual(['1']);
    expect(d.values('icmp.reserved')).toEqual(['0000']);
    expect(d.values('icmp.int_info.ipv4')).toEqual(['10.10.10.10']);
    // Wireshark's bound check leaves the 63-byte name of this 80-byte object unshown.
    expect(d.values('icmp.int_info.name_length')).toEqual(['64']);
    expect(d.values('icmp.int_info.name')).toEqual([]);
  });

  it('keeps the fields before the cut for every length below the header', () => {
    const full = hex(ECHO_REQUEST);
    const icmp = 14 + 20;
    const order = ['icmp.type', 'icmp.code', 'icmp.checksum', 'icmp.ident', 'icmp.seq'];
    const needs = [1, 2, 4, 6, 8];
    for (let cut = 0; cut < 8; cut++) {
      const d = dissect(full.slice(0, icmp + cut), { origLen: full.length });
      order.forEach((name, k) => expect(d.values(name).length, `${name} at cut ${cut}`).toBe(cut >= (needs[k] as number) ? 1 : 0));
      expect(d.status & Status.TRUNCATED).toBeTruthy();
    }
  });
});
