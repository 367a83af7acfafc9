// The fields of LLDP (Wireshark 4.0's packet-lldp.c), with its names and labels, for lldp.ts and
// the organisation-specific TLVs of IEEE 802.1 and 802.3 (lldp-org.ts).

import { Base, FT, names, registerFields } from '../fields/registry.ts';
import { Group, Severity, registerExperts } from './expert.ts';
import * as N from './lldp-names.ts';
import { ADDRESS_FAMILIES } from './afn-names.ts';

const CAPABILITY_BITS: readonly (readonly [string, string])[] = [
  ['other', 'Other'], ['repeater', 'Repeater'], ['bridge', 'Bridge'], ['wlan_access_pt', 'WLAN access point'],
  ['router', 'Router'], ['telephone', 'Telephone'], ['docsis_cable_device', 'DOCSIS cable device'], ['station_only', 'Station only'],
];
const flag = (name: string, label: string, bits: number, mask: number, tf: readonly [string, string]) =>
  ({ name, label, type: FT.BOOLEAN, bits, mask, tf }) as const;
const CAPABLE = ['Capable', 'Not capable'] as const;

/** The 16 abilities of IEEE 802.3's PMD auto-negotiation field, bit 0 first (the bit order
 *  packet-lldp.c reads them in; the standard numbers them the other way round). */
export const PMD_ABILITIES: readonly (readonly [string, string])[] = [
  ['1000base_tfd', '1000BASE-T (full duplex mode)'], ['1000base_t', '1000BASE-T (half duplex mode)'],
  ['1000base_xfd', '1000BASE-X (-LX, -SX, -CX full duplex mode)'], ['1000base_x', '1000BASE-X (-LX, -SX, -CX half duplex mode)'],
  ['fdx_bpause', 'Asymmetric and Symmetric PAUSE (for full-duplex links)'], ['fdx_spause', 'Symmetric PAUSE (for full-duplex links)'],
  ['fdx_apause', 'Asymmetric PAUSE (for full-duplex links)'], ['fdx_pause', 'PAUSE (for full-duplex links)'],
  ['100base_t2fd', '100BASE-T2 (full duplex mode)'], ['100base_t2', '100BASE-T2 (half duplex mode)'],
  ['100base_txfd', '100BASE-TX (full duplex mode)'], ['100base_tx', '100BASE-TX (half duplex mode)'], ['100base_t4', '100BASE-T4'],
  ['10base_tfd', '10BASE-T (full duplex mode)'], ['10base_t', '10BASE-T (half duplex mode)'], ['other', 'Other or unknown'],
];

function bitFields(prefix: string, list: readonly (readonly [string, string])[], bits: number, inverse = false): Record<string, ReturnType<typeof flag>> {
  const out: Record<string, ReturnType<typeof flag>> = {};
  list.forEach(([key, label], k) => {
    out[`${prefix}.${key}`] = flag(`${prefix}.${key}`, label, bits, inverse ? 1 << (bits - 1 - k) : 1 << k, CAPABLE);
  });
  return out;
}

/** epan/afn.c's address family numbers (the network and management address subtypes). */
const AFN = names(ADDRESS_FAMILIES);

export const F = registerFields({
  lldp: { name: 'lldp', label: 'Link Layer Discovery Protocol', type: FT.PROTOCOL },
  tlvType: { name: 'lldp.tlv.type', label: 'TLV Type', type: FT.UINT, bits: 16, mask: 0xfe00, names: names(N.TLV_TYPES), unknownName: true },
  tlvLen: { name: 'lldp.tlv.len', label: 'TLV Length', type: FT.UINT, bits: 16, mask: 0x01ff },
  chassisSubtype: { name: 'lldp.chassis.subtype', label: 'Chassis Id Subtype', type: FT.UINT, bits: 8, names: names(N.CHASSIS_SUBTYPES) },
  chassisId: { name: 'lldp.chassis.id', label: 'Chassis Id', type: FT.BYTES },
  chassisMac: { name: 'lldp.chassis.id.mac', label: 'Chassis Id', type: FT.ETHER },
  chassisIp4: { name: 'lldp.chassis.id.ip4', label: 'Chassis Id', type: FT.IPV4 },
  chassisIp6: { name: 'lldp.chassis.id.ip6', label: 'Chassis Id', type: FT.IPV6 },
  portSubtype: { name: 'lldp.port.subtype', label: 'Port Id Subtype', type: FT.UINT, bits: 8, names: names(N.PORT_SUBTYPES) },
  portId: { name: 'lldp.port.id', label: 'Port Id', type: FT.STRING },
  portMac: { name: 'lldp.port.id.mac', label: 'Port Id', type: FT.ETHER },
  portIp4: { name: 'lldp.port.id.ip4', label: 'Port Id', type: FT.IPV4 },
  portIp6: { name: 'lldp.port.id.ip6', label: 'Port Id', type: FT.IPV6 },
  addressFamily: { name: 'lldp.network_address.subtype', label: 'Network Address family', type: FT.UINT, bits: 8, names: AFN },
  ttl: { name: 'lldp.time_to_live', label: 'Seconds', type: FT.UINT, bits: 16 },
  portDesc: { name: 'lldp.port.desc', label: 'Port Description', type: FT.STRING },
  systemName: { name: 'lldp.tlv.system.name', label: 'System Name', type: FT.STRING },
  systemDesc: { name: 'lldp.tlv.system.desc', label: 'System Description', type: FT.STRING },
  systemCap: { name: 'lldp.tlv.system_cap', label: 'Capabilities', type: FT.UINT, base: Base.HEX, bits: 16 },
  ...bitFields('lldp.tlv.system_cap', CAPABILITY_BITS, 16),
  enabledCap: { name: 'lldp.tlv.enable_system_cap', label: 'Enabled Capabilities', type: FT.UINT, base: Base.HEX, bits: 16 },
  ...bitFields('lldp.tlv.enable_system_cap', CAPABILITY_BITS, 16),
  mgmtAddrLen: { name: 'lldp.mgn.address.len', label: 'Address String Length', type: FT.UINT, bits: 8 },
  mgmtAddrSubtype: { name: 'lldp.mgn.address.subtype', label: 'Address Subtype', type: FT.UINT, bits: 8, names: AFN },
  mgmtIp4: { name: 'lldp.mgn.addr.ip4', label: 'Management Address', type: FT.IPV4 },
  mgmtIp6: { name: 'lldp.mgn.addr.ip6', label: 'Management Address', type: FT.IPV6 },
  mgmtHex: { name: 'lldp.mgn.addr.hex', label: 'Management Address', type: FT.BYTES },
  ifSubtype: { name: 'lldp.mgn.interface.subtype', label: 'Interface Subtype', type: FT.UINT, bits: 8, names: names(N.INTERFACE_SUBTYPES) },
  ifNumber: { name: 'lldp.mgn.interface.number', label: 'Interface Number', type: FT.UINT, bits: 32 },
  oidLen: { name: 'lldp.mgn.obj.len', label: 'OID String Length', type: FT.UINT, bits: 8 },
  oid: { name: 'lldp.mgn.obj.id', label: 'Object Identifier', type: FT.BYTES },
  oui: { name: 'lldp.orgtlv.oui', label: 'Organization Unique Code', type: FT.UINT, base: Base.HEX, bits: 24 },
  unknownSubtype: { name: 'lldp.unknown_subtype', label: 'Unknown Subtype', type: FT.UINT, bits: 8 },
  unknownContent: { name: 'lldp.unknown_subtype.content', label: 'Unknown Subtype Content', type: FT.BYTES },
  // IEEE 802.1
  ieee1Subtype: { name: 'lldp.ieee.802_1.subtype', label: 'IEEE 802.1 Subtype', type: FT.UINT, base: Base.HEX, bits: 8, names: names(N.IEEE_802_1_SUBTYPES) },
  portVlan: { name: 'lldp.ieee.802_1.port_vlan.id', label: 'Port VLAN Identifier', type: FT.UINT, base: Base.DEC_HEX, bits: 16 },
  ppvidFlags: { name: 'lldp.ieee.802_1.port_and_vlan_id_flag', label: 'Flags', type: FT.UINT, base: Base.HEX, bits: 8 },
  ppvidSupported: flag('lldp.ieee.802_1.port_and_vlan_id_flag.supported', 'Port and Protocol VLAN', 8, 0x02, ['Supported', 'Not Supported']),
  ppvidEnabled: flag('lldp.ieee.802_1.port_and_vlan_id_flag.enabled', 'Port and Protocol VLAN', 8, 0x04, ['Enabled', 'Not Enabled']),
  ppvid: { name: 'lldp.ieee.802_1.port_proto_vlan.id', label: 'Port and Protocol VLAN Identifier', type: FT.UINT, base: Base.DEC_HEX, bits: 16 },
  vlanId: { name: 'lldp.ieee.802_1.vlan.id', label: 'VLAN Identifier', type: FT.UINT, base: Base.DEC_HEX, bits: 16 },
  vlanNameLen: { name: 'lldp.ieee.802_1.vlan.name_len', label: 'VLAN Name Length', type: FT.UINT, bits: 8 },
  vlanName: { name: 'lldp.ieee.802_1.vlan.name', label: 'VLAN Name', type: FT.STRING },
  protoIdLen: { name: 'lldp.ieee.802_1.proto.id_length', label: 'Protocol Identity Length', type: FT.UINT, bits: 8 },
  protoId: { name: 'lldp.ieee.802_1.proto.id', label: 'Protocol Identity', type: FT.BYTES },
  aggStatus1: { name: 'lldp.ieee.802_1.aggregation_status', label: 'Aggregation Status', type: FT.UINT, base: Base.HEX, bits: 8 },
  aggCap1: flag('lldp.ieee.802_1.aggregation_status.cap', 'Aggregation Capability', 8, 0x01, ['Yes', 'No']),
  aggEnabled1: flag('lldp.ieee.802_1.aggregation_status.enabled', 'Aggregation Status', 8, 0x02, ['Enabled', 'Not Enabled']),
  aggPortType: { name: 'lldp.ieee.802_1.aggregation_status.porttype', label: 'Aggregation Status', type: FT.UINT, bits: 8, mask: 0x0c, names: names(N.AGGREGATION_PORT_TYPES) },
  aggPort1: { name: 'lldp.ieee.802_1.aggregated_port_id', label: 'Aggregated Port Id', type: FT.UINT, bits: 32 },
  // IEEE 802.3
  ieee3Subtype: { name: 'lldp.ieee.802_3.subtype', label: 'IEEE 802.3 Subtype', type: FT.UINT, base: Base.HEX, bits: 8, names: names(N.IEEE_802_3_SUBTYPES) },
  autoNeg: { name: 'lldp.ieee.802_3.mac_phy_auto_neg_status', label: 'Auto-Negotiation Support/Status', type: FT.UINT, base: Base.HEX, bits: 8 },
  autoNegSupported: flag('lldp.ieee.802_3.mac_phy_auto_neg_status.supported', 'Auto-Negotiation', 8, 0x01, ['Supported', 'Not Supported']),
  autoNegEnabled: flag('lldp.ieee.802_3.mac_phy_auto_neg_status.enabled', 'Auto-Negotiation', 8, 0x02, ['Enabled', 'Not Enabled']),
  pmdCaps: { name: 'lldp.ieee.802_3.pmd_auto_neg_advertised_caps', label: 'PMD Auto-Negotiation Advertised Capability', type: FT.UINT, base: Base.HEX, bits: 16 },
  ...bitFields('lldp.ieee.802_3.pmd_auto_neg_advertised_caps', PMD_ABILITIES, 16),
  ...bitFields('lldp.ieee.802_3.pmd_auto_neg_advertised_caps_inv', PMD_ABILITIES, 16, true),
  mauType: { name: 'lldp.ieee.802_3.pmd_mau_type', label: 'Operational MAU Type', type: FT.UINT, base: Base.HEX, bits: 16, names: names(N.MAU_TYPES) },
  mdiPower: { name: 'lldp.ieee.802_3.mdi_power_support', label: 'MDI Power Support', type: FT.UINT, base: Base.HEX, bits: 8 },
  mdiPortClass: flag('lldp.ieee.802_3.mdi_power_support.port_class', 'Port Class', 8, 0x01, ['PSE', 'PD']),
  mdiSupported: flag('lldp.ieee.802_3.mdi_power_support.supported', 'PSE MDI Power', 8, 0x02, ['Supported', 'Not Supported']),
  mdiEnabled: flag('lldp.ieee.802_3.mdi_power_support.enabled', 'PSE MDI Power', 8, 0x04, ['Enabled', 'Not Enabled']),
  mdiPairs: flag('lldp.ieee.802_3.mdi_power_support.pse_pairs', 'PSE Pairs Control Ability', 8, 0x08, ['Yes', 'No']),
  psePair: { name: 'lldp.ieee.802_3.mdi_pse_pair', label: 'PSE Power Pair', type: FT.UINT, bits: 8 },
  powerClass: { name: 'lldp.ieee.802_3.mdi_power_class', label: 'Power Class', type: FT.UINT, bits: 8, names: names(N.POWER_CLASSES) },
  aggStatus3: { name: 'lldp.ieee.802_3.aggregation_status', label: 'Aggregation Status', type: FT.UINT, base: Base.HEX, bits: 8 },
  aggCap3: flag('lldp.ieee.802_3.aggregation_status.cap', 'Aggregation Capability', 8, 0x01, ['Yes', 'No']),
  aggEnabled3: flag('lldp.ieee.802_3.aggregation_status.enabled', 'Aggregation Status', 8, 0x02, ['Enabled', 'Not Enabled']),
  aggPort3: { name: 'lldp.ieee.802_3.aggregated_port_id', label: 'Aggregated Port Id', type: FT.UINT, bits: 32 },
  maxFrame: { name: 'lldp.ieee.802_3.max_frame_size', label: 'Maximum Frame Size', type: FT.UINT, bits: 16 },
});

export const X = registerExperts({
  deprecated: { name: 'lldp.tlv_deprecated', msg: 'TLV has been deprecated', severity: Severity.WARN, group: Group.PROTOCOL },
});

/** Field ids of the capability bits, of the enabled ones, of the PMD abilities and of the same
 *  read in the inverse bit order, each in bit order. */
export const CAP_IDS = CAPABILITY_BITS.map(([k]) => idOf(`lldp.tlv.system_cap.${k}`));
export const ENABLED_CAP_IDS = CAPABILITY_BITS.map(([k]) => idOf(`lldp.tlv.enable_system_cap.${k}`));
export const PMD_IDS = PMD_ABILITIES.map(([k]) => idOf(`lldp.ieee.802_3.pmd_auto_neg_advertised_caps.${k}`));
export const PMD_INV_IDS = PMD_ABILITIES.map(([k]) => idOf(`lldp.ieee.802_3.pmd_auto_neg_advertised_caps_inv.${k}`));

function idOf(name: string): number {
  return (F as Record<string, number>)[name] as number;
}
