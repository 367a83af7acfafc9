// Vite builds the app: src/ on the main thread, workers/capture.worker.ts as a module Web Worker.
// (Tests: vitest.config.ts runs the Node tests, vitest.e2e.config.ts the UI state and browser tests.)
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  plugins: [
    svelte(),
    // The installable, offline app (README: "Deploying Decapod for a team"): a web app manifest, and a service worker made
    // by Workbox that precaches everything the app needs — shell, engine worker, icons, the sample
    // capture — and nothing else: no runtime caching, no request to another origin.
    VitePWA({
      // a new version waits until the person chooses to reload (src/lib/pwa/app-update.svelte.ts)
      registerType: 'prompt',
      // src/lib/pwa/register.ts imports virtual:pwa-register: no inline script is injected (CSP)
      injectRegister: false,
      manifest: {
        id: './',
        name: 'Decapod — packet capture viewer',
        short_name: 'Decapod',
        description: 'A packet capture viewer that runs entirely in the browser: pcap and pcapng, VXLAN and Geneve inner frames, Wireshark display filters. Captures never leave the machine.',
        lang: 'en',
        start_url: './',
        scope: './',
        display: 'standalone',
        // the toolbar's colours (src/app.css), light theme; index.html's <meta name="theme-color"> follows the system theme
        theme_color: '#eef0f3',
        background_color: '#f6f7f9',
        categories: ['developer', 'utilities'],
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
        // Opened from the file manager once installed (Chromium desktop): the files arrive through
        // window.launchQueue (src/lib/pwa/launch.ts). The gzip variants are listed under their
        // capture type rather than application/gzip, which would claim every .gz file; operating
        // systems that match only the last extension (Windows, macOS) do not offer them.
        file_handlers: [
          {
            action: './',
            accept: {
              'application/vnd.tcpdump.pcap': ['.pcap', '.cap', '.dmp', '.pcap.gz'],
              'application/x-pcapng': ['.pcapng', '.ntar', '.pcapng.gz'],
            },
          },
        ],
      },
      // the icons are in globPatterns already
      includeManifestIcons: false,
      workbox: {
        // Everything the app fetches lives in dist/ (the plugin adds the manifest); source maps
        // are left out (only devtools asks for them).
        globPatterns: ['**/*.{html,js,css,svg,png,pcap}'],
        // the service worker is a few lines of configuration: no map for it
        sourcemap: false,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        // Take control of the page on the first visit, so that an engine worker started later
        // (it starts with the first capture) already comes from the cache if the network has gone.
        // An update still waits for the person: no skipWaiting.
        clientsClaim: true,
        skipWaiting: false,
      },
    }),
  ],
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
