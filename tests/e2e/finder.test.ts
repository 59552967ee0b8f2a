import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, phonePage, startServer, type RunningServer } from '../helpers/browser.js';
import { seriousAxeViolations } from '../helpers/axe.js';

/**
 * The worker-facing finder on the real built page (npm test builds it; or JANGKAU_WEB_DIR), at phone size.
 * Set FINDER_SCREENSHOT_DIR to also save screenshots for a look by eye.
 */

const SHOTS = process.env.FINDER_SCREENSHOT_DIR;

interface NearestFeature {
  properties: { name: string; distance_m: number; accuracy: string; location_note: string | null };
}
interface Village {
  properties: { name: string; district_name: string; interior_lat: number; interior_lng: number };
}

let server: RunningServer;
let browser: Browser;
let bunutin: Village;

/** Reads a distance shown in Indonesian ("850 m", "2,5 km") or English ("2.5 km") back into metres. */
function metresOf(text: string, decimal: ',' | '.'): number {
  const m = /^([\d.,]+)\s*(m|km)$/.exec(text.trim());
  if (!m) throw new Error(`not a distance: "${text}"`);
  const thousands = decimal === ',' ? '.' : ',';
  const n = Number(m[1].split(thousands).join('').replace(decimal, '.'));
  return m[2] === 'km' ? n * 1000 : n;
}

/** A phone page that records Content-Security-Policy violations (e.g. inline styles in marker HTML). */
async function openFinder(opts: Parameters<typeof phonePage>[1] = {}): Promise<{ page: Page; cspErrors: string[] }> {
  const page = await phonePage(browser, opts);
  const cspErrors: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) cspErrors.push(msg.text());
  });
  await page.goto(`${server.url}/#/`);
  return { page, cspErrors };
}

async function pickVillage(page: Page, typed: string, option: string): Promise<void> {
  const box = page.getByRole('combobox', { name: 'Pilih desa/kelurahan' });
  await box.fill(typed);
  await page.getByRole('option', { name: option }).click();
  await page.locator('.point-card').first().waitFor();
}

async function shownNames(page: Page): Promise<string[]> {
  return page.locator('.point-card__name').allTextContents();
}

async function shownDistances(page: Page): Promise<string[]> {
  return page.locator('.point-card__distance [aria-hidden="true"]').allTextContents();
}

async function shot(page: Page, name: string, scrollTo?: string): Promise<void> {
  if (!SHOTS) return;
  if (scrollTo) await page.locator(scrollTo).first().evaluate((el) => el.scrollIntoView());
  else await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SHOTS, `finderweb-${name}.png`) });
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const villages = (await (await fetch(`${server.url}/api/villages`)).json()) as { features: Village[] };
  bunutin = villages.features.find((v) => v.properties.name === 'Bunutin' && v.properties.district_name === 'Bangli')!;
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the finder page', () => {
  it('lists the places nearest to Bunutin (Kec. Bangli) in Indonesian, nearest first, with distances and the approximate badge', async () => {
    const { page, cspErrors } = await openFinder();
    expect(await page.getAttribute('html', 'lang')).toBe('id');

    const box = page.getByRole('combobox', { name: 'Pilih desa/kelurahan' });
    await box.fill('bunutin');
    // Two villages share the name; the kecamatan tells them apart.
    await expect.poll(() => page.getByRole('option').allTextContents()).toEqual([
      expect.stringContaining('Bunutin (Kec. Bangli)'),
      expect.stringContaining('Bunutin (Kec. Kintamani)'),
    ]);
    await page.getByRole('option', { name: /Bunutin \(Kec\. Bangli\)/ }).click();
    await page.locator('.point-card').first().waitFor();

    const api = (await (
      await fetch(`${server.url}/api/points/nearest?lat=${bunutin.properties.interior_lat}&lng=${bunutin.properties.interior_lng}&limit=10`)
    ).json()) as { features: NearestFeature[] };
    const names = await shownNames(page);
    expect(names).toEqual(api.features.map((f) => f.properties.name));
    expect(names[0]).toBe('Kantor Perbekel Bunutin');

    const distances = await shownDistances(page);
    expect(distances[0]).toBe('0 m');
    for (const d of distances) expect(d).toMatch(/^\d+ m$|^\d+(,\d)? km$/);
    const metres = distances.map((d) => metresOf(d, ','));
    expect(metres).toEqual([...metres].sort((a, b) => a - b));

    await expect.poll(() => page.getByRole('heading', { level: 2, name: 'Tempat terdekat' }).count()).toBe(1);
    expect(await page.getByRole('status').filter({ hasText: 'tempat ditemukan dari Bunutin (Kec. Bangli)' }).textContent()).toContain('10 tempat');
    const approximate = api.features.filter((f) => f.properties.accuracy === 'approximate').length;
    expect(await page.locator('.point-card__approx summary .badge', { hasText: 'Lokasi perkiraan' }).count()).toBe(approximate);
    expect(await page.getByText('Letak kantor desa belum diketahui pasti').count()).toBe(1);

    // The reason is one tap away, taken from the data's location note.
    const first = page.locator('.point-card').first();
    await first.locator('.point-card__approx summary').click();
    const noteFirstPart = api.features[0].properties.location_note!.split(' / ')[0];
    await expect.poll(() => first.locator('.point-card__note').first().textContent()).toBe(noteFirstPart);

    // Links out: directions and a WhatsApp share that carries the name.
    expect(await first.getByRole('link', { name: /Petunjuk arah ke Kantor Perbekel Bunutin/ }).getAttribute('href')).toMatch(
      /^https:\/\/www\.google\.com\/maps\/dir\/\?api=1&destination=-8\.\d+,115\.\d+$/,
    );
    const share = await first.getByRole('link', { name: /Bagikan Kantor Perbekel Bunutin lewat WhatsApp/ }).getAttribute('href');
    expect(decodeURIComponent(share!.replace('https://wa.me/?text=', ''))).toContain('Kantor Perbekel Bunutin');
    expect(await first.getByText('Jam buka belum diketahui').count()).toBe(1);
    expect(await first.getByText('Informasi').count()).toBe(1);

    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, 'id-top');
    await shot(page, 'id-list', '.results__list');

    // "Show more" asks for the next ten, still nearest first.
    await page.getByRole('button', { name: 'Tampilkan lebih banyak' }).click();
    await expect.poll(() => page.locator('.point-card').count()).toBe(20);
    const more = (await shownDistances(page)).map((d) => metresOf(d, ','));
    expect(more).toEqual([...more].sort((a, b) => a - b));

    // The choice is remembered on the device.
    await page.reload();
    await page.locator('.point-card').first().waitFor();
    expect((await shownNames(page))[0]).toBe('Kantor Perbekel Bunutin');

    // Filtering by type: only the market, and the note no longer talks about village offices.
    await page.getByLabel('Jenis tempat').selectOption('market');
    await expect.poll(() => shownNames(page)).toEqual(['Pasar Kidul Bangli']);
    expect(await page.locator('.results__note').textContent()).toContain('Beberapa tempat ditandai lokasi perkiraan');
    expect(cspErrors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('switches the labels to English', async () => {
    const { page } = await openFinder();
    await pickVillage(page, 'Bunutin', 'Bunutin (Kec. Bangli)');
    await page.getByRole('button', { name: 'EN', exact: true }).click();

    await page.getByRole('heading', { level: 2, name: 'Nearest places' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Find where to register for BPJS Ketenagakerjaan');
    expect(await page.locator('.point-card__approx summary .badge').first().textContent()).toBe('Approximate location');
    expect(await page.locator('.point-card').first().getByText('Opening hours not known yet').count()).toBe(1);
    expect(await page.getByRole('status').filter({ hasText: 'places found from Bunutin (Kec. Bangli)' }).count()).toBe(1);
    for (const d of await shownDistances(page)) expect(d).toMatch(/^\d+ m$|^\d+(\.\d)? km$/);
    expect(await page.getByRole('heading', { level: 2, name: 'How to register' }).count()).toBe(1);
    // The choice is remembered, and <html lang> follows it after a reload.
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Nearest places' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await shot(page, 'en-top');
    await shot(page, 'en-reg', '#cara-mendaftar');
    await page.context().close();
  }, 60_000);

  it('finds the nearest places from the phone position with "Gunakan lokasi saya"', async () => {
    const { page } = await openFinder({ geolocation: { latitude: bunutin.properties.interior_lat, longitude: bunutin.properties.interior_lng } });
    await page.getByRole('button', { name: 'Gunakan lokasi saya' }).click();
    await page.locator('.point-card').first().waitFor();
    expect((await shownNames(page))[0]).toBe('Kantor Perbekel Bunutin');
    await expect.poll(() => page.locator('.place__current').textContent()).toBe('Lokasi saya (Desa Bunutin, Kec. Bangli)');
    await page.context().close();
  }, 60_000);

  it('explains how to register with the Rp16.800 minimum and estimates the contribution for a typed income', async () => {
    const { page } = await openFinder();
    const panel = page.locator('#cara-mendaftar');
    await panel.getByText('Paling sedikit Rp16.800 per bulan').waitFor();

    const rules = (await (await fetch(`${server.url}/api/info/registration`)).json()) as {
      rules: { programs: { JKM: { amount_idr_per_month: number } } };
      guide: { what_to_bring: { id_text: string }[]; channels: { url: string }[] };
    };
    for (const item of rules.guide.what_to_bring) expect(await panel.getByText(item.id_text).count()).toBe(1);
    for (const ch of rules.guide.channels) expect(await panel.locator(`a[href="${ch.url}"]`).count()).toBe(1);

    // 1% JKK of Rp2.000.000 plus JKM; JHT adds 2% of the same income.
    const jkm = rules.rules.programs.JKM.amount_idr_per_month;
    const rupiah = (n: number) => `Rp${n.toLocaleString('id-ID')}`;
    await panel.getByLabel('Penghasilan per bulan (Rp)').fill('2.000.000');
    await expect.poll(() => panel.locator('.estimator__total').textContent()).toBe(rupiah(20_000 + jkm));
    await panel.getByLabel(/Tambah JHT/).check();
    await expect.poll(() => panel.locator('.estimator__total').textContent()).toBe(rupiah(20_000 + jkm + 40_000));

    // Below the lowest basis, the minimum applies.
    await panel.getByLabel('Penghasilan per bulan (Rp)').fill('300000');
    await panel.getByLabel(/Tambah JHT/).uncheck();
    await expect.poll(() => panel.locator('.estimator__total').textContent()).toBe('Rp16.800');

    expect(await panel.getByText('Jangkau tidak pernah meminta NIK').count()).toBe(1);
    expect(await page.getByLabel(/NIK/i).count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, 'id-reg', '#cara-mendaftar');
    await page.context().close();
  }, 60_000);

  it('has no serious or critical accessibility violations, in the list view and with the map shown', async () => {
    const { page, cspErrors } = await openFinder();
    // index.html paints a static intro before the app starts and replaces it: check the finder, not that placeholder.
    await page.getByRole('combobox', { name: 'Pilih desa/kelurahan' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await pickVillage(page, 'Bunutin', 'Bunutin (Kec. Bangli)');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.locator('.finder-marker').first().waitFor();
    await page.locator('.leaflet-container path').first().waitFor();
    // Each listed place has a keyboard-focusable marker named after it.
    const markers = page.locator('.finder-marker');
    expect(await markers.count()).toBe((await shownNames(page)).length);
    expect(await markers.first().getAttribute('title')).toBe('1. Kantor Perbekel Bunutin, 0 m');
    expect(await markers.first().getAttribute('tabindex')).toBe('0');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot(page, 'id-map', '#finder-map-h');
    expect(cspErrors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('shows opening hours, open now, the verified date, a temporarily closed place and the registration filter', async () => {
    // Made-up fixture values on two seeded offices, in a server of its own so the other tests see the seed.
    const own = await startServer();
    try {
      own.db
        .prepare(
          `UPDATE points SET opening_hours = ?, verified_at = ?, accuracy = 'exact', services = ?, phone = '0366 123456' WHERE name = 'Kantor Perbekel Apuan'`,
        )
        .run(
          JSON.stringify(Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [{ opens: '00:00', closes: '24:00' }]]))),
          '2026-03-02T02:00:00.000Z',
          JSON.stringify(['registration', 'information']),
        );
      own.db.prepare(`UPDATE points SET status = 'temporarily_closed' WHERE name = 'Kantor Perbekel Tamanbali'`).run();

      const page = await phonePage(browser);
      await page.goto(`${own.url}/#/`);
      await pickVillage(page, 'Bunutin', 'Bunutin (Kec. Bangli)');
      const apuan = page.locator('.point-card', { hasText: 'Kantor Perbekel Apuan' });
      expect(await apuan.getByText('Buka sekarang').count()).toBe(1);
      expect(await apuan.getByText('Dicek 2 Mar 2026').count()).toBe(1);
      expect(await apuan.locator('.point-card__hours-line').textContent()).toBe('Sen–Min 00.00–24.00');
      expect(await apuan.getByText('Lokasi perkiraan').count()).toBe(0);
      expect(await apuan.getByRole('link', { name: 'Telepon Kantor Perbekel Apuan' }).getAttribute('href')).toBe('tel:0366123456');
      const tamanbali = page.locator('.point-card', { hasText: 'Kantor Perbekel Tamanbali' });
      expect(await tamanbali.getByText('Tutup sementara', { exact: true }).count()).toBe(1);
      expect(await tamanbali.getByText('Buka sekarang').count()).toBe(0);

      await shot(page, 'id-states', '.results__list');
      await page.getByLabel('Layanan').selectOption('registration');
      await expect.poll(() => shownNames(page)).toEqual(['Kantor Perbekel Apuan']);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.context().close();
    } finally {
      await own.close();
    }
  }, 60_000);

  it('lets a keyboard user pick a village with the arrow keys and moves focus to the results', async () => {
    const { page } = await openFinder();
    const box = page.getByRole('combobox', { name: 'Pilih desa/kelurahan' });
    await box.click();
    await page.keyboard.type('bunutin');
    // As a sighted keyboard user would: wait for the suggestions (the village list may still be loading).
    await page.getByRole('option', { name: /Bunutin \(Kec\. Kintamani\)/ }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.getByRole('option', { selected: true }).textContent()).toContain('Bunutin (Kec. Kintamani)');
    await page.keyboard.press('Enter');
    await page.locator('.point-card').first().waitFor();
    expect((await shownNames(page))[0]).toBe('Kantor Perbekel Bunutin');
    expect(await page.locator('.place__current').textContent()).toBe('Bunutin (Kec. Kintamani)');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('finder-answer-h');
    await page.context().close();
  }, 60_000);

  it('says in Indonesian when the nearest places cannot be loaded, and recovers on retry', async () => {
    const { page } = await openFinder();
    let failing = true;
    // Simulates a dropped connection for the point endpoints (the nearest list and the offline point set it
    // falls back to); everything else is the real server. Context-wide, so a service worker's fetches are caught too.
    await page.context().route('**/api/points**', (route) => (failing ? route.abort('internetdisconnected') : route.continue()));
    const box = page.getByRole('combobox', { name: 'Pilih desa/kelurahan' });
    await box.fill('Bunutin');
    await page.getByRole('option', { name: /Bunutin \(Kec\. Bangli\)/ }).click();
    await page.getByText('Tempat terdekat tidak dapat dimuat. Periksa sinyal internet lalu coba lagi.').waitFor();
    failing = false;
    await page.getByRole('button', { name: 'Coba lagi' }).click();
    await page.locator('.point-card').first().waitFor();
    expect((await shownNames(page))[0]).toBe('Kantor Perbekel Bunutin');
    await page.context().close();
  }, 60_000);

  it('shows the temporary relief line, marked as not yet verified, only while the relief period runs', async () => {
    const info = (await (await fetch(`${server.url}/api/info/registration`)).json()) as {
      rules: { temporary_relief: { periods: { other_sectors: [string, string] } } };
    };
    const [from, until] = info.rules.temporary_relief.periods.other_sectors;
    for (const [day, expected] of [
      [from, 1],
      [until, 1],
      ['2030-01-15', 0],
    ] as const) {
      const page = await phonePage(browser);
      await page.clock.setFixedTime(new Date(`${day}T04:00:00Z`)); // noon WITA
      await page.goto(`${server.url}/#/`);
      const panel = page.locator('#cara-mendaftar');
      await panel.getByText('Paling sedikit Rp16.800 per bulan').waitFor();
      expect(await panel.locator('.estimator__relief').count(), day).toBe(expected);
      if (expected) {
        // Half of JKK + JKM at the lowest basis.
        expect(await panel.locator('.estimator__relief').textContent()).toContain('Rp8.400 per bulan');
        expect(await panel.locator('.estimator__relief').textContent()).toContain('Belum dicocokkan dengan teks resmi peraturan.');
      }
      await page.context().close();
    }
  }, 60_000);
});

