// The differential comparison with tshark's -Y: run every valid filter on a capture and compare
// the matching frames with tshark's. Where they differ on a frame, the frame's values of the
// fields the filter names are compared too: if tshark and Decapod see different field values
// there, the difference is a dissector's ("dissector"); if they see the same values and still
// disagree, the filter engine is wrong ("filter").

import { openAsBlob } from 'node:fs';
import { PacketDissector } from '../../../workers/dissect.ts';
import { fieldByName } from '../../../workers/fields/registry.ts';
import { valueText } from '../../../workers/fields/format.ts';
import type { FieldList } from '../../../workers/fields/field-list.ts';
import { readCapture } from '../../../workers/formats/open.ts';
import { compileFilter, type CompiledFilter } from '../../../workers/filter/compile.ts';
import { namesIn, type ExpectedCapture } from './fixtures.ts';

export interface FilterOutcome {
  filter: string;
  /** agree: same frames; dissector: differs only where field values differ; unregistered: a field
   *  the filter names is not registered yet; filter: the engine is wrong on some frame. */
  kind: 'agree' | 'dissector' | 'unregistered' | 'filter';
  detail: string;
}

export interface CaptureOutcome {
  capture: string;
  framesOurs: number;
  framesTshark: number;
  outcomes: FilterOutcome[];
}

/** Our text of a field on one frame, as tshark -T fields -E occurrence=a prints it. */
function ourValue(fl: FieldList, name: string): string {
  if (name === 'frame.protocols') return '';
  const def = fieldByName(name);
  if (!def) return '\u0000unregistered';
  const out: string[] = [];
  for (let i = 0; i < fl.count; i++) if (fl.id[i] === def.id) out.push(valueText(fl, i));
  return out.join(',');
}

function protocolCount(fl: FieldList, name: string): number {
  const def = fieldByName(name);
  if (!def) return -1;
  let n = 0;
  for (let i = 0; i < fl.count; i++) if (fl.id[i] === def.id) n++;
  return n;
}

export async function compareCapture(path: string, exp: ExpectedCapture, filters: readonly string[]): Promise<CaptureOutcome> {
  const col = new Map(exp.fields.map((f, i) => [f, i]));
  const protos = new Set(exp.protocols);
  const compiled: (CompiledFilter | string)[] = filters.map((f) => {
    const c = compileFilter(f);
    return c.ok ? c : c.error;
  });
  const ours: number[][] = filters.map(() => []);
  /** Per frame: names whose values differ from tshark's (computed lazily). */
  const frameFields: Map<string, boolean>[] = [];
  const names = filters.map((f) => namesIn(f).filter((n) => col.has(n) || protos.has(n)));
  const dissector = new PacketDissector();
  let frames = 0;
  await readCapture(await openAsBlob(path), (rec) => {
    frames++;
    const fl = dissector.dissect(rec, frames);
    const diff = new Map<string, boolean>();
    const row = exp.values[frames - 1];
    const check = (name: string): boolean => {
      let d = diff.get(name);
      if (d !== undefined) return d;
      if (row === undefined) d = true;
      else if (protos.has(name)) {
        // tshark has the item when its column is not empty; how many: frame.protocols
        const present = (row[col.get(name) ?? -1] ?? '') !== '';
        const theirs = present ? Math.max(1, (row[0] ?? '').split(':').filter((p) => p === name).length) : 0;
        d = name !== 'frame' && protocolCount(fl, name) !== theirs;
      } else d = ourValue(fl, name) !== (row[col.get(name) as number] ?? '');
      diff.set(name, d);
      return d;
    };
    compiled.forEach((c, k) => {
      if (typeof c === 'string') return;
      if (c.matches(fl)) (ours[k] as number[]).push(frames);
      for (const n of names[k] as string[]) check(n);
    });
    frameFields.push(diff);
  });
  const outcomes = filters.map((f, k): FilterOutcome => {
    const c = compiled[k] as CompiledFilter | string;
    if (typeof c === 'string') {
      const missing = namesIn(f).filter((n) => (col.has(n) || protos.has(n)) && !fieldByName(n));
      if (missing.length > 0) return { filter: f, kind: 'unregistered', detail: `not registered: ${missing.join(', ')}` };
      return { filter: f, kind: 'filter', detail: `rejected: ${c}` };
    }
    const a = new Set(ours[k]);
    const b = new Set(exp.matches[f] ?? []);
    const differing = [...new Set([...a, ...b])].filter((x) => a.has(x) !== b.has(x)).sort((x, y) => x - y);
    if (differing.length === 0) return { filter: f, kind: 'agree', detail: '' };
    const unexplained = differing.filter((fr) => {
      const diff = frameFields[fr - 1];
      if (!diff) return false; // a frame we do not have at all: the reader's business
      return !(names[k] as string[]).some((n) => diff.get(n) === true);
    });
    const show = (xs: number[]): string => xs.slice(0, 8).map((x) => `#${x}${a.has(x) ? '+' : '-'}`).join(' ');
    if (unexplained.length > 0) return { filter: f, kind: 'filter', detail: `frames ${show(unexplained)} (+ ours, - tshark's)` };
    return { filter: f, kind: 'dissector', detail: `frames ${show(differing)} differ where field values differ` };
  });
  return { capture: exp.capture, framesOurs: frames, framesTshark: exp.frames, outcomes };
}
