// Ambient types for the installable app: vite-plugin-pwa's `virtual:pwa-register` module, and the
// browser APIs that TypeScript's DOM library does not describe yet (Chromium only for now).
/// <reference types="vite-plugin-pwa/vanillajs" />

/**
 * Web App Launch Handler API (https://wicg.github.io/web-app-launch/): files the operating system
 * hands to an installed app whose manifest lists them in `file_handlers`.
 */
interface LaunchParams {
  readonly targetURL?: string | null;
  readonly files: readonly FileSystemHandle[];
}

interface LaunchQueue {
  setConsumer(consumer: (params: LaunchParams) => unknown): void;
}

/** `beforeinstallprompt` (Chromium): the browser would offer to install the app. */
interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed'; platform: string }>;
}

interface Window {
  readonly launchQueue?: LaunchQueue;
}

interface WindowEventMap {
  beforeinstallprompt: BeforeInstallPromptEvent;
}
