// ICMPv6 (workers/dissectors/icmpv6.ts, icmpv6-nd.ts, icmpv6-mld.ts) against bytes copied from
// corpus captures, with the values tshark 4.0 prints for them. Captures on BSD-null and SLL2
// links are used from their IPv6 header on, behind a made-up Ethernet header.

import { describe, expect, it } from 'vitest';
import { PacketDissector } from '../../../workers/dissect.ts';
import { Status } from '../../../workers/dissectors/context.ts';
import { dissect, hex, type Dissected } from './helpers.ts';

const ETH = '000000000000000102030405' + '86dd';
// icmpv6.pcap frame 1: Router Advertisement with prefix, RDNSS, DNSSL, MTU, SLLA, interval, HA options.
const RA =
  '333300000001b09928c8d66c86dd6000000000b03afffe80000000000000b29928fffec8d66cff020000000000000000000000000001860024014020000f' +
  '0000000000000000030448c000278d0000093a8000000000222233334444555566000000000000001905000000000005abcd000000000000000000000000' +
  'efef123456780000000000000000000000011f07000000000005076578616d706c6503636f6d00076578616d706c65036f72670004646f6d3104646f6d32' +
  '03746c64000000000000000005010000000000640101b09928c8d66c070100000000138808010000c351000f';
// icmpv6.pcap frames 2 and 3: MLDv2 report and MLDv2 query (behind a Hop-by-Hop Router Alert).
const MLDV2_REPORT =
  '333300000016001517cce54686dd6000000000240001fe80000000000000021517fffecce546ff0200000000000000000000000000163a00050200000100' +
  '8f001fc50000000104000000ff0200000000000000000db811223344';
const MLDV2_QUERY =
  '333300000001b0a86e0cd4e886dd6000000000240001fe80000000000000b2a86efffe0cd4e8ff0200000000000000000000000000013a00050200000100' +
  '8200623a2710000000000000000000000000000000000000023c0000';
// icmpv6-ra-pref64.pcap frame 2: a PREF64 option with an unknown prefix length code.
const PREF64_BAD_PLC =
  '333300000001e21581b4b94586dd6009fc7200483afffe80000000000000e01581fffeb4b945ff02000000000000000000000000000186000edb504001f4' +
  '00000000000000000101e21581b4b9450304408000000e10000007080000000020010db800cc00dd00000000000000002602070e20010db800000064ff9b0000';
// icmpv6-RFC2894-RR.pcap frame 1 (BSD null): Router Renumbering command.
const RR =
  ETH + '6000000000483a4020010db8000100000a0027fffef44dcf20010db8000100000a0027fffef44dcf8a00df3a000000000010000000000000010700' +
  '3000800000fec000000000000000000000000000003010000000278d0000093a80000000003ffe0501fffe00000000000000000000';
// icmp6-destunreach-ip6ext-udp.pcap frame 1: unreachable quoting IPv6 + Hop-by-Hop + UDP.
const UNREACH =
  'ffffffffffff00000000000086dd6000000000443a40fe80000000000000000000000000deadfe80000000000000000000000000beef0100f1a60000000060' +
  '00000000140040fe80000000000000000000000000beeffe80000000000000000000000000dead1100010400000000753032c8000c0c8e58585858';
// icmpv6-rfc7112.pcap frame 1: parameter problem quoting a first fragment.
const RFC7112 =
  'ac1f6b469eda00a09815ece786dd6000000000483a40200106300042011002a098fffe15ece72001063000420110ae1f6bfffe469eda0403994c00000030' +
  '6000000000182c402001063000420110ae1f6bfffe469eda200106300042011002a098fffe15ece7290000010000d6b16227605c7830305c7830305c7830305c';
// linux_dlt_sll2.pcap frames 3 and 4 (SLL2): echo request and reply.
const ECHO_DATA = 'f8bdf96200000000ab59010000000000101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f3031323334353637';
const LO = 'fe800000000000008c3606fffe44acaf';
const ECHO_REQUEST = ETH + '6005c2e400403a40' + LO + LO + '8000a8d700090001' + ECHO_DATA;
const ECHO_REPLY = ETH + '600cc1bb00403a40' + LO + LO + '8100a7d700090001' + ECHO_DATA;

describe('ICMPv6', () => {
  it('decodes a Router Advertisement and its options (icmpv6.pcap frame 1)', () => {
    const d = dissect(hex(RA));
    expect(d.values('icmpv6.type')).toEqual(['134']);
    expect(d.values('icmpv6.checksum')).toEqual(['0x2401']);
    expect(d.values('icmpv6.checksum.status')).toEqual(['1']);
    expect(d.values('icmpv6.nd.ra.cur_hop_limit')).toEqual(['64']);
    expect(d.values('icmpv6.nd.ra.flag')).toEqual(['0x20']);
    expect(d.values('icmpv6.nd.ra.flag.h')).toEqual(['1']);
    expect(d.values('icmpv6.nd.ra.router_lifetime')).toEqual(['15']);
    expect(d.values('icmpv6.opt')).toEqual(['1', '1', '1', '1', '1', '1', '1']);
    expect(d.values('icmpv6.opt.type')).toEqual(['3', '25', '31', '5', '1', '7', '8']);
    expect(d.values('icmpv6.opt.length')).toEqual(['4', '5', '7', '1', '1', '1', '1']);
    expect(d.values('icmpv6.opt.prefix.length')).toEqual(['72']);
    expect(d.values('icmpv6.opt.prefix.flag')).toEqual(['0xc0']);
    expect(d.values('icmpv6.opt.prefix.valid_lifetime')).toEqual(['2592000']);
    expect(d.values('icmpv6.opt.prefix')).toEqual(['2222:3333:4444:5555:6600::']);
    expect(d.values('icmpv6.opt.rdnss')).toEqual(['abcd::efef', '1234:5678::1']);
    expect(d.values('icmpv6.opt.dnssl')).toEqual(['example.com', 'example.org', 'dom1.dom2.tld']);
    expect(d.values('icmpv6.opt.padding')).toEqual(['1']);
    expect(d.values('icmpv6.opt.mtu')).toEqual(['100']);
    expect(d.values('icmpv6.opt.linkaddr')).toEqual(['b0:99:28:c8:d6:6c']);
    expect(d.values('icmpv6.opt.src_linkaddr')).toEqual(['b0:99:28:c8:d6:6c']);
    expect(d.values('icmpv6.opt.advertisement_interval')).toEqual(['5000']);
    expect(d.values('icmpv6.opt.home_agent_preference')).toEqual(['50001']);
    expect(d.values('icmpv6.opt.home_agent_lifetime')).toEqual(['15']);
    expect(d.status & (Status.TRUNCATED | Status.MALFORMED)).toBe(0);
  });

  it('flags a PREF64 option with an unknown prefix length code', () => {
    const d = dissect(hex(PREF64_BAD_PLC));
    expect(d.values('icmpv6.opt.pref64.scaled_lifetime')).toEqual(['225']);
    expect(d.values('icmpv6.opt.pref64.plc')).toEqual(['0x0006']);
    expect(d.values('icmpv6.opt.pref64.prefix')).toEqual([]);
    expect(d.values('icmpv6.invalid_option_length')).toEqual(['1']);
  });

  it('decodes MLDv2 reports and queries', () => {
    const r = dissect(hex(MLDV2_REPORT));
    expect(r.values('ipv6.opt.router_alert')).toEqual(['0']);
    expect(r.values('icmpv6.mldr.nb_mcast_records')).toEqual(['1']);
    expect(r.values('icmpv6.mldr.mar.record_type')).toEqual(['4']);
    expect(r.values('icmpv6.mldr.mar.multicast_address')).toEqual(['ff02::db8:1122:3344']);
    const q = dissect(hex(MLDV2_QUERY));
    expect(q.values('icmpv6.mld.maximum_response_code')).toEqual(['10000']);
    expect(q.values('icmpv6.mld.multicast_address')).toEqual(['::']);
    expect(q.values('icmpv6.mld.flag')).toEqual(['0x02']);
    expect(q.values('icmpv6.mld.flag.qrv')).toEqual(['2']);
    expect(q.values('icmpv6.mld.qqi')).toEqual(['60']);
    expect(q.values('icmpv6.mld.nb_sources')).toEqual(['0']);
  });

  it('decodes a Router Renumbering command', () => {
    const d = dissect(hex(RR));
    expect(d.values('icmpv6.rr.flag')).toEqual(['0x10']);
    expect(d.values('icmpv6.rr.pco.mp.opcode')).toEqual(['1']);
    expect(d.values('icmpv6.rr.pco.mp.matchprefix')).toEqual(['fec0::']);
    expect(d.values('icmpv6.rr.pco.up.validlifetime')).toEqual(['2592000']);
    expect(d.values('icmpv6.rr.pco.up.flagmask.l')).toEqual(['0', '0']);
    expect(d.values('icmpv6.rr.pco.up.useprefix')).toEqual(['3ffe:501:fffe::']);
    expect(d.values('icmpv6.reserved')).toEqual(['00000000', '0000']);
  });

  it('dissects the packet quoted by an error as one more IPv6 layer', () => {
    const d = dissect(hex(UNREACH));
    expect(d.values('icmpv6.type')).toEqual(['1']);
    expect(d.values('icmpv6.checksum.status')).toEqual(['1']);
    expect(d.values('ipv6.src')).toEqual(['fe80::dead', 'fe80::beef']);
    expect(d.values('ipv6.hopopts.nxt')).toEqual(['17']);
    expect(d.values('udp.dstport')).toEqual(['13000']);
    const f = dissect(hex(RFC7112));
    expect(f.values('icmpv6.pointer')).toEqual(['48']);
    expect(f.values('ipv6.fraghdr.more')).toEqual(['1']);
    expect(f.values('ipv6.fraghdr.ident')).toEqual(['0x0000d6b1']);
    expect(f.values('data.len')).toEqual(['16']);
  });

  it('matches an echo reply to its request', () => {
    const d = new PacketDissector();
    const req = dissect(hex(ECHO_REQUEST), { dissector: d, frameNo: 1, tsSec: 1660534264, tsNsec: 88564000 });
    expect(req.values('icmpv6.echo.identifier')).toEqual(['0x0009']);
    const rep = (): Dissected => dissect(hex(ECHO_REPLY), { dissector: d, frameNo: 2, tsSec: 1660534264, tsNsec: 88594000 });
    expect(rep().values('icmpv6.resp_to')).toEqual(['1']);
    expect(rep().values('icmpv6.resptime')).toEqual(['0.03']);
  });

  it('keeps the fields before the cut for every length below the header', () => {
    const full = hex(ECHO_REQUEST);
    const at = 14 + 40;
    for (let cut = 0; cut < 4; cut++) {
      const d = dissect(full.slice(0, at + cut), { origLen: full.length });
      expect(d.values('icmpv6.type').length).toBe(cut >= 1 ? 1 : 0);
      expect(d.values('icmpv6.code').length).toBe(cut >= 2 ? 1 : 0);
      expect(d.values('icmpv6.checksum').length).toBe(0);
      expect(d.status & Status.TRUNCATED).toBeTruthy();
    }
  });
});
