// DHCPv6 (RFC 8415 sections 8, 9 and 21; Wireshark packet-dhcpv6.c), on UDP ports 546 and 547.
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |    msg-type   |               transaction-id                  |
//   |                            options                            |
//
// Relay messages (types 12, 13) carry a hop count and two addresses instead of the transaction
// ID. Options are (code: 2 bytes, length: 2 bytes, data); IA_NA, IA_TA, IA_PD and Relay Message
// options nest further options, so nesting is bounded by the message length and by Ctx.call.

import { Base, FT, names, registerFields } from '../fields/registry.ts';
import { bytesHex, etherText } from '../fields/format.ts';
import type { Ctx } from './context.ts';
import { addAbsTime } from './time-fields.ts';
import { bind, registerDissector } from './tables.ts';
import { latin1Text } from './ascii.ts';

const MSG_TYPE = 0;
const XID = 1;
export const DHCPV6_HEADER_LEN = XID + 3;
const RELAY_HEADER_LEN = 34;
/** DUID-LLT times count from 2000-01-01 (RFC 8415 section 11.2: "seconds since midnight (UTC), January 1, 2000"). */
const Y2K = 946684800;

const MSG_TYPES = names([
  [1, 'Solicit'], [2, 'Advertise'], [3, 'Request'], [4, 'Confirm'], [5, 'Renew'], [6, 'Rebind'], [7, 'Reply'],
  [8, 'Release'], [9, 'Decline'], [10, 'Reconfigure'], [11, 'Information-request'], [12, 'Relay-forw'], [13, 'Relay-reply'],
  [14, 'Leasequery'], [15, 'Leasequery-reply'], [16, 'Leasequery-done'], [17, 'Leasequery-data'], [18, 'Reconfigure-request'],
  [19, 'Reconfigure-reply'],
]);
const OPTION_NAMES = names([
  [1, 'Client Identifier'], [2, 'Server Identifier'], [3, 'Identity Association for Non-temporary Address'],
  [4, 'Identity Association for Temporary Address'], [5, 'IA Address'], [6, 'Option Request'], [7, 'Preference'],
  [8, 'Elapsed time'], [9, 'Relay Message'], [11, 'Authentication'], [12, 'Server unicast'], [13, 'Status code'],
  [14, 'Rapid Commit'], [15, 'User Class'], [16, 'Vendor Class'], [17, 'Vendor-specific Information'],
  [18, 'Interface-Id'], [23, 'DNS recursive name server'], [24, 'Domain Search List'],
  [25, 'Identity Association for Prefix Delegation'], [26, 'IA Prefix'], [39, 'Fully Qualified Domain Name'],
]);
const DUID_TYPES = names([[1, 'link-layer address plus time'], [2, 'assigned by vendor based on Enterprise number'], [3, 'link-layer address'], [4, 'Universally Unique IDentifier (UUID)']]);

export const F = registerFields({
  dhcpv6: { name: 'dhcpv6', label: 'DHCPv6', type: FT.PROTOCOL },
  msgtype: { name: 'dhcpv6.msgtype', label: 'Message type', type: FT.UINT, bits: 8, names: MSG_TYPES },
  xid: { name: 'dhcpv6.xid', label: 'Transaction ID', type: FT.UINT, base: Base.HEX, bits: 24 },
  hopcount: { name: 'dhcpv6.hopcount', label: 'Hopcount', type: FT.UINT, bits: 8 },
  linkaddr: { name: 'dhcpv6.linkaddr', label: 'Link address', type: FT.IPV6 },
  peeraddr: { name: 'dhcpv6.peeraddr', label: 'Peer address', type: FT.IPV6 },
  typeStr: { name: 'dhcpv6.option.type_str', label: 'Option', type: FT.STRING },
  type: { name: 'dhcpv6.option.type', label: 'Option', type: FT.UINT, bits: 16, names: OPTION_NAMES },
  length: { name: 'dhcpv6.option.length', label: 'Length', type: FT.UINT, bits: 16 },
  value: { name: 'dhcpv6.option.value', label: 'Value', type: FT.BYTES },
  duid: { name: 'dhcpv6.duid.bytes', label: 'DUID', type: FT.BYTES },
  duidType: { name: 'dhcpv6.duid.type', label: 'DUID Type', type: FT.UINT, bits: 16, names: DUID_TYPES },
  lltHwType: { name: 'dhcpv6.duidllt.hwtype', label: 'Hardware type', type: FT.UINT, bits: 16, names: names([[1, 'Ethernet']]) },
  lltTime: { name: 'dhcpv6.duidllt.time', label: 'DUID Time', type: FT.ABSOLUTE_TIME },
  lltAddr: { name: 'dhcpv6.duidllt.link_layer_addr', label: 'Link-layer address', type: FT.STRING },
  llHwType: { name: 'dhcpv6.duidll.hwtype', label: 'Hardware type', type: FT.UINT, bits: 16, names: names([[1, 'Ethernet']]) },
  llAddr: { name: 'dhcpv6.duidll.link_layer_addr', label: 'Link-layer address', type: FT.STRING },
  iaid: { name: 'dhcpv6.iaid', label: 'IAID', type: FT.STRING },
  t1: { name: 'dhcpv6.iaid.t1', label: 'T1', type: FT.UINT },
  t2: { name: 'dhcpv6.iaid.t2', label: 'T2', type: FT.UINT },
  iaaddr: { name: 'dhcpv6.iaaddr.ip', label: 'IPv6 address', type: FT.IPV6 },
  pref: { name: 'dhcpv6.iaaddr.pref_lifetime', label: 'Preferred lifetime', type: FT.UINT },
  valid: { name: 'dhcpv6.iaaddr.valid_lifetime', label: 'Valid lifetime', type: FT.UINT },
  requested: { name: 'dhcpv6.requested_option_code', label: 'Requested Option code', type: FT.UINT, bits: 16, names: OPTION_NAMES, unknownName: true },
  elapsed: { name: 'dhcpv6.elapsed_time', label: 'Elapsed time', type: FT.UINT, bits: 16 },
  statusCode: { name: 'dhcpv6.status_code', label: 'Status Code', type: FT.UINT, bits: 16 },
  statusMsg: { name: 'dhcpv6.status_msg', label: 'Status Message', type: FT.STRING },
  dnsServer: { name: 'dhcpv6.dns_server', label: 'DNS server address', type: FT.IPV6 },
});

export function dissectDhcpv6(c: Ctx, off: number, end: number): void {
  c.proto(F.dhcpv6, off, end);
  message(c, off, end);
}

function message(c: Ctx, off: number, end: number): void {
  const type = c.uint(F.msgtype, off + MSG_TYPE, 1, end);
  if (type < 0) return;
  if (type === 12 || type === 13) {
    c.uint(F.hopcount, off + 1, 1, end);
    c.field(F.linkaddr, off + 2, 16, end);
    c.field(F.peeraddr, off + 18, 16, end);
    options(c, off + RELAY_HEADER_LEN, end);
    return;
  }
  c.uint(F.xid, off + XID, 3, end);
  options(c, off + DHCPV6_HEADER_LEN, end);
}

function options(c: Ctx, o: number, end: number): void {
  const f = c.f;
  while (o < end && !c.stop) {
    if (!c.has(o, 4, end)) return;
    const code = c.u16(o);
    const len = c.u16(o + 2);
    if (!c.has(o, 4 + len, end)) return;
    const name = OPTION_NAMES.get(code) ?? `Unknown (${code})`;
    const item = f.addStr(F.typeStr, o, 4 + len, name);
    // the option's subtree is titled by its name alone, as tshark -V shows it
    if (f.wanted === null) f.setText(item, name);
    f.push(item);
    f.add(F.type, o, 2, code);
    f.add(F.length, o + 2, 2, len);
    option(c, code, o + 4, len);
    f.pop();
    o += 4 + len;
  }
}

function option(c: Ctx, code: number, v: number, len: number): void {
  const f = c.f;
  const vend = v + len;
  switch (code) {
    case 1:
    case 2:
      duid(c, v, len);
      return;
    case 3:
    case 4:
    case 25:
      if (len < 4) break;
      f.addStr(F.iaid, v, 4, bytesHex(c.b, v, 4));
      if (code === 4) {
        c.call(optionsAt, v + 4, vend);
        return;
      }
      if (len < 12) break;
      f.add(F.t1, v + 4, 4, c.u32(v + 4));
      f.add(F.t2, v + 8, 4, c.u32(v + 8));
      c.call(optionsAt, v + 12, vend);
      return;
    case 5:
      if (len < 24) break;
      f.add(F.iaaddr, v, 16);
      f.add(F.pref, v + 16, 4, c.u32(v + 16));
      f.add(F.valid, v + 20, 4, c.u32(v + 20));
      c.call(optionsAt, v + 24, vend);
      return;
    case 6:
      for (let i = 0; i + 2 <= len; i += 2) f.add(F.requested, v + i, 2, c.u16(v + i));
      return;
    case 8:
      if (len === 2) {
        const t = c.u16(v);
        const i = f.add(F.elapsed, v, 2, t);
        // hundredths of a second, shown in milliseconds ("Elapsed time: 0ms")
        if (f.wanted === null) f.setText(i, `Elapsed time: ${t * 10}ms`);
      }
      return;
    case 9:
      c.call(message, v, vend);
      return;
    case 13:
      if (len < 2) break;
      f.add(F.statusCode, v, 2, c.u16(v));
      f.addStr(F.statusMsg, v + 2, len - 2, ascii(c.b, v + 2, len - 2));
      return;
    case 23:
      for (let i = 0; i + 16 <= len; i += 16) f.add(F.dnsServer, v + i, 16);
      return;
  }
  if (len > 0) f.add(F.value, v, len);
}

function optionsAt(c: Ctx, off: number, end: number): void {
  options(c, off, end);
}

/** DUID (RFC 8415 section 11): type, then a link-layer address with or without a time. */
function duid(c: Ctx, v: number, len: number): void {
  const f = c.f;
  if (len === 0) return;
  f.add(F.duid, v, len);
  if (len < 2) return;
  const type = c.u16(v);
  f.add(F.duidType, v, 2, type);
  if (type === 1 && len >= 8) {
    f.add(F.lltHwType, v + 2, 2, c.u16(v + 2));
    // guint32 arithmetic in packet-dhcpv6.c (`tvb_get_ntohl(...) + 946684800U`): past 2136 it wraps.
    addAbsTime(f, F.lltTime, v + 4, 4, (Y2K + c.u32(v + 4)) >>> 0, 0);
    if (len > 8) f.addStr(F.lltAddr, v + 8, len - 8, linkAddr(c.b, v + 8, len - 8));
  } else if (type === 3 && len >= 4) {
    f.add(F.llHwType, v + 2, 2, c.u16(v + 2));
    if (len > 4) f.addStr(F.llAddr, v + 4, len - 4, linkAddr(c.b, v + 4, len - 4));
  }
}

function linkAddr(b: Uint8Array, o: number, n: number): string {
  return n === 6 ? etherText(b, o) : bytesHex(b, o, n, ':');
}

function ascii(b: Uint8Array, o: number, n: number): string {
  return latin1Text(b, o, o + n, true);
}

registerDissector('dhcpv6', dissectDhcpv6);
bind('udp.port', 546, 'dhcpv6');
bind('udp.port', 547, 'dhcpv6');
