// Where a compiled filter reads field values: the PacketView. Two implement it: FieldListView
// reads one dissected packet (the slow path and the command line); the column view in
// fast-path.ts reads the packet table's columns for packets whose shape allows it.

import { FT, allFields, type FieldDef } from '../fields/registry.ts';
import { EF, type FieldList } from '../fields/field-list.ts';
import type { FieldRef } from './ir.ts';
import { Time, timeFromSeconds } from '../fields/time.ts';
import { parseIpv4Cidr, parseIpv6 } from './values.ts';
import type { Value } from './types.ts';

export interface PacketView {
  /** Number of occurrences of the filter's reference `ref` in this packet. */
  count(ref: number): number;
  /** Occurrence k of `ref`, as its value type holds it (see types.ts). */
  value(ref: number, k: number): Value;
  /** A protocol occurrence's bytes from its start to the end of the packet (contains, matches). */
  tail(ref: number, k: number): Uint8Array;
  /** Byte length of occurrence k (`len()` of strings, byte strings and protocols). */
  length(ref: number, k: number): number;
}

/** The value of field entry `i` of `fl`, typed as the filter compares it. */
export function entryValue(fl: FieldList, i: number, def: FieldDef): Value {
  switch (def.type) {
    case FT.UINT:
    case FT.INT:
    case FT.FRAMENUM:
    case FT.DOUBLE:
      return fl.num[i] as number;
    case FT.RELATIVE_TIME:
      return timeFromSeconds(fl.num[i] as number);
    case FT.BOOLEAN:
      return (fl.num[i] as number) !== 0 ? 1 : 0;
    case FT.ABSOLUTE_TIME:
      return new Time(fl.num[i] as number, fl.aux[i] as number);
    case FT.IPV4: {
      // (an address the bytes hold only the start of, padded: dissectors/padded-address.ts)
      if ((fl.flags[i] as number) & EF.STR) return parseIpv4Cidr(fl.str[i] ?? '')?.addr ?? 0;
      const b = fl.bytesOf(i);
      const o = fl.off[i] as number;
      return (((b[o] as number) << 24) | ((b[o + 1] as number) << 16) | ((b[o + 2] as number) << 8) | (b[o + 3] as number)) >>> 0;
    }
    case FT.IPV6: {
      if ((fl.flags[i] as number) & EF.STR) return parseIpv6(fl.str[i] ?? '') ?? new Uint8Array(16);
      const b = fl.bytesOf(i);
      const o = Math.min(fl.off[i] as number, b.length);
      return b.subarray(o, Math.min(b.length, o + (fl.len[i] as number)));
    }
    case FT.ETHER:
    case FT.BYTES:
    case FT.PROTOCOL: {
      const b = fl.bytesOf(i);
      const o = Math.min(fl.off[i] as number, b.length);
      return b.subarray(o, Math.min(b.length, o + (fl.len[i] as number)));
    }
    case FT.STRING:
      return (fl.flags[i] as number) & EF.STR ? (fl.str[i] ?? '') : '';
    case FT.NONE:
      return 0;
  }
}

/**
 * Occurrences of each reference in one FieldList, found in one pass over its entries. The layer
 * of an entry (for `ip.src#2`) is the occurrence number of its nearest enclosing protocol among the
 * protocol entries of the same field id (Wireshark's pinfo->curr_proto_layer_num).
 */
export class FieldListView implements PacketView {
  private fl: FieldList | null = null;
  /** field id -> refs reading it. */
  private byField: (number[] | undefined)[] = [];
  private hits: number[][];
  private needLayers: boolean;
  private layer = new Int32Array(256);
  private protoCount = new Map<number, number>();

  constructor(private refs: readonly FieldRef[]) {
    this.hits = refs.map(() => []);
    refs.forEach((r, k) => {
      const list = this.byField[r.def.id] ?? [];
      list.push(k);
      this.byField[r.def.id] = list;
    });
    this.needLayers = refs.some((r) => r.layers !== null);
  }

  reset(fl: FieldList): this {
    this.fl = fl;
    for (const h of this.hits) h.length = 0;
    const n = fl.count;
    if (this.needLayers) {
      if (this.layer.length < n) this.layer = new Int32Array(n * 2);
      this.protoCount.clear();
    }
    const ids = fl.id;
    for (let i = 0; i < n; i++) {
      const id = ids[i] as number;
      let layer = 0;
      if (this.needLayers) {
        const p = fl.parent[i] as number;
        if (isProtocol(id)) {
          layer = (this.protoCount.get(id) ?? 0) + 1;
          this.protoCount.set(id, layer);
        } else layer = p >= 0 ? (this.layer[p] as number) : 0;
        this.layer[i] = layer;
      }
      const refs = this.byField[id];
      if (refs === undefined) continue;
      for (const k of refs) {
        const layers = (this.refs[k] as FieldRef).layers;
        if (layers !== null && !layers.some((l) => layer >= l.lo && layer <= l.hi)) continue;
        (this.hits[k] as number[]).push(i);
      }
    }
    return this;
  }

  count(ref: number): number {
    return (this.hits[ref] as number[]).length;
  }

  value(ref: number, k: number): Value {
    const i = (this.hits[ref] as number[])[k] as number;
    return entryValue(this.fl as FieldList, i, (this.refs[ref] as FieldRef).def);
  }

  tail(ref: number, k: number): Uint8Array {
    const fl = this.fl as FieldList;
    const i = (this.hits[ref] as number[])[k] as number;
    const b = fl.bytesOf(i);
    return b.subarray(Math.min(fl.off[i] as number, b.length));
  }

  length(ref: number, k: number): number {
    const fl = this.fl as FieldList;
    const i = (this.hits[ref] as number[])[k] as number;
    return fl.len[i] as number;
  }
}

const protoIds = new Map<number, boolean>();

function isProtocol(id: number): boolean {
  let v = protoIds.get(id);
  if (v === undefined) {
    v = allFields()[id]?.type === FT.PROTOCOL;
    protoIds.set(id, v);
  }
  return v;
}
