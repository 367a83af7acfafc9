// Test helpers for the tunnel dissectors: dissect hand-written or corpus-copied bytes as one frame
// and read back the printed values of any field (every occurrence, in tree order).

import { PacketDissector } from '../../../workers/dissect.ts';
import { FT, fieldById, fieldByName } from '../../../workers/fields/registry.ts';
import { labelText, valueText } from '../../../workers/fields/format.ts';
import { EF, type FieldList } from '../../../workers/fields/field-list.ts';
import { RecordKind, type PacketRecord } from '../../../workers/formats/record.ts';
import type { DecodeAsRule } from '../../../workers/dissectors/tables.ts';

export function hex(s: string): Uint8Array {
  const clean = s.replace(/[^0-9a-fA-F]/g, '');
  const b = new Uint8Array(clean.length / 2);
  for (let i = 0; i < b.length; i++) b[i] = parseInt(clean.slice(2 * i, 2 * i + 2), 16);
  return b;
}

export interface Dissected {
  fl: FieldList;
  status: number;
  /** Printed values of every occurrence of a field (tshark -T fields, occurrence=a). */
  values(name: string): string[];
  /** The first occurrence's value, or undefined. */
  value(name: string): string | undefined;
  /** Tree labels of a field's occurrences. */
  labels(name: string): string[];
  /** Whether the first occurrence of a field is hidden. */
  hidden(name: string): boolean;
  /** Protocol layers in order (like frame.protocols without tshark's pseudo-layers). */
  protocols: string[];
}

export interface DissectOptions {
  linkType?: number;
  /** Original length on the wire (defaults to the bytes' length). */
  origLen?: number;
  rules?: readonly DecodeAsRule[];
}

export function dissect(bytes: Uint8Array, opts: DissectOptions = {}): Dissected {
  const d = new PacketDissector(opts.rules ?? []);
  const rec: PacketRecord = {
    kind: RecordKind.PACKET,
    fileOffset: 0,
    data: bytes,
    capLen: bytes.length,
    origLen: opts.origLen ?? bytes.length,
    hasTime: true,
    tsSec: 0,
    tsNsec: 0,
    linkType: opts.linkType ?? 1,
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
    if (def.type === FT.PROTOCOL && def.name !== 'frame' && !def.name.startsWith('_ws')) protocols.push(def.name);
  }
  return {
    fl,
    status: d.status,
    values: (name) => all(name).map((i) => valueText(fl, i)),
    value: (name) => {
      const i = fl.find(idOf(name));
      return i < 0 ? undefined : valueText(fl, i);
    },
    labels: (name) => all(name).map((i) => labelText(fl, i)),
    hidden: (name) => {
      const i = fl.find(idOf(name));
      return i >= 0 && ((fl.flags[i] as number) & EF.HIDDEN) !== 0;
    },
    protocols,
  };
}
