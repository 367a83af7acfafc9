// Test helpers for the dissectors: build a PacketRecord from hand-written or corpus-copied bytes,
// dissect it, and read back what tshark -T fields would print for any field (every occurrence, in
// tree order). One frame at a time (`dissect`, `frame`), or frames in order through one
// PacketDissector that keeps its stream and reassembly state (`capture`, `again`, `truncations`).

import type { TreeNode } from '../../../workers/api.ts';
import { expect } from 'vitest';
import { PacketDissector } from '../../../workers/dissect.ts';
import { Status } from '../../../workers/dissectors/context.ts';
import type { DecodeAsRule } from '../../../workers/dissectors/tables.ts';
import { FT, fieldById, fieldByName } from '../../../workers/fields/registry.ts';
import { labelText, valueText } from '../../../workers/fields/format.ts';
import { EF, type FieldList } from '../../../workers/fields/field-list.ts';
import { RecordKind, type PacketRecord } from '../../../workers/formats/record.ts';
import type { Value } from '../../../workers/filter/types.ts';
import { entryValue } from '../../../workers/filter/view.ts';

export { Status };

export function hex(s: string): Uint8Array {
  const clean = s.replace(/[^0-9a-fA-F]/g, '');
  const b = new Uint8Array(clean.length / 2);
  for (let i = 0; i < b.length; i++) b[i] = parseInt(clean.slice(2 * i, 2 * i + 2), 16);
  return b;
}

export interface RecordOptions {
  /** Link type of the capture (defaults to Ethernet, 1). */
  linkType?: number;
  /** Original length on the wire (defaults to the bytes' length). */
  origLen?: number;
  tsSec?: number;
  tsNsec?: number;
}

/** `bytes` as one captured packet. */
export function record(bytes: Uint8Array, opts: RecordOptions = {}): PacketRecord {
  return {
    kind: RecordKind.PACKET,
    fileOffset: 0,
    data: bytes,
    capLen: bytes.length,
    origLen: opts.origLen ?? bytes.length,
    hasTime: true,
    tsSec: opts.tsSec ?? 0,
    tsNsec: opts.tsNsec ?? 0,
    linkType: opts.linkType ?? 1,
    interfaceId: 0,
    comments: null,
  };
}

function idOf(name: string): number {
  const def = fieldByName(name);
  if (def === undefined) throw new Error(`no field ${name}`);
  return def.id;
}

/** Entry indices of every occurrence of a field, in list order. */
function occurrences(fl: FieldList, name: string): number[] {
  const id = idOf(name);
  const out: number[] = [];
  for (let i = fl.find(id); i >= 0; i = fl.find(id, i + 1)) out.push(i);
  return out;
}

/** Every occurrence of a field as the display filter compares it (filter/view.ts entryValue): a
 *  time field's Time, whatever text it prints. */
export function filterValues(fl: FieldList, name: string): Value[] {
  return occurrences(fl, name).map((i) => entryValue(fl, i, fieldById(fl.id[i] as number)));
}

export interface Dissected {
  fl: FieldList;
  status: number;
  /** Printed values of every occurrence of a field (tshark -T fields, occurrence=a). */
  values(name: string): string[];
  /** The same joined with "," as tshark prints them in one column. */
  v(name: string): string;
  /** The first occurrence's value, or undefined. */
  value(name: string): string | undefined;
  /** Tree labels of a field's occurrences. */
  labels(name: string): string[];
  /** Whether the first occurrence of a field is hidden. */
  hidden(name: string): boolean;
  /** Nesting parent of the first occurrence of `name`, as a field name ('' at the top). */
  parentOf(name: string): string;
  /** Protocol layers joined with ":" as frame.protocols (without tshark's pseudo-layers). */
  protocols: string;
  /** The protocol layers below `frame`, in order. */
  layers: string[];
}

export interface DissectOptions extends RecordOptions {
  rules?: readonly DecodeAsRule[];
  /** Dissect with this dissector (keeping its state) instead of a fresh one built from `rules`. */
  dissector?: PacketDissector;
  /** Frame number (defaults to 1). */
  frameNo?: number;
}

export function dissect(bytes: Uint8Array, opts: DissectOptions = {}): Dissected {
  const d = opts.dissector ?? new PacketDissector(opts.rules ?? []);
  const fl = d.dissect(record(bytes, opts), opts.frameNo ?? 1);
  const names: string[] = [];
  for (let i = 0; i < fl.count; i++) {
    const def = fieldById(fl.id[i] as number);
    if (def.type === FT.PROTOCOL && !def.name.startsWith('_ws')) names.push(def.name);
  }
  const values = (name: string): string[] => occurrences(fl, name).map((i) => valueText(fl, i));
  return {
    fl,
    status: d.status,
    values,
    v: (name) => values(name).join(','),
    value: (name) => {
      const i = fl.find(idOf(name));
      return i < 0 ? undefined : valueText(fl, i);
    },
    labels: (name) => occurrences(fl, name).map((i) => labelText(fl, i)),
    hidden: (name) => {
      const i = fl.find(idOf(name));
      return i >= 0 && ((fl.flags[i] as number) & EF.HIDDEN) !== 0;
    },
    parentOf: (name) => {
      const i = fl.find(idOf(name));
      const p = i < 0 ? -1 : (fl.parent[i] as number);
      return p < 0 ? '' : fieldById(fl.id[p] as number).name;
    },
    protocols: names.join(':'),
    layers: names.filter((n) => n !== 'frame'),
  };
}

let shared: PacketDissector | undefined;

/**
 * `bytes` as frame 1 of a capture of `linkType`, through one dissector shared by every call
 * (building the dissector tables is the slow part).
 */
export function frame(bytes: Uint8Array, linkType = 1, origLen = bytes.length): Dissected {
  return dissect(bytes, { dissector: (shared ??= new PacketDissector()), linkType, origLen });
}

/**
 * Every cut of `bytes` shorter than `upTo` bytes (captured length shorter, original length kept):
 * dissecting never throws; each field of `keep` shows a prefix of its full-frame occurrences, all
 * lying wholly before the cut; and from `from` bytes on (a cut inside the header) the frame is
 * flagged truncated or malformed.
 */
export function checkCuts(bytes: Uint8Array, linkType: number, from: number, upTo: number, keep: readonly string[]): void {
  const full = frame(bytes, linkType);
  for (let n = 0; n < upTo; n++) {
    const f = frame(bytes.subarray(0, n), linkType, bytes.length);
    if (n >= from) expect(f.status & (Status.TRUNCATED | Status.MALFORMED), `status at cut ${n}`).not.toBe(0);
    for (const name of keep) {
      const got = f.v(name);
      const want = full.v(name);
      expect(want.startsWith(got), `${name} at cut ${n}: "${got}" is not a prefix of "${want}"`).toBe(true);
      for (const i of occurrences(f.fl, name)) {
        expect((f.fl.off[i] as number) + (f.fl.len[i] as number), `${name} at cut ${n}`).toBeLessThanOrEqual(n);
      }
    }
  }
}

export type Fields = Record<string, string[]> & { status: number };

/** Dissect frame `n` with `d` (keeping its state, time 1000 + n s) and read every occurrence of `fields`. */
export function read(d: PacketDissector, bytes: string | Uint8Array, n: number, fields: readonly string[], origLen?: number): Fields {
  const data = typeof bytes === 'string' ? hex(bytes) : bytes;
  const got = dissect(data, { dissector: d, frameNo: n, tsSec: 1000 + n, origLen });
  const out = { status: got.status } as Fields;
  for (const name of fields) out[name] = got.values(name);
  return out;
}

/** Dissect `frames` in order with a fresh dissector; returns it and the fields of each frame. */
export function capture(frames: ReadonlyArray<string | Uint8Array>, fields: readonly string[]): { d: PacketDissector; out: Fields[] } {
  const d = new PacketDissector();
  const out = frames.map((f, i) => read(d, f, i + 1, fields));
  return { d, out };
}

/** Dissect frame `n` of `frames` again on a later pass of `d`. */
export function again(d: PacketDissector, frames: ReadonlyArray<string | Uint8Array>, n: number, fields: readonly string[]): Fields {
  d.ctx.firstPass = false;
  return read(d, frames[n - 1] as string | Uint8Array, n, fields);
}

/** Frame `frame` captured only up to `base + k` bytes, for every k below `n` (the rest on the wire). */
export function truncations(frame: string, base: number, n: number, fields: readonly string[]): Fields[] {
  const bytes = hex(frame);
  const out: Fields[] = [];
  const d = new PacketDissector();
  for (let k = 0; k < n; k++) out.push(read(d, bytes.slice(0, base + k), k + 1, fields, bytes.length));
  return out;
}

/** The subtree of the first top-level node of `field` as tshark -V prints it: one line per item,
 *  four spaces a level (none when the packet has no such layer). */
export function treeLines(tree: readonly TreeNode[], field: string): string[] {
  const out: string[] = [];
  const walk = (n: TreeNode, ind: string): void => {
    out.push(ind + n.label);
    for (const c of n.children) walk(c, ind + '    ');
  };
  const top = tree.find((n) => n.field === field);
  if (top) walk(top, '');
  return out;
}

/** A classic pcap's bytes with record `n` (1-based) left out, as `editcap IN OUT n` writes it. */
export function dropRecord(pcap: Uint8Array, n: number): Uint8Array<ArrayBuffer> {
  const v = new DataView(pcap.buffer, pcap.byteOffset, pcap.byteLength);
  const le = v.getUint32(0, true) === 0xa1b2c3d4 || v.getUint32(0, true) === 0xa1b23c4d;
  const parts: Uint8Array[] = [pcap.subarray(0, 24)];
  let o = 24;
  for (let k = 1; o + 16 <= pcap.length; k++) {
    const end = o + 16 + v.getUint32(o + 8, le);
    if (k !== n) parts.push(pcap.subarray(o, end));
    o = end;
  }
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
