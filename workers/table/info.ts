// The Info column, built only for rows on screen from their dissection (Wireshark builds it in each
// dissector; we derive it from the field list so dissectors stay single-purpose).

import { fieldById, fieldByName } from '../fields/registry.ts';
import { valueText } from '../fields/format.ts';
import type { FieldList } from '../fields/field-list.ts';
import { Status } from '../dissectors/context.ts';

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
  const flags = num(fl, 'tcp.flags');
  const seq = find(fl, 'tcp.seq') >= 0 ? text(fl, 'tcp.seq') : text(fl, 'tcp.seq_raw');
  const ack = find(fl, 'tcp.ack') >= 0 ? text(fl, 'tcp.ack') : text(fl, 'tcp.ack_raw');
  let s = `${text(fl, 'tcp.srcport')} → ${text(fl, 'tcp.dstport')} [${tcpFlagsText(flags)}] Seq=${seq}`;
  if (flags & 0x10) s += ` Ack=${ack}`;
  const win = text(fl, 'tcp.window_size') || text(fl, 'tcp.window_size_value');
  if (win) s += ` Win=${win}`;
  s += ` Len=${text(fl, 'tcp.len') || '0'}`;
  return s;
}

function udpInfo(fl: FieldList): string {
  // Wireshark writes the ports, then the length once it has read it: a datagram cut before its
  // length field shows the ports alone (tshark on udp-length-heapoverflow.pcap)
  const len = num(fl, 'udp.length');
  const ports = `${text(fl, 'udp.srcport')} → ${text(fl, 'udp.dstport')}`;
  return Number.isNaN(len) ? ports : `${ports} Len=${Math.max(0, len - 8)}`;
}

function dnsInfo(fl: FieldList): string {
  // Wireshark's DNS dissector clears the column and fills it from the header: a message cut
  // before its ID leaves it empty (then "[Malformed Packet]", tshark on ipv6-hbh-routing0.pcap)
  const id = text(fl, 'dns.id');
  if (id === '') return '';
  const response = num(fl, 'dns.flags.response') === 1;
  let s = `Standard query${response ? ' response' : ''} ${id}`;
  const q = text(fl, 'dns.qry.name');
  if (q) s += ` ${named(fl, 'dns.qry.type')} ${q}`;
  if (response) {
    for (const [field, label] of [['dns.a', 'A'], ['dns.aaaa', 'AAAA'], ['dns.cname', 'CNAME']] as const) {
      const v = text(fl, field, false);
      if (v) s += ` ${label} ${v}`;
    }
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
  let s = named(fl, 'icmp.type') || `Type ${type}`;
  if (type === 0 || type === 8) {
    s = type === 8 ? 'Echo (ping) request' : 'Echo (ping) reply';
    const id = text(fl, 'icmp.ident');
    const seq = text(fl, 'icmp.seq');
    if (id) s += `  id=${id}, seq=${seq}`;
    const ttl = text(fl, 'ip.ttl');
    if (ttl) s += `, ttl=${ttl}`;
  }
  return s;
}

function icmpv6Info(fl: FieldList): string {
  return named(fl, 'icmpv6.type');
}

const BUILDERS: Record<string, (fl: FieldList) => string> = {
  tcp: tcpInfo,
  udp: udpInfo,
  dns: dnsInfo,
  mdns: dnsInfo,
  arp: arpInfo,
  icmp: icmpInfo,
  icmpv6: icmpv6Info,
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
