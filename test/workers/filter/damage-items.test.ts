// `_ws.malformed` and `_ws.short`, Wireshark's items for a damaged packet (epan/show_exception.c:
// a read past a length the packet gave is Malformed, past the captured bytes within it "Packet
// size limited during capture"; epan/expert.c adds `_ws.malformed` for an expert info of the
// Malformed group too), select on the corpus what tshark 4.0.17 selects:
//
//   for f in captures/*; do tshark -n -r $f -d udp.port==8472,vxlan -Y _ws.malformed -T fields -e frame.number; done
//
// (and the same for _ws.short). Every capture tshark reads is checked; those not listed select nothing.

import { openAsBlob } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaptureSession } from '../../../workers/session.ts';
import { CAPTURES, goldenCases } from '../../golden/corpus.ts';

type Frames = { malformed: number[]; short: number[] };

const TSHARK: Record<string, Frames> = {
  'aoe-oobr-1.pcap': { malformed: [1], short: [] },
  'bigtcp-ipv4-vxlan-ipv4.pcap': { malformed: [1], short: [] },
  'fragmented-1.pcap': { malformed: [3], short: [] },
  'geneve-truncated.pcapng': { malformed: [1], short: [] },
  'geneve-vxlan-dns-truncated.pcap': { malformed: [], short: [1, 2] },
  'icmpv6-ra-pref64.pcap': { malformed: [2], short: [] },
  'ip_ts_opts_asan.pcap': { malformed: [], short: [1] },
  'ipv6-bad-version.pcap': { malformed: [2, 4], short: [] },
  'ipv6-hbh-routing0.pcap': { malformed: [1], short: [] },
  'ipv6-mobility-dst-opts.pcap': { malformed: [1, 2, 3], short: [] },
  'ipv6-srh-tlv-pad1-padn-5-trunc.pcap': { malformed: [], short: [1] },
  'ipv6_frag6_negative_len.pcap': { malformed: [1], short: [1] },
  'mpls-label-heapoverflow.pcap': { malformed: [], short: [1] },
  'ngtg_be_test006.pcapng': { malformed: [], short: [1, 3, 4, 5] },
  'ngtg_be_test202.pcapng': { malformed: [], short: [2, 3, 5, 6, 8, 9] },
  'ngtg_le_test006.pcapng': { malformed: [], short: [1, 3, 4, 5] },
  'ngtg_le_test008.pcapng': { malformed: [], short: [1, 2, 3, 4] },
  'ngtg_le_test012.pcapng': { malformed: [], short: [2, 4] },
  'ngtg_le_test101.pcapng': { malformed: [], short: [1, 2, 3] },
  'ngtg_le_test102.pcapng': { malformed: [], short: [2, 5, 6] },
  'ngtg_le_test201.pcapng': { malformed: [], short: [1, 2, 3] },
  'ngtg_le_test202.pcapng': { malformed: [], short: [2, 3, 5, 6, 8, 9] },
  'tcp_header_heapoverflow.pcap': { malformed: [], short: [1] },
  'udp-length-heapoverflow.pcap': { malformed: [], short: [1] },
};

/** Where Decapod answers otherwise, and why. */
const DIFFERENT: Record<string, Frames & { why: string }> = {
};

/** pcapng-truncated-shb.pcapng: tshark reads it as another format (test/golden/exceptions.ts). */
const SKIP = new Set(['pcapng-truncated-shb.pcapng']);

async function selected(s: CaptureSession, filter: string): Promise<number[]> {
  const r = await s.applyFilter(filter);
  if (!r.ok) throw new Error(`${filter}: ${r.error}`);
  const w = await s.getRows(0, r.displayed);
  return Array.from(w.frame.subarray(0, w.count));
}

describe('damage items (_ws.malformed, _ws.short)', () => {
  const captures = [...new Set(goldenCases().map((c) => c.capture))].filter((c) => !SKIP.has(c));

  it('select what tshark selects on every corpus capture tshark reads, but for the differences listed', async () => {
    expect(captures.length).toBeGreaterThan(100);
    for (const name of captures) {
      const s = new CaptureSession();
      await s.open([await openAsBlob(join(CAPTURES, name))], [name], []);
      const want = DIFFERENT[name] ?? TSHARK[name] ?? { malformed: [], short: [] };
      expect({ name, malformed: await selected(s, '_ws.malformed'), short: await selected(s, '_ws.short') }).toEqual({ name, malformed: want.malformed, short: want.short });
    }
  });
});
