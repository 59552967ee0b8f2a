/**
 * A planner schedules a series on a market's Pasah days on the real built page; a worker who chose a
 * nearby village then sees the next visit, with an .ics that a real iCalendar parser reads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import ICAL from 'ical.js';
import { launchBrowser, startServer, type RunningServer, saveScreenshot } from '../helpers/browser.js';
import { balineseDay } from '../../server/domain/calendar/index.js';
import { seriousAxeViolations } from '../helpers/axe.js';
import { pdfQrText, pdfText } from '../helpers/pdf.js';

const MONTHS_ID = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const MARKET: [number, number] = [115.3551, -8.2785];
const PASSWORD = 'pasar pasah tiap tiga hari';

/** The WITA civil date and hour of an instant (WITA is UTC+8 all year). */
function wita(now: Date): { date: string; hour: number } {
  const shifted = new Date(now.getTime() + 8 * 3_600_000);
  return { date: shifted.toISOString().slice(0, 10), hour: shifted.getUTCHours() };
}

function plusDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The first Pasah on or after today whose 09:00 WITA start is still ahead, found by walking the calendar. */
function nextPasahVisitDate(now: Date): string {
  const { date: today, hour } = wita(now);
  for (let i = 0; i < 3 + 1; i++) {
    const d = plusDays(today, i);
    if (balineseDay(d).triwara === 'Pasah' && !(i === 0 && hour >= 9)) return d;
  }
  throw new Error('no Pasah within four days: the calendar is broken');
}

async function newContext(browser: Browser, size: { width: number; height: number }, extra: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
  return browser.newContext({ viewport: size, deviceScaleFactor: 1, locale: 'id-ID', timezoneId: 'Asia/Makassar', ...extra });
}

describe('planner page and the worker’s next visits', () => {
  let server: RunningServer;
  let browser: Browser;
  let email: string;
  let villageCode: string;
  let pointId: number;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    email = `planner-${Date.now()}@test.jangkau.id`;
    await server.services.auth.createUser({ email, password: PASSWORD, role: 'planner' });
    villageCode = server.services.villages.codeAt(MARKET)!;
    expect(villageCode).toBeTruthy();
    pointId = server.services.pointStore.insert(
      {
        name: 'Pasar Uji Pasah', type: 'market', position: MARKET, village_code: villageCode, address: null, phone: null,
        whatsapp: null, services: ['information'], opening_hours: null, market_days: { triwara: ['Pasah'] }, opens: '06:00',
        closes: '13:00', accuracy: 'approximate', location_note: 'test fixture', verified_at: null, status: 'active',
        source: 'test fixture', external_id: null, notes: null,
      },
      new Date().toISOString(),
    );
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function logIn(page: Page) {
    await page.goto(`${server.url}/#/planner`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Kata sandi').fill(PASSWORD);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.getByRole('heading', { name: 'Perencana kunjungan' }).waitFor();
  }

  it('schedules a series on the market’s Pasah days in one click, lists it without conflicts and cancels one market day', async () => {
    const context = await newContext(browser, { width: 1280, height: 800 });
    const page = await context.newPage();
    await logIn(page);
    await page.getByLabel('Cari tempat').fill('Uji Pasah');
    await page.getByRole('button', { name: /Pasar Uji Pasah/ }).click();
    const expected = nextPasahVisitDate(new Date());
    await expect.poll(() => page.locator('.planner-market__rule').textContent()).toMatch(/^Hari pasaran: Pasah \(berikutnya: /);
    // The first one-click button is the next Pasah whose visit is still ahead.
    expect(await page.locator('.planner-market__day').first().getAttribute('data-date')).toBe(expected);
    await page.getByLabel('Tim').first().fill('Tim Uji');
    await page.getByLabel('Sampai tanggal').first().fill(plusDays(wita(new Date()).date, 30));
    await page.getByRole('button', { name: /^Jadwalkan setiap hari pasaran sampai/ }).click();
    await page.getByText('Tidak ada bentrok untuk kunjungan yang baru disimpan.').waitFor();

    // The month's list shows the series from the next Pasah; the calendar marks the visit on that day.
    const today = wita(new Date()).date;
    if (expected.slice(0, 7) !== today.slice(0, 7)) await page.getByRole('button', { name: 'Bulan berikutnya' }).click();
    const rows = page.locator('.planner-visit');
    await expect.poll(() => rows.first().getAttribute('data-visit-id')).toMatch(new RegExp(`^s\\d+:${expected}$`));
    await expect.poll(() => page.locator(`.planner-day[data-date="${expected}"] .visually-hidden`).textContent()).toContain('1 kunjungan');

    // Cancel the second market day only: the rest of the series stays.
    const second = plusDays(expected, 3);
    if (second.slice(0, 7) !== expected.slice(0, 7)) await page.getByRole('button', { name: 'Bulan berikutnya' }).click();
    const target = page.locator(`.planner-visit[data-visit-id$=":${second}"]`);
    await target.getByRole('button', { name: 'Batalkan tanggal ini' }).click();
    await target.getByRole('group').getByRole('button', { name: 'Batalkan tanggal ini' }).click();
    await expect.poll(() => target.getAttribute('class')).toContain('is-cancelled');
    await expect.poll(() => page.locator('.planner-visit:not(.is-cancelled)').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Hari ini', exact: true }).click();

    await saveScreenshot(page, 'outreachweb-planner-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    await saveScreenshot(page, 'outreachweb-planner-390');
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('heading', { name: 'Visit planner' }).waitFor();
    await saveScreenshot(page, 'outreachweb-planner-390-en');
    await page.getByRole('button', { name: 'ID', exact: true }).click();
    await context.close();
  }, 60_000);

  it('has no serious or critical accessibility violations on the planner page', async () => {
    const context = await newContext(browser, { width: 1280, height: 800 }, { bypassCSP: true });
    const page = await context.newPage();
    await logIn(page);
    await page.getByLabel('Cari tempat').fill('Uji Pasah');
    await page.getByRole('button', { name: /Pasar Uji Pasah/ }).click();
    await page.locator('.planner-market__rule').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  }, 60_000);

  it('shows the next visit near the chosen village with its date and an .ics that ical.js parses, accessibly', async () => {
    const village = server.services.villages.get(villageCode)!;
    const context = await newContext(browser, { width: 390, height: 844 }, { bypassCSP: true });
    await context.addInitScript((place) => localStorage.setItem('jangkau.place', JSON.stringify(place)), {
      position: MARKET, label: village.name, source: 'village', villageCode,
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/#/`);
    await page.getByRole('heading', { name: 'Kunjungan berikutnya di dekat Anda' }).waitFor();
    const card = page.locator('.next-visit').first();
    await card.waitFor();
    const expected = nextPasahVisitDate(new Date());
    expect(await card.locator('time').getAttribute('datetime')).toMatch(new RegExp(`^${expected}T09:00:00\\+08:00$`));
    const text = (await card.textContent())!;
    expect(text).toContain(`${Number(expected.slice(8))} ${MONTHS_ID[Number(expected.slice(5, 7)) - 1]} ${expected.slice(0, 4)}`);
    expect(text).toContain('09:00–12:00 WITA');
    expect(text).toContain('Pasar Uji Pasah');
    for (const label of ['Sosialisasi', 'Pendaftaran', 'Cetak kartu']) expect(text).toContain(label);

    // The cancelled second market day is listed as cancelled, so nobody travels in vain, with no calendar link.
    const second = page.locator('.next-visit').nth(1);
    expect(await second.locator('time').getAttribute('datetime')).toBe(`${plusDays(expected, 3)}T09:00:00+08:00`);
    expect(await second.textContent()).toContain('Dibatalkan');
    expect(await second.getByRole('link').count()).toBe(0);

    const link = card.getByRole('link', { name: /Tambahkan/ });
    const href = (await link.getAttribute('href'))!;
    const res = await fetch(new URL(href, server.url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    const cal = new ICAL.Component(ICAL.parse(await res.text()));
    const events = cal.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events.length).toBeGreaterThan(0);
    const starts = events.map((e) => `${e.startDate.toString()} ${e.component.getFirstProperty('dtstart')?.getParameter('tzid')}`);
    expect(starts).toContain(`${expected}T09:00:00 Asia/Makassar`);

    // "Cetak poster" opens the visit's A4 poster, whose QR code leads back to the visit's page.
    const poster = card.getByRole('link', { name: /Cetak poster/ });
    const posterUrl = new URL((await poster.getAttribute('href'))!, server.url);
    const occurrence = decodeURIComponent(/^\/api\/visits\/(.+)\/poster\.pdf$/.exec(posterUrl.pathname)![1]);
    const pdf = new Uint8Array(await (await fetch(posterUrl)).arrayBuffer());
    expect(pdfText(pdf)).toContain(`${Number(expected.slice(8))} ${MONTHS_ID[Number(expected.slice(5, 7)) - 1]} ${expected.slice(0, 4)}`);
    expect(pdfQrText(pdf)).toBe(`${server.url}/#/acara/${occurrence}`);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'outreachweb-worker-390');
    await context.close();
  }, 60_000);
});
