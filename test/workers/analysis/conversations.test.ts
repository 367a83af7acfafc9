// The conversation table (workers/analysis/tcp-conversations.ts) behind tcp.stream and udp.stream:
// numbering in order of first appearance, either direction finding the same conversation, IPv4 and
// IPv6 keys apart, a reused key chained to the frame that opened each conversation, user words,
// and all of it across many records (chunks and table growth) and after reset().
import { describe, expect, it } from 'vitest';
import { ConversationTable } from '../../../workers/analysis/tcp-conversations.ts';

/** A buffer holding a source address at 0 and a destination address at 16 (4 or 16 bytes). */
function endpoints(src: number[], dst: number[]): Uint8Array {
  const b = new Uint8Array(32);
  b.set(src, 0);
  b.set(dst, 16);
  return b;
}

const A4 = [10, 0, 0, 1];
const B4 = [10, 0, 0, 2];
const A6 = [0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 10, 0, 0, 1];
const B6 = [0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 10, 0, 0, 2];

describe('ConversationTable', () => {
  it('finds a conversation from either direction and tells the direction', () => {
    const t = new ConversationTable();
    const fwd = endpoints(A4, B4);
    const rev = endpoints(B4, A4);
    expect(t.find(fwd, 0, 16, 4, 1234, 80, 1)).toBe(-1);
    expect(t.add(fwd, 0, 16, 4, 1234, 80, 1)).toBe(0);
    expect(t.find(rev, 0, 16, 4, 80, 1234, 2)).toBe(0);
    expect(t.direction(0, fwd, 0, 4, 1234)).toBe(0);
    expect(t.direction(0, rev, 0, 4, 80)).toBe(1);
    // Other ports, or the same ports the wrong way round on the same addresses: another key.
    expect(t.find(fwd, 0, 16, 4, 1234, 81, 3)).toBe(-1);
    expect(t.find(fwd, 0, 16, 4, 80, 1234, 3)).toBe(-1);
    // Equal ports: the addresses alone tell the direction.
    expect(t.add(fwd, 0, 16, 4, 53, 53, 4)).toBe(1);
    expect(t.find(rev, 0, 16, 4, 53, 53, 5)).toBe(1);
    expect(t.direction(1, rev, 0, 4, 53)).toBe(1);
    expect(t.direction(1, fwd, 0, 4, 53)).toBe(0);
  });

  it('keeps IPv6 keys apart from IPv4 ones and compares all 16 bytes', () => {
    const t = new ConversationTable();
    t.add(endpoints(A4, B4), 0, 16, 4, 1000, 2000, 1);
    expect(t.find(endpoints(A6, B6), 0, 16, 16, 1000, 2000, 2)).toBe(-1);
    expect(t.add(endpoints(A6, B6), 0, 16, 16, 1000, 2000, 2)).toBe(1);
    expect(t.find(endpoints(B6, A6), 0, 16, 16, 2000, 1000, 3)).toBe(1);
    expect(t.direction(1, endpoints(B6, A6), 0, 16, 2000)).toBe(1);
    expect(t.direction(1, endpoints(A6, B6), 0, 16, 1000)).toBe(0);
    const other = [...A6];
    other[3] = 0xb9; // differs in the first word only
    expect(t.find(endpoints(other, B6), 0, 16, 16, 1000, 2000, 4)).toBe(-1);
    // The IPv4 addresses at the start of an IPv6-long buffer do not match the IPv4 conversation.
    expect(t.find(endpoints(A4, B4), 0, 16, 4, 1000, 2000, 5)).toBe(0);
  });

  it('chains a reused key: each frame finds the conversation open at its time', () => {
    const t = new ConversationTable();
    const b = endpoints(A4, B4);
    expect(t.add(b, 0, 16, 4, 5000, 80, 10)).toBe(0);
    expect(t.add(b, 0, 16, 4, 5000, 80, 20)).toBe(1);
    expect(t.find(b, 0, 16, 4, 5000, 80, 25)).toBe(1);
    expect(t.find(b, 0, 16, 4, 5000, 80, 20)).toBe(1);
    expect(t.find(b, 0, 16, 4, 5000, 80, 19)).toBe(0);
    expect(t.find(b, 0, 16, 4, 5000, 80, 10)).toBe(0);
    expect(t.find(b, 0, 16, 4, 5000, 80, 9)).toBe(-1);
  });

  it('finds every conversation, reused keys included, after room was reserved part-way', () => {
    const t = new ConversationTable();
    const b = (k: number): Uint8Array => endpoints([10, 1, (k >> 8) & 255, k & 255], B4);
    // 300 conversations, then 20 of their keys opened again (port reuse)
    for (let k = 0; k < 300; k++) t.add(b(k), 0, 16, 4, 1000, 80, k + 1);
    for (let k = 0; k < 20; k++) t.add(b(k), 0, 16, 4, 1000, 80, 301 + k);
    t.reserve(100_000);
    t.reserve(10); // less than it has room for: nothing changes
    for (let k = 300; k < 3000; k++) t.add(b(k), 0, 16, 4, 1000, 80, k + 21);
    const wrong: string[] = [];
    for (let k = 0; k < 3000; k++) {
      const now = t.find(b(k), 0, 16, 4, 1000, 80, 10_000);
      const want = k < 20 ? 300 + k : k < 300 ? k : k + 20;
      if (now !== want) wrong.push(`#${k}: ${now}, not ${want}`);
    }
    // the older conversation of a reused key, from a frame before the reuse
    expect(t.find(b(5), 0, 16, 4, 1000, 80, 300)).toBe(5);
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(t.count).toBe(3020);
  });

  it('holds user words per conversation, zero when new', () => {
    const t = new ConversationTable(3);
    const b = endpoints(A4, B4);
    const s = t.add(b, 0, 16, 4, 1, 2, 1);
    expect([t.user(s, 0), t.user(s, 1), t.user(s, 2)]).toEqual([0, 0, 0]);
    t.setUser(s, 0, -1);
    t.setUser(s, 2, 0x7fff0000);
    expect([t.user(s, 0) >>> 0, t.user(s, 1), t.user(s, 2)]).toEqual([4294967295, 0, 0x7fff0000]);
    t.reset();
    expect(t.add(b, 0, 16, 4, 1, 2, 1)).toBe(0);
    expect([t.user(0, 0), t.user(0, 1), t.user(0, 2)]).toEqual([0, 0, 0]);
  });

  it('numbers 50,000 conversations in order and finds each again, before and after reset', () => {
    const t = new ConversationTable(3);
    const n = 50_000;
    const key = (k: number, rev: boolean): [Uint8Array, number, number] => {
      const a = k % 3 === 0 ? [...A6.slice(0, 12), 10, (k >> 16) & 255, (k >> 8) & 255, k & 255] : [10, (k >> 16) & 255, (k >> 8) & 255, k & 255];
      const z = a.length === 16 ? B6 : B4;
      const sport = 1024 + (k % 50_000);
      return rev ? [endpoints(z, a), 443, sport] : [endpoints(a, z), sport, 443];
    };
    for (let round = 0; round < 2; round++) {
      const wrong: string[] = [];
      for (let k = 0; k < n; k++) {
        const [b, sp, dp] = key(k, false);
        const alen = k % 3 === 0 ? 16 : 4;
        const found = t.find(b, 0, 16, alen, sp, dp, k + 1);
        const added = t.add(b, 0, 16, alen, sp, dp, k + 1);
        if (found !== -1 || added !== k) wrong.push(`#${k}: found ${found}, added ${added}`);
        t.setUser(k, 1, k * 7);
      }
      expect(t.count).toBe(n);
      for (let k = 0; k < n; k += 7) {
        const [b, sp, dp] = key(k, true);
        const alen = k % 3 === 0 ? 16 : 4;
        const found = t.find(b, 0, 16, alen, sp, dp, n + 1);
        const dir = t.direction(k, b, 0, alen, sp);
        if (found !== k || dir !== 1 || t.user(k, 1) !== k * 7) wrong.push(`#${k} back: found ${found}, direction ${dir}, user ${t.user(k, 1)}`);
      }
      expect(wrong.slice(0, 5)).toEqual([]);
      t.reset();
      expect(t.count).toBe(0);
    }
  });
});
