// Display filter bar state: the recent filters (kept in localStorage, newest first, like
// Wireshark's "recent display filters"), and the word at the cursor that field-name completion
// replaces. The filter itself is checked and applied by the worker (workers/filter).

import { browserStorage, readStored, writeStored } from './stored.ts';

const STORAGE_KEY = 'decapod.recentFilters.v1';
export const MAX_RECENT = 20;

/** Read a saved list, keeping only non-empty strings (a hand-edited entry must not break the bar). */
export function parseRecent(text: string | null): string[] {
  if (!text) return [];
  try {
    const raw: unknown = JSON.parse(text);
    if (!Array.isArray(raw)) return [];
    return raw.filter((s): s is string => typeof s === 'string' && s.trim() !== '').slice(0, MAX_RECENT);
  } catch {
    return [];
  }
}

export class RecentFilters {
  readonly #storage: Storage | null;
  #items = $state.raw<readonly string[]>([]);

  constructor(storage: Storage | null = browserStorage()) {
    this.#storage = storage;
    this.#items = parseRecent(readStored(storage, STORAGE_KEY));
  }

  get items(): readonly string[] {
    return this.#items;
  }

  /** Remember a filter that was applied: moved to the front, duplicates dropped. */
  add(expr: string): void {
    const e = expr.trim();
    if (e === '') return;
    this.#items = [e, ...this.#items.filter((x) => x !== e)].slice(0, MAX_RECENT);
    this.#save();
  }

  remove(expr: string): void {
    this.#items = this.#items.filter((x) => x !== expr);
    this.#save();
  }

  clear(): void {
    this.#items = [];
    this.#save();
  }

  #save(): void {
    // refused (quota, privacy mode): the list stays in memory
    writeStored(this.#storage, STORAGE_KEY, JSON.stringify(this.#items));
  }
}

/** The field-name-like word that ends at `cursor` (what completion replaces), or null. */
export function wordAt(text: string, cursor: number): { start: number; end: number; word: string } | null {
  let start = cursor;
  while (start > 0 && /[A-Za-z0-9_.-]/.test(text[start - 1] as string)) start--;
  const word = text.slice(start, cursor);
  // a field name starts with a letter; numbers, addresses and byte strings are not completed
  if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(word)) return null;
  let end = cursor;
  while (end < text.length && /[A-Za-z0-9_.-]/.test(text[end] as string)) end++;
  return { start, end, word };
}
