// packet-ber.c's dissect_unknown_ber: BER elements no dissector expected, shown by their universal
// type ("INTEGER: 7", "OCTETSTRING: 6162", "OID: 1.3.6.1 (iso.3.6.1)", "NULL tag"), constructed
// ones ("SEQUENCE", "[CONTEXT 1]") with their elements beneath, other primitives by class and tag
// with their bytes ("[APPLICATION 3] 0102"). SNMP shows a variable binding it cannot read this way.

import { bytesHex } from '../fields/format.ts';
import { FT, registerFields } from '../fields/registry.ts';
import { ber, BerClass, BerTag, berElement, berInt } from './ber.ts';
import type { Ctx } from './context.ts';
import { oidName, oidText } from './oid-text.ts';

const F = registerFields({
  integer: { name: 'ber.unknown.INTEGER', label: 'INTEGER', type: FT.INT },
  octetString: { name: 'ber.unknown.OCTETSTRING', label: 'OCTETSTRING', type: FT.BYTES },
  oid: { name: 'ber.unknown.OID', label: 'OID', type: FT.STRING },
  boolean: { name: 'ber.unknown.BOOLEAN', label: 'BOOLEAN', type: FT.UINT },
  primitive: { name: 'ber.unknown.primitive', label: 'primitive', type: FT.NONE },
  nullTag: { name: 'ber.null_tag', label: 'NULL tag', type: FT.NONE },
});

const CLASS_NAMES = ['UNIVERSAL', 'APPLICATION', 'CONTEXT', 'PRIVATE'];
/** Nesting past which the rest is left out (a guard against a stack of constructed elements). */
const MAX_DEPTH = 32;

/** The elements in [o, end), each as dissect_unknown_ber shows it; returns where they end. */
export function unknownBer(c: Ctx, o: number, end: number, depth = 0): number {
  const f = c.f;
  const b = c.b;
  while (o < end && !c.stop && depth < MAX_DEPTH) {
    if (!berElement(c, o, end)) return end;
    const cls: number = ber.cls;
    const tag: number = ber.tag;
    const constructed = ber.constructed;
    const v = ber.value;
    const n = ber.len;
    if (constructed) {
      const title = cls === BerClass.UNIVERSAL ? (tag === 16 ? 'SEQUENCE' : tag === 17 ? 'SET' : `[UNIVERSAL ${tag}]`) : `[${CLASS_NAMES[cls]} ${tag}]`;
      f.push(f.text(o, v + n - o, title));
      unknownBer(c, v, v + n, depth + 1);
      f.pop();
    } else if (cls === BerClass.UNIVERSAL && tag === 2 && n <= 6) f.add(F.integer, v, n, berInt(b, v, n));
    else if (cls === BerClass.UNIVERSAL && tag === 4) f.add(F.octetString, v, n);
    else if (cls === BerClass.UNIVERSAL && tag === BerTag.OBJECT_IDENTIFIER) {
      const dotted = oidText(b, v, v + n) ?? '';
      const i = f.addStr(F.oid, v, n, dotted);
      const name = f.wanted === null ? oidName(dotted) : null;
      if (name !== null) f.setText(i, `OID: ${dotted} (${name})`);
    } else if (cls === BerClass.UNIVERSAL && tag === 1) {
      const i = f.add(F.boolean, v, n, n > 0 && b[v] !== 0 ? 1 : 0);
      if (f.wanted === null) f.setText(i, `BOOLEAN: 0x${n > 0 && b[v] !== 0 ? '01' : '00'}`);
    } else if (cls === BerClass.UNIVERSAL && tag === 5) f.add(F.nullTag, v, n);
    else {
      const i = f.add(F.primitive, v, n);
      if (f.wanted === null) f.label(i, `[${CLASS_NAMES[cls]} ${tag}] ${bytesHex(b, v, Math.min(n, Math.max(0, b.length - v)))}`);
    }
    o = v + n;
  }
  return o;
}
