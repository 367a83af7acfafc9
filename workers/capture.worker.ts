// The capture engine's Web Worker: exposes the CaptureApi and nothing else, and warms the engine up
// (warm-up.ts) while the page waits for a capture. Its session takes the index pass's large arrays
// from a helper worker that makes their pages resident on the other core (memory/page-source.ts).
import { expose } from 'comlink';
import { warmUp } from './warm-up.ts';
import { createWorkerApi } from './worker-api.ts';
import { CaptureSession } from './session.ts';
import { PagePool } from './memory/page-pool.ts';
import { NO_PAGES, type PageSource } from './memory/page-source.ts';

/** The helper, where a worker may start one (nested workers: Chromium, Firefox, Safari 15.5+);
 *  without it every array is allocated here, as in Node. A helper that fails to load sends nothing,
 *  which is the same. */
function pageHelper(): PageSource {
  if (typeof Worker !== 'function') return NO_PAGES;
  try {
    return new PagePool(new Worker(new URL('./pages.worker.ts', import.meta.url), { type: 'module', name: 'decapod-pages' }));
  } catch {
    return NO_PAGES;
  }
}

expose(createWorkerApi(new CaptureSession(pageHelper()), warmUp));
performance.mark('engine:loaded');
