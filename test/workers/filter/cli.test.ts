// `decapod fields FILE -e frame.number -Y FILTER` prints the frames tshark -Y prints, and a filter
// tshark rejects is a located error with a non-zero exit.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../cli/main.ts';
import { compileFilterForCli } from '../../../cli/filter.ts';
import { CORPUS_CAPTURES, expectedCaptures } from './fixtures.ts';

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const utf8 = new TextDecoder();
  const text = (s: string | Uint8Array): string => (typeof s === 'string' ? s : utf8.decode(s));
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((out += text(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
  try {
    const code = await main(argv);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('decapod fields -Y', () => {
  const vxlan = expectedCaptures().find((c) => c.capture === 'vxlan.pcap');
  const path = join(CORPUS_CAPTURES, 'vxlan.pcap');

  it('prints the frames tshark -Y prints (vxlan.pcap)', async (ctx) => {
    if (!vxlan || !existsSync(path)) return ctx.skip();
    for (const f of ['ip.ttl != 64', 'ip.dst ~= 192.168.203.0/24', 'icmp.type == 8 && ip.src#2 == 192.168.203.3', 'arp || eth.src[0:3] == 36:dc:85']) {
      const r = await run(['fields', path, '-e', 'frame.number', '-Y', f]);
      expect(r.code, r.err).toBe(0);
      expect(r.out.split('\n').filter((l) => l !== '').map(Number), f).toEqual(vxlan.matches[f] ?? TSHARK[f]);
    }
  });

  it('rejects a bad filter with the message, the expression and a caret, and exit status 1', async (ctx) => {
    if (!existsSync(path)) return ctx.skip();
    const r = await run(['fields', path, '-e', 'frame.number', '-Y', 'ip.srcc == 10.0.0.1']);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toBe('decapod: "ip.srcc" is neither a field nor a protocol name. Did you mean "ip.src"?\n    ip.srcc == 10.0.0.1\n    ^~~~~~~\n');
  });

  it('compileFilterForCli throws on an unbalanced parenthesis', () => {
    expect(() => compileFilterForCli('(udp', [])).toThrow('Unexpected end of filter expression.');
  });
});

/** tshark 4.0.17 -Y on vxlan.pcap, recorded by hand, for filters that are not in valid.txt. */
const TSHARK: Record<string, number[]> = {
  'ip.ttl != 64': [2],
  'ip.dst ~= 192.168.203.0/24': [1, 3, 5, 7, 9],
  'icmp.type == 8 && ip.src#2 == 192.168.203.3': [1, 5, 7, 9],
  'arp || eth.src[0:3] == 36:dc:85': [1, 2, 3, 5, 7, 9],
};
