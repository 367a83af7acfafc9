// OSPFv2 (RFC 2328; Wireshark 4.0's packet-ospf.c), IP protocol 89: the link-state routing of an
// underlay or a campus. The header (router, area, checksum verified, authentication) and each
// message: Hello (the neighbours, DR and BDR), database description, link-state request, update
// (router, network, summary, ASBR summary, AS-external and NSSA LSAs in full) and acknowledgement,
// each LSA titled "LSA-type 1 (Router-LSA), len 60" as Wireshark titles it. Info is the message
// type ("Hello Packet").

import { EF } from '../fields/field-list.ts';
import { ipv4Text } from '../fields/format.ts';
import { fieldById } from '../fields/registry.ts';
import { asciiText } from './ascii.ts';
import type { Ctx } from './context.ts';
import { flagWord } from './flag-names.ts';
import { onesSum } from './ip-checksum.ts';
import { F, LSA_KIND, LS_TYPES, MSG_KIND } from './ospf-fields.ts';
import { bind, registerDissector } from './tables.ts';

const IPPROTO_OSPF = 89;
const HEADER_LEN = 24;
const LSA_HEADER_LEN = 20;
const CRYPTOGRAPHIC = 2;

const enum Msg {
  HELLO = 1,
  DB_DESCRIPTION = 2,
  LS_REQUEST = 3,
  LS_UPDATE = 4,
  LS_ACK = 5,
}

const OPTIONS = [F.optDn, F.optO, F.optDc, F.optL, F.optN, F.optMc, F.optE, F.optMt];
const NSSA_OPTIONS = [F.optDn, F.optO, F.optDc, F.optL, F.optP, F.optMc, F.optE, F.optMt];
const DBD_FLAGS = [F.dbdR, F.dbdI, F.dbdM, F.dbdMs];
const ROUTER_FLAGS = [F.flagH, F.flagN, F.flagW, F.flagV, F.flagE, F.flagB];
/** Router-LSA link types: the short name of the link's line, what its Link ID is, what the type says. */
const LINKS: Record<number, readonly [string, string, string]> = {
  1: ['PTP', "Neighboring router's Router ID", 'Point-to-point connection to another router'],
  2: ['Transit', 'IP address of Designated Router', 'Connection to a transit network'],
  3: ['Stub', 'IP network/subnet number', 'Connection to a stub network'],
  4: ['Virtual', "Neighboring router's Router ID", 'Virtual link'],
};

function dissectOspf(c: Ctx, off: number, end: number): void {
  const f = c.f;
  c.colProtocol = 'OSPF';
  if (!c.has(off, 2, end)) return;
  const type = c.u8(off + 1);
  if (f.wanted === null) c.setInfo(fieldById(F.msg).names?.get(type) ?? `Unknown (${type})`);
  const len = c.has(off + 2, 2, end) ? c.u16(off + 2) : 0;
  const pend = Math.min(end, off + Math.max(len, HEADER_LEN));
  c.proto(F.ospf, off, pend);
  header(c, off, end, type, len);
  if (c.stop) return;
  const o = off + HEADER_LEN;
  switch (type) {
    case Msg.HELLO:
      hello(c, o, pend);
      break;
    case Msg.DB_DESCRIPTION:
      f.push(f.text(o, Math.min(pend, c.b.length) - o, 'OSPF DB Description'));
      c.uint(F.mtu, o, 2, pend);
      options(c, o + 2, pend, OPTIONS);
      flagWord(c, F.dbd, DBD_FLAGS, o + 3, pend);
      c.uint(F.ddSeq, o + 4, 4, pend);
      f.pop();
      for (let p = o + 8; p + LSA_HEADER_LEN <= pend && !c.stop; p += LSA_HEADER_LEN) lsa(c, p, pend, false);
      break;
    case Msg.LS_REQUEST:
      for (let p = o; p + 12 <= pend && !c.stop; p += 12) {
        f.push(f.text(p, 12, 'Link State Request'));
        c.uint(F.lsType, p, 4, pend);
        c.field(F.linkStateId, p + 4, 4, pend);
        c.field(F.advRouter, p + 8, 4, pend);
        f.pop();
      }
      break;
    case Msg.LS_UPDATE: {
      f.push(f.text(o, Math.min(pend, c.b.length) - o, 'LS Update Packet'));
      const n = c.uint(F.lsaCount, o, 4, pend);
      let p = o + 4;
      for (let k = 0; k < n && p + LSA_HEADER_LEN <= pend && !c.stop; k++) p = lsa(c, p, pend, true);
      f.pop();
      break;
    }
    case Msg.LS_ACK:
      for (let p = o; p + LSA_HEADER_LEN <= pend && !c.stop; p += LSA_HEADER_LEN) lsa(c, p, pend, false);
      break;
  }
  f.pop();
}

function header(c: Ctx, off: number, end: number, type: number, len: number): void {
  const f = c.f;
  f.push(f.add(F.header, off, Math.min(HEADER_LEN, c.b.length - off)));
  c.uint(F.version, off, 1, end);
  c.uint(F.msg, off + 1, 1, end);
  const kind = MSG_KIND[type];
  if (kind !== undefined && kind >= 0) f.add(kind, off + 1, 1, 1, EF.HIDDEN);
  c.uint(F.length, off + 2, 2, end);
  c.field(F.srcRouter, off + 4, 4, end);
  if (c.field(F.area, off + 8, 4, end) && c.u32(off + 8) === 0 && f.wanted === null) f.appendLabel(f.last, ' (Backbone)');
  const autype = c.has(off + 14, 2, end) ? c.u16(off + 14) : -1;
  const sum = c.uint(F.checksum, off + 12, 2, end);
  if (sum >= 0 && f.wanted === null) f.appendLabel(f.last, checksumText(c, off, len, sum, autype));
  c.uint(F.authType, off + 14, 2, end);
  const a = off + 16;
  if (autype === 0) c.field(F.authNone, a, 8, end);
  else if (autype === 1) {
    if (c.has(a, 8, end)) f.addStr(F.authSimple, a, 8, asciiText(c.b, a, a + 8, true));
  } else if (autype === CRYPTOGRAPHIC) {
    c.uint(F.cryptKey, a + 2, 1, end);
    const n = c.uint(F.cryptLen, a + 3, 1, end);
    c.uint(F.cryptSeq, a + 4, 4, end);
    // (the digest follows the packet, past its length)
    if (n > 0 && c.has(off + len, n, Math.min(end, c.b.length))) c.field(F.cryptData, off + len, n, c.b.length);
  } else c.field(F.authUnknown, a, 8, end);
  f.pop();
}

/** What packet-ospf.c appends to the checksum: "[correct]", "[incorrect, should be 0x…]", or
 *  " (None)" under cryptographic authentication (the digest protects the packet instead). The
 *  sum runs over the packet without its authentication field, as far as the capture has it. */
function checksumText(c: Ctx, off: number, len: number, value: number, autype: number): string {
  if (autype === CRYPTOGRAPHIC) return ' (None)';
  const stop = Math.min(off + len, c.b.length);
  const s = onesSum(c.b, off + HEADER_LEN, stop, onesSum(c.b, off, off + 16, 0));
  if (s === 0xffff) return ' [correct]';
  // the value that would make the sum all ones (in_cksum_shouldbe)
  let v = value + (~s & 0xffff);
  v = (v & 0xffff) + (v >>> 16);
  return ` [incorrect, should be 0x${(v & 0xffff).toString(16).padStart(4, '0')}]`;
}

function hello(c: Ctx, o: number, end: number): void {
  const f = c.f;
  f.push(f.add(F.hello, o, Math.max(0, Math.min(end, c.b.length) - o)));
  c.field(F.networkMask, o, 4, end);
  c.uint(F.helloInterval, o + 4, 2, end);
  options(c, o + 6, end, OPTIONS);
  c.uint(F.priority, o + 7, 1, end);
  c.uint(F.deadInterval, o + 8, 4, end);
  c.field(F.dr, o + 12, 4, end);
  c.field(F.bdr, o + 16, 4, end);
  for (let p = o + 20; p < end && !c.stop; p += 4) c.field(F.neighbor, p, 4, end);
  f.pop();
}

function options(c: Ctx, o: number, end: number, ids: readonly number[]): void {
  flagWord(c, F.options, ids, o, end);
}

/** An LSA at `o`: its header, and its body when `full` (an update carries whole LSAs, the other
 *  messages their headers); returns where the next one starts. */
function lsa(c: Ctx, o: number, end: number, full: boolean): number {
  const f = c.f;
  const type = c.has(o + 3, 1, end) ? c.u8(o + 3) : 0;
  const len = c.has(o + 18, 2, end) ? c.u16(o + 18) : LSA_HEADER_LEN;
  const stop = full ? Math.min(o + Math.max(len, LSA_HEADER_LEN), end) : o + LSA_HEADER_LEN;
  f.push(f.text(o, Math.min(stop, c.b.length) - o, `LSA-type ${type} (${LS_TYPES.get(type) ?? 'Unknown'}), len ${len}`));
  if (c.has(o, 2, end)) {
    const age = c.u16(o);
    f.add(F.age, o, 2, age & 0x7fff);
    f.add(F.doNotAge, o, 2, age >> 15);
  }
  options(c, o + 2, end, type === 7 ? NSSA_OPTIONS : OPTIONS);
  c.uint(F.lsType, o + 3, 1, end);
  const kind = LSA_KIND[type];
  if (kind !== undefined && kind >= 0) f.add(kind, o + 3, 1, 1, EF.HIDDEN);
  c.field(F.lsaId, o + 4, 4, end);
  c.field(F.advRouter, o + 8, 4, end);
  c.uint(F.seq, o + 12, 4, end);
  c.uint(F.lsaChecksum, o + 16, 2, end);
  c.uint(F.lsaLength, o + 18, 2, end);
  if (full && !c.stop) body(c, type, o + LSA_HEADER_LEN, stop);
  f.pop();
  return o + Math.max(len, LSA_HEADER_LEN);
}

function body(c: Ctx, type: number, o: number, end: number): void {
  const f = c.f;
  switch (type) {
    case 1: {
      flagWord(c, F.routerFlags, ROUTER_FLAGS, o, end);
      const n = c.uint(F.linkCount, o + 2, 2, end);
      let p = o + 4;
      for (let k = 0; k < n && p + 12 <= end && !c.stop; k++) p = link(c, p, end);
      break;
    }
    case 2:
      c.field(F.networkMaskLsa, o, 4, end);
      for (let p = o + 4; p + 4 <= end && !c.stop; p += 4) c.field(F.attachedRouter, p, 4, end);
      break;
    case 3:
    case 4:
      c.field(F.summaryMask, o, 4, end);
      c.uint(F.tos, o + 4, 1, end);
      c.uint(F.metric, o + 5, 3, end);
      break;
    case 5:
    case 7: {
      c.field(F.externalMask, o, 4, end);
      if (!c.has(o + 4, 1, end)) return;
      const b = c.u8(o + 4);
      f.add(F.externalType, o + 4, 1, b & 0x80);
      const tos = f.add(F.tos, o + 4, 1, b & 0x7f);
      if (f.wanted === null) f.setText(tos, `.${(b & 0x7f).toString(2).padStart(7, '0').replace(/^(...)(....)$/, '$1 $2')} = TOS: ${b & 0x7f}`);
      c.uint(F.metric, o + 5, 3, end);
      c.field(F.forwarding, o + 8, 4, end);
      c.uint(F.routeTag, o + 12, 4, end);
      break;
    }
  }
}

/** One link of a Router-LSA: "Type: PTP      ID: 2.2.2.2         Data: 10.1.0.1        Metric: 10". */
function link(c: Ctx, p: number, end: number): number {
  const f = c.f;
  const type = c.u8(p + 8);
  const tos = c.u8(p + 9);
  const metric = c.u16(p + 10);
  const [short, idMeaning, typeMeaning] = LINKS[type] ?? ['Unknown', 'Unknown', 'Unknown'];
  const size = 12 + 4 * tos;
  const id = ipv4Text(c.b, p);
  const data = ipv4Text(c.b, p + 4);
  f.push(f.text(p, Math.min(size, end - p), `Type: ${short.padEnd(8)} ID: ${id.padEnd(15)} Data: ${data.padEnd(15)} Metric: ${metric}`));
  const idItem = f.add(F.linkId, p, 4, 0);
  if (f.wanted === null) f.appendLabel(idItem, ` - ${idMeaning}`);
  f.add(F.linkData, p + 4, 4, 0);
  const typeItem = f.add(F.linkType, p + 8, 1, type);
  if (f.wanted === null) f.appendLabel(typeItem, ` - ${typeMeaning}`);
  const tosItem = f.add(F.metricCount, p + 9, 1, tos);
  if (f.wanted === null) f.appendLabel(tosItem, ' - TOS');
  f.add(F.metric0, p + 10, 2, metric);
  f.pop();
  return p + size;
}

registerDissector('ospf', dissectOspf);
bind('ip.proto', IPPROTO_OSPF, 'ospf');
