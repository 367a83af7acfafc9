// The service worker's life as the UI sees it (vite-plugin-pwa, registerType 'prompt'):
//  - offlineReady: the first install finished, everything is cached, the app now starts offline;
//  - needRefresh: a new version is installed and waiting. It does not take over the open page by
//    itself (a reload under a person's feet would drop the capture they are reading); it waits
//    until they press Reload here, or until every Decapod tab is closed.
// The registration function is injected, so that tests drive this class without a browser.

import type { RegisterSWOptions } from 'vite-plugin-pwa/types';

/** `registerSW` of `virtual:pwa-register`: registers, returns the function that applies an update. */
export type RegisterSW = (options: RegisterSWOptions) => (reloadPage?: boolean) => Promise<void>;

/** How often an open tab asks the server whether a new version is out (the browser also checks on each visit). */
export const UPDATE_CHECK_MS = 60 * 60 * 1000;

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export class AppUpdate {
  #needRefresh = $state(false);
  #offlineReady = $state(false);
  #reloading = $state(false);
  #error = $state<string | null>(null);
  readonly #apply: (reloadPage?: boolean) => Promise<void>;
  #timer: ReturnType<typeof setInterval> | null = null;

  constructor(register: RegisterSW, checkEveryMs = UPDATE_CHECK_MS) {
    this.#apply = register({
      onNeedRefresh: () => {
        this.#needRefresh = true;
        this.#offlineReady = false;
      },
      onOfflineReady: () => {
        this.#offlineReady = true;
      },
      onRegisteredSW: (_url, registration) => {
        if (registration && checkEveryMs > 0) this.#timer = setInterval(() => void this.#check(registration), checkEveryMs);
      },
      onRegisterError: (e: unknown) => {
        // no service worker (a private window that forbids it, an http:// host): the app still
        // works while the page is open, only not offline
        this.#error = messageOf(e);
      },
    });
  }

  /** A new version is installed and waits for the person's go-ahead. */
  get needRefresh(): boolean {
    return this.#needRefresh;
  }
  /** The app is cached and will start without a network. */
  get offlineReady(): boolean {
    return this.#offlineReady;
  }
  /** Reload was pressed: the new version is taking over. */
  get reloading(): boolean {
    return this.#reloading;
  }
  /** Why the service worker could not be registered, or null. */
  get error(): string | null {
    return this.#error;
  }

  /** Let the waiting version take over; the page reloads when it controls it. */
  async reload(): Promise<void> {
    this.#reloading = true;
    try {
      await this.#apply(true);
    } catch (e) {
      this.#reloading = false;
      this.#error = messageOf(e);
    }
  }

  /** Hide the offer for now: the new version starts the next time every Decapod tab is closed. */
  later(): void {
    this.#needRefresh = false;
  }

  dismissOfflineReady(): void {
    this.#offlineReady = false;
  }

  async #check(registration: ServiceWorkerRegistration): Promise<void> {
    // offline, or a new version already downloading: nothing to ask
    if (registration.installing || (typeof navigator !== 'undefined' && !navigator.onLine)) return;
    try {
      await registration.update();
    } catch {
      // the server is out of reach: try again at the next tick
    }
  }

  dispose(): void {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
  }
}
