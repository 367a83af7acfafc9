// Where the details tree shows a dissector's exception, against tshark's: every frame of every corpus
// capture tshark decodes, its "[Malformed Packet: NTP]" and "[Packet size limited during capture:
// DHCP/BOOTP truncated]" lines (test/fixtures/tree/exception-lines.json, made by
// make-exception-lines.sh beside it), and the expert info under a malformed one.
import { openAsBlob, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaptureSession } from '../../../workers/session.ts';
import { CAPTURES, REPO } from '../../golden/corpus.ts';

const EXPECTED = JSON.parse(readFileSync(join(REPO, 'test/fixtures/tree/exception-lines.json'), 'utf8')) as Record<string, Record<string, string[]>>;
/** Every capture tshark decodes (the protocol-lines fixture lists them all). */
const DECODED = Object.keys(JSON.parse(readFileSync(join(REPO, 'test/fixtures/tree/protocol-lines.json'), 'utf8')) as object);
const EXCEPTION = /^\[(Malformed Packet|Packet size limited during capture)/;

/** Frames where this build differs, and why. */
const KNOWN: Record<string, Record<number, string>> = {
  // the IPv6 fragment header is a subtree of IPv6 here, a protocol of its own in Wireshark ("IPv6
  // Fragment"), which goes on to the payload and shows a second exception there
  'ipv6_frag6_negative_len.pcap': { 1: 'IPv6 Fragment is not a protocol of its own here' },
};

describe("the details tree shows a dissector's exception as tshark does", () => {
  it('on every frame of every corpus capture tshark decodes', async () => {
    let lines = 0;
    for (const name of DECODED) {
      const s = new CaptureSession();
      const r = await s.open([await openAsBlob(join(CAPTURES, name))], [name], []);
      for (let n = 1; n <= r.packets; n++) {
        const want = EXPECTED[name]?.[String(n)] ?? [];
        const tree = (await s.getDetails(n)).tree;
        const got = tree.filter((t) => EXCEPTION.test(t.label)).map((t) => t.label);
        if (KNOWN[name]?.[n] !== undefined) {
          expect(got, `${name} frame ${n} (known difference: update KNOWN)`).not.toEqual(want);
          continue;
        }
        expect(got, `${name} frame ${n}`).toEqual(want);
        lines += got.length;
      }
    }
    // tshark: 49 lines in 21 captures, 2 of them in the frames KNOWN lists
    expect(lines).toBe(47);
  }, 120_000);

  it('with its expert info under a malformed one (fragmented-1.pcap frame 3)', async () => {
    const s = new CaptureSession();
    await s.open([await openAsBlob(join(CAPTURES, 'fragmented-1.pcap'))], ['fragmented-1.pcap'], []);
    const item = (await s.getDetails(3)).tree.find((t) => EXCEPTION.test(t.label));
    const lines: string[] = [];
    const walk = (n: { label: string; children: readonly { label: string; children: readonly unknown[] }[] }, ind: string): void => {
      lines.push(ind + n.label);
      for (const c of n.children) walk(c as typeof n, `${ind}    `);
    };
    if (item) walk(item, '');
    // as tshark -V shows it
    expect(lines).toEqual([
      '[Malformed Packet: NTP]',
      '    [Expert Info (Error/Malformed): Malformed Packet (Exception occurred)]',
      '        [Malformed Packet (Exception occurred)]',
      '        [Severity level: Error]',
      '        [Group: Malformed]',
    ]);
  });
});
