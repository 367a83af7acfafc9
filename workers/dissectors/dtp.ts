// DTP, Cisco's Dynamic Trunking Protocol (Wireshark 4.0's packet-dtp.c; LLC SNAP with Cisco's OUI
// and PID 0x2004): how a switch port negotiates whether it is a trunk, and of which type. TLVs for
// the VTP domain, the trunk status and type (each byte's operating and administrative halves) and
// the sender's MAC; the protocol line sums them up as packet-dtp.c appends them (protocol-summary.ts).

import { Base, FT, fieldById, names, registerFields } from '../fields/registry.ts';
import { latin1Text } from './ascii.ts';
import type { Ctx } from './context.ts';
import { bind, registerDissector } from './tables.ts';

const F = registerFields({
  dtp: { name: 'dtp', label: 'Dynamic Trunk Protocol', type: FT.PROTOCOL },
  version: { name: 'dtp.version', label: 'Version', type: FT.UINT, bits: 8 },
  tlvType: { name: 'dtp.tlv_type', label: 'Type', type: FT.UINT, base: Base.HEX, bits: 16, names: names([[1, 'Domain'], [2, 'Trunk Status'], [3, 'Trunk Type'], [4, 'Sender ID']]) },
  tlvLen: { name: 'dtp.tlv_len', label: 'Length', type: FT.UINT, bits: 16 },
  domain: { name: 'dtp.domain', label: 'Domain', type: FT.STRING },
  tos: { name: 'dtp.tos', label: 'Trunk Operating Status', type: FT.UINT, base: Base.HEX, bits: 8, mask: 0x80, names: names([[0, 'Access'], [1, 'Trunk']]) },
  tas: { name: 'dtp.tas', label: 'Trunk Administrative Status', type: FT.UINT, base: Base.HEX, bits: 8, mask: 0x07, names: names([[1, 'On'], [2, 'Off'], [3, 'Desirable'], [4, 'Auto']]) },
  tot: { name: 'dtp.tot', label: 'Trunk Operating Type', type: FT.UINT, base: Base.HEX, bits: 8, mask: 0xe0, names: names([[1, 'Native'], [2, 'ISL'], [5, '802.1Q']]) },
  tat: { name: 'dtp.tat', label: 'Trunk Administrative Type', type: FT.UINT, base: Base.HEX, bits: 8, mask: 0x07, names: names([[0, 'Negotiated'], [1, 'Native'], [2, 'ISL'], [5, '802.1Q']]) },
  senderId: { name: 'dtp.senderid', label: 'Sender ID', type: FT.ETHER },
});

const nameOf = (id: number, v: number): string => fieldById(id).names?.get(v) ?? 'Unknown';

function dissectDtp(c: Ctx, off: number, end: number): void {
  const f = c.f;
  c.colProtocol = 'DTP';
  if (f.wanted === null) c.setInfo('Dynamic Trunk Protocol');
  c.proto(F.dtp, off, end);
  c.uint(F.version, off, 1, end);
  let o = off + 1;
  while (o + 4 <= end && !c.stop) {
    if (!c.has(o, 4, end)) break;
    const type = c.u16(o);
    const len = c.u16(o + 2);
    if (len < 4) break;
    const v = o + 4;
    const vend = Math.min(o + len, end);
    f.push(f.text(o, Math.min(len, c.b.length - o), nameOf(F.tlvType, type)));
    f.add(F.tlvType, o, 2, type);
    f.add(F.tlvLen, o + 2, 2, len);
    switch (type) {
      case 1: {
        const d = c.has(v, vend - v, end) ? latin1Text(c.b, v, vend, true) : '';
        f.addStr(F.domain, v, vend - v, d);
        break;
      }
      case 2:
      case 3: {
        if (!c.has(v, 1, end)) break;
        const b = c.u8(v);
        const [hi, lo] = type === 2 ? [F.tos, F.tas] : [F.tot, F.tat];
        const text = `${nameOf(hi, (b & fieldById(hi).mask) >> (type === 2 ? 7 : 5))}/${nameOf(lo, b & 7)} (0x${b.toString(16).padStart(2, '0')})`;
        f.push(f.text(v, 1, `Value: ${text}`));
        f.add(hi, v, 1, (b & fieldById(hi).mask) >> (type === 2 ? 7 : 5));
        f.add(lo, v, 1, b & 7);
        f.pop();
        break;
      }
      case 4:
        c.field(F.senderId, v, 6, end);
        break;
    }
    f.pop();
    o += len;
  }
  f.pop();
}

registerDissector('dtp', dissectDtp);
bind('llc.cisco_pid', 0x2004, 'dtp');
