// The packet list's columns against tshark on a capture made for them: test/fixtures/columns/
// columns-cases.pcapng (scripts/make-columns-capture.py, which wrote tshark 4.0.17's Source,
// Destination, Protocol and Info of each frame to columns-cases.tsv beside it). It holds what the
// corpus shows once or never: link layers without addresses ("N/A", and "DTE"/"DCE" by a pcapng
// packet's direction flags), IPv6 headers that change the packet's addresses (a Type 2 and a
// Segment Routing header with segments left, a Home Address option; inside an ICMPv6 error's
// quoted packet, none of them), and the name of each ICMPv6 error code in Info, and of types
// packet-icmpv6.c has no dissector for ("Unknown (0)").
import { openAsBlob, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaptureSession } from '../../../workers/session.ts';
import { REPO } from '../filter/fixtures.ts';

const DIR = join(REPO, 'test', 'fixtures', 'columns');
const WANT = readFileSync(join(DIR, 'columns-cases.tsv'), 'utf8').trimEnd().split('\n').map((l) => l.split('\t'));

describe('Source, Destination, Protocol and Info on columns-cases.pcapng', () => {
  it("are tshark's on every frame", async () => {
    const s = new CaptureSession();
    const r = await s.open([await openAsBlob(join(DIR, 'columns-cases.pcapng'))], ['columns-cases.pcapng'], []);
    expect(r.packets).toBe(35);
    const w = await s.getRows(0, r.packets);
    const got = Array.from({ length: w.count }, (_, k) => [String(w.frame[k]), w.src[k], w.dst[k], w.protocol[k], w.info[k]]);
    expect(got).toEqual(WANT);
    // the cases the fixture is for, by name (the file's order)
    expect(got.slice(0, 3).map((c) => `${c[1]} → ${c[2]}`)).toEqual(['N/A → N/A', 'DCE → DTE', 'DTE → DCE']);
    expect(got[11]?.slice(1, 3)).toEqual(['2001:db8::11', '2001:db8::22']);
    expect(got[13]?.slice(1, 3)).toEqual(['2001:db8::2', '2001:db8::1']);
  });

  it("filters on ipv6.dst the header's address, not the column's, as tshark does", async () => {
    const s = new CaptureSession();
    await s.open([await openAsBlob(join(DIR, 'columns-cases.pcapng'))], ['columns-cases.pcapng'], []);
    // tshark -Y 'ipv6.dst == 2001:db8::2 && udp': the two routed packets (their header's
    // destination) and the ICMPv6 error (the packet it quotes)
    const f = await s.applyFilter('ipv6.dst == 2001:db8::2 && udp');
    expect(f.ok).toBe(true);
    const w = await s.getRows(0, f.displayed);
    expect(Array.from(w.frame.subarray(0, w.count))).toEqual([12, 13, 14]);
  });

  it('flag the ICMPv6 types without a dissector with its note, as tshark does', async () => {
    const s = new CaptureSession();
    await s.open([await openAsBlob(join(DIR, 'columns-cases.pcapng'))], ['columns-cases.pcapng'], []);
    // tshark -Y icmpv6.undecoded.type: 32 33 34 35
    const f = await s.applyFilter('icmpv6.undecoded.type');
    expect(f.ok).toBe(true);
    const w = await s.getRows(0, f.displayed);
    expect(Array.from(w.frame.subarray(0, w.count))).toEqual([32, 33, 34, 35]);
    const tree = (await s.getDetails(34)).tree.find((t) => t.label === 'Internet Control Message Protocol v6');
    expect(tree?.children.map((c) => c.label)).toEqual([
      'Type: Private experimentation (200)', 'Code: 0', 'Checksum: 0x0000 incorrect, should be 0xd841', '[Checksum Status: Bad]',
      '[Expert Info (Note/Undecoded): Dissector for ICMPv6 Type (200) code not implemented, Contact Wireshark developers if you want this supported]',
      'Data: 01020304',
    ]);
  });
});
