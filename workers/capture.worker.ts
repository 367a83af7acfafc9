// The capture engine's Web Worker: exposes the CaptureApi and nothing else, and warms the engine up
// (warm-up.ts) while the page waits for a capture. Its session takes the index pass's large arrays
// from a helper worker (page-helper.ts).
import { expose } from 'comlink';
import { warmUp } from './warm-up.ts';
import { createWorkerApi } from './worker-api.ts';
import { CaptureSession } from './session.ts';
import { startPageHelper } from './page-helper.ts';

expose(createWorkerApi(new CaptureSession(startPageHelper()), warmUp));
performance.mark('engine:loaded');
