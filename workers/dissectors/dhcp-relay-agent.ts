// The Relay Agent Information option (82, RFC 3046; packet-dhcp.c's dhcp_dhcp_decode_agent_info):
// suboptions a relay agent adds to the messages it forwards, each a code, a length and a value:
// the circuit and remote IDs, RFC 3527's link selection, RFC 3993's subscriber ID, RFC 4243's
// vendor-specific information (enterprise number, length, data), RFC 5010's flags, RFC 5107's
// server ID override, RFC 7839's access network identifiers, Cisco's VRF name or VPN ID, ...
//
//   +------+------+------+------+------+------+--...-+------+
//   | code | len  |  value ...   | code | len  |  value ...
//   +------+------+------+------+------+------+--...-+------+

import { Base, FT, names, registerFields } from '../fields/registry.ts';
import { Status, type Ctx } from './context.ts';
import { expertAt } from './expert.ts';
import { EF } from '../fields/field-list.ts';
import { ENTERPRISES } from './dhcp-names.ts';
import { AGENT_SUBOPTIONS } from './dhcp-values.ts';
import { T, X, basicType, noRoom, registerOption, suboptionHeader, suboptionLength, stringAt, unknownType, type Opt } from './dhcp-types.ts';

const SUBOPTION_NAMES = names(AGENT_SUBOPTIONS);
const P = 'dhcp.option.agent_information_option';

export const F = registerFields({
  suboption: { name: `${P}.suboption`, label: 'Option 82 Suboption', type: FT.UINT, bits: 8, names: SUBOPTION_NAMES, unknownName: true },
  value: { name: `${P}.value`, label: 'Value', type: FT.BYTES },
  circuitId: { name: `${P}.agent_circuit_id`, label: 'Agent Circuit ID', type: FT.BYTES },
  remoteId: { name: `${P}.agent_remote_id`, label: 'Agent Remote ID', type: FT.BYTES },
  reserved: { name: `${P}.reserved`, label: 'Reserved', type: FT.BYTES },
  docsisClass: { name: `${P}.docsis_device_class`, label: 'DOCSIS Device Class', type: FT.UINT, base: Base.HEX },
  linkSelection: { name: `${P}.link_selection`, label: 'Link selection', type: FT.IPV4 },
  subscriberId: { name: `${P}.subscriber_id`, label: 'Subscriber ID', type: FT.STRING },
  radius: { name: `${P}.radius_attributes`, label: 'RADIUS Attributes', type: FT.BYTES },
  authentication: { name: `${P}.authentication`, label: 'Authentication', type: FT.BYTES },
  viEnterprise: { name: `${P}.vi.enterprise`, label: 'Enterprise', type: FT.UINT, names: names(ENTERPRISES), unknownName: true },
  viDataLength: { name: `${P}.vi.data_length`, label: 'Data Length', type: FT.UINT, bits: 8 },
  flags: { name: `${P}.flags`, label: 'Flags', type: FT.UINT, base: Base.HEX, bits: 8 },
  serverIdOverride: { name: `${P}.server_id_override`, label: 'Server ID Override', type: FT.IPV4 },
  relayAgentId: { name: `${P}.relay_agent_id`, label: 'Relay Agent Identifier', type: FT.BYTES },
  accessTechnology: { name: `${P}.ani_att`, label: 'Access Technology Type', type: FT.UINT, bits: 8 },
  networkName: { name: `${P}.ani_network_name`, label: 'Access Network Name', type: FT.STRING },
  apName: { name: `${P}.ani_ap_name`, label: 'Access Point Name', type: FT.STRING },
  apBssid: { name: `${P}.ani_ap_bssid`, label: 'Access Point BSSID', type: FT.ETHER },
  operatorId: { name: `${P}.ani_operator_id`, label: 'Access Network Operator ID', type: FT.BYTES },
  operatorRealm: { name: `${P}.ani_operator_realm`, label: 'Access Network Operator Realm', type: FT.STRING },
  linkSelectionCisco: { name: `${P}.link_selection_cisco`, label: 'Link selection (Cisco proprietary)', type: FT.IPV4 },
  vrfGlobal: { name: `${P}.vrf_name.global`, label: 'Global, default VPN', type: FT.UINT, bits: 8 },
  vrfName: { name: `${P}.vrf_name`, label: 'VRF name', type: FT.STRING },
  vpnOui: { name: `${P}.vrf_name.vpn_id.oui`, label: 'VRF name/VPN ID OUI', type: FT.UINT, base: Base.HEX, bits: 24 },
  vpnIndex: { name: `${P}.vrf_name.vpn_id.index`, label: 'VRF name/VPN ID Index', type: FT.UINT, base: Base.HEX },
  serverIdOverrideCisco: { name: `${P}.server_id_override_cisco`, label: 'Server ID Override (Cisco proprietary)', type: FT.IPV4 },
});

const VENDOR_SPECIFIC = 9;
const ACCESS_TECHNOLOGY = 13;
const AP_BSSID = 16;
const VRF_NAME = 151;

/** The suboptions of a basic type: code, type, field (packet-dhcp.c's o82_opt). Source Port (19)
 *  is a "presence" one, which its basic types do not handle. */
const BASIC: ReadonlyMap<number, readonly [T, number]> = new Map([
  [1, [T.BYTES, F.circuitId]], [2, [T.BYTES, F.remoteId]], [3, [T.BYTES, F.reserved]], [4, [T.U32, F.docsisClass]],
  [5, [T.IPV4, F.linkSelection]], [6, [T.STRINGZ, F.subscriberId]], [7, [T.BYTES, F.radius]], [8, [T.BYTES, F.authentication]],
  [10, [T.U8, F.flags]], [11, [T.IPV4, F.serverIdOverride]], [12, [T.BYTES, F.relayAgentId]], [14, [T.STRING, F.networkName]],
  [15, [T.STRING, F.apName]], [17, [T.BYTES, F.operatorId]], [18, [T.STRING, F.operatorRealm]], [19, [T.OTHER, -1]],
  [150, [T.IPV4, F.linkSelectionCisco]], [152, [T.IPV4, F.serverIdOverrideCisco]],
]);
/** The suboptions decoded otherwise. */
const SPECIAL = new Set([VENDOR_SPECIFIC, ACCESS_TECHNOLOGY, AP_BSSID, VRF_NAME]);

registerOption([82], (c, o) => {
  for (let k = o.v; k < o.end && !c.stop;) k = suboption(c, o, k);
  return o.len;
});

/** The suboption at k; returns where the next one starts (the option's end after an error). */
function suboption(c: Ctx, o: Opt, k: number): number {
  const f = c.f;
  const code = c.u8(k);
  const len = suboptionLength(c, o, k);
  if (len < 0) return o.end;
  const item = suboptionHeader(c, F.suboption, k, code, len, SUBOPTION_NAMES.get(code) ?? 'Unknown');
  const v = k + 2;
  if (v + len > o.end) {
    noRoom(c, item, code, 'value');
    f.pop();
    return o.end;
  }
  // the raw value, hidden for the suboptions packet-dhcp.c knows (Padding, 0, not among them)
  const value = f.add(F.value, v, len);
  const basic = BASIC.get(code);
  if (basic !== undefined || SPECIAL.has(code)) {
    if (value >= 0) f.flags[value] = (f.flags[value] as number) | EF.HIDDEN;
    if (basic === undefined) special(c, o, code, v, len);
    else if (basicType(c, basic[0], basic[1], v, len, o.end, item) === 0) unknownType(c, item, code);
  }
  f.pop();
  return v + len;
}

function special(c: Ctx, o: Opt, code: number, v: number, len: number): void {
  const f = c.f;
  switch (code) {
    case VENDOR_SPECIFIC:
      // RFC 4243: enterprise number, data length, data; packet-dhcp.c shows the data as bytes
      for (let k = v; k < v + len && !c.stop;) {
        const enterprise = c.uint(F.viEnterprise, k, 4, o.end);
        if (enterprise < 0) return;
        f.push(f.last);
        const n = c.uint(F.viDataLength, k + 4, 1, o.end);
        f.pop();
        if (n < 0 || !c.field(F.value, k + 5, n, o.end)) return;
        k += 5 + n;
      }
      return;
    case ACCESS_TECHNOLOGY:
      // added as an 8-bit field whatever its length: proto.c reads all 1 to 4 bytes of it
      if (len >= 1 && len <= 4) c.uint(F.accessTechnology, v, len, o.end);
      else c.fail(Status.MALFORMED);
      return;
    case AP_BSSID:
      if (len === 6) c.field(F.apBssid, v, 6, o.end);
      else c.fail(Status.MALFORMED);
      return;
    case VRF_NAME:
      // one byte: the global VPN; seven: RFC 2685's VPN ID (OUI and index); else a VRF name
      if (len === 1) c.uint(F.vrfGlobal, v, 1, o.end);
      else if (len !== 7) stringAt(c, F.vrfName, v, len, o.end, true);
      else {
        c.uint(F.vpnOui, v, 3, o.end);
        c.uint(F.vpnIndex, v + 3, 4, o.end);
      }
  }
}
