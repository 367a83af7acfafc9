// The capture worker's helper: makes the zeroed, resident buffers the index pass orders
// (memory/page-maker.ts), on the other core, so that the index pass does not take their page faults.
import { servePages, type MakerPort } from './memory/page-maker.ts';

// a dedicated worker's global scope (typed as the page's Window where the DOM library is loaded)
servePages(self as unknown as MakerPort);
