// Sense data (SPC-4 section 4.5.3, fixed format: response codes 70h and 71h) after a CHECK
// CONDITION, as packet-scsi.c's dissect_scsi_snsinfo shows it: "SCSI: SNS Info" with the error
// type, the sense key, the information and command-specific fields, ASC/ASCQ by name, the FRU code
// and the sense-key-specific bytes. Checks the 18 bytes of fixed sense once.
//
//   0: valid (1 bit), response code (7)   2: filemark, EOM, ILI, sense key (4)   3-6: information
//   7: additional length   8-11: command-specific   12: ASC   13: ASCQ   14: FRU   15-17: SKSV, SKS
//
// "Valid: 112" is tshark's: it shows byte 0 whole, in decimal. Not done: descriptor-format sense
// (72h, 73h) and sense shorter than 18 bytes (no SNS item then).

import { EF } from '../fields/field-list.ts';
import type { Ctx } from './context.ts';
import { S } from './scsi-fields.ts';
import { info } from './scsi-info.ts';

const FIXED_LEN = 18;

export function senseInfo(c: Ctx, off: number, end: number, lun: number): void {
  const f = c.f;
  if (f.wanted === null) info.append(` LUN:0x${(lun & 0xff).toString(16).padStart(2, '0')} `);
  const b = c.b;
  const code = (b[off] ?? 0) & 0x7f;
  if (end - off < FIXED_LEN || !c.has(off, FIXED_LEN, end) || (code !== 0x70 && code !== 0x71)) return;
  const item = c.proto(S.scsi, off, end);
  c.notLayer(item);
  f.label(item, 'SCSI: SNS Info');
  f.add(S.lun, off, 0, lun, EF.GENERATED);
  const b0 = b[off] as number;
  f.add(S.snsErrType, off, 1, code);
  f.add(S.snsValid, off, 1, b0);
  const b2 = b[off + 2] as number;
  f.add(S.snsFilemark, off + 2, 1, b2 & 0x80);
  f.add(S.snsEom, off + 2, 1, b2 & 0x40);
  f.add(S.snsIli, off + 2, 1, b2 & 0x20);
  f.add(S.snsKey, off + 2, 1, b2 & 0x0f);
  f.add(S.snsInfo, off + 3, 4, c.u32(off + 3));
  f.add(S.snsAddLen, off + 7, 1, b[off + 7] as number);
  f.add(S.snsCsi, off + 8, 4);
  f.add(S.snsAsc, off + 12, 1, b[off + 12] as number, EF.HIDDEN);
  f.add(S.snsAscq, off + 13, 1, b[off + 13] as number, EF.HIDDEN);
  f.add(S.snsAscAscq, off + 12, 2, c.u16(off + 12));
  f.add(S.snsFru, off + 14, 1, b[off + 14] as number);
  f.add(S.snsSksv, off + 15, 1, (b[off + 15] as number) & 0x80);
  f.add(S.snsSks, off + 15, 3, (c.u16(off + 15) * 256 + (b[off + 17] as number)) & 0x7fffff);
  f.pop();
}
