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
// are type-length-value, but for Pad (0) and End (255); bytes after End are padding. Each option's
// value goes to the decoder registered for its code (dhcp-types.ts: the basic types in
// dhcp-basic.ts, the client's options in dhcp-client.ts, routes in dhcp-routes.ts, domain names
// in dhcp-domains.ts, the relay agent's in dhcp-relay-agent.ts, the vendors' in dhcp-vendor.ts
// and dhcp-vi.ts, the rest in dhcp-services.ts); an option without one shows its raw Value.

import { Base, FT, names, registerFields } from '../fields/registry.ts';
import { EF } from '../fields/field-list.ts';
import { asciiText, latin1Text } from './ascii.ts';
import { Status, type Ctx } from './context.ts';
import { Group, Severity, expertAt, registerExperts } from './expert.ts';
import { flagParts } from './flag-names.ts';
import { DHCP_OPTION_NAMES } from './dhcp-names.ts';
import { HW, OPTION_DECODERS, full, packet, registerOption, resetPacket, type Opt } from './dhcp-types.ts';
import './dhcp-basic.ts';
import './dhcp-client.ts';
import './dhcp-routes.ts';
import './dhcp-domains.ts';
import './dhcp-relay-agent.ts';
import './dhcp-vendor.ts';
import './dhcp-vi.ts';
import './dhcp-services.ts';
import { bind, registerDissector } from './tables.ts';

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
  hwAddr: { name: 'dhcp.hw.addr', label: 'Client hardware address', type: FT.BYTES },
  hwPadding: { name: 'dhcp.hw.addr_padding', label: 'Client hardware address padding', type: FT.BYTES },
  sname: { name: 'dhcp.server', label: 'Server host name', type: FT.STRING },
  file: { name: 'dhcp.file', label: 'Boot file name', type: FT.STRING },
  cookie: { name: 'dhcp.cookie', label: 'Magic cookie', type: FT.IPV4 },
  bootp: { name: 'dhcp.bootp', label: 'Frame is BOOTP', type: FT.BOOLEAN },
  optType: { name: 'dhcp.option.type', label: 'Option', type: FT.UINT, bits: 8, names: OPTION_NAMES },
  optLen: { name: 'dhcp.option.length', label: 'Length', type: FT.UINT, bits: 8 },
  optValue: { name: 'dhcp.option.value', label: 'Value', type: FT.BYTES },
  end: { name: 'dhcp.option.end', label: 'Option End', type: FT.UINT, bits: 8 },
  padding: { name: 'dhcp.option.padding', label: 'Padding', type: FT.BYTES },
  msgType: { name: 'dhcp.option.dhcp', label: 'DHCP', type: FT.UINT, bits: 8, names: MESSAGE_TYPES, unknownName: true },
  requestItem: { name: 'dhcp.option.request_list_item', label: 'Parameter Request List Item', type: FT.UINT, bits: 8, names: OPTION_NAMES },
});

const X = registerExperts({
  secsLe: { name: 'dhcp.secs_le', msg: 'Seconds elapsed appears to be encoded as little-endian', severity: Severity.NOTE, group: Group.PROTOCOL },
  endMissing: { name: 'dhcp.end_option_missing', msg: 'End option missing', severity: Severity.ERROR, group: Group.PROTOCOL },
});

export function dissectDhcp(c: Ctx, off: number, end: number): void {
  const f = c.f;
  const root = c.proto(F.dhcp, off, end);
  // "BOOTP" until a DHCP Message Type option says DHCP (packet-dhcp.c)
  c.colProtocol = 'BOOTP';
  // packet-dhcp.c walks the options once before it adds a field (for the message type and the
  // vendor class); a capture cut inside them stops it there, and the item stays empty
  const first = firstPass(c, off, end);
  if (first & Walk.CUT) {
    // (the Info column it wrote first stays: "Boot Reply")
    const op = off + OP < c.b.length ? c.u8(off + OP) : -1;
    if (op === 1 || op === 2) c.colInfo = op === 1 ? 'Boot Request' : 'Boot Reply';
    c.fail(Status.TRUNCATED);
    return;
  }
  c.uint(F.type, off + OP, 1, end);
  c.uint(HW.type, off + HTYPE, 1, end);
  const hlen = c.uint(F.hwLen, off + HLEN, 1, end);
  c.uint(F.hops, off + HOPS, 1, end);
  c.uint(F.id, off + XID, 4, end);
  if (c.has(off + SECS, 2, end)) {
    // Windows sends the seconds little-endian: a small value that way is taken as one
    const le = c.le(off + SECS, 2);
    if (le > 0 && le <= 0xff) expertAt(c, f.add(F.secs, off + SECS, 2, le), X.secsLe);
    else f.add(F.secs, off + SECS, 2, c.u16(off + SECS));
  }
  // proto_tree_add_bitmask, then " (Broadcast)" or " (Unicast)": "Bootp flags: 0x8000, Broadcast flag (Broadcast)"
  const flags = c.uint(F.flags, off + FLAGS, 2, end);
  if (flags >= 0) {
    const item = f.last;
    flagParts(c, item, [F.bc, F.reserved], off + FLAGS, 2, flags);
    if (full(c)) f.appendLabel(item, flags & 0x8000 ? ' (Broadcast)' : ' (Unicast)');
  }
  c.field(F.client, off + CIADDR, 4, end);
  c.field(F.your, off + YIADDR, 4, end);
  c.field(F.server, off + SIADDR, 4, end);
  c.field(F.relay, off + GIADDR, 4, end);
  if (c.stop) return;
  // An Ethernet address is shown as one, and the rest of chaddr as padding.
  if (hlen === 6 && c.u8(off + HTYPE) === 1) {
    c.field(HW.mac, off + CHADDR, 6, end);
    c.field(F.hwPadding, off + CHADDR + 6, 10, end);
  } else if (hlen > 0 && hlen <= 16) {
    c.field(F.hwAddr, off + CHADDR, hlen, end);
    if (hlen < 16) c.field(F.hwPadding, off + CHADDR + hlen, 16 - hlen, end);
  } else c.field(F.hwPadding, off + CHADDR, 16, end);
  cString(c, F.sname, off + SNAME, 64, end);
  cString(c, F.file, off + FILE, 128, end);
  if (c.stop) return;
  // (a message without a DHCP Message Type option is BOOTP: a hidden item says so)
  if (!(first & Walk.TYPE)) f.add(F.bootp, off, 0, 1, EF.HIDDEN);
  if (!c.has(off + COOKIE, 4, end)) return;
  if (c.u32(off + COOKIE) !== MAGIC) return; // BOOTP without DHCP options (RFC 951 vendor area).
  c.field(F.cookie, off + COOKIE, 4, end);
  if (full(c)) f.setText(f.last, 'Magic cookie: DHCP');
  const walk = options(c, off + COOKIE + 4, end);
  // a DHCP message whose options run to the end of the datagram without the End option
  if (first & Walk.TYPE && !(walk & Walk.END) && !c.stop) expertAt(c, root, X.endMissing);
  // the column says DHCP once the walk over the options found a Message Type and was not cut
  // short before the End option (the Info column's rule: table/info/dhcp.ts)
  if (walk & Walk.TYPE && (!c.stop || walk & Walk.END)) c.colProtocol = 'DHCP';
}

/** What a walk over the options met: a DHCP Message Type option, the End option; the first pass
 *  cut short by the captured bytes. */
const enum Walk {
  TYPE = 1,
  END = 2,
  CUT = 4,
}

/**
 * packet-dhcp.c's first pass over the options: whether there is a Message Type (Walk.TYPE), and
 * for the decoders of the second pass the last Vendor class identifier (60) and how many Domain
 * Search (119) and SIP Servers (120) options RFC 3396 splits one into; and whether it would run
 * into the end of the captured bytes before the End option or the end of the datagram (Walk.CUT):
 * it reads each option's code and length, and the bodies of Message Type (53), Option Overload
 * (52) and Vendor class identifier (60). The options start after the magic cookie, or 64 bytes
 * further when the cookie is not there (in the captured bytes).
 */
function firstPass(c: Ctx, off: number, end: number): number {
  const b = c.b;
  const captured = Math.min(end, b.length);
  resetPacket();
  let walk = 0;
  let v = off + COOKIE;
  v += v + 4 <= captured && c.u32(v) === MAGIC ? 4 : 64;
  while (v < end) {
    if (v >= captured) return walk | Walk.CUT;
    const code = b[v] as number;
    if (code === 0) {
      v++;
      continue;
    }
    if (code === 255) return walk;
    if (v + 1 >= captured) return walk | Walk.CUT;
    const len = b[v + 1] as number;
    const whole = v + 2 + len <= captured;
    if ((code === 53 || code === 52 || code === 60) && !whole) return walk | Walk.CUT;
    if (whole && code === 53) walk |= Walk.TYPE;
    if (whole && code === 60) packet.vendorClass = asciiText(b, v + 2, v + 2 + len, true);
    if (whole && code === 119) packet.search.total++;
    if (whole && code === 120) packet.sip.total++;
    v += 2 + len;
  }
  return walk;
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

/** The option being decoded (one object, reused). */
const opt: Opt = { item: -1, code: 0, v: 0, len: 0, end: 0 };

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
      // a run of Pad options is one "Option: (0) Padding" with the run beneath it
      let k = o + 1;
      while (k < end && c.has(k, 1, end) && c.u8(k) === 0) k++;
      if (c.stop) return walk;
      const item = f.add(F.optType, o, 1, 0);
      if (full(c)) f.setText(item, `Option: ${codeName(0)}`);
      f.push(item);
      f.add(F.padding, o, k - o);
      f.pop();
      o = k;
      continue;
    }
    if (!c.has(o + 1, 1, end)) return walk;
    const len = c.u8(o + 1);
    if (type === 53 && len >= 1 && o + 3 <= Math.min(end, c.b.length)) walk |= Walk.TYPE;
    const item = f.add(F.optType, o, 2 + len, type);
    if (full(c)) f.setText(item, `Option: ${codeName(type)}`);
    f.push(item);
    f.add(F.optLen, o + 1, 1, len);
    if (!c.has(o + 2, len, end)) {
      f.pop();
      return walk;
    }
    // the raw value, hidden unless the option's decoder consumes nothing (packet-dhcp.c's dhcp_option)
    const value = f.add(F.optValue, o + 2, len, 0, EF.HIDDEN);
    const decode = OPTION_DECODERS.get(type);
    opt.item = item;
    opt.code = type;
    opt.v = o + 2;
    opt.len = len;
    opt.end = o + 2 + len;
    const used = decode === undefined ? 0 : decode(c, opt);
    if (used === 0 && value >= 0 && !c.stop) f.flags[value] = (f.flags[value] as number) & ~EF.HIDDEN;
    f.pop();
    o += 2 + len;
  }
  return walk;
}

// DHCP Message Type: "Option: (53) DHCP Message Type (Discover)"
registerOption([53], (c, o) => {
  if (!c.has(o.v, 1, o.end)) return 0;
  const t = c.u8(o.v);
  c.f.add(F.msgType, o.v, 1, t);
  if (full(c)) c.f.appendLabel(o.item, ` (${MESSAGE_TYPES.get(t) ?? `Unknown Message Type (0x${t.toString(16).padStart(2, '0')})`})`);
  return o.len;
});

// Parameter Request List: "Parameter Request List Item: (1) Subnet Mask"
registerOption([55], (c, o) => {
  for (let k = o.v; k < o.end; k++) {
    const i = c.f.add(F.requestItem, k, 1, c.u8(k));
    if (full(c)) c.f.setText(i, `Parameter Request List Item: ${codeName(c.u8(k))}`);
  }
  return o.len;
});

registerDissector('dhcp', dissectDhcp);
bind('udp.port', 67, 'dhcp');
bind('udp.port', 68, 'dhcp');
