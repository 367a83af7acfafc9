// Active Directory's LDAP ping (MS-ADTS 6.3.3; packet-ldap.c's mscldap parts): the NtVer value a
// client's search asks with (NETLOGON_NT_VERSION bits) and the Netlogon attribute a domain
// controller answers with — LOGON_SAM_LOGON_RESPONSE_EX (flags, domain GUID, the forest, domain
// and host as compressed DNS names, NetBIOS names, user, sites, the controller's socket address)
// or the older LOGON_SAM_LOGON_RESPONSE (UTF-16 names) — ending with the version flags and tokens.

import { Base, FT, names, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { dnsName, readName } from './dns-name.ts';
import { flagParts } from './flag-names.ts';
import { guidText } from './ldap-values.ts';
import { NETLOGON_OPCODES } from './ldap-names.ts';

const flag = (key: string, label: string, mask: number, yes: string, no: string) =>
  ({ name: key, label, type: FT.BOOLEAN, bits: 32, mask, tf: [yes, no] as const }) as const;
const text = (name: string, label: string) => ({ name, label, type: FT.STRING }) as const;

export const M = registerFields({
  cldap: { name: 'cldap', label: 'Connectionless Lightweight Directory Access Protocol', type: FT.PROTOCOL },
  opcode: { name: 'mscldap.netlogon.opcode', label: 'Operation code', type: FT.UINT, bits: 16, names: names(NETLOGON_OPCODES) },
  flags: { name: 'mscldap.netlogon.flags', label: 'Flags', type: FT.UINT, base: Base.HEX, bits: 32 },
  fnc: flag('mscldap.netlogon.flags.forestnc', 'FDC', 0x80000000, 'The NC is the default forest NC(Windows 2008)', 'The NC is not the default forest NC (Windows 2008)'),
  dnc: flag('mscldap.netlogon.flags.defaultnc', 'DNC', 0x40000000, 'The NC is the default NC (Windows 2008)', 'The NC is not the default NC (Windows 2008)'),
  dns: flag('mscldap.netlogon.flags.dnsname', 'DNS', 0x20000000, 'Server name is in DNS format (Windows 2008)', 'Server name is not in DNS format (Windows 2008)'),
  wdc: flag('mscldap.netlogon.flags.writabledc', 'WDC', 0x1000, 'Domain controller is a Windows 2008 writable NC', 'Domain controller is not a Windows 2008 writable NC'),
  rodc: flag('mscldap.netlogon.flags.rodc', 'RODC', 0x800, 'Domain controller is a Windows 2008 RODC', 'Domain controller is not a Windows 2008 RODC'),
  ndnc: flag('mscldap.netlogon.flags.ndnc', 'NDNC', 0x400, 'Domain is NON-DOMAIN NC serviced by ldap server', 'Domain is NOT non-domain nc serviced by ldap server'),
  goodTime: flag('mscldap.netlogon.flags.good_timeserv', 'Good Time Serv', 0x200, 'This dc has a GOOD TIME SERVICE (i.e. hardware clock)', 'This dc does NOT have a good time service (i.e. no hardware clock)'),
  writable: flag('mscldap.netlogon.flags.writable', 'Writable', 0x100, 'This dc is WRITABLE', 'This dc is NOT writable'),
  closest: flag('mscldap.netlogon.flags.closest', 'Closest', 0x80, 'This server is in the same site as the client', 'This server is NOT in the same site as the client'),
  timeServ: flag('mscldap.netlogon.flags.timeserv', 'Time Serv', 0x40, 'This dc is running TIME SERVICES (ntp)', 'This dc is NOT running time services (ntp)'),
  kdc: flag('mscldap.netlogon.flags.kdc', 'KDC', 0x20, 'This is a KDC (kerberos)', 'This is NOT a kdc (kerberos)'),
  ds: flag('mscldap.netlogon.flags.ds', 'DS', 0x10, 'This dc supports DS', 'This dc does NOT support ds'),
  ldap: flag('mscldap.netlogon.flags.ldap', 'LDAP', 0x8, 'This is an LDAP server', 'This is NOT an ldap server'),
  gc: flag('mscldap.netlogon.flags.gc', 'GC', 0x4, 'This is a GLOBAL CATALOGUE of forest', 'This is NOT a global catalog of forest'),
  pdc: flag('mscldap.netlogon.flags.pdc', 'PDC', 0x1, 'This is a PDC', 'This is NOT a pdc'),
  domainGuid: text('mscldap.domain.guid', 'Domain GUID'),
  forest: text('mscldap.forest', 'Forest'),
  domain: text('mscldap.domain', 'Domain'),
  hostname: text('mscldap.hostname', 'Hostname'),
  nbDomain: text('mscldap.nb_domain', 'NetBIOS Domain'),
  nbHostname: text('mscldap.nb_hostname', 'NetBIOS Hostname'),
  username: text('mscldap.username', 'Username'),
  siteName: text('mscldap.sitename', 'Server Site'),
  clientSiteName: text('mscldap.clientsitename', 'Client Site'),
  ipAddress: { name: 'mscldap.netlogon.ipaddress', label: 'IP Address', type: FT.IPV4 },
  family: { name: 'mscldap.netlogon.ipaddress.family', label: 'Family', type: FT.UINT, bits: 16 },
  port: { name: 'mscldap.netlogon.ipaddress.port', label: 'Port', type: FT.UINT, bits: 16 },
  ipv4: { name: 'mscldap.netlogon.ipaddress.ipv4', label: 'IPv4', type: FT.IPV4 },
  ntver: { name: 'mscldap.ntver.flags', label: 'Version Flags', type: FT.UINT, base: Base.HEX, bits: 32 },
  v1: flag('mscldap.ntver.searchflags.v1', 'V1', 0x1, 'Client requested version 1 netlogon response', 'Version 1 netlogon response not requested'),
  v5: flag('mscldap.ntver.searchflags.v5', 'V5', 0x2, 'Client requested version 5 netlogon response', 'Version 5 netlogon response not requested'),
  v5ex: flag('mscldap.ntver.searchflags.v5ex', 'V5EX', 0x4, 'Client requested version 5 extended netlogon response', 'Version 5 extended response not requested'),
  v5ep: flag('mscldap.ntver.searchflags.v5ep', 'V5EP', 0x8, 'Client has requested IP address of the server', 'IP address of server not requested'),
  vcs: flag('mscldap.ntver.searchflags.vcs', 'VCS', 0x10, 'Client has asked for the closest site information', 'Closest site information not requested'),
  vnt4: flag('mscldap.ntver.searchflags.vnt4', 'VNT4', 0x1000000, 'Client is requesting server to avoid NT4 emulation', 'Only full AD DS requested'),
  vpdc: flag('mscldap.ntver.searchflags.vpdc', 'VPDC', 0x10000000, 'Client has requested the Primary Domain Controller', 'Primary Domain Controller not requested'),
  vip: flag('mscldap.ntver.searchflags.vip', 'VIP', 0x20000000, 'Client has requested IP details (obsolete)', 'IP details not requested (obsolete)'),
  vl: flag('mscldap.ntver.searchflags.vl', 'VL', 0x40000000, 'Client indicated that it is the local machine', 'Client is not the local machine'),
  vgc: flag('mscldap.ntver.searchflags.vgc', 'VGC', 0x80000000, 'Client has requested a Global Catalog server', 'Global Catalog not requested'),
  lmToken: { name: 'mscldap.netlogon.lm_token', label: 'LM Token', type: FT.UINT, base: Base.HEX, bits: 16 },
  ntToken: { name: 'mscldap.netlogon.nt_token', label: 'NT Token', type: FT.UINT, base: Base.HEX, bits: 16 },
});

const NETLOGON_FLAGS = [M.fnc, M.dnc, M.dns, M.wdc, M.rodc, M.ndnc, M.goodTime, M.writable, M.closest, M.timeServ, M.kdc, M.ds, M.ldap, M.gc, M.pdc];
const NTVER_FLAGS = [M.v1, M.v5, M.v5ex, M.v5ep, M.vcs, M.vnt4, M.vpdc, M.vip, M.vl, M.vgc];
/** NETLOGON_NT_VERSION_5EX_WITH_IP: the response carries the controller's socket address. */
const V5EX_WITH_IP = 0x8;

const enum Opcode {
  SAM_LOGON_RESPONSE = 19,
  SAM_LOGON_RESPONSE_EX = 23,
}

/** dissect_mscldap_ntver_flags: the little-endian NETLOGON_NT_VERSION word at `o`; returns it. */
export function ntverFlags(c: Ctx, o: number, end: number): number {
  if (!c.has(o, 4, end)) return -1;
  const v = c.le(o, 4);
  return flagParts(c, c.f.add(M.ntver, o, 4, v), NTVER_FLAGS, o, 4, v, true, true);
}

/** The Netlogon attribute's value [o, end) (dissect_NetLogon_PDU). */
export function dissectNetlogon(c: Ctx, o: number, end: number): void {
  const f = c.f;
  const len = end - o;
  if (len < 10 || !c.has(o, 2, end)) return;
  const type = c.le(o, 2);
  f.add(M.opcode, o, 2, type);
  let p = o + 2;
  if (type === Opcode.SAM_LOGON_RESPONSE) {
    for (const id of [M.nbHostname, M.username, M.nbDomain]) {
      if ((p - o) & 1) p++;
      p = utf16z(c, id, p, end);
      if (p < 0) return;
    }
  } else if (type === Opcode.SAM_LOGON_RESPONSE_EX) {
    p += 2; // Sbz
    if (!c.has(p, 4, end)) return;
    const flags = c.le(p, 4);
    flagParts(c, f.add(M.flags, p, 4, flags), NETLOGON_FLAGS, p, 4, flags, true, true);
    p += 4;
    if (!c.has(p, 16, end)) return;
    f.addStr(M.domainGuid, p, 16, f.wanted === null || c.wants(M.domainGuid) ? guidText(c.b, p) : '');
    p += 16;
    for (const id of [M.forest, M.domain, M.hostname, M.nbDomain, M.nbHostname, M.username, M.siteName, M.clientSiteName]) {
      const n = readName(c, p, o, end);
      if (n < 0) return;
      f.addStr(id, p, n, dnsName.text);
      p += n;
    }
    const version = end - 8 >= o ? c.le(end - 8, 4) : 0;
    if ((version & V5EX_WITH_IP) === V5EX_WITH_IP && c.has(p, 9, end)) {
      p++; // the sockaddr's size
      const item = f.add(M.ipAddress, p + 4, 4);
      f.push(item);
      f.add(M.family, p, 2, c.le(p, 2));
      f.add(M.port, p + 2, 2, c.le(p + 2, 2));
      f.add(M.ipv4, p + 4, 4);
      f.pop();
    }
  }
  if (c.stop) return;
  const tail = end - 8;
  if (ntverFlags(c, tail, end) < 0) return;
  if (!c.has(tail + 4, 4, end)) return;
  f.add(M.lmToken, tail + 4, 2, c.le(tail + 4, 2));
  f.add(M.ntToken, tail + 6, 2, c.le(tail + 6, 2));
}

/** A NUL-terminated UTF-16LE string at `o` as field `id`; returns where it ends (-1: stopped). */
function utf16z(c: Ctx, id: number, o: number, end: number): number {
  const b = c.b;
  let s = '';
  let p = o;
  for (;;) {
    if (!c.has(p, 2, end)) return -1;
    const u = (b[p] as number) | ((b[p + 1] as number) << 8);
    p += 2;
    if (u === 0) break;
    s += String.fromCharCode(u);
  }
  c.f.addStr(id, o, p - o, s);
  return p;
}
