// The installable app's start: register the service worker (Workbox, made by vite-plugin-pwa, see
// vite.config.ts), listen for the browser's install offer, and take files the operating system
// opens with the installed app. Called once by App.svelte.

import { registerSW } from 'virtual:pwa-register';
import { AppUpdate } from './app-update.svelte.ts';
import { InstallOffer } from './install.svelte.ts';
import { consumeLaunchQueue } from './launch.ts';

export interface Pwa {
  update: AppUpdate;
  install: InstallOffer;
}

export function startPwa(opts: { open: (files: File[]) => void; notify: (message: string) => void }): Pwa {
  const update = new AppUpdate(registerSW);
  const install = new InstallOffer();
  consumeLaunchQueue(opts.open, opts.notify);
  return { update, install };
}
