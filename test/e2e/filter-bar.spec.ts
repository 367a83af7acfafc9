// The display filter bar in the app: checks as you type (aria-invalid and the message), applies on
// Enter, the status bar's "Displayed" follows, Escape clears. vxlan.pcap: 8 ICMP and 2 ARP frames
// inside VXLAN (tshark -Y icmp selects 8, -Y 'ip.src#2 == 192.168.203.3' selects 4).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { CAPTURES, launch, openApp, openFiles, waitForPackets, type AppPage } from './browser.ts';

describe('display filter bar', () => {
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launch();
    app = await openApp(browser);
    await openFiles(app.page, [join(CAPTURES, 'vxlan.pcap')]);
    await waitForPackets(app.page, 10);
  });
  afterAll(async () => {
    await browser?.close();
  });

  const status = () => app.page.getByRole('status').first().textContent();

  it('applies a filter on Enter and shows Displayed: M', async () => {
    const input = app.page.locator('input[aria-label="Display filter"]');
    await input.fill('icmp');
    await input.press('Enter');
    await app.page.waitForFunction(() => document.body.textContent?.includes('Displayed: 8'));
    expect(await status()).toContain('Displayed: 8');
    expect(await app.page.getByRole('grid', { name: 'Packet list' }).getAttribute('aria-rowcount')).toBe('8');
  });

  it('selects the inner header with the layer operator', async () => {
    const input = app.page.locator('input[aria-label="Display filter"]');
    await input.fill('ip.src#2 == 192.168.203.3');
    await input.press('Enter');
    await app.page.waitForFunction(() => document.body.textContent?.includes('Displayed: 4'));
  });

  it('marks a filter that does not parse and says why', async () => {
    const input = app.page.locator('input[aria-label="Display filter"]');
    await input.fill('ip.srcc == 1.2.3.4');
    await app.page.waitForFunction(() => document.querySelector('input[aria-label="Display filter"]')?.getAttribute('aria-invalid') === 'true');
    expect(await app.page.locator('body').textContent()).toMatch(/ip\.srcc/);
  });

  it('clears with Escape', async () => {
    const input = app.page.locator('input[aria-label="Display filter"]');
    await input.fill('arp');
    await input.press('Enter');
    await app.page.waitForFunction(() => document.body.textContent?.includes('Displayed: 2'));
    await input.press('Escape');
    await input.press('Enter');
    await app.page.waitForFunction(() => document.body.textContent?.includes('Displayed: 10'));
  });
});
