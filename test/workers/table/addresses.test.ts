// The address table gives each distinct address one id, whatever buffer or offset it comes from,
// and keeps its bytes and text; IPv6 addresses go through their own hash table, which must keep
// every id reachable as it grows.
import { describe, expect, it } from 'vitest';
import { AddrKind } from '../../../workers/fields/address-kind.ts';
import { AddressTable } from '../../../workers/table/addresses.ts';

function v6(i: number): Uint8Array {
  // fd00::<i> as 16 bytes, at offset 3 of a larger buffer
  const b = new Uint8Array(24);
  b.set([0xfd, 0x00], 3);
  b[3 + 14] = (i >> 8) & 0xff;
  b[3 + 15] = i & 0xff;
  return b;
}

describe('AddressTable', () => {
  it('interns IPv4, MAC and IPv6 by value', () => {
    const t = new AddressTable();
    const a = t.intern(new Uint8Array([10, 0, 0, 1]), 0, AddrKind.IPV4);
    const b = t.intern(new Uint8Array([9, 10, 0, 0, 1]), 1, AddrKind.IPV4);
    const m = t.intern(new Uint8Array([0x00, 0x50, 0x56, 0xab, 0xcd, 0xef]), 0, AddrKind.MAC);
    const x = t.intern(v6(0x35c), 3, AddrKind.IPV6);
    expect(b).toBe(a);
    expect(new Set([a, m, x]).size).toBe(3);
    expect([t.text(a), t.text(m), t.text(x)]).toEqual(['10.0.0.1', '00:50:56:ab:cd:ef', 'fd00::35c']);
    expect(t.kind(x)).toBe(AddrKind.IPV6);
    expect([...t.bytesOf(x)]).toEqual([...v6(0x35c).subarray(3, 19)]);
  });

  it('keeps every IPv6 id as its table grows', () => {
    const t = new AddressTable();
    const ids = Array.from({ length: 5000 }, (_, i) => t.intern(v6(i), 3, AddrKind.IPV6));
    expect(new Set(ids).size).toBe(5000);
    expect(t.size).toBe(5000);
    for (let i = 0; i < 5000; i += 7) expect(t.intern(v6(i), 3, AddrKind.IPV6)).toBe(ids[i]);
    expect(t.text(ids[4999] as number)).toBe('fd00::1387');
  });

  it('tells apart addresses whose first four bytes are the same, of one kind or two', () => {
    const t = new AddressTable();
    const ip = t.intern(new Uint8Array([10, 0, 0, 1]), 0, AddrKind.IPV4);
    const mac = t.intern(new Uint8Array([10, 0, 0, 1, 0, 0]), 0, AddrKind.MAC);
    const mac2 = t.intern(new Uint8Array([10, 0, 0, 1, 0, 2]), 0, AddrKind.MAC);
    const six = t.intern(new Uint8Array([10, 0, 0, 1, ...new Array<number>(12).fill(0)]), 0, AddrKind.IPV6);
    expect(new Set([ip, mac, mac2, six]).size).toBe(4);
    expect([t.text(ip), t.text(mac), t.text(mac2), t.text(six)]).toEqual(['10.0.0.1', '0a:00:00:01:00:00', '0a:00:00:01:00:02', 'a00:1::']);
    expect(t.intern(new Uint8Array([7, 10, 0, 0, 1, 0, 2]), 1, AddrKind.MAC)).toBe(mac2);
  });

  it('keeps every IPv4 and MAC id as its table grows', () => {
    const t = new AddressTable();
    const v4 = (i: number) => new Uint8Array([10, (i >> 16) & 0xff, (i >> 8) & 0xff, i & 0xff]);
    const mac = (i: number) => new Uint8Array([2, 0, 0x5e, (i >> 16) & 0xff, (i >> 8) & 0xff, i & 0xff]);
    const ids = Array.from({ length: 6000 }, (_, i) => [t.intern(v4(i), 0, AddrKind.IPV4), t.intern(mac(i), 0, AddrKind.MAC)]);
    expect(t.size).toBe(12_000);
    for (let i = 0; i < 6000; i += 11) {
      expect(t.intern(v4(i), 0, AddrKind.IPV4)).toBe(ids[i]?.[0]);
      expect(t.intern(mac(i), 0, AddrKind.MAC)).toBe(ids[i]?.[1]);
    }
    expect(t.text(ids[5999]?.[1] as number)).toBe('02:00:5e:00:17:6f');
  });
});
