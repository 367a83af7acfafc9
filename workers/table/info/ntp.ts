// The Info column of NTP, as packet-ntp.c writes it.

import type { FieldList } from '../../fields/field-list.ts';
import { num } from './fields.ts';

const VERSIONS = ['reserved', 'NTP Version 1', 'NTP Version 2', 'NTP Version 3', 'NTP Version 4', 'reserved', 'reserved', 'reserved'];
const MODES = ['reserved', 'symmetric active', 'symmetric passive', 'client', 'server', 'broadcast', 'control', 'private'];

/** "NTP Version 4, client": the version and the mode (Wireshark's info_mode_types: "control",
 *  "private", not the tree's longer names). A private (ntpdc) message's request code, which
 *  Wireshark adds after it, is not decoded. */
export function ntpInfo(fl: FieldList): string {
  const vn = num(fl, 'ntp.flags.vn');
  const mode = num(fl, 'ntp.flags.mode');
  if (Number.isNaN(vn) || Number.isNaN(mode)) return '';
  return `${VERSIONS[vn]}, ${MODES[mode]}`;
}
