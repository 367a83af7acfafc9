// ARCNET: LINKTYPE_ARCNET_LINUX (129) and LINKTYPE_ARCNET_BSD (7) (RFC 1051, RFC 1201;
// https://www.tcpdump.org/linktypes/LINKTYPE_ARCNET_LINUX.html; Wireshark packet-arcnet.c).
//
//   Linux:  +-----+-----+-----------+----------+--------------------------+---------
//           | src | dst | offset (2)| protocol | [split flag, sequence (2)]| payload
//           +-----+-----+-----------+----------+--------------------------+---------
//   BSD: no offset field, but an RFC 1201 "exception" frame (split flag 0xff) adds 2 bytes of
//   padding and a second copy of the protocol id before the real split flag.
// RFC 1051 protocols (IP 240, ARP 241), diagnose and BACnet have no fragmentation fields; all
// others (RFC 1201 IP 212, ARP 213 …) carry the split flag and sequence number.

import { Base, FT, names, registerFields } from '../fields/registry.ts';
import { AddrKind } from '../fields/address-kind.ts';
import type { Ctx, Dissector } from './context.ts';
import { dissectData } from './data.ts';
import { bind, dissectorByName, registerDissector } from './tables.ts';

const SRC = 0;
const DST = 1;
const LINUX_OFFSET = 2;
const OFFSET_LEN = 2;

const IP_1051 = 240;
const ARP_1051 = 241;
const IP_1201 = 212;
const ARP_1201 = 213;
const RARP_1201 = 214;
const IPV6 = 196;
const DIAGNOSE = 128;
const BACNET = 205;
const EXCEPTION = 0xff;

export const F = registerFields({
  arcnet: { name: 'arcnet', label: 'ARCNET', type: FT.PROTOCOL },
  src: { name: 'arcnet.src', label: 'Source', type: FT.UINT, base: Base.HEX, bits: 8, blurb: 'Source ID' },
  dst: { name: 'arcnet.dst', label: 'Dest', type: FT.UINT, base: Base.HEX, bits: 8, blurb: 'Dest ID' },
  offset: { name: 'arcnet.offset', label: 'Offset', type: FT.BYTES },
  protID: {
    name: 'arcnet.protID', label: 'Protocol ID', type: FT.UINT, base: Base.HEX, bits: 8, blurb: 'Proto type',
    names: names([[IP_1051, 'RFC 1051 IP'], [ARP_1051, 'RFC 1051 ARP'], [IP_1201, 'RFC 1201 IP'], [ARP_1201, 'RFC 1201 ARP'], [RARP_1201, 'RFC 1201 RARP'], [250, 'IPX'], [236, 'Novell of some sort'], [IPV6, 'IPv6'], [232, 'Encapsulated Ethernet'], [0, 'Datapoint boot'], [1, 'Datapoint mount'], [8, 'PowerLAN beacon'], [243, 'PowerLAN beacon2'], [221, 'Appletalk'], [247, 'Banyan VINES'], [DIAGNOSE, 'Diagnose'], [BACNET, 'BACnet']]),
  },
  splitFlag: { name: 'arcnet.split_flag', label: 'Split Flag', type: FT.UINT, bits: 8 },
  exceptionFlag: { name: 'arcnet.exception_flag', label: 'Exception Flag', type: FT.UINT, base: Base.HEX, bits: 8 },
  sequence: { name: 'arcnet.sequence', label: 'Sequence', type: FT.UINT, bits: 16, blurb: 'Sequence number' },
  padding: { name: 'arcnet.padding', label: 'Padding', type: FT.UINT, base: Base.HEX, bits: 16 },
});

/** Wireshark's arcnet.protocol_id table: IPv4, IPv6, ARP / RARP, and BACnet over LLC. */
function payload(c: Ctx, protID: number): Dissector | undefined {
  switch (protID) {
    case IP_1051:
    case IP_1201:
      return c.tables.lookup('ethertype', 0x0800);
    case IPV6:
      return c.tables.lookup('ethertype', 0x86dd);
    case ARP_1051:
    case ARP_1201:
    case RARP_1201:
      return dissectorByName('arp');
    case BACNET:
      return dissectorByName('llc');
  }
  return undefined;
}

function arcnet(c: Ctx, off: number, end: number, hasOffset: boolean, hasException: boolean): void {
  const f = c.f;
  if (!c.has(off, DST + 1, end)) return;
  const arc = c.proto(F.arcnet, off, end);
  f.add(F.src, off + SRC, 1, c.u8(off + SRC));
  f.add(F.dst, off + DST, 1, c.u8(off + DST));
  // the station ids are the packet's addresses (AT_ARCNET: "0xbe") until a network layer sets its own
  f.colSrc.set(f.count, AddrKind.ARCNET, c.b, off + SRC);
  f.colDst.set(f.count, AddrKind.ARCNET, c.b, off + DST);
  let o = off + DST + 1;
  if (hasOffset) {
    c.field(F.offset, o, OFFSET_LEN, end);
    o += OFFSET_LEN;
  }
  const protID = c.uint(F.protID, o, 1, end);
  if (protID < 0) return;
  o++;
  if (protID !== IP_1051 && protID !== ARP_1051 && protID !== DIAGNOSE && protID !== BACNET) {
    if (!c.has(o, 1, end)) return;
    let split = c.u8(o);
    if (hasException && split === EXCEPTION) {
      f.add(F.exceptionFlag, o, 1, split);
      c.uint(F.padding, o + 1, 2, end);
      c.uint(F.protID, o + 3, 1, end);
      o += 4;
      if (!c.has(o, 1, end)) return;
      split = c.u8(o);
    }
    f.add(F.splitFlag, o, 1, split);
    c.uint(F.sequence, o + 1, 2, end);
    o += 3;
  }
  f.len[arc] = Math.max(0, Math.min(o, c.b.length) - off);
  f.pop();
  if (c.stop) return;
  c.call(payload(c, protID) ?? dissectData, o, end);
}

/** BSD-style headers: no offset field, but maybe an exception frame header. */
export function dissectArcnet(c: Ctx, off: number, end: number): void {
  arcnet(c, off, end, false, true);
}

/** Linux-style headers: the hardware offset field, never an exception frame. */
export function dissectArcnetLinux(c: Ctx, off: number, end: number): void {
  arcnet(c, off, end, true, false);
}

registerDissector('arcnet', dissectArcnet);
registerDissector('arcnet_linux', dissectArcnetLinux);
bind('wtap_encap', 7, 'arcnet');
bind('wtap_encap', 129, 'arcnet_linux');
