// Magic-byte sniffing: which reader a file needs, from its first 4 bytes, never from its name
// (speedscope's importers each start with such a cheap check).
//
//   bytes 0..3 (file order)   format
//   a1 b2 c3 d4               pcap, big-endian, microseconds    (draft-ietf-opsawg-pcap §4)
//   d4 c3 b2 a1               pcap, little-endian, microseconds
//   a1 b2 3c 4d               pcap, big-endian, nanoseconds
//   4d 3c b2 a1               pcap, little-endian, nanoseconds
//   0a 0d 0d 0a               pcapng Section Header Block type  (draft-ietf-opsawg-pcapng §4.1;
//                             a palindrome, so the byte order comes from the SHB's own magic)
//   1f 8b                     gzip member                       (RFC 1952 §2.3.1, ID1 ID2)

export type Detected =
  | { format: 'pcap'; littleEndian: boolean; nanosecond: boolean }
  | { format: 'pcapng' }
  | { format: 'gzip' }
  | { format: 'unknown'; error: string };

/** How many leading bytes `detect` looks at. */
export const MAGIC_LENGTH = 4;

const GZIP_ID1 = 0x1f;
const GZIP_ID2 = 0x8b;
const PCAPNG_SHB = 0x0a0d0d0a;
const PCAP_US = 0xa1b2c3d4;
const PCAP_NS = 0xa1b23c4d;
const PCAP_US_SWAPPED = 0xd4c3b2a1;
const PCAP_NS_SWAPPED = 0x4d3cb2a1;

/** `head` is the start of the file (at least MAGIC_LENGTH bytes unless the file is shorter). */
export function detect(head: Uint8Array): Detected {
  if (head.length >= 2 && head[0] === GZIP_ID1 && head[1] === GZIP_ID2) return { format: 'gzip' };
  if (head.length === 0) return { format: 'unknown', error: 'not a capture file: the file is empty' };
  if (head.length < MAGIC_LENGTH) {
    return {
      format: 'unknown',
      error: `not a capture file: ${head.length} byte${head.length === 1 ? '' : 's'} long, too short for a magic number`,
    };
  }
  const magic = ((head[0] << 24) | (head[1] << 16) | (head[2] << 8) | head[3]) >>> 0;
  switch (magic) {
    case PCAPNG_SHB: return { format: 'pcapng' };
    case PCAP_US: return { format: 'pcap', littleEndian: false, nanosecond: false };
    case PCAP_NS: return { format: 'pcap', littleEndian: false, nanosecond: true };
    case PCAP_US_SWAPPED: return { format: 'pcap', littleEndian: true, nanosecond: false };
    case PCAP_NS_SWAPPED: return { format: 'pcap', littleEndian: true, nanosecond: true };
  }
  return { format: 'unknown', error: `not a capture file: unknown magic ${hex32(magic)} at offset 0` };
}

/** `0x0000abcd`: 32-bit values in messages, always 8 digits. */
export function hex32(x: number): string {
  return '0x' + (x >>> 0).toString(16).padStart(8, '0');
}
