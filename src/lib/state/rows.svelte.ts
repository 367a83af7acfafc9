// The packet list's row data: one window of displayed rows (typed arrays and the strings of those
// rows only), fetched from the worker with slack around the viewport, Perfetto style.
//
// The rows on screen come first: when the window lacks some of them (a jump: End, Home, a page, a
// drag of the scrollbar), the engine is asked for those alone, a small request it answers fast, and
// only then for the margin above and below, in steps of MARGIN_STEP rows nearest the screen first;
// each answer is joined to the window (format/row-window.ts), so no row is asked for twice. One
// request is in flight at a time, except that the rows on screen do not wait for a margin step on
// its way (the engine still finishes that step first, which is why steps are small); an answer for
// a place the list has left is dropped, and one for a list that changed since (epoch) is only
// shown over an older window, as the list was, until the new rows come.
// The window is replaced whole, never edited, so it lives in $state.raw.

import { untrack } from 'svelte';
import type { RowWindow } from '../../../workers/api.ts';
import { cutRows, joinRows } from '../format/row-window.ts';
import { planFetch, type Span } from '../format/virtual.ts';

export type FetchRows = (start: number, count: number) => Promise<RowWindow>;

interface Want {
  first: number;
  count: number;
  total: number;
  epoch: number;
}

interface Request extends Span {
  /** Rows on screen (true) or margin (false). */
  screen: boolean;
  /** The list's length when asked. */
  total: number;
  /** The engine's answer, once asked. */
  answer?: Promise<RowWindow>;
  /** The selection waits for it (frameSoon): the margin after it waits a task, behind the details. */
  awaited?: boolean;
}

/** Rows kept beyond the viewport before a fetch is needed, and fetched beyond it when one is. */
export const MARGIN_ROWS = 20;
export const SLACK_ROWS = 150;
/** Rows of margin asked for at a time. */
export const MARGIN_STEP = 50;
/** Requests on their way at most: rows on screen may be asked for while a margin is on its way. */
const MAX_IN_FLIGHT = 2;

const end = (s: { start: number; count: number }): number => s.start + s.count;
const overlap = (a: { start: number; count: number }, from: number, to: number): number => Math.max(0, Math.min(end(a), to) - Math.max(a.start, from));
const keyOf = (r: Span): string => `${r.start}+${r.count}@${r.epoch}`;

export class RowCache {
  readonly #fetch: FetchRows;
  #window = $state.raw<RowWindow | null>(null);
  #windowEpoch = -1;
  #error = $state<string | null>(null);
  #want: Want | null = null;
  #inFlight: Request[] = [];
  /** The engine had no rows from `end` on (for this epoch and list length): not asked for again. */
  #short: { epoch: number; total: number; end: number } | null = null;
  /** Margin steps go on until the window holds the whole target (see #next). */
  #filling = false;
  /** A request that failed: not asked again as is (a new viewport or epoch retries). */
  #failed: string | null = null;

  constructor(fetch: FetchRows) {
    this.#fetch = fetch;
  }

  get window(): RowWindow | null {
    return this.#window;
  }

  get error(): string | null {
    return this.#error;
  }

  /** The rows [first, first + count) of a list of `total` rows (as of `epoch`) are on screen. */
  want(first: number, count: number, total: number, epoch: number): void {
    this.#want = { first, count, total, epoch };
    if (total === 0) {
      this.#window = null;
      this.#windowEpoch = epoch;
      return;
    }
    // called from an effect (App): what the pump reads (the window) must not become its dependency,
    // or every answer would run the effect again and pump once more
    untrack(() => void this.#pump());
  }

  /** Row index in the window of displayed position `pos`, or -1 (not fetched, or stale). */
  indexOf(pos: number): number {
    const w = this.#window;
    if (!w || !this.#want || this.#windowEpoch !== this.#want.epoch) return -1;
    const k = pos - w.start;
    return k >= 0 && k < w.count ? k : -1;
  }

  /** Frame number at displayed position `pos` when the current window holds it. */
  frameAt(pos: number): number | undefined {
    const k = this.indexOf(pos);
    return k < 0 ? undefined : (this.#window as RowWindow).frame[k];
  }

  /**
   * The frame number at displayed position `pos` from a request on its way that holds it (of the
   * list as it is now), or null when none does. The selection takes the cursor row's packet from
   * it instead of asking the engine for that row on its own, which the list's rows would wait
   * behind (End, Home: one round trip, not two). Resolves to undefined when the answer lacks the
   * row or the request fails.
   */
  frameSoon(pos: number): Promise<number | undefined> | null {
    const want = this.#want;
    if (!want) return null;
    const req = this.#inFlight.find((r) => r.epoch === want.epoch && r.answer && pos >= r.start && pos < end(r));
    if (!req?.answer) return null;
    req.awaited = true;
    return req.answer.then(
      (w) => (pos >= w.start && pos < end(w) ? w.frame[pos - w.start] : undefined),
      () => undefined,
    );
  }

  /** Rows on screen, clamped to the list (at least one row of a list that has rows). */
  #screen(want: Want): [number, number] {
    const from = Math.max(0, Math.min(want.first, want.total - 1));
    return [from, Math.max(from + 1, Math.min(want.total, want.first + want.count))];
  }

  /** The window to keep around the screen: the rows on it, a margin and the slack. */
  #target(want: Want): [number, number] {
    const t = planFetch(want.first, want.count, want.total, want.epoch, null, MARGIN_ROWS, SLACK_ROWS) as Span;
    return [t.start, end(t)];
  }

  /** What to ask for next: the rows on screen the window lacks, else a margin beside it, else null. */
  #next(want: Want): Request | null {
    const w = this.#windowEpoch === want.epoch ? this.#window : null;
    const have = w ? { start: w.start, count: w.count, epoch: want.epoch } : null;
    // fetching starts when the window no longer holds the screen and its margin, and goes on
    // until it holds the slack too (not for every row scrolled)
    if (planFetch(want.first, want.count, want.total, want.epoch, have, MARGIN_ROWS, SLACK_ROWS) !== null) this.#filling = true;
    if (!this.#filling) return null;
    const s = this.#short;
    const limit = s && s.epoch === want.epoch && s.total === want.total ? s.end : want.total;
    const ask = (from: number, to: number, screen: boolean): Request | null => {
      const b = Math.min(to, limit);
      return from < b ? { start: from, count: b - from, epoch: want.epoch, screen, total: want.total } : null;
    };
    let [s0, s1] = this.#screen(want);
    if (!w || w.start > s0 || end(w) < s1) {
      // a jump: the rows on screen alone (less what the window has at either end)
      if (w && w.start <= s0 && end(w) > s0) s0 = end(w);
      else if (w && end(w) >= s1 && w.start < s1) s1 = w.start;
      return ask(s0, s1, true);
    }
    // the margin: the target's rows beside the window, a step at a time (a jump asked for meanwhile
    // waits behind one step at most), first on the side the screen is nearer to
    const [t0, t1] = this.#target(want);
    const below = w.start > t0 ? ask(Math.max(t0, w.start - MARGIN_STEP), w.start, false) : null;
    const above = end(w) < t1 ? ask(end(w), Math.min(t1, end(w) + MARGIN_STEP), false) : null;
    const step = s0 - w.start <= end(w) - s1 ? (below ?? above) : (above ?? below);
    if (!step) this.#filling = false;
    return step;
  }

  async #pump(): Promise<void> {
    const want = this.#want;
    if (!want || want.total === 0 || this.#inFlight.length >= MAX_IN_FLIGHT) return;
    const req = this.#next(want);
    if (!req || keyOf(req) === this.#failed) return;
    // a margin waits for whatever is on its way; rows on screen wait only for a request that brings some of them
    const mine = this.#inFlight.filter((r) => r.epoch === want.epoch);
    if (mine.some((r) => !req.screen || overlap(r, req.start, end(req)) > 0)) return;
    this.#inFlight.push(req);
    try {
      req.answer = this.#fetch(req.start, req.count);
      const rows = await req.answer;
      if (rows.count < req.count) this.#short = { epoch: req.epoch, total: req.total, end: req.start + rows.count };
      this.#failed = null;
      this.#error = null;
      this.#take(rows, req.epoch);
    } catch (e) {
      this.#error = e instanceof Error ? e.message : String(e);
      this.#failed = keyOf(req); // do not hammer a failing request
    } finally {
      this.#inFlight = this.#inFlight.filter((r) => r !== req);
    }
    // the selection asks for the cursor row's details as this answer comes (microtasks): let that
    // request reach the engine before the next margin step, which it would otherwise wait behind
    if (req.awaited) setTimeout(() => void this.#pump(), 0);
    else void this.#pump();
  }

  /** An answer: joined to the window, cut to the target; dropped when it no longer helps. */
  #take(rows: RowWindow, epoch: number): void {
    const want = this.#want;
    if (!want || want.total === 0) return;
    if (want.epoch !== epoch) {
      // the list changed meanwhile (end of a load, sort): shown only over an older window, until
      // the rows of the new list come (not trusted meanwhile: see indexOf)
      if (epoch > this.#windowEpoch) {
        this.#window = rows;
        this.#windowEpoch = epoch;
      }
      return;
    }
    const w = this.#windowEpoch === epoch ? this.#window : null;
    const [t0, t1] = this.#target(want);
    const [s0, s1] = this.#screen(want);
    const joined = w ? joinRows(w, rows) : null;
    const next = cutRows(joined ?? rows, t0, t1);
    if (next.count === 0) return; // a place the list has left
    // a window that does not continue this one replaces it only if it shows more of the screen
    if (!joined && w && overlap(next, s0, s1) <= overlap(w, s0, s1)) return;
    this.#window = next;
    this.#windowEpoch = epoch;
  }
}
