/**
 * One error of each family, triggered on the real built page with an id-ID browser: a 400 on the staff point form,
 * a 409 (an email already taken), a 429 login lockout, an import row error, a planner conflict warning and a
 * day-route note. Each is said in Indonesian from its code and params, and no English server sentence (nor an
 * internal id like "v12") reaches the screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, phonePage, startServer, type RunningServer, saveScreenshot } from '../helpers/browser.js';

const PASSWORD = 'kode bukan kalimat';
/** Words of the server's English sentences that must not appear on an Indonesian screen. */
const ENGLISH = [/ must /, / the /i, /\bvisits?\b/i, /\bgot\b/, /\bcannot\b/, /\bbetween\b/, /\boverlaps?\b/, /\bbooked\b/, /\balready exists\b/, /\bToo many\b/i, /\bunknown\b/i, /\bis required\b/, /\bv\d+\b/];

/** The visible text of `selector` (the whole page by default), checked against the English words. */
async function expectNoEnglish(page: Page, selector = 'body'): Promise<string> {
  const text = await page.locator(selector).first().innerText();
  for (const word of ENGLISH) expect(text, `"${word}" in: ${text}`).not.toMatch(word);
  return text;
}

/** Today's WITA date. */
function witaToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

describe('errors and warnings on Indonesian screens', () => {
  let server: RunningServer;
  let browser: Browser;
  const admin = `admin-${Date.now()}@test.jangkau.id`;
  const planner = `planner-${Date.now()}@test.jangkau.id`;
  const dir = mkdtempSync(join(tmpdir(), 'jangkau-codes-'));

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    await server.services.auth.createUser({ email: admin, password: PASSWORD, role: 'admin' });
    await server.services.auth.createUser({ email: planner, password: PASSWORD, role: 'planner' });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function logIn(page: Page, hash: string, email: string, heading: string) {
    await page.goto(`${server.url}/#/${hash}`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Kata sandi').fill(PASSWORD);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.getByRole('heading', { name: heading }).first().waitFor();
  }

  it('says a 429 login lockout in Indonesian with the wait in minutes', async () => {
    const page = await phonePage(browser);
    await page.goto(`${server.url}/#/staff`);
    await page.getByLabel('Email').fill('tebak@test.jangkau.id');
    for (let i = 1; i <= 6; i++) {
      await page.getByLabel('Kata sandi').fill(`tebakan ke-${i}`);
      const answered = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
      await page.getByRole('button', { name: 'Masuk', exact: true }).click();
      if ((await answered).status() === 429) break;
    }
    await page.getByRole('alert').filter({ hasText: /Terlalu banyak percobaan gagal\. Coba lagi dalam \d+ menit\./ }).waitFor();
    await expectNoEnglish(page);
    await page.context().close();
  }, 60_000);

  it('says a 400 on the staff point form under the field, in Indonesian, with the value sent', async () => {
    const page = await phonePage(browser);
    await logIn(page, 'staff', admin, 'Tempat layanan');
    await page.getByRole('link', { name: '+ Tambah tempat' }).click();
    await page.getByLabel('Nama tempat').fill('Balai Banjar Kode');
    await page.getByLabel('Jenis').selectOption('community_hall');
    await page.getByLabel('Lintang (lat)').fill('-8.45');
    await page.getByLabel('Bujur (lng)').fill('115.35');
    await page.getByLabel('Telepon').fill('telepon saja');
    await page.getByRole('button', { name: 'Simpan tempat baru' }).click();
    const error = page.locator('#err-phone');
    await error.waitFor();
    expect(await error.innerText()).toBe('Telepon harus nomor Indonesia, misalnya (0366) 91234 atau 0812-3456-7890 (tertulis: telepon saja).');
    await expectNoEnglish(page, '.point-form');
    await saveScreenshot(page, 'codes-point-form-390');
    // Issue 13: the error goes as soon as its cause is fixed, before the next save.
    await page.getByLabel('Telepon').fill('(0366) 91234');
    await expect.poll(() => error.count()).toBe(0);
    await page.context().close();
  }, 60_000);

  it('says a 409 (an email already taken) and an import row error in Indonesian', async () => {
    const page = await phonePage(browser);
    await logIn(page, 'staff', admin, 'Tempat layanan');
    await page.getByRole('link', { name: 'Pengguna' }).click();
    await page.getByRole('heading', { name: 'Tambah pengguna' }).waitFor();
    await page.getByLabel('Email').fill(planner);
    await page.getByLabel('Kata sandi awal').fill('kata sandi yang cukup panjang');
    await page.getByLabel('Peran', { exact: true }).selectOption('staff');
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/users') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Tambah pengguna' }).click();
    expect((await answered).status()).toBe(409);
    await page.getByText(`Sudah ada pengguna dengan email ${planner}.`).waitFor();
    await expectNoEnglish(page);

    await page.getByRole('link', { name: 'Impor/ekspor' }).click();
    const csv = join(dir, 'balai.csv');
    writeFileSync(csv, 'name,type,lat,lng\nBalai Banjar Impor,balai_banjar,-8.4301,115.3601\n');
    await page.getByLabel('Berkas').setInputFiles(csv);
    await page.getByRole('button', { name: 'Pratinjau (uji coba)' }).click();
    const row = page.locator('.notice').filter({ hasText: 'Uji coba' }).locator('tbody tr').first();
    await row.waitFor();
    const cells = await row.locator('td').allInnerTexts();
    expect(cells.slice(0, 2)).toEqual(['2', 'type']);
    expect(cells[2]).toMatch(/^type: "balai_banjar" tidak dikenal\. Pilih salah satu: village_office, /);
    await expectNoEnglish(page, '.notice');
    await saveScreenshot(page, 'codes-import-390');
    await page.context().close();
  }, 60_000);

  it('says a team double booking and a tight transfer by visit title and WITA time, not by id', async () => {
    const date = witaToday();
    const a = server.services.pointStore.getByExternalId('seed:mkt-pasar-kidul-bangli')!;
    const far = server.services.pointStore.listAll().find((p) => p.type === 'village_office' && Math.abs(p.position[1] - a.position[1]) > 0.1)!;
    const visit = (pointId: number, title: string, start: string, end: string) =>
      server.services.visits.create({ point_id: pointId, title, activities: ['sosialisasi'], starts_at: `${date}T${start}:00+08:00`, ends_at: `${date}T${end}:00+08:00`, team: 'Tim Kode', capacity: null, notes: null }, null);
    visit(far.id, 'Sosialisasi di kantor desa', '08:00', '12:00');
    visit(a.id, 'Pendaftaran di Pasar Kidul', '10:00', '11:00');

    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'id-ID', timezoneId: 'Asia/Makassar' });
    await logIn(page, 'planner', planner, 'Perencana kunjungan');
    const month = page.locator('.planner-conflicts');
    const overlap = month.locator('.planner-warning[data-code="team_overlap"]').first();
    await overlap.waitFor();
    const overlapText = await overlap.innerText();
    expect(overlapText).toContain('Tim Kode terjadwal dua kali');
    expect(overlapText).toMatch(/bertabrakan dengan "(Sosialisasi di kantor desa|Pendaftaran di Pasar Kidul)"/);
    await expectNoEnglish(page, '.planner-conflicts');

    await page.locator('#route-date').fill(date);
    await page.locator('#route-team').fill('Tim Kode');
    await page.getByRole('button', { name: 'Tampilkan rute' }).click();
    const note = page.locator('.planner-route .planner-warning[data-code="tight_transfer"]');
    await note.waitFor();
    expect(await note.innerText()).toMatch(
      /"Sosialisasi di kantor desa" selesai 12.00 WITA dan "Pendaftaran di Pasar Kidul" mulai 10.00 WITA, padahal perjalanan diperkirakan \d+ menit\./,
    );
    await expectNoEnglish(page, '.planner-route');
    await saveScreenshot(page, 'codes-planner-1280');
    await page.context().close();
  }, 90_000);
});
