// BGP (Wireshark 4.0's packet-bgp.c), on TCP port 179: the routers of a data centre's underlay
// and the EVPN control plane of its VXLAN overlay speak it. A segment's messages are found by
// their marker (16 bytes of 0xff; bytes before the first one are a "Continuation" of a message
// the capture missed) and split by their length (tcp_dissect_pdus: a message over several
// segments is reassembled). Each message is a "Border Gateway Protocol - UPDATE Message" tree and
// a name in the Info column ("KEEPALIVE Message, UPDATE Message"). Here: the header, OPEN with its
// optional parameters and capabilities, NOTIFICATION and ROUTE-REFRESH; UPDATE's routes and path
// attributes are bgp-update.ts's.

import { fieldById } from '../fields/registry.ts';
import { asciiText } from './ascii.ts';
import { F, X } from './bgp-fields.ts';
import { flagWord } from './flag-names.ts';
import { dissectUpdate } from './bgp-update.ts';
import type { Ctx } from './context.ts';
import { expertAt } from './expert.ts';
import { tcpDissectPdus } from './tcp-pdus.ts';
import { bind, registerDissector } from './tables.ts';

/** Marker, length and type. */
export const HEADER_LEN = 19;
const MARKER_LEN = 16;
/** The 2-octet AS a 4-octet AS speaker puts in My AS (RFC 6793). */
const AS_TRANS = 23456;

const enum Message {
  OPEN = 1,
  UPDATE = 2,
  NOTIFICATION = 3,
  KEEPALIVE = 4,
  ROUTE_REFRESH = 5,
}

const enum Capability {
  MULTIPROTOCOL = 1,
  GRACEFUL_RESTART = 64,
  AS4 = 65,
  ADD_PATH = 69,
  FQDN = 73,
}

const messageLength = (b: Uint8Array, o: number): number => ((b[o + 16] as number) << 8) | (b[o + 17] as number);

/** The first marker at or after `off` in the captured bytes before `end`, or -1. */
function findMarker(b: Uint8Array, off: number, end: number): number {
  const last = Math.min(end, b.length) - MARKER_LEN;
  let run = 0;
  for (let o = off; o < last + MARKER_LEN; o++) {
    run = b[o] === 0xff ? run + 1 : 0;
    if (run === MARKER_LEN) return o - MARKER_LEN + 1;
  }
  return -1;
}

/** Whether this segment's BGP call has its protocol item already: frame.protocols names one layer
 *  per call, however many messages the call shows. */
let layerTaken = false;
/** Whether the next message is this call's first (dissect_bgp_pdu's `first`: col_add_str, which
 *  writes after TCP's analysis text with no separator; the later ones append ", %s"). */
let firstMessage = true;

export function dissectBgp(c: Ctx, off: number, end: number): void {
  layerTaken = false;
  firstMessage = true;
  c.colProtocol = 'BGP';
  // (col_clear: the messages' names alone)
  if (c.f.wanted === null) c.setInfo('');
  c.curProto = F.bgp;
  const m = findMarker(c.b, off, end);
  if (m !== off) {
    // the end of a message whose start the capture does not have
    const stop = m < 0 ? end : m;
    c.proto(F.bgp, off, stop);
    layerTaken = true;
    c.f.text(off, Math.min(stop, c.b.length) - off, 'Continuation');
    c.f.pop();
    if (m < 0) return;
  }
  tcpDissectPdus(c, m, end, HEADER_LEN, messageLength, dissectMessage);
}

/** One message (dissect_bgp_pdu). */
function dissectMessage(c: Ctx, off: number, end: number): void {
  const f = c.f;
  const item = c.proto(F.bgp, off, end);
  if (layerTaken) c.notLayer(item);
  layerTaken = true;
  c.field(F.marker, off, MARKER_LEN, end);
  c.uint(F.length, off + 16, 2, end);
  const type = c.uint(F.type, off + 18, 1, end);
  if (type < 0) return;
  if (f.wanted === null) {
    const name = fieldById(F.type).names?.get(type) ?? `Unknown message type (0x${type.toString(16).padStart(2, '0')})`;
    if (firstMessage) c.setInfo(name);
    else c.appendInfo(name);
  }
  firstMessage = false;
  const o = off + HEADER_LEN;
  switch (type) {
    case Message.OPEN:
      dissectOpen(c, o, end);
      break;
    case Message.UPDATE:
      dissectUpdate(c, o, end);
      break;
    case Message.NOTIFICATION:
      dissectNotification(c, o, end);
      break;
    case Message.ROUTE_REFRESH:
      c.uint(F.refreshAfi, o, 2, end);
      c.uint(F.refreshSubtype, o + 2, 1, end);
      c.uint(F.refreshSafi, o + 3, 1, end);
      break;
  }
  f.pop();
}

function dissectOpen(c: Ctx, o: number, end: number): void {
  const f = c.f;
  c.uint(F.version, o, 1, end);
  const as = c.uint(F.myAs, o + 1, 2, end);
  if (as === AS_TRANS && f.wanted === null) f.appendLabel(f.last, ' (AS_TRANS)');
  c.uint(F.holdTime, o + 3, 2, end);
  c.field(F.identifier, o + 5, 4, end);
  const optLen = c.uint(F.optLen, o + 9, 1, end);
  if (optLen <= 0) return;
  let p = o + 10;
  const optEnd = Math.min(p + optLen, end);
  f.push(f.add(F.opt, p, Math.min(optEnd, c.b.length) - p));
  while (p < optEnd && !c.stop) {
    if (!c.has(p, 2, optEnd)) break;
    const ptype = c.u8(p);
    const plen = c.u8(p + 1);
    const pend = Math.min(p + 2 + plen, optEnd);
    const item = f.add(F.param, p, Math.min(pend, c.b.length) - p);
    if (f.wanted === null) f.label(item, `Optional Parameter: ${fieldById(F.paramType).names?.get(ptype) ?? 'Unknown'}`);
    f.push(item);
    f.add(F.paramType, p, 1, ptype);
    f.add(F.paramLen, p + 1, 1, plen);
    if (ptype === 2) {
      let q = p + 2;
      while (q < pend && !c.stop) q = capability(c, q, pend);
    } else if (plen > 0) c.field(ptype === 1 ? F.paramAuth : F.paramUnknown, p + 2, plen, pend);
    f.pop();
    p += 2 + plen;
  }
  f.pop();
}

/** The capability at `o` (dissect_bgp_capability_item); returns where the next one starts. */
function capability(c: Ctx, o: number, end: number): number {
  const f = c.f;
  if (!c.has(o, 2, end)) return end;
  const type = c.u8(o);
  const len = c.u8(o + 1);
  const cend = o + 2 + len;
  const item = f.add(F.cap, o, Math.min(cend, end, c.b.length) - o);
  if (f.wanted === null) f.label(item, `Capability: ${fieldById(F.capType).names?.get(type) ?? `Unknown capability ${type}`}`);
  f.push(item);
  f.add(F.capType, o, 1, type);
  const lenItem = f.add(F.capLength, o + 1, 1, len);
  let v = o + 2;
  switch (type) {
    case Capability.MULTIPROTOCOL:
      c.uint(F.mpAfi, v, 2, cend);
      c.field(F.capReserved, v + 2, 1, cend);
      c.uint(F.mpSafi, v + 3, 1, cend);
      break;
    case Capability.AS4:
      c.uint(F.as4, v, 4, cend);
      break;
    case Capability.ADD_PATH:
      for (; v + 4 <= cend && !c.stop; v += 4) {
        c.uint(F.apAfi, v, 2, cend);
        c.uint(F.apSafi, v + 2, 1, cend);
        c.uint(F.apSendReceive, v + 3, 1, cend);
      }
      break;
    case Capability.GRACEFUL_RESTART:
      if (len === 2) expertAt(c, lenItem, X.grHelperOnly);
      gracefulRestart(c, v, cend);
      break;
    case Capability.FQDN: {
      for (const [lenId, textId] of [[F.hostnameLen, F.hostname], [F.domainLen, F.domain]] as const) {
        const n = c.uint(lenId, v, 1, cend);
        if (n < 0 || !c.has(v + 1, n, cend)) break;
        f.addStr(textId, v + 1, n, asciiText(c.b, v + 1, v + 1 + n));
        v += 1 + n;
      }
      break;
    }
    default:
      // route refresh, enhanced route refresh, extended message: no value; others undecoded
      if (len > 0 && (type < 2 || type > 6) && type !== 70 && type !== 128) c.field(F.capUnknown, v, len, cend);
  }
  f.pop();
  return cend;
}

/** Graceful Restart's timers and per address family flags; each item names its set flags. */
function gracefulRestart(c: Ctx, v: number, cend: number): void {
  const f = c.f;
  if (flagWord(c, F.grTimers, [F.grRestart, F.grNotification, F.grTime], v, cend, 2) < 0) return;
  for (v += 2; v + 4 <= cend && !c.stop; v += 4) {
    c.uint(F.grAfi, v, 2, cend);
    c.uint(F.grSafi, v + 2, 1, cend);
    flagWord(c, F.grFlag, [F.grPfs], v + 3, cend);
  }
}

function dissectNotification(c: Ctx, o: number, end: number): void {
  const major = c.uint(F.majorError, o, 1, end);
  if (major < 0) return;
  const minorIds = [F.minorUnknown, F.minorHeader, F.minorOpen, F.minorUpdate, F.minorExpired, F.minorState, F.minorCease, F.minorCapability];
  const minor = c.uint(minorIds[major] ?? F.minorUnknown, o + 1, 1, end);
  const d = o + 2;
  const rest = end - d;
  if (minor < 0 || rest <= 0) return;
  if (major === 2 && minor === 2) {
    c.uint(F.badPeerAs, d, Math.min(rest, 4), end);
  } else if (major === 6 && (minor === 2 || minor === 4)) {
    // RFC 9003's shutdown communication
    const n = c.uint(F.communicationLength, d, 1, end);
    if (n > 0 && c.has(d + 1, n, end)) c.f.addStr(F.communication, d + 1, n, asciiText(c.b, d + 1, d + 1 + n));
  } else c.field(F.minorData, d, rest, end);
}

registerDissector('bgp', dissectBgp);
bind('tcp.port', 179, 'bgp');
