// UDP (RFC 768; Wireshark packet-udp.c), and the port dispatch every UDP payload goes through.
//
//    0      7 8     15 16    23 24    31
//   +--------+--------+--------+--------+
//   |   Source Port   |  Destination    |
//   +--------+--------+--------+--------+
//   |     Length      |    Checksum     |
//   +--------+--------+--------+--------+

import { Base, FT, registerFields } from '../fields/registry.ts';
import { EF } from '../fields/field-list.ts';
import type { Ctx } from './context.ts';
import { Status } from './context.ts';
import { dissectData } from './data.ts';
import { bind, registerDissector } from './tables.ts';

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
  payload: { name: 'udp.payload', label: 'UDP payload', type: FT.BYTES },
});

export function dissectUdp(c: Ctx, off: number, end: number): void {
  const f = c.f;
  c.proto(F.udp, off, off + UDP_HEADER_LEN);
  const sport = c.uint(F.srcport, off + SPORT, 2, end);
  const dport = c.uint(F.dstport, off + DPORT, 2, end);
  if (c.stop) return;
  f.add(F.port, off + SPORT, 2, sport, EF.HIDDEN);
  f.add(F.port, off + DPORT, 2, dport, EF.HIDDEN);
  const ulen = c.uint(F.length, off + LEN, 2, end);
  if (c.stop) return;
  const reported = end - off;
  if (ulen < UDP_HEADER_LEN) {
    // "Bad length value %u < 8": Wireshark stops dissecting here.
    c.fail(Status.MALFORMED);
    return;
  }
  if (ulen > reported) {
    // "Bad length value %u > IP payload length": Wireshark marks it and stops.
    c.fail(Status.MALFORMED);
    return;
  }
  c.uint(F.checksum, off + CSUM, 2, end);
  f.pop();
  if (c.stop) return;
  c.srcPort = sport;
  c.dstPort = dport;
  const pend = off + ulen;
  if (pend > off + UDP_HEADER_LEN) dispatchUdp(c, sport, dport, off + UDP_HEADER_LEN, pend);
}

/**
 * Wireshark's decode_udp_ports: "We try the port number with the lower value first, followed by
 * the port number with the higher value" (so both directions pick the same dissector), ports of 0
 * are ignored, then the heuristic dissectors, then data.
 */
export function dispatchUdp(c: Ctx, sport: number, dport: number, off: number, end: number): void {
  const t = c.tables;
  const low = sport > dport ? dport : sport;
  const high = sport > dport ? sport : dport;
  const d = (low !== 0 ? t.udpPort[low] : undefined) ?? (high !== 0 ? t.udpPort[high] : undefined);
  if (d) {
    c.call(d, off, end);
    return;
  }
  for (const h of t.udpHeuristics) if (h(c, off, end)) return;
  c.call(dissectData, off, end);
}

registerDissector('udp', dissectUdp);
bind('ip.proto', 17, 'udp');
