// The arithmetic of the virtualized packet list (Perfetto's grid, in the small): fixed-height rows,
// a scrollable canvas standing in for all of them, the visible window plus a margin in the DOM, and
// a larger window of row data fetched with slack so that small scrolls never wait for the worker.
//
// Browsers cap an element's height (Chrome near 33.5 M px, Firefox near 17.9 M px), so past
// MAX_CANVAS the canvas is scaled: scrollTop maps linearly onto the first row, and rows are drawn
// at their exact fractional place in a sticky layer rather than at their place in the canvas.

/** Largest canvas height used; beyond it scrolling is scaled (a scroll pixel moves > 1 px of rows). */
export const MAX_CANVAS = 8_000_000;

export interface Geometry {
  /** Height of the canvas that the scroller scrolls (the rows part only), px. */
  canvas: number;
  /** Virtual pixels (rows × rowHeight) per scroll pixel; 1 when unscaled. */
  scale: number;
  /** Largest scrollTop and the largest virtual offset it maps to. */
  maxScroll: number;
  maxVirtual: number;
}

export function geometry(total: number, rowHeight: number, viewport: number): Geometry {
  const full = total * rowHeight;
  const maxVirtual = Math.max(0, full - viewport);
  if (full <= MAX_CANVAS) return { canvas: full, scale: 1, maxScroll: maxVirtual, maxVirtual };
  const canvas = MAX_CANVAS;
  const maxScroll = Math.max(1, canvas - viewport);
  return { canvas, scale: maxVirtual / maxScroll, maxScroll, maxVirtual };
}

/** Virtual offset (px into the full list of rows) shown at the top for a scrollTop. */
export function virtualTop(g: Geometry, scrollTop: number): number {
  const s = Math.min(Math.max(0, scrollTop), g.maxScroll);
  return Math.min(g.maxVirtual, s * g.scale);
}

/** scrollTop that shows virtual offset `v` at the top. */
export function scrollTopFor(g: Geometry, v: number): number {
  const c = Math.min(Math.max(0, v), g.maxVirtual);
  return g.scale === 1 ? c : c / g.scale;
}

export interface VisibleRange {
  /** First row (partly) visible, and how many rows to render from it (visible + margin, clamped). */
  first: number;
  count: number;
  /** Pixel offset of row `first` from the top of the viewport (≤ 0). */
  offset: number;
}

/** Rows to render for a virtual top offset: the visible ones plus `margin` rows each side. */
export function visibleRange(total: number, rowHeight: number, viewport: number, vTop: number, margin: number): VisibleRange {
  if (total === 0 || rowHeight <= 0) return { first: 0, count: 0, offset: 0 };
  const top = Math.floor(vTop / rowHeight);
  const first = Math.max(0, top - margin);
  const end = Math.min(total, Math.ceil((vTop + viewport) / rowHeight) + margin);
  return { first, count: Math.max(0, end - first), offset: first * rowHeight - vTop };
}

/** Virtual offset that brings row `row` into view with the least movement (or none). */
export function revealOffset(row: number, rowHeight: number, viewport: number, vTop: number): number {
  const top = row * rowHeight;
  if (top < vTop) return top;
  const bottom = top + rowHeight;
  if (bottom > vTop + viewport) return bottom - viewport;
  return vTop;
}

/** A fetched (or in-flight) window of rows: [start, start + count) valid for one epoch. */
export interface Span {
  start: number;
  count: number;
  epoch: number;
}

/**
 * The window to fetch so that rows [first, first + count) are covered, or null when `have`
 * already covers them (with `margin` rows to spare either side, clamped to the list).
 * A new window reaches `slack` rows beyond the need on each side (never more than `max` rows).
 */
export function planFetch(first: number, count: number, total: number, epoch: number, have: Span | null, margin: number, slack: number, max = 2000): Span | null {
  if (total <= 0) return null;
  const needStart = Math.max(0, Math.min(first, total - 1) - margin);
  const needEnd = Math.min(total, first + count + margin);
  if (have && have.epoch === epoch && have.start <= needStart && have.start + have.count >= needEnd) return null;
  let start = Math.max(0, needStart - slack);
  let end = Math.min(total, needEnd + slack);
  if (end - start > max) {
    // keep the needed rows, centre what is left of the budget around them
    const extra = Math.max(0, max - (needEnd - needStart));
    start = Math.max(0, needStart - Math.floor(extra / 2));
    end = Math.min(total, start + Math.max(max, needEnd - needStart));
  }
  return { start, count: end - start, epoch };
}

/** Next cursor position for a navigation key (null when the key does not move the cursor). */
export function navigate(key: string, cursor: number, total: number, page: number): number | null {
  if (total === 0) return null;
  const last = total - 1;
  const from = cursor < 0 ? -1 : Math.min(cursor, last);
  switch (key) {
    case 'ArrowDown':
      return from < 0 ? 0 : Math.min(last, from + 1);
    case 'ArrowUp':
      return from < 0 ? 0 : Math.max(0, from - 1);
    case 'PageDown':
      return Math.min(last, Math.max(0, from) + Math.max(1, page));
    case 'PageUp':
      return Math.max(0, Math.max(0, from) - Math.max(1, page));
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return null;
  }
}
