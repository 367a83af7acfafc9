// The Info column's "[Malformed Packet]" and "[Packet size limited during capture]": Wireshark
// appends them when an exception stops a packet's dissection (epan/show_exception.c), and not for
// an expert info of the Malformed group, which marks the packet all the same (`_ws.malformed`:
// test/workers/filter/damage-items.test.ts). The frames below are those whose Info column tshark
// 4.0.17 ends with each text:
//
//   for f in captures/*; do tshark -n -r $f -d udp.port==8472,vxlan -T fields -e frame.number -e _ws.col.Info; done
//
// Every capture tshark reads is checked; those not listed have neither. The expert-only malformed
// frames (aoe-oobr-1 1, bigtcp-ipv4-vxlan-ipv4 1, icmpv6-ra-pref64 2, ipv6-bad-version 2 and 4,
// ipv6-mobility-dst-opts 3) are among those that must not get the text.

import { describe, expect, it } from 'vitest';
import { goldenCases } from '../../golden/corpus.ts';
import { corpusRows } from './corpus-rows.ts';

type Frames = { malformed: number[]; short: number[] };

const TSHARK: Record<string, Frames> = {
  'fragmented-1.pcap': { malformed: [3], short: [] },
  'geneve-truncated.pcapng': { malformed: [1], short: [] },
  'geneve-vxlan-dns-truncated.pcap': { malformed: [], short: [1, 2] },
  'ip_ts_opts_asan.pcap': { malformed: [], short: [1] },
  'ipv6-hbh-routing0.pcap': { malformed: [1], short: [] },
  'ipv6-mobility-dst-opts.pcap': { malformed: [1, 2], short: [] },
  'ipv6-srh-tlv-pad1-padn-5-trunc.pcap': { malformed: [], short: [1] },
  // an exception caught inside the packet and then another: tshark prints both texts, in this order
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

/** Where Decapod answers otherwise: the same capture, for the same reason, as the damage items. */
const DIFFERENT: Record<string, Frames & { why: string }> = {
};

/** pcapng-truncated-shb.pcapng: tshark reads it as another format (test/golden/exceptions.ts). */
const SKIP = new Set(['pcapng-truncated-shb.pcapng']);

const MALFORMED = '[Malformed Packet]';
const SHORT = '[Packet size limited during capture]';

describe('Info column after an exception', () => {
  const captures = [...new Set(goldenCases().map((c) => c.capture))].filter((c) => !SKIP.has(c));

  it("ends as tshark's on every corpus capture tshark reads, but for the differences listed", async () => {
    expect(captures.length).toBeGreaterThan(100);
    for (const name of captures) {
      const w = await corpusRows(name);
      const got: Frames = { malformed: [], short: [] };
      for (let k = 0; k < w.count; k++) {
        const info = w.info[k] as string;
        // at the end, with no space before (and the short text after the malformed one)
        if (info.endsWith(MALFORMED) || info.endsWith(MALFORMED + SHORT)) got.malformed.push(w.frame[k] as number);
        if (info.endsWith(SHORT)) got.short.push(w.frame[k] as number);
        expect(info.includes(` ${MALFORMED}`) || info.includes(` ${SHORT}`), `${name} ${w.frame[k]}: ${info}`).toBe(false);
      }
      const want = DIFFERENT[name] ?? TSHARK[name] ?? { malformed: [], short: [] };
      expect({ name, ...got }).toEqual({ name, malformed: want.malformed, short: want.short });
    }
  });

  it('is the protocol text and then the suffix: IPv6 destination options cut inside their length', async () => {
    // tshark's: the extension header's name, which packet-ipv6.c writes before the options it
    // cannot read, then the suffix
    const w = await corpusRows('ipv6-mobility-dst-opts.pcap', 3);
    expect(w.info.slice(0, 3)).toEqual(['IPv6 destination options[Malformed Packet]', 'IPv6 destination options[Malformed Packet]', '30000 → 13000 Len=4']);
  });

  it('keeps what the dissector had written before the exception: UDP cut before its length field', async () => {
    // tshark: "12336 → 12336[Packet size limited during capture]"
    expect((await corpusRows('udp-length-heapoverflow.pcap', 1)).info[0]).toBe('12336 → 12336[Packet size limited during capture]');
  });

  it('is empty before the suffix for a DNS message cut before its ID, as tshark prints it', async () => {
    // tshark: "[Malformed Packet]" (the DNS dissector cleared the column before reading the header)
    expect((await corpusRows('ipv6-hbh-routing0.pcap', 1)).info[0]).toBe('[Malformed Packet]');
  });
});
