// Index-pass summary of one dissected packet: reads the flat field list once and fills one row of
// the packet table (addresses, ports, VNI, flags, top protocol). Only layers at the top level of
// the tree count: the IP header quoted inside an ICMP error is nested under ICMP and does not set
// the Source / Destination columns, as in Wireshark (pinfo->flags.in_error_pkt).

import { allFields, fieldByName, FT } from '../fields/registry.ts';
import type { FieldList } from '../fields/field-list.ts';
import { leanMask } from '../fields/lean-mask.ts';
import { AddrKind } from '../fields/address-kind.ts';
import type { AddressTable } from './addresses.ts';
import { NO_VNI, type PacketTable } from './packet-table.ts';

/** A field's id, or -2 (matches no entry) when no dissector registers it. */
function id(name: string): number {
  return fieldByName(name)?.id ?? -2;
}

/** Field ids of the table's columns (what the summary reads, and the record's own columns), resolved
 *  once all dissectors have registered. The filter's shapes (filter/shape-fields.ts) share them. */
class Ids {
  readonly ipSrc = id('ip.src');
  readonly ipDst = id('ip.dst');
  readonly ip6Src = id('ipv6.src');
  readonly ip6Dst = id('ipv6.dst');
  readonly ethSrc = id('eth.src');
  readonly ethDst = id('eth.dst');
  // 802.11's addresses: source and destination, or (control frames) receiver and transmitter
  readonly wlanSa = id('wlan.sa');
  readonly wlanDa = id('wlan.da');
  readonly wlanRa = id('wlan.ra');
  readonly wlanTa = id('wlan.ta');
  // a Linux cooked capture's own link-layer source (the column's under a payload that sets none: ARP)
  readonly sllSrc = id('sll.src.eth');
  // vSocket's context ids (packet-vsock.c sets them as the packet's addresses)
  readonly vsockSrc = id('vsock.src_cid');
  readonly vsockDst = id('vsock.dst_cid');
  readonly tcpSport = id('tcp.srcport');
  readonly tcpDport = id('tcp.dstport');
  readonly udpSport = id('udp.srcport');
  readonly udpDport = id('udp.dstport');
  readonly vxlanVni = id('vxlan.vni');
  readonly geneveVni = id('geneve.vni');
  readonly tcpFlags = id('tcp.flags');
  readonly ipProto = id('ip.proto');
  readonly ip6Nxt = id('ipv6.nxt');
  readonly data = id('data');
  readonly frame = id('frame');
  // the record columns the caller fills (frame.number is the row)
  readonly frameNumber = id('frame.number');
  readonly frameLen = id('frame.len');
  readonly frameCapLen = id('frame.cap_len');
  readonly frameTime = id('frame.time_epoch');
  /** Per field id: the column an entry of it goes to (Role; 0: none). The filter's shape index
   *  reads the same table (filter/shape-fields.ts). */
  readonly role: Uint8Array;
  /** Per field id: 1 for a protocol that can name the Protocol column. */
  readonly top: Uint8Array;
  constructor() {
    // (a body's text media, form or JSON is the row of the protocol that carried it: HTTP or DB-LSP-DISC
    // names the column, "HTTP/JSON")
    const notTop = new Set([this.data, this.frame, id('_ws.malformed'), id('_ws.short'), id('data-text-lines'), id('json'), id('urlencoded-form')]);
    const fields = allFields();
    this.top = new Uint8Array(fields.length);
    for (const def of fields) if (def.type === FT.PROTOCOL && !notTop.has(def.id)) this.top[def.id] = 1;
    const role = new Uint8Array(fields.length);
    const roles: [number, Role][] = [
      [this.ipSrc, Role.NET_SRC], [this.ip6Src, Role.NET_SRC], [this.ipDst, Role.NET_DST], [this.ip6Dst, Role.NET_DST],
      [this.ethSrc, Role.ETH_SRC], [this.ethDst, Role.ETH_DST],
      [this.wlanTa, Role.ETH_SRC], [this.wlanSa, Role.ETH_SRC], [this.wlanRa, Role.ETH_DST], [this.wlanDa, Role.ETH_DST], [this.sllSrc, Role.ETH_SRC],
      [this.vsockSrc, Role.ETH_SRC], [this.vsockDst, Role.ETH_DST],
      [this.tcpSport, Role.SPORT], [this.udpSport, Role.SPORT], [this.tcpDport, Role.DPORT], [this.udpDport, Role.DPORT],
      [this.vxlanVni, Role.VNI], [this.geneveVni, Role.VNI], [this.tcpFlags, Role.FLAGS], [this.ipProto, Role.PROTO], [this.ip6Nxt, Role.PROTO],
      [this.frameNumber, Role.FRAME_NUMBER], [this.frameLen, Role.FRAME_LEN], [this.frameCapLen, Role.CAP_LEN], [this.frameTime, Role.TIME],
    ];
    for (const [i, r] of roles) if (i >= 0) role[i] = r;
    this.role = role;
  }
}

/** What an entry of a field is to the columns: the column summarize() copies it to (the record
 *  columns frame.* are filled by the caller, not from entries). */
export const enum Role {
  NONE,
  NET_SRC,
  NET_DST,
  ETH_SRC,
  ETH_DST,
  SPORT,
  DPORT,
  VNI,
  FLAGS,
  PROTO,
  FRAME_NUMBER,
  FRAME_LEN,
  CAP_LEN,
  TIME,
}

let ids: Ids | undefined;

export function summaryIds(): Ids {
  return (ids ??= new Ids());
}

let mask: Uint8Array | undefined;

/** The lean-dissection mask of the index pass: what summarize() and the tunnel suggester read
 *  (the suggester reads the UDP ports and the `data` protocol, which summarize reads too). */
export function summaryMask(): Uint8Array {
  const I = summaryIds();
  return (mask ??= leanMask([I.ipSrc, I.ipDst, I.ip6Src, I.ip6Dst, I.ethSrc, I.ethDst, I.wlanSa, I.wlanDa, I.wlanRa, I.wlanTa, I.sllSrc, I.vsockSrc, I.vsockDst, I.tcpSport, I.tcpDport, I.udpSport, I.udpDport, I.vxlanVni, I.geneveVni, I.tcpFlags, I.ipProto, I.ip6Nxt]));
}

/** Fill row `r` of `t` from the dissection in `fl` (record columns are set by the caller). */
export function summarize(fl: FieldList, t: PacketTable, r: number, addrs: AddressTable): void {
  const I = summaryIds();
  // (a payload an ICMP error quotes, lifted to the top of the tree, is not this packet's stack)
  const n = fl.detachedAt >= 0 ? fl.detachedAt : fl.count;
  const fid = fl.id;
  const par = fl.parent;
  let top = I.frame;
  // Like Wireshark's pinfo->src/dst, the address columns take the last layer that sets them: an
  // ARP inside VXLAN shows its inner MACs, an ICMP inside VXLAN its inner IPs.
  let src = -1, dst = -1, srcKind = 0, dstKind = 0;
  let firstSrc = -1, firstDst = -1, firstKind = 0, netLayers = 0;
  let sport = 0, dport = 0, vni = NO_VNI, flags = 0, proto = 255;
  const role = I.role;
  const topOk = I.top;
  for (let i = 0; i < n; i++) {
    const f = fid[i] as number;
    const p = par[i] as number;
    if (p === -1) {
      if (topOk[f] === 1) top = f;
      continue;
    }
    const what = role[f];
    if (what === Role.NONE || what === undefined || par[p] !== -1) continue; // nested: not a layer of this packet's own stack
    switch (what) {
      case Role.NET_SRC: {
        const kind = f === I.ipSrc ? AddrKind.IPV4 : AddrKind.IPV6;
        if (firstSrc < 0) {
          firstSrc = i;
          firstKind = kind;
        }
        src = i;
        srcKind = kind;
        netLayers++;
        break;
      }
      case Role.NET_DST:
        if (firstDst < 0) firstDst = i;
        dst = i;
        dstKind = f === I.ipDst ? AddrKind.IPV4 : AddrKind.IPV6;
        break;
      case Role.ETH_SRC:
        src = i;
        // (802.11 names the column after the address it took: "… (TA)" when no SA follows)
        srcKind = f === I.wlanTa ? AddrKind.MAC_TA : f === I.vsockSrc ? AddrKind.VSOCK : AddrKind.MAC;
        break;
      case Role.ETH_DST:
        dst = i;
        dstKind = f === I.wlanRa ? AddrKind.MAC_RA : f === I.vsockDst ? AddrKind.VSOCK : AddrKind.MAC;
        break;
      case Role.SPORT:
        sport = fl.num[i] as number;
        break;
      case Role.DPORT:
        dport = fl.num[i] as number;
        break;
      case Role.VNI:
        if (vni === NO_VNI) vni = fl.num[i] as number;
        break;
      case Role.FLAGS:
        flags = fl.num[i] as number;
        break;
      case Role.PROTO:
        proto = fl.num[i] as number;
        break;
    }
  }
  t.proto[r] = top;
  t.srcPort[r] = sport;
  t.dstPort[r] = dport;
  t.vni[r] = vni;
  t.tcpFlags[r] = flags;
  t.ipProto[r] = proto;
  const cs = fl.colSrc;
  const cd = fl.colDst;
  const srcId = cs.wins(src, n) ? addrs.intern(cs.bytes, cs.off, cs.kind) : src >= 0 ? addrs.intern(fl.bytesOf(src), fl.off[src] as number, srcKind) : 0;
  const dstId = cd.wins(dst, n) ? addrs.intern(cd.bytes, cd.off, cd.kind) : dst >= 0 ? addrs.intern(fl.bytesOf(dst), fl.off[dst] as number, dstKind) : 0;
  // Tunnel endpoints: the outermost IP header of a packet that has another layer inside a tunnel.
  const tunnelled = netLayers >= 2 || (vni !== NO_VNI && firstSrc >= 0);
  let outerSrc = 0;
  let outerDst = 0;
  if (tunnelled && firstDst >= 0 && firstSrc !== src) {
    outerSrc = addrs.intern(fl.bytesOf(firstSrc), fl.off[firstSrc] as number, firstKind);
    outerDst = addrs.intern(fl.bytesOf(firstDst), fl.off[firstDst] as number, firstKind);
  }
  if (addrs.size > 0xffff) t.fitAddressIds(addrs.size + 1);
  t.src[r] = srcId;
  t.dst[r] = dstId;
  t.outerSrc[r] = outerSrc;
  t.outerDst[r] = outerDst;
}
