// How much of the details tree equals Wireshark's: every line of every frame's `tshark -2 -V` tree
// (two passes, as Wireshark's window and Decapod's details show a frame) in every corpus capture
// tshark decodes (test/fixtures/tree/tree-lines.json.gz, made by
// make-tree-lines.sh beside it), against Decapod's tree of the same frame indented the same way.
// A line counts when the frame's tree has it (as many times as tshark's has it). The floor is what
// the tree matched when it was last raised; a change that loses lines fails here, one that wins
// lines should raise it. What tshark shows that Decapod does not is mostly protocols and details
// it does not dissect (802.11 management elements, Radiotap, XML), as
// the README lists them.
import { openAsBlob, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { TreeNode } from '../../../workers/api.ts';
import { CaptureSession } from '../../../workers/session.ts';
import { CAPTURES, REPO } from '../../golden/corpus.ts';

const EXPECTED = JSON.parse(gunzipSync(readFileSync(join(REPO, 'test/fixtures/tree/tree-lines.json.gz'))).toString('utf8')) as Record<string, Record<string, string[]>>;

/** Lines of tshark's trees that Decapod's equal (raise it when the tree gets closer). */
const FLOOR = 75_410;

/** Layers that equal tshark's line for line on every frame of these captures (each was mended to;
 *  a change that breaks one fails here even when the floor above still holds). */
const WHOLE_LAYERS: readonly (readonly [string, RegExp])[] = [
  ['dhcp-option-108.pcapng', /^Dynamic Host Configuration Protocol/],
  ['dhcp-rfc3004.pcap', /^Dynamic Host Configuration Protocol/],
  ['fragmented-1.pcap', /^Internet Protocol Version 4/],
  ['ipv6-fragmented-dns.pcap', /^Internet Protocol Version 6/],
  ['icmpv6.pcap', /^Internet Protocol Version 6/],
  ['icmp-length-zero.pcapng', /^Internet Control Message Protocol/],
  ['arcnet-rfc1051-arp-icmp-http.pcap', /^(Internet Control Message Protocol|Domain Name System)/],
  ['bigtcp-ipv4-vxlan-ipv4.pcap', /^User Datagram Protocol/],
  ['geneve-vxlan-dns-truncated.pcap', /^User Datagram Protocol/],
  ['ntp.pcap', /^Network Time Protocol/],
  // control messages: status words, and the variables as packet-ntp.c's tvbparse grammar nests them
  ['ntp-control.pcap', /^Network Time Protocol/],
  // Multipath TCP: MP_CAPABLE's keys with the token and IDSN derived from them, DSS with relative
  // data ACKs and sequence numbers, the [MPTCP analysis], NOP runs' "4 NOP in a row"
  ['mptcp-v1.pcap', /^Transmission Control Protocol/],
  // ATA over Ethernet's header; the frame's length below its captured length (frame.len_lt_caplen)
  ['aoe-oobr-1.pcap', /^(ATAoverEthernet|Frame )/],
  ['bgp-role.pcapng', /^Linux cooked capture/],
  ['linux_dlt_sll2.pcap', /^Linux cooked capture/],
  ['icmp-destunreach-udp.pcap', /^(Ethernet II|Internet Control Message Protocol|Domain Name System)/],
  ['icmp6-destunreach-ip6ext-udp.pcap', /^(Internet Control Message Protocol v6|Data)/],
  ['various_gre.pcap', /^(Logical-Link Control|Dynamic Trunk Protocol)/],
  // SAP announcements and their SDP session descriptions; BACnet's Who-Is
  ['q-in-q.pcap', /^(Session Announcement Protocol|Session Description Protocol|BACnet Virtual Link Control|Building Automation and Control Network)/],
  // SCTP's chunks and M3UA's parameters (isup.pcap's SS7 over IP)
  ['isup.pcap', /^(Stream Control Transmission Protocol|MTP 3 User Adaptation Layer)/],
  // QUIC: Initial packets decrypted (their CRYPTO frames' TLS handshake, JA3 and transport parameters), the rest as tshark shows them without secrets
  ['quic_handshake.pcap', /^QUIC IETF/],
  // LDAP: an Active Directory session, its Kerberos bind through SPNEGO, then signed messages
  ['modify-request.pcapng', /^Lightweight Directory Access Protocol/],
  // BGP: OPEN's capabilities, UPDATEs' path attributes and routes, KEEPALIVEs
  ['bgp-role.pcapng', /^Border Gateway Protocol/],
  ['lspping-fec-ldp.pcap', /^(Border Gateway Protocol|Multiprotocol Label Switching Echo)/],
  // Wi-Fi, every line: radiotap's present words and fields (MCS included), the 802.11 radio
  // information with each frame's airtime, the 802.11 header's title and frame control, the
  // management body's capability bits and elements (ERP, HT Capabilities and Information, WMM)
  ['ieee802.11_exthdr.pcap', /^/],
  // an HTTP response's SOAP body
  ['ipv4_tcp_http_xml.pcap', /^eXtensible Markup Language/],
  // the frame's own lines: section, interface (its name "unknown" when it has none, its
  // description), the delta from the previous displayed frame and the protocols in the frame
  ['geneve.pcap', /^Frame /],
  ['vxlan.pcap', /^Frame /],
  ['nhrp.pcapng', /^Frame /],
  ['geneve-truncated.pcapng', /^Frame /],
  ['dhcp-option-108.pcapng', /^Frame /],
  ['nhrp.pcapng', /^Next Hop Resolution Protocol/],
  ['geneve.pcap', /^SSH Protocol/],
  ['edns-opts.pcap', /^Domain Name System/],
  ['pptp.pcap', /^(Point-to-Point Tunnelling Protocol|PPP Link Control Protocol)/],
  // IGMP with its Max Resp Time in seconds, the IPv4 header's Router Alert option, inside VXLAN too
  ['IGMP_V2.pcap', /^(Internet Group Management Protocol|Internet Protocol Version 4)/],
  ['vxlan-encapsulated-igmp-v2.pcap', /^(Internet Group Management Protocol|Internet Protocol Version 4|Virtual eXtensible Local Area Network)/],
  ['ip_ts_opts_asan.pcap', /^Internet Protocol Version 4/],
  // ICMPv6: Neighbor Discovery's option titles, lengths and flags, MLDv2 records, Router Renumbering
  ['icmpv6.pcap', /^Internet Control Message Protocol v6/],
  ['icmpv6-ra-pref64.pcap', /^Internet Control Message Protocol v6/],
  ['icmpv6-RFC2894-RR.pcap', /^Internet Control Message Protocol v6/],
  ['ipv6_ext_headers.pcap', /^(Internet Protocol Version 6|Routing Header)/],
  ['dhcpv6-ia-na.pcap', /^DHCPv6/],
  ['nflog.pcap', /^Linux Netfilter NFLOG/],
  ['arista_ether.pcap', /^Arista Vendor Specific Protocol/],
  ['vsock-1.pcapng', /^vSocket/],
  ['e1000g.pcap', /^Solaris IPNET/],
  ['various_gre.pcap', /^Cisco Discovery Protocol/],
];

function lines(tree: readonly TreeNode[]): string[] {
  const out: string[] = [];
  const walk = (n: TreeNode, ind: string): void => {
    out.push(ind + n.label);
    for (const c of n.children) walk(c, `${ind}    `);
  };
  for (const n of tree) walk(n, '');
  return out;
}

/** The lines of the top-level layers whose title matches `layer`, with their subtrees. */
function layerLines(all: readonly string[], layer: RegExp): string[] {
  let on = false;
  return all.filter((l) => {
    if (!l.startsWith(' ')) on = layer.test(l);
    return on;
  });
}

describe("the details tree against tshark -V's", () => {
  it('on every frame of every corpus capture tshark decodes', async () => {
    let total = 0;
    let matched = 0;
    for (const [name, frames] of Object.entries(EXPECTED)) {
      const s = new CaptureSession();
      const r = await s.open([await openAsBlob(join(CAPTURES, name))], [name], []);
      for (const [frame, want] of Object.entries(frames)) {
        total += want.length;
        if (Number(frame) > r.packets) continue;
        const count = new Map<string, number>();
        for (const l of lines((await s.getDetails(Number(frame))).tree)) count.set(l, (count.get(l) ?? 0) + 1);
        for (const l of want) {
          const k = count.get(l) ?? 0;
          if (k > 0) {
            count.set(l, k - 1);
            matched++;
          }
        }
      }
    }
    console.log(`tree lines equal to tshark -2 -V: ${matched} of ${total}`);
    expect(total).toBeGreaterThan(75_000);
    expect(matched).toBeGreaterThanOrEqual(FLOOR);
  }, 300_000);

  it('layer by layer where a layer was made whole', async () => {
    let compared = 0;
    for (const [name, layer] of WHOLE_LAYERS) {
      const frames = EXPECTED[name] ?? {};
      const s = new CaptureSession();
      await s.open([await openAsBlob(join(CAPTURES, name))], [name], []);
      for (const [frame, want] of Object.entries(frames)) {
        const expected = layerLines(want, layer);
        expect(layerLines(lines((await s.getDetails(Number(frame))).tree), layer), `${name} frame ${frame}`).toEqual(expected);
        compared += expected.length;
      }
    }
    // tshark's lines in those layers (so that a fixture without them cannot pass this)
    expect(compared).toBe(21925);
  }, 120_000);
});
