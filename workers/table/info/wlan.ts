// The Info column of 802.11, as packet-ieee80211.c writes it: the frame's type and subtype, the
// sequence and fragment numbers (management and data frames), the flags as "opmPRMFTC" with a dot
// for each clear bit (the C, "FCS present", only when the frame has one), then what the management
// body adds: the beacon interval and the SSID.

import type { FieldList } from '../../fields/field-list.ts';
import { ssidText } from '../../dissectors/ieee80211-mgt.ts';
import { find, num } from './fields.ts';

/** Wireshark's frame_type_subtype_vals, by (type << 4) | subtype. */
const NAMES = new Map<number, string>([
  [0x00, 'Association Request'], [0x01, 'Association Response'], [0x02, 'Reassociation Request'], [0x03, 'Reassociation Response'],
  [0x04, 'Probe Request'], [0x05, 'Probe Response'], [0x06, 'Measurement Pilot'], [0x08, 'Beacon frame'], [0x09, 'ATIM'],
  [0x0a, 'Disassociate'], [0x0b, 'Authentication'], [0x0c, 'Deauthentication'], [0x0d, 'Action'], [0x0e, 'Action No Ack'],
  [0x0f, 'Aruba Management'], [0x12, 'Trigger'], [0x14, 'Beamforming Report Poll'], [0x15, 'VHT/HE NDP Announcement'],
  [0x17, 'Control Wrapper'], [0x18, '802.11 Block Ack Req'], [0x19, '802.11 Block Ack'], [0x1a, 'Power-Save poll'],
  [0x1b, 'Request-to-send'], [0x1c, 'Clear-to-send'], [0x1d, 'Acknowledgement'], [0x1e, 'CF-End (Control-frame)'],
  [0x1f, 'CF-End + CF-Ack (Control-frame)'], [0x20, 'Data'], [0x21, 'Data + CF-Ack'], [0x22, 'Data + CF-Poll'],
  [0x23, 'Data + CF-Ack + CF-Poll'], [0x24, 'Null function (No data)'], [0x25, 'Acknowledgement (No data)'],
  [0x26, 'CF-Poll (No data)'], [0x27, 'CF-Ack/Poll (No data)'], [0x28, 'QoS Data'], [0x29, 'QoS Data + CF-Acknowledgment'],
  [0x2a, 'QoS Data + CF-Poll'], [0x2b, 'QoS Data + CF-Ack + CF-Poll'], [0x2c, 'QoS Null function (No data)'],
  [0x2e, 'QoS CF-Poll (No Data)'], [0x2f, 'QoS CF-Ack + CF-Poll (No data)'], [0x30, 'DMG Beacon'], [0x31, 'S1G Beacon'],
]);
const FLAG_LETTERS = 'opmPRMFT';

export function wlanInfo(fl: FieldList): string {
  const ts = num(fl, 'wlan.fc.type_subtype', false);
  if (Number.isNaN(ts)) return '';
  let s = NAMES.get(ts) ?? 'Unrecognized (Reserved frame)';
  const seq = num(fl, 'wlan.seq', false);
  if (!Number.isNaN(seq)) s += `, SN=${seq}, FN=${num(fl, 'wlan.frag', false)}`;
  const flags = num(fl, 'wlan.flags', false);
  if (!Number.isNaN(flags)) {
    let str = '';
    for (let k = 0; k < 8; k++) str += flags & (0x80 >> k) ? FLAG_LETTERS[k] : '.';
    if (find(fl, 'wlan.fcs', false) >= 0) str += 'C';
    s += `, Flags=${str}`;
  }
  const bi = num(fl, 'wlan.fixed.beacon', false);
  if (!Number.isNaN(bi)) s += `, BI=${bi}`;
  const ssid = find(fl, 'wlan.ssid', false);
  if (ssid >= 0) {
    const len = fl.len[ssid] as number;
    s += len === 0 ? ', SSID=Wildcard (Broadcast)' : `, SSID=${ssidText(fl.bytesOf(ssid), fl.off[ssid] as number, len)}`;
  }
  return s;
}
