// ERSPAN (workers/dissectors/erspan.ts) against bytes copied from corpus captures, with the values
// tshark 4.0 prints for them.

import { describe, expect, it } from 'vitest';
import { Status } from '../../../workers/dissectors/context.ts';
import { dissect, hex } from './helpers.ts';

const ERSPAN_II_OFFSET = 42;

// erspan-type-i-2.pcap frame 1: GRE with flags 0 and type 0x88be: type I, the mirrored frame at once.
const TYPE_I =
  '00e0009b6d8100259e81b354080045fc007e00000000202fd7a501010101c0a8ff05000088be00115c3dde0000259e81b3548100c0650800450000549f430000ff01062a0a3480e90a3480ea0800042aac520003fda18a280d0b1600504e4700fda18a28000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021222324252627';
// erspan-type-ii-1.pcap frame 1: GRE with a sequence number (171), ERSPAN type II, Ethernet / IPv4 / PIM.
const TYPE_II =
  '00e0009b6d8100259e81b354080045fc006c00ab4000fb2fbc0a01010102c0a8ff05100088be000000ab1156c29a00007ff801005e00000d001f9ed2a980080045c0003a5bf4000001676c6b0a300601e000000d2000c530000100020069001400042c6ceec000130004000000010015000401000000fdec0000';
// The same frame rewritten as type III (GRE type 0x22eb) with a platform-3 sub-header; the values
// below are what tshark 4.0 prints for it.
const TYPE_III =
  '00e0009b6d8100259e81b354080045fc007800ab4000fb2fbc0a01010102c0a8ff05100022eb000000ab2156ce9a010203040005805b0c000123deadbeef01005e00000d001f9ed2a980080045c0003a5bf4000001676c6b0a300601e000000d2000c530000100020069001400042c6ceec000130004000000010015000401000000fdec0000';

describe('ERSPAN', () => {
  it('takes GRE flags of 0 to mean type I: no header (erspan-type-i-2.pcap frame 1)', () => {
    const d = dissect(hex(TYPE_I));
    expect(d.values('gre.proto')).toEqual(['0x88be']);
    expect(d.layers.slice(0, 5)).toEqual(['eth', 'ip', 'gre', 'erspan', 'eth']);
    expect(d.values('erspan.version')).toEqual([]);
    expect(d.values('eth.src')).toEqual(['00:25:9e:81:b3:54', '00:25:9e:81:b3:54']);
    expect(d.values('eth.dst')).toEqual(['00:e0:00:9b:6d:81', '00:11:5c:3d:de:00']);
  });

  it('decodes a type II header (erspan-type-ii-1.pcap frame 1)', () => {
    const d = dissect(hex(TYPE_II));
    expect(d.values('gre.sequence_number')).toEqual(['171']);
    expect(d.values('erspan.version')).toEqual(['1']);
    expect(d.labels('erspan.version')).toEqual(['0001 .... .... .... = Version: Type II (1)']);
    expect(d.values('erspan.vlan')).toEqual(['342']);
    expect(d.values('erspan.cos')).toEqual(['6']);
    expect(d.values('erspan.encap')).toEqual(['0']);
    expect(d.values('erspan.truncated')).toEqual(['0']);
    expect(d.values('erspan.spanid')).toEqual(['666']);
    expect(d.values('erspan.reserved')).toEqual(['0']);
    expect(d.values('erspan.index')).toEqual(['32760']);
    expect(d.values('eth.src')).toEqual(['00:25:9e:81:b3:54', '00:1f:9e:d2:a9:80']);
    expect(d.values('ip.proto')).toEqual(['47', '103']);
  });

  it('decodes a type III header and its platform sub-header', () => {
    const d = dissect(hex(TYPE_III));
    expect(d.values('gre.proto')).toEqual(['0x22eb']);
    const expected: Record<string, string> = {
      'erspan.version': '2', 'erspan.vlan': '342', 'erspan.cos': '6', 'erspan.bso': '1', 'erspan.truncated': '1',
      'erspan.spanid': '666', 'erspan.timestamp': '16909060', 'erspan.sgt': '5', 'erspan.p': '1', 'erspan.ft': '0',
      'erspan.hw': '5', 'erspan.direction': '1', 'erspan.gra': '1', 'erspan.o': '1', 'erspan.platid': '3',
      'erspan.pid3.rsvd1': '0', 'erspan.pid3.port_index': '291', 'erspan.pid3.timestamp': '3735928559',
    };
    for (const [name, v] of Object.entries(expected)) expect(d.values(name), name).toEqual([v]);
    expect(d.values('eth.src')).toEqual(['00:25:9e:81:b3:54', '00:1f:9e:d2:a9:80']);
  });

  it('never throws on a type II header cut short, and keeps what came before', () => {
    const whole = hex(TYPE_II);
    for (let n = 0; n < 8; n++) {
      const d = dissect(whole.slice(0, ERSPAN_II_OFFSET + n), { origLen: whole.length });
      const at = `cut at ${n}`;
      expect(d.status & Status.TRUNCATED, at).toBe(Status.TRUNCATED);
      expect(d.values('gre.sequence_number'), at).toEqual(['171']);
      expect(d.values('erspan.vlan'), at).toEqual(n >= 2 ? ['342'] : []);
      expect(d.values('erspan.spanid'), at).toEqual(n >= 4 ? ['666'] : []);
      expect(d.values('erspan.index'), at).toEqual([]);
      expect(d.values('eth.src').length, at).toBe(1);
    }
  });
});
