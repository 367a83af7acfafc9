// pcapng, draft-ietf-opsawg-pcapng. A file is a sequence of blocks (§3.1); each Section Header
// Block starts a section with its own byte order and its own interfaces (§4.1). Records follow
// Wireshark 4.0 (wiretap/pcapng.c): packets from EPB, SPB and the obsolete PB, and Custom Blocks
// as records of their own (RecordKind.CUSTOM); NRB, ISB, DSB and unknown blocks are skipped.
//
// Every block                          1                   2                   3
//      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//     +---------------------------------------------------------------+
//   0 |                          Block Type                           |
//   4 |                      Block Total Length                       |
//   8 /                          Block Body   (padded to 32 bits)     /
//     |                      Block Total Length                       |
//     +---------------------------------------------------------------+
//
// SHB (type 0x0A0D0D0A)            IDB (type 1)                    EPB (type 6)
//   8 Byte-Order Magic 1A2B3C4D      8 LinkType(16) Reserved(16)     8 Interface ID
//  12 Major(16) Minor(16)           12 SnapLen                      12 Timestamp (High)
//  16 Section Length (64)           16 Options                      16 Timestamp (Low)
//  24 Options                                                        20 Captured Packet Length
//                                   SPB (type 3)                    24 Original Packet Length
// PB (type 2, obsolete, App. A)      8 Original Packet Length       28 Packet Data, Options
//   8 Interface ID(16) Drops(16)    12 Packet Data
//  12.. as the EPB                  Custom Block (0xBAD, 0x40000BAD)
//                                    8 Private Enterprise Number, 12 Custom Data, Options
//
// Interface IDs in packet blocks are per section; records carry a file-wide index (IDBs counted
// across sections), the index into the summary's `interfaces`.

import type { ChunkReader } from './chunk-reader.ts';
import { createRecord, MAX_RECORD_BYTES } from './common.ts';
import { hex32 } from './detect.ts';
import { checkPacketOption, OPT_COMMENT, OptionCursor, optionString } from './pcapng-options.ts';
import { TimestampConverter } from './pcapng-time.ts';
import { RecordKind, type OnRecord, type ReadSummary } from './record.ts';

const BT_SHB = 0x0a0d0d0a;
const BT_IDB = 0x00000001;
const BT_PB = 0x00000002;
const BT_SPB = 0x00000003;
const BT_NRB = 0x00000004;
const BT_ISB = 0x00000005;
const BT_EPB = 0x00000006;
const BT_DSB = 0x0000000a;
const BT_CB_COPY = 0x00000bad;
const BT_CB_NO_COPY = 0x40000bad;

const BOM = 0x1a2b3c4d;
const BOM_SWAPPED = 0x4d3c2b1a;

/** Block type + total length before the body, total length again after it. */
const BLOCK_HEADER_LEN = 8;
const BLOCK_TRAILER_LEN = 4;
const MIN_BLOCK_LEN = BLOCK_HEADER_LEN + BLOCK_TRAILER_LEN;

const SHB_BOM = 8;
const SHB_MAJOR = 12;
const SHB_MINOR = 14;
const SHB_OPTIONS = 24;
const IDB_LINKTYPE = 8;
const IDB_SNAPLEN = 12;
const IDB_OPTIONS = 16;
const EPB_INTERFACE = 8;
const PB_INTERFACE = 8; // 16 bits, then 16 bits of drops count
const PKT_TS_HIGH = 12;
const PKT_TS_LOW = 16;
const PKT_CAPLEN = 20;
const PKT_ORIGLEN = 24;
const PKT_DATA = 28;
const SPB_ORIGLEN = 8;
const SPB_DATA = 12;
const CB_PEN = 8;
const CB_DATA = 12;
/** Fixed parts of the blocks that are only skipped: an NRB's first record header (Record Type,
 * Record Value Length), an ISB's Interface ID and Timestamp, a DSB's Secrets Type and Length. */
const NRB_FIXED_END = BLOCK_HEADER_LEN + 4;
const ISB_FIXED_END = BLOCK_HEADER_LEN + 12;
const DSB_FIXED_END = BLOCK_HEADER_LEN + 8;

/** Fixed part + block header and trailer: a shorter block is damaged (Wireshark's MIN_*_SIZE). */
const MIN_EPB_LEN = PKT_DATA + BLOCK_TRAILER_LEN;
const MIN_LENGTHS: ReadonlyMap<number, number> = new Map([
  [BT_SHB, SHB_OPTIONS + BLOCK_TRAILER_LEN],
  [BT_IDB, IDB_OPTIONS + BLOCK_TRAILER_LEN],
  [BT_PB, PKT_DATA + BLOCK_TRAILER_LEN],
  [BT_SPB, SPB_DATA + BLOCK_TRAILER_LEN],
  [BT_NRB, NRB_FIXED_END + BLOCK_TRAILER_LEN],
  [BT_ISB, ISB_FIXED_END + BLOCK_TRAILER_LEN],
  [BT_EPB, MIN_EPB_LEN],
  [BT_DSB, DSB_FIXED_END + BLOCK_TRAILER_LEN],
  [BT_CB_COPY, CB_DATA + BLOCK_TRAILER_LEN],
  [BT_CB_NO_COPY, CB_DATA + BLOCK_TRAILER_LEN],
]);
const NAMES: ReadonlyMap<number, string> = new Map([
  [BT_SHB, 'SHB'], [BT_IDB, 'IDB'], [BT_PB, 'PB'], [BT_SPB, 'SPB'], [BT_NRB, 'NRB'], [BT_ISB, 'ISB'],
  [BT_EPB, 'EPB'], [BT_DSB, 'DSB'], [BT_CB_COPY, 'custom block'], [BT_CB_NO_COPY, 'custom block'],
]);
const blockName = (type: number): string => NAMES.get(type) ?? `block of type ${hex32(type)}`;

const OPT_IF_NAME = 2;
const OPT_IF_DESCRIPTION = 3;
const OPT_IF_TSRESOL = 9;
/** EPB / PB option: the flags word (§4.3.1 epb_flags). */
const OPT_EPB_FLAGS = 2;
const OPT_EPB_DROPCOUNT = 4;
const OPT_IF_TSOFFSET = 14;

/** Reads a pcapng file from the reader's start, filling `s`; never throws on content. */
export async function readPcapng(r: ChunkReader, s: ReadSummary, onRecord: OnRecord): Promise<void> {
  s.format = 'pcapng';
  s.encoding = 'pcapng';
  const error = await new PcapngReader(r, s, onRecord).run();
  if (error !== null) s.error = error;
}

class PcapngReader {
  private le = true;
  /** File-wide index of the current section's interface 0, and its number of interfaces. */
  private sectionBase = 0;
  private sectionCount = 0;
  private sections = 0;
  private readonly byteOrders: string[] = [];
  private readonly linkTypes: number[] = [];
  private readonly snapLens: number[] = [];
  private readonly clocks: TimestampConverter[] = [];
  private readonly opts = new OptionCursor();
  private readonly rec = createRecord();

  constructor(
    private readonly r: ChunkReader,
    private readonly s: ReadSummary,
    private readonly onRecord: OnRecord,
  ) {}

  /** Walks the blocks; returns the message of the damage that stopped it, or null at a clean end. */
  async run(): Promise<string | null> {
    const r = this.r;
    for (;;) {
      let p = r.pos;
      if (r.end - p < BLOCK_HEADER_LEN) {
        const left = r.remaining;
        if (left === 0) return null;
        if (!(await r.need(BLOCK_HEADER_LEN))) {
          return `pcapng block at offset ${r.offset} is cut off by the end of the file (needs ${BLOCK_HEADER_LEN} bytes for its header, ${left} left)`;
        }
        p = r.pos;
      }
      const off = r.base + p;
      const type = r.view.getUint32(p, this.le); // the SHB's type reads the same in both orders
      if (type === BT_SHB) {
        if (r.end - p < SHB_BOM + 4) {
          if (!(await r.need(SHB_BOM + 4))) {
            return `pcapng SHB at offset ${off} is cut off by the end of the file (needs ${SHB_BOM + 4} bytes for its byte-order magic, ${r.remaining} left)`;
          }
          p = r.pos;
        }
        const bom = r.view.getUint32(p + SHB_BOM, false);
        if (bom === BOM) this.le = false;
        else if (bom === BOM_SWAPPED) this.le = true;
        else return `pcapng SHB at offset ${off} has unknown byte-order magic ${hex32(bom)}`;
      }
      const len = r.view.getUint32(p + 4, this.le);
      const min = type === BT_EPB ? MIN_EPB_LEN : (MIN_LENGTHS.get(type) ?? MIN_BLOCK_LEN);
      if (len < min) return `pcapng ${blockName(type)} at offset ${off} has length ${len}, shorter than its ${min}-byte minimum`;
      if (len % 4 !== 0) return `pcapng ${blockName(type)} at offset ${off} has length ${len}, not a multiple of 4`;
      if (len > MAX_RECORD_BYTES) {
        return `pcapng ${blockName(type)} at offset ${off} has length ${len}, more than the ${MAX_RECORD_BYTES}-byte limit`;
      }
      if (r.end - p < len) {
        const left = r.remaining;
        if (!(await r.need(len))) {
          return `pcapng ${blockName(type)} at offset ${off} is cut off by the end of the file (needs ${len} bytes, ${left} left)`;
        }
        p = r.pos;
      }
      const v = r.view;
      const trailer = v.getUint32(p + len - BLOCK_TRAILER_LEN, this.le);
      if (trailer !== len) {
        return `pcapng ${blockName(type)} at offset ${off} has length ${len} in its header but ${trailer} in its trailer`;
      }
      let damage: string | null = null;
      switch (type) {
        case BT_EPB: damage = this.packet(v, p, len, off, v.getUint32(p + EPB_INTERFACE, this.le)); break;
        case BT_SPB: damage = this.simplePacket(v, p, len, off); break;
        case BT_PB: damage = this.packet(v, p, len, off, v.getUint16(p + PB_INTERFACE, this.le)); break;
        case BT_IDB: damage = this.interface(v, p, len, off); break;
        case BT_SHB: damage = this.section(v, p, len, off); break;
        case BT_CB_COPY:
        case BT_CB_NO_COPY: this.custom(v, p, len, off, type === BT_CB_COPY); break;
        default: break; // NRB, ISB, DSB, unknown and local types: skipped by their length
      }
      if (damage !== null) return damage;
      r.pos = p + len;
    }
  }

  /** SHB: a new section, with its own byte order and interfaces. */
  private section(v: DataView, p: number, len: number, off: number): string | null {
    const major = v.getUint16(p + SHB_MAJOR, this.le);
    const minor = v.getUint16(p + SHB_MINOR, this.le);
    // §4.1: major 1, minor 0; Wireshark also reads 1.2, which some writers put.
    if (major !== 1 || (minor !== 0 && minor !== 2)) {
      return `pcapng SHB at offset ${off} has version ${major}.${minor}; only 1.0 and 1.2 are supported`;
    }
    const c = this.opts;
    c.reset(v, this.le, p + SHB_OPTIONS, p + len - BLOCK_TRAILER_LEN, this.r.base);
    while (c.next()) {
      if (c.code === OPT_COMMENT) this.s.comments.push(optionString(this.r.buf, c.at, c.length));
    }
    if (c.error !== null) return `pcapng SHB at offset ${off}: ${c.error}`;
    this.sectionBase = this.s.interfaces.length;
    this.sectionCount = 0;
    this.sections++;
    const order = this.le ? 'LE' : 'BE';
    if (!this.byteOrders.includes(order)) this.byteOrders.push(order);
    this.s.encoding = `pcapng ${this.byteOrders.join('+')}${this.sections > 1 ? `, ${this.sections} sections` : ''}`;
    return null;
  }

  /** IDB: link type, snap length and the options that matter for reading (§4.2). */
  private interface(v: DataView, p: number, len: number, off: number): string | null {
    const linkType = v.getUint16(p + IDB_LINKTYPE, this.le);
    const snapLen = v.getUint32(p + IDB_SNAPLEN, this.le);
    let name = '';
    let description = '';
    let tsresol = -1;
    let tsoffset = 0n;
    let seenOffset = false;
    const buf = this.r.buf;
    const c = this.opts;
    c.reset(v, this.le, p + IDB_OPTIONS, p + len - BLOCK_TRAILER_LEN, this.r.base);
    while (c.next()) {
      switch (c.code) {
        case OPT_IF_NAME: if (name === '') name = optionString(buf, c.at, c.length); break;
        case OPT_IF_DESCRIPTION: if (description === '') description = optionString(buf, c.at, c.length); break;
        // Wireshark keeps the first of repeated options and ignores ones of the wrong length.
        case OPT_IF_TSRESOL: if (tsresol < 0 && c.length === 1) tsresol = buf[c.at]; break;
        case OPT_IF_TSOFFSET:
          if (!seenOffset && c.length === 8) {
            tsoffset = v.getBigInt64(c.at, this.le);
            seenOffset = true;
          }
          break;
      }
    }
    if (c.error !== null) return `pcapng IDB at offset ${off}: ${c.error}`;
    const clock = new TimestampConverter(tsresol, tsoffset);
    this.s.interfaces.push({
      linkType, snapLen, name, description,
      tsResolution: clock.unitsPerSecond,
      tsOffset: clock.offsetSeconds,
    });
    this.linkTypes.push(linkType);
    this.snapLens.push(snapLen);
    this.clocks.push(clock);
    this.sectionCount++;
    return null;
  }

  /** EPB, or the obsolete PB (same layout after its 16-bit interface ID). */
  private packet(v: DataView, p: number, len: number, off: number, localId: number): string | null {
    const le = this.le;
    if (localId >= this.sectionCount) {
      return `pcapng ${blockName(v.getUint32(p, le))} at offset ${off} refers to interface ${localId}, but its section has ${this.sectionCount} interfaces`;
    }
    const capLen = v.getUint32(p + PKT_CAPLEN, le);
    const room = len - PKT_DATA - BLOCK_TRAILER_LEN;
    if (capLen > room) {
      return `pcapng ${blockName(v.getUint32(p, le))} at offset ${off} has captured length ${capLen}, more than the ${room} bytes its length of ${len} leaves room for`;
    }
    const rec = this.rec;
    rec.comments = null;
    rec.packetFlags = -1;
    rec.dropCount = -1;
    rec.customPen = -1;
    const optionsAt = p + PKT_DATA + ((capLen + 3) & ~3);
    const optionsEnd = p + len - BLOCK_TRAILER_LEN;
    if (optionsAt < optionsEnd) {
      const damage = this.packetOptions(v, optionsAt, optionsEnd);
      if (damage !== null) return `pcapng ${blockName(v.getUint32(p, le))} at offset ${off}: ${damage}`;
    }
    const id = this.sectionBase + localId;
    this.clocks[id].convert(v.getUint32(p + PKT_TS_HIGH, le), v.getUint32(p + PKT_TS_LOW, le), rec);
    rec.kind = RecordKind.PACKET;
    rec.hasTime = true;
    rec.fileOffset = off + PKT_DATA;
    rec.data = this.r.buf.subarray(p + PKT_DATA, p + PKT_DATA + capLen);
    rec.capLen = capLen;
    rec.origLen = v.getUint32(p + PKT_ORIGLEN, le);
    rec.linkType = this.linkTypes[id];
    rec.interfaceId = id;
    rec.ifName = this.s.interfaces[id]?.name ?? '';
    rec.ifDescription = this.s.interfaces[id]?.description ?? '';
    this.deliver();
    return null;
  }

  /** Comments into rec.comments; lengths checked as Wireshark checks them. */
  private packetOptions(v: DataView, start: number, end: number): string | null {
    const c = this.opts;
    c.reset(v, this.le, start, end, this.r.base);
    while (c.next()) {
      if (c.code === OPT_COMMENT) {
        const rec = this.rec;
        (rec.comments ??= []).push(optionString(this.r.buf, c.at, c.length));
        continue;
      }
      if (c.code === OPT_EPB_FLAGS && c.length === 4) {
        const b = this.r.buf;
        const at = c.at;
        const w = this.le
          ? (b[at] as number) | ((b[at + 1] as number) << 8) | ((b[at + 2] as number) << 16) | ((b[at + 3] as number) << 24)
          : ((b[at] as number) << 24) | ((b[at + 1] as number) << 16) | ((b[at + 2] as number) << 8) | (b[at + 3] as number);
        this.rec.packetFlags = w >>> 0;
        continue;
      }
      if (c.code === OPT_EPB_DROPCOUNT && c.length === 8) {
        // a 64-bit count, exact as a double up to 2^53
        const dv = new DataView(this.r.buf.buffer, this.r.buf.byteOffset + c.at, 8);
        this.rec.dropCount = dv.getUint32(this.le ? 4 : 0, this.le) * 0x100000000 + dv.getUint32(this.le ? 0 : 4, this.le);
        continue;
      }
      const bad = checkPacketOption(c.code, c.length);
      if (bad !== null) return `${bad} at offset ${this.r.base + c.at - 4}`;
    }
    return c.error;
  }

  /**
   * SPB (§4.4): interface 0 of the section, no timestamp, no options. "the Captured Length ...
   * is the minimum value among the Original Packet Length and the SnapLen", and never more than
   * the block holds.
   */
  private simplePacket(v: DataView, p: number, len: number, off: number): string | null {
    if (this.sectionCount === 0) {
      return `pcapng SPB at offset ${off} comes before any interface description block in its section`;
    }
    const id = this.sectionBase;
    const origLen = v.getUint32(p + SPB_ORIGLEN, this.le);
    const snapLen = this.snapLens[id];
    const room = len - SPB_DATA - BLOCK_TRAILER_LEN;
    let capLen = origLen;
    if (snapLen !== 0 && capLen > snapLen) capLen = snapLen;
    if (capLen > room) capLen = room;
    const rec = this.rec;
    rec.kind = RecordKind.PACKET;
    rec.hasTime = false;
    rec.tsSec = 0;
    rec.tsNsec = 0;
    rec.comments = null;
    rec.packetFlags = -1;
    rec.dropCount = -1;
    rec.customPen = -1;
    rec.fileOffset = off + SPB_DATA;
    rec.data = this.r.buf.subarray(p + SPB_DATA, p + SPB_DATA + capLen);
    rec.capLen = capLen;
    rec.origLen = origLen;
    rec.linkType = this.linkTypes[id];
    rec.interfaceId = id;
    rec.ifName = this.s.interfaces[id]?.name ?? '';
    rec.ifDescription = this.s.interfaces[id]?.description ?? '';
    this.deliver();
    return null;
  }

  /**
   * Custom Block (§4.8): tshark 4.0 lists it as a frame of `data` with no time, whose length is
   * everything after the Private Enterprise Number (custom data, options, padding). It belongs
   * to no interface: linkType and interfaceId are -1 (the session tells the sections' apart by
   * their section).
   */
  private custom(v: DataView, p: number, len: number, off: number, copy: boolean): void {
    const rec = this.rec;
    rec.customPen = v.getUint32(p + CB_PEN, this.le);
    rec.customCopy = copy;
    const dataLen = len - CB_DATA - BLOCK_TRAILER_LEN;
    rec.kind = RecordKind.CUSTOM;
    rec.hasTime = false;
    rec.tsSec = 0;
    rec.tsNsec = 0;
    rec.comments = null;
    rec.packetFlags = -1;
    rec.dropCount = -1;
    rec.fileOffset = off + CB_DATA;
    rec.data = this.r.buf.subarray(p + CB_DATA, p + CB_DATA + dataLen);
    rec.capLen = dataLen;
    rec.origLen = dataLen;
    rec.linkType = -1;
    rec.interfaceId = -1;
    rec.ifName = null;
    rec.ifDescription = '';
    this.deliver();
  }

  private deliver(): void {
    this.s.records++;
    this.rec.section = this.sections;
    this.onRecord(this.rec);
  }
}
