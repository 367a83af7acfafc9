// A VXLAN packet in the details tree and the bytes pane (vxlan.pcap from the corpus): the VNI line,
// its bytes highlighted, a click on a byte selecting the innermost field, the field names shown.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { CAPTURES, launch, openApp, openFiles, waitForPackets, type AppPage } from './browser.ts';

describe('VXLAN packet details and bytes', () => {
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

  it('shows the VNI in the tree and highlights its bytes', async () => {
    const { page } = app;
    await page.locator('[role="row"][aria-rowindex="1"]').click();
    const tree = page.getByRole('tree', { name: 'Packet details' });
    const vxlan = tree.getByRole('treeitem', { name: /^Virtual eXtensible Local Area Network/ });
    await vxlan.waitFor();
    expect(await vxlan.getAttribute('aria-expanded')).toBe('false');
    expect(await vxlan.getAttribute('title')).toBe('vxlan');
    // open it from the keyboard, as a person would: select, then Right
    await vxlan.click();
    await page.keyboard.press('ArrowRight');
    expect(await vxlan.getAttribute('aria-expanded')).toBe('true');
    const vni = tree.getByRole('treeitem', { name: 'VXLAN Network Identifier (VNI): 100' });
    await vni.waitFor();
    expect(await vni.getAttribute('title')).toBe('vxlan.vni');
    expect(await vni.getAttribute('aria-level')).toBe('2');
    await vni.click();
    expect(await vni.getAttribute('aria-selected')).toBe('true');
    // the status line under the tree names the field
    expect(await page.locator('.details .status').textContent()).toContain('(vxlan.vni), 3 bytes');
    // its three bytes (offset 46..48 of the frame: 00 00 64) are highlighted, in hex and in ASCII
    const bytes = page.getByRole('region', { name: 'Packet bytes' });
    const hex = bytes.locator('.hex .hl');
    expect(await hex.count()).toBe(3);
    expect(await hex.allTextContents()).toEqual(['00', '00', '64']);
    expect(await hex.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.o))).toEqual(['46', '47', '48']);
    expect(await bytes.locator('.ascii .hl').count()).toBe(3);
  });

  it('selects the innermost field when a byte is clicked', async () => {
    const { page } = app;
    const tree = page.getByRole('tree', { name: 'Packet details' });
    // byte 26 is the first byte of the outer IPv4 source address
    await page.getByRole('region', { name: 'Packet bytes' }).locator('.hex [data-o="26"]').click();
    const selected = tree.locator('[role="treeitem"][aria-selected="true"]');
    expect(await selected.count()).toBe(1);
    expect(await selected.getAttribute('title')).toBe('ip.src');
    expect(await selected.textContent()).toContain('192.168.203.1');
    // the outer IPv4 layer was opened to show it
    const ip = tree.getByRole('treeitem', { name: /^Internet Protocol Version 4/ }).first();
    expect(await ip.getAttribute('aria-expanded')).toBe('true');
    const hl = page.getByRole('region', { name: 'Packet bytes' }).locator('.hex .hl');
    expect(await hl.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.o))).toEqual(['26', '27', '28', '29']);
  });

  it('keeps the tree open from packet to packet and moves with the keyboard', async () => {
    const { page } = app;
    const grid = page.getByRole('grid', { name: 'Packet list' });
    await grid.focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('[role="row"][aria-selected="true"]').getAttribute('aria-rowindex')).toBe('2');
    // the same field stays selected in the next packet (Wireshark does so)
    const tree = page.getByRole('tree', { name: 'Packet details' });
    await page.waitForFunction(() => document.querySelector('[role="tree"] [aria-selected="true"]')?.getAttribute('title') === 'ip.src');
    expect(await tree.getByRole('treeitem', { name: /^Virtual eXtensible Local Area Network/ }).getAttribute('aria-expanded')).toBe('true');
    expect(app.errors).toEqual([]);
  });
});
