// Apply as Filter / Prepare as Filter from the packet details tree (Wireshark's right-click menu),
// with the mouse and with the keyboard. vxlan.pcap (10 frames, VNI 100: 8 ICMP, 2 ARP) merged with
// vxlan-encapsulated-igmp-v2.pcap (3 IGMP frames, VNI 4242, ten years later): the expected counts
// come from tshark's decode of each file (../shared/corpus/expected/*.tsv).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { CAPTURES, EXPECTED, launch, openApp, openFiles, statusText, waitForPackets, type AppPage } from './browser.ts';

const FILES = ['vxlan.pcap', 'vxlan-encapsulated-igmp-v2.pcap'];

/** tshark's rows of both files (merge order: vxlan.pcap is older), cells by field name. */
function tsharkRows(): Map<string, string>[] {
  return FILES.flatMap((f) => {
    const [head, ...rows] = readFileSync(join(EXPECTED, `${f}.tsv`), 'utf8').split('\n').filter((l) => l !== '');
    const cols = (head as string).split('\t');
    return rows.map((r) => new Map(r.split('\t').map((c, i) => [cols[i] as string, c])));
  });
}

const rows = tsharkRows();
const withVni = (vni: string) => rows.filter((r) => r.get('vxlan.vni') === vni);
const protocols = (r: Map<string, string>) => (r.get('frame.protocols') ?? '').split(':');

describe('Apply / Prepare as Filter from the details tree', () => {
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launch();
    app = await openApp(browser);
    await openFiles(app.page, FILES.map((f) => join(CAPTURES, f)));
    await waitForPackets(app.page, rows.length);
  });
  afterAll(async () => {
    await browser?.close();
  });

  const input = () => app.page.locator('input[aria-label="Display filter"]');
  const tree = () => app.page.getByRole('tree', { name: 'Packet details' });
  const fieldMenu = () => app.page.getByRole('menu', { name: 'Field' });
  const displayed = (n: number) => app.page.waitForFunction((n) => new RegExp(`Displayed: ${n}\\b`).test(document.querySelector('footer[role="status"]')?.textContent ?? ''), n);

  /** Select a packet and open a layer of its tree (a click, then Right). */
  async function openLayer(row: number, layer: RegExp): Promise<void> {
    await app.page.locator(`[role="row"][aria-rowindex="${row}"]`).click();
    const item = tree().getByRole('treeitem', { name: layer }).first();
    await item.waitFor();
    if ((await item.getAttribute('aria-expanded')) === 'false') {
      await item.click();
      await app.page.keyboard.press('ArrowRight');
    }
  }

  it('right-click the VNI, Apply as Filter ▸ Selected: the filter runs and Displayed follows', async () => {
    const { page } = app;
    expect(withVni('100')).toHaveLength(10);
    await openLayer(1, /^Virtual eXtensible Local Area Network/);
    const vni = tree().getByRole('treeitem', { name: 'VXLAN Network Identifier (VNI): 100' });
    await vni.click({ button: 'right' });
    // the item is selected, and the menu names Wireshark's entries
    expect(await vni.getAttribute('aria-selected')).toBe('true');
    await fieldMenu().waitFor();
    expect(await fieldMenu().getByRole('menuitem').allTextContents()).toEqual(['Apply as Filter▸', 'Prepare as Filter▸', 'Copy▸']);
    await fieldMenu().getByRole('menuitem', { name: 'Apply as Filter' }).click();
    const sub = page.getByRole('menu', { name: 'Apply as Filter' });
    expect(await sub.getByRole('menuitem').allTextContents()).toEqual(['Selected', 'Not Selected', '…and Selected', '…or Selected', '…and not Selected', '…or not Selected']);
    await sub.getByRole('menuitem', { name: 'Selected', exact: true }).click();
    await displayed(10);
    expect(await input().inputValue()).toBe('vxlan.vni == 100');
    expect(await statusText(page)).toContain(`Packets: ${rows.length}`);
    expect(await page.getByRole('grid', { name: 'Packet list' }).getAttribute('aria-rowcount')).toBe('10');
    expect(await fieldMenu().count()).toBe(0);
  });

  it('Prepare as Filter ▸ …and not Selected on ICMP puts the combined text in the bar, focused, not applied', async () => {
    const { page } = app;
    const icmp = tree().getByRole('treeitem', { name: /^Internet Control Message Protocol/ });
    await icmp.click({ button: 'right' });
    await fieldMenu().getByRole('menuitem', { name: 'Prepare as Filter' }).hover();
    await page.getByRole('menu', { name: 'Prepare as Filter' }).getByRole('menuitem', { name: '…and not Selected' }).click();
    expect(await input().inputValue()).toBe('(vxlan.vni == 100) && !(icmp)');
    expect(await input().evaluate((el) => el === document.activeElement)).toBe(true);
    // not applied: still 10 displayed, the bar offers Apply, and the text checks as valid
    await page.waitForFunction(() => document.querySelector('input[aria-label="Display filter"]')?.classList.contains('valid'));
    expect(await statusText(page)).toMatch(/Displayed: 10\b/);
    expect(await page.getByRole('button', { name: 'Apply', exact: true }).count()).toBe(1);
    // Enter applies it: the two ARP frames of VNI 100
    const arp = withVni('100').filter((r) => !protocols(r).includes('icmp'));
    expect(arp).toHaveLength(2);
    await input().press('Enter');
    await displayed(arp.length);
  });

  it('opens from the keyboard (Shift+F10, ContextMenu), moves with the arrows, closes with Escape', async () => {
    const { page } = app;
    await input().fill('');
    await input().press('Enter');
    await displayed(rows.length);
    await openLayer(1, /^Virtual eXtensible Local Area Network/);
    const vni = tree().getByRole('treeitem', { name: 'VXLAN Network Identifier (VNI): 100' });
    await vni.click();
    await page.keyboard.press('Shift+F10');
    await fieldMenu().waitFor();
    const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    expect(await focused()).toBe('Apply as Filter▸');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('Prepare as Filter▸');
    await page.keyboard.press('Escape');
    expect(await fieldMenu().count()).toBe(0);
    expect(await vni.evaluate((el) => el === document.activeElement)).toBe(true);

    // ContextMenu key, Right into the submenu, Down to Not Selected, Enter: the other VNI's 3 frames
    await page.keyboard.press('ContextMenu');
    await fieldMenu().waitFor();
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe('Selected');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('Not Selected');
    // Up, Down, Home and End stay in the submenu, wrapping round its ends
    await page.keyboard.press('End');
    expect(await focused()).toBe('…or not Selected');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('Selected');
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe('…or not Selected');
    await page.keyboard.press('Home');
    expect(await focused()).toBe('Selected');
    // Escape closes the submenu only, back to its entry
    await page.keyboard.press('Escape');
    expect(await focused()).toBe('Apply as Filter▸');
    expect(await page.getByRole('menu', { name: 'Apply as Filter' }).count()).toBe(0);
    expect(await fieldMenu().count()).toBe(1);
    // with a submenu open under the mouse, the menu's keys skip its items
    await fieldMenu().getByRole('menuitem', { name: 'Prepare as Filter' }).hover();
    await page.getByRole('menu', { name: 'Prepare as Filter' }).waitFor();
    await page.keyboard.press('End');
    expect(await focused()).toBe('Copy▸');
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe('Prepare as Filter▸');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('Not Selected');
    // Left goes back to the parent entry, Right comes in again
    await page.keyboard.press('ArrowLeft');
    expect(await focused()).toBe('Apply as Filter▸');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const others = rows.filter((r) => r.get('vxlan.vni') !== '100');
    expect(others).toHaveLength(3);
    await displayed(others.length);
    expect(await input().inputValue()).toBe('!(vxlan.vni == 100)');
    expect(await fieldMenu().count()).toBe(0);
  });

  it('offers no filter for a text line, and closes on a click outside', async () => {
    const { page } = app;
    // displayed row 1 is now the first IGMP frame; its inner IPv4 header has an options text line
    await page.locator('[role="row"][aria-rowindex="1"]').click();
    const ip = tree().getByRole('treeitem', { name: /^Internet Protocol Version 4/ }).last();
    await ip.waitFor();
    if ((await ip.getAttribute('aria-expanded')) === 'false') {
      await ip.click();
      await page.keyboard.press('ArrowRight');
    }
    const text = tree().getByRole('treeitem', { name: 'Options: (4 bytes), Router Alert' });
    await text.click({ button: 'right' });
    await fieldMenu().waitFor();
    expect(await fieldMenu().getByRole('menuitem', { name: 'Apply as Filter' }).getAttribute('aria-disabled')).toBe('true');
    expect(await fieldMenu().getByRole('menuitem', { name: 'Prepare as Filter' }).getAttribute('aria-disabled')).toBe('true');
    // a click on the disabled entry opens nothing
    await fieldMenu().getByRole('menuitem', { name: 'Apply as Filter' }).click({ force: true });
    expect(await page.getByRole('menu', { name: 'Apply as Filter' }).count()).toBe(0);
    await page.getByRole('status').first().click();
    expect(await fieldMenu().count()).toBe(0);
    expect(await input().inputValue()).toBe('!(vxlan.vni == 100)');
    expect(app.errors).toEqual([]);
  });
});
