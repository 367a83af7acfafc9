// SSH (workers/dissectors/ssh.ts, ssh-kex.ts) against tshark 4.0.17: every occurrence of 41 SSH fields for
// every frame of the corpus captures that carry SSH (test/fixtures/ssh/*.tsv, written by
// scripts/make-ssh-fixture.sh): a whole SSHv2 handshake inside Geneve (group exchange with its
// group, ephemeral values, RSA host key and signature, the hassh fingerprints and 4.0's sequence
// numbers, then encrypted packets), a client-only one over InfiniBand, and an HTTP request sent to an SSH server
// (no client banner: the version stays unknown); and the Protocol and Info columns, which tshark's
// second pass fills from the final state of the stream.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAPTURES, REPO } from '../../golden/corpus.ts';
import { corpusRows } from '../table/corpus-rows.ts';
import { treeLines } from './helpers.ts';
import { CaptureSession } from '../../../workers/session.ts';
import { openAsBlob } from 'node:fs';

const CASES: [capture: string, frames: number][] = [['geneve.pcap', 39], ['ipoib.pcap', 30], ['get-to-ssh-server.pcap', 9]];

describe('SSH', () => {
  for (const [capture, frames] of CASES) {
    it(`prints tshark's values of the SSH fields of ${capture}`, () => {
      const [header, ...rows] = readFileSync(join(REPO, 'test/fixtures/ssh', capture.replace(/\.pcap$/, '.tsv')), 'utf8').replace(/\n$/, '').split('\n');
      const fields = (header as string).split('\t');
      expect(rows).toHaveLength(frames);
      const r = spawnSync('node', [join(REPO, 'bin/decapod.js'), 'fields', join(CAPTURES, capture), '-E', 'occurrence=a', ...fields.flatMap((f) => ['-e', f])], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout.replace(/\n$/, '').split('\n')).toEqual(rows);
    });
  }

  it('names the Protocol column as tshark does: SSHv2 on every frame of a stream whose client said so', async () => {
    const g = await corpusRows('geneve.pcap', 19);
    // frame 6: the server's banner, before the client's; 16: a group exchange reply and New Keys
    expect([g.protocol[5], g.info[5]]).toEqual(['SSHv2', 'Server: Protocol (SSH-2.0-OpenSSH_5.9p1 Debian-5ubuntu1)']);
    expect([g.protocol[12], g.info[12]]).toEqual(['SSHv2', 'Client: Diffie-Hellman Group Exchange Request']);
    expect(g.info[15]).toBe('Server: Diffie-Hellman Group Exchange Reply, New Keys');
    expect(g.info[18]).toBe('Client: Encrypted packet (len=48)');
    const h = await corpusRows('get-to-ssh-server.pcap');
    expect([h.protocol[3], h.info[3]]).toEqual(['SSH', 'Client: Encrypted packet (len=605)']);
    expect([h.protocol[5], h.info[5]]).toEqual(['SSH', 'Server: Protocol (SSH-2.0-OpenSSH_8.7)']);
    // a reset's data is its cause, not SSH (packet-tcp.c)
    expect([h.protocol[6], h.info[6]]).toEqual(['TCP', '22 → 44338 [RST, ACK] Seq=22 Ack=606 Win=64640 Len=0 TSval=2381625251 TSecr=654612844']);
    const i = await corpusRows('ipoib.pcap', 15);
    expect(i.info[14]).toBe('Client: Diffie-Hellman Key Exchange Init');
  });

  it("draws an encrypted packet as tshark -2 -V does: 36 bytes of a long byte field, then an ellipsis", async () => {
    const s = new CaptureSession();
    await s.open([await openAsBlob(join(CAPTURES, 'geneve.pcap'))], ['geneve.pcap'], []);
    expect(treeLines((await s.getDetails(19)).tree, 'ssh')).toEqual([
      'SSH Protocol',
      '    SSH Version 2',
      '        Packet Length (encrypted): aadc403a',
      '        Encrypted Packet: 1d2084274ba49ab7ccce78b89ae93adb8b0b8037712d57140a8df7b5533a8b9fc7c3f715…',
      '    [Direction: client-to-server]',
    ]);
  });
});
