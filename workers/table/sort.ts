// Row comparators for sorting the packet list by a column, on the index columns only.

import type { SortKey } from '../api.ts';
import type { AddressTable } from './addresses.ts';
import type { PacketTable } from './packet-table.ts';
import { protocolName } from './protocol-names.ts';

export function compareRows(key: SortKey, t: PacketTable, addrs: AddressTable): (a: number, b: number) => number {
  const num = (col: ArrayLike<number>) => (a: number, b: number) => (col[a] as number) - (col[b] as number);
  const text = (col: ArrayLike<number>, name: (v: number) => string) => {
    const cache = new Map<number, string>();
    const get = (v: number): string => {
      let s = cache.get(v);
      if (s === undefined) cache.set(v, (s = name(v)));
      return s;
    };
    return (a: number, b: number) => get(col[a] as number).localeCompare(get(col[b] as number), 'en', { numeric: true });
  };
  switch (key) {
    case 'frame':
      return (a, b) => a - b;
    case 'time':
      return (a, b) => t.secAt(a) - t.secAt(b) || (t.nsec[a] as number) - (t.nsec[b] as number);
    case 'length':
      return num(t.origLen);
    case 'vni':
      return num(t.vni);
    case 'srcPort':
      return num(t.srcPort);
    case 'dstPort':
      return num(t.dstPort);
    case 'src':
      return text(t.src, (v) => addrs.text(v));
    case 'dst':
      return text(t.dst, (v) => addrs.text(v));
    case 'outerSrc':
      return text(t.outerSrc, (v) => addrs.text(v));
    case 'outerDst':
      return text(t.outerDst, (v) => addrs.text(v));
    case 'protocol':
      return text(t.proto, protocolName);
    case 'info':
      // Info is built per visible row only; sorting by it falls back to protocol then frame.
      return text(t.proto, protocolName);
  }
}
