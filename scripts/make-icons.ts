// The app's icons, drawn here as SVG and rasterised by Debian's Chromium (playwright-core, no
// browser download), so that the PNGs in public/ can be made again from source:
//
//   npx tsx scripts/make-icons.ts
//
// The glyph is a crab (a decapod) seen from above, its shell carrying the three lines of a packet
// list, amber on the app's accent blue. Two layouts:
//  - "any": a rounded square with transparent corners, the crab filling most of it;
//  - "maskable": a full-bleed square, the crab shrunk into the central safe zone (a circle of
//    radius 40% of the icon: https://www.w3.org/TR/appmanifest/#icon-masks), since the OS cuts
//    the icon to its own shape (circle, squircle, teardrop).
// Writes public/icon.svg (the "any" drawing, also listed in the manifest), icon-192.png,
// icon-512.png, icon-maskable-512.png and apple-touch-icon.png (180, iOS ignores manifest icons
// and wants an opaque square).

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const PUBLIC = fileURLToPath(new URL('../public/', import.meta.url));
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

const BLUE = '#2563a8';
const AMBER = '#f2b33d';
const SHELL_EDGE = '#c98a1c';
const INK = '#173f6e';

/**
 * The crab in a 512 × 512 box, centred on (256, 262), fitting a circle of radius ~200 around the
 * centre: legs, claws, eye stalks, then the shell with the packet-list lines on top.
 */
const CRAB = `
  <g fill="none" stroke="${AMBER}" stroke-linecap="round" stroke-linejoin="round">
    <!-- walking legs, three a side -->
    <path stroke-width="20" d="M168 282 L112 300 L84 346 M176 318 L126 348 L110 394 M196 346 L160 386 L156 428" />
    <path stroke-width="20" d="M344 282 L400 300 L428 346 M336 318 L386 348 L402 394 M316 346 L352 386 L356 428" />
    <!-- arms up to the claws -->
    <path stroke-width="26" d="M182 236 L140 200 L126 168 M330 236 L372 200 L386 168" />
    <!-- eye stalks -->
    <path stroke-width="12" d="M226 212 L216 168 M286 212 L296 168" />
  </g>
  <!-- claws: a disc with a bite taken out, the two jaws pointing up and inwards -->
  <g fill="${AMBER}">
    <path d="M120 176 C 76 170 60 120 86 92 C 104 72 134 72 150 86 L 122 118 L 160 112 C 168 140 154 172 120 176 Z" />
    <path d="M392 176 C 436 170 452 120 426 92 C 408 72 378 72 362 86 L 390 118 L 352 112 C 344 140 358 172 392 176 Z" />
  </g>
  <g>
    <circle cx="214" cy="162" r="17" fill="#fff" />
    <circle cx="298" cy="162" r="17" fill="#fff" />
    <circle cx="217" cy="164" r="8" fill="${INK}" />
    <circle cx="295" cy="164" r="8" fill="${INK}" />
  </g>
  <!-- the shell, wider than long, with the packet list on it -->
  <path fill="${AMBER}" stroke="${SHELL_EDGE}" stroke-width="6" d="M256 206 C 338 206 372 248 370 290 C 368 336 318 372 256 372 C 194 372 144 336 142 290 C 140 248 174 206 256 206 Z" />
  <path fill="none" stroke="${BLUE}" stroke-width="17" stroke-linecap="round" d="M200 262 H312 M200 294 H312 M200 326 H268" />
`;

function svg(kind: 'any' | 'maskable'): string {
  const background =
    kind === 'any'
      ? `<rect width="512" height="512" rx="112" fill="${BLUE}" />`
      : `<rect width="512" height="512" fill="${BLUE}" />`;
  // "any": the crab slightly enlarged into the rounded square; "maskable": inside the safe circle
  const scale = kind === 'any' ? 1.04 : 0.8;
  const t = `translate(256 262) scale(${scale}) translate(-256 -262)`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512">${background}<g transform="${t}">${CRAB}</g></svg>\n`;
}

/** The icon on a page exactly `size` pixels square, screenshot with a transparent background. */
async function render(page: import('playwright-core').Page, source: string, size: number, opaque: boolean): Promise<Buffer> {
  await page.setViewportSize({ width: size, height: size });
  const sized = source.replace('width="512" height="512"', `width="${size}" height="${size}"`);
  await page.setContent(`<!doctype html><html><body style="margin:0;background:${opaque ? BLUE : 'transparent'}">${sized}</body></html>`);
  return page.screenshot({ omitBackground: !opaque, clip: { x: 0, y: 0, width: size, height: size } });
}

const any = svg('any');
const maskable = svg('maskable');
writeFileSync(join(PUBLIC, 'icon.svg'), any);

const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  const out: [string, Buffer][] = [
    ['icon-192.png', await render(page, any, 192, false)],
    ['icon-512.png', await render(page, any, 512, false)],
    ['icon-maskable-512.png', await render(page, maskable, 512, true)],
    ['apple-touch-icon.png', await render(page, maskable, 180, true)],
  ];
  for (const [name, png] of out) {
    writeFileSync(join(PUBLIC, name), png);
    console.log(`public/${name}: ${png.length} bytes`);
  }
} finally {
  await browser.close();
}
