// Interned addresses (the index columns' ids) as filter values: IPv4 as a uint32, IPv6 and MAC
// as bytes. The AddressTable keeps only text for display; each id is parsed back once here and
// kept, per table, for as long as the table lives.

import { AddrKind, type AddressTable } from '../table/addresses.ts';
import { parseEther, parseIpv4Cidr, parseIpv6 } from './values.ts';

export class AddressCache {
  // dense arrays (grown in order, never holey): the index pass looks ids up for every packet
  private v4: number[] = [];
  private bytes: (Uint8Array | null)[] = [];

  constructor(private addrs: AddressTable) {}

  /** The address as bytes (4, 16 or 6 of them); empty for id 0. */
  bytesOf(id: number): Uint8Array {
    let b = id < this.bytes.length ? this.bytes[id] : undefined;
    if (b) return b;
    while (this.bytes.length <= id) {
      this.bytes.push(null);
      this.v4.push(0);
    }
    const text = this.addrs.text(id);
    switch (this.addrs.kind(id)) {
      case AddrKind.IPV4: {
        const v = parseIpv4Cidr(text)?.addr ?? 0;
        b = Uint8Array.of(v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255);
        this.v4[id] = v;
        break;
      }
      case AddrKind.IPV6:
        b = parseIpv6(text) ?? new Uint8Array(16);
        break;
      case AddrKind.MAC:
        b = parseEther(text) ?? new Uint8Array(6);
        break;
      default:
        b = new Uint8Array(0);
    }
    this.bytes[id] = b;
    return b;
  }

  /** An IPv4 address id as a uint32. */
  v4Of(id: number): number {
    if (id < this.bytes.length && this.bytes[id]) return this.v4[id] as number;
    this.bytesOf(id);
    return this.v4[id] ?? 0;
  }

  /** Whether address `id` is the `len` bytes at b[off]. */
  sameBytes(id: number, b: Uint8Array, off: number, len: number): boolean {
    if (id === 0) return false;
    const a = this.bytesOf(id);
    if (a.length !== len || off + len > b.length) return false;
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
