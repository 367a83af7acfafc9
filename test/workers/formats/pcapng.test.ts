// pcapng with hand-built blocks: both byte orders, sections, interface options, every packet
// block kind, custom blocks, comments, and the exact messages for damaged blocks.

import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { blobOf, hex, readAll, timeEpoch } from './corpus.ts';
import {
  block, CB, CB_NO_COPY, concat, customBlock, endOfOptions, epb, idb, ISB, NRB, option, payload, pb, shb, spb,
  ts64, tsoffset, tsresol,
} from './build.ts';
import { RecordKind } from '../../../workers/formats/record.ts';

const read = (...blocks: Uint8Array[]) => readAll(blobOf(concat(...blocks)));

describe('pcapng: one section', () => {
  for (const le of [true, false]) {
    it(`${le ? 'little' : 'big'}-endian: SHB comments, IDB names, EPBs with comments`, async () => {
      const head = concat(
        shb(le, { options: [option(le, 1, 'first comment'), option(le, 1, 'second\0\0'), option(le, 3, 'Linux'), endOfOptions(le)] }),
        idb(le, { linkType: 1, snapLen: 65535, options: [option(le, 2, 'eth0'), option(le, 3, 'uplink'), endOfOptions(le)] }),
      );
      const p1 = epb(le, { ...ts64(1700000000123456n), data: payload(61, 7), origLen: 1514, options: [option(le, 1, 'hello'), option(le, 1, 'world'), endOfOptions(le)] });
      const p2 = epb(le, { ...ts64(1700000001000000n), data: payload(4) });
      const { res, recs } = await read(head, p1, p2);
      expect(res.error).toBeNull();
      expect(res.format).toBe('pcapng');
      expect(res.encoding).toBe(`pcapng ${le ? 'LE' : 'BE'}`);
      expect(res.comments).toEqual(['first comment', 'second']);
      expect(res.interfaces).toEqual([
        { linkType: 1, snapLen: 65535, name: 'eth0', description: 'uplink', tsResolution: 1e6, tsOffset: 0 },
      ]);
      expect(res.records).toBe(2);
      expect(recs.map((r) => [r.kind, timeEpoch(r), r.capLen, r.origLen, r.linkType, r.interfaceId, r.comments])).toEqual([
        [RecordKind.PACKET, '1700000000.123456000', 61, 1514, 1, 0, ['hello', 'world']],
        [RecordKind.PACKET, '1700000001.000000000', 4, 4, 1, 0, null],
      ]);
      expect(recs[0].fileOffset).toBe(head.length + 28);
      expect(recs[1].fileOffset).toBe(head.length + p1.length + 28);
      expect(hex(recs[0].data)).toBe(hex(payload(61, 7)));
    });
  }

  it('reads the obsolete Packet Block (16-bit interface ID)', async () => {
    const { res, recs } = await read(shb(true), idb(true, { linkType: 9 }), idb(true, { linkType: 1 }),
      pb(true, { ifId: 1, ...ts64(5_000_001n), data: payload(10) }));
    expect(res.error).toBeNull();
    expect(recs.map((r) => [timeEpoch(r), r.capLen, r.linkType, r.interfaceId])).toEqual([['5.000001000', 10, 1, 1]]);
  });

  it('skips NRB, ISB, DSB, unknown and local blocks by their length', async () => {
    const { res, recs } = await read(
      shb(true), idb(true),
      block(true, NRB, new Uint8Array(4)),
      block(true, ISB, new Uint8Array(12)),
      block(true, 0x0000000a, new Uint8Array(8)),
      block(true, 0x80001234, payload(9)),
      block(true, 0x00000123, new Uint8Array(0)),
      epb(true, { data: payload(3) }),
    );
    expect(res.error).toBeNull();
    expect(recs).toHaveLength(1);
  });

  it('reads an empty section (SHB and IDB only) as an empty capture', async () => {
    const { res, recs } = await read(shb(true), idb(true));
    expect(res.error).toBeNull();
    expect(recs).toHaveLength(0);
    expect(res.interfaces).toHaveLength(1);
  });
});

describe('pcapng: several sections', () => {
  it('gives file-wide interface indexes across sections of mixed byte order', async () => {
    const { res, recs } = await read(
      shb(true), idb(true, { linkType: 1 }), idb(true, { linkType: 0 }),
      epb(true, { ifId: 1, data: payload(8) }),
      shb(false, { options: [option(false, 1, 'big')] }), idb(false, { linkType: 101, options: [tsresol(false, 9)] }),
      epb(false, { ifId: 0, ...ts64(1_500_000_000n), data: payload(8) }),
      shb(true), idb(true, { linkType: 113 }), idb(true, { linkType: 276 }),
      epb(true, { ifId: 1, data: payload(8) }),
      epb(true, { ifId: 0, data: payload(8) }),
    );
    expect(res.error).toBeNull();
    expect(res.encoding).toBe('pcapng LE+BE, 3 sections');
    expect(res.comments).toEqual(['big']);
    expect(res.interfaces.map((i) => i.linkType)).toEqual([1, 0, 101, 113, 276]);
    expect(recs.map((r) => [r.interfaceId, r.linkType])).toEqual([[1, 0], [2, 101], [4, 276], [3, 113]]);
    expect(timeEpoch(recs[1])).toBe('1.500000000');
  });

  it('refuses an interface ID the section has not described', async () => {
    const first = concat(shb(true), idb(true), idb(true), epb(true, { data: payload(4) }));
    const second = shb(false);
    const { res, recs } = await read(first, second, idb(false), epb(false, { ifId: 1, data: payload(4) }));
    expect(recs).toHaveLength(1);
    expect(res.error).toBe(`pcapng EPB at offset ${first.length + second.length + 20} refers to interface 1, but its section has 1 interfaces`);
  });
});

describe('pcapng: interface timestamp options', () => {
  const stamp = async (options: Uint8Array[], value: bigint) => {
    const { res, recs } = await read(shb(true), idb(true, { options }), epb(true, { ...ts64(value), data: payload(1) }));
    expect(res.error).toBeNull();
    return { time: timeEpoch(recs[0]), iface: res.interfaces[0] };
  };

  it('if_tsresol as a negative power of 10', async () => {
    expect((await stamp([tsresol(true, 3)], 1700000000123n)).time).toBe('1700000000.123000000');
    expect((await stamp([tsresol(true, 9)], 1700000000123456789n)).time).toBe('1700000000.123456789');
    expect((await stamp([tsresol(true, 0)], 1700000000n)).time).toBe('1700000000.000000000');
    // 10^-12: the BigInt path. Wireshark's (remainder * 10^9) wraps modulo 2^64 here
    // (123456789012 * 10^9 > 2^64), and tshark prints the wrapped value: so do we.
    expect((await stamp([tsresol(true, 12)], 12345678123456789012n)).time).toBe('12345678.012776324');
    expect((await stamp([tsresol(true, 12)], 12345678000000001234n)).time).toBe('12345678.000000001');
  });

  it('if_tsresol as a negative power of 2 (most significant bit set)', async () => {
    const r = await stamp([tsresol(true, 0x80 | 10)], 5n * 1024n + 512n);
    expect(r.time).toBe('5.500000000');
    expect(r.iface.tsResolution).toBe(1024);
    expect((await stamp([tsresol(true, 0x80 | 20)], 3n * 2n ** 20n + 1n)).time).toBe('3.000000953');
    expect((await stamp([tsresol(true, 0x80 | 32)], 1700000000n * 2n ** 32n + 2n ** 31n)).time).toBe('1700000000.500000000');
  });

  it('if_tsresol beyond 64 bits: units of 2^64-1, as Wireshark 4.0 (pcapng-idb-tsresol-bin-high)', async () => {
    const r = await stamp([tsresol(true, 0xc8)], 2n ** 64n - 1n);
    expect(r.time).toBe('1.000000000');
    expect((await stamp([tsresol(true, 25)], 5n)).time).toBe('0.000000000');
    expect((await stamp([tsresol(true, 19)], 2n ** 64n - 1n)).time).toBe('1.000000001');
  });

  it('if_tsresol applied literally (ngtg_le_test008: ns resolution, µs-looking values)', async () => {
    expect((await stamp([tsresol(true, 9)], 1340954905298858n)).time).toBe('1340954.905298858');
  });

  it('ignores an if_tsresol of the wrong length and keeps the first of two', async () => {
    expect((await stamp([option(true, 9, Uint8Array.of(9, 9))], 1500000n)).time).toBe('1.500000000');
    expect((await stamp([tsresol(true, 3), tsresol(true, 9)], 1500n)).time).toBe('1.500000000');
  });

  it('adds if_tsoffset seconds', async () => {
    const plus = await stamp([tsoffset(true, 1000000000n)], 1_500_000n);
    expect(plus.time).toBe('1000000001.500000000');
    expect(plus.iface.tsOffset).toBe(1000000000);
    expect((await stamp([tsoffset(true, -10n)], 1_500_000n)).time).toBe('-9.500000000');
    expect((await stamp([tsresol(true, 9), tsoffset(true, 7n)], 1_000_000_001n)).time).toBe('8.000000001');
  });

  it('is exact for 64-bit timestamps beyond 2^53 (time_2106_overflow, time_2107)', async () => {
    expect((await stamp([], 4294967296000000n)).time).toBe('4294967296.000000000');
    expect((await stamp([], 4323283200000000n)).time).toBe('4323283200.000000000');
    expect((await stamp([tsresol(true, 9)], 2n ** 64n - 1n)).time).toBe('18446744073.709551615');
    expect((await stamp([], 2n ** 64n - 1n)).time).toBe('18446744073709.551615000');
  });
});

describe('pcapng: Simple Packet Blocks', () => {
  it('have no time; captured length = min(original, snaplen of interface 0, block room)', async () => {
    const { res, recs } = await read(
      shb(true), idb(true, { snapLen: 64, linkType: 1 }), idb(true, { linkType: 0 }),
      spb(true, 100, payload(64)),   // clipped by the snaplen
      spb(true, 10, payload(12)),    // original length, data padded
      spb(true, 300, payload(40)),   // snaplen 64 > the 40 bytes the block holds
    );
    expect(res.error).toBeNull();
    expect(recs.map((r) => [r.hasTime, timeEpoch(r), r.capLen, r.origLen, r.interfaceId, r.linkType])).toEqual([
      [false, '', 64, 100, 0, 1],
      [false, '', 10, 10, 0, 1],
      [false, '', 40, 300, 0, 1],
    ]);
    expect(hex(recs[1].data)).toBe(hex(payload(10)));
  });

  it('must come after an IDB', async () => {
    const head = shb(true);
    const { res } = await read(head, spb(true, 4, payload(4)));
    expect(res.error).toBe(`pcapng SPB at offset ${head.length} comes before any interface description block in its section`);
  });
});

describe('pcapng: Custom Blocks become records, as in tshark 4.0', () => {
  it('with the length of everything after the Private Enterprise Number and no time', async () => {
    const head = concat(shb(true), idb(true));
    const cb1 = customBlock(true, CB, 32473, payload(24, 3));
    const cb2 = customBlock(true, CB_NO_COPY, 32473, payload(30));
    const { res, recs } = await read(head, cb1, epb(true, { data: payload(5) }), cb2);
    expect(res.error).toBeNull();
    expect(res.records).toBe(3);
    expect(recs.map((r) => [r.kind, r.hasTime, r.capLen, r.origLen, r.linkType, r.interfaceId])).toEqual([
      [RecordKind.CUSTOM, false, 24, 24, -1, -1],
      [RecordKind.PACKET, true, 5, 5, 1, 0],
      [RecordKind.CUSTOM, false, 32, 32, -1, -1],
    ]);
    expect(recs[0].fileOffset).toBe(head.length + 12);
    expect(hex(recs[0].data)).toBe(hex(payload(24, 3)));
  });
});

describe('pcapng: damaged blocks', () => {
  const head = concat(shb(true), idb(true));
  const at = head.length;
  const good = epb(true, { data: payload(6) });
  const damaged = async (bad: Uint8Array) => {
    const { res, recs } = await read(head, good, bad, good);
    expect(recs).toHaveLength(1);
    return res.error;
  };
  const o = at + good.length;

  it('shorter than the minimum of its type', async () => {
    expect(await damaged(block(true, 6, new Uint8Array(8)))).toBe(`pcapng EPB at offset ${o} has length 20, shorter than its 32-byte minimum`);
    expect(await damaged(block(true, 0x1234, new Uint8Array(0), { length: 8 }))).toBe(
      `pcapng block of type 0x00001234 at offset ${o} has length 8, shorter than its 12-byte minimum`);
  });

  it('not a multiple of 4', async () => {
    expect(await damaged(block(true, 4, new Uint8Array(8), { length: 22 }))).toBe(`pcapng NRB at offset ${o} has length 22, not a multiple of 4`);
  });

  it('trailing length mismatch', async () => {
    expect(await damaged(block(true, 5, new Uint8Array(12), { trailer: 28 }))).toBe(
      `pcapng ISB at offset ${o} has length 24 in its header but 28 in its trailer`);
  });

  it('longer than the rest of the file', async () => {
    const { res, recs } = await read(head, good, block(true, 6, new Uint8Array(40), { length: 400 }));
    expect(recs).toHaveLength(1);
    expect(res.error).toBe(`pcapng EPB at offset ${o} is cut off by the end of the file (needs 400 bytes, 52 left)`);
  });

  it('over the size limit', async () => {
    expect(await damaged(block(true, 6, new Uint8Array(40), { length: 0x10000010 }))).toBe(
      `pcapng EPB at offset ${o} has length 268435472, more than the 268435456-byte limit`);
  });

  it('a few bytes after the last block', async () => {
    const { res, recs } = await read(head, good, Uint8Array.of(1, 2, 3));
    expect(recs).toHaveLength(1);
    expect(res.error).toBe(`pcapng block at offset ${o} is cut off by the end of the file (needs 8 bytes for its header, 3 left)`);
  });

  it('captured length larger than the block', async () => {
    expect(await damaged(epb(true, { data: payload(8), capLen: 9 }))).toBe(
      `pcapng EPB at offset ${o} has captured length 9, more than the 8 bytes its length of 40 leaves room for`);
  });

  it('an option running past its block', async () => {
    const bad = epb(true, { data: payload(4), options: [option(true, 1, 'abcd', 40)] });
    expect(await damaged(bad)).toBe(`pcapng EPB at offset ${o}: option 1 at offset ${o + 32} has length 40, longer than the 4 bytes left in the block`);
  });

  it('packet options of impossible length, as Wireshark checks them', async () => {
    expect(await damaged(epb(true, { data: payload(4), options: [option(true, 2, Uint8Array.of(1, 2, 3))] }))).toBe(
      `pcapng EPB at offset ${o}: option epb_flags has length 3, not 4 at offset ${o + 32}`);
    expect(await damaged(epb(true, { data: payload(4), options: [option(true, 2988, Uint8Array.of(1, 2))] }))).toBe(
      `pcapng EPB at offset ${o}: custom option 2988 at offset ${o + 32} has length 2, shorter than its 4-byte Private Enterprise Number`);
  });

  it('an IDB option running past its block', async () => {
    const { res } = await read(shb(true), idb(true, { options: [option(true, 2, 'eth0', 200)] }));
    expect(res.error).toBe('pcapng IDB at offset 28: option 2 at offset 44 has length 200, longer than the 4 bytes left in the block');
  });

  it('unknown byte-order magic, unsupported version, cut-off section header', async () => {
    const bad = shb(true);
    bad.set([1, 2, 3, 4], 8);
    expect((await readAll(blobOf(bad))).res.error).toBe('pcapng SHB at offset 0 has unknown byte-order magic 0x01020304');
    expect((await read(shb(true, { major: 2 }))).res.error).toBe('pcapng SHB at offset 0 has version 2.0; only 1.0 and 1.2 are supported');
    expect((await read(shb(true, { minor: 2 }))).res.error).toBeNull();
    expect((await readAll(blobOf(shb(true).subarray(0, 10)))).res.error).toBe(
      'pcapng SHB at offset 0 is cut off by the end of the file (needs 12 bytes for its byte-order magic, 10 left)');
    const { res, recs } = await read(head, good, shb(false, { major: 0, minor: 1 }));
    expect(recs).toHaveLength(1);
    expect(res.error).toBe(`pcapng SHB at offset ${o} has version 0.1; only 1.0 and 1.2 are supported`);
  });
});

describe("pcapng: the frame layer knows each record's section and interface", () => {
  // tshark 4.0.17 -T fields -e frame.number -e frame.section_number on the corpus' files of
  // several sections (Custom Blocks are frames too: ngtg_be_test202 frames 1, 7 and 10)
  const SECTIONS: [string, number[]][] = [
    ['ngtg_le_test201.pcapng', [1, 2, 2, 3]],
    ['ngtg_be_test202.pcapng', [1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3]],
  ];
  for (const [file, want] of SECTIONS) {
    it(`${file}: frame.section_number`, async () => {
      const { exportFields } = await import('../../../workers/export/fields.ts');
      const { CAPTURES } = await import('../../golden/corpus.ts');
      const { openAsBlob } = await import('node:fs');
      const { join } = await import('node:path');
      let out = '';
      const utf8 = new TextDecoder();
      await exportFields(await openAsBlob(join(CAPTURES, file)), { fields: ['frame.section_number'], write: (t) => (out += utf8.decode(t, { stream: true })) });
      expect(out.trim().split('\n').map(Number)).toEqual(want);
    });
  }

  it('an interface with no name is "unknown"; its description is shown (packet-frame.c)', async () => {
    const { CaptureSession } = await import('../../../workers/session.ts');
    const le = true;
    const file = concat(
      shb(le, {}),
      idb(le, { linkType: 1, snapLen: 65535, options: [option(le, 3, 'Wi-Fi'), endOfOptions(le)] }),
      idb(le, { linkType: 1, snapLen: 65535 }),
      epb(le, { ...ts64(1700000000000000n), data: payload(60, 1), ifId: 0 }),
      epb(le, { ...ts64(1700000001000000n), data: payload(60, 2), ifId: 1 }),
    );
    const s = new CaptureSession();
    await s.open([blobOf(file)], ['two-interfaces.pcapng'], []);
    const lines = async (n: number): Promise<string[]> => {
      const frame = (await s.getDetails(n)).tree[0];
      const iface = frame?.children.find((c) => c.field === 'frame.interface_id');
      return [frame?.label ?? '', iface?.label ?? '', ...(iface?.children.map((c) => c.label) ?? [])];
    };
    expect(await lines(1)).toEqual([
      'Frame 1: 60 bytes on wire (480 bits), 60 bytes captured (480 bits) on interface unknown, id 0',
      'Interface id: 0 (unknown)', 'Interface name: unknown', 'Interface description: Wi-Fi',
    ]);
    expect(await lines(2)).toEqual([
      'Frame 2: 60 bytes on wire (480 bits), 60 bytes captured (480 bits) on interface unknown, id 1',
      'Interface id: 1 (unknown)', 'Interface name: unknown',
    ]);
  });
});

describe("pcapng: an EPB's flags word (epb_flags)", () => {
  // what pktcap-uw and other capturers note per packet: the direction above all. Lines as tshark
  // 4.0.17 -V writes them (ngtg_le_test009.pcapng frame 2 holds 0x48000000; these are made here)
  const word = (le: boolean, v: number): Uint8Array => {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setUint32(0, v, le);
    return b;
  };
  for (const le of [true, false]) {
    it(`${le ? 'little' : 'big'}-endian: shows it in the frame, and the filter tests its parts`, async () => {
      const { CaptureSession } = await import('../../../workers/session.ts');
      const file = concat(
        shb(le, {}),
        idb(le, { linkType: 1, snapLen: 65535, options: [option(le, 2, 'vmnic0'), endOfOptions(le)] }),
        epb(le, { ...ts64(1700000000000000n), data: payload(60, 1), options: [option(le, 2, word(le, 0x00000001 | (1 << 2))), endOfOptions(le)] }),
        epb(le, { ...ts64(1700000001000000n), data: payload(60, 2), options: [option(le, 2, word(le, 0x00000002 | (3 << 2) | 0x01000000)), endOfOptions(le)] }),
        epb(le, { ...ts64(1700000002000000n), data: payload(60, 3) }),
      );
      const s = new CaptureSession();
      await s.open([blobOf(file)], ['flags.pcapng'], []);
      const flags = async (n: number): Promise<string[]> => {
        const item = (await s.getDetails(n)).tree[0]?.children.find((c) => c.field === 'frame.packet_flags');
        return item === undefined ? [] : [item.label, ...item.children.map((c) => c.label)];
      };
      expect((await flags(1)).slice(0, 3)).toEqual([
        'Packet flags: 0x00000005',
        '.... .... .... .... .... .... .... ..01 = Direction: Inbound (0x1)',
        '.... .... .... .... .... .... ...0 01.. = Reception type: Unicast (1)',
      ]);
      const second = await flags(2);
      expect(second[0]).toBe('Packet flags: 0x0100000e');
      expect(second[1]).toBe('.... .... .... .... .... .... .... ..10 = Direction: Outbound (0x2)');
      expect(second[5]).toBe('.... ...1 .... .... .... .... .... .... = CRC error: Set');
      expect(await flags(3)).toEqual([]);
      for (const [filter, n] of [['frame.packet_flags_direction == 1', 1], ['frame.packet_flags_direction == 2', 1], ['frame.packet_flags_crc_error == 1', 1], ['frame.packet_flags_crc_error', 2], ['frame.packet_flags', 2], ['!frame.packet_flags', 1]] as const) {
        const r = await s.applyFilter(filter);
        expect(r.ok && r.displayed, filter).toBe(n);
      }
    });
  }
});

describe("pcapng: an EPB's drop count (epb_dropcount)", () => {
  // ngtg_le_test009.pcapng: tshark 4.0.17 -T fields -e frame.drop_count prints 0 and 12345, and -V
  // writes "Drop Count: …" after the frame's lengths
  it('shows it in the frame after the lengths, and the filter reads it', async () => {
    const { CAPTURES } = await import('../../golden/corpus.ts');
    const { openAsBlob } = await import('node:fs');
    const { CaptureSession } = await import('../../../workers/session.ts');
    const s = new CaptureSession();
    await s.open([await openAsBlob(join(CAPTURES, 'ngtg_le_test009.pcapng'))], ['ngtg_le_test009.pcapng'], []);
    for (const [n, count] of [[1, 0], [2, 12345]] as const) {
      // (after the packet's comments, which come first)
      const frame = (await s.getDetails(n)).tree.find((t) => t.label.startsWith('Frame '));
      const labels = (frame?.children ?? []).map((c) => c.label);
      const at = labels.indexOf(`Drop Count: ${count}`);
      expect(at, `frame ${n}`).toBeGreaterThan(0);
      expect(labels[at - 1], `frame ${n}`).toMatch(/^Capture Length: /);
    }
    for (const [filter, shown] of [['frame.drop_count == 12345', 1], ['frame.drop_count', 2], ['frame.drop_count > 0', 1]] as const) {
      const r = await s.applyFilter(filter);
      expect(r.ok && r.displayed, filter).toBe(shown);
    }
  });
});
