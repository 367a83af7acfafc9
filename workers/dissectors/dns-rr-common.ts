// Pieces several DNS record types share (Wireshark packet-dns.c): a domain name as a string field,
// a <character-string> (RFC 1035 section 3.3: a length byte and that many bytes), the type bitmap
// of NSEC and NSEC3 (RFC 4034 section 4.1.2), and base64 (the SVCB keys packet-dns.c shows so).

import { fieldByName } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { asciiText } from './ascii.ts';
import { dnsName, readName } from './dns-name.ts';
import { TYPE_NAMES } from './dns-types.ts';

/** A name as field `id` (the bytes it takes at `o`, or -1 when the packet stopped); its text is
 *  then dnsName.text. */
export function nameField(c: Ctx, id: number, o: number, msg: number, end: number): number {
  const n = readName(c, o, msg, end);
  if (n >= 0) c.f.addStr(id, o, n, dnsName.text);
  return n;
}

/** A <character-string> at `o`: its length byte as `lenId`, its bytes as the string `strId`
 *  (ENC_ASCII: bytes past 0x7f are U+FFFD, the string ends at a NUL). Returns the string, or null
 *  when the packet stopped. */
export function charString(c: Ctx, lenId: number, strId: number, o: number, end: number): string | null {
  const n = c.uint(lenId, o, 1, end);
  if (n < 0 || !c.has(o + 1, n, end)) return null;
  const s = asciiText(c.b, o + 1, o + 1 + n, true);
  c.f.addStr(strId, o + 1, n, s);
  return s;
}

/** TXT's and SPF's <character-string>s from `o`: as packet-dns.c, read until exactly `dlen` bytes
 *  are used; one longer than what is left reads on, into the next record, to the end of the message. */
export function charStrings(c: Ctx, lenId: number, strId: number, o: number, dlen: number, end: number): void {
  for (let left = dlen; left !== 0 && !c.stop;) {
    if (charString(c, lenId, strId, o, end) === null) return;
    left -= 1 + c.u8(o);
    o += 1 + c.u8(o);
  }
}

/** The string of `n` bytes at `o` as ENC_ASCII reads it (ending at a NUL), or null past `end`. */
export function asciiAt(c: Ctx, o: number, n: number, end: number): string | null {
  return c.has(o, n, end) ? asciiText(c.b, o, o + n, true) : null;
}

/** dns.resp.type's id, looked up on first use: dns-sections.ts registers it, and importing that
 *  module from here would make a cycle (it imports dns-rr.ts, which imports this). */
let respType = -1;

/**
 * The type bitmap of NSEC / NSEC3 at `o`, `len` bytes (packet-dns.c dissect_type_bitmap): per
 * window its number and length, then one bit per type, each set bit a line "RR type in bit map:
 * AAAA (IPv6 Address)" that is a dns.resp.type field of one byte. As Wireshark, the windows are
 * read until exactly `len` bytes are used: a window longer than what is left reads on to the
 * end of the message.
 */
export function typeBitmap(c: Ctx, o: number, len: number, end: number): void {
  const f = c.f;
  if (respType < 0) respType = fieldByName('dns.resp.type')?.id ?? -1;
  let left = len;
  while (left !== 0 && !c.stop) {
    if (!c.has(o, 2, end)) return;
    const base = c.u8(o) * 256;
    let size = c.u8(o + 1);
    o += 2;
    left -= 2;
    for (let bit = 0; size > 0; size--, o++, left--, bit += 8) {
      if (!c.has(o, 1, end)) return;
      const bits = c.u8(o);
      for (let k = 0; k < 8; k++) {
        if (!(bits & (0x80 >> k))) continue;
        const t = base + bit + k;
        const i = f.add(respType, o, 1, t);
        if (f.wanted === null) f.setText(i, `RR type in bit map: ${TYPE_NAMES.get(t) ?? `Unknown (${t})`}`);
      }
    }
  }
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** b[o, o+n) in base64 with padding (GLib's g_base64_encode). */
export function base64(b: Uint8Array, o: number, n: number): string {
  let s = '';
  for (let k = 0; k < n; k += 3) {
    const a = b[o + k] as number;
    const x = k + 1 < n ? (b[o + k + 1] as number) : 0;
    const y = k + 2 < n ? (b[o + k + 2] as number) : 0;
    s += (B64[a >> 2] as string) + (B64[((a & 3) << 4) | (x >> 4)] as string);
    s += k + 1 < n ? (B64[((x & 15) << 2) | (y >> 6)] as string) : '=';
    s += k + 2 < n ? (B64[y & 63] as string) : '=';
  }
  return s;
}
