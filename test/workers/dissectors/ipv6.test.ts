// IPv6 and its extension headers (workers/dissectors/ipv6.ts, ipv6-options.ts, ipv6-routing.ts)
// against bytes copied from corpus captures, with the values tshark 4.0 prints for them.

import { describe, expect, it } from 'vitest';
import { Status } from '../../../workers/dissectors/context.ts';
import { dissect, hex } from './helpers.ts';

// ipv6-hbh-routing0.pcap frame 1: Hop-by-Hop (PadN), Routing type 0 with two addresses, UDP.
const HBH_RT0 =
  'ffffffffffff00000000000086dd60000000003b0040200104f80004000702e081fffe52ffff200104f80004000702e081fffe529a6b' +
  '2b000104000000001104000200000000200100780001003200000000000000012001007800010032000000000000000200350035000b8631585858';
// ipv6-bad-version.pcap frame 2: EtherType IPv6, version 0.
const BAD_VERSION =
  '33330000000124843feb3cee86dd0000000000203afffe80000000000000020c29fffe766c14ff0200000000000000000000000000018800ab1300000000' +
  'fe80000000000000020c29fffe766c14020124843feb3cee';
// ipv6-srh-ext-header.pcap frame 1: Segment Routing header, then IPv6 in IPv6 and ICMPv6.
const SRH =
  '080027206bcf080027c22da586dd600889ad00902b40000a000b000c00120000000000000001000a000b000c00020000000000f1000029040401' +
  '01000000000a000b000c000300000000000000d6000a000b000c00020000000000f10000600889ad00403a40000a000b000c00120000000000000001' +
  '00b200000000000000000000000000028000635e06ee000103c5475a000000000a5e000000000000101112131415161718191a1b1c1d1e1f20212223' +
  '2425262728292a2b2c2d2e2f3031323334353637';
// ipv6-mobility-dst-opts.pcap frame 3: Destination Options with PadN and a Home Address option
// of length 1 (Wireshark flags it and reads the 16-byte address anyway).
const HOME_ADDRESS =
  'ffffffffffff00000000000086dd6000000000243c40200104f80004000702e081fffe52ffff200104f80004000702e081fffe529a6b' +
  '110201020000c90120010078000100320000000000000001753032c8000c43de58585858';
// Hand-made: Teredo source, ISATAP destination / RFC 6052 source, 6to4 destination.
const TEREDO = '00112233445566778899aabb86dd6000000000003b40200100004136e378800063bf3ffffdd2fe8000000000000002005efec000022b';
const EMBEDDED = '00112233445566778899aabb86dd6000000000003b400064ff9b0000000000000000c00002212002c000022100050000000000000001';

/** A chain of `n` extension headers (Hop-by-Hop, then Routing, Fragment, Destination Options
 *  repeated, as in ipv6_ext_headers.pcap) before a UDP datagram. */
function chain(n: number): Uint8Array {
  const kind = (i: number): number => (i === 0 ? 0 : ([43, 44, 60][(i - 1) % 3] as number));
  let payload = '';
  for (let i = 0; i < n; i++) {
    const nx = (i + 1 < n ? kind(i + 1) : 17).toString(16).padStart(2, '0');
    const k = kind(i);
    if (k === 43) payload += `${nx}00000000000000`; // type 0, no addresses, Segments Left 0
    else if (k === 44) payload += `${nx}00000000000001`; // an atomic fragment
    else payload += `${nx}00010400000000`; // PadN
  }
  payload += '3039d431000a00005454';
  const plen = (payload.length / 2).toString(16).padStart(4, '0');
  return hex(`00112233445566778899aabb86dd60000000${plen}0040${'20010db8000000000000000000000001'}${'20010db8000000000000000000000002'}${payload}`);
}

describe('IPv6', () => {
  it('decodes Hop-by-Hop and a type 0 Routing header (ipv6-hbh-routing0.pcap)', () => {
    const d = dissect(hex(HBH_RT0));
    expect(d.values('ipv6.version')).toEqual(['6']);
    expect(d.values('ip.version')).toEqual(['6']);
    expect(d.hidden('ip.version')).toBe(true);
    expect(d.values('ipv6.tclass')).toEqual(['0x00000000']);
    expect(d.values('ipv6.flow')).toEqual(['0x000000']);
    expect(d.values('ipv6.plen')).toEqual(['59']);
    expect(d.values('ipv6.nxt')).toEqual(['0']);
    expect(d.values('ipv6.hlim')).toEqual(['64']);
    expect(d.values('ipv6.src')).toEqual(['2001:4f8:4:7:2e0:81ff:fe52:ffff']);
    expect(d.values('ipv6.dst_slaac_mac')).toEqual(['00:e0:81:52:9a:6b']);
    expect(d.values('ipv6.slaac_mac')).toEqual(['00:e0:81:52:ff:ff', '00:e0:81:52:9a:6b']);
    expect(d.values('ipv6.hopopts.nxt')).toEqual(['43']);
    expect(d.values('ipv6.hopopts.len')).toEqual(['0']);
    expect(d.values('ipv6.hopopts.len_oct')).toEqual(['8']);
    expect(d.values('ipv6.opt')).toEqual(['1']);
    expect(d.values('ipv6.opt.type')).toEqual(['0x01']);
    expect(d.values('ipv6.opt.padn')).toEqual(['00000000']);
    expect(d.values('ipv6.routing.type')).toEqual(['0']);
    expect(d.values('ipv6.routing.segleft')).toEqual(['2']);
    expect(d.values('ipv6.routing.src.reserved')).toEqual(['00000000']);
    expect(d.values('ipv6.routing.src.addr')).toEqual(['2001:78:1:32::1', '2001:78:1:32::2']);
    expect(d.values('ipv6.routing.deprecated')).toEqual(['1']);
    expect(d.values('udp.srcport')).toEqual(['53']);
    expect(d.layers.slice(0, 5)).toEqual(['eth', 'ipv6', 'ipv6.hopopts', 'ipv6.routing', 'udp']);
  });

  it('leaves a packet whose version is not 6 to data (ipv6-bad-version.pcap frame 2)', () => {
    const d = dissect(hex(BAD_VERSION));
    expect(d.values('ipv6.version')).toEqual(['0']);
    expect(d.values('ipv6.bogus_ipv6_version')).toEqual(['1']);
    expect(d.values('ipv6.src')).toEqual([]);
    expect(d.values('data.len')).toEqual(['72']);
    expect(d.status & Status.MALFORMED).toBeTruthy();
  });

  it('decodes a Segment Routing header and the IPv6 inside it', () => {
    const d = dissect(hex(SRH));
    expect(d.values('ipv6.routing.type')).toEqual(['4']);
    expect(d.values('ipv6.routing.srh.last_entry')).toEqual(['1']);
    expect(d.values('ipv6.routing.srh.tag')).toEqual(['0000']);
    expect(d.values('ipv6.routing.srh.addr')).toEqual(['a:b:c:3::d6', 'a:b:c:2::f1:0']);
    expect(d.values('ipv6.src')).toEqual(['a:b:c:12::1', 'a:b:c:12::1']);
    expect(d.values('icmpv6.type')).toEqual(['128']);
    expect(d.values('icmpv6.checksum.status')).toEqual(['1']);
  });

  it('flags a Home Address option with a bad length and still reads the address', () => {
    const d = dissect(hex(HOME_ADDRESS));
    expect(d.values('ipv6.opt.length')).toEqual(['2', '1']);
    expect(d.values('ipv6.opt.invalid_len')).toEqual(['1']);
    expect(d.values('ipv6.opt.mipv6.home_address')).toEqual(['2001:78:1:32::1']);
    expect(d.values('udp.srcport')).toEqual(['30000']);
  });

  it('derives Teredo, ISATAP, RFC 6052 and 6to4 addresses as Wireshark does', () => {
    const t = dissect(hex(TEREDO));
    expect(t.values('ipv6.src_ts_ipv4')).toEqual(['65.54.227.120']);
    expect(t.values('ipv6.src_tc_port')).toEqual(['40000']);
    expect(t.values('ipv6.src_tc_ipv4')).toEqual(['192.0.2.45']);
    expect(t.values('ipv6.tc_ipv4')).toEqual(['192.0.2.45']);
    expect(t.values('ipv6.dst_isatap_ipv4')).toEqual(['192.0.2.43']);
    const e = dissect(hex(EMBEDDED));
    expect(e.values('ipv6.src_embed_ipv4')).toEqual(['192.0.2.33']);
    expect(e.values('ipv6.embed_ipv4_prefix')).toEqual(['0064ff9b0000000000000000']);
    expect(e.values('ipv6.dst_6to4_gw_ipv4')).toEqual(['192.0.2.33']);
    expect(e.values('ipv6.dst_6to4_sla_id')).toEqual(['5']);
    expect(e.values('data.len')).toEqual([]);
  });

  it('walks a chain of 100 extension headers without running out of depth', () => {
    const d = dissect(chain(100));
    expect(d.values('ipv6.hopopts.nxt').length).toBe(1);
    expect(d.values('ipv6.routing.nxt').length + d.values('ipv6.fraghdr.nxt').length + d.values('ipv6.dstopts.nxt').length).toBe(99);
    expect(d.values('udp.srcport')).toEqual(['12345']);
    expect(d.status & (Status.MALFORMED | Status.TRUNCATED | Status.FRAGMENT)).toBe(0);
  });

  it('keeps the fields before the cut for every length below the header', () => {
    const full = hex(HBH_RT0);
    const order = ['ipv6.version', 'ipv6.tclass', 'ipv6.plen', 'ipv6.nxt', 'ipv6.hlim', 'ipv6.src', 'ipv6.dst'];
    const needs = [1, 4, 6, 7, 8, 24, 40];
    for (let cut = 0; cut < 40; cut++) {
      const d = dissect(full.slice(0, 14 + cut), { origLen: full.length });
      order.forEach((name, k) => expect(d.values(name).length, `${name} at cut ${cut}`).toBe(cut >= (needs[k] as number) ? 1 : 0));
      expect(d.status & Status.TRUNCATED).toBeTruthy();
    }
  });
});
