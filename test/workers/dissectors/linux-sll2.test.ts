// Linux cooked capture v2 (workers/dissectors/linux-sll2.ts): linux_dlt_sll2.pcap frames.

import { describe, expect, it } from 'vitest';
import { fieldByName } from '../../../workers/fields/registry.ts';
import { checkCuts, frame, hex } from './helpers.ts';

// linux_dlt_sll2.pcap frame 5: ARP request sent by us on interface 26.
const ARP = '080600000000001a000104068e360644acaf000000010800060400018e360644acafc0000201000000000000c0000202';

describe('Linux SLL2', () => {
  it('decodes linux_dlt_sll2.pcap frame 5 as tshark 4.0 does', () => {
    const f = frame(hex(ARP), 276);
    expect(f.protocols).toBe('frame:sll:arp');
    expect(f.v('sll.etype')).toBe('0x0806');
    expect(f.v('sll.ifindex')).toBe('26');
    expect(f.v('sll.hatype')).toBe('1');
    expect(f.v('sll.pkttype')).toBe('4');
    expect(f.v('sll.halen')).toBe('6');
    expect(f.v('sll.src.eth')).toBe('8e:36:06:44:ac:af');
    expect(f.v('sll.unused')).toBe('0000');
    expect(f.v('arp.opcode')).toBe('1');
    expect(f.v('arp.dst.proto_ipv4')).toBe('192.0.2.2');
  });

  it('shows the protocol first, as the v2 header lays it out', () => {
    const f = frame(hex(ARP), 276);
    const order = ['sll.etype', 'sll.ifindex', 'sll.hatype', 'sll.pkttype', 'sll.halen', 'sll.src.eth', 'sll.unused'];
    const at = order.map((n) => f.fl.find(fieldByName(n)?.id ?? -1));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('hands a Linux protocol type of 0x0004 to LLC', () => {
    const f = frame(hex('0004000000000005000104068e360644acaf0000' + '424203000000'), 276);
    expect(f.v('sll.ltype')).toBe('0x0004');
    expect(f.v('llc.dsap')).toBe('0x42');
  });

  it('never throws and keeps what it read at every cut of the header', () => {
    checkCuts(hex(ARP), 276, 0, 20, ['sll.etype', 'sll.ifindex', 'sll.hatype', 'sll.pkttype', 'sll.halen', 'sll.src.eth']);
  });
});
