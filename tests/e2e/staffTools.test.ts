/**
 * The rest of the staff workspace on the real built page: server field errors next to the right input,
 * duplicate warnings, retire/restore, import with a dry-run preview, and an admin adding a user.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, phonePage, startServer, type RunningServer, saveScreenshot } from '../helpers/browser.js';

const PASSWORD = 'admin kabupaten bangli';

describe('staff tools on the built page', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const email = `admin-${Date.now()}@test.jangkau.id`;
  const dir = mkdtempSync(join(tmpdir(), 'staffweb-'));

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    await server.services.auth.createUser({ email, password: PASSWORD, role: 'admin' });
    page = await phonePage(browser);
    await page.goto(`${server.url}/#/staff`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Kata sandi').fill(PASSWORD);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.getByRole('heading', { name: 'Tempat layanan' }).waitFor();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('says plainly to wait after repeated wrong passwords (429), not just "wrong password"', async () => {
    const other = await phonePage(browser);
    await other.goto(`${server.url}/#/staff`);
    await other.getByLabel('Email').fill('tebak@test.jangkau.id');
    const password = other.getByLabel('Kata sandi');
    const submit = other.getByRole('button', { name: 'Masuk', exact: true });
    const alert = other.getByRole('alert');
    for (let i = 1; i <= 5; i++) {
      await password.fill(`tebakan ke-${i}`);
      const answered = other.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
      await submit.click();
      expect((await answered).status()).toBe(401);
      await alert.filter({ hasText: 'Email atau kata sandi salah' }).waitFor();
    }
    await password.fill('tebakan ke-6');
    await submit.click();
    await alert.filter({ hasText: 'Terlalu banyak percobaan gagal' }).waitFor();
    await other.context().close();
  }, 60_000);

  it('says in Indonesian under the latitude input that the position is outside the service region, and saves nothing', async () => {
    const count = server.services.pointStore.indexEntries().length;
    await page.getByRole('link', { name: '+ Tambah tempat' }).click();
    await page.getByLabel('Nama tempat').fill('Balai Banjar Uji');
    await page.getByLabel('Jenis').selectOption('community_hall');
    await page.getByLabel('Lintang (lat)').fill('10');
    await page.getByRole('button', { name: 'Simpan tempat baru' }).click();
    const error = page.locator('#err-lat');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/^Posisi ini di luar wilayah layanan/);
    expect(await error.locator('[lang="en"]').count()).toBe(0);
    expect(await page.getByLabel('Lintang (lat)').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Lintang (lat)').getAttribute('aria-describedby')).toContain('err-lat');
    expect(server.services.pointStore.indexEntries().length).toBe(count);
  }, 60_000);

  it('creates a point next to a same-type one and names that one in a duplicate warning', async () => {
    const market = server.services.pointStore.getByExternalId('seed:mkt-pasar-kidul-bangli')!;
    await page.getByLabel('Nama tempat').fill('Pasar Uji Dekat Kidul');
    await page.getByLabel('Jenis').selectOption('market');
    await page.getByLabel('Lintang (lat)').fill(String(market.position[1] + 0.0002));
    await page.getByLabel('Bujur (lng)').fill(String(market.position[0]));
    await page.getByRole('button', { name: 'Simpan tempat baru' }).click();
    const warning = page.locator('.notice--warn').filter({ hasText: 'Mungkin ganda' });
    await warning.waitFor();
    await warning.getByRole('link', { name: market.name }).waitFor();
    expect(await page.evaluate(() => location.hash)).toMatch(/view=edit&id=\d+/);
    await page.getByRole('heading', { name: 'Pasar Uji Dekat Kidul', level: 1 }).waitFor();
  }, 60_000);

  it('retires the new point after a confirmation, lists it under retired, and restores it', async () => {
    const id = Number(new URLSearchParams((await page.evaluate(() => location.hash)).split('?')[1]).get('id'));
    await page.getByRole('button', { name: 'Nonaktifkan tempat…' }).click();
    await page.getByRole('button', { name: 'Ya, nonaktifkan' }).click();
    await page.getByRole('status').filter({ hasText: 'Tempat dinonaktifkan.' }).waitFor();
    expect(server.services.pointStore.get(id)!.status).toBe('retired');
    expect((await fetch(`${server.url}/api/points/${id}`)).status).toBe(404);

    await page.getByRole('link', { name: /Kembali ke daftar/ }).click();
    await page.getByRole('link', { name: 'Dinonaktifkan' }).click();
    // The "all" list shows retired points too: wait for the retired filter to be on before looking for the row.
    await page.getByRole('link', { name: 'Dinonaktifkan' }).and(page.locator('[aria-current="true"]')).waitFor();
    const row = page.locator('.point-row').filter({ hasText: 'Pasar Uji Dekat Kidul' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Dinonaktifkan');
    await row.getByRole('link').click();
    await page.getByRole('button', { name: 'Aktifkan kembali…' }).click();
    await page.getByRole('button', { name: 'Ya, aktifkan kembali' }).click();
    await page.getByRole('status').filter({ hasText: 'Tempat aktif kembali.' }).waitFor();
    expect(server.services.pointStore.get(id)!.status).toBe('active');
    // The history refetches after the status message appears, so wait for it to settle.
    await expect
      .poll(() => page.locator('.history__what strong').allTextContents())
      .toEqual(['Diaktifkan kembali', 'Dinonaktifkan', 'Dibuat']);
  }, 60_000);

  it('previews an import, reporting the bad row by its file line, and imports a fixed file', async () => {
    await page.getByRole('link', { name: 'Impor/ekspor' }).click();
    const bad = join(dir, 'balai.csv');
    writeFileSync(bad, 'name,type,lat,lng\nBalai Banjar Impor Satu,community_hall,-8.4301,115.3601\nBalai Banjar Impor Dua,community_hall,abc,115.3602\n');
    await page.getByLabel('Berkas').setInputFiles(bad);
    await page.getByRole('button', { name: 'Pratinjau (uji coba)' }).click();
    const summary = page.locator('.notice').filter({ hasText: 'Uji coba' });
    await summary.waitFor();
    const cells = await summary.locator('tbody tr').first().locator('td').allTextContents();
    expect(cells[0]).toBe('3');
    expect(cells[1]).toBe('lat');
    expect(await page.getByRole('button', { name: 'Impor', exact: true }).isDisabled()).toBe(true);

    const good = join(dir, 'balai-baik.csv');
    writeFileSync(good, 'name,type,lat,lng\nBalai Banjar Impor Satu,community_hall,-8.4301,115.3601\nBalai Banjar Impor Dua,community_hall,-8.4401,115.3602\n');
    await page.getByLabel('Berkas').setInputFiles(good);
    await page.getByRole('button', { name: 'Pratinjau (uji coba)' }).click();
    await page.getByText('Uji coba: 2 baru, 0 diperbarui.').waitFor();
    const names = () => server.db.prepare("SELECT count(*) AS n FROM points WHERE name LIKE 'Balai Banjar Impor%'").get() as { n: number };
    expect(names().n).toBe(0);
    await page.getByRole('button', { name: 'Impor', exact: true }).click();
    await page.getByText('Impor selesai: 2 baru, 0 diperbarui.').waitFor();
    expect(names().n).toBe(2);
    await saveScreenshot(page, 'staffweb-import-390');
  }, 60_000);

  it('lets an admin add a staff user who can then log in', async () => {
    await page.getByRole('link', { name: 'Pengguna' }).click();
    await page.getByRole('heading', { name: 'Tambah pengguna' }).waitFor();
    await page.getByLabel('Email').fill('baru@test.jangkau.id');
    await page.getByLabel('Kata sandi awal').fill('pendek');
    await page.getByLabel('Peran', { exact: true }).selectOption('staff');
    await page.getByRole('button', { name: 'Tambah pengguna' }).click();
    await page.getByText(/Kata sandi awal harus 10–256 karakter/).waitFor();
    await page.getByLabel('Kata sandi awal').fill('1234567890');
    await page.getByRole('button', { name: 'Tambah pengguna' }).click();
    await page.getByText(/Kata sandi awal ini terlalu umum atau mudah ditebak/).waitFor();
    await page.getByLabel('Kata sandi awal').fill('kata sandi yang cukup panjang');
    await page.getByRole('button', { name: 'Tambah pengguna' }).click();
    await page.getByText('Pengguna baru@test.jangkau.id dibuat.').waitFor();
    await page.locator('.user-row').filter({ hasText: 'baru@test.jangkau.id' }).waitFor();
    await saveScreenshot(page, 'staffweb-users-390');
    const login = await server.services.auth.login('baru@test.jangkau.id', 'kata sandi yang cukup panjang');
    expect(login.user.role).toBe('staff');
  }, 60_000);
});
