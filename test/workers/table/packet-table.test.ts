// The packet table's narrow columns: 32-bit offsets, 16-bit lengths and 32-bit seconds until a
// value does not fit, then the wider type with every earlier row carried over.
import { describe, expect, it } from 'vitest';
import { RecordKind, type PacketRecord } from '../../../workers/formats/record.ts';
import { PacketTable } from '../../../workers/table/packet-table.ts';
import { estimatePackets } from '../../../workers/session.ts';

function rec(over: Partial<PacketRecord>): PacketRecord {
  return { kind: RecordKind.PACKET, fileOffset: 24, data: new Uint8Array(0), capLen: 60, origLen: 60, hasTime: true, tsSec: 1_700_000_000, tsNsec: 5, linkType: 1, interfaceId: 0, comments: null, ...over };
}

describe('PacketTable narrow columns', () => {
  it('holds an ordinary capture in 40 bytes a row', () => {
    const t = new PacketTable(4);
    for (let i = 0; i < 10; i++) t.addRecord(rec({ fileOffset: 24 + 76 * i }), 0);
    expect(t.bytesPerRow).toBe(40);
    expect([t.offset[9], t.capLen[9], t.secAt(9), t.nsec[9]]).toEqual([24 + 76 * 9, 60, 1_700_000_000, 5]);
  });

  it('widens the offset past 4 GiB and the lengths past 65,535, keeping earlier rows', () => {
    const t = new PacketTable(2);
    t.addRecord(rec({ fileOffset: 0xffff_fff0, capLen: 65535, origLen: 65535 }), 0);
    t.addRecord(rec({ fileOffset: 2 ** 32 + 7, capLen: 100, origLen: 70_000 }), 1);
    t.addRecord(rec({ fileOffset: 5 * 2 ** 30, capLen: 262_144, origLen: 262_144 }), 0);
    expect(t.offset).toBeInstanceOf(Float64Array);
    expect(t.origLen).toBeInstanceOf(Uint32Array);
    expect(t.capLen).toBeInstanceOf(Uint32Array);
    expect(Array.from(t.offset.subarray(0, 3))).toEqual([0xffff_fff0, 2 ** 32 + 7, 5 * 2 ** 30]);
    expect(Array.from(t.capLen.subarray(0, 3))).toEqual([65535, 100, 262_144]);
    expect(Array.from(t.origLen.subarray(0, 3))).toEqual([65535, 70_000, 262_144]);
    expect(t.bytesPerRow).toBe(40 + 4 + 2 + 2);
  });

  it('reads a record without a time as NaN, in 32-bit and in doubles', () => {
    const t = new PacketTable(2);
    t.addRecord(rec({ hasTime: false, tsSec: 0 }), 0);
    t.addRecord(rec({ tsSec: 0 }), 0);
    expect([t.secAt(0), t.secAt(1)]).toEqual([NaN, 0]);
    expect(t.sec).toBeInstanceOf(Uint32Array);
    // a time before 1970 (pcapng if_tsoffset can give one) does not fit: doubles from then on
    t.addRecord(rec({ tsSec: -3 }), 0);
    t.addRecord(rec({ tsSec: 2 ** 33 }), 0);
    expect(t.sec).toBeInstanceOf(Float64Array);
    expect([0, 1, 2, 3].map((r) => t.secAt(r))).toEqual([NaN, 0, -3, 2 ** 33]);
  });

  it('keeps each column type through trim', () => {
    const t = new PacketTable(2);
    t.addRecord(rec({ fileOffset: 100, tsSec: 20 }), 0);
    t.addRecord(rec({ fileOffset: 2 ** 33, tsSec: 10, capLen: 70_000, origLen: 70_000 }), 0);
    t.addRecord(rec({ fileOffset: 300, tsSec: 30, hasTime: false }), 0);
    t.trim();
    expect(Array.from(t.offset)).toEqual([100, 2 ** 33, 300]);
    expect(Array.from(t.capLen)).toEqual([60, 70_000, 60]);
    expect([0, 1, 2].map((r) => t.secAt(r))).toEqual([20, 10, NaN]);
  });

  it('widens the four address id columns together once ids pass 65,535', () => {
    const t = new PacketTable(2);
    t.addRecord(rec({}), 0);
    t.src[0] = 65535;
    t.outerDst[0] = 7;
    t.fitAddressIds(0x10000);
    expect(t.src).toBeInstanceOf(Uint16Array);
    t.fitAddressIds(0x10001);
    for (const c of [t.src, t.dst, t.outerSrc, t.outerDst]) expect(c).toBeInstanceOf(Uint32Array);
    expect([t.src[0], t.outerDst[0]]).toEqual([65535, 7]);
    t.addRecord(rec({}), 0);
    t.src[1] = 65536;
    expect(t.src[1]).toBe(65536);
    expect(t.bytesPerRow).toBe(40 + 8);
  });

  it('reserves room for the estimated rows at once, keeping the rows so far and their types', () => {
    const t = new PacketTable(2);
    t.addRecord(rec({ fileOffset: 2 ** 32 + 7, capLen: 70_000, origLen: 70_000 }), 3);
    t.addRecord(rec({ fileOffset: 24 }), 0);
    t.reserve(1000);
    expect(t.capacity).toBe(1000);
    expect(t.offset).toBeInstanceOf(Float64Array);
    expect(Array.from(t.offset.subarray(0, 2))).toEqual([2 ** 32 + 7, 24]);
    expect(Array.from(t.capLen.subarray(0, 2))).toEqual([70_000, 60]);
    expect(Array.from(t.status.subarray(0, 2))).toEqual([3, 0]);
    // no smaller: a reserve below the capacity changes nothing
    t.reserve(10);
    expect(t.capacity).toBe(1000);
    for (let i = 0; i < 998; i++) t.addRecord(rec({ fileOffset: 100 + i }), 0);
    expect(t.capacity).toBe(1000);
    t.addRecord(rec({ fileOffset: 5000 }), 0);
    expect([t.capacity, t.length, t.offset[1000]]).toEqual([2000, 1001, 5000]);
  });
});

describe('estimatePackets', () => {
  it('scales the packets so far to the whole capture, with 2 % to spare', () => {
    // 4,096 packets of 388 bytes in a 388 MB file: 388,245,200 / 388 = 1,000,631.96 packets, and
    // 2 % more, rounded up (worked out by hand, not by the code's formula)
    expect(estimatePackets(4096, 4096 * 388, 388_245_200)).toBe(1_020_645);
  });

  it('never exceeds a packet per 16 bytes (a pcap record header), and keeps the count when the bytes are not known', () => {
    expect(estimatePackets(4096, 4096, 1_000_000)).toBe(1_000_000 / 16);
    expect(estimatePackets(4096, 0, 1_000_000)).toBe(4096);
    // a gzip file: offsets count decompressed bytes, past the file's size
    expect(estimatePackets(4096, 2_000_000, 1_000_000)).toBe(4096);
  });
});
