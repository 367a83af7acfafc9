// The Info column of DHCP and BOOTP (packet-dhcp.c) and of DHCPv6 (packet-dhcpv6.c), as Wireshark
// writes it.

import type { FieldList } from '../../fields/field-list.ts';
import { bytesHex } from '../../fields/format.ts';
import { find, ids, namedAt, namedOr, num, text, valueText } from './fields.ts';

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
    const name = namedOr(fl, 'dhcp.option.dhcp', (v) => `Unknown Message Type (0x${v.toString(16).padStart(2, '0')})`);
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

const [DHCPV6_MSGTYPE, DHCPV6_XID, DHCPV6_LINK, DHCPV6_OPTION, DHCPV6_LENGTH, DHCPV6_IAA] = ids(
  'dhcpv6.msgtype', 'dhcpv6.xid', 'dhcpv6.linkaddr', 'dhcpv6.option.type', 'dhcpv6.option.length', 'dhcpv6.iaaddr.ip',
);
/** bytes_to_str's limit: longer values are cut to this many bytes and an ellipsis. */
const MAX_BYTES = 36;

/** packet-dhcpv6.c: what each message and option appends, in their order: "Advertise XID:
 *  0x90b45c IAA: 2a00:… CID: 00030001000102030405 " (each part ends in a space); a relay's
 *  link address ("L: …") and the message it carries after it. */
export function dhcpv6Info(fl: FieldList): string {
  let s = '';
  for (let i = 0; i < fl.count; i++) {
    const id = fl.id[i] as number;
    const v = fl.num[i] as number;
    if (id === DHCPV6_MSGTYPE) s += `${namedAt(fl, i, (t) => `Message Type ${t}`)} `;
    else if (id === DHCPV6_XID) s += `XID: 0x${v.toString(16).padStart(6, '0')} `;
    else if (id === DHCPV6_LINK || id === DHCPV6_IAA) s += `${id === DHCPV6_LINK ? 'L' : 'IAA'}: ${valueText(fl, i)} `;
    else if (id === DHCPV6_OPTION && v === 1 && fl.id[i + 1] === DHCPV6_LENGTH) {
      // the Client Identifier's value: the option's bytes after its type and length
      const len = fl.num[i + 1] as number;
      const at = (fl.off[i] as number) + 4;
      if (len > 0) s += `CID: ${bytesHex(fl.bytesOf(i), at, Math.min(len, MAX_BYTES))}${len > MAX_BYTES ? '…' : ''} `;
    }
  }
  return s;
}
