// gzip-compressed captures: the .gz (made here with CompressionStream) gives the records of the
// plain file, offsets into the decompressed Blob, and damage inside the gzip stream is reported.

import { describe, expect, it } from 'vitest';
import { blobOf, captureBytes, comparable, hex, readAll } from './corpus.ts';

async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = blobOf(bytes).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe('gzip', () => {
  it.each(['ngtg_be_test202.pcapng', 'timestamp_invalid_nano.pcap', 'vxlan.pcap', 'ngtg_le_test009.pcapng'])(
    '%s.gz reads like the plain file',
    async (name) => {
      const plain = captureBytes(name);
      const a = await readAll(blobOf(plain));
      const b = await readAll(blobOf(await gzip(plain)), { chunkSize: 100 });
      expect(b.res.error).toBeNull();
      expect(b.res.format).toBe(a.res.format);
      expect(b.res.encoding).toBe(`${a.res.encoding}, gzip`);
      expect(b.res.interfaces).toEqual(a.res.interfaces);
      expect(b.res.comments).toEqual(a.res.comments);
      expect(comparable(b.recs)).toEqual(comparable(a.recs));
      // `data` is the decompressed file: a packet can be read again at its offset.
      expect(b.res.data.size).toBe(plain.length);
      const last = b.recs[b.recs.length - 1];
      const again = new Uint8Array(await b.res.data.slice(last.fileOffset, last.fileOffset + last.capLen).arrayBuffer());
      expect(hex(again)).toBe(hex(last.data));
    },
  );

  it('delivers the records decompressed before a cut in the gzip stream, then says so', async () => {
    const plain = captureBytes('various_gre.pcap');
    const full = await readAll(blobOf(plain));
    const gz = await gzip(plain);
    const { res, recs } = await readAll(blobOf(gz.subarray(0, Math.floor(gz.length * 0.6))));
    expect(recs.length).toBeGreaterThan(0);
    expect(recs.length).toBeLessThan(full.recs.length);
    expect(comparable(recs)).toEqual(comparable(full.recs.slice(0, recs.length)));
    expect(res.error).toMatch(/^gzip data is damaged after \d+ decompressed bytes: .+; pcap record \d+ at offset \d+ is cut off/);
  });

  it('names what is inside when it is not a capture', async () => {
    const text = await readAll(blobOf(await gzip(new TextEncoder().encode('hello, world'))));
    expect(text.res.error).toBe('not a capture file: unknown magic 0x68656c6c at offset 0 (in the gzip-decompressed data)');
    expect(text.res.format).toBe('unknown');
    expect(text.res.encoding).toBe('gzip');
    const empty = await readAll(blobOf(await gzip(new Uint8Array(0))));
    expect(empty.res.error).toBe('not a capture file: the file is empty (in the gzip-decompressed data)');
    const twice = await readAll(blobOf(await gzip(await gzip(captureBytes('vxlan.pcap')))));
    expect(twice.res.error).toBe('not a capture file: the gzip data holds another gzip stream');
  });

  it('reports a corrupt gzip header without throwing', async () => {
    const { res, recs } = await readAll(blobOf(Uint8Array.of(0x1f, 0x8b, 0, 0, 0, 0, 0, 0, 0, 0)));
    expect(recs).toHaveLength(0);
    expect(res.error).toMatch(/^gzip data is damaged after 0 decompressed bytes: /);
  });
});
