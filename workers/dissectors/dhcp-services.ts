// DHCP options that point a client at services or state its abilities (packet-dhcp.c): SLP's
// directory agents and scope (78, 79; RFC 2610), Novell's directory servers (85), the name
// services to search (117; RFC 2937), forcerenew nonce capability (145; RFC 6704), a leasequery's
// status (151; RFC 6926), PCP servers (158; RFC 7291), the port set of a shared address (159; RFC
// 7618), the captive portal (160; RFC 7710), and 6rd's prefix and border relays (212; RFC 5969).

import { FT, names, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { Group, Severity, expertAt, registerExperts } from './expert.ts';
import { FORCERENEW_ALGORITHMS, LEASEQUERY_STATUS_CODES, SLP_DIRECTORY_AGENT, SLP_SERVICE_SCOPE } from './dhcp-values.ts';
import { X, registerOption, stringAt, type Opt } from './dhcp-types.ts';

export const F = registerFields({
  slpDaValue: { name: 'dhcp.option.slp_directory_agent.value', label: 'Value', type: FT.UINT, bits: 8, names: names(SLP_DIRECTORY_AGENT), unknownName: true },
  slpDaAddress: { name: 'dhcp.option.slp_directory_agent.slpda_address', label: 'IP Address', type: FT.IPV4 },
  slpScopeValue: { name: 'dhcp.option.slp_service_scope.value', label: 'Value', type: FT.UINT, bits: 8, names: names(SLP_SERVICE_SCOPE), unknownName: true },
  slpScope: { name: 'dhcp.option.slp_service_scope.string', label: 'SLP Service Scope', type: FT.STRING },
  novellServer: { name: 'dhcp.option.novell_dss.ip', label: 'IP Address', type: FT.IPV4 },
  nameService: { name: 'dhcp.option.dhcp_name_service_search_option', label: 'Name Service', type: FT.STRING },
  nonceAlgorithm: { name: 'dhcp.option.forcerenew_nonce.algorithm', label: 'Algorithm', type: FT.UINT, bits: 8, names: names(FORCERENEW_ALGORITHMS), unknownName: true },
  statusCode: { name: 'dhcp.option.bulk_lease.status_code', label: 'Status Code', type: FT.UINT, bits: 8, names: names(LEASEQUERY_STATUS_CODES), unknownName: true },
  statusMessage: { name: 'dhcp.option.bulk_lease.status_code_message', label: 'Status Code Message', type: FT.STRING },
  pcpListLength: { name: 'dhcp.option.pcp.list_length', label: 'List-Length', type: FT.UINT, bits: 8 },
  pcpServer: { name: 'dhcp.option.pcp.server', label: 'PCP Server', type: FT.IPV4 },
  psidOffset: { name: 'dhcp.option.portparams.offset', label: 'Offset', type: FT.UINT, bits: 8 },
  psidLength: { name: 'dhcp.option.portparams.psid_length', label: 'PSID-Length', type: FT.UINT, bits: 8 },
  psid: { name: 'dhcp.option.portparams.psid', label: 'PSID', type: FT.BYTES },
  captivePortal: { name: 'dhcp.option.captive_portal', label: 'Captive Portal', type: FT.STRING },
  sixrdMaskLen: { name: 'dhcp.option.6RD.ipv4_mask_len', label: '6RD IPv4 Mask Length', type: FT.UINT, bits: 8 },
  sixrdPrefixLen: { name: 'dhcp.option.6RD.prefix_len', label: '6RD Prefix Length', type: FT.UINT, bits: 8 },
  sixrdPrefix: { name: 'dhcp.option.6RD.prefix', label: '6RD Prefix', type: FT.IPV6 },
  sixrdRelay: { name: 'dhcp.option.6RD.border_relay_ip', label: 'Border Relay IP', type: FT.IPV4 },
});

const XS = registerExperts({
  nameService: { name: 'dhcp.option.dhcp_name_service.invalid', msg: 'Invalid Name Service', severity: Severity.ERROR, group: Group.PROTOCOL },
  sixrd: { name: 'dhcp.option.6RD.malformed', msg: '6RD: malformed option', severity: Severity.ERROR, group: Group.PROTOCOL },
});

/** RFC 2937's name services, as packet-dhcp.c spells each one out. */
const NAME_SERVICES = names([
  [0, 'Local naming information (e.g., an /etc/hosts file on a UNIX machine) (0)'], [6, 'Domain Name Server Option (6)'],
  [41, 'Network Information Servers Option (41)'], [44, 'NetBIOS over TCP/IP Name Server Option (44)'],
  [65, 'Network Information Service+ Servers Option (65)'],
]);

/** An option of at least `min` bytes ("length isn't >= 1" on it otherwise: then the option's
 *  decoder has consumed 1 byte, as packet-dhcp.c's do). */
function atLeast(c: Ctx, o: Opt, min: number, text = `length isn't >= ${min}`): boolean {
  if (o.len >= min) return true;
  expertAt(c, o.item, X.badLength, text);
  return false;
}

/** Addresses from k to the option's end, and the note on bytes left over. */
function addresses(c: Ctx, o: Opt, id: number, k: number): void {
  for (; o.end - k >= 4; k += 4) c.f.add(id, k, 4);
  if (k < o.end) expertAt(c, o.item, X.badLength, "Option length isn't a multiple of 4");
}

// SLP Directory Agent (RFC 2610 section 3): Mandatory byte, addresses; the old form (0x80) has a
// byte more before them
registerOption([78], (c, o) => {
  if (!atLeast(c, o, 1)) return 1;
  const value = c.u8(o.v);
  c.f.add(F.slpDaValue, o.v, 1, value);
  let k = o.v + 1;
  if (value === 0x80) {
    if (k === o.end) return 1;
    k++;
  }
  addresses(c, o, F.slpDaAddress, k);
  return o.len;
});

// SLP Service Scope (RFC 2610 section 4): Mandatory byte, the scope list
registerOption([79], (c, o) => {
  if (c.uint(F.slpScopeValue, o.v, 1, o.end) < 0) return 0;
  stringAt(c, F.slpScope, o.v + 1, o.len - 1, o.end);
  return o.len;
});

// Novell Directory Services Servers (RFC 2241): addresses
registerOption([85], (c, o) => {
  addresses(c, o, F.novellServer, o.v);
  return o.len;
});

// Name Service Search (RFC 2937): 16-bit option codes of name services
registerOption([117], (c, o) => {
  if (!atLeast(c, o, 2)) return 1;
  if (o.len & 1) {
    expertAt(c, o.item, X.badLength, `length (${o.len}) isn't even number`);
    return 1;
  }
  for (let k = o.v; k < o.end; k += 2) {
    const ns = c.u16(k);
    const text = NAME_SERVICES.get(ns);
    if (text !== undefined) c.f.addStr(F.nameService, k, 2, text);
    else expertAt(c, o.item, XS.nameService, `Invalid Name Service (${ns}). RFC 2937 defines only 0, 6, 41, 44, and 65 as possible values.`);
  }
  return o.len;
});

// Forcerenew Nonce Capable (RFC 6704): the algorithms the client supports, a byte each
registerOption([145], (c, o) => {
  for (let k = o.v; k < o.end; k++) c.f.add(F.nonceAlgorithm, k, 1, c.u8(k));
  return o.len;
});

// Leasequery status (RFC 6926 section 6.2.2): code and a UTF-8 message
registerOption([151], (c, o) => {
  if (!atLeast(c, o, 1, 'length must >= 1')) return 1;
  c.f.add(F.statusCode, o.v, 1, c.u8(o.v));
  if (o.len > 1) stringAt(c, F.statusMessage, o.v + 1, o.len - 1, o.end, true);
  return o.len;
});

// PCP servers (RFC 7291 section 4): lists, each its length and addresses
registerOption([158], (c, o) => {
  const f = c.f;
  if (!atLeast(c, o, 5, 'length must >= 5')) return 1;
  for (let k = o.v; o.end - k >= 5;) {
    const listLength = c.u8(k);
    f.push(f.text(k, listLength, 'PCP server list'));
    f.add(F.pcpListLength, k, 1, listLength);
    k++;
    // (the addresses only when the list's length is 1 more than a multiple of 4)
    for (let used = 1; (listLength - 1) % 4 === 0 && used < listLength && o.end - k >= 4; used += 4, k += 4) f.add(F.pcpServer, k, 4);
    f.pop();
  }
  return o.len;
});

// Port Parameters (RFC 7618 section 4): offset, PSID length, PSID
registerOption([159], (c, o) => {
  if (o.len !== 4) {
    expertAt(c, o.item, X.badLength, 'length must be 4');
    return 1;
  }
  c.f.add(F.psidOffset, o.v, 1, c.u8(o.v));
  c.f.add(F.psidLength, o.v + 1, 1, c.u8(o.v + 1));
  c.f.add(F.psid, o.v + 2, 2);
  return o.len;
});

// Captive-Portal (RFC 7710): the URI
registerOption([160], (c, o) => {
  stringAt(c, F.captivePortal, o.v, o.len, o.end, true);
  return o.len;
});

// 6rd (RFC 5969 section 7.1.1): IPv4 mask length, prefix length, prefix, border relays
registerOption([212], (c, o) => {
  const f = c.f;
  if (o.len < 22) {
    expertAt(c, o.item, XS.sixrd);
    return 1;
  }
  f.add(F.sixrdMaskLen, o.v, 1, c.u8(o.v));
  f.add(F.sixrdPrefixLen, o.v + 1, 1, c.u8(o.v + 1));
  f.add(F.sixrdPrefix, o.v + 2, 16);
  f.add(F.sixrdRelay, o.v + 18, 4);
  if (o.len > 22) addresses(c, o, F.sixrdRelay, o.v + 22);
  return o.len;
});
