// Test helpers for the link-layer dissectors: dissect bytes as one frame of a given link type and
// read back what tshark -T fields would print for any field (every occurrence, in list order).

import { expect } from 'vitest';
import { PacketDissector } from '../../../workers/dissect.ts';
import { Status } from '../../../workers/dissectors/context.ts';
import { FT, fieldById, fieldByName } from '../../../workers/fields/registry.ts';
import { labelText, valueText } from '../../../workers/fields/format.ts';
import { EF, type FieldList } from '../../../workers/fields/field-list.ts';
import { RecordKind, type PacketRecord } from '../../../workers/formats/record.ts';

export function hex(s: string): Uint8Array {
  const clean = s.replace(/[^0-9a-fA-F]/g, '');
  const b = new Uint8Array(clean.length / 2);
  for (let i = 0; i < b.length; i++) b[i] = parseInt(clean.slice(2 * i, 2 * i + 2), 16);
  return b;
}

export interface Frame {
  fl: FieldList;
  status: number;
  /** Printed values of every occurrence of a field, joined with "," as tshark's occurrence=a. */
  v(name: string): string;
  /** Tree labels of a field's occurrences. */
  labels(name: string): string[];
  hidden(name: string): boolean;
  /** Protocol layers in order. */
  protocols: string;
  /** Nesting parent of the first occurrence of `name`, as a field name ('' at the top). */
  parentOf(name: string): string;
}

let shared: PacketDissector | undefined;

export function frame(bytes: Uint8Array, linkType = 1, origLen = bytes.length): Frame {
  // One dissector for all frames (building the dissector tables is the slow part); each frame is
  // frame 1 of its own capture.
  const d = (shared ??= new PacketDissector());
  const rec: PacketRecord = {
    kind: RecordKind.PACKET,
    fileOffset: 0,
    data: bytes,
    capLen: bytes.length,
    origLen,
    hasTime: true,
    tsSec: 0,
    tsNsec: 0,
    linkType,
    interfaceId: 0,
    comments: null,
  };
  const fl = d.dissect(rec, 1);
  const idOf = (name: string): number => {
    const def = fieldByName(name);
    if (def === undefined) throw new Error(`no field ${name}`);
    return def.id;
  };
  const all = (name: string): number[] => {
    const id = idOf(name);
    const out: number[] = [];
    for (let i = fl.find(id); i >= 0; i = fl.find(id, i + 1)) out.push(i);
    return out;
  };
  const protocols: string[] = [];
  for (let i = 0; i < fl.count; i++) {
    const def = fieldById(fl.id[i] as number);
    if (def.type === FT.PROTOCOL && !def.name.startsWith('_ws')) protocols.push(def.name);
  }
  return {
    fl,
    status: d.status,
    v: (name) => all(name).map((i) => valueText(fl, i)).join(','),
    labels: (name) => all(name).map((i) => labelText(fl, i)),
    hidden: (name) => {
      const i = fl.find(idOf(name));
      return i >= 0 && ((fl.flags[i] as number) & EF.HIDDEN) !== 0;
    },
    protocols: protocols.join(':'),
    parentOf: (name) => {
      const i = fl.find(idOf(name));
      const p = i < 0 ? -1 : (fl.parent[i] as number);
      return p < 0 ? '' : fieldById(fl.id[p] as number).name;
    },
  };
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
      const id = fieldByName(name)?.id ?? -1;
      for (let i = f.fl.find(id); i >= 0; i = f.fl.find(id, i + 1)) {
        expect((f.fl.off[i] as number) + (f.fl.len[i] as number), `${name} at cut ${n}`).toBeLessThanOrEqual(n);
      }
    }
  }
}

export { Status };
