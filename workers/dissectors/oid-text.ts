// Object identifiers as tshark writes them: BER's encoded arcs as dotted text (oid_encoded2string),
// and the name tshark's OID registry gives one (oid_resolved_from_string): its own, or its
// longest known prefix's followed by the other arcs ("iso.3.6.1.2.1.1.1.0": tshark without MIBs).
// The names are scripts/make-oid-names.py's.

import { OID_NAMES, OID_PREFIXES } from './oid-names.ts';

const names = new Map(OID_NAMES);
const prefixes = new Map(OID_PREFIXES);

/** The name tshark gives an OID in dotted form; null when it has none or is no OID. */
export function oidName(oid: string): string | null {
  const own = names.get(oid);
  if (own !== undefined) return own;
  if (!/^\d+(\.\d+)*$/.test(oid)) return null;
  const arcs = oid.split('.');
  for (let n = arcs.length - 1; n >= 1; n--) {
    const t = prefixes.get(arcs.slice(0, n).join('.'));
    if (t === undefined) continue;
    return t === null ? null : [t, ...arcs.slice(n)].join('.');
  }
  return null;
}

/** The dotted text of the BER-encoded OID b[o, e) (X.690 §8.19: the first octet's arcs 40 * X + Y,
 *  then base-128 arcs); null when the last arc is unfinished. */
export function oidText(b: Uint8Array, o: number, e: number): string | null {
  const stop = Math.min(e, b.length);
  if (o >= stop) return null;
  const parts: number[] = [];
  let v = 0;
  let first = true;
  for (let k = o; k < stop; k++) {
    const x = b[k] as number;
    v = v * 128 + (x & 0x7f);
    if (x & 0x80) continue;
    if (first) {
      const top = v < 40 ? 0 : v < 80 ? 1 : 2;
      parts.push(top, v - 40 * top);
      first = false;
    } else parts.push(v);
    v = 0;
  }
  if ((b[stop - 1] as number) & 0x80) return null;
  return parts.join('.');
}
