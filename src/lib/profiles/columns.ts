// A profile's columns as the packet list shows them: built-in columns are the list's ColumnDefs;
// a custom column (any field, with an occurrence) becomes a ColumnDef-like entry whose cells come
// from RowWindow.custom, which the worker fills for the fields asked for (CustomColumn[]).

import type { CustomColumn } from '../../../workers/api.ts';
import { COLUMNS, COLUMN_BY_ID, type ColumnDef, type ColumnId } from '../format/columns.ts';
import type { ProfileColumn } from './schema.ts';

export type CustomColumnId = `custom${number}`;

export interface CustomColumnDef extends Omit<ColumnDef, 'id' | 'sort'> {
  id: CustomColumnId;
  /** The worker sorts by its own columns only. */
  sort: null;
  /** Index into RowWindow.custom. */
  custom: number;
  field: string;
  occurrence: number;
}

export type ListColumn = ColumnDef | CustomColumnDef;

export const CUSTOM_COLUMN_WIDTH = 140;

export function isCustom(c: ListColumn): c is CustomColumnDef {
  return c.sort === null;
}

function occurrenceText(n: number): string {
  if (n === 0) return 'all occurrences';
  if (n === 1) return 'first occurrence';
  if (n === -1) return 'last occurrence';
  return `occurrence ${n}`;
}

/** The list's columns, in the profile's order. */
export function listColumns(cols: readonly ProfileColumn[]): ListColumn[] {
  let k = 0;
  return cols.map((c): ListColumn => {
    if (c.type === 'builtin') return COLUMN_BY_ID[c.id];
    const custom = k++;
    return {
      id: `custom${custom}`,
      title: c.title,
      description: `${c.field}, ${occurrenceText(c.occurrence)}`,
      sort: null,
      width: c.width ?? CUSTOM_COLUMN_WIDTH,
      align: 'start',
      optional: true,
      defaultVisible: false,
      custom,
      field: c.field,
      occurrence: c.occurrence,
    };
  });
}

/** What getRows is asked for: the custom columns' fields, in RowWindow.custom order. */
export function customRequest(cols: readonly ProfileColumn[]): CustomColumn[] {
  return cols.flatMap((c) => (c.type === 'custom' ? [{ field: c.field, occurrence: c.occurrence }] : []));
}

export function hasBuiltin(cols: readonly ProfileColumn[], id: ColumnId): boolean {
  return cols.some((c) => c.type === 'builtin' && c.id === id);
}

/**
 * Show or hide an overlay column (the base seven always show). A shown column takes its place
 * among the built-in columns in the list's usual order; custom columns keep theirs.
 */
export function toggleBuiltin(cols: readonly ProfileColumn[], id: ColumnId): ProfileColumn[] {
  if (!COLUMN_BY_ID[id].optional) return [...cols];
  if (hasBuiltin(cols, id)) return cols.filter((c) => !(c.type === 'builtin' && c.id === id));
  const order = COLUMNS.map((c) => c.id);
  const at = cols.findIndex((c) => c.type === 'builtin' && order.indexOf(c.id) > order.indexOf(id));
  const out = [...cols];
  out.splice(at < 0 ? out.length : at, 0, { type: 'builtin', id });
  return out;
}

/** The first-start built-in columns, with the profile's custom columns kept before Info. */
export function resetBuiltins(cols: readonly ProfileColumn[]): ProfileColumn[] {
  const custom = cols.filter((c) => c.type === 'custom');
  const base: ProfileColumn[] = COLUMNS.filter((c) => c.defaultVisible).map((c) => ({ type: 'builtin', id: c.id }));
  const info = base.findIndex((c) => c.type === 'builtin' && c.id === 'info');
  base.splice(info < 0 ? base.length : info, 0, ...custom);
  return base;
}

/** Set a custom column's width (list index `custom` among the custom columns). */
export function withCustomWidth(cols: readonly ProfileColumn[], custom: number, width: number): ProfileColumn[] {
  let k = 0;
  return cols.map((c) => (c.type === 'custom' && k++ === custom ? { ...c, width } : c));
}
