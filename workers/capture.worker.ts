// The capture engine's Web Worker: exposes the CaptureApi and nothing else.
import { expose } from 'comlink';
import { createWorkerApi } from './worker-api.ts';

expose(createWorkerApi());
performance.mark('engine:loaded');
