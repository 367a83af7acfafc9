// Bytes read as text: as tvb_get_string_enc reads them with ENC_ASCII (bytes past 0x7f become
// U+FFFD), or one character per byte (ISO 8859-1: HTTP's lines and bodies, JSON's tokens).

/** The ASCII string of b[o, stop), up to its first NUL when `untilNul` (a C string). */
export function asciiText(b: Uint8Array, o: number, stop: number, untilNul = false): string {
  let s = '';
  for (let k = o; k < stop; k++) {
    const ch = b[k] as number;
    if (ch === 0 && untilNul) break;
    s += ch < 0x80 ? String.fromCharCode(ch) : '\ufffd';
  }
  return s;
}

/** b[o, e) one character per byte (ISO 8859-1), up to its first NUL when `untilNul` (a
 *  NUL-padded field); never past the end of `b`. */
export function latin1Text(b: Uint8Array, o: number, e: number, untilNul = false): string {
  let s = '';
  const stop = Math.min(e, b.length);
  for (let k = o; k < stop; k++) {
    const ch = b[k] as number;
    if (ch === 0 && untilNul) break;
    s += String.fromCharCode(ch);
  }
  return s;
}
