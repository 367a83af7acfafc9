// The Info column of IPv4 (fragments, payloads no dissector takes), IGMP and ARP.

import type { FieldList } from '../../fields/field-list.ts';
import { fieldById } from '../../fields/registry.ts';
import { bytesHex } from '../../fields/format.ts';
import { find, hex4, ids, named, num, text, valueText } from './fields.ts';

/** IPv4 whose payload no dissector takes (packet-ip.c): the protocol's name and number, or for a
 *  fragment "Fragmented IP protocol (proto=UDP 17, off=0, ID=00f2) [Reassembled in #3]". */
export function ipInfo(fl: FieldList): string {
  // a header Wireshark rejects: the Info column says why (the expert info's text, and for the
  // version the value too: "Bogus IPv4 version (0, must be 4)")
  const version = num(fl, 'ip.version');
  if (!Number.isNaN(version) && version !== 4) return `Bogus IPv4 version (${version}, must be 4)`;
  const bogus = bogusText(fl);
  if (bogus !== '') return bogus;
  const proto = find(fl, 'ip.proto');
  if (proto < 0) return 'Internet Protocol Version 4';
  const v = fl.num[proto] as number;
  const name = `${fieldById(fl.id[proto] as number).names?.get(v) ?? 'Unknown'}`;
  // ip.frag_offset counts 8-byte units (as tshark prints the field); the Info column gives bytes
  const off = (num(fl, 'ip.frag_offset') || 0) * 8;
  if (num(fl, 'ip.flags.mf') !== 1 && off === 0) return `${name} (${v})`;
  const id = num(fl, 'ip.id');
  let s = `Fragmented IP protocol (proto=${name} ${v}, off=${off}, ID=${Number.isNaN(id) ? '' : hex4(id)})`;
  const whole = text(fl, 'ip.reassembled_in');
  if (whole) s += ` [Reassembled in #${whole}]`;
  return s;
}

export function igmpInfo(fl: FieldList): string {
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

/** MARS's (RFC 2022) and MAPOS's opcodes as packet-arp.c's Info column words them, before
 *  " from <sender hardware address> at <sender IP address>". */
const ARP_FROM = new Map([
  [11, 'MARS request'], [12, 'MARS MULTI request'], [13, 'MARS MSERV request'], [14, 'MARS JOIN request'],
  [15, 'MARS LEAVE'], [16, 'MARS NAK'], [17, 'MARS UNSERV request'], [18, 'MARS SJOIN request'], [19, 'MARS SLEAVE'],
  [20, 'MARS grouplist request'], [21, 'MARS grouplist reply'], [22, 'MARS redirect map'], [23, 'MAPOS UNARP request'],
]);

/** packet-arp.c: a request, a reply, a gratuitous one (sender and target address the same), an
 *  announcement or a probe (RFC 5227), the reverse, inverse, MARS and other opcodes; a sender's
 *  hardware address that is not a MAC (ARCNET, IPoIB) as its bytes in hex. */
export function arpInfo(fl: FieldList): string {
  const op = num(fl, 'arp.opcode');
  const spa = text(fl, 'arp.src.proto_ipv4');
  const tpa = text(fl, 'arp.dst.proto_ipv4');
  if (op === 1 && find(fl, 'arp.isannouncement') >= 0) return `ARP Announcement for ${tpa}`;
  if ((op === 1 || op === 2) && spa !== '' && spa === tpa) return `Gratuitous ARP for ${spa} (${op === 1 ? 'Request' : 'Reply'})`;
  if (op === 1 && find(fl, 'arp.isprobe') >= 0) return `Who has ${tpa}? (ARP Probe)`;
  if (op === 1) return `Who has ${tpa}? Tell ${spa}`;
  if (op === 2) return `${spa} is at ${hardware(fl, 'src')}`;
  // the reverse (RARP, DRARP) and inverse requests and replies, as packet-arp.c words them
  if (op === 3 || op === 5 || op === 8) return `Who is ${hardware(fl, 'dst')}? Tell ${hardware(fl, 'src')}`;
  if (op === 4 || op === 6) return `${hardware(fl, 'dst')} is at ${text(fl, 'arp.dst.proto_ipv4')}`;
  if (op === 9) return `${hardware(fl, 'src')} is at ${spa}`;
  if (op === 7) return 'DRARP Error';
  if (op === 10) return 'ARP NAK';
  const from = ARP_FROM.get(op);
  if (from !== undefined) return `${from} from ${hardware(fl, 'src')} at ${spa}`;
  if (op === 24 || op === 25) return `Experimental ${op - 23} ( opcode ${op} )`;
  if (op === 0 || op === 65535) return `Reserved opcode ${op}`;
  return Number.isNaN(op) ? '' : `Unknown ARP opcode 0x${op.toString(16).padStart(4, '0')}`;
}

/** The sender's or target's hardware address: a MAC address, else its bytes in hex with no
 *  separator (`arp.src.hw`), or ''. */
function hardware(fl: FieldList, side: 'src' | 'dst'): string {
  const mac = text(fl, `arp.${side}.hw_mac`);
  if (mac !== '') return mac;
  const i = find(fl, `arp.${side}.hw`);
  return i < 0 ? '' : bytesHex(fl.bytesOf(i), fl.off[i] as number, fl.len[i] as number);
}

const [IP, EXPERT] = ids('ip', '_ws.expert');

/** The text of an expert info of the last IPv4 header about a bogus length, or ''. */
function bogusText(fl: FieldList): string {
  for (let i = find(fl, 'ip') + 1; i > 0 && i < fl.count; i++) {
    const id = fl.id[i] as number;
    if (id === IP) break;
    if (id !== EXPERT) continue;
    const t = valueText(fl, i);
    if (t.startsWith('Bogus IP')) return t;
  }
  return '';
}
