// The worker's side of the Comlink boundary: wraps a CaptureSession so that the typed arrays of
// each RowWindow are transferred, not copied. They are fresh arrays made for this call, so the
// worker never needs them again after the transfer (Perfetto writes such choices down; so do we).
// The details' byte arrays are copies (`slice()` in session.getDetails) and are transferred too.

import { transfer } from 'comlink';
import type { CaptureApi, PacketDetails, RowWindow } from './api.ts';
import { CaptureSession } from './session.ts';
import { readAfter } from './formats/read-gate.ts';

/**
 * Performance marks of an open's first moments (`engine:open`, the first progress reports, the
 * first row requests), which bench/browser.ts reads from the worker through the DevTools protocol
 * to show where the time to the first rows goes. A few per open; the previous open's are cleared.
 */
const MARKED = 4;
/** Progress reports after the first few (the first screen's) go to the page at most this often:
 *  each one is a status-bar update and a taller list for the page to lay out, and on two cores
 *  the page's work is taken from the index pass. */
const PROGRESS_EVERY_MS = 250;
const EARLY_REPORTS = 6;
let marks: string[] = [];
let progressMarks = 0;
let rowMarks = 0;

function mark(name: string, detail?: unknown): void {
  if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  marks.push(name);
  performance.mark(name, { detail });
}

function resetMarks(): void {
  for (const m of marks) performance.clearMarks(m);
  marks = [];
  progressMarks = 0;
  rowMarks = 0;
}

/**
 * The API over `session`. With `warm` (the worker passes warm-up.ts's warmUp), the engine warms up
 * at once; an open aborts the warm-up and starts when it has stopped (at its next chunk).
 */
export function createWorkerApi(session = new CaptureSession(), warm?: (signal: AbortSignal) => Promise<void>): CaptureApi {
  const stopWarming = new AbortController();
  // (its end is marked for the benchmark, and kept: it is not one of an open's marks)
  const warmed = (): void => void performance.mark?.('engine:warm', { detail: { stopped: stopWarming.signal.aborted } });
  const warming = warm ? warm(stopWarming.signal).then(warmed, () => undefined) : Promise.resolve();
  return {
    async open(files, names, rules, onProgress) {
      resetMarks();
      mark('engine:open');
      stopWarming.abort();
      await warming;
      let reports = 0;
      let last = 0;
      const r = await session.open(files, names, rules, (p) => {
        if (progressMarks < MARKED) mark(`engine:progress#${++progressMarks}`, { bytes: p.bytesDone, packets: p.packets });
        const t = performance.now();
        if (++reports > EARLY_REPORTS && t - last < PROGRESS_EVERY_MS) return;
        last = t;
        onProgress?.(p);
      });
      mark('engine:indexed', { residentBytes: r.residentBytes });
      return r;
    },
    setDecodeAs: (rules) => session.setDecodeAs(rules),
    async getRows(start, count, custom) {
      const n = rowMarks < MARKED ? ++rowMarks : 0;
      if (n) mark(`engine:rows#${n}:asked`, { start, count });
      // while a file loads, the index pass waits for this at its next chunk (formats/read-gate.ts)
      const w: RowWindow = await readAfter(session.getRows(start, count, custom));
      if (n) mark(`engine:rows#${n}:answered`, { start, count: w.count });
      const buffers = [w.frame.buffer, w.sec.buffer, w.nsec.buffer, w.delta.buffer, w.length.buffer, w.status.buffer, w.vni.buffer, w.srcPort.buffer, w.dstPort.buffer];
      if (w.colorRule) buffers.push(w.colorRule.buffer);
      return transfer(w, buffers);
    },
    async getDetails(frame) {
      const d: PacketDetails = await readAfter(session.getDetails(frame));
      return transfer(d, d.sources.map((s) => s.bytes.buffer as ArrayBuffer));
    },
    positionOf: (frame) => session.positionOf(frame),
    checkFilter: (expr) => session.checkFilter(expr),
    applyFilter: (expr) => session.applyFilter(expr),
    sort: (key, desc) => session.sort(key, desc),
    fieldNames: (prefix, limit) => session.fieldNames(prefix, limit),
    close: () => session.close(),
    decodeAsTables: () => session.decodeAsTables(),
    setColoringRules: (rules) => session.setColoringRules(rules),
  };
}
