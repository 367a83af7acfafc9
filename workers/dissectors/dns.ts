// DNS (RFC 1035 section 4.1; Wireshark packet-dns.c), over UDP and TCP, and the same messages as
// multicast DNS (RFC 6762, UDP 5353) and LLMNR (RFC 4795, UDP 5355).
//
//    0  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15
//   +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
//   |                      ID                       |
//   |QR|   Opcode  |AA|TC|RD|RA| Z|AD|CD|   RCODE   |
//   |                    QDCOUNT                    |
//   |                    ANCOUNT                    |
//   |                    NSCOUNT                    |
//   |                    ARCOUNT                    |
//   +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
//   Question, Answer, Authority, Additional sections
//
// Over TCP "the message is prefixed with a two byte length field which gives the message length,
// excluding the two byte length field" (RFC 1035 section 4.2.2); messages split over segments are
// reassembled (tcp-pdus.ts). The sections are in dns-sections.ts, names in dns-name.ts, record
// data in dns-rr.ts and dns-edns.ts; requests and responses are matched per conversation
// (dns-transactions.ts). A UDP payload on no DNS port is tried by Wireshark's heuristic, which
// dns_udp_8053.pcap relies on.

import { Base, FT, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { Kind, questions, records, resetNameBudget } from './dns-sections.ts';
import { OPCODE_NAMES, RCODE_NAMES } from './dns-types.ts';
import { T, track } from './dns-transactions.ts';
import { EF, FieldGroup } from '../fields/field-list.ts';
import { tcpDissectPdus } from './tcp-pdus.ts';
import { bind, registerDissector, registerHeuristic } from './tables.ts';
import { transportState, udpStream } from '../analysis/tcp-state.ts';

const ID = 0;
const FLAGS = 2;
const QDCOUNT = 4;
const ANCOUNT = 6;
const NSCOUNT = 8;
const ARCOUNT = 10;
export const DNS_HEADER_LEN = ARCOUNT + 2;
/** The TCP length prefix. */
const TCP_PREFIX = 2;

const QR = 0x8000;
const IP_PROTO_TCP = 6;
const OPCODE_UPDATE = 5;

const bit = (name: string, label: string, mask: number, tf: readonly [string, string]) =>
  ({ name, label, type: FT.BOOLEAN, bits: 16, mask, tf });

export const F = registerFields({
  dns: { name: 'dns', label: 'Domain Name System', type: FT.PROTOCOL },
  mdns: { name: 'mdns', label: 'Multicast Domain Name System', type: FT.PROTOCOL },
  llmnr: { name: 'llmnr', label: 'Link-local Multicast Name Resolution', type: FT.PROTOCOL },
  length: { name: 'dns.length', label: 'Length', type: FT.UINT, bits: 16 },
  id: { name: 'dns.id', label: 'Transaction ID', type: FT.UINT, base: Base.HEX, bits: 16 },
  flags: { name: 'dns.flags', label: 'Flags', type: FT.UINT, base: Base.HEX, bits: 16 },
  response: bit('dns.flags.response', 'Response', 0x8000, ['Message is a response', 'Message is a query']),
  opcode: { name: 'dns.flags.opcode', label: 'Opcode', type: FT.UINT, bits: 16, mask: 0x7800, names: OPCODE_NAMES },
  authoritative: bit('dns.flags.authoritative', 'Authoritative', 0x0400, ['Server is an authority for domain', 'Server is not an authority for domain']),
  conflict: bit('dns.flags.conflict', 'Conflict', 0x0400, ['The name is not considered unique', 'The name is considered unique']),
  truncated: bit('dns.flags.truncated', 'Truncated', 0x0200, ['Message is truncated', 'Message is not truncated']),
  recdesired: bit('dns.flags.recdesired', 'Recursion desired', 0x0100, ['Do query recursively', "Don't do query recursively"]),
  tentative: bit('dns.flags.tentative', 'Tentative', 0x0100, ['Tentative', 'Not tentative']),
  recavail: bit('dns.flags.recavail', 'Recursion available', 0x0080, ['Server can do recursive queries', "Server can't do recursive queries"]),
  z: bit('dns.flags.z', 'Z', 0x0040, ['reserved (1)', 'reserved (0)']),
  authenticated: bit('dns.flags.authenticated', 'Answer authenticated', 0x0020,
    ['Answer/authority portion was authenticated by the server', 'Answer/authority portion was not authenticated by the server']),
  checkdisable: bit('dns.flags.checkdisable', 'Non-authenticated data', 0x0010, ['Acceptable', 'Unacceptable']),
  rcode: { name: 'dns.flags.rcode', label: 'Reply code', type: FT.UINT, bits: 16, mask: 0x000f, names: RCODE_NAMES },
  queries: { name: 'dns.count.queries', label: 'Questions', type: FT.UINT, bits: 16 },
  zones: { name: 'dns.count.zones', label: 'Zones', type: FT.UINT, bits: 16 },
  answers: { name: 'dns.count.answers', label: 'Answer RRs', type: FT.UINT, bits: 16 },
  prerequisites: { name: 'dns.count.prerequisites', label: 'Prerequisites', type: FT.UINT, bits: 16 },
  authRr: { name: 'dns.count.auth_rr', label: 'Authority RRs', type: FT.UINT, bits: 16 },
  updates: { name: 'dns.count.updates', label: 'Updates', type: FT.UINT, bits: 16 },
  addRr: { name: 'dns.count.add_rr', label: 'Additional RRs', type: FT.UINT, bits: 16 },
  extraneousData: { name: 'dns.extraneous.data', label: 'Extraneous Data Bytes', type: FT.BYTES },
  extraneousLength: { name: 'dns.extraneous.length', label: 'Extraneous Data Length', type: FT.INT },
});

/** A DNS message in [off, end); `proto` is its protocol item (dns, mdns or llmnr), already open. */
function dissectMessage(c: Ctx, off: number, end: number, kind: Kind, convKey: number): void {
  const f = c.f;
  // Wireshark reads the whole header before adding any of it.
  if (!c.has(off, DNS_HEADER_LEN, end)) return;
  const id = c.uint(F.id, off + ID, 2, end);
  const flags = c.u16(off + FLAGS);
  const response = (flags & QR) !== 0;
  const opcode = (flags >> 11) & 0x0f;
  const flagsItem = f.add(F.flags, off + FLAGS, 2, flags);
  // the line says what the message is: "Flags: 0x8180 Standard query response, No error"
  if (f.wanted === null) {
    const op = OPCODE_NAMES.get(opcode) ?? `Unknown operation (${opcode})`;
    f.appendLabel(flagsItem, response ? ` ${op} response, ${RCODE_NAMES.get(flags & 0x0f) ?? `Unknown error (${flags & 0x0f})`}` : ` ${op}`);
  }
  f.push(flagsItem);
  const o = off + FLAGS;
  f.add(F.response, o, 2, response ? 1 : 0);
  f.add(F.opcode, o, 2, opcode);
  if (kind === Kind.LLMNR) {
    const conflict = (flags >> 10) & 1;
    const item = f.add(F.conflict, o, 2, conflict);
    // (a query's conflict bit has its own words, in a second field of the same name)
    if (!response && f.wanted === null) f.setText(item, `.... .${conflict}.. .... .... = Conflict: ${conflict ? 'The sender received multiple responses' : 'None'}`);
    f.add(F.truncated, o, 2, (flags >> 9) & 1);
    f.add(F.tentative, o, 2, (flags >> 8) & 1);
  } else {
    if (response) f.add(F.authoritative, o, 2, (flags >> 10) & 1);
    f.add(F.truncated, o, 2, (flags >> 9) & 1);
    f.add(F.recdesired, o, 2, (flags >> 8) & 1);
    if (response) f.add(F.recavail, o, 2, (flags >> 7) & 1);
    f.add(F.z, o, 2, (flags >> 6) & 1);
    if (response) f.add(F.authenticated, o, 2, (flags >> 5) & 1);
    else if (flags & 0x0020) {
      // a query's AD bit: packet-dns.c shows it only when set, with its own line
      const ad = f.add(F.authenticated, o, 2, 1);
      if (f.wanted === null) f.setText(ad, '.... .... ..1. .... = AD bit: Set');
    }
    f.add(F.checkdisable, o, 2, (flags >> 4) & 1);
  }
  if (response) f.add(F.rcode, o, 2, flags & 0x0f);
  f.pop();
  const update = opcode === OPCODE_UPDATE;
  const qd = c.uint(update ? F.zones : F.queries, off + QDCOUNT, 2, end);
  const an = c.uint(update ? F.prerequisites : F.answers, off + ANCOUNT, 2, end);
  const ns = c.uint(update ? F.updates : F.authRr, off + NSCOUNT, 2, end);
  const ar = c.uint(F.addRr, off + ARCOUNT, 2, end);
  if (c.stop) return;
  resetNameBudget();
  let p = off + DNS_HEADER_LEN;
  if (qd > 0) p = questions(c, p, qd, off, end, kind, update ? 'Zone' : 'Queries');
  if (an > 0 && p >= 0) p = records(c, p, an, off, end, kind, update ? 'Prerequisites' : 'Answers');
  if (ns > 0 && p >= 0) p = records(c, p, ns, off, end, kind, update ? 'Updates' : 'Authoritative nameservers');
  if (ar > 0 && p >= 0) p = records(c, p, ar, off, end, kind, 'Additional records');
  if (c.stop || c.inErrorPkt) return;
  track(c, off, convKey, id, response);
  // bytes after the last record: "Extraneous Data (48 bytes)" (the benchmark's mDNS datagrams of
  // zeros, a message padded by its sender)
  if (p >= 0 && p < end) {
    const n = end - p;
    const t = f.text(p, Math.min(end, c.b.length) - p, `Extraneous Data (${n} bytes)`);
    f.push(t);
    c.field(F.extraneousData, p, n, end);
    f.add(F.extraneousLength, p, 0, n, EF.GENERATED);
    f.pop();
  }
}

/** The transaction fields: a single-pass export printing none of them neither finds the message's
 *  conversation nor tracks it (a lookup in a table of every UDP conversation, and one of every
 *  transaction: on the 1M mix, two cache misses for each of its ~90,000 DNS messages). */
const TRACKED = new FieldGroup(Object.values(T));

function untracked(c: Ctx): boolean {
  return c.singlePass && !TRACKED.kept(c.f);
}

/** Conversation key for transactions: UDP streams even, TCP streams odd (-1: none). */
function udpConv(c: Ctx): number {
  if (untracked(c)) return -1;
  const s = udpStream(c, c.srcPort, c.dstPort);
  return s < 0 ? -1 : s * 2;
}

function tcpConv(c: Ctx): number {
  if (c.netLen === 0 || untracked(c)) return -1;
  const s = transportState(c).tcp.conv.find(c.netBuf, c.netSrc, c.netDst, c.netLen, c.srcPort, c.dstPort, c.frameNo);
  return s < 0 ? -1 : s * 2 + 1;
}

/** DNS on a port or by Decode As: length-prefixed messages when the transport is TCP. */
export function dissectDns(c: Ctx, off: number, end: number): void {
  if (c.ipProto === IP_PROTO_TCP) dissectDnsTcp(c, off, end);
  else dissectDnsUdp(c, off, end);
}

function dissectDnsUdp(c: Ctx, off: number, end: number): void {
  c.proto(F.dns, off, end);
  dissectMessage(c, off, end, Kind.DNS, udpConv(c));
}

function dissectMdns(c: Ctx, off: number, end: number): void {
  c.proto(F.mdns, off, end);
  dissectMessage(c, off, end, Kind.MDNS, udpConv(c));
}

function dissectLlmnr(c: Ctx, off: number, end: number): void {
  c.proto(F.llmnr, off, end);
  dissectMessage(c, off, end, Kind.LLMNR, udpConv(c));
}

/** One length-prefixed message of DNS over TCP. */
function dissectDnsTcpPdu(c: Ctx, off: number, end: number): void {
  c.proto(F.dns, off, end);
  c.uint(F.length, off, TCP_PREFIX, end);
  dissectMessage(c, off + TCP_PREFIX, end, Kind.DNS, tcpConv(c));
}

function dnsPduLength(b: Uint8Array, o: number): number {
  return TCP_PREFIX + (((b[o] as number) << 8) | (b[o + 1] as number));
}

function dissectDnsTcp(c: Ctx, off: number, end: number): void {
  tcpDissectPdus(c, off, end, TCP_PREFIX, dnsPduLength, dissectDnsTcpPdu);
}

/**
 * Wireshark's DNS-over-UDP heuristic (on by default): a standard query with one question and no
 * answer or authority records, or a standard response with at most one question, at most 100
 * answers and at most 10 authority records; at most 10 additional records; more than a header.
 */
function dnsHeuristic(c: Ctx, off: number, end: number): boolean {
  if (end - off <= DNS_HEADER_LEN || Math.min(end, c.b.length) - off < DNS_HEADER_LEN) return false;
  const flags = c.u16(off + FLAGS);
  if ((flags >> 11) & 0x0f) return false;
  const qd = c.u16(off + QDCOUNT);
  const an = c.u16(off + ANCOUNT);
  const ns = c.u16(off + NSCOUNT);
  const ar = c.u16(off + ARCOUNT);
  if (flags & QR) {
    if (qd > 1 || an > 100 || ns > 10) return false;
  } else if (qd !== 1 || an !== 0 || ns !== 0) return false;
  if (ar > 10) return false;
  c.call(dissectDnsUdp, off, end);
  return true;
}

registerDissector('dns', dissectDns);
registerDissector('mdns', dissectMdns);
registerDissector('llmnr', dissectLlmnr);
bind('udp.port', 53, 'dns');
bind('tcp.port', 53, 'dns');
bind('tcp.port', 5353, 'dns');
bind('udp.port', 5353, 'mdns');
bind('udp.port', 5355, 'llmnr');
registerHeuristic('udp', 'dns_udp', dnsHeuristic);

