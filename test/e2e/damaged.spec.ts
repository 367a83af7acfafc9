// Damaged and foreign files: a clear message naming the file and the problem, the packets before
// the damage kept, and the app still usable afterwards.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { REPO, launch, openApp, openFiles, statusText, waitForPackets, type AppPage } from './browser.ts';

/** Whole pcap records in `b` (a classic little-endian pcap). */
function wholeRecords(b: Buffer): number {
  let off = 24;
  let n = 0;
  while (off + 16 <= b.length) {
    const incl = b.readUInt32LE(off + 8);
    if (off + 16 + incl > b.length) break;
    off += 16 + incl;
    n++;
  }
  return n;
}

describe('damaged and foreign files', () => {
  let dir = '';
  let browser: Browser;
  let app: AppPage;
  let cut = '';
  let kept = 0;
  let text = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'decapod-e2e-bad-'));
    const sample = readFileSync(join(REPO, 'public', 'sample.pcap'));
    // cut the sample in the middle of a record
    const half = sample.subarray(0, Math.floor(sample.length / 2));
    kept = wholeRecords(half);
    cut = join(dir, 'cut-short.pcap');
    writeFileSync(cut, half);
    text = join(dir, 'notes.txt');
    writeFileSync(text, 'These are not the packets you are looking for.\n'.repeat(20));
    browser = await launch();
    app = await openApp(browser);
  });
  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the packets before the damage and names the file', async () => {
    const { page } = app;
    await openFiles(page, [cut]);
    await waitForPackets(page, kept);
    const alert = page.getByRole('alert').filter({ hasText: 'cut-short.pcap' });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/cut-short\.pcap: .*(cut|end|truncat|short)/i);
    expect(await page.getByRole('grid', { name: 'Packet list' }).getAttribute('aria-rowcount')).toBe(String(kept));
    // the last packet kept is there
    await page.getByRole('grid', { name: 'Packet list' }).focus();
    await page.keyboard.press('End');
    await page.locator(`[role="row"][aria-rowindex="${kept}"][aria-selected="true"]`).waitFor();
  });

  it('says what is wrong with a file that is not a capture', async () => {
    const { page } = app;
    await openFiles(page, [text]);
    const alert = page.getByRole('alert').filter({ hasText: 'notes.txt' });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/notes\.txt.*capture/i);
    await waitForPackets(page, 0);
    // the message can be dismissed
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    expect(await page.getByRole('alert').filter({ hasText: 'notes.txt' }).count()).toBe(0);
  });

  it('stays usable', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Open sample capture' }).click();
    await waitForPackets(page, 60);
    expect(await statusText(page)).toContain('sample.pcap');
    expect(app.errors).toEqual([]);
  });
});
