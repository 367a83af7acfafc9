// The Info column of 802.11, as packet-ieee80211.c writes it: the frame's type and subtype, the
// sequence and fragment numbers (management and data frames), the flags as "opmPRMFTC" with a dot
// for each clear bit (the C, "FCS present", only when the frame has one), then what the management
// body adds: the beacon interval and the SSID.

import type { FieldList } from '../../fields/field-list.ts';
import { ssidText } from '../../dissectors/ieee80211-mgt.ts';
import { flagsPicture, TYPE_SUBTYPE_NAMES, UNNAMED_TYPE } from '../../dissectors/ieee80211.ts';
import { find, num } from './fields.ts';


export function wlanInfo(fl: FieldList): string {
  const ts = num(fl, 'wlan.fc.type_subtype', false);
  if (Number.isNaN(ts)) return '';
  let s = TYPE_SUBTYPE_NAMES.get(ts) ?? UNNAMED_TYPE;
  const seq = num(fl, 'wlan.seq', false);
  if (!Number.isNaN(seq)) s += `, SN=${seq}, FN=${num(fl, 'wlan.frag', false)}`;
  const flags = num(fl, 'wlan.flags', false);
  if (!Number.isNaN(flags)) s += `, Flags=${flagsPicture(flags, find(fl, 'wlan.fcs', false) >= 0)}`;
  const bi = num(fl, 'wlan.fixed.beacon', false);
  if (!Number.isNaN(bi)) s += `, BI=${bi}`;
  const ssid = find(fl, 'wlan.ssid', false);
  if (ssid >= 0) {
    const len = fl.len[ssid] as number;
    s += len === 0 ? ', SSID=Wildcard (Broadcast)' : `, SSID=${ssidText(fl.bytesOf(ssid), fl.off[ssid] as number, len)}`;
  }
  return s;
}

/** A radiotap header with no 802.11 frame after it (cut): packet-ieee80211-radiotap.c's own Info. */
export function radiotapInfo(fl: FieldList): string {
  return `Radiotap Capture v${num(fl, 'radiotap.version', false)}, Length ${num(fl, 'radiotap.length', false)}`;
}
