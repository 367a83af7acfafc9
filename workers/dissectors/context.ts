// The state a dissector works with (Wireshark's tvb + pinfo + tree, in one object reused for every
// packet) and the bounds-checked field adders that all dissectors use.
//
// Contract: a dissector is `(c, off, end) => void`; it dissects c.b[off, end). Every `c.uint*` /
// `c.field` call checks its bytes against `end` first. If they are missing, nothing is added,
// `c.stop` is set with a status bit, and every later add is ignored: the packet keeps the fields
// read before the damage, exactly as Wireshark keeps the items added before its bounds exception.
// Dissectors therefore read straight down their header and test `c.stop` before handing off.

import { FieldList } from '../fields/field-list.ts';
import type { DissectorTables } from './tables.ts';
import type { Reassembly } from '../analysis/reassembly.ts';
import { firstLayerFrom } from './frame-protocols.ts';
import { grown } from '../fields/typed-arrays.ts';

export type Dissector = (c: Ctx, off: number, end: number) => void;

/** Status bits of a packet (the `status` column). */
/** Wireshark's P2P_DIR_* (packet_info.h). */
export const enum P2P {
  UNKNOWN = -1,
  SENT = 0,
  RECV = 1,
}

export const enum Status {
  /** Captured length is shorter than the packet needed ("Packet size limited during capture"). */
  TRUNCATED = 1,
  /** A length or value in the packet is impossible ("Malformed Packet"). */
  MALFORMED = 2,
  /** A checksum, sequence or other expert warning. */
  WARNING = 4,
  /** This frame is one fragment / segment of a reassembled PDU. */
  FRAGMENT = 8,
  /** This frame completed a reassembly and carries the reassembled PDU's fields. */
  REASSEMBLED = 16,
  /** The capture file ended inside this record. */
  CUT = 32,
  /** An expert error that Wireshark files under another group than Malformed (IPv4's bogus
   *  version and lengths: Error/Protocol): the packet is wrong, but `_ws.malformed` does not
   *  select it. */
  ERROR = 64,
}

export class Ctx {
  /** The buffer being dissected (the frame, or a reassembled payload). */
  b: Uint8Array = new Uint8Array(0);
  readonly f = new FieldList();
  /** Set when dissection of this packet must stop (bounds or malformed). */
  stop = false;
  status = 0;
  /** The Status bits of the exceptions that stopped dissection (fail()): Wireshark appends
   *  "[Malformed Packet]" or "[Packet size limited during capture]" to the Info column for these
   *  (epan/show_exception.c), not for an expert info of the same group. */
  exception = 0;
  /** 1-based frame number. */
  frameNo = 0;
  /** Link type of the frame (LINKTYPE_*). */
  linkType = 0;
  /** Whether the packet was sent or received on a point-to-point link (Wireshark's pinfo->p2p_dir,
   *  from a pcapng packet's direction flags). */
  p2pDir: P2P = P2P.UNKNOWN;
  /** Whether the index pass is running (first pass: reassembly state is updated). */
  firstPass = true;
  /** The only pass there will be (the `fields` export): state that feeds nothing but fields the
   *  lean mask leaves out need not be kept, as no later pass will look for it. */
  singlePass = false;
  /** Nesting guard: tunnels inside tunnels stop at this depth (fuzzed files nest forever). */
  depth = 0;
  /** Source and destination ports of the innermost transport header (for dispatch). */
  srcPort = 0;
  dstPort = 0;
  /** The port by which TCP found the payload's dissector (Wireshark's pinfo->match_uint), and the
   *  segment's TCP stream (-1: none). */
  matchPort = 0;
  tcpStream = -1;
  /** The Protocol column's text when a dissector sets its own (col_set_str: "SSHv2"), else null:
   *  the top protocol's short name. */
  colProtocol: string | null = null;
  /** The Info column's text when a dissector writes it as it goes (col_append_sep_str: TLS's
   *  "Server Hello, Certificate", which depends on where records and reassembly start), else null:
   *  table/info.ts derives it from the tree. Written only for full trees (not in the index pass). */
  colInfo: string | null = null;
  /** Whether colInfo began with an append (col_append_sep_str), which puts ", " after text a
   *  lower layer wrote first: "[TCP ACKed unseen segment] , Application Data". */
  colInfoSep = false;
  /** Depth of the dissector that last refused its bytes (reject()), or -1. */
  rejectedAt = -1;
  /** Offsets into `b` of the innermost network addresses (-1 when none), and their length (4 or 16). */
  netSrc = -1;
  netDst = -1;
  netLen = 0;
  /** The buffer that netSrc / netDst point into: the frame, even while a reassembled payload
   *  (another buffer) is being dissected in `b`. */
  netBuf: Uint8Array = new Uint8Array(0);
  /** Inside the packet quoted by an ICMP / ICMPv6 error (Wireshark's pinfo->flags.in_error_pkt):
   *  lengths past the quoted bytes are expected, checksums are not verified. */
  inErrorPkt = false;
  /** IP protocol number of the innermost IP header, or -1. */
  ipProto = -1;
  /** Free-form per-packet information passed between layers (e.g. IP identification for reassembly). */
  ipId = 0;
  /** Flags-and-version word of the innermost GRE header, for its payload (ERSPAN reads it to tell
   *  type I from type II, as Wireshark passes it as dissector data); -1 outside GRE. */
  greFlags = -1;
  /** Length of the whole frame on the wire (frame.len, Wireshark's pinfo->fd->pkt_len): the
   *  Ethernet padding rule needs it even for inner frames. Set by the frame dissector. */
  frameLen = 0;
  /** Per nesting depth: where the PDU of the dissector running at that depth ends. `call` starts
   *  it at the end it hands over and returns it; `setEnd` shortens it (Wireshark's
   *  set_actual_length on the dissector's tvb), so that the caller can show the rest as a trailer. */
  private ends = new Int32Array(MAX_DEPTH + 2);
  /** Per nesting depth: the entry count when the dissector running at that depth was called. */
  private starts = new Int32Array(MAX_DEPTH + 2);

  constructor(
    public tables: DissectorTables,
    public reasm: Reassembly,
  ) {
    // (written again, so that V8 does not take the growing arrays for constants: typed-arrays.ts)
    this.layerAt = grown(this.layerAt, MAX_DEPTH);
    this.notLayerAt = grown(this.notLayerAt, MAX_DEPTH);
  }

  /** The protocol being dissected (the field id of the last protocol item a running dissector
   *  added, -1 before any; Wireshark's pinfo->current_proto), and at the exception that is
   *  stopping the packet, that protocol and the exception's Status bit (showException()). */
  curProto = -1;
  failProto = -1;
  failBit = 0;
  /** What the exception that stopped the packet says besides its kind ('' for most; see
   *  failContained()): "[Malformed Packet: LLDP: length of contained item exceeds …]". */
  failWhy = '';
  /** The exception above was shown already, between two PDUs of a TCP segment (tcp-pdus.ts), so
   *  the end of the packet does not show it again. */
  failShown = false;

  /** Counts dissections (begin()): a dissector that keeps per-packet state between its calls
   *  (MySQL's PDUs of one frame) tells a new dissection of the same frame by it. */
  serial = 0;

  /** Protocol layers that add no item to the tree (layer()): their names, and for each the entry
   *  count when it began, so that frame.protocols lists it before the items added after it (grows:
   *  a TLS flight's certificate chain calls x509af, x509sat and x509ce some sixty times). */
  readonly layerNames: string[] = [];
  layerAt = new Int32Array(MAX_DEPTH);
  layerCount = 0;
  /** Protocol items that are no layer (notLayer()): their entry indexes (grows: a TCP segment
   *  may hold hundreds of one protocol's PDUs). */
  notLayerAt = new Int32Array(MAX_DEPTH);
  notLayerCount = 0;

  begin(frameNo: number, bytes: Uint8Array, linkType: number): void {
    this.serial++;
    this.curProto = -1;
    this.failProto = -1;
    this.failBit = 0;
    this.failWhy = '';
    this.failShown = false;
    this.b = bytes;
    this.f.reset(bytes);
    this.stop = false;
    this.status = 0;
    this.exception = 0;
    this.frameNo = frameNo;
    this.linkType = linkType;
    this.p2pDir = P2P.UNKNOWN;
    this.depth = 0;
    this.srcPort = 0;
    this.dstPort = 0;
    this.matchPort = 0;
    this.tcpStream = -1;
    this.colProtocol = null;
    this.colInfo = null;
    this.colInfoSep = false;
    this.rejectedAt = -1;
    this.netSrc = -1;
    this.netDst = -1;
    this.netLen = 0;
    this.netBuf = bytes;
    this.inErrorPkt = false;
    this.ipProto = -1;
    this.ipId = 0;
    this.greFlags = -1;
    this.frameLen = bytes.length;
    this.layerCount = 0;
    this.notLayerCount = 0;
  }

  /** A protocol layer that adds no item of its own, as Wireshark's `ethertype` dispatcher (a
   *  dissector handle of a protocol: pinfo->layers has it, the tree does not), for frame.protocols. */
  layer(name: string): void {
    const k = this.layerCount;
    if (k === this.layerAt.length) this.layerAt = grown(this.layerAt, 2 * k);
    this.layerAt[k] = this.f.count;
    this.layerNames[k] = name;
    this.layerCount = k + 1;
  }

  /** Entry `i`, a protocol item, is no layer of frame.protocols: a second item of the same
   *  dissector call (MPLS's label stack entries), or a protocol registered in name only. */
  notLayer(i: number): void {
    const k = this.notLayerCount;
    if (i < 0) return;
    if (k === this.notLayerAt.length) this.notLayerAt = grown(this.notLayerAt, 2 * k);
    this.notLayerAt[k] = i;
    this.notLayerCount = k + 1;
  }

  /** Append to the Info column this dissector writes (Wireshark's col_append_sep_str with the
   *  default ", "; see colInfo). */
  appendInfo(s: string): void {
    if (this.colInfo === null || this.colInfo === '') {
      this.colInfo = s;
      this.colInfoSep = true;
    } else this.colInfo = `${this.colInfo}, ${s}`;
  }

  /** Append `s` to the Info column with no separator (col_append_str), in full dissections only:
   *  the index pass builds no Info. */
  addInfo(s: string): void {
    if (this.f.wanted === null) this.setInfo((this.colInfo ?? '') + s);
  }

  /** Set the Info column this dissector writes (Wireshark's col_add_str / col_set_str: no
   *  separator after what a lower layer wrote). */
  setInfo(s: string): void {
    this.colInfo = s;
    this.colInfoSep = false;
  }

  /** This dissector does not take its bytes (Wireshark's "return 0", after whatever items it
   *  added): its caller may say so (the ethertype dispatcher names the type in the Protocol
   *  column). */
  reject(): void {
    this.rejectedAt = this.depth;
    // (Wireshark takes a refusing dissector's protocol off pinfo->layers: its item, if it added
    // one, stays in the tree but is no layer)
    this.notLayer(firstLayerFrom(this.f, this.starts[this.depth] as number));
  }

  /** Whether the dissector `call` just ran (one level below the caller) refused its bytes. */
  calleeRejected(): boolean {
    const r = this.rejectedAt === this.depth + 1;
    if (r) this.rejectedAt = -1;
    return r;
  }

  /** Mark the packet damaged (`bit`: MALFORMED or TRUNCATED), as an exception: dissection stops. */
  fail(bit: Status): void {
    if (!this.stop) {
      this.failProto = this.curProto;
      this.failBit = bit;
      this.failShown = false;
    }
    this.status |= bit;
    this.exception |= bit;
    this.stop = true;
  }

  /** Wireshark's ContainedBoundsError: an item whose own length runs past the item that contains
   *  it (an LLDP TLV longer than the PDU). Malformed, and said so in the exception's line. */
  failContained(): void {
    if (!this.stop) this.failWhy = 'length of contained item exceeds length of containing item';
    this.fail(Status.MALFORMED);
  }

  /** True when [off, off+len) lies inside `end` and the buffer; otherwise stops the packet: as
   *  Wireshark's tvbuff checks, past `end` (a length the packet gave) is malformed
   *  (ReportedBoundsError), within it but past the captured bytes truncated (BoundsError). */
  has(off: number, len: number, end: number): boolean {
    if (this.stop) return false;
    if (off + len <= end && off + len <= this.b.length) return true;
    this.fail(off + len > end ? Status.MALFORMED : Status.TRUNCATED);
    return false;
  }

  /** Add a protocol item covering [off, end) and make it the parent of what follows; returns its entry. */
  proto(id: number, off: number, end: number): number {
    this.curProto = id;
    const i = this.f.add(id, off, Math.max(0, Math.min(end, this.b.length) - off));
    this.f.push(i);
    return i;
  }

  /** Read a big-endian unsigned integer of `n` bytes (1..4) at off, add it as field `id`, return it (or -1). */
  uint(id: number, off: number, n: number, end: number, flags = 0): number {
    if (!this.has(off, n, end)) return -1;
    const v = readUint(this.b, off, n);
    this.f.add(id, off, n, v, flags);
    return v;
  }

  /** Add a field whose value is a part of bits already read (flags, version nibbles). */
  bits(id: number, off: number, n: number, v: number, end: number, flags = 0): void {
    if (!this.has(off, n, end)) return;
    this.f.add(id, off, n, v, flags);
  }

  /** Add a field of `n` bytes whose value is the bytes themselves (addresses, byte strings). */
  field(id: number, off: number, n: number, end: number, flags = 0): boolean {
    if (!this.has(off, n, end)) return false;
    this.f.add(id, off, n, 0, flags);
    return true;
  }

  /** Whether field `id` is kept (always, outside a lean dissection). */
  wants(id: number): boolean {
    const w = this.f.wanted;
    return w === null || w[id] === 1;
  }

  u8(off: number): number {
    return this.b[off] as number;
  }

  u16(off: number): number {
    return ((this.b[off] as number) << 8) | (this.b[off + 1] as number);
  }

  u32(off: number): number {
    return readUint(this.b, off, 4);
  }

  /** A big-endian 64-bit unsigned integer at off, exact (a BigInt). */
  u64(off: number): bigint {
    return readBigUint(this.b, off, 8);
  }

  /** A little-endian unsigned integer of `n` bytes at off (802.11, radiotap, loopback); exact up to
   *  2^53, as every number here. */
  le(off: number, n: number): number {
    let v = 0;
    for (let i = n - 1; i >= 0; i--) v = v * 256 + (this.b[off + i] as number);
    return v;
  }

  /** Hand [off, end) to dissector `d`, guarding against runaway nesting; returns where its PDU
   *  ended (`end`, unless it called `setEnd`). */
  call(d: Dissector, off: number, end: number): number {
    if (this.stop) return end;
    if (this.depth >= MAX_DEPTH) {
      this.fail(Status.MALFORMED);
      return end;
    }
    this.depth++;
    this.ends[this.depth] = end;
    this.starts[this.depth] = this.f.count;
    const level = this.f.level;
    const proto = this.curProto;
    d(this, off, end);
    this.f.unwindTo(level);
    this.curProto = proto;
    const used = this.ends[this.depth] as number;
    this.depth--;
    return used;
  }

  /**
   * Wireshark's set_actual_length: the PDU of the running dissector ends at `end`, before the end
   * it was handed (an IPv4 total length, an ARP packet). Only shortens. The caller's `call`
   * returns it, and Ethernet / VLAN / SLL show the bytes after it as padding and trailer.
   */
  setEnd(end: number): void {
    if (end < (this.ends[this.depth] as number)) this.ends[this.depth] = end;
  }
}

/** Deepest layer nesting we dissect (Wireshark's limit on recursion is similar in spirit). */
export const MAX_DEPTH = 48;

export function readUint(b: Uint8Array, off: number, n: number): number {
  switch (n) {
    case 1:
      return b[off] as number;
    case 2:
      return ((b[off] as number) << 8) | (b[off + 1] as number);
    case 3:
      return ((b[off] as number) << 16) | ((b[off + 1] as number) << 8) | (b[off + 2] as number);
    default:
      return (((b[off] as number) << 24) | ((b[off + 1] as number) << 16) | ((b[off + 2] as number) << 8) | (b[off + 3] as number)) >>> 0;
  }
}

/** A big-endian unsigned integer of `n` bytes at off, exact at any size (FT_UINT64 values, a BER
 *  Counter64 that passes 2^53). */
export function readBigUint(b: Uint8Array, off: number, n: number): bigint {
  let v = 0n;
  for (let k = 0; k < n; k++) v = (v << 8n) | BigInt(b[off + k] as number);
  return v;
}
