// Application PDUs over TCP (Wireshark's tcp_dissect_pdus and desegment_tcp): an application
// dissector with length-prefixed PDUs (DNS over TCP, RFC 1035 section 4.2.2: "The message is
// prefixed with a two byte length field") calls tcpDissectPdus on the segment's payload; TCP
// gives it the segment context. A PDU that does not end in the segment is reassembled: the
// segments that carry its beginning and middle show "TCP segment data", and the segment that
// completes it shows the segment list and then the PDU, dissected from the reassembled bytes (a
// data source of its own), followed by whatever else that segment carries.
//
// On the first pass the state lives in the capture's TcpPduTable; later passes only read the
// per-frame records it left, so that a frame shows the same fields when dissected again (and its
// beginning and middle segments learn the frame that completed the PDU: tcp.reassembled_in).

import { EF } from '../fields/field-list.ts';
import { FT, registerFields } from '../fields/registry.ts';
import { MAX_PDU, type FrameRecord, type PduLength, type Segment } from '../analysis/tcp-reassembly.ts';
import { transportState } from '../analysis/tcp-state.ts';
import { labelPieces } from './fragment-tree.ts';
import type { Ctx, Dissector } from './context.ts';
import { Status } from './context.ts';
import { showException } from './exception.ts';

export const P = registerFields({
  pduSize: { name: 'tcp.pdu.size', label: 'PDU Size', type: FT.UINT },
  segmentData: { name: 'tcp.segment_data', label: 'TCP segment data', type: FT.BYTES },
  segments: { name: 'tcp.segments', label: 'Reassembled TCP Segments', type: FT.NONE },
  segment: { name: 'tcp.segment', label: 'TCP Segment', type: FT.FRAMENUM },
  segmentCount: { name: 'tcp.segment.count', label: 'Segment count', type: FT.UINT },
  reassembledIn: { name: 'tcp.reassembled_in', label: 'Reassembled PDU in frame', type: FT.FRAMENUM },
  reassembledLength: { name: 'tcp.reassembled.length', label: 'Reassembled TCP length', type: FT.UINT },
  reassembledData: { name: 'tcp.reassembled.data', label: 'Reassembled TCP Data', type: FT.BYTES },
});

/** The segment TCP is handing to its payload dissector (one reused object; saved around nesting). */
interface SegmentCtx {
  /** Stream direction key, or -1 when no reassembly is possible. */
  key: number;
  /** Entry of the TCP protocol item (PDU sizes and segment data are added under it). */
  tcpEntry: number;
  /** Whether a PDU that does not end here may be reassembled (first pass, in-order payload). */
  desegment: boolean;
  /** Set by tcpDissectPdus: where the unfinished PDU starts (-1: none), its length, how to read it. */
  reqOff: number;
  reqNeed: number;
  reqFixed: number;
  reqGetLen: PduLength | null;
}

const seg: SegmentCtx = { key: -1, tcpEntry: -1, desegment: false, reqOff: -1, reqNeed: -1, reqFixed: 0, reqGetLen: null };
let active = false;

/**
 * Dissect length-prefixed PDUs in [off, end): `fixed` bytes give the length through `getLen`
 * (the whole PDU's length, prefix included). Outside TCP, or when the PDU cannot be reassembled,
 * an unfinished PDU is dissected as far as it goes (and is then truncated).
 */
export function tcpDissectPdus(c: Ctx, off: number, end: number, fixed: number, getLen: PduLength, pdu: Dissector): void {
  const f = c.f;
  const limit = Math.min(end, c.b.length);
  const depth = f.level;
  let o = off;
  while (o < end && !c.stop) {
    const remaining = limit - o;
    if (remaining < fixed) {
      if (active && seg.desegment) return request(o, -1, fixed, getLen);
      c.call(pdu, o, end);
      return;
    }
    const plen = getLen(c.b, o);
    if (plen < fixed) {
      c.fail(Status.MALFORMED); // "show_reported_bounds_error": the length is shorter than its own prefix
      return;
    }
    if (remaining < plen && active && seg.desegment && plen <= MAX_PDU) return request(o, plen, fixed, getLen);
    if (active && seg.tcpEntry >= 0) {
      f.push(seg.tcpEntry);
      f.add(P.pduSize, o, Math.min(plen, remaining), plen, EF.GENERATED);
      f.pop();
    }
    c.call(pdu, o, Math.min(o + plen, end));
    // "If it gets any other error, report it and continue": a malformed PDU does not stop the
    // PDUs after it, but running out of captured bytes does. The exception shows where it was
    // caught, after the PDU ("[Malformed Packet: MySQL]" after each empty MySQL request).
    if (c.stop && o + plen <= limit) {
      f.unwindTo(depth);
      showException(c);
      c.failShown = true;
      c.stop = false;
    }
    o += plen;
  }
}

/**
 * For a dissector that walks its own PDUs (TLS records; Wireshark's pinfo->desegment_offset and
 * desegment_len): ask TCP to reassemble the PDU that starts at `o` and ends past the segment,
 * `need` bytes long from `o` (-1 when its first `fixed` bytes, which give the length through
 * `getLen`, are not all here yet). The dissector then stops: TCP shows the bytes from `o` on as
 * segment data and hands the whole PDU over once a later segment completes it. False when that
 * cannot be done (not over TCP, a later pass, out-of-order data): dissect what is there.
 */
export function tcpDesegment(o: number, need: number, fixed: number, getLen: PduLength): boolean {
  if (!active || !seg.desegment || need > MAX_PDU) return false;
  request(o, need, fixed, getLen);
  return true;
}

function request(o: number, need: number, fixed: number, getLen: PduLength): void {
  seg.reqOff = o;
  seg.reqNeed = need;
  seg.reqFixed = fixed;
  seg.reqGetLen = getLen;
}

/**
 * TCP's side: dissect the payload [poff, pend) of a segment of stream direction `key` (-1: no
 * reassembly) whose first byte has sequence number `seq`, through `dispatch` (the port tables).
 * The TCP item is `tcpEntry` and has been closed (the application is its sibling).
 */
export function tcpPayload(c: Ctx, key: number, seq: number, poff: number, pend: number, tcpEntry: number,
                           dispatch: (c: Ctx, off: number, end: number) => void): void {
  // Save the outer segment's context (TCP inside a tunnel inside TCP) without allocating.
  const wasActive = active;
  const sKey = seg.key;
  const sEntry = seg.tcpEntry;
  const sDeseg = seg.desegment;
  const sReq = seg.reqOff;
  active = true;
  seg.key = key;
  seg.tcpEntry = tcpEntry;
  seg.reqOff = -1;
  if (key < 0 || c.inErrorPkt) {
    seg.desegment = false;
    dispatch(c, poff, pend);
  } else if (c.firstPass) firstPass(c, key, seq, poff, pend, dispatch);
  else laterPass(c, key, poff, pend, dispatch);
  active = wasActive;
  seg.key = sKey;
  seg.tcpEntry = sEntry;
  seg.desegment = sDeseg;
  seg.reqOff = sReq;
}

function firstPass(c: Ctx, key: number, seq: number, poff: number, pend: number, dispatch: (c: Ctx, off: number, end: number) => void): void {
  const t = transportState(c).pdus;
  const end = Math.min(pend, c.b.length);
  let off = poff;
  const p = t.pendingFor(key);
  const existing = t.record(c.frameNo);
  const canRecord = existing === undefined || existing.key === key;
  if (p && p.nextSeq === seq && canRecord) {
    const rec = t.recordFor(c.frameNo, key);
    const took = t.append(p, c.frameNo, rec, c.b, off, end);
    const data = t.complete(key, p, c.frameNo);
    if (data === null) {
      rec.tailFrom = 0;
      segmentData(c, off, end);
      return;
    }
    rec.used = took;
    t.keep(rec, data, p.segs);
    reassembled(c, data, p.segs, dispatch);
    segmentData(c, off, off + took);
    off += took;
  }
  if (off >= end && off >= pend) return;
  seg.desegment = canRecord;
  seg.reqOff = -1;
  dispatch(c, off, pend);
  if (seg.reqOff < 0 || seg.reqGetLen === null) return;
  const rec = t.recordFor(c.frameNo, key);
  rec.tailFrom = seg.reqOff - poff;
  t.start(key, c.frameNo, rec, (seq + (seg.reqOff - poff)) >>> 0, c.b, seg.reqOff, end, seg.reqNeed, seg.reqFixed, seg.reqGetLen);
  segmentData(c, seg.reqOff, end);
}

function laterPass(c: Ctx, key: number, poff: number, pend: number, dispatch: (c: Ctx, off: number, end: number) => void): void {
  const rec: FrameRecord | undefined = transportState(c).pdus.record(c.frameNo);
  seg.desegment = false;
  if (rec === undefined || rec.key !== key) {
    dispatch(c, poff, pend);
    return;
  }
  let off = poff;
  if (rec.used > 0) {
    if (rec.data && rec.segs) reassembled(c, rec.data, rec.segs, dispatch);
    segmentData(c, off, off + rec.used);
    off += rec.used;
  }
  const tail = rec.tailFrom >= 0 ? poff + rec.tailFrom : pend;
  if (tail > off) dispatch(c, off, tail);
  if (rec.tailFrom < 0) return;
  if (rec.reassembledIn > 0) {
    const f = c.f;
    f.push(seg.tcpEntry);
    f.add(P.reassembledIn, tail, 0, rec.reassembledIn, EF.GENERATED);
    f.pop();
  }
  segmentData(c, tail, Math.min(pend, c.b.length));
}

/** "Retransmitted TCP segment data (156 bytes)": the bytes of a segment the analysis calls a
 *  retransmission, under the TCP item being built, given to no dissector (desegment_tcp). */
export function retransmittedData(c: Ctx, off: number, end: number): void {
  const f = c.f;
  const i = f.add(P.segmentData, off, end - off);
  if (f.wanted === null) f.setText(i, `Retransmitted TCP segment data (${end - off} byte${end - off === 1 ? '' : 's'})`);
}

/** "TCP segment data": bytes of this segment that belong to a reassembled PDU. */
function segmentData(c: Ctx, off: number, end: number): void {
  if (end <= off || seg.tcpEntry < 0) return;
  const f = c.f;
  c.status |= Status.FRAGMENT;
  f.push(seg.tcpEntry);
  const i = f.add(P.segmentData, off, end - off);
  // the line says how many bytes, not which (packet-tcp.c's proto_tree_add_bytes_format)
  if (f.wanted === null) f.setText(i, `TCP segment data (${end - off} byte${end - off === 1 ? '' : 's'})`);
  f.pop();
}

/** The segment list, then the PDU dissected from the reassembled bytes as a new data source. */
function reassembled(c: Ctx, data: Uint8Array, segs: Segment[], dispatch: (c: Ctx, off: number, end: number) => void): void {
  const f = c.f;
  const savedB = c.b;
  const savedSrc = f.curSrc;
  const n = data.length;
  f.curSrc = f.addSource(`Reassembled TCP (${n} bytes)`, data);
  c.b = data;
  const list = f.add(P.segments, 0, n, 0, EF.GENERATED);
  f.push(list);
  const items = segs.map((s) => f.add(P.segment, s.at, s.len, s.frame, EF.GENERATED));
  f.add(P.segmentCount, 0, 0, segs.length, EF.GENERATED);
  f.add(P.reassembledLength, 0, 0, n, EF.GENERATED);
  f.add(P.reassembledData, 0, n, 0, EF.GENERATED);
  f.pop();
  if (f.wanted === null) labelPieces(f, list, P.segments, P.segment, items, segs.map((s) => ({ frame: s.frame, offset: s.at, len: s.len })), n);
  const desegment = seg.desegment;
  seg.desegment = false;
  c.status |= Status.REASSEMBLED;
  dispatch(c, 0, n);
  seg.desegment = desegment;
  c.b = savedB;
  f.curSrc = savedSrc;
}
