// ICMP multi-part message extensions (RFC 4884 section 7), with the MPLS Label Stack object
// (RFC 4950), the Interface Information object (RFC 5837) and the Interface Identification object
// of an extended echo request (RFC 8335); Wireshark packet-icmp.c, dissect_icmp_extension.
//
//   Extension header:  |Version|      (Reserved)       |           Checksum            |
//   Each object:       |            Length             |   Class-Num   |    C-Type     | payload…
//
// An object longer than what is left is shown truncated; one shorter than its 4-byte header ends
// the list ("Object with bad length"). The Interface Name sub-object is read with Wireshark's
// bounds (its name is shown only when `obj_end >= offset + name_length` after the length byte).

import { Base, FT, names, registerFields } from '../fields/registry.ts';
import { EF } from '../fields/field-list.ts';
import type { Ctx } from './context.ts';
import { ADDRESS_FAMILIES } from './afn-names.ts';
import { Group, Severity, registerExperts } from './expert.ts';
import { checksum } from './ip-checksum.ts';
import { CHECKSUM_STATUS } from './ipv4.ts';
import { latin1Text } from './ascii.ts';
import { setFlagNames } from './flag-names.ts';

const VERSION = 0;
const CSUM = 2;
const HEADER_LEN = 4;
const OBJ_LEN = 0;
const OBJ_CLASS = 2;
const OBJ_CTYPE = 3;
const OBJ_HEADER_LEN = 4;
const MPLS_STACK = 1;
const INTERFACE_INFO = 2;
const INTERFACE_IDENT = 3;
const EXTENDED_PAYLOAD = 0;

/** epan/afn.c's address family numbers. */
const AFI_NAMES = names(ADDRESS_FAMILIES);
const IDENT_CTYPES = names([[1, 'Identifies Interface By Name'], [2, 'Identifies Interface By Index'], [3, 'Identifies Interface By Address']]);

export const F = registerFields({
  ext: { name: 'icmp.ext', label: 'ICMP Multi-Part Extensions', type: FT.NONE },
  version: { name: 'icmp.ext.version', label: 'Version', type: FT.UINT, bits: 8 },
  res: { name: 'icmp.ext.res', label: 'Reserved', type: FT.UINT, base: Base.HEX, bits: 16, mask: 0xfff },
  checksum: { name: 'icmp.ext.checksum', label: 'Checksum', type: FT.UINT, base: Base.HEX, bits: 16 },
  checksumStatus: { name: 'icmp.ext.checksum.status', label: 'Checksum Status', type: FT.UINT, bits: 8, nameAlone: true, names: CHECKSUM_STATUS },
  length: { name: 'icmp.ext.length', label: 'Length', type: FT.UINT, bits: 16 },
  cls: { name: 'icmp.ext.class', label: 'Class', type: FT.UINT, bits: 8,
    names: names([[1, 'MPLS Label Stack Class'], [2, 'Interface Information Object'], [3, 'Interface Identification Object']]) },
  ctype: { name: 'icmp.ext.ctype', label: 'C-Type', type: FT.UINT, bits: 8 },
  data: { name: 'icmp.ext.data', label: 'Data', type: FT.BYTES },
  mplsLabel: { name: 'icmp.mpls.label', label: 'Label', type: FT.UINT, bits: 24, mask: 0xfffff0 },
  mplsExp: { name: 'icmp.mpls.exp', label: 'Experimental', type: FT.UINT, bits: 24, mask: 0xe },
  mplsS: { name: 'icmp.mpls.s', label: 'Stack bit', type: FT.BOOLEAN, bits: 24, mask: 0x1, tf: ['Set', 'Not set'] },
  mplsTtl: { name: 'icmp.mpls.ttl', label: 'Time to live', type: FT.UINT, bits: 8 },
  mplsData: { name: 'icmp.mpls.data', label: 'Data', type: FT.BYTES },
  role: { name: 'icmp.int_info.role', label: 'Interface Role', type: FT.UINT, bits: 8, mask: 0xc0,
    names: names([[0, 'IP interface upon which datagram arrived'], [1, 'sub-IP component of an IP interface upon which datagram arrived'],
      [2, 'IP interface through which datagram would be forwarded'], [3, 'IP next-hop to which datagram would be forwarded']]) },
  reserved: { name: 'icmp.int_info.reserved', label: 'Reserved', type: FT.UINT, bits: 8, mask: 0x30 },
  ifindex: { name: 'icmp.int_info.ifindex', label: 'ifIndex', type: FT.BOOLEAN, bits: 8, mask: 0x8 },
  ipaddr: { name: 'icmp.int_info.ipaddr', label: 'IP Address', type: FT.BOOLEAN, bits: 8, mask: 0x4, tf: ['Present', 'Not Present'] },
  namePresent: { name: 'icmp.int_info.name_present', label: 'Interface Name', type: FT.BOOLEAN, bits: 8, mask: 0x2, tf: ['Present', 'Not Present'] },
  mtuPresent: { name: 'icmp.int_info.mtu_present', label: 'MTU', type: FT.BOOLEAN, bits: 8, mask: 0x1, tf: ['Present', 'Not Present'] },
  index: { name: 'icmp.int_info.index', label: 'Interface Index', type: FT.UINT },
  afi: { name: 'icmp.int_info.afi', label: 'Address Family Identifier', type: FT.UINT, bits: 16 },
  icmpReserved: { name: 'icmp.reserved', label: 'Reserved', type: FT.BYTES },
  ipv4: { name: 'icmp.int_info.ipv4', label: 'Source', type: FT.IPV4 },
  identName: { name: 'icmp.int_ident.name', label: 'Name', type: FT.STRING },
  identIndex: { name: 'icmp.int_ident.index', label: 'Interface Index', type: FT.UINT },
  identAfi: { name: 'icmp.int_ident.afi', label: 'Address Family Identifier', type: FT.UINT, bits: 16, names: AFI_NAMES,
    blurb: 'Address Family of the interface address' },
  identAddrLength: { name: 'icmp.int_ident.addr_length', label: 'Address Length', type: FT.UINT, bits: 8 },
  identReserved: { name: 'icmp.int_ident.reserved', label: 'Reserved', type: FT.BYTES },
  identIpv4: { name: 'icmp.int_ident.ipv4', label: 'Address', type: FT.IPV4 },
  identIpv6: { name: 'icmp.int_ident.ipv6', label: 'Address', type: FT.IPV6 },
  identAddress: { name: 'icmp.int_ident.address', label: 'Address', type: FT.BYTES },
  ipv6: { name: 'icmp.int_info.ipv6', label: 'Source', type: FT.IPV6 },
  ipUnknown: { name: 'icmp.int_info.ipunknown', label: 'Source', type: FT.BYTES },
  nameLength: { name: 'icmp.int_info.name_length', label: 'Name Length', type: FT.UINT, bits: 8 },
  name: { name: 'icmp.int_info.name', label: 'Name', type: FT.STRING },
  mtu: { name: 'icmp.int_info.mtu', label: 'Maximum Transmission Unit', type: FT.UINT },
});

/** packet-icmp.c's expert info on a bad checksum of the extension structure. */
const X = registerExperts({
  badChecksum: { name: 'icmp.ext.checksum_bad', msg: 'Bad checksum', severity: Severity.WARN, group: Group.CHECKSUM },
});

/** The extension structure from `o` to the end of the ICMP message. */
export function dissectIcmpExtensions(c: Ctx, o: number, end: number): void {
  const f = c.f;
  const reported = end - o;
  const ext = f.add(F.ext, o, Math.max(0, Math.min(end, c.b.length) - o));
  f.push(ext);
  if (reported >= HEADER_LEN && c.has(o, 1, end)) {
    const version = c.u8(o + VERSION) >> 4;
    f.add(F.version, o, 1, version);
    if (c.has(o, 2, end)) f.add(F.res, o, 2, c.u16(o) & 0xfff);
    if (c.has(o + CSUM, 2, end)) {
      if (c.u16(o + CSUM) === 0) {
        f.add(F.checksum, o + CSUM, 2, 0);
        f.add(F.checksumStatus, o + CSUM, 0, 3, EF.GENERATED); // not present
      } else checksum(c, F.checksum, F.checksumStatus, o, end, end <= c.b.length, 0, CSUM, X.badChecksum);
    }
    if (version === 1 || version === 2) objects(c, o + HEADER_LEN, end);
    else if (f.wanted === null) f.appendLabel(ext, ' (unsupported version)');
  }
  f.pop();
}

function objects(c: Ctx, o: number, end: number): void {
  const f = c.f;
  while (end - o >= OBJ_HEADER_LEN && !c.stop) {
    if (!c.has(o, OBJ_HEADER_LEN, end)) return;
    const objLen = c.u16(o + OBJ_LEN);
    const objEnd = o + Math.min(objLen, end - o);
    const tree = f.text(o, Math.max(objEnd - o, OBJ_HEADER_LEN), 'Unknown object');
    f.push(tree);
    f.add(F.length, o + OBJ_LEN, 2, objLen);
    const cls = c.u8(o + OBJ_CLASS);
    const ctype = c.u8(o + OBJ_CTYPE);
    f.add(F.cls, o + OBJ_CLASS, 1, cls);
    if (objLen < OBJ_HEADER_LEN) {
      f.label(tree, 'Object with bad length');
      f.pop();
      return;
    }
    let known = false;
    if (cls === MPLS_STACK) {
      f.add(F.ctype, o + OBJ_CTYPE, 1, ctype);
      if (ctype === 1) {
        known = true;
        f.label(tree, 'MPLS Stack Entry');
        mplsStack(c, o + OBJ_HEADER_LEN, objEnd, end);
      }
    } else if (cls === INTERFACE_INFO) {
      f.label(tree, 'Interface Information Object');
      known = true;
      interfaceInfo(c, o, ctype, objEnd, end);
    } else if (cls === INTERFACE_IDENT && end - o >= 5) {
      f.label(tree, 'Interface Identification Object');
      known = true;
      interfaceIdentification(c, o, ctype, objLen, end);
    } else if (cls === EXTENDED_PAYLOAD) {
      f.add(F.ctype, o + OBJ_CTYPE, 1, ctype);
      if (ctype === 1) {
        known = true;
        f.label(tree, 'Extended Payload');
        if (objEnd - o > OBJ_HEADER_LEN) c.field(F.data, o + OBJ_HEADER_LEN, objEnd - o - OBJ_HEADER_LEN, end);
      }
    }
    if (!known) {
      f.add(F.ctype, o + OBJ_CTYPE, 1, ctype);
      f.label(tree, `Unknown object (${cls}/${ctype})`);
      if (objEnd - o > OBJ_HEADER_LEN) c.field(F.data, o + OBJ_HEADER_LEN, objEnd - o - OBJ_HEADER_LEN, end);
    }
    if (objEnd - o < objLen) f.appendLabel(tree, ' (truncated)');
    f.pop();
    o = objEnd;
  }
}

/** RFC 8335's Interface Identification object of an extended echo request: the interface by name,
 *  by index, or by address (dissect_interface_identification_object). */
function interfaceIdentification(c: Ctx, obj: number, ctype: number, objLen: number, end: number): void {
  const f = c.f;
  const item = f.add(F.ctype, obj + OBJ_CTYPE, 1, ctype);
  if (f.wanted === null) f.appendLabel(item, ` (${IDENT_CTYPES.get(ctype) ?? `Unknown C-Type ${ctype}`})`);
  let o = obj + OBJ_HEADER_LEN;
  if (ctype === 1) {
    const n = Math.max(0, objLen - OBJ_HEADER_LEN);
    if (c.has(o, n, end)) f.addStr(F.identName, o, n, latin1Text(c.b, o, o + n, true));
  } else if (ctype === 2) c.uint(F.identIndex, o, 4, end);
  else if (ctype === 3) {
    const afi = c.uint(F.identAfi, o, 2, end);
    let len = c.uint(F.identAddrLength, o + 2, 1, end);
    c.field(F.identReserved, o + 3, 1, end);
    if (c.stop) return;
    o += 4;
    const room = (): number => Math.max(0, end - o);
    if (afi === 1) for (; len >= 4 && room() >= 4 && !c.stop; len -= 4, o += 4) c.field(F.identIpv4, o, 4, end);
    else if (afi === 2) for (; len >= 16 && room() >= 16 && !c.stop; len -= 16, o += 16) c.field(F.identIpv6, o, 16, end);
    else c.field(F.identAddress, o, room(), end);
  }
}

/** RFC 4950: label stack entries, as MPLS itself carries them. */
function mplsStack(c: Ctx, o: number, objEnd: number, end: number): void {
  const f = c.f;
  for (; o + 4 <= objEnd && end - o >= 4; o += 4) {
    if (!c.has(o, 4, end)) return;
    const w = c.u32(o);
    const label = w >>> 12;
    const tmp = (w >>> 8) & 0xff;
    f.push(f.text(o, 4, `Label: ${label}, Exp: ${(tmp >> 1) & 7}, S: ${tmp & 1}, TTL: ${w & 0xff}`));
    f.add(F.mplsLabel, o, 3, label);
    f.add(F.mplsExp, o + 2, 1, (tmp & 0x0e) >> 1);
    f.add(F.mplsS, o + 2, 1, tmp & 1);
    f.add(F.mplsTtl, o + 3, 1, w & 0xff);
    f.pop();
  }
  if (o < objEnd) c.field(F.mplsData, o, objEnd - o, end);
}

/** RFC 5837: the C-Type's flags say which sub-objects follow (ifIndex, address, name, MTU). */
function interfaceInfo(c: Ctx, obj: number, ctype: number, objEnd: number, end: number): void {
  const f = c.f;
  const t = obj + OBJ_CTYPE;
  const item = f.add(F.ctype, t, 1, ctype);
  // "C-Type: 14, Interface Role: IP interface upon which datagram arrived, ifIndex, IP Address, …"
  if (f.wanted === null) f.appendLabel(item, setFlagNames([F.role, F.reserved, F.ifindex, F.ipaddr, F.namePresent, F.mtuPresent], ctype));
  f.push(item);
  f.add(F.role, t, 1, ctype >> 6);
  f.add(F.reserved, t, 1, (ctype >> 4) & 3);
  f.add(F.ifindex, t, 1, (ctype >> 3) & 1);
  f.add(F.ipaddr, t, 1, (ctype >> 2) & 1);
  f.add(F.namePresent, t, 1, (ctype >> 1) & 1);
  f.add(F.mtuPresent, t, 1, ctype & 1);
  f.pop();
  let o = obj + OBJ_HEADER_LEN;
  if (ctype & 0x08) {
    c.uint(F.index, o, 4, end);
    o += 4;
  }
  if (ctype & 0x04 && objEnd >= o + 2) {
    if (!c.has(o, 2, end)) return;
    const afi = c.u16(o);
    f.push(f.text(o, afi === 1 ? 8 : 20, 'IP Address Sub-Object'));
    f.add(F.afi, o, 2, afi);
    c.field(F.icmpReserved, o + 2, 2, end);
    o += 4;
    if (afi === 1) c.field(F.ipv4, o, 4, end);
    else if (afi === 2) c.field(F.ipv6, o, 16, end);
    else c.field(F.ipUnknown, o, Math.max(0, objEnd - o), end);
    f.pop();
    if (afi !== 1 && afi !== 2) return;
    o += afi === 1 ? 4 : 16;
  }
  if (ctype & 0x02) {
    let nameLen = 0;
    let sub = -1;
    if (objEnd >= o + 1) {
      if (!c.has(o, 1, end)) return;
      nameLen = c.u8(o);
      sub = f.text(o, nameLen, 'Interface Name Sub-Object');
      f.push(sub);
      f.add(F.nameLength, o, 1, nameLen);
      o++;
    }
    if (objEnd >= o + nameLen && nameLen > 0 && c.has(o, nameLen - 1, end)) {
      f.addStr(F.name, o, nameLen - 1, latin1Text(c.b, o, o + nameLen - 1, true));
      o += nameLen - 1;
    }
    if (sub >= 0) f.pop();
  }
  if (ctype & 0x01) c.uint(F.mtu, o, 4, end);
}
