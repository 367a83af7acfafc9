// Interned addresses for the index columns: each distinct IPv4 / IPv6 / MAC address gets a small
// integer id (0 = none), so a row stores 4 bytes per address and the text is made once per address.

import { etherText, ipv4Text, ipv6Text } from '../fields/format.ts';

export const enum AddrKind {
  IPV4 = 4,
  MAC = 6,
  IPV6 = 16,
}

export class AddressTable {
  private v4 = new Map<number, number>();
  private mac = new Map<number, number>();
  /** IPv6: open addressing over the ids, keyed by the 16 bytes (no string key per packet). */
  private v6slots: Int32Array = new Int32Array(1024);
  private v6count = 0;
  private kinds: number[] = [0];
  private bytes: Uint8Array[] = [new Uint8Array(0)];
  private texts: (string | undefined)[] = [''];

  get size(): number {
    return this.kinds.length - 1;
  }

  /** Id of the address of `kind` bytes at b[off]. */
  intern(b: Uint8Array, off: number, kind: AddrKind): number {
    switch (kind) {
      case AddrKind.IPV4: {
        const k = (((b[off] as number) << 24) | ((b[off + 1] as number) << 16) | ((b[off + 2] as number) << 8) | (b[off + 3] as number)) >>> 0;
        const id = this.v4.get(k);
        if (id !== undefined) return id;
        return this.add(this.v4, k, b, off, kind);
      }
      case AddrKind.MAC: {
        const k = ((b[off] as number) * 2 ** 40) + ((b[off + 1] as number) * 2 ** 32) + ((((b[off + 2] as number) << 24) | ((b[off + 3] as number) << 16) | ((b[off + 4] as number) << 8) | (b[off + 5] as number)) >>> 0);
        const id = this.mac.get(k);
        if (id !== undefined) return id;
        return this.add(this.mac, k, b, off, kind);
      }
      case AddrKind.IPV6:
        return this.internV6(b, off);
    }
  }

  private internV6(b: Uint8Array, off: number): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < 16; i++) h = Math.imul(h ^ (b[off + i] as number), 0x01000193);
    let slots: Int32Array = this.v6slots;
    let mask = slots.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const id = slots[s] as number;
      if (id === 0) break;
      const a = this.bytes[id] as Uint8Array;
      let same = true;
      for (let i = 0; i < 16; i++) {
        if (a[i] !== b[off + i]) {
          same = false;
          break;
        }
      }
      if (same) return id;
    }
    const id = this.kinds.length;
    this.kinds.push(AddrKind.IPV6);
    this.bytes.push(b.slice(off, off + 16));
    this.texts.push(undefined);
    if (++this.v6count * 2 > slots.length) {
      this.v6slots = slots = rehashV6(slots, this.bytes);
      mask = slots.length - 1;
    }
    let s = h & mask;
    while ((slots[s] as number) !== 0) s = (s + 1) & mask;
    slots[s] = id;
    return id;
  }

  private add<K>(map: Map<K, number>, key: K, b: Uint8Array, off: number, kind: AddrKind): number {
    const id = this.kinds.length;
    map.set(key, id);
    this.kinds.push(kind);
    this.bytes.push(b.slice(off, off + kind));
    this.texts.push(undefined);
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
    return this.kinds.length * 48;
  }
}

function v6hash(a: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < 16; i++) h = Math.imul(h ^ (a[i] as number), 0x01000193);
  return h;
}

/** The IPv6 slot table at twice the size, with every id placed again. */
function rehashV6(old: Int32Array, bytes: Uint8Array[]): Int32Array {
  const slots = new Int32Array(old.length * 2);
  const mask = slots.length - 1;
  for (let k = 0; k < old.length; k++) {
    const id = old[k] as number;
    if (id === 0) continue;
    let s = v6hash(bytes[id] as Uint8Array) & mask;
    while ((slots[s] as number) !== 0) s = (s + 1) & mask;
    slots[s] = id;
  }
  return slots;
}
