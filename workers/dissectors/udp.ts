// UDP (RFC 768; Wireshark packet-udp.c), and the port dispatch every UDP payload goes through.
//
//    0      7 8     15 16    23 24    31
//   +--------+--------+--------+--------+
//   |   Source Port   |  Destination    |
//   +--------+--------+--------+--------+
//   |     Length      |    Checksum     |
//   +--------+--------+--------+--------+
//
// Lengths, as Wireshark 4.0 treats them: a Length below 8 is shown ("bogus, must be >= 8") and
// ends the dissection there, with no checksum and no payload (BIG TCP / GSO frames carry 0 here:
// tshark stops at UDP); a Length beyond the IP payload is flagged but dissection goes on with what
// the IP payload holds (inside an ICMP error, a short quote is expected and not flagged); a Length
// of 0 over IPv6 is a jumbogram (RFC 2675 section 4: "the UDP Length field is set to zero").

import { Base, FT, names, registerFields } from '../fields/registry.ts';
import { EF, FieldGroup, WS } from '../fields/field-list.ts';
import type { Ctx } from './context.ts';
import { dissectData } from './data.ts';
import { Group, Severity, expertAt, registerExperts } from './expert.ts';
import { bind, registerDissector } from './tables.ts';
import { transportState, udpStream } from '../analysis/tcp-state.ts';
import { previousFrame } from '../analysis/udp-times.ts';
import { timeDelta, type Delta } from '../analysis/nstime.ts';
import { frameTime } from './frame.ts';
import { frameTimeOf } from './frame-times.ts';
import { addRelTime } from './time-fields.ts';

const SPORT = 0;
const DPORT = 2;
const LEN = 4;
const CSUM = 6;
export const UDP_HEADER_LEN = CSUM + 2;

export const F = registerFields({
  udp: { name: 'udp', label: 'User Datagram Protocol', type: FT.PROTOCOL },
  srcport: { name: 'udp.srcport', label: 'Source Port', type: FT.UINT, bits: 16 },
  dstport: { name: 'udp.dstport', label: 'Destination Port', type: FT.UINT, bits: 16 },
  port: { name: 'udp.port', label: 'Source or Destination Port', type: FT.UINT, bits: 16 },
  length: { name: 'udp.length', label: 'Length', type: FT.UINT, bits: 16 },
  checksum: { name: 'udp.checksum', label: 'Checksum', type: FT.UINT, base: Base.HEX, bits: 16 },
  checksumStatus: {
    name: 'udp.checksum.status', label: 'Checksum Status', type: FT.UINT, bits: 8, nameAlone: true,
    names: names([[0, 'Bad'], [1, 'Good'], [2, 'Unverified'], [3, 'Not present'], [4, 'Illegal']]),
  },
  stream: { name: 'udp.stream', label: 'Stream index', type: FT.UINT },
  timeRelative: { name: 'udp.time_relative', label: 'Time since first frame', type: FT.RELATIVE_TIME },
  timeDelta: { name: 'udp.time_delta', label: 'Time since previous frame', type: FT.RELATIVE_TIME },
  payload: { name: 'udp.payload', label: 'UDP payload', type: FT.BYTES, nameOnly: true },
});

/** The hidden udp.port pair (a lean dissection without it skips both adds). */
const PORTS = new FieldGroup([F.port]);
/** packet-udp.c's expert infos (severity and group as tshark 4.0.17 titles them on
 *  test/fixtures/expert/expert-cases.pcap). */
export const X = registerExperts({
  lengthBad: { name: 'udp.length.bad', msg: 'Bad length value', severity: Severity.ERROR, group: Group.MALFORMED },
  checksumZero: { name: 'udp.checksum.zero', msg: 'Illegal checksum value (0)', severity: Severity.ERROR, group: Group.CHECKSUM },
  possibleTraceroute: { name: 'udp.possible_traceroute', msg: 'Possible traceroute', severity: Severity.CHAT, group: Group.SEQUENCE },
});

/** The ports traceroute(8) probes by default, three a hop from 33435 (its base 33434 + 1), as far
 *  as Wireshark recognises them (hops 1 to 10, measured with tshark 4.0.17). */
const TRACEROUTE_FIRST = 33435;
const TRACEROUTE_LAST = 33464;

/** packet-udp.c's note on a port traceroute probes, under that port's line ("Possible
 *  traceroute: hop #2, attempt #3"), on the probe and on the ICMP error that quotes it. */
function traceroute(c: Ctx, item: number, port: number): void {
  if (port < TRACEROUTE_FIRST || port > TRACEROUTE_LAST) return;
  const k = port - TRACEROUTE_FIRST;
  expertAt(c, item, X.possibleTraceroute, `Possible traceroute: hop #${Math.floor(k / 3) + 1}, attempt #${(k % 3) + 1}`);
}

/** The [Timestamps] subtree's fields. */
const TIMES = new FieldGroup([F.timeRelative, F.timeDelta]);

const CHECKSUM_UNVERIFIED = 2;
const CHECKSUM_NOT_PRESENT = 3;
const CHECKSUM_ILLEGAL = 4;

export function dissectUdp(c: Ctx, off: number, end: number): void {
  const f = c.f;
  c.proto(F.udp, off, off + UDP_HEADER_LEN);
  const sport = c.uint(F.srcport, off + SPORT, 2, end);
  if (sport >= 0) traceroute(c, f.last, sport);
  const dport = c.uint(F.dstport, off + DPORT, 2, end);
  if (dport >= 0) traceroute(c, f.last, dport);
  if (c.stop) return;
  if (PORTS.kept(f)) {
    f.add(F.port, off + SPORT, 2, sport, EF.HIDDEN);
    f.add(F.port, off + DPORT, 2, dport, EF.HIDDEN);
  }
  let ulen = c.uint(F.length, off + LEN, 2, end);
  if (ulen < 0) return;
  const lenItem = f.last;
  const full = f.wanted === null;
  const reported = end - off;
  if (ulen === 0 && c.netLen === 16) ulen = reported; // jumbogram
  if (ulen < UDP_HEADER_LEN) {
    if (full) f.appendLabel(lenItem, ' (bogus, must be >= 8)');
    expertAt(c, lenItem, X.lengthBad, `Bad length value ${ulen} < 8`);
    return;
  }
  if (ulen > reported && !c.inErrorPkt) {
    if (full) f.appendLabel(lenItem, ` (bogus, payload length ${reported})`);
    expertAt(c, lenItem, X.lengthBad, `Bad length value ${ulen} > IP payload length`);
  }
  const sum = c.uint(F.checksum, off + CSUM, 2, end);
  if (sum < 0) return;
  // A zero checksum means "no checksum" over IPv4; over IPv6 it is illegal (RFC 8200 section 8.1:
  // "IPv6 receivers must discard UDP packets containing a zero checksum"), except in an ICMP quote.
  let status = CHECKSUM_UNVERIFIED;
  if (sum === 0) status = c.netLen === 16 && !c.inErrorPkt ? CHECKSUM_ILLEGAL : CHECKSUM_NOT_PRESENT;
  // what packet-udp.c appends to the line (full trees only)
  if (full) f.appendLabel(f.last, status === CHECKSUM_UNVERIFIED ? ' [unverified]' : status === CHECKSUM_ILLEGAL ? ' [zero-value illegal]' : ' [zero-value ignored]');
  // (a checksum of 0 gets a subtree of its own for the status, and an illegal one its expert info
  // first, as packet-udp.c adds them)
  const nested = status !== CHECKSUM_UNVERIFIED;
  if (nested) f.push(f.last);
  if (status === CHECKSUM_ILLEGAL) expertAt(c, -1, X.checksumZero);
  f.add(F.checksumStatus, off + CSUM, 0, status, EF.GENERATED);
  if (nested) f.pop();
  // udp.stream numbers every UDP conversation (one per datagram in a capture of random source
  // ports): skipped when nothing prints it and no later pass will ask (DNS opens its own).
  const s = c.singlePass && !c.wants(F.stream) ? -1 : udpStream(c, sport, dport);
  if (s >= 0) {
    f.add(F.stream, off + UDP_HEADER_LEN, 0, s, EF.GENERATED);
    const prev = previousFrame(c, s);
    // (the single-pass export keeps no frame times to measure from: it prints none)
    // (not for a datagram an ICMP error quotes, as packet-udp.c skips its analysis there)
    if (!c.singlePass && !c.inErrorPkt && TIMES.kept(f)) timestamps(c, s, prev);
  }
  if (ulen === UDP_HEADER_LEN) return;
  const poff = off + UDP_HEADER_LEN;
  // decode_udp_ports: the payload is cut at the UDP length when that is shorter than the IP payload.
  const pend = Math.min(end, off + ulen);
  if (c.inErrorPkt && Math.min(pend, c.b.length) <= poff) return;
  // Wireshark adds the payload item "to the end" of the IP payload (its label alone says the UDP
  // length), so udp.payload shows every byte after the header, also past a short UDP length.
  const captured = Math.max(0, Math.min(end, c.b.length) - poff);
  const payload = f.add(F.payload, poff, captured);
  // (what the length says, or the bytes there are when the IP payload or the capture has fewer)
  const plen = Math.min(ulen - UDP_HEADER_LEN, captured);
  if (full) f.appendLabel(payload, ` (${plen} byte${plen === 1 ? '' : 's'})`);
  f.pop();
  c.srcPort = sport;
  c.dstPort = dport;
  // A datagram quoted by an ICMP error: tshark 4.0 shows its payload's protocols at the top of
  // the tree, after ICMP, not under the quoted UDP header (its DNS, Data or VXLAN).
  if (c.inErrorPkt) {
    const depth = f.detach();
    dispatchUdp(c, sport, dport, poff, pend);
    f.reattach(depth);
  } else dispatchUdp(c, sport, dport, poff, pend);
}

/** The [Timestamps] subtree (packet-udp.c's udp_analysis): since the conversation's first frame
 *  and since its previous one. */
function timestamps(c: Ctx, s: number, prev: number): void {
  const f = c.f;
  const now = frameTime(c);
  const sec = now.sec;
  const nsec = now.nsec;
  const first = transportState(c).udp.first(s);
  f.push(f.addStr(WS.text, 0, 0, 'Timestamps', EF.GENERATED));
  if (first === c.frameNo) addRelTime(f, F.timeRelative, 0, 0, 0, 0, EF.GENERATED);
  else {
    const t = frameTimeOf(c, first);
    timeDelta(span, sec, nsec, t.sec, t.nsec);
    addRelTime(f, F.timeRelative, 0, 0, span.sec, span.nsec, EF.GENERATED);
  }
  if (prev === 0) addRelTime(f, F.timeDelta, 0, 0, 0, 0, EF.GENERATED);
  else {
    const t = frameTimeOf(c, prev);
    timeDelta(span, sec, nsec, t.sec, t.nsec);
    addRelTime(f, F.timeDelta, 0, 0, span.sec, span.nsec, EF.GENERATED);
  }
  f.pop();
}

const span: Delta = { sec: 0, nsec: 0 };

/**
 * Wireshark's decode_udp_ports: "We try the port number with the lower value first, followed by
 * the port number with the higher value" (so both directions pick the same dissector), ports of 0
 * are ignored, then the heuristic dissectors, then data. A Decode As rule on either port comes
 * before the heuristics (dissector_is_uint_changed); the default tables resolve both the same way.
 */
export function dispatchUdp(c: Ctx, sport: number, dport: number, off: number, end: number): void {
  const t = c.tables;
  const low = sport > dport ? dport : sport;
  const high = sport > dport ? sport : dport;
  // decode_udp_ports: the lower port's dissector, then the higher's when the first declines the
  // payload (SNMP's heuristic on 161), then the heuristics, then data
  const dl = t.udpFor(low);
  if (dl) {
    c.call(dl, off, end);
    if (!c.calleeRejected()) return;
  }
  const dh = high !== low ? t.udpFor(high) : undefined;
  if (dh) {
    c.call(dh, off, end);
    if (!c.calleeRejected()) return;
  }
  for (const h of t.udpHeuristics) if (h(c, off, end)) return;
  c.call(dissectData, off, end);
}

registerDissector('udp', dissectUdp);
bind('ip.proto', 17, 'udp');
