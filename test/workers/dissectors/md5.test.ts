// MD5 for SSH's hassh fingerprints: RFC 1321's test suite (A.5), and Node's MD5 on lengths around
// the padding's edges (55, 56, 63, 64 bytes …).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { md5Hex } from '../../../workers/dissectors/md5.ts';

const utf8 = new TextEncoder();

describe('md5Hex', () => {
  it("gives RFC 1321's digests", () => {
    const suite: [string, string][] = [
      ['', 'd41d8cd98f00b204e9800998ecf8427e'],
      ['a', '0cc175b9c0f1b6a831c399e269772661'],
      ['abc', '900150983cd24fb0d6963f7d28e17f72'],
      ['message digest', 'f96b697d7cb7938d525a2f31aaf161d0'],
      ['abcdefghijklmnopqrstuvwxyz', 'c3fcd3d76192e4007dfb496cca67e13b'],
      ['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 'd174ab98d277d9f5a5611c2c9f419d9f'],
      ['1234567890'.repeat(8), '57edf4a22be3c955ac49da2e2107b67a'],
    ];
    for (const [text, digest] of suite) expect(md5Hex(utf8.encode(text)), JSON.stringify(text)).toBe(digest);
  });

  it("agrees with Node's MD5 at every length up to 300 bytes", () => {
    const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 131 + 7) & 0xff);
    for (let n = 0; n <= bytes.length; n++) {
      const b = bytes.subarray(0, n);
      expect(md5Hex(b), `${n} bytes`).toBe(createHash('md5').update(b).digest('hex'));
    }
  });
});
