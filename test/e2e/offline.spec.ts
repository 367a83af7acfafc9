// The installable app (vite.config.ts's VitePWA, src/lib/pwa): after one visit the service worker
// holds the shell, the engine worker and the sample capture, and the app starts and decodes with
// the network off; the manifest says what an install needs; a new version waits for Reload; files
// the operating system hands over (window.launchQueue) open like any other.
// Runs against the production build that setup.ts serves (Vite's dev server has no service worker).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CAPTURES, expectedFrames, launch, openFiles, statusText, waitForPackets } from './browser.ts';

const BASE = inject('baseURL');
const VXLAN = join(CAPTURES, 'vxlan.pcap');
const SAMPLE_PACKETS = 60;

/** Paths (from the app's root) of everything in the service worker's caches. */
function cachedPaths(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const root = new URL('./', location.href).pathname;
    const out: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const req of await cache.keys()) out.push(new URL(req.url).pathname.slice(root.length));
    }
    return out.sort();
  });
}

/** Wait until a service worker is active and controls the page. */
async function controlled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  if (bytes.toString('latin1', 1, 4) !== 'PNG' || bytes.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function appPage(context: BrowserContext, errors: string[]): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`${e.name}: ${e.message}`));
  return page;
}

describe('offline install', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];
  const tmp = mkdtempSync(join(tmpdir(), 'decapod-offline-'));
  const gz = join(tmp, 'vxlan.pcap.gz');
  writeFileSync(gz, gzipSync(readFileSync(VXLAN)));

  beforeAll(async () => {
    browser = await launch();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'allow' });
    page = await appPage(context, errors);
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('has a manifest with what an install needs, and icons of the sizes it says', async () => {
    await page.goto(BASE);
    await page.getByRole('grid', { name: 'Packet list' }).waitFor();
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBeTruthy();
    const url = new URL(href as string, page.url()).href;
    const res = await context.request.get(url);
    expect(res.ok()).toBe(true);
    const m = (await res.json()) as Record<string, unknown> & {
      icons: { src: string; sizes: string; type?: string; purpose?: string }[];
      file_handlers: { action: string; accept: Record<string, string[]> }[];
    };
    expect(m.name).toMatch(/^Decapod/);
    expect(m.short_name).toBe('Decapod');
    expect(String(m.description)).toContain('never leave');
    expect(m.display).toBe('standalone');
    expect(m.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(m.background_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(m.start_url).toBeTruthy();
    for (const [sizes, purpose] of [
      ['192x192', 'any'],
      ['512x512', 'any'],
      ['512x512', 'maskable'],
    ] as const) {
      const icon = m.icons.find((i) => i.sizes === sizes && (i.purpose ?? 'any').split(' ').includes(purpose) && i.type === 'image/png');
      expect(icon, `${purpose} icon ${sizes}`).toBeDefined();
      const png = Buffer.from(await (await context.request.get(new URL(icon?.src as string, url).href)).body());
      const [w, h] = sizes.split('x').map(Number);
      expect(pngSize(png)).toEqual({ width: w, height: h });
    }
    const extensions = m.file_handlers.flatMap((f) => Object.values(f.accept).flat());
    for (const ext of ['.pcap', '.pcapng', '.cap', '.pcap.gz', '.pcapng.gz']) expect(extensions).toContain(ext);
    for (const f of m.file_handlers) expect(new URL(f.action, url).origin).toBe(new URL(BASE).origin);

    // Chromium's own reading of it: no parse errors, and installable (service worker included)
    const cdp = await context.newCDPSession(page);
    const parsed = (await cdp.send('Page.getAppManifest')) as { url: string; errors: { message: string }[] };
    expect(parsed.url).toBe(url);
    expect(parsed.errors.map((e) => e.message)).toEqual([]);
    await controlled(page);
    const installability = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
    expect(installability.installabilityErrors.map((e) => e.errorId)).toEqual([]);
    await cdp.detach();
  });

  it('precaches the app shell, the engine worker and the sample capture on the first visit', async () => {
    await controlled(page);
    await page.getByText('Decapod is ready to work offline.').waitFor({ timeout: 20_000 });
    const paths = await cachedPaths(page);
    expect(paths).toContain('index.html');
    expect(paths).toContain('sample.pcap');
    expect(paths).toContain('manifest.webmanifest');
    expect(paths).toContain('icon-192.png');
    expect(paths.some((p) => /^assets\/capture\.worker-[\w-]+\.js$/.test(p))).toBe(true);
    expect(paths.some((p) => /^assets\/index-[\w-]+\.js$/.test(p))).toBe(true);
    expect(paths.some((p) => /^assets\/index-[\w-]+\.css$/.test(p))).toBe(true);
    // what the page loaded is all there: a reload needs nothing else
    const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
    const root = new URL(BASE).pathname;
    for (const p of loaded) if (/\.(js|css)$/.test(p)) expect(paths).toContain(p.slice(root.length));
    expect(paths.some((p) => p.endsWith('.map'))).toBe(false);
  });

  it('reloads with the network off, and decodes a capture, a gzipped one and the sample', async () => {
    await context.setOffline(true);
    // belt and braces: anything that would still reach the network fails
    await context.route('**/*', (route) => route.abort('internetdisconnected'));
    const res = await page.reload();
    expect(res?.fromServiceWorker()).toBe(true);
    await page.getByRole('grid', { name: 'Packet list' }).waitFor();
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);

    const frames = expectedFrames('vxlan.pcap') as number;
    await openFiles(page, [VXLAN]);
    await waitForPackets(page, frames);
    await page.getByRole('grid', { name: 'Packet list' }).focus();
    await page.keyboard.press('Home');
    const tree = page.getByRole('tree', { name: 'Packet details' });
    await tree.getByRole('treeitem', { name: /Virtual eXtensible Local Area Network/ }).first().waitFor();

    await openFiles(page, [gz]);
    await waitForPackets(page, frames);
    expect(await statusText(page)).toContain('vxlan.pcap.gz');

    await page.getByRole('button', { name: 'Open sample capture' }).click();
    await waitForPackets(page, SAMPLE_PACKETS);
    expect(await statusText(page)).toContain('sample.pcap');
  });

  it('starts in a new window with the network still off', async () => {
    const second = await appPage(context, errors);
    const res = await second.goto(BASE);
    expect(res?.fromServiceWorker()).toBe(true);
    await second.getByRole('button', { name: 'Open sample capture' }).click();
    await waitForPackets(second, SAMPLE_PACKETS);
    await second.close();
    await context.unroute('**/*');
    await context.setOffline(false);
  });

  it('offers a new version, and switches only when Reload is pressed', async () => {
    // A new deployment, as the browser sees it: a service worker script that differs by a byte.
    await context.route(/\/sw\.js(\?.*)?$/, async (route) => {
      const res = await route.fetch();
      await route.fulfill({ response: res, body: `${await res.text()}\n// the next version\n`, headers: { ...res.headers(), 'cache-control': 'no-cache' } });
    });
    await page.reload();
    await page.getByRole('button', { name: 'Open sample capture' }).click();
    await waitForPackets(page, SAMPLE_PACKETS);
    const before = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
    await page.evaluate(async () => {
      const r = await navigator.serviceWorker.getRegistration();
      await r?.update();
    });
    const banner = page.getByRole('group', { name: 'New version' });
    await banner.waitFor({ timeout: 20_000 });
    expect(await banner.textContent()).toContain('A new version of Decapod is ready');
    expect(await banner.textContent()).toContain('reloading closes the open capture');
    // nothing moved: the open capture is still there, under the old worker
    expect(await statusText(page)).toContain(`Packets: ${SAMPLE_PACKETS}`);
    const waiting = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state ?? null);
    expect(waiting).toBe('installed');

    await Promise.all([page.waitForEvent('load', { timeout: 20_000 }), banner.getByRole('button', { name: 'Reload' }).click()]);
    await page.getByRole('grid', { name: 'Packet list' }).waitFor();
    await controlled(page);
    const after = await page.evaluate(async () => {
      const r = await navigator.serviceWorker.getRegistration();
      return { waiting: r?.waiting ?? null, script: navigator.serviceWorker.controller?.scriptURL };
    });
    expect(after.waiting).toBeNull();
    expect(after.script).toBe(before);
    expect(await page.getByRole('group', { name: 'New version' }).count()).toBe(0);
    await context.unroute(/\/sw\.js(\?.*)?$/);
  });

  it('opens the files the operating system hands to the installed app', async () => {
    const launched = await appPage(context, errors);
    const bytes = [...readFileSync(VXLAN)];
    // Chromium fills window.launchQueue only for an installed app launched from a file; stand in
    // for the browser, with FileSystemFileHandle-like objects
    await launched.addInitScript((bytes: number[]) => {
      const handle = {
        kind: 'file',
        name: 'from-the-file-manager.pcap',
        getFile: async () => new File([new Uint8Array(bytes)], 'from-the-file-manager.pcap'),
      };
      Object.defineProperty(window, 'launchQueue', {
        value: {
          setConsumer(consumer: (p: { files: unknown[] }) => void) {
            setTimeout(() => consumer({ files: [handle] }), 0);
          },
        },
      });
    }, bytes);
    await launched.goto(BASE);
    await waitForPackets(launched, expectedFrames('vxlan.pcap') as number);
    expect(await statusText(launched)).toContain('from-the-file-manager.pcap');
    await launched.close();
    expect(errors).toEqual([]);
  });
});
