// iSCSI's text data segments (RFC 7143 section 6: "key=value" pairs, each ended by a NUL) as
// packet-iscsi.c's addTextKeys shows them under "Key/Value Pairs", and the Login Command and
// Response headers (section 11.12, 11.13): transit and continue bits, current and next stage
// (NSG only when T is set: "NSG is undefined unless T is set"), versions, the ISID (type, naming
// authority, qualifier: t, a, b, c, d), TSIH.

import type { Ctx } from './context.ts';
import { asciiText } from './ascii.ts';
import { F } from './iscsi-fields.ts';

/** The data segment [o, o + len) (clipped at `end`) as key=value pairs, then its padding to 4
 *  bytes of the PDU (which starts at `pdu`); returns where it ends. */
export function textKeys(c: Ctx, pdu: number, o: number, len: number, end: number): number {
  const f = c.f;
  const stop = Math.min(o + len, end, c.b.length);
  if (stop > o) {
    const tree = f.text(o, stop - o, 'Key/Value Pairs');
    f.push(tree);
    while (o < stop) {
      let z = o;
      while (z < stop && c.b[z] !== 0) z++;
      const n = z < stop ? z + 1 - o : stop - o;
      if (f.wanted === null || c.wants(F.keyValue)) f.addStr(F.keyValue, o, n, asciiText(c.b, o, o + n, true));
      o += n;
    }
    f.pop();
  }
  return padding(c, pdu, o, end);
}

/** "Padding: 00" up to the next multiple of 4 bytes of the PDU. */
export function padding(c: Ctx, pdu: number, o: number, end: number): number {
  const rel = o - pdu;
  if (o < end && (rel & 3) !== 0) {
    const n = 4 - (rel & 3);
    c.field(F.padding, o, n, end);
    return o + n;
  }
  return o;
}

/** Byte 1 of a Login PDU: T, C, CSG and (with T) NSG. */
export function loginFlags(c: Ctx, o: number, end: number): void {
  const f = c.f;
  const v = c.b[o] as number;
  f.add(F.loginT, o, 1, v & 0x80);
  f.add(F.loginC, o, 1, v & 0x40);
  f.add(F.loginCSG, o, 1, (v >> 2) & 3);
  if (v & 0x80) c.bits(F.loginNSG, o, 1, v & 3, end);
}

/** The 6-byte ISID at `o` and its parts. */
export function isid(c: Ctx, o: number, end: number): void {
  const f = c.f;
  if (!c.field(F.isid, o, 6, end)) return;
  const b0 = c.b[o] as number;
  f.push(f.last);
  f.add(F.isidT, o, 1, b0 >> 6);
  f.add(F.isidA, o, 1, b0 & 0x3f);
  f.add(F.isidB, o + 1, 2, c.u16(o + 1));
  f.add(F.isidC, o + 3, 1, c.b[o + 3] as number);
  f.add(F.isidD, o + 4, 2, c.u16(o + 4));
  f.pop();
}
