// 802.1Q (vlan.ts), 802.1ad (ieee8021ad.ts) and VN-Tag (vntag.ts) on frames copied from corpus
// captures; expected values are what tshark 4.0 prints for them.

import { describe, expect, it } from 'vitest';
import { Status, checkCuts, frame, hex } from './helpers.ts';

// q-in-q.pcap frame 1: 0x8100 VLAN 13, then 0x8100 VLAN 10, then IPv4 / UDP (BACnet).
const Q_IN_Q = 'ffffffffffff00c0e4012ced8100000d8100000a08004500002e479600004011749eac133325ac13333fbac0bac0001ab9da810b00120120ffff00ff10080a1b591a1b59';
// vlan-pcp-dei.pcapng frame 1: PCP 7 DEI 0 VLAN 10, then PCP 5 DEI 1 VLAN 20, then IPv4 / TCP.
const PCP_DEI = 'ffffffffffff164bdf50b2938100e00a8100b014080045000028000100004006f652c0a80164c0a801c830390050000003e80000000050022000d6f40000';
// 802.1ad_QinQ.pcap frame 1: 0x88a8 S-tag 200, 0x8100 C-tag 2001, ARP; 64 bytes in all.
const QINQ_AD = 'ffffffffffff0020d25afb3f88a800c8810007d1080600010800060400010020d25afb3fac154f61000000000000ac154f640000000000000000000000000000';
// arp-too-long-tha.pcap frame 1 (fuzzed): 0x88a8 tag, ARP with 14-byte hardware addresses.
const ARP_TOO_LONG = '30303030303030303030303088a830300806303008000e0400013030303030303030303030303030303030303030303030303030303030303030303030303030';
// various_gre.pcap frame 2: VLAN 1213 carrying an 802.3 length (50): LLC SNAP, Cisco PVSTP+.
const VLAN_LLC = '01000ccccccdaabbcc000310810004bd0032aaaa0300000c010b000000000084bdaabbcc0003000000000084bdaabbcc00030080020000140002000f00000000000204bd';
// vntag.pcap frame 1, first 64 bytes: VN-Tag 0, VLAN 11, IPv4.
const VNTAG = '0000010200010000010100018926000000008100000b080045000064acb80000fffd08e101010101010102011b794b175fac06aba65841255f34e28cae99cd04';

describe('802.1Q', () => {
  it('gives two vlan.id occurrences for 0x8100 inside 0x8100 (q-in-q.pcap frame 1)', () => {
    const f = frame(hex(Q_IN_Q));
    expect(f.protocols.startsWith('frame:eth:vlan:vlan:ip:udp')).toBe(true);
    expect(f.v('eth.type')).toBe('0x8100');
    expect(f.v('vlan.id')).toBe('13,10');
    expect(f.v('vlan.etype')).toBe('0x8100,0x0800');
    expect(f.v('vlan.priority')).toBe('0,0');
    expect(f.v('vlan.dei')).toBe('0,0');
  });

  it('reads the priority code point and the DEI bit (vlan-pcp-dei.pcapng frame 1)', () => {
    const f = frame(hex(PCP_DEI));
    expect(f.v('vlan.priority')).toBe('7,5');
    expect(f.v('vlan.dei')).toBe('0,1');
    expect(f.v('vlan.id')).toBe('10,20');
    expect(f.labels('vlan.priority')).toEqual(['111. .... .... .... = Priority: Network Control (7)', '101. .... .... .... = Priority: Voice, < 10ms latency and jitter (5)']);
    expect(f.labels('vlan.dei')).toEqual(['...0 .... .... .... = DEI: Ineligible', '...1 .... .... .... = DEI: Eligible']);
    expect(f.labels('vlan.id')).toEqual(['.... 0000 0000 1010 = ID: 10', '.... 0000 0001 0100 = ID: 20']);
  });

  it('hands an 802.3 length to LLC and names it vlan.len (various_gre.pcap frame 2)', () => {
    const f = frame(hex(VLAN_LLC));
    expect(f.v('vlan.id')).toBe('1213');
    expect(f.v('vlan.len')).toBe('50');
    expect(f.v('vlan.etype')).toBe('');
    expect(f.v('llc.oui')).toBe('12');
    expect(f.v('llc.cisco_pid')).toBe('0x010b');
    expect(f.protocols).toBe('frame:eth:vlan:llc:stp');
  });

  it('stops after 20 nested tags, as Wireshark does', () => {
    const tag = '8100000a';
    const f = frame(hex('ffffffffffff00c0e4012ced' + tag.repeat(22) + '0800' + '00'.repeat(20)));
    expect(f.v('vlan.id').split(',').length).toBe(20);
    expect(f.protocols.split(':').filter((p) => p === 'vlan').length).toBe(21);
  });

  it('never throws and keeps what it read at every cut of the two tags', () => {
    checkCuts(hex(PCP_DEI), 1, 14, 22, ['vlan.priority', 'vlan.dei', 'vlan.id', 'vlan.etype']);
    const f = frame(hex(PCP_DEI).subarray(0, 16), 1, 62);
    expect(f.v('vlan.id')).toBe('10');
    expect(f.v('vlan.etype')).toBe('');
    expect(f.status & Status.TRUNCATED).not.toBe(0);
  });
});

describe('802.1ad', () => {
  it('shows an outer 0x88a8 tag as ieee8021ad, not vlan.id (802.1ad_QinQ.pcap frame 1)', () => {
    const f = frame(hex(QINQ_AD));
    expect(f.protocols).toBe('frame:eth:ieee8021ad:vlan:arp');
    expect(f.v('ieee8021ad.priority')).toBe('0');
    expect(f.v('ieee8021ad.dei')).toBe('0');
    expect(f.v('ieee8021ad.id')).toBe('200');
    expect(f.v('ieee8021ah.etype')).toBe('0x8100');
    expect(f.v('vlan.id')).toBe('2001');
    expect(f.v('arp.opcode')).toBe('1');
    // ARP ends at byte 50: zeros pad the frame to 60 (in the VLAN tree, as eth.padding), and
    // the 4 bytes after are the VLAN trailer (no FCS guess below Ethernet).
    expect(f.v('eth.padding')).toBe('00000000000000000000');
    expect(f.parentOf('eth.padding')).toBe('vlan');
    expect(f.v('vlan.trailer')).toBe('00000000');
    expect(f.v('eth.trailer') + f.v('eth.fcs')).toBe('');
  });

  it('decodes arp-too-long-tha.pcap (fuzzed): 14-byte addresses as bytes, a 2-byte 802.1ah trailer', () => {
    const f = frame(hex(ARP_TOO_LONG));
    expect(f.v('ieee8021ad.priority')).toBe('1');
    expect(f.v('ieee8021ad.dei')).toBe('1');
    expect(f.v('ieee8021ad.id')).toBe('48');
    expect(f.v('ieee8021ah.etype')).toBe('0x0806');
    expect(f.v('arp.hw.type')).toBe('12336');
    expect(f.v('arp.hw.size')).toBe('14');
    expect(f.v('arp.isgratuitous')).toBe('1');
    expect(f.v('arp.src.hw')).toBe('3030303030303030303030303030');
    expect(f.v('arp.src.hw_mac')).toBe('');
    expect(f.v('arp.dst.proto_ipv4')).toBe('48.48.48.48');
    expect(f.v('ieee8021ah.trailer')).toBe('3030');
    expect(f.status).toBe(0);
  });

  it('shows two 0x88a8 tags in a row as one item with S-VID and C-VID', () => {
    const f = frame(hex('ffffffffffff0020d25afb3f88a8' + '00c8' + '88a8' + '2064' + '0806' + QINQ_AD.slice(44)));
    expect(f.v('ieee8021ad.svid')).toBe('200');
    expect(f.v('ieee8021ad.cvid')).toBe('100');
    expect(f.v('ieee8021ad.priority')).toBe('0,1');
    expect(f.v('ieee8021ah.etype')).toBe('0x0806');
    expect(f.v('arp.opcode')).toBe('1');
  });

  it('never throws at any cut of the tag', () => {
    checkCuts(hex(QINQ_AD), 1, 14, 22, ['ieee8021ad.priority', 'ieee8021ad.id', 'ieee8021ah.etype', 'vlan.id']);
  });
});

describe('VN-Tag', () => {
  it('decodes vntag.pcap frame 1 (VN-Tag, then VLAN 11)', () => {
    const f = frame(hex(VNTAG), 1, 128);
    expect(f.v('eth.type')).toBe('0x8926');
    expect(f.v('vntag.dir')).toBe('0');
    expect(f.v('vntag.dst')).toBe('0');
    expect(f.v('vntag.src')).toBe('0');
    expect(f.v('vntag.etype')).toBe('0x8100');
    expect(f.v('vlan.id')).toBe('11');
    expect(f.v('vlan.etype')).toBe('0x0800');
  });

  it('never throws at any cut of the tag', () => {
    checkCuts(hex(VNTAG), 1, 14, 24, ['vntag.dir', 'vntag.src', 'vntag.etype', 'vlan.id']);
  });
});
