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
import { PairTable } from '../analysis/pair-table.ts';
import { grown } from '../fields/typed-arrays.ts';
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

/**
 * Sequence analysis state, with no object per packet (an IPsec tunnel's capture is millions of
 * ESP packets): per SPI its last packet's frame and sequence number (`bySpi` → a slot of `last`),
 * and per frame whose number was not the one expected, the previous packet of its SPI (`wrong` → a
 * slot of `previous`); a frame in sequence needs nothing kept, later passes show it nothing.
 */
class EspSequences {
  readonly bySpi = new PairTable();
  last = grown(new Int32Array(0), 2 * 16);
  spis = 0;
  readonly wrong = new PairTable();
  previous = grown(new Int32Array(0), 2 * 16);
  wrongs = 0;

  /** A new (frame, sequence) slot in `a` (its count `n`), grown when full. */
  static slot(a: Int32Array<ArrayBuffer>, n: number): Int32Array<ArrayBuffer> {
    return 2 * (n + 1) > a.length ? grown(a, 2 * a.length) : a;
  }
}

const state = perCapture(() => new EspSequences());

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
  let previousFrame = 0;
  let previousSequence = 0;
  if (c.firstPass) {
    let k = s.bySpi.get(spi | 0, 0);
    if (k < 0) {
      k = s.spis++;
      s.last = EspSequences.slot(s.last, k);
      s.bySpi.set(spi | 0, 0, k);
    } else {
      previousFrame = s.last[2 * k] as number;
      previousSequence = (s.last[2 * k + 1] as number) >>> 0;
    }
    s.last[2 * k] = c.frameNo;
    s.last[2 * k + 1] = sequence;
    if (previousFrame === 0 || sequence === ((previousSequence + 1) >>> 0)) return;
    const w = s.wrongs++;
    s.previous = EspSequences.slot(s.previous, w);
    s.previous[2 * w] = previousFrame;
    s.previous[2 * w + 1] = previousSequence;
    s.wrong.set(c.frameNo, 0, w);
  } else {
    const w = s.wrong.get(c.frameNo, 0);
    if (w < 0) return;
    previousFrame = s.previous[2 * w] as number;
    previousSequence = (s.previous[2 * w + 1] as number) >>> 0;
  }
  const expected = (previousSequence + 1) >>> 0;
  const f = c.f;
  const item = f.add(F.expectedSn, at, 4, expected, EF.GENERATED);
  const hex = spi.toString(16).padStart(8, '0');
  let what: string;
  if (sequence > expected) {
    if (f.wanted === null) f.appendLabel(item, ` (${sequence - expected} SNs missing)`);
    what = `${sequence - expected} missing`;
  } else if (sequence === previousSequence) what = `${sequence} repeated`;
  else what = `${expected - sequence} less than expected`;
  expertAt(c, item, X.wrongSequence, `Wrong Sequence Number for SPI ${hex} - ${what}`);
  f.add(F.previousFrame, at, 4, previousFrame, EF.GENERATED);
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
