import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, startServer, type RunningServer } from '../helpers/browser.js';

/**
 * Airplane mode after one online visit, on the real built page with its real service worker:
 * the village picker, the nearest list (computed on the phone from the cached points) and the
 * "Offline, data dari …" banner all work after going offline and reloading.
 */
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'id-ID', timezoneId: 'Asia/Makassar', serviceWorkers: 'allow' });
  page = await context.newPage();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function pickVillage(typed: string, option: string): Promise<void> {
  const box = page.getByRole('combobox', { name: 'Pilih desa/kelurahan' });
  await box.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}

describe('offline after one online visit', () => {
  it('is an installable app: a manifest with the Indonesian name, theme colour and icons', async () => {
    const res = await fetch(`${server.url}/manifest.webmanifest`);
    expect(res.status).toBe(200);
    const manifest = (await res.json()) as { name: string; short_name: string; theme_color: string; lang: string; icons: { src: string; sizes: string; purpose?: string }[] };
    expect(manifest.name).toBe('Jangkau — BPJS Ketenagakerjaan Bangli');
    expect(manifest.short_name).toBe('Jangkau');
    expect(manifest.theme_color).toBe('#0b6e4f');
    expect(manifest.lang).toBe('id');
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(manifest.icons.some((i) => i.purpose === 'maskable')).toBe(true);
    for (const icon of manifest.icons) {
      const png = await fetch(server.url + icon.src);
      expect(png.headers.get('content-type')).toBe('image/png');
    }
  });

  it('shows the village picker, the nearest list computed on the phone, and the offline banner with the data date', async () => {
    // Online: first visit. Wait until the service worker controls the page and has cached the data set.
    await page.goto(`${server.url}/#/`);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    await page.waitForFunction(() => localStorage.getItem('jangkau.dataFetchedAt') !== null, undefined, { timeout: 30_000 });
    const onlineBanner = await page.locator('.offline-banner').count();

    // Airplane mode, and the page is loaded again from nothing but the phone's caches.
    await context.setOffline(true);
    await page.reload();
    await expect(page.evaluate(() => fetch('/api/health').then(() => 'reached', () => 'unreachable'))).resolves.toBe('unreachable');

    await pickVillage('Bunutin', 'Bunutin');
    await page.locator('.point-card').first().waitFor({ timeout: 20_000 });
    const names = await page.locator('.point-card__name').allTextContents();
    const banner = await page.locator('.offline-banner').innerText();
    if (process.env.OFFLINE_SCREENSHOT) await page.screenshot({ path: process.env.OFFLINE_SCREENSHOT });

    // The same list the server gives for Bunutin's interior point (asked from the test, not the page).
    const villages = (await (await fetch(`${server.url}/api/villages`)).json()) as { features: { properties: { name: string; interior_lat: number; interior_lng: number } }[] };
    const bunutin = villages.features.find((f) => f.properties.name === 'Bunutin')!.properties;
    const fromServer = (await (await fetch(`${server.url}/api/points/nearest?lat=${bunutin.interior_lat}&lng=${bunutin.interior_lng}&limit=${names.length}`)).json()) as { features: { properties: { name: string } }[] };

    expect(onlineBanner).toBe(0);
    expect(names.length).toBeGreaterThanOrEqual(3);
    expect(names).toEqual(fromServer.features.map((f) => f.properties.name));
    expect(banner).toMatch(/^Offline, data dari .+ WITA/);
    await context.setOffline(false);
  }, 90_000);
});
