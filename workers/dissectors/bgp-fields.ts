// The fields of BGP (Wireshark 4.0's packet-bgp.c), with its names and labels, for bgp.ts and the
// UPDATE message's path attributes (bgp-update.ts, bgp-communities.ts, bgp-evpn.ts).

import { Base, FT, names, registerFields } from '../fields/registry.ts';
import { Group, Severity, registerExperts } from './expert.ts';
import * as N from './bgp-names.ts';

const AFIS = names(N.AFIS);
const SAFIS = names(N.SAFIS);
const u8 = (name: string, label: string) => ({ name, label, type: FT.UINT, bits: 8 }) as const;
const u16 = (name: string, label: string) => ({ name, label, type: FT.UINT, bits: 16 }) as const;
const u32 = (name: string, label: string) => ({ name, label, type: FT.UINT, bits: 32 }) as const;
const afi = (name: string, label = 'AFI') => ({ name, label, type: FT.UINT, bits: 16, names: AFIS }) as const;
const safi = (name: string, label = 'SAFI') => ({ name, label, type: FT.UINT, bits: 8, names: SAFIS }) as const;
const none = (name: string, label: string) => ({ name, label, type: FT.NONE }) as const;
const ipv4 = (name: string, label: string) => ({ name, label, type: FT.IPV4 }) as const;
const subtype = (key: string, label: string, table: readonly (readonly [number, string])[]) =>
  ({ name: `bgp.ext_com.stype_${key}`, label, type: FT.UINT, base: Base.HEX, bits: 8, names: names(table) }) as const;
const attrFlag = (key: string, label: string, mask: number) =>
  ({ name: `bgp.update.path_attribute.flags.${key}`, label, type: FT.BOOLEAN, bits: 8, mask, tf: ['Set', 'Not set'] as const }) as const;
const minor = (key: string, label: string, table: readonly (readonly [number, string])[]) =>
  ({ name: `bgp.notify.${key}`, label, type: FT.UINT, bits: 8, names: names(table) }) as const;

export const F = registerFields({
  bgp: { name: 'bgp', label: 'Border Gateway Protocol', type: FT.PROTOCOL },
  marker: { name: 'bgp.marker', label: 'Marker', type: FT.BYTES },
  length: u16('bgp.length', 'Length'),
  type: { name: 'bgp.type', label: 'Type', type: FT.UINT, bits: 8, names: names(N.MESSAGE_TYPES) },
  // OPEN
  version: u8('bgp.open.version', 'Version'),
  myAs: u16('bgp.open.myas', 'My AS'),
  holdTime: u16('bgp.open.holdtime', 'Hold Time'),
  identifier: ipv4('bgp.open.identifier', 'BGP Identifier'),
  optLen: u8('bgp.open.opt.len', 'Optional Parameters Length'),
  opt: none('bgp.open.opt', 'Optional Parameters'),
  param: none('bgp.open.opt.param', 'Optional Parameter'),
  paramType: { name: 'bgp.open.opt.param.type', label: 'Parameter Type', type: FT.UINT, bits: 8, names: names(N.PARAMETER_TYPES), unknownName: true },
  paramLen: u8('bgp.open.opt.param.len', 'Parameter Length'),
  paramAuth: { name: 'bgp.open.opt.param.auth', label: 'Authentication Data', type: FT.BYTES },
  paramUnknown: { name: 'bgp.open.opt.param.unknown', label: 'Unknown', type: FT.BYTES },
  cap: none('bgp.cap', 'Capability'),
  capType: { name: 'bgp.cap.type', label: 'Type', type: FT.UINT, bits: 8, names: names(N.CAPABILITY_TYPES), unknownName: true },
  capLength: u8('bgp.cap.length', 'Length'),
  capUnknown: { name: 'bgp.cap.unknown', label: 'Unknown', type: FT.BYTES },
  capReserved: { name: 'bgp.cap.reserved', label: 'Reserved', type: FT.BYTES },
  mpAfi: afi('bgp.cap.mp.afi'),
  mpSafi: safi('bgp.cap.mp.safi'),
  as4: u32('bgp.cap.4as', 'AS Number'),
  apAfi: afi('bgp.cap.ap.afi'),
  apSafi: safi('bgp.cap.ap.safi'),
  apSendReceive: { name: 'bgp.cap.ap.sendreceive', label: 'Send/Receive', type: FT.UINT, bits: 8, names: names(N.ADD_PATH_DIRECTIONS) },
  grTimers: { name: 'bgp.cap.gr.timers', label: 'Restart Timers', type: FT.UINT, base: Base.HEX, bits: 16 },
  grRestart: { name: 'bgp.cap.gr.timers.restart_flag', label: 'Restart state', type: FT.BOOLEAN, bits: 16, mask: 0x8000, tf: ['Yes', 'No'] },
  grNotification: { name: 'bgp.cap.gr.timers.notification_flag', label: 'Graceful notification', type: FT.BOOLEAN, bits: 16, mask: 0x4000, tf: ['Yes', 'No'] },
  grTime: { name: 'bgp.cap.gr.timers.restart_time', label: 'Time', type: FT.UINT, bits: 16, mask: 0xfff },
  grAfi: afi('bgp.cap.gr.afi'),
  grSafi: safi('bgp.cap.gr.safi'),
  grFlag: { name: 'bgp.cap.gr.flag', label: 'Flag', type: FT.UINT, base: Base.HEX, bits: 8 },
  grPfs: { name: 'bgp.cap.gr.flag.pfs', label: 'Preserve forwarding state', type: FT.BOOLEAN, bits: 8, mask: 0x80, tf: ['Yes', 'No'] },
  hostnameLen: u8('bgp.cap.orf.fqdn.hostname.len', 'Hostname Length'),
  hostname: { name: 'bgp.cap.orf.fqdn.hostname', label: 'Hostname', type: FT.STRING },
  domainLen: u8('bgp.cap.orf.fqdn.domain_name.len', 'Domain Name Length'),
  domain: { name: 'bgp.cap.orf.fqdn.domain_name', label: 'Domain Name', type: FT.STRING },
  // NOTIFICATION
  majorError: { name: 'bgp.notify.major_error', label: 'Major error Code', type: FT.UINT, bits: 8, names: names(N.MAJOR_ERRORS) },
  minorHeader: minor('minor_error', 'Minor error Code (Message Header)', N.MINOR_HEADER_ERRORS),
  minorOpen: minor('minor_error_open', 'Minor error Code (Open Message)', N.MINOR_OPEN_ERRORS),
  minorUpdate: minor('minor_error_update', 'Minor error Code (Update Message)', N.MINOR_UPDATE_ERRORS),
  minorExpired: minor('minor_error_expired', 'Minor error Code (Hold Timer Expired)', []),
  minorState: minor('minor_error_state', 'Minor error Code (State Machine)', N.MINOR_STATE_ERRORS),
  minorCease: minor('minor_error_cease', 'Minor error Code (Cease)', N.MINOR_CEASE_ERRORS),
  minorCapability: minor('minor_error_capability', 'Minor error Code (Capability Message)', N.MINOR_CAPABILITY_ERRORS),
  minorUnknown: minor('minor_error_unknown', 'Minor error Code (Unknown)', []),
  minorData: { name: 'bgp.notify.minor_data', label: 'Data', type: FT.BYTES },
  badPeerAs: u32('bgp.notify.error_open.bad_peer_as', 'Bad Peer AS'),
  communicationLength: u8('bgp.notify.communication_length', 'BGP Shutdown Communication Length'),
  communication: { name: 'bgp.notify.communication', label: 'Shutdown Communication', type: FT.STRING },
  // ROUTE-REFRESH
  refreshAfi: afi('bgp.route_refresh.afi', 'Address family identifier (AFI)'),
  refreshSubtype: { name: 'bgp.route_refresh.subtype', label: 'Subtype', type: FT.UINT, bits: 8, names: names(N.ROUTE_REFRESH_SUBTYPES) },
  refreshSafi: safi('bgp.route_refresh.safi', 'Subsequent address family identifier (SAFI)'),
  // UPDATE
  withdrawnLength: u16('bgp.update.withdrawn_routes.length', 'Withdrawn Routes Length'),
  withdrawnRoutes: none('bgp.update.withdrawn_routes', 'Withdrawn Routes'),
  attrsLength: u16('bgp.update.path_attributes.length', 'Total Path Attribute Length'),
  attrs: none('bgp.update.path_attributes', 'Path attributes'),
  attr: none('bgp.update.path_attribute', 'Path Attribute'),
  attrFlags: { name: 'bgp.update.path_attribute.flags', label: 'Flags', type: FT.UINT, base: Base.HEX, bits: 8 },
  flagOptional: attrFlag('optional', 'Optional', 0x80),
  flagTransitive: attrFlag('transitive', 'Transitive', 0x40),
  flagPartial: attrFlag('partial', 'Partial', 0x20),
  flagExtended: attrFlag('extended_length', 'Extended-Length', 0x10),
  flagUnused: { name: 'bgp.update.path_attribute.flags.unused', label: 'Unused', type: FT.UINT, base: Base.HEX, bits: 8, mask: 0x0f },
  typeCode: { name: 'bgp.update.path_attribute.type_code', label: 'Type Code', type: FT.UINT, bits: 8, names: names(N.ATTRIBUTE_TYPES), unknownName: true },
  attrLength: u16('bgp.update.path_attribute.length', 'Length'),
  origin: { name: 'bgp.update.path_attribute.origin', label: 'Origin', type: FT.UINT, bits: 8, names: names(N.ORIGINS) },
  segment: none('bgp.update.path_attribute.as_path_segment', 'AS Path segment'),
  segmentType: { name: 'bgp.update.path_attribute.as_path_segment.type', label: 'Segment type', type: FT.UINT, bits: 8, names: names(N.SEGMENT_TYPES) },
  segmentLength: u8('bgp.update.path_attribute.as_path_segment.length', 'Segment length (number of ASN)'),
  as2: u16('bgp.update.path_attribute.as_path_segment.as2', 'AS2'),
  as4Segment: u32('bgp.update.path_attribute.as_path_segment.as4', 'AS4'),
  nextHop: ipv4('bgp.update.path_attribute.next_hop', 'Next hop'),
  med: u32('bgp.update.path_attribute.multi_exit_disc', 'Multiple exit discriminator'),
  localPref: u32('bgp.update.path_attribute.local_pref', 'Local preference'),
  aggregatorAs: u32('bgp.update.path_attribute.aggregator_as', 'Aggregator AS'),
  aggregatorOrigin: ipv4('bgp.update.path_attribute.aggregator_origin', 'Aggregator origin'),
  communities: none('bgp.update.path_attribute.communities', 'Communities'),
  community: none('bgp.update.path_attribute.community', 'Community'),
  communityAs: u16('bgp.update.path_attribute.community_as', 'Community AS'),
  communityValue: u16('bgp.update.path_attribute.community_value', 'Community value'),
  communityWellKnown: { name: 'bgp.update.path_attribute.community_wellknown', label: 'Community Well-known', type: FT.UINT, base: Base.HEX, bits: 32, names: names(N.WELL_KNOWN_COMMUNITIES) },
  originatorId: ipv4('bgp.update.path_attribute.originator_id', 'Originator identifier'),
  clusterList: none('bgp.path_attribute.cluster_list', 'Cluster List'),
  clusterId: ipv4('bgp.path_attribute.cluster_id', 'Cluster ID'),
  largeCommunities: { name: 'bgp.large_communities', label: 'Large communities', type: FT.STRING },
  largeGa: u32('bgp.large_communities.ga', 'Global Administrator'),
  largeLdp1: u32('bgp.large_communities.ldp1', 'Local Data Part 1'),
  largeLdp2: u32('bgp.large_communities.ldp2', 'Local Data Part 2'),
  unknownAttrs: none('bgp.update.path_attributes.unknown', 'Unknown Path attributes'),
  nlri: none('bgp.update.nlri', 'Network Layer Reachability Information (NLRI)'),
  prefixLength: u8('bgp.prefix_length', 'Prefix Length'),
  withdrawnPrefix: ipv4('bgp.withdrawn_prefix', 'Withdrawn prefix'),
  nlriPrefix: ipv4('bgp.nlri_prefix', 'NLRI prefix'),
  mpReach4Prefix: ipv4('bgp.mp_reach_nlri_ipv4_prefix', 'MP Reach NLRI IPv4 prefix'),
  mpUnreach4Prefix: ipv4('bgp.mp_unreach_nlri_ipv4_prefix', 'MP Unreach NLRI IPv4 prefix'),
  mpReach6Prefix: { name: 'bgp.mp_reach_nlri_ipv6_prefix', label: 'MP Reach NLRI IPv6 prefix', type: FT.IPV6 },
  mpUnreach6Prefix: { name: 'bgp.mp_unreach_nlri_ipv6_prefix', label: 'MP Unreach NLRI IPv6 prefix', type: FT.IPV6 },
  // MP_REACH_NLRI, MP_UNREACH_NLRI
  mpReachAfi: afi('bgp.update.path_attribute.mp_reach_nlri.afi', 'Address family identifier (AFI)'),
  mpReachSafi: safi('bgp.update.path_attribute.mp_reach_nlri.safi', 'Subsequent address family identifier (SAFI)'),
  mpNextHop: { name: 'bgp.update.path_attribute.mp_reach_nlri.next_hop', label: 'Next hop', type: FT.BYTES },
  nhIpv4: ipv4('bgp.update.path_attribute.mp_reach_nlri.next_hop.ipv4', 'IPv4 Address'),
  nhIpv6: { name: 'bgp.update.path_attribute.mp_reach_nlri.next_hop.ipv6', label: 'IPv6 Address', type: FT.IPV6 },
  nhLinkLocal: { name: 'bgp.update.path_attribute.mp_reach_nlri.next_hop.ipv6.link_local', label: 'Link-local Address', type: FT.IPV6 },
  snpaCount: u8('bgp.update.path_attribute.mp_reach_nlri.nbr_snpa', 'Number of Subnetwork points of attachment (SNPA)'),
  mpReachNlri: none('bgp.update.path_attribute.mp_reach_nlri', 'Network Layer Reachability Information (NLRI)'),
  mpUnreachAfi: afi('bgp.update.path_attribute.mp_unreach_nlri.afi', 'Address family identifier (AFI)'),
  mpUnreachSafi: safi('bgp.update.path_attribute.mp_unreach_nlri.safi', 'Subsequent address family identifier (SAFI)'),
  mpUnreachNlri: none('bgp.update.path_attribute.mp_unreach_nlri', 'Withdrawn Routes'),
  // PMSI_TUNNEL_ATTRIBUTE
  pmsiFlags: u8('bgp.update.path_attribute.pmsi.tunnel.flags', 'Flags'),
  pmsiType: { name: 'bgp.update.path_attribute.pmsi.tunnel.type', label: 'Tunnel Type', type: FT.UINT, bits: 8, names: names(N.PMSI_TUNNEL_TYPES) },
  pmsiTunnelId: none('bgp.update.path_attribute.pmsi.tunnel.id', 'Tunnel ID'),
  ingressRepIp: ipv4('bgp.update.path_attribute.pmsi.ingress_rep_ip', 'Tunnel type ingress replication IP end point'),
  // EXTENDED_COMMUNITIES
  extCommunities: none('bgp.ext_communities', 'Carried extended communities'),
  extCommunity: none('bgp.ext_community', 'Community'),
  extType: { name: 'bgp.ext_com.type', label: 'Type', type: FT.UINT, base: Base.HEX, bits: 8, names: names(N.EXT_COMMUNITY_TYPES), unknownName: true },
  extAuth: { name: 'bgp.ext_com.type.auth', label: 'IANA Authority', type: FT.BOOLEAN, bits: 8, mask: 0x80, tf: ['Allocated on Standard Action, Early Allocation or Experimental Basis', 'Allocated on First Come First Serve Basis'] },
  extTran: { name: 'bgp.ext_com.type.tran', label: 'Transitive across ASes', type: FT.BOOLEAN, bits: 8, mask: 0x40, tf: ['Non-transitive', 'Transitive'] },
  subtypeAs2: subtype('tr_as2', 'Subtype (AS2)', N.EXT_SUBTYPES_AS2),
  subtypeAs4: subtype('tr_as4', 'Subtype (AS4)', N.EXT_SUBTYPES_AS4),
  subtypeNtAs2: subtype('ntr_as2', 'Subtype (Non-transitive AS2)', N.EXT_SUBTYPES_NON_TRANSITIVE_AS2),
  subtypeUnknown: subtype('unknown', 'Subtype', []),
  subtypeIp4: subtype('tr_IP4', 'Subtype (IPv4)', N.EXT_SUBTYPES_IP4),
  subtypeOpaque: subtype('tr_opaque', 'Subtype (Opaque)', N.EXT_SUBTYPES_OPAQUE),
  subtypeEvpn: subtype('tr_evpn', 'Subtype (EVPN)', N.EXT_SUBTYPES_EVPN),
  valueAs2: u16('bgp.ext_com.value_as2', '2-Octet AS'),
  valueAs4: u32('bgp.ext_com.value_as4', '4-Octet AS'),
  valueIp4: ipv4('bgp.ext_com.value_IP4', 'IPv4 address'),
  valueAn2: u16('bgp.ext_com.value_an2', '2-Octet AN'),
  valueAn4: u32('bgp.ext_com.value_an4', '4-Octet AN'),
  tunnelType: { name: 'bgp.ext_com.tunnel_type', label: 'Tunnel type', type: FT.UINT, bits: 16, names: names(N.TUNNEL_TYPES) },
  routerMac: { name: 'bgp.ext_com_evpn.esi.router_mac', label: "Router's MAC", type: FT.ETHER },
  valueRaw: { name: 'bgp.ext_com.value_raw', label: 'Raw Value', type: FT.UINT, base: Base.HEX, bits: 48 },
  linkBandwidth: { name: 'bgp.ext_com.value_link_bw', label: 'Link bandwidth', type: FT.DOUBLE },
  macMobilityFlags: { name: 'bgp.ext_com_evpn.mmac.flags', label: 'Flags', type: FT.UINT, base: Base.HEX, bits: 8 },
  macMobilitySticky: { name: 'bgp.ext_com_evpn.mmac.flags.sticky', label: 'Sticky/Static MAC', type: FT.BOOLEAN, bits: 8, mask: 0x01, tf: ['Yes', 'No'] },
  macMobilitySeq: u32('bgp.ext_com_evpn.mmac.seq', 'Sequence number'),
  esImport: { name: 'bgp.ext_com_evpn.esi.rt', label: 'ES-Import Route Target', type: FT.ETHER },
  // EVPN NLRI
  evpnNlri: none('bgp.evpn.nlri', 'EVPN NLRI'),
  evpnType: { name: 'bgp.evpn.nlri.rt', label: 'Route Type', type: FT.UINT, bits: 8, names: names(N.EVPN_ROUTE_TYPES) },
  evpnLen: u8('bgp.evpn.nlri.len', 'Length'),
  rd: { name: 'bgp.evpn.nlri.rd', label: 'Route Distinguisher', type: FT.BYTES },
  esi: { name: 'bgp.evpn.nlri.esi', label: 'ESI', type: FT.BYTES },
  esiType: { name: 'bgp.evpn.nlri.esi.type', label: 'ESI Type', type: FT.UINT, bits: 8, names: names(N.ESI_TYPES) },
  esiValue: { name: 'bgp.evpn.nlri.esi.value', label: 'ESI Value', type: FT.BYTES },
  esiType0: { name: 'bgp.evpn.nlri.esi.type0', label: 'ESI 9 bytes value', type: FT.BYTES },
  etag: u32('bgp.evpn.nlri.etag', 'Ethernet Tag ID'),
  vni: { name: 'bgp.evpn.nlri.vni', label: 'VNI', type: FT.UINT, bits: 24 },
  macLen: u8('bgp.evpn.nlri.maclen', 'MAC Address Length'),
  mac: { name: 'bgp.evpn.nlri.mac_addr', label: 'MAC Address', type: FT.ETHER },
  ipLen: u8('bgp.evpn.nlri.iplen', 'IP Address Length'),
  evpnIp: ipv4('bgp.evpn.nlri.ip.addr', 'IPv4 address'),
  evpnPrefixLen: u8('bgp.evpn.nlri.prefix_len', 'IP prefix length'),
  gatewayIp: ipv4('bgp.evpn.nlri.ipv4.gtw_addr', 'IPv4 Gateway address'),
  evpnIp6: { name: 'bgp.evpn.nlri.ipv6.addr', label: 'IPv6 address', type: FT.IPV6 },
  gatewayIp6: { name: 'bgp.evpn.nlri.ipv6.gtw_addr', label: 'IPv6 Gateway address', type: FT.IPV6 },
});

export const X = registerExperts({
  grHelperOnly: { name: 'bgp.cap.gr.helper_mode_only', msg: 'Graceful Restart Capability supported in Helper mode only', severity: Severity.CHAT, group: Group.REQUEST },
});

/** ", Name" for each flag that is set (proto_tree_add_bitmask's appended names). */
export function setFlags(flags: readonly (readonly [number, string])[]): string {
  let s = '';
  for (const [set, name] of flags) if (set) s += `, ${name}`;
  return s;
}
