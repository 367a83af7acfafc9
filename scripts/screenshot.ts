// docs/screenshot.png: the app with ../shared/corpus/captures/vxlan.pcap open, the overlay columns
// (outer source and destination, VNI) shown, the first packet's VXLAN layer expanded and its VNI
// selected (bytes highlighted), in the light theme at 1440×900.
// Builds the app, serves it with `vite preview` on a free port, drives Debian's Chromium.
//
//   npx tsx scripts/screenshot.ts [--dark] [--out docs/screenshot.png] [--capture FILE]

import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';

const REPO = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({
  options: {
    dark: { type: 'boolean', default: false },
    out: { type: 'string', default: join(REPO, 'docs', 'screenshot.png') },
    capture: { type: 'string', default: join(REPO, '..', 'shared', 'corpus', 'captures', 'vxlan.pcap') },
  },
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

const outDir = mkdtempSync(join(tmpdir(), 'decapod-shot-'));
try {
  await build({ root: REPO, logLevel: 'warn', build: { outDir, emptyOutDir: true, sourcemap: false, rolldownOptions: { checks: { bundlerTimings: false } } } });
  await shoot();
} finally {
  rmSync(outDir, { recursive: true, force: true });
}

async function shoot(): Promise<void> {
  const port = await freePort();
  const server = await preview({ root: REPO, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port, strictPort: true } });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: values.dark ? 'dark' : 'light', deviceScaleFactor: 1 });
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.locator('input[type="file"]').setInputFiles([values.capture as string]);
    await page.waitForFunction(() => {
      const s = document.querySelector('footer[role="status"]')?.textContent ?? '';
      return /Packets: [1-9]/.test(s) && !s.includes('Loading');
    });
    for (const column of ['Outer source', 'Outer destination', 'VNI']) {
      await page.getByRole('button', { name: 'View ▾' }).click();
      await page.getByRole('menuitemcheckbox', { name: column }).click();
      await page.keyboard.press('Escape');
    }
    await page.locator('[role="row"][aria-rowindex="1"]').click();
    const tree = page.getByRole('tree', { name: 'Packet details' });
    const vxlan = tree.getByRole('treeitem', { name: /^Virtual eXtensible Local Area Network/ }).first();
    if (await vxlan.count()) {
      await vxlan.click();
      await page.keyboard.press('ArrowRight');
      await tree.getByRole('treeitem', { name: /^VXLAN Network Identifier/ }).first().click();
    }
    await page.mouse.move(0, 0);
    await page.screenshot({ path: values.out as string });
    console.log(`wrote ${values.out}`);
  } finally {
    await browser.close();
    await server.close();
  }
}
