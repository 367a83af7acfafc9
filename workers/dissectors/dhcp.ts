// DHCP / BOOTP (RFC 2131 section 2, RFC 2132 options; Wireshark packet-dhcp.c, which 4.0 calls
// `dhcp`), on UDP ports 67 and 68.
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +---------------+---------------+---------------+---------------+
//   |     op (1)    |   htype (1)   |   hlen (1)    |   hops (1)    |
//   |                            xid (4)                            |
//   |           secs (2)            |           flags (2)           |
//   |                          ciaddr (4)                           |
//   |                          yiaddr (4)                           |
//   |                          siaddr (4)                           |
//   |                          giaddr (4)                           |
//   |                          chaddr (16)                          |
//   |                          sname  (64)                          |
//   |                          file   (128)                         |
//   |                          options (variable)                   |
//
// Options start with the magic cookie 99.130.83.99 (RFC 2131 section 3: "The first four octets of
// the 'options' field of the DHCP message contain the (decimal) values 99, 130, 83 and 99") and
// are type-length-value, but for Pad (0) and End (255); bytes after End are padding.

import { Base, FT, fieldById, names, registerFields } from '../fields/registry.ts';
import { EF } from '../fields/field-list.ts';
import { durationText, ipv4Text } from '../fields/format.ts';
import { Status, type Ctx } from './context.ts';
import { DHCP_OPTION_NAMES } from './dhcp-names.ts';
import { bind, registerDissector } from './tables.ts';
import { latin1Text } from './ascii.ts';

const OP = 0;
const HTYPE = 1;
const HLEN = 2;
const HOPS = 3;
const XID = 4;
const SECS = 8;
const FLAGS = 10;
const CIADDR = 12;
const YIADDR = 16;
const SIADDR = 20;
const GIADDR = 24;
const CHADDR = 28;
const SNAME = CHADDR + 16;
const FILE = SNAME + 64;
const COOKIE = FILE + 128;
export const BOOTP_HEADER_LEN = COOKIE;
const MAGIC = 0x63825363;

const MESSAGE_TYPES = names([
  [1, 'Discover'], [2, 'Offer'], [3, 'Request'], [4, 'Decline'], [5, 'ACK'], [6, 'NAK'], [7, 'Release'], [8, 'Inform'],
  [9, 'Force Renew'], [10, 'Lease query'], [11, 'Lease Unassigned'], [12, 'Lease Unknown'], [13, 'Lease Active'],
  [14, 'Bulk Lease Query'], [15, 'Lease Query Done'], [16, 'Active LeaseQuery'], [17, 'Lease Query Status'], [18, 'TLS'],
]);

/** Option names: Wireshark's table (generated: dhcp-names.ts), with the code in front on the
 *  option and request-list lines: "Option: (121) Classless Static Route". */
const OPTION_NAMES = names(DHCP_OPTION_NAMES);

export const F = registerFields({
  dhcp: { name: 'dhcp', label: 'Dynamic Host Configuration Protocol', type: FT.PROTOCOL },
  type: { name: 'dhcp.type', label: 'Message type', type: FT.UINT, bits: 8, names: names([[1, 'Boot Request'], [2, 'Boot Reply']]) },
  hwType: { name: 'dhcp.hw.type', label: 'Hardware type', type: FT.UINT, base: Base.HEX, bits: 8, names: names([[1, 'Ethernet']]) },
  hwLen: { name: 'dhcp.hw.len', label: 'Hardware address length', type: FT.UINT, bits: 8 },
  hops: { name: 'dhcp.hops', label: 'Hops', type: FT.UINT, bits: 8 },
  id: { name: 'dhcp.id', label: 'Transaction ID', type: FT.UINT, base: Base.HEX },
  secs: { name: 'dhcp.secs', label: 'Seconds elapsed', type: FT.UINT, bits: 16 },
  flags: { name: 'dhcp.flags', label: 'Bootp flags', type: FT.UINT, base: Base.HEX, bits: 16 },
  bc: { name: 'dhcp.flags.bc', label: 'Broadcast flag', type: FT.BOOLEAN, bits: 16, mask: 0x8000, tf: ['Broadcast', 'Unicast'] },
  reserved: { name: 'dhcp.flags.reserved', label: 'Reserved flags', type: FT.UINT, base: Base.HEX, bits: 16, mask: 0x7fff },
  client: { name: 'dhcp.ip.client', label: 'Client IP address', type: FT.IPV4 },
  your: { name: 'dhcp.ip.your', label: 'Your (client) IP address', type: FT.IPV4 },
  server: { name: 'dhcp.ip.server', label: 'Next server IP address', type: FT.IPV4 },
  relay: { name: 'dhcp.ip.relay', label: 'Relay agent IP address', type: FT.IPV4 },
  mac: { name: 'dhcp.hw.mac_addr', label: 'Client MAC address', type: FT.ETHER },
  hwAddr: { name: 'dhcp.hw.addr', label: 'Client hardware address', type: FT.BYTES },
  hwPadding: { name: 'dhcp.hw.addr_padding', label: 'Client hardware address padding', type: FT.BYTES },
  sname: { name: 'dhcp.server', label: 'Server host name', type: FT.STRING },
  file: { name: 'dhcp.file', label: 'Boot file name', type: FT.STRING },
  cookie: { name: 'dhcp.cookie', label: 'Magic cookie', type: FT.IPV4 },
  optType: { name: 'dhcp.option.type', label: 'Option', type: FT.UINT, bits: 8, names: OPTION_NAMES },
  optLen: { name: 'dhcp.option.length', label: 'Length', type: FT.UINT, bits: 8 },
  optValue: { name: 'dhcp.option.value', label: 'Value', type: FT.BYTES },
  end: { name: 'dhcp.option.end', label: 'Option End', type: FT.UINT, bits: 8 },
  padding: { name: 'dhcp.option.padding', label: 'Padding', type: FT.BYTES },
  msgType: { name: 'dhcp.option.dhcp', label: 'DHCP', type: FT.UINT, bits: 8, names: MESSAGE_TYPES },
  subnetMask: { name: 'dhcp.option.subnet_mask', label: 'Subnet Mask', type: FT.IPV4 },
  router: { name: 'dhcp.option.router', label: 'Router', type: FT.IPV4 },
  dns: { name: 'dhcp.option.domain_name_server', label: 'Domain Name Server', type: FT.IPV4 },
  hostname: { name: 'dhcp.option.hostname', label: 'Host Name', type: FT.STRING },
  domain: { name: 'dhcp.option.domain_name', label: 'Domain Name', type: FT.STRING },
  broadcast: { name: 'dhcp.option.broadcast_address', label: 'Broadcast Address', type: FT.IPV4 },
  requested: { name: 'dhcp.option.requested_ip_address', label: 'Requested IP Address', type: FT.IPV4 },
  lease: { name: 'dhcp.option.ip_address_lease_time', label: 'IP Address Lease Time', type: FT.UINT },
  serverId: { name: 'dhcp.option.dhcp_server_id', label: 'DHCP Server Identifier', type: FT.IPV4 },
  requestItem: { name: 'dhcp.option.request_list_item', label: 'Parameter Request List Item', type: FT.UINT, bits: 8, names: OPTION_NAMES },
  message: { name: 'dhcp.option.message', label: 'Message', type: FT.STRING },
  maxSize: { name: 'dhcp.option.dhcp_max_message_size', label: 'Maximum DHCP Message Size', type: FT.UINT, bits: 16 },
  renewal: { name: 'dhcp.option.renewal_time_value', label: 'Renewal Time Value', type: FT.UINT },
  rebinding: { name: 'dhcp.option.rebinding_time_value', label: 'Rebinding Time Value', type: FT.UINT },
  vendorClass: { name: 'dhcp.option.vendor_class_id', label: 'Vendor class identifier', type: FT.STRING },
  clientId: { name: 'dhcp.option.client_id', label: 'Client identifier', type: FT.BYTES },
  userClass: { name: 'dhcp.option.user_class', label: 'Instance of User Class', type: FT.UINT, bits: 8 },
  userClassLen: { name: 'dhcp.option.user_class.length', label: 'User Class Length', type: FT.UINT, bits: 8 },
  userClassData: { name: 'dhcp.option.user_class.data', label: 'User Class Data', type: FT.BYTES },
});

export function dissectDhcp(c: Ctx, off: number, end: number): void {
  const f = c.f;
  c.proto(F.dhcp, off, end);
  // "BOOTP" until a DHCP Message Type option says DHCP (packet-dhcp.c)
  c.colProtocol = 'BOOTP';
  // packet-dhcp.c walks the options once before it adds a field (for the message type and the
  // vendor class); a capture cut inside them stops it there, and the item stays empty
  if (firstPassCut(c, off, end)) {
    // (the Info column it wrote first stays: "Boot Reply")
    const op = off + OP < c.b.length ? c.u8(off + OP) : -1;
    if (op === 1 || op === 2) c.colInfo = op === 1 ? 'Boot Request' : 'Boot Reply';
    c.fail(Status.TRUNCATED);
    return;
  }
  c.uint(F.type, off + OP, 1, end);
  c.uint(F.hwType, off + HTYPE, 1, end);
  const hlen = c.uint(F.hwLen, off + HLEN, 1, end);
  c.uint(F.hops, off + HOPS, 1, end);
  c.uint(F.id, off + XID, 4, end);
  c.uint(F.secs, off + SECS, 2, end);
  const flags = c.uint(F.flags, off + FLAGS, 2, end);
  if (flags >= 0) {
    if (full(c)) f.appendLabel(f.last, flags & 0x8000 ? ' (Broadcast)' : ' (Unicast)');
    f.push(f.last);
    f.add(F.bc, off + FLAGS, 2, flags >> 15);
    f.add(F.reserved, off + FLAGS, 2, flags & 0x7fff);
    f.pop();
  }
  c.field(F.client, off + CIADDR, 4, end);
  c.field(F.your, off + YIADDR, 4, end);
  c.field(F.server, off + SIADDR, 4, end);
  c.field(F.relay, off + GIADDR, 4, end);
  if (c.stop) return;
  // An Ethernet address is shown as one, and the rest of chaddr as padding.
  if (hlen === 6 && c.u8(off + HTYPE) === 1) {
    c.field(F.mac, off + CHADDR, 6, end);
    c.field(F.hwPadding, off + CHADDR + 6, 10, end);
  } else if (hlen > 0 && hlen <= 16) {
    c.field(F.hwAddr, off + CHADDR, hlen, end);
    if (hlen < 16) c.field(F.hwPadding, off + CHADDR + hlen, 16 - hlen, end);
  } else c.field(F.hwPadding, off + CHADDR, 16, end);
  cString(c, F.sname, off + SNAME, 64, end);
  cString(c, F.file, off + FILE, 128, end);
  if (c.stop || !c.has(off + COOKIE, 4, end)) return;
  if (c.u32(off + COOKIE) !== MAGIC) return; // BOOTP without DHCP options (RFC 951 vendor area).
  c.field(F.cookie, off + COOKIE, 4, end);
  if (full(c)) f.setText(f.last, 'Magic cookie: DHCP');
  const walk = options(c, off + COOKIE + 4, end);
  // the column says DHCP once the walk over the options found a Message Type and was not cut
  // short before the End option (the Info column's rule: table/info/dhcp.ts)
  if (walk & Walk.TYPE && (!c.stop || walk & Walk.END)) c.colProtocol = 'DHCP';
}

/**
 * Whether packet-dhcp.c's first pass over the options would run into the end of the captured
 * bytes before the End option or the end of the datagram: it reads each option's code and length,
 * and the bodies of Message Type (53), Option Overload (52) and Vendor class identifier (60). The
 * options start after the magic cookie, or 64 bytes further when the cookie is not there (in the
 * captured bytes).
 */
function firstPassCut(c: Ctx, off: number, end: number): boolean {
  const b = c.b;
  const captured = Math.min(end, b.length);
  let v = off + COOKIE;
  v += v + 4 <= captured && c.u32(v) === MAGIC ? 4 : 64;
  while (v < end) {
    if (v >= captured) return true;
    const code = b[v] as number;
    if (code === 0) {
      v++;
      continue;
    }
    if (code === 255) return false;
    if (v + 1 >= captured) return true;
    const len = b[v + 1] as number;
    if ((code === 53 || code === 52 || code === 60) && v + 2 + len > captured) return true;
    v += 2 + len;
  }
  return false;
}

/** What options() met: a DHCP Message Type option, the End option. */
const enum Walk {
  TYPE = 1,
  END = 2,
}

/** Whether this dissection writes tree lines (the index pass and `fields` keep values only). */
function full(c: Ctx): boolean {
  return c.f.wanted === null;
}

/** A NUL-padded string field (sname, file); an empty one is "not given". */
function cString(c: Ctx, id: number, o: number, n: number, end: number): void {
  if (!c.has(o, n, end)) return;
  const s = latin1Text(c.b, o, o + n, true);
  const i = c.f.addStr(id, o, n, s);
  if (s === '' && full(c)) c.f.setText(i, `${id === F.sname ? 'Server host name' : 'Boot file name'} not given`);
}

/** "(51) IP Address Lease Time": an option code as the option and request-list lines show it. */
function codeName(type: number): string {
  return `(${type}) ${OPTION_NAMES.get(type) ?? 'Unknown'}`;
}

/** Options Wireshark 4.0 decodes (their raw Value line is hidden); the others show it. */
const DECODED = new Set([1, 3, 6, 12, 15, 28, 50, 51, 53, 54, 55, 56, 57, 58, 59, 60, 61, 77]);
/** Options holding one IPv4 address, which the option line repeats ("(54) DHCP Server Identifier
 *  (192.168.1.1)"); lists of addresses (Router, Domain Name Server) do not. */
const ONE_ADDRESS = new Set([1, 28, 50, 54]);

function options(c: Ctx, o: number, end: number): number {
  const f = c.f;
  let walk = 0;
  while (o < end && !c.stop) {
    if (!c.has(o, 1, end)) return walk;
    const type = c.u8(o);
    if (type === 255) {
      // tshark 4.0 gives the End option's type item the value 0 (its child says 255).
      const item = f.add(F.optType, o, 1, 0);
      if (full(c)) f.setText(item, `Option: ${codeName(255)}`);
      f.push(item);
      f.add(F.end, o, 1, type);
      f.pop();
      if (o + 1 < end) c.field(F.padding, o + 1, end - o - 1, end);
      return walk | Walk.END;
    }
    if (type === 0) {
      const item = f.add(F.optType, o, 1, type);
      if (full(c)) f.setText(item, `Option: ${codeName(0)}`);
      o++;
      continue;
    }
    if (!c.has(o + 1, 1, end)) return walk;
    const len = c.u8(o + 1);
    if (!c.has(o, 2 + len, end)) return walk;
    if (type === 53 && len === 1) walk |= Walk.TYPE;
    const item = f.add(F.optType, o, 2 + len, type);
    if (full(c)) {
      let line = `Option: ${codeName(type)}`;
      if (type === 53 && len === 1) line += ` (${MESSAGE_TYPES.get(c.u8(o + 2)) ?? 'Unknown'})`;
      else if (ONE_ADDRESS.has(type) && len === 4) line += ` (${ipv4Text(c.b, o + 2)})`;
      f.setText(item, line);
    }
    f.push(item);
    f.add(F.optLen, o + 1, 1, len);
    if (len > 0) f.add(F.optValue, o + 2, len, 0, DECODED.has(type) ? EF.HIDDEN : 0);
    optionValue(c, type, o + 2, len);
    f.pop();
    o += 2 + len;
  }
  return walk;
}

/** The decoded value of the options Wireshark decodes most often; others keep their bytes only. */
function optionValue(c: Ctx, type: number, v: number, len: number): void {
  const f = c.f;
  const str = (id: number): void => {
    f.addStr(id, v, len, latin1Text(c.b, v, v + len, true));
  };
  const addrs = (id: number): void => {
    for (let i = 0; i + 4 <= len; i += 4) f.add(id, v + i, 4);
  };
  // a time in seconds: "IP Address Lease Time: (86400s) 1 day"
  const secs = (id: number): void => {
    if (len !== 4) return;
    const t = c.u32(v);
    const i = f.add(id, v, 4, t);
    if (full(c)) f.setText(i, `${fieldById(id).label}: (${t}s) ${t === 0xffffffff ? 'infinity' : durationText(t)}`);
  };
  switch (type) {
    case 1: addrs(F.subnetMask); break;
    case 3: addrs(F.router); break;
    case 6: addrs(F.dns); break;
    case 12: str(F.hostname); break;
    case 15: str(F.domain); break;
    case 28: addrs(F.broadcast); break;
    case 50: addrs(F.requested); break;
    case 51: secs(F.lease); break;
    case 53: if (len === 1) f.add(F.msgType, v, 1, c.u8(v)); break;
    case 54: addrs(F.serverId); break;
    case 55:
      for (let i = 0; i < len; i++) {
        const item = f.add(F.requestItem, v + i, 1, c.u8(v + i));
        if (full(c)) f.setText(item, `Parameter Request List Item: ${codeName(c.u8(v + i))}`);
      }
      break;
    case 56: str(F.message); break;
    case 57: if (len === 2) f.add(F.maxSize, v, 2, c.u16(v)); break;
    case 58: secs(F.renewal); break;
    case 59: secs(F.rebinding); break;
    case 60: str(F.vendorClass); break;
    case 61:
      if (len === 7 && c.u8(v) === 1) {
        f.add(F.hwType, v, 1, 1);
        f.add(F.mac, v + 1, 6);
      } else if (len > 0) f.add(F.clientId, v, len);
      break;
    case 77: {
      // RFC 3004 section 4: "Each instance of the User Class Data is formatted as UC_Len_i, User_Class_Data_i".
      let o = v;
      for (let n = 0; o < v + len; n++) {
        const ul = c.u8(o);
        if (o + 1 + ul > v + len) break;
        const item = f.add(F.userClass, o, 1 + ul, n);
        if (full(c)) f.setText(item, `Instance of User Class: [${n}]`);
        f.push(item);
        f.add(F.userClassLen, o, 1, ul);
        if (ul > 0) f.add(F.userClassData, o + 1, ul);
        f.pop();
        o += 1 + ul;
      }
      break;
    }
  }
}

registerDissector('dhcp', dissectDhcp);
bind('udp.port', 67, 'dhcp');
bind('udp.port', 68, 'dhcp');
