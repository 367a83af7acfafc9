// PPP's Link Control Protocol (Wireshark 4.0's packet-ppp.c, PPP protocol 0xc021): how the two
// ends of a PPP link (a PPTP tunnel's, a dial-up's) agree on its options. The code, identifier and
// length every PPP control protocol has, then a configure message's options (MRU, ACCM,
// authentication protocol, magic number, the compressions, callback, multilink MRRU and endpoint
// discriminator), each titled with its value as packet-ppp.c titles it; or an echo's magic number.

import { Base, FT, fieldById, names, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { bind, registerDissector } from './tables.ts';

const CODES = names([
  [1, 'Configuration Request'], [2, 'Configuration Ack'], [3, 'Configuration Nak'], [4, 'Configuration Reject'],
  [5, 'Termination Request'], [6, 'Termination Ack'], [7, 'Code Reject'], [8, 'Protocol Reject'], [9, 'Echo Request'],
  [10, 'Echo Reply'], [11, 'Discard Request'], [12, 'Identification'], [13, 'Time Remaining'],
]);
const OPTIONS = names([
  [1, 'Maximum Receive Unit'], [2, 'Async Control Character Map'], [3, 'Authentication Protocol'], [4, 'Quality Protocol'],
  [5, 'Magic Number'], [7, 'Protocol Field Compression'], [8, 'Address and Control Field Compression'], [13, 'Callback'],
  [17, 'Multilink MRRU'], [18, 'Multilink Short Sequence Number Header'], [19, 'Multilink Endpoint Discriminator'],
]);

const F = registerFields({
  lcp: { name: 'lcp', label: 'PPP Link Control Protocol', type: FT.PROTOCOL },
  code: { name: 'ppp.code', label: 'Code', type: FT.UINT, bits: 8, names: CODES, unknownName: true },
  identifier: { name: 'ppp.identifier', label: 'Identifier', type: FT.UINT, base: Base.DEC_HEX, bits: 8 },
  length: { name: 'ppp.length', label: 'Length', type: FT.UINT, bits: 16 },
  options: { name: 'lcp.options', label: 'Options', type: FT.NONE },
  optType: { name: 'lcp.opt.type', label: 'Type', type: FT.UINT, bits: 8, names: OPTIONS, unknownName: true },
  optLength: { name: 'lcp.opt.length', label: 'Length', type: FT.UINT, bits: 8 },
  mruOpt: { name: 'lcp.opt.mru', label: 'Maximum Receive Unit', type: FT.NONE },
  mru: { name: 'lcp.opt.mru_value', label: 'Maximum Receive Unit', type: FT.UINT, bits: 16 },
  accmOpt: { name: 'lcp.opt.asyncmap', label: 'Async Control Character Map', type: FT.NONE },
  accm: { name: 'lcp.opt.accm', label: 'Async Control Character Map', type: FT.UINT, base: Base.HEX, bits: 32 },
  magicOpt: { name: 'lcp.opt.magic_number_bytes', label: 'Magic Number', type: FT.NONE },
  magic: { name: 'lcp.opt.magic_number', label: 'Magic Number', type: FT.UINT, base: Base.HEX, bits: 32 },
  pfc: { name: 'lcp.opt.field_compress', label: 'Protocol Field Compression', type: FT.NONE },
  acfc: { name: 'lcp.opt.addr_field_compress', label: 'Address and Control Field Compression', type: FT.NONE },
  callbackOpt: { name: 'lcp.opt.callback', label: 'Callback', type: FT.NONE },
  operation: { name: 'lcp.opt.operation', label: 'Operation', type: FT.UINT, bits: 8, names: names([
    [0, 'Location is determined by user authentication'], [1, 'Message is dialing string'], [2, 'Message is location identifier'],
    [3, 'Message is E.164'], [4, 'Message is distinguished name'], [5, 'unassigned'], [6, 'Location is determined during CBCP negotiation']]) },
  mrruOpt: { name: 'lcp.opt.multilink_mrru', label: 'Multilink MRRU', type: FT.NONE },
  mrru: { name: 'lcp.opt.mrru', label: 'MRRU', type: FT.UINT, bits: 16 },
  epDiscOpt: { name: 'lcp.opt.multilink_ep_disc', label: 'Multilink Endpoint Discriminator', type: FT.NONE },
  epDiscClass: { name: 'lcp.opt.ep_disc_class', label: 'Class', type: FT.UINT, bits: 8, names: names([
    [0, 'Null Class'], [1, 'Locally assigned address'], [2, 'Internet Protocol (IP) Address'],
    [3, 'The following is an IEEE 802.1 globally assigned MAC address'], [4, 'PPP Magic-Number Block'],
    [5, 'Public Switched Network Directory Number']]) },
  optData: { name: 'lcp.opt.data', label: 'Data', type: FT.BYTES },
});

const nameOf = (id: number, v: number): string => fieldById(id).names?.get(v) ?? 'Unknown';

function dissectLcp(c: Ctx, off: number, end: number): void {
  const f = c.f;
  c.colProtocol = 'PPP LCP';
  if (!c.has(off, 4, end)) return;
  const code = c.u8(off);
  if (f.wanted === null) c.setInfo(CODES.get(code) ?? `Unknown (${code})`);
  const len = c.u16(off + 2);
  const stop = Math.min(end, off + Math.max(len, 4));
  c.proto(F.lcp, off, stop);
  f.add(F.code, off, 1, code);
  f.add(F.identifier, off + 1, 1, c.u8(off + 1));
  f.add(F.length, off + 2, 2, len);
  if (code >= 1 && code <= 4 && off + 4 < stop) options(c, off + 4, stop);
  f.pop();
}

function options(c: Ctx, o: number, end: number): void {
  const f = c.f;
  const bytes = Math.min(end, c.b.length) - o;
  const list = f.add(F.options, o, bytes);
  const titles: string[] = [];
  f.push(list);
  while (o + 2 <= end && !c.stop) {
    const type = c.u8(o);
    const len = c.u8(o + 1);
    if (len < 2 || !c.has(o, len, end)) break;
    titles.push(nameOf(F.optType, type));
    option(c, type, o, len);
    o += len;
  }
  f.pop();
  if (f.wanted === null) f.label(list, `Options: (${bytes} bytes)${titles.map((t) => `, ${t}`).join('')}`);
}

/** One option: its line (titled with its value), type, length and value. */
function option(c: Ctx, type: number, o: number, len: number): void {
  const f = c.f;
  const v = o + 2;
  const end = o + len;
  let id: number;
  let title = nameOf(F.optType, type);
  switch (type) {
    case 1: id = F.mruOpt; if (len >= 4) title += `: ${c.u16(v)}`; break;
    case 2: id = F.accmOpt; if (len >= 6) title += `: 0x${c.u32(v).toString(16).padStart(8, '0')}`; break;
    case 5: id = F.magicOpt; if (len >= 6) title += `: 0x${c.u32(v).toString(16).padStart(8, '0')}`; break;
    case 7: id = F.pfc; break;
    case 8: id = F.acfc; break;
    case 13: id = F.callbackOpt; if (len >= 3) title += `: ${nameOf(F.operation, c.u8(v))}`; break;
    case 17: id = F.mrruOpt; if (len >= 4) title += `: ${c.u16(v)}`; break;
    case 19: id = F.epDiscOpt; if (len >= 3) title += `: Class: ${nameOf(F.epDiscClass, c.u8(v))}`; break;
    default: id = F.options;
  }
  const item = f.add(id, o, len);
  if (f.wanted === null) f.label(item, title);
  f.push(item);
  f.add(F.optType, o, 1, type);
  f.add(F.optLength, o + 1, 1, len);
  switch (type) {
    case 1: c.uint(F.mru, v, 2, end); break;
    case 2: c.uint(F.accm, v, 4, end); break;
    case 5: c.uint(F.magic, v, 4, end); break;
    case 13: c.uint(F.operation, v, 1, end); if (len > 3) c.field(F.optData, v + 1, len - 3, end); break;
    case 17: c.uint(F.mrru, v, 2, end); break;
    case 19: c.uint(F.epDiscClass, v, 1, end); if (len > 3) c.field(F.optData, v + 1, len - 3, end); break;
    default: if (len > 2) c.field(F.optData, v, len - 2, end);
  }
  f.pop();
}

registerDissector('lcp', dissectLcp);
bind('ppp.protocol', 0xc021, 'lcp');
