// BACnet/IP (ASHRAE 135; Wireshark 4.0's packet-bvlc.c, packet-bacnet.c, packet-bacapp.c) on UDP
// 47808: the building-automation traffic (chillers, CRAC units, power meters) that shares a data
// centre's networks. The BVLC header, the NPDU with its control bits and network addresses, and
// the APDU's type and service; of the services, the device discovery Who-Is with its instance
// range (the corpus's). Info as tshark writes it ("Unconfirmed-REQ who-Is 7001 7001 ").

import { Base, FT, fieldById, names, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { flagParts } from './flag-names.ts';
import { bind, registerDissector } from './tables.ts';

const flag = (name: string, label: string, mask: number, yes: string, no: string) =>
  ({ name, label, type: FT.BOOLEAN, bits: 8, mask, tf: [yes, no] as const }) as const;

const F = registerFields({
  bvlc: { name: 'bvlc', label: 'BACnet Virtual Link Control', type: FT.PROTOCOL },
  bvlcType: { name: 'bvlc.type', label: 'Type', type: FT.UINT, base: Base.HEX, bits: 8, names: names([[0x81, 'BACnet/IP (Annex J)'], [0x82, 'BACnet/IPV6 (Annex U)']]) },
  bvlcFunction: {
    name: 'bvlc.function', label: 'Function', type: FT.UINT, base: Base.HEX, bits: 8,
    names: names([[0x0, 'BVLC-Result'], [0x1, 'Write-Broadcast-Distribution-Table'], [0x2, 'Read-Broadcast-Distribution-Table'],
      [0x3, 'Read-Broadcast-Distribution-Table-Ack'], [0x4, 'Forwarded-NPDU'], [0x5, 'Register-Foreign-Device'], [0x6, 'Read-Foreign-Device-Table'],
      [0x7, 'Read-Foreign-Device-Table-Ack'], [0x8, 'Delete-Foreign-Device-Table-Entry'], [0x9, 'Distribute-Broadcast-To-Network'],
      [0xa, 'Original-Unicast-NPDU'], [0xb, 'Original-Broadcast-NPDU'], [0xc, 'Secured-BVLL']]),
  },
  bvlcLength: { name: 'bvlc.length', label: 'BVLC-Length', type: FT.UINT, bits: 16 },
  bacnet: { name: 'bacnet', label: 'Building Automation and Control Network NPDU', type: FT.PROTOCOL },
  version: { name: 'bacnet.version', label: 'Version', type: FT.UINT, bits: 8 },
  control: { name: 'bacnet.control', label: 'Control', type: FT.UINT, base: Base.HEX, bits: 8 },
  controlNet: flag('bacnet.control_net', 'NSDU contains', 0x80, 'network layer message, message type field present.', 'BACnet APDU, message type field absent.'),
  controlRes1: flag('bacnet.control_res1', 'Reserved', 0x40, 'Shall be zero, but is one.', 'Shall be zero and is zero.'),
  controlDest: flag('bacnet.control_dest', 'Destination Specifier', 0x20, 'DNET, DLEN and Hop Count present. If DLEN=0: broadcast, dest. address field absent.', 'DNET, DLEN, DADR and Hop Count absent.'),
  controlRes2: flag('bacnet.control_res2', 'Reserved', 0x10, 'Shall be zero, but is one.', 'Shall be zero and is zero.'),
  controlSrc: flag('bacnet.control_src', 'Source specifier', 0x08, 'SNET, SLEN and SADR present, SLEN=0 invalid, SLEN specifies length of SADR', 'SNET, SLEN and SADR absent'),
  controlExpect: flag('bacnet.control_expect', 'Expecting Reply', 0x04, 'BACnet-Confirmed-Request-PDU, a segment of BACnet-ComplexACK-PDU or Network Message expecting a reply present.', 'Other than a BACnet-Confirmed-Request-PDU, segment of BACnet-ComplexACK-PDU or network layer message expecting a reply present.'),
  controlPrioHigh: flag('bacnet.control_prio_high', 'Priority', 0x02, 'Life Safety or Critical Equipment message.', 'Not a Life Safety or Critical Equipment message.'),
  controlPrioLow: flag('bacnet.control_prio_low', 'Priority', 0x01, 'Urgent message', 'Normal message'),
  dnet: { name: 'bacnet.dnet', label: 'Destination Network Address', type: FT.UINT, bits: 16 },
  dlen: { name: 'bacnet.dlen', label: 'Destination MAC Layer Address Length', type: FT.UINT, bits: 8 },
  dadr: { name: 'bacnet.dadr_tmp', label: 'Unknown Destination MAC', type: FT.BYTES },
  snet: { name: 'bacnet.snet', label: 'Source Network Address', type: FT.UINT, bits: 16 },
  slen: { name: 'bacnet.slen', label: 'Source MAC Layer Address Length', type: FT.UINT, bits: 8 },
  sadr: { name: 'bacnet.sadr_tmp', label: 'Unknown Source MAC', type: FT.BYTES },
  hopc: { name: 'bacnet.hopc', label: 'Hop Count', type: FT.UINT, bits: 8 },
  bacapp: { name: 'bacapp', label: 'Building Automation and Control Network APDU', type: FT.PROTOCOL },
  apduType: {
    name: 'bacapp.type', label: 'APDU Type', type: FT.UINT, bits: 8, mask: 0xf0,
    names: names([[0, 'Confirmed-REQ'], [1, 'Unconfirmed-REQ'], [2, 'Simple-ACK'], [3, 'Complex-ACK'], [4, 'Segment-ACK'], [5, 'Error'], [6, 'Reject'], [7, 'Abort']]),
  },
  unconfirmedService: {
    name: 'bacapp.unconfirmed_service', label: 'Unconfirmed Service Choice', type: FT.UINT, bits: 8,
    names: names([[0, 'i-Am'], [1, 'i-Have'], [2, 'unconfirmedCOVNotification'], [3, 'unconfirmedEventNotification'], [4, 'unconfirmedPrivateTransfer'],
      [5, 'unconfirmedTextMessage'], [6, 'timeSynchronization'], [7, 'who-Has'], [8, 'who-Is'], [9, 'utcTimeSynchronization'], [10, 'writeGroup'],
      [11, 'unconfirmedCovNotificationMultiple'], [12, 'unconfirmedAuditNotification'], [13, 'who-am-I'], [14, 'you-are']]),
  },
  lowLimit: { name: 'bacapp.who_is.low_limit', label: 'Device Instance Range Low Limit', type: FT.UINT },
  highLimit: { name: 'bacapp.who_is.high_limit', label: 'Device Instance Range High Limit', type: FT.UINT },
  tagClass: { name: 'bacapp.tag_class', label: 'Tag Class', type: FT.BOOLEAN, bits: 8, mask: 0x08, tf: ['Context Specific Tag', 'Application Tag'] },
  contextTag: { name: 'bacapp.context_tag_number', label: 'Context Tag Number', type: FT.UINT, bits: 8, mask: 0xf0 },
  lvt: { name: 'bacapp.LVT', label: 'Length Value Type', type: FT.UINT, bits: 8 },
});

const WHO_IS = 8;
const UNCONFIRMED = 1;

function full(c: Ctx): boolean {
  return c.f.wanted === null;
}

/** BVLC (Annex J): type, function, length, then the NPDU. */
export function dissectBvlc(c: Ctx, off: number, end: number): void {
  const f = c.f;
  if (!c.has(off, 4, end) || c.b[off] !== 0x81) {
    c.reject();
    return;
  }
  c.colProtocol = 'BVLC';
  c.proto(F.bvlc, off, off + 4);
  c.uint(F.bvlcType, off, 1, end);
  const fn = c.uint(F.bvlcFunction, off + 1, 1, end);
  const len = c.uint(F.bvlcLength, off + 2, 2, end);
  if (full(c)) f.setText(f.last, `BVLC-Length: 4 of ${len} bytes BACnet packet length`);
  f.pop();
  // the NPDU follows the BVLC of an original or forwarded NPDU
  if (fn === 0xa || fn === 0xb || fn === 0x9) c.call(dissectNpdu, off + 4, Math.min(end, off + len));
  else if (fn === 0x4) c.call(dissectNpdu, off + 10, Math.min(end, off + len));
}

/** The NPDU (clause 6.2): version, control, the network addresses it names, then the APDU. */
function dissectNpdu(c: Ctx, off: number, end: number): void {
  const f = c.f;
  c.colProtocol = 'BACnet-NPDU';
  c.proto(F.bacnet, off, end);
  const version = c.uint(F.version, off, 1, end);
  if (version < 0) return;
  if (full(c)) f.setText(f.last, `Version: 0x${version.toString(16).padStart(2, '0')}${version === 1 ? ' (ASHRAE 135-1995)' : ''}`);
  if (!c.has(off + 1, 1, end)) return;
  const control = c.u8(off + 1);
  const item = f.add(F.control, off + 1, 1, control);
  flagParts(c, item, [F.controlNet, F.controlRes1, F.controlDest, F.controlRes2, F.controlSrc, F.controlExpect, F.controlPrioHigh, F.controlPrioLow], off + 1, 1, control, false);
  if (full(c)) f.appendLabel(item, controlNames(control));
  let p = off + 2;
  if (control & 0x20) {
    c.uint(F.dnet, p, 2, end);
    const dlen = c.uint(F.dlen, p + 2, 1, end);
    if (dlen === 0 && full(c)) f.setText(f.last, 'Destination MAC Layer Address Length: 0 indicates Broadcast on Destination Network');
    p += 3;
    if (dlen > 0) {
      c.field(F.dadr, p, dlen, end);
      p += dlen;
    }
  }
  if (control & 0x08) {
    c.uint(F.snet, p, 2, end);
    const slen = c.uint(F.slen, p + 2, 1, end);
    p += 3;
    if (slen > 0) {
      c.field(F.sadr, p, slen, end);
      p += slen;
    }
  }
  if (control & 0x20) {
    c.uint(F.hopc, p, 1, end);
    p++;
  }
  f.pop();
  if (c.stop || control & 0x80) return;
  c.call(dissectApdu, p, end);
}

/** The set control bits named by their labels ("Control: 0x20, Destination Specifier"). */
function controlNames(control: number): string {
  let out = '';
  for (const id of [F.controlNet, F.controlDest, F.controlSrc, F.controlExpect]) {
    const def = fieldById(id);
    if (control & def.mask) out += `, ${def.label}`;
  }
  return out;
}

/** The APDU: its type and service; Who-Is's instance range. */
function dissectApdu(c: Ctx, off: number, end: number): void {
  const f = c.f;
  c.colProtocol = 'BACnet-APDU';
  c.proto(F.bacapp, off, end);
  if (!c.has(off, 1, end)) return;
  const type = c.u8(off) >> 4;
  f.add(F.apduType, off, 1, type);
  let info = `${fieldById(F.apduType).names?.get(type) ?? `Unknown (${type})`} `;
  if (type === UNCONFIRMED) {
    const service = c.uint(F.unconfirmedService, off + 1, 1, end);
    if (service >= 0) info += `${fieldById(F.unconfirmedService).names?.get(service) ?? service} `;
    if (service === WHO_IS) {
      let p = off + 2;
      for (const id of [F.lowLimit, F.highLimit]) {
        if (p >= end) break;
        const tag = c.u8(p);
        const n = tag & 0x07;
        if (!c.has(p + 1, n, end)) break;
        let v = 0;
        for (let k = 0; k < n; k++) v = v * 256 + (c.b[p + 1 + k] as number);
        const i = f.add(id, p, n + 1, v);
        f.push(i);
        f.push(full(c) ? f.text(p, 1, `Context Tag: ${tag >> 4}, Length/Value/Type: ${n}`) : -1);
        f.add(F.tagClass, p, 1, tag & 0x08);
        f.add(F.contextTag, p, 1, tag >> 4);
        f.add(F.lvt, p, 1, n);
        f.pop();
        f.pop();
        info += `${v} `;
        p += 1 + n;
      }
    }
  }
  if (full(c)) c.setInfo(info);
  f.pop();
}

registerDissector('bvlc', dissectBvlc);
bind('udp.port', 47808, 'bvlc');
