// The frame pseudo-protocol's link-type handling (workers/dissectors/frame.ts, link-names.ts):
// frame.encap_type holds Wireshark's encapsulation number, and a link type nobody dissects is data.

import { describe, expect, it } from 'vitest';
import { PacketDissector } from '../../../workers/dissect.ts';
import { fieldByName } from '../../../workers/fields/registry.ts';
import { RecordKind } from '../../../workers/formats/record.ts';
import { frame, hex } from './helpers.ts';

// arp-who-has.pcap frame 1.
const ARP = 'ffffffffffff7831c1c63fc2080600010800060400017831c1c63fc20a0000020000000000000a000001';
// dsa.pcap frame 7 (LINKTYPE_DSA_TAG_DSA, 284), which tshark 4.0 cannot open: first 16 bytes.
const DSA = 'd6c528213eaf0050b6291070c00a0000';

describe('frame', () => {
  it('gives the Wireshark encapsulation number and name, not the LINKTYPE', () => {
    const eth = frame(hex(ARP));
    expect(eth.v('frame.encap_type')).toBe('1');
    expect(eth.labels('frame.encap_type')).toEqual(['Encapsulation type: Ethernet (1)']);
    const sll = frame(hex('00040200000000000000000000000800' + '4500001400010000401100000102030405060708'), 113);
    expect(sll.v('frame.encap_type')).toBe('25');
    expect(sll.labels('frame.encap_type')).toEqual(['Encapsulation type: Linux cooked-mode capture v1 (25)']);
    expect(frame(hex('00'), 276).labels('frame.encap_type')).toEqual(['Encapsulation type: Linux cooked-mode capture v2 (210)']);
    expect(frame(hex('00'), 228).v('frame.encap_type')).toBe('129');
  });

  it('shows a link type it does not dissect as data, naming it, never as an error (dsa.pcap)', () => {
    const f = frame(hex(DSA), 284);
    expect(f.protocols).toBe('frame:data');
    expect(f.v('frame.encap_type')).toBe('0');
    expect(f.labels('frame.encap_type')).toEqual(['Encapsulation type: Unknown (0)']);
    expect(f.labels('_ws.text')).toEqual(['Link type DSA_TAG_DSA (284) is not dissected']);
    expect(f.parentOf('_ws.text')).toBe('frame');
    expect(f.v('data.len')).toBe('16');
    expect(f.status).toBe(0);
  });

  it('names even link types Wireshark knows but nobody here dissects', () => {
    const f = frame(hex(DSA), 274);
    expect(f.v('frame.encap_type')).toBe('198');
    expect(f.labels('frame.encap_type')).toEqual(['Encapsulation type: IEEE 802.3br mPackets (198)']);
    expect(f.labels('_ws.text')).toEqual(['Link type ETHERNET_MPACKET (274) is not dissected']);
  });

  it('gives a pcapng Custom Block neither an interface nor an encapsulation (ngtg_le_test018.pcapng)', () => {
    const fl = new PacketDissector().dissect(
      { kind: RecordKind.CUSTOM, fileOffset: 0, data: hex('00'.repeat(24)), capLen: 24, origLen: 24, hasTime: false, tsSec: 0, tsNsec: 0, linkType: 1, interfaceId: 0, comments: null },
      1,
    );
    expect(fl.find(fieldByName('frame.encap_type')?.id ?? -1)).toBe(-1);
    expect(fl.find(fieldByName('frame.interface_id')?.id ?? -1)).toBe(-1);
    expect(fl.find(fieldByName('data.len')?.id ?? -1)).toBeGreaterThan(0);
  });
});
