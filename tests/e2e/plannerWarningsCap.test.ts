/**
 * A save with more conflicts than the server lists (50) tells the planner how many there were, in Indonesian.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, startServer, type RunningServer, saveScreenshot } from '../helpers/browser.js';

const MARKET: [number, number] = [115.3551, -8.2785];
const PASSWORD = 'banyak sekali bentrok';

function witaToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

function plusDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

describe('planner: capped conflict warnings', () => {
  let server: RunningServer;
  let browser: Browser;
  const email = `planner-cap-${Date.now()}@test.jangkau.id`;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    await server.services.auth.createUser({ email, password: PASSWORD, role: 'planner' });
    const pointId = server.services.pointStore.insert(
      {
        name: 'Pasar Uji Padat', type: 'market', position: MARKET, village_code: server.services.villages.codeAt(MARKET), address: null, phone: null,
        whatsapp: null, services: ['information'], opening_hours: null, market_days: {}, opens: null,
        closes: null, accuracy: 'approximate', location_note: 'test fixture', verified_at: null, status: 'active',
        source: 'test fixture', external_id: null, notes: null,
      },
      new Date().toISOString(),
    );
    // Three daily series of the same team over the next 30 days (made up): any new one of theirs clashes 3 × 30 times.
    const from = plusDays(witaToday(), 1);
    for (let i = 0; i < 3; i++) {
      server.services.visits.create({
        point_id: pointId, title: `Seri padat ${i + 1}`, activities: ['sosialisasi'], team: 'Tim Padat',
        starts_at: `${from}T08:00:00+08:00`, ends_at: `${from}T12:00:00+08:00`, repeat: { on_market_days: true, until: plusDays(from, 29) },
      }, null);
    }
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('says "Menampilkan 50 dari N peringatan" after a save with more than 50 conflicts', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, locale: 'id-ID', timezoneId: 'Asia/Makassar' });
    const page = await context.newPage();
    await page.goto(`${server.url}/#/planner`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Kata sandi').fill(PASSWORD);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.getByRole('heading', { name: 'Perencana kunjungan' }).waitFor();
    await page.getByLabel('Cari tempat').fill('Uji Padat');
    await page.getByRole('button', { name: /Pasar Uji Padat/ }).click();
    await page.getByLabel('Tim').first().fill('Tim Padat');
    await page.getByLabel('Sampai tanggal').first().fill(plusDays(witaToday(), 31));
    await page.getByRole('button', { name: /^Jadwalkan setiap hari pasaran sampai/ }).click();
    const note = page.getByText(/^Menampilkan 50 dari \d+ peringatan\.$/);
    await note.waitFor();
    const total = Number(/dari (\d+)/.exec((await note.textContent())!)![1]);
    expect(total).toBeGreaterThan(50);
    expect(await page.locator('.planner-conflicts [role="status"] .planner-warning').count()).toBe(50);
    await saveScreenshot(page, 'i9reads-planner-warnings-cap-390');
    await page.setViewportSize({ width: 1280, height: 800 });
    await saveScreenshot(page, 'i9reads-planner-warnings-cap-1280');
    const dir = process.env.JANGKAU_SCREENSHOTS;
    if (dir) {
      // The full page is very long with 50 warnings: also the screen around the note.
      for (const [w, h] of [[390, 844], [1280, 800]] as const) {
        await page.setViewportSize({ width: w, height: h });
        await note.evaluate((el) => el.scrollIntoView({ block: 'center' }));
        await page.screenshot({ path: `${dir}/i9reads-planner-warnings-cap-note-${w}.png` });
      }
    }
    await context.close();
  }, 90_000);
});
