// Vite builds the app: src/ on the main thread, workers/capture.worker.ts as a module Web Worker.
// (Tests: vitest.config.ts runs the Node tests, vitest.e2e.config.ts the UI state and browser tests.)
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  plugins: [svelte()],
  // Relative asset URLs: the built app works from any sub-path (GitHub Pages, a file share).
  base: './',
  build: {
    target: 'es2022',
    sourcemap: true,
  },
  worker: {
    // Module workers: the engine is ES modules and may split chunks (IIFE workers cannot).
    format: 'es',
  },
});
