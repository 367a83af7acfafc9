// Arista Vendor Specific Protocol, EtherType 0xd28b (Wireshark packet-avsp.c; tcpdump print-arista.c).
// Arista switches insert it after the source MAC to carry a hardware timestamp:
//
//   0               2               4                                 4+8 (or 4+6)
//   +---------------+---------------+---------------------------------+-----------+
//   |   Sub Type    |    Version    | Timestamp: seconds, nanoseconds | EtherType |
//   +---------------+---------------+---------------------------------+-----------+
// Sub Type 1 is the timestamp header. Version 0x0010 / 0x0110 carry a 64-bit timestamp (32-bit
// seconds, 32-bit nanoseconds; TAI / UTC), 0x0020 / 0x0120 a 48-bit one (16-bit seconds). Any
// other version is unknown and, as in Wireshark, nothing after it is dissected.

import { Group, Severity, expertAt, registerExperts } from './expert.ts';
import { Base, FT, names, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { dispatchEthertype, ETHERTYPE_NAMES } from './ethernet.ts';
import { bind, registerDissector } from './tables.ts';

const SUBTYPE = 0;
const VERSION = 2;
const TIMESTAMP = 4;
const SUBTYPE_TIMESTAMP = 1;

/** Timestamp layout per version: bytes of seconds, and whether it is UTC (else TAI). */
const LAYOUTS = new Map<number, { secBytes: number; utc: boolean }>([
  [0x0010, { secBytes: 4, utc: false }],
  [0x0110, { secBytes: 4, utc: true }],
  [0x0020, { secBytes: 2, utc: false }],
  [0x0120, { secBytes: 2, utc: true }],
]);

export const F = registerFields({
  avsp: { name: 'avsp', label: 'Arista Vendor Specific Protocol', type: FT.PROTOCOL },
  subType: { name: 'avsp.sub_type', label: 'Sub Type', type: FT.UINT, bits: 16, names: names([[1, 'timestamp']]) },
  version: { name: 'avsp.ver', label: 'Version', type: FT.UINT, base: Base.HEX, bits: 16, unknownName: true, names: names([[0x0010, 'Version 1'], [0x0110, 'Version 11'], [0x0020, 'Version 2'], [0x0120, 'Version 12']]) },
  ts64: { name: 'avsp.64ts', label: 'Timestamp', type: FT.NONE },
  sec64: { name: 'avsp.64sec', label: 'Seconds', type: FT.UINT },
  ns64: { name: 'avsp.64ns', label: 'Nanoseconds', type: FT.UINT },
  ts48: { name: 'avsp.48ts', label: 'Timestamp', type: FT.NONE },
  sec48: { name: 'avsp.48sec', label: 'Seconds', type: FT.UINT, bits: 16 },
  ns48: { name: 'avsp.48ns', label: 'Nanoseconds', type: FT.UINT },
  etype: { name: 'avsp.etype', label: 'Type', type: FT.UINT, base: Base.HEX, bits: 16, names: ETHERTYPE_NAMES },
});

/** packet-arista.c's expert on a timestamp version it does not know (Warning/Sequence). */
const X = registerExperts({
  unknownVersion: { name: 'avsp.ts.unknown_version', msg: 'Unknown timestamp version', severity: Severity.WARN, group: Group.SEQUENCE },
});

export function dissectAvsp(c: Ctx, off: number, end: number): void {
  const f = c.f;
  c.proto(F.avsp, off, end);
  const sub = c.uint(F.subType, off + SUBTYPE, 2, end);
  const ver = c.uint(F.version, off + VERSION, 2, end);
  if (c.stop) return;
  const layout = sub === SUBTYPE_TIMESTAMP ? LAYOUTS.get(ver) : undefined;
  if (!layout) {
    expertAt(c, -1, X.unknownVersion, `Unknown timestamp version: 0x${ver.toString(16)}`);
    return;
  }
  const tsLen = layout.secBytes + 4;
  if (!c.has(off + TIMESTAMP, tsLen, end)) return;
  const label = layout.utc ? 'Timestamp (UTC)' : 'Timestamp (TAI)';
  f.push(f.addStr(layout.secBytes === 4 ? F.ts64 : F.ts48, off + TIMESTAMP, tsLen, label));
  c.uint(layout.secBytes === 4 ? F.sec64 : F.sec48, off + TIMESTAMP, layout.secBytes, end);
  c.uint(layout.secBytes === 4 ? F.ns64 : F.ns48, off + TIMESTAMP + layout.secBytes, 4, end);
  f.pop();
  const typeAt = off + TIMESTAMP + tsLen;
  const type = c.uint(F.etype, typeAt, 2, end);
  f.pop();
  if (c.stop) return;
  // (Wireshark hands the payload to its `ethertype` dissector: a layer of frame.protocols)
  c.layer('ethertype');
  dispatchEthertype(c, type, typeAt + 2, end);
}

registerDissector('avsp', dissectAvsp);
bind('ethertype', 0xd28b, 'avsp');
