// Decode As suggestions: UDP payloads left undecoded that look like VXLAN or Geneve, counted per
// port, so the UI can offer "UDP 4792 looks like VXLAN — decode it as VXLAN?".
//
// VXLAN (RFC 7348 §5): flags byte 0x08 (I bit set, others zero), 24 reserved bits zero, the last
// byte reserved zero, and an inner Ethernet header whose EtherType is one we know.
// Geneve (RFC 8926 §3): version 0, Protocol Type 0x6558 / 0x0800 / 0x86dd, reserved byte zero,
// and the option length inside the payload.

import type { DecodeAsSuggestion } from '../api.ts';
import { fieldByName } from '../fields/registry.ts';
import type { FieldList } from '../fields/field-list.ts';
import type { DissectorTables } from '../dissectors/tables.ts';

const KNOWN_ETHERTYPES = new Set([0x0800, 0x86dd, 0x0806, 0x8100, 0x88a8, 0x8847]);

export function looksLikeVxlan(b: Uint8Array, off: number, end: number): boolean {
  if (end - off < 8 + 14) return false;
  if (b[off] !== 0x08 || b[off + 1] !== 0 || b[off + 2] !== 0 || b[off + 3] !== 0 || b[off + 7] !== 0) return false;
  const type = ((b[off + 8 + 12] as number) << 8) | (b[off + 8 + 13] as number);
  return KNOWN_ETHERTYPES.has(type);
}

export function looksLikeGeneve(b: Uint8Array, off: number, end: number): boolean {
  if (end - off < 8) return false;
  const b0 = b[off] as number;
  if (b0 >> 6 !== 0) return false;
  const optLen = (b0 & 0x3f) * 4;
  const proto = ((b[off + 2] as number) << 8) | (b[off + 3] as number);
  if (b[off + 7] !== 0 || (proto !== 0x6558 && proto !== 0x0800 && proto !== 0x86dd)) return false;
  if (end - off < 8 + optLen + (proto === 0x6558 ? 14 : 20)) return false;
  if (proto === 0x6558) {
    const p = off + 8 + optLen;
    return KNOWN_ETHERTYPES.has(((b[p + 12] as number) << 8) | (b[p + 13] as number));
  }
  const v = (b[off + 8 + optLen] as number) >> 4;
  return v === (proto === 0x0800 ? 4 : 6);
}

export class TunnelSuggester {
  private counts = new Map<string, number>();
  private udpDst = fieldByName('udp.dstport')?.id ?? -1;
  private udpSrc = fieldByName('udp.srcport')?.id ?? -1;
  private data = fieldByName('data')?.id ?? -1;
  private udp = fieldByName('udp')?.id ?? -1;

  /** Look at one dissected packet: a UDP layer followed directly by undissected data. */
  observe(fl: FieldList, tables: DissectorTables): void {
    const n = fl.count;
    let dataAt = -1;
    for (let i = n - 1; i >= 0; i--) {
      if (fl.parent[i] !== -1) continue;
      if (fl.id[i] === this.data) dataAt = i;
      break;
    }
    if (dataAt < 1) return;
    let udpAt = dataAt - 1;
    while (udpAt >= 0 && fl.parent[udpAt] !== -1) udpAt--;
    if (udpAt < 0 || fl.id[udpAt] !== this.udp) return;
    let sport = -1;
    let dport = -1;
    for (let i = udpAt + 1; i < dataAt; i++) {
      if (fl.id[i] === this.udpDst) dport = fl.num[i] as number;
      else if (fl.id[i] === this.udpSrc) sport = fl.num[i] as number;
    }
    if (dport < 0 || sport < 0) return;
    const b = fl.bytesOf(dataAt);
    const off = fl.off[dataAt] as number;
    const end = off + (fl.len[dataAt] as number);
    const proto = looksLikeVxlan(b, off, end) ? 'vxlan' : looksLikeGeneve(b, off, end) ? 'geneve' : null;
    if (!proto) return;
    // Suggest the port that has no dissector (prefer the destination port).
    const port = tables.udpAt(dport) === undefined ? dport : sport;
    const key = `${proto}:${port}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  suggestions(): DecodeAsSuggestion[] {
    return [...this.counts]
      .filter(([, n]) => n >= 1)
      .map(([k, n]) => {
        const [proto, port] = k.split(':') as ['vxlan' | 'geneve', string];
        return { table: 'udp.port' as const, value: Number(port), proto, packets: n };
      })
      .sort((a, b) => b.packets - a.packets);
  }
}
