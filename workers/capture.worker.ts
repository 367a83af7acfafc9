// The capture engine's Web Worker: exposes the CaptureApi and nothing else, and warms the engine up
// (warm-up.ts) while the page waits for a capture.
import { expose } from 'comlink';
import { warmUp } from './warm-up.ts';
import { createWorkerApi } from './worker-api.ts';

expose(createWorkerApi(undefined, warmUp));
performance.mark('engine:loaded');
