// Opening the sample capture with one click, and the panes it fills.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openApp, statusText, waitForPackets, type AppPage } from './browser.ts';

/** public/sample.pcap as scripts/make-sample.py writes it. */
const SAMPLE_PACKETS = 60;

describe('sample capture', () => {
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launch();
    app = await openApp(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens with one click', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Open sample capture' }).click();
    await waitForPackets(page, SAMPLE_PACKETS);
    const s = await statusText(page);
    expect(s).toContain('sample.pcap');
    expect(s).toContain(`Displayed: ${SAMPLE_PACKETS}`);
    expect(s).toMatch(/Load time: \d+:\d\d\.\d{3}/);
    const grid = page.getByRole('grid', { name: 'Packet list' });
    expect(await grid.getAttribute('aria-rowcount')).toBe(String(SAMPLE_PACKETS));
    await page.locator('[role="row"][aria-rowindex="1"]').waitFor();
    await page.screenshot({ path: 'test-results/sample.png' });
    expect(app.errors).toEqual([]);
  });
});
