import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, phonePage, saveScreenshot, startServer, type RunningServer } from '../helpers/browser.js';

/** A deployment serving Gianyar and Bangli (JANGKAU_REGIONS=51.04,51.06): 70 + 72 villages. */
let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer({ regions: ['51.04', '51.06'] });
  browser = await launchBrowser();
  page = await phonePage(browser);
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
    expect(bunutin.join('\n')).toMatch(/Bunutin \(Bangli, Kab\. Bangli\)[\s\S]*Bunutin \(Kintamani, Kab\. Bangli\)/);
    const kedisan = await optionsFor('Kedisan');
    expect(kedisan.join('\n')).toMatch(/Kedisan \(Tegallalang, Kab\. Gianyar\)/);
    expect(kedisan.join('\n')).toMatch(/Kedisan \(Kintamani, Kab\. Bangli\)/);
    const ubud = await optionsFor('Ubud');
    expect(ubud[0]).toMatch(/^Ubud \(Ubud\)\s+Kelurahan · Kec\. Ubud · Kab\. Gianyar$/);
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
    await page.getByLabel('Kabupaten/kota').selectOption('51.04');
    await page.getByText('dari 70 desa', { exact: false }).first().waitFor();
    await saveScreenshot(page, 'regions-coverage-phone');
    await page.setViewportSize({ width: 1280, height: 800 });
    await saveScreenshot(page, 'regions-coverage-desktop');
    await page.setViewportSize({ width: 390, height: 844 });
  });
});
