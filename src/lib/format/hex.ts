// The hex pane's text: offsets, two-digit bytes and printable ASCII, made from lookup tables so
// that a redraw builds no strings per byte beyond indexing a table.

export const BYTES_PER_LINE = 16;

export const HEX: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** The ASCII column's character for a byte: printable ASCII as itself, anything else a dot. */
export const ASCII: readonly string[] = Array.from({ length: 256 }, (_, i) => (i >= 0x20 && i < 0x7f ? String.fromCharCode(i) : '.'));

/** Hex digits the offset column needs for a source of `length` bytes (4 at least, like Wireshark). */
export function offsetDigits(length: number): number {
  let digits = 4;
  while (length > 16 ** digits) digits++;
  return digits;
}

export function offsetText(offset: number, digits: number): string {
  return offset.toString(16).padStart(digits, '0');
}

export function lineCount(length: number): number {
  return Math.ceil(length / BYTES_PER_LINE);
}

/** True when byte `i` lies in [start, start + length). */
export function inRange(i: number, start: number, length: number): boolean {
  return length > 0 && i >= start && i < start + length;
}
