// The bytes pane's extra data sources: a DNS answer reassembled from IPv6 fragments
// (ipv6-fragmented-dns.pcap, frame 8) shows its reassembled payload on a second tab; selecting a
// field of the payload switches to that tab; a click there selects the innermost field; a big
// source keeps only the lines in view in the DOM.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { CAPTURES, expectedFrames, launch, openApp, openFiles, waitForPackets, type AppPage } from './browser.ts';

describe('reassembled data sources', () => {
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launch();
    app = await openApp(browser);
    await openFiles(app.page, [join(CAPTURES, 'ipv6-fragmented-dns.pcap')]);
    await waitForPackets(app.page, expectedFrames('ipv6-fragmented-dns.pcap') ?? 8);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows a tab per data source and follows the selected field', async () => {
    const { page } = app;
    await page.keyboard.press('Control+g');
    await page.keyboard.type('8');
    await page.keyboard.press('Enter');
    const bytes = page.getByRole('region', { name: 'Packet bytes' });
    const tabs = bytes.getByRole('tab');
    await tabs.nth(1).waitFor();
    expect(await tabs.allTextContents()).toEqual(['Frame (436)', 'Reassembled IPv6 (3238)']);
    expect(await tabs.nth(0).getAttribute('aria-selected')).toBe('true');

    const tree = page.getByRole('tree', { name: 'Packet details' });
    await tree.getByRole('treeitem', { name: /^Domain Name System/ }).click();
    expect(await tabs.nth(1).getAttribute('aria-selected')).toBe('true');
    // 3238 bytes are 203 lines: only those in view (and a margin) are in the DOM
    const lines = await bytes.locator('.line').count();
    expect(lines).toBeGreaterThan(5);
    expect(lines).toBeLessThan(80);
    expect(await bytes.locator('.hex .hl').first().getAttribute('data-o')).toBe('8');

    // byte 9 of the reassembled payload is the second byte of the DNS transaction ID
    await page.keyboard.press('Escape');
    await bytes.locator('.hex [data-o="9"]').click();
    const selected = tree.locator('[role="treeitem"][aria-selected="true"]');
    expect(await selected.getAttribute('title')).toBe('dns.id');
    expect(await bytes.locator('.hex .hl').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.o))).toEqual(['8', '9']);

    // back to the frame's own bytes
    await tabs.nth(0).click();
    expect(await tabs.nth(0).getAttribute('aria-selected')).toBe('true');
    // 436 bytes are 28 lines, shown from the top (line elements past the end of the bytes are hidden)
    expect(await bytes.locator('.line:not([hidden])').count()).toBeLessThanOrEqual(Math.ceil(436 / 16));
    expect(await bytes.locator('.line .off').first().textContent()).toBe('0000');
    expect(app.errors).toEqual([]);
  });
});
