// Linux cooked capture v1 (workers/dissectors/linux-sll.ts): tcp-handshake-nano.pcap frame 1 and
// variations of its header checked against tshark 4.0.

import { describe, expect, it } from 'vitest';
import { checkCuts, frame, hex } from './helpers.ts';

const IP = '4500001400010000401100000102030405060708';
// tcp-handshake-nano.pcap frame 1: sent by us, ARPHRD_PPP (512), no address, IPv4 / TCP SYN.
const NANO = '000402000000000000000000000008004500003c29a940004006db5f839bd7458974515eb64000502f842acb00000000a0026a4050c40000020405500402080a436a03620000000001030307';

function sll(header: string, payload = IP): ReturnType<typeof frame> {
  return frame(hex(header + payload), 113);
}

describe('Linux SLL', () => {
  it('decodes tcp-handshake-nano.pcap frame 1 as tshark 4.0 does', () => {
    const f = frame(hex(NANO), 113);
    expect(f.protocols.startsWith('frame:sll:ip:tcp')).toBe(true);
    expect(f.v('sll.pkttype')).toBe('4');
    expect(f.v('sll.hatype')).toBe('512');
    expect(f.v('sll.halen')).toBe('0');
    expect(f.v('sll.unused')).toBe('0000000000000000');
    expect(f.v('sll.etype')).toBe('0x0800');
    expect(f.v('sll.src.eth') + f.v('sll.ltype')).toBe('');
    expect(f.labels('sll.pkttype')).toEqual(['Packet type: Sent by us (4)']);
    expect(f.labels('sll.hatype')).toEqual(['Link-layer address type: PPP (512)']);
    expect(f.v('ip.src')).toBe('131.155.215.69');
  });

  it('shows 4-, 6- and other-length source addresses as Wireshark does', () => {
    const v4 = sll('0000000100040a0b0c0d000000000800');
    expect([v4.v('sll.src.ipv4'), v4.v('sll.unused')]).toEqual(['10.11.12.13', '00000000']);
    const eth = sll('00000001000600112233445500000800');
    expect([eth.v('sll.src.eth'), eth.v('sll.unused')]).toEqual(['00:11:22:33:44:55', '0000']);
    const eight = sll('000000010008010203040506070808' + '00');
    expect([eight.v('sll.src.other'), eight.v('sll.unused')]).toEqual(['0102030405060708', '']);
    const ten = sll('00000001000a01020304050607080800');
    expect(ten.v('sll.src.other')).toBe('0102030405060708');
  });

  it('reads a protocol of 1536 or less as a Linux protocol type (0x0004: LLC, 0x0003: Ethernet)', () => {
    const llc = sll('00000001000600112233445500000004', '424203000000');
    expect(llc.v('sll.ltype')).toBe('0x0004');
    expect(llc.v('sll.etype')).toBe('');
    expect(llc.v('llc.dsap')).toBe('0x42');
    const eth = sll('00040001000600112233445500000003', 'ffffffffffff0011223344550800' + IP);
    expect(eth.v('sll.ltype')).toBe('0x0003');
    expect(eth.v('eth.type')).toBe('0x0800');
    expect(eth.v('ip.src')).toBe('1.2.3.4');
  });

  it('names the protocol a GRE type for ARPHRD_IPGRE (778)', () => {
    const f = sll('0000030a000400000000000000000800');
    expect(f.v('sll.hatype')).toBe('778');
    expect(f.v('sll.gretype')).toBe('0x0800');
    expect(f.v('sll.etype')).toBe('');
  });

  it('shows the bytes after the ARP packet as padding and trailer in the SLL tree', () => {
    const arp = '00010800060400018e360644acafc0000201000000000000c0000202';
    const f = sll('00000001000600112233445500000806', arp + '00'.repeat(16));
    expect(f.v('arp.opcode')).toBe('1');
    expect(f.v('eth.padding')).toBe('00'.repeat(16));
    expect(f.parentOf('eth.padding')).toBe('sll');
    const t = sll('00000001000600112233445500000806', arp + 'aabbccdd');
    expect(t.v('sll.trailer')).toBe('aabbccdd');
    expect(t.v('eth.padding')).toBe('');
  });

  it('never throws and keeps what it read at every cut of the header', () => {
    checkCuts(hex(NANO), 113, 0, 16, ['sll.pkttype', 'sll.hatype', 'sll.halen', 'sll.unused', 'sll.etype']);
  });
});
