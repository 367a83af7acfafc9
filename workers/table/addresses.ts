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
  private v6 = new Map<string, number>();
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
      case AddrKind.IPV6: {
        let k = '';
        for (let i = 0; i < 16; i += 4) k += ((((b[off + i] as number) << 24) | ((b[off + i + 1] as number) << 16) | ((b[off + i + 2] as number) << 8) | (b[off + i + 3] as number)) >>> 0).toString(36) + '.';
        const id = this.v6.get(k);
        if (id !== undefined) return id;
        return this.add(this.v6, k, b, off, kind);
      }
    }
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

  kind(id: number): number {
    return this.kinds[id] ?? 0;
  }

  /** Approximate bytes held (for the bytes-per-packet figure). */
  get byteSize(): number {
    return this.kinds.length * 48;
  }
}
