// The packet list's columns: Wireshark's seven, plus the overlay columns a person looking at
// VXLAN/Geneve traffic wants (tunnel endpoints, VNI, inner ports). Each maps to the RowWindow
// array it shows and to the worker's sort key.

import type { RowWindow, SortKey } from '../../../workers/api.ts';

export type ColumnId = 'no' | 'time' | 'outerSrc' | 'outerDst' | 'vni' | 'src' | 'srcPort' | 'dst' | 'dstPort' | 'protocol' | 'length' | 'info';

export interface ColumnDef {
  id: ColumnId;
  title: string;
  /** Longer name for menus and tooltips. */
  description: string;
  sort: SortKey;
  /** Default width, px (Info takes the rest of the row). */
  width: number;
  align: 'start' | 'end';
  /** Overlay columns can be hidden; the base seven always show. */
  optional: boolean;
  /** Shown on first start. */
  defaultVisible: boolean;
}

export const COLUMNS: readonly ColumnDef[] = [
  { id: 'no', title: 'No.', description: 'Frame number', sort: 'frame', width: 72, align: 'end', optional: false, defaultVisible: true },
  { id: 'time', title: 'Time', description: 'Time', sort: 'time', width: 128, align: 'end', optional: false, defaultVisible: true },
  { id: 'outerSrc', title: 'Outer source', description: 'Outer source (tunnel endpoint, VTEP)', sort: 'outerSrc', width: 148, align: 'start', optional: true, defaultVisible: false },
  { id: 'outerDst', title: 'Outer destination', description: 'Outer destination (tunnel endpoint, VTEP)', sort: 'outerDst', width: 148, align: 'start', optional: true, defaultVisible: false },
  { id: 'vni', title: 'VNI', description: 'VXLAN / Geneve network identifier', sort: 'vni', width: 72, align: 'end', optional: true, defaultVisible: false },
  { id: 'src', title: 'Source', description: 'Source address (innermost)', sort: 'src', width: 150, align: 'start', optional: false, defaultVisible: true },
  { id: 'srcPort', title: 'Src port', description: 'Source port (innermost transport)', sort: 'srcPort', width: 72, align: 'end', optional: true, defaultVisible: false },
  { id: 'dst', title: 'Destination', description: 'Destination address (innermost)', sort: 'dst', width: 150, align: 'start', optional: false, defaultVisible: true },
  { id: 'dstPort', title: 'Dst port', description: 'Destination port (innermost transport)', sort: 'dstPort', width: 72, align: 'end', optional: true, defaultVisible: false },
  { id: 'protocol', title: 'Protocol', description: 'Protocol', sort: 'protocol', width: 84, align: 'start', optional: false, defaultVisible: true },
  { id: 'length', title: 'Length', description: 'Length on the wire', sort: 'length', width: 68, align: 'end', optional: false, defaultVisible: true },
  { id: 'info', title: 'Info', description: 'Info', sort: 'info', width: 360, align: 'start', optional: false, defaultVisible: true },
];

export const COLUMN_BY_ID: Readonly<Record<ColumnId, ColumnDef>> = Object.fromEntries(COLUMNS.map((c) => [c.id, c])) as Record<ColumnId, ColumnDef>;

export const MIN_COLUMN_WIDTH = 36;
export const MAX_COLUMN_WIDTH = 2000;

/** A cell's text for row k of a window (the Time column is formatted by the caller). */
export function cellText(id: Exclude<ColumnId, 'time'>, w: RowWindow, k: number): string {
  switch (id) {
    case 'no':
      return String(w.frame[k]);
    case 'outerSrc':
      return w.outerSrc[k] ?? '';
    case 'outerDst':
      return w.outerDst[k] ?? '';
    case 'vni': {
      const v = w.vni[k] as number;
      return v < 0 ? '' : String(v);
    }
    case 'src':
      return w.src[k] ?? '';
    case 'srcPort': {
      const p = w.srcPort[k] as number;
      return p === 0 ? '' : String(p);
    }
    case 'dst':
      return w.dst[k] ?? '';
    case 'dstPort': {
      const p = w.dstPort[k] as number;
      return p === 0 ? '' : String(p);
    }
    case 'protocol':
      return w.protocol[k] ?? '';
    case 'length':
      return String(w.length[k]);
    case 'info':
      return w.info[k] ?? '';
  }
}

/** Row colouring families the palette knows (RowWindow.color is `family` or `family tunnelled`). */
const FAMILIES = new Set(['tcp', 'tcp-syn', 'reset', 'bad-tcp', 'udp', 'dns', 'arp', 'icmp', 'tunnel', 'bad', 'other']);

/** CSS classes for a row's colour: a known family (else `other`), plus `tunnelled`. */
export function colorClasses(color: string | undefined): string {
  if (!color) return 'c-other';
  const parts = color.split(' ');
  const fam = FAMILIES.has(parts[0] as string) ? (parts[0] as string) : 'other';
  return parts.includes('tunnelled') ? `c-${fam} tunnelled` : `c-${fam}`;
}

/** Status bits a row is marked for (dissectors/context.ts): truncated, malformed, cut short, expert error. */
export const MARKED = 1 | 2 | 32 | 64;

/** Status bits (dissectors/context.ts): what a row's marker says. */
export function statusText(status: number): string {
  const parts: string[] = [];
  if (status & 2) parts.push('Malformed packet');
  if (status & 64) parts.push("Expert error (the packet breaks its protocol's rules)");
  if (status & 1) parts.push('Truncated (packet size limited during capture)');
  if (status & 32) parts.push('Cut short: the capture file ends inside this packet');
  if (status & 4) parts.push('Expert warning');
  return parts.join('; ');
}
