// How the capture is shown: which columns and how wide, the time format and precision, and the
// sizes of the panes. Kept in localStorage (a view preference, not a profile: profiles with Decode
// As rules and colouring rules live in IndexedDB, src/lib/profiles/).

import { COLUMNS, COLUMN_BY_ID, MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH, type ColumnDef, type ColumnId } from '../format/columns.ts';
import { TIME_FORMATS, type Precision, type TimeFormat } from '../format/time.ts';
import { browserStorage, readStored, writeStored } from './stored.ts';

export type PrecisionSetting = 'auto' | Precision;

const STORAGE_KEY = 'decapod.view.v1';

interface Saved {
  visible: ColumnId[];
  widths: Partial<Record<ColumnId, number>>;
  timeFormat: TimeFormat;
  precision: PrecisionSetting;
  listSize: number;
  detailsSize: number;
}

const clampFraction = (v: number, lo = 0.12, hi = 0.88): number => Math.min(hi, Math.max(lo, v));

function defaults(): Saved {
  return {
    visible: COLUMNS.filter((c) => c.defaultVisible).map((c) => c.id),
    widths: {},
    timeFormat: 'relative',
    precision: 'auto',
    listSize: 0.55,
    detailsSize: 0.56,
  };
}

/** Read saved settings, keeping only what is valid (an old or hand-edited entry must not break the app). */
export function parseSaved(text: string | null): Saved {
  const d = defaults();
  if (!text) return d;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return d;
  }
  if (typeof raw !== 'object' || raw === null) return d;
  const o = raw as Record<string, unknown>;
  const out = d;
  if (Array.isArray(o.visible)) {
    const ids = o.visible.filter((v): v is ColumnId => typeof v === 'string' && v in COLUMN_BY_ID);
    // the base columns always show
    out.visible = COLUMNS.filter((c) => !c.optional || ids.includes(c.id)).map((c) => c.id);
  }
  if (typeof o.widths === 'object' && o.widths !== null) {
    for (const [k, v] of Object.entries(o.widths as Record<string, unknown>)) {
      if (k in COLUMN_BY_ID && typeof v === 'number' && Number.isFinite(v)) out.widths[k as ColumnId] = Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, Math.round(v)));
    }
  }
  if (typeof o.timeFormat === 'string' && TIME_FORMATS.some((f) => f.id === o.timeFormat)) out.timeFormat = o.timeFormat as TimeFormat;
  if (o.precision === 'auto' || o.precision === 6 || o.precision === 9) out.precision = o.precision;
  if (typeof o.listSize === 'number' && Number.isFinite(o.listSize)) out.listSize = clampFraction(o.listSize);
  if (typeof o.detailsSize === 'number' && Number.isFinite(o.detailsSize)) out.detailsSize = clampFraction(o.detailsSize);
  return out;
}

export class ViewSettings {
  readonly #storage: Storage | null;
  #visible = $state.raw<ReadonlySet<ColumnId>>(new Set());
  #widths = $state.raw<Partial<Record<ColumnId, number>>>({});
  #timeFormat = $state<TimeFormat>('relative');
  #precision = $state<PrecisionSetting>('auto');
  #listSize = $state(0.55);
  #detailsSize = $state(0.56);

  /** Visible columns in display order. */
  readonly columns: readonly ColumnDef[] = $derived(COLUMNS.filter((c) => this.#visible.has(c.id)));

  constructor(storage: Storage | null = browserStorage()) {
    this.#storage = storage;
    this.#load(parseSaved(readStored(storage, STORAGE_KEY)));
  }

  #load(s: Saved): void {
    this.#visible = new Set(s.visible);
    this.#widths = s.widths;
    this.#timeFormat = s.timeFormat;
    this.#precision = s.precision;
    this.#listSize = s.listSize;
    this.#detailsSize = s.detailsSize;
  }

  #save(): void {
    const s: Saved = {
      visible: COLUMNS.filter((c) => this.#visible.has(c.id)).map((c) => c.id),
      widths: this.#widths,
      timeFormat: this.#timeFormat,
      precision: this.#precision,
      listSize: this.#listSize,
      detailsSize: this.#detailsSize,
    };
    // refused (quota, privacy mode): the settings stay in memory
    writeStored(this.#storage, STORAGE_KEY, JSON.stringify(s));
  }

  get timeFormat(): TimeFormat {
    return this.#timeFormat;
  }
  get precision(): PrecisionSetting {
    return this.#precision;
  }
  /** Fraction of the main area's height given to the packet list. */
  get listSize(): number {
    return this.#listSize;
  }
  /** Fraction of the lower area's width given to the details tree (the rest to the bytes). */
  get detailsSize(): number {
    return this.#detailsSize;
  }

  isVisible(id: ColumnId): boolean {
    return this.#visible.has(id);
  }

  width(id: ColumnId): number {
    return this.#widths[id] ?? COLUMN_BY_ID[id].width;
  }

  /** CSS grid-template-columns for the visible columns: Info takes what is left of the row. */
  readonly template: string = $derived(this.columns.map((c) => (c.id === 'info' ? `minmax(${this.width(c.id)}px, 1fr)` : `${this.width(c.id)}px`)).join(' '));

  /** Width of the row when no column stretches, px. */
  readonly minRowWidth: number = $derived(this.columns.reduce((s, c) => s + this.width(c.id), 0));

  toggleColumn(id: ColumnId): void {
    if (!COLUMN_BY_ID[id].optional) return;
    const next = new Set(this.#visible);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    this.#visible = next;
    this.#save();
  }

  setWidth(id: ColumnId, px: number): void {
    const w = Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, Math.round(px)));
    if (this.#widths[id] === w) return;
    this.#widths = { ...this.#widths, [id]: w };
    this.#save();
  }

  setTimeFormat(f: TimeFormat): void {
    this.#timeFormat = f;
    this.#save();
  }

  setPrecision(p: PrecisionSetting): void {
    this.#precision = p;
    this.#save();
  }

  setListSize(f: number): void {
    this.#listSize = clampFraction(f);
    this.#save();
  }

  setDetailsSize(f: number): void {
    this.#detailsSize = clampFraction(f);
    this.#save();
  }

  reset(): void {
    this.#load(defaults());
    this.#save();
  }
}
