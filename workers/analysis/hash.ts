// MurmurHash3's 32-bit finalizer (fmix32): spreads every bit of `h` over the low bits that an
// open-addressing table of a power-of-two size uses. The conversation and DNS transaction tables
// finish their key hashes with it.

export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
