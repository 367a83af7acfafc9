// Reading a packet's dissection for the Info column: fields by name, their values and texts.

import { fieldById, fieldByName } from '../../fields/registry.ts';
import { valueText } from '../../fields/format.ts';
import type { FieldList } from '../../fields/field-list.ts';

/** Entry index of the last (or first) top-level occurrence of a field, or -1. */
export function find(fl: FieldList, name: string, last = true): number {
  const def = fieldByName(name);
  if (!def) return -1;
  let found = -1;
  for (let i = 0; i < fl.count; i++) {
    if (fl.id[i] !== def.id) continue;
    if (!last) return i;
    found = i;
  }
  return found;
}

export function text(fl: FieldList, name: string, last = true): string {
  const i = find(fl, name, last);
  return i < 0 ? '' : valueText(fl, i);
}

export function num(fl: FieldList, name: string, last = true): number {
  const i = find(fl, name, last);
  return i < 0 ? NaN : (fl.num[i] as number);
}

/** Entry index of the last occurrence of protocol `name` (its fields follow it), or -1. */
export function lastProto(fl: FieldList, name: string): number {
  return find(fl, name);
}

/** Ids of fields by name, for scans of the field list (names not registered are -1). */
export function ids(...names: string[]): number[] {
  return names.map((n) => fieldByName(n)?.id ?? -1);
}

export function named(fl: FieldList, name: string): string {
  const i = find(fl, name);
  if (i < 0) return '';
  const def = fieldById(fl.id[i] as number);
  const v = fl.num[i] as number;
  return def.names?.get(v) ?? String(v);
}

export { valueText };
