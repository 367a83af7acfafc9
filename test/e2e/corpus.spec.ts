// Every capture of the shared corpus, opened through the Open… input: the status bar's packet count
// equals tshark's frame count (expected/<file>.tsv), and a file tshark refuses or finds damaged
// brings a notice naming the file — never a hang or a crash. Several files at once merge.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { CAPTURES, EXPECTED, expectedFrames, launch, openApp, openFiles, statusText, type AppPage } from './browser.ts';

const files = readdirSync(CAPTURES).sort();

/** tshark's complaint about each capture it could not read fully (expected/_tshark_status.tsv). */
const tsharkFailed = new Map(
  readFileSync(join(EXPECTED, '_tshark_status.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t'))
    .filter((c) => c.length >= 2 && c[1] !== '0')
    .map((c) => [c[0] as string, c[2] ?? ''] as const),
);

/**
 * Captures where Decapod knowingly shows something else than tshark 4.0's frame count, with why.
 * Each must still bring a notice naming the file.
 */
const DIFFERENT: Record<string, string> = {
  'pcapng-truncated-shb.pcapng': 'tshark falls back to its MIME reader and shows the 16 bytes as one frame; Decapod reports the truncated Section Header Block',
};

/** Wait until `name` is loaded (named in the status bar, nothing loading); return the packet count. */
async function loaded(page: Page, name: string): Promise<number> {
  await page.waitForFunction(
    (name) => {
      const s = document.querySelector('footer[role="status"]')?.textContent ?? '';
      const grid = document.querySelector('[role="grid"][aria-label="Packet list"]');
      return s.includes(name) && !s.includes('Loading') && grid?.getAttribute('aria-busy') === 'false';
    },
    name,
    { timeout: 20_000, polling: 50 },
  );
  const m = /Packets: (\d+)/.exec(await statusText(page));
  return m ? Number(m[1]) : NaN;
}

async function noticeTexts(page: Page): Promise<string[]> {
  return page.locator('.notice').allTextContents();
}

describe('corpus captures', () => {
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launch();
    app = await openApp(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('finds the corpus', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  for (const file of files) {
    it(file, async () => {
      const { page } = app;
      await openFiles(page, [join(CAPTURES, file)]);
      const packets = await loaded(page, file);
      const expected = expectedFrames(file);
      if (expected !== null && !(file in DIFFERENT)) expect(packets, 'Packets: in the status bar').toBe(expected);
      const grid = page.getByRole('grid', { name: 'Packet list' });
      expect(await grid.getAttribute('aria-rowcount')).toBe(String(packets));
      // a file tshark finds damaged or cannot read must bring a notice naming it; tshark refuses
      // some link types that Decapod shows as raw frames: those need none
      const complaint = tsharkFailed.get(file);
      const unsupportedLinkType = complaint !== undefined && /network type \d+ unknown or unsupported/.test(complaint) && packets > 0;
      if ((complaint !== undefined && !unsupportedLinkType) || file in DIFFERENT) {
        const notices = await noticeTexts(page);
        expect(notices.some((t) => t.includes(file)), `a notice names ${file}: ${JSON.stringify(notices)}`).toBe(true);
      }
      if (packets > 0) {
        // the first row is on screen and its details open
        await page.locator('[role="row"][aria-rowindex="1"]').click();
        await page.getByRole('tree', { name: 'Packet details' }).getByRole('treeitem').first().waitFor({ timeout: 10_000 });
      }
    });
  }

  it('merges several files opened together', async () => {
    const { page } = app;
    const pick = ['vxlan.pcap', 'geneve.pcap', 'dns_udp.pcap'];
    await openFiles(page, pick.map((f) => join(CAPTURES, f)));
    const total = pick.reduce((s, f) => s + (expectedFrames(f) ?? 0), 0);
    const packets = await loaded(page, pick.join(', '));
    expect(packets).toBe(total);
  });

  it('marks malformed and truncated packets in the list', async () => {
    const { page } = app;
    await openFiles(page, [join(CAPTURES, 'ipv6-bad-version.pcap')]);
    await loaded(page, 'ipv6-bad-version.pcap');
    const row2 = page.locator('[role="row"][aria-rowindex="2"]');
    // the row's marker comes with its window of rows, which may land after the status bar's count
    await page.waitForSelector('[role="row"][aria-rowindex="2"][title]');
    expect(await row2.getAttribute('title')).toContain('Malformed packet');
    expect(await row2.evaluate((r) => r.classList.contains('malformed') && r.classList.contains('c-bad'))).toBe(true);
    // cut by the capture inside the length its UDP header gave (tshark: _ws.short)
    await openFiles(page, [join(CAPTURES, 'udp-length-heapoverflow.pcap')]);
    await loaded(page, 'udp-length-heapoverflow.pcap');
    await page.waitForSelector('[role="row"][aria-rowindex="1"][title*="Truncated"]');
    expect(await page.locator('[role="row"][aria-rowindex="1"]').getAttribute('title')).toContain('Truncated');
    // the inner frame runs past the lengths its IPv4 and UDP headers gave (44 and 24 bytes), not
    // only past what was captured: malformed (tshark: _ws.malformed, [Malformed Packet: Ethernet])
    await openFiles(page, [join(CAPTURES, 'geneve-truncated.pcapng')]);
    await loaded(page, 'geneve-truncated.pcapng');
    await page.waitForSelector('[role="row"][aria-rowindex="1"][title*="Malformed"]');
    expect(await page.locator('[role="row"][aria-rowindex="1"]').getAttribute('title')).toContain('Malformed packet');
  });

  it('left no uncaught errors', () => {
    expect(app.errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
  });
});
