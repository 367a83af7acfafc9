// The index pass with a resident-pages helper (the app's capture worker has one): the reservation
// moves into the helper's buffers part-way through the pass, and the index is the same as without.
import { mkdtempSync, openAsBlob } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CaptureSession } from '../../../workers/session.ts';
import { PagePool } from '../../../workers/memory/page-pool.ts';
import type { PageSource } from '../../../workers/memory/page-source.ts';
import { servePages } from '../../../workers/memory/page-maker.ts';
import { generateCapture } from '../filter/fixtures.ts';
import { payload, pcapFile } from '../formats/build.ts';

const PACKETS = 60_000;
const channel = new MessageChannel();
afterAll(() => {
  channel.port1.close();
  channel.port2.close();
});

describe('CaptureSession with a page pool', () => {
  it('indexes the overlay mix as it does without one, from the helper\'s buffers', async (ctx) => {
    const gen = join(mkdtempSync(join(tmpdir(), 'decapod-pages-')), 'gen.pcap');
    if (!generateCapture(gen, PACKETS, 3)) return ctx.skip();
    const blob = await openAsBlob(gen);
    servePages(channel.port2);
    const pool = new PagePool(channel.port1);
    const withPages = new CaptureSession(pool);
    const plain = new CaptureSession();
    const [a, b] = [await withPages.open([blob], ['gen.pcap'], []), await plain.open([blob], ['gen.pcap'], [])];
    expect(a.packets).toBe(PACKETS);
    expect(b.packets).toBe(PACKETS);
    // the 17 columns and the shapes' 3 (54 bytes a row) for the estimate of ~61,200 rows, the TCP
    // and UDP hash tables, and chunks of conversation records: what moved is at least the rows
    expect(pool.takenBytes).toBeGreaterThan(54 * PACKETS);
    expect(pool.taken).toBeGreaterThan(20);
    expect([a.residentBytes, b.residentBytes]).toEqual([pool.takenBytes, 0]);
    // the pool is released once the pass is over
    expect(pool.ready(4 * 1024)).toBe(0);

    const [ra, rb] = [await withPages.getRows(0, PACKETS), await plain.getRows(0, PACKETS)];
    for (const k of ['frame', 'sec', 'nsec', 'length', 'vni', 'srcPort', 'dstPort', 'status'] as const) expect(Array.from(ra[k])).toEqual(Array.from(rb[k]));
    for (const k of ['src', 'dst', 'outerSrc', 'outerDst', 'protocol', 'info'] as const) expect(ra[k]).toEqual(rb[k]);
    // conversations opened before and after the move to the helper's hash tables (the estimate
    // is made at packet 4,096, the move comes some chunks later): the same stream numbers
    for (const f of ['tcp.stream == 10', 'tcp.stream == 9000', 'udp.stream == 12000', 'tcp.stream > 15000', 'tcp.flags.syn == 1 && tcp.flags.ack == 0', 'dns.qry.name']) {
      const [fa, fb] = [await withPages.applyFilter(f), await plain.applyFilter(f)];
      expect([fa.ok, fb.ok], f).toEqual([true, true]);
      expect(fa.displayed, f).toBe(fb.displayed);
      expect(fa.displayed, f).toBeGreaterThan(0);
      expect(fa.displayed, f).toBeLessThan(PACKETS);
      expect(Array.from((await withPages.getRows(0, 50)).frame), f).toEqual(Array.from((await plain.getRows(0, 50)).frame));
    }
  }, 120_000);

  it('makes no resident copy of a reservation the second estimate does not confirm', async () => {
    // 8,000 frames of 60 bytes, then 30,000 of 1,400: the estimate after 4,096 records is ~560,000
    // packets, the one after 16,384 ~58,000. Resident pages are memory in use (an untouched
    // reservation is not): the helper must not be asked for 30 MB of columns nobody fills.
    const small = payload(60, 1);
    const big = payload(1400, 2);
    const file = pcapFile({}, [...Array.from({ length: 8000 }, () => ({ data: small })), ...Array.from({ length: 30_000 }, () => ({ data: big }))]);
    const ordered: number[] = [];
    const spy: PageSource = { take: () => null, order: (bytes, count) => void ordered.push(bytes * count), ready: () => 0, release: () => undefined, takenBytes: 0 };
    const r = await new CaptureSession(spy).open([new Blob([file as BlobPart])], ['burst.pcap'], []);
    expect(r.packets).toBe(38_000);
    // the conversation tables' first chunks (ordered at the first estimate, four ahead of each
    // table: ~1.1 MB with the TCP records' 11 words), no column (30 MB)
    expect(ordered.reduce((a, b) => a + b, 0)).toBeLessThan(2 << 20);
    expect(ordered.length).toBeGreaterThan(0);
  }, 60_000);
});
