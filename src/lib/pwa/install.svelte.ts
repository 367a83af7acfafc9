// The browser's offer to install the app (Chromium's `beforeinstallprompt`): kept, so that the
// app shows its own Install button where the browser would install, and nowhere else. Firefox and
// Safari never fire the event; they install from their own menus, if at all.
// https://developer.mozilla.org/docs/Web/API/BeforeInstallPromptEvent

export class InstallOffer {
  #event = $state.raw<BeforeInstallPromptEvent | null>(null);
  #dismissed = $state(false);
  #installed = $state(false);
  readonly #target: Window;
  readonly #onOffer = (e: BeforeInstallPromptEvent): void => {
    // keep the browser's mini-infobar away; the app offers it in its own words
    e.preventDefault();
    this.#event = e;
  };
  readonly #onInstalled = (): void => {
    this.#event = null;
    this.#installed = true;
  };

  constructor(target: Window = window) {
    this.#target = target;
    target.addEventListener('beforeinstallprompt', this.#onOffer);
    target.addEventListener('appinstalled', this.#onInstalled);
  }

  /** The browser would install the app now, and the person has not waved the offer away. */
  get available(): boolean {
    return this.#event !== null && !this.#dismissed;
  }
  get installed(): boolean {
    return this.#installed;
  }

  /** Show the browser's install dialog (it must follow a click). True when the person accepted. */
  async install(): Promise<boolean> {
    const e = this.#event;
    if (!e) return false;
    // an event can prompt once only
    this.#event = null;
    await e.prompt();
    const choice = await e.userChoice;
    return choice.outcome === 'accepted';
  }

  dismiss(): void {
    this.#dismissed = true;
  }

  dispose(): void {
    this.#target.removeEventListener('beforeinstallprompt', this.#onOffer);
    this.#target.removeEventListener('appinstalled', this.#onInstalled);
  }
}
