// The protocol lines of the details tree against tshark's: for every corpus capture tshark decodes,
// the first 40 frames' top-level `tshark -V` lines of the protocols whose summary we write
// (test/fixtures/tree/protocol-lines.json, made by make-protocol-lines.sh beside it).
import { existsSync, openAsBlob, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TreeNode } from '../../../workers/api.ts';
import { CaptureSession } from '../../../workers/session.ts';
import { CAPTURES, REPO } from '../../golden/corpus.ts';

const EXPECTED = JSON.parse(readFileSync(join(REPO, 'test/fixtures/tree/protocol-lines.json'), 'utf8')) as Record<string, string[]>;
const SUMMARISED = /^(Frame [0-9]+: |Ethernet II|Internet Protocol Version [46]|User Datagram Protocol|Transmission Control Protocol|802\.1Q Virtual LAN|IEEE 802\.1ad|Generic Network Virtualization Encapsulation|Domain Name System)/;

/** Corpus pcapng files with more than one section that has interfaces (see the test). */
const SECTIONS = new Set(['test102', 'test201', 'test202'].flatMap((t) => [`ngtg_be_${t}.pcapng`, `ngtg_le_${t}.pcapng`]));

/** Our top-level lines of the same protocols, by frame (frames 1..40). */
async function ourFrames(name: string): Promise<string[][]> {
  const s = new CaptureSession();
  const r = await s.open([await openAsBlob(join(CAPTURES, name))], [name], []);
  const out: string[][] = [];
  for (let f = 1; f <= Math.min(40, r.packets); f++) {
    const d = await s.getDetails(f);
    out.push(d.tree.map((n) => n.label).filter((l) => SUMMARISED.test(l)));
  }
  return out;
}

/** tshark's lines by frame number (from each "Frame N:" line to the next). */
function theirFrames(lines: readonly string[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  let cur: string[] | undefined;
  for (const l of lines) {
    const m = /^Frame (\d+): /.exec(l);
    if (m) out.set(Number(m[1]), (cur = []));
    cur?.push(l);
  }
  return out;
}

/** The protocol a line is of: the line up to its first comma or parenthesis. */
const protocolOf = (line: string): string => (line.startsWith('Frame ') ? 'Frame' : (/^[^,(]*/.exec(line)?.[0] ?? line).trim());

describe('protocol lines of the details tree', () => {
  // Each of our lines is compared with tshark's line of the same protocol and occurrence in the
  // same frame (the k-th "Ethernet II" with the k-th): a layer one side decodes and the other does
  // not is the field tests' business (test/golden), not the summary's. Not compared: "Data (N
  // bytes)" lines (which payloads end as data differs by dissector); the frame lines of pcapng
  // files with several sections, where tshark 4.0 names a later section's interface after the
  // first section's interface of the same number (ngtg_be_test202.pcapng frame 5: its EPB names
  // section 2's interface 0, "silly ethernet interface 2", tshark says "eth0, id 0"; its own
  // `-e frame.interface_name` says the same), which we take to be tshark's error.
  it('equal tshark -V on every corpus capture', async (ctx) => {
    if (!existsSync(CAPTURES)) return ctx.skip();
    const bad: string[] = [];
    let compared = 0;
    for (const [name, lines] of Object.entries(EXPECTED)) {
      const want = theirFrames(lines.filter((l) => !l.startsWith('Data (')));
      const got = await ourFrames(name);
      for (let f = 0; f < got.length; f++) {
        const theirLines = want.get(f + 1);
        if (theirLines === undefined) continue;
        const seen = new Map<string, number>();
        for (const line of got[f] as string[]) {
          const p = protocolOf(line);
          const k = seen.get(p) ?? 0;
          seen.set(p, k + 1);
          const theirs = theirLines.filter((l) => protocolOf(l) === p)[k];
          if (theirs === undefined || (p === 'Frame' && SECTIONS.has(name))) continue;
          compared++;
          if (theirs !== line) bad.push(`${name} frame ${f + 1}: ours ${JSON.stringify(line)}, tshark ${JSON.stringify(theirs)}`);
        }
      }
    }
    console.log(`protocol lines: ${compared} compared with tshark's, ${bad.length} differ`);
    expect(bad).toEqual([]);
    expect(compared).toBeGreaterThan(2000);
  }, 300_000);

  it("labels the frame's items as tshark -V does", async (ctx) => {
    if (!existsSync(CAPTURES)) return ctx.skip();
    const s = new CaptureSession();
    await s.open([await openAsBlob(join(CAPTURES, 'vxlan.pcap'))], ['vxlan.pcap'], []);
    const frame = (await s.getDetails(2)).tree[0] as TreeNode;
    // `tshark -n -r vxlan.pcap -V` frame 2 (no display filter: the previous displayed frame is
    // frame 1), less our [Interface id: 0]
    expect([frame.label, ...frame.children.filter((c) => c.field !== 'frame.interface_id').map((c) => c.label)]).toEqual([
      'Frame 2: 92 bytes on wire (736 bits), 92 bytes captured (736 bits)',
      'Encapsulation type: Ethernet (1)',
      'Arrival Time: May 18, 2013 20:21:44.882198000 UTC',
      '[Time shift for this packet: 0.000000000 seconds]',
      'Epoch Time: 1368908504.882198000 seconds',
      '[Time delta from previous captured frame: 0.045135000 seconds]',
      '[Time delta from previous displayed frame: 0.045135000 seconds]',
      '[Time since reference or first frame: 0.045135000 seconds]',
      'Frame Number: 2',
      'Frame Length: 92 bytes (736 bits)',
      'Capture Length: 92 bytes (736 bits)',
      '[Frame is marked: False]',
      '[Frame is ignored: False]',
      '[Protocols in frame: eth:ethertype:ip:udp:vxlan:eth:ethertype:arp]',
    ]);
  });
});
