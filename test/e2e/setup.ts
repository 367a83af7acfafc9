// Global setup of the e2e project: a production build of the app served by `vite preview` on a
// free localhost port (the URL reaches the specs through `inject('baseURL')`). Set
// DECAPOD_E2E_URL to test a server that is already running (a dev server, a deployment) instead.

import { createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

const REPO = fileURLToPath(new URL('../../', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env.DECAPOD_E2E_URL;
  if (given) {
    project.provide('baseURL', given);
    return async () => {};
  }
  const { build, preview } = await import('vite');
  const outDir = mkdtempSync(join(tmpdir(), 'decapod-e2e-dist-'));
  let server: Awaited<ReturnType<typeof preview>>;
  try {
    await build({ root: REPO, logLevel: 'warn', build: { outDir, emptyOutDir: true, sourcemap: false, minify: process.env.DECAPOD_NO_MINIFY ? false : undefined, rolldownOptions: { checks: { bundlerTimings: false } } } });
    const port = await freePort();
    server = await preview({ root: REPO, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port, strictPort: true, open: false } });
  } catch (e) {
    rmSync(outDir, { recursive: true, force: true });
    throw e;
  }
  const port = (server.httpServer.address() as { port: number }).port;
  project.provide('baseURL', `http://127.0.0.1:${port}/`);
  return async () => {
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  };
}
