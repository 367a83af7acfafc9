// DNS names (RFC 1035 section 4.1.4; Wireshark packet-dns.c expand_dns_name / get_dns_name):
// labels of 1-63 bytes, ended by a zero byte, or by a two-byte pointer to an earlier name:
//
//    +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
//    | 1  1|                OFFSET                   |   pointer
//    +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
//
// "The compression scheme allows a domain name in a message to be represented as either: a
// sequence of labels ending in a zero octet; a pointer; a sequence of labels ending with a pointer."
// Pointers can loop in hostile packets: as Wireshark, every byte looked at is counted, and once
// the count reaches the message size the name becomes "<Name contains a pointer that loops>".
// Extended label types (0x40) other than binary labels give "<Unknown extended label>"; 0x80
// labels and binary labels are malformed; a name longer than 255 bytes is "<Name too long>".
// The empty name is "<Root>". Bytes are shown as UTF-8, control characters escaped as C does.

import type { Ctx } from './context.ts';
import { Status } from './context.ts';

/** Result of the last readName: the printable name, its length and label count as Wireshark has them. */
export const dnsName = { text: '', len: 0, labels: 0 };

const MAX_NAME = 255;
const raw = new Uint8Array(1024);
const utf8 = new TextDecoder('utf-8');
const ESCAPES: Record<number, string> = { 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r' };

/**
 * Read the name at `off` of the message that starts at `msg` and ends at `end` (its reported
 * length). Returns the bytes the name takes at `off` (up to and including its first pointer), or
 * -1 when the packet stopped (a label or pointer past the end, a reserved label type).
 */
export function readName(c: Ctx, off: number, msg: number, end: number): number {
  const b = c.b;
  const start = off;
  const dataSize = end - msg;
  let len = -1;
  let seen = 0;
  let n = 0;
  let wire = 1;
  let special = '';
  let control = false;
  for (;;) {
    if (!c.has(off, 1, end)) return -1;
    const clen = b[off++] as number;
    if (clen === 0) break;
    seen++;
    switch (clen & 0xc0) {
      case 0x00:
        if (n > 0 && n < raw.length) raw[n++] = 0x2e;
        if (!c.has(off, clen, end)) return -1;
        for (let i = 0; i < clen; i++) {
          const ch = b[off + i] as number;
          if (ch < 0x20 || ch === 0x7f) control = true;
          if (n < raw.length) raw[n++] = ch;
        }
        off += clen;
        seen += clen;
        wire += clen + 1;
        break;
      case 0x40:
        if ((clen & 0x3f) === 1) {
          c.fail(Status.MALFORMED);
          return -1;
        }
        special = '<Unknown extended label>';
        if (len < 0) len = off - start;
        return finish(special, len);
      case 0x80:
        c.fail(Status.MALFORMED);
        return -1;
      default: {
        if (!c.has(off, 1, end)) return -1;
        const target = msg + (((clen & 0x3f) << 8) | (b[off] as number));
        off++;
        seen++;
        if (len < 0) len = off - start;
        if (seen >= dataSize) return finish('<Name contains a pointer that loops>', len);
        off = target;
      }
    }
  }
  if (len < 0) len = off - start;
  if (wire > MAX_NAME) return finish('<Name too long>', len);
  if (n === 0) return finish('<Root>', len);
  // A C string ends at its first NUL: so does Wireshark's name.
  let end0 = raw.subarray(0, n).indexOf(0);
  if (end0 < 0) end0 = n;
  let text = utf8.decode(raw.subarray(0, end0));
  if (control) text = escapeControls(text);
  let dots = 0;
  for (let i = 0; i < end0; i++) if (raw[i] === 0x2e) dots++;
  return finish(text, len, end0, dots);
}

/** Wireshark counts name length and labels only for names longer than one character. */
function finish(text: string, len: number, strlen = text.length, dots = 0): number {
  dnsName.text = text;
  dnsName.len = strlen > 1 ? strlen : 0;
  dnsName.labels = strlen > 1 ? dots + 1 : 0;
  return len;
}

function escapeControls(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch >= 0x20 && ch !== 0x7f) out += s[i];
    else out += ESCAPES[ch] ?? '\\' + ch.toString(8).padStart(3, '0');
  }
  return out;
}
