// Time fields the dissectors print as tshark's text (a UTC date, "NULL", `s.nnnnnnnnn`) filter by
// their value, not as 0: icmp.data_time(_relative), dns.time, ntp.reftime / org / rec / xmt,
// dns.rrsig.signature_expiration / inception and dhcpv6.duidllt.time, through the session (index
// pass, shapes, re-dissection), against tshark 4.0.17's answers (`tshark -n -r FILE -Y FILTER -T
// fields -e frame.number`), recorded here as literal frame lists.
//
// Absolute times are compared with each other only: tshark 4.0 takes an absolute time literal as a
// date string ("2017-06-19 14:20:00") and rejects a number, while this engine takes a number (epoch
// seconds) and rejects the string, so no literal is read alike by both. Every list below would come
// out different if the field's value were 0 (the bug this guards against).

import { existsSync, openAsBlob } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaptureSession } from '../../../workers/session.ts';
import { CORPUS_CAPTURES } from './fixtures.ts';

type Case = readonly [filter: string, frames: readonly number[]];

/** The frame numbers `session` displays under `filter`. */
async function framesOf(session: CaptureSession, filter: string): Promise<number[]> {
  const res = await session.applyFilter(filter);
  expect(res.ok, `${filter}: ${res.error ?? ''}`).toBe(true);
  const win = await session.getRows(0, res.displayed);
  return Array.from(win.frame);
}

async function check(blob: Blob, name: string, cases: readonly Case[]): Promise<void> {
  const session = new CaptureSession();
  await session.open([blob], [name], []);
  for (const [filter, frames] of cases) expect(await framesOf(session, filter), `${name}: ${filter}`).toEqual(frames);
}

const CORPUS: Record<string, readonly Case[]> = {
  // icmp.data_time_relative: frame time minus the timeval in the echo data, often negative.
  'e1000g.pcap': [
    ['icmp.data_time_relative < 0', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]],
    ['icmp.data_time_relative < -3567.0446', [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]],
    ['icmp.data_time_relative > -3567.0446', [1, 2]],
    ['icmp.data_time_relative == -3567.044580', [2]],
  ],
  'vxlan.pcap': [
    ['icmp.data_time_relative < -35.16', [1, 5]],
    ['icmp.data_time_relative > -35.1', [4]],
    ['icmp.data_time_relative < 1', [1, 4, 5, 6, 7, 8, 9, 10]],
  ],
  'geneve.pcap': [
    ['icmp.data_time_relative < 1', [1, 2, 25, 26, 38, 39]],
    ['icmp.data_time_relative < 0.8173', [1, 25]],
    ['icmp.data_time_relative >= 0.817454', [2, 26, 39]],
  ],
  'ipoib.pcap': [['icmp.data_time_relative > 871.693', [1, 2, 3]]],
  'arcnet-rfc1051-arp-icmp-http.pcap': [
    ['icmp.data_time_relative > -7234.862', [3, 4]],
    ['icmp.data_time_relative < -7234.862 && icmp.data_time_relative > -7234.8625', [6]],
  ],
  // dns.time: response time minus query time.
  'edns-opts.pcap': [
    ['dns.time > 0', [2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34, 36, 38, 40, 42]],
    ['dns.time < 0.001', []],
    ['dns.time > 0.022', [2, 6, 8, 38]],
    ['dns.time < 0.0218', [22, 30, 36, 42]],
    ['dns.time == 0.021835', [34]],
  ],
  'dns-badcookie.pcap': [
    ['dns.time < 0.001', [2, 4]],
    ['dns.time < 0.00023', [4]],
  ],
  'pcapng-multi-interface.pcapng': [
    ['dns.time > 0.013961447', [4]],
    ['dns.time >= 0.013961447', [2, 4]],
    ['dns.time < 0.013', [6]],
  ],
  'dns_tcp.pcap': [['dns.time > 0.1', [6]]],
  // NTP timestamps: "NULL" is the epoch (reftime == org on the client's packets); frame 3's
  // receive time is in 2093 (era 1) and its transmit time in 1992: 3.2e9 s apart, which
  // Wireshark 4.0's nstime_cmp cuts to 32 bits, so rec < xmt there too, and NULL reftime > rec.
  'ntp.pcap': [
    ['ntp.xmt > ntp.org', [1, 2, 4, 5, 6, 7]],
    // len() of a time field is 0 in tshark 4.0, though ntp.xmt is 8 bytes of the packet
    ['len(ntp.xmt) == 0', [1, 2, 3, 4, 5, 6, 7, 8]],
    ['len(ntp.xmt) == 8', []],
    ['ntp.xmt < ntp.org', [3, 8]],
    ['ntp.rec < ntp.xmt', [1, 2, 3, 4, 5, 6, 7, 8]],
    ['ntp.reftime == ntp.org', [1, 5, 7]],
    ['ntp.reftime != ntp.org', [2, 3, 4, 6, 8]],
    ['ntp.reftime < ntp.rec', [2, 4, 6, 8]],
  ],
};

// Hand-built frames (no corpus capture has an RRSIG, or two DUID-LLTs in one message).
// DNS responses (Ethernet, IPv4, UDP 53) for example.com A with one RRSIG answer, expiration /
// inception: 1700000000 / 1690000000; 1600000000 / 1650000000; 0 / 0xffffffff (2106: 32-bit
// compare, so 0 is the later); 1234567890 / 1234567890.
const RRSIG = [
  '020000000002020000000001080045000068000100004011f64dc0000235c000020100359c4100543e32000181800001000100000000076578616d706c6503636f6d0000010001c00c002e000100000e1000230001080200000e106553f10064bb5a801234076578616d706c6503636f6d00deadbeef',
  '020000000002020000000001080045000068000100004011f64dc0000235c000020100359c4200549673000281800001000100000000076578616d706c6503636f6d0000010001c00c002e000100000e1000230001080200000e105f5e1000625900801234076578616d706c6503636f6d00deadbeef',
  '020000000002020000000001080045000068000100004011f64dc0000235c000020100359c430054ce43000381800001000100000000076578616d706c6503636f6d0000010001c00c002e000100000e1000230001080200000e1000000000ffffffff1234076578616d706c6503636f6d00deadbeef',
  '020000000002020000000001080045000068000100004011f64dc0000235c000020100359c440054fda8000481800001000100000000076578616d706c6503636f6d0000010001c00c002e000100000e1000230001080200000e10499602d2499602d21234076578616d706c6503636f6d00deadbeef',
];
// DHCPv6 Replies (Ethernet, IPv6, UDP 547 -> 546) with a Client and a Server Identifier, both
// DUID-LLT, times (seconds from 2000): 100000000 and 200000000; 300000000 twice; 0 and 0xffffffff
// (Dec 31, 1999 23:59:59: Wireshark adds 2000's epoch in 32 bits).
const DHCPV6 = [
  '02000000000202000000000186dd6000000000301140fe800000000000000000000000000002fe8000000000000000000000000000010223022200304140070000010001000e0001000105f5e1000011223344550002000e000100010bebc20000aabbccddee',
  '02000000000202000000000186dd6000000000301140fe800000000000000000000000000002fe8000000000000000000000000000010223022200308c5d070000020001000e0001000111e1a3000011223344550002000e0001000111e1a30000aabbccddee',
  '02000000000202000000000186dd6000000000301140fe800000000000000000000000000002fe800000000000000000000000000001022302220030f61f070000030001000e00010001000000000011223344550002000e00010001ffffffff00aabbccddee',
];

/** Ethernet frames as a little-endian pcap (microseconds), frame k at 1700000000 + k s. */
function pcap(frames: readonly string[]): Blob {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  const head = new DataView(new ArrayBuffer(24));
  [0xa1b2c3d4, 0x00040002, 0, 0, 65535, 1].forEach((v, k) => head.setUint32(k * 4, v, true));
  parts.push(new Uint8Array(head.buffer));
  frames.forEach((hex, k) => {
    const data = Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));
    const rec = new DataView(new ArrayBuffer(16));
    [1700000000 + k, 0, data.length, data.length].forEach((v, j) => rec.setUint32(j * 4, v, true));
    parts.push(new Uint8Array(rec.buffer), data);
  });
  return new Blob(parts);
}

describe('time fields filter by their value (tshark 4.0.17 -Y)', () => {
  for (const [name, cases] of Object.entries(CORPUS)) {
    it(name, async (ctx) => {
      const path = join(CORPUS_CAPTURES, name);
      if (!existsSync(path)) return ctx.skip();
      await check(await openAsBlob(path), name, cases);
    });
  }

  it('dns.rrsig.signature_expiration / signature_inception (hand-built responses)', async () => {
    await check(pcap(RRSIG), 'rrsig.pcap', [
      ['dns.rrsig.signature_expiration > dns.rrsig.signature_inception', [1, 3]],
      ['dns.rrsig.signature_expiration < dns.rrsig.signature_inception', [2]],
      ['dns.rrsig.signature_expiration == dns.rrsig.signature_inception', [4]],
      ['dns.rrsig.signature_expiration >= dns.rrsig.signature_inception', [1, 3, 4]],
    ]);
  });

  it('dhcpv6.duidllt.time (hand-built replies with two DUID-LLTs)', async () => {
    // With two occurrences, `a > a` holds when some occurrence is later than another.
    await check(pcap(DHCPV6), 'dhcpv6.pcap', [
      ['dhcpv6.duidllt.time > dhcpv6.duidllt.time', [1, 3]],
      ['dhcpv6.duidllt.time ~= dhcpv6.duidllt.time', [1, 3]],
      ['dhcpv6.duidllt.time == dhcpv6.duidllt.time', [1, 2, 3]],
    ]);
  });
});
