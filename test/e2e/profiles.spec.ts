// Decode As and shared profiles in Chromium, as a person uses them: VXLAN on UDP 4792 (a port
// nothing binds) shows as plain UDP until a rule is added in the Decode As dialog; the rule
// survives a reload (IndexedDB); an exported profile file, a Wireshark decode_as_entries file and a
// share link each bring the same decode to a fresh browser profile; a damaged link changes nothing.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp, openFiles, waitForPackets, type AppPage } from './browser.ts';
import { vxlanOnPort } from '../src/profiles/fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'decapod-e2e-profiles-'));
/** vxlan.pcap from the corpus with its VXLAN moved to UDP 4792: 10 packets, VNI 100. */
const CAPTURE = join(dir, 'vxlan-4792.pcap');
writeFileSync(CAPTURE, vxlanOnPort(4792).bytes);
const PACKETS = 10;
/** Frame 1: outer 192.168.203.1 → 192.168.202.1 (the VTEPs), inner 192.168.203.3 → 192.168.203.5. */
const OUTER_SRC = '192.168.203.1';
const INNER_SRC = '192.168.203.3';

/** Text of a column's cell in the row at `rowIndex` (1-based), by the column's header title. */
async function cell(page: Page, rowIndex: number, title: string): Promise<string> {
  const grid = page.getByRole('grid', { name: 'Packet list' });
  const titles = await grid.locator('[role="columnheader"]').allTextContents();
  const col = titles.findIndex((t) => t.trim().replace(/[▲▼]/g, '').trim() === title);
  if (col < 0) throw new Error(`no column "${title}" (columns: ${titles.join(', ')})`);
  return (await grid.locator(`[role="row"][aria-rowindex="${rowIndex}"] [role="gridcell"]`).nth(col).textContent()) ?? '';
}

/** Wait until a cell's text passes `ok` (a re-decode replaces the rows a moment later). */
async function waitForCell(page: Page, rowIndex: number, title: string, ok: (text: string) => boolean, timeout = 20_000): Promise<void> {
  const t0 = Date.now();
  let last = '';
  while (Date.now() - t0 < timeout) {
    last = await cell(page, rowIndex, title).catch(() => '');
    if (ok(last)) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`row ${rowIndex}'s ${title} stayed "${last}"`);
}

/** Wait until the Source cell of row 1 reads `want`. */
function waitForSource(page: Page, want: string): Promise<void> {
  return waitForCell(page, 1, 'Source', (t) => t === want);
}

async function openCapture(page: Page): Promise<void> {
  await openFiles(page, [CAPTURE]);
  await waitForPackets(page, PACKETS);
}

function profileButton(page: Page) {
  return page.getByRole('button', { name: /^Profile:/ });
}

async function menuItem(page: Page, name: string | RegExp): Promise<void> {
  await profileButton(page).click();
  await page.getByRole('menu', { name: 'Profiles' }).getByRole('menuitem', { name }).click();
}

/** Wait until the toolbar shows `name` as the profile in use (profiles load from IndexedDB). */
async function waitForProfile(page: Page, name: string): Promise<void> {
  await page.waitForFunction(
    (name) => Array.from(document.querySelectorAll('button')).some((b) => /^\s*Profile:/.test(b.textContent ?? '') && (b.textContent ?? '').replace(/^\s*Profile:\s*/, '').replace(/▾\s*$/, '').trim() === name),
    name,
    { timeout: 10_000 },
  );
}

/** The profile in use, as the toolbar shows it. */
async function activeProfile(page: Page): Promise<string> {
  return ((await profileButton(page).textContent()) ?? '').replace(/^\s*Profile:\s*/, '').replace(/▾\s*$/, '').trim();
}

/** The decode a person checks: inner addresses in the list, VXLAN with VNI 100 in the tree. */
async function expectVxlanDecode(page: Page): Promise<void> {
  await waitForSource(page, INNER_SRC);
  await page.locator('[role="row"][aria-rowindex="1"]').click();
  const tree = page.getByRole('tree', { name: 'Packet details' });
  await tree.getByRole('treeitem', { name: /^Virtual eXtensible Local Area Network/ }).waitFor();
}

describe('Decode As and profiles', () => {
  let browser: Browser;
  let first: AppPage;
  let exported = '';
  let link = '';

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows UDP 4792 as plain UDP, with a suggestion to decode it as VXLAN', async () => {
    first = await openApp(browser);
    const { page } = first;
    await waitForProfile(page, 'Default');
    await openCapture(page);
    expect(await cell(page, 1, 'Source')).toBe(OUTER_SRC);
    expect(await cell(page, 1, 'Protocol')).toBe('UDP');
    const banner = page.getByRole('group', { name: 'Decode As suggestion' });
    await banner.waitFor();
    expect(await banner.textContent()).toContain('UDP 4792 looks like VXLAN');
  });

  it('adds a rule in the Decode As dialog: the packets become VXLAN, the selection and the filter stay', async () => {
    const { page } = first;
    // a display filter that the re-decode must keep: frames 2 to 10
    const filter = page.getByRole('combobox', { name: 'Display filter' });
    await filter.fill('frame.number >= 2');
    await filter.press('Enter');
    await page.waitForFunction(() => /Displayed: 9\b/.test(document.querySelector('footer[role="status"]')?.textContent ?? ''));
    // displayed row 2 is frame 3
    await page.locator('[role="row"][aria-rowindex="2"]').click();
    const opener = page.getByRole('button', { name: 'Decode As…' });
    const focused = (l: typeof opener): Promise<boolean> => l.evaluate((e) => e === document.activeElement);
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'Decode As' });
    await dialog.waitFor();
    // the new rule's protocol has the focus; Escape closes the dialog and gives the focus back
    expect(await focused(dialog.getByRole('combobox', { name: 'Protocol of rule 1' }))).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await focused(opener)).toBe(true);
    await opener.click();
    await dialog.waitFor();
    // opened from the selected packet: a new rule for its port, waiting for a protocol
    expect(await dialog.getByRole('combobox', { name: 'Table of rule 1' }).inputValue()).toBe('udp.port');
    expect(await dialog.getByRole('textbox', { name: 'Value of rule 1' }).inputValue()).toBe('4792');
    await dialog.getByRole('combobox', { name: 'Protocol of rule 1' }).selectOption('vxlan');
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await dialog.waitFor({ state: 'detached' });
    // frame 2 (first displayed row) is a plain VXLAN-carried packet: its source is the inner one now
    await waitForCell(page, 2, 'Protocol', (t) => t !== '' && t !== 'UDP');
    // the filter stays applied, and the packet selected before is still selected (frame 3, row 2)
    expect(await filter.inputValue()).toBe('frame.number >= 2');
    expect(await page.locator('footer[role="status"]').textContent()).toMatch(/Displayed: 9\b/);
    expect(await page.locator('[role="row"][aria-selected="true"]').getAttribute('aria-rowindex')).toBe('2');
    expect(await cell(page, 2, 'No.')).toBe('3');
    await page.getByRole('tree', { name: 'Packet details' }).getByRole('treeitem', { name: /^Virtual eXtensible Local Area Network/ }).waitFor();
    // the suggestion is gone: the port has a rule now
    expect(await page.getByRole('group', { name: 'Decode As suggestion' }).count()).toBe(0);
    // clear the filter: frame 1 shows its inner source
    await filter.fill('');
    await filter.press('Enter');
    await waitForSource(page, INNER_SRC);
  });

  it('keeps the rule after a reload', async () => {
    const { page } = first;
    await page.reload();
    await page.getByRole('grid', { name: 'Packet list' }).waitFor();
    await waitForProfile(page, 'Default');
    await profileButton(page).click();
    const item = page.getByRole('menu', { name: 'Profiles' }).getByRole('menuitemradio', { name: /Default/ });
    expect(await item.textContent()).toContain('1 rule');
    await page.keyboard.press('Escape');
    await openCapture(page);
    await expectVxlanDecode(page);
  });

  it('exports the profile to a file that a fresh browser profile imports, with the same decode', async () => {
    const { page } = first;
    const download = page.waitForEvent('download');
    await menuItem(page, 'Export profile (.json)');
    const d = await download;
    exported = join(dir, d.suggestedFilename());
    await d.saveAs(exported);
    expect(d.suggestedFilename()).toBe('Default.decapod-profile.json');
    const json = JSON.parse(readFileSync(exported, 'utf8')) as { format: string; version: number; decodeAs: unknown[] };
    expect(json.format).toBe('decapod-profile');
    expect(json.version).toBe(1);
    expect(json.decodeAs).toEqual([{ table: 'udp.port', value: 4792, proto: 'vxlan' }]);

    const fresh = await openApp(browser);
    const p2 = fresh.page;
    await waitForProfile(p2, 'Default');
    const chooser = p2.waitForEvent('filechooser');
    await menuItem(p2, 'Import profile or Wireshark file…');
    await (await chooser).setFiles(exported);
    // the fresh browser has its own "Default": the import asks, and nothing is overwritten
    const ask = p2.getByRole('dialog', { name: /^Import profile from/ });
    await ask.waitFor();
    expect(await ask.textContent()).toContain('You already have a profile named Default');
    await ask.getByRole('button', { name: 'Add as “Default (2)”' }).click();
    await ask.waitFor({ state: 'detached' });
    expect(await activeProfile(p2)).toBe('Default (2)');
    await openCapture(p2);
    await expectVxlanDecode(p2);
    expect(fresh.errors).toEqual([]);
    await p2.context().close();
  });

  it('copies a share link that a fresh browser profile opens, accepts and decodes with', async () => {
    const { page } = first;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    // a named profile, so that the link adds it without a name clash
    await menuItem(page, /^Duplicate/);
    const name = page.getByRole('dialog', { name: /^Duplicate/ });
    await name.getByRole('textbox').fill('Overlay team');
    await name.getByRole('button', { name: 'Create' }).click();
    await waitForProfile(page, 'Overlay team');
    await menuItem(page, 'Copy share link');
    await page.waitForFunction(() => Array.from(document.querySelectorAll('.notice')).some((n) => n.textContent?.includes('Share link')));
    link = await page.evaluate(() => navigator.clipboard.readText());
    const url = new URL(link);
    expect(url.origin + url.pathname).toBe(new URL(inject('baseURL')).origin + new URL(inject('baseURL')).pathname);
    expect(url.search).toBe('');
    expect(url.hash).toMatch(/^#profile=[A-Za-z0-9_-]+$/);

    // a fresh browser profile whose first page is the link
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const p3 = await context.newPage();
    const fresh: AppPage = { page: p3, errors: [] };
    p3.on('pageerror', (e) => fresh.errors.push(`${e.name}: ${e.message}`));
    p3.on('console', (m) => {
      if (m.type() === 'error') fresh.errors.push(m.text());
    });
    await p3.goto(link);
    const ask = p3.getByRole('dialog', { name: 'Add the profile from this link?' });
    await ask.waitFor();
    expect(await ask.textContent()).toContain('Overlay team');
    expect(await ask.textContent()).toContain('udp.port 4792 → VXLAN');
    await ask.getByRole('button', { name: 'Add profile' }).click();
    await ask.waitFor({ state: 'detached' });
    expect(await activeProfile(p3)).toBe('Overlay team');
    // the profile is read from the fragment once; the address bar no longer carries it
    expect(await p3.evaluate(() => location.hash)).toBe('');
    await openCapture(p3);
    await expectVxlanDecode(p3);
    expect(fresh.errors).toEqual([]);
    await p3.context().close();
  });

  it('refuses a damaged file, a foreign file and a truncated or tampered link with a message, changing nothing', async () => {
    const fresh = await openApp(browser);
    const p4 = fresh.page;
    await waitForProfile(p4, 'Default');
    // a damaged profile file and a foreign one, with a capture open
    await openCapture(p4);
    const cut = join(dir, 'cut.decapod-profile.json');
    writeFileSync(cut, readFileSync(exported, 'utf8').slice(0, 120));
    const notCapture = join(dir, 'notes.txt');
    writeFileSync(notCapture, 'hello, this is not a profile\n');
    for (const [path, message] of [
      [cut, 'the profile is damaged: it is not valid JSON'],
      [notCapture, 'not a Decapod profile, nor a Wireshark decode_as_entries or colorfilters file'],
    ] as const) {
      const chooser = p4.waitForEvent('filechooser');
      await menuItem(p4, 'Import profile or Wireshark file…');
      await (await chooser).setFiles(path);
      await p4.getByRole('alert').filter({ hasText: message }).first().waitFor();
      expect(await p4.getByRole('dialog').count()).toBe(0);
    }
    await waitForPackets(p4, PACKETS);
    expect(await cell(p4, 1, 'Source')).toBe(OUTER_SRC);
    const payload = new URL(link).hash.slice('#profile='.length);
    // opened in the running app (the address bar's fragment changes), and as a fresh page load
    for (const [bad, reload] of [
      [payload.slice(0, payload.length - 12), false],
      [payload.slice(0, 40) + (payload[40] === 'A' ? 'B' : 'A') + payload.slice(41), true],
    ] as const) {
      if (reload) await p4.goto('about:blank');
      await p4.goto(`${inject('baseURL')}#profile=${bad}`);
      await p4.getByRole('grid', { name: 'Packet list' }).waitFor();
      const alert = p4.getByRole('alert').filter({ hasText: 'The profile link is damaged' });
      await alert.first().waitFor();
      expect(await p4.getByRole('dialog').count()).toBe(0);
      expect(await activeProfile(p4)).toBe('Default');
    }
    await profileButton(p4).click();
    expect(await p4.getByRole('menu', { name: 'Profiles' }).getByRole('menuitemradio').count()).toBe(1);
    await p4.context().close();
  });

  it("imports Wireshark's decode_as_entries and colorfilters into a fresh browser profile, and exports them back", async () => {
    const entries = join(dir, 'decode_as_entries');
    writeFileSync(entries, '# "Decode As" entries file for Wireshark 4.2.2.\n#\ndecode_as_entry: udp.port,4792,(none),VXLAN\n');
    const fresh = await openApp(browser);
    const p5 = fresh.page;
    await waitForProfile(p5, 'Default');
    await openCapture(p5);
    expect(await cell(p5, 1, 'Source')).toBe(OUTER_SRC);
    const chooser = p5.waitForEvent('filechooser');
    await menuItem(p5, 'Import profile or Wireshark file…');
    await (await chooser).setFiles(entries);
    const ask = p5.getByRole('dialog', { name: /^Import Wireshark Decode As rules/ });
    await ask.waitFor();
    expect(await ask.textContent()).toContain('udp.port 4792 → VXLAN');
    await ask.getByRole('button', { name: 'Import' }).click();
    await expectVxlanDecode(p5);
    // and exports it back in Wireshark's format
    const download = p5.waitForEvent('download');
    await menuItem(p5, 'Export Wireshark decode_as_entries');
    const out = join(dir, 'exported_decode_as_entries');
    await (await download).saveAs(out);
    expect(readFileSync(out, 'utf8')).toContain('decode_as_entry: udp.port,4792,(none),VXLAN\n');

    // its colorfilters file too: background first, 16 bits a channel
    const colorfilters = join(dir, 'colorfilters');
    writeFileSync(colorfilters, '# DO NOT EDIT THIS FILE!  It was created by Wireshark\n@Overlay@vxlan@[41120,51400,65535][0,0,0]\n!@UDP@udp@[28834,57427,65533][0,0,0]\n');
    const chooser2 = p5.waitForEvent('filechooser');
    await menuItem(p5, 'Import profile or Wireshark file…');
    await (await chooser2).setFiles(colorfilters);
    const ask2 = p5.getByRole('dialog', { name: /^Import Wireshark coloring rules/ });
    await ask2.waitFor();
    await ask2.getByRole('button', { name: 'Import' }).click();
    await p5.waitForFunction(() => document.querySelector('[role="row"][aria-rowindex="1"]')?.getAttribute('style')?.includes('--row-bg: #a0c8ff') ?? false);
    const download2 = p5.waitForEvent('download');
    await menuItem(p5, 'Export Wireshark colorfilters');
    const out2 = join(dir, 'exported_colorfilters');
    await (await download2).saveAs(out2);
    expect(readFileSync(out2, 'utf8').split('\n').slice(1)).toEqual(['@Overlay@vxlan@[41120,51400,65535][0,0,0]', '!@UDP@udp@[28834,57427,65533][0,0,0]', '']);
    expect(fresh.errors).toEqual([]);
    await p5.context().close();
  });

  it('shows custom columns, coloring rules and filter buttons of the profile', async () => {
    const { page } = first;
    await waitForSource(page, INNER_SRC);
    await menuItem(page, 'Columns, colours and filter buttons…');
    const editor = page.getByRole('dialog', { name: /^Columns, colours and filter buttons/ });
    await editor.waitFor();
    // ip.src occurrence 1: the outer (VTEP) source of a VXLAN packet
    await editor.getByRole('textbox', { name: 'Custom column title' }).fill('Outer IP');
    await editor.getByRole('textbox', { name: 'Custom column field' }).fill('ip.src');
    await editor.getByRole('textbox', { name: 'Custom column occurrence' }).fill('1');
    await editor.getByRole('button', { name: 'Add custom column' }).click();
    await editor.getByRole('button', { name: 'Add coloring rule' }).click();
    await editor.getByRole('textbox', { name: 'Name of coloring rule 1' }).fill('Overlay');
    await editor.getByRole('textbox', { name: 'Filter of coloring rule 1' }).fill('vxlan.vni == 100');
    await editor.getByLabel('Background of coloring rule 1').fill('#a0c8ff');
    await editor.getByRole('button', { name: 'Add filter button' }).click();
    await editor.getByRole('textbox', { name: 'Label of filter button 1' }).fill('ICMP only');
    await editor.getByRole('textbox', { name: 'Filter of filter button 1' }).fill('icmp');
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.waitFor({ state: 'detached' });

    await page.getByRole('columnheader', { name: 'Outer IP' }).waitFor();
    await page.waitForFunction(() => document.querySelector('[role="row"][aria-rowindex="1"]')?.getAttribute('style')?.includes('--row-bg: #a0c8ff') ?? false);
    expect(await cell(page, 1, 'Outer IP')).toBe(OUTER_SRC);
    expect(await cell(page, 1, 'Source')).toBe(INNER_SRC);
    const button = page.getByRole('navigation', { name: 'Filter buttons' }).getByRole('button', { name: 'ICMP only' });
    await button.click();
    await page.waitForFunction(() => document.querySelector<HTMLInputElement>('input[aria-label="Display filter"]')?.value === 'icmp');
    expect(await button.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('footer[role="status"]').textContent()).toMatch(/Displayed: \d+ \(/);
    await button.click();
    await page.waitForFunction(() => /Displayed: 10\b/.test(document.querySelector('footer[role="status"]')?.textContent ?? ''));

    // all of it is in the exported profile, in the documented schema
    const download = page.waitForEvent('download');
    await menuItem(page, 'Export profile (.json)');
    const path = join(dir, 'styled.json');
    await (await download).saveAs(path);
    const json = JSON.parse(readFileSync(path, 'utf8')) as { columns: unknown[]; coloringRules: unknown[]; filterButtons: unknown[] };
    expect(json.columns).toContainEqual({ type: 'custom', title: 'Outer IP', field: 'ip.src', occurrence: 1 });
    expect(json.coloringRules).toEqual([{ name: 'Overlay', filter: 'vxlan.vni == 100', background: '#a0c8ff', foreground: '#000000' }]);
    expect(json.filterButtons).toEqual([{ label: 'ICMP only', filter: 'icmp' }]);
    expect(first.errors).toEqual([]);
  });

  it('renames and deletes a profile through its dialogs; Cancel keeps it', async () => {
    const { page } = first;
    const before = await activeProfile(page);
    await menuItem(page, 'Rename…');
    const rename = page.getByRole('dialog', { name: 'Rename profile' });
    const box = rename.getByRole('textbox', { name: 'Name' });
    expect(await box.evaluate((e) => e === document.activeElement)).toBe(true);
    await box.fill('Overlay crew');
    await rename.getByRole('button', { name: 'Rename' }).click();
    await rename.waitFor({ state: 'detached' });
    await waitForProfile(page, 'Overlay crew');
    expect(before).not.toBe('Overlay crew');

    await menuItem(page, 'Delete…');
    const del = page.getByRole('dialog', { name: 'Delete profile “Overlay crew”?' });
    await del.getByRole('button', { name: 'Cancel' }).click();
    await del.waitFor({ state: 'detached' });
    expect(await activeProfile(page)).toBe('Overlay crew');
    await menuItem(page, 'Delete…');
    await del.getByRole('button', { name: 'Delete' }).click();
    await del.waitFor({ state: 'detached' });
    await expect.poll(() => activeProfile(page)).not.toBe('Overlay crew');
    await profileButton(page).click();
    const menu = page.getByRole('menu', { name: 'Profiles' });
    const names = await menu.getByRole('menuitemradio').allTextContents();
    expect(names.some((n) => n.includes('Overlay crew'))).toBe(false);
    // the menu's keyboard: End and Home reach the last and first items, Escape gives the focus back
    const focusedText = (): Promise<string> => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    await page.keyboard.press('End');
    expect(await focusedText()).toBe((await menu.locator('[role^="menuitem"]:not([disabled])').last().textContent())?.trim());
    await page.keyboard.press('Home');
    expect(await focusedText()).toBe((await menu.locator('[role^="menuitem"]').first().textContent())?.trim());
    await page.keyboard.press('ArrowUp');
    expect(await focusedText()).toBe((await menu.locator('[role^="menuitem"]:not([disabled])').last().textContent())?.trim());
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    expect(await profileButton(page).evaluate((e) => e === document.activeElement)).toBe(true);
    expect(first.errors).toEqual([]);
  });
});
