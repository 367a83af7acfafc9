// DHCP (workers/dissectors/dhcp.ts) against dhcp-rfc3004.pcap, with the values tshark 4.0 prints.

import { describe, expect, it } from 'vitest';
import { Status } from '../../../workers/dissectors/context.ts';
import { capture, truncations } from './helpers.ts';

// dhcp-rfc3004.pcap frames 1 (Discover with a User Class option) and 2 (Offer).
const DISCOVER =
  'ffffffffffff000c291f7406080045100148000000008011399600000000ffffffff004400430134818d0101060006e328640000000000000000000000000000000000000000000c291f7406' +
  '00'.repeat(202) + '638253633501013204c0a801043707011c02030f060c4d25077375626f707431117375626f7074322d3132333435363738390a7375626f7074332d3132ff0000';
const OFFER =
  '000c291f7406001018000000080045000134000000004011f663c0a80101c0a8010400430044012087f70201060006e328640000000000000000c0a801040000000000000000000c291f7406' +
  '00'.repeat(202) + '638253633501023604c0a801013304000151800104ffffff000304c0a801010604c0a801010f04486f6d65ff';
const UDP_END = 42;

describe('DHCP', () => {
  const fields = ['dhcp.type', 'dhcp.hw.type', 'dhcp.hw.len', 'dhcp.id', 'dhcp.flags', 'dhcp.flags.bc', 'dhcp.ip.client',
    'dhcp.ip.your', 'dhcp.hw.mac_addr', 'dhcp.hw.addr_padding', 'dhcp.server', 'dhcp.cookie', 'dhcp.option.type',
    'dhcp.option.length', 'dhcp.option.dhcp', 'dhcp.option.requested_ip_address', 'dhcp.option.request_list_item',
    'dhcp.option.user_class.length', 'dhcp.option.user_class.data', 'dhcp.option.end', 'dhcp.option.padding',
    'dhcp.option.ip_address_lease_time', 'dhcp.option.subnet_mask', 'dhcp.option.router', 'dhcp.option.domain_name'];

  it('decodes the Discover and Offer of dhcp-rfc3004.pcap', () => {
    const { out } = capture([DISCOVER, OFFER], fields);
    const [d, o] = out as [(typeof out)[0], (typeof out)[0]];
    expect(d['dhcp.type']).toEqual(['1']);
    expect(d['dhcp.hw.type']).toEqual(['0x01']);
    expect(d['dhcp.id']).toEqual(['0x06e32864']);
    expect(d['dhcp.flags']).toEqual(['0x0000']);
    expect(d['dhcp.flags.bc']).toEqual(['0']);
    expect(d['dhcp.hw.mac_addr']).toEqual(['00:0c:29:1f:74:06']);
    expect(d['dhcp.hw.addr_padding']).toEqual(['00000000000000000000']);
    expect(d['dhcp.server']).toEqual(['']);
    expect(d['dhcp.cookie']).toEqual(['99.130.83.99']);
    // tshark prints the End option's type as 0.
    expect(d['dhcp.option.type']).toEqual(['53', '50', '55', '77', '0']);
    expect(d['dhcp.option.dhcp']).toEqual(['1']);
    expect(d['dhcp.option.requested_ip_address']).toEqual(['192.168.1.4']);
    expect(d['dhcp.option.request_list_item']).toEqual(['1', '28', '2', '3', '15', '6', '12']);
    expect(d['dhcp.option.user_class.length']).toEqual(['7', '17', '10']);
    expect(d['dhcp.option.user_class.data']?.[0]).toBe('7375626f707431');
    expect(d['dhcp.option.end']).toEqual(['255']);
    expect(d['dhcp.option.padding']).toEqual(['0000']);
    expect(o['dhcp.type']).toEqual(['2']);
    expect(o['dhcp.ip.your']).toEqual(['192.168.1.4']);
    expect(o['dhcp.option.ip_address_lease_time']).toEqual(['86400']);
    expect(o['dhcp.option.subnet_mask']).toEqual(['255.255.255.0']);
    expect(o['dhcp.option.router']).toEqual(['192.168.1.1']);
    expect(o['dhcp.option.domain_name']).toEqual(['Home']);
    expect(o.status & (Status.TRUNCATED | Status.MALFORMED)).toBe(0);
  });

  it('keeps the fields before every cut of the fixed header, never throwing', () => {
    truncations(DISCOVER, UDP_END, 236, ['dhcp.type', 'dhcp.id', 'dhcp.hw.mac_addr', 'dhcp.cookie']).forEach((f, k) => {
      expect(f['dhcp.type']).toEqual(k >= 1 ? ['1'] : []);
      expect(f['dhcp.id']).toEqual(k >= 8 ? ['0x06e32864'] : []);
      expect(f['dhcp.hw.mac_addr']).toEqual(k >= 34 ? ['00:0c:29:1f:74:06'] : []);
      expect(f['dhcp.cookie']).toEqual([]);
      expect(f.status & Status.TRUNCATED).toBeTruthy();
    });
  });
});
