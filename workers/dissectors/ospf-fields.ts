// The fields of OSPFv2 (Wireshark 4.0's packet-ospf.c), with its names and labels, for ospf.ts.

import { Base, FT, names, registerFields } from '../fields/registry.ts';

const flag = (name: string, label: string, mask: number, tf: readonly [string, string]) =>
  ({ name, label, type: FT.BOOLEAN, bits: 8, mask, tf }) as const;
const hidden = (name: string, label: string) => ({ name, label, type: FT.BOOLEAN, bits: 0 }) as const;
const SET = ['Set', 'Not set'] as const;
const SUPPORTED = ['Supported', 'Not supported'] as const;
const CAPABLE = ['Capable', 'Not capable'] as const;
const YES = ['Yes', 'No'] as const;
const ip = (name: string, label: string) => ({ name, label, type: FT.IPV4 }) as const;
const u8 = (name: string, label: string) => ({ name, label, type: FT.UINT, bits: 8 }) as const;
const u16 = (name: string, label: string) => ({ name, label, type: FT.UINT, bits: 16 }) as const;
const u32 = (name: string, label: string) => ({ name, label, type: FT.UINT, bits: 32 }) as const;

export const LS_TYPES = names([
  [1, 'Router-LSA'], [2, 'Network-LSA'], [3, 'Summary-LSA (IP network)'], [4, 'Summary-LSA (ASBR)'], [5, 'AS-External-LSA (ASBR)'],
  [6, 'Group Membership LSA'], [7, 'NSSA AS-External-LSA'], [8, 'External Attributes LSA'], [9, 'Opaque LSA, Link-local scope'],
  [10, 'Opaque LSA, Area-local scope'], [11, 'Opaque LSA, AS-local scope'],
]);

export const F = registerFields({
  ospf: { name: 'ospf', label: 'Open Shortest Path First', type: FT.PROTOCOL },
  header: { name: 'ospf.header', label: 'OSPF Header', type: FT.NONE },
  version: u8('ospf.version', 'Version'),
  msg: { name: 'ospf.msg', label: 'Message Type', type: FT.UINT, bits: 8, names: names([[1, 'Hello Packet'], [2, 'DB Description'], [3, 'LS Request'], [4, 'LS Update'], [5, 'LS Acknowledge']]) },
  msgHello: hidden('ospf.msg.hello', 'Hello'),
  msgDbDesc: hidden('ospf.msg.dbdesc', 'Database Description'),
  msgLsReq: hidden('ospf.msg.lsreq', 'Link State Adv Request'),
  msgLsUpdate: hidden('ospf.msg.lsupdate', 'Link State Adv Update'),
  msgLsAck: hidden('ospf.msg.lsack', 'Link State Adv Acknowledgement'),
  length: u16('ospf.packet_length', 'Packet Length'),
  srcRouter: ip('ospf.srcrouter', 'Source OSPF Router'),
  area: ip('ospf.area_id', 'Area ID'),
  checksum: { name: 'ospf.checksum', label: 'Checksum', type: FT.UINT, base: Base.HEX, bits: 16 },
  authType: { name: 'ospf.auth.type', label: 'Auth Type', type: FT.UINT, bits: 16, names: names([[0, 'Null'], [1, 'Simple password'], [2, 'Cryptographic']]) },
  authNone: { name: 'ospf.auth.none', label: 'Auth Data (none)', type: FT.BYTES },
  authSimple: { name: 'ospf.auth.simple', label: 'Auth Data (Simple)', type: FT.STRING },
  cryptKey: u8('ospf.auth.crypt.key_id', 'Auth Crypt Key id'),
  cryptLen: u8('ospf.auth.crypt.data_length', 'Auth Crypt Data Length'),
  cryptSeq: u32('ospf.auth.crypt.seq_nbr', 'Auth Crypt Sequence Number'),
  cryptData: { name: 'ospf.auth.crypt.data', label: 'Auth Crypt Data', type: FT.BYTES },
  authUnknown: { name: 'ospf.auth.unknown', label: 'Auth Unknown', type: FT.BYTES },
  // Hello
  hello: { name: 'ospf.hello', label: 'OSPF Hello Packet', type: FT.NONE },
  networkMask: ip('ospf.hello.network_mask', 'Network Mask'),
  helloInterval: u16('ospf.hello.hello_interval', 'Hello Interval [sec]'),
  priority: u8('ospf.hello.router_priority', 'Router Priority'),
  deadInterval: u32('ospf.hello.router_dead_interval', 'Router Dead Interval [sec]'),
  dr: ip('ospf.hello.designated_router', 'Designated Router'),
  bdr: ip('ospf.hello.backup_designated_router', 'Backup Designated Router'),
  neighbor: ip('ospf.hello.active_neighbor', 'Active Neighbor'),
  // options (the NSSA bit is "Propagate" in an NSSA LSA)
  options: { name: 'ospf.v2.options', label: 'Options', type: FT.UINT, base: Base.HEX, bits: 8 },
  optDn: flag('ospf.v2.options.dn', 'DN', 0x80, SET),
  optO: flag('ospf.v2.options.o', 'O', 0x40, SET),
  optDc: flag('ospf.v2.options.dc', '(DC) Demand Circuits', 0x20, SUPPORTED),
  optL: flag('ospf.v2.options.l', '(L) LLS Data block', 0x10, ['Present', 'Not Present']),
  optN: flag('ospf.v2.options.n', '(N) NSSA', 0x08, SUPPORTED),
  optP: flag('ospf.v2.options.p', '(P) Propagate', 0x08, SET),
  optMc: flag('ospf.v2.options.mc', '(MC) Multicast', 0x04, CAPABLE),
  optE: flag('ospf.v2.options.e', '(E) External Routing', 0x02, CAPABLE),
  optMt: flag('ospf.v2.options.mt', '(MT) Multi-Topology Routing', 0x01, YES),
  // DB Description
  mtu: u16('ospf.db.interface_mtu', 'Interface MTU'),
  dbd: { name: 'ospf.dbd', label: 'DB Description', type: FT.UINT, base: Base.HEX, bits: 8 },
  dbdR: flag('ospf.dbd.r', '(R) OOBResync', 0x08, SET),
  dbdI: flag('ospf.dbd.i', '(I) Init', 0x04, SET),
  dbdM: flag('ospf.dbd.m', '(M) More', 0x02, SET),
  dbdMs: flag('ospf.dbd.ms', '(MS) Master', 0x01, YES),
  ddSeq: u32('ospf.db.dd_sequence', 'DD Sequence'),
  // LS Request, LS Update
  lsType: { name: 'ospf.lsa', label: 'LS Type', type: FT.UINT, bits: 8, names: LS_TYPES },
  linkStateId: ip('ospf.link_state_id', 'Link State ID'),
  advRouter: ip('ospf.advrouter', 'Advertising Router'),
  lsaCount: u32('ospf.ls.number_of_lsas', 'Number of LSAs'),
  // LSA header
  age: { name: 'ospf.lsa.age', label: 'LS Age (seconds)', type: FT.UINT, bits: 16, mask: 0x7fff },
  doNotAge: { name: 'ospf.lsa.donotage', label: 'Do Not Age Flag', type: FT.UINT, bits: 16, mask: 0x8000 },
  lsaRouter: hidden('ospf.lsa.router', 'Router LSA'),
  lsaNetwork: hidden('ospf.lsa.network', 'Network LSA'),
  lsaSummary: hidden('ospf.lsa.summary', 'Summary LSA (IP Network)'),
  lsaAsbr: hidden('ospf.lsa.asbr', 'Summary LSA (ASBR)'),
  lsaAsext: hidden('ospf.lsa.asext', 'AS-External LSA (ASBR)'),
  lsaMember: hidden('ospf.lsa.member', 'Group Membership LSA'),
  lsaNssa: hidden('ospf.lsa.nssa', 'NSSA AS-External LSA'),
  lsaAttr: hidden('ospf.lsa.attr', 'External Attributes LSA'),
  lsaOpaque: hidden('ospf.lsa.opaque', 'Opaque LSA'),
  lsaId: ip('ospf.lsa.id', 'Link State ID'),
  seq: { name: 'ospf.lsa.seqnum', label: 'Sequence Number', type: FT.UINT, base: Base.HEX, bits: 32 },
  lsaChecksum: { name: 'ospf.lsa.chksum', label: 'Checksum', type: FT.UINT, base: Base.HEX, bits: 16 },
  lsaLength: u16('ospf.lsa.length', 'Length'),
  // Router-LSA
  routerFlags: { name: 'ospf.v2.router.lsa.flags', label: 'Flags', type: FT.UINT, base: Base.HEX, bits: 8 },
  flagH: flag('ospf.v2.router.lsa.flags.h', '(H) flag', 0x80, YES),
  flagN: flag('ospf.v2.router.lsa.flags.n', '(N) flag', 0x10, YES),
  flagW: flag('ospf.v2.router.lsa.flags.w', '(W) Wild-card multicast receiver', 0x08, YES),
  flagV: flag('ospf.v2.router.lsa.flags.v', '(V) Virtual link endpoint', 0x04, YES),
  flagE: flag('ospf.v2.router.lsa.flags.e', '(E) AS boundary router', 0x02, YES),
  flagB: flag('ospf.v2.router.lsa.flags.b', '(B) Area border router', 0x01, YES),
  linkCount: u16('ospf.lsa.number_of_links', 'Number of Links'),
  linkId: ip('ospf.lsa.router.linkid', 'Link ID'),
  linkData: ip('ospf.lsa.router.linkdata', 'Link Data'),
  linkType: u8('ospf.lsa.router.linktype', 'Link Type'),
  metricCount: u8('ospf.lsa.router.nummetrics', 'Number of Metrics'),
  metric0: u16('ospf.lsa.router.metric0', '0 Metric'),
  // Network-LSA, Summary-LSAs, AS-External and NSSA LSAs
  networkMaskLsa: ip('ospf.lsa.network.netmask', 'Netmask'),
  attachedRouter: ip('ospf.lsa.network.attchrtr', 'Attached Router'),
  summaryMask: ip('ospf.lsa.asbr.netmask', 'Netmask'),
  tos: u8('ospf.lsa.tos', 'TOS'),
  metric: u32('ospf.metric', 'Metric'),
  externalMask: ip('ospf.lsa.asext.netmask', 'Netmask'),
  externalType: flag('ospf.lsa.asext.type', 'External Type', 0x80, ['Type 2 (metric is larger than any other link state path)', 'Type 1 (metric is specified in the same units as interface cost)']),
  forwarding: ip('ospf.lsa.asext.fwdaddr', 'Forwarding Address'),
  routeTag: u32('ospf.lsa.asext.extrttag', 'External Route Tag'),
});

/** The hidden item of each LS type (Wireshark's ospf.lsa.router …), index: type. */
export const LSA_KIND = [-1, F.lsaRouter, F.lsaNetwork, F.lsaSummary, F.lsaAsbr, F.lsaAsext, F.lsaMember, F.lsaNssa, F.lsaAttr, F.lsaOpaque, F.lsaOpaque, F.lsaOpaque];
/** The hidden item of each message type, index: type. */
export const MSG_KIND = [-1, F.msgHello, F.msgDbDesc, F.msgLsReq, F.msgLsUpdate, F.msgLsAck];
