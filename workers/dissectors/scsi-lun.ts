// A LUN as packet-scsi.c's dissect_scsi_lun shows it (iSCSI's header, REPORT LUNS' list): a "LUN"
// line over its 8 bytes, and for the simple (peripheral) addressing mode its mode and 14-bit number
// written by the dissector itself: "..00 0000  0000 0000 = LUN: 0x0000". Other address modes get
// the line alone (Decapod does not decode them).

import type { Ctx } from './context.ts';
import { S } from './scsi-fields.ts';

const LUN_LEN = 8;

/** Bits of a 16-bit value under mask 0x3fff, two spaces between its bytes, as tshark writes them. */
function lunBits(v: number): string {
  let s = '..';
  for (let bit = 13; bit >= 0; bit--) {
    s += (v >> bit) & 1 ? '1' : '0';
    if (bit === 12 || bit === 4) s += ' ';
    if (bit === 8) s += '  ';
  }
  return s;
}

export function lunTree(c: Ctx, off: number, end: number): void {
  if (!c.has(off, LUN_LEN, end)) return;
  const f = c.f;
  const item = f.text(off, LUN_LEN, 'LUN');
  const b0 = c.b[off] as number;
  if (b0 >> 6 !== 0) return;
  f.push(item);
  const mode = f.add(S.lunAddressMode, off, 1, 0);
  if (f.wanted === null) f.setText(mode, '00.. .... = Address Mode: Simple logical unit addressing (0x00)');
  const lun = ((b0 & 0x3f) << 8) | (c.b[off + 1] as number);
  const i = f.add(S.lun, off, 2, lun);
  if (f.wanted === null) f.setText(i, `${lunBits(lun)} = LUN: 0x${lun.toString(16).padStart(4, '0')}`);
  f.pop();
}
