// NFS v3's shared XDR types (RFC 1813 section 2.6) as packet-nfs.c shows them:
//
//   nfs_fh3      length (4) | data (≤ 64, padded)       "object" over length, [hash (CRC-32)], FileHandle
//   fattr3       type | mode | nlink | uid | gid (4 each) | size | used (8) | rdev (4 + 4) |
//                fsid | fileid (8) | atime | mtime | ctime (nfstime3: seconds, nanoseconds)   = 84 bytes
//   post_op_attr attributes_follow (4) | fattr3 when 1
//   wcc_data     pre_op_attr (attributes_follow | size (8), mtime, ctime) | post_op_attr
//   sattr3       per mode, uid, gid, size: set_it (4) | value; per atime, mtime: set_it (4) |
//                nfstime3 when 2 (SET_TO_CLIENT_TIME)
//
// A fattr3's summary ("  Directory mode: 0755 uid: 0 gid: 0") goes on its line, its post_op_attr's
// and a GETATTR reply's Info; a handle's CRC-32 ("0x1b66c85b") on the Info of the call that carries it.

import { EF } from '../fields/field-list.ts';
import { fieldById } from '../fields/registry.ts';
import { bitPattern } from '../fields/format.ts';
import type { Ctx } from './context.ts';
import { addAbsTime } from './time-fields.ts';
import { addHyper, addHyperHexDec, padded } from './rpc-xdr.ts';
import { MODE_BITS, N, SET_IT_TIME_NAMES, SET_IT_VALUE_NAMES } from './nfs-fields.ts';
import { FILE_TYPES } from './nfs-names.ts';

const FATTR3 = 84;
const TYPE_NAMES = new Map(FILE_TYPES);
const SET_TO_CLIENT_TIME = 2;

/** What the last fh3 and fattr3 read: the handle's hash; whether the attributes were whole, and
 *  what their summary shows (made into text only where a line needs it: attrsSummary). */
export const attrs = { hash: 0, whole: false, type: 0, mode: 0, uid: 0, gid: 0 };

/** The last fattr3's summary: "  Directory mode: 0755 uid: 0 gid: 0". */
export function attrsSummary(): string {
  return `  ${TYPE_NAMES.get(attrs.type) ?? 'Unknown Type'} mode: ${attrs.mode.toString(8).padStart(4, '0')} uid: ${attrs.uid} gid: ${attrs.gid}`;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 (IEEE 802.3) of b[o, o + n): Wireshark's crc32_ccitt_tvb_offset, which names the handle. */
function crc32(b: Uint8Array, o: number, n: number): number {
  let c = 0xffffffff;
  for (let k = o; k < o + n; k++) c = (CRC_TABLE[(c ^ (b[k] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export const hex8 = (v: number): string => `0x${v.toString(16).padStart(8, '0')}`;

/** A file handle titled `title` (dissect_nfs3_fh); its hash goes to attrs.hash. */
export function fh3(c: Ctx, title: string, off: number, end: number): number {
  const f = c.f;
  if (!c.has(off, 4, end)) return off;
  const n = c.u32(off);
  // (its item covers the whole handle before anything of it is shown: a cut handle shows nothing)
  if (!c.has(off, 4 + padded(n), end)) return off;
  const item = f.text(off, 4 + padded(n), title);
  f.push(item);
  f.add(N.fhLength, off, 4, n);
  attrs.hash = crc32(c.b, off + 4, n);
  f.add(N.fhHash, off + 4, n, attrs.hash, EF.GENERATED);
  f.add(N.fhandle, off + 4, n);
  f.pop();
  return off + 4 + padded(n);
}

/** An nfstime3 as field `id` ("mtime: Nov 14, 2023 …") over its seconds and nanoseconds. */
export function nfstime(c: Ctx, id: number, secId: number, nsecId: number, off: number, end: number): number {
  if (!c.has(off, 8, end)) return off + 8;
  const sec = c.u32(off);
  const nsec = c.u32(off + 4);
  const f = c.f;
  f.push(addAbsTime(f, id, off, 8, sec, nsec));
  f.add(secId, off, 4, sec);
  f.add(nsecId, off + 4, 4, nsec);
  f.pop();
  return off + 8;
}

/** A mode3 with its bits: "Mode: 0755, S_IRUSR, S_IWUSR, …". */
function mode3(c: Ctx, off: number, end: number): void {
  const f = c.f;
  const v = c.uint(N.mode3, off, 4, end);
  if (v < 0) return;
  const item = f.last;
  if (f.wanted === null) {
    let s = '';
    for (const id of MODE_BITS) if (v & fieldById(id).mask) s += `, ${fieldById(id).label}`;
    f.setText(item, `Mode: ${v === 0 ? '0' : `0${v.toString(8)}`}${s}`);
  }
  f.push(item);
  for (const id of MODE_BITS) f.add(id, off, 4, v & fieldById(id).mask ? 1 : 0);
  f.pop();
}

/** A fattr3 titled `title` (its summary appended); what the summary shows goes to attrs. */
export function fattr3(c: Ctx, title: string, off: number, end: number): number {
  const f = c.f;
  // (its item is added over the bytes that remain: none left, and the packet stops first)
  if (!c.has(off, 1, end)) return off + FATTR3;
  const item = f.text(off, Math.max(0, Math.min(FATTR3, end - off)), title);
  f.push(item);
  const type = c.uint(N.type, off, 4, end);
  mode3(c, off + 4, end);
  c.uint(N.nlink, off + 8, 4, end);
  c.uint(N.uid, off + 12, 4, end);
  c.uint(N.gid, off + 16, 4, end);
  addHyper(c, N.size, off + 20, end);
  addHyper(c, N.used, off + 28, end);
  if (c.has(off + 36, 8, end)) {
    const s1 = c.u32(off + 36);
    const s2 = c.u32(off + 40);
    const rdev = f.text(off + 36, 8, '');
    if (rdev >= 0) f.label(rdev, `rdev: ${s1},${s2}`);
    f.push(rdev);
    f.add(N.specdata1, off + 36, 4, s1);
    f.add(N.specdata2, off + 40, 4, s2);
    f.pop();
  }
  addHyperHexDec(c, N.fsid, off + 44, end);
  addHyper(c, N.fileid, off + 52, end);
  nfstime(c, N.atime, N.atimeSec, N.atimeNsec, off + 60, end);
  nfstime(c, N.mtime, N.mtimeSec, N.mtimeNsec, off + 68, end);
  nfstime(c, N.ctime, N.ctimeSec, N.ctimeNsec, off + 76, end);
  f.pop();
  attrs.whole = !c.stop;
  if (attrs.whole) {
    attrs.type = type;
    attrs.mode = c.u32(off + 4) & 0xffff;
    attrs.uid = c.u32(off + 12);
    attrs.gid = c.u32(off + 16);
    if (item >= 0) f.label(item, title + attrsSummary());
  }
  return off + FATTR3;
}

/** A post_op_attr titled `title` (with its attributes' summary when they follow). */
export function postOpAttr(c: Ctx, title: string, off: number, end: number): number {
  const f = c.f;
  if (!c.has(off, 4, end)) return off;
  const follows = c.u32(off);
  const item = f.text(off, Math.max(0, Math.min(follows === 1 ? 4 + FATTR3 : 4, end - off)), title);
  f.push(item);
  f.add(N.attributesFollow, off, 4, follows);
  let o = off + 4;
  attrs.whole = false;
  if (follows === 1) o = fattr3(c, 'attributes', o, end);
  f.pop();
  if (attrs.whole && item >= 0) f.label(item, title + attrsSummary());
  return o;
}

/** A wcc_data titled `title`: "before" (pre_op_attr), "after" (post_op_attr). */
export function wccData(c: Ctx, title: string, off: number, end: number): number {
  const f = c.f;
  const item = f.text(off, 0, title);
  f.push(item);
  let o = off;
  if (c.has(o, 4, end)) {
    const follows = c.u32(o);
    const before = f.text(o, Math.max(0, Math.min(follows === 1 ? 28 : 4, end - o)), 'before');
    f.push(before);
    f.add(N.attributesFollow, o, 4, follows);
    o += 4;
    if (follows === 1) {
      f.push(f.text(o, Math.max(0, Math.min(24, end - o)), 'attributes'));
      addHyper(c, N.wccSize, o, end);
      nfstime(c, N.mtime, N.mtimeSec, N.mtimeNsec, o + 8, end);
      nfstime(c, N.ctime, N.ctimeSec, N.ctimeNsec, o + 16, end);
      f.pop();
      o += 24;
    }
    f.pop();
    o = postOpAttr(c, 'after', o, end);
  }
  f.pop();
  if (item >= 0) f.len[item] = Math.max(0, Math.min(o, end) - off);
  return o;
}

/** One of sattr3's set_it discriminants: "mode: value follows" over "set_it: value follows (1)". */
function setIt(c: Ctx, what: string, names: ReadonlyMap<number, string>, off: number, end: number): number {
  const f = c.f;
  if (!c.has(off, 4, end)) return -1;
  const v = c.u32(off);
  const line = f.text(off, 4, '');
  f.push(line);
  const i = f.add(N.setIt, off, 4, v);
  if (line >= 0 || i >= 0) {
    const name = names.get(v) ?? `Unknown (${v})`;
    f.label(line, `${what}: ${name}`);
    if (f.wanted === null) f.setText(i, `set_it: ${name} (${v})`);
  }
  return v;
}

/** A sattr3 titled `title` (dissect_nfs3_sattr). */
export function sattr3(c: Ctx, title: string, off: number, end: number): number {
  const f = c.f;
  const item = f.text(off, 0, title);
  f.push(item);
  let o = off;
  const values: readonly (readonly [string, number, number])[] = [['mode', N.mode3, 4], ['uid', N.uid3, 4], ['gid', N.gid3, 4], ['size', N.setSize, 8]];
  for (const [what, id, n] of values) {
    const v = setIt(c, what, SET_IT_VALUE_NAMES, o, end);
    if (v < 0) break;
    o += 4;
    if (v === 1) {
      if (id === N.mode3) mode3(c, o, end);
      else if (n === 8) addHyper(c, id, o, end);
      else c.uint(id, o, 4, end);
      o += n;
    }
    f.pop();
  }
  for (const what of ['atime', 'mtime']) {
    if (c.stop) break;
    const v = setIt(c, what, SET_IT_TIME_NAMES, o, end);
    if (v < 0) break;
    o += 4;
    // (packet-nfs.c shows a client's mtime under nfs.atime too)
    if (v === SET_TO_CLIENT_TIME) o = nfstime(c, N.atime, N.atimeSec, N.atimeNsec, o, end);
    f.pop();
  }
  f.pop();
  if (item >= 0) f.len[item] = Math.max(0, Math.min(o, end) - off);
  return o;
}

/** A bitmask's flag lines with their pictures and `word` ("allowed?"), for the set bits only. */
export function flagLine(c: Ctx, id: number, off: number, n: number, v: number, word: string): void {
  const f = c.f;
  const i = f.add(id, off, n, v ? 1 : 0);
  if (f.wanted === null) {
    const def = fieldById(id);
    f.setText(i, `${bitPattern(def, v ? def.mask : 0)} = ${def.label}: ${word}`);
  }
}

const VERIFIER = 8;

/** A cookie verifier or write verifier: "Verifier: Opaque Data". */
export function verifier(c: Ctx, o: number, end: number): number {
  const f = c.f;
  if (!c.has(o, VERIFIER, end)) return o + VERIFIER;
  const i = f.add(N.verifier, o, VERIFIER);
  if (f.wanted === null) f.setText(i, 'Verifier: Opaque Data');
  return o + VERIFIER;
}
