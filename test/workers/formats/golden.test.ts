// Golden test against tshark 4.0: every capture of the shared corpus (found by listing the folder)
// read through readCapture, frame count and frame.number / frame.time_epoch / frame.len /
// frame.cap_len compared with expected/<name>.tsv; captures tshark refuses must give an error.
// Then the same run with tiny chunk sizes, so every record and block crosses chunk boundaries,
// must give identical records.

import { realpathSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { linkTypeName } from '../../../workers/formats/link-types.ts';
import { RecordKind } from '../../../workers/formats/record.ts';
import {
  blobOf, captureBlob, captureBytes, captureNames, comparable, CORPUS, expectedFrames, hex, manifest, readAll,
  timeEpoch, tsharkStatus,
} from './corpus.ts';

/**
 * Files where our answer must differ from tshark's on purpose (their .tsv records what tshark does):
 * tshark's file-type detection falls back to other formats when the pcap/pcapng readers refuse.
 */
const FALLBACKS: Record<string, string> = {
  // A 16-byte SHB whose length says 28: tshark then opens it as "MIME File Format" and shows one
  // MIME_FILE frame. It is a cut-off pcapng file, and we say so.
  'pcapng-truncated-shb.pcapng': 'pcapng SHB at offset 0 is cut off by the end of the file (needs 28 bytes, 16 left)',
  // A 0-byte file: tshark opens it as an empty Endace ERF capture (exit 0). It is not a capture.
  'pcap-empty-file.pcap': 'not a capture file: the file is empty',
};

/** Captures tshark refuses (rc != 0), with our message where it is predictable. */
const REFUSED: Record<string, string> = {
  'linktype-reserved-field-not-zero.pcap':
    'pcap file header has link-type field 0x00300000 at offset 20 with non-zero reserved bits 0x00300000',
  'pcap-invalid-version-1.pcap': 'pcap file header has version 1.4; only version 2.x is supported',
  'pcap-truncated-hdr-23.pcap': 'pcap file header is cut off by the end of the file (needs 24 bytes, 23 left)',
  'pcapng-invalid-vers-1.pcapng': 'pcapng SHB at offset 0 has version 0.1; only 1.0 and 1.2 are supported',
  'pcapng-block-len-not-mult4.pcapng': 'pcapng IDB at offset 28 has length 21, not a multiple of 4',
  'pcapng-block-len-too-small.pcapng': 'pcapng IDB at offset 28 has length 4, shorter than its 20-byte minimum',
  'pcapng-packet-before-idb.pcapng': 'pcapng EPB at offset 28 refers to interface 0, but its section has 0 interfaces',
  // tshark reports the SHB's first option (length 12336) first; we check the block's framing
  // first, and its trailing length is already wrong ("0000" bytes).
  'shb-option-too-long.pcapng': 'pcapng SHB at offset 0 has length 52 in its header but 808464432 in its trailer',
};

/** tshark refuses these for its own reasons, but the file is valid: it must read. */
const VALID_THOUGH_REFUSED = new Set(['dsa.pcap']); // link type 284 (DSA_TAG_DSA), unknown to tshark 4.0

const names = captureNames();
const status = tsharkStatus();
const rows = manifest();

describe('corpus location', () => {
  it('resolves ../shared/corpus beside the repository', () => {
    expect(realpathSync(CORPUS)).toMatch(/[/\\]shared[/\\]corpus$/);
    expect(names.length).toBeGreaterThan(100);
  });
});

describe('golden: every corpus capture against tshark 4.0', () => {
  it.each(names)('%s', async (name) => {
    const { res, recs } = await readAll(await captureBlob(name));
    const bytes = captureBytes(name);
    const expected = expectedFrames(name);

    if (name in FALLBACKS) {
      expect(res.error).toBe(FALLBACKS[name]);
      expect(recs).toHaveLength(0);
      return;
    }
    if (expected === null) {
      expect(status.get(name)).not.toBe(0);
      if (VALID_THOUGH_REFUSED.has(name)) {
        expect(res.error).toBeNull();
        expect(res.records).toBe(Number(rows.get(name)?.packets));
        expect(res.interfaces[0].linkType).toBe(284);
        return;
      }
      expect(res.error).not.toBeNull();
      if (name in REFUSED) expect(res.error).toBe(REFUSED[name]);
      return;
    }

    expect(res.error).toBeNull();
    const got = recs.map((r, i) => [String(i + 1), timeEpoch(r), String(r.origLen), String(r.capLen)]);
    expect(got).toEqual(expected);
    expect(res.records).toBe(recs.length);

    // Packet records (EPB+SPB+PB or pcap records) as MANIFEST.tsv counted them by parsing the file.
    const m = rows.get(name);
    if (m !== undefined) {
      expect(recs.filter((r) => r.kind === RecordKind.PACKET)).toHaveLength(Number(m.packets));
      // The link types of MANIFEST.tsv ("1 ETHERNET;0 NULL (2 IDBs)"), named as libpcap names them.
      const listed = [...m.link_type.matchAll(/(\d+) ([A-Z0-9_]+)(?=$|;| )/g)];
      const ours = [...new Set(res.interfaces.map((f) => f.linkType))];
      expect(ours).toEqual(listed.map((l) => Number(l[1])));
      for (const l of listed) expect(linkTypeName(Number(l[1]))).toBe(l[2]);
    }
    // fileOffset points at the record's bytes in the file.
    for (const r of recs) expect(hex(bytes.subarray(r.fileOffset, r.fileOffset + r.capLen))).toBe(hex(r.data));
  });
});

describe('golden: records that cross chunk boundaries read the same', () => {
  // In-memory Blobs: Node spends ~0.1 ms on each Blob read (0.3 ms from a file), and a 7-byte
  // chunk size means ~50 000 reads over the corpus.
  const reference = new Map<string, Awaited<ReturnType<typeof readAll>>>();
  const wholeRead = async (name: string) => {
    let r = reference.get(name);
    if (r === undefined) reference.set(name, (r = await readAll(blobOf(captureBytes(name)))));
    return r;
  };
  for (const chunkSize of [7, 13, 64]) {
    it(`chunk size ${chunkSize}`, async () => {
      for (const name of names) {
        const whole = await wholeRead(name);
        const chunked = await readAll(blobOf(captureBytes(name)), { chunkSize });
        expect(chunked.res.error, name).toBe(whole.res.error);
        expect(chunked.res.records, name).toBe(whole.res.records);
        expect(chunked.res.encoding, name).toBe(whole.res.encoding);
        expect(chunked.res.interfaces, name).toEqual(whole.res.interfaces);
        expect(chunked.res.comments, name).toEqual(whole.res.comments);
        expect(comparable(chunked.recs), name).toEqual(comparable(whole.recs));
      }
    }, 120_000);
  }

  // Browsers (and Node) read a Blob through its byte stream; Blobs without one by slices.
  for (const chunkSize of [7, 64]) {
    it(`chunk size ${chunkSize}, read by Blob.slice instead of the byte stream`, async () => {
      for (const name of names) {
        const whole = await wholeRead(name);
        const blob = blobOf(captureBytes(name));
        const sliced = await readAll({ size: blob.size, slice: (a: number, b: number) => blob.slice(a, b) } as unknown as Blob, { chunkSize });
        expect(sliced.res.error, name).toBe(whole.res.error);
        expect(sliced.res.records, name).toBe(whole.res.records);
        expect(comparable(sliced.recs), name).toEqual(comparable(whole.recs));
      }
    }, 120_000);
  }

  // The command line's file reads into the reader's own buffers (ReadIntoBlob), which are written
  // over two chunks later: the records must still be the same, with at most 3 buffers in use.
  for (const chunkSize of [7, 64, 2 << 20]) {
    it(`chunk size ${chunkSize}, reading into reused buffers`, async () => {
      for (const name of names) {
        const whole = await wholeRead(name);
        const bytes = captureBytes(name);
        const used = new Set<Uint8Array>();
        const readInto = async (start: number, end: number, into: Uint8Array): Promise<number> => {
          used.add(into);
          into.fill(0xee); // stale bytes of an earlier chunk must never be read
          into.set(bytes.subarray(start, end));
          return Math.min(end, bytes.length) - start;
        };
        const reused = await readAll(Object.assign(blobOf(bytes), { readInto }), { chunkSize });
        expect(reused.res.error, name).toBe(whole.res.error);
        expect(reused.res.records, name).toBe(whole.res.records);
        expect(comparable(reused.recs), name).toEqual(comparable(whole.recs));
        expect(used.size, name).toBeLessThanOrEqual(3);
      }
    }, 120_000);
  }
});
