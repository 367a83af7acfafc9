// The Protocol column's text and the row colouring family for a top-level protocol, as Wireshark
// names them in its Protocol column (its protocols' short names).

import { fieldById } from '../fields/registry.ts';
import { Status } from '../dissectors/context.ts';

const SHORT: Record<string, string> = {
  frame: 'Frame', eth: 'Ethernet', ip: 'IPv4', ipv6: 'IPv6', arp: 'ARP', icmp: 'ICMP', icmpv6: 'ICMPv6',
  tcp: 'TCP', udp: 'UDP', dns: 'DNS', mdns: 'MDNS', dhcp: 'DHCP', dhcpv6: 'DHCPv6', ntp: 'NTP', vxlan: 'VXLAN',
  geneve: 'Geneve', gre: 'GRE', mpls: 'MPLS', vlan: '802.1Q', ieee8021ad: '802.1ad', igmp: 'IGMP', sctp: 'SCTP',
  llc: 'LLC', sll: 'SLL', null: 'NULL', ppp: 'PPP', chdlc: 'CHDLC', erspan: 'ERSPAN', nsh: 'NSH', data: 'Data',
  nflog: 'NFLOG', pktap: 'PKTAP', radiotap: 'WLAN', wlan_radio: 'Radio', wlan: '802.11', 'wlan.mgt': '802.11', slarp: 'SLARP', lcp: 'PPP LCP', stp: 'STP',
  ssh: 'SSH', syslog: 'Syslog', loop: 'LOOP', pptp: 'PPTP', avsp: 'AVSP', pim: 'PIM', tls: 'TLS', 'mpls-echo': 'MPLS ECHO',
  vsock: 'vSocket', json: 'JSON', mysql: 'MySQL',
};

export function protocolName(protoField: number): string {
  const name = fieldById(protoField).name;
  return SHORT[name] ?? name.toUpperCase();
}

const FAMILY: Record<string, string> = {
  tcp: 'tcp', ssh: 'tcp', tls: 'tcp', http: 'tcp', mysql: 'tcp', udp: 'udp', 'db-lsp-disc': 'udp', dns: 'dns', mdns: 'dns', arp: 'arp', icmp: 'icmp', icmpv6: 'icmp', igmp: 'icmp',
  vxlan: 'tunnel', geneve: 'tunnel', gre: 'tunnel', erspan: 'tunnel', nsh: 'tunnel', dhcp: 'udp', dhcpv6: 'udp', ntp: 'udp',
};

/** Colouring family of a row: status first (malformed wins), then the protocol; a protocol with
 *  no family of its own takes its transport's, as Wireshark's default TCP and UDP rules colour
 *  LDAP, Kerberos or SNMP (`ipProto`: the innermost IP payload's protocol, 255 for none). */
export function colorFamily(protoField: number, status: number, tcpFlags: number, tunnelled: boolean, ipProto = 255): string {
  if (status & (Status.TRUNCATED | Status.MALFORMED | Status.ERROR)) return 'bad';
  const name = fieldById(protoField).name;
  if (name === 'tcp' && tcpFlags & 0x04) return 'reset';
  if (name === 'tcp' && tcpFlags & 0x03) return 'tcp-syn';
  const fam = FAMILY[name] ?? (ipProto === 6 ? 'tcp' : ipProto === 17 ? 'udp' : undefined);
  if (fam) return tunnelled && fam !== 'tunnel' ? `${fam} tunnelled` : fam;
  return tunnelled ? 'tunnel' : 'other';
}
