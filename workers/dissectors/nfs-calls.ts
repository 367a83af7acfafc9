// NFS v3's call arguments (RFC 1813 section 3.3) as packet-nfs.c shows them, with the Info text
// after RPC's "V3 LOOKUP Call (Reply In 16)" (", DH: 0xfd327b28/vm01") and the protocol line after
// "Network File System" (", LOOKUP Call DH: 0xfd327b28/vm01"). packet-nfs.c appends both after
// reading what they summarize: a call cut before has neither.

import type { Ctx } from './context.ts';
import type { RpcBody, RpcMessage } from './rpc-fields.ts';
import { addHyper, xdr, xdrOpaque } from './rpc-xdr.ts';
import { attrs, fh3, flagLine, hex8, nfstime, sattr3, verifier } from './nfs-attrs.ts';
import { ACCESS_BITS, N, procName } from './nfs-fields.ts';
import { CREATE_MODES, FILE_TYPES, STABLE_HOW } from './nfs-names.ts';

const STABLE_NAMES = new Map(STABLE_HOW);
const CREATE_MODE_NAMES = new Map(CREATE_MODES);
const EXCLUSIVE = 2;
const FILE_TYPE_NAMES = new Map(FILE_TYPES);
/** ftype3's device, socket and pipe types (mknoddata3's discriminant). */
const NF3BLK = 3;
const NF3CHR = 4;
const NF3SOCK = 6;
const NF3FIFO = 7;

/** Set the call's Info text and protocol line: `info` after RPC's, `title` after "<PROC> Call";
 *  packet-nfs.c appends them after what they summarize, so not when the packet stopped before. */
function callText(c: Ctx, m: RpcMessage, info: string, title: string): void {
  if (c.stop) return;
  // (the title is the protocol item's line, the same in a lean dissection; Info is made only for a full one)
  if (c.f.wanted === null) m.info = info;
  m.title = `, ${procName(m)} Call${title}`;
}

/** A handle's summary: ", FH: 0x1b66c85b". */
const fhText = (): string => `FH: ${hex8(attrs.hash)}`;

/** diropargs3 titled `title`: the directory's handle and the name; returns after it. */
function diropargs(c: Ctx, title: string, off: number, end: number): number {
  const f = c.f;
  const item = f.text(off, 0, title);
  f.push(item);
  let o = fh3(c, 'dir', off, end);
  o = xdrOpaque(c, N.name, o, end);
  f.pop();
  if (item >= 0) f.len[item] = Math.max(0, Math.min(o, end) - off);
  return o;
}

const dirText = (): string => `DH: ${hex8(attrs.hash)}/${xdr.text}`;

/** A call whose arguments are one handle (GETATTR, READLINK, FSSTAT, FSINFO, PATHCONF); `lineTag` is
 *  what the protocol line calls it (packet-nfs.c writes "DH" on FSSTAT's, FSINFO's and PATHCONF's). */
function handleCall(title: string, lineTag: 'FH' | 'DH'): RpcBody {
  return (c, m, off, end) => {
    const o = fh3(c, title, off, end);
    callText(c, m, `, ${fhText()}`, ` ${lineTag}: ${hex8(attrs.hash)}`);
    return o;
  };
}

/** Per procedure, its arguments' dissector (undefined: not decoded). */
export const CALLS: (RpcBody | undefined)[] = [];
CALLS[0] = (_c, _m, off) => off;
CALLS[1] = handleCall('object', 'FH');
CALLS[2] = (c, m, off, end) => {
  const f = c.f;
  let o = fh3(c, 'object', off, end);
  const hash = attrs.hash;
  o = sattr3(c, 'new_attributes', o, end);
  if (c.has(o, 4, end)) {
    const check = c.u32(o);
    const line = f.text(o, check === 1 ? 12 : 4, '');
    if (line >= 0) f.label(line, `guard: ${check === 1 ? 'value follows' : check === 0 ? 'no value' : `Unknown (${check})`}`);
    f.push(line);
    f.add(N.guard, o, 4, check);
    o += 4;
    if (check === 1) o = nfstime(c, N.ctime, N.ctimeSec, N.ctimeNsec, o, end);
    f.pop();
  }
  callText(c, m, `, FH: ${hex8(hash)}`, ` FH: ${hex8(hash)}`);
  return o;
};
CALLS[3] = (c, m, off, end) => {
  const o = diropargs(c, 'what', off, end);
  callText(c, m, `, ${dirText()}`, ` ${dirText()}`);
  return o;
};
CALLS[4] = (c, m, off, end) => {
  const o = fh3(c, 'object', off, end);
  const hash = attrs.hash;
  const v = c.uint(N.accessCheck, o, 4, end);
  if (v < 0) return o;
  if (m.call !== undefined) m.call.note = v;
  const f = c.f;
  f.push(f.last);
  let check = '';
  for (const [id, mask, abbr] of ACCESS_BITS) {
    if (!(v & mask)) continue;
    flagLine(c, id, o, 4, v & mask, 'allowed?');
    check += ` ${abbr}`;
  }
  f.pop();
  const text = `, FH: ${hex8(hash)}, [Check:${check}]`;
  callText(c, m, text, text);
  return o + 4;
};
CALLS[5] = handleCall('object', 'FH');
CALLS[6] = (c, m, off, end) => {
  let o = fh3(c, 'file', off, end);
  const offset = addHyper(c, N.offset3, o, end);
  const count = c.uint(N.count3, o + 8, 4, end);
  o += 12;
  const text = `FH: ${hex8(attrs.hash)} Offset: ${offset} Len: ${count}`;
  callText(c, m, `, ${text}`, ` ${text}`);
  return o;
};
CALLS[7] = (c, m, off, end) => {
  let o = fh3(c, 'file', off, end);
  const offset = addHyper(c, N.offset3, o, end);
  const count = c.uint(N.count3, o + 8, 4, end);
  const stable = c.uint(N.stable, o + 12, 4, end);
  const text = `FH: ${hex8(attrs.hash)} Offset: ${offset} Len: ${count} ${STABLE_NAMES.get(stable) ?? `Unknown (${stable})`}`;
  // (before the data, as the READ reply's " Len: 1024" stays in Info when its data is cut)
  callText(c, m, `, ${text}`, ` ${text}`);
  return xdrOpaque(c, N.data, o + 16, end);
};
CALLS[8] = (c, m, off, end) => {
  let o = diropargs(c, 'where', off, end);
  const dir = dirText();
  const how = c.uint(N.createmode, o, 4, end);
  o += 4;
  if (how === EXCLUSIVE) o = verifier(c, o, end);
  else if (how >= 0) o = sattr3(c, 'obj_attributes', o, end);
  const text = `${dir} Mode: ${CREATE_MODE_NAMES.get(how) ?? `Unknown (${how})`}`;
  callText(c, m, `, ${text}`, ` ${text}`);
  return o;
};
CALLS[9] = (c, m, off, end) => {
  let o = diropargs(c, 'where', off, end);
  const dir = dirText();
  o = sattr3(c, 'attributes', o, end);
  callText(c, m, `, ${dir}`, ` ${dir}`);
  return o;
};
CALLS[10] = (c, m, off, end) => {
  let o = diropargs(c, 'where', off, end);
  const dir = dirText();
  o = sattr3(c, 'symlink_attributes', o, end);
  o = xdrOpaque(c, N.symlinkTo, o, end);
  const text = `From ${dir} To ${xdr.text}`;
  callText(c, m, `, ${text}`, ` ${text}`);
  return o;
};
CALLS[11] = (c, m, off, end) => {
  const f = c.f;
  let o = diropargs(c, 'where', off, end);
  const hash = attrs.hash;
  const name = xdr.text;
  const type = c.uint(N.mknodType, o, 4, end);
  o += 4;
  if (type === NF3CHR || type === NF3BLK) {
    o = sattr3(c, 'dev_attributes', o, end);
    if (c.has(o, 8, end)) {
      const s1 = c.u32(o);
      const s2 = c.u32(o + 4);
      const spec = f.text(o, 8, '');
      if (spec >= 0) f.label(spec, `spec: ${s1},${s2}`);
      f.push(spec);
      f.add(N.specdata1, o, 4, s1);
      f.add(N.specdata2, o + 4, 4, s2);
      f.pop();
    }
    o += 8;
  } else if (type === NF3SOCK || type === NF3FIFO) o = sattr3(c, 'pipe_attributes', o, end);
  // (FH, not DH, in both: packet-nfs.c's words)
  const text = `FH: ${hex8(hash)}/${name} ${FILE_TYPE_NAMES.get(type) ?? 'Unknown Type'}`;
  callText(c, m, `, ${text}`, ` ${text}`);
  return o;
};
CALLS[12] = (c, m, off, end) => {
  const o = diropargs(c, 'object', off, end);
  callText(c, m, `, ${dirText()}`, ` ${dirText()}`);
  return o;
};
CALLS[13] = CALLS[12];
CALLS[14] = (c, m, off, end) => {
  let o = diropargs(c, 'from', off, end);
  const from = dirText();
  o = diropargs(c, 'to', o, end);
  const text = `From ${from} To ${dirText()}`;
  callText(c, m, `, ${text}`, ` ${text}`);
  return o;
};
CALLS[15] = (c, m, off, end) => {
  let o = fh3(c, 'file', off, end);
  const file = hex8(attrs.hash);
  o = diropargs(c, 'link', o, end);
  const text = `From DH: ${file} To ${dirText()}`;
  callText(c, m, `, ${text}`, ` ${text}`);
  return o;
};
CALLS[16] = (c, m, off, end) => {
  let o = fh3(c, 'dir', off, end);
  const hash = attrs.hash;
  addHyper(c, N.cookie3, o, end);
  o = verifier(c, o + 8, end);
  c.uint(N.count3, o, 4, end);
  callText(c, m, `, FH: ${hex8(hash)}`, ` FH: ${hex8(hash)}`);
  return o + 4;
};
CALLS[17] = (c, m, off, end) => {
  let o = fh3(c, 'dir', off, end);
  const hash = attrs.hash;
  addHyper(c, N.cookie3, o, end);
  o = verifier(c, o + 8, end);
  c.uint(N.dircount, o, 4, end);
  c.uint(N.maxcount, o + 4, 4, end);
  callText(c, m, `, FH: ${hex8(hash)}`, ` FH: ${hex8(hash)}`);
  return o + 8;
};
CALLS[18] = handleCall('object', 'DH');
CALLS[19] = handleCall('object', 'DH');
CALLS[20] = handleCall('object', 'DH');
CALLS[21] = (c, m, off, end) => {
  let o = fh3(c, 'file', off, end);
  addHyper(c, N.offset3, o, end);
  c.uint(N.count3, o + 8, 4, end);
  o += 12;
  callText(c, m, `, ${fhText()}`, ` ${fhText()}`);
  return o;
};
