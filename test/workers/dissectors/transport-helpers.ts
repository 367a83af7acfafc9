// Test helpers for the transport and application dissectors: frames dissected in order with one
// PacketDissector (the first pass, which builds stream and reassembly state), single frames
// dissected again later (Ctx.firstPass false), values read as tshark -T fields prints them.

import { PacketDissector } from '../../../workers/dissect.ts';
import { fieldByName } from '../../../workers/fields/registry.ts';
import { labelText, valueText } from '../../../workers/fields/format.ts';
import { RecordKind, type PacketRecord } from '../../../workers/formats/record.ts';
import { hex } from './tunnel-helpers.ts';

export { hex };

export type Fields = Record<string, string[]> & { status: number };

/** Dissect one frame with `d` (keeping its state) and read every occurrence of `fields`. */
export function read(d: PacketDissector, frame: string | Uint8Array, n: number, fields: readonly string[], origLen = -1): Fields {
  const bytes = typeof frame === 'string' ? hex(frame) : frame;
  const rec: PacketRecord = {
    kind: RecordKind.PACKET, fileOffset: 0, data: bytes, capLen: bytes.length, origLen: origLen < 0 ? bytes.length : origLen,
    hasTime: true, tsSec: 1000 + n, tsNsec: 0, linkType: 1, interfaceId: 0, comments: null,
  };
  const fl = d.dissect(rec, n);
  const out = { status: d.status } as Fields;
  for (const name of fields) {
    const def = fieldByName(name);
    if (def === undefined) throw new Error(`no field ${name}`);
    const vals: string[] = [];
    for (let i = fl.find(def.id); i >= 0; i = fl.find(def.id, i + 1)) vals.push(valueText(fl, i));
    out[name] = vals;
  }
  return out;
}

/** Tree labels of every occurrence of `name` in one frame dissected by `d`. */
export function labels(d: PacketDissector, frame: string | Uint8Array, n: number, name: string): string[] {
  const bytes = typeof frame === 'string' ? hex(frame) : frame;
  const rec: PacketRecord = {
    kind: RecordKind.PACKET, fileOffset: 0, data: bytes, capLen: bytes.length, origLen: bytes.length,
    hasTime: true, tsSec: 1000 + n, tsNsec: 0, linkType: 1, interfaceId: 0, comments: null,
  };
  const fl = d.dissect(rec, n);
  const def = fieldByName(name);
  if (def === undefined) throw new Error(`no field ${name}`);
  const out: string[] = [];
  for (let i = fl.find(def.id); i >= 0; i = fl.find(def.id, i + 1)) out.push(labelText(fl, i));
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
