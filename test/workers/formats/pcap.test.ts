// Classic pcap with hand-built bytes: byte orders, µs/ns, the link-type field, old versions,
// Wireshark's timestamp arithmetic, and the exact messages for damage.

import { describe, expect, it } from 'vitest';
import { blobOf, hex, readAll, timeEpoch } from './corpus.ts';
import { concat, payload, pcapFile, pcapHeader, pcapRecord, type PcapHeader, type PcapRecord } from './build.ts';
import { RecordKind } from '../../../workers/formats/record.ts';

const three: PcapRecord[] = [
  { sec: 1700000000, frac: 123456, data: payload(60, 1) },
  { sec: 1700000001, frac: 999999, data: payload(1, 2), origLen: 1514 },
  { sec: 1700000002, frac: 0, data: payload(0) },
];

async function read(h: PcapHeader, recs: PcapRecord[]) {
  return readAll(blobOf(pcapFile(h, recs)));
}

describe('pcap: byte orders and resolutions', () => {
  for (const le of [true, false]) {
    for (const ns of [false, true]) {
      it(`${le ? 'little' : 'big'}-endian, ${ns ? 'nanoseconds' : 'microseconds'}`, async () => {
        const { res, recs } = await read({ le, ns, snapLen: 262144, linkField: 113 }, three);
        expect(res.error).toBeNull();
        expect(res.format).toBe('pcap');
        expect(res.encoding).toBe(`pcap ${le ? 'LE' : 'BE'} ${ns ? 'ns' : 'µs'}`);
        expect(res.interfaces).toEqual([
          { linkType: 113, snapLen: 262144, name: '', description: '', tsResolution: ns ? 1e9 : 1e6, tsOffset: 0 },
        ]);
        expect(res.records).toBe(3);
        expect(recs.map((r) => [r.capLen, r.origLen, r.tsSec, r.tsNsec, r.linkType, r.interfaceId, r.hasTime, r.kind])).toEqual([
          [60, 60, 1700000000, ns ? 123456 : 123456000, 113, 0, true, RecordKind.PACKET],
          [1, 1514, 1700000001, ns ? 999999 : 999999000, 113, 0, true, RecordKind.PACKET],
          [0, 0, 1700000002, 0, 113, 0, true, RecordKind.PACKET],
        ]);
        expect(recs.map((r) => r.fileOffset)).toEqual([24 + 16, 24 + 16 + 60 + 16, 24 + 16 + 60 + 16 + 1 + 16]);
        expect(hex(recs[0].data)).toBe(hex(payload(60, 1)));
        expect(recs.every((r) => r.comments === null)).toBe(true);
        expect(res.data.size).toBe(24 + 3 * 16 + 61);
      });
    }
  }
});

describe('pcap: timestamps as tshark 4.0 prints them', () => {
  const times = async (ns: boolean, stamps: Array<[number, number]>) => {
    const { recs } = await read({ ns }, stamps.map(([sec, frac]) => ({ sec, frac, data: payload(4) })));
    return recs.map((r) => timeEpoch(r));
  };

  it('seconds are unsigned 32-bit (time_2038_overflow, time_2106_max)', async () => {
    expect(await times(false, [[0x80000000, 0], [0xffffffff, 0]])).toEqual(['2147483648.000000000', '4294967295.000000000']);
  });

  it('µs: nsecs = usec * 1000 in 32-bit arithmetic, not normalised (timestamp_invalid_micro)', async () => {
    expect(await times(false, [[1418145369, 999999], [1418145370, 1000000], [1418145370, 0x80000000], [5, 0xffffffff]]))
      .toEqual(['1418145369.999999000', '1418145370.1000000000', '1418145370.000000000', '-5.000001000']);
  });

  it('ns: the field read as signed 32-bit (timestamp_invalid_nano)', async () => {
    expect(await times(true, [[1418145369, 999999999], [1418145370, 1000000000], [1418145370, 0x80000000]]))
      .toEqual(['1418145369.999999999', '1418145370.1000000000', '-1418145370.2147483648']);
  });
});

describe('pcap: file header', () => {
  it('ignores the FCS bits of the link-type field (fuzzed files have 0x30000001)', async () => {
    for (const linkField of [0x30000001, 0x04000001, 0xf4000001]) {
      const { res, recs } = await read({ linkField }, three);
      expect(res.error).toBeNull();
      expect(res.interfaces[0].linkType).toBe(1);
      expect(recs[0].linkType).toBe(1);
    }
  });

  it('refuses non-zero reserved bits, as tshark does (LT_RESERVED1 = 0x03FF0000)', async () => {
    const { res, recs } = await read({ linkField: 0x00010001 }, three);
    expect(res.error).toBe('pcap file header has link-type field 0x00010001 at offset 20 with non-zero reserved bits 0x00010000');
    expect(recs).toHaveLength(0);
    expect(res.records).toBe(0);
  });

  it('refuses versions other than 2.x', async () => {
    for (const [major, minor] of [[1, 4], [3, 0], [543, 0]]) {
      const { res } = await read({ major, minor }, three);
      expect(res.error).toBe(`pcap file header has version ${major}.${minor}; only version 2.x is supported`);
    }
  });

  it('swaps the two lengths before 2.3, and in 2.3 when captured > original (wiretap/libpcap.c)', async () => {
    const recs: PcapRecord[] = [{ data: payload(20), capLen: 20, origLen: 20 }];
    // Version 2.2 writes original length first: 100 then 20.
    const v22 = concat(pcapHeader({ minor: 2 }), pcapRecord({ data: payload(20), capLen: 100, origLen: 20 }));
    const a = await readAll(blobOf(v22));
    expect(a.res.error).toBeNull();
    expect([a.recs[0].capLen, a.recs[0].origLen]).toEqual([20, 100]);
    const v23swapped = concat(pcapHeader({ minor: 3 }), pcapRecord({ data: payload(20), capLen: 100, origLen: 20 }));
    const b = await readAll(blobOf(v23swapped));
    expect([b.recs[0].capLen, b.recs[0].origLen]).toEqual([20, 100]);
    const v23plain = await read({ minor: 3 }, recs);
    expect([v23plain.recs[0].capLen, v23plain.recs[0].origLen]).toEqual([20, 20]);
    // 2.4 keeps captured > original as it is (aoe-oobr-1.pcap: 34 > 32).
    const v24 = concat(pcapHeader(), pcapRecord({ data: payload(34), origLen: 32 }));
    const c = await readAll(blobOf(v24));
    expect([c.recs[0].capLen, c.recs[0].origLen]).toEqual([34, 32]);
  });

  it('names a cut-off file header', async () => {
    const { res } = await readAll(blobOf(pcapHeader().subarray(0, 23)));
    expect(res.error).toBe('pcap file header is cut off by the end of the file (needs 24 bytes, 23 left)');
  });

  it('reads a header-only file as an empty capture', async () => {
    const { res, recs } = await readAll(blobOf(pcapHeader()));
    expect(res.error).toBeNull();
    expect(recs).toHaveLength(0);
    expect(res.interfaces).toHaveLength(1);
  });
});

describe('pcap: damaged records', () => {
  it('delivers the records before a cut-off one, then names it', async () => {
    const file = pcapFile({}, three);
    const { res, recs } = await readAll(blobOf(file.subarray(0, 24 + 16 + 60 + 16 + 0)));
    // Record 2's header is whole but its 1 byte of data is missing.
    expect(recs).toHaveLength(1);
    expect(res.records).toBe(1);
    expect(res.error).toBe('pcap record 2 at offset 100 is cut off by the end of the file (needs 17 bytes, 16 left)');
    const cutHeader = await readAll(blobOf(file.subarray(0, 24 + 16 + 60 + 5)));
    expect(cutHeader.res.error).toBe('pcap record 2 at offset 100 is cut off by the end of the file (needs 16 bytes, 5 left)');
  });

  it('names an absurd captured length', async () => {
    const file = concat(pcapFile({}, three.slice(0, 1)), pcapRecord({ data: payload(8), capLen: 0x10000001 }));
    const { res, recs } = await readAll(blobOf(file));
    expect(recs).toHaveLength(1);
    expect(res.error).toBe('pcap record 2 at offset 100 has captured length 268435457, more than the 268435456-byte limit');
  });

  it('keeps tshark\'s huge original lengths with a tiny captured length (tcp_header_heapoverflow)', async () => {
    const { res, recs } = await read({ snapLen: 46 }, [{ data: payload(46), origLen: 262144 }]);
    expect(res.error).toBeNull();
    expect([recs[0].capLen, recs[0].origLen]).toEqual([46, 262144]);
  });
});
