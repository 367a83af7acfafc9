import { defineConfig } from 'vitest/config';

// Unit, golden and property tests (Node). End-to-end browser tests have their own config.
export default defineConfig({
  test: {
    include: ['test/workers/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/src/**/*.test.ts', 'test/golden/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
  },
});
