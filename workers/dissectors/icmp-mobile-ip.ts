// The extensions after the router entries of an ICMP router advertisement of code 0 or 16, which
// packet-icmp.c calls a "Mobile IP Advertisement" (RFC 5944 section 2.1, dissect_mip_extensions):
// each "Ext: …" subtree with its type and (but for the one-byte padding) length, then the
// Mobility Agent Advertisement's sequence number, registration lifetime, flags and care-of
// addresses, the Prefix-Lengths extension's lengths, a challenge (RFC 3012), or any other's content.

import { Base, FT, names, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { flagWord } from './flag-names.ts';

const PAD = 0;
const AGENT_ADVERTISEMENT = 16;
const PREFIX_LENGTHS = 19;
const CHALLENGE = 24;
const EXTENSIONS = names([[PAD, 'One byte padding extension'], [AGENT_ADVERTISEMENT, 'Mobility Agent Advertisement Extension'],
  [PREFIX_LENGTHS, 'Prefix Lengths Extension'], [CHALLENGE, 'Challenge Extension']]);

export const F = registerFields({
  type: { name: 'icmp.mip.type', label: 'Extension Type', type: FT.UINT, bits: 8, names: EXTENSIONS },
  length: { name: 'icmp.mip.length', label: 'Length', type: FT.UINT, bits: 8 },
  prefixLength: { name: 'icmp.mip.prefixlength', label: 'Prefix Length', type: FT.UINT, bits: 8 },
  seq: { name: 'icmp.mip.seq', label: 'Sequence Number', type: FT.UINT, bits: 16 },
  life: { name: 'icmp.mip.life', label: 'Registration Lifetime', type: FT.UINT, bits: 16 },
  flags: { name: 'icmp.mip.flags', label: 'Flags', type: FT.UINT, base: Base.HEX, bits: 16 },
  r: { name: 'icmp.mip.r', label: 'Registration Required', type: FT.BOOLEAN, bits: 16, mask: 0x8000, blurb: 'Registration with this FA is required' },
  b: { name: 'icmp.mip.b', label: 'Busy', type: FT.BOOLEAN, bits: 16, mask: 0x4000, blurb: 'This FA will not accept requests at this time' },
  h: { name: 'icmp.mip.h', label: 'Home Agent', type: FT.BOOLEAN, bits: 16, mask: 0x2000, blurb: 'Home Agent Services Offered' },
  f: { name: 'icmp.mip.f', label: 'Foreign Agent', type: FT.BOOLEAN, bits: 16, mask: 0x1000, blurb: 'Foreign Agent Services Offered' },
  m: { name: 'icmp.mip.m', label: 'Minimal Encapsulation', type: FT.BOOLEAN, bits: 16, mask: 0x800, blurb: 'Minimal encapsulation tunneled datagram support' },
  g: { name: 'icmp.mip.g', label: 'GRE', type: FT.BOOLEAN, bits: 16, mask: 0x400, blurb: 'GRE encapsulated tunneled datagram support' },
  v: { name: 'icmp.mip.v', label: 'VJ Comp', type: FT.BOOLEAN, bits: 16, mask: 0x200, blurb: 'Van Jacobson Header Compression Support' },
  rt: { name: 'icmp.mip.rt', label: 'Reverse tunneling', type: FT.BOOLEAN, bits: 16, mask: 0x100, blurb: 'Reverse tunneling support' },
  u: { name: 'icmp.mip.u', label: 'UDP tunneling', type: FT.BOOLEAN, bits: 16, mask: 0x80, blurb: 'UDP tunneling support' },
  x: { name: 'icmp.mip.x', label: 'Revocation support', type: FT.BOOLEAN, bits: 16, mask: 0x40, blurb: 'Registration revocation support' },
  reserved: { name: 'icmp.mip.reserved', label: 'Reserved', type: FT.UINT, base: Base.HEX, bits: 16, mask: 0x3f },
  coa: { name: 'icmp.mip.coa', label: 'Care-Of-Address', type: FT.IPV4 },
  challenge: { name: 'icmp.mip.challenge', label: 'Challenge', type: FT.BYTES },
  content: { name: 'icmp.mip.content', label: 'Content', type: FT.BYTES },
});

const FLAGS = [F.r, F.b, F.h, F.f, F.m, F.g, F.v, F.rt, F.u, F.x, F.reserved];

/** The extensions from `o` to the end of the message. */
export function dissectMobileIpExtensions(c: Ctx, o: number, end: number): void {
  const f = c.f;
  while (o < end && !c.stop) {
    if (!c.has(o, 1, end)) return;
    const type = c.u8(o);
    const length = type === PAD ? 0 : c.has(o + 1, 1, end) ? c.u8(o + 1) : -1;
    if (length < 0) return;
    const tree = f.text(o, type === PAD ? 1 : Math.max(0, Math.min(o + length + 2, c.b.length) - o),
      `Ext: ${EXTENSIONS.get(type) ?? `Unknown ext ${type}`}`);
    f.push(tree);
    f.add(F.type, o, 1, type);
    o++;
    if (type !== PAD) {
      f.add(F.length, o, 1, length);
      o++;
    }
    if (type === AGENT_ADVERTISEMENT) {
      c.uint(F.seq, o, 2, end);
      c.uint(F.life, o + 2, 2, end);
      flagWord(c, F.flags, FLAGS, o + 4, end, 2);
      o += 6;
      for (let i = 0; i < Math.trunc((length - 6) / 4) && !c.stop; i++, o += 4) c.field(F.coa, o, 4, end);
    } else if (type === PREFIX_LENGTHS) {
      for (let i = 0; i < length && !c.stop; i++, o++) c.uint(F.prefixLength, o, 1, end);
    } else if (type === CHALLENGE) {
      c.field(F.challenge, o, length, end);
      o += length;
    } else if (type !== PAD && length !== 0) {
      // (packet-icmp.c's item is 4 bytes short of the extension, which it skips whole)
      c.field(F.content, o, Math.max(0, length - 4), end);
      o += length;
    }
    f.pop();
  }
}
