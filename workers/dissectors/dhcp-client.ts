// The options a DHCP client identifies itself with (packet-dhcp.c): the vendor class (60), the
// client identifier (61: a hardware address, a UUID, RFC 4361's IAID and DUID, or a name), RFC
// 3004's user classes (77), RFC 4702's client FQDN (81), and RFC 4578's PXE options: the system
// architecture (93), the network device interface (94) and the UUID client identifier (97).

import { Base, FT, names, registerFields } from '../fields/registry.ts';
import { Status, type Ctx } from './context.ts';
import { Group, Severity, expertAt, registerExperts } from './expert.ts';
import { flagParts } from './flag-names.ts';
import { domainName, readDomainName } from './dhcp-domains.ts';
import { ENTERPRISES } from './dhcp-names.ts';
import { CLIENT_ARCHITECTURES, DUID_TYPES, HARDWARE_TYPES } from './dhcp-values.ts';
import { HW, X, full, hardwareAddressText, registerOption, stringAt, type Opt } from './dhcp-types.ts';

const HW_TYPES = names(HARDWARE_TYPES);

export const F = registerFields({
  vendorClass: { name: 'dhcp.option.vendor_class_id', label: 'Vendor class identifier', type: FT.STRING },
  hwAddress: { name: 'dhcp.client_hardware_address', label: 'Client hardware address', type: FT.STRING },
  uuid: { name: 'dhcp.client_id.uuid', label: 'Client Identifier (UUID)', type: FT.STRING },
  iaid: { name: 'dhcp.client_id.iaid', label: 'IAID', type: FT.STRING },
  duidType: { name: 'dhcp.client_id.duid_type', label: 'DUID Type', type: FT.UINT, bits: 16, names: names(DUID_TYPES), unknownName: true },
  lltHwType: { name: 'dhcp.client_id.duid_llt_hw_type', label: 'Hardware type', type: FT.UINT, bits: 16, names: HW_TYPES, unknownName: true },
  llHwType: { name: 'dhcp.client_id.duid_ll_hw_type', label: 'Hardware type', type: FT.UINT, bits: 16, names: HW_TYPES, unknownName: true },
  time: { name: 'dhcp.client_id.time', label: 'Time', type: FT.UINT },
  linkAddress: { name: 'dhcp.client_id.link_layer_address', label: 'Link layer address', type: FT.STRING },
  enterprise: { name: 'dhcp.client_id.enterprise_num', label: 'Enterprise-number', type: FT.UINT, names: names(ENTERPRISES), unknownName: true },
  identifier: { name: 'dhcp.client_id', label: 'Identifier', type: FT.BYTES },
  idType: { name: 'dhcp.client_id.type', label: 'Type', type: FT.UINT, bits: 8 },
  idText: { name: 'dhcp.client_id.undef', label: 'Client Identifier', type: FT.STRING },
  userClass: { name: 'dhcp.option.user_class', label: 'Instance of User Class', type: FT.UINT, bits: 8 },
  userClassLen: { name: 'dhcp.option.user_class.length', label: 'User Class Length', type: FT.UINT, bits: 8 },
  userClassData: { name: 'dhcp.option.user_class.data', label: 'User Class Data', type: FT.BYTES },
  userClassText: { name: 'dhcp.option.user_class.text', label: 'User Class Data (Text)', type: FT.STRING },
  fqdnFlags: { name: 'dhcp.fqdn.flags', label: 'Flags', type: FT.UINT, base: Base.HEX, bits: 8 },
  fqdnMbz: { name: 'dhcp.fqdn.mbz', label: 'Reserved flags', type: FT.UINT, base: Base.HEX, bits: 8, mask: 0xf0 },
  fqdnN: { name: 'dhcp.fqdn.n', label: 'Server DDNS', type: FT.BOOLEAN, bits: 8, mask: 0x08, tf: ['No server updates', 'Some server updates'] },
  fqdnE: { name: 'dhcp.fqdn.e', label: 'Encoding', type: FT.BOOLEAN, bits: 8, mask: 0x04, tf: ['Binary encoding', 'ASCII encoding'] },
  fqdnO: { name: 'dhcp.fqdn.o', label: 'Server overrides', type: FT.BOOLEAN, bits: 8, mask: 0x02, tf: ['Override', 'No override'] },
  fqdnS: { name: 'dhcp.fqdn.s', label: 'Server', type: FT.BOOLEAN, bits: 8, mask: 0x01, tf: ['Server', 'Client'] },
  rcode1: { name: 'dhcp.fqdn.rcode1', label: 'A-RR result', type: FT.UINT, bits: 8 },
  rcode2: { name: 'dhcp.fqdn.rcode2', label: 'PTR-RR result', type: FT.UINT, bits: 8 },
  fqdnName: { name: 'dhcp.fqdn.name', label: 'Client name', type: FT.STRING },
  arch: { name: 'dhcp.option.client_system_architecture', label: 'Client System Architecture', type: FT.UINT, bits: 16, names: names(CLIENT_ARCHITECTURES), unknownName: true },
  major: { name: 'dhcp.client_network_id_major', label: 'Major Version', type: FT.UINT, bits: 8 },
  minor: { name: 'dhcp.client_network_id_minor', label: 'Minor Version', type: FT.UINT, bits: 8 },
});

const XC = registerExperts({
  malformedDuid: { name: 'dhcp.malformed.duid', msg: 'DUID: malformed option', severity: Severity.ERROR, group: Group.PROTOCOL },
  archAmbiguous: { name: 'dhcp.option.client_architecture.ambiguous', msg: 'Client Architecture ID may be ambiguous', severity: Severity.WARN, group: Group.PROTOCOL },
});

const FQDN_FLAGS = [F.fqdnMbz, F.fqdnN, F.fqdnE, F.fqdnO, F.fqdnS];
const DUID_LLT = 1;
const DUID_EN = 2;
const DUID_LL = 3;

/** A GUID as FT_GUID shows one read little-endian (packet-dhcp.c's default "uuid.endian"). */
function guidText(b: Uint8Array, o: number): string {
  const hex = (k: number): string => (b[o + k] as number).toString(16).padStart(2, '0');
  const run = (ks: readonly number[]): string => ks.map(hex).join('');
  return `${run([3, 2, 1, 0])}-${run([5, 4])}-${run([7, 6])}-${run([8, 9])}-${run([10, 11, 12, 13, 14, 15])}`;
}

/** A hardware type and address (7 bytes, a type below 48) or a UUID (17 bytes, type 0): what
 *  options 61 and 97 share. Returns whether one of them was there. */
function hardwareOrUuid(c: Ctx, o: Opt): boolean {
  const f = c.f;
  const type = o.len > 0 ? c.u8(o.v) : 0;
  if (o.len === 7 && type > 0 && type < 48) {
    f.add(HW.type, o.v, 1, type);
    if (type === 1 || type === 6) f.add(HW.mac, o.v + 1, 6);
    else f.addStr(F.hwAddress, o.v + 1, 6, hardwareAddressText(c.b, o.v + 1, 6, type));
    return true;
  }
  if (o.len === 17 && type === 0) {
    f.addStr(F.uuid, o.v + 1, 16, guidText(c.b, o.v + 1));
    return true;
  }
  return false;
}

/** RFC 4361's node-specific identifier: type 255, the IAID, then an RFC 3315 DUID. */
function duid(c: Ctx, o: Opt): void {
  const f = c.f;
  if (!c.has(o.v + 1, 4, o.end)) return;
  f.addStr(F.iaid, o.v + 1, 4, hardwareAddressText(c.b, o.v + 1, 4, 255));
  const d = o.v + 5;
  if (!c.has(d, 2, o.end)) return;
  const type = c.u16(d);
  f.add(F.duidType, d, 2, type);
  // (a length the option's leaves negative is an exception)
  const address = (at: number, n: number, hw: number): void => {
    if (n < 0) c.fail(Status.MALFORMED);
    else if (c.has(at, n, o.end)) f.addStr(F.linkAddress, at, n, hardwareAddressText(c.b, at, n, hw));
  };
  // (the lengths packet-dhcp.c checks are the option's, the IAID and type byte counted in)
  if (type === DUID_LLT) {
    if (o.len < 8) return expertAt(c, o.item, XC.malformedDuid);
    const hw = c.uint(F.lltHwType, d + 2, 2, o.end);
    if (c.uint(F.time, d + 4, 4, o.end) < 0) return;
    if (o.len > 8) address(d + 8, o.len - 13, hw);
  } else if (type === DUID_EN) {
    if (o.len < 6) return expertAt(c, o.item, XC.malformedDuid);
    if (c.uint(F.enterprise, d + 2, 4, o.end) < 0) return;
    if (o.len > 6 && o.len < 11) c.fail(Status.MALFORMED);
    else if (o.len > 6 && c.has(d + 6, o.len - 11, o.end)) f.add(F.identifier, d + 6, o.len - 11);
  } else if (type === DUID_LL) {
    if (o.len < 4) return expertAt(c, o.item, XC.malformedDuid);
    const hw = c.uint(F.llHwType, d + 2, 2, o.end);
    if (o.len > 4) address(d + 4, o.len - 9, hw);
  }
}

// Vendor class identifier: "MSFT 5.0", "PXEClient:Arch:00007:UNDI:003016"
registerOption([60], (c, o) => {
  stringAt(c, F.vendorClass, o.v, o.len, o.end);
  return o.len;
});

registerOption([61], (c, o) => {
  if (hardwareOrUuid(c, o)) return o.len;
  const type = o.len > 0 ? c.u8(o.v) : 0;
  if (type === 255) duid(c, o);
  else if (type === 0 && o.len > 1) {
    // an identifier other than a hardware address: "Client Identifier: myhost"
    c.f.add(F.idType, o.v, 1, 0);
    stringAt(c, F.idText, o.v + 1, o.len - 1, o.end, true);
  }
  return o.len;
});

// User Class (RFC 3004 section 4): instances of a length byte and that many bytes. Data that is
// not of that form (iPXE's "iPXE", Windows' bare "RRAS.Microsoft") is shown as text with a note.
registerOption([77], (c, o) => {
  const f = c.f;
  if (o.len < 2) {
    expertAt(c, o.item, X.badLength, "length isn't >= 2");
    return 1;
  }
  for (let k = o.v, n = 0; k < o.end; n++) {
    const ucLen = c.u8(k);
    if (ucLen >= o.end - k) {
      expertAt(c, stringAt(c, F.userClassText, k, o.end - k, o.end, true), X.nonStandard);
      break;
    }
    const item = f.add(F.userClass, k, 1 + ucLen, n);
    if (full(c)) f.setText(item, `Instance of User Class: [${n}]`);
    f.push(item);
    const lenItem = f.add(F.userClassLen, k, 1, ucLen);
    if (ucLen === 0) {
      expertAt(c, lenItem, X.badLength, `UC_Len_${n} isn't >= 1 (UC_Len_${n} = 0)`);
      f.pop();
      break;
    }
    f.add(F.userClassData, k + 1, ucLen);
    f.pop();
    k += 1 + ucLen;
  }
  return o.len;
});

// Client FQDN (RFC 4702): flags, the two RCODEs, and the name, in wire format when E is set
registerOption([81], (c, o) => {
  const f = c.f;
  if (o.len < 3) {
    expertAt(c, o.item, X.badLength, "length isn't >= 3");
    return 1;
  }
  const flags = c.uint(F.fqdnFlags, o.v, 1, o.end);
  flagParts(c, f.last, FQDN_FLAGS, o.v, 1, flags);
  c.uint(F.rcode1, o.v + 1, 1, o.end);
  c.uint(F.rcode2, o.v + 2, 1, o.end);
  if (o.len > 3) {
    if (flags & 0x04) {
      // (the name alone is packet-dhcp.c's buffer: it reads no further, its pointers start there)
      if (readDomainName(c.b.subarray(o.v + 3, o.end), 0, o.len - 3, 0)) f.addStr(F.fqdnName, o.v + 3, o.len - 3, domainName.text);
      else c.fail(Status.MALFORMED);
    } else stringAt(c, F.fqdnName, o.v + 3, o.len - 3, o.end, true);
  }
  return o.len;
});

// Client System Architecture (RFC 4578 section 2.1): 16-bit types. ID 9 is often sent for EFI
// x64, which IANA assigned 7 (RFC 4578 erratum 4624): a warning says so.
registerOption([93], (c, o) => {
  const f = c.f;
  let k = o.v;
  for (; o.end - k > 1; k += 2) {
    const arch = c.u16(k);
    const item = f.add(F.arch, k, 2, arch);
    if (arch === 9) expertAt(c, item, XC.archAmbiguous, 'Client Architecture ID 9 is often incorrectly used for EFI x64');
  }
  if (k < o.end) expertAt(c, o.item, X.badLength, "Option length isn't a multiple of 2");
  return o.len;
});

// Client Network Device Interface (RFC 4578 section 2.2): type 1, UNDI's major and minor version
registerOption([94], (c, o) => {
  if (!c.has(o.v, 1, o.end)) return 0;
  if (c.u8(o.v) === 1) {
    c.uint(F.major, o.v + 1, 1, o.end);
    c.uint(F.minor, o.v + 2, 1, o.end);
  }
  return o.len;
});

// UUID/GUID-based Client Identifier (RFC 4578 section 2.3): type 0 and 16 bytes
registerOption([97], (c, o) => {
  hardwareOrUuid(c, o);
  return o.len;
});
