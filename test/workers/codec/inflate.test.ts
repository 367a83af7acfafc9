// The synchronous DEFLATE decoder against Node's zlib: raw, gzip and zlib streams of text and of
// random bytes at every compression level (stored, fixed and dynamic blocks), and damaged input:
// what decodes before the damage, as Wireshark's tvb_uncompress keeps it, or null.
import { deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gunzipSync, inflateRaw, zlibInflate } from '../../../workers/codec/inflate.ts';

/** Deterministic bytes: text-like when `text`, else a xorshift stream (incompressible). */
function sample(n: number, seed: number, text: boolean): Buffer {
  const out = Buffer.alloc(n);
  let x = seed || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = text ? ('abc de\nxyz'.charCodeAt((x >>> 0) % 10)) : x & 0xff;
  }
  return out;
}

describe('inflate', () => {
  it("decodes what zlib encodes, at every level, raw, gzip and zlib-wrapped", () => {
    for (let k = 0; k < 60; k++) {
      const data = sample((k * 997) % 20000, k + 1, k % 3 !== 0);
      const level = k % 10;
      const raw = deflateRawSync(data, { level });
      const gz = gzipSync(data, { level });
      const z = deflateSync(data, { level });
      expect(Buffer.from(inflateRaw(raw, 0, raw.length) ?? []).equals(data), `raw ${k}`).toBe(true);
      expect(Buffer.from(gunzipSync(gz, 0, gz.length) ?? []).equals(data), `gzip ${k}`).toBe(true);
      expect(Buffer.from(zlibInflate(z, 0, z.length) ?? []).equals(data), `zlib ${k}`).toBe(true);
    }
  });

  it('reads a stream inside a larger buffer, between its offsets', () => {
    const gz = gzipSync(Buffer.from('<html><body>Hello</body></html>\n'));
    const framed = Buffer.concat([Buffer.from('header'), gz, Buffer.from('trailer')]);
    expect(Buffer.from(gunzipSync(framed, 6, 6 + gz.length) ?? []).toString()).toBe('<html><body>Hello</body></html>\n');
  });

  it('gives what decoded before damage, null when nothing did, and stops at its limit', () => {
    const data = sample(5000, 7, true);
    const raw = deflateRawSync(data, { level: 6 });
    const cut = inflateRaw(raw, 0, Math.floor(raw.length / 2));
    expect(cut).not.toBeNull();
    expect(Buffer.from(cut ?? []).equals(data.subarray(0, cut?.length ?? 0))).toBe(true);
    expect((cut?.length ?? 0) < data.length).toBe(true);
    expect(gunzipSync(Buffer.from([0x1f, 0x8b, 8, 0, ...Array<number>(16).fill(0xff)]), 0, 20)).toBeNull();
    expect(zlibInflate(Buffer.from([0x78, 0x9d, 1, 2]), 0, 4)).toBeNull(); // header check fails
    expect(inflateRaw(deflateRawSync(Buffer.alloc(100000)), 0, deflateRawSync(Buffer.alloc(100000)).length, 1000)?.length).toBe(1000);
  });
});
