// Cisco HDLC, LINKTYPE_C_HDLC (104) and NetBSD's LINKTYPE_HDLC (112)
// (https://www.tcpdump.org/linktypes/LINKTYPE_C_HDLC.html; Wireshark packet-chdlc.c).
//
//   +----------+----------+-------------------------------+-------------
//   | Address  | Control  | Protocol (an EtherType)       | payload …
//   | 0x0f/0x8f|   0x00   |                               |
//   +----------+----------+-------------------------------+-------------
// Address 0x0f is unicast, 0x8f broadcast. The protocol is an EtherType, except that 0x8035 is
// Cisco SLARP (slarp.ts) here, not RARP. "There is a Padding Byte for CLNS protocols over Cisco
// HDLC" (type 0xfefe) unless the byte is already an OSI NLPID. The FCS is not in captures.

import { Base, FT, names, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { pointToPointColumns } from './link-columns.ts';
import { dissectData } from './data.ts';
import { ETHERTYPE_NAMES } from './ethernet.ts';
import { dissectSlarp } from './slarp.ts';
import { bind, registerDissector } from './tables.ts';

const ADDRESS = 0;
const CONTROL = 1;
const PROTOCOL = 2;
export const CHDLC_HEADER_LEN = PROTOCOL + 2;
const CHDLCTYPE_SLARP = 0x8035;
const CHDLCTYPE_OSI = 0xfefe;
/** NLPIDs of CLNP, ES-IS and IS-IS: "older Juniper SW does not send a zero pad byte". */
const NLPID_CLNP = 0x81;
const NLPID_ESIS = 0x82;
const NLPID_ISIS = 0x83;

const PROTOCOL_NAMES = new Map<number, string>([...ETHERTYPE_NAMES, [CHDLCTYPE_SLARP, 'SLARP'], [CHDLCTYPE_OSI, 'OSI'], [0x2000, 'CDP']]);

export const F = registerFields({
  chdlc: { name: 'chdlc', label: 'Cisco HDLC', type: FT.PROTOCOL },
  address: { name: 'chdlc.address', label: 'Address', type: FT.UINT, base: Base.HEX, bits: 8, names: names([[0x0f, 'Unicast'], [0x8f, 'Multicast']]) },
  control: { name: 'chdlc.control', label: 'Control', type: FT.UINT, base: Base.HEX, bits: 8 },
  protocol: { name: 'chdlc.protocol', label: 'Protocol', type: FT.UINT, base: Base.HEX, bits: 16, names: PROTOCOL_NAMES },
  clnsPadding: { name: 'chdlc.clns_padding', label: 'CLNS Padding', type: FT.UINT, base: Base.HEX, bits: 8 },
});

export function dissectChdlc(c: Ctx, off: number, end: number): void {
  const f = c.f;
  pointToPointColumns(c);
  // Wireshark reads the address and the protocol before adding anything.
  if (!c.has(off, CHDLC_HEADER_LEN, end)) return;
  const protocol = c.u16(off + PROTOCOL);
  c.proto(F.chdlc, off, off + CHDLC_HEADER_LEN);
  f.add(F.address, off + ADDRESS, 1, c.u8(off + ADDRESS));
  f.add(F.control, off + CONTROL, 1, c.u8(off + CONTROL));
  f.add(F.protocol, off + PROTOCOL, 2, protocol);
  let p = off + CHDLC_HEADER_LEN;
  if (!c.has(p, 1, end)) return;
  const pad = c.u8(p);
  if (protocol === CHDLCTYPE_OSI && pad !== NLPID_CLNP && pad !== NLPID_ESIS && pad !== NLPID_ISIS) {
    f.add(F.clnsPadding, p, 1, pad);
    p++;
  }
  f.pop();
  const d = protocol === CHDLCTYPE_SLARP ? dissectSlarp : c.tables.lookup('ethertype', protocol);
  c.call(d ?? dissectData, p, end);
}

registerDissector('chdlc', dissectChdlc);
bind('wtap_encap', 104, 'chdlc');
bind('wtap_encap', 112, 'chdlc');
