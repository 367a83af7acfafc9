// Ethernet loopback (workers/dissectors/loop.ts) and PPTP's control header (pptp.ts) against
// tshark 4.0.17: the values below are `tshark -n -r FILE -Y loop|pptp -T fields -E occurrence=a`
// of the corpus's various_gre.pcap (Cisco keepalives inside GRE) and pptp.pcap.

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAPTURES, REPO } from '../../golden/corpus.ts';

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
});
