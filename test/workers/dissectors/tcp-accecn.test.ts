// AccECN's TCP option (draft-ietf-tcpm-accurate-ecn; packet-tcp.c's dissect_tcpopt_acc_ecn_data)
// on the corpus's accecn_handshake.pcap, whose SYN-ACK and first ACK carry the byte counters in an
// RFC 6994 experimental option (ExID 0xACC0). Expected rows: tshark 4.0.17's
// `-T fields -E occurrence=a` of the same fields.

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAPTURES, REPO } from '../../golden/corpus.ts';

const FIELDS = ['frame.number', 'tcp.options.acc_ecn.ee0b', 'tcp.options.acc_ecn.eceb', 'tcp.options.acc_ecn.ee1b', 'tcp.options.experimental.exid', 'tcp.flags.ace'];
const TSHARK = [
  '1\t\t\t\t\t',
  '2\t1\t0\t0\t0xacc0\t',
  '3\t0\t16777215\t16777215\t0xacc0\t2',
  '4\t\t\t\t\t5',
];

describe('AccECN option', () => {
  it("reads the byte counters of the experimental option as tshark does, and the ACE counter after the handshake", () => {
    const r = spawnSync('node', [join(REPO, 'bin/decapod.js'), 'fields', join(CAPTURES, 'accecn_handshake.pcap'), '-E', 'occurrence=a', ...FIELDS.flatMap((f) => ['-e', f])], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.split('\n').slice(0, 4)).toEqual(TSHARK);
  });
});
