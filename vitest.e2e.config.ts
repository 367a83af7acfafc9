// The UI's tests that need Svelte or a browser (`npm run test:e2e`):
//  - `ui`: the class stores in src/lib/state/*.svelte.ts against a fake engine, in Node, compiled
//    by the Svelte plugin (test/src/**/*.spec.ts; the plain logic tests are test/src/**/*.test.ts
//    and run with the Node tests of vitest.config.ts);
//  - `e2e`: test/e2e/setup.ts builds the app and serves it with `vite preview` on a free localhost
//    port; each spec drives Debian's Chromium through playwright-core. Files run one at a time
//    (one browser each): the 1M-packet test wants the machine to itself.
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [svelte()],
        test: {
          name: 'ui',
          include: ['test/src/**/*.spec.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.spec.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
