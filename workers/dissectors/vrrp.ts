// VRRP (RFC 3768 version 2, RFC 5798 version 3; Wireshark 4.0's packet-vrrp.c), IP protocol 112:
// the adverts with which a pair of gateways decides which answers for the virtual router's
// addresses. Version, type, virtual router ID, priority (named: 0 is the master resigning, 255 the
// address owner), the addresses, the checksum verified (version 3's over the IPv4 or IPv6
// pseudo-header), and version 2's authentication; Info "Announcement (v2)".

import { Base, FT, fieldById, names, registerFields } from '../fields/registry.ts';
import { asciiText } from './ascii.ts';
import type { Ctx } from './context.ts';
import { Group, Severity, expertAt, registerExperts } from './expert.ts';
import { CHECKSUM_STATUS } from './ipv4.ts';
import { checksum, pseudoHeaderSum } from './ip-checksum.ts';
import { bind, registerDissector } from './tables.ts';

const IPPROTO_VRRP = 112;
const PRIORITIES = names(Array.from({ length: 256 }, (_, p) => [p, p === 0 ? 'Current Master has stopped participating in VRRP'
  : p === 100 ? 'Default priority for a backup VRRP router' : p === 255 ? "This VRRP router owns the virtual router's IP address(es)"
    : 'Non-default backup priority'] as const));

const F = registerFields({
  vrrp: { name: 'vrrp', label: 'Virtual Router Redundancy Protocol', type: FT.PROTOCOL },
  typever: { name: 'vrrp.typever', label: 'VRRP message version and type', type: FT.UINT, bits: 8 },
  version: { name: 'vrrp.version', label: 'VRRP protocol version', type: FT.UINT, bits: 8, mask: 0xf0 },
  type: { name: 'vrrp.type', label: 'VRRP packet type', type: FT.UINT, bits: 8, mask: 0x0f, names: names([[1, 'Advertisement']]) },
  vrid: { name: 'vrrp.virt_rtr_id', label: 'Virtual Rtr ID', type: FT.UINT, bits: 8 },
  priority: { name: 'vrrp.prio', label: 'Priority', type: FT.UINT, bits: 8, names: PRIORITIES, valueFirst: true },
  count: { name: 'vrrp.addr_count', label: 'Addr Count', type: FT.UINT, bits: 8 },
  authType: { name: 'vrrp.auth_type', label: 'Auth Type', type: FT.UINT, bits: 8, names: names([
    [0, 'No Authentication'], [1, 'Simple Text Authentication [RFC 2338] / Reserved [RFC 3768]'],
    [2, 'IP Authentication Header [RFC 2338] / Reserved [RFC 3768]'], [254, 'Cisco VRRP MD5 authentication']]) },
  adverInt: { name: 'vrrp.adver_int', label: 'Adver Int', type: FT.UINT, bits: 8 },
  reserved: { name: 'vrrp.reserved_mbz', label: 'Reserved', type: FT.UINT, bits: 8, mask: 0xf0 },
  shortAdverInt: { name: 'vrrp.short_adver_int', label: 'Adver Int', type: FT.UINT, bits: 16, mask: 0x0fff },
  checksum: { name: 'vrrp.checksum', label: 'Checksum', type: FT.UINT, base: Base.HEX, bits: 16 },
  checksumStatus: { name: 'vrrp.checksum.status', label: 'Checksum Status', type: FT.UINT, bits: 8, nameAlone: true, names: CHECKSUM_STATUS },
  ip: { name: 'vrrp.ip_addr', label: 'IP Address', type: FT.IPV4 },
  ipv6: { name: 'vrrp.ipv6_addr', label: 'IPv6 Address', type: FT.IPV6 },
  authString: { name: 'vrrp.auth_string', label: 'Authentication String', type: FT.STRING },
});

const X = registerExperts({
  badChecksum: { name: 'vrrp.checksum_bad.expert', msg: 'Bad checksum', severity: Severity.WARN, group: Group.CHECKSUM },
});

function dissectVrrp(c: Ctx, off: number, end: number): void {
  const f = c.f;
  c.colProtocol = 'VRRP';
  if (!c.has(off, 1, end)) return;
  const tv = c.u8(off);
  const version = tv >> 4;
  const type = tv & 0x0f;
  if (f.wanted === null) c.setInfo(`${type === 1 ? 'Announcement' : 'Unknown'} (v${version})`);
  c.proto(F.vrrp, off, end);
  const tvItem = f.add(F.typever, off, 1, tv);
  if (f.wanted === null) f.setText(tvItem, `Version ${version}, Packet type ${type} (${fieldById(F.type).names?.get(type) ?? 'Unknown'})`);
  f.push(tvItem);
  f.add(F.version, off, 1, version);
  f.add(F.type, off, 1, type);
  f.pop();
  c.uint(F.vrid, off + 1, 1, end);
  c.uint(F.priority, off + 2, 1, end);
  const count = c.uint(F.count, off + 3, 1, end);
  if (count < 0) return;
  let auth = 0;
  if (version === 3) {
    c.uint(F.reserved, off + 4, 1, end);
    if (c.has(off + 4, 2, end)) f.add(F.shortAdverInt, off + 4, 2, c.u16(off + 4) & 0x0fff);
  } else {
    auth = c.uint(F.authType, off + 4, 1, end);
    c.uint(F.adverInt, off + 5, 1, end);
  }
  // the whole message, when all of it is here (version 3's with its pseudo-header)
  const stop = Math.min(end, c.b.length);
  const verify = stop === end;
  const should = checksum(c, F.checksum, F.checksumStatus, off, stop, verify, verify && version === 3 ? pseudoHeaderSum(c, end - off, IPPROTO_VRRP) : 0, 6);
  if (should >= 0) expertAt(c, f.last - 1, X.badChecksum, `Bad checksum [should be 0x${should.toString(16).padStart(4, '0')}]`);
  let o = off + 8;
  const size = version === 3 && c.netLen === 16 ? 16 : 4;
  for (let k = 0; k < count && !c.stop; k++, o += size) c.field(size === 16 ? F.ipv6 : F.ip, o, size, end);
  if (version === 2 && auth === 1 && !c.stop && c.has(o, 8, end)) f.addStr(F.authString, o, 8, asciiText(c.b, o, o + 8, true));
  f.pop();
}

registerDissector('vrrp', dissectVrrp);
bind('ip.proto', IPPROTO_VRRP, 'vrrp');
