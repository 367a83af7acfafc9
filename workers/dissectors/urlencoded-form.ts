// An HTTP body of media type application/x-www-form-urlencoded (packet-http-urlencoded.c): the
// "HTML Form URL Encoded: application/x-www-form-urlencoded" layer and a "Form item: "user" =
// "alice"" subtree per key=value pair, key and value percent-decoded ('+' a space), each item
// over its bytes. The Info column gets the media type in parentheses, as for a text body.

import { FT, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';

export const F = registerFields({
  form: { name: 'urlencoded-form', label: 'HTML Form URL Encoded', type: FT.PROTOCOL },
  key: { name: 'urlencoded-form.key', label: 'Key', type: FT.STRING },
  value: { name: 'urlencoded-form.value', label: 'Value', type: FT.STRING },
});

const UTF8 = new TextDecoder();
const AMP = 0x26;
const EQ = 0x3d;

/** Percent-decoded text of b[o, e) ('+' is a space; a '%' not followed by two hex digits stays). */
function decoded(b: Uint8Array, o: number, e: number): string {
  const bytes: number[] = [];
  for (let i = o; i < e; i++) {
    const ch = b[i] as number;
    if (ch === 0x2b) bytes.push(0x20);
    else if (ch === 0x25 && i + 2 < e && isHex(b[i + 1] as number) && isHex(b[i + 2] as number)) {
      bytes.push(parseInt(String.fromCharCode(b[i + 1] as number, b[i + 2] as number), 16));
      i += 2;
    } else bytes.push(ch);
  }
  return UTF8.decode(new Uint8Array(bytes));
}

function isHex(ch: number): boolean {
  return (ch >= 0x30 && ch <= 0x39) || ((ch | 0x20) >= 0x61 && (ch | 0x20) <= 0x66);
}

export function dissectUrlencodedForm(c: Ctx, o: number, end: number, mediaType: string): void {
  const f = c.f;
  const b = c.b;
  const full = f.wanted === null;
  if (full) c.colInfo = `${c.colInfo ?? ''} (${mediaType})`;
  const item = c.proto(F.form, o, end);
  f.label(item, `HTML Form URL Encoded: ${mediaType}`);
  const stop = Math.min(end, b.length);
  for (let p = o; p < stop; ) {
    let amp = p;
    while (amp < stop && b[amp] !== AMP) amp++;
    let eq = p;
    while (eq < amp && b[eq] !== EQ) eq++;
    const key = decoded(b, p, eq);
    const value = eq < amp ? decoded(b, eq + 1, amp) : '';
    f.push(full ? f.text(p, amp - p, `Form item: "${key}" = "${value}"`) : -1);
    f.addStr(F.key, p, eq - p, key);
    if (eq < amp) f.addStr(F.value, eq + 1, amp - eq - 1, value);
    f.pop();
    p = amp + 1;
  }
  f.pop();
}
