// The Info column of DHCP and BOOTP, as packet-dhcp.c writes it.

import type { FieldList } from '../../fields/field-list.ts';
import { bytesHex } from '../../fields/format.ts';
import { find, named, num, text } from './fields.ts';

/**
 * A DHCP message (one with a Message Type option: the last one, as Wireshark's first look at the
 * options keeps it): "DHCP Offer    - Transaction ID 0x9edf45b0" (the type padded to 8, %-8s).
 * BOOTP without it: "Boot Request from MAC (MAC)" (the address and its name, unresolved), "Boot
 * Reply", or the unknown op. Wireshark writes the BOOTP text first and the DHCP one only once its
 * walk over the options is done: options cut by the capture (an `exception` before the End
 * option) leave the BOOTP text (ngtg_le_test012.pcapng).
 */
export function dhcpInfo(fl: FieldList, exception: number): string {
  const op = num(fl, 'dhcp.type', false);
  if (Number.isNaN(op)) return '';
  const type = find(fl, 'dhcp.option.dhcp');
  if (type >= 0 && (exception === 0 || find(fl, 'dhcp.option.end') >= 0)) {
    const v = fl.num[type] as number;
    const name = named(fl, 'dhcp.option.dhcp') || `Unknown Message Type (0x${v.toString(16).padStart(2, '0')})`;
    return `DHCP ${name.padEnd(8)} - Transaction ID 0x${num(fl, 'dhcp.id', false).toString(16)}`;
  }
  if (op === 2) return 'Boot Reply';
  if (op !== 1) return `Unknown BOOTP message type (${op})`;
  // the header's client address (option 61 may add its own after the header's)
  const mac = text(fl, 'dhcp.hw.mac_addr', false);
  if (mac !== '') return `Boot Request from ${mac} (${mac})`;
  const hw = find(fl, 'dhcp.hw.addr', false);
  if (hw < 0) return 'Boot Request';
  const from = bytesHex(fl.bytesOf(hw), fl.off[hw] as number, fl.len[hw] as number, ':');
  // an IEEE 802 address of 6 bytes is named as an Ethernet one
  return num(fl, 'dhcp.hw.len', false) === 6 && num(fl, 'dhcp.hw.type', false) === 6 ? `Boot Request from ${from} (${from})` : `Boot Request from ${from}`;
}
