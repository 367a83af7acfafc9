// The capture session as the UI sees it: the one owner of the engine (the Web Worker behind a
// Comlink proxy), and the reactive facts about the open capture — file names and reports, packet
// and displayed counts, load progress, sort, filter, Decode As rules, and the notices to show.
//
// `epoch` counts changes of the displayed list that invalidate rows already fetched (end of a load,
// sort, filter, Decode As). While a file loads, rows are only appended, so the count grows and the
// epoch stays: rows on screen stay valid and the first screen shows before indexing ends.
//
// The first screen is asked for as soon as the engine reports the first bytes read, before it has
// counted a packet (#askHead): the worker answers requests between chunks of its index pass, so a
// request that waited for the first count would be answered a chunk later. It asks for the rows the
// list shows (setScreenRows), and while it is on its way the count stays 0, so that the list draws
// its first rows once, with their data, rather than empty first (a render the answer waited for).

import * as Comlink from 'comlink';
import { markOnce, resetMarks } from './marks.ts';
import type { CaptureApi, ColoringFilter, FilterCheck, CustomColumn, DecodeAsRule, DecodeAsSuggestion, DecodeAsTables, FileReport, LoadProgress, OpenResult, PacketDetails, RowWindow, SortKey } from '../../../workers/api.ts';

/** The engine behind the API: a worker in the app, an in-process fake in unit tests. */
export interface Engine {
  api: CaptureApi;
  terminate(): void;
}

export type EngineFactory = (onCrash: (message: string) => void) => Engine;

/** The real engine: workers/capture.worker.ts in a module Web Worker. */
export const workerEngine: EngineFactory = (onCrash) => {
  const worker = new Worker(new URL('../../../workers/capture.worker.ts', import.meta.url), { type: 'module', name: 'decapod-engine' });
  worker.addEventListener('error', (e) => onCrash(e.message || 'the capture engine failed to start'));
  worker.addEventListener('messageerror', () => onCrash('a message from the capture engine could not be read'));
  const remote = Comlink.wrap<CaptureApi>(worker);
  return {
    // Remote<CaptureApi> has the same shape (every method already returns a Promise)
    api: remote as unknown as CaptureApi,
    terminate() {
      remote[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
};

export interface Notice {
  id: number;
  kind: 'error' | 'warning' | 'info';
  text: string;
}

export interface SortState {
  key: SortKey;
  descending: boolean;
}

const UNSORTED: SortState = { key: 'frame', descending: false };

/**
 * Rows of the first screen asked for early, at most (more than a tall window's list shows, with
 * slack); the list tells how many it shows (setScreenRows), and only those are asked for.
 */
export const HEAD_ROWS = 400;
/** The longest progress reports wait for the early first screen before they raise the count. */
export const HEAD_HOLD_MS = 250;
/** Pause before asking again when the engine had no packet yet. */
const HEAD_RETRY_MS = 16;

/** The first `count` rows of a window that starts at 0 (every key listed: a new one fails to compile). */
function headOf(w: RowWindow, count: number): RowWindow {
  if (count >= w.count) return w;
  const n = count;
  const head: { [K in keyof Required<RowWindow>]: RowWindow[K] } = {
    start: 0,
    count: n,
    frame: w.frame.slice(0, n),
    sec: w.sec.slice(0, n),
    nsec: w.nsec.slice(0, n),
    delta: w.delta.slice(0, n),
    length: w.length.slice(0, n),
    status: w.status.slice(0, n),
    vni: w.vni.slice(0, n),
    srcPort: w.srcPort.slice(0, n),
    dstPort: w.dstPort.slice(0, n),
    src: w.src.slice(0, n),
    dst: w.dst.slice(0, n),
    outerSrc: w.outerSrc.slice(0, n),
    outerDst: w.outerDst.slice(0, n),
    protocol: w.protocol.slice(0, n),
    info: w.info.slice(0, n),
    color: w.color.slice(0, n),
    custom: w.custom.map((c) => c.slice(0, n)),
    colorRule: w.colorRule?.slice(0, n),
  };
  return head;
}

/** Wireshark's header-click cycle: ascending, descending, back to capture order. */
export function nextSort(current: SortState, key: SortKey): SortState {
  if (current.key !== key) return { key, descending: false };
  if (!current.descending) return { key, descending: true };
  return UNSORTED;
}

function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}

export class CaptureSession {
  readonly #makeEngine: EngineFactory;
  #engine: Engine | null = null;

  #names = $state.raw<string[]>([]);
  #files = $state.raw<FileReport[]>([]);
  #packets = $state(0);
  #displayed = $state(0);
  #loading = $state(false);
  #progress = $state.raw<LoadProgress | null>(null);
  #loadMs = $state<number | null>(null);
  #firstSec = $state(0);
  #firstNsec = $state(0);
  #epoch = $state(0);
  #busy = $state('');
  #notices = $state.raw<Notice[]>([]);
  #suggestions = $state.raw<DecodeAsSuggestion[]>([]);
  #rules = $state.raw<DecodeAsRule[]>([]);
  #sort = $state.raw<SortState>(UNSORTED);
  #filter = $state('');
  #filterError = $state<string | null>(null);
  /** The profile's colouring rules, sent again to each new engine. */
  #coloring: ColoringFilter[] = [];

  /** Bumped by each open: answers (and progress) of an older open are dropped. */
  #generation = 0;
  #noticeId = 0;
  /** The zero of relative times is known for this load. */
  #firstKnown = false;
  /** The open (or Decode As) in progress; sort and filter wait for it. */
  #pending: Promise<void> = Promise.resolve();
  /** The custom columns the packet list last asked for, which the early first screen asks for too. */
  #custom: CustomColumn[] | undefined;
  /** The early first screen of the load in progress, asked or answered (valid while the epoch stays). */
  #head: { epoch: number; custom: string; rows: Promise<RowWindow>; size: number; asked: number; count: number | null } | null = null;
  /** Rows the packet list shows on its first screen (with its margin). */
  #screenRows = HEAD_ROWS;

  constructor(makeEngine: EngineFactory = workerEngine) {
    this.#makeEngine = makeEngine;
  }

  get names(): readonly string[] {
    return this.#names;
  }
  get files(): readonly FileReport[] {
    return this.#files;
  }
  get packets(): number {
    return this.#packets;
  }
  get displayed(): number {
    return this.#displayed;
  }
  get loading(): boolean {
    return this.#loading;
  }
  get progress(): LoadProgress | null {
    return this.#progress;
  }
  get loadMs(): number | null {
    return this.#loadMs;
  }
  get firstSec(): number {
    return this.#firstSec;
  }
  get firstNsec(): number {
    return this.#firstNsec;
  }
  get epoch(): number {
    return this.#epoch;
  }
  /** What the engine is doing besides loading (`Sorting…`), '' when idle. */
  get busy(): string {
    return this.#busy;
  }
  get notices(): readonly Notice[] {
    return this.#notices;
  }
  get suggestions(): readonly DecodeAsSuggestion[] {
    return this.#suggestions;
  }
  get rules(): readonly DecodeAsRule[] {
    return this.#rules;
  }
  get sort(): SortState {
    return this.#sort;
  }
  get filter(): string {
    return this.#filter;
  }
  get filterError(): string | null {
    return this.#filterError;
  }
  get hasCapture(): boolean {
    return this.#names.length > 0;
  }

  #api(): CaptureApi {
    if (!this.#engine) this.#engine = this.#makeEngine((message) => this.#crashed(message));
    return this.#engine.api;
  }

  #crashed(message: string): void {
    this.#engine?.terminate();
    this.#engine = null;
    this.#generation++;
    this.#loading = false;
    this.#progress = null;
    this.#busy = '';
    this.notify('error', `The capture engine stopped: ${message}. Open the files again to continue.`);
  }

  notify(kind: Notice['kind'], text: string): void {
    this.#notices = [...this.#notices, { id: ++this.#noticeId, kind, text }];
  }

  dismiss(id: number): void {
    this.#notices = this.#notices.filter((n) => n.id !== id);
  }

  /**
   * Open and index files (several are merged by time). File objects go to the worker, which reads
   * them in slices; nothing is read on this thread. Opening while a load runs cancels that load.
   */
  open(files: readonly File[]): Promise<void> {
    const list = [...files];
    if (list.length === 0) return Promise.resolve();
    if (this.#loading && this.#engine) {
      // the worker is busy with the old files: a fresh one is quicker than waiting
      this.#engine.terminate();
      this.#engine = null;
      this.#sort = UNSORTED;
      this.#filter = '';
    }
    resetMarks();
    markOnce('open');
    const gen = ++this.#generation;
    const names = list.map((f) => f.name);
    const bytesTotal = list.reduce((s, f) => s + f.size, 0);
    this.#names = names;
    this.#files = [];
    this.#packets = 0;
    this.#displayed = 0;
    this.#loadMs = null;
    this.#firstKnown = false;
    this.#loading = true;
    this.#progress = { bytesDone: 0, bytesTotal, packets: 0, file: names[0] ?? '' };
    this.#suggestions = [];
    this.#notices = this.#notices.filter((n) => n.kind === 'info');
    this.#epoch++;
    this.#head = null;
    const onProgress = Comlink.proxy((p: LoadProgress) => {
      if (gen !== this.#generation) return;
      markOnce('progress');
      if (p.packets > 0) markOnce('progress-packets');
      this.#progress = p;
      // bytes read, no packet counted yet: ask for the first screen now (see #askHead)
      if (p.packets === 0 && p.bytesDone > 0 && this.#packets === 0) this.#askHead(gen);
      // rows are appended while loading, never reordered: no epoch change
      if (!this.#awaitingHead()) this.#count(p.packets);
    });
    const run = (async () => {
      try {
        const api = this.#api();
        if (this.#coloring.length > 0) void api.setColoringRules([...this.#coloring]).catch(() => undefined);
        const result = await api.open(list, names, [...this.#rules], onProgress);
        if (gen !== this.#generation) return;
        this.#accept(result);
        for (const f of result.files) if (f.error) this.notify('error', `${f.name}: ${f.error}`);
        if (result.packets === 0 && result.files.every((f) => !f.error)) this.notify('info', `${names.join(', ')}: the capture holds no packets.`);
      } catch (e) {
        if (gen !== this.#generation) return;
        this.notify('error', `Could not open ${names.join(', ')}: ${messageOf(e)}`);
      } finally {
        if (gen === this.#generation) {
          this.#loading = false;
          this.#progress = null;
        }
      }
    })();
    this.#pending = run;
    return run;
  }

  /** Fetch public/sample.pcap and open it. */
  async openSample(url = 'sample.pcap'): Promise<void> {
    try {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`);
      const blob = await res.blob();
      await this.open([new File([blob], 'sample.pcap', { type: 'application/vnd.tcpdump.pcap' })]);
    } catch (e) {
      this.notify('error', `Could not load the sample capture: ${messageOf(e)}`);
    }
  }

  /**
   * How many rows the packet list shows on its first screen: the early first screen asks for those
   * (at most HEAD_ROWS), which the engine dissects in full for their Info column.
   */
  setScreenRows(rows: number): void {
    if (Number.isFinite(rows) && rows >= 1) this.#screenRows = Math.min(HEAD_ROWS, Math.ceil(rows));
  }

  /** Packets counted so far while loading (the count only grows). */
  #count(n: number): void {
    if (n <= this.#packets) return;
    this.#packets = n;
    this.#displayed = n;
  }

  /** The early first screen is on its way (for at most HEAD_HOLD_MS): progress does not count yet. */
  #awaitingHead(): boolean {
    const h = this.#head;
    return h !== null && h.count === null && performance.now() - h.asked < HEAD_HOLD_MS;
  }

  /**
   * The first row's time, seen while a file still loads (the OpenResult brings the final one):
   * relative times are right from the first screen instead of jumping when the load ends.
   */
  noteFirstTime(sec: number, nsec: number): void {
    if (this.#loading) markOnce('list-rows');
    if (!this.#loading || this.#firstKnown || Number.isNaN(sec)) return;
    this.#firstSec = sec;
    this.#firstNsec = nsec;
    this.#firstKnown = true;
  }

  /**
   * Ask the engine for the first rows while it indexes. The request is queued behind the chunk
   * being indexed and answered with the rows indexed by then; the count goes up to what the answer
   * shows (the packets are indexed, the progress report just has not said so yet), and the list's
   * first request is served from it, or joins it while it is on its way (see getRows). An empty
   * answer (the request overtook the first chunk's packets) is asked again shortly, until the
   * engine counts packets itself.
   */
  #askHead(gen: number): void {
    if (this.#head !== null) return;
    const epoch = this.#epoch;
    const custom = this.#custom;
    markOnce('head-asked');
    const size = this.#screenRows;
    const head = { epoch, custom: JSON.stringify(custom ?? []), rows: this.#api().getRows(0, size, custom), size, asked: performance.now(), count: null as number | null };
    this.#head = head;
    // what progress reported meanwhile counts now
    const counted = (n: number): void => this.#count(Math.max(n, this.#progress?.packets ?? 0));
    head.rows.then(
      (w) => {
        if (gen !== this.#generation || this.#head !== head) return;
        markOnce(w.count > 0 ? 'head-rows' : 'head-empty');
        if (!this.#loading || epoch !== this.#epoch) {
          this.#head = null;
          return;
        }
        if (w.count === 0) {
          this.#head = null;
          counted(0);
          setTimeout(() => {
            if (gen === this.#generation && this.#loading && this.#packets === 0) this.#askHead(gen);
          }, HEAD_RETRY_MS);
          return;
        }
        head.count = w.count;
        counted(w.count);
      },
      () => {
        if (this.#head !== head) return;
        this.#head = null;
        if (gen === this.#generation) counted(0);
      },
    );
  }

  #accept(r: OpenResult): void {
    this.#head = null;
    this.#firstKnown = true;
    this.#files = r.files;
    this.#packets = r.packets;
    this.#displayed = r.displayed;
    this.#firstSec = r.firstSec;
    this.#firstNsec = r.firstNsec;
    this.#loadMs = r.loadMs;
    this.#suggestions = r.suggestions;
    this.#epoch++;
  }

  /** A window of displayed rows, with the values of custom columns when asked for. */
  getRows(start: number, count: number, custom?: CustomColumn[]): Promise<RowWindow> {
    const cols = custom && custom.length > 0 ? custom : undefined;
    // the packet list passes its custom columns (maybe none); the selection passes nothing
    if (custom !== undefined) this.#custom = cols;
    if (custom !== undefined && this.#loading) markOnce('list-asked');
    const h = this.#head;
    if (h && start === 0 && count <= h.size && h.epoch === this.#epoch && this.#loading && h.custom === JSON.stringify(cols ?? [])) {
      // the early first screen, answered or on its way: a shorter answer than needed asks again
      if (h.count === null || count <= h.count) return h.rows.then((w) => (count <= w.count ? headOf(w, count) : this.#api().getRows(start, count, cols)));
    }
    return this.#api().getRows(start, count, cols);
  }

  /** What the Decode As dialog offers: the engine's protocols and built-in bindings. */
  decodeAsTables(): Promise<DecodeAsTables> {
    return this.#api().decodeAsTables();
  }

  /** The worker's check of a display filter as it is typed: message and position of the problem. */
  checkFilterAt(expr: string): Promise<FilterCheck> {
    return this.#api().checkFilter(expr);
  }

  /** Registered field names starting with `prefix` (filter completion). */
  fieldNames(prefix: string, limit: number): Promise<{ name: string; label: string }[]> {
    return this.#api().fieldNames(prefix, limit);
  }

  /** A display filter's error, or null when it compiles (the profile editor's check). */
  async checkFilter(expr: string): Promise<string | null> {
    const r = await this.#api().checkFilter(expr);
    return r.ok ? null : (r.error ?? 'the filter does not parse');
  }

  /**
   * The profile's colouring rules: rows then carry the index of the first that matches
   * (RowWindow.colorRule). Answers each rule's filter error, or null. Rows already fetched are
   * dropped (epoch), so that the list repaints with the new colours.
   */
  async setColoringRules(rules: readonly ColoringFilter[]): Promise<(string | null)[]> {
    this.#coloring = rules.map((r) => ({ filter: r.filter, disabled: r.disabled === true }));
    await this.#pending;
    try {
      const errors = await this.#api().setColoringRules([...this.#coloring]);
      this.#epoch++;
      return errors;
    } catch (e) {
      this.notify('error', `The coloring rules could not be applied: ${messageOf(e)}`);
      return rules.map(() => null);
    }
  }

  getDetails(frame: number): Promise<PacketDetails> {
    return this.#api().getDetails(frame);
  }

  positionOf(frame: number): Promise<number> {
    return this.#api().positionOf(frame);
  }

  /** Click on a column header: cycle its sort (after any load in progress). */
  async sortBy(key: SortKey): Promise<void> {
    await this.#pending;
    const next = nextSort(this.#sort, key);
    await this.#run('Sorting…', async () => {
      await this.#api().sort(next.key, next.descending);
      this.#sort = next;
      this.#epoch++;
    });
  }

  /** Apply a display filter ('' clears it). Returns false when it does not parse. */
  async applyFilter(expr: string): Promise<boolean> {
    await this.#pending;
    let ok = true;
    await this.#run('Filtering…', async () => {
      const r = await this.#api().applyFilter(expr);
      if (!r.ok) {
        ok = false;
        this.#filterError = r.error ?? 'The filter does not parse';
        return;
      }
      this.#filter = expr.trim();
      this.#filterError = null;
      this.#displayed = r.displayed;
      this.#epoch++;
    });
    return ok;
  }

  /** Replace the Decode As rules and re-index. */
  async setDecodeAs(rules: readonly DecodeAsRule[]): Promise<void> {
    await this.#pending;
    this.#rules = [...rules];
    if (!this.hasCapture) return;
    const gen = this.#generation;
    const run = this.#run('Dissecting again…', async () => {
      this.#loading = true;
      try {
        const r = await this.#api().setDecodeAs([...rules]);
        if (gen === this.#generation) this.#accept(r);
      } finally {
        if (gen === this.#generation) this.#loading = false;
      }
    });
    this.#pending = run;
    await run;
  }

  /** Accept a Decode As suggestion (UDP port → VXLAN / Geneve). */
  acceptSuggestion(s: DecodeAsSuggestion): Promise<void> {
    const rest = this.#rules.filter((r) => !(r.table === s.table && r.value === s.value));
    return this.setDecodeAs([...rest, { table: s.table, value: s.value, proto: s.proto }]);
  }

  async #run(what: string, job: () => Promise<void>): Promise<void> {
    const gen = this.#generation;
    this.#busy = what;
    try {
      await job();
    } catch (e) {
      if (gen === this.#generation) this.notify('error', `${what.replace(/…$/, '')} failed: ${messageOf(e)}`);
    } finally {
      if (gen === this.#generation) this.#busy = '';
    }
  }

  /** Stop the engine (tests, page unload). */
  dispose(): void {
    this.#generation++;
    this.#engine?.terminate();
    this.#engine = null;
  }
}
