// valueText (workers/fields/format.ts) written as bytes: the value of a field entry as
// `tshark -T fields` prints it, straight into a ByteSink. The common types are written digit by
// digit; anything rarer goes through valueText, so both always print the same text
// (test/workers/export/value-bytes.test.ts checks every entry of every corpus capture).

import { EF, WS, type FieldList } from '../fields/field-list.ts';
import { Base, FT, fieldById } from '../fields/registry.ts';
import { valueText } from '../fields/format.ts';
import type { ByteSink } from './byte-sink.ts';

const DOT = 0x2e;
const COLON = 0x3a;

export function writeValue(out: ByteSink, fl: FieldList, i: number): void {
  const def = fieldById(fl.id[i] as number);
  const type = def.type;
  if ((fl.flags[i] as number) & EF.STR) {
    if (type !== FT.NONE || def.id === WS.text || def.id === WS.expert) {
      out.text(fl.str[i] ?? '');
      return;
    }
  }
  const v = fl.num[i] as number;
  switch (type) {
    case FT.UINT:
    case FT.INT:
      if (v >= 0 && v <= 0xffffffff && v === Math.floor(v)) {
        const base = def.base;
        if (base === undefined || base === Base.DEC || base === Base.DEC_HEX) return out.dec(v);
        const digits = def.bits <= 4 ? 1 : (def.bits + 3) >> 2;
        if ((base === Base.HEX || base === Base.HEX_DEC) && v < 16 ** digits) {
          out.byte(48);
          out.byte(120);
          return out.hex(v, digits);
        }
      }
      break;
    case FT.FRAMENUM:
      if (v >= 0 && Number.isSafeInteger(v)) return out.dec(v);
      break;
    case FT.BOOLEAN:
      return out.byte(v ? 49 : 48);
    case FT.IPV4:
      if (separated(out, fl, i, 4, DOT, false)) return;
      break;
    case FT.ETHER:
      if (separated(out, fl, i, 6, COLON, true)) return;
      break;
    case FT.BYTES: {
      const b = fl.bytesOf(i);
      const o = fl.off[i] as number;
      const n = Math.max(0, Math.min(fl.len[i] as number, b.length - o));
      if ((fl.len[i] as number) === 0) break; // <MISSING>
      for (let k = 0; k < n; k++) out.hex2(b[o + k] as number);
      return;
    }
    case FT.ABSOLUTE_TIME: {
      const ns = fl.aux[i] as number;
      if (v < 0 || ns < 0 || !Number.isSafeInteger(v) || ns >= 1e9) break;
      out.dec(v);
      out.byte(DOT);
      let digits = 1;
      for (let t = ns; t >= 10; t = Math.floor(t / 10)) digits++;
      for (let k = digits; k < 9; k++) out.byte(48);
      out.dec(ns);
      return;
    }
    case FT.STRING:
    case FT.PROTOCOL:
      return;
    case FT.NONE:
      if (def.id !== WS.text && def.id !== WS.expert) return out.byte(49);
      return;
  }
  out.text(valueText(fl, i));
}

/** An address of `n` bytes as decimal (IPv4) or two-digit hex (MAC) parts joined by `sep`;
 *  false (nothing written) when the bytes are not all there. */
function separated(out: ByteSink, fl: FieldList, i: number, n: number, sep: number, hex: boolean): boolean {
  const b = fl.bytesOf(i);
  const o = fl.off[i] as number;
  if (o + n > b.length) return false;
  for (let k = 0; k < n; k++) {
    if (k > 0) out.byte(sep);
    if (hex) out.hex2(b[o + k] as number);
    else out.dec(b[o + k] as number);
  }
  return true;
}
