// NFS v3's results (RFC 1813 section 3.3) as packet-nfs.c shows them: the status (and the hidden
// nfs.status), then what RFC 1813 gives a success or a failure. Info after RPC's "V3 READ Reply
// (Call In 25)": " Len: 4096", " Error: NFS3ERR_NOENT", a GETATTR's "  Regular File mode: 0600 uid:
// 0 gid: 0"; the protocol line gets ", READ Reply" before the status is read and the rest after.

import { EF } from '../fields/field-list.ts';
import { fieldById } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { R, type RpcBody, type RpcMessage } from './rpc-fields.ts';
import { addHyper, xdr, xdrOpaque } from './rpc-xdr.ts';
import { addRelTime } from './time-fields.ts';
import { attrs, attrsSummary, fattr3, fh3, hex8, postOpAttr, verifier, wccData } from './nfs-attrs.ts';
import { ACCESS_BITS, FSINFO_PROPERTIES, N, NFS3_STATUS_NAMES, procName } from './nfs-fields.ts';
import { STABLE_HOW } from './nfs-names.ts';

const OK = 0;
const STABLE_NAMES = new Map(STABLE_HOW);

/** A reply's results after its status; returns where they end (their text goes to `out`). */
type Results = (c: Ctx, m: RpcMessage, off: number, end: number) => number;

/** A reply's text after its status, and whether it was appended before the rest of the results
 *  were read (READ's " Len: 1024", which stays when the data is cut). */
const out = { info: '', title: '', early: false };

/** A procedure's reply: the status, then `ok`'s results for NFS3_OK, `fail`'s for the rest. */
function reply(ok: Results, fail: Results | null): RpcBody {
  return (c, m, off, end) => {
    const f = c.f;
    // (", GETATTR Reply" goes on the line before the status is read; what follows it, after the results)
    m.title = `, ${procName(m)} Reply`;
    const status = c.uint(N.status3, off, 4, end);
    if (status < 0) return off;
    f.add(N.status, off, 4, status, EF.HIDDEN);
    out.info = '';
    out.title = '';
    out.early = false;
    let o = off + 4;
    if (status === OK) o = ok(c, m, o, end);
    else {
      if (fail !== null) o = fail(c, m, o, end);
      const err = NFS3_STATUS_NAMES.get(status) ?? `Unknown error: ${status}`;
      out.info = ` Error: ${err}`;
      out.title = `  Error: ${err}`;
    }
    if (c.stop && !out.early) return o;
    if (f.wanted === null) m.info = out.info;
    m.title += out.title;
    return o;
  };
}

const postOp = (title: string): Results => (c, _m, off, end) => postOpAttr(c, title, off, end);
const wcc = (title: string): Results => (c, _m, off, end) => wccData(c, title, off, end);

/** Set both the reply's Info and its protocol line's text to `s`. */
function both(s: string): void {
  out.info = s;
  out.title = s;
}

/** Per procedure, its results' dissector (undefined: not decoded). */
export const REPLIES: (RpcBody | undefined)[] = [];
REPLIES[0] = (_c, _m, off) => off;
REPLIES[1] = reply((c, _m, off, end) => {
  const o = fattr3(c, 'obj_attributes', off, end);
  // (the protocol line ends with it, also in a lean dissection)
  if (attrs.whole) both(attrsSummary());
  return o;
}, null);
REPLIES[2] = reply(wcc('obj_wcc'), wcc('obj_wcc'));
REPLIES[3] = reply((c, _m, off, end) => {
  let o = fh3(c, 'object', off, end);
  const hash = attrs.hash;
  o = postOpAttr(c, 'obj_attributes', o, end);
  o = postOpAttr(c, 'dir_attributes', o, end);
  both(`, FH: ${hex8(hash)}`);
  out.title = ` FH: ${hex8(hash)}`;
  return o;
}, postOp('dir_attributes'));
REPLIES[4] = reply((c, m, off, end) => {
  const f = c.f;
  const o = postOpAttr(c, 'obj_attributes', off, end);
  const v = c.uint(N.accessRights, o, 4, end);
  if (v < 0) return o;
  const asked = m.call?.note ?? 0;
  f.push(f.last);
  let allowed = '';
  let denied = '';
  for (const [id, mask, abbr] of ACCESS_BITS) {
    if (!(asked & mask)) continue;
    f.add(id, o, 4, v & mask ? 1 : 0);
    if (v & mask) allowed += ` ${abbr}`;
    else denied += ` ${abbr}`;
  }
  f.pop();
  both(`${denied !== '' ? `, [Access Denied:${denied}]` : ''}${allowed !== '' ? `, [Allowed:${allowed}]` : ''}`);
  return o + 4;
}, postOp('obj_attributes'));
REPLIES[6] = reply((c, _m, off, end) => {
  let o = postOpAttr(c, 'file_attributes', off, end);
  const count = c.uint(N.count3, o, 4, end);
  if (c.has(o + 4, 4, end)) c.f.add(N.readEof, o + 4, 4, c.u32(o + 4) ? 1 : 0);
  if (c.stop) return o;
  both(` Len: ${count}`);
  out.early = true;
  return xdrOpaque(c, N.data, o + 8, end);
}, postOp('file_attributes'));
REPLIES[7] = reply((c, _m, off, end) => {
  let o = wccData(c, 'file_wcc', off, end);
  const count = c.uint(N.count3, o, 4, end);
  const committed = c.uint(N.committed, o + 4, 4, end);
  o = verifier(c, o + 8, end);
  both(` Len: ${count} ${STABLE_NAMES.get(committed) ?? `Unknown (${committed})`}`);
  return o;
}, wcc('file_wcc'));
/** CREATE's, MKDIR's, SYMLINK's and MKNOD's results: the new object's handle and attributes, the directory's wcc_data. */
const created: Results = (c, _m, off, end) => {
  const f = c.f;
  let o = off;
  if (c.has(o, 4, end)) {
    const follows = c.u32(o);
    const item = f.text(o, 0, 'obj');
    f.push(item);
    f.add(N.handleFollow, o, 4, follows);
    o += 4;
    if (follows === 1) o = fh3(c, 'handle', o, end);
    f.pop();
    if (item >= 0) f.len[item] = Math.max(0, Math.min(o, end) - off);
  }
  o = postOpAttr(c, 'obj_attributes', o, end);
  return wccData(c, 'dir_wcc', o, end);
};
REPLIES[5] = reply((c, _m, off, end) => {
  const o = xdrOpaque(c, N.readlinkData, postOpAttr(c, 'symlink_attributes', off, end), end);
  both(` Path: ${xdr.text}`);
  return o;
}, postOp('symlink_attributes'));
REPLIES[8] = reply(created, wcc('dir_wcc'));
REPLIES[9] = REPLIES[8];
REPLIES[10] = REPLIES[8];
REPLIES[11] = REPLIES[8];
REPLIES[12] = reply(wcc('dir_wcc'), wcc('dir_wcc'));
REPLIES[13] = REPLIES[12];
const renamed: Results = (c, _m, off, end) => wccData(c, 'todir_wcc', wccData(c, 'fromdir_wcc', off, end), end);
REPLIES[14] = reply(renamed, renamed);
const linked: Results = (c, _m, off, end) => wccData(c, 'linkdir_wcc', postOpAttr(c, 'file_attributes', off, end), end);
REPLIES[15] = reply(linked, linked);
/** READDIR's (`plus` false: entry3) and READDIRPLUS's (entryplus3) results after dir_attributes. */
function entries(plus: boolean): Results {
  const [fileid, nameId, cookie] = plus ? [N.entryFileid, N.entryName, N.entryCookie] : [N.entry3Fileid, N.entry3Name, N.entry3Cookie];
  return (c, _m, off, end) => {
    const f = c.f;
    let o = postOpAttr(c, 'dir_attributes', off, end);
    o = verifier(c, o, end);
    let names = '';
    while (!c.stop && c.has(o, 4, end)) {
      const follows = c.u32(o);
      f.add(R.valueFollows, o, 4, follows ? 1 : 0);
      o += 4;
      if (!follows) break;
      const entry = f.add(N.entry, o, 0);
      f.push(entry);
      const start = o;
      addHyper(c, fileid, o, end);
      o = xdrOpaque(c, nameId, o + 8, end);
      const name = xdr.text;
      addHyper(c, cookie, o, end);
      o += 8;
      if (plus) o = postOpAttr(c, 'name_attributes', o, end);
      if (plus && c.has(o, 4, end)) {
        const hf = c.u32(o);
        const item = f.text(o, 0, 'name_handle');
        f.push(item);
        f.add(N.handleFollow, o, 4, hf);
        const at = o;
        o += 4;
        if (hf === 1) o = fh3(c, 'handle', o, end);
        f.pop();
        if (item >= 0) f.len[item] = Math.max(0, Math.min(o, end) - at);
      }
      f.pop();
      if (entry >= 0) f.len[entry] = Math.max(0, Math.min(o, end) - start);
      if (entry >= 0) f.label(entry, `Entry: name ${name}`);
      if (f.wanted === null) names += ` ${name}`;
    }
    c.uint(N.readdirEof, o, 4, end);
    out.info = names;
    return o + 4;
  };
}
REPLIES[16] = reply(entries(false), postOp('dir_attributes'));
REPLIES[17] = reply(entries(true), postOp('dir_attributes'));
REPLIES[18] = reply((c, _m, off, end) => {
  const o = postOpAttr(c, 'obj_attributes', off, end);
  const ids = [N.tbytes, N.fbytes, N.abytes, N.tfiles, N.ffiles, N.afiles];
  for (let k = 0; k < ids.length; k++) addHyper(c, ids[k] as number, o + 8 * k, end);
  c.uint(N.invarsec, o + 48, 4, end);
  return o + 52;
}, postOp('obj_attributes'));
REPLIES[19] = reply((c, _m, off, end) => {
  const f = c.f;
  let o = postOpAttr(c, 'obj_attributes', off, end);
  for (const id of [N.rtmax, N.rtpref, N.rtmult, N.wtmax, N.wtpref, N.wtmult, N.dtpref]) {
    c.uint(id, o, 4, end);
    o += 4;
  }
  addHyper(c, N.maxfilesize, o, end);
  o += 8;
  if (c.has(o, 8, end)) {
    const sec = c.u32(o);
    const nsec = c.u32(o + 4);
    f.push(addRelTime(f, N.dtime, o, 8, sec, nsec));
    f.add(N.dtimeSec, o, 4, sec);
    f.add(N.dtimeNsec, o + 4, 4, nsec);
    f.pop();
  }
  o += 8;
  const props = c.uint(N.properties, o, 4, end);
  if (props >= 0) {
    const item = f.last;
    let s = '';
    for (const id of FSINFO_PROPERTIES) if (props & fieldById(id).mask) s += `, ${fieldById(id).label}`;
    if (f.wanted === null) f.appendLabel(item, s);
    f.push(item);
    for (const id of FSINFO_PROPERTIES) f.add(id, o, 4, props & fieldById(id).mask ? 1 : 0);
    f.pop();
  }
  return o + 4;
}, postOp('obj_attributes'));
REPLIES[20] = reply((c, _m, off, end) => {
  const o = postOpAttr(c, 'obj_attributes', off, end);
  c.uint(N.linkmax, o, 4, end);
  c.uint(N.nameMax, o + 4, 4, end);
  const flags = [N.noTrunc, N.chownRestricted, N.caseInsensitive, N.casePreserving];
  for (let k = 0; k < flags.length; k++) {
    const at = o + 8 + 4 * k;
    if (c.has(at, 4, end)) c.f.add(flags[k] as number, at, 4, c.u32(at) ? 1 : 0);
  }
  return o + 24;
}, postOp('obj_attributes'));
REPLIES[21] = reply((c, _m, off, end) => verifier(c, wccData(c, 'file_wcc', off, end), end), wcc('file_wcc'));
