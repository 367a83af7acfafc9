// DHCP options of domain names in DNS wire format (RFC 1035 section 3.1, with section 4.1.4's
// compression pointers): the Domain Search list (119, RFC 3397) and the SIP servers (120, RFC
// 3361: names or addresses, after an encoding byte). RFC 3396 lets a long one be split over
// several options of its code: packet-dhcp.c then reads the names from their bytes joined, on the
// last of them, and the lines cover no bytes. The names are read as packet-dhcp.c's get_dns_name
// reads them, within a length (the client FQDN of option 81 too: dhcp-client.ts).

import { FT, names, registerFields } from '../fields/registry.ts';
import { formatText, ipv4Text } from '../fields/format.ts';
import { Status, type Ctx } from './context.ts';
import { Group, Severity, expertAt, registerExperts } from './expert.ts';
import { X, packet, registerOption, type Opt, type Rfc3396 } from './dhcp-types.ts';

export const F = registerFields({
  searchSplit: { name: 'dhcp.option.dhcp_dns_domain_search_list_rfc_3396_detected', label: 'Encoding Long Options detected (RFC 3396)', type: FT.STRING },
  searchReferLast: { name: 'dhcp.option.dhcp_dns_domain_search_list_refer_last_option', label: 'For the data, please refer to last option 119', type: FT.STRING },
  searchName: { name: 'dhcp.option.dhcp_dns_domain_search_list_fqdn', label: 'FQDN', type: FT.STRING },
  sipSplit: { name: 'dhcp.option.sip_server.rfc_3396_detected', label: 'Encoding Long Options detected (RFC 3396)', type: FT.STRING },
  sipReferLast: { name: 'dhcp.option.sip_server.refer_last_option', label: 'For the data, please refer to last option 120', type: FT.STRING },
  sipEncoding: { name: 'dhcp.option.sip_server.encoding', label: 'SIP Server Encoding', type: FT.UINT, bits: 8, names: names([[0, 'Fully Qualified Domain Name'], [1, 'IPv4 Address']]), unknownName: true },
  sipName: { name: 'dhcp.option.sip_server.name', label: 'SIP Server Name', type: FT.STRING },
  sipAddress: { name: 'dhcp.option.sip_server.address', label: 'SIP Server Address', type: FT.IPV4 },
});

const XD = registerExperts({
  sipEncoding: { name: 'dhcp.option.sip_server_address.encoding', msg: 'RFC 3361 defines only 0 and 1 for Encoding byte', severity: Severity.ERROR, group: Group.PROTOCOL },
});

/** The last name read: its text as the tree shows it, and the bytes it takes where it starts. */
export const domainName = { text: '', len: 0 };

/** packet-dns.c's MAX_DNAME_LEN: the characters a name keeps. */
const MAX_NAME = 255;

/**
 * packet-dns.c's get_dns_name as packet-dhcp.c calls it: the name at `start` of `b`, its pointers
 * relative to `base`, read no further than `maxLen` bytes from `start` (a label running past
 * that, a reserved label type, or any byte past the end of `b` is an exception: false). A pointer
 * to 2 bytes past itself, or more than 255 pointers, is a loop. Sets domainName.
 */
export function readDomainName(b: Uint8Array, start: number, maxLen: number, base: number): boolean {
  const bytes: number[] = [];
  let room = MAX_NAME;
  let off = start;
  let len = -1;
  let pointers = 0;
  for (;;) {
    if (off - start > maxLen - 1) break;
    if (off >= b.length) return false;
    let clen = b[off++] as number;
    if (clen === 0) break;
    switch (clen & 0xc0) {
      case 0x00:
        if (bytes.length > 0) {
          if (room > 0) {
            bytes.push(0x2e);
            room--;
          }
        } else room--;
        for (; clen > 0; clen--, off++) {
          if (off - start > maxLen - 1 || off >= b.length) return false;
          if (room > 0) {
            bytes.push(b[off] as number);
            room--;
          }
        }
        break;
      case 0x40:
        // (RFC 2673's bitstring labels are not decoded here)
        if ((clen & 0x3f) === 1) return false;
        return setName('<Unknown extended label>', off - start);
      case 0x80:
        return false;
      default: {
        if (off >= b.length) return false;
        const target = base + (((clen & 0x3f) << 8) | (b[off] as number));
        off++;
        pointers++;
        if (len < 0) len = off - start;
        if (target === off + 2 || pointers > MAX_NAME) return setName('<Name contains a pointer that loops>', len);
        off = target;
      }
    }
  }
  if (len < 0) len = off - start;
  // (a C string: the name ends at a NUL in a label)
  const nul = bytes.indexOf(0);
  const text = nul < 0 ? bytes : bytes.slice(0, nul);
  if (text.length === 0 && len <= 1) return setName('<Root>', len);
  if (len < 1 || (len > 1 && bytes.length === 0)) return false;
  return setName(room > 0 ? formatText(Uint8Array.from(text)) : '<Name too long>', len);
}

/** Sets domainName; false (an exception) when the name took no byte. */
function setName(text: string, len: number): boolean {
  domainName.text = text;
  domainName.len = len;
  return len >= 1;
}

/**
 * An option of a code RFC 3396 may split: its place among the packet's options of that code
 * ("Encoding Long Options detected (RFC 3396): 1/2", and on all but the last "For the data, please
 * refer to last option 119: 2/2"), and its bytes added to theirs. Returns the bytes of them all
 * once this is the last one of them and they are not empty, else null.
 */
function block(c: Ctx, o: Opt, blocks: Rfc3396, split: number, referLast: number): Uint8Array | null {
  const f = c.f;
  blocks.index++;
  if (blocks.total > 1) {
    f.addStr(split, o.v, o.len, `${blocks.index}/${blocks.total}`);
    if (blocks.index !== blocks.total) f.addStr(referLast, o.v, o.len, `${blocks.total}/${blocks.total}`);
  }
  for (let k = o.v; k < o.end; k++) blocks.bytes.push(c.u8(k));
  if (blocks.index !== blocks.total || blocks.bytes.length === 0) return null;
  const joined = Uint8Array.from(blocks.bytes);
  blocks.bytes.length = 0;
  return joined;
}

// Domain Search (RFC 3397): names one after the other; one option's each cover their bytes
registerOption([119], (c, o) => {
  const joined = block(c, o, packet.search, F.searchSplit, F.searchReferLast);
  if (joined === null) return o.len;
  const whole = packet.search.total === 1;
  for (let k = 0; k < joined.length;) {
    // (each name is read within the whole length, from the first byte its pointers' origin)
    if (!readDomainName(joined, k, joined.length, 0)) {
      c.fail(Status.MALFORMED);
      break;
    }
    c.f.addStr(F.searchName, whole ? o.v + k : o.v, whole ? domainName.len : 0, domainName.text);
    k += domainName.len;
  }
  return o.len;
});

// SIP Servers (RFC 3361): an encoding byte, then names (0) or addresses (1)
registerOption([120], (c, o) => {
  const f = c.f;
  const joined = block(c, o, packet.sip, F.sipSplit, F.sipReferLast);
  if (joined === null) return o.len;
  const whole = packet.sip.total === 1;
  const enc = joined[0] as number;
  f.add(F.sipEncoding, o.v, whole ? 1 : 0, enc);
  if (enc === 0) {
    if (joined.length < 3) {
      expertAt(c, o.item, X.badLength, `length isn't >= 3 (len = ${joined.length})`);
      return o.len;
    }
    // (each name is read within the whole length, the encoding byte its pointers' origin)
    for (let k = 1; k < joined.length;) {
      if (!readDomainName(joined, k, joined.length, 1)) {
        c.fail(Status.MALFORMED);
        break;
      }
      f.addStr(F.sipName, whole ? o.v + k : o.v, whole ? domainName.len : 0, domainName.text);
      k += domainName.len;
    }
  } else if (enc === 1) {
    if (joined.length < 5) expertAt(c, o.item, X.badLength, `length isn't >= 5 (len = ${joined.length})`);
    else if ((joined.length - 1) & 3) {
      const more = whole ? '' : ' For your information with RFC 3396, the length is the length sum of all options 120 into this BOOTP packet.';
      expertAt(c, o.item, X.badLength, `length isn't a multiple of 4 plus 1 (len = ${joined.length}).${more}`);
    } else {
      for (let k = 1; k < joined.length; k += 4) {
        if (whole) f.add(F.sipAddress, o.v + k, 4);
        else f.addStr(F.sipAddress, o.v, 0, ipv4Text(joined, k));
      }
    }
  } else expertAt(c, o.item, XD.sipEncoding, `RFC 3361 defines only 0 and 1 for Encoding byte (Encoding = ${enc}).`);
  return o.len;
});
