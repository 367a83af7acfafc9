// `decapod fields … --profile FILE`: a Decapod profile or Wireshark's decode_as_entries file decodes
// exactly as the equivalent tshark `-d` options do, and a bad profile is a one-line error.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAPTURES, EXPECTED, REPO } from '../golden/corpus.ts';
import { defaultProfile, serializeProfile } from '../../src/lib/profiles/schema.ts';
import { unknownFields } from '../../workers/export/fields.ts';
import { loadProfileRules } from '../../cli/profile.ts';
import { vxlanOnPort } from '../src/profiles/fixtures.ts';

function decapod(...args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync('node', [join(REPO, 'bin/decapod.js'), ...args], { encoding: 'utf8' });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'decapod-profile-'));
function file(name: string, text: string | Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

function profileWith(rules: { table: 'udp.port'; value: number; proto: string }[]): string {
  const p = defaultProfile('CLI test');
  p.decodeAs.push(...rules);
  return serializeProfile(p);
}

/** The fields of the corpus' expected decodes (every one tshark was asked for) that the engine has. */
const FIELDS = (readFileSync(join(EXPECTED, 'vxlan.pcap.tsv'), 'utf8').split('\n')[0] as string).split('\t').filter((f) => f !== 'frame.protocols' && unknownFields([f]).length === 0);
const E = FIELDS.flatMap((f) => ['-e', f]);

function vxlanOn4792(): string {
  const { bytes, moved } = vxlanOnPort(4792);
  expect(moved).toBeGreaterThan(0);
  return file('vxlan-4792.pcap', bytes);
}

describe('decapod fields --profile', () => {
  it('a profile rule "udp.port 4789 none" prints what -d udp.port==4789,none prints', () => {
    const prof = file('none.json', profileWith([{ table: 'udp.port', value: 4789, proto: 'none' }]));
    const cap = join(CAPTURES, 'vxlan.pcap');
    const withProfile = decapod('fields', cap, ...E, '--profile', prof);
    const withD = decapod('fields', cap, ...E, '-d', 'udp.port==4789,none');
    const plain = decapod('fields', cap, ...E);
    expect(withProfile.err).toBe('');
    expect(withProfile.code).toBe(0);
    expect(withProfile.out).toBe(withD.out);
    expect(withProfile.out).not.toBe(plain.out); // the rule did change the decode
  });

  it("Wireshark's decode_as_entries file prints what the equivalent -d prints", () => {
    const entries = file('decode_as_entries', '# "Decode As" entries file for Wireshark 4.2.2.\n#\ndecode_as_entry: udp.port,4789,VXLAN,(none)\n');
    const cap = join(CAPTURES, 'vxlan.pcap');
    const a = decapod('fields', cap, ...E, '--profile', entries);
    expect(a.err).toBe('');
    expect(a.out).toBe(decapod('fields', cap, ...E, '-d', 'udp.port==4789,none').out);
  });

  it('decodes VXLAN on UDP 4792 from a profile as tshark does with -d udp.port==4792,vxlan', () => {
    const cap = vxlanOn4792();
    const prof = file('4792.json', profileWith([{ table: 'udp.port', value: 4792, proto: 'vxlan' }]));
    const entries = file('4792.entries', 'decode_as_entry: udp.port,4792,(none),VXLAN\n');
    const withD = decapod('fields', cap, ...E, '-d', 'udp.port==4792,vxlan');
    expect(withD.code).toBe(0);
    expect(decapod('fields', cap, ...E, '--profile', prof).out).toBe(withD.out);
    expect(decapod('fields', cap, ...E, '--profile', entries).out).toBe(withD.out);
    // the inner frames decode: VNIs and inner addresses as on the standard port
    const fields = ['-e', 'vxlan.vni', '-e', 'ip.src', '-e', 'ip.dst', '-e', 'eth.src'];
    expect(decapod('fields', cap, ...fields, '--profile', prof).out).toBe(decapod('fields', join(CAPTURES, 'vxlan.pcap'), ...fields).out);
    expect(decapod('fields', cap, '-e', 'vxlan.vni').out.replace(/\n/g, '')).toBe('');
  });

  it('decodes UDP 8472 as the expected tshark output with -d, from a decode_as_entries file', () => {
    const entries = file('8472.entries', 'decode_as_entry: udp.port,8472,VXLAN,VXLAN\n');
    const lines = readFileSync(join(EXPECTED, 'vxlan_port_8472.pcap.decode-as-8472.tsv'), 'utf8').split('\n');
    const header = (lines[0] as string).split('\t');
    const want = ['frame.number', 'ip.src', 'ip.dst', 'vxlan.vni', 'udp.dstport'];
    const idx = want.map((f) => header.indexOf(f));
    const expected = lines.slice(1).filter((l) => l !== '').map((l) => idx.map((i) => l.split('\t')[i]).join('\t') + '\n').join('');
    const r = decapod('fields', join(CAPTURES, 'vxlan_port_8472.pcap'), ...want.flatMap((f) => ['-e', f]), '--profile', entries);
    expect(r.err).toBe('');
    expect(r.out).toBe(expected);
  });

  it('-d after --profile overrides the profile for the same port, as a later rule does', () => {
    const prof = file('none2.json', profileWith([{ table: 'udp.port', value: 4789, proto: 'none' }]));
    const cap = join(CAPTURES, 'vxlan.pcap');
    expect(decapod('fields', cap, ...E, '--profile', prof, '-d', 'udp.port==4789,vxlan').out).toBe(decapod('fields', cap, ...E).out);
  });

  it('reports a bad profile in one line, with a non-zero exit and nothing on stdout', () => {
    const cap = join(CAPTURES, 'vxlan.pcap');
    for (const [path, message] of [
      [join(dir, 'missing.json'), `decapod: cannot read profile "${join(dir, 'missing.json')}": no such file\n`],
      [file('v9.json', JSON.stringify({ format: 'decapod-profile', version: 9 })), `decapod: profile "${join(dir, 'v9.json')}": the profile has version 9, newer than this Decapod reads (version 1); update Decapod to open it\n`],
    ]) {
      const r = decapod('fields', cap, '-e', 'ip.src', '--profile', path as string);
      expect(r.code).toBe(1);
      expect(r.out).toBe('');
      expect(r.err).toBe(message);
    }
  });

  it('names what is wrong with a damaged or foreign profile file', async () => {
    const cases: [string, string][] = [
      [file('cut.json', profileWith([{ table: 'udp.port', value: 4792, proto: 'vxlan' }]).slice(0, 80)), 'the profile is damaged: it is not valid JSON'],
      [file('foreign.json', '{"name": "not ours"}'), 'not a Decapod profile: "format" is missing, expected "decapod-profile"'],
      [file('badproto.json', profileWith([{ table: 'udp.port', value: 4792, proto: 'vxlam' }])), 'decodeAs[0].proto: no protocol "vxlam" in this version of Decapod'],
      [file('smb.entries', 'decode_as_entry: tcp.port,8080,(none),SMB\n'), 'line 1: Decapod has no protocol "SMB", so the decode would not match tshark\'s'],
      [file('garbled.entries', 'decode_as_entry: udp.port,47x2,(none),VXLAN\n'), 'line 1: "47x2" is not a number'],
      [file('colorfilters', '@UDP@udp@[28834,57427,65533][0,0,0]\n'), 'not a decode_as_entries file?'],
      [join(CAPTURES, 'vxlan.pcap'), 'not a profile or decode_as_entries file (it is not UTF-8 text)'],
      [dir, 'it is a folder'],
    ];
    for (const [path, message] of cases) {
      const e = await loadProfileRules(path).then(
        () => null,
        (x: Error) => x.message,
      );
      expect(e, path).not.toBeNull();
      expect(e, path).toContain(message);
      expect(e, path).not.toContain('\n');
    }
  });

  it('reads both kinds of file in-process, BOM and CRLF included', async () => {
    expect(await loadProfileRules(file('bom.json', '\uFEFF' + profileWith([{ table: 'udp.port', value: 4792, proto: 'vxlan' }])))).toEqual([{ table: 'udp.port', value: 4792, proto: 'vxlan' }]);
    expect(await loadProfileRules(file('crlf.entries', '# x\r\ndecode_as_entry: udp.port,4792,(none),VXLAN\r\n'))).toEqual([{ table: 'udp.port', value: 4792, proto: 'vxlan' }]);
  });
});
