// Interned addresses for the index columns: each distinct IPv4 / IPv6 / MAC address gets a small
// integer id (0 = none), so a row stores 2 bytes per address (4 past 65,535 addresses) and the
// text is made once per address. The filter's shape index keeps its MAC addresses here too.

import { AddrKind } from '../fields/address-kind.ts';
import { etherText, ipv4Text, ipv6Text } from '../fields/format.ts';

/** Bytes of an address of `kind`. */
function lengthOf(kind: AddrKind): number {
  return kind & 0xff;
}

/** Int32s per hash slot: id (0 = empty), kind, and the address as four 32-bit words. */
const STRIDE = 6;

export class AddressTable {
  /** Open addressing, the key stored in the slot itself (kind and up to 16 bytes as words): a
   *  lookup reads one cache line, no Map and no object per address is touched (the index pass
   *  interns up to four addresses a packet, and the shape index four MAC addresses more). */
  private slots: Int32Array = new Int32Array(32 * STRIDE);
  private kinds: number[] = [0];
  private bytes: Uint8Array[] = [new Uint8Array(0)];
  private texts: (string | undefined)[] = [''];

  constructor() {
    // 64 slots, made through rehash() once more: see fields/typed-arrays.ts (V8 field constness).
    // Small, so that the engine's warm-up grows the table too: code V8 optimised before add()
    // had ever grown it was thrown away at the first growth of a real capture's table.
    this.slots = rehash(this.slots);
  }

  get size(): number {
    return this.kinds.length - 1;
  }

  /** Id of the address of `kind` bytes at b[off]. */
  intern(b: Uint8Array, off: number, kind: AddrKind): number {
    const w0 = lengthOf(kind) === 1 ? (b[off] as number) : word(b, off);
    let w1 = 0, w2 = 0, w3 = 0;
    if (lengthOf(kind) === 6) w1 = ((b[off + 4] as number) << 8) | (b[off + 5] as number);
    else if (lengthOf(kind) === 8) w1 = word(b, off + 4);
    else if (kind === AddrKind.IPV6) {
      w1 = word(b, off + 4);
      w2 = word(b, off + 8);
      w3 = word(b, off + 12);
    }
    const T = this.slots;
    const mask = T.length / STRIDE - 1;
    for (let s = hash(kind, w0, w1, w2, w3) & mask; ; s = (s + 1) & mask) {
      const o = s * STRIDE;
      const id = T[o] as number;
      if (id === 0) return this.add(o, b, off, kind, w0, w1, w2, w3);
      if (T[o + 1] === kind && T[o + 2] === w0 && T[o + 3] === w1 && T[o + 4] === w2 && T[o + 5] === w3) return id;
    }
  }

  private add(o: number, b: Uint8Array, off: number, kind: AddrKind, w0: number, w1: number, w2: number, w3: number): number {
    const id = this.kinds.length;
    this.kinds.push(kind);
    this.bytes.push(b.slice(off, off + lengthOf(kind)));
    this.texts.push(undefined);
    const T = this.slots;
    T[o] = id;
    T[o + 1] = kind;
    T[o + 2] = w0;
    T[o + 3] = w1;
    T[o + 4] = w2;
    T[o + 5] = w3;
    if (id * 2 * STRIDE > T.length) this.slots = rehash(T);
    return id;
  }

  text(id: number): string {
    const t = this.texts[id];
    if (t !== undefined) return t;
    const b = this.bytes[id] as Uint8Array;
    const kind = this.kinds[id];
    const s =
      kind === AddrKind.IPV4 ? ipv4Text(b, 0)
      : kind === AddrKind.IPV6 ? ipv6Text(b, 0)
      : kind === AddrKind.MAC ? etherText(b, 0)
      : kind === AddrKind.MAC_RA ? `${etherText(b, 0)} (RA)`
      : kind === AddrKind.MAC_TA ? `${etherText(b, 0)} (TA)`
      : kind === AddrKind.VSOCK ? vsockText(b)
      : kind === AddrKind.ARCNET ? `0x${((b[0] as number) | 0x100).toString(16).slice(1)}`
      : kind === AddrKind.TEXT ? asciiText(b)
      : '';
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

function word(b: Uint8Array, o: number): number {
  return ((b[o] as number) << 24) | ((b[o + 1] as number) << 16) | ((b[o + 2] as number) << 8) | (b[o + 3] as number);
}

function hash(kind: number, w0: number, w1: number, w2: number, w3: number): number {
  let h = Math.imul(w0 ^ kind, 0x9e3779b1);
  h = Math.imul(h ^ w1 ^ (h >>> 15), 0x85ebca6b);
  h = Math.imul(h ^ w2 ^ (h >>> 13), 0xc2b2ae35);
  h = Math.imul(h ^ w3 ^ (h >>> 16), 0x27d4eb2f);
  return (h ^ (h >>> 15)) >>> 0;
}

/** The slot table at twice the size, with every entry placed again (from the keys it holds). */
function rehash(old: Int32Array): Int32Array {
  const T = new Int32Array(old.length * 2);
  const mask = T.length / STRIDE - 1;
  for (let k = 0; k < old.length; k += STRIDE) {
    if (old[k] === 0) continue;
    let s = hash(old[k + 1] as number, old[k + 2] as number, old[k + 3] as number, old[k + 4] as number, old[k + 5] as number) & mask;
    while (T[s * STRIDE] !== 0) s = (s + 1) & mask;
    T.set(old.subarray(k, k + STRIDE), s * STRIDE);
  }
  return T;
}

/** A column text of AddrKind.TEXT: its bytes up to the first NUL. */
function asciiText(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length && b[i] !== 0; i++) s += String.fromCharCode(b[i] as number);
  return s;
}

/** A vSocket context id as Wireshark's column shows it: "host" for 2, else the number. */
function vsockText(b: Uint8Array): string {
  const v = new DataView(b.buffer, b.byteOffset, 8).getBigUint64(0, true);
  return v === 2n ? 'host' : v.toString();
}
