// The Info column against Wireshark's: tshark's two-pass Protocol and Info for every frame of the
// corpus (test/fixtures/info/tshark-info.tsv, written by scripts/make-info-fixture.sh), compared
// with the rows the viewer shows.
//
// Decapod builds Info for the protocols a network engineer reads most in an overlay capture (TCP
// with its options and sequence analysis, UDP, DNS, ICMP, ICMPv6 with neighbour discovery, IGMP,
// ARP, IPv4 fragments and payloads no dissector takes, IPv6 extension headers and fragments, DHCP
// and BOOTP, DHCPv6, NTP, GRE, SLARP, vSocket, MPLS Echo, STP, NHRP, SSH, syslog, 802.11, RARP,
// Ethernet loopback, PPTP, AVSP, MPLS, PIM); other protocols show their name.
// The frames where the two differ are, as measured: protocols Decapod does not dissect (HTTP,
// LDAP, BACnet...) or builds no Info for (pcapng Custom Blocks),
// and "[TCP segment of a reassembled PDU]".

import { describe, expect, it } from 'vitest';
import { corpusRows } from './corpus-rows.ts';
import { agreement, tsharkColumns } from './tshark-columns.ts';

/** capture → frame → [Protocol, Info] as tshark shows them. */
const tsharkInfo = (): Map<string, Map<number, [string, string]>> => tsharkColumns('tshark-info.tsv');

/** Over every corpus frame the fixture holds: how many, and on how many our column equals tshark's. */
function agreementOf(column: 'protocol' | 'info'): Promise<{ frames: number; same: number }> {
  return agreement(tsharkInfo(), (t, w, k) => (column === 'info' ? t[1] === w.info[k] : t[0] === w.protocol[k]));
}

/** Frames whose Info must be tshark's, one or more for each kind of text Decapod builds. */
const PINNED: [capture: string, frames: number[], what: string][] = [
  ['accecn_handshake.pcap', [1], 'TCP options in order: MSS, WS, SACK_PERM, TSval/TSecr'],
  ['mptcp-v1.pcap', [1, 2], 'TCP options of a SYN and SYN-ACK, WS last'],
  ['print-flags.pcap', [1], 'TCP'],
  ['fragmented-4.pcap', [1, 2, 3, 4], 'TCP with no flags ("<None>"), IPv4 fragments reassembled in a later frame'],
  ['dns_tcp.pcap', [4, 6], 'DNS query and response over TCP: every record of every section, OPT included'],
  ['dns-badcookie.pcap', [2, 4], 'DNS reply code, SOA'],
  ['e1000g.pcap', [1, 2], 'ICMP echo request and reply with their match'],
  ['ipoib.pcap', [1], 'ICMP echo request with no reply'],
  ['icmp-rfc5837.pcap', [1], 'ICMP code name'],
  ['IGMP_V2.pcap', [1, 2, 5], 'IGMPv2 query, report, leave'],
  ['arista_ether.pcap', [1], 'IPv4 payload no dissector takes'],
  ['gre-heapoverflow-1.pcap', [2], 'IPv4 header with a bogus version'],
  ['ipv4_invalid_hdr_length.pcap', [1], 'IPv4 header with a bogus header length'],
  ['icmp6-destunreach-ip6ext-udp.pcap', [1], 'ICMPv6 code name'],
  ['icmpv6-RFC2894-RR.pcap', [1], 'ICMPv6 router renumbering code'],
  ['icmpv6-ra-pref64.pcap', [1], "router advertisement with its sender's link-layer address"],
  ['ipv6-bad-version.pcap', [1], "neighbour solicitation's target"],
  ['udp-length-heapoverflow.pcap', [1], 'UDP cut before its length'],
  ['bigtcp-ipv4-vxlan-ipv4.pcap', [1], 'VXLAN over UDP with a length of 0 (a BIG TCP super-packet)'],
  ['arp-too-long-tha.pcap', [1], 'gratuitous ARP'],
  ['ipoib.pcap', [7], 'ARP reply over InfiniBand: the hardware address as hex bytes'],
  ['ipv6-hbh-routing0.pcap', [1], 'DNS cut before its ID'],
  ['pptp.pcap', [3, 7], 'TCP sequence analysis: a retransmitted SYN-ACK, a duplicate ACK'],
  ['arcnet-rfc1051-arp-icmp-http.pcap', [15], 'TCP sequence analysis: a window update'],
  ['dhcp-option-108.pcapng', [1, 2], 'DHCP Discover and Offer, the type padded to 8'],
  ['print-flags.pcap', [4, 6], 'HTTP request line and response with its media type'],
  ['arcnet-rfc1051-arp-icmp-http.pcap', [14, 17, 18], 'HTTP: a response body over two segments'],
  ['geneve-many-options.pcap', [6], 'HTTP with a JSON body'],
  ['ngtg_be_test006.pcapng', [2], 'Dropbox LAN sync discovery, its JSON'],
  ['ngtg_be_test010.pcapng', [3, 4], 'DHCP Request and ACK'],
  ['ngtg_be_test006.pcapng', [1, 3], 'BOOTP request from a MAC, BOOTP reply'],
  ['ngtg_le_test012.pcapng', [2], 'DHCP options cut by the capture: the BOOTP text stays'],
  ['ntp-control.pcap', [1], 'NTP control message'],
  ['fragmented-1.pcap', [3], 'NTP with reserved version and mode'],
  ['various_gre.pcap', [12], 'GRE keepalive'],
  ['dhcpv6-ia-na.pcap', [1, 2], 'DHCPv6: message type, XID, then each IA address and client ID in option order'],
  ['ipv6-fragmented-dns.pcap', [6, 7], 'IPv6 fragments not reassembled'],
  ['ipv6-mobility-dst-opts.pcap', [1], 'IPv6 destination options, then an exception'],
  ['ipv6-srh-tlv-pad1-padn-5-trunc.pcap', [1], 'IPv6 Segment Routing header cut by the capture'],
  ['ipv6_no_next_header.pcap', [1], 'IPv6 no next header'],
  ['hdlc_slarp.pcapng', [1, 3], 'SLARP keepalive, reply'],
  ['vsock-1.pcapng', [1, 4], 'vSocket over virtio'],
  ['lspping-fec-ldp.pcap', [2, 3], 'MPLS Echo request and reply'],
  ['various_gre.pcap', [2, 9, 10], 'STP configuration BPDUs: 802.1Q-tagged PVST+, plain 802.1D, PVST+'],
  ['nhrp.pcapng', [1, 2], 'NHRP registration request and reply with its CIE code'],
  ['accecn_handshake.pcap', [2, 3, 5], "AccECN: the SYN-ACK's counters in an experimental option, then ACE= in place of AE, CWR, ECE"],
  ['geneve.pcap', [6, 10, 14, 16, 17, 19], 'SSH banner, key exchange messages named for the group exchange, two messages in a segment, then encrypted packets'],
  ['ipoib.pcap', [15], 'SSH Diffie-Hellman key exchange'],
  ['get-to-ssh-server.pcap', [4, 6], 'SSH with no client banner: encrypted packet, then the server banner'],
  ['ieee802.11_exthdr.pcap', [1, 2, 3, 22, 24, 26], '802.11 probe request and response, ACK, association request and response, null data'],
  ['various_gre.pcap', [1], 'Ethernet loopback reply (a Cisco keepalive)'],
  ['pptp.pcap', [5, 8, 15], 'PPTP control messages'],
  ['arista_ether.pcap', [1, 2], 'Arista timestamp: a known version (the IPv4 payload writes the column), an unknown one (nothing)'],
  ['linux_dlt_sll2.pcap', [6], 'RARP request'],
  ['mpls-label-heapoverflow.pcap', [1], 'MPLS with a payload cut by the capture'],
  ['various_gre.pcap', [67], 'PIM Hello inside GRE'],
  ['modify-request.pcapng', [4, 6, 12, 14], 'LDAP: a search, an entry and the search\'s end in one frame, messages signed by a Kerberos wrap token'],
];

describe('Info column', () => {
  const tshark = tsharkInfo();

  it('is tshark\'s for each kind of text Decapod builds', async () => {
    for (const [capture, frames, what] of PINNED) {
      const w = await corpusRows(capture, Math.max(...frames));
      for (const f of frames) {
        const want = tshark.get(capture)?.get(f)?.[1];
        expect(want, `${capture} ${f} in the fixture`).toBeDefined();
        expect(w.info[f - 1], `${capture} ${f}: ${what}`).toBe(want);
      }
    }
  });

  it("agrees with tshark's on all 825 frames of the corpus", async () => {
    // 67 before Decapod built DNS, ICMP, ICMPv6, IGMP, IPv4 and TCP options the way Wireshark does;
    // 406 before the TCP sequence analysis' prefixes ([TCP Retransmission], [TCP Dup ACK 6#1] …);
    // 422 before DHCP / BOOTP, NTP and GRE; 530 before DHCPv6, IPv6, SLARP, vSocket, MPLS Echo;
    // 569 before STP; 632 before NHRP; 657 before AccECN's counters and ACE; 660 before SSH; 690 before 802.11; 716 before RARP, loopback, PPTP, AVSP and MPLS; 732 before PIM;
    // 735 before HTTP, 746 before JSON, 747 before DB-LSP-DISC, 756 before ethertype's refusal,
    // 758 before pcapng custom blocks ("Custom Block: PEN = … (32473), will be copied"), 771 before
    // CDP ("Device ID: R1  Port ID: Tunnel40  "), 774 before BGP ("KEEPALIVE Message, UPDATE Message"),
    // 780 before QUIC ("Initial, DCID=84acac06b42ed863, PKN: 0, CRYPTO, PADDING"), 798 before DTP,
    // 799 before PPP LCP ("Configuration Request"), 800 before M3UA ("DATA "), 806 before SAP
    // ("Announcement (v1)"), 808 before LDAP ('searchResEntry(5) "<ROOT>"  | searchResDone(5) success  [1 result]'), 817 before
    // BACnet ("Unconfirmed-REQ who-Is 7001 7001 "), 819 before BGP's first message written after TCP's
    // analysis with no separator ("[TCP Previous segment not captured] UPDATE Message"), 820 before
    // ATA over Ethernet ("Unknown command<3> Response"), 821 before Geneve's own text under a cut
    // inner frame ("Encapsulated Transparent Ethernet bridging") and a DNS record cut after its
    // header ("… corelight.com OPT"), 823 before the reassembly note on a segment inside a reassembled
    // IP datagram (fragmented-4 #5), 824 before ICMP caught the exception of a quoted packet that
    // runs past the quoted bytes (icmp-destunreach-udp #1: no "[Malformed Packet]")
    const { frames, same } = await agreementOf('info');
    expect(frames).toBe(825);
    expect(same).toBe(825);
  });

  it("names the Protocol column as tshark does on all 825 frames", async () => {
    // 665 before the column followed what dissectors write in it: MPTCP for a segment with a
    // Multipath TCP option, IGMPv1-3, BOOTP until a DHCP Message Type option, the short names
    // "MPLS ECHO" and "vSocket"; 741 before HTTP, 749 before JSON, 750 before DB-LSP-DISC, 759 before
    // an ethertype no dissector takes ("0x86dd" for IPv6 that is not version 6, "0x3030"). The rest
    // were protocols Decapod did not dissect; 762
    // before pcapng's custom blocks ("PCAPNG"), 775 before CDP, 778 before BGP, 785 before QUIC, 803 before DTP, 804 before PPP LCP, 805 before M3UA, 811 before SAP/SDP,
    // 824 before XML ("HTTP/XML").
    const { frames, same } = await agreementOf('protocol');
    expect(frames).toBe(825);
    expect(same).toBe(825);
    const pinned: [string, number, string][] = [
      ['mptcp-v1.pcap', 4, 'MPTCP'], ['IGMP_V2.pcap', 1, 'IGMPv2'], ['dhcp-option-108.pcapng', 1, 'DHCP'],
      ['ngtg_be_test006.pcapng', 1, 'BOOTP'], ['lspping-fec-ldp.pcap', 2, 'MPLS ECHO'], ['vsock-1.pcapng', 1, 'vSocket'],
      ['geneve-many-options.pcap', 6, 'HTTP/JSON'], ['ngtg_be_test006.pcapng', 2, 'DB-LSP-DISC/JSON'], ['ipv4_tcp_http_xml.pcap', 1, 'HTTP/XML'],
      ['ipv6-bad-version.pcap', 2, '0x86dd'], ['gre-heapoverflow-1.pcap', 1, '0x3030'],
    ];
    for (const [capture, frame, name] of pinned) {
      expect(tshark.get(capture)?.get(frame)?.[0], `${capture} ${frame} in the fixture`).toBe(name);
      expect((await corpusRows(capture, frame)).protocol[frame - 1], `${capture} ${frame}`).toBe(name);
    }
  });
});
