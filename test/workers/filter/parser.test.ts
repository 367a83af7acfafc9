import { describe, expect, it } from 'vitest';
import type { TestNode, ValueNode } from '../../../workers/filter/ast.ts';
import { ParseError, parse } from '../../../workers/filter/parser.ts';

/** A compact picture of the tree: (and a b), (== x y) … */
function show(n: TestNode | ValueNode): string {
  switch (n.kind) {
    case 'and':
    case 'or':
      return `(${n.kind} ${show(n.left)} ${show(n.right)})`;
    case 'not':
      return `(not ${show(n.expr)})`;
    case 'exists':
      return show(n.value);
    case 'compare':
      return `(${n.quant ? n.quant + ' ' : ''}${n.op} ${show(n.left)} ${show(n.right)})`;
    case 'in':
      return `(${n.quant ? n.quant + ' ' : ''}in ${show(n.left)} {${n.set.map((e) => (e.kind === 'one' ? show(e.value) : `${show(e.low)}..${show(e.high)}`)).join(' ')}})`;
    case 'word':
      return n.text + (n.layers ? `#${n.layers.map((l) => l.text).join(',')}` : '');
    case 'string':
    case 'char':
      return n.text;
    case 'ref':
      return `\${${n.name}}`;
    case 'slice':
      return `${show(n.target)}[${n.ranges.map((r) => r.text).join(',')}]`;
    case 'call':
      return `${n.name}(${n.args.map(show).join(', ')})`;
    case 'arith':
      return `(${n.op} ${show(n.left)} ${show(n.right)})`;
    case 'neg':
      return `(- ${show(n.expr)})`;
  }
}

const p = (s: string): string => show(parse(s));

function error(s: string): [string, number, number] {
  try {
    parse(s);
  } catch (e) {
    if (e instanceof ParseError) return [e.message, e.start, e.end];
    throw e;
  }
  return ['', -1, -1];
}

describe('parser', () => {
  it('gives not > and > or their Wireshark precedence', () => {
    expect(p('a and b or not c or d and not e or f')).toBe('(or (or (or (and a b) (not c)) (and d (not e))) f)');
    expect(p('!(a || b) && c')).toBe('(and (not (or a b)) c)');
    expect(p('((udp))')).toBe('udp');
  });

  it('parses comparisons, quantifiers, sets with ranges', () => {
    expect(p('ip.src == 10.0.0.0/8')).toBe('(any_eq ip.src 10.0.0.0/8)');
    expect(p('all tcp.port > 1024')).toBe('(all gt tcp.port 1024)');
    expect(p('any ip.addr != 1.1.1.1')).toBe('(any all_ne ip.addr 1.1.1.1)');
    expect(p('udp.dstport in {4789, 4780..4800}')).toBe('(in udp.dstport {4789 4780..4800})');
    expect(p('ip.addr in {10.0.0.5 .. 10.0.0.9, 192.168.1.1}')).toBe('(in ip.addr {10.0.0.5..10.0.0.9 192.168.1.1})');
  });

  it('binds & looser than + and * tighter, with braces for grouping', () => {
    expect(p('tcp.flags & 0x02')).toBe('(& tcp.flags 0x02)');
    expect(p('ip.ttl & 0x41 + 1 == 64')).toBe('(any_eq (& ip.ttl (+ 0x41 1)) 64)');
    expect(p('tcp.dstport >= 4 * {tcp.srcport + 3}')).toBe('(ge tcp.dstport (* 4 (+ tcp.srcport 3)))');
    expect(p('-ip.ttl < -1')).toBe('(lt (- ip.ttl) (- 1))');
  });

  it('parses slices, layers, functions and field references', () => {
    expect(p('eth.src[0:3] == 00:50:56')).toBe('(any_eq eth.src[0:3] 00:50:56)');
    expect(p('ip.src#2 == 172.16.0.0/16')).toBe('(any_eq ip.src#2 172.16.0.0/16)');
    expect(p('eth.src#2[0] == 00')).toBe('(any_eq eth.src#2[0] 00)');
    expect(p('len(dns.qry.name) > 5 && count(ip.src#[1-2]) == 2')).toBe('(and (gt len(dns.qry.name) 5) (any_eq count(ip.src#1-2) 2))');
    expect(p('max(ip.len, udp.length) > 100')).toBe('(gt max(ip.len, udp.length) 100)');
    expect(p('ip.src == ${ip.dst}')).toBe('(any_eq ip.src ${ip.dst})');
  });

  it('reports unbalanced parentheses and stray tokens with their location', () => {
    expect(error('(ip.src == 1.2.3.4')).toEqual(['Unexpected end of filter expression.', 18, 18]);
    expect(error('ip.src == 1.2.3.4)')).toEqual(['")" was unexpected in this context.', 17, 18]);
    expect(error('()')).toEqual(['")" was unexpected in this context.', 1, 2]);
    expect(error('ip.ttl == 1 == 1')).toEqual(['"==" was unexpected in this context.', 12, 14]);
    expect(error('udp.port in {80 443}')).toEqual(['"443" was unexpected in this context.', 16, 19]);
    expect(error('udp && ')).toEqual(['Unexpected end of filter expression.', 7, 7]);
    expect(error('udp.port == (udp.srcport + 1)')).toEqual(['"(" was unexpected in this context.', 12, 13]);
  });
});
