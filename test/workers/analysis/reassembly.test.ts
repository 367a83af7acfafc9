// IPv4 / IPv6 reassembly (workers/analysis/ip-reassembly.ts and the IP dissectors' use of it),
// against fragmented-4.pcap and fragmented-1.pcap (with what tshark 4.0 shows for them) and
// hand-made IPv6 fragments.

import { describe, expect, it } from 'vitest';
import { PacketDissector } from '../../../workers/dissect.ts';
import { FragFlag, FragmentTable, MAX_DATAGRAM } from '../../../workers/analysis/ip-reassembly.ts';
import { Status } from '../../../workers/dissectors/context.ts';
import { dissect, hex } from '../dissectors/helpers.ts';

// fragmented-4.pcap frames 2-5: a TCP segment in four fragments, frame 3 conflicting with frame 5.
const FRAG4 = [
  '000130249d0000b0d0e4131108004510002c00002000ff06e30c80202e8e0a0000011e6e005000e08925002d97f25000ffff4f69000047455420',
  '000130249d0000b0d0e4131108004510002c00002006ff06e30680202e8e0a0000012e2532662e2e2f77696e6e742f73797374656d33322f636d',
  '000130249d0000b0d0e4131108004510002500000009ff06030b80202e8e0a000001642e6578653f2f632b6469722b633a5c0a',
  '000130249d0000b0d0e4131108004510004400002003ff06e2f180202e8e0a0000012f6d736164632f2e2e2532662e2e2f2e2e2532662e2e2f2e' +
    '524b4e575572646f6f4d2b57736b4f324969414c51544900',
];

function values(d: PacketDissector, bytes: Uint8Array, frame: number, name: string): string[] {
  return dissect(bytes, { dissector: d, frameNo: frame }).values(name);
}

/** IPv6 + Fragment header carrying `data` at byte `offset` of datagram `ident`. */
function ipv6Fragment(offset: number, more: boolean, ident: number, data: string): Uint8Array {
  const plen = (8 + data.length / 2).toString(16).padStart(4, '0');
  const offlg = (offset | (more ? 1 : 0)).toString(16).padStart(4, '0');
  return hex(`00112233445566778899aabb86dd60000000${plen}2c40${'20010db8000000000000000000000001'}${'20010db8000000000000000000000002'}` +
    `1100${offlg}${ident.toString(16).padStart(8, '0')}${data}`);
}

describe('IP reassembly', () => {
  it('reassembles fragmented-4.pcap as tshark does, overlap conflict included', () => {
    const d = new PacketDissector();
    const frames = FRAG4.map(hex);
    for (let i = 0; i < 3; i++) {
      expect(values(d, frames[i] as Uint8Array, i + 2, 'tcp.srcport')).toEqual([]);
      expect(d.status & Status.FRAGMENT).toBeTruthy();
    }
    const last = frames[3] as Uint8Array;
    expect(values(d, last, 5, 'ip.fragment')).toEqual(['2', '5', '4']);
    expect(values(d, last, 5, 'ip.fragment.error')).toEqual(['3']);
    expect(values(d, last, 5, 'ip.fragment.overlap')).toEqual(['1']);
    expect(values(d, last, 5, 'ip.fragment.overlap.conflict')).toEqual(['1']);
    expect(values(d, last, 5, 'ip.fragment.count')).toEqual(['4']);
    expect(values(d, last, 5, 'ip.reassembled.length')).toEqual(['89']);
    expect(values(d, last, 5, 'tcp.srcport')).toEqual(['7790']);
    expect(values(d, last, 5, 'tcp.len')).toEqual(['69']);
    expect(d.status & Status.REASSEMBLED).toBeTruthy();
    const fl = dissect(last, { dissector: d, frameNo: 5 }).fl;
    expect(fl.sources.map((s) => s.name)).toEqual(['Frame', 'Reassembled IPv4']);

    // A later pass finds the same reassembly, and the other fragments learn where it was done.
    d.ctx.firstPass = false;
    expect(values(d, last, 5, 'tcp.len')).toEqual(['69']);
    expect(values(d, last, 5, 'ip.reassembled_in')).toEqual([]);
    expect(values(d, frames[1] as Uint8Array, 3, 'ip.reassembled_in')).toEqual(['5']);
    expect(values(d, frames[1] as Uint8Array, 3, 'tcp.srcport')).toEqual([]);
  });

  it('lays fragments down without overwriting, flagging overlaps and overruns (fragmented-1.pcap)', () => {
    // Frame 1: bytes 0-17 (more); frame 2: 48-163 (last); frame 3: 0-303 (more), with other bytes.
    const key = hex('a4017ba3a4017b3d');
    const f1 = new Uint8Array(18).fill(1);
    const f2 = new Uint8Array(116).fill(2);
    const f3 = new Uint8Array(304).fill(0x58);
    const addr = (b: Uint8Array): Uint8Array => {
      const out = new Uint8Array(8 + b.length);
      out.set(key, 0);
      out.set(b, 8);
      return out;
    };
    const t2 = new FragmentTable();
    expect(t2.add(1, addr(f1), 0, 4, 4, 7, 0, 8, 18, true)).toBeNull();
    expect(t2.add(2, addr(f2), 0, 4, 4, 7, 48, 8, 116, false)).toBeNull();
    const r = t2.add(3, addr(f3), 0, 4, 4, 7, 0, 8, 304, true);
    expect(r).not.toBeNull();
    if (!r) return;
    expect(r.data.length).toBe(164);
    expect(r.frags.map((f) => f.frame)).toEqual([1, 3, 2]);
    expect(r.frags.map((f) => f.flags)).toEqual([0, FragFlag.OVERLAP | FragFlag.OVERLAP_CONFLICT | FragFlag.TOO_LONG,
      FragFlag.OVERLAP | FragFlag.OVERLAP_CONFLICT]);
    // The first fragment's bytes stay; the long one only fills the hole.
    expect(r.data[0]).toBe(1);
    expect(r.data[18]).toBe(0x58);
    expect(r.data[163]).toBe(0x58);
    expect(t2.lookup(2, 7)).toBe(r);
    expect(t2.lookup(2, 8)).toBeUndefined();
  });

  it('reassembles IPv6 fragments and dissects the upper layer from the datagram', () => {
    const d = new PacketDissector();
    // A UDP datagram of 24 bytes (8-byte header, 16 bytes of 0x41) in three fragments, out of order.
    const udp = '3039d43100180000' + '41'.repeat(16);
    expect(values(d, ipv6Fragment(16, false, 9, udp.slice(32)), 1, 'udp.srcport')).toEqual([]);
    expect(values(d, ipv6Fragment(0, true, 9, udp.slice(0, 16)), 2, 'data.len')).toEqual(['8']);
    const done = ipv6Fragment(8, true, 9, udp.slice(16, 32));
    expect(values(d, done, 3, 'ipv6.fragment')).toEqual(['2', '3', '1']);
    expect(values(d, done, 3, 'ipv6.reassembled.length')).toEqual(['24']);
    expect(values(d, done, 3, 'udp.srcport')).toEqual(['12345']);
    expect(values(d, done, 3, 'udp.length')).toEqual(['24']);
    expect(values(d, done, 3, 'ipv6.fragments')).toEqual(['1']);
  });

  it('bounds what it keeps: huge offsets are not reassembled, old partial datagrams are dropped', () => {
    const t = new FragmentTable();
    const b = new Uint8Array(16);
    expect(t.add(1, b, 0, 4, 4, 1, MAX_DATAGRAM - 4, 8, 8, false)).toBeNull();
    expect(t.add(2, b, 0, 4, 4, 1, 0, 8, 8, true)).toBeNull();
    // Datagram 2 starts first, then 70000 others (more than the 65536 kept); its tail must no longer complete it.
    expect(t.add(3, b, 0, 4, 4, 2, 0, 8, 8, true)).toBeNull();
    for (let i = 0; i < 70000; i++) t.add(10 + i, b, 0, 4, 4, 1000 + i, 0, 8, 8, true);
    expect(t.add(200000, b, 0, 4, 4, 2, 8, 8, 8, false)).toBeNull();
    // A recent one still completes.
    expect(t.add(200001, b, 0, 4, 4, 1000 + 69999, 8, 8, 8, false)).not.toBeNull();
  });
});
