// Ethernet loopback (workers/dissectors/loop.ts), PPTP's control header (pptp.ts) and PIM Hellos
// (pim.ts) against tshark 4.0.17: the values below are `tshark -n -r FILE -Y loop|pptp|pim -T
// fields -E occurrence=a` of the corpus's various_gre.pcap (Cisco keepalives and PIM inside GRE),
// pptp.pcap and erspan-type-ii-1.pcap, and tshark -V's lines of a Hello.

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAPTURES, REPO } from '../../golden/corpus.ts';
import { CaptureSession } from '../../../workers/session.ts';
import { openAsBlob } from 'node:fs';
import { treeLines } from './helpers.ts';

function fields(capture: string, filter: string, names: string[]): string[] {
  const r = spawnSync('node', [join(REPO, 'bin/decapod.js'), 'fields', join(CAPTURES, capture), '-Y', filter, '-E', 'occurrence=a', ...names.flatMap((f) => ['-e', f])], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.replace(/\n$/, '').split('\n');
}

describe('keepalives and tunnel control', () => {
  it("reads various_gre.pcap's Ethernet loopback replies as tshark does, the rest as data", () => {
    expect(fields('various_gre.pcap', 'loop', ['frame.number', 'loop.skipcount', 'loop.relevant_function', 'loop.function', 'loop.receipt_number', 'data.len'])).toEqual([
      '1\t0\t1\t1\t0\t44', '21\t0\t1\t1\t0\t44', '52\t0\t1\t1\t0\t44', '76\t0\t1\t1\t0\t44', '97\t0\t1\t1\t0\t44',
    ]);
  });

  it("reads pptp.pcap's control message headers as tshark does", () => {
    expect(fields('pptp.pcap', 'pptp', ['frame.number', 'pptp.length', 'pptp.type', 'pptp.magic_cookie', 'pptp.control_message_type'])).toEqual([
      '5\t156\t1\t0x1a2b3c4d\t1', '8\t156\t1\t0x1a2b3c4d\t2', '10\t168\t1\t0x1a2b3c4d\t7', '13\t32\t1\t0x1a2b3c4d\t8', '15\t24\t1\t0x1a2b3c4d\t15',
    ]);
  });

  it('reads PIM Hellos as tshark does: header, verified checksum, options', () => {
    const names = ['frame.number', 'pim.version', 'pim.type', 'pim.cksum', 'pim.cksum.status', 'pim.optiontype', 'pim.holdtime', 'pim.dr_priority', 'pim.generation_id'];
    expect(fields('various_gre.pcap', 'pim', names)).toEqual([
      '67\t2\t0\t0xa36a\t1\t1,20,19,21,65004\t105\t1\t635705103',
      '73\t2\t0\t0x8013\t1\t1,20,19,21,65004\t105\t1\t663763130',
    ]);
  });

  it("draws a PIM Hello as tshark -V does", async () => {
    const s = new CaptureSession();
    await s.open([await openAsBlob(join(CAPTURES, 'various_gre.pcap'))], ['various_gre.pcap'], []);
    const lines = treeLines((await s.getDetails(67)).tree, 'pim');
    expect(lines.slice(0, 5)).toEqual(['Protocol Independent Multicast', '    0010 .... = Version: 2', '    .... 0000 = Type: Hello (0)', '    Reserved byte(s): 00', '    Checksum: 0xa36a [correct]']);
    expect(lines.slice(5)).toEqual([
      '    [Checksum Status: Good]',
      '    PIM Options: 5',
      '        Option 1: Hold Time: 105', '            Type: 1', '            Length: 2', '            Holdtime: 105',
      '        Option 20: Generation ID: 635705103', '            Type: 20', '            Length: 4', '            Generation ID: 635705103',
      '        Option 19: DR Priority: 1', '            Type: 19', '            Length: 4', '            DR Priority: 1',
      '        Option 21: State-Refresh: Version = 1, Interval = 0s', '            Type: 21', '            Length: 4', '            Version: 1', '            Interval: 0', '            Reserved: 0',
      '        Option 65004: RPF Proxy Vector (Cisco proprietary)', '            Type: 65004', '            Length: 0',
    ]);
  });
});
