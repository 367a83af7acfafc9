// Captures for the profile tests, made from the shared corpus: vxlan.pcap with its VXLAN moved from
// UDP 4789 to 4792, a port no dissector binds (the everyday case behind Decode As).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CAPTURES } from '../../golden/corpus.ts';

/** vxlan.pcap (classic pcap, Ethernet) with UDP port 4789 rewritten to `port` and UDP checksums zeroed. */
export function vxlanOnPort(port = 4792): { bytes: Uint8Array; moved: number } {
  const b = new Uint8Array(readFileSync(join(CAPTURES, 'vxlan.pcap')));
  const v = new DataView(b.buffer);
  const le = v.getUint32(0, true) === 0xa1b2c3d4;
  let off = 24;
  let moved = 0;
  while (off + 16 <= b.length) {
    const caplen = v.getUint32(off + 8, le);
    const p = off + 16;
    // Ethernet + IPv4 + UDP: the outer headers of every VXLAN packet in this capture
    if (p + 42 <= b.length && v.getUint16(p + 12) === 0x0800 && b[p + 23] === 17) {
      const udp = p + 14 + ((b[p + 14] as number) & 0x0f) * 4;
      let hit = false;
      for (const at of [udp, udp + 2]) {
        if (v.getUint16(at) === 4789) {
          v.setUint16(at, port);
          hit = true;
        }
      }
      if (hit) {
        v.setUint16(udp + 6, 0); // "no checksum" (RFC 768), so the rewrite leaves no bad checksum
        moved++;
      }
    }
    off = p + caplen;
  }
  return { bytes: b, moved };
}
