// Reading a packet's dissection for the Info column: fields by name, their values and texts.

import { fieldById, fieldByName } from '../../fields/registry.ts';
import { valueText } from '../../fields/format.ts';
import type { FieldList } from '../../fields/field-list.ts';

/** Entry index of the last (or first) occurrence of a field anywhere in the list, or -1. */
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

/** `v` as four hex digits, no prefix (the IDs Wireshark's Info texts print with %04x). */
export function hex4(v: number): string {
  return v.toString(16).padStart(4, '0');
}

/** Ids of fields by name, for scans of the field list (names not registered are -1). */
export function ids(...names: string[]): number[] {
  return names.map((n) => fieldByName(n)?.id ?? -1);
}

export function named(fl: FieldList, name: string): string {
  return namedOr(fl, name, String);
}

/** The value name of the last occurrence of a field, `unknown(value)` for a value without one
 *  (Wireshark's val_to_str with its format), '' when the field is absent. */
export function namedOr(fl: FieldList, name: string, unknown: (v: number) => string): string {
  const i = find(fl, name);
  return i < 0 ? '' : namedAt(fl, i, unknown);
}

/** The value name of entry i, `unknown(value)` for a value without one. */
export function namedAt(fl: FieldList, i: number, unknown: (v: number) => string): string {
  const v = fl.num[i] as number;
  return fieldById(fl.id[i] as number).names?.get(v) ?? unknown(v);
}

export { valueText };
