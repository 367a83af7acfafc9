// Cisco MetaData (draft-smith-kandula-sxp, the Security Group Tag carrier; Wireshark 4.0
// packet-cisco-metadata.c). Two layouts share one set of fields:
//
//   as EtherType 0x8909:  | Version | Length | Options (2) | SGT (2) | EtherType (2) | payload
//   in GRE (type 0x8909): | EtherType (2) | Version | Length | Options (2) | SGT (2) | payload
//
// In GRE the inner type is looked up in the GRE protocol table. Wireshark gives the protocol item
// a length of 6 in both layouts although 8 bytes are read; we do the same.

import { Base, FT, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { ETHERTYPE_NAMES, dispatchEthertype } from './ethernet.ts';
import { dispatchGre } from './gre.ts';
import { bind, registerDissector } from './tables.ts';

const VERSION = 0;
const LENGTH = 1;
const OPTIONS = 2;
const SGT = 4;
const TYPE = 6;
export const CMD_HEADER_LEN = TYPE + 2;
const ITEM_LEN = 6;

export const F = registerFields({
  cmd: { name: 'cmd', label: 'Cisco MetaData', type: FT.PROTOCOL },
  version: { name: 'cmd.version', label: 'Version', type: FT.UINT, bits: 8 },
  length: { name: 'cmd.length', label: 'Length', type: FT.UINT, bits: 8 },
  options: { name: 'cmd.options', label: 'Options', type: FT.UINT, base: Base.HEX, bits: 16 },
  sgt: { name: 'cmd.sgt', label: 'SGT', type: FT.UINT, bits: 16 },
  type: { name: 'cmd.type', label: 'Type', type: FT.UINT, base: Base.HEX, bits: 16, names: ETHERTYPE_NAMES },
});

/** The fields after the EtherType (GRE) or before it (Ethernet): version, length, options, SGT. */
function body(c: Ctx, o: number, end: number): void {
  c.uint(F.version, o + VERSION, 1, end);
  c.uint(F.length, o + LENGTH, 1, end);
  c.uint(F.options, o + OPTIONS, 2, end);
  c.uint(F.sgt, o + SGT, 2, end);
}

export function dissectCmdEthernet(c: Ctx, off: number, end: number): void {
  c.proto(F.cmd, off, off + ITEM_LEN);
  body(c, off, end);
  const type = c.uint(F.type, off + TYPE, 2, end);
  c.f.pop();
  if (c.stop) return;
  dispatchEthertype(c, type, off + CMD_HEADER_LEN, end);
}

export function dissectCmdGre(c: Ctx, off: number, end: number): void {
  c.proto(F.cmd, off, off + ITEM_LEN);
  const type = c.uint(F.type, off, 2, end);
  body(c, off + 2, end);
  c.f.pop();
  if (c.stop) return;
  dispatchGre(c, type, off + CMD_HEADER_LEN, end);
}

registerDissector('cmd', dissectCmdEthernet);
registerDissector('cmd.gre', dissectCmdGre);
bind('ethertype', 0x8909, 'cmd');
bind('gre.proto', 0x8909, 'cmd.gre');
