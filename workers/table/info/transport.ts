// The Info column of TCP and UDP, as packet-tcp.c and packet-udp.c write it.

import type { FieldList } from '../../fields/field-list.ts';
import { find, ids, num, text } from './fields.ts';

const TCP_FLAG_NAMES: [number, string][] = [
  [0x001, 'FIN'], [0x002, 'SYN'], [0x004, 'RST'], [0x008, 'PSH'], [0x010, 'ACK'], [0x020, 'URG'], [0x040, 'ECE'], [0x080, 'CWR'], [0x100, 'AE'],
];

export function tcpFlagsText(flags: number): string {
  return TCP_FLAG_NAMES.filter(([bit]) => flags & bit).map(([, n]) => n).join(', ');
}

export function tcpInfo(fl: FieldList): string {
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
  const from = find(fl, 'tcp');
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

export function udpInfo(fl: FieldList): string {
  // Wireshark writes the ports, then the length once it has read it: a datagram cut before its
  // length field shows the ports alone (tshark on udp-length-heapoverflow.pcap)
  const len = num(fl, 'udp.length');
  const ports = `${text(fl, 'udp.srcport')} → ${text(fl, 'udp.dstport')}`;
  if (Number.isNaN(len)) return ports;
  // a length below the header's own 8 bytes (a GSO super-packet captured before segmentation
  // carries 0): packet-udp.c says so and stops
  return len < 8 ? `${ports} [BAD UDP LENGTH ${len} < 8]` : `${ports} Len=${len - 8}`;
}
