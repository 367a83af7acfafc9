// The TCP sequence analysis as a person sees it in the production build: the crafted capture of
// every flag (test/fixtures/tcp-analysis/tcp-analysis.pcap), `tcp.analysis.flags` typed in the
// filter bar, the rows it leaves counted as tshark counts them, a duplicate ACK's Info prefix, and
// the Bad TCP row colour. Expected values from tshark's two-pass reading (tshark.tsv beside it).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { REPO, launch, openApp, openFiles, waitForPackets, type AppPage } from './browser.ts';

const DIR = join(REPO, 'test/fixtures/tcp-analysis');

/** tshark's rows of the crafted capture: frame number → Info, and whether tcp.analysis.flags is set. */
function tsharkRows(): { frame: number; flagged: boolean; info: string }[] {
  const [head, ...lines] = readFileSync(join(DIR, 'tshark.tsv'), 'utf8').trimEnd().split('\n');
  const cols = (head as string).split('\t');
  return lines.map((l) => l.split('\t')).filter((c) => c[0] === 'tcp-analysis.pcap').map((c) => ({
    frame: Number(c[cols.indexOf('frame.number')]),
    flagged: c[cols.indexOf('tcp.analysis.flags')] !== '',
    info: c[cols.indexOf('_ws.col.Info')] as string,
  }));
}

describe('TCP sequence analysis in the viewer', () => {
  let browser: Browser;
  let app: AppPage;
  const rows = tsharkRows();

  beforeAll(async () => {
    browser = await launch();
    app = await openApp(browser);
    await openFiles(app.page, [join(DIR, 'tcp-analysis.pcap')]);
    await waitForPackets(app.page, rows.length);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('filters on tcp.analysis.flags and shows the prefixes and the Bad TCP rows', async () => {
    const { page } = app;
    const flagged = rows.filter((r) => r.flagged);
    expect(flagged.length).toBeGreaterThan(30);
    const input = page.locator('input[aria-label="Display filter"]');
    await input.fill('tcp.analysis.duplicate_ack');
    await input.press('Enter');
    const dup = rows.filter((r) => r.info.startsWith('[TCP Dup ACK'));
    await page.waitForFunction((n) => new RegExp(`Displayed: ${n}\\b`).test(document.querySelector('footer[role="status"]')?.textContent ?? ''), dup.length);
    const first = page.locator('[role="row"][aria-rowindex="1"]');
    await expect.poll(async () => first.locator('[role="gridcell"]').last().textContent()).toBe(dup[0]?.info);
    expect(await first.getAttribute('class')).toContain('c-bad-tcp');
    await input.fill('tcp.analysis.flags');
    await input.press('Enter');
    await page.waitForFunction((n) => new RegExp(`Displayed: ${n}\\b`).test(document.querySelector('footer[role="status"]')?.textContent ?? ''), flagged.length);
    expect(app.errors).toEqual([]);
  });
});
