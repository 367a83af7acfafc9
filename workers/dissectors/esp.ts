// ESP (RFC 4303; Wireshark 4.0's packet-ipsec.c) on IP protocol 50, and RFC 3948's UDP
// encapsulation of IPsec on UDP 4500 (packet-udpencap.c): the tunnels of site-to-site and cloud
// VPNs, NSX's IPsec. Without keys the payload stays opaque; what shows is the SPI and sequence
// number, and packet-ipsec.c's sequence analysis per SPI: a number that is not the previous one
// plus one gets the expected number, a Sequence warning ("1 missing", "7 repeated", "2 less than
// expected") and the frame of the previous one. On UDP 4500 a zero Non-ESP Marker starts IKE
// (isakmp.ts), a lone 0xff byte is a NAT keep-alive, anything else is ESP.

import { EF } from '../fields/field-list.ts';
import { Base, FT, registerFields } from '../fields/registry.ts';
import { perCapture } from '../analysis/per-capture.ts';
import type { Ctx } from './context.ts';
import { dissectIsakmp } from './isakmp.ts';
import { expertAt, Group, registerExperts, Severity } from './expert.ts';
import { bind, registerDissector } from './tables.ts';

const F = registerFields({
  esp: { name: 'esp', label: 'Encapsulating Security Payload', type: FT.PROTOCOL },
  spi: { name: 'esp.spi', label: 'ESP SPI', type: FT.UINT, base: Base.HEX_DEC, bits: 32 },
  sequence: { name: 'esp.sequence', label: 'ESP Sequence', type: FT.UINT },
  expectedSn: { name: 'esp.sequence-analysis.expected-sn', label: 'Expected SN', type: FT.UINT },
  previousFrame: { name: 'esp.sequence-analysis.previous-frame', label: 'Previous Frame', type: FT.FRAMENUM },
  udpencap: { name: 'udpencap', label: 'UDP Encapsulation of IPsec Packets', type: FT.PROTOCOL },
  nonEspMarker: { name: 'udpencap.non_esp_marker', label: 'Non-ESP Marker', type: FT.NONE },
  natKeepalive: { name: 'udpencap.nat_keepalive', label: 'NAT-keepalive packet', type: FT.NONE },
});

const X = registerExperts({
  wrongSequence: { name: 'esp.sequence-analysis.wrong-sequence-number', msg: 'Wrong Sequence Number', severity: Severity.WARN, group: Group.SEQUENCE },
});

/** The first pass's view of each frame's ESP packet: the previous packet of its SPI (0: none). */
interface Seen {
  previousFrame: number;
  previousSequence: number;
}

const state = perCapture(() => ({ last: new Map<number, { frame: number; sequence: number }>(), seen: new Map<number, Seen>() }));

export function dissectEsp(c: Ctx, off: number, end: number): void {
  const f = c.f;
  c.colProtocol = 'ESP';
  if (f.wanted === null) c.setInfo('');
  c.proto(F.esp, off, end);
  // (both numbers are read before the Info column is written, as packet-ipsec.c reads them)
  const spi = c.uint(F.spi, off, 4, end);
  const sequence = spi < 0 ? -1 : c.uint(F.sequence, off + 4, 4, end);
  if (sequence < 0) return;
  if (f.wanted === null) c.setInfo(`ESP (SPI=0x${spi.toString(16).padStart(8, '0')})`);
  sequenceAnalysis(c, spi, sequence, off + 4);
  f.pop();
}

/** check_esp_sequence_info: this packet against the previous one of its SPI. */
function sequenceAnalysis(c: Ctx, spi: number, sequence: number, at: number): void {
  const s = state(c);
  let seen = s.seen.get(c.frameNo);
  if (c.firstPass) {
    const last = s.last.get(spi);
    seen = { previousFrame: last?.frame ?? 0, previousSequence: last?.sequence ?? 0 };
    s.seen.set(c.frameNo, seen);
    s.last.set(spi, { frame: c.frameNo, sequence });
  }
  if (seen === undefined || seen.previousFrame === 0) return;
  const expected = (seen.previousSequence + 1) >>> 0;
  if (sequence === expected) return;
  const f = c.f;
  const item = f.add(F.expectedSn, at, 4, expected, EF.GENERATED);
  const hex = spi.toString(16).padStart(8, '0');
  let what: string;
  if (sequence > expected) {
    if (f.wanted === null) f.appendLabel(item, ` (${sequence - expected} SNs missing)`);
    what = `${sequence - expected} missing`;
  } else if (sequence === seen.previousSequence) what = `${sequence} repeated`;
  else what = `${expected - sequence} less than expected`;
  expertAt(c, item, X.wrongSequence, `Wrong Sequence Number for SPI ${hex} - ${what}`);
  f.add(F.previousFrame, at, 4, seen.previousFrame, EF.GENERATED);
}

/** UDP 4500: IKE after a Non-ESP Marker, a NAT keep-alive, or ESP. */
export function dissectUdpEncap(c: Ctx, off: number, end: number): void {
  const f = c.f;
  const n = Math.min(end, c.b.length) - off;
  c.proto(F.udpencap, off, end);
  if (n === 1 && c.b[off] === 0xff) {
    c.colProtocol = 'UDPENCAP';
    if (f.wanted === null) c.setInfo('NAT-keepalive');
    f.add(F.natKeepalive, off, 1);
    f.pop();
    return;
  }
  if (n >= 4 && c.u32(off) === 0) {
    f.add(F.nonEspMarker, off, 4);
    f.pop();
    c.call(dissectIsakmp, off + 4, end);
    return;
  }
  f.pop();
  c.call(dissectEsp, off, end);
}

registerDissector('esp', dissectEsp);
registerDissector('udpencap', dissectUdpEncap);
bind('ip.proto', 50, 'esp');
bind('udp.port', 4500, 'udpencap');
