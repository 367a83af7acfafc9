// A capture session: the open files, their packet table, the display view (filter and sort) and the
// dissector that re-dissects single packets for rows on screen and for details. Implements the
// CaptureApi the UI talks to; pure TypeScript (runs in the worker, in Node tests and benchmarks).
//
// Map of this file: open() runs the index pass; rows()/details() read packets back with
// Blob.slice; applyFilter()/sort() build `view`, the displayed rows in display order.

import type { CaptureApi, ColoringFilter, CustomColumn, DecodeAsRule, DecodeAsTables, FileReport, FilterCheck, FilterResult, LoadProgress, OpenResult, PacketDetails, RowWindow, SortKey } from './api.ts';
import { PacketDissector } from './dissect.ts';
import { useDisplayedFrames, useFrameTimes } from './dissectors/frame-times.ts';
import { Status } from './dissectors/context.ts';
import { fieldByName, allFields } from './fields/registry.ts';
import { valueText } from './fields/format.ts';
import type { FieldList } from './fields/field-list.ts';
import { readCapture } from './formats/open.ts';
import { mergeOrder } from './formats/merge-order.ts';
import { ByteWindow } from './formats/byte-window.ts';
import { linkTypeName } from './formats/link-types.ts';
import { RecordKind, type PacketRecord } from './formats/record.ts';
import { AddressTable } from './table/addresses.ts';
import { buildTree } from './table/details.ts';
import { exceptionSuffix, infoText } from './table/info.ts';
import { badTcp } from './table/info/transport.ts';
import { CUSTOM_RECORD, NO_VNI, PacketTable } from './table/packet-table.ts';
import { TableFrameTimes } from './table/table-times.ts';
import { FilteredFrames } from './table/displayed-frames.ts';
import { SparseColumn } from './table/sparse-column.ts';
import { colorFamily, protocolName } from './table/protocol-names.ts';
import { summarize } from './table/summarize.ts';
import { TunnelSuggester } from './analysis/tunnel-suggest.ts';
import { compareRows } from './table/sort.ts';
import { compileFilter, type CompiledFilter } from './filter/compile.ts';
import { ShapeIndex } from './filter/shapes.ts';
import { shapeMask } from './filter/shape-fields.ts';
import { defaultBindings, dissectorNames } from './dissectors/tables.ts';
import { conversationPages, conversationTableBytes, expectedConversations, reserveConversations } from './analysis/tcp-state.ts';
import { NO_PAGES, type PageSource } from './memory/page-source.ts';

/** The record after which the index pass estimates the capture's packets from its bytes so far. */
const ESTIMATE_AFTER = 4096;
/** The record at which a second estimate decides whether the reservation is worth making resident:
 *  pages the helper touches are memory in use, where a reservation's untouched spare is not, so a
 *  capture whose first packets mislead the first estimate (a burst of small ones, then jumbo
 *  frames) must not get gigabytes of them. */
const CONFIRM_AFTER = 16384;
/** Resident chunks of conversation records kept ordered per table (~150 KB each), once the
 *  estimate is made: enough for ~16,000 new conversations between two of the pass's yields. */
const CHUNKS_AHEAD = 4;

/**
 * The packets of a capture of `total` bytes that held `packets` in its first `bytes`: the same
 * mean size for the rest, 2 % more for a mix that varies. At most one per 16 bytes (a pcap record
 * header). A gzip file's offsets count decompressed bytes: its estimate is low, and the table
 * grows as before.
 */
export function estimatePackets(packets: number, bytes: number, total: number): number {
  if (bytes <= 0 || total <= bytes) return packets;
  return Math.ceil(Math.min((packets * total * 1.02) / bytes, total / 16));
}

interface OpenFile {
  name: string;
  /** The Blob that record offsets refer to (decompressed for gzip). */
  data: Blob;
  report: FileReport;
  /** pcapng interface id within the file (for Custom Block records, which have none, -1 - their
   *  section) → session interface index. */
  ifaces: Map<number, number>;
}

/** A Custom Block's enterprise number and copy permission in one number (sparse-column.ts). */
function customWord(rec: PacketRecord): number {
  return (rec.customPen ?? 0) + (rec.customCopy ? 2 ** 32 : 0);
}

function fromCustomWord(rec: PacketRecord, w: number): void {
  rec.customPen = w < 0 ? -1 : w % 2 ** 32;
  rec.customCopy = w >= 2 ** 32;
}

export class CaptureSession implements CaptureApi {
  private files: OpenFile[] = [];
  private ifaceLink: number[] = [];
  /** Per session interface: its id within its file and its pcapng name (null: pcap, no interface). */
  private ifaceId: number[] = [];
  private ifaceName: (string | null)[] = [];
  /** Per session interface: its pcapng description ('' for none). */
  private ifaceDescription: string[] = [];
  /** Per session interface: the pcapng section it belongs to (0: pcap). */
  private ifaceSection: number[] = [];
  private ifaceFile: number[] = [];
  private table = new PacketTable();
  /** The table's times as the dissector's later passes read them. */
  private times = new TableFrameTimes(this.table);
  private addrs = new AddressTable();
  /** Packet shapes recorded by the index pass (lean: they answer filters on the columns' fields). */
  private shapes = new ShapeIndex();
  private dissector = new PacketDissector();
  private rules: DecodeAsRule[] = [];
  private comments = new Map<number, string[]>();
  /** pcapng epb_flags words by row (frame - 1), for the captures that have them. */
  private packetFlags = new SparseColumn();
  private dropCounts = new SparseColumn();
  /** pcapng Custom Blocks' enterprise numbers by row, plus 2^32 when the block may be copied. */
  private customBlocks = new SparseColumn();
  /** Displayed rows in display order; null = every row in frame order. */
  private view: Uint32Array | null = null;
  /** The rows the display filter keeps, in frame order (null: no filter): what the details'
   *  frame.time_delta_displayed counts from. */
  private shown: Uint32Array | null = null;
  private filterText = '';
  private filter: CompiledFilter | null = null;
  private sortKey: SortKey = 'frame';
  private sortDesc = false;
  private loadMs = 0;
  private suggester = new TunnelSuggester();
  private sources: { blobs: Blob[]; names: string[] } = { blobs: [], names: [] };
  /** Compiled colouring rules in priority order (null: disabled or does not compile). */
  private coloring: (CompiledFilter | null)[] = [];
  /** The reservation waiting for its resident buffers (reserve()): the sizes ordered and the
   *  conversations to make room for. */
  private pending: { sizes: Map<number, number>; tcp: number; udp: number } | null = null;
  /** Bytes the last index pass took from `pages`. */
  private residentBytes = 0;

  /** `pages`: where the index pass gets buffers whose pages another thread has made resident
   *  (page-source.ts; the capture worker's helper). None by default: every array is allocated here. */
  constructor(private readonly pages: PageSource = NO_PAGES) {}

  /** Open and index `blobs`. An open stopped by `signal` (the engine's warm-up, when a capture
   *  comes) rejects at its next chunk and leaves the session closed. */
  async open(blobs: Blob[], names: string[], rules: DecodeAsRule[], onProgress?: (p: LoadProgress) => void, signal?: AbortSignal): Promise<OpenResult> {
    this.sources = { blobs, names };
    this.rules = [...rules];
    try {
      return await this.index(onProgress, signal);
    } catch (e) {
      if (signal?.aborted) await this.close();
      throw e;
    }
  }

  async setDecodeAs(rules: DecodeAsRule[]): Promise<OpenResult> {
    this.rules = [...rules];
    return this.index();
  }

  /** The index pass over every file (re-run when the Decode As rules change). */
  private async index(onProgress?: (p: LoadProgress) => void, signal?: AbortSignal): Promise<OpenResult> {
    const t0 = performance.now();
    const { blobs, names } = this.sources;
    this.files = [];
    this.ifaceLink = [];
    this.ifaceFile = [];
    this.ifaceId = [];
    this.ifaceName = [];
    this.ifaceSection = [];
    this.ifaceDescription = [];
    this.table = new PacketTable();
    this.addrs = new AddressTable();
    // The index pass reads the columns' fields (and records packet shapes over them for the
    // filter): dissect lean, then full trees for rows and details.
    const lean = shapeMask();
    this.shapes = new ShapeIndex(lean);
    this.dissector = new PacketDissector(this.rules, lean);
    // later passes read the frame times from the table's columns (frame-times.ts)
    this.times = new TableFrameTimes(this.table);
    useFrameTimes(this.dissector.ctx, this.times);
    useDisplayedFrames(this.dissector.ctx, new FilteredFrames(this.times, () => this.shown));
    this.comments = new Map();
    this.packetFlags = new SparseColumn();
    this.dropCounts = new SparseColumn();
    this.customBlocks = new SparseColumn();
    this.view = null;
    this.shown = null;
    this.suggester = new TunnelSuggester();
    const table = this.table;
    const total = blobs.reduce((s, b) => s + b.size, 0);
    const taken = this.pages.takenBytes;
    try {
      if (blobs.length > 1) await this.indexMerged(total, onProgress, signal);
      else if (blobs.length === 1) await this.indexFile(blobs[0] as Blob, names[0] ?? 'file 1', total, onProgress, signal);
    } finally {
      this.releasePages();
      this.residentBytes = this.pages.takenBytes - taken;
    }
    table.trim();
    this.shapes.trim();
    this.dissector.ctx.firstPass = false;
    this.dissector.ctx.f.wanted = null;
    if (this.filterText !== '') this.filter = this.tryCompile(this.filterText);
    await this.rebuildView();
    this.loadMs = performance.now() - t0;
    onProgress?.({ bytesDone: total, bytesTotal: total, packets: table.length, file: '' });
    return this.result();
  }

  /** The index pass over one file, packet by packet as its reader delivers them. */
  private async indexFile(blob: Blob, name: string, total: number, onProgress?: (p: LoadProgress) => void, signal?: AbortSignal): Promise<void> {
    const file = this.newFile(blob, name);
    let frame = 0;
    const onRecord = (rec: PacketRecord): void => {
      frame++;
      if (frame === ESTIMATE_AFTER || frame === CONFIRM_AFTER) this.estimated(frame, estimatePackets(frame, rec.fileOffset + rec.capLen, total));
      file.report.packets++;
      this.indexRecord(rec, frame, this.ifaceOf(0, file, rec));
    };
    const opened = await readCapture(blob, onRecord, {
      onProgress: (done) => {
        // once a chunk; the helper's buffers come in during the yields between chunks
        if (this.pending !== null) this.moveToPages();
        onProgress?.({ bytesDone: done, bytesTotal: total, packets: frame, file: name });
      },
      signal,
    });
    this.opened(file, opened);
  }

  /**
   * Several files (pktcap-uw's ingress and egress): each file's records are framed first, then
   * every packet is dissected in mergecap's order (merge-order.ts), so that the first pass's state
   * (stream numbers, TCP sequence analysis, DNS and echo matches, reassembly) sees the packets as
   * on the wire, as tshark does on the file `mergecap` writes, and frame numbers are the merged
   * ones.
   */
  private async indexMerged(total: number, onProgress?: (p: LoadProgress) => void, signal?: AbortSignal): Promise<void> {
    const { blobs, names } = this.sources;
    const framing = new PacketTable();
    const comments = new Map<number, string[]>();
    const flags = new SparseColumn();
    const drops = new SparseColumn();
    const customs = new SparseColumn();
    const ends: number[] = [];
    let before = 0;
    for (let fi = 0; fi < blobs.length; fi++) {
      const blob = blobs[fi] as Blob;
      const name = names[fi] ?? `file ${fi + 1}`;
      const file = this.newFile(blob, name);
      const opened = await readCapture(blob, (rec) => {
        const r = framing.addRecord(rec, rec.kind === RecordKind.CUSTOM ? CUSTOM_RECORD : 0);
        framing.iface[r] = this.ifaceOf(fi, file, rec);
        if (rec.comments) comments.set(r, rec.comments.slice());
        if (rec.packetFlags !== undefined && rec.packetFlags >= 0) flags.set(r, rec.packetFlags);
        if (rec.dropCount !== undefined && rec.dropCount >= 0) drops.set(r, rec.dropCount);
        if (rec.customPen !== undefined && rec.customPen >= 0) customs.set(r, customWord(rec));
        file.report.packets++;
      }, {
        onProgress: (done) => onProgress?.({ bytesDone: (before + done) / 2, bytesTotal: total, packets: 0, file: name }),
        signal,
      });
      this.opened(file, opened);
      ends.push(framing.length);
      before += blob.size;
    }
    const order = mergeOrder(ends, (i) => framing.secAt(i), (i) => framing.nsec[i] as number);
    const windows = this.files.map((f) => new ByteWindow(f.data));
    const rec = this.record;
    let read = 0;
    for (let k = 0; k < order.length; k++) {
      const i = order[k] as number;
      const frame = k + 1;
      if (frame === ESTIMATE_AFTER || frame === CONFIRM_AFTER) this.estimated(frame, order.length);
      const g = framing.iface[i] as number;
      const off = framing.offset[i] as number;
      const cap = framing.capLen[i] as number;
      const w = windows[this.ifaceFile[g] as number] as ByteWindow;
      if (!w.covers(off, cap)) {
        // a window's read is the pass's yield: the helper's buffers come in, a stop is seen
        if (this.pending !== null) this.moveToPages();
        onProgress?.({ bytesDone: Math.min(total, (total + read) / 2), bytesTotal: total, packets: k, file: '' });
        signal?.throwIfAborted();
        read += await w.load(off, cap);
      }
      rec.kind = (framing.status[i] as number) & CUSTOM_RECORD ? RecordKind.CUSTOM : RecordKind.PACKET;
      rec.fileOffset = off;
      rec.data = w.bytes(off, cap);
      rec.capLen = cap;
      rec.origLen = framing.origLen[i] as number;
      rec.hasTime = !Number.isNaN(framing.secAt(i));
      rec.tsSec = rec.hasTime ? framing.secAt(i) : 0;
      rec.tsNsec = framing.nsec[i] as number;
      rec.linkType = this.ifaceLink[g] ?? 0;
      rec.interfaceId = this.ifaceId[g] ?? 0;
      rec.ifName = this.ifaceName[g] ?? null;
      rec.section = this.ifaceSection[g] ?? 0;
      rec.ifDescription = this.ifaceDescription[g] ?? '';
      rec.comments = comments.get(i) ?? null;
      rec.packetFlags = flags.get(i);
      rec.dropCount = drops.get(i);
      fromCustomWord(rec, customs.get(i));
      this.indexRecord(rec, frame, g);
    }
  }

  private newFile(blob: Blob, name: string): OpenFile {
    const file: OpenFile = { name, data: blob, ifaces: new Map(), report: { name, size: blob.size, encoding: '', packets: 0, linkTypes: [], error: null } };
    this.files.push(file);
    return file;
  }

  /** What the reader found out about `file`. */
  private opened(file: OpenFile, opened: Awaited<ReturnType<typeof readCapture>>): void {
    file.data = opened.data;
    file.report.encoding = opened.encoding;
    file.report.error = opened.error;
    file.report.linkTypes = [...new Set(opened.interfaces.map((i) => linkTypeName(i.linkType)))];
  }

  /** Frame `frame` of the first pass: dissected (lean), its row, shape and summary. */
  private indexRecord(rec: PacketRecord, frame: number, iface: number): void {
    const dissector = this.dissector;
    const table = this.table;
    const fl = dissector.dissect(rec, frame);
    const r = table.addRecord(rec, dissector.status | (rec.kind === RecordKind.CUSTOM ? CUSTOM_RECORD : 0));
    table.iface[r] = iface;
    summarize(fl, table, r, this.addrs);
    this.shapes.observe(fl, r, table, this.addrs, table.status[r] as number);
    if (rec.comments) this.comments.set(frame, rec.comments.slice());
    if (rec.packetFlags !== undefined && rec.packetFlags >= 0) this.packetFlags.set(frame - 1, rec.packetFlags);
    if (rec.dropCount !== undefined && rec.dropCount >= 0) this.dropCounts.set(frame - 1, rec.dropCount);
    if (rec.customPen !== undefined && rec.customPen >= 0) this.customBlocks.set(frame - 1, customWord(rec));
    this.suggester.observe(fl, dissector.ctx.tables);
  }

  /** The pass's estimate of the capture's packets after `seen` records: the reservation at the
   *  first estimate, its resident copies (with a helper) at the second. */
  private estimated(seen: number, packets: number): void {
    if (seen === ESTIMATE_AFTER) this.reserve(seen, packets);
    else if (this.pages !== NO_PAGES) this.orderResident(seen, packets);
  }

  /** Room for the capture's estimated packets in the per-row arrays (the table and the shapes'
   *  rows: 54 bytes a row; 66 with the frame times they held when this was measured), made once
   *  early in the pass instead of a doubling each time they fill, which wrote every row so far to
   *  fresh pages again (a page fault costs ~15 us on the 2-core VM the benchmark runs on):
   *  107,000-112,000 page faults in Chromium's renderer for the 1M mix before, 92,000-100,000
   *  after. The conversation tables get room at the rate the first `seen` packets opened
   *  conversations (tcp-state.ts): the 1M mix's index pass in a Chromium worker 4.91-5.22 s
   *  before, 4.52-5.02 s after (five alternating runs each; renderer page faults 100,000-105,000
   *  before, 96,000-100,000 after). */
  private reserve(seen: number, packets: number): void {
    this.table.reserve(packets);
    this.shapes.reserve(packets);
    const ctx = this.dissector.ctx;
    if (this.pages === NO_PAGES) {
      reserveConversations(ctx, ...expectedConversations(ctx, seen, packets));
      return;
    }
    // With a helper, the rows go on into the arrays just reserved (only the pages the rows written
    // meanwhile touch fault here) until the helper has made resident copies of them all
    // (orderResident()); the conversations' hash tables, which the first re-insertions would
    // touch all over, wait for theirs, and their records come in resident chunks from now on.
    conversationPages(ctx, this.pages, CHUNKS_AHEAD);
  }

  /** Order resident copies of the reservation, if `packets`, the estimate after `seen` records,
   *  is within an eighth of the room it made (else the conversations get their room as without a
   *  helper). */
  private orderResident(seen: number, packets: number): void {
    const rows = this.table.capacity;
    const ctx = this.dissector.ctx;
    const [tcp, udp] = expectedConversations(ctx, seen, packets);
    if (Math.abs(packets - rows) > rows / 8) {
      reserveConversations(ctx, tcp, udp);
      return;
    }
    const sizes = new Map<number, number>();
    for (const b of [...this.table.columnBytes(), ...this.shapes.columnBytes(), ...conversationTableBytes(ctx, tcp, udp)]) {
      if (b > 0) sizes.set(b, (sizes.get(b) ?? 0) + 1);
    }
    for (const [b, n] of sizes) this.pages.order(b, n);
    this.pending = { sizes, tcp, udp };
  }

  /** The reservation in resident buffers, when the helper has made all of them. */
  private moveToPages(): void {
    const p = this.pending as NonNullable<typeof this.pending>;
    for (const [b, n] of p.sizes) if (this.pages.ready(b) < n) return;
    this.pending = null;
    this.table.moveTo(this.pages);
    this.shapes.moveTo(this.pages);
    reserveConversations(this.dissector.ctx, p.tcp, p.udp, this.pages);
  }

  /** The pass is over (or stopped): the helper's buffers not taken go, and its orders. */
  private releasePages(): void {
    this.pending = null;
    this.pages.release();
  }

  private ifaceOf(fi: number, file: OpenFile, rec: PacketRecord): number {
    // (a Custom Block has no interface: its section stands for one, so that it keeps its section)
    const key = rec.interfaceId >= 0 ? rec.interfaceId : -1 - (rec.section ?? 0);
    const known = file.ifaces.get(key);
    if (known !== undefined && this.ifaceLink[known] === rec.linkType) return known;
    const g = this.ifaceLink.length;
    this.ifaceLink.push(rec.linkType);
    this.ifaceFile.push(fi);
    this.ifaceId.push(rec.interfaceId);
    this.ifaceName.push(rec.ifName ?? null);
    this.ifaceSection.push(rec.section ?? 0);
    this.ifaceDescription.push(rec.ifDescription ?? '');
    file.ifaces.set(key, g);
    return g;
  }

  private result(): OpenResult {
    const t = this.table;
    let first = 0;
    while (first < t.length && Number.isNaN(t.secAt(first))) first++;
    return {
      files: this.files.map((f) => ({ ...f.report, linkTypes: [...f.report.linkTypes] })),
      packets: t.length,
      displayed: this.displayed,
      firstSec: first < t.length ? t.secAt(first) : 0,
      firstNsec: first < t.length ? (t.nsec[first] as number) : 0,
      loadMs: this.loadMs,
      // what is allocated, spare rows included (trim() keeps up to an eighth)
      indexBytesPerPacket: (t.bytesPerRow * t.capacity + this.addrs.byteSize + this.shapes.byteSize) / Math.max(1, t.length),
      residentBytes: this.residentBytes,
      suggestions: this.suggester.suggestions(),
    };
  }

  /** Bytes of the interned address table (the part of the index that grows with distinct addresses, not rows). */
  get addressBytes(): number {
    return this.addrs.byteSize;
  }

  get displayed(): number {
    return this.view ? this.view.length : this.table.length;
  }

  private rowAt(pos: number): number {
    return this.view ? (this.view[pos] as number) : pos;
  }

  /** Read the captured bytes of several rows, one Blob read per run of nearby packets. */
  private async readPackets(rows: number[]): Promise<Map<number, Uint8Array>> {
    const t = this.table;
    const out = new Map<number, Uint8Array>();
    const byFile = new Map<number, number[]>();
    for (const r of rows) {
      const f = this.ifaceFile[t.iface[r] as number] ?? 0;
      const list = byFile.get(f) ?? [];
      list.push(r);
      byFile.set(f, list);
    }
    const GAP = 1 << 16;
    const reads: Promise<void>[] = [];
    for (const [fi, list] of byFile) {
      const blob = (this.files[fi] as OpenFile).data;
      list.sort((a, b) => (t.offset[a] as number) - (t.offset[b] as number));
      let i = 0;
      while (i < list.length) {
        const startRow = list[i] as number;
        const from = t.offset[startRow] as number;
        let to = from + (t.capLen[startRow] as number);
        let j = i + 1;
        while (j < list.length && (t.offset[list[j] as number] as number) - to < GAP && to - from < 1 << 22) {
          to = Math.max(to, (t.offset[list[j] as number] as number) + (t.capLen[list[j] as number] as number));
          j++;
        }
        const span = list.slice(i, j);
        reads.push(
          blob
            .slice(from, to)
            .arrayBuffer()
            .then((buf) => {
              const bytes = new Uint8Array(buf);
              for (const r of span) {
                const o = (t.offset[r] as number) - from;
                out.set(r, bytes.subarray(o, o + (t.capLen[r] as number)));
              }
            }),
        );
        i = j;
      }
    }
    await Promise.all(reads);
    return out;
  }

  private record: PacketRecord = { kind: RecordKind.PACKET, fileOffset: 0, data: new Uint8Array(0), capLen: 0, origLen: 0, hasTime: false, tsSec: 0, tsNsec: 0, linkType: 0, interfaceId: 0, comments: null, ifName: null, ifDescription: '', section: 0, packetFlags: -1, dropCount: -1, customPen: -1, customCopy: false };

  /** Re-dissect row `r` whose bytes are `bytes` (not the first pass: reassembly results are looked up). */
  private dissectRow(r: number, bytes: Uint8Array): FieldList {
    const t = this.table;
    const rec = this.record;
    const frame = r + 1;
    rec.kind = (t.status[r] as number) & CUSTOM_RECORD ? RecordKind.CUSTOM : RecordKind.PACKET;
    rec.fileOffset = t.offset[r] as number;
    rec.data = bytes;
    rec.capLen = bytes.length;
    rec.origLen = t.origLen[r] as number;
    rec.hasTime = !Number.isNaN(t.secAt(r));
    rec.tsSec = rec.hasTime ? t.secAt(r) : 0;
    rec.tsNsec = t.nsec[r] as number;
    rec.linkType = this.ifaceLink[t.iface[r] as number] ?? 0;
    rec.interfaceId = this.ifaceId[t.iface[r] as number] ?? 0;
    rec.ifName = this.ifaceName[t.iface[r] as number] ?? null;
    rec.section = this.ifaceSection[t.iface[r] as number] ?? 0;
    rec.ifDescription = this.ifaceDescription[t.iface[r] as number] ?? '';
    rec.comments = this.comments.get(frame) ?? null;
    rec.packetFlags = this.packetFlags.get(r);
    rec.dropCount = this.dropCounts.get(r);
    fromCustomWord(rec, this.customBlocks.get(r));
    const ctx = this.dissector.ctx;
    const wasFirst = ctx.firstPass;
    ctx.firstPass = false;
    const fl = this.dissector.dissect(rec, frame);
    ctx.firstPass = wasFirst;
    return fl;
  }

  async getRows(start: number, count: number, custom: CustomColumn[] = []): Promise<RowWindow> {
    const t = this.table;
    const n = Math.max(0, Math.min(count, this.displayed - start));
    const w: RowWindow = {
      start,
      count: n,
      frame: new Uint32Array(n),
      sec: new Float64Array(n),
      nsec: new Int32Array(n),
      delta: new Float64Array(n),
      length: new Uint32Array(n),
      status: new Uint8Array(n),
      vni: new Int32Array(n),
      srcPort: new Uint16Array(n),
      dstPort: new Uint16Array(n),
      src: [],
      dst: [],
      outerSrc: [],
      outerDst: [],
      protocol: [],
      info: [],
      color: [],
      custom: custom.map(() => []),
      colorRule: this.coloring.length > 0 ? new Int16Array(n).fill(-1) : undefined,
    };
    const rows: number[] = [];
    for (let k = 0; k < n; k++) rows.push(this.rowAt(start + k));
    const bytes = await this.readPackets(rows);
    const customIds = custom.map((c) => fieldByName(c.field)?.id ?? -1);
    for (let k = 0; k < n; k++) {
      const r = rows[k] as number;
      w.frame[k] = r + 1;
      w.sec[k] = t.secAt(r);
      w.nsec[k] = t.nsec[r] as number;
      const pos = start + k;
      if (pos > 0) {
        const p = this.rowAt(pos - 1);
        w.delta[k] = t.secAt(r) - t.secAt(p) + ((t.nsec[r] as number) - (t.nsec[p] as number)) / 1e9;
      }
      w.length[k] = t.origLen[r] as number;
      w.status[k] = (t.status[r] as number) & ~CUSTOM_RECORD;
      w.vni[k] = t.vni[r] as number;
      w.srcPort[k] = t.srcPort[r] as number;
      w.dstPort[k] = t.dstPort[r] as number;
      w.src.push(this.addrs.text(t.src[r] as number));
      w.dst.push(this.addrs.text(t.dst[r] as number));
      const tunnelled = (t.outerSrc[r] as number) !== 0 || (t.vni[r] as number) !== NO_VNI;
      w.outerSrc.push(this.addrs.text(t.outerSrc[r] as number));
      w.outerDst.push(this.addrs.text(t.outerDst[r] as number));
      w.protocol.push(protocolName(t.proto[r] as number));
      w.color.push(colorFamily(t.proto[r] as number, t.status[r] as number, t.tcpFlags[r] as number, tunnelled, t.ipProto[r] as number));
      const b = bytes.get(r);
      if (b) {
        const fl = this.dissectRow(r, b);
        // a protocol that names its own column (SSH: "SSHv2" once the client's banner said so)
        const own = this.dissector.ctx.colProtocol;
        if (own !== null) w.protocol[k] = own;
        const ctx = this.dissector.ctx;
        w.info.push(infoText(fl, t.proto[r] as number, ctx.exception, ctx.colInfo, ctx.colInfoSep) + exceptionSuffix(ctx.exception, ctx.failWhy));
        // Wireshark's first colouring rule, above the protocols' (a damaged packet stays 'bad')
        if (w.color[k] !== 'bad' && badTcp(fl)) w.color[k] = 'bad-tcp';
        custom.forEach((c, ci) => (w.custom[ci] as string[]).push(customValue(fl, customIds[ci] as number, c.occurrence)));
        if (w.colorRule) w.colorRule[k] = this.coloring.findIndex((f) => f !== null && f.matches(fl));
      } else {
        w.info.push('');
        custom.forEach((_, ci) => (w.custom[ci] as string[]).push(''));
      }
    }
    return w;
  }

  async getDetails(frame: number): Promise<PacketDetails> {
    const r = frame - 1;
    if (r < 0 || r >= this.table.length) throw new Error(`no packet ${frame} (the capture has ${this.table.length})`);
    const bytes = (await this.readPackets([r])).get(r) ?? new Uint8Array(0);
    const fl = this.dissectRow(r, bytes);
    return {
      frame,
      tree: buildTree(fl),
      sources: fl.sources.map((s) => ({ name: s.name, bytes: s.bytes.slice() })),
      status: (this.table.status[r] as number) & ~CUSTOM_RECORD,
      comments: this.comments.get(frame) ?? [],
    };
  }

  async positionOf(frame: number): Promise<number> {
    const r = frame - 1;
    if (r < 0 || r >= this.table.length) return -1;
    if (!this.view) return r;
    const v = this.view;
    for (let i = 0; i < v.length; i++) if (v[i] === r) return i;
    return -1;
  }

  private tryCompile(expr: string): CompiledFilter | null {
    const c = compileFilter(expr);
    return c.ok ? c : null;
  }

  async checkFilter(expr: string): Promise<FilterCheck> {
    if (expr.trim() === '') return { ok: true };
    const c = compileFilter(expr);
    return c.ok ? { ok: true } : { ok: false, error: c.error, start: c.start, end: c.end };
  }

  async applyFilter(expr: string): Promise<FilterResult> {
    const t0 = performance.now();
    if (expr.trim() === '') {
      this.filterText = '';
      this.filter = null;
    } else {
      const c = compileFilter(expr);
      if (!c.ok) return { ok: false, error: c.error, start: c.start, end: c.end, displayed: this.displayed, ms: 0 };
      this.filterText = expr;
      this.filter = c;
    }
    await this.rebuildView();
    return { ok: true, displayed: this.displayed, ms: performance.now() - t0 };
  }

  async sort(key: SortKey, descending: boolean): Promise<void> {
    this.sortKey = key;
    this.sortDesc = descending;
    await this.rebuildView();
  }

  /** Filter, then sort: the displayed rows. */
  private async rebuildView(): Promise<void> {
    const t = this.table;
    let view: Uint32Array | null = null;
    if (this.filter) {
      view = await this.filter.run({
        table: t,
        addrs: this.addrs,
        rows: t.length,
        shapes: this.shapes,
        dissect: async (rowsWanted: number[], each: (row: number, fl: FieldList) => void) => {
          const CH = 4096;
          for (let i = 0; i < rowsWanted.length; i += CH) {
            const part = rowsWanted.slice(i, i + CH);
            const bytes = await this.readPackets(part);
            for (const r of part) each(r, this.dissectRow(r, bytes.get(r) ?? new Uint8Array(0)));
          }
        },
      });
    }
    this.shown = view;
    if (this.sortKey !== 'frame' || this.sortDesc) {
      const base = view ?? Uint32Array.from({ length: t.length }, (_, i) => i);
      const arr = Array.from(base);
      const cmp = compareRows(this.sortKey, t, this.addrs);
      arr.sort((a, b) => (this.sortDesc ? cmp(b, a) : cmp(a, b)) || a - b);
      view = Uint32Array.from(arr);
    }
    this.view = view;
  }

  async fieldNames(prefix: string, limit: number): Promise<{ name: string; label: string }[]> {
    const out: { name: string; label: string }[] = [];
    for (const f of allFields()) {
      if (f.name.startsWith('_ws.')) continue;
      if (f.name.startsWith(prefix)) out.push({ name: f.name, label: f.label });
      if (out.length >= limit) break;
    }
    return out;
  }

  async close(): Promise<void> {
    this.sources = { blobs: [], names: [] };
    this.files = [];
    this.table = new PacketTable(1);
    this.shapes = new ShapeIndex();
    this.view = null;
    this.shown = null;
  }

  async decodeAsTables(): Promise<DecodeAsTables> {
    return { protocols: dissectorNames(), defaults: defaultBindings().map((b) => ({ ...b })) };
  }

  /** Colouring rules (a profile's), evaluated on the rows getRows dissects anyway for Info. */
  async setColoringRules(rules: ColoringFilter[]): Promise<(string | null)[]> {
    const errors: (string | null)[] = [];
    this.coloring = rules.map((r) => {
      if (r.disabled) {
        errors.push(null);
        return null;
      }
      const c = compileFilter(r.filter);
      errors.push(c.ok ? null : c.error);
      return c.ok ? c : null;
    });
    if (this.coloring.every((c) => c === null)) this.coloring = [];
    return errors;
  }

  /** Status bit summary for tests and the command line. */
  statusOf(frame: number): number {
    return (this.table.status[frame - 1] as number) & ~CUSTOM_RECORD;
  }

  get packetTable(): PacketTable {
    return this.table;
  }

  get addressTable(): AddressTable {
    return this.addrs;
  }
}

function customValue(fl: FieldList, id: number, occurrence: number): string {
  if (id < 0) return '';
  const hits: number[] = [];
  for (let i = 0; i < fl.count; i++) if (fl.id[i] === id) hits.push(i);
  if (hits.length === 0) return '';
  if (occurrence === 0) return hits.map((i) => valueText(fl, i)).join(',');
  const k = occurrence > 0 ? occurrence - 1 : hits.length + occurrence;
  const i = hits[k];
  return i === undefined ? '' : valueText(fl, i);
}

export { Status };
