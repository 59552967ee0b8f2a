import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { launchBrowser, startServer, type RunningServer } from '../helpers/browser.js';
import { ROOT_DIR } from '../../server/config.js';

/**
 * Size budget for a cheap phone on weak signal (a size check, not a timing one): the JavaScript a worker's
 * phone downloads before the finder is usable must stay within 170 KB compressed. Measured in Chromium
 * through the DevTools protocol (every script response until the page is usable and the network is
 * idle), with the service worker blocked so its background precache does not count.
 */
const BUDGET_KB = 170;
const WEB_DIR = process.env.JANGKAU_WEB_DIR ?? join(ROOT_DIR, 'web', 'dist');

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The scripts the finder loads on a first visit, with the bytes on the wire (brotli/gzip as served). */
async function firstLoadScripts(): Promise<{ url: string; wireBytes: number; contentEncoding: string }[]> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'id-ID', serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const scripts = new Map<string, { url: string; encoding: string }>();
  const sizes = new Map<string, number>();
  cdp.on('Network.responseReceived', (e) => {
    if (e.type === 'Script') scripts.set(e.requestId, { url: e.response.url, encoding: String(e.response.headers['content-encoding'] ?? e.response.headers['Content-Encoding'] ?? '') });
  });
  cdp.on('Network.loadingFinished', (e) => sizes.set(e.requestId, e.encodedDataLength));
  await page.goto(`${server.url}/#/`, { waitUntil: 'networkidle' });
  await page.getByRole('combobox', { name: 'Pilih desa/kelurahan' }).waitFor();
  await page.waitForLoadState('networkidle');
  await context.close();
  return [...scripts].map(([id, s]) => ({ url: s.url, wireBytes: sizes.get(id) ?? 0, contentEncoding: s.encoding }));
}

describe('first load on a phone', () => {
  it(`downloads at most ${BUDGET_KB} KB of compressed JavaScript before the finder is usable`, async () => {
    const scripts = await firstLoadScripts();
    const wireKb = scripts.reduce((s, x) => s + x.wireBytes, 0) / 1024;
    // The same files gzip-compressed (the budget's unit), from the build output.
    const gzipKb = scripts.reduce((s, x) => {
      const file = join(WEB_DIR, new URL(x.url).pathname);
      const gz = existsSync(`${file}.gz`) ? readFileSync(`${file}.gz`) : gzipSync(readFileSync(file), { level: 9 });
      return s + gz.length;
    }, 0) / 1024;
    if (process.env.FIRST_LOAD_REPORT) console.log(JSON.stringify({ wireKb, gzipKb, scripts }, null, 1));

    expect(scripts.length).toBeGreaterThan(0);
    // Files under 1 KB are not worth compressing (neither the build nor the server does).
    const big = scripts.filter((s) => existsSync(join(WEB_DIR, `${new URL(s.url).pathname}.gz`)) && s.contentEncoding !== 'br' && s.contentEncoding !== 'gzip');
    expect(big.map((s) => s.url), 'every script of 1 KB or more is served compressed').toEqual([]);
    expect(gzipKb).toBeLessThanOrEqual(BUDGET_KB);
    expect(wireKb).toBeLessThanOrEqual(BUDGET_KB);
  }, 60_000);

  it('serves hashed assets as immutable for a year, and the page itself revalidated', async () => {
    const html = await (await fetch(`${server.url}/`)).text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1];
    const res = await fetch(server.url + asset, { headers: { 'Accept-Encoding': 'br' } });
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-encoding')).toBe('br');
    expect((await fetch(`${server.url}/`)).headers.get('cache-control')).toBe('no-cache');
    expect((await fetch(`${server.url}/sw.js`)).headers.get('cache-control')).toBe('no-cache');
  });
});
