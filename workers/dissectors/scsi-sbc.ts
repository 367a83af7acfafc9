// The CDBs and data of the SCSI commands a hypervisor issues to a disk (Wireshark 4.0's
// packet-scsi-sbc.c and the SPC ones of packet-scsi.c): TEST UNIT READY, INQUIRY (standard data),
// REPORT LUNS, MODE SENSE(6) (the header), READ CAPACITY(10) and (16), READ and WRITE (10) and
// (16), SYNCHRONIZE CACHE(10). Each CDB is checked once for its length (the transport hands 16
// bytes; a shorter one stops where its bytes end, as tvb reads do).
//
// Not done (no CDB item, Info prefix only): INQUIRY with EVPD or CMDT set (VPD pages), SERVICE
// ACTION IN(16) other than READ CAPACITY(16), the other SBC and SPC opcodes. Data not decoded
// beyond a prefix tshark shows the same way: INQUIRY data longer than its 36 standard bytes, mode
// pages after MODE SENSE(6)'s header.

import type { Ctx } from './context.ts';
import type { Task } from './iscsi-tasks.ts';
import { bitmask } from './scsi-bitmask.ts';
import { DEVICE_TYPE_NAMES, EVPD_PAGE_NAMES, QUALIFIER_NAMES, S, S2 } from './scsi-fields.ts';
import { setCommandSet } from './iscsi-tasks.ts';
import { lunTree } from './scsi-lun.ts';

export const enum Op {
  TEST_UNIT_READY = 0x00,
  INQUIRY = 0x12,
  MODE_SENSE6 = 0x1a,
  READ_CAPACITY10 = 0x25,
  READ10 = 0x28,
  WRITE10 = 0x2a,
  SYNC_CACHE10 = 0x35,
  READ16 = 0x88,
  WRITE16 = 0x8a,
  SERVICE_ACTION_IN16 = 0x9e,
  REPORT_LUNS = 0xa0,
}

const READ_CAPACITY16 = 0x10;
const CONTROL = [S.controlVendor, S.controlReserved, S.controlNaca, S.controlObs1, S.controlObs2] as const;
const INQ_CONTROL = [S.inqControlVendor, S.inqControlReserved, S.inqControlNaca, S.inqControlObs1, S.inqControlObs2] as const;
const READ_FLAGS = [S.rdprotect, S.dpo, S.fua, S.fuaNv] as const;
const WRITE_FLAGS = [S.wrprotect, S.dpo, S.fua, S.fuaNv] as const;
const SYNC_FLAGS = [S.syncNv, S.syncImmed] as const;
const RMB = [S.removable] as const;
const ACA = [S.normaca, S.hisup, S.rdf] as const;
const SCCS = [S.sccs, S.acc, S.tpgs, S.tpc, S.protect] as const;
const BQUE = [S.bque, S.encserv, S.multip] as const;
const RELADR = [S.cmdque] as const;

interface CdbDissector {
  /** Whether Decapod decodes this CDB (else no CDB item is shown). */
  decodes(c: Ctx, off: number): boolean;
  /** The fields after the opcode; the CDB is [off, end). */
  dissect(c: Ctx, off: number, end: number, task: Task): void;
}

const control = (c: Ctx, off: number, end: number): void => void bitmask(c, S.control, off, end, CONTROL);
const always = (): boolean => true;

/** READ / WRITE (10) and SYNCHRONIZE CACHE(10): flags, LBA, group, length, control. */
const rw10 = (flags: readonly number[], flagsId: number) => (c: Ctx, o: number, end: number): void => {
  bitmask(c, flagsId, o + 1, end, flags);
  c.uint(S.lba10, o + 2, 4, end);
  c.bits(S.group, o + 6, 1, (c.b[o + 6] as number) & 0x1f, end);
  c.uint(S.xferlen10, o + 7, 2, end);
  control(c, o + 9, end);
};

const rw16 = (flags: readonly number[]) => (c: Ctx, o: number, end: number): void => {
  bitmask(c, S.rwFlags, o + 1, end, flags);
  c.field(S2.lba16, o + 2, 8, end);
  c.uint(S2.xferlen12, o + 10, 4, end);
  c.bits(S.group, o + 14, 1, (c.b[o + 14] as number) & 0x1f, end);
  control(c, o + 15, end);
};

export const cdbFields = new Map<number, CdbDissector>([
  [Op.TEST_UNIT_READY, { decodes: always, dissect: (c, o, end) => control(c, o + 5, end) }],
  [Op.INQUIRY, {
    // (CMDT, obsolete since SPC-3, is not decoded; EVPD pages by name only)
    decodes: (c, o) => ((c.b[o + 1] ?? 0) & 0x02) === 0 && (((c.b[o + 1] ?? 0) & 0x01) === 0 || EVPD_PAGE_NAMES.has(c.b[o + 2] ?? -1)),
    dissect: (c, o, end) => {
      if (c.has(o + 1, 1, end)) {
        const v = c.b[o + 1] as number;
        const i = c.f.add(S.inqFlags, o + 1, 1, v);
        if (c.f.wanted === null) c.f.setText(i, `CMDT = ${(v >> 1) & 1}, EVPD = ${v & 1}`);
        if (v & 1) c.uint(S2.evpdPage, o + 2, 1, end);
      }
      c.uint(S.alloclen16, o + 3, 2, end);
      bitmask(c, S.inqControl, o + 5, end, INQ_CONTROL);
    },
  }],
  [Op.MODE_SENSE6, {
    decodes: always,
    dissect: (c, o, end) => {
      if (c.has(o + 1, 1, end)) {
        const v = c.b[o + 1] as number;
        const i = c.f.add(S.modeFlags, o + 1, 1, v);
        if (c.f.wanted === null) c.f.setText(i, `DBD = ${(v >> 3) & 1}`);
      }
      if (c.has(o + 2, 1, end)) {
        const v = c.b[o + 2] as number;
        c.f.add(S.modePc, o + 2, 1, v >> 6);
        c.f.add(S.modePage, o + 2, 1, v & 0x3f);
      }
      c.uint(S.alloclen, o + 4, 1, end);
      control(c, o + 5, end);
    },
  }],
  [Op.READ_CAPACITY10, { decodes: (c, o) => ((c.b[o + 8] ?? 0) & 1) === 0, dissect: (c, o, end) => control(c, o + 9, end) }],
  [Op.READ10, { decodes: always, dissect: rw10(READ_FLAGS, S.rwFlags) }],
  [Op.WRITE10, { decodes: always, dissect: rw10(WRITE_FLAGS, S.rwFlags) }],
  [Op.SYNC_CACHE10, { decodes: always, dissect: rw10(SYNC_FLAGS, S.syncFlags) }],
  [Op.READ16, { decodes: always, dissect: rw16(READ_FLAGS) }],
  [Op.WRITE16, { decodes: always, dissect: rw16(WRITE_FLAGS) }],
  [Op.SERVICE_ACTION_IN16, {
    decodes: (c, o) => ((c.b[o + 1] ?? 0) & 0x1f) === READ_CAPACITY16 && ((c.b[o + 14] ?? 0) & 1) === 0,
    dissect: (c, o, end) => {
      c.bits(S.sa, o + 1, 1, (c.b[o + 1] as number) & 0x1f, end);
      c.uint(S.alloclenSbc32, o + 10, 4, end);
      control(c, o + 15, end);
    },
  }],
  [Op.REPORT_LUNS, {
    decodes: always,
    dissect: (c, o, end) => {
      c.uint(S.selectReport, o + 2, 1, end);
      c.uint(S.alloclen32, o + 6, 4, end);
      control(c, o + 11, end);
    },
  }],
]);

const hex8 = (v: number): string => v.toString(16).padStart(8, '0');

/** What the CDB adds to the Info column after "SCSI: Read(10) LUN: 0x00 ". */
export function cdbInfo(c: Ctx, o: number, end: number): string {
  const b = c.b;
  const have = (n: number): boolean => o + n <= end && o + n <= b.length;
  switch (b[o]) {
    case Op.READ10:
    case Op.WRITE10:
    case Op.SYNC_CACHE10:
      return have(9) ? `(LBA: 0x${hex8(c.u32(o + 2))}, Len: ${c.u16(o + 7)})` : '';
    case Op.READ16:
    case Op.WRITE16:
      return have(14) ? `(LBA: ${c.u64(o + 2)}, Len: ${c.u32(o + 10)})` : '';
    case Op.SERVICE_ACTION_IN16:
      return have(2) && ((b[o + 1] as number) & 0x1f) === READ_CAPACITY16 ? ' READCAPACITY16' : '';
    case Op.INQUIRY: {
      const page = have(3) && ((b[o + 1] as number) & 0x03) === 0x01 ? EVPD_PAGE_NAMES.get(b[o + 2] as number) : undefined;
      return page === undefined ? '' : ` ${page}`;
    }
    default:
      return '';
  }
}

/** The allocation length a CDB gives its data (INQUIRY's), 0 when none is read. */
export function allocLength(b: Uint8Array, o: number): number {
  return b[o] === Op.INQUIRY ? (((b[o + 3] ?? 0) << 8) | (b[o + 4] ?? 0)) : 0;
}

/** "(159 GB)": the capacity tshark writes after a returned LBA ((lba * block) / 2^20 MB, in GB past 20000). */
function capacity(lba: number, block: number): string {
  let n = Math.floor((lba * block) / 1048576);
  let unit = 'MB';
  if (n > 20000) {
    n = Math.floor(n / 1024);
    unit = 'GB';
  }
  return `(${n} ${unit})`;
}

type DataDissector = (c: Ctx, off: number, end: number, task: Task) => void;

/** The standard INQUIRY data: its first 36 bytes, the whole of a disk's answer to "EVPD = 0". */
const STD_INQUIRY = 36;

function inquiryData(c: Ctx, o: number, end: number, task: Task): void {
  const f = c.f;
  if (task.serviceAction & 0x02) return;
  if (task.serviceAction & 0x01) {
    vpdPage(c, o, end);
    return;
  }
  if (o < end && o < c.b.length) setCommandSet(c, task.lun, (c.b[o] as number) & 0x1f);
  if (end - o > STD_INQUIRY || !c.has(o, STD_INQUIRY, end)) return;
  const b = c.b;
  const p = b[o] as number;
  const per = f.add(S.peripheral, o, 1, p);
  if (f.wanted === null) f.appendLabel(per, `, Qualifier: ${QUALIFIER_NAMES.get(p >> 5) ?? 'Unknown'}, Device Type: ${DEVICE_TYPE_NAMES.get(p & 0x1f) ?? 'Unknown'}`);
  f.push(per);
  f.add(S.qualifier, o, 1, p >> 5);
  f.add(S.devtype, o, 1, p & 0x1f);
  f.pop();
  bitmask(c, S.rmbFlags, o + 1, end, RMB);
  c.uint(S.version, o + 2, 1, end);
  bitmask(c, S.acaFlags, o + 3, end, ACA);
  c.uint(S.addLen, o + 4, 1, end);
  bitmask(c, S.sccsFlags, o + 5, end, SCCS);
  bitmask(c, S.bqueFlags, o + 6, end, BQUE);
  bitmask(c, S.reladrFlags, o + 7, end, RELADR);
  if (f.wanted === null || c.wants(S.vendorId) || c.wants(S.productId) || c.wants(S.productRev)) {
    f.addStr(S.vendorId, o + 8, 8, asciiZ(b, o + 8, 8));
    f.addStr(S.productId, o + 16, 16, asciiZ(b, o + 16, 16));
    f.addStr(S.productRev, o + 32, 4, asciiZ(b, o + 32, 4));
  }
}

/** A VPD page (INQUIRY with EVPD): "Page Code: Unit Serial Number Page" over the qualifier, device
 *  type, page code and length, then the supported pages (00h) or the serial number (80h); other
 *  pages show these four lines only. */
function vpdPage(c: Ctx, o: number, end: number): void {
  const f = c.f;
  if (!c.has(o, 4, end)) return;
  const b = c.b;
  const code = b[o + 1] as number;
  const name = EVPD_PAGE_NAMES.get(code);
  if (name === undefined) return;
  f.push(f.text(o, Math.min(end, b.length) - o, `Page Code: ${name}`));
  const p = b[o] as number;
  f.add(S.qualifier, o, 1, p >> 5);
  f.add(S.devtype, o, 1, p & 0x1f);
  f.add(S2.evpdPage, o + 1, 1, code);
  const len = c.u16(o + 2);
  f.add(S2.evpdPageLength, o + 2, 2, len);
  if (code === 0x00) {
    for (let k = o + 4; k < o + 4 + len && c.has(k, 1, end); k++) f.add(S2.evpdSupportedPage, k, 1, b[k] as number);
  } else if (code === 0x80 && c.has(o + 4, len, end) && (f.wanted === null || c.wants(S2.evpdSerial))) {
    f.addStr(S2.evpdSerial, o + 4, len, asciiZ(b, o + 4, len));
  }
  f.pop();
}

/** A fixed-width ASCII field as tvb_get_string_enc reads it (up to a NUL). */
function asciiZ(b: Uint8Array, o: number, n: number): string {
  let s = '';
  for (let k = o; k < o + n; k++) {
    const ch = b[k] as number;
    if (ch === 0) break;
    s += ch < 0x80 ? String.fromCharCode(ch) : '\ufffd';
  }
  return s;
}

export const dataFields = new Map<number, DataDissector>([
  [Op.INQUIRY, inquiryData],
  [Op.REPORT_LUNS, (c, o, end) => {
    const n = c.uint(S.lunListLength, o, 4, end);
    if (n < 0) return;
    for (let k = o + 8; k + 8 <= end && k < o + 8 + n; k += 8) lunTree(c, k, end);
  }],
  [Op.MODE_SENSE6, (c, o, end) => {
    c.uint(S.modeDataLength, o, 1, end);
    c.uint(S.mediumType, o + 1, 1, end);
    c.uint(S.deviceSpecific, o + 2, 1, end);
    c.uint(S.blockDescriptorLength, o + 3, 1, end);
  }],
  [Op.READ_CAPACITY10, (c, o, end) => {
    if (!c.has(o, 8, end)) return;
    const lba = c.u32(o);
    const i = c.f.add(S2.returnedLba, o, 4, lba);
    if (c.f.wanted === null) c.f.setText(i, `LBA: ${lba} ${capacity(lba, c.u32(o + 4))}`);
    c.uint(S.blockSize, o + 4, 4, end);
  }],
  [Op.SERVICE_ACTION_IN16, (c, o, end, task) => {
    if (task.serviceAction !== READ_CAPACITY16 || !c.has(o, 16, end)) return;
    const f = c.f;
    const lba = Number(c.u64(o));
    const i = f.add(S.lba64, o, 8, lba);
    if (f.wanted === null) f.setText(i, `Logical Block Address: ${lba} ${capacity(lba, c.u32(o + 8))}`);
    c.uint(S.blockSize, o + 8, 4, end);
    const b = c.b;
    f.add(S.protEn, o + 12, 1, (b[o + 12] as number) & 0x01);
    f.add(S.pIExponent, o + 13, 1, (b[o + 13] as number) >> 4);
    f.add(S.lbppbe, o + 13, 1, (b[o + 13] as number) & 0x0f);
    f.add(S.lbpme, o + 14, 1, (b[o + 14] as number) & 0x80);
    f.add(S.lbprz, o + 14, 1, (b[o + 14] as number) & 0x40);
    f.add(S.lalba, o + 14, 2, c.u16(o + 14) & 0x3fff);
  }],
]);

