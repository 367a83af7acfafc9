// The vendor-identifying vendor options of RFC 3925 (packet-dhcp.c): the V-I Vendor Class (124)
// and V-I Vendor-specific Information (125), each a list of enterprise number, data length and
// data. A 125's data is suboptions: the Broadband Forum's (TR-111: the device's and gateway's OUI,
// serial number and product class) and CableLabs' have decoders ("dhcp.enterprise" table), any
// other enterprise's are listed as code, length and data.
//
// packet-dhcp.c hands the Broadband Forum and CableLabs decoders the data from where they stand
// up to the data's length, so when a suboption is longer than what is left they read on into the
// next bytes of the option: each such suboption takes 2 bytes, its code and length, with an
// expert info, and the next is read from there ("Option 125 Suboption: (65) Unknown").

import { Base, FT, names, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { Status } from './context.ts';
import { EF } from '../fields/field-list.ts';
import { expertAt } from './expert.ts';
import { ENTERPRISES, OUIS } from './dhcp-names.ts';
import { CABLELABS_ADDRESS_MODES, CABLELABS_SUBOPTIONS, TR111_SUBOPTIONS } from './dhcp-values.ts';
import { SUB, T, X, basicType, full, noRoom, registerOption, stringAt, type Opt } from './dhcp-types.ts';

const ENTERPRISE_NAMES = names(ENTERPRISES);
const OUI_NAMES = names(OUIS);
const TR111_NAMES = names(TR111_SUBOPTIONS);
const CABLELABS_NAMES = names(CABLELABS_SUBOPTIONS);
const P = 'dhcp.option.vi';

export const F = registerFields({
  classAddressMode: { name: 'dhcp.option.vi_class.cl_address_mode', label: 'CableLab Address Mode', type: FT.UINT, bits: 8, names: names(CABLELABS_ADDRESS_MODES), unknownName: true },
  classEnterprise: { name: 'dhcp.option.vi_class.enterprise', label: 'Enterprise', type: FT.UINT, names: ENTERPRISE_NAMES, unknownName: true },
  // (packet-dhcp.c labels the length and the data so)
  classLength: { name: 'dhcp.option.vi_class.length', label: 'CableLab Address Mode', type: FT.UINT, bits: 8 },
  classData: { name: 'dhcp.option.vi_class.data', label: 'NetInfo Parent Server Tag', type: FT.STRING },
  enterprise: { name: `${P}.enterprise`, label: 'Enterprise', type: FT.UINT, names: ENTERPRISE_NAMES, unknownName: true },
  length: { name: `${P}.length`, label: 'Length', type: FT.UINT, bits: 8 },
  value: { name: `${P}.value`, label: 'Value', type: FT.BYTES },
  tr111Suboption: { name: `${P}.tr111.suboption`, label: 'Option 125 Suboption', type: FT.UINT, bits: 8, names: TR111_NAMES, unknownName: true },
  deviceOui: { name: `${P}.tr111.device_manufacturer_oui`, label: 'DeviceManufacturerOUI', type: FT.UINT, base: Base.HEX, bits: 24 },
  deviceSerial: { name: `${P}.tr111.device_serial_number`, label: 'DeviceSerialNumber', type: FT.STRING },
  deviceClass: { name: `${P}.tr111.device_product_class`, label: 'DeviceProductClass', type: FT.STRING },
  gatewayOui: { name: `${P}.tr111.gateway_manufacturer_oui`, label: 'GatewayManufacturerOUI', type: FT.STRING },
  gatewaySerial: { name: `${P}.tr111.gateway_serial_number`, label: 'GatewaySerialNumber', type: FT.STRING },
  gatewayClass: { name: `${P}.tr111.gateway_product_class`, label: 'GatewayProductClass', type: FT.STRING },
  clSuboption: { name: `${P}.cl.suboption`, label: 'Option 125 Suboption', type: FT.UINT, bits: 8, names: CABLELABS_NAMES, unknownName: true },
  clOptionRequest: { name: `${P}.cl.option_request`, label: 'Option Request', type: FT.BYTES },
  clTftpServers: { name: `${P}.cl.tftp_server_addresses`, label: 'TFTP Server Addresses', type: FT.IPV4 },
  clErouter: { name: `${P}.cl.erouter_container_option`, label: 'eRouter Container Option', type: FT.BYTES },
  clModemCapabilities: { name: `${P}.cl.modem_capabilities`, label: 'Modem Capabilities', type: FT.BYTES },
  vendorSuboption: { name: 'dhcp.vendor.suboption', label: 'Option 125 Suboption', type: FT.UINT, bits: 8 },
  vendorData: { name: 'dhcp.vendor.data', label: 'Data', type: FT.BYTES },
});

const BROADBAND_FORUM = 3561;
const CABLELABS = 4491;
const DEVICE_OUI = 1;
const CL_MIB_ENVIRONMENT = 4;
const CL_MODEM_CAPABILITIES = 5;

/** TR-111's suboptions (packet-dhcp.c's o125_tr111_opt): the device's OUI as hex text, strings. */
const TR111_FIELDS: ReadonlyMap<number, number> = new Map([
  [2, F.deviceSerial], [3, F.deviceClass], [4, F.gatewayOui], [5, F.gatewaySerial], [6, F.gatewayClass],
]);
/** CableLabs' suboptions of a basic type (o125_cl_opt). */
const CABLELABS_BASIC: ReadonlyMap<number, readonly [T, number]> = new Map([
  [1, [T.BYTES, F.clOptionRequest]], [2, [T.IPV4_LIST, F.clTftpServers]], [3, [T.BYTES, F.clErouter]],
]);
/** packet-dhcp.c's pkt_mib_env_ind_opt_vals (its MIB Environment Indicator field shares the
 *  suboption field's name, so it is a line of text here). */
const MIB_ENVIRONMENTS = names([[0, 'Reserved'], [1, 'CableLabs'], [2, 'IETF'], [3, 'EuroCableLabs']]);

// V-I Vendor Class: one byte is CableLabs' address mode; else enterprise, length, data
registerOption([124], (c, o) => {
  if (o.len === 1) {
    c.uint(F.classAddressMode, o.v, 1, o.end);
    return 1;
  }
  let k = o.v;
  for (; o.end - k >= 5 && !c.stop; k += 5 + c.u8(k + 4)) {
    c.uint(F.classEnterprise, k, 4, o.end);
    const n = c.uint(F.classLength, k + 4, 1, o.end);
    if (stringAt(c, F.classData, k + 5, n, o.end) < 0) return o.len;
  }
  if (k < o.end) expertAt(c, o.item, X.badLength, 'length < 5');
  return o.len;
});

// V-I Vendor-specific Information
registerOption([125], (c, o) => {
  const f = c.f;
  let k = o.v;
  while (o.end - k >= 5 && !c.stop) {
    const enterprise = c.u32(k);
    const item = f.add(F.enterprise, k, 4, enterprise);
    f.push(item);
    const n = c.u8(k + 4);
    f.add(F.length, k + 4, 1, n);
    k += 5;
    // (packet-dhcp.c's check of the data's length against the option's never fires: its
    // remaining-length test returns 0, not a negative, past the end)
    const stop = k + n;
    while (k < stop && !c.stop) {
      if (enterprise === BROADBAND_FORUM || enterprise === CABLELABS) {
        // the decoders' data: from k, n bytes long, of which those in the option are there
        if (k > o.end) {
          c.fail(Status.MALFORMED);
          break;
        }
        const data = { at: k, end: Math.min(k + n, o.end), reported: k + n };
        k += enterprise === BROADBAND_FORUM ? tr111(c, item, data) : cablelabs(c, item, data);
      } else k = generic(c, item, k, stop, o.end);
    }
    f.pop();
  }
  if (k < o.end && !c.stop) expertAt(c, o.item, X.badLength, 'length < 5');
  return o.len;
});

/** The data an enterprise's decoder is handed: [at, end) in the option, `reported` its end as
 *  its length says. Reading within `end` is fine; past it but within `reported` the packet stops
 *  as Wireshark's "length of contained item exceeds length of containing item"; past that, as
 *  malformed. */
interface Data {
  at: number;
  end: number;
  reported: number;
}

function readable(c: Ctx, d: Data, o: number, n: number): boolean {
  if (o + n <= d.end) return true;
  if (o + n <= d.reported) c.failContained();
  else c.fail(Status.MALFORMED);
  return false;
}

/**
 * The start of a suboption both decoders share: code and length (the suboption's line one byte
 * further than its code, as packet-dhcp.c adds it). Returns the suboption's entry (pushed: pop
 * it) and its length, or the bytes taken when there is no length or no room for the value.
 */
function suboptionStart(c: Ctx, enterprise: number, d: Data, id: number, suboptionNames: ReadonlyMap<number, string>): { item: number; len: number; taken: number } {
  const f = c.f;
  if (!readable(c, d, d.at, 1)) return { item: -1, len: 0, taken: 1 };
  const code = c.u8(d.at);
  if (d.reported - (d.at + 1) < 1) {
    noRoom(c, enterprise, code, 'length');
    return { item: -1, len: 0, taken: 1 };
  }
  if (!readable(c, d, d.at + 1, 1)) return { item: -1, len: 0, taken: 1 };
  const len = c.u8(d.at + 1);
  const item = f.add(id, d.at + 1, len + 2, code);
  if (full(c)) f.setText(item, `Option 125 Suboption: (${code}) ${suboptionNames.get(code) ?? 'Unknown'}`);
  f.push(item);
  f.add(SUB.length, d.at + 1, 1, len);
  if (d.reported - (d.at + 2) < len) {
    noRoom(c, item, code, 'value');
    f.pop();
    return { item: -1, len, taken: 2 };
  }
  return { item, len, taken: len + 2 };
}

/** A TR-111 suboption; returns the bytes it takes. */
function tr111(c: Ctx, enterprise: number, d: Data): number {
  const f = c.f;
  const s = suboptionStart(c, enterprise, d, F.tr111Suboption, TR111_NAMES);
  if (s.item === -1 || c.stop) return s.taken;
  const code = c.u8(d.at);
  const v = d.at + 2;
  // (the raw value goes beside the suboption, under the enterprise)
  f.pop();
  if (!readable(c, d, v, s.len)) return s.taken;
  f.add(F.value, v, s.len, 0, EF.HIDDEN);
  f.push(s.item);
  const id = TR111_FIELDS.get(code);
  if (id !== undefined) basicType(c, T.STRINGZ, id, v, s.len, d.end, s.item);
  else if (code === DEVICE_OUI) deviceOui(c, v, s.len);
  // (code 0 is in its table with no type: the value shows)
  else if (code === 0) f.add(F.value, v, s.len);
  f.pop();
  return s.taken;
}

/** TR-111's DeviceManufacturerOUI: six hex digits as text, read as packet-dhcp.c reads them
 *  (strtol, base 16: a prefix of hex digits, a sign, 0 for none, the long's limits on overflow,
 *  kept to 24 bits), shown as an OUI with its manufacturer's name (cut where Wireshark's 32-byte
 *  buffer for it ends). */
function deviceOui(c: Ctx, v: number, n: number): void {
  const f = c.f;
  let text = '';
  for (let k = v; k < v + n && c.u8(k) !== 0; k++) text += String.fromCharCode(c.u8(k));
  const m = /^\s*([+-]?)(?:0[xX](?=[0-9a-fA-F]))?([0-9a-fA-F]*)/.exec(text);
  let long = m === null || m[2] === '' ? 0n : BigInt(`0x${m[2] as string}`);
  if (m?.[1] === '-') long = -long;
  const LIMIT = 2n ** 63n;
  long = long >= LIMIT ? LIMIT - 1n : long < -LIMIT ? -LIMIT : long;
  const oui = Number(BigInt.asUintN(32, long) & 0xffffffn);
  const i = f.add(F.deviceOui, v, n, oui);
  if (full(c)) {
    const hex = [oui >> 16, (oui >> 8) & 0xff, oui & 0xff].map((x) => x.toString(16).padStart(2, '0')).join(':');
    const name = OUI_NAMES.get(oui);
    f.setText(i, `DeviceManufacturerOUI: ${(name === undefined ? hex : `${hex} (${name})`).slice(0, 31)}`);
  }
}

/** A CableLabs suboption (option request, TFTP servers, eRouter container, MIB environment,
 *  modem capabilities); returns the bytes it takes. */
function cablelabs(c: Ctx, enterprise: number, d: Data): number {
  const f = c.f;
  const s = suboptionStart(c, enterprise, d, F.clSuboption, CABLELABS_NAMES);
  if (s.item === -1 || c.stop) return s.taken;
  const code = c.u8(d.at);
  const v = d.at + 2;
  const basic = CABLELABS_BASIC.get(code);
  if (basic !== undefined && readable(c, d, v, s.len)) {
    basicType(c, basic[0], basic[1], v, s.len, d.end, s.item);
    // (the option request's bytes are shown apart)
    if (code === 1 && full(c) && s.len > 0) {
      const i = f.last;
      const bytes: string[] = [];
      for (let k = v; k < v + s.len; k++) bytes.push(c.u8(k).toString(16).padStart(2, '0'));
      f.setText(i, `Option Request: ${bytes.join(' ')}`);
    }
  } else if (code === CL_MIB_ENVIRONMENT) {
    if (s.len !== 1) expertAt(c, s.item, X.badLength, "length isn't 1");
    else if (readable(c, d, v, 1)) f.text(v, 1, `MIB Environment Indicator Option: ${MIB_ENVIRONMENTS.get(c.u8(v)) ?? 'Unknown'} (${c.u8(v)})`);
  } else if (code === 0 && readable(c, d, v, s.len)) f.add(F.value, v, s.len);
  else if (code === CL_MODEM_CAPABILITIES && readable(c, d, v, s.len)) {
    // (packet-dhcp.c goes on into the DOCSIS capabilities, which are not decoded here)
    f.add(F.clModemCapabilities, v, s.len);
  }
  f.pop();
  return s.taken;
}

/** Another enterprise's suboption at k (its data ends at `stop`, which its length may put past
 *  the option's end `optEnd`): "Option 125 Suboption: 1", its length and data. Returns where the
 *  next starts. */
function generic(c: Ctx, enterprise: number, k: number, stop: number, optEnd: number): number {
  const f = c.f;
  const end = Math.min(stop, optEnd);
  const code = c.uint(F.vendorSuboption, k, 1, end);
  if (code < 0) return stop;
  const item = f.last;
  if (k + 1 >= stop) {
    noRoom(c, enterprise, code, 'length');
    return stop;
  }
  f.push(item);
  const len = c.uint(SUB.length, k + 1, 1, end);
  if (len >= 0 && k + 2 + len > stop) noRoom(c, item, code, 'value');
  else if (len >= 0) c.field(F.vendorData, k + 2, len, end);
  f.pop();
  return len < 0 || k + 2 + len > stop ? stop : k + 2 + len;
}
