// What Wireshark derives from special IPv6 addresses (packet-ipv6.c add_ipv6_address_6to4,
// _teredo, _slaac, _isatap, _embed_ipv4): each kind for the source, then for the destination,
// as a generated field of its own and a hidden generic one.
//
//   6to4 (RFC 3056):    2002:V4ADDR:SLA-ID::/64
//   Teredo (RFC 4380):  2001:0000:server IPv4:flags:~port:~client IPv4
//   SLAAC (RFC 4291):   interface identifier xx:xx:xx:ff:fe:xx:xx:xx with the U/L bit set
//   ISATAP (RFC 5214):  ::0200:5efe:V4ADDR or ::5efe:V4ADDR
//   RFC 6052:           64:ff9b::V4ADDR (the Well-Known Prefix only; no NAT64 prefix preferences)
// The Teredo client and the SLAAC MAC are not the bytes as they stand, so they are built as text.

import { FT, registerFields } from '../fields/registry.ts';
import { EF } from '../fields/field-list.ts';
import { etherText, ipv4Text } from '../fields/format.ts';
import type { Ctx } from './context.ts';

export const A = registerFields({
  srcSlaacMac: { name: 'ipv6.src_slaac_mac', label: 'Source SLAAC MAC', type: FT.ETHER },
  dstSlaacMac: { name: 'ipv6.dst_slaac_mac', label: 'Destination SLAAC MAC', type: FT.ETHER },
  slaacMac: { name: 'ipv6.slaac_mac', label: 'SLAAC MAC', type: FT.ETHER },
  src6to4Gw: { name: 'ipv6.src_6to4_gw_ipv4', label: 'Source 6to4 Gateway IPv4', type: FT.IPV4 },
  src6to4Sla: { name: 'ipv6.src_6to4_sla_id', label: 'Source 6to4 SLA ID', type: FT.UINT, bits: 16 },
  dst6to4Gw: { name: 'ipv6.dst_6to4_gw_ipv4', label: 'Destination 6to4 Gateway IPv4', type: FT.IPV4 },
  dst6to4Sla: { name: 'ipv6.dst_6to4_sla_id', label: 'Destination 6to4 SLA ID', type: FT.UINT, bits: 16 },
  gw6to4: { name: 'ipv6.6to4_gw_ipv4', label: '6to4 Gateway IPv4', type: FT.IPV4 },
  sla6to4: { name: 'ipv6.6to4_sla_id', label: '6to4 SLA ID', type: FT.UINT, bits: 16 },
  srcTsIpv4: { name: 'ipv6.src_ts_ipv4', label: 'Source Teredo Server IPv4', type: FT.IPV4 },
  srcTcPort: { name: 'ipv6.src_tc_port', label: 'Source Teredo Port', type: FT.UINT, bits: 16 },
  srcTcIpv4: { name: 'ipv6.src_tc_ipv4', label: 'Source Teredo Client IPv4', type: FT.IPV4 },
  dstTsIpv4: { name: 'ipv6.dst_ts_ipv4', label: 'Destination Teredo Server IPv4', type: FT.IPV4 },
  dstTcPort: { name: 'ipv6.dst_tc_port', label: 'Destination Teredo Port', type: FT.UINT, bits: 16 },
  dstTcIpv4: { name: 'ipv6.dst_tc_ipv4', label: 'Destination Teredo Client IPv4', type: FT.IPV4 },
  tsIpv4: { name: 'ipv6.ts_ipv4', label: 'Teredo Server IPv4', type: FT.IPV4 },
  tcPort: { name: 'ipv6.tc_port', label: 'Teredo Port', type: FT.UINT, bits: 16 },
  tcIpv4: { name: 'ipv6.tc_ipv4', label: 'Teredo Client IPv4', type: FT.IPV4 },
  srcIsatap: { name: 'ipv6.src_isatap_ipv4', label: 'Source ISATAP IPv4', type: FT.IPV4 },
  dstIsatap: { name: 'ipv6.dst_isatap_ipv4', label: 'Destination ISATAP IPv4', type: FT.IPV4 },
  isatap: { name: 'ipv6.isatap_ipv4', label: 'ISATAP IPv4', type: FT.IPV4 },
  srcEmbed: { name: 'ipv6.src_embed_ipv4', label: 'Source Embedded IPv4', type: FT.IPV4 },
  dstEmbed: { name: 'ipv6.dst_embed_ipv4', label: 'Destination Embedded IPv4', type: FT.IPV4 },
  embed: { name: 'ipv6.embed_ipv4', label: 'Embedded IPv4', type: FT.IPV4 },
  embedPrefix: { name: 'ipv6.embed_ipv4_prefix', label: 'Embedded IPv4 Prefix', type: FT.BYTES },
});

/** What Wireshark derives from special addresses: each kind for the source, then the destination. */
export function addressExtras(c: Ctx, src: number, dst: number): void {
  sixToFour(c, src, A.src6to4Gw, A.src6to4Sla);
  sixToFour(c, dst, A.dst6to4Gw, A.dst6to4Sla);
  teredo(c, src, A.srcTsIpv4, A.srcTcPort, A.srcTcIpv4);
  teredo(c, dst, A.dstTsIpv4, A.dstTcPort, A.dstTcIpv4);
  slaac(c, src, A.srcSlaacMac);
  slaac(c, dst, A.dstSlaacMac);
  embedded(c, src, A.srcIsatap, A.isatap, isatap);
  embedded(c, dst, A.dstIsatap, A.isatap, isatap);
  embedded(c, src, A.srcEmbed, A.embed, wellKnownPrefix);
  embedded(c, dst, A.dstEmbed, A.embed, wellKnownPrefix);
}

/** RFC 3056 section 2: 2002:V4ADDR:SLA::/64. */
function sixToFour(c: Ctx, a: number, gw: number, sla: number): void {
  if (c.u16(a) !== 0x2002) return;
  const f = c.f;
  f.add(gw, a + 2, 4, 0, EF.GENERATED);
  f.add(sla, a + 6, 2, c.u16(a + 6), EF.GENERATED);
  f.add(A.gw6to4, a + 2, 4, 0, EF.GENERATED | EF.HIDDEN);
  f.add(A.sla6to4, a + 6, 2, c.u16(a + 6), EF.GENERATED | EF.HIDDEN);
}

const scratch = new Uint8Array(6);

/** RFC 4380 section 4: 2001:0000:server:flags:~port:~client (port and client are inverted). */
function teredo(c: Ctx, a: number, ts: number, port: number, tc: number): void {
  if (c.u32(a) !== 0x20010000) return;
  const f = c.f;
  const mapped = c.u16(a + 10) ^ 0xffff;
  for (let i = 0; i < 4; i++) scratch[i] = ~(c.b[a + 12 + i] as number) & 0xff;
  const client = ipv4Text(scratch, 0);
  f.add(ts, a + 4, 4, 0, EF.GENERATED);
  f.add(port, a + 10, 2, mapped, EF.GENERATED);
  f.addStr(tc, a + 12, 4, client, EF.GENERATED);
  f.add(A.tsIpv4, a + 4, 4, 0, EF.GENERATED | EF.HIDDEN);
  f.add(A.tcPort, a + 10, 2, mapped, EF.GENERATED | EF.HIDDEN);
  f.addStr(A.tcIpv4, a + 12, 4, client, EF.GENERATED | EF.HIDDEN);
}

/** RFC 4291 appendix A: a modified EUI-64 interface identifier (U/L bit set, ff:fe in the middle). */
function slaac(c: Ctx, a: number, mac: number): void {
  const b = c.b;
  if (!((b[a + 8] as number) & 0x02) || c.u16(a + 11) !== 0xfffe) return;
  scratch[0] = (b[a + 8] as number) & ~0x02;
  scratch[1] = b[a + 9] as number;
  scratch[2] = b[a + 10] as number;
  scratch[3] = b[a + 13] as number;
  scratch[4] = b[a + 14] as number;
  scratch[5] = b[a + 15] as number;
  const text = etherText(scratch, 0);
  c.f.addStr(mac, a + 8, 8, text, EF.GENERATED);
  c.f.addStr(A.slaacMac, a + 8, 8, text, EF.GENERATED | EF.HIDDEN);
}

/** RFC 5214 section 6.1: ISATAP's ::0200:5efe:V4ADDR or ::5efe:V4ADDR. */
function isatap(c: Ctx, a: number): boolean {
  return (c.u32(a + 8) & 0xfcffffff) === 0x00005efe;
}

/** RFC 6052 section 2.1: the Well-Known Prefix 64:ff9b::/96. */
function wellKnownPrefix(c: Ctx, a: number): boolean {
  return c.u32(a) === 0x0064ff9b && c.u32(a + 4) === 0 && c.u32(a + 8) === 0;
}

/** An IPv4 address carried in the last 32 bits: the specific field, then the generic one
 *  (hidden for ISATAP; for RFC 6052 Wireshark also shows the prefix, and the generic one). */
function embedded(c: Ctx, a: number, specific: number, generic: number, test: (c: Ctx, a: number) => boolean): void {
  if (!test(c, a)) return;
  const f = c.f;
  if (test === isatap) {
    f.add(specific, a + 12, 4, 0, EF.GENERATED);
    f.add(generic, a + 12, 4, 0, EF.GENERATED | EF.HIDDEN);
    return;
  }
  f.add(A.embedPrefix, a, 12, 0, EF.GENERATED);
  f.add(specific, a + 12, 4, 0, EF.GENERATED);
  f.add(generic, a + 12, 4, 0, EF.GENERATED);
}
