// AES-128 encryption (FIPS 197) and AES-GCM decryption (NIST SP 800-38D): QUIC protects its
// Initial packets' headers with AES-ECB of a sample and their payloads with AEAD_AES_128_GCM
// (RFC 9001 sections 5.3 and 5.4). Only the forward cipher is needed (GCM's counter mode and the
// header mask both encrypt). Synchronous and pure, for the dissectors.

const SBOX = new Uint8Array(256);
{
  // the S-box from the multiplicative inverse in GF(2^8) and the affine map
  let p = 1;
  let q = 1;
  do {
    p = p ^ ((p << 1) & 0xff) ^ (p & 0x80 ? 0x1b : 0);
    q ^= q << 1;
    q ^= q << 2;
    q ^= q << 4;
    q &= 0xff;
    if (q & 0x80) q ^= 0x09;
    const x = q ^ ((q << 1) | (q >> 7)) ^ ((q << 2) | (q >> 6)) ^ ((q << 3) | (q >> 5)) ^ ((q << 4) | (q >> 4));
    SBOX[p] = (x ^ 0x63) & 0xff;
  } while (p !== 1);
  SBOX[0] = 0x63;
}

const xtime = (b: number): number => ((b << 1) ^ (b & 0x80 ? 0x1b : 0)) & 0xff;

/** An AES-128 key, expanded. */
export class Aes128 {
  private readonly rk = new Uint8Array(176);
  /** The state and the round's SubBytes/ShiftRows output: kept, not made per block or round. */
  private readonly s = new Uint8Array(16);
  private readonly t = new Uint8Array(16);

  constructor(key: Uint8Array) {
    const rk = this.rk;
    rk.set(key.subarray(0, 16));
    let rcon = 1;
    for (let i = 16; i < 176; i += 4) {
      let t0 = rk[i - 4] as number, t1 = rk[i - 3] as number, t2 = rk[i - 2] as number, t3 = rk[i - 1] as number;
      if (i % 16 === 0) {
        const r = t0;
        t0 = (SBOX[t1] as number) ^ rcon;
        t1 = SBOX[t2] as number;
        t2 = SBOX[t3] as number;
        t3 = SBOX[r] as number;
        rcon = xtime(rcon);
      }
      rk[i] = (rk[i - 16] as number) ^ t0;
      rk[i + 1] = (rk[i - 15] as number) ^ t1;
      rk[i + 2] = (rk[i - 14] as number) ^ t2;
      rk[i + 3] = (rk[i - 13] as number) ^ t3;
    }
  }

  /** Encrypt the 16-byte block `input` into `out` (may be the same array). */
  encryptBlock(input: Uint8Array, out: Uint8Array): void {
    const s = this.s;
    const t = this.t;
    const rk = this.rk;
    for (let i = 0; i < 16; i++) s[i] = (input[i] as number) ^ (rk[i] as number);
    for (let round = 1; round <= 10; round++) {
      // SubBytes and ShiftRows
      for (let c = 0; c < 4; c++) for (let r = 0; r < 4; r++) t[4 * c + r] = SBOX[s[4 * ((c + r) % 4) + r] as number] as number;
      // MixColumns (not in the last round), AddRoundKey
      for (let c = 0; c < 4; c++) {
        const a0 = t[4 * c] as number, a1 = t[4 * c + 1] as number, a2 = t[4 * c + 2] as number, a3 = t[4 * c + 3] as number;
        if (round < 10) {
          const all = a0 ^ a1 ^ a2 ^ a3;
          t[4 * c] = a0 ^ all ^ xtime(a0 ^ a1);
          t[4 * c + 1] = a1 ^ all ^ xtime(a1 ^ a2);
          t[4 * c + 2] = a2 ^ all ^ xtime(a2 ^ a3);
          t[4 * c + 3] = a3 ^ all ^ xtime(a3 ^ a0);
        }
      }
      for (let i = 0; i < 16; i++) s[i] = (t[i] as number) ^ (rk[16 * round + i] as number);
    }
    out.set(s);
  }
}

const gfZ = new Uint8Array(16);
const gfV = new Uint8Array(16);

/** Multiply x by y in GCM's GF(2^128) (bit-reflected, as SP 800-38D section 6.3); both 16 bytes,
 *  the product into x. */
function gfMul(x: Uint8Array, y: Uint8Array): void {
  const z = gfZ.fill(0);
  const v = gfV;
  v.set(y);
  for (let i = 0; i < 128; i++) {
    if ((x[i >> 3] as number) & (0x80 >> (i & 7))) for (let k = 0; k < 16; k++) z[k] = (z[k] as number) ^ (v[k] as number);
    const lsb = (v[15] as number) & 1;
    for (let k = 15; k > 0; k--) v[k] = ((v[k] as number) >> 1) | (((v[k - 1] as number) & 1) << 7);
    v[0] = (v[0] as number) >> 1;
    if (lsb) v[0] = (v[0] as number) ^ 0xe1;
  }
  x.set(z);
}

/**
 * AEAD_AES_128_GCM decryption of `ciphertext` (its 16-byte tag at the end) with a 12-byte nonce and
 * the additional data `aad`; the plaintext, or null when the tag does not authenticate it.
 */
export function aesGcmDecrypt(aes: Aes128, nonce: Uint8Array, aad: Uint8Array, ciphertext: Uint8Array): Uint8Array | null {
  if (ciphertext.length < 16 || nonce.length !== 12) return null;
  const ct = ciphertext.subarray(0, ciphertext.length - 16);
  const tag = ciphertext.subarray(ciphertext.length - 16);
  const h = new Uint8Array(16);
  aes.encryptBlock(h, h);
  // GHASH over the additional data, the ciphertext and their lengths
  const y = new Uint8Array(16);
  const absorb = (data: Uint8Array): void => {
    for (let o = 0; o < data.length; o += 16) {
      for (let k = 0; k < 16 && o + k < data.length; k++) y[k] = (y[k] as number) ^ (data[o + k] as number);
      gfMul(y, h);
    }
  };
  absorb(aad);
  absorb(ct);
  const lens = new Uint8Array(16);
  const lv = new DataView(lens.buffer);
  lv.setUint32(4, aad.length * 8);
  lv.setUint32(12, ct.length * 8);
  absorb(lens);
  const counter = new Uint8Array(16);
  counter.set(nonce);
  counter[15] = 1;
  const block = new Uint8Array(16);
  aes.encryptBlock(counter, block);
  let diff = 0;
  for (let k = 0; k < 16; k++) diff |= ((y[k] as number) ^ (block[k] as number)) ^ (tag[k] as number);
  if (diff !== 0) return null;
  const out = new Uint8Array(ct.length);
  for (let o = 0, n = 2; o < ct.length; o += 16, n++) {
    counter[12] = n >>> 24;
    counter[13] = (n >>> 16) & 0xff;
    counter[14] = (n >>> 8) & 0xff;
    counter[15] = n & 0xff;
    aes.encryptBlock(counter, block);
    for (let k = 0; k < 16 && o + k < ct.length; k++) out[o + k] = (ct[o + k] as number) ^ (block[k] as number);
  }
  return out;
}
