// Apple PKTAP, LINKTYPE_PKTAP (258) (https://www.tcpdump.org/linktypes/LINKTYPE_PKTAP.html;
// Wireshark packet-pktap.c). Darwin's per-packet metadata, in host (little-endian) byte order,
// followed by the packet in the link type named by its `dlt` field:
//
//   0 hdrlen  4 rectype  8 dlt  12 ifname[24]  36 flags  40 pfamily  44 llhdrlen  48 lltrlrlen
//   52 pid  56 cmdname[20]  76 svc_class  80 iftype(2)  82 ifunit(2)  84 epid  88 ecmdname[20]  108
//
// "The length of the header is given by the first field"; headers shorter than the 108 bytes above
// are reported and not dissected further. Only records of type 1 (a packet) carry a packet.

import { Base, FT, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { Status } from './context.ts';
import { dissectData } from './data.ts';
import { bind, registerDissector } from './tables.ts';

const HDRLEN = 0;
const RECTYPE = 4;
const DLT = 8;
const IFNAME = 12;
const IFNAME_LEN = 24;
const FLAGS = IFNAME + IFNAME_LEN;
const PFAMILY = 40;
const LLHDRLEN = 44;
const LLTRLRLEN = 48;
const PID = 52;
const CMDNAME = 56;
const CMDNAME_LEN = 20;
const SVC_CLASS = CMDNAME + CMDNAME_LEN;
const IFTYPE = 80;
const IFUNIT = 82;
const EPID = 84;
const ECMDNAME = 88;
export const PKTAP_MIN_HEADER_LEN = ECMDNAME + CMDNAME_LEN;
const PKT_REC_PACKET = 1;

export const F = registerFields({
  pktap: { name: 'pktap', label: 'PKTAP packet header', type: FT.PROTOCOL },
  hdrlen: { name: 'pktap.hdrlen', label: 'Header length', type: FT.UINT, bits: 32 },
  rectype: { name: 'pktap.rectype', label: 'Record type', type: FT.UINT, bits: 32 },
  dlt: { name: 'pktap.dlt', label: 'DLT', type: FT.UINT, bits: 32 },
  ifname: { name: 'pktap.ifname', label: 'Interface name', type: FT.STRING },
  flags: { name: 'pktap.flags', label: 'Flags', type: FT.UINT, base: Base.HEX, bits: 32 },
  pfamily: { name: 'pktap.pfamily', label: 'Protocol family', type: FT.UINT, bits: 32 },
  llhdrlen: { name: 'pktap.llhdrlen', label: 'Link-layer header length', type: FT.UINT, bits: 32 },
  lltrlrlen: { name: 'pktap.lltrlrlen', label: 'Link-layer trailer length', type: FT.UINT, bits: 32 },
  pid: { name: 'pktap.pid', label: 'Process ID', type: FT.UINT, bits: 32 },
  cmdname: { name: 'pktap.cmdname', label: 'Command name', type: FT.STRING },
  svcClass: { name: 'pktap.svc_class', label: 'Service class', type: FT.UINT, bits: 32 },
  iftype: { name: 'pktap.iftype', label: 'Interface type', type: FT.UINT, bits: 16 },
  ifunit: { name: 'pktap.ifunit', label: 'Interface unit', type: FT.UINT, bits: 16 },
  epid: { name: 'pktap.epid', label: 'Effective process ID', type: FT.UINT, bits: 32 },
  ecmdname: { name: 'pktap.ecmdname', label: 'Effective command name', type: FT.STRING },
});

const utf8 = new TextDecoder('utf-8');

function le32(c: Ctx, o: number): number {
  return (c.u8(o) | (c.u8(o + 1) << 8) | (c.u8(o + 2) << 16) | (c.u8(o + 3) << 24)) >>> 0;
}

/** Add a little-endian integer field of `n` (2 or 4) bytes, bounds-checked; returns it or -1. */
function le(c: Ctx, id: number, o: number, n: number, end: number): number {
  if (!c.has(o, n, end)) return -1;
  const v = n === 4 ? le32(c, o) : c.u8(o) | (c.u8(o + 1) << 8);
  c.f.add(id, o, n, v);
  return v;
}

/** A NUL-padded name of `n` bytes (the empty name, the usual case, allocates nothing). */
function name(c: Ctx, id: number, o: number, n: number, end: number): void {
  if (!c.has(o, n, end)) return;
  let len = 0;
  while (len < n && c.u8(o + len) !== 0) len++;
  c.f.addStr(id, o, n, len === 0 ? '' : utf8.decode(c.b.subarray(o, o + len)));
}

export function dissectPktap(c: Ctx, off: number, end: number): void {
  const f = c.f;
  if (!c.has(off + HDRLEN, 4, end)) return;
  const hdrlen = le32(c, off + HDRLEN);
  c.proto(F.pktap, off, off + hdrlen);
  le(c, F.hdrlen, off + HDRLEN, 4, end);
  if (hdrlen < PKTAP_MIN_HEADER_LEN) {
    // "Header length is too short" (an expert error): nothing more is dissected.
    f.pop();
    c.status |= Status.MALFORMED;
    return;
  }
  const rectype = le(c, F.rectype, off + RECTYPE, 4, end);
  const dlt = le(c, F.dlt, off + DLT, 4, end);
  name(c, F.ifname, off + IFNAME, IFNAME_LEN, end);
  le(c, F.flags, off + FLAGS, 4, end);
  le(c, F.pfamily, off + PFAMILY, 4, end);
  le(c, F.llhdrlen, off + LLHDRLEN, 4, end);
  le(c, F.lltrlrlen, off + LLTRLRLEN, 4, end);
  le(c, F.pid, off + PID, 4, end);
  name(c, F.cmdname, off + CMDNAME, CMDNAME_LEN, end);
  le(c, F.svcClass, off + SVC_CLASS, 4, end);
  le(c, F.iftype, off + IFTYPE, 2, end);
  le(c, F.ifunit, off + IFUNIT, 2, end);
  le(c, F.epid, off + EPID, 4, end);
  name(c, F.ecmdname, off + ECMDNAME, CMDNAME_LEN, end);
  f.pop();
  if (c.stop || rectype !== PKT_REC_PACKET) return;
  // Wireshark's pcap_pktdata: the packet in the header's link type (an Ethernet FCS is "unknown").
  const d = c.tables.lookup('wtap_encap', dlt);
  // (packet-pktap.c calls its `pcap_pktdata` dissector, a layer of frame.protocols, which
  // dissects by the link type)
  c.layer('pcap_pktdata');
  c.call(d ?? dissectData, off + hdrlen, end);
}

registerDissector('pktap', dissectPktap);
bind('wtap_encap', 258, 'pktap');
