// A million packets (../shared/bench/gen-capture.py, 388 MB, generated into a temp dir): the first
// rows show while indexing still runs, the count reaches `Packets: 1000000`, End shows the last
// packet, and the DOM never holds more than 150 rows on the way.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { SHARED, domRows, launch, openApp, openFiles, statusText, waitForPackets, type AppPage } from './browser.ts';

const N = 1_000_000;
const MAX_DOM_ROWS = 150;

describe('a million packets', () => {
  let dir = '';
  let file = '';
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'decapod-e2e-1m-'));
    file = join(dir, 'million.pcap');
    await promisify(execFile)('python3', [join(SHARED, 'bench', 'gen-capture.py'), file, '--packets', String(N)], { timeout: 600_000 });
    browser = await launch();
    app = await openApp(browser, { width: 1440, height: 1000 });
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it(
    'loads, shows rows early, reaches the last packet with a small DOM',
    async () => {
      const { page } = app;
      // watch every change of the list for the largest number of rows it ever held
      await page.evaluate(() => {
        const grid = document.querySelector('[role="grid"][aria-label="Packet list"]') as HTMLElement;
        const w = window as unknown as { maxRows: number };
        w.maxRows = 0;
        const count = (): number => grid.querySelectorAll('[role="row"][aria-rowindex]').length;
        new MutationObserver(() => (w.maxRows = Math.max(w.maxRows, count()))).observe(grid, { childList: true, subtree: true });
        // and add up layout shifts (nothing should move while the counts run)
        const s = window as unknown as { shift: number };
        s.shift = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) s.shift += (e as PerformanceEntry & { value: number }).value;
        }).observe({ type: 'layout-shift', buffered: false });
      });
      const t0 = Date.now();
      await openFiles(page, [file]);

      // the first screen of rows, with data, while the status bar still shows the load running
      await page.waitForFunction(
        () => {
          const s = document.querySelector('footer[role="status"]')?.textContent ?? '';
          const first = document.querySelector('[role="row"][aria-rowindex="1"] [role="gridcell"]');
          return s.includes('Loading') && first?.textContent === '1';
        },
        undefined,
        { timeout: 120_000, polling: 50 },
      );
      const early = await statusText(page);
      const earlyPackets = Number(/Packets: (\d+)/.exec(early)?.[1]);
      expect(earlyPackets).toBeGreaterThan(0);
      expect(earlyPackets).toBeLessThan(N);

      await waitForPackets(page, N, 400_000);
      const loadSeconds = (Date.now() - t0) / 1000;
      const shift = await page.evaluate(() => (window as unknown as { shift: number }).shift);
      expect(shift, 'cumulative layout shift while loading').toBeLessThan(0.02);
      const s = await statusText(page);
      expect(s).toContain('million.pcap');
      expect(s).toContain(`Displayed: ${N}`);
      const grid = page.getByRole('grid', { name: 'Packet list' });
      expect(await grid.getAttribute('aria-rowcount')).toBe(String(N));

      // End: the last packet is on screen and selected
      await grid.focus();
      await page.keyboard.press('End');
      const last = page.locator(`[role="row"][aria-rowindex="${N}"]`);
      await last.waitFor();
      await page.waitForFunction((n) => document.querySelector(`[role="row"][aria-rowindex="${n}"] [role="gridcell"]`)?.textContent === String(n), N, { timeout: 30_000 });
      expect(await last.getAttribute('aria-selected')).toBe('true');
      const box = await last.boundingBox();
      const gbox = await grid.boundingBox();
      expect(box && gbox && box.y >= gbox.y && box.y + box.height <= gbox.y + gbox.height + 1).toBe(true);
      // its details arrive
      await page.getByRole('tree', { name: 'Packet details' }).getByRole('treeitem').first().waitFor({ timeout: 30_000 });

      // page up from the end, then Home, then Go to packet in the middle
      await page.keyboard.press('PageUp');
      await page.keyboard.press('Home');
      await page.locator('[role="row"][aria-rowindex="1"][aria-selected="true"]').waitFor();
      await page.keyboard.press('Control+g');
      await page.keyboard.type('500000');
      await page.keyboard.press('Enter');
      await page.locator('[role="row"][aria-rowindex="500000"][aria-selected="true"]').waitFor();
      await page.waitForFunction(() => document.querySelector('[role="row"][aria-rowindex="500000"] [role="gridcell"]')?.textContent === '500000', undefined, { timeout: 30_000 });

      // scroll by the mouse wheel a little: rows follow
      await grid.hover();
      await page.mouse.wheel(0, 2000);
      await page.waitForTimeout(300);

      expect(await domRows(page)).toBeLessThanOrEqual(MAX_DOM_ROWS);
      const maxRows = await page.evaluate(() => (window as unknown as { maxRows: number }).maxRows);
      expect(maxRows).toBeGreaterThan(10);
      expect(maxRows).toBeLessThanOrEqual(MAX_DOM_ROWS);
      expect(app.errors).toEqual([]);
      console.log(`1M packets: first rows at ${earlyPackets} packets indexed; loaded in ${loadSeconds.toFixed(1)} s (${s.match(/Load time: \S+/)?.[0]}); at most ${maxRows} rows in the DOM; layout shift ${shift.toFixed(4)}`);
    },
    600_000,
  );
});
