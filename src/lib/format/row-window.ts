// Row windows (RowWindow, as getRows answers) cut and joined on the main thread, so that the packet
// list can ask the engine for the rows on screen first and for the rows around them afterwards,
// and keep them as one window without asking for any row twice.

import type { RowWindow } from '../../../workers/api.ts';

/** The per-row arrays of a RowWindow, by kind. */
const TYPED = ['frame', 'sec', 'nsec', 'delta', 'length', 'status', 'vni', 'srcPort', 'dstPort'] as const;
const TEXT = ['src', 'dst', 'outerSrc', 'outerDst', 'protocol', 'info', 'color'] as const;
type Known = 'start' | 'count' | 'custom' | 'colorRule' | (typeof TYPED)[number] | (typeof TEXT)[number];
// A field added to RowWindow must be cut and joined here too: this fails to compile until it is.
const EVERY_FIELD_HANDLED: Record<Exclude<keyof RowWindow, Known>, never> = {};
void EVERY_FIELD_HANDLED;

/** Rows [from, to) (displayed positions) of window `w`, which holds them. */
interface Part {
  w: RowWindow;
  from: number;
  to: number;
}

type Typed = RowWindow[(typeof TYPED)[number]];

function typed<T extends Typed>(parts: readonly Part[], n: number, get: (w: RowWindow) => T): T {
  const first = get((parts[0] as Part).w);
  const out = new (first.constructor as new (n: number) => T)(n);
  let at = 0;
  for (const p of parts) {
    out.set(get(p.w).subarray(p.from - p.w.start, p.to - p.w.start) as never, at);
    at += p.to - p.from;
  }
  return out;
}

function text(parts: readonly Part[], get: (w: RowWindow) => readonly string[] | undefined): string[] {
  const out: string[] = [];
  for (const p of parts) {
    const a = get(p.w);
    for (let i = p.from; i < p.to; i++) out.push(a?.[i - p.w.start] ?? '');
  }
  return out;
}

/** One window of the parts' rows, in order (each part follows the one before it). */
function assemble(parts: readonly Part[]): RowWindow {
  const head = (parts[0] as Part).w;
  const n = parts.reduce((s, p) => s + (p.to - p.from), 0);
  const w = { start: (parts[0] as Part).from, count: n } as RowWindow;
  for (const f of TYPED) (w as unknown as Record<string, Typed>)[f] = typed(parts, n, (x) => x[f]);
  for (const f of TEXT) w[f] = text(parts, (x) => x[f]);
  w.custom = head.custom.map((_, ci) => text(parts, (x) => x.custom[ci]));
  if (parts.some((p) => p.w.colorRule !== undefined)) {
    const rule = new Int16Array(n).fill(-1);
    let at = 0;
    for (const p of parts) {
      if (p.w.colorRule) rule.set(p.w.colorRule.subarray(p.from - p.w.start, p.to - p.w.start), at);
      at += p.to - p.from;
    }
    w.colorRule = rule;
  }
  return w;
}

const end = (w: RowWindow): number => w.start + w.count;

/** Rows [from, to) of `w`, clamped to what it holds (an empty window when it holds none of them). */
export function cutRows(w: RowWindow, from: number, to: number): RowWindow {
  const a = Math.max(from, w.start);
  const b = Math.max(a, Math.min(to, end(w)));
  if (a === w.start && b === end(w)) return w;
  return assemble([{ w, from: a, to: b }]);
}

/**
 * The rows of `a` and `b` as one window: they must overlap or touch (null when they do not). Where
 * both hold a row, `b`'s (the newer answer) is kept.
 */
export function joinRows(a: RowWindow, b: RowWindow): RowWindow | null {
  if (b.start > end(a) || a.start > end(b)) return null;
  if (b.count === 0) return a;
  if (a.count === 0 || (b.start <= a.start && end(b) >= end(a))) return b;
  const parts: Part[] = [];
  if (a.start < b.start) parts.push({ w: a, from: a.start, to: b.start });
  parts.push({ w: b, from: b.start, to: end(b) });
  if (end(a) > end(b)) parts.push({ w: a, from: end(b), to: end(a) });
  return assemble(parts);
}
