import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, phonePage, saveScreenshot, startServer, type RunningServer } from '../helpers/browser.js';
import { ROOT_DIR } from '../../server/config.js';
import { seriousAxeViolations } from '../helpers/axe.js';

/**
 * "Where can I register?" at the top of the finder, on the real built page at phone size: a registration visit at
 * the village office of Bunutin (Kec. Bangli) comes first, then registering oneself with JMO; the village offices
 * that only give information follow under their own heading; the village page works on reload and offline.
 * Set JANGKAU_SCREENSHOTS to save screenshots; OPTIONS_README_SHOT=1 also writes docs/screenshot-options.png.
 */

const BUNUTIN_BANGLI = '51.06.02.2001';
const DAYS_ID = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
const MONTHS_ID = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];

let server: RunningServer;
let browser: Browser;
/** The WITA date of the visit: the next Monday at least two days ahead, and how the page should write it. */
let visitDate: string;
let visitDateText: string;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const todayWita = new Date(Date.now() + 8 * 3_600_000);
  const d = new Date(Date.UTC(todayWita.getUTCFullYear(), todayWita.getUTCMonth(), todayWita.getUTCDate() + 2));
  while (d.getUTCDay() !== 1) d.setUTCDate(d.getUTCDate() + 1);
  visitDate = d.toISOString().slice(0, 10);
  visitDateText = `${DAYS_ID[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS_ID[d.getUTCMonth()]}`;
  const office = server.services.pointStore.listAll().find((p) => p.external_id === `seed:village-office:${BUNUTIN_BANGLI}`)!;
  server.services.visits.create(
    { point_id: office.id, title: 'Sosialisasi dan pendaftaran BPU', activities: ['sosialisasi', 'pendaftaran'], starts_at: `${visitDate}T09:00:00+08:00`, ends_at: `${visitDate}T12:00:00+08:00` },
    null,
  );
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function pickBunutinBangli(page: Page): Promise<void> {
  await page.getByRole('combobox', { name: 'Pilih desa/kelurahan' }).fill('Bunutin');
  // Two villages are called Bunutin: the picker tells them apart by kecamatan.
  await expect.poll(() => page.getByRole('option').allTextContents()).toEqual([
    expect.stringContaining('Bunutin (Kec. Bangli)'),
    expect.stringContaining('Bunutin (Kec. Kintamani)'),
  ]);
  await page.getByRole('option', { name: /Bunutin \(Kec\. Bangli\)/ }).click();
  await page.locator('.answer__item').first().waitFor();
}

const shareTextOf = async (page: Page, selector: string) =>
  decodeURIComponent((await page.locator(selector).first().getAttribute('href'))!.replace('https://wa.me/?text=', ''));

describe('the answer to "where can I register?"', () => {
  it('shows the registration visit at Bunutin (Kec. Bangli) first, then the JMO line, then the information-only places under their own heading', async () => {
    const page = await phonePage(browser);
    await page.goto(`${server.url}/#/`);
    await pickBunutinBangli(page);

    const items = page.locator('.answer__item');
    await expect.poll(() => items.count()).toBe(3);
    const first = (await items.nth(0).locator('.answer__line').textContent())!.replace(/\s+/g, ' ').trim();
    expect(first).toBe(`${visitDateText}, 09.00–12.00 WITA · Kantor Perbekel Bunutin (Kec. Bangli) · 0 m — petugas BPJS datang untuk pendaftaran`);
    expect((await items.nth(1).textContent())!).toContain('Daftar sendiri lewat aplikasi JMO: siapkan KTP, email, nomor HP');
    expect(await items.nth(1).getByRole('link', { name: 'Buka JMO di Play Store' }).getAttribute('href')).toBe('https://play.google.com/store/apps/details?id=com.bpjstku');

    // The visit is shared with its date; a village office that only informs is never called a place to register.
    const visitShare = await shareTextOf(page, '.answer__item--visit a[href^="https://wa.me/"]');
    expect(visitShare).toContain(`${visitDateText}, 09.00–12.00 WITA di Kantor Perbekel Bunutin (Kec. Bangli)`);
    const heading = page.getByRole('heading', { name: 'Hanya informasi — belum bisa mendaftar di sini' });
    await heading.waitFor();
    const cardShare = await shareTextOf(page, '.point-card a[href^="https://wa.me/"]');
    expect(cardShare).toContain('Kantor Perbekel Bunutin (Kec. Bangli) — layanan: Informasi; belum bisa mendaftar BPJS Ketenagakerjaan di sini');
    expect(cardShare).not.toContain('tempat layanan');

    // In reading order: the answer, the information-only heading, then the registration/cost panel.
    const order = await page.evaluate(() => {
      const y = (el: Element | null) => (el ? el.getBoundingClientRect().top + window.scrollY : -1);
      const info = [...document.querySelectorAll('h3')].find((h) => h.textContent?.startsWith('Hanya informasi')) ?? null;
      return [y(document.querySelector('.answer')), y(info), y(document.getElementById('cara-mendaftar'))];
    });
    expect(order[0]).toBeLessThan(order[1]);
    expect(order[1]).toBeLessThan(order[2]);

    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.evaluate(() => document.querySelector('.place')?.scrollIntoView());
    await saveScreenshot(page, 'options-390');
    if (process.env.OPTIONS_README_SHOT) await page.screenshot({ path: join(ROOT_DIR, 'docs', 'screenshot-options.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
    await saveScreenshot(page, 'options-1280');
    await page.close();
  });

  it('shows a market card with its next market day (Pasah) and no "open now" on a day without market', async () => {
    // A made-up Pasah market next to Bunutin's office. The oracle for Pasah: the facts file's report of a busy
    // Pasar Penelokan on Sunday 2025-07-06 (a Pasah day), and the triwara repeating every 3 days.
    const office = server.services.pointStore.listAll().find((p) => p.external_id === `seed:village-office:${BUNUTIN_BANGLI}`)!;
    const position: [number, number] = [office.position[0] + 0.001, office.position[1]];
    server.services.pointStore.insert(
      {
        name: 'Pasar Uji Pasah', type: 'market', position, village_code: BUNUTIN_BANGLI, address: null, phone: null, whatsapp: null,
        services: ['information'], opening_hours: null, market_days: { triwara: ['Pasah'] }, opens: '05:00', closes: '10:00',
        accuracy: 'approximate', location_note: 'test fixture (made up)', verified_at: null, status: 'active', source: 'test', external_id: null, notes: null,
      },
      new Date().toISOString(),
    );
    const nowWita = new Date(Date.now() + 8 * 3_600_000);
    const minute = nowWita.getUTCHours() * 60 + nowWita.getUTCMinutes();
    const day = new Date(Date.UTC(nowWita.getUTCFullYear(), nowWita.getUTCMonth(), nowWita.getUTCDate()));
    const isPasah = (d: Date) => Math.round((d.getTime() - Date.UTC(2025, 6, 6)) / 86_400_000) % 3 === 0;
    // Today counts while the market is still open (before 10:00).
    if (!(isPasah(day) && minute < 600)) do day.setUTCDate(day.getUTCDate() + 1); while (!isPasah(day));
    const today = day.getTime() === Date.UTC(nowWita.getUTCFullYear(), nowWita.getUTCMonth(), nowWita.getUTCDate());
    const expected = today ? 'Hari pasar: hari ini (Pasah)' : `Pasar berikutnya: ${DAYS_ID[day.getUTCDay()]}, ${day.getUTCDate()} ${MONTHS_ID[day.getUTCMonth()]} (Pasah)`;

    const page = await phonePage(browser);
    await page.goto(`${server.url}/#/`);
    await pickBunutinBangli(page);
    const card = page.locator('.point-card', { hasText: 'Pasar Uji Pasah' });
    await card.waitFor();
    expect(await card.locator('.point-card__next-market').textContent()).toBe(expected);
    const openNow = today && minute >= 300 && minute < 600;
    expect(await card.getByText('Buka sekarang').count()).toBe(openNow ? 1 : 0);
    expect(await card.getByText('Jam buka belum diketahui').count()).toBe(0);
    await saveScreenshot(page, 'market-card-390');
    await page.close();
  });

  it('opens the village page from the finder, keeps it on reload, and lists the visit there', async () => {
    const page = await phonePage(browser);
    await page.goto(`${server.url}/#/`);
    await pickBunutinBangli(page);
    await page.getByRole('link', { name: /Halaman desa Bunutin \(Kec\. Bangli\)/ }).click();
    await expect.poll(() => page.url()).toBe(`${server.url}/#/desa/${BUNUTIN_BANGLI}`);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Desa Bunutin (Kec. Bangli)' }).waitFor();
    await page.locator('.answer__item--visit').first().waitFor();
    expect((await page.locator('.village-visit').first().textContent())!).toContain(`${visitDateText}, 09.00–12.00 WITA · Kantor Perbekel Bunutin (Kec. Bangli)`);
    const share = await shareTextOf(page, '.village-page__actions a[href^="https://wa.me/"]');
    expect(share).toContain(`Bunutin (Kec. Bangli): ${server.url}/#/desa/${BUNUTIN_BANGLI}`);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'village-page-390');
    await page.close();
  });

  it('answers on the phone with no signal after one online visit: the visit first, then JMO', async () => {
    const context: BrowserContext = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'id-ID', timezoneId: 'Asia/Makassar', serviceWorkers: 'allow' });
    const page = await context.newPage();
    await page.goto(`${server.url}/#/desa/${BUNUTIN_BANGLI}`);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    await page.waitForFunction(() => localStorage.getItem('jangkau.dataFetchedAt') !== null, undefined, { timeout: 30_000 });
    await page.locator('.answer__item--visit').first().waitFor();
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Desa Bunutin (Kec. Bangli)' }).waitFor();
    const items = page.locator('.answer__item');
    await expect.poll(() => items.count(), { timeout: 15_000 }).toBe(3);
    expect((await items.nth(0).textContent())!).toContain(`${visitDateText}, 09.00–12.00 WITA · Kantor Perbekel Bunutin (Kec. Bangli)`);
    expect((await items.nth(1).textContent())!).toContain('Daftar sendiri lewat aplikasi JMO');
    await context.close();
  }, 60_000);
});
