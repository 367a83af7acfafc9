// The fields of Wireshark 4.0's NFS dissector (packet-nfs.c) that Decapod fills for version 3,
// with their names, labels and types as `tshark -G fields` lists them (value names: nfs-names.ts).

import { Base, FT, names, registerFields, type FieldSpec } from '../fields/registry.ts';
import type { RpcMessage } from './rpc-fields.ts';
import {
  CREATE_MODES, FILE_TYPES, GUARD_CHECK, NFS3_PROCEDURES, NFS3_STATUS, NFS_STATUS, SET_IT_TIME, SET_IT_VALUE, STABLE_HOW, VALUE_FOLLOWS,
} from './nfs-names.ts';

const YES_NO = ['Yes', 'No'] as const;
const uint = (name: string, label: string): FieldSpec => ({ name, label, type: FT.UINT });
const hyper = (name: string, label: string): FieldSpec => ({ name, label, type: FT.UINT, bits: 64 });
const mode = (name: string, label: string, mask: number): FieldSpec => ({ name, label, type: FT.BOOLEAN, bits: 32, mask, tf: YES_NO });
const access = (name: string, label: string, mask: number): FieldSpec => ({ name, label, type: FT.BOOLEAN, bits: 8, mask, tf: ['allowed', '*Access Denied*'] });
const prop = (name: string, label: string, mask: number, tf: readonly [string, string] = YES_NO): FieldSpec => ({ name, label, type: FT.BOOLEAN, bits: 32, mask, tf });
const yesNo = (name: string, label: string): FieldSpec => ({ name, label, type: FT.BOOLEAN, tf: YES_NO });
const time = (name: string, label: string): FieldSpec => ({ name, label, type: FT.ABSOLUTE_TIME });

export const SET_IT_VALUE_NAMES = names(SET_IT_VALUE);
export const SET_IT_TIME_NAMES = names(SET_IT_TIME);
export const NFS3_PROCEDURE_NAMES = names(NFS3_PROCEDURES);
export const NFS3_STATUS_NAMES = names(NFS3_STATUS);

export const N = registerFields({
  nfs: { name: 'nfs', label: 'Network File System', type: FT.PROTOCOL },
  procedureV3: { name: 'nfs.procedure_v3', label: 'V3 Procedure', type: FT.UINT, names: NFS3_PROCEDURE_NAMES, unknownName: true },
  status3: { name: 'nfs.status3', label: 'Status', type: FT.UINT, names: NFS3_STATUS_NAMES, unknownName: true },
  status: { name: 'nfs.status', label: 'Status', type: FT.UINT, names: names(NFS_STATUS), unknownName: true },
  // file handles
  fhLength: uint('nfs.fh.length', 'length'),
  fhHash: { name: 'nfs.fh.hash', label: 'hash (CRC-32)', type: FT.UINT, base: Base.HEX },
  fhandle: { name: 'nfs.fhandle', label: 'FileHandle', type: FT.BYTES },
  handleFollow: { name: 'nfs.handle_follow', label: 'handle_follow', type: FT.UINT, names: names(VALUE_FOLLOWS), unknownName: true },
  name: { name: 'nfs.name', label: 'Name', type: FT.STRING },
  // fattr3
  attributesFollow: { name: 'nfs.attributes_follow', label: 'attributes_follow', type: FT.UINT, names: names(VALUE_FOLLOWS), unknownName: true },
  type: { name: 'nfs.fattr3.type', label: 'Type', type: FT.UINT, names: names(FILE_TYPES), unknownName: true },
  // (MKNOD's type: the same names under packet-nfs.c's nfs.type)
  mknodType: { name: 'nfs.type', label: 'Type', type: FT.UINT, names: names(FILE_TYPES), unknownName: true, blurb: 'File Type' },
  // (BASE_OCT in packet-nfs.c: its line shows 0755, `-T fields` prints 493; nfs-attrs.ts writes the line)
  mode3: uint('nfs.mode3', 'Mode'),
  suid: mode('nfs.mode3.suid', 'S_ISUID', 0x800),
  sgid: mode('nfs.mode3.sgid', 'S_ISGID', 0x400),
  sticky: mode('nfs.mode3.sticky', 'S_ISVTX', 0x200),
  rusr: mode('nfs.mode3.rusr', 'S_IRUSR', 0x100),
  wusr: mode('nfs.mode3.wusr', 'S_IWUSR', 0x80),
  xusr: mode('nfs.mode3.xusr', 'S_IXUSR', 0x40),
  rgrp: mode('nfs.mode3.rgrp', 'S_IRGRP', 0x20),
  wgrp: mode('nfs.mode3.wgrp', 'S_IWGRP', 0x10),
  xgrp: mode('nfs.mode3.xgrp', 'S_IXGRP', 0x8),
  roth: mode('nfs.mode3.roth', 'S_IROTH', 0x4),
  woth: mode('nfs.mode3.woth', 'S_IWOTH', 0x2),
  xoth: mode('nfs.mode3.xoth', 'S_IXOTH', 0x1),
  nlink: uint('nfs.fattr3.nlink', 'nlink'),
  uid: uint('nfs.fattr3.uid', 'uid'),
  gid: uint('nfs.fattr3.gid', 'gid'),
  size: hyper('nfs.fattr3.size', 'size'),
  used: hyper('nfs.fattr3.used', 'used'),
  specdata1: uint('nfs.specdata1', 'specdata1'),
  specdata2: uint('nfs.specdata2', 'specdata2'),
  fsid: { name: 'nfs.fattr3.fsid', label: 'fsid', type: FT.UINT, base: Base.HEX_DEC, bits: 64 },
  fileid: hyper('nfs.fattr3.fileid', 'fileid'),
  atime: time('nfs.atime', 'atime'),
  atimeSec: uint('nfs.atime.sec', 'seconds'),
  atimeNsec: uint('nfs.atime.nsec', 'nano seconds'),
  mtime: time('nfs.mtime', 'mtime'),
  mtimeSec: uint('nfs.mtime.sec', 'seconds'),
  mtimeNsec: uint('nfs.mtime.nsec', 'nano seconds'),
  ctime: time('nfs.ctime', 'ctime'),
  ctimeSec: uint('nfs.ctime.sec', 'seconds'),
  ctimeNsec: uint('nfs.ctime.nsec', 'nano seconds'),
  wccSize: hyper('nfs.wcc_attr.size', 'size'),
  // sattr3
  // (registered twice by packet-nfs.c, with a value's names and a time's: its lines name it by use)
  setIt: { name: 'nfs.set_it', label: 'set_it', type: FT.UINT, blurb: 'How To Set Time' },
  uid3: uint('nfs.uid3', 'uid'),
  gid3: uint('nfs.gid3', 'gid'),
  setSize: hyper('nfs.set_size', 'size'),
  guard: { name: 'nfs.sattrguard3', label: 'check', type: FT.UINT, names: names(GUARD_CHECK), unknownName: true },
  // arguments and results
  offset3: hyper('nfs.offset3', 'offset'),
  count3: uint('nfs.count3', 'count'),
  dircount: uint('nfs.count3_dircount', 'dircount'),
  maxcount: uint('nfs.count3_maxcount', 'maxcount'),
  cookie3: hyper('nfs.cookie3', 'cookie'),
  verifier: { name: 'nfs.verifier', label: 'Verifier', type: FT.BYTES },
  readEof: yesNo('nfs.read.eof', 'EOF'),
  data: { name: 'nfs.data', label: 'Data', type: FT.BYTES },
  stable: { name: 'nfs.write.stable', label: 'Stable', type: FT.UINT, names: names(STABLE_HOW), unknownName: true },
  committed: { name: 'nfs.write.committed', label: 'Committed', type: FT.UINT, names: names(STABLE_HOW), unknownName: true },
  createmode: { name: 'nfs.createmode', label: 'Create Mode', type: FT.UINT, names: names(CREATE_MODES), unknownName: true },
  accessCheck: { name: 'nfs.access_check', label: 'Check access', type: FT.UINT, base: Base.HEX, bits: 8 },
  accessRights: { name: 'nfs.access_rights', label: 'Access rights (of requested)', type: FT.UINT, base: Base.HEX, bits: 8 },
  accessRead: access('nfs.access_read', '0x001 READ', 0x1),
  accessLookup: access('nfs.access_lookup', '0x002 LOOKUP', 0x2),
  accessModify: access('nfs.access_modify', '0x004 MODIFY', 0x4),
  accessExtend: access('nfs.access_extend', '0x008 EXTEND', 0x8),
  accessDelete: access('nfs.access_delete', '0x010 DELETE', 0x10),
  accessExecute: access('nfs.access_execute', '0x020 EXECUTE', 0x20),
  // READDIRPLUS
  entry: { name: 'nfs.readdir.entry', label: 'Entry', type: FT.NONE },
  entryFileid: hyper('nfs.readdirplus.entry.fileid', 'File ID'),
  entryName: { name: 'nfs.readdirplus.entry.name', label: 'Name', type: FT.STRING },
  entryCookie: hyper('nfs.readdirplus.entry.cookie', 'Cookie'),
  readdirEof: uint('nfs.readdir.eof', 'EOF'),
  // READDIR, READLINK, SYMLINK
  entry3Fileid: hyper('nfs.readdir.entry3.fileid', 'File ID'),
  entry3Name: { name: 'nfs.readdir.entry3.name', label: 'Name', type: FT.STRING },
  entry3Cookie: hyper('nfs.readdir.entry3.cookie', 'Cookie'),
  readlinkData: { name: 'nfs.readlink.data', label: 'Data', type: FT.STRING },
  symlinkTo: { name: 'nfs.symlink.to', label: 'To', type: FT.STRING },
  // FSSTAT, FSINFO, PATHCONF
  tbytes: hyper('nfs.fsstat3_resok.tbytes', 'Total bytes'),
  fbytes: hyper('nfs.fsstat3_resok.fbytes', 'Free bytes'),
  abytes: hyper('nfs.fsstat3_resok.abytes', 'Available free bytes'),
  tfiles: hyper('nfs.fsstat3_resok.tfiles', 'Total file slots'),
  ffiles: hyper('nfs.fsstat3_resok.ffiles', 'Free file slots'),
  afiles: hyper('nfs.fsstat3_resok.afiles', 'Available free file slots'),
  invarsec: uint('nfs.fsstat.invarsec', 'invarsec'),
  rtmax: uint('nfs.fsinfo.rtmax', 'rtmax'),
  rtpref: uint('nfs.fsinfo.rtpref', 'rtpref'),
  rtmult: uint('nfs.fsinfo.rtmult', 'rtmult'),
  wtmax: uint('nfs.fsinfo.wtmax', 'wtmax'),
  wtpref: uint('nfs.fsinfo.wtpref', 'wtpref'),
  wtmult: uint('nfs.fsinfo.wtmult', 'wtmult'),
  dtpref: uint('nfs.fsinfo.dtpref', 'dtpref'),
  maxfilesize: hyper('nfs.fsinfo.maxfilesize', 'maxfilesize'),
  dtime: { name: 'nfs.dtime', label: 'time delta', type: FT.RELATIVE_TIME },
  dtimeSec: uint('nfs.dtime.sec', 'seconds'),
  dtimeNsec: uint('nfs.dtime.nsec', 'nano seconds'),
  properties: { name: 'nfs.fsinfo.properties', label: 'Properties', type: FT.UINT, base: Base.HEX },
  propSetattr: prop('nfs.fsinfo.properties.setattr', 'SETATTR can set time on server', 0x10),
  propPathconf: prop('nfs.fsinfo.properties.pathconf', 'PATHCONF', 0x8, ['is valid for all files', 'should be get for every single file']),
  propSymlinks: prop('nfs.fsinfo.properties.symlinks', 'File System supports symbolic links', 0x2),
  propHardlinks: prop('nfs.fsinfo.properties.hardlinks', 'File System supports hard links', 0x1),
  linkmax: uint('nfs.pathconf.linkmax', 'linkmax'),
  nameMax: uint('nfs.pathconf.name_max', 'name_max'),
  noTrunc: yesNo('nfs.pathconf.no_trunc', 'no_trunc'),
  chownRestricted: yesNo('nfs.pathconf.chown_restricted', 'chown_restricted'),
  caseInsensitive: yesNo('nfs.pathconf.case_insensitive', 'case_insensitive'),
  casePreserving: yesNo('nfs.pathconf.case_preserving', 'case_preserving'),
});

/** The mode bits in the order their lines come (and their names in the Mode line). */
export const MODE_BITS = [N.suid, N.sgid, N.sticky, N.rusr, N.wusr, N.xusr, N.rgrp, N.wgrp, N.xgrp, N.roth, N.woth, N.xoth];
/** The access bits, their masks and their abbreviations in "[Check: RD LU MD XT DL XE]". */
export const ACCESS_BITS: readonly (readonly [number, number, string])[] = [
  [N.accessRead, 0x1, 'RD'], [N.accessLookup, 0x2, 'LU'], [N.accessModify, 0x4, 'MD'],
  [N.accessExtend, 0x8, 'XT'], [N.accessDelete, 0x10, 'DL'], [N.accessExecute, 0x20, 'XE'],
];
export const FSINFO_PROPERTIES = [N.propSetattr, N.propPathconf, N.propSymlinks, N.propHardlinks];

/** The message's procedure's name ("READ"). */
export const procName = (m: RpcMessage): string => NFS3_PROCEDURE_NAMES.get(m.procedure) ?? String(m.procedure);
