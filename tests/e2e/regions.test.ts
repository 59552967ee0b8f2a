import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, phonePage, saveScreenshot, startServer, type RunningServer } from '../helpers/browser.js';

/** A deployment serving Gianyar and Bangli (JANGKAU_REGIONS=51.04,51.06): 70 + 72 villages. */
let server: RunningServer;
let browser: Browser;
let page: Page;

const PLANNER = { email: `planner-${Date.now()}@test.jangkau.id`, password: 'dua kabupaten satu cabang' };

beforeAll(async () => {
  server = await startServer({ regions: ['51.04', '51.06'] });
  browser = await launchBrowser();
  page = await phonePage(browser);
  await server.services.auth.createUser({ email: PLANNER.email, password: PLANNER.password, role: 'planner' });
  // One visit today (WITA) in each kabupaten, at a place the start-up import added there.
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  for (const [prefix, title] of [['51.04.', 'Sosialisasi di Gianyar'], ['51.06.', 'Sosialisasi di Bangli']]) {
    const place = server.services.pointStore.listVisible().find((p) => p.status === 'active' && p.village_code?.startsWith(prefix))!;
    server.services.visits.create({ point_id: place.id, title, activities: ['sosialisasi'], starts_at: `${today}T09:00:00+08:00`, ends_at: `${today}T10:00:00+08:00` }, null);
  }
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function optionsFor(typed: string): Promise<string[]> {
  const box = page.getByRole('combobox', { name: 'Pilih desa/kelurahan' });
  await box.fill(typed);
  await page.getByRole('option').first().waitFor();
  return page.getByRole('option').allInnerTexts();
}

describe('JANGKAU_REGIONS=51.04,51.06 in the browser', () => {
  it('the picker shows both Bunutins, names the kabupaten of names found in both, and finds Gianyar villages', async () => {
    await page.goto(`${server.url}/#/`);
    const bunutin = await optionsFor('Bunutin');
    expect(bunutin.filter((o) => o.startsWith('Bunutin ('))).toHaveLength(2);
    expect(bunutin.join('\n')).toMatch(/Bunutin \(Kec\. Bangli, Kab\. Bangli\)[\s\S]*Bunutin \(Kec\. Kintamani, Kab\. Bangli\)/);
    const kedisan = await optionsFor('Kedisan');
    expect(kedisan.join('\n')).toMatch(/Kedisan \(Kec\. Tegallalang, Kab\. Gianyar\)/);
    expect(kedisan.join('\n')).toMatch(/Kedisan \(Kec\. Kintamani, Kab\. Bangli\)/);
    const ubud = await optionsFor('Ubud');
    expect(ubud[0]).toMatch(/^Ubud \(Kec\. Ubud\)\s+Kelurahan · Kec\. Ubud · Kab\. Gianyar$/);
    await saveScreenshot(page, 'regions-picker-phone');
    await page.getByRole('option').first().click();
    await page.locator('.point-card').first().waitFor({ timeout: 20_000 });
    expect(await page.locator('.point-card__name').first().innerText()).toBe('Kantor Lurah Ubud');
  });

  it('the coverage map draws all 142 villages and the list follows the kabupaten filter', async () => {
    await page.goto(`${server.url}/#/coverage`);
    const paths = page.locator('.coverage-map .leaflet-overlay-pane path');
    await expect.poll(() => paths.count()).toBe(142);
    await page.getByText('dari 142 desa', { exact: false }).first().waitFor();
    const visibleInMap = () => page.evaluate(() => {
      const box = document.querySelector('.coverage-map .leaflet-container')!.getBoundingClientRect();
      return [...document.querySelectorAll('.coverage-map .leaflet-overlay-pane path')].filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && r.right > box.left && r.left < box.right && r.bottom > box.top && r.top < box.bottom;
      }).length;
    });
    // Where the map shows, as Leaflet's zoom proxy has it (translate = projected centre, scale = 2^zoom).
    const view = () => page.locator('.coverage-map .leaflet-proxy').evaluate((el) => (el as HTMLElement).style.transform);
    const before = await visibleInMap();
    const beforeView = await view();
    await page.getByLabel('Kabupaten/kota').selectOption('51.04');
    await page.getByText('dari 70 desa', { exact: false }).first().waitFor();
    // The map zooms in to Gianyar (scale 2^zoom doubles at least) and Bangli's north leaves the view.
    const scale = (v: string) => Number(/scale\(([\d.]+)\)/.exec(v)?.[1]);
    await expect.poll(async () => scale(await view())).toBeGreaterThanOrEqual(2 * scale(beforeView));
    await expect.poll(visibleInMap).toBeLessThan(before);
    await saveScreenshot(page, 'regions-coverage-phone');
    await page.setViewportSize({ width: 1280, height: 800 });
    await saveScreenshot(page, 'regions-coverage-desktop');
    await page.setViewportSize({ width: 390, height: 844 });
    // Back to both kabupaten: the map zooms out to show them all again.
    await page.getByLabel('Kabupaten/kota').selectOption('');
    await expect.poll(async () => scale(await view())).toBe(scale(beforeView));
  });

  it('the planner filters the month\'s visits by kabupaten, not only the places', async () => {
    await page.goto(`${server.url}/#/planner`);
    await page.getByLabel('Email').fill(PLANNER.email);
    await page.getByLabel('Kata sandi').fill(PLANNER.password);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    const titles = page.locator('.planner-visit__what');
    await expect.poll(() => titles.count()).toBe(2);
    const filter = page.locator('#planner-visit-region');
    await filter.selectOption('51.04');
    await expect.poll(() => titles.allInnerTexts()).toEqual([expect.stringContaining('Sosialisasi di Gianyar')]);
    await filter.selectOption('51.06');
    await expect.poll(() => titles.allInnerTexts()).toEqual([expect.stringContaining('Sosialisasi di Bangli')]);
    await saveScreenshot(page, 'regions-planner-visits-phone');
    await filter.selectOption('');
    await expect.poll(() => titles.count()).toBe(2);
  });
});
