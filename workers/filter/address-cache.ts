// Interned addresses (the index columns' ids) as filter values: IPv4 as a uint32, IPv6 and MAC
// as bytes (the AddressTable's own copy), kept per table for as long as the table lives.

import type { AddressTable } from '../table/addresses.ts';

/** v4[] of an id not looked up yet, and of an address that is not IPv4. */
const UNKNOWN = -1;
const NOT_V4 = -2;

export class AddressCache {
  // dense arrays (grown in order, never holey): the index pass looks ids up for every packet
  private v4: number[] = [];

  constructor(private addrs: AddressTable) {}

  /** The address as bytes (4, 16 or 6 of them); empty for id 0. */
  bytesOf(id: number): Uint8Array {
    return this.addrs.bytesOf(id);
  }

  /** An IPv4 address id as a uint32 (0 for another kind). */
  v4Of(id: number): number {
    const v = this.v4Raw(id);
    return v < 0 ? 0 : v;
  }

  /** The uint32 of an IPv4 address id, or NOT_V4. */
  private v4Raw(id: number): number {
    const v = id < this.v4.length ? (this.v4[id] as number) : UNKNOWN;
    if (v !== UNKNOWN) return v;
    while (this.v4.length <= id) this.v4.push(UNKNOWN);
    const b = this.addrs.bytesOf(id);
    const x = b.length === 4 ? (((b[0] as number) << 24) | ((b[1] as number) << 16) | ((b[2] as number) << 8) | (b[3] as number)) >>> 0 : NOT_V4;
    this.v4[id] = x;
    return x;
  }

  /** Whether address `id` is the `len` bytes at b[off]. */
  sameBytes(id: number, b: Uint8Array, off: number, len: number): boolean {
    if (id === 0 || off + len > b.length) return false;
    if (len === 4) return this.v4Raw(id) === (((b[off] as number) << 24) | ((b[off + 1] as number) << 16) | ((b[off + 2] as number) << 8) | (b[off + 3] as number)) >>> 0;
    const a = this.addrs.bytesOf(id);
    if (a.length !== len) return false;
    for (let i = 0; i < len; i++) if (a[i] !== b[off + i]) return false;
    return true;
  }
}

const caches = new WeakMap<AddressTable, AddressCache>();

export function addressCache(addrs: AddressTable): AddressCache {
  let c = caches.get(addrs);
  if (!c) {
    c = new AddressCache(addrs);
    caches.set(addrs, c);
  }
  return c;
}
