import { describe, expect, it } from 'vitest';
import { LexError, T, tokenize } from '../../../workers/filter/lexer.ts';

const kinds = (s: string): T[] => tokenize(s).map((t) => t.t);
const texts = (s: string): string[] => tokenize(s).filter((t) => t.t !== T.END).map((t) => t.text);

describe('lexer', () => {
  it('keeps field names, addresses and byte strings as single words', () => {
    expect(texts('ip.src == 10.0.0.0/8')).toEqual(['ip.src', '==', '10.0.0.0/8']);
    expect(texts('ipv6.addr==fe80::1/64')).toEqual(['ipv6.addr', '==', 'fe80::1/64']);
    expect(texts('eth.src[0:3] == 00:50:56')).toEqual(['eth.src', '[0:3]', '==', '00:50:56']);
    expect(texts('dns.qry.name == example.com')).toEqual(['dns.qry.name', '==', 'example.com']);
  });

  it('splits ranges at ".." and subtraction only after a space (as Wireshark)', () => {
    expect(texts('udp.dstport in {4780..4800}')).toEqual(['udp.dstport', 'in', '{', '4780', '..', '4800', '}']);
    expect(texts('ip.ttl == 65 -1')).toEqual(['ip.ttl', '==', '65', '-', '1']);
    expect(texts('udp.port-1')).toEqual(['udp.port-1']);
  });

  it('knows every operator spelling of Wireshark 4.0', () => {
    expect(kinds('a == b eq c any_eq d')).toEqual([T.WORD, T.ANY_EQ, T.WORD, T.ANY_EQ, T.WORD, T.ANY_EQ, T.WORD, T.END]);
    expect(kinds('a != b ne c all_ne d')).toEqual([T.WORD, T.ALL_NE, T.WORD, T.ALL_NE, T.WORD, T.ALL_NE, T.WORD, T.END]);
    expect(kinds('a === b all_eq c')).toEqual([T.WORD, T.ALL_EQ, T.WORD, T.ALL_EQ, T.WORD, T.END]);
    expect(kinds('a !== b ~= c any_ne d')).toEqual([T.WORD, T.ANY_NE, T.WORD, T.ANY_NE, T.WORD, T.ANY_NE, T.WORD, T.END]);
    expect(kinds('a ~ b matches c contains d')).toEqual([T.WORD, T.MATCHES, T.WORD, T.MATCHES, T.WORD, T.CONTAINS, T.WORD, T.END]);
    expect(kinds('!a && b || not c and d or e')).toEqual([T.NOT, T.WORD, T.AND, T.WORD, T.OR, T.NOT, T.WORD, T.AND, T.WORD, T.OR, T.WORD, T.END]);
    expect(kinds('a & b bitwise_and c')).toEqual([T.WORD, T.BITAND, T.WORD, T.BITAND, T.WORD, T.END]);
    expect(kinds('anything andover')).toEqual([T.WORD, T.WORD, T.END]);
  });

  it('reads strings with escapes, raw strings and character constants', () => {
    const [s] = tokenize('"a\\"b\\x41\\101\\n\\u00e9"');
    expect(Array.from(s?.bytes ?? [])).toEqual([0x61, 0x22, 0x62, 0x41, 0x41, 0x0a, 0xc3, 0xa9]);
    const [r] = tokenize('r"\\d+\\"x"');
    expect(new TextDecoder().decode(r?.bytes)).toBe('\\d+\\"x');
    expect(tokenize("'\\n'")[0]?.value).toBe(10);
    expect(tokenize("'\\x41'")[0]?.value).toBe(0x41);
    expect(tokenize("'\\012'")[0]?.value).toBe(10);
  });

  it('reads slices and layers with their ranges', () => {
    const [, sl] = tokenize('frame[1,3-5,9:,-4:2,:2]');
    expect(sl?.ranges?.map((r) => [r.start, r.length])).toEqual([
      [1, 1],
      [3, 3],
      [9, -1],
      [-4, 2],
      [0, 2],
    ]);
    const [, layer] = tokenize('ip.src#2');
    expect(layer?.t).toBe(T.LAYER);
    expect(layer?.ranges?.map((r) => [r.start, r.length])).toEqual([[2, 1]]);
    const [, lr] = tokenize('tcp.port#[2-4]');
    expect(lr?.ranges?.map((r) => [r.start, r.length])).toEqual([[2, 3]]);
  });

  it('reports errors with their location', () => {
    const at = (s: string): [string, number, number] => {
      try {
        tokenize(s);
      } catch (e) {
        if (e instanceof LexError) return [e.message, e.start, e.end];
      }
      return ['', -1, -1];
    };
    expect(at('ip.src == "abc')).toEqual(['The final quote was missing from a quoted string.', 10, 14]);
    expect(at('ip.src#a')).toEqual(['Expected digit or "[", not "a"', 7, 8]);
    expect(at('eth.src[1-1]')[0]).toBe("Range 1-1 isn't valid because 1 is greater or equal than 1");
    expect(at('eth.src[2:0]')[0]).toBe("Range 2:0 isn't valid because length 0 isn't positive");
    expect(at('eth.src[0:3')[0]).toBe('The right bracket was missing from a slice.');
    expect(at('ip.ttl == 64 ; udp')).toEqual(['";" was unexpected in this context.', 13, 14]);
  });
});
