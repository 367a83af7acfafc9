// DNS (workers/dissectors/dns.ts, dns-name.ts, dns-rr.ts, dns-transactions.ts) against frames
// copied from corpus captures, with the values tshark 4.0 prints for them, and hostile names.

import { describe, expect, it } from 'vitest';
import { Status } from '../../../workers/dissectors/context.ts';
import { PacketDissector } from '../../../workers/dissect.ts';
import { Time } from '../../../workers/fields/time.ts';
import { again, capture, dissect, filterValues, hex, truncations } from './helpers.ts';

// dns_udp.pcap frames 1 and 2: a query for www.tcpdump.org and its response (A, NS, AAAA, OPT).
const QUERY =
  '00112233446600112233445508004500005459cd0000401194aec0a8010bd157f912abbe003500407824593401200001000000000001037777770774637064756d70036f72670000010001000029100000000000000c000a000842f5d00996f90b13';
const RESPONSE =
  '0011223344550011223344660800450000fc002d00008011ada6d157f912c0a8010b0035abbe00e8c454593485000001000200020005037777770774637064756d70036f72670000010001c00c000100010000003c0004c08b2e42c00c000100010000003c0004c6c75868c0100002000100015180001203736e7308636f6f7065726978036e657400c01000020001000151800012036e69630973616e64656c6d616e02636100c06b000100010000012c0004d157f912c06b001c00010000012c00102607f0b0000f000000000000babef00dc04d0001000100001c200004616b850fc04d001c000100001c20001026003c0300000000f03c91fffe96e8ef0000291000000000000000';
// edns-opts.pcap frames 5, 11, 12 and 17: EDNS client subnet, a client cookie, the server's
// reply with both cookies, and a CHAIN option.
const CSUBNET = '00024105644438d54714f5a108004500004fa64f00004011544bc0000001c0000002b4910035003bcd29a30b01200001000000000001076578616d706c6503636f6d0000010001000029100000000000000b0008000700011800c00002';
const COOKIE_Q = '00024105644438d54714f5a1080045000050a88c00004011520dc0000001c0000002b4910035003ccd2a761101200001000000000001076578616d706c6503636f6d0000010001000029100000000000000c000a0008a954d29208767b5c';
const COOKIE_R = '38d54714f5a1000241056444080045000070540800003011b671c0000002c00000010035b491005ca03e761185000001000100000001076578616d706c6503636f6d0000010001c00c000100010001518000045db8d822000029100000000000001c000a0018a954d29208767b5ccf75f75b5db0bf0575c9f2d76c962883';
const CHAIN = '00024105644438d54714f5a1080045000059a97400004011511cc0000001c0000002b49100350045cd33811e01200001000000000001076578616d706c6503636f6d00000100010000291000000080000015000d001103666f6f076578616d706c6503636f6d00';

// Hand-built (no corpus capture has an RRSIG); tshark 4.0.17 prints the values checked below.
const RRSIG =
  '020000000002020000000001080045000068000100004011f64dc0000235c000020100359c430054ce43000381800001000100000000076578616d706c6503636f6d0000010001c00c002e000100000e1000230001080200000e1000000000ffffffff1234076578616d706c6503636f6d00deadbeef';
const ETH_IP_UDP = 42;

/** A UDP frame from 10.0.0.1:port to 10.0.0.2:dport carrying `payload` (or back, when `back`). */
function udp(payload: Uint8Array, dport = 53, port = 1000, back = false): Uint8Array {
  const b = new Uint8Array(ETH_IP_UDP + payload.length);
  const v = new DataView(b.buffer);
  v.setUint16(12, 0x0800);
  v.setUint8(14, 0x45);
  v.setUint16(16, 28 + payload.length);
  v.setUint8(23, 17);
  b.set(back ? [10, 0, 0, 2, 10, 0, 0, 1] : [10, 0, 0, 1, 10, 0, 0, 2], 26);
  v.setUint16(34, port);
  v.setUint16(36, dport);
  v.setUint16(38, 8 + payload.length);
  b.set(payload, ETH_IP_UDP);
  return b;
}

/** A one-question query (type A, class IN) for the encoded name `name`. */
const query = (name: string, id = '0001'): Uint8Array => hex(`${id} 0100 0001 0000 0000 0000 ${name} 0001 0001`);

describe('DNS messages', () => {
  it('decodes dns_udp.pcap: the query, then the response matched to it', () => {
    const fields = ['dns.id', 'dns.flags', 'dns.flags.response', 'dns.flags.opcode', 'dns.flags.recdesired',
      'dns.flags.authenticated', 'dns.flags.authoritative', 'dns.flags.rcode', 'dns.count.queries', 'dns.count.answers',
      'dns.count.auth_rr', 'dns.count.add_rr', 'dns.qry.name', 'dns.qry.name.len', 'dns.count.labels', 'dns.qry.type',
      'dns.qry.class', 'dns.resp.name', 'dns.resp.type', 'dns.resp.class', 'dns.resp.ttl', 'dns.resp.len', 'dns.a',
      'dns.aaaa', 'dns.ns', 'dns.rr.udp_payload_size', 'dns.resp.ext_rcode', 'dns.resp.z.do', 'dns.opt.code',
      'dns.opt.cookie.client', 'dns.response_to', 'dns.response_in', 'dns.time', 'dns.unsolicited'];
    const { d, out } = capture([QUERY, RESPONSE], fields);
    const [q, r] = out as [(typeof out)[0], (typeof out)[0]];
    expect(q['dns.id']).toEqual(['0x5934']);
    expect(q['dns.flags']).toEqual(['0x0120']);
    expect(q['dns.flags.response']).toEqual(['0']);
    expect(q['dns.flags.authenticated']).toEqual(['1']);
    expect(q['dns.flags.authoritative']).toEqual([]);
    expect(q['dns.flags.rcode']).toEqual([]);
    expect(q['dns.count.add_rr']).toEqual(['1']);
    expect(q['dns.qry.name']).toEqual(['www.tcpdump.org']);
    expect(q['dns.qry.name.len']).toEqual(['15']);
    expect(q['dns.count.labels']).toEqual(['3']);
    expect(q['dns.qry.type']).toEqual(['1']);
    expect(q['dns.qry.class']).toEqual(['0x0001']);
    expect(q['dns.resp.name']).toEqual(['<Root>']);
    expect(q['dns.resp.type']).toEqual(['41']);
    expect(q['dns.rr.udp_payload_size']).toEqual(['4096']);
    expect(q['dns.resp.ext_rcode']).toEqual(['0x00']);
    expect(q['dns.opt.code']).toEqual(['10']);
    expect(q['dns.opt.cookie.client']).toEqual(['42f5d00996f90b13']);
    expect(q['dns.response_in']).toEqual([]);
    expect(r['dns.flags']).toEqual(['0x8500']);
    expect(r['dns.flags.authoritative']).toEqual(['1']);
    expect(r['dns.flags.rcode']).toEqual(['0']);
    expect(r['dns.count.answers']).toEqual(['2']);
    expect(r['dns.resp.name']).toEqual(['www.tcpdump.org', 'www.tcpdump.org', 'tcpdump.org', 'tcpdump.org',
      'nic.sandelman.ca', 'nic.sandelman.ca', 'sns.cooperix.net', 'sns.cooperix.net', '<Root>']);
    expect(r['dns.resp.type']).toEqual(['1', '1', '2', '2', '1', '28', '1', '28', '41']);
    expect(r['dns.resp.class']).toEqual(['0x0001', '0x0001', '0x0001', '0x0001', '0x0001', '0x0001', '0x0001', '0x0001']);
    expect(r['dns.resp.ttl']).toEqual(['60', '60', '86400', '86400', '300', '300', '7200', '7200']);
    expect(r['dns.a']).toEqual(['192.139.46.66', '198.199.88.104', '209.87.249.18', '97.107.133.15']);
    expect(r['dns.aaaa']).toEqual(['2607:f0b0:f::babe:f00d', '2600:3c03::f03c:91ff:fe96:e8ef']);
    expect(r['dns.ns']).toEqual(['sns.cooperix.net', 'nic.sandelman.ca']);
    expect(r['dns.response_to']).toEqual(['1']);
    expect(r['dns.time']).toEqual(['1.000000000']);
    expect(r['dns.unsolicited']).toEqual([]);
    // A later pass also knows where the query was answered.
    expect(again(d, [QUERY, RESPONSE], 1, fields)['dns.response_in']).toEqual(['2']);
    expect(again(d, [QUERY, RESPONSE], 2, fields)).toEqual(r);
  });

  it('gives dns.time its value: the response time minus the query time', () => {
    const d = new PacketDissector();
    dissect(hex(QUERY), { dissector: d, frameNo: 1, tsSec: 1000, tsNsec: 900000000 });
    const r = dissect(hex(RESPONSE), { dissector: d, frameNo: 2, tsSec: 1002, tsNsec: 150000000 });
    expect(r.values('dns.time')).toEqual(['1.250000000']);
    expect(filterValues(r.fl, 'dns.time')).toEqual([new Time(1, 250000000)]);
  });

  it('decodes an RRSIG, its times printed as tshark does and compared by their value', () => {
    // A response for example.com A with one RRSIG (type covered A, algorithm 8, 2 labels, TTL 3600,
    // expiration 0, inception 0xffffffff, key tag 0x1234, signer example.com, signature deadbeef).
    const r = dissect(hex(RRSIG));
    expect(r.values('dns.resp.type')).toEqual(['46']);
    expect(r.values('dns.rrsig.signature_expiration')).toEqual(['Jan  1, 1970 00:00:00.000000000 UTC']);
    expect(r.values('dns.rrsig.signature_inception')).toEqual(['Feb  7, 2106 06:28:15.000000000 UTC']);
    expect(r.values('dns.rrsig.key_tag')).toEqual(['4660']);
    expect(r.values('dns.rrsig.signers_name')).toEqual(['example.com']);
    expect(filterValues(r.fl, 'dns.rrsig.signature_expiration')).toEqual([new Time(0, 0)]);
    expect(filterValues(r.fl, 'dns.rrsig.signature_inception')).toEqual([new Time(4294967295, 0)]);
  });

  it('decodes the EDNS options of edns-opts.pcap', () => {
    const fields = ['dns.opt.code', 'dns.opt.len', 'dns.opt.data', 'dns.opt.client.family', 'dns.opt.client.netmask',
      'dns.opt.client.scope', 'dns.opt.client.addr4', 'dns.opt.cookie.client', 'dns.opt.cookie.server', 'dns.resp.z.do',
      'dns.opt.chain.fqdn', 'dns.response_to', 'dns.unsolicited'];
    const { out } = capture([CSUBNET, COOKIE_Q, COOKIE_R, CHAIN], fields);
    expect(out[0]?.['dns.opt.code']).toEqual(['8']);
    expect(out[0]?.['dns.opt.data']).toEqual(['00011800c00002']);
    expect(out[0]?.['dns.opt.client.family']).toEqual(['1']);
    expect(out[0]?.['dns.opt.client.netmask']).toEqual(['24']);
    expect(out[0]?.['dns.opt.client.scope']).toEqual(['0']);
    expect(out[0]?.['dns.opt.client.addr4']).toEqual(['192.0.2.0']);
    expect(out[1]?.['dns.opt.cookie.client']).toEqual(['a954d29208767b5c']);
    expect(out[1]?.['dns.opt.cookie.server']).toEqual(['<MISSING>']);
    expect(out[2]?.['dns.opt.cookie.server']).toEqual(['cf75f75b5db0bf0575c9f2d76c962883']);
    expect(out[2]?.['dns.response_to']).toEqual(['2']);
    expect(out[3]?.['dns.resp.z.do']).toEqual(['1']);
    expect(out[3]?.['dns.opt.chain.fqdn']).toEqual(['\x03foo\x07example\x03com']);
    expect(out[3]?.['dns.unsolicited']).toEqual([]);
  });

  it('flags an unanswered repeated query as a retransmission, and an unasked response', () => {
    const q = udp(query('03777777076578616d706c6503636f6d00', '4242'));
    const r = udp(hex('4242 8180 0000 0000 0000 0000'), 1000, 53, true);
    const { d, out } = capture([q, q, udp(hex('7777 8180 0000 0000 0000 0000'), 1000, 53, true), r, r],
      ['dns.retransmission', 'dns.retransmit_request_in', 'dns.retransmit_response_in', 'dns.unsolicited', 'dns.response_to', 'dns.response_in']);
    expect(out[1]?.['dns.retransmission']).toEqual(['1']);
    expect(out[1]?.['dns.retransmit_request_in']).toEqual(['1']);
    expect(out[2]?.['dns.unsolicited']).toEqual(['1']);
    expect(out[3]?.['dns.response_to']).toEqual(['1']);
    // A second response is a retransmission and, as in tshark, names no request.
    expect(out[4]?.['dns.retransmit_response_in']).toEqual(['4']);
    expect(out[4]?.['dns.response_to']).toEqual([]);
    expect(again(d, [q, q], 1, ['dns.response_in'])['dns.response_in']).toEqual(['4']);
    expect(again(d, [q, q], 2, ['dns.response_in'])['dns.response_in']).toEqual([]);
  });

  it('decodes multicast DNS on port 5353 with its QU and cache-flush bits', () => {
    const m = udp(hex('0000 8400 0001 0001 0000 0000 05686f737431056c6f63616c00 0001 8001 c00c 0001 8001 00000078 0004 c0a80001'), 5353, 5353);
    const { out } = capture([m], ['dns.qry.class', 'dns.qry.qu', 'dns.resp.class', 'dns.resp.cache_flush', 'dns.a', 'dns.qry.name']);
    expect(out[0]?.['dns.qry.name']).toEqual(['host1.local']);
    expect(out[0]?.['dns.qry.class']).toEqual(['0x0001']);
    expect(out[0]?.['dns.qry.qu']).toEqual(['1']);
    expect(out[0]?.['dns.resp.class']).toEqual(['0x0001']);
    expect(out[0]?.['dns.resp.cache_flush']).toEqual(['1']);
    expect(out[0]?.['dns.a']).toEqual(['192.168.0.1']);
  });
});

describe('DNS names', () => {
  const names = (encoded: string): { name: string[]; len: string[]; labels: string[]; status: number } => {
    const f = capture([udp(query(encoded))], ['dns.qry.name', 'dns.qry.name.len', 'dns.count.labels']).out[0] as Record<string, string[]> & { status: number };
    return { name: f['dns.qry.name'] as string[], len: f['dns.qry.name.len'] as string[], labels: f['dns.count.labels'] as string[], status: f.status };
  };

  it('prints names as tshark does: root, control characters, bytes that are not UTF-8', () => {
    expect(names('00')).toEqual({ name: ['<Root>'], len: ['6'], labels: ['1'], status: 0 });
    expect(names('0161 00').len).toEqual(['0']);
    expect(names('0161 00').labels).toEqual(['0']);
    expect(names('05612062 2e63 03785c79 00').name).toEqual(['a b.c.x\\y']);
    expect(names('03 01ff7f 00').name).toEqual(['\\001\ufffd\\177']);
    expect(names('07 0707090a0d1b5c 00').name).toEqual(['\\a\\a\\t\\n\\r\\033\\']);
    expect(names('03 c3a97a 00').name).toEqual(['éz']);
  });

  it('survives pointer loops and reserved label types', () => {
    expect(names('03616263 c00c').name).toEqual(['<Name contains a pointer that loops>']);
    expect(names('03616263 c00c').len).toEqual(['36']);
    expect(names('03616263 4000').name).toEqual(['<Unknown extended label>']);
    expect(names('03616263 8000').name).toEqual([]);
    expect(names('03616263 8000').status & Status.MALFORMED).toBeTruthy();
    expect(names('41 08aa 00').status & Status.MALFORMED).toBeTruthy();
    expect(names(`3f${'61'.repeat(63)}`.repeat(5) + '00').name).toEqual(['<Name too long>']);
  });

  it('stops without hanging on dns-zlip-1.pcap style pointer chains', () => {
    const f = capture([udp(hex('ed69 0000 0001 0000 0000 0000 c00c c007 c010 c017 c020 c027 c030 c0ff cf00 0000 0100 01'))],
      ['dns.id', 'dns.qry.name']).out[0] as Record<string, string[]> & { status: number };
    expect(f['dns.id']).toEqual(['0xed69']);
  });
});

describe('DNS truncation', () => {
  it('keeps the fields before every cut of the 12-byte header, never throwing', () => {
    truncations(QUERY, ETH_IP_UDP, 12, ['dns.id', 'dns.flags', 'dns.count.queries']).forEach((f) => {
      // Wireshark reads the whole header before adding any of it.
      expect(f['dns.id']).toEqual([]);
      expect(f.status & Status.TRUNCATED).toBeTruthy();
    });
  });

  it('keeps the records before a record cut by the capture', () => {
    // The second NS record (bytes 137-166 of the frame) is cut at 150.
    const cut = truncations(RESPONSE, 150, 1, ['dns.resp.name', 'dns.a', 'dns.ns'])[0] as Record<string, string[]> & { status: number };
    expect(cut['dns.a']).toEqual(['192.139.46.66', '198.199.88.104']);
    expect(cut['dns.ns']).toEqual(['sns.cooperix.net']);
    expect(cut.status & Status.TRUNCATED).toBeTruthy();
  });
});
