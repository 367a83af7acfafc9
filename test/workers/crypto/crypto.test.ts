// The pure crypto QUIC's Initial packets need, against published vectors: SHA-256 (FIPS 180-4's
// examples), HMAC-SHA256 and HKDF (RFC 4231, RFC 5869), AES-128 (FIPS 197 appendix C.1), AES-GCM
// (the GCM specification's test case 4, as in NIST's examples), and the QUIC version 1 Initial
// secrets and keys of RFC 9001 appendix A.1.
import { describe, expect, it } from 'vitest';
import { Aes128, aesGcmDecrypt } from '../../../workers/crypto/aes.ts';
import { hkdfExpand, hkdfExpandLabel, hkdfExtract, hmacSha256, sha256 } from '../../../workers/crypto/sha256.ts';

const hex = (s: string): Uint8Array => Uint8Array.from(s.replace(/\s+/g, '').match(/../g) ?? [], (b) => parseInt(b, 16));
const toHex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
const ascii = (s: string): Uint8Array => Uint8Array.from(s, (ch) => ch.charCodeAt(0));

describe('SHA-256, HMAC, HKDF', () => {
  it('hashes the FIPS 180-4 examples', () => {
    expect(toHex(sha256(ascii('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(toHex(sha256(ascii('')))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(toHex(sha256(ascii('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });

  it('computes RFC 4231 test case 2 and RFC 5869 test case 1', () => {
    expect(toHex(hmacSha256(ascii('Jefe'), ascii('what do ya want for nothing?')))).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
    const prk = hkdfExtract(hex('000102030405060708090a0b0c'), hex('0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b'));
    expect(toHex(prk)).toBe('077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5');
    expect(toHex(hkdfExpand(prk, hex('f0f1f2f3f4f5f6f7f8f9'), 42))).toBe('3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865');
  });

  it("derives RFC 9001's QUIC version 1 Initial secrets and keys", () => {
    const initial = hkdfExtract(hex('38762cf7f55934b34d179ae6a4c80cadccbb7f0a'), hex('8394c8f03e515708'));
    expect(toHex(initial)).toBe('7db5df06e7a69e432496adedb00851923595221596ae2ae9fb8115c1e9ed0a44');
    const client = hkdfExpandLabel(initial, 'client in', new Uint8Array(0), 32);
    expect(toHex(client)).toBe('c00cf151ca5be075ed0ebfb5c80323c42d6b7db67881289af4008f1f6c357aea');
    expect(toHex(hkdfExpandLabel(client, 'quic key', new Uint8Array(0), 16))).toBe('1f369613dd76d5467730efcbe3b1a22d');
    expect(toHex(hkdfExpandLabel(client, 'quic iv', new Uint8Array(0), 12))).toBe('fa044b2f42a3fd3b46fb255c');
    expect(toHex(hkdfExpandLabel(client, 'quic hp', new Uint8Array(0), 16))).toBe('9f50449e04a0e810283a1e9933adedd2');
    const server = hkdfExpandLabel(initial, 'server in', new Uint8Array(0), 32);
    expect(toHex(hkdfExpandLabel(server, 'quic key', new Uint8Array(0), 16))).toBe('cf3a5331653c364c88f0f379b6067e37');
  });
});

describe('AES-128 and AES-GCM', () => {
  it('encrypts FIPS 197 appendix C.1', () => {
    const out = new Uint8Array(16);
    new Aes128(hex('000102030405060708090a0b0c0d0e0f')).encryptBlock(hex('00112233445566778899aabbccddeeff'), out);
    expect(toHex(out)).toBe('69c4e0d86a7b0430d8cdb78070b4c55a');
  });

  it("masks RFC 9001's client Initial header sample", () => {
    const out = new Uint8Array(16);
    new Aes128(hex('9f50449e04a0e810283a1e9933adedd2')).encryptBlock(hex('d1b1c98dd7689fb8ec11d242b123dc9b'), out);
    expect(toHex(out.subarray(0, 5))).toBe('437b9aec36');
  });

  it('decrypts and authenticates GCM test case 4, and refuses a changed tag', () => {
    const aes = new Aes128(hex('feffe9928665731c6d6a8f9467308308'));
    const iv = hex('cafebabefacedbaddecaf888');
    const aad = hex('feedfacedeadbeeffeedfacedeadbeefabaddad2');
    const ct = hex(`42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091
      5bc94fbc3221a5db94fae95ae7121a47`);
    const plain = aesGcmDecrypt(aes, iv, aad, ct);
    expect(plain && toHex(plain)).toBe('d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39');
    const bad = ct.slice();
    bad[bad.length - 1] = (bad[bad.length - 1] as number) ^ 1;
    expect(aesGcmDecrypt(aes, iv, aad, bad)).toBeNull();
  });
});
