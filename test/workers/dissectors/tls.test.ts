// TLS (workers/dissectors/tls.ts, tls-handshake.ts) against tshark 4.0.17 on the sessions of
// test/fixtures/tls/tls.pcap (scripts/make-tls-fixture.sh): TLS 1.2 with SNI and ALPN, TLS 1.3,
// a refused handshake (a plaintext alert), the TLS 1.2 session replayed in 120-byte segments (every
// record and flight reassembled by TCP) and 200 zero bytes to port 443. Every occurrence of 42
// fields in every frame (tls.tsv, one pass, as `decapod fields` reads a file), the Protocol and
// Info columns (tls-columns.tsv, tshark -2, as the packet list shows them), and whole TLS
// subtrees against tshark -2 -V.

import { spawnSync } from 'node:child_process';
import { openAsBlob, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../../golden/corpus.ts';
import { CaptureSession } from '../../../workers/session.ts';
import { durationText } from '../../../workers/fields/format.ts';
import { dropRecord, treeLines } from './helpers.ts';

const DIR = join(REPO, 'test/fixtures/tls');
const CAPTURE = join(DIR, 'tls.pcap');
const FRAMES = 171;

/** Frames where tshark differs, and why (the rest of each row must match). */
// (empty since retransmitted segments show as "Retransmitted TCP segment data", tcp.segment_data,
// as tshark shows frames 69 and 76: they were the two)
const KNOWN: Record<number, string> = {};

async function open(file = CAPTURE): Promise<CaptureSession> {
  const s = new CaptureSession();
  await s.open([await openAsBlob(file)], ['tls.pcap'], []);
  return s;
}

function columns(name: string): string[][] {
  return readFileSync(join(DIR, name), 'utf8').replace(/\n$/, '').split('\n').map((l) => l.split('\t'));
}

describe('TLS', () => {
  it("prints tshark's values of 42 fields, every occurrence, in every frame", () => {
    const [header, ...rows] = readFileSync(join(DIR, 'tls.tsv'), 'utf8').replace(/\n$/, '').split('\n');
    const fields = (header as string).split('\t');
    expect(fields).toHaveLength(42);
    expect(rows).toHaveLength(FRAMES);
    const r = spawnSync('node', [join(REPO, 'bin/decapod.js'), 'fields', CAPTURE, '-E', 'occurrence=a', ...fields.flatMap((f) => ['-e', f])], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const got = r.stdout.replace(/\n$/, '').split('\n');
    expect(got).toHaveLength(FRAMES);
    let compared = 0;
    for (let k = 0; k < FRAMES; k++) {
      const want = (rows[k] as string).split('\t');
      const have = (got[k] as string).split('\t');
      fields.forEach((name, j) => {
        if (KNOWN[k + 1] === name) {
          expect(have[j], `frame ${k + 1} ${name} (a known difference: see KNOWN)`).not.toBe(want[j]);
          return;
        }
        expect(have[j], `frame ${k + 1} ${name}`).toBe(want[j]);
        compared++;
      });
    }
    expect(compared).toBe(FRAMES * 42 - Object.keys(KNOWN).length);
    // what the fixture holds: SNI, both versions, the refused handshake's alert, reassembled records
    const column = (name: string): string[] => rows.map((row) => (row.split('\t')[fields.indexOf(name)] as string)).filter((v) => v !== '');
    expect(column('tls.handshake.extensions_server_name')).toEqual(['decapod.test', 'decapod.test', 'decapod.test']);
    expect(column('tls.handshake.extensions.supported_version')).toContain('0x0304');
    expect(column('tls.alert_message.desc')).toEqual(['40']);
  });

  it('fills the Protocol and Info columns as tshark -2 does', async () => {
    const want = columns('tls-columns.tsv');
    const w = await (await open()).getRows(0, FRAMES);
    const got = Array.from({ length: FRAMES }, (_, k) => [w.protocol[k], w.info[k]]);
    expect(got).toEqual(want);
    // spot checks of what those rows say
    expect(got[5]).toEqual(['TLSv1.2', 'Server Hello, Certificate, Server Key Exchange, Server Hello Done']);
    // TLS 1.3: the session's version names every frame of it, its Client Hello's too
    expect(got[20]).toEqual(['TLSv1.3', 'Client Hello']);
    expect(got[41]).toEqual(['TLSv1.2', 'Alert (Level: Fatal, Description: Handshake Failure)']);
    // a record completed by this segment, then a whole one, then the start of the next
    expect(got[67]).toEqual(['TLSv1.2', 'New Session Ticket, Change Cipher Spec']);
    expect(got[166]).toEqual(['SSL', 'Continuation Data']);
    expect((got[49] as string[])[1]).toMatch(/ \[TCP segment of a reassembled PDU\]$/);
  });

  it('draws the TLS subtrees as tshark -2 -V does', async () => {
    const s = await open();
    // a TLS 1.3 Server Hello with its key share, the dummy Change Cipher Spec, encrypted records
    const hello13 = treeLines((await s.getDetails(23)).tree, 'tls');
    expect(hello13.slice(0, 29)).toEqual([
      'Transport Layer Security',
      '    TLSv1.3 Record Layer: Handshake Protocol: Server Hello',
      '        Content Type: Handshake (22)',
      '        Version: TLS 1.2 (0x0303)',
      '        Length: 122',
      '        Handshake Protocol: Server Hello',
      '            Handshake Type: Server Hello (2)',
      '            Length: 118',
      '            Version: TLS 1.2 (0x0303)',
      '            Random: 89a816b5cbaaf0f8dd908775f18a076849215e8f2da568847a8bd328183d8aef',
      '            Session ID Length: 32',
      '            Session ID: bec9bdfb04d26a64a81055105d42ed55f620bc3502be84f3d4e8d082e1fffcbc',
      '            Cipher Suite: TLS_AES_256_GCM_SHA384 (0x1302)',
      '            Compression Method: null (0)',
      '            Extensions Length: 46',
      '            Extension: supported_versions (len=2)',
      '                Type: supported_versions (43)',
      '                Length: 2',
      '                Supported Version: TLS 1.3 (0x0304)',
      '            Extension: key_share (len=36)',
      '                Type: key_share (51)',
      '                Length: 36',
      '                Key Share extension',
      '                    Key Share Entry: Group: x25519, Key Exchange length: 32',
      '                        Group: x25519 (29)',
      '                        Key Exchange Length: 32',
      '                        Key Exchange: 7d29aff9eee986ba36108833b9ac9dfda9ec4257ee856f1f36157e7162d4533f',
      // the JA3S fingerprint packet-tls-utils.c appends (version, cipher suite, extensions; its MD5)
      '            [JA3S Fullstring: 771,4866,43-51]',
      '            [JA3S: 15af977ce25de452b96affa2addb1036]',
    ]);
    expect(hello13.slice(29, 40)).toEqual([
      '    TLSv1.3 Record Layer: Change Cipher Spec Protocol: Change Cipher Spec',
      '        Content Type: Change Cipher Spec (20)',
      '        Version: TLS 1.2 (0x0303)',
      '        Length: 1',
      '        Change Cipher Spec Message',
      '    TLSv1.3 Record Layer: Application Data Protocol: Hypertext Transfer Protocol',
      '        Opaque Type: Application Data (23)',
      '        Version: TLS 1.2 (0x0303)',
      '        Length: 23',
      '        Encrypted Application Data: 7cc33a90158de8b39dfe824a061c907514b452566a3606',
      '        [Application Data Protocol: Hypertext Transfer Protocol]',
    ]);
    // a TLS 1.2 Client Hello: its random's time, SNI, ALPN, a signature algorithm TLS 1.3 does not
    // name, and the hash and signature bytes tshark has no names for
    const hello12 = treeLines((await s.getDetails(4)).tree, 'tls');
    expect(hello12).toContain('                GMT Unix Time: Jun 13, 1978 06:32:22.000000000 UTC');
    expect(hello12).toContain('            Cipher Suites (28 suites)');
    expect(hello12).toContain('                    Server Name: decapod.test');
    expect(hello12).toContain('                    ALPN Next Protocol: http/1.1');
    expect(hello12).toContain('                Data (0 bytes)');
    expect(hello12).toContain('                    Signature Algorithm: SHA224 ECDSA (0x0303)');
    expect(hello12).toContain('                        Signature Hash Algorithm Hash: Unknown (8)');
    // JA3: the version, cipher suites, extensions, groups and point formats (GREASE left out), and their MD5
    expect(hello12).toContain('            [JA3 Fullstring: 771,49196-49200-159-52393-52392-52394-49195-49199-158-49188-49192-107-49187-49191-103-49162-49172-57-49161-49171-51-157-156-61-60-53-47-255,0-11-10-35-16-22-23-13,29-23-30-25-24,0-1-2]');
    expect(hello12).toContain('            [JA3: 22558766122974704364c9c75c5cce0a]');
    // a New Session Ticket's body, and the handshake message after the Change Cipher Spec
    const ticket = treeLines((await s.getDetails(9)).tree, 'tls');
    expect(ticket.slice(8, 12)).toEqual([
      '            TLS Session Ticket',
      '                Session Ticket Lifetime Hint: 7200 seconds (2 hours)',
      '                Session Ticket Length: 176',
      '                Session Ticket: e32d90d5da99d8a50fd225dc08f64efd065249b96a7190bff36066e66990849afe7ba474…',
    ]);
    expect(ticket.slice(-2)).toEqual(['        Length: 40', '        Handshake Protocol: Encrypted Handshake Message']);
  });

  it("finds TLS on another port by its records, as Wireshark's heuristic does (tshark -2's columns)", async () => {
    const s = await open(join(DIR, 'tls-4433.pcap'));
    const w = await s.getRows(0, FRAMES);
    const got = Array.from({ length: FRAMES }, (_, k) => [w.protocol[k], w.info[k]]);
    expect(got).toEqual(columns('tls-4433-columns.tsv'));
    expect(got.filter(([p]) => p?.startsWith('TLS')).length).toBe(31);
    // no protocol for the port: the application data is only "Application Data"
    const app = treeLines((await s.getDetails(10)).tree, 'tls');
    expect(app[1]).toBe('    TLSv1.2 Record Layer: Application Data Protocol: Application Data');
    expect(app.some((l) => l.includes('[Application Data Protocol'))).toBe(false);
    // the zeros, on a port of no dissector, are TCP's (on 443 they were TLS's Continuation Data)
    expect(got[166]).toEqual(['TCP', '39900 → 4433 [PSH, ACK] Seq=1 Ack=1 Win=65536 Len=200 TSval=1304988300 TSecr=1994456574']);
  });

  it('writes durations as time_secs_to_str does', () => {
    expect(durationText(7200)).toBe('2 hours');
    expect(durationText(0)).toBe('0 seconds');
    expect(durationText(90061)).toBe('1 day, 1 hour, 1 minute, 1 second');
  });

  it("filters as tshark -2 -Y does (frame counts taken from tshark)", async () => {
    const s = await open();
    const cases: [string, number][] = [
      ['tls.handshake.extensions_server_name == "decapod.test"', 3], ['tls.handshake.type == 1', 4],
      ['tls.record.content_type == 23', 4], ['tls.alert_message.desc == 40', 1], ['tls.handshake.ciphersuite == 0x1302', 2],
    ];
    for (const [expr, frames] of cases) {
      const r = await s.applyFilter(expr);
      expect(r.ok, expr).toBe(true);
      expect(r.displayed, expr).toBe(frames);
    }
  });

  it("fills the columns as tshark -2 does with frame 26 lost (TCP's note, then TLS's text appended after a comma)", async () => {
    const bytes = dropRecord(new Uint8Array(readFileSync(CAPTURE)), 26);
    const s = new CaptureSession();
    const opened = await s.open([new Blob([bytes])], ['tls-drop26.pcap'], []);
    expect(opened.packets).toBe(170);
    const w = await s.getRows(0, 170);
    const want = readFileSync(join(DIR, 'tls-drop26-columns.tsv'), 'utf8').replace(/\n$/, '').split('\n').map((l) => l.split('\t'));
    const got = Array.from({ length: 170 }, (_, k) => [w.protocol[k], w.info[k]]);
    expect(got).toEqual(want);
    expect(got.some(([, info]) => info === '[TCP ACKed unseen segment] , Application Data')).toBe(true);
  });
});
