// EDNS(0) options (RFC 6891 section 6.1.2: "{attribute, value} pairs ... OPTION-CODE,
// OPTION-LENGTH, OPTION-DATA"; Wireshark packet-dns.c dissect_dns_answer for T_OPT), in the RDATA
// of the OPT pseudo-record:
//
//   +------------------+------------------+----------------------+
//   | OPTION-CODE (2)  | OPTION-LENGTH (2)| OPTION-DATA          |
//   +------------------+------------------+----------------------+
//
// Client subnet (RFC 7871), cookies (RFC 7873), TCP keepalive (RFC 7828), padding (RFC 7830),
// CHAIN (RFC 7901), DAU/DHU/N3U (RFC 6975) and Extended DNS Errors (RFC 8914) are decoded.

import { FT, names, registerFields } from '../fields/registry.ts';
import { paddedAddress } from './padded-address.ts';
import type { Ctx } from './context.ts';
import { DNSSEC_ALGORITHMS, DS_DIGESTS, NSEC3_HASHES, OPT_CODE_NAMES } from './dns-types.ts';
import { latin1Text } from './ascii.ts';

export const E = registerFields({
  opt: { name: 'dns.opt', label: 'Option', type: FT.NONE },
  optCode: { name: 'dns.opt.code', label: 'Option Code', type: FT.UINT, bits: 16, names: OPT_CODE_NAMES, unknownName: true },
  optLen: { name: 'dns.opt.len', label: 'Option Length', type: FT.UINT, bits: 16 },
  optData: { name: 'dns.opt.data', label: 'Option Data', type: FT.BYTES },
  dau: { name: 'dns.opt.dau', label: 'DAU', type: FT.UINT, bits: 8, names: DNSSEC_ALGORITHMS },
  dhu: { name: 'dns.opt.dhu', label: 'DHU', type: FT.UINT, bits: 8, names: DS_DIGESTS },
  n3u: { name: 'dns.opt.n3u', label: 'N3U', type: FT.UINT, bits: 8, names: NSEC3_HASHES },
  family: { name: 'dns.opt.client.family', label: 'Family', type: FT.UINT, bits: 16, names: names([[1, 'IPv4'], [2, 'IPv6']]) },
  netmask: { name: 'dns.opt.client.netmask', label: 'Source Netmask', type: FT.UINT, bits: 8 },
  scope: { name: 'dns.opt.client.scope', label: 'Scope Netmask', type: FT.UINT, bits: 8 },
  addr4: { name: 'dns.opt.client.addr4', label: 'Client Subnet', type: FT.IPV4 },
  addr6: { name: 'dns.opt.client.addr6', label: 'Client Subnet', type: FT.IPV6 },
  cookieClient: { name: 'dns.opt.cookie.client', label: 'Client Cookie', type: FT.BYTES },
  cookieServer: { name: 'dns.opt.cookie.server', label: 'Server Cookie', type: FT.BYTES },
  keepalive: { name: 'dns.opt.edns_tcp_keepalive.timeout', label: 'Timeout', type: FT.UINT, bits: 16 },
  padding: { name: 'dns.opt.padding', label: 'Padding', type: FT.BYTES },
  chain: { name: 'dns.opt.chain.fqdn', label: 'Closest Trust Point', type: FT.STRING },
  edeCode: { name: 'dns.opt.ext_error.info_code', label: 'Info Code', type: FT.UINT, bits: 16 },
  edeText: { name: 'dns.opt.ext_error.extra_text', label: 'Extra Text', type: FT.STRING },
});

/** EDNS(0) options. */
export function dissectEdnsOptions(c: Ctx, off: number, dlen: number, end: number): void {
  const f = c.f;
  let o = off;
  const stop = off + dlen;
  while (o < stop && !c.stop) {
    if (!c.has(o, 4, end)) return;
    const code = c.u16(o);
    const len = c.u16(o + 2);
    const item = f.add(E.opt, o, 4 + len);
    // "Option: CSUBNET - Client subnet" (packet-dns.c appends the code's name)
    if (f.wanted === null) f.label(item, `Option: ${OPT_CODE_NAMES.get(code) ?? `Unknown (${code})`}`);
    f.push(item);
    f.add(E.optCode, o, 2, code);
    f.add(E.optLen, o + 2, 2, len);
    const d = o + 4;
    if (!c.field(E.optData, d, len, end)) return;
    switch (code) {
      case 5:
      case 6:
      case 7:
        for (let i = 0; i < len; i++) f.add(code === 5 ? E.dau : code === 6 ? E.dhu : E.n3u, d + i, 1, c.u8(d + i));
        break;
      case 8: {
        if (len < 4) break;
        const family = c.u16(d);
        f.add(E.family, d, 2, family);
        f.add(E.netmask, d + 2, 1, c.u8(d + 2));
        f.add(E.scope, d + 3, 1, c.u8(d + 3));
        // The address is cut to the prefix length (RFC 7871 section 6): pad it back with zeros.
        const n = len - 4;
        if (family === 1 && n <= 4) paddedAddress(c, E.addr4, d + 4, n, 4);
        else if (family === 2 && n <= 16) paddedAddress(c, E.addr6, d + 4, n, 16);
        break;
      }
      case 10:
        if (len >= 8) {
          f.add(E.cookieClient, d, 8);
          f.add(E.cookieServer, d + 8, len - 8);
        }
        break;
      case 11:
        if (len === 2) f.add(E.keepalive, d, 2, c.u16(d));
        break;
      case 12:
        f.add(E.padding, d, len);
        break;
      case 13:
        f.addStr(E.chain, d, len, latin1(c.b, d, len));
        break;
      case 15:
        if (len >= 2) {
          f.add(E.edeCode, d, 2, c.u16(d));
          if (len > 2) f.addStr(E.edeText, d + 2, len - 2, latin1(c.b, d + 2, len - 2));
        }
        break;
    }
    f.pop();
    o = d + len;
  }
}

/** Bytes as a string, one character per byte, ending at a NUL as C strings do (TXT, CHAIN). */
export function latin1(b: Uint8Array, o: number, n: number): string {
  return latin1Text(b, o, o + n, true);
}
