// MD5 (RFC 1321), for the fingerprints Wireshark shows as MD5 hex digests (SSH's hassh: GLib's
// g_compute_checksum_for_string(G_CHECKSUM_MD5, …)). Browsers' Web Crypto has no MD5, and the
// engine must run the same in a worker, in Node and in tests: a plain implementation over bytes.

/** Per-round shift amounts. */
const S = [7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
  4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21];

/** floor(abs(sin(i + 1)) * 2^32). */
const K = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) | 0);

/** The MD5 digest of `data` as 32 lowercase hex digits. */
export function md5Hex(data: Uint8Array): string {
  const n = data.length;
  // the message, a 1 bit, zeros to 56 mod 64 bytes, then the bit length as 64-bit little-endian
  const total = (((n + 8) >> 6) + 1) << 6;
  const m = new Uint8Array(total);
  m.set(data);
  m[n] = 0x80;
  const bits = n * 8;
  const v = new DataView(m.buffer);
  v.setUint32(total - 8, bits >>> 0, true);
  v.setUint32(total - 4, Math.floor(bits / 2 ** 32), true);
  let a0 = 0x67452301;
  let b0 = 0xefcdab89 | 0;
  let c0 = 0x98badcfe | 0;
  let d0 = 0x10325476;
  const w = new Int32Array(16);
  for (let chunk = 0; chunk < total; chunk += 64) {
    for (let j = 0; j < 16; j++) w[j] = v.getInt32(chunk + j * 4, true);
    let a = a0;
    let b = b0;
    let c = c0;
    let d = d0;
    for (let i = 0; i < 64; i++) {
      let f: number;
      let g: number;
      if (i < 16) {
        f = (b & c) | (~b & d);
        g = i;
      } else if (i < 32) {
        f = (d & b) | (~d & c);
        g = (5 * i + 1) & 15;
      } else if (i < 48) {
        f = b ^ c ^ d;
        g = (3 * i + 5) & 15;
      } else {
        f = c ^ (b | ~d);
        g = (7 * i) & 15;
      }
      const t = (a + f + (K[i] as number) + (w[g] as number)) | 0;
      const s = S[i] as number;
      a = d;
      d = c;
      c = b;
      b = (b + ((t << s) | (t >>> (32 - s)))) | 0;
    }
    a0 = (a0 + a) | 0;
    b0 = (b0 + b) | 0;
    c0 = (c0 + c) | 0;
    d0 = (d0 + d) | 0;
  }
  let out = '';
  for (const x of [a0, b0, c0, d0]) for (let k = 0; k < 4; k++) out += ((x >>> (8 * k)) & 0xff).toString(16).padStart(2, '0');
  return out;
}
