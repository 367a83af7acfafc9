// Linux "cooked" capture, LINKTYPE_LINUX_SLL (113) (https://www.tcpdump.org/linktypes/LINKTYPE_LINUX_SLL.html;
// Wireshark packet-sll.c). The parts shared with SLL2 (linux-sll2.ts) live here.
//
//    0               2               4               6                              14      16
//   +---------------+---------------+---------------+------------------------------+-------+
//   | packet type   | ARPHRD_ type  | address length| link-layer address (8 bytes) | proto |
//   +---------------+---------------+---------------+------------------------------+-------+
// "protocol type: ... if it's 1536 or greater it's an Ethernet type" — at or below, it is a Linux
// internal protocol (ETH_P_802_2 → LLC, ETH_P_802_3 → raw 802.3 …) tried after the ARPHRD_ type's
// own table. Two ARPHRD_ types are special, as in Wireshark: ARPHRD_NETLINK (824) frames are
// netlink messages from their first byte, and for ARPHRD_IPGRE (778) the type is a GRE protocol
// type. All frames show as `sll` (tshark's frame.protocols says `sll` for v1 and v2).

import { Base, FT, names, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { dissectData } from './data.ts';
import { ARP_HRD_NAMES } from './arp.ts';
import { ETHERTYPE_NAMES } from './ethernet.ts';
import { ethertype } from './ethertype.ts';
import { bind, dissectorByName, registerDissector } from './tables.ts';

const PKTTYPE = 0;
const HATYPE = 2;
const HALEN = 4;
const ADDR = 6;
const SLL_ADDRLEN = 8;
const PROTOCOL = ADDR + SLL_ADDRLEN;
export const SLL_HEADER_LEN = PROTOCOL + 2;

/** "yes, 1536 - that's how Linux does it": a protocol value up to 1536 is not an EtherType. */
const LINUX_MAX_INTERNAL_PROTO = 1536;
export const ARPHRD_NETLINK = 824;
const ARPHRD_IPGRE = 778;
const ARPHRD_IEEE80211_RADIOTAP = 803;

export const F = registerFields({
  sll: { name: 'sll', label: 'Linux cooked capture', type: FT.PROTOCOL },
  pkttype: { name: 'sll.pkttype', label: 'Packet type', type: FT.UINT, bits: 16, names: names([[0, 'Unicast to us'], [1, 'Broadcast'], [2, 'Multicast'], [3, 'Unicast to another host'], [4, 'Sent by us']]) },
  hatype: { name: 'sll.hatype', label: 'Link-layer address type', type: FT.UINT, bits: 16, names: ARP_HRD_NAMES },
  halen: { name: 'sll.halen', label: 'Link-layer address length', type: FT.UINT, bits: 16 },
  srcEth: { name: 'sll.src.eth', label: 'Source', type: FT.ETHER, blurb: 'Source link-layer address' },
  srcIpv4: { name: 'sll.src.ipv4', label: 'Source', type: FT.IPV4, blurb: 'Source link-layer address' },
  srcOther: { name: 'sll.src.other', label: 'Source', type: FT.BYTES, blurb: 'Source link-layer address' },
  unused: { name: 'sll.unused', label: 'Unused', type: FT.BYTES, blurb: 'Unused bytes' },
  ltype: { name: 'sll.ltype', label: 'Protocol', type: FT.UINT, base: Base.HEX, bits: 16, blurb: 'Linux protocol type', names: names([[0x0001, 'Raw 802.3'], [0x0003, 'Ethernet'], [0x0004, '802.2 LLC'], [0x0007, 'PPP (HDLC)'], [0x000c, 'CAN'], [0x000d, 'CAN FD'], [0x0017, 'IrDA LAP'], [0x00f5, 'ISI'], [0x00f6, 'IEEE 802.15.4']]) },
  gretype: { name: 'sll.gretype', label: 'Protocol', type: FT.UINT, base: Base.HEX, bits: 16, blurb: 'GRE protocol type', names: ETHERTYPE_NAMES },
  etype: { name: 'sll.etype', label: 'Protocol', type: FT.UINT, base: Base.HEX, bits: 16, blurb: 'Ethernet protocol type', names: ETHERTYPE_NAMES },
  trailer: { name: 'sll.trailer', label: 'Trailer', type: FT.BYTES },
  ifindex: { name: 'sll.ifindex', label: 'Interface index', type: FT.UINT, bits: 32 },
});

/** add_ll_address: the length field at `lenOff` (`lenSize` bytes), the address after it, and the unused rest of the 8-byte slot. */
export function llAddress(c: Ctx, lenOff: number, lenSize: number, end: number): void {
  const halen = c.uint(F.halen, lenOff, lenSize, end);
  if (halen < 0) return;
  const a = lenOff + lenSize;
  if (halen === 4) c.field(F.srcIpv4, a, 4, end);
  else if (halen === 6) c.field(F.srcEth, a, 6, end);
  else if (halen !== 0) c.field(F.srcOther, a, Math.min(halen, SLL_ADDRLEN), end);
  if (halen < SLL_ADDRLEN) c.field(F.unused, a + halen, SLL_ADDRLEN - halen, end);
}

/** add_protocol_type: the protocol field under its name for this ARPHRD_ type; returns it or -1. */
export function protocolType(c: Ctx, off: number, hatype: number, end: number): number {
  if (!c.has(off, 2, end)) return -1;
  const p = c.u16(off);
  const id = p <= LINUX_MAX_INTERNAL_PROTO ? F.ltype : hatype === ARPHRD_IPGRE ? F.gretype : F.etype;
  c.f.add(id, off, 2, p);
  return p;
}

/** dissect_payload: what follows the header at `off`; `sll` is the header's entry, at `start`. */
export function sllPayload(c: Ctx, sll: number, start: number, off: number, end: number, hatype: number, protocol: number): void {
  const t = c.tables;
  if (protocol <= LINUX_MAX_INTERNAL_PROTO) {
    const d = (hatype === ARPHRD_IEEE80211_RADIOTAP ? dissectorByName('radiotap') : undefined) ?? t.lookup('sll.ltype', protocol);
    c.call(d ?? dissectData, off, end);
  } else if (hatype === ARPHRD_IPGRE) {
    // Only the GRE table is tried: an unknown type leaves the payload undissected, as in Wireshark.
    const d = t.lookup('gre.proto', protocol);
    if (d) c.call(d, off, end);
  } else {
    ethertype(c, protocol, off, end, sll, F.trailer, 0, start);
  }
}

/** A netlink frame (ARPHRD_NETLINK): Wireshark hands the whole frame to its netlink dissector. */
export function netlink(c: Ctx, off: number, end: number): void {
  c.call(dissectorByName('netlink') ?? dissectData, off, end);
}

export function dissectSll(c: Ctx, off: number, end: number): void {
  const f = c.f;
  if (!c.has(off, HALEN, end)) return;
  const hatype = c.u16(off + HATYPE);
  if (hatype === ARPHRD_NETLINK) return netlink(c, off, end);
  const sll = c.proto(F.sll, off, off + SLL_HEADER_LEN);
  // (packet-sll.c names the header's version on its line)
  f.label(sll, 'Linux cooked capture v1');
  c.uint(F.pkttype, off + PKTTYPE, 2, end);
  f.add(F.hatype, off + HATYPE, 2, hatype);
  llAddress(c, off + HALEN, 2, end);
  const protocol = protocolType(c, off + PROTOCOL, hatype, end);
  f.pop();
  if (c.stop) return;
  sllPayload(c, sll, off, off + SLL_HEADER_LEN, end, hatype, protocol);
}

registerDissector('sll', dissectSll);
bind('wtap_encap', 113, 'sll');
bind('sll.ltype', 0x0003, 'eth'); // LINUX_SLL_P_ETHERNET: an Ethernet frame without FCS
