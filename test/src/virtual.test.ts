import { describe, expect, it } from 'vitest';
import { MAX_CANVAS, geometry, navigate, planFetch, revealOffset, scrollTopFor, virtualTop, visibleRange } from '../../src/lib/format/virtual.ts';

describe('virtual list geometry', () => {
  it('is 1:1 for short lists', () => {
    const g = geometry(100, 22, 440);
    expect(g).toEqual({ canvas: 2200, scale: 1, maxScroll: 1760, maxVirtual: 1760 });
    expect(virtualTop(g, 500)).toBe(500);
    expect(scrollTopFor(g, 500)).toBe(500);
  });

  it('scales a canvas that browsers could not hold', () => {
    const g = geometry(10_000_000, 22, 440);
    expect(g.canvas).toBe(MAX_CANVAS);
    expect(g.scale).toBeGreaterThan(27);
    // both ends map exactly
    expect(virtualTop(g, 0)).toBe(0);
    expect(virtualTop(g, g.maxScroll)).toBeCloseTo(g.maxVirtual, 3);
    expect(scrollTopFor(g, g.maxVirtual)).toBeCloseTo(g.maxScroll, 6);
    // round trip
    const v = 123_456_789;
    expect(virtualTop(g, scrollTopFor(g, v))).toBeCloseTo(v, 3);
  });

  it('a million rows: the last one is reachable', () => {
    const g = geometry(1_000_000, 22, 500);
    const r = visibleRange(1_000_000, 22, 500, virtualTop(g, g.maxScroll), 4);
    expect(r.first + r.count).toBe(1_000_000);
    // the last row's bottom is the viewport's bottom
    expect((999_999 - r.first) * 22 + r.offset + 22).toBeCloseTo(500, 6);
  });

  it('visible range: the rows in view plus a margin, clamped', () => {
    expect(visibleRange(1000, 20, 100, 0, 3)).toEqual({ first: 0, count: 8, offset: 0 });
    expect(visibleRange(1000, 20, 100, 205, 3)).toEqual({ first: 7, count: 12, offset: -65 });
    expect(visibleRange(10, 20, 1000, 0, 3)).toEqual({ first: 0, count: 10, offset: 0 });
    expect(visibleRange(0, 20, 1000, 0, 3)).toEqual({ first: 0, count: 0, offset: 0 });
  });

  it('reveals a row with the least movement', () => {
    expect(revealOffset(0, 20, 100, 0)).toBe(0);
    expect(revealOffset(3, 20, 100, 0)).toBe(0);
    expect(revealOffset(5, 20, 100, 0)).toBe(20);
    expect(revealOffset(2, 20, 100, 200)).toBe(40);
  });
});

describe('row window planning (Perfetto-style slack)', () => {
  it('fetches the viewport with slack around it', () => {
    expect(planFetch(500, 30, 10_000, 1, null, 10, 100)).toEqual({ start: 390, count: 250, epoch: 1 });
  });

  it('does nothing while the window covers the viewport and its margin', () => {
    const have = { start: 390, count: 250, epoch: 1 };
    expect(planFetch(520, 30, 10_000, 1, have, 10, 100)).toBeNull();
    expect(planFetch(400, 30, 10_000, 1, have, 10, 100)).toBeNull();
    // near the window's edge: fetch again
    expect(planFetch(610, 30, 10_000, 1, have, 10, 100)).not.toBeNull();
  });

  it('fetches again when the epoch changed (sort, filter)', () => {
    expect(planFetch(500, 30, 10_000, 2, { start: 390, count: 250, epoch: 1 }, 10, 100)).toEqual({ start: 390, count: 250, epoch: 2 });
  });

  it('grows with a list that grows while loading', () => {
    // 20 rows indexed, 20 fetched; then 5000 indexed: the viewport's rows are now there
    const have = { start: 0, count: 20, epoch: 1 };
    expect(planFetch(0, 30, 20, 1, have, 10, 100)).toBeNull();
    expect(planFetch(0, 30, 5000, 1, have, 10, 100)).toEqual({ start: 0, count: 140, epoch: 1 });
  });

  it('clamps to the list and to the budget', () => {
    expect(planFetch(0, 30, 50, 1, null, 10, 100)).toEqual({ start: 0, count: 50, epoch: 1 });
    const p = planFetch(5000, 3000, 100_000, 1, null, 10, 5000, 2000);
    expect(p?.count).toBe(3020);
    expect(planFetch(0, 0, 0, 1, null, 10, 100)).toBeNull();
  });
});

describe('keyboard navigation', () => {
  it('moves the cursor', () => {
    expect(navigate('ArrowDown', -1, 10, 5)).toBe(0);
    expect(navigate('ArrowDown', 3, 10, 5)).toBe(4);
    expect(navigate('ArrowDown', 9, 10, 5)).toBe(9);
    expect(navigate('ArrowUp', 0, 10, 5)).toBe(0);
    expect(navigate('PageDown', 3, 10, 5)).toBe(8);
    expect(navigate('PageDown', 8, 10, 5)).toBe(9);
    expect(navigate('PageUp', 3, 10, 5)).toBe(0);
    expect(navigate('Home', 7, 10, 5)).toBe(0);
    expect(navigate('End', 0, 1_000_000, 5)).toBe(999_999);
    expect(navigate('x', 0, 10, 5)).toBeNull();
    expect(navigate('End', -1, 0, 5)).toBeNull();
  });
});
