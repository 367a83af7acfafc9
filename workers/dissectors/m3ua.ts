// M3UA, the SS7 MTP3 User Adaptation Layer (RFC 4666; Wireshark 4.0's packet-m3ua.c), SCTP payload
// protocol 3: SS7 signalling (ISUP, SCCP) carried over IP. The common header (version, message
// class and type) and the message's parameters, each its tag, length, value and padding; Info is
// the message's abbreviation ("DATA "). The parameters' contents and the SS7 user parts inside
// Protocol Data are not decoded.

import { Base, FT, names, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { bind, registerDissector } from './tables.ts';

/** Message types by class * 256 + type: name and abbreviation (packet-m3ua.c's). */
const MESSAGES = new Map<number, readonly [string, string]>([
  [0x0000, ['Error', 'ERR']], [0x0001, ['Notify', 'NTFY']],
  [0x0101, ['Payload data', 'DATA']],
  [0x0201, ['Destination unavailable', 'DUNA']], [0x0202, ['Destination available', 'DAVA']], [0x0203, ['Destination state audit', 'DAUD']],
  [0x0204, ['Signalling congestion', 'SCON']], [0x0205, ['Destination userpart unavailable', 'DUPU']], [0x0206, ['Destination restricted', 'DRST']],
  [0x0301, ['ASP up', 'ASPUP']], [0x0302, ['ASP down', 'ASPDN']], [0x0303, ['Heartbeat', 'BEAT']], [0x0304, ['ASP up ack', 'ASPUP_ACK']],
  [0x0305, ['ASP down ack', 'ASPDN_ACK']], [0x0306, ['Heartbeat ack', 'BEAT_ACK']],
  [0x0401, ['ASP active', 'ASPAC']], [0x0402, ['ASP inactive', 'ASPIA']], [0x0403, ['ASP active ack', 'ASPAC_ACK']], [0x0404, ['ASP inactive ack', 'ASPIA_ACK']],
  [0x0901, ['Registration request', 'REG_REQ']], [0x0902, ['Registration response', 'REG_RSP']],
  [0x0903, ['Deregistration request', 'DEREG_REQ']], [0x0904, ['Deregistration response', 'DEREG_RSP']],
]);

const TAGS = names([
  [4, 'Info string'], [6, 'Routing context'], [7, 'Diagnostic Information'], [9, 'Heartbeat data'], [11, 'Traffic mode type'],
  [12, 'Error code'], [13, 'Status'], [17, 'ASP identifier'], [18, 'Affected point code'], [19, 'Correlation identifier'],
  [512, 'Network appearance'], [516, 'User / cause'], [517, 'Congestion indications'], [518, 'Concerned destination'],
  [519, 'Routing key'], [520, 'Registration result'], [521, 'Deregistration result'], [522, 'Local routing key identifier'],
  [523, 'Destination point code'], [524, 'Service indicators'], [526, 'Originating point code list'], [527, 'Circuit range'],
  [528, 'Protocol data'], [530, 'Registration status'], [531, 'Deregistration status'],
]);

const F = registerFields({
  m3ua: { name: 'm3ua', label: 'MTP 3 User Adaptation Layer', type: FT.PROTOCOL },
  version: { name: 'm3ua.version', label: 'Version', type: FT.UINT, bits: 8, names: names([[1, 'Release 1']]) },
  reserved: { name: 'm3ua.reserved', label: 'Reserved', type: FT.UINT, base: Base.HEX, bits: 8 },
  messageClass: { name: 'm3ua.message_class', label: 'Message class', type: FT.UINT, bits: 8, names: names([
    [0, 'Management messages'], [1, 'Transfer messages'], [2, 'SS7 signalling network management messages'],
    [3, 'ASP state maintenance messages'], [4, 'ASP traffic maintenance messages'], [9, 'Routing key management messages']]) },
  messageType: { name: 'm3ua.message_type', label: 'Message Type', type: FT.UINT, bits: 8 },
  messageLength: { name: 'm3ua.message_length', label: 'Message length', type: FT.UINT, bits: 32 },
  parameter: { name: 'm3ua.parameter', label: 'Parameter', type: FT.NONE },
  tag: { name: 'm3ua.parameter_tag', label: 'Parameter Tag', type: FT.UINT, bits: 16, names: TAGS, unknownName: true },
  length: { name: 'm3ua.parameter_length', label: 'Parameter length', type: FT.UINT, bits: 16 },
  value: { name: 'm3ua.parameter_value', label: 'Parameter value', type: FT.BYTES },
  padding: { name: 'm3ua.parameter_padding', label: 'Padding', type: FT.BYTES },
});

const HEADER_LEN = 8;

function dissectM3ua(c: Ctx, off: number, end: number): void {
  const f = c.f;
  c.colProtocol = 'M3UA (RFC 4666)';
  if (!c.has(off, HEADER_LEN, end)) return;
  const cls = c.u8(off + 2);
  const type = c.u8(off + 3);
  const message = MESSAGES.get(cls * 256 + type);
  if (f.wanted === null) c.setInfo(`${message?.[1] ?? 'Unknown'} `);
  c.proto(F.m3ua, off, end);
  c.uint(F.version, off, 1, end);
  c.uint(F.reserved, off + 1, 1, end);
  f.add(F.messageClass, off + 2, 1, cls);
  const t = f.add(F.messageType, off + 3, 1, type);
  if (f.wanted === null) f.setText(t, `Message Type: ${message === undefined ? 'Unknown' : `${message[0]} (${message[1]})`} (${type})`);
  const len = c.uint(F.messageLength, off + 4, 4, end);
  const stop = Math.min(end, off + Math.max(len, HEADER_LEN));
  let o = off + HEADER_LEN;
  while (o + 4 <= stop && !c.stop) {
    const tag = c.u16(o);
    const plen = c.u16(o + 2);
    if (plen < 4) break;
    const padded = (plen + 3) & ~3;
    const item = f.add(F.parameter, o, Math.min(padded, stop - o));
    if (f.wanted === null) {
      const name = TAGS.get(tag);
      f.label(item, name === undefined ? `Unknown parameter (tag ${tag} and ${plen - 4} bytes value)` : name);
    }
    f.push(item);
    f.add(F.tag, o, 2, tag);
    f.add(F.length, o + 2, 2, plen);
    if (plen > 4) c.field(F.value, o + 4, plen - 4, stop);
    if (padded > plen && o + padded <= stop) c.field(F.padding, o + plen, padded - plen, stop);
    f.pop();
    o += padded;
  }
  f.pop();
}

registerDissector('m3ua', dissectM3ua);
bind('sctp.ppi', 3, 'm3ua');
