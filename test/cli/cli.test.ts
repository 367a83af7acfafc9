// The command line as a user runs it: `node bin/decapod.js fields …`, checked against tshark's
// expected output and for its one-line errors and exit codes.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAPTURES, EXPECTED, REPO } from '../golden/corpus.ts';

function decapod(...args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync('node', [join(REPO, 'bin/decapod.js'), ...args], { encoding: 'utf8' });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/** Columns `fields` of tshark's expected file for `capture`, with the header line. */
function expectedColumns(name: string, fields: string[]): string {
  const lines = readFileSync(join(EXPECTED, name), 'utf8').split('\n').filter((l) => l !== '');
  const header = (lines[0] as string).split('\t');
  const idx = fields.map((f) => header.indexOf(f));
  return lines.map((l) => idx.map((i) => l.split('\t')[i]).join('\t')).join('\n') + '\n';
}

describe('decapod fields', () => {
  it('prints what tshark prints, with -E header=y', () => {
    const fields = ['frame.number', 'ip.src', 'ip.dst', 'udp.dstport', 'vxlan.vni', 'eth.type'];
    const r = decapod('fields', join(CAPTURES, 'vxlan.pcap'), '-E', 'header=y', ...fields.flatMap((f) => ['-e', f]));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toBe(expectedColumns('vxlan.pcap.tsv', fields));
  });

  it('decodes UDP 8472 as VXLAN with or without -d, as Wireshark 4.4 does', () => {
    const fields = ['frame.number', 'ip.src', 'vxlan.vni', 'udp.dstport'];
    const want = expectedColumns('vxlan_port_8472.pcap.decode-as-8472.tsv', fields).split('\n').slice(1).join('\n');
    const plain = decapod('fields', join(CAPTURES, 'vxlan_port_8472.pcap'), ...fields.flatMap((f) => ['-e', f]));
    const withD = decapod('fields', join(CAPTURES, 'vxlan_port_8472.pcap'), '-d', 'udp.port==8472,vxlan', ...fields.flatMap((f) => ['-e', f]));
    expect(plain.out).toBe(want);
    expect(withD.out).toBe(want);
  });

  it('-d udp.port==N,none turns the default VXLAN binding off', () => {
    const r = decapod('fields', join(CAPTURES, 'vxlan.pcap'), '-d', 'udp.port==4789,none', '-e', 'vxlan.vni', '-e', 'ip.src');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe('\t192.168.203.1');
  });

  it('rejects an unknown field in one line with a non-zero exit', () => {
    const r = decapod('fields', join(CAPTURES, 'vxlan.pcap'), '-e', 'ip.srcc');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toBe('decapod: unknown field: ip.srcc\n');
  });

  it('rejects a missing file', () => {
    const r = decapod('fields', '/nonexistent/x.pcap', '-e', 'ip.src');
    expect(r.code).toBe(1);
    expect(r.err).toBe('decapod: cannot open "/nonexistent/x.pcap": no such file\n');
  });

  it('rejects a bad -d', () => {
    const r = decapod('fields', join(CAPTURES, 'vxlan.pcap'), '-d', 'udp.port==4789,nosuchproto', '-e', 'ip.src');
    expect(r.code).toBe(1);
    expect(r.err).toContain('no protocol "nosuchproto"');
    expect(r.err.trim().split('\n')[0]).toMatch(/^decapod: /);
  });

  it('reports a file that is not a capture', () => {
    const dir = mkdtempSync(join(tmpdir(), 'decapod-'));
    const f = join(dir, 'notes.pcap');
    writeFileSync(f, 'this is not a capture file at all\n');
    const r = decapod('fields', f, '-e', 'frame.number');
    expect(r.code).not.toBe(0);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^decapod: ".*notes\.pcap": .*magic.*\n$/);
  });

  it('prints every packet before the damage of a cut-off capture, then the error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'decapod-'));
    const whole = readFileSync(join(CAPTURES, 'vxlan.pcap'));
    const f = join(dir, 'cut.pcap');
    writeFileSync(f, whole.subarray(0, whole.length - 10));
    const r = decapod('fields', f, '-e', 'frame.number');
    expect(r.code).toBe(2);
    expect(r.out).toBe('1\n2\n3\n4\n5\n6\n7\n8\n9\n');
    expect(r.err.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.err).toContain('cut');
  });
});
