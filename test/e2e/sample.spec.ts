// The sample capture (public/sample.pcap, made by scripts/make-sample.py) opened with one click, and
// what a person does next: keys, Go to packet, sorting, time formats, overlay columns, Decode As.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { domRows, launch, openApp, statusText, waitForPackets, type AppPage } from './browser.ts';

/** public/sample.pcap as scripts/make-sample.py writes it. */
const SAMPLE_PACKETS = 60;

function selectedIndex(page: Page): Promise<string | null> {
  return page.locator('[role="row"][aria-selected="true"]').getAttribute('aria-rowindex');
}

/** Text of column `title` in the row at displayed position `index` (1-based). */
async function cell(page: Page, index: number, title: string): Promise<string> {
  const headers = await page.locator('[role="columnheader"]').allTextContents();
  const col = headers.findIndex((h) => h.trim().replace(/[▲▼]$/, '').trim() === title);
  if (col < 0) throw new Error(`no column ${title} in ${JSON.stringify(headers)}`);
  return (await page.locator(`[role="row"][aria-rowindex="${index}"] [role="gridcell"]`).nth(col).textContent()) ?? '';
}

/** Bring the row of frame `n` on screen (Go to packet). */
async function goTo(page: Page, n: number): Promise<void> {
  await page.keyboard.press('Control+g');
  await page.keyboard.type(String(n));
  await page.keyboard.press('Enter');
  await page.locator(`[role="row"][aria-rowindex="${n}"][aria-selected="true"]`).waitFor();
}

/** Length column of the rows in the DOM, top to bottom. */
async function lengths(page: Page): Promise<number[]> {
  const headers = await page.locator('[role="columnheader"]').allTextContents();
  const col = headers.findIndex((h) => h.trim().startsWith('Length'));
  return page.locator('[role="row"][aria-rowindex]').evaluateAll(
    (rows, col) => rows.map((r) => Number(r.querySelectorAll('[role="gridcell"]')[col]?.textContent)).filter((v) => v > 0),
    col,
  );
}

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
    await page.locator('[role="row"][aria-rowindex="1"] [role="gridcell"]', { hasText: '1' }).first().waitFor();
    expect(await domRows(page)).toBeLessThanOrEqual(SAMPLE_PACKETS);
    expect(await cell(page, 1, 'Time')).toBe('0.000000');
    expect(await cell(page, 2, 'Time')).toBe('0.008919');
  });

  it('moves through the list with the keyboard', async () => {
    const { page } = app;
    const grid = page.getByRole('grid', { name: 'Packet list' });
    await grid.focus();
    await page.keyboard.press('ArrowDown');
    expect(await selectedIndex(page)).toBe('1');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await selectedIndex(page)).toBe('3');
    await page.keyboard.press('ArrowUp');
    expect(await selectedIndex(page)).toBe('2');
    await page.keyboard.press('End');
    expect(await selectedIndex(page)).toBe(String(SAMPLE_PACKETS));
    await page.keyboard.press('PageUp');
    expect(Number(await selectedIndex(page))).toBeLessThan(SAMPLE_PACKETS);
    await page.keyboard.press('Home');
    expect(await selectedIndex(page)).toBe('1');
    await page.keyboard.press('PageDown');
    expect(Number(await selectedIndex(page))).toBeGreaterThan(2);
    // the details of the selected packet follow
    await page.getByRole('tree', { name: 'Packet details' }).getByRole('treeitem').first().waitFor();
  });

  it('goes to a packet with Ctrl+G', async () => {
    const { page } = app;
    await page.keyboard.press('Control+g');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Go to packet');
    await page.keyboard.type('42');
    await page.keyboard.press('Enter');
    await page.locator('[role="row"][aria-rowindex="42"][aria-selected="true"]').waitFor();
    // focus is back in the list: arrows continue from there
    await page.keyboard.press('ArrowDown');
    expect(await selectedIndex(page)).toBe('43');
    // a number out of range is refused with a reason
    await page.keyboard.press('Control+g');
    await page.keyboard.type('999');
    await page.keyboard.press('Enter');
    expect(await page.getByRole('alert').filter({ hasText: 'from 1 to 60' }).count()).toBe(1);
    await page.keyboard.press('Escape');
  });

  it('sorts by a column header: ascending, descending, capture order', async () => {
    const { page } = app;
    const header = page.getByRole('columnheader', { name: 'Length' });
    const sorted = (xs: number[], dir: 1 | -1): boolean => xs.every((v, i) => i === 0 || (v - (xs[i - 1] as number)) * dir >= 0);
    await header.click();
    await page.waitForFunction(() => document.querySelector('[role="columnheader"][aria-sort="ascending"]') !== null);
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    await page.waitForFunction(() => document.querySelectorAll('[role="row"][aria-rowindex]:not(.pending)').length > 5);
    // the selected packet (43) stays selected and in view: the rows around it are in order
    await page.waitForFunction(() => document.querySelector('[role="row"][aria-selected="true"] [role="gridcell"]')?.textContent === '43');
    expect(sorted(await lengths(page), 1)).toBe(true);
    await header.click();
    await page.waitForFunction(() => document.querySelector('[role="columnheader"][aria-sort="descending"]') !== null);
    await page.waitForFunction(() => document.querySelector('[role="row"][aria-selected="true"] [role="gridcell"]')?.textContent === '43');
    expect(sorted(await lengths(page), -1)).toBe(true);
    await header.click();
    await page.waitForFunction(() => document.querySelector('[role="columnheader"][aria-sort]') === null);
    // back in capture order, packet 43 at row 43
    await page.waitForFunction(() => document.querySelector('[role="row"][aria-rowindex="43"] [role="gridcell"]')?.textContent === '43');
    expect(await selectedIndex(page)).toBe('43');
  });

  it('switches the time format and shows overlay columns from the View menu', async () => {
    const { page } = app;
    await page.getByRole('grid', { name: 'Packet list' }).focus();
    await page.keyboard.press('Home');
    const view = async (item: string): Promise<void> => {
      await page.getByRole('button', { name: 'View ▾' }).click();
      await page.getByRole('menu', { name: 'View' }).getByRole(/^menuitem/.test(item) ? 'menuitem' : 'menuitemradio', { name: item }).click();
      await page.keyboard.press('Escape');
    };
    await view('UTC date and time of day');
    expect(await cell(page, 1, 'Time')).toBe('2024-01-15 10:00:00.001000');
    await view('Seconds since 1970-01-01 (epoch)');
    expect(await cell(page, 1, 'Time')).toBe('1705312800.001000');
    await view('Nanoseconds (9 digits)');
    expect(await cell(page, 1, 'Time')).toBe('1705312800.001000000');
    await view('Seconds since previous displayed packet');
    expect(await cell(page, 2, 'Time')).toBe('0.008919000');
    await view('Automatic (from the file)');
    await view('Seconds since first packet');
    expect(await cell(page, 2, 'Time')).toBe('0.008919');

    await page.getByRole('button', { name: 'View ▾' }).click();
    await page.getByRole('menuitemcheckbox', { name: 'VNI' }).click();
    await page.getByRole('menuitemcheckbox', { name: 'Outer source' }).click();
    await page.keyboard.press('Escape');
    expect(await page.getByRole('columnheader', { name: 'VNI' }).count()).toBe(1);
    expect(await cell(page, 1, 'VNI')).toBe('');
    // frame 37 is the ICMP echo inside VXLAN VNI 100, from VTEP 172.16.0.1
    await goTo(page, 37);
    expect(await cell(page, 37, 'VNI')).toBe('100');
    expect(await cell(page, 37, 'Outer source')).toBe('172.16.0.1');
  });

  it('resizes panes and columns by dragging, and panes by keyboard', async () => {
    const { page } = app;
    const grid = page.getByRole('grid', { name: 'Packet list' });
    const h0 = (await grid.boundingBox())?.height ?? 0;
    const bar = page.getByRole('separator', { name: 'Resize packet list' });
    const b = await bar.boundingBox();
    if (!b) throw new Error('no splitter');
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
    await page.mouse.down();
    await page.mouse.move(b.x + b.width / 2, b.y + 120, { steps: 4 });
    await page.mouse.up();
    const h1 = (await grid.boundingBox())?.height ?? 0;
    expect(h1).toBeGreaterThan(h0 + 100);
    const v = Number(await bar.getAttribute('aria-valuenow'));
    await bar.focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(Number(await bar.getAttribute('aria-valuenow'))).toBe(v - 4);

    const source = page.getByRole('columnheader', { name: 'Source', exact: true });
    const w0 = (await source.boundingBox())?.width ?? 0;
    const handle = source.locator('.resize');
    const hb = await handle.boundingBox();
    if (!hb) throw new Error('no resize handle');
    await page.mouse.move(hb.x + hb.width / 2, hb.y + hb.height / 2);
    await page.mouse.down();
    await page.mouse.move(hb.x + hb.width / 2 + 60, hb.y + hb.height / 2, { steps: 4 });
    await page.mouse.up();
    expect((await source.boundingBox())?.width ?? 0).toBeGreaterThan(w0 + 50);
    // a drag on the header's edge does not sort
    expect(await source.getAttribute('aria-sort')).toBeNull();
  });

  it('decodes UDP 4792 as VXLAN when the suggestion is taken', async () => {
    const { page } = app;
    // frames 51-54 are VXLAN on UDP 4792, a port nothing binds
    await goTo(page, 51);
    expect(await cell(page, 51, 'VNI')).toBe('');
    const take = page.getByRole('button', { name: 'Decode As VXLAN' });
    await take.click();
    await page.waitForFunction(() => {
      const row = document.querySelector('[role="row"][aria-rowindex="51"]');
      return row !== null && Array.from(row.querySelectorAll('[role="gridcell"]')).some((c) => c.textContent === '7000');
    });
    expect(await cell(page, 51, 'VNI')).toBe('7000');
    expect(await statusText(page)).toContain(`Packets: ${SAMPLE_PACKETS}`);
    expect(app.errors).toEqual([]);
  });
});
