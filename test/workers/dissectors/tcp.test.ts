// TCP (workers/dissectors/tcp.ts, tcp-options.ts, tcp-pdus.ts and the stream state in
// workers/analysis/tcp-*.ts) against frames copied from corpus captures, with the values
// tshark 4.0 prints for them, and against segments built here for reassembly and edge cases.

import { describe, expect, it } from 'vitest';
import { Status } from '../../../workers/dissectors/context.ts';
import { flagNames, flagString } from '../../../workers/dissectors/tcp-flags.ts';
import { concat } from '../formats/build.ts';
import { again, capture, hex, truncations } from './helpers.ts';

// dns_tcp.pcap frames 1-4: handshake, then a DNS query in one segment.
const DNS_TCP = [
  '00112233446600112233445508004500003c9b28400040061376c0a8010bd157f91283f3003523fec80c00000000a002faf00c410000020405b40402080a79e2ca9a0000000001030307',
  '00112233445500112233446608004500002c002e00008006ae80d157f912c0a8010b003583f379d2491323fec80d6012faf0dded0000020405b40000',
  '0011223344660011223344550800450000289b29400040061389c0a8010bd157f91283f3003523fec80d79d249145010faf0f5aa0000',
  '0011223344660011223344550800450000629b2a40004006134ec0a8010bd157f91283f3003523fec80d79d249145018faf0779600000038431901200001000000000001037777770774637064756d70036f72670000010001000029100000000000000c000a00088f06be7d691442f0',
];
// tcp_eight_lowest_weight_flags_set.pcap frame 1: all of CWR ECE URG ACK PSH RST SYN FIN.
const EIGHT_FLAGS = '42010af0000142010af000170800450000288e4a00004006d8020a0000020a80000218740050225c20671cf82b1f50ff0200f4c30000';
// tcp_header_heapoverflow.pcap frame 1: 46 of 262144 bytes captured, 12 bytes of TCP.
const HEAP_OVERFLOW = '30303030303030303030303008004530303030300000300630303030303030303030303030303030303030303030';
// accecn_handshake.pcap frames 1-3: an AccECN handshake (SYN with AE+CWR+ECE, SYN-ACK with CWR).
const ACCECN = [
  '18fd740745cd000c29f7801208004500003c0000400040061a4f1f8592f842e42b0c40310050741d4a2d00000000a1c2ffff209c0000020405b4010303060402080a06af3c1500000000',
  '000c29f7801218fd740745cd080045000048000040003606244342e42b0c1f8592f800504031b128b393741d4a2ed092fe8822a80000020405b40402080aa5e4dec406af3c15fe0dacc0000001000000000000030307',
  '18fd740745cd000c29f780120800450000440000400040061a471f8592f842e42b0c40310050741d4a2eb128b394c090040320a400000101080a06af3cf2a5e4dec4fe0dacc0000000ffffffffffff000000',
];

const ETH_IP = 34;

/** An Ethernet + IPv4 + TCP frame from 10.0.0.1 (or back from 10.0.0.2) with no TCP options. */
function segment(fromClient: boolean, sport: number, dport: number, seq: number, ack: number, flags: number,
                 payload: Uint8Array = new Uint8Array(0), options: Uint8Array = new Uint8Array(0)): Uint8Array {
  const tcpLen = 20 + options.length;
  const b = new Uint8Array(ETH_IP + tcpLen + payload.length);
  const v = new DataView(b.buffer);
  v.setUint16(12, 0x0800);
  v.setUint8(14, 0x45);
  v.setUint16(16, 20 + tcpLen + payload.length);
  v.setUint8(22, 64);
  v.setUint8(23, 6);
  b.set(fromClient ? [10, 0, 0, 1, 10, 0, 0, 2] : [10, 0, 0, 2, 10, 0, 0, 1], 26);
  v.setUint16(34, sport);
  v.setUint16(36, dport);
  v.setUint32(38, seq >>> 0);
  v.setUint32(42, ack >>> 0);
  v.setUint16(46, ((tcpLen / 4) << 12) | flags);
  v.setUint16(48, 1000);
  b.set(options, 54);
  b.set(payload, ETH_IP + tcpLen);
  return b;
}

const SYN = 0x002;
const ACK = 0x010;
const PSH_ACK = 0x018;
/** A DNS query for www.example.com (id 0x1111 / 0x2222) with its two-byte TCP length prefix. */
const DNS_PDU_1 = hex('0021 1111 0100 0001 0000 0000 0000 03777777076578616d706c6503636f6d00 0001 0001');
const DNS_PDU_2 = hex('0021 2222 0100 0001 0000 0000 0000 03777777076578616d706c6503636f6d00 0001 0001');

function handshake(sport: number): Uint8Array[] {
  return [segment(true, sport, 53, 1000, 0, SYN), segment(false, 53, sport, 5000, 1001, SYN | ACK)];
}

describe('TCP header', () => {
  const fields = ['tcp.srcport', 'tcp.dstport', 'tcp.port', 'tcp.stream', 'tcp.len', 'tcp.seq', 'tcp.seq_raw', 'tcp.nxtseq',
    'tcp.ack', 'tcp.ack_raw', 'tcp.hdr_len', 'tcp.flags', 'tcp.flags.syn', 'tcp.flags.ack', 'tcp.flags.str',
    'tcp.window_size_value', 'tcp.window_size', 'tcp.window_size_scalefactor', 'tcp.checksum', 'tcp.checksum.status',
    'tcp.urgent_pointer', 'tcp.options', 'tcp.option_kind', 'tcp.option_len', 'tcp.options.mss_val',
    'tcp.options.wscale.shift', 'tcp.options.wscale.multiplier', 'tcp.options.timestamp.tsval',
    'tcp.options.timestamp.tsecr', 'tcp.payload', 'tcp.pdu.size', 'dns.length', 'dns.id', 'dns.qry.name'];

  it('decodes the handshake and the DNS query of dns_tcp.pcap as tshark does', () => {
    const { out } = capture(DNS_TCP, fields);
    const [syn, synAck, ack, query] = out as [typeof out[0], typeof out[0], typeof out[0], typeof out[0]];
    expect(syn['tcp.srcport']).toEqual(['33779']);
    expect(syn['tcp.port']).toEqual(['33779', '53']);
    expect(syn['tcp.stream']).toEqual(['0']);
    expect(syn['tcp.seq']).toEqual(['0']);
    expect(syn['tcp.seq_raw']).toEqual(['603899916']);
    expect(syn['tcp.nxtseq']).toEqual(['1']);
    expect(syn['tcp.ack']).toEqual(['0']);
    expect(syn['tcp.hdr_len']).toEqual(['40']);
    expect(syn['tcp.flags']).toEqual(['0x0002']);
    expect(syn['tcp.flags.str']).toEqual(['··········S·']);
    expect(syn['tcp.window_size']).toEqual(['64240']);
    expect(syn['tcp.window_size_scalefactor']).toEqual([]);
    expect(syn['tcp.checksum']).toEqual(['0x0c41']);
    expect(syn['tcp.checksum.status']).toEqual(['2']);
    expect(syn['tcp.options']).toEqual(['020405b40402080a79e2ca9a0000000001030307']);
    expect(syn['tcp.option_kind']).toEqual(['2', '4', '8', '1', '3']);
    expect(syn['tcp.option_len']).toEqual(['4', '2', '10', '3']);
    expect(syn['tcp.options.mss_val']).toEqual(['1460']);
    expect(syn['tcp.options.wscale.shift']).toEqual(['7']);
    expect(syn['tcp.options.wscale.multiplier']).toEqual(['128']);
    expect(syn['tcp.options.timestamp.tsval']).toEqual(['2044906138']);
    expect(synAck['tcp.seq']).toEqual(['0']);
    expect(synAck['tcp.ack']).toEqual(['1']);
    expect(synAck['tcp.ack_raw']).toEqual(['603899917']);
    expect(synAck['tcp.flags']).toEqual(['0x0012']);
    expect(ack['tcp.seq']).toEqual(['1']);
    expect(ack['tcp.ack']).toEqual(['1']);
    // The SYN-ACK had no Window Scale option: scaling is off in both directions.
    expect(ack['tcp.window_size_scalefactor']).toEqual(['-2']);
    expect(query['tcp.len']).toEqual(['58']);
    expect(query['tcp.nxtseq']).toEqual(['59']);
    expect(query['tcp.flags.str']).toEqual(['·······AP···']);
    expect(query['tcp.payload']).toHaveLength(1);
    expect(query['tcp.pdu.size']).toEqual(['58']);
    expect(query['dns.length']).toEqual(['56']);
    expect(query['dns.id']).toEqual(['0x4319']);
    expect(query['dns.qry.name']).toEqual(['www.tcpdump.org']);
    expect(query.status & (Status.TRUNCATED | Status.MALFORMED)).toBe(0);
  });

  it('decodes tcp_eight_lowest_weight_flags_set.pcap (a lone segment with 8 flags)', () => {
    const { out } = capture([EIGHT_FLAGS], fields);
    const f = out[0] as (typeof out)[0];
    expect(f['tcp.flags']).toEqual(['0x00ff']);
    expect(f['tcp.flags.str']).toEqual(['····CEUAPRSF']);
    expect(f['tcp.seq']).toEqual(['0']);
    expect(f['tcp.ack']).toEqual(['1']);
    expect(f['tcp.seq_raw']).toEqual(['576462951']);
    expect(f['tcp.ack_raw']).toEqual(['486026015']);
    expect(f['tcp.nxtseq']).toEqual(['1']);
    expect(f['tcp.len']).toEqual(['0']);
    expect(flagNames(0xff, false)).toBe('FIN, SYN, RST, PSH, ACK, URG, ECE, CWR');
    expect(flagNames(0, false)).toBe('<None>');
  });

  it('shows only the ports of tcp_header_heapoverflow.pcap and marks it truncated', () => {
    const bytes = hex(HEAP_OVERFLOW);
    const { out } = capture([bytes], fields);
    const f = out[0] as (typeof out)[0];
    expect(f['tcp.srcport']).toEqual(['12336']);
    expect(f['tcp.dstport']).toEqual(['12336']);
    expect(f['tcp.seq']).toEqual([]);
    expect(f['tcp.flags']).toEqual([]);
  });

  it('shows the AccECN handshake of accecn_handshake.pcap, then the ACE counter', () => {
    const { out } = capture(ACCECN, ['tcp.flags', 'tcp.flags.str', 'tcp.flags.ae', 'tcp.flags.ace', 'tcp.window_size', 'tcp.window_size_scalefactor']);
    expect(out[0]?.['tcp.flags']).toEqual(['0x01c2']);
    expect(out[0]?.['tcp.flags.str']).toEqual(['···ACE····S·']);
    expect(out[1]?.['tcp.flags.str']).toEqual(['····C··A··S·']);
    expect(out[2]?.['tcp.flags']).toEqual(['0x0090']);
    expect(out[2]?.['tcp.flags.str']).toEqual(['···-2-·A····']);
    expect(out[2]?.['tcp.flags.ae']).toEqual([]);
    expect(out[2]?.['tcp.flags.ace']).toEqual(['2']);
    expect(out[2]?.['tcp.window_size']).toEqual(['65728']);
    expect(out[2]?.['tcp.window_size_scalefactor']).toEqual(['64']);
    expect(flagString(0xfff, false)).toBe('RRRACEUAPRSF');
    expect(flagNames(0x090, true)).toBe('ACK, ACE=2');
  });

  it("shows a reset's data as its cause, up to a NUL, and hands it to no dissector (packet-tcp.c)", () => {
    // the 1M benchmark mix's resets to port 22 carry data: tshark shows TCP, an empty cause, no SSH
    const text = new TextEncoder().encode('no route\0xyz');
    const { out } = capture([segment(true, 40000, 22, 1, 0, 0x004, text), segment(true, 40001, 22, 1, 0, 0x014, new Uint8Array(8))],
      ['tcp.reset_cause', 'tcp.payload', 'tcp.len', 'ssh', 'ssh.encrypted_packet']);
    expect(out[0]).toEqual({ status: 0, 'tcp.reset_cause': ['no route'], 'tcp.payload': [], 'tcp.len': ['12'], ssh: [], 'ssh.encrypted_packet': [] });
    expect(out[1]?.['tcp.reset_cause']).toEqual(['']);
    expect(out[1]?.ssh).toEqual([]);
  });

  it('stops at a data offset below 5 words after the sequence number', () => {
    const b = segment(true, 1, 2, 100, 0, PSH_ACK);
    b[46] = 0x40; // data offset 4 words
    const { out } = capture([b], ['tcp.len', 'tcp.seq', 'tcp.seq_raw', 'tcp.hdr_len', 'tcp.nxtseq', 'tcp.ack', 'tcp.flags']);
    const f = out[0] as (typeof out)[0];
    expect(f['tcp.len']).toEqual(['4']);
    expect(f['tcp.seq']).toEqual(['1']);
    expect(f['tcp.hdr_len']).toEqual(['16']);
    expect(f['tcp.nxtseq']).toEqual([]);
    expect(f['tcp.ack']).toEqual([]);
    // an error of Wireshark's Protocol group (tcp.bogus_header_length): not `_ws.malformed`
    expect(f.status & Status.ERROR).toBeTruthy();
    expect(f.status & Status.MALFORMED).toBe(0);
  });

  it('keeps the fields before every cut of a 20-byte header, never throwing', () => {
    const all = truncations(EIGHT_FLAGS, ETH_IP, 20, ['tcp.srcport', 'tcp.dstport', 'tcp.seq', 'tcp.flags', 'tcp.checksum', 'tcp.urgent_pointer']);
    all.forEach((f, k) => {
      expect(f['tcp.srcport']).toEqual(k >= 2 ? ['6260'] : []);
      expect(f['tcp.dstport']).toEqual(k >= 4 ? ['80'] : []);
      expect(f['tcp.seq']).toEqual(k >= 16 ? ['0'] : []);
      expect(f['tcp.checksum']).toEqual(k >= 18 ? ['0xf4c3'] : []);
      expect(f['tcp.urgent_pointer']).toEqual([]);
      expect(f.status & Status.TRUNCATED).toBeTruthy();
    });
  });

  it('parses options as Wireshark does: SACK edges relative, EOL padding, bad lengths', () => {
    const sack = segment(true, 13, 14, 1, 2, ACK, undefined, hex('6304aabb050a000000010000000501000000 0000'));
    const pad = segment(true, 15, 16, 1, 2, ACK, undefined, hex('00010204'));
    const shortLen = segment(true, 5, 6, 100, 0, PSH_ACK, undefined, hex('02010000'));
    const { out } = capture([sack, pad, shortLen], ['tcp.option_kind', 'tcp.options.sack_le', 'tcp.options.sack_re', 'tcp.options.unknown.payload', '_ws.expert']);
    expect(out[0]?.['tcp.option_kind']).toEqual(['99', '5', '1', '0', '0', '0', '0', '0']);
    expect(out[0]?.['tcp.options.sack_le']).toEqual(['0']);
    expect(out[0]?.['tcp.options.sack_re']).toEqual(['4']);
    expect(out[0]?.['tcp.options.unknown.payload']).toEqual(['aabb']);
    expect(out[1]?.['tcp.option_kind']).toEqual(['0']);
    expect(out[1]?.['_ws.expert']).toEqual(['Non-zero header padding']);
    expect(out[2]?.['tcp.option_kind']).toEqual([]);
    // (the option's short name, as tshark 4.0.17 writes it: test/fixtures/expert)
    expect(out[2]?.['_ws.expert']).toEqual(['Maximum segment size (with too-short option length = 1 byte)']);
  });
});

describe('TCP streams', () => {
  it('scales the window only when both SYNs carried Window Scale (RFC 7323)', () => {
    const ws = (s: number): Uint8Array => hex(`010303${s.toString(16).padStart(2, '0')}`);
    const frames = [
      segment(true, 1006, 80, 100, 0, SYN, undefined, ws(3)), segment(false, 80, 1006, 500, 101, SYN | ACK, undefined, ws(5)),
      segment(true, 1006, 80, 101, 501, ACK), segment(false, 80, 1006, 501, 101, ACK),
      segment(true, 1001, 80, 100, 0, SYN), segment(false, 80, 1001, 500, 101, SYN | ACK, undefined, ws(7)),
      segment(true, 1001, 80, 101, 501, ACK),
      segment(true, 1003, 80, 100, 0, SYN, undefined, ws(3)), segment(true, 1003, 80, 101, 501, ACK),
      segment(false, 80, 1003, 501, 101, ACK),
    ];
    const { out } = capture(frames, ['tcp.stream', 'tcp.window_size', 'tcp.window_size_scalefactor']);
    expect(out.map((f) => f['tcp.window_size_scalefactor']?.[0] ?? '')).toEqual(['', '', '8', '32', '', '', '-2', '', '8', '-1']);
    expect(out.map((f) => f['tcp.window_size']?.[0])).toEqual(['1000', '1000', '8000', '32000', '1000', '1000', '1000', '1000', '8000', '1000']);
    expect(out.map((f) => f['tcp.stream']?.[0])).toEqual(['0', '0', '0', '0', '1', '1', '1', '2', '2', '2']);
  });

  it('numbers relative sequence numbers from the first segment when the SYN was not seen', () => {
    const frames = [segment(true, 9, 10, 100, 777, 0x008, hex('616263')), segment(false, 10, 9, 5000, 103, ACK)];
    const { out } = capture(frames, ['tcp.seq', 'tcp.ack', 'tcp.nxtseq', '_ws.expert']);
    expect(out[0]?.['tcp.seq']).toEqual(['1']);
    // No ACK flag: the raw value, flagged.
    expect(out[0]?.['tcp.ack']).toEqual(['777']);
    expect(out[0]?.['_ws.expert']).toEqual(['The acknowledgment number field is nonzero while the ACK flag is not set']);
    expect(out[0]?.['tcp.nxtseq']).toEqual(['4']);
    expect(out[1]?.['tcp.seq']).toEqual(['1']);
    expect(out[1]?.['tcp.ack']).toEqual(['4']);
  });

  it('opens a new stream when a SYN reuses the ports with another sequence number', () => {
    const frames = [segment(true, 7, 8, 100, 0, SYN), segment(true, 7, 8, 100, 0, SYN), segment(true, 7, 8, 9000, 0, SYN)];
    const { d, out } = capture(frames, ['tcp.stream', 'tcp.seq']);
    expect(out.map((f) => f['tcp.stream']?.[0])).toEqual(['0', '0', '1']);
    expect(out[2]?.['tcp.seq']).toEqual(['0']);
    // A later pass finds the stream each frame belonged to.
    expect(again(d, frames, 2, ['tcp.stream'])['tcp.stream']).toEqual(['0']);
    expect(again(d, frames, 3, ['tcp.stream'])['tcp.stream']).toEqual(['1']);
  });

  it('numbers a direction again from a SYN/ACK that brings another ISN on the same stream', () => {
    // A handshake, the SYN/ACK again (same ISN: nothing changes), then a SYN/ACK with a new ISN and
    // data after it. tshark 4.0.17 on these frames written to a pcap (-T fields -e tcp.stream
    // -e tcp.flags -e tcp.seq -e tcp.ack -e tcp.nxtseq): the server's numbers restart at the new
    // SYN/ACK, the client's keep their base; still stream 0.
    const frames = [segment(true, 7, 8, 100, 0, SYN), segment(false, 8, 7, 5000, 101, SYN | ACK), segment(true, 7, 8, 101, 5001, ACK),
      segment(false, 8, 7, 5000, 101, SYN | ACK), segment(false, 8, 7, 9000, 101, SYN | ACK), segment(true, 7, 8, 101, 9001, ACK),
      segment(false, 8, 7, 9001, 101, PSH_ACK, hex('616263')), segment(true, 7, 8, 101, 9004, ACK)];
    const { out } = capture(frames, ['tcp.stream', 'tcp.flags', 'tcp.seq', 'tcp.ack', 'tcp.nxtseq']);
    const rows = out.map((f) => [f['tcp.stream'], f['tcp.flags'], f['tcp.seq'], f['tcp.ack'], f['tcp.nxtseq']].map((v) => v?.[0] ?? '').join(' '));
    expect(rows).toEqual([
      '0 0x0002 0 0 1',
      '0 0x0012 0 1 1',
      '0 0x0010 1 1 1',
      '0 0x0012 0 1 1',
      '0 0x0012 0 1 1',
      '0 0x0010 1 1 1',
      '0 0x0018 1 1 4',
      '0 0x0010 1 4 1',
    ]);
  });
});

describe('TCP reassembly of DNS messages', () => {
  const fields = ['tcp.len', 'tcp.pdu.size', 'tcp.segment_data', 'tcp.segment', 'tcp.segment.count', 'tcp.reassembled.length',
    'tcp.reassembled_in', 'dns.id', 'dns.qry.name'];

  it('shows a message split over two segments on the second, from the reassembled bytes', () => {
    const frames = [...handshake(40000),
      segment(true, 40000, 53, 1001, 5001, PSH_ACK, DNS_PDU_1.subarray(0, 10)),
      segment(true, 40000, 53, 1011, 5001, PSH_ACK, DNS_PDU_1.subarray(10))];
    const { d, out } = capture(frames, fields);
    expect(out[2]?.['tcp.segment_data']).toEqual(['00211111010000010000']);
    expect(out[2]?.['dns.id']).toEqual([]);
    expect(out[2]?.['tcp.reassembled_in']).toEqual([]);
    expect(out[3]?.['tcp.segment']).toEqual(['3', '4']);
    expect(out[3]?.['tcp.segment.count']).toEqual(['2']);
    expect(out[3]?.['tcp.reassembled.length']).toEqual(['35']);
    expect(out[3]?.['tcp.pdu.size']).toEqual(['35']);
    expect(out[3]?.['dns.id']).toEqual(['0x1111']);
    expect(out[3]?.['dns.qry.name']).toEqual(['www.example.com']);
    expect(out[3]?.status & Status.REASSEMBLED).toBeTruthy();
    // Later passes: the same fields on the last segment, and "reassembled in" on the first.
    expect(again(d, frames, 4, fields)).toEqual(out[3]);
    expect(again(d, frames, 3, fields)['tcp.reassembled_in']).toEqual(['4']);
  });

  it('handles two messages in one segment, and a message that ends a segment after another starts', () => {
    const frames = [...handshake(40001),
      segment(true, 40001, 53, 1001, 5001, PSH_ACK, concat(DNS_PDU_1, DNS_PDU_2.subarray(0, 5))),
      segment(true, 40001, 53, 1041, 5001, PSH_ACK, concat(DNS_PDU_2.subarray(5), DNS_PDU_1)),
      segment(true, 40001, 53, 1106, 5001, PSH_ACK, concat(DNS_PDU_2, DNS_PDU_1))];
    const { d, out } = capture(frames, fields);
    expect(out[2]?.['dns.id']).toEqual(['0x1111']);
    expect(out[2]?.['tcp.pdu.size']).toEqual(['35']);
    expect(out[2]?.['tcp.segment_data']).toEqual(['0021222201']);
    expect(out[3]?.['dns.id']).toEqual(['0x2222', '0x1111']);
    expect(out[3]?.['tcp.pdu.size']).toEqual(['35', '35']);
    expect(out[3]?.['tcp.segment']).toEqual(['3', '4']);
    expect(out[4]?.['dns.id']).toEqual(['0x2222', '0x1111']);
    expect(out[4]?.['tcp.segment']).toEqual([]);
    expect(again(d, frames, 4, fields)).toEqual(out[3]);
    expect(again(d, frames, 3, fields)['dns.id']).toEqual(['0x1111']);
  });

  it('waits for the length prefix itself when a segment carries one byte of it', () => {
    const frames = [...handshake(40002),
      segment(true, 40002, 53, 1001, 5001, PSH_ACK, DNS_PDU_1.subarray(0, 1)),
      segment(true, 40002, 53, 1002, 5001, PSH_ACK, DNS_PDU_1.subarray(1))];
    const { out } = capture(frames, fields);
    expect(out[2]?.['tcp.segment_data']).toEqual(['00']);
    expect(out[3]?.['tcp.segment']).toEqual(['3', '4']);
    expect(out[3]?.['dns.id']).toEqual(['0x1111']);
  });
});

describe('TCP retransmissions', () => {
  // pptp.pcap frames 9 and 14, as tshark 4.0.17 -V shows them: the analysis calls them
  // retransmissions, so desegment_tcp shows their bytes in TCP and gives them to no dissector
  // (frame.protocols eth:ethertype:ip:tcp, no Data layer, no "[TCP segment of a reassembled PDU]")
  it('show their bytes as "Retransmitted TCP segment data" and dissect them no further', async () => {
    const { openAsBlob } = await import('node:fs');
    const { join } = await import('node:path');
    const { CaptureSession } = await import('../../../workers/session.ts');
    const { CAPTURES } = await import('../../golden/corpus.ts');
    const s = new CaptureSession();
    await s.open([await openAsBlob(join(CAPTURES, 'pptp.pcap'))], ['pptp.pcap'], []);
    for (const [frame, len] of [[9, 156], [14, 32]] as const) {
      const tree = (await s.getDetails(frame)).tree;
      expect(tree.map((n) => n.label.split(',')[0])).toEqual(['Frame ' + frame + ': ' + (len + 54) + ' bytes on wire (' + (len + 54) * 8 + ' bits)', 'Ethernet II', 'Internet Protocol Version 4', 'Transmission Control Protocol']);
      const tcp = tree[3]?.children.map((n) => n.label) ?? [];
      expect(tcp.slice(-2)).toEqual([`TCP payload (${len} bytes)`, `Retransmitted TCP segment data (${len} bytes)`]);
      expect(tree[0]?.children.at(-1)?.label).toBe('[Protocols in frame: eth:ethertype:ip:tcp]');
    }
    const rows = await s.getRows(8, 1);
    expect([rows.protocol[0], rows.info[0]]).toEqual(['TCP', '[TCP Retransmission] 1723 → 3025 [PSH, ACK] Seq=1 Ack=157 Win=32120 Len=156']);
  });
});
