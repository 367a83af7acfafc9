// The fields of SNMP (Wireshark 4.0's packet-snmp.c, RFC 1157 / 3416 / 3412 / 3414), with its names
// and labels, for snmp.ts.

import { Base, FT, names, registerFields } from '../fields/registry.ts';
import { Group, Severity, registerExperts } from './expert.ts';
import * as N from './snmp-names.ts';

const int = (name: string, label: string, table?: readonly (readonly [number, string])[]) =>
  ({ name, label, type: FT.INT, ...(table ? { names: names(table) } : {}) }) as const;
const uint = (name: string, label: string) => ({ name, label, type: FT.UINT }) as const;
/** FT_UINT64 / FT_INT64: values past 2^53 are kept rounded (the line shows them exactly). */
const u64 = (name: string, label: string) => ({ name, label, type: FT.UINT, bits: 64 }) as const;
const i64 = (name: string, label: string) => ({ name, label, type: FT.INT, bits: 64 }) as const;
const none = (name: string, label: string) => ({ name, label, type: FT.NONE }) as const;
const bytes = (name: string, label: string) => ({ name, label, type: FT.BYTES }) as const;
/** An OID: its dotted text as the value (Wireshark's FT_OID), its name after it in the line. */
const oid = (name: string, label: string) => ({ name, label, type: FT.STRING }) as const;
const flag = (name: string, label: string, mask: number) => ({ name, label, type: FT.BOOLEAN, bits: 8, mask, tf: ['Set', 'Not set'] as const }) as const;

export const F = registerFields({
  snmp: { name: 'snmp', label: 'Simple Network Management Protocol', type: FT.PROTOCOL },
  responseIn: { name: 'snmp.response_in', label: 'Response In', type: FT.FRAMENUM },
  responseTo: { name: 'snmp.response_to', label: 'Response To', type: FT.FRAMENUM },
  time: { name: 'snmp.time', label: 'Time', type: FT.RELATIVE_TIME },
  version: int('snmp.version', 'version', N.VERSIONS),
  community: { name: 'snmp.community', label: 'community', type: FT.STRING },
  data: { name: 'snmp.data', label: 'data', type: FT.UINT, names: names(N.PDU_TYPES) },
  getRequest: none('snmp.get_request_element', 'get-request'),
  getNextRequest: none('snmp.get_next_request_element', 'get-next-request'),
  getResponse: none('snmp.get_response_element', 'get-response'),
  setRequest: none('snmp.set_request_element', 'set-request'),
  trap: none('snmp.trap_element', 'trap'),
  getBulkRequest: none('snmp.getBulkRequest_element', 'getBulkRequest'),
  informRequest: none('snmp.informRequest_element', 'informRequest'),
  v2Trap: none('snmp.snmpV2_trap_element', 'snmpV2-trap'),
  report: none('snmp.report_element', 'report'),
  requestId: int('snmp.request_id', 'request-id'),
  errorStatus: int('snmp.error_status', 'error-status', N.ERROR_STATUSES),
  errorIndex: int('snmp.error_index', 'error-index'),
  variableBindings: uint('snmp.variable_bindings', 'variable-bindings'),
  nonRepeaters: uint('snmp.non_repeaters', 'non-repeaters'),
  maxRepetitions: uint('snmp.max_repetitions', 'max-repetitions'),
  enterprise: oid('snmp.enterprise', 'enterprise'),
  agentAddr: { name: 'snmp.agent_addr', label: 'agent-addr', type: FT.IPV4 },
  genericTrap: int('snmp.generic_trap', 'generic-trap', N.GENERIC_TRAPS),
  specificTrap: int('snmp.specific_trap', 'specific-trap'),
  timeStamp: uint('snmp.time_stamp', 'time-stamp'),
  name: oid('snmp.name', 'Object Name'),
  noSuchObject: none('snmp.noSuchObject', 'noSuchObject'),
  noSuchInstance: none('snmp.noSuchInstance', 'noSuchInstance'),
  endOfMibView: none('snmp.endOfMibView', 'endOfMibView'),
  valueInt: i64('snmp.value.int', 'Value (Integer32)'),
  valueOctets: bytes('snmp.value.octets', 'Value (OctetString)'),
  valueOid: oid('snmp.value.oid', 'Value (OID)'),
  valueNull: none('snmp.value.null', 'Value (Null)'),
  valueIpv4: { name: 'snmp.value.ipv4', label: 'Value (IpAddress)', type: FT.IPV4 },
  valueIpv6: { name: 'snmp.value.ipv6', label: 'Value (IpAddress)', type: FT.IPV6 },
  valueAddr: bytes('snmp.value.addr', 'Value (IpAddress)'),
  valueU32: i64('snmp.value.u32', 'Value (Unsigned32)'),
  valueGauge: i64('snmp.value.g32', 'Value (Gauge32)'),
  valueUnknown: bytes('snmp.value.unk', 'Value (Unknown)'),
  valueCounter: u64('snmp.value.counter', 'Value (Counter32)'),
  valueTimeticks: u64('snmp.value.timeticks', 'Value (Timeticks)'),
  valueOpaque: bytes('snmp.value.opaque', 'Value (Opaque)'),
  varBindString: { name: 'snmp.var-bind_str', label: 'Variable-binding-string', type: FT.STRING },
  // version 3 (RFC 3412's message, RFC 3414's user-based security model)
  msgVersion: int('snmp.msgVersion', 'msgVersion', N.MSG_VERSIONS),
  msgGlobalData: none('snmp.msgGlobalData_element', 'msgGlobalData'),
  msgId: uint('snmp.msgID', 'msgID'),
  msgMaxSize: uint('snmp.msgMaxSize', 'msgMaxSize'),
  msgFlags: bytes('snmp.msgFlags', 'msgFlags'),
  flagReport: flag('snmp.v3.flags.report', 'Reportable', 0x04),
  flagCrypt: flag('snmp.v3.flags.crypt', 'Encrypted', 0x02),
  flagAuth: flag('snmp.v3.flags.auth', 'Authenticated', 0x01),
  msgSecurityModel: { name: 'snmp.msgSecurityModel', label: 'msgSecurityModel', type: FT.UINT, names: names(N.SECURITY_MODELS) },
  engineId: bytes('snmp.msgAuthoritativeEngineID', 'msgAuthoritativeEngineID'),
  engineBoots: uint('snmp.msgAuthoritativeEngineBoots', 'msgAuthoritativeEngineBoots'),
  engineTime: uint('snmp.msgAuthoritativeEngineTime', 'msgAuthoritativeEngineTime'),
  userName: { name: 'snmp.msgUserName', label: 'msgUserName', type: FT.STRING },
  authParameters: bytes('snmp.msgAuthenticationParameters', 'msgAuthenticationParameters'),
  privParameters: bytes('snmp.msgPrivacyParameters', 'msgPrivacyParameters'),
  msgData: { name: 'snmp.msgData', label: 'msgData', type: FT.UINT, names: names(N.MSG_DATA) },
  plaintext: none('snmp.plaintext_element', 'plaintext'),
  encryptedPdu: bytes('snmp.encryptedPDU', 'encryptedPDU'),
  contextEngineId: bytes('snmp.contextEngineID', 'contextEngineID'),
  contextName: { name: 'snmp.contextName', label: 'contextName', type: FT.STRING },
  engineConform: { name: 'snmp.engineid.conform', label: 'Engine ID Conformance', type: FT.BOOLEAN, bits: 8, mask: 0x80, tf: ['RFC3411 (SNMPv3)', 'RFC1910 (Non-SNMPv3)'] },
  engineEnterprise: { name: 'snmp.engineid.enterprise', label: 'Engine Enterprise ID', type: FT.UINT, names: names(N.ENTERPRISES), unknownName: true },
  engineFormat: { name: 'snmp.engineid.format', label: 'Engine ID Format', type: FT.UINT, bits: 8 },
  engineIpv4: { name: 'snmp.engineid.ipv4', label: 'Engine ID Data: IPv4 address', type: FT.IPV4 },
  engineIpv6: { name: 'snmp.engineid.ipv6', label: 'Engine ID Data: IPv6 address', type: FT.IPV6 },
  engineCiscoType: { name: 'snmp.engineid.cisco.type', label: 'Engine ID Data: Cisco type', type: FT.UINT, base: Base.HEX, bits: 8, names: names(N.CISCO_ENGINE_TYPES) },
  engineMac: { name: 'snmp.engineid.mac', label: 'Engine ID Data: MAC address', type: FT.ETHER },
  engineText: { name: 'snmp.engineid.text', label: 'Engine ID Data: Text', type: FT.STRING },
  engineTimeCreated: { name: 'snmp.engineid.time', label: 'Engine ID Data: Creation Time', type: FT.ABSOLUTE_TIME },
  engineData: bytes('snmp.engineid.data', 'Engine ID Data'),
  agentIdTrailer: bytes('snmp.agentid_trailer', 'AgentID Trailer'),
});

export const X = registerExperts({
  response: { name: 'snmp.varbind.response', msg: 'Response', severity: Severity.NOTE, group: Group.RESPONSE },
  objectNameNotOid: { name: 'snmp.objectname_not_oid', msg: 'ObjectName not an OID', severity: Severity.WARN, group: Group.MALFORMED },
  versionUnknown: { name: 'snmp.version.unknown', msg: 'Unknown version', severity: Severity.WARN, group: Group.MALFORMED },
  rfc3411: { name: 'snmp.rfc3411_non_conformant', msg: 'Data not conforming to RFC3411', severity: Severity.WARN, group: Group.PROTOCOL },
  rfc1910: { name: 'snmp.rfc1910_non_conformant', msg: 'Data not conforming to RFC1910', severity: Severity.WARN, group: Group.PROTOCOL },
});
