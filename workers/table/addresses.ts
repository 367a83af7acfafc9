// Interned addresses for the index columns: each distinct IPv4 / IPv6 / MAC address gets a small
// integer id (0 = none), so a row stores 2 bytes per address (4 past 65,535 addresses) and the
// text is made once per address. The filter's shape index keeps its MAC addresses here too.

import { etherText, ipv4Text, ipv6Text } from '../fields/format.ts';

export const enum AddrKind {
  IPV4 = 4,
  MAC = 6,
  IPV6 = 16,
}

export class AddressTable {
  /** Open addressing over the ids (0 = empty slot), keyed by kind and bytes: no Map and no key
   *  object per packet (the index pass interns up to four addresses a packet, and the shape
   *  index four MAC addresses more). */
  private slots: Int32Array = new Int32Array(1024);
  private kinds: number[] = [0];
  private bytes: Uint8Array[] = [new Uint8Array(0)];
  private texts: (string | undefined)[] = [''];

  get size(): number {
    return this.kinds.length - 1;
  }

  /** Id of the address of `kind` bytes at b[off]. */
  intern(b: Uint8Array, off: number, kind: AddrKind): number {
    const h = hash(b, off, kind);
    let slots = this.slots;
    let mask = slots.length - 1;
    let s = h & mask;
    for (; ; s = (s + 1) & mask) {
      const id = slots[s] as number;
      if (id === 0) break;
      if (this.kinds[id] === kind && same(this.bytes[id] as Uint8Array, b, off, kind)) return id;
    }
    const id = this.kinds.length;
    this.kinds.push(kind);
    this.bytes.push(b.slice(off, off + kind));
    this.texts.push(undefined);
    if (id * 2 > slots.length) {
      this.slots = slots = rehash(slots, this.bytes, this.kinds);
      mask = slots.length - 1;
      s = h & mask;
      while ((slots[s] as number) !== 0) s = (s + 1) & mask;
    }
    slots[s] = id;
    return id;
  }

  text(id: number): string {
    const t = this.texts[id];
    if (t !== undefined) return t;
    const b = this.bytes[id] as Uint8Array;
    const kind = this.kinds[id];
    const s = kind === AddrKind.IPV4 ? ipv4Text(b, 0) : kind === AddrKind.IPV6 ? ipv6Text(b, 0) : kind === AddrKind.MAC ? etherText(b, 0) : '';
    this.texts[id] = s;
    return s;
  }

  /** The bytes of address `id` (4, 6 or 16 of them; empty for id 0). */
  bytesOf(id: number): Uint8Array {
    return this.bytes[id] ?? (this.bytes[0] as Uint8Array);
  }

  kind(id: number): number {
    return this.kinds[id] ?? 0;
  }

  /** Approximate bytes held (for the bytes-per-packet figure). */
  get byteSize(): number {
    return this.slots.byteLength + this.kinds.length * 48;
  }
}

function hash(b: Uint8Array, off: number, len: number): number {
  let h = 0x811c9dc5 ^ len;
  for (let i = 0; i < len; i++) h = Math.imul(h ^ (b[off + i] as number), 0x01000193);
  h ^= h >>> 15;
  return Math.imul(h, 0x2c1b3c6d) >>> 0;
}

function same(a: Uint8Array, b: Uint8Array, off: number, len: number): boolean {
  for (let i = 0; i < len; i++) if (a[i] !== b[off + i]) return false;
  return true;
}

/** The slot table at twice the size, with every id placed again. */
function rehash(old: Int32Array, bytes: Uint8Array[], kinds: number[]): Int32Array {
  const slots = new Int32Array(old.length * 2);
  const mask = slots.length - 1;
  for (let k = 0; k < old.length; k++) {
    const id = old[k] as number;
    if (id === 0) continue;
    let s = hash(bytes[id] as Uint8Array, 0, kinds[id] as number) & mask;
    while ((slots[s] as number) !== 0) s = (s + 1) & mask;
    slots[s] = id;
  }
  return slots;
}
