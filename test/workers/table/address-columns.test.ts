// The Source and Destination columns against Wireshark's: tshark's two-pass columns for every frame
// of the corpus (test/fixtures/info/tshark-addresses.tsv, written by scripts/make-info-fixture.sh),
// compared with the rows the viewer shows.
//
// All 825 agree: 807 did before ARCNET's one-byte station ids ("0xbe"), Cisco HDLC's "N/A", and
// the final destination of an IPv6 routing header and the home address of a Home Address option
// (packet-ipv6.c's pinfo->dst and pinfo->src).

import { describe, expect, it } from 'vitest';
import { corpusRows } from './corpus-rows.ts';
import { agreement, tsharkColumns } from './tshark-columns.ts';

/** capture → frame → [Source, Destination] as tshark shows them. */
const tsharkAddresses = (): Map<string, Map<number, [string, string]>> => tsharkColumns('tshark-addresses.tsv');

describe('Source and Destination columns', () => {
  it("are tshark's on all 825 frames of the corpus", async () => {
    // 769 before 802.11's (SA and DA, a control frame's "… (RA)" and "… (TA)"), 795 before a Linux
    // cooked capture's own source under ARP, 797 before vSocket's context ids ("3", "host"), 807
    // before ARCNET, Cisco HDLC, and IPv6's routing header and Home Address option
    const { frames, same } = await agreement(tsharkAddresses(), (t, w, k) => t[0] === w.src[k] && t[1] === w.dst[k]);
    expect(frames).toBe(825);
    expect(same).toBe(825);
  }, 120_000);

  it("show each kind of address as tshark does: IPv4, IPv6, Ethernet, tunnels' inner addresses, 802.11's", async () => {
    const tshark = tsharkAddresses();
    const pinned: [string, number, string][] = [
      ['vxlan.pcap', 1, 'an IPv4 packet inside VXLAN: its inner addresses'],
      ['geneve.pcap', 1, 'inside Geneve'],
      ['ieee802.11_exthdr.pcap', 1, "802.11 management: SA and DA"],
      ['ieee802.11_exthdr.pcap', 2, "an ACK: its receiver, '(RA)'"],
      ['icmpv6.pcap', 1, 'IPv6'],
      ['arp-too-long-tha.pcap', 1, 'ARP: the Ethernet addresses'],
      ['vsock-1.pcapng', 1, "vSocket: the context ids, 2 as 'host'"],
      ['linux_dlt_sll2.pcap', 5, "ARP in a Linux cooked capture: the capture's own source"],
      ['arcnet-rfc1051-arp-icmp-http.pcap', 1, "ARP over ARCNET: the one-byte station ids, '0xbe'"],
      ['hdlc_slarp.pcapng', 1, "SLARP over Cisco HDLC of no known direction: 'N/A'"],
      ['ipv6-routing-header.pcap', 1, "a Type 0 routing header with segments left: its last address"],
      ['ipv6-hbh-routing0.pcap', 1, 'the same, after a Hop-by-Hop header'],
      ['ipv6-mobility-dst-opts.pcap', 3, "a Home Address option: the home address as the source"],
    ];
    for (const [capture, frame, what] of pinned) {
      const want = tshark.get(capture)?.get(frame);
      expect(want, `${capture} ${frame} in the fixture`).toBeDefined();
      const w = await corpusRows(capture, frame);
      expect([w.src[frame - 1], w.dst[frame - 1]], `${capture} ${frame}: ${what}`).toEqual(want);
    }
  });
});
