// PPTP's control connection on TCP 1723 (RFC 2637; Wireshark packet-pptp.c): the common header of
// each control message (length, message type, magic cookie, control message type), whose type the
// Info column names. The messages' own fields (after the header's reserved word) are not decoded.

import { Base, FT, names, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { bind, registerDissector } from './tables.ts';

const MAGIC_COOKIE = 0x1a2b3c4d;
const HEADER_LEN = 12;

export const PPTP_CONTROL_TYPES = names([
  [1, 'Start-Control-Connection-Request'], [2, 'Start-Control-Connection-Reply'], [3, 'Stop-Control-Connection-Request'],
  [4, 'Stop-Control-Connection-Reply'], [5, 'Echo-Request'], [6, 'Echo-Reply'], [7, 'Outgoing-Call-Request'],
  [8, 'Outgoing-Call-Reply'], [9, 'Incoming-Call-Request'], [10, 'Incoming-Call-Reply'], [11, 'Incoming-Call-Connected'],
  [12, 'Call-Clear-Request'], [13, 'Call-Disconnect-Notify'], [14, 'WAN-Error-Notify'], [15, 'Set-Link-Info'],
]);

export const F = registerFields({
  pptp: { name: 'pptp', label: 'Point-to-Point Tunnelling Protocol', type: FT.PROTOCOL },
  length: { name: 'pptp.length', label: 'Length', type: FT.UINT, bits: 16 },
  type: { name: 'pptp.type', label: 'Message type', type: FT.UINT, bits: 16, names: names([[1, 'Control Message'], [2, 'Management Message']]) },
  magicCookie: { name: 'pptp.magic_cookie', label: 'Magic Cookie', type: FT.UINT, base: Base.HEX, bits: 32 },
  controlType: { name: 'pptp.control_message_type', label: 'Control Message Type', type: FT.UINT, bits: 16, names: PPTP_CONTROL_TYPES },
  reserved: { name: 'pptp.reserved', label: 'Reserved', type: FT.BYTES },
});

export function dissectPptp(c: Ctx, off: number, end: number): void {
  const f = c.f;
  const len = c.has(off, 2, end) ? c.u16(off) : 0;
  c.proto(F.pptp, off, Math.min(end, off + Math.max(len, 2)));
  if (!c.has(off, HEADER_LEN, end)) return;
  f.add(F.length, off, 2, len);
  f.add(F.type, off + 2, 2, c.u16(off + 2));
  const cookie = c.u32(off + 4);
  const item = f.add(F.magicCookie, off + 4, 4, cookie);
  if (f.wanted === null) f.appendLabel(item, cookie === MAGIC_COOKIE ? ' (correct)' : ' (incorrect)');
  f.add(F.controlType, off + 8, 2, c.u16(off + 8));
  c.field(F.reserved, off + 10, 2, end);
  // the message's own fields follow; not decoded (Wireshark decodes them, so no data layer here)
  f.pop();
}

registerDissector('pptp', dissectPptp);
bind('tcp.port', 1723, 'pptp');
