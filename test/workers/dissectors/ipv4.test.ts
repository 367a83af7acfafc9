// IPv4 (workers/dissectors/ipv4.ts, ipv4-options.ts) against bytes copied from corpus captures,
// with the values tshark 4.0 prints for them (`tshark -T fields -E occurrence=a`).

import { describe, expect, it } from 'vitest';
import { Status } from '../../../workers/dissectors/context.ts';
import { dissect, hex } from './helpers.ts';

// IGMP_V2.pcap frame 2: IPv4 with a Router Alert option, IGMPv2 report.
const IGMP_V2_FRAME_2 = '01005e7ffffa001c23aabead0800460000208c6200000102e692c0a80140effffffa940400001600fa04effffffa';
// ip_ts_opts_asan.pcap frame 1 (50 of 262144 bytes captured): a Time Stamp option whose last
// entry does not fit, then an option whose length runs past the header.
const TS_OPTS_ASAN = '000cfff900ffc075c08e999d080049e2ff270020e0000001a09b950821515f1253e3440e050100003470494220020105f513';
// ipv4_invalid_hdr_length.pcap frame 1: IHL 4 (16 bytes).
const BAD_IHL =
  'c0d68236032bf04da23d5da3080044000054f1a60000401145948cd309ce2d217f9c98b7003500406ecb92aa012000010000000000010377' +
  '77770774637064756d70036f7267000001000100002904d000000000000c000a00088bc0e5f53e713bbd';
// bigtcp-ipv4-vxlan-ipv4.pcap frame 1, first 100 of 80116 bytes: Total Length 0 (BIG TCP).
const BIGTCP_HEAD =
  'b8cef6048b14d4aff7dae1730800450000006f2900003d11f2790a19840b0a19840db7c412b50000552f0800000000138900fe36a567e0' +
  'ac76bd914a21f90800450000007b2c400040063c78c0a80102c0a80101900b8e611da2d42e3c';
// fragmented-1.pcap frame 2: the last fragment (offset 48) of a UDP datagram.
const FRAG_LAST = '006097122f580020afba786508004500008800f2000640113a8aa4017ba3a4017b3d007b00890074bf1e' + '00'.repeat(108);
const ETH = 14;

describe('IPv4', () => {
  it('decodes IGMP_V2.pcap frame 2 with its Router Alert option', () => {
    const d = dissect(hex(IGMP_V2_FRAME_2));
    expect(d.values('ip.version')).toEqual(['4']);
    expect(d.values('ip.hdr_len')).toEqual(['24']);
    expect(d.values('ip.dsfield')).toEqual(['0x00']);
    expect(d.values('ip.len')).toEqual(['32']);
    expect(d.values('ip.id')).toEqual(['0x8c62']);
    expect(d.values('ip.flags')).toEqual(['0x00']);
    expect(d.values('ip.frag_offset')).toEqual(['0']);
    expect(d.values('ip.ttl')).toEqual(['1']);
    expect(d.values('ip.proto')).toEqual(['2']);
    expect(d.values('ip.checksum')).toEqual(['0xe692']);
    expect(d.values('ip.checksum.status')).toEqual(['2']);
    expect(d.values('ip.src')).toEqual(['192.168.1.64']);
    expect(d.values('ip.dst')).toEqual(['239.255.255.250']);
    expect(d.values('ip.addr')).toEqual(['192.168.1.64', '239.255.255.250']);
    expect(d.values('ip.host')).toEqual(['192.168.1.64', '239.255.255.250']);
    expect(d.hidden('ip.addr')).toBe(true);
    expect(d.values('ip.options.routeralert')).toEqual(['94040000']);
    expect(d.values('ip.opt.type')).toEqual(['148']);
    expect(d.values('ip.opt.type.copy')).toEqual(['1']);
    expect(d.values('ip.opt.type.class')).toEqual(['0']);
    expect(d.values('ip.opt.type.number')).toEqual(['20']);
    expect(d.values('ip.opt.len')).toEqual(['4']);
    expect(d.values('ip.opt.ra')).toEqual(['0']);
    expect(d.labels('ip.opt.type.number')).toEqual(['...1 0100 = Number: Router Alert (20)']);
    expect(d.layers).toEqual(['eth', 'ip', 'igmp']);
    expect(d.status & (Status.TRUNCATED | Status.MALFORMED)).toBe(0);
  });

  it('decodes the timestamp option of ip_ts_opts_asan.pcap and stops at the truncated ICMP', () => {
    const d = dissect(hex(TS_OPTS_ASAN), { origLen: 262144 });
    expect(d.values('ip.hdr_len')).toEqual(['36']);
    expect(d.values('ip.len')).toEqual(['65319']);
    expect(d.values('ip.flags')).toEqual(['0x07']);
    expect(d.values('ip.flags.rb')).toEqual(['1']);
    expect(d.values('ip.options.timestamp')).toEqual(['440e050100003470494220020105']);
    expect(d.values('ip.opt.ptr')).toEqual(['5']);
    expect(d.values('ip.opt.overflow')).toEqual(['0']);
    expect(d.values('ip.opt.flag')).toEqual(['0x01']);
    expect(d.values('ip.opt.time_stamp_addr')).toEqual(['0.0.52.112']);
    expect(d.values('ip.opt.time_stamp')).toEqual(['1229070338']);
    expect(d.values('ip.subopt_too_long')).toEqual(['1']);
    expect(d.values('ip.opt.len.invalid')).toEqual(['1']);
    expect(d.values('ip.ttl.too_small')).toEqual(['1']);
    expect(d.values('icmp.type')).toEqual([]);
    expect(d.status & Status.TRUNCATED).toBeTruthy();
  });

  it('stops after the header length when IHL is under 5 (ipv4_invalid_hdr_length.pcap)', () => {
    const d = dissect(hex(BAD_IHL));
    expect(d.values('ip.version')).toEqual(['4']);
    expect(d.values('ip.hdr_len')).toEqual(['16']);
    expect(d.values('ip.bogus_header_length')).toEqual(['1']);
    expect(d.values('ip.len')).toEqual([]);
    expect(d.layers).toEqual(['eth', 'ip']);
    // an error of Wireshark's Protocol group (tshark -V: "Expert Info (Error/Protocol)"), so the
    // row is marked but _ws.malformed does not select it
    expect(d.status & Status.ERROR).toBeTruthy();
    expect(d.status & Status.MALFORMED).toBe(0);
  });

  it('takes a zero Total Length as the frame length (BIG TCP / TSO)', () => {
    const d = dissect(hex(BIGTCP_HEAD), { origLen: 80116 });
    expect(d.values('ip.len')).toEqual(['80102']);
    expect(d.values('ip.src')).toEqual(['10.25.132.11']);
    expect(d.values('udp.length')).toEqual(['0']);
  });

  it('shows a non-first fragment as data and marks it', () => {
    const d = dissect(hex(FRAG_LAST));
    expect(d.values('ip.flags.mf')).toEqual(['0']);
    expect(d.values('ip.frag_offset')).toEqual(['6']);
    expect(d.values('data.len')).toEqual(['116']);
    expect(d.values('udp.srcport')).toEqual([]);
    expect(d.status & Status.FRAGMENT).toBeTruthy();
  });

  it('uses the last address of a loose source route as the destination', () => {
    // Hand-made: LSRR 1.1.1.1 (next), 2.2.2.2, then EOL; tshark 4.0 shows ip.cur_rt for the header's.
    const b = hex('001122334455667788990aab08004800002a0001000040110000 0a000001 0a000002 830b04010101010202020200 00010002000a0000 7878');
    const d = dissect(b);
    expect(d.values('ip.cur_rt')).toEqual(['10.0.0.2']);
    expect(d.values('ip.src_rt')).toEqual(['1.1.1.1']);
    expect(d.values('ip.dst')).toEqual(['2.2.2.2']);
    expect(d.values('ip.addr')).toEqual(['10.0.0.1', '2.2.2.2']);
    expect(d.values('ip.options.eol')).toEqual(['00']);
  });

  it('hands an IPv6 packet under EtherType 0x0800 to IPv6, as Wireshark does', () => {
    const b = hex('00112233445566778899aabb0800' + '6000000000083b40' + '20010db8000000000000000000000001'.repeat(2) + '0000000000000000');
    const d = dissect(b);
    expect(d.layers.slice(0, 2)).toEqual(['eth', 'ipv6']);
    expect(d.values('ip.version')).toEqual(['6']);
  });

  it('keeps the fields before the cut for every length below the header', () => {
    const full = hex(IGMP_V2_FRAME_2);
    const order = ['ip.version', 'ip.hdr_len', 'ip.dsfield', 'ip.len', 'ip.id', 'ip.flags', 'ip.ttl', 'ip.proto', 'ip.checksum', 'ip.src', 'ip.dst'];
    const needs = [1, 1, 2, 4, 6, 8, 9, 10, 12, 16, 20];
    for (let cut = 0; cut < 20; cut++) {
      const d = dissect(full.slice(0, ETH + cut), { origLen: full.length });
      order.forEach((name, k) => expect(d.values(name).length, `${name} at cut ${cut}`).toBe(cut >= (needs[k] as number) ? 1 : 0));
      expect(d.status & Status.TRUNCATED).toBeTruthy();
    }
  });
});
