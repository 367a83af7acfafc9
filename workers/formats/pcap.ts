// Classic pcap, draft-ietf-opsawg-pcap: the file header (§4) then packet records (§5), all fields
// in the byte order the magic number shows. Timestamps follow Wireshark's wiretap/libpcap.c.
//
// File header                          1                   2                   3
//      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   0 |                          Magic Number                         |
//   4 |          Major Version        |         Minor Version         |
//   8 |                           Reserved1                           |
//  12 |                           Reserved2                           |
//  16 |                            SnapLen                            |
//  20 |  FCS  | |P|  reserved (0)     |           LinkType            |
//     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   (libpcap's LT_* masks: FCS length 0xF0000000, P "FCS length present" 0x04000000,
//    LT_RESERVED1 0x03FF0000, LinkType 0x0000FFFF)
//
// Packet record
//   0 |                      Timestamp (Seconds)                      |
//   4 |            Timestamp (Microseconds or nanoseconds)            |
//   8 |                    Captured Packet Length                     |
//  12 |                    Original Packet Length                     |
//  16 /                          Packet Data                          /

import type { ChunkReader } from './chunk-reader.ts';
import { hex32 } from './detect.ts';
import { createRecord, MAX_RECORD_BYTES } from './common.ts';
import type { OnRecord, ReadSummary } from './record.ts';

const FH_VERSION_MAJOR = 4;
const FH_VERSION_MINOR = 6;
const FH_SNAPLEN = 16;
const FH_LINKTYPE = 20;
const FILE_HEADER_LEN = FH_LINKTYPE + 4;

const RH_TS_SEC = 0;
const RH_TS_FRAC = 4;
const RH_CAPLEN = 8;
const RH_ORIGLEN = 12;
const RECORD_HEADER_LEN = RH_ORIGLEN + 4;

/** LT_RESERVED1 (libpcap pcap/pcap.h): tshark refuses a file with any of these bits set. */
const LT_RESERVED1 = 0x03ff0000;
const LT_LINKTYPE = 0x0000ffff;

/**
 * Before format 2.3 the two length fields were the other way round; some 2.3 writers still did
 * that, so for 2.3 Wireshark swaps them when captured > original (wiretap/libpcap.c).
 */
const enum LengthOrder { NORMAL, SWAPPED, MAYBE_SWAPPED }

export interface PcapMagic {
  littleEndian: boolean;
  nanosecond: boolean;
}

/** Reads a classic pcap file from the reader's start, filling `s`; never throws on content. */
export async function readPcap(r: ChunkReader, magic: PcapMagic, s: ReadSummary, onRecord: OnRecord): Promise<void> {
  const le = magic.littleEndian;
  const ns = magic.nanosecond;
  s.format = 'pcap';
  s.encoding = `pcap ${le ? 'LE' : 'BE'} ${ns ? 'ns' : 'µs'}`;

  if (!(await r.need(FILE_HEADER_LEN))) {
    s.error = `pcap file header is cut off by the end of the file (needs ${FILE_HEADER_LEN} bytes, ${r.remaining} left)`;
    return;
  }
  const hv = r.view;
  const h = r.pos;
  const major = hv.getUint16(h + FH_VERSION_MAJOR, le);
  const minor = hv.getUint16(h + FH_VERSION_MINOR, le);
  if (major !== 2) {
    s.error = `pcap file header has version ${major}.${minor}; only version 2.x is supported`;
    return;
  }
  const snapLen = hv.getUint32(h + FH_SNAPLEN, le);
  const field = hv.getUint32(h + FH_LINKTYPE, le);
  if ((field & LT_RESERVED1) !== 0) {
    s.error = `pcap file header has link-type field ${hex32(field)} at offset ${FH_LINKTYPE} with non-zero reserved bits ${hex32(field & LT_RESERVED1)}`;
    return;
  }
  const linkType = field & LT_LINKTYPE;
  s.interfaces.push({ linkType, snapLen, name: '', description: '', tsResolution: ns ? 1e9 : 1e6, tsOffset: 0 });
  r.pos = h + FILE_HEADER_LEN;

  const order = minor < 3 ? LengthOrder.SWAPPED : minor === 3 ? LengthOrder.MAYBE_SWAPPED : LengthOrder.NORMAL;
  const rec = createRecord();
  rec.linkType = linkType;
  let n = 0;
  for (;;) {
    let p = r.pos;
    if (r.end - p < RECORD_HEADER_LEN) {
      const left = r.remaining;
      if (left === 0) break;
      if (!(await r.need(RECORD_HEADER_LEN))) {
        s.error = `pcap record ${n + 1} at offset ${r.offset} is cut off by the end of the file (needs ${RECORD_HEADER_LEN} bytes, ${left} left)`;
        break;
      }
      p = r.pos;
    }
    const v = r.view;
    const sec = v.getUint32(p + RH_TS_SEC, le);
    const frac = v.getUint32(p + RH_TS_FRAC, le);
    let capLen = v.getUint32(p + RH_CAPLEN, le);
    let origLen = v.getUint32(p + RH_ORIGLEN, le);
    if (order !== LengthOrder.NORMAL && (order === LengthOrder.SWAPPED || capLen > origLen)) {
      const t = capLen;
      capLen = origLen;
      origLen = t;
    }
    if (capLen > MAX_RECORD_BYTES) {
      s.error = `pcap record ${n + 1} at offset ${r.base + p} has captured length ${capLen}, more than the ${MAX_RECORD_BYTES}-byte limit`;
      break;
    }
    const total = RECORD_HEADER_LEN + capLen;
    if (r.end - p < total) {
      const left = r.remaining;
      if (!(await r.need(total))) {
        s.error = `pcap record ${n + 1} at offset ${r.offset} is cut off by the end of the file (needs ${total} bytes, ${left} left)`;
        break;
      }
      p = r.pos;
    }
    rec.fileOffset = r.base + p + RECORD_HEADER_LEN;
    rec.data = r.buf.subarray(p + RECORD_HEADER_LEN, p + total);
    rec.capLen = capLen;
    rec.origLen = origLen;
    // Wireshark: secs = (guint32) ts_sec, so 2^31..2^32-1 stay positive; nsecs = (int) the
    // 32-bit field for ns files, and for µs files (int)(guint32)(usec * 1000), which wraps.
    rec.tsSec = sec;
    rec.tsNsec = ns ? frac | 0 : Math.imul(frac, 1000);
    n++;
    s.records = n;
    onRecord(rec);
    r.pos = p + total;
  }
}
