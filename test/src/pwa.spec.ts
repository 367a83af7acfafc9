// The installable app's stores (src/lib/pwa) without a browser: the update offer driven by a fake
// `registerSW`, the install offer by a fake `beforeinstallprompt`, the launch queue by fake file
// handles. The real service worker is tested in test/e2e/offline.spec.ts.
import { describe, expect, it, vi } from 'vitest';
import type { RegisterSWOptions } from 'vite-plugin-pwa/types';
import { AppUpdate } from '../../src/lib/pwa/app-update.svelte.ts';
import { InstallOffer } from '../../src/lib/pwa/install.svelte.ts';
import { consumeLaunchQueue, launchFiles } from '../../src/lib/pwa/launch.ts';

function fakeRegister(): { register: (o: RegisterSWOptions) => (reload?: boolean) => Promise<void>; options: () => RegisterSWOptions; applied: boolean[] } {
  let opts: RegisterSWOptions | null = null;
  const applied: boolean[] = [];
  return {
    register(o) {
      opts = o;
      return async (reload) => {
        applied.push(reload ?? true);
      };
    },
    options() {
      if (!opts) throw new Error('registerSW was not called');
      return opts;
    },
    applied,
  };
}

describe('AppUpdate', () => {
  it('says when the app is ready offline, then offers a new version without applying it', async () => {
    const f = fakeRegister();
    const u = new AppUpdate(f.register, 0);
    expect(u.needRefresh).toBe(false);
    expect(u.offlineReady).toBe(false);
    f.options().onOfflineReady?.();
    expect(u.offlineReady).toBe(true);
    u.dismissOfflineReady();
    expect(u.offlineReady).toBe(false);

    f.options().onNeedRefresh?.();
    expect(u.needRefresh).toBe(true);
    // nothing happens until the person chooses
    expect(f.applied).toEqual([]);
    await u.reload();
    expect(u.reloading).toBe(true);
    expect(f.applied).toEqual([true]);
  });

  it('hides the offer on Later and keeps a registration error', () => {
    const f = fakeRegister();
    const u = new AppUpdate(f.register, 0);
    f.options().onNeedRefresh?.();
    u.later();
    expect(u.needRefresh).toBe(false);
    f.options().onRegisterError?.(new Error('SecurityError: insecure origin'));
    expect(u.error).toBe('SecurityError: insecure origin');
  });

  it('asks the server for a new version on a timer while online', async () => {
    vi.useFakeTimers();
    try {
      const f = fakeRegister();
      const u = new AppUpdate(f.register, 1000);
      const update = vi.fn(async () => undefined);
      f.options().onRegisteredSW?.('sw.js', { installing: null, update } as unknown as ServiceWorkerRegistration);
      await vi.advanceTimersByTimeAsync(3500);
      expect(update).toHaveBeenCalledTimes(3);
      u.dispose();
      await vi.advanceTimersByTimeAsync(3000);
      expect(update).toHaveBeenCalledTimes(3);
    } finally {
      vi.useRealTimers();
    }
  });
});

class FakeInstallEvent extends Event {
  prompted = 0;
  constructor(readonly outcome: 'accepted' | 'dismissed') {
    super('beforeinstallprompt', { cancelable: true });
  }
  async prompt(): Promise<void> {
    this.prompted++;
  }
  get userChoice(): Promise<{ outcome: 'accepted' | 'dismissed'; platform: string }> {
    return Promise.resolve({ outcome: this.outcome, platform: 'web' });
  }
}

describe('InstallOffer', () => {
  it('keeps the browser offer, prompts once on install, and forgets it when installed', async () => {
    const target = new EventTarget() as unknown as Window;
    const offer = new InstallOffer(target);
    expect(offer.available).toBe(false);
    const e = new FakeInstallEvent('accepted');
    target.dispatchEvent(e);
    expect(e.defaultPrevented).toBe(true);
    expect(offer.available).toBe(true);
    expect(await offer.install()).toBe(true);
    expect(e.prompted).toBe(1);
    expect(offer.available).toBe(false);
    // an offer is used once
    expect(await offer.install()).toBe(false);
    target.dispatchEvent(new Event('appinstalled'));
    expect(offer.installed).toBe(true);
    offer.dispose();
  });

  it('stays hidden once dismissed', () => {
    const target = new EventTarget() as unknown as Window;
    const offer = new InstallOffer(target);
    target.dispatchEvent(new FakeInstallEvent('dismissed'));
    offer.dismiss();
    expect(offer.available).toBe(false);
    offer.dispose();
  });
});

describe('launch queue', () => {
  const fileHandle = (name: string): FileSystemHandle => ({ kind: 'file', name, getFile: async () => new File([new Uint8Array(4)], name) }) as unknown as FileSystemHandle;
  const dirHandle = (name: string): FileSystemHandle => ({ kind: 'directory', name }) as unknown as FileSystemHandle;

  it('turns file handles into files and skips directories', async () => {
    const files = await launchFiles({ files: [fileHandle('a.pcap'), dirHandle('dir'), fileHandle('b.pcapng.gz')] });
    expect(files.map((f) => f.name)).toEqual(['a.pcap', 'b.pcapng.gz']);
  });

  it('hands each launch to the open function, and does nothing without the API', async () => {
    let consumer: ((p: LaunchParams) => unknown) | null = null;
    const win = { launchQueue: { setConsumer: (c: (p: LaunchParams) => unknown) => (consumer = c) } } as unknown as Window;
    const opened: string[][] = [];
    const errors: string[] = [];
    expect(consumeLaunchQueue((f) => opened.push(f.map((x) => x.name)), (m) => errors.push(m), win)).toBe(true);
    await (consumer as unknown as (p: LaunchParams) => Promise<void>)({ files: [fileHandle('x.pcap')] });
    await (consumer as unknown as (p: LaunchParams) => Promise<void>)({ files: [] });
    expect(opened).toEqual([['x.pcap']]);
    const broken = { kind: 'file', name: 'gone.pcap', getFile: async () => Promise.reject(new Error('NotFoundError')) } as unknown as FileSystemHandle;
    await (consumer as unknown as (p: LaunchParams) => Promise<void>)({ files: [broken] });
    expect(errors).toEqual(['Could not read the files the system handed over: NotFoundError']);
    expect(consumeLaunchQueue(() => undefined, () => undefined, {} as Window)).toBe(false);
  });
});
