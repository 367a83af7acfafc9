// Every truncation of a small valid file, at every byte: the reader never throws, delivers exactly
// the records whose bytes are complete before the cut (identical to the whole file's), and sets
// an error unless the cut falls exactly at a record (block) boundary.

import { describe, expect, it } from 'vitest';
import { blobOf, comparable, readAll } from './corpus.ts';
import {
  block, CB, concat, customBlock, endOfOptions, epb, idb, NRB, option, payload, pb, pcapHeader, pcapRecord, shb, spb,
  tsresol,
} from './build.ts';

interface Piece {
  bytes: Uint8Array;
  /** Whether this piece (record or block) yields a record. */
  record: boolean;
}

function layout(pieces: Piece[]): { file: Uint8Array; ends: number[]; recordEnds: number[] } {
  const ends: number[] = [];
  const recordEnds: number[] = [];
  let at = 0;
  for (const p of pieces) {
    at += p.bytes.length;
    ends.push(at);
    if (p.record) recordEnds.push(at);
  }
  return { file: concat(...pieces.map((p) => p.bytes)), ends, recordEnds };
}

const pcapPieces: Piece[] = [
  { bytes: pcapHeader({ le: false, ns: true }), record: false },
  { bytes: pcapRecord({ sec: 1, frac: 2, data: payload(37) }, false), record: true },
  { bytes: pcapRecord({ sec: 3, frac: 4, data: payload(0) }, false), record: true },
  { bytes: pcapRecord({ sec: 5, frac: 6, data: payload(9), origLen: 90 }, false), record: true },
];

const le = true;
const pcapngPieces: Piece[] = [
  { bytes: shb(le, { options: [option(le, 1, 'section comment'), endOfOptions(le)] }), record: false },
  { bytes: idb(le, { snapLen: 32, options: [option(le, 2, 'eth0'), tsresol(le, 9), endOfOptions(le)] }), record: false },
  { bytes: epb(le, { high: 1, low: 2, data: payload(33), options: [option(le, 1, 'pkt'), endOfOptions(le)] }), record: true },
  { bytes: spb(le, 100, payload(32)), record: true },
  { bytes: block(le, NRB, new Uint8Array(4)), record: false },
  { bytes: customBlock(le, CB, 32473, payload(7)), record: true },
  { bytes: pb(le, { data: payload(5) }), record: true },
  { bytes: shb(false), record: false },
  { bytes: idb(false, { linkType: 101 }), record: false },
  { bytes: epb(false, { data: payload(1) }), record: true },
];

describe.each([
  ['pcap', pcapPieces],
  ['pcapng', pcapngPieces],
])('%s cut at every byte', (_name, pieces) => {
  const { file, ends, recordEnds } = layout(pieces);

  for (const chunkSize of [undefined, 5]) {
    it(`chunk size ${chunkSize ?? 'default'}`, async () => {
      const whole = await readAll(blobOf(file), { chunkSize });
      expect(whole.res.error).toBeNull();
      expect(whole.recs).toHaveLength(recordEnds.length);
      const all = comparable(whole.recs);
      for (let cut = 0; cut <= file.length; cut++) {
        const { res, recs } = await readAll(blobOf(file.subarray(0, cut)), { chunkSize });
        const complete = recordEnds.filter((end) => end <= cut).length;
        expect(recs.length, `cut ${cut}`).toBe(complete);
        expect(res.records, `cut ${cut}`).toBe(complete);
        expect(comparable(recs), `cut ${cut}`).toEqual(all.slice(0, complete));
        if (ends.includes(cut)) expect(res.error, `cut ${cut}`).toBeNull();
        else expect(res.error, `cut ${cut}`).toMatch(/cut off by the end of the file|not a capture file/);
      }
    });
  }
});
