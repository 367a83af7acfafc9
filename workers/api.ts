// The narrow interface between the UI (main thread) and the capture engine (Web Worker), in the
// manner of Perfetto's engine API: a handful of coarse async methods, typed arrays for bulk data,
// strings only for the rows on screen. Imported by src/ and implemented by workers/session.ts.

import type { DecodeAsRule } from './dissectors/tables.ts';

export type { DecodeAsRule };

export interface LoadProgress {
  /** Bytes read so far over all files, and the total. */
  bytesDone: number;
  bytesTotal: number;
  /** Packets indexed so far. */
  packets: number;
  /** The file being read. */
  file: string;
}

export interface FileReport {
  name: string;
  size: number;
  /** `pcap LE µs`, `pcapng`, with `gzip` when compressed. */
  encoding: string;
  packets: number;
  /** Link types present, by name (`ETHERNET`, `LINUX_SLL2`). */
  linkTypes: string[];
  /** Damage or refusal, naming the problem: the packets before it are kept. */
  error: string | null;
}

export interface OpenResult {
  files: FileReport[];
  packets: number;
  /** Packets shown under the current filter (equal to `packets` without one). */
  displayed: number;
  /** Time of the first packet (seconds, nanoseconds): the zero of relative times. */
  firstSec: number;
  firstNsec: number;
  /** Milliseconds the index pass took. */
  loadMs: number;
  /** Bytes the index columns take per packet. */
  indexBytesPerPacket: number;
  /** Bytes of the index's arrays that came with their pages resident from the capture worker's
   *  helper (0 without one, or for a capture too small to ask for them). */
  residentBytes: number;
  /** UDP ports that carry VXLAN- or Geneve-looking traffic but have no rule (Decode As suggestions). */
  suggestions: DecodeAsSuggestion[];
}

export interface DecodeAsSuggestion {
  table: 'udp.port';
  value: number;
  proto: 'vxlan' | 'geneve';
  packets: number;
}

/** Columns of a window of displayed rows. Row k is displayed position `start + k`. */
export interface RowWindow {
  start: number;
  count: number;
  /** Frame number (1-based) of each row. */
  frame: Uint32Array;
  /** Absolute time: seconds (NaN when the record has none) and nanoseconds. */
  sec: Float64Array;
  nsec: Int32Array;
  /** Seconds since the previous displayed packet. */
  delta: Float64Array;
  /** Original (wire) length. */
  length: Uint32Array;
  /** Status bits (see Status in dissectors/context.ts: 1 truncated, 2 malformed, 4 warning, 8 fragment, 16 reassembled). */
  status: Uint8Array;
  /** VXLAN or Geneve VNI of the outermost tunnel, -1 when none. */
  vni: Int32Array;
  /** Innermost transport ports, 0 when none. */
  srcPort: Uint16Array;
  dstPort: Uint16Array;
  /** Innermost source and destination (network address, or link address when none). */
  src: string[];
  dst: string[];
  /** Outer (tunnel endpoint) addresses for tunnelled packets, '' otherwise. */
  outerSrc: string[];
  outerDst: string[];
  /** Protocol column text (`TCP`, `DNS`, `VXLAN` …). */
  protocol: string[];
  /** Info column text. */
  info: string[];
  /** Coloring family: `tcp`, `udp`, `dns`, `arp`, `icmp`, `tunnel`, `bad`, `other` … */
  color: string[];
  /** Values of custom columns (one array per requested column), when asked for. */
  custom: string[][];
  /** Index of the first enabled colouring rule (setColoringRules) matching each row, -1 for none. */
  colorRule?: Int16Array;
}

/** A colouring rule as the engine sees it (profiles hold the colours): the first enabled match wins. */
export interface ColoringFilter {
  filter: string;
  disabled?: boolean;
}

/** What the Decode As dialog offers: the registered protocols and the built-in bindings. */
export interface DecodeAsTables {
  /** Dissector names (Wireshark filter names: `vxlan`, `geneve`, `dns` …), sorted. */
  protocols: string[];
  /** Built-in bindings of the Decode As tables (user rules override these). */
  defaults: DecodeAsRule[];
}

export interface CustomColumn {
  /** A Wireshark field name. */
  field: string;
  /** 0 = all occurrences joined by ','; 1 = the first; -1 = the last (Wireshark's occurrence). */
  occurrence: number;
}

export interface TreeNode {
  /** The line as Wireshark shows it (`Source Address: 10.0.0.1`). */
  label: string;
  /** Wireshark field name (`ip.src`), '' for text-only lines. */
  field: string;
  /** Value as a filter would write it ('' for protocols and text). */
  value: string;
  /**
   * The display filter that selects this item, as Wireshark's "Apply as Filter ▸ Selected" writes
   * it: `vxlan.vni == 100`, `vxlan` for a protocol; '' for a text line, which has none.
   * (Optional only so that older tree builders, such as test fakes, still type-check.)
   */
  filter?: string;
  /** Index of the data source (0 = the frame) and the byte range it covers. */
  source: number;
  offset: number;
  length: number;
  generated: boolean;
  children: TreeNode[];
}

export interface PacketDetails {
  frame: number;
  tree: TreeNode[];
  /** Data sources: the frame's bytes, then reassembled payloads. */
  sources: { name: string; bytes: Uint8Array }[];
  status: number;
  comments: string[];
}

export interface FilterCheck {
  ok: boolean;
  /** The message and the [start, end) character range of the problem. */
  error?: string;
  start?: number;
  end?: number;
}

export interface FilterResult extends FilterCheck {
  displayed: number;
  /** Milliseconds the filter took in the worker. */
  ms: number;
}

export type SortKey = 'frame' | 'time' | 'src' | 'dst' | 'protocol' | 'length' | 'info' | 'vni' | 'outerSrc' | 'outerDst' | 'srcPort' | 'dstPort';

export interface CaptureApi {
  /** Open and index files (one or several: merged by time). Progress arrives through the callback. */
  open(files: Blob[], names: string[], rules: DecodeAsRule[], onProgress?: (p: LoadProgress) => void): Promise<OpenResult>;
  /** Re-run the index with new Decode As rules, keeping the filter. */
  setDecodeAs(rules: DecodeAsRule[]): Promise<OpenResult>;
  /** A window of displayed rows (typed arrays transferred, strings for these rows only). */
  getRows(start: number, count: number, custom?: CustomColumn[]): Promise<RowWindow>;
  /** Full dissection of one packet by frame number. */
  getDetails(frame: number): Promise<PacketDetails>;
  /** Displayed position of a frame number, or -1 when it is filtered out. */
  positionOf(frame: number): Promise<number>;
  checkFilter(expr: string): Promise<FilterCheck>;
  /** Apply a display filter ('' clears it). */
  applyFilter(expr: string): Promise<FilterResult>;
  sort(key: SortKey, descending: boolean): Promise<void>;
  /** Field names for completion, with their labels. */
  fieldNames(prefix: string, limit: number): Promise<{ name: string; label: string }[]>;
  close(): Promise<void>;
  /** Registered protocols and the built-in bindings, for the Decode As dialog. */
  decodeAsTables(): Promise<DecodeAsTables>;
  /** Colouring rules for getRows' `colorRule`; answers each rule's filter error, or null when it compiles. */
  setColoringRules(rules: ColoringFilter[]): Promise<(string | null)[]>;
}
