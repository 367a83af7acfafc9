// CDP, the Cisco Discovery Protocol (Wireshark 4.0's packet-cdp.c): what a Cisco device says about
// itself on every link, every minute (LLC SNAP with Cisco's OUI and PID 0x2000, or GRE type 0x2000
// through a tunnel). The header (version, TTL, checksum verified over the message), then TLVs:
// device ID, addresses, port ID, capabilities, software version, platform, IP prefixes, VTP domain,
// native VLAN, duplex, MTU, system name and management addresses as packet-cdp.c lays them out;
// any other type as "Type: Port Unidirectional, length: 5" with its bytes.

import { Base, FT, fieldById, names, registerFields } from '../fields/registry.ts';
import { ipv4Text } from '../fields/format.ts';
import type { Ctx } from './context.ts';
import { CHECKSUM_STATUS } from './ipv4.ts';
import { checksum } from './ip-checksum.ts';
import { bind, registerDissector } from './tables.ts';
import { latin1Text } from './ascii.ts';

const TLV_TYPES = names([
  [0x1, 'Device ID'], [0x2, 'Addresses'], [0x3, 'Port ID'], [0x4, 'Capabilities'], [0x5, 'Software version'], [0x6, 'Platform'],
  [0x7, 'IP Prefix/Gateway (used for ODR)'], [0x8, 'Protocol Hello'], [0x9, 'VTP Management Domain'], [0xa, 'Native VLAN'],
  [0xb, 'Duplex'], [0xe, 'VoIP VLAN Reply'], [0xf, 'VoIP VLAN Query'], [0x10, 'Power consumption'], [0x11, 'MTU'],
  [0x12, 'Trust Bitmap'], [0x13, 'Untrusted Port CoS'], [0x14, 'System Name'], [0x15, 'System Object ID'],
  [0x16, 'Management Address'], [0x17, 'Location'], [0x18, 'External Port-ID'], [0x19, 'Power Requested'],
  [0x1a, 'Power Available'], [0x1b, 'Port Unidirectional'], [0x1d, 'EnergyWise'], [0x1f, 'Spare PoE'],
]);

const CAPABILITY = (key: string, label: string, mask: number) =>
  ({ name: `cdp.capabilities.${key}`, label, type: FT.BOOLEAN, bits: 32, mask, tf: ['Yes', 'No'] as const }) as const;

export const F = registerFields({
  cdp: { name: 'cdp', label: 'Cisco Discovery Protocol', type: FT.PROTOCOL },
  version: { name: 'cdp.version', label: 'Version', type: FT.UINT, bits: 8 },
  ttl: { name: 'cdp.ttl', label: 'TTL', type: FT.UINT, bits: 8, unit: ' seconds' },
  checksum: { name: 'cdp.checksum', label: 'Checksum', type: FT.UINT, base: Base.HEX, bits: 16 },
  checksumStatus: { name: 'cdp.checksum.status', label: 'Checksum Status', type: FT.UINT, bits: 8, nameAlone: true, names: CHECKSUM_STATUS },
  tlvType: { name: 'cdp.tlv.type', label: 'Type', type: FT.UINT, base: Base.HEX, bits: 16, names: TLV_TYPES },
  tlvLen: { name: 'cdp.tlv.len', label: 'Length', type: FT.UINT, bits: 16 },
  deviceId: { name: 'cdp.deviceid', label: 'Device ID', type: FT.STRING },
  platform: { name: 'cdp.platform', label: 'Platform', type: FT.STRING },
  portId: { name: 'cdp.portid', label: 'Sent through Interface', type: FT.STRING },
  capabilities: { name: 'cdp.capabilities', label: 'Capabilities', type: FT.UINT, base: Base.HEX },
  capRouter: CAPABILITY('router', 'Router', 0x1),
  capTransBridge: CAPABILITY('trans_bridge', 'Transparent Bridge', 0x2),
  capSrcBridge: CAPABILITY('src_bridge', 'Source Route Bridge', 0x4),
  capSwitch: CAPABILITY('switch', 'Switch', 0x8),
  capHost: CAPABILITY('host', 'Host', 0x10),
  capIgmp: CAPABILITY('igmp_capable', 'IGMP capable', 0x20),
  capRepeater: CAPABILITY('repeater', 'Repeater', 0x40),
  capVoip: CAPABILITY('voip_phone', 'VoIP Phone', 0x80),
  capRemote: CAPABILITY('remote', 'Remotely Managed Device', 0x100),
  capCvta: CAPABILITY('cvta', 'CVTA/STP Dispute Resolution/Cisco VT Camera', 0x200),
  capMacRelay: CAPABILITY('mac_relay', 'Two Port Mac Relay', 0x400),
  softwareVersion: { name: 'cdp.software_version', label: 'Software version', type: FT.STRING },
  numberOfAddresses: { name: 'cdp.number_of_addresses', label: 'Number of addresses', type: FT.UINT },
  protocolType: { name: 'cdp.protocol_type', label: 'Protocol type', type: FT.UINT, base: Base.HEX, bits: 8, names: names([[1, 'NLPID'], [2, '802.2']]) },
  protocolLength: { name: 'cdp.protocol_length', label: 'Protocol length', type: FT.UINT, bits: 8 },
  protocol: { name: 'cdp.protocol', label: 'Protocol', type: FT.BYTES },
  addressLength: { name: 'cdp.address_length', label: 'Address length', type: FT.UINT, bits: 16 },
  ipAddress: { name: 'cdp.nrgyz.ip_address', label: 'IP Address', type: FT.IPV4 },
  address: { name: 'cdp.address', label: 'Address', type: FT.BYTES },
  odrGateway: { name: 'cdp.odr_default_gateway', label: 'ODR Default gateway', type: FT.IPV4 },
  ipPrefix: { name: 'cdp.ip_prefix', label: 'IP Prefix', type: FT.IPV4 },
  vtpDomain: { name: 'cdp.vtp_management_domain', label: 'VTP Management Domain', type: FT.STRING },
  nativeVlan: { name: 'cdp.native_vlan', label: 'Native VLAN', type: FT.UINT, bits: 16 },
  duplex: { name: 'cdp.duplex', label: 'Duplex', type: FT.BOOLEAN, bits: 8, tf: ['Full', 'Half'] },
  mtu: { name: 'cdp.mtu', label: 'MTU', type: FT.UINT },
  trustBitmap: { name: 'cdp.trust_bitmap', label: 'Trust Bitmap', type: FT.UINT, base: Base.HEX, bits: 8 },
  untrustedCos: { name: 'cdp.untrusted_port_cos', label: 'Untrusted port CoS', type: FT.UINT, base: Base.HEX, bits: 8 },
  systemName: { name: 'cdp.system_name', label: 'System Name', type: FT.STRING },
  data: { name: 'cdp.data', label: 'Data', type: FT.BYTES },
});

const CAPABILITIES = [F.capRouter, F.capTransBridge, F.capSrcBridge, F.capSwitch, F.capHost, F.capIgmp, F.capRepeater, F.capVoip,
  F.capRemote, F.capCvta, F.capMacRelay];

/** NLPID for IP (ISO/IEC TR 9577), the one address protocol CDP's address TLVs name by name. */
const NLPID_IP = 0xcc;

export function dissectCdp(c: Ctx, off: number, end: number): void {
  const f = c.f;
  c.colProtocol = 'CDP';
  // (col_clear: the Info column is the TLVs' text alone)
  if (f.wanted === null) c.setInfo('');
  c.proto(F.cdp, off, end);
  c.uint(F.version, off, 1, end);
  c.uint(F.ttl, off + 1, 1, end);
  // the one's complement sum over the whole message, as packet-cdp.c checks it
  checksum(c, F.checksum, F.checksumStatus, off, end, end <= c.b.length, 0, 2);
  let o = off + 4;
  while (o < end && !c.stop) {
    if (!c.has(o, 4, end)) return;
    const type = c.u16(o);
    const len = c.u16(o + 2);
    if (len < 4) {
      f.push(f.text(o, 4, `TLV with invalid length ${len} (< 4)`));
      head(c, o);
      f.pop();
      return;
    }
    tlv(c, type, o, Math.min(o + len, end), len, end);
    if (c.stop) return;
    o += len;
  }
  f.pop();
}


/** A TLV's subtree titled `title`, left open for its fields, with its Type and Length lines. */
function open(c: Ctx, o: number, len: number, title: string): void {
  c.f.push(c.f.text(o, len, title));
  head(c, o);
}

/** A TLV's Type and Length lines. */
function head(c: Ctx, o: number): void {
  c.f.add(F.tlvType, o, 2, c.u16(o));
  c.f.add(F.tlvLen, o + 2, 2, c.u16(o + 2));
}

function tlv(c: Ctx, type: number, o: number, tlvEnd: number, len: number, end: number): void {
  const f = c.f;
  const d = o + 4;
  const n = len - 4;
  switch (type) {
    case 0x1: {
      const id = latin1Text(c.b, d, d + n, true);
      // the Info column: "Device ID: R1  Port ID: Tunnel40  " (col_append_fstr, two spaces after each)
      c.addInfo(`Device ID: ${id}  `);
      open(c, o, len, `Device ID: ${id}`);
      if (c.has(d, n, end)) f.addStr(F.deviceId, d, n, id);
      break;
    }
    case 0x3: {
      const port = latin1Text(c.b, d, d + n, true);
      c.addInfo(`Port ID: ${port}  `);
      open(c, o, len, `Port ID: ${port}`);
      if (c.has(d, n, end)) f.addStr(F.portId, d, n, port);
      break;
    }
    case 0x2:
    case 0x16:
      open(c, o, len, type === 0x2 ? 'Addresses' : 'Management Addresses');
      addresses(c, d, tlvEnd, end);
      break;
    case 0x4: {
      open(c, o, len, 'Capabilities');
      const v = c.uint(F.capabilities, d, 4, end);
      if (v < 0) break;
      f.push(f.last);
      for (const id of CAPABILITIES) f.add(id, d, 4, v & fieldById(id).mask ? 1 : 0);
      f.pop();
      break;
    }
    case 0x5:
      open(c, o, len, 'Software Version');
      // one item per line (add_multi_line_string_to_tree)
      if (!c.has(d, n, end)) break;
      for (let p = d; p < tlvEnd; ) {
        let e = p;
        while (e < tlvEnd && c.b[e] !== 0x0a) e++;
        f.addStr(F.softwareVersion, p, e - p, latin1Text(c.b, p, e, true));
        p = e + 1;
      }
      break;
    case 0x6: {
      const platform = latin1Text(c.b, d, d + n, true);
      open(c, o, len, `Platform: ${platform}`);
      if (c.has(d, n, end)) f.addStr(F.platform, d, n, platform);
      break;
    }
    case 0x7:
      if (len === 8) {
        open(c, o, len, `ODR Default gateway: ${c.has(d, 4, end) ? ipv4Text(c.b, d) : ''}`);
        c.field(F.odrGateway, d, 4, end);
        break;
      }
      open(c, o, len, `IP Prefixes: ${Math.floor(len / 5)}`);
      for (let p = d; p + 5 <= tlvEnd && !c.stop; p += 5) {
        if (!c.field(F.ipPrefix, p, 5, end)) break;
        if (f.wanted === null) f.setText(f.last, `IP Prefix: ${ipv4Text(c.b, p)}/${c.u8(p + 4)}`);
      }
      break;
    case 0x9: {
      const domain = latin1Text(c.b, d, d + n, true);
      open(c, o, len, `VTP Management Domain: ${domain}`);
      if (c.has(d, n, end)) f.addStr(F.vtpDomain, d, n, domain);
      break;
    }
    case 0xa:
      open(c, o, len, `Native VLAN: ${c.has(d, 2, end) ? c.u16(d) : ''}`);
      c.uint(F.nativeVlan, d, 2, end);
      break;
    case 0xb:
      open(c, o, len, `Duplex: ${c.has(d, 1, end) && c.u8(d) ? 'Full' : 'Half'}`);
      if (c.has(d, 1, end)) f.add(F.duplex, d, 1, c.u8(d) ? 1 : 0);
      break;
    case 0x11:
      open(c, o, len, `MTU: ${c.has(d, 4, end) ? c.u32(d) : ''}`);
      c.uint(F.mtu, d, 4, end);
      break;
    case 0x12:
    case 0x13: {
      // "Trust Bitmap: 0x00", "Untrusted port CoS: 0x00" (packet-cdp.c's "0x%02X")
      const v = c.has(d, 1, end) ? c.u8(d).toString(16).toUpperCase().padStart(2, '0') : '';
      open(c, o, len, `${type === 0x12 ? 'Trust Bitmap' : 'Untrusted port CoS'}: 0x${v}`);
      c.uint(type === 0x12 ? F.trustBitmap : F.untrustedCos, d, 1, end);
      break;
    }
    case 0x14: {
      const name = latin1Text(c.b, d, d + n, true);
      open(c, o, len, `System Name: ${name}`);
      if (c.has(d, n, end)) f.addStr(F.systemName, d, n, name);
      break;
    }
    default:
      open(c, o, len, `Type: ${TLV_TYPES.get(type) ?? `Unknown (0x${type.toString(16).padStart(4, '0')})`}, length: ${len}`);
      if (n > 0) c.field(F.data, d, n, end);
  }
  f.pop();
}

/** The addresses of an Addresses or Management Addresses TLV (dissect_address_tlv for each). */
function addresses(c: Ctx, o: number, tlvEnd: number, end: number): void {
  const f = c.f;
  let count = c.uint(F.numberOfAddresses, o, 4, end);
  let p = o + 4;
  while (count-- > 0 && p + 2 <= tlvEnd && !c.stop) {
    if (!c.has(p, 2, end)) return;
    const plen = c.u8(p + 1);
    if (!c.has(p + 2 + plen, 2, end)) return;
    const alen = c.u16(p + 2 + plen);
    const at = p + 4 + plen;
    const ip = plen === 1 && c.u8(p + 2) === NLPID_IP && alen === 4 && c.has(at, 4, end);
    f.push(f.text(p, 4 + plen + alen, ip ? `IP address: ${ipv4Text(c.b, at)}` : 'Address'));
    c.uint(F.protocolType, p, 1, end);
    c.uint(F.protocolLength, p + 1, 1, end);
    if (c.field(F.protocol, p + 2, plen, end) && ip && f.wanted === null) f.setText(f.last, 'Protocol: IP');
    c.uint(F.addressLength, p + 2 + plen, 2, end);
    if (ip) c.field(F.ipAddress, at, 4, end);
    else c.field(F.address, at, alen, end);
    f.pop();
    p = at + alen;
  }
}

registerDissector('cdp', dissectCdp);
bind('llc.cisco_pid', 0x2000, 'cdp');
bind('gre.proto', 0x2000, 'cdp');
