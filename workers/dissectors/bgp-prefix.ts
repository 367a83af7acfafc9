// Routes as BGP carries them: a prefix length, then only the bytes the prefix needs (10.2.0.0/24
// is 3 bytes). packet-bgp.c's decode_prefix4 / decode_prefix6 show each as "10.2.0.0/24" over
// "<tag> prefix length: 24" and the address field, whose value is the address padded with zeros.

import type { Ctx } from './context.ts';
import { F } from './bgp-fields.ts';
import { paddedAddress } from './padded-address.ts';

/**
 * The prefixes of [o, end) (IPv4 when `size` is 4, IPv6 when 16), each under its "a.b.c.d/len"
 * line; `tag` names them ("NLRI", "Withdrawn route", "MP Reach NLRI"). False when a prefix length
 * is past the address size (dissection of the message stops there, as packet-bgp.c's does).
 */
export function prefixes(c: Ctx, o: number, end: number, id: number, tag: string, size: 4 | 16): boolean {
  const f = c.f;
  while (o < end && !c.stop) {
    if (!c.has(o, 1, end)) return false;
    const plen = c.u8(o);
    if (plen > size * 8) {
      f.text(o, 1, `${tag} length ${plen} invalid (> ${size * 8})`);
      return false;
    }
    const n = (plen + 7) >> 3;
    if (!c.has(o + 1, n, end)) return false;
    const item = f.text(o, 1 + n, '');
    f.push(item);
    const len = f.add(F.prefixLength, o, 1, plen);
    if (f.wanted === null) f.setText(len, `${tag} prefix length: ${plen}`);
    const text = paddedAddress(c, id, o + 1, n, size);
    f.pop();
    if (f.wanted === null) f.label(item, `${text}/${plen}`);
    o += 1 + n;
  }
  return true;
}
