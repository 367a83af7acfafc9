// QUIC's variable-length integers (RFC 9000 section 16): the top two bits of the first byte give
// the size (1, 2, 4 or 8 bytes), the rest is the value. Read by QUIC's headers and frames and by
// TLS's quic_transport_parameters extension.

/** The varint at b[o] and its size, or null when it runs past `end`. Values past 2^53 lose
 *  precision (no QUIC field Decapod reads gets near). */
export function readVarint(b: Uint8Array, o: number, end: number): [number, number] | null {
  if (o >= end) return null;
  const size = 1 << ((b[o] as number) >> 6);
  if (o + size > end) return null;
  let v = (b[o] as number) & 0x3f;
  for (let k = 1; k < size; k++) v = v * 256 + (b[o + k] as number);
  return [v, size];
}
