// A profile's columns as the packet list shows them, and the View menu's toggles on them.

import { describe, expect, it } from 'vitest';
import { customRequest, hasBuiltin, isCustom, listColumns, resetBuiltins, toggleBuiltin, withCustomWidth } from '../../../src/lib/profiles/columns.ts';
import { defaultColumns, type ProfileColumn } from '../../../src/lib/profiles/schema.ts';

const outer: ProfileColumn = { type: 'custom', title: 'Outer source', field: 'ip.src', occurrence: 1 };

describe('profile columns', () => {
  it('lists built-in and custom columns in the profile order, custom cells by index', () => {
    const cols = toggleBuiltin([...defaultColumns().slice(0, 2), outer, ...defaultColumns().slice(2)], 'vni');
    const list = listColumns(cols);
    expect(list.map((c) => c.id)).toEqual(['no', 'time', 'custom0', 'vni', 'src', 'dst', 'protocol', 'length', 'info']);
    const c = list[2];
    expect(c && isCustom(c) && [c.custom, c.title, c.description, c.sort]).toEqual([0, 'Outer source', 'ip.src, first occurrence', null]);
    expect(customRequest(cols)).toEqual([{ field: 'ip.src', occurrence: 1 }]);
  });

  it('toggles overlay columns in their usual place, never the base ones', () => {
    let cols = defaultColumns();
    cols = toggleBuiltin(cols, 'outerDst');
    cols = toggleBuiltin(cols, 'outerSrc');
    expect(cols.map((c) => (c.type === 'builtin' ? c.id : c.title))).toEqual(['no', 'time', 'outerSrc', 'outerDst', 'src', 'dst', 'protocol', 'length', 'info']);
    expect(hasBuiltin(cols, 'outerSrc')).toBe(true);
    expect(toggleBuiltin(cols, 'no')).toEqual(cols);
    expect(hasBuiltin(toggleBuiltin(cols, 'outerSrc'), 'outerSrc')).toBe(false);
  });

  it('resets the built-in columns and keeps the custom ones before Info', () => {
    const cols = resetBuiltins([{ type: 'builtin', id: 'vni' }, outer, { type: 'builtin', id: 'no' }]);
    expect(cols).toEqual([...defaultColumns().slice(0, -1), outer, { type: 'builtin', id: 'info' }]);
  });

  it("sets a custom column's width by its index among custom columns", () => {
    const cols = withCustomWidth([outer, { type: 'builtin', id: 'no' }, { ...outer, occurrence: -1 }], 1, 200);
    expect(cols[0]).toEqual(outer);
    expect(cols[2]).toEqual({ ...outer, occurrence: -1, width: 200 });
  });
});
