// DHCPv6 (workers/dissectors/dhcpv6.ts) against dhcpv6-ia-na.pcap, with the values tshark 4.0 prints.

import { describe, expect, it } from 'vitest';
import { Status } from '../../../workers/dissectors/context.ts';
import { Time } from '../../../workers/fields/time.ts';
import { capture, dissect, filterValues, hex, truncations } from './helpers.ts';

// dhcpv6-ia-na.pcap frames 1 (Solicit) and 2 (Advertise with an IA Address and a DUID-LLT).
const SOLICIT =
  '33330001000200010203040586dd6c00000000381140fe80000000000000020102fffe030405ff02000000000000000000000001000202220223003811230190b45c0001000a0003000100010203040500060004001700180008000200000003000c0203040500000e1000001518';
const ADVERTISE =
  '00010203040500112233445586dd6000000000581140fe80000000000000021122fffe334455fe80000000000000020102fffe0304050223022200582b6f0290b45c000300280203040500000e1000001518000500182a0000010001020038e6b22ec440acdf0000119400001c200001000a000300010001020304050002000e000100011846488c001122334455';
const LLT_EDGES =
  '02000000000202000000000186dd6000000000301140fe800000000000000000000000000002fe800000000000000000000000000001022302220030f61f070000030001000e00010001000000000011223344550002000e00010001ffffffff00aabbccddee';
const UDP_END = 62;

describe('DHCPv6', () => {
  const fields = ['dhcpv6.msgtype', 'dhcpv6.xid', 'dhcpv6.option.type_str', 'dhcpv6.option.type', 'dhcpv6.option.length',
    'dhcpv6.duid.type', 'dhcpv6.duidll.link_layer_addr', 'dhcpv6.duidllt.time', 'dhcpv6.duidllt.link_layer_addr', 'dhcpv6.iaid',
    'dhcpv6.iaid.t1', 'dhcpv6.iaid.t2', 'dhcpv6.iaaddr.ip', 'dhcpv6.iaaddr.pref_lifetime', 'dhcpv6.requested_option_code', 'dhcpv6.elapsed_time'];

  it('decodes the Solicit and Advertise of dhcpv6-ia-na.pcap, nested options included', () => {
    const { out } = capture([SOLICIT, ADVERTISE], fields);
    const [s, a] = out as [(typeof out)[0], (typeof out)[0]];
    expect(s['dhcpv6.msgtype']).toEqual(['1']);
    expect(s['dhcpv6.xid']).toEqual(['0x90b45c']);
    expect(s['dhcpv6.option.type']).toEqual(['1', '6', '8', '3']);
    expect(s['dhcpv6.option.type_str']).toEqual(['Client Identifier', 'Option Request', 'Elapsed time',
      'Identity Association for Non-temporary Address']);
    expect(s['dhcpv6.duid.type']).toEqual(['3']);
    expect(s['dhcpv6.duidll.link_layer_addr']).toEqual(['00:01:02:03:04:05']);
    expect(s['dhcpv6.requested_option_code']).toEqual(['23', '24']);
    expect(s['dhcpv6.elapsed_time']).toEqual(['0']);
    expect(s['dhcpv6.iaid']).toEqual(['02030405']);
    expect(s['dhcpv6.iaid.t1']).toEqual(['3600']);
    expect(s['dhcpv6.iaid.t2']).toEqual(['5400']);
    expect(a['dhcpv6.option.type']).toEqual(['3', '5', '1', '2']);
    expect(a['dhcpv6.iaaddr.ip']).toEqual(['2a00:1:1:200:38e6:b22e:c440:acdf']);
    expect(a['dhcpv6.iaaddr.pref_lifetime']).toEqual(['4500']);
    expect(a['dhcpv6.duid.type']).toEqual(['3', '1']);
    expect(a['dhcpv6.duidllt.time']).toEqual(['Nov 26, 2012 15:34:36.000000000 UTC']);
    expect(a['dhcpv6.duidllt.link_layer_addr']).toEqual(['00:11:22:33:44:55']);
    expect(a.status & (Status.TRUNCATED | Status.MALFORMED)).toBe(0);
  });

  it('gives the DUID-LLT time its value, 2000-based in 32 bits as Wireshark adds it', () => {
    expect(filterValues(dissect(hex(ADVERTISE)).fl, 'dhcpv6.duidllt.time')).toEqual([new Time(1353944076, 0)]);
    // Hand-built Reply: client DUID-LLT time 0, server DUID-LLT time 0xffffffff (tshark 4.0.17's text).
    const r = dissect(hex(LLT_EDGES));
    expect(r.values('dhcpv6.duidllt.time')).toEqual(['Jan  1, 2000 00:00:00.000000000 UTC', 'Dec 31, 1999 23:59:59.000000000 UTC']);
    expect(r.values('dhcpv6.duidllt.link_layer_addr')).toEqual(['00:11:22:33:44:55', '00:aa:bb:cc:dd:ee']);
    expect(filterValues(r.fl, 'dhcpv6.duidllt.time')).toEqual([new Time(946684800, 0), new Time(946684799, 0)]);
  });

  it('keeps the fields before every cut of the 4-byte header, never throwing', () => {
    truncations(SOLICIT, UDP_END, 4, ['dhcpv6.msgtype', 'dhcpv6.xid']).forEach((f, k) => {
      expect(f['dhcpv6.msgtype']).toEqual(k >= 1 ? ['1'] : []);
      expect(f['dhcpv6.xid']).toEqual([]);
      expect(f.status & Status.TRUNCATED).toBeTruthy();
    });
  });
});
