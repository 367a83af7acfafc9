// The command line's row writer thread (cli/row-thread.ts), forced on with DECAPOD_ROW_THREAD=1
// (by default only captures of 4 MiB and more use it): the same output as tshark's expected files
// and as the single-threaded command, the error after a cut-off capture's rows, and a closed pipe.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CAPTURES, EXPECTED, REPO } from '../golden/corpus.ts';
import { generateCapture } from '../workers/filter/fixtures.ts';

function decapod(thread: '0' | '1', ...args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync('node', [join(REPO, 'bin/decapod.js'), ...args], { encoding: 'utf8', env: { ...process.env, DECAPOD_ROW_THREAD: thread }, maxBuffer: 1 << 28 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/** tshark's expected file without frame.protocols (not compared), header line included. */
function expected(name: string): { fields: string[]; text: string } {
  const lines = readFileSync(join(EXPECTED, name), 'utf8').split('\n').filter((l) => l !== '');
  const header = (lines[0] as string).split('\t');
  const keep = header.map((f, i) => (f === 'frame.protocols' ? -1 : i)).filter((i) => i >= 0);
  return { fields: keep.map((i) => header[i] as string), text: lines.map((l) => keep.map((i) => l.split('\t')[i]).join('\t')).join('\n') + '\n' };
}

describe('decapod fields with the row writer thread', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'decapod-row-thread-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  for (const [name, capture, extra] of [
    ['vxlan.pcap.tsv', 'vxlan.pcap', []],
    ['dns_tcp.pcap.tsv', 'dns_tcp.pcap', []],
    ['geneve-vxlan-dns-truncated.pcap.tsv', 'geneve-vxlan-dns-truncated.pcap', []],
    ['vxlan_port_8472.pcap.decode-as-8472.tsv', 'vxlan_port_8472.pcap', ['-d', 'udp.port==8472,vxlan']],
  ] as const) {
    it(`prints what tshark prints: ${name}`, () => {
      const e = expected(name);
      const r = decapod('1', 'fields', join(CAPTURES, capture), '-E', 'header=y', ...extra, ...e.fields.flatMap((f) => ['-e', f]));
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(r.out).toBe(e.text);
    });
  }

  it('prints what the single thread prints on a generated 20k-packet mix', () => {
    const file = join(tmp, 'mix.pcap');
    if (!generateCapture(file, 20000, 11)) return;
    const fields = ['frame.number', 'frame.time_epoch', 'eth.src', 'ip.src', 'ipv6.dst', 'tcp.flags', 'udp.srcport', 'vxlan.vni', 'geneve.vni', 'dns.qry.name', 'frame.protocols'];
    const args = ['fields', file, ...fields.flatMap((f) => ['-e', f])];
    const one = decapod('0', ...args);
    const two = decapod('1', ...args);
    expect(two.code).toBe(0);
    expect(two.out.split('\n')).toHaveLength(20001);
    expect(two.out).toBe(one.out);
  });

  it('prints every packet before the damage of a cut-off capture, then the error', () => {
    const whole = readFileSync(join(CAPTURES, 'vxlan.pcap'));
    const f = join(tmp, 'cut.pcap');
    writeFileSync(f, whole.subarray(0, whole.length - 10));
    const r = decapod('1', 'fields', f, '-e', 'frame.number');
    expect(r.code).toBe(2);
    expect(r.out).toBe('1\n2\n3\n4\n5\n6\n7\n8\n9\n');
    expect(r.err).toContain('cut');
  });

  it('ends quietly when the reader of its output goes away (| head -2)', () => {
    const file = join(tmp, 'pipe.pcap');
    if (!generateCapture(file, 20000, 12)) return;
    for (const thread of ['0', '1']) {
      // the shell waits for both ends of the pipe: a writer that kept going would time out
      const r = spawnSync('sh', ['-c', `node "${join(REPO, 'bin/decapod.js')}" fields "${file}" -e frame.number -e ip.src | head -2`], {
        encoding: 'utf8', env: { ...process.env, DECAPOD_ROW_THREAD: thread }, timeout: 30_000,
      });
      expect(r.signal, `thread ${thread}`).toBeNull();
      expect(r.stdout.split('\n').map((l) => l.split('\t')[0])).toEqual(['1', '2', '']);
      expect(r.stderr, `thread ${thread}`).toBe('');
    }
  });
});
