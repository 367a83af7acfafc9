// The Info column, built only for rows on screen from their dissection (Wireshark builds it in each
// dissector; we derive it from the field list so dissectors stay single-purpose).

import { fieldById, fieldByName } from '../fields/registry.ts';
import { valueText } from '../fields/format.ts';
import type { FieldList } from '../fields/field-list.ts';
import { Status } from '../dissectors/context.ts';
import { typeMnemonic } from '../dissectors/dns-types.ts';
import { icmpCodeName } from '../dissectors/icmp-codes.ts';

/** Entry index of the last (or first) top-level occurrence of a field, or -1. */
function find(fl: FieldList, name: string, last = true): number {
  const def = fieldByName(name);
  if (!def) return -1;
  let found = -1;
  for (let i = 0; i < fl.count; i++) {
    if (fl.id[i] !== def.id) continue;
    if (!last) return i;
    found = i;
  }
  return found;
}

function text(fl: FieldList, name: string, last = true): string {
  const i = find(fl, name, last);
  return i < 0 ? '' : valueText(fl, i);
}

function num(fl: FieldList, name: string, last = true): number {
  const i = find(fl, name, last);
  return i < 0 ? NaN : (fl.num[i] as number);
}

/** Entry index of the last occurrence of protocol `name` (its fields follow it), or -1. */
function lastProto(fl: FieldList, name: string): number {
  return find(fl, name);
}

/** Ids of fields by name, for scans of the field list (names not registered are -1). */
function ids(...names: string[]): number[] {
  return names.map((n) => fieldByName(n)?.id ?? -1);
}

function named(fl: FieldList, name: string): string {
  const i = find(fl, name);
  if (i < 0) return '';
  const def = fieldById(fl.id[i] as number);
  const v = fl.num[i] as number;
  return def.names?.get(v) ?? String(v);
}

const TCP_FLAG_NAMES: [number, string][] = [
  [0x001, 'FIN'], [0x002, 'SYN'], [0x004, 'RST'], [0x008, 'PSH'], [0x010, 'ACK'], [0x020, 'URG'], [0x040, 'ECE'], [0x080, 'CWR'], [0x100, 'AE'],
];

export function tcpFlagsText(flags: number): string {
  return TCP_FLAG_NAMES.filter(([bit]) => flags & bit).map(([, n]) => n).join(', ');
}

function tcpInfo(fl: FieldList): string {
  const ports = `${text(fl, 'tcp.srcport')} → ${text(fl, 'tcp.dstport')}`;
  const flags = num(fl, 'tcp.flags');
  // packet-tcp.c writes the ports, then the rest once the header is read
  if (Number.isNaN(flags)) return ports;
  const seq = find(fl, 'tcp.seq') >= 0 ? text(fl, 'tcp.seq') : text(fl, 'tcp.seq_raw');
  const ack = find(fl, 'tcp.ack') >= 0 ? text(fl, 'tcp.ack') : text(fl, 'tcp.ack_raw');
  let s = `${ports} [${tcpFlagsText(flags) || '<None>'}] Seq=${seq}`;
  if (flags & 0x10) s += ` Ack=${ack}`;
  const win = text(fl, 'tcp.window_size') || text(fl, 'tcp.window_size_value');
  if (win) s += ` Win=${win}`;
  if (flags & 0x20) s += ` Urg=${text(fl, 'tcp.urgent_pointer')}`;
  s += ` Len=${text(fl, 'tcp.len') || '0'}`;
  return s + tcpOptionsInfo(fl);
}

const [MSS, WS, SACK_PERM, TS_VAL, TS_ECR, SACK_LE, SACK_RE, TCP] = ids(
  'tcp.options.mss_val', 'tcp.options.wscale.multiplier', 'tcp.options.sack_perm', 'tcp.options.timestamp.tsval',
  'tcp.options.timestamp.tsecr', 'tcp.options.sack_le', 'tcp.options.sack_re', 'tcp',
);

/** What Wireshark's TCP option dissectors append to the Info column, in the options' order:
 *  " MSS=1460 WS=64 SACK_PERM TSval=… TSecr=…", " SLE=… SRE=…" per SACK block (packet-tcp.c). */
function tcpOptionsInfo(fl: FieldList): string {
  let s = '';
  const from = lastProto(fl, 'tcp');
  if (from < 0) return s;
  for (let i = from + 1; i < fl.count; i++) {
    const id = fl.id[i] as number;
    if (id === TCP) break;
    const v = fl.num[i] as number;
    if (id === MSS) s += ` MSS=${v}`;
    else if (id === WS) s += ` WS=${v}`;
    else if (id === SACK_PERM) s += ' SACK_PERM';
    else if (id === TS_VAL) s += ` TSval=${v}`;
    else if (id === TS_ECR) s += ` TSecr=${v}`;
    else if (id === SACK_LE) s += ` SLE=${v}`;
    else if (id === SACK_RE) s += ` SRE=${v}`;
  }
  return s;
}

function udpInfo(fl: FieldList): string {
  // Wireshark writes the ports, then the length once it has read it: a datagram cut before its
  // length field shows the ports alone (tshark on udp-length-heapoverflow.pcap)
  const len = num(fl, 'udp.length');
  const ports = `${text(fl, 'udp.srcport')} → ${text(fl, 'udp.dstport')}`;
  return Number.isNaN(len) ? ports : `${ports} Len=${Math.max(0, len - 8)}`;
}

const [DNS, QRY_NAME, QRY_TYPE, RESP_TYPE, A, AAAA, NS, CNAME, PTR, MX_PREF, MX_NAME, SOA_MNAME] = ids(
  'dns', 'dns.qry.name', 'dns.qry.type', 'dns.resp.type', 'dns.a', 'dns.aaaa', 'dns.ns', 'dns.cname', 'dns.ptr.domain_name',
  'dns.mx.preference', 'dns.mx.mail_exchange', 'dns.soa.mname',
);
/** The records whose data Wireshark writes after their type in the Info column. */
const RR_DATA = new Set([A, AAAA, NS, CNAME, PTR, MX_PREF, MX_NAME, SOA_MNAME]);

/** Wireshark's DNS Info (packet-dns.c): the opcode, " response" for one, the ID, a reply code other
 *  than "No error", each question's type mnemonic and name, then every record's type (answers,
 *  authority and additional alike: "… NS nic.sandelman.ca … OPT") and, for the common types, its data. */
function dnsInfo(fl: FieldList): string {
  // Wireshark's DNS dissector clears the column and fills it from the header: a message cut
  // before its ID leaves it empty (then "[Malformed Packet]", tshark on ipv6-hbh-routing0.pcap)
  const id = text(fl, 'dns.id');
  if (id === '') return '';
  const response = num(fl, 'dns.flags.response') === 1;
  let s = `${named(fl, 'dns.flags.opcode')}${response ? ' response' : ''} ${id}`;
  const rcode = num(fl, 'dns.flags.rcode');
  if (response && rcode > 0) s += ` ${named(fl, 'dns.flags.rcode')}`;
  const from = lastProto(fl, 'dns');
  let name = '';
  for (let i = from + 1; i < fl.count; i++) {
    const fid = fl.id[i] as number;
    if (fid === DNS) break;
    // a question's name comes before its type in the tree; Wireshark writes "A example.com"
    if (fid === QRY_NAME) name = valueText(fl, i);
    else if (fid === QRY_TYPE) s += ` ${typeMnemonic(fl.num[i] as number)} ${name}`;
    else if (fid === RESP_TYPE) s += ` ${typeMnemonic(fl.num[i] as number)}`;
    else if (RR_DATA.has(fid)) s += ` ${valueText(fl, i)}`;
  }
  return s;
}

function arpInfo(fl: FieldList): string {
  const op = num(fl, 'arp.opcode');
  const spa = text(fl, 'arp.src.proto_ipv4');
  const tpa = text(fl, 'arp.dst.proto_ipv4');
  if (op === 1) return `Who has ${tpa}? Tell ${spa}`;
  if (op === 2) return `${spa} is at ${text(fl, 'arp.src.hw_mac')}`;
  return named(fl, 'arp.opcode');
}

function icmpInfo(fl: FieldList): string {
  const type = num(fl, 'icmp.type', false);
  if (Number.isNaN(type)) return '';
  // packet-icmp.c: the type padded to 20 columns, then the code's name for the types that have them
  const code = icmpCodeName(type, num(fl, 'icmp.code', false));
  let s = named(fl, 'icmp.type') || `Type ${type}`;
  if (code !== '') return `${s.padEnd(20)} (${code})`;
  if (type === 0 || type === 8) {
    // packet-icmp.c: "%-20s id=0x%04x, seq=%u/%u, ttl=%u", the sequence number read big- then
    // little-endian, then the matching request or reply
    s = (type === 8 ? 'Echo (ping) request' : 'Echo (ping) reply').padEnd(20);
    const id = num(fl, 'icmp.ident');
    if (Number.isNaN(id)) return s.trimEnd();
    s += ` id=0x${id.toString(16).padStart(4, '0')}, seq=${text(fl, 'icmp.seq')}/${text(fl, 'icmp.seq_le')}`;
    const ttl = text(fl, 'ip.ttl');
    if (ttl) s += `, ttl=${ttl}`;
    s += echoMatch(fl, 'icmp');
  }
  return s;
}

function icmpv6Info(fl: FieldList): string {
  const type = num(fl, 'icmpv6.type', false);
  let s = named(fl, 'icmpv6.type');
  if (type !== 128 && type !== 129) return s;
  // packet-icmpv6.c: "Echo (ping) request id=0x%04x, seq=%u, hop limit=%u", then the match
  const id = num(fl, 'icmpv6.echo.identifier');
  if (Number.isNaN(id)) return s;
  s += ` id=0x${id.toString(16).padStart(4, '0')}, seq=${text(fl, 'icmpv6.echo.sequence_number')}`;
  const hops = text(fl, 'ipv6.hlim');
  if (hops) s += `, hop limit=${hops}`;
  return s + echoMatch(fl, 'icmpv6');
}

/** " (reply in N)", " (request in N)" or " (no response found!)": an echo's match, as the ICMP and
 *  ICMPv6 dissectors append it once the capture is read (Wireshark's second pass). */
function echoMatch(fl: FieldList, proto: 'icmp' | 'icmpv6'): string {
  const reply = text(fl, `${proto}.resp_in`);
  if (reply) return ` (reply in ${reply})`;
  const request = text(fl, `${proto}.resp_to`);
  if (request) return ` (request in ${request})`;
  return find(fl, `${proto}.no_resp`) >= 0 ? ' (no response found!)' : '';
}

function igmpInfo(fl: FieldList): string {
  // packet-igmp.c (versions 1 and 2): the type, then ", general" or ", specific for group X" for a
  // query, " group X" for a report and " X" for a leave ("Leave Group 225.1.1.3")
  const type = num(fl, 'igmp.type');
  const s = named(fl, 'igmp.type');
  if (num(fl, 'igmp.version') === 3 || Number.isNaN(type)) return s || 'Internet Group Management Protocol';
  const group = text(fl, 'igmp.maddr');
  if (type === 0x11) return `${s}, ${group === '' || group === '0.0.0.0' ? 'general' : `specific for group ${group}`}`;
  if (group === '') return s;
  return type === 0x17 ? `${s} ${group}` : `${s} group ${group}`;
}

/** IPv4 whose payload no dissector takes (packet-ip.c): the protocol's name and number, or for a
 *  fragment "Fragmented IP protocol (proto=UDP 17, off=0, ID=00f2) [Reassembled in #3]". */
function ipInfo(fl: FieldList): string {
  const proto = find(fl, 'ip.proto');
  if (proto < 0) return 'Internet Protocol Version 4';
  const v = fl.num[proto] as number;
  const name = `${fieldById(fl.id[proto] as number).names?.get(v) ?? 'Unknown'}`;
  // ip.frag_offset counts 8-byte units (as tshark prints the field); the Info column gives bytes
  const off = (num(fl, 'ip.frag_offset') || 0) * 8;
  if (num(fl, 'ip.flags.mf') !== 1 && off === 0) return `${name} (${v})`;
  const id = num(fl, 'ip.id');
  let s = `Fragmented IP protocol (proto=${name} ${v}, off=${off}, ID=${Number.isNaN(id) ? '' : id.toString(16).padStart(4, '0')})`;
  const whole = text(fl, 'ip.reassembled_in');
  if (whole) s += ` [Reassembled in #${whole}]`;
  return s;
}

const BUILDERS: Record<string, (fl: FieldList) => string> = {
  tcp: tcpInfo,
  udp: udpInfo,
  dns: dnsInfo,
  mdns: dnsInfo,
  arp: arpInfo,
  icmp: icmpInfo,
  icmpv6: icmpv6Info,
  igmp: igmpInfo,
  ip: ipInfo,
};

/** What Wireshark appends to the Info column of a packet whose dissection an exception stopped
 *  (`exception`: Ctx.exception's Status bits), with no space before it, as tshark prints it:
 *  "IPv6 destination options[Malformed Packet]" (epan/show_exception.c). An expert info of the
 *  Malformed group marks the packet (`_ws.malformed`) but appends nothing. */
export function exceptionSuffix(exception: number): string {
  let s = '';
  if (exception & Status.MALFORMED) s += '[Malformed Packet]';
  if (exception & Status.TRUNCATED) s += '[Packet size limited during capture]';
  return s;
}

/** Info text for a packet whose top protocol is `topField`. */
export function infoText(fl: FieldList, topField: number): string {
  const def = fieldById(topField);
  const build = BUILDERS[def.name];
  try {
    if (build) return build(fl);
  } catch {
    // A builder must never break the grid; fall back to the protocol's name.
  }
  if (def.name === 'data') return `${text(fl, 'data.len')} bytes`;
  return def.label;
}
