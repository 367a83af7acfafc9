// The Source and Destination columns against Wireshark's: tshark's two-pass columns for every frame
// of the corpus (test/fixtures/info/tshark-addresses.tsv, written by scripts/make-info-fixture.sh),
// compared with the rows the viewer shows.
//
// The frames that differ, as measured: addresses of kinds Decapod has no column text for (ARCNET's
// one-byte "0xbe", Cisco HDLC's "N/A"), and IPv6 packets whose routing
// header or Home Address option makes Wireshark show the final destination or the home address
// instead of the header's (their items are nested in the IPv6 layer, where the summary, as
// Wireshark's columns for an ICMP error's quoted header, takes no address from).

import { describe, expect, it } from 'vitest';
import { corpusRows } from './corpus-rows.ts';
import { agreement, tsharkColumns } from './tshark-columns.ts';

/** capture → frame → [Source, Destination] as tshark shows them. */
const tsharkAddresses = (): Map<string, Map<number, [string, string]>> => tsharkColumns('tshark-addresses.tsv');

describe('Source and Destination columns', () => {
  it("are tshark's on at least 807 of the corpus's 825 frames", async () => {
    // 769 before 802.11's (SA and DA, a control frame's "… (RA)" and "… (TA)"), 795 before a Linux
    // cooked capture's own source under ARP, 797 before vSocket's context ids ("3", "host")
    const { frames, same } = await agreement(tsharkAddresses(), (t, w, k) => t[0] === w.src[k] && t[1] === w.dst[k]);
    expect(frames).toBe(825);
    expect(same).toBeGreaterThanOrEqual(807);
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
    ];
    for (const [capture, frame, what] of pinned) {
      const want = tshark.get(capture)?.get(frame);
      expect(want, `${capture} ${frame} in the fixture`).toBeDefined();
      const w = await corpusRows(capture, frame);
      expect([w.src[frame - 1], w.dst[frame - 1]], `${capture} ${frame}: ${what}`).toEqual(want);
    }
  });
});
