// Linux netfilter NFLOG, LINKTYPE_NFLOG (239) (https://www.tcpdump.org/linktypes/LINKTYPE_NFLOG.html;
// Wireshark packet-nflog.c).
//
//   +--------+--------+----------------+   then TLVs, each padded to 4 bytes:
//   | family | version| resource id    |   +----------------+----------------+---------------
//   +--------+--------+----------------+   | length (host)  | type (host)    | value …
//                                          +----------------+----------------+---------------
// "The TLV length and type are in host byte order"; the values are in network byte order. The
// capturing host is not recorded, so the order is taken to be little-endian unless the TLVs only
// make sense big-endian (Wireshark's old "Auto" byte order). The NFULA_PAYLOAD value is the packet:
// IPv4 for family 2, IPv6 for 10, data otherwise.

import { addAbsTime } from './time-fields.ts';
import { Base, FT, fieldById, names, registerFields } from '../fields/registry.ts';
import type { Ctx, Dissector } from './context.ts';
import { dissectData } from './data.ts';
import { ETHERTYPE_NAMES } from './ethernet.ts';
import { bind, registerDissector } from './tables.ts';
import { latin1Text } from './ascii.ts';

const FAMILY = 0;
const VERSION = 1;
const RES_ID = 2;
const TLVS = RES_ID + 2;
const TLV_HEADER_LEN = 4;
const LINUX_AF_INET = 2;
const LINUX_AF_INET6 = 10;

const PACKET_HDR = 1;
const TIMESTAMP = 3;
const IFINDEX_INDEV = 4;
const IFINDEX_PHYSOUTDEV = 7;
const PAYLOAD = 9;
const PREFIX = 10;
const UID = 11;
const GID = 14;

export const F = registerFields({
  nflog: { name: 'nflog', label: 'Linux Netfilter NFLOG', type: FT.PROTOCOL },
  // (tshark 4.0's names, `tshark -G values`)
  family: { name: 'nflog.family', label: 'Family', type: FT.UINT, bits: 8, unknownName: true, names: names([
    [0, 'Unspecified'], [1, 'IPv4/IPv6'], [LINUX_AF_INET, 'IPv4'], [3, 'ARP'], [5, 'Netdev'], [7, 'Bridge'], [LINUX_AF_INET6, 'IPv6'], [12, 'DECNET'],
  ]) },
  version: { name: 'nflog.version', label: 'Version', type: FT.UINT, bits: 8 },
  resId: { name: 'nflog.res_id', label: 'Resource id', type: FT.UINT, bits: 16 },
  tlv: { name: 'nflog.tlv', label: 'TLV', type: FT.BYTES },
  tlvLength: { name: 'nflog.tlv_length', label: 'Length', type: FT.UINT, bits: 16, blurb: 'TLV Length' },
  tlvType: {
    name: 'nflog.tlv_type', label: 'Type', type: FT.UINT, bits: 16, mask: 0x7fff, blurb: 'TLV Type',
    unknownName: true, names: names(['NFULA_UNSPEC', 'NFULA_PACKET_HDR', 'NFULA_MARK', 'NFULA_TIMESTAMP', 'NFULA_IFINDEX_INDEV', 'NFULA_IFINDEX_OUTDEV', 'NFULA_IFINDEX_PHYSINDEV', 'NFULA_IFINDEX_PHYSOUTDEV', 'NFULA_HWADDR', 'NFULA_PAYLOAD', 'NFULA_PREFIX', 'NFULA_UID', 'NFULA_SEQ', 'NFULA_SEQ_GLOBAL', 'NFULA_GID', 'NFULA_HWTYPE', 'NFULA_HWHEADER', 'NFULA_HWLEN'].map((n, i) => [i, n] as const)),
  },
  protocol: { name: 'nflog.protocol', label: 'HW protocol', type: FT.UINT, base: Base.HEX, bits: 16, names: ETHERTYPE_NAMES },
  hook: { name: 'nflog.hook', label: 'Netfilter hook', type: FT.UINT, bits: 8, unknownName: true, names: names([
    [0, 'Pre-routing'], [1, 'Local in'], [2, 'Forward'], [3, 'Local out'], [4, 'Post-routing'], [5, 'Number of hooks'],
  ]) },
  ifindexIndev: { name: 'nflog.ifindex_indev', label: 'IFINDEX_INDEV', type: FT.UINT, bits: 32 },
  ifindexOutdev: { name: 'nflog.ifindex_outdev', label: 'IFINDEX_OUTDEV', type: FT.UINT, bits: 32 },
  ifindexPhysindev: { name: 'nflog.ifindex_physindev', label: 'IFINDEX_PHYSINDEV', type: FT.UINT, bits: 32 },
  ifindexPhysoutdev: { name: 'nflog.ifindex_physoutdev', label: 'IFINDEX_PHYSOUTDEV', type: FT.UINT, bits: 32 },
  prefix: { name: 'nflog.prefix', label: 'Prefix', type: FT.STRING, blurb: 'TLV Prefix Value' },
  uid: { name: 'nflog.uid', label: 'UID', type: FT.INT, blurb: 'TLV UID Value' },
  gid: { name: 'nflog.gid', label: 'GID', type: FT.INT, blurb: 'TLV GID Value' },
  timestamp: { name: 'nflog.timestamp', label: 'Timestamp', type: FT.ABSOLUTE_TIME, blurb: 'TLV Timestamp Value' },
  tlvValue: { name: 'nflog.tlv_value', label: 'Value', type: FT.BYTES, blurb: 'TLV Value' },
});

const IFINDEX_FIELDS = [F.ifindexIndev, F.ifindexOutdev, F.ifindexPhysindev, F.ifindexPhysoutdev];

function u16(c: Ctx, o: number, le: boolean): number {
  return le ? c.u8(o) | (c.u8(o + 1) << 8) : c.u16(o);
}

/** Wireshark's nflog_tvb_test_order: do the TLVs read sensibly in this byte order? */
function orderFits(c: Ctx, off: number, end: number, le: boolean): boolean {
  const cap = Math.min(end, c.b.length);
  for (let o = off; cap - o > TLV_HEADER_LEN; ) {
    const len = u16(c, o, le);
    if (len < TLV_HEADER_LEN) return false;
    const type = u16(c, o + 2, le) & 0x7fff;
    if (type >= 0x100) break;
    if (type) return true;
    o += (len + 3) & ~3;
  }
  return false;
}

/** A NUL-terminated string value (FT_STRINGZ), without allocating for the usual empty prefix. */
function stringz(c: Ctx, o: number, n: number): string {
  return latin1Text(c.b, o, o + n, true);
}

export function dissectNflog(c: Ctx, off: number, end: number): void {
  const f = c.f;
  if (!c.has(off, 1, end)) return;
  const family = c.u8(off + FAMILY);
  const le = orderFits(c, off + TLVS, end, true) || !orderFits(c, off + TLVS, end, false);
  c.proto(F.nflog, off, end);
  f.add(F.family, off + FAMILY, 1, family);
  c.uint(F.version, off + VERSION, 1, end);
  c.uint(F.resId, off + RES_ID, 2, end);
  const cap = Math.min(end, c.b.length);
  let payload = -1;
  let payloadLen = 0;
  for (let o = off + TLVS; !c.stop && cap - o >= TLV_HEADER_LEN; ) {
    const len = u16(c, o, le);
    if (len < TLV_HEADER_LEN) break;
    const vlen = len - TLV_HEADER_LEN;
    const type = u16(c, o + 2, le) & 0x7fff;
    if (!c.field(F.tlv, o, len, end)) break;
    // "TLV Type: NFULA_PACKET_HDR (1), Length: 8"
    if (f.wanted === null) f.setText(f.last, `TLV Type: ${fieldById(F.tlvType).names?.get(type) ?? 'Unknown'} (${type}), Length: ${len}`);
    f.push(f.last);
    f.add(F.tlvLength, o, 2, len);
    f.add(F.tlvType, o + 2, 2, type);
    const v = o + TLV_HEADER_LEN;
    if (type === PACKET_HDR && vlen === 4) {
      f.add(F.protocol, v, 2, c.u16(v));
      f.add(F.hook, v + 2, 1, c.u8(v + 2));
    } else if (type >= IFINDEX_INDEV && type <= IFINDEX_PHYSOUTDEV && vlen === 4) {
      f.add(IFINDEX_FIELDS[type - IFINDEX_INDEV] as number, v, 4, c.u32(v));
    } else if (type === PREFIX && vlen >= 1) {
      f.addStr(F.prefix, v, vlen, stringz(c, v, vlen));
    } else if ((type === UID || type === GID) && vlen === 4) {
      f.add(type === UID ? F.uid : F.gid, v, 4, c.u32(v) | 0);
    } else if (type === TIMESTAMP && vlen === 16) {
      // struct nfulnl_msg_packet_timestamp: 64-bit seconds and microseconds, network order.
      // (shown as a date, as every absolute time: "Sep  6, 2013 18:31:58.614652000 UTC")
      addAbsTime(f, F.timestamp, v, vlen, c.u32(v) * 2 ** 32 + c.u32(v + 4), (c.u32(v + 8) * 2 ** 32 + c.u32(v + 12)) * 1000);
    } else if (type === PAYLOAD) {
      payload = v;
      payloadLen = vlen;
    } else {
      f.add(F.tlvValue, v, vlen);
    }
    f.pop();
    o += (len + 3) & ~3;
  }
  f.pop();
  if (payload < 0 || c.stop) return;
  let d: Dissector | undefined;
  if (family === LINUX_AF_INET) d = c.tables.lookup('ethertype', 0x0800);
  else if (family === LINUX_AF_INET6) d = c.tables.lookup('ethertype', 0x86dd);
  c.call(d ?? dissectData, payload, payload + payloadLen);
}

registerDissector('nflog', dissectNflog);
bind('wtap_encap', 239, 'nflog');
