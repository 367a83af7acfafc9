// The packet list's row data: one window of displayed rows (typed arrays and the strings of those
// rows only), fetched from the worker with slack around the viewport, Perfetto style: one request
// in flight at a time; when it lands, the latest viewport decides whether another is needed.
// The window is replaced whole, never edited, so it lives in $state.raw.

import type { RowWindow } from '../../../workers/api.ts';
import { planFetch, type Span } from '../format/virtual.ts';

export type FetchRows = (start: number, count: number) => Promise<RowWindow>;

interface Want {
  first: number;
  count: number;
  total: number;
  epoch: number;
}

/** Rows kept beyond the viewport before a fetch is needed, and fetched beyond it when one is. */
export const MARGIN_ROWS = 20;
export const SLACK_ROWS = 150;

export class RowCache {
  readonly #fetch: FetchRows;
  #window = $state.raw<RowWindow | null>(null);
  #windowEpoch = -1;
  #error = $state<string | null>(null);
  #want: Want | null = null;
  #inflight: Span | null = null;
  /** A plan whose answer came back short (the list shrank meanwhile): not asked again as is. */
  #short: string | null = null;

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
    void this.#pump();
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

  async #pump(): Promise<void> {
    const want = this.#want;
    if (!want) return;
    // A request for an older epoch is left to finish on its own (its answer is dropped); one for
    // the current epoch is waited for, so that requests never pile up while scrolling.
    if (this.#inflight && this.#inflight.epoch === want.epoch) return;
    const w = this.#window;
    const have = w ? { start: w.start, count: w.count, epoch: this.#windowEpoch } : null;
    const plan = planFetch(want.first, want.count, want.total, want.epoch, have, MARGIN_ROWS, SLACK_ROWS);
    if (!plan) return;
    const key = `${plan.start}+${plan.count}@${plan.epoch}`;
    if (key === this.#short) return;
    this.#inflight = plan;
    try {
      const rows = await this.#fetch(plan.start, plan.count);
      if (plan.epoch >= this.#windowEpoch) {
        this.#window = rows;
        this.#windowEpoch = plan.epoch;
        this.#error = null;
        this.#short = rows.count < plan.count ? key : null;
      }
    } catch (e) {
      this.#error = e instanceof Error ? e.message : String(e);
      this.#short = key; // do not hammer a failing request; a new viewport or epoch retries
    } finally {
      if (this.#inflight === plan) this.#inflight = null;
    }
    void this.#pump();
  }
}
