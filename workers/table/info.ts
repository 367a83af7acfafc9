// The Info column, built only for rows on screen from their dissection (Wireshark builds it in each
// dissector; we derive it from the field list so dissectors stay single-purpose).

import { fieldById } from '../fields/registry.ts';
import type { FieldList } from '../fields/field-list.ts';
import { Status } from '../dissectors/context.ts';
import { text } from './info/fields.ts';
import { tcpAnalysisPrefix, tcpInfo, udpInfo } from './info/transport.ts';
import { dnsInfo } from './info/dns.ts';
import { icmpInfo, icmpv6Info } from './info/icmp.ts';
import { arpInfo, igmpInfo, ipInfo } from './info/network.ts';
import { dhcpInfo, dhcpv6Info } from './info/dhcp.ts';
import { ipv6Info } from './info/ipv6.ts';
import { stpInfo } from './info/stp.ts';
import { mplsEchoInfo, nhrpInfo, slarpInfo, vsockInfo } from './info/links.ts';
import { ntpInfo } from './info/ntp.ts';
import { greInfo } from './info/gre.ts';
import { sshInfo } from './info/ssh.ts';
import { syslogInfo } from './info/syslog.ts';
import { radiotapInfo, wlanInfo } from './info/wlan.ts';
import { avspInfo, geneveInfo, loopInfo, pimInfo, pptpInfo } from './info/tunnels.ts';

/** Info builders by protocol: the dissection, and its exception (Ctx.exception's Status bits: a
 *  builder whose protocol writes its column before a part that can stop the packet). */
const BUILDERS: Record<string, (fl: FieldList, exception: number) => string> = {
  tcp: tcpInfo,
  udp: udpInfo,
  dns: dnsInfo,
  mdns: dnsInfo,
  llmnr: dnsInfo,
  arp: arpInfo,
  icmp: icmpInfo,
  icmpv6: icmpv6Info,
  igmp: igmpInfo,
  ip: ipInfo,
  dhcp: dhcpInfo,
  ntp: ntpInfo,
  gre: greInfo,
  geneve: geneveInfo,
  dhcpv6: dhcpv6Info,
  ipv6: ipv6Info,
  slarp: slarpInfo,
  vsock: vsockInfo,
  'mpls-echo': mplsEchoInfo,
  stp: stpInfo,
  nhrp: nhrpInfo,
  ssh: sshInfo,
  syslog: syslogInfo,
  wlan: wlanInfo,
  'wlan.mgt': wlanInfo,
  radiotap: radiotapInfo,
  // (packet-ieee80211-radio.c clears the column for the 802.11 dissector after it)
  wlan_radio: () => '',
  loop: loopInfo,
  pptp: pptpInfo,
  pim: pimInfo,
  // packet-mpls.c's text, which a payload it hands on replaces
  mpls: () => 'MPLS Label Switched Packet',
  avsp: avspInfo,
};

/** What Wireshark appends to the Info column of a packet whose dissection an exception stopped
 *  (`exception`: Ctx.exception's Status bits), with no space before it, as tshark prints it:
 *  "IPv6 destination options[Malformed Packet]" (epan/show_exception.c), and `why` (Ctx.failWhy)
 *  after a colon when the exception says more ("[Malformed Packet: length of contained item …]"). An expert info of the
 *  Malformed group marks the packet (`_ws.malformed`) but appends nothing. */
export function exceptionSuffix(exception: number, why = ''): string {
  let s = '';
  if (exception & Status.MALFORMED) s += why === '' ? '[Malformed Packet]' : `[Malformed Packet: ${why}]`;
  if (exception & Status.TRUNCATED) s += '[Packet size limited during capture]';
  return s;
}

/** Info text for a packet whose top protocol is `topField`, whose dissection stopped on
 *  `exception` (0: none); `own` is the text a dissector wrote itself (Ctx.colInfo), if any, and
 *  `ownSep` whether it was appended (a ", " then follows TCP's analysis text). */
export function infoText(fl: FieldList, topField: number, exception = 0, own: string | null = null, ownSep = false): string {
  const prefix = tcpAnalysisPrefix(fl);
  if (own === null) return prefix + layerInfo(fl, topField, exception);
  return prefix + (ownSep && prefix !== '' ? ', ' : '') + own;
}

function layerInfo(fl: FieldList, topField: number, exception: number): string {
  const def = fieldById(topField);
  const build = BUILDERS[def.name];
  try {
    if (build) return build(fl, exception);
  } catch {
    // A builder must never break the grid; fall back to the protocol's name.
  }
  if (def.name === 'data') return `${text(fl, 'data.len')} bytes`;
  return def.label;
}
