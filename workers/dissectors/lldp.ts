// LLDP (IEEE 802.1AB, Wireshark 4.0's packet-lldp.c), ethertype 0x88cc: what the switch at the
// other end of a hypervisor's uplink says about itself (chassis, port, system name, management
// address, native VLAN, link aggregation, MTU), and what the hypervisor says back. A PDU is a run
// of TLVs, each a "Chassis Subtype = MAC address, Id: 00:1c:73:aa:bb:cc" line over its type,
// length and value; the Info column reads "MA/00:1c:73:aa:bb:cc IN/Ethernet1/1 120
// SysN=leaf1 SysD=…". The organisation-specific TLVs are lldp-org.ts's.

import { etherText, ipv4Text, ipv6Text, bytesHex } from '../fields/format.ts';
import { fieldById } from '../fields/registry.ts';
import { asciiText } from './ascii.ts';
import type { Ctx } from './context.ts';
import { CAP_IDS, ENABLED_CAP_IDS, F } from './lldp-fields.ts';
import { flagWord } from './flag-names.ts';
import { orgSpecific } from './lldp-org.ts';
import { bind, registerDissector } from './tables.ts';

const enum Tlv {
  END = 0,
  CHASSIS_ID = 1,
  PORT_ID = 2,
  TTL = 3,
  PORT_DESCRIPTION = 4,
  SYSTEM_NAME = 5,
  SYSTEM_DESCRIPTION = 6,
  CAPABILITIES = 7,
  MANAGEMENT_ADDRESS = 8,
  ORG_SPECIFIC = 127,
}

/** Info's abbreviations of the chassis and port ID subtypes (index: subtype). */
const CHASSIS_ABBREV = ['', 'CC', 'IA', 'PC', 'MA', 'NA', 'IN', 'LA'];
const PORT_ABBREV = ['', 'IA', 'PC', 'MA', 'NA', 'IN', 'AC', 'LA'];
const OID_ROOTS = ['itu-t', 'iso', 'joint-iso-itu-t'];

export function dissectLldp(c: Ctx, off: number, end: number): void {
  const f = c.f;
  c.colProtocol = 'LLDP';
  if (f.wanted === null) c.setInfo('');
  c.proto(F.lldp, off, end);
  let o = off;
  while (o < end && !c.stop) {
    if (!c.has(o, 2, end)) break;
    const word = c.u16(o);
    const type = word >> 9;
    const len = word & 0x1ff;
    // (the TLV's own tvb: a length past the PDU is Wireshark's ContainedBoundsError)
    if (o + 2 + len > end) {
      c.failContained();
      break;
    }
    tlv(c, type, o, len);
    if (type === Tlv.END) break;
    o += 2 + len;
  }
  f.pop();
}

/** One TLV: its line (titled as packet-lldp.c titles it), type and length, then its value. */
function tlv(c: Ctx, type: number, o: number, len: number): void {
  const f = c.f;
  const item = f.text(o, Math.min(2 + len, c.b.length - o), '');
  f.push(item);
  f.add(F.tlvType, o, 2, type);
  f.add(F.tlvLen, o, 2, len);
  const v = o + 2;
  const end = v + len;
  let title: string;
  switch (type) {
    case Tlv.END:
      title = 'End of LLDPDU';
      break;
    case Tlv.CHASSIS_ID:
    case Tlv.PORT_ID:
      title = idTlv(c, type, v, end);
      break;
    case Tlv.TTL: {
      const ttl = c.uint(F.ttl, v, 2, end);
      title = `Time To Live = ${ttl} sec`;
      c.addInfo(`${ttl} `);
      break;
    }
    case Tlv.PORT_DESCRIPTION:
    case Tlv.SYSTEM_NAME:
    case Tlv.SYSTEM_DESCRIPTION: {
      const id = type === Tlv.PORT_DESCRIPTION ? F.portDesc : type === Tlv.SYSTEM_NAME ? F.systemName : F.systemDesc;
      const s = c.has(v, len, end) ? asciiText(c.b, v, end) : '';
      f.addStr(id, v, len, s);
      title = `${fieldById(id).label} = ${s}`;
      if (type === Tlv.SYSTEM_NAME) c.addInfo(`SysN=${s} `);
      else if (type === Tlv.SYSTEM_DESCRIPTION) c.addInfo(`SysD=${s} `);
      break;
    }
    case Tlv.CAPABILITIES:
      title = 'Capabilities';
      flagWord(c, F.systemCap, CAP_IDS, v, end, 2, false);
      flagWord(c, F.enabledCap, ENABLED_CAP_IDS, v + 2, end, 2, false);
      break;
    case Tlv.MANAGEMENT_ADDRESS:
      title = 'Management Address';
      managementAddress(c, v, end);
      break;
    case Tlv.ORG_SPECIFIC:
      title = orgSpecific(c, v, end);
      break;
    default:
      title = 'Unknown TLV';
  }
  f.pop();
  if (f.wanted === null) f.label(item, title);
}

/** Chassis ID or Port ID: its subtype and the ID, as its title and Info show it. */
function idTlv(c: Ctx, type: number, v: number, end: number): string {
  const f = c.f;
  const chassis = type === Tlv.CHASSIS_ID;
  const subtype = c.uint(chassis ? F.chassisSubtype : F.portSubtype, v, 1, end);
  if (subtype < 0) return chassis ? 'Chassis Subtype' : 'Port Subtype';
  const o = v + 1;
  const n = end - o;
  const mac = chassis ? 4 : 3;
  const net = chassis ? 5 : 4;
  let text: string;
  if (subtype === mac && c.has(o, 6, end)) {
    f.add(chassis ? F.chassisMac : F.portMac, o, 6, 0);
    text = etherText(c.b, o);
  } else if (subtype === net && c.has(o, 1, end)) {
    const family = c.uint(F.addressFamily, o, 1, end);
    if (family === 1 && c.has(o + 1, 4, end)) {
      f.add(chassis ? F.chassisIp4 : F.portIp4, o + 1, 4, 0);
      text = ipv4Text(c.b, o + 1);
    } else if (family === 2 && c.has(o + 1, 16, end)) {
      f.add(chassis ? F.chassisIp6 : F.portIp6, o + 1, 16, 0);
      text = ipv6Text(c.b, o + 1);
    } else {
      c.field(F.chassisId, o + 1, n - 1, end);
      text = bytesHex(c.b, o + 1, Math.max(0, n - 1));
    }
  } else {
    if (!c.has(o, n, end)) return '';
    // packet-lldp.c shows a chassis ID's bytes, a port ID as text; the titles show both as text
    // but a component's ID (chassis or port) as hex
    const s = asciiText(c.b, o, end);
    if (chassis) c.field(F.chassisId, o, n, end);
    else f.addStr(F.portId, o, n, s);
    text = subtype === (chassis ? 3 : 2) ? bytesHex(c.b, o, n) : s;
  }
  const name = fieldById(chassis ? F.chassisSubtype : F.portSubtype).names?.get(subtype) ?? 'Reserved';
  c.addInfo(`${(chassis ? CHASSIS_ABBREV : PORT_ABBREV)[subtype] ?? 'Rs'}/${text} `);
  return `${chassis ? 'Chassis' : 'Port'} Subtype = ${name}, Id: ${text}`;
}

function managementAddress(c: Ctx, v: number, end: number): void {
  const f = c.f;
  const alen = c.uint(F.mgmtAddrLen, v, 1, end);
  if (alen < 0) return;
  const family = c.uint(F.mgmtAddrSubtype, v + 1, 1, end);
  const a = v + 2;
  const n = alen - 1;
  if (family === 1 && n === 4) c.field(F.mgmtIp4, a, 4, end);
  else if (family === 2 && n === 16) c.field(F.mgmtIp6, a, 16, end);
  else if (n > 0) c.field(F.mgmtHex, a, n, end);
  let o = a + Math.max(n, 0);
  c.uint(F.ifSubtype, o, 1, end);
  c.uint(F.ifNumber, o + 1, 4, end);
  const oidLen = c.uint(F.oidLen, o + 5, 1, end);
  o += 6;
  if (oidLen > 0 && c.has(o, oidLen, end)) {
    const i = f.add(F.oid, o, oidLen, 0);
    if (f.wanted === null) f.setText(i, `Object Identifier: ${oidText(c.b, o, oidLen)}`);
  }
}

/** An object identifier's BER bytes as tshark shows one without MIBs: "1.3.6.1.4.1.311.1
 *  (iso.3.6.1.4.1.311.1)". */
function oidText(b: Uint8Array, o: number, n: number): string {
  const arcs: number[] = [];
  let v = 0;
  for (let k = 0; k < n; k++) {
    const x = b[o + k] as number;
    v = v * 128 + (x & 0x7f);
    if (x & 0x80) continue;
    if (arcs.length === 0) arcs.push(Math.min(Math.floor(v / 40), 2), v - 40 * Math.min(Math.floor(v / 40), 2));
    else arcs.push(v);
    v = 0;
  }
  const dotted = arcs.join('.');
  return `${dotted} (${OID_ROOTS[arcs[0] ?? 0] ?? arcs[0]}${arcs.length > 1 ? `.${arcs.slice(1).join('.')}` : ''})`;
}

registerDissector('lldp', dissectLldp);
bind('ethertype', 0x88cc, 'lldp');
