// Vendor-Specific Information (option 43, RFC 2132 section 8.4): suboptions whose meaning the
// vendor class (option 60) gives. packet-dhcp.c tries its heuristics on them: a "PXEClient"'s
// (Intel's PXE specification 2.1: multicast TFTP, discovery control, boot servers, the boot menu
// and prompt, ...) and Alcatel-Lucent's IP phones' (recognised by their first suboption and
// their form); other data shows as its bytes.

import { Base, FT, names, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { expertAt } from './expert.ts';
import { flagParts } from './flag-names.ts';
import { EF } from '../fields/field-list.ts';
import { ALCATEL_APPLICATION_TYPES, ALCATEL_SUBOPTIONS, PXE_BOOT_MENU_TYPES, PXE_BOOT_SERVER_TYPES, PXE_SUBOPTIONS } from './dhcp-values.ts';
import { T, X, basicType, full, packet, noRoom, registerOption, unknownType, stringAt, suboptionHeader, suboptionLength, type Opt } from './dhcp-types.ts';

const PXE_NAMES = names(PXE_SUBOPTIONS);
const ALCATEL_NAMES = names(ALCATEL_SUBOPTIONS);
const P = 'dhcp.option.vendor';

export const F = registerFields({
  value: { name: `${P}.value`, label: 'Value', type: FT.BYTES },
  pxeSuboption: { name: `${P}.pxeclient.suboption`, label: 'Option 43 Suboption', type: FT.UINT, bits: 8, names: PXE_NAMES, unknownName: true },
  pxePadding: { name: `${P}.pxeclient.padding`, label: 'Padding', type: FT.UINT, bits: 8 },
  mtftpIp: { name: `${P}.pxeclient.mtftp_ip`, label: 'mtftp IP', type: FT.IPV4 },
  mtftpClientPort: { name: `${P}.pxeclient.mtftp_client_port`, label: 'mtftp client port', type: FT.UINT, bits: 16 },
  mtftpServerPort: { name: `${P}.pxeclient.mtftp_server_port`, label: 'mtftp server port', type: FT.UINT, bits: 16 },
  mtftpTimeout: { name: `${P}.pxeclient.mtftp_timeout`, label: 'mtftp timeout', type: FT.UINT, bits: 8 },
  mtftpDelay: { name: `${P}.pxeclient.mtftp_delay`, label: 'mtftp delay', type: FT.UINT, bits: 8 },
  discovery: { name: `${P}.pxeclient.discovery_control`, label: 'discovery control', type: FT.UINT, base: Base.HEX, bits: 8 },
  discoveryBc: { name: `${P}.pxeclient.discovery_control.broadcast`, label: 'Disable Broadcast', type: FT.BOOLEAN, bits: 8, mask: 0x01, tf: ['Set', 'Not set'] },
  discoveryMc: { name: `${P}.pxeclient.discovery_control.multicast`, label: 'Disable Multicast', type: FT.BOOLEAN, bits: 8, mask: 0x02, tf: ['Set', 'Not set'] },
  discoveryList: { name: `${P}.pxeclient.discovery_control.serverlist`, label: 'Serverlist only', type: FT.BOOLEAN, bits: 8, mask: 0x04, tf: ['Set', 'Not set'] },
  discoveryBstrap: { name: `${P}.pxeclient.discovery_control.bstrap`, label: 'Bootstrap override', type: FT.BOOLEAN, bits: 8, mask: 0x08, tf: ['Set', 'Not set'] },
  multicastAddress: { name: `${P}.pxeclient.multicast_address`, label: 'multicast address', type: FT.IPV4 },
  bootServers: { name: `${P}.pxeclient.boot_servers`, label: 'boot servers', type: FT.BYTES },
  bootServerType: { name: `${P}.pxeclient.boot_servers.type`, label: 'Type', type: FT.UINT, bits: 16, names: names(PXE_BOOT_SERVER_TYPES), unknownName: true },
  bootServerCount: { name: `${P}.pxeclient.boot_servers.count`, label: 'IP count', type: FT.UINT, bits: 8 },
  bootServerIp: { name: `${P}.pxeclient.boot_servers.ip`, label: 'IP', type: FT.IPV4 },
  bootMenu: { name: `${P}.pxeclient.boot_menu`, label: 'boot menu', type: FT.BYTES },
  bootMenuType: { name: `${P}.pxeclient.boot_menu.type`, label: 'Type', type: FT.UINT, bits: 16, names: names(PXE_BOOT_MENU_TYPES), unknownName: true },
  bootMenuLength: { name: `${P}.pxeclient.boot_menu.length`, label: 'Length', type: FT.UINT, bits: 8 },
  bootMenuDesc: { name: `${P}.pxeclient.boot_menu.desc`, label: 'Description', type: FT.STRING },
  menuPrompt: { name: `${P}.pxeclient.menu_prompt`, label: 'menu prompt', type: FT.BYTES },
  menuTimeout: { name: `${P}.pxeclient.menu_prompt.timeout`, label: 'Timeout', type: FT.UINT, bits: 8 },
  menuPromptText: { name: `${P}.pxeclient.menu_prompt.prompt`, label: 'Prompt', type: FT.STRING },
  multicastAlloc: { name: `${P}.pxeclient.multicast_address_alloc`, label: 'multicast address alloc', type: FT.BYTES },
  credentialTypes: { name: `${P}.pxeclient.credential_types`, label: 'credential types', type: FT.BYTES },
  bootItem: { name: `${P}.pxeclient.boot_item`, label: 'boot item', type: FT.BYTES },
  bootItemType: { name: `${P}.pxeclient.boot_item.type`, label: 'Type', type: FT.UINT, bits: 16 },
  bootItemLayer: { name: `${P}.pxeclient.boot_item.layer`, label: 'Layer', type: FT.BYTES },
  lcmServer: { name: `${P}.pxeclient.lcm_server`, label: 'LCM Server Name', type: FT.STRING },
  lcmDomain: { name: `${P}.pxeclient.lcm_domain`, label: 'LCM Domain', type: FT.STRING },
  lcmNicOption: { name: `${P}.pxeclient.lcm_nic_option`, label: 'LCM NIC option', type: FT.BYTES },
  lcmWorkgroup: { name: `${P}.pxeclient.lcm_workgroup`, label: 'LCM Workgroup', type: FT.STRING },
  pxeDiscovery: { name: `${P}.pxeclient.discovery`, label: 'Discovery', type: FT.BOOLEAN, bits: 8, tf: ['Yes', 'No'] },
  pxeConfigured: { name: `${P}.pxeclient.configured`, label: 'Configured', type: FT.BOOLEAN, bits: 8, tf: ['Yes', 'No'] },
  lcmVersion: { name: `${P}.pxeclient.lcm_version`, label: 'LCM Version', type: FT.UINT },
  lcmSerial: { name: `${P}.pxeclient.lcm_serial`, label: 'LCM Serial Number', type: FT.STRING },
  pxeEnd: { name: `${P}.pxeclient.end`, label: 'PXE Client End', type: FT.UINT, bits: 8 },
  aluSuboption: { name: `${P}.alu.suboption`, label: 'Option 43 Suboption', type: FT.UINT, bits: 8, names: ALCATEL_NAMES, unknownName: true },
  aluPadding: { name: `${P}.alu.padding`, label: 'Padding', type: FT.UINT, bits: 8 },
  aluVlan: { name: `${P}.alu.vid`, label: 'Voice VLAN ID', type: FT.UINT, bits: 16 },
  aluTftp1: { name: `${P}.alu.tftp1`, label: 'Spatial Redundancy TFTP1', type: FT.IPV4 },
  aluTftp2: { name: `${P}.alu.tftp2`, label: 'Spatial Redundancy TFTP2', type: FT.IPV4 },
  aluAppType: { name: `${P}.alu.app_type`, label: 'Application Type', type: FT.UINT, bits: 8, names: names(ALCATEL_APPLICATION_TYPES), unknownName: true },
  aluSipUrl: { name: `${P}.alu.sip_url`, label: 'SIP URL', type: FT.STRING },
  aluEnd: { name: `${P}.alu.end`, label: 'Alcatel End', type: FT.UINT, bits: 8 },
});

const DISCOVERY_FLAGS = [F.discoveryBc, F.discoveryMc, F.discoveryList, F.discoveryBstrap];

/** PXE suboptions of a basic type (packet-dhcp.c's o43pxeclient_opt; the ports little-endian). */
const PXE_BASIC: ReadonlyMap<number, readonly [T, number]> = new Map([
  [1, [T.IPV4_LIST, F.mtftpIp]], [2, [T.U16_LE, F.mtftpClientPort]], [3, [T.U16_LE, F.mtftpServerPort]],
  [4, [T.U8, F.mtftpTimeout]], [5, [T.U8, F.mtftpDelay]], [7, [T.IPV4_LIST, F.multicastAddress]],
  [179, [T.STRINGZ, F.lcmServer]], [180, [T.STRINGZ, F.lcmDomain]], [181, [T.BYTES, F.lcmNicOption]],
  [190, [T.STRINGZ, F.lcmWorkgroup]], [191, [T.BOOLEAN, F.pxeDiscovery]], [192, [T.BOOLEAN, F.pxeConfigured]],
  [193, [T.U32, F.lcmVersion]], [194, [T.STRINGZ, F.lcmSerial]],
]);
/** Past the last entry of that table a suboption is invalid; within it, one it does not decode
 *  is of a type its basic types do not handle. */
const PXE_TABLE_SIZE = 195;

const PXE_DISCOVERY = 6;
const PXE_BOOT_SERVERS = 8;
const PXE_BOOT_MENU = 9;
const PXE_MENU_PROMPT = 10;
const PXE_MULTICAST_ALLOC = 11;
const PXE_CREDENTIAL_TYPES = 12;
const PXE_BOOT_ITEM = 71;
const END = 255;

registerOption([43], (c, o) => {
  const f = c.f;
  // (a heuristic that takes the data is a dissector of DHCP's called again: frame.protocols says
  // "dhcp" once more, unless it added nothing to the tree)
  if (packet.vendorClass !== null && packet.vendorClass.startsWith('PXEClient')) {
    if (o.len > 0) c.layer('dhcp');
    if (full(c)) f.appendLabel(o.item, ' (PXEClient)');
    for (let k = o.v; k < o.end && !c.stop;) k = pxeSuboption(c, o, k);
  } else if (alcatel(c, o)) {
    c.layer('dhcp');
    if (full(c)) f.appendLabel(o.item, ' (Alcatel-Lucent)');
    for (let k = o.v; k < o.end && !c.stop;) k = alcatelSuboption(c, o, k);
  } else c.field(F.value, o.v, o.len, o.end);
  return o.len;
});

/** A PXE suboption at k; returns where the next starts. Its decoders read on past the suboption
 *  when its counts say so (boot servers), up to the option's end. */
function pxeSuboption(c: Ctx, o: Opt, k: number): number {
  const f = c.f;
  const code = c.u8(k);
  if (code === 0) {
    c.uint(F.pxePadding, k, 1, o.end);
    return k + 1;
  }
  if (code === END) {
    c.uint(F.pxeEnd, k, 1, o.end);
    return o.end;
  }
  const len = suboptionLength(c, o, k);
  if (len < 0) return o.end;
  const item = suboptionHeader(c, F.pxeSuboption, k, code, len, PXE_NAMES.get(code) ?? 'Unknown');
  const v = k + 2;
  if (c.field(F.value, v, len, o.end, EF.HIDDEN)) {
    const basic = PXE_BASIC.get(code);
    if (code >= PXE_TABLE_SIZE) expertAt(c, item, X.invalidSub, `Unknown suboption ${code} (${len} bytes)`);
    else if (basic !== undefined) {
      if (basicType(c, basic[0], basic[1], v, len, o.end, item) === 0) unknownType(c, item, code);
    } else if (!pxeSpecial(c, o, code, v, len)) unknownType(c, item, code);
  }
  f.pop();
  return v + len;
}


/** The PXE suboptions decoded otherwise; false for one of a type the table leaves undecoded. */
function pxeSpecial(c: Ctx, o: Opt, code: number, v: number, len: number): boolean {
  const f = c.f;
  // a list of entries, each read while fewer than len - 1 of its bytes are behind
  const entries = (id: number, entry: (k: number) => number): void => {
    if (!c.field(id, v, len, o.end)) return;
    f.push(f.last);
    for (let k = v; k - v < len - 1 && !c.stop;) k = entry(k);
    f.pop();
  };
  switch (code) {
    case PXE_DISCOVERY: {
      const flags = c.uint(F.discovery, v, 1, o.end);
      if (flags >= 0) flagParts(c, f.last, DISCOVERY_FLAGS, v, 1, flags);
      return true;
    }
    case PXE_BOOT_SERVERS:
      // type, count, that many addresses
      entries(F.bootServers, (k) => {
        c.uint(F.bootServerType, k, 2, o.end);
        let count = c.uint(F.bootServerCount, k + 2, 1, o.end);
        let at = k + 3;
        for (; count > 0 && c.field(F.bootServerIp, at, 4, o.end); count--) at += 4;
        return at;
      });
      return true;
    case PXE_BOOT_MENU:
      // type, description length, description
      entries(F.bootMenu, (k) => {
        c.uint(F.bootMenuType, k, 2, o.end);
        const n = c.uint(F.bootMenuLength, k + 2, 1, o.end);
        if (n >= 0) stringAt(c, F.bootMenuDesc, k + 3, n, o.end, true);
        return k + 3 + Math.max(n, 0);
      });
      return true;
    case PXE_MENU_PROMPT:
      if (!c.field(F.menuPrompt, v, len, o.end)) return true;
      f.push(f.last);
      c.uint(F.menuTimeout, v, 1, o.end);
      stringAt(c, F.menuPromptText, v + 1, len - 1, o.end, true);
      f.pop();
      return true;
    case PXE_MULTICAST_ALLOC:
    case PXE_CREDENTIAL_TYPES:
      c.field(code === PXE_MULTICAST_ALLOC ? F.multicastAlloc : F.credentialTypes, v, len, o.end);
      return true;
    case PXE_BOOT_ITEM:
      if (!c.field(F.bootItem, v, len, o.end)) return true;
      f.push(f.last);
      c.uint(F.bootItemType, v, 2, o.end);
      c.field(F.bootItemLayer, v + 2, 2, o.end);
      f.pop();
      return true;
  }
  return false;
}

/** Alcatel-Lucent's heuristic: the first suboption one of theirs, and the whole a well-formed
 *  list of suboptions (Pad and End allowed). */
function alcatel(c: Ctx, o: Opt): boolean {
  if (o.len < 1 || !ALCATEL_FIRST.has(c.u8(o.v))) return false;
  for (let k = o.v; k < o.end;) {
    const code = c.u8(k++);
    if (code === 0) continue;
    if (code === END) break;
    if (k >= o.end) return false;
    const len = c.u8(k++);
    if (k + len > o.end) return false;
    k += len;
  }
  return true;
}
const ALCATEL_FIRST = new Set([58, 64, 65, 66, 67]);

/** An Alcatel-Lucent suboption at k: VLAN ID (58), TFTP servers (64, 65), application type (66),
 *  SIP URL (67). Returns where the next starts. */
function alcatelSuboption(c: Ctx, o: Opt, k: number): number {
  const f = c.f;
  const code = c.u8(k);
  if (code === 0) {
    c.uint(F.aluPadding, k, 1, o.end);
    return k + 1;
  }
  if (code === END) {
    c.uint(F.aluEnd, k, 1, o.end);
    return o.end;
  }
  const len = suboptionLength(c, o, k);
  if (len < 0) return o.end;
  const item = suboptionHeader(c, F.aluSuboption, k, code, len, ALCATEL_NAMES.get(code) ?? 'Unknown');
  const v = k + 2;
  let next = v + len;
  const sized = (n: number): boolean => {
    if (len === n) return true;
    expertAt(c, item, X.badLength, `length isn't ${n}`);
    next = o.end;
    return false;
  };
  if (next > o.end) {
    noRoom(c, item, code, 'value');
    next = o.end;
  } else if (code === 58) {
    if (sized(2)) c.uint(F.aluVlan, v, 2, o.end);
  } else if (code === 64 || code === 65) {
    if (sized(4)) c.field(code === 64 ? F.aluTftp1 : F.aluTftp2, v, 4, o.end);
  } else if (code === 66) {
    if (sized(1)) c.uint(F.aluAppType, v, 1, o.end);
  } else if (code === 67) stringAt(c, F.aluSipUrl, v, len, o.end, true);
  else {
    unknownType(c, item, code);
    next = o.end;
  }
  f.pop();
  return next;
}
