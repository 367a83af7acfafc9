// Starts the capture worker's helper (pages.worker.ts), which makes the index pass's large buffers
// resident on the other core (memory/page-source.ts), and gives the session its side of it.
import { PagePool } from './memory/page-pool.ts';
import { NO_PAGES, type PageSource } from './memory/page-source.ts';

/** The helper, where a worker may start one (nested workers: Chromium, Firefox, Safari 15.5+);
 *  without it every array is allocated in the capture worker, as in Node. A helper that fails to
 *  load sends nothing, which is the same. */
export function startPageHelper(): PageSource {
  if (typeof Worker !== 'function') return NO_PAGES;
  try {
    return new PagePool(new Worker(new URL('./pages.worker.ts', import.meta.url), { type: 'module', name: 'decapod-pages' }));
  } catch {
    return NO_PAGES;
  }
}
