// utf8Prefix: the part of a line that fits a Wireshark label buffer, counted in UTF-8 bytes
// (hand-counted: "é" is 2 bytes, "…" 3, "😀" 4 as a UTF-16 surrogate pair). The syslog fixture
// checks the same cut against tshark's lines (two messages longer than a tree line only in bytes).
import { describe, expect, it } from 'vitest';
import { utf8Prefix } from '../../../workers/fields/format.ts';

const bytes = (s: string): number => new TextEncoder().encode(s).length;

describe('utf8Prefix', () => {
  it('keeps a line that fits, whatever it holds', () => {
    expect(utf8Prefix('a'.repeat(239), 239)).toBe('a'.repeat(239));
    expect(utf8Prefix('…'.repeat(79), 239)).toBe('…'.repeat(79)); // 237 bytes
  });

  it('cuts ASCII at the byte count', () => {
    expect(utf8Prefix('a'.repeat(300), 239)).toBe('a'.repeat(239));
  });

  it('cuts multi-byte text before the character that would not fit', () => {
    expect(utf8Prefix('…'.repeat(80), 239)).toBe('…'.repeat(79)); // 240 bytes do not fit: 237
    expect(utf8Prefix('é'.repeat(200), 239)).toBe('é'.repeat(119)); // 238 bytes
    expect(utf8Prefix('x' + 'é'.repeat(200), 239)).toBe('x' + 'é'.repeat(119)); // 239 bytes
  });

  it('never splits a surrogate pair', () => {
    const cut = utf8Prefix('ab' + '😀'.repeat(100), 239);
    expect(cut).toBe('ab' + '😀'.repeat(59)); // 2 + 236 bytes; a 60th would make 242
    expect(bytes(cut)).toBe(238);
  });
});
