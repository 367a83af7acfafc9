// The question and resource-record sections of a DNS message (RFC 1035 sections 4.1.2 and
// 4.1.3; Wireshark packet-dns.c dissect_query_records / dissect_answer_records):
//
//   Question:  QNAME  QTYPE(2)  QCLASS(2)
//   Record:    NAME   TYPE(2)   CLASS(2)  TTL(4)  RDLENGTH(2)  RDATA
//
// The OPT pseudo-record reuses CLASS and TTL (RFC 6891 section 6.1.2), and multicast DNS the top
// bit of a class (RFC 6762 sections 5.4 and 10.2). Like Wireshark, a record is shown only when all
// of it was captured: its line in the tree covers its data.

import { Base, FT, fieldById, registerFields } from '../fields/registry.ts';
import { EF, type FieldList } from '../fields/field-list.ts';
import { bitPattern, durationText, labelText } from '../fields/format.ts';
import type { Ctx } from './context.ts';
import { Status } from './context.ts';
import { dnsName, readName } from './dns-name.ts';
import { dissectRdata, ownerName } from './dns-rr.ts';
import { CLASS_NAMES, TYPE_NAMES, className, typeMnemonic } from './dns-types.ts';

const T_OPT = 41;
/** mDNS: the top bit of a question's class asks for a unicast reply, of a record's class says "cache flush". */
const CLASS_TOP = 0x8000;

const bit = (name: string, label: string, mask: number, tf: readonly [string, string]) =>
  ({ name, label, type: FT.BOOLEAN, bits: 16, mask, tf });

/** mDNS's class line: packet-dns.c registers a second `dns.qry.class` / `dns.resp.class` for
 *  mDNS with the top bit (QU, cache flush) masked off, drawn as bits: ".000 0000 0000 0001 =
 *  Class: IN (0x0001)". The registry holds one field per name, so the line is set here. */
function mdnsClassLine(f: FieldList, item: number, id: number): void {
  if (f.wanted !== null || item < 0) return;
  f.setText(item, `${bitPattern({ ...fieldById(id), mask: 0x7fff }, f.num[item] as number)} = ${labelText(f, item)}`);
}

export const Q = registerFields({
  qryName: { name: 'dns.qry.name', label: 'Name', type: FT.STRING },
  qryNameLen: { name: 'dns.qry.name.len', label: 'Name Length', type: FT.UINT, bits: 16 },
  labels: { name: 'dns.count.labels', label: 'Label Count', type: FT.UINT, bits: 16 },
  qryType: { name: 'dns.qry.type', label: 'Type', type: FT.UINT, bits: 16, names: TYPE_NAMES, unknownName: true },
  qryClass: { name: 'dns.qry.class', label: 'Class', type: FT.UINT, base: Base.HEX, bits: 16, names: CLASS_NAMES },
  qu: bit('dns.qry.qu', '"QU" question', 0x8000, ['True', 'False']),
  respName: { name: 'dns.resp.name', label: 'Name', type: FT.STRING },
  respType: { name: 'dns.resp.type', label: 'Type', type: FT.UINT, bits: 16, names: TYPE_NAMES, unknownName: true },
  /** Decapod's own, hidden: the type of a record cut by the capture after its header, which
   *  packet-dns.c writes in the Info column before the record's line fails (no tshark field). */
  cutType: { name: 'dns.decapod.cut_record_type', label: 'Type of a record cut by the capture', type: FT.UINT, bits: 16, names: TYPE_NAMES },
  respClass: { name: 'dns.resp.class', label: 'Class', type: FT.UINT, base: Base.HEX, bits: 16, names: CLASS_NAMES },
  cacheFlush: bit('dns.resp.cache_flush', 'Cache flush', 0x8000, ['True', 'False']),
  // ("Time to live: 558 (9 minutes, 18 seconds)")
  ttl: { name: 'dns.resp.ttl', label: 'Time to live', type: FT.UINT, unit: (v) => ` (${durationText(v)})` },
  rdLen: { name: 'dns.resp.len', label: 'Data length', type: FT.UINT, bits: 16 },
  payloadSize: { name: 'dns.rr.udp_payload_size', label: 'UDP payload size', type: FT.UINT, bits: 16 },
  extRcode: { name: 'dns.resp.ext_rcode', label: 'Higher bits in extended RCODE', type: FT.UINT, base: Base.HEX, bits: 8 },
  ednsVersion: { name: 'dns.resp.edns0_version', label: 'EDNS0 version', type: FT.UINT, bits: 8 },
  ednsZ: { name: 'dns.resp.z', label: 'Z', type: FT.UINT, base: Base.HEX, bits: 16 },
  ednsDo: bit('dns.resp.z.do', 'DO bit', 0x8000, ['Accepts DNSSEC security RRs', 'Cannot handle DNSSEC security RRs']),
  ednsReserved: { name: 'dns.resp.z.reserved', label: 'Reserved', type: FT.UINT, base: Base.HEX, bits: 16, mask: 0x7fff },
});

export const enum Kind {
  DNS,
  MDNS,
  LLMNR,
}

/** Budget of name-label steps per message: a crafted message full of long pointer chains stops here. */
const NAME_BUDGET = 1 << 20;

let budget = 0;

/** Start a message's name budget. */
export function resetNameBudget(): void {
  budget = NAME_BUDGET;
}


function name(c: Ctx, o: number, msg: number, end: number): number {
  if (--budget < 0) {
    c.fail(Status.MALFORMED);
    return -1;
  }
  return readName(c, o, msg, end);
}

/** The question section; returns the offset after it, or -1 when the packet stopped. */
export function questions(c: Ctx, p: number, count: number, msg: number, end: number, kind: Kind, title: string): number {
  const f = c.f;
  const section = f.text(p, 0, title);
  f.push(section);
  for (let i = 0; i < count; i++) {
    const n = name(c, p, msg, end);
    if (n < 0 || !c.has(p + n, 4, end)) break;
    const type = c.u16(p + n);
    let cls = c.u16(p + n + 2);
    const qu = kind === Kind.MDNS ? cls & CLASS_TOP : 0;
    if (kind === Kind.MDNS) cls &= ~CLASS_TOP;
    let line = `${dnsName.text}: type ${typeMnemonic(type)}, class ${className(cls)}`;
    if (kind === Kind.MDNS) line += `, "${qu ? 'QU' : 'QM'}" question`;
    f.push(f.text(p, n + 4, line));
    f.addStr(Q.qryName, p, n, dnsName.text);
    f.add(Q.qryNameLen, p, n, dnsName.len, EF.GENERATED);
    f.add(Q.labels, p, n, dnsName.labels, EF.GENERATED);
    f.add(Q.qryType, p + n, 2, type);
    const clsItem = f.add(Q.qryClass, p + n + 2, 2, cls);
    if (kind === Kind.MDNS) {
      mdnsClassLine(f, clsItem, Q.qryClass);
      f.add(Q.qu, p + n + 2, 2, qu ? 1 : 0);
    }
    f.pop();
    p += n + 4;
  }
  f.pop();
  f.len[section] = Math.max(0, p - (f.off[section] as number));
  return c.stop ? -1 : p;
}

/** An answer, authority or additional section. */
export function records(c: Ctx, p: number, count: number, msg: number, end: number, kind: Kind, title: string): number {
  const f = c.f;
  const section = f.text(p, 0, title);
  f.push(section);
  for (let i = 0; i < count && !c.stop; i++) {
    const n = name(c, p, msg, end);
    if (n < 0 || !c.has(p + n, 10, end)) break;
    const owner = dnsName.text;
    const h = p + n;
    // The record's line covers its data, and Wireshark's tree refuses an item past the captured
    // bytes: a record cut by the capture shows nothing of itself.
    const type = c.u16(h);
    if (!c.has(p, n + 10 + c.u16(h + 8), end)) {
      f.add(Q.cutType, h, 2, type, EF.HIDDEN);
      break;
    }
    const rawClass = c.u16(h + 2);
    const flush = kind === Kind.MDNS && type !== T_OPT ? rawClass & CLASS_TOP : 0;
    const cls = flush ? rawClass & ~CLASS_TOP : rawClass;
    const dlen = c.u16(h + 8);
    let line = type === T_OPT ? `${owner}: type ${typeMnemonic(type)}` : `${owner}: type ${typeMnemonic(type)}, class ${className(cls)}`;
    const rr = f.text(p, n + 10 + dlen, line);
    f.push(rr);
    ownerName(c, Q.respName, type, p, n, owner);
    f.add(Q.respType, h, 2, type);
    if (type === T_OPT) {
      // RFC 6891 section 6.1.2: "CLASS: requestor's UDP payload size", and the TTL carries the
      // extended RCODE, the version and the flags.
      f.add(Q.payloadSize, h + 2, 2, rawClass);
      f.add(Q.extRcode, h + 4, 1, c.u8(h + 4));
      f.add(Q.ednsVersion, h + 5, 1, c.u8(h + 5));
      const z = c.u16(h + 6);
      f.push(f.add(Q.ednsZ, h + 6, 2, z));
      f.add(Q.ednsDo, h + 6, 2, z >> 15);
      f.add(Q.ednsReserved, h + 6, 2, z & 0x7fff);
      f.pop();
    } else {
      const clsItem = f.add(Q.respClass, h + 2, 2, cls);
      if (kind === Kind.MDNS) {
        mdnsClassLine(f, clsItem, Q.respClass);
        f.add(Q.cacheFlush, h + 2, 2, flush ? 1 : 0);
      }
      f.add(Q.ttl, h + 4, 4, c.u32(h + 4));
    }
    f.add(Q.rdLen, h + 8, 2, dlen);
    // (packet-dns.c appends "cache flush" to the line before the data's part: "type SRV, class IN,
    // cache flush, priority 0, …")
    if (flush) line += ', cache flush';
    if (dlen > 0) line += dissectRdata(c, type, h + 10, dlen, msg, end, rr);
    f.label(rr, line);
    f.pop();
    p = h + 10 + dlen;
  }
  f.pop();
  f.len[section] = Math.max(0, Math.min(p, end) - (f.off[section] as number));
  return c.stop ? -1 : p;
}
