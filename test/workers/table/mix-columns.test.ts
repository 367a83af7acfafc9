// The packet list of the overlay mix against tshark: ../shared/bench/gen-capture.py's capture
// (20,000 packets, seed 1: TCP and UDP over IPv4 and IPv6, 802.1Q, DNS, ARP, VXLAN on 4789 and
// 8472, Geneve) opened as the app opens it, and every row's Source, Destination, Protocol and Info
// compared with tshark 4.0.17's (test/fixtures/mix/mix-columns.tsv.gz, scripts/make-mix-columns.sh).
// The rows that differ are listed below, each with the reason: the generator's random source
// ports that tshark hands to a dissector Decapod does not have.
import { mkdtempSync, openAsBlob, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CaptureSession } from '../../../workers/session.ts';
import { REPO, generateCapture, sha256 } from '../filter/fixtures.ts';

const [head, ...lines] = gunzipSync(readFileSync(join(REPO, 'test/fixtures/mix/mix-columns.tsv.gz'))).toString('utf8').trimEnd().split('\n');
const SHA256 = (head ?? '').split('\t')[1];
const WANT = lines.map((l) => l.split('\t'));

/** Frame → the protocol tshark's Protocol column names there, for a dissector that tshark tries
 *  on a port the generator picked at random and Decapod does not have. */
const NOT_DISSECTED = new Map<number, string>([
  [776, 'BitTorrent'], // tcp.port 6883
  [1072, 'TPKT'], // 2945, H.248 over TPKT
  [4108, 'X11'], // 6033
  [9418, 'TCP'], // 2433, TDS (Microsoft SQL Server): "[TCP segment of a reassembled PDU]" after the zeros
  [11503, 'IEC 60870-5-104'], // 2404
  [14789, 'RTMP'], // 1935
  [19848, 'TPKT'], // 2099, H.501 over TPKT
]);

describe("the overlay mix's packet list, as tshark fills it", () => {
  it('Source, Destination, Protocol and Info of every row', async (ctx) => {
    const path = join(mkdtempSync(join(tmpdir(), 'decapod-mix-')), 'mix.pcap');
    if (!generateCapture(path, 20_000, 1)) return ctx.skip();
    expect(sha256(path), 'gen-capture.py makes different bytes than when the fixture was made').toBe(SHA256);
    const s = new CaptureSession();
    const r = await s.open([await openAsBlob(path)], ['mix.pcap'], []);
    expect(r.packets).toBe(WANT.length);
    const differ: string[] = [];
    const excused = new Set<number>();
    for (let start = 0; start < r.packets; start += 5000) {
      const w = await s.getRows(start, Math.min(5000, r.packets - start));
      for (let i = 0; i < w.frame.length; i++) {
        const frame = w.frame[i] as number;
        const ours = [String(frame), w.src[i], w.dst[i], w.protocol[i], w.info[i]];
        const want = WANT[frame - 1] as string[];
        if (ours.join('\t') === want.join('\t')) continue;
        if (NOT_DISSECTED.get(frame) === want[3]) {
          excused.add(frame);
          continue;
        }
        differ.push(`${frame}: ${ours.slice(1).join(' | ')}  ≠  ${want.slice(1).join(' | ').slice(0, 200)}`);
      }
    }
    expect(differ).toEqual([]);
    // (the list holds only rows that still differ: a dissector added for one of those ports takes
    // its row off it)
    expect([...excused].sort((a, b) => a - b)).toEqual([...NOT_DISSECTED.keys()]);
    expect(r.packets - excused.size).toBe(19_993);
  });
});
