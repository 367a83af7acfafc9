// Bytes read as tvb_get_string_enc reads them with ENC_ASCII: bytes past 0x7f become U+FFFD.

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
