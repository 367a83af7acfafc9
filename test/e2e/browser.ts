// What the e2e specs share: Debian's Chromium through playwright-core (no browser download), the
// app's page, and waits phrased the way a person reads the screen (the status bar's counts).

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
/** The shared corpus sits beside the repository (../shared from the repo root), in CI too. */
export const SHARED = join(REPO, '..', 'shared');
export const CAPTURES = join(SHARED, 'corpus', 'captures');
export const EXPECTED = join(SHARED, 'corpus', 'expected');

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // DECAPOD_CHROMIUM_ARGS: more switches for a benchmark's experiment (`--js-flags=--trace-deopt`)
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run', ...(process.env.DECAPOD_CHROMIUM_ARGS?.split(' ').filter((a) => a !== '') ?? [])],
  });
}

export interface AppPage {
  page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
}

export async function openApp(browser: Browser, opts: { width?: number; height?: number; colorScheme?: 'light' | 'dark' } = {}): Promise<AppPage> {
  const context = await browser.newContext({ viewport: { width: opts.width ?? 1440, height: opts.height ?? 900 }, colorScheme: opts.colorScheme ?? 'light', deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`${e.name}: ${e.message}`));
  await page.goto(inject('baseURL'));
  await page.getByRole('grid', { name: 'Packet list' }).waitFor();
  return { page, errors };
}

export async function statusText(page: Page): Promise<string> {
  return (await page.getByRole('status').first().textContent()) ?? '';
}

/** Wait until the status bar says `Packets: n` and nothing is loading any more. */
export async function waitForPackets(page: Page, n: number, timeout = 30_000): Promise<void> {
  try {
    await page.waitForFunction(
      (n) => {
        const s = document.querySelector('footer[role="status"]')?.textContent ?? '';
        const m = /Packets: (\d+)/.exec(s);
        return m !== null && Number(m[1]) === n && !s.includes('Loading');
      },
      n,
      { timeout, polling: 100 },
    );
  } catch (e) {
    throw new Error(`status bar never said "Packets: ${n}" with loading done; it says: ${await statusText(page)}`, { cause: e });
  }
}

/** Open files through the Open… input. */
export async function openFiles(page: Page, paths: string[]): Promise<void> {
  await page.locator('input[type="file"]').setInputFiles(paths);
}

/** Frames tshark decodes in a corpus capture (its expected/*.tsv minus the header), or null. */
export function expectedFrames(file: string): number | null {
  const p = join(EXPECTED, `${file}.tsv`);
  if (!existsSync(p)) return null;
  const lines = readFileSync(p, 'utf8').split('\n').filter((l) => l !== '');
  return lines.length - 1;
}

/** Number of packet rows (not the header) in the list's DOM. */
export function domRows(page: Page): Promise<number> {
  return page.locator('[role="grid"][aria-label="Packet list"] [role="row"][aria-rowindex]').count();
}
