/**
 * Staff on the real built page: log in, drag a village office's pin, save, verify it on site, and see the
 * change on the public finder; a public "Info salah?" report reaches the staff queue. Plus axe and screenshots.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, startServer, type RunningServer, saveScreenshot } from '../helpers/browser.js';
import { seriousAxeViolations } from '../helpers/axe.js';

const PASSWORD = 'pin di gerbang pasar';
/** Kantor Perbekel Bunutin in Kecamatan Bangli (there is another Bunutin in Kintamani). */
const BUNUTIN_CODE = '51.06.02.2001';

describe('staff workspace on the built page', () => {
  let server: RunningServer;
  let browser: Browser;
  let staff: BrowserContext;
  let page: Page;
  let email: string;
  let pointId: number;
  let before: [number, number];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    email = `petugas-${Date.now()}@test.jangkau.id`;
    await server.services.auth.createUser({ email, password: PASSWORD, role: 'staff' });
    const office = server.services.pointStore.getByExternalId(`seed:village-office:${BUNUTIN_CODE}`)!;
    expect(office.name).toBe('Kantor Perbekel Bunutin');
    expect(office.accuracy).toBe('approximate');
    pointId = office.id;
    before = office.position;
    // bypassCSP only so axe can be injected; the page itself runs under the real CSP in the other contexts.
    // The phone's GPS is faked: a coarse indoor fix first, a good outdoor one later (setGeolocation in the tests).
    staff = await browser.newContext({
      viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, locale: 'id-ID', timezoneId: 'Asia/Makassar', bypassCSP: true,
      permissions: ['geolocation'], geolocation: { latitude: before[1], longitude: before[0], accuracy: 80 },
    });
    page = await staff.newPage();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('refuses a wrong password with a clear message, then logs in and shows who is logged in', async () => {
    await page.goto(`${server.url}/#/staff`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Kata sandi').fill('bukan kata sandinya');
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Email atau kata sandi salah' }).waitFor();
    await page.getByLabel('Kata sandi').fill(PASSWORD);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.getByRole('heading', { name: 'Tempat layanan' }).waitFor();
    const bar = (await page.locator('.staff-bar__who').textContent())!;
    expect(bar).toContain(email);
    expect(bar).toContain('Petugas');
  }, 60_000);

  it('filters the list to approximate points and finds Bunutin by name, with its village and status', async () => {
    await page.getByRole('link', { name: 'Lokasi perkiraan' }).click();
    await page.getByLabel('Cari nama').fill('Bunutin');
    // The search applies after a typing pause and reloads the list: wait until it shows only matches, so the row
    // below (and axe) is read from the searched list, not from the one it is about to replace.
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('.point-row')];
      return rows.length > 0 && rows.every((r) => r.textContent!.includes('Bunutin'));
    });
    const row = page.locator('.point-row').filter({ has: page.locator(`a[href$="id=${pointId}"]`) });
    await row.waitFor();
    const text = (await row.textContent())!;
    expect(text).toContain('Kantor desa');
    expect(text).toContain('Bunutin');
    expect(text).toContain('lokasi perkiraan');
    expect(text).toContain('belum pernah diverifikasi');
    expect(text).toContain('Aktif');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'staffweb-list-390');
    await row.locator('a').first().click();
    await page.getByRole('heading', { name: 'Kantor Perbekel Bunutin', level: 1 }).waitFor();
  }, 60_000);

  it('moves the pin by dragging it: the lat/lng inputs follow, and saving stores that position', async () => {
    const lat = page.getByLabel('Lintang (lat)');
    const lng = page.getByLabel('Bujur (lng)');
    expect(Number(await lat.inputValue())).toBeCloseTo(before[1], 5);
    expect(Number(await lng.inputValue())).toBeCloseTo(before[0], 5);
    const pin = page.locator('.leaflet-marker-icon.staff-pin');
    await pin.scrollIntoViewIfNeeded();
    const box = (await pin.boundingBox())!;
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 30, y - 20, { steps: 8 });
    await page.mouse.move(x + 60, y - 40, { steps: 8 });
    await page.mouse.up();
    // Right on screen is east (larger lng), up is north (larger, i.e. less negative, lat).
    await expect.poll(async () => Number(await lng.inputValue())).toBeGreaterThan(before[0]);
    const movedLat = Number(await lat.inputValue());
    const movedLng = Number(await lng.inputValue());
    expect(movedLat).toBeGreaterThan(before[1]);
    // A moved but unsaved pin must not be verified at its old position.
    await expect.poll(() => page.getByRole('button', { name: 'Dikonfirmasi lewat telepon' }).isDisabled()).toBe(true);
    await page.getByText('Tombol pengecekan aktif lagi setelah perubahan formulir disimpan.').waitFor();

    await page.getByRole('button', { name: 'Simpan perubahan' }).click();
    await page.getByRole('status').filter({ hasText: 'Tersimpan.' }).waitFor();
    const stored = server.services.pointStore.get(pointId)!;
    expect(stored.position[0]).toBeCloseTo(movedLng, 6);
    expect(stored.position[1]).toBeCloseTo(movedLat, 6);
  }, 60_000);

  it('says plainly that the pin map has no street map, and reads pasted map links into the pin', async () => {
    const note = page.getByRole('note').filter({ hasText: 'Tidak ada peta jalan' });
    await note.waitFor();
    expect(await note.textContent()).toContain('Saya di lokasi ini');
    await page.getByLabel('Tempel koordinat atau tautan peta').fill('nama tempat saja');
    await page.getByRole('button', { name: 'Pakai', exact: true }).click();
    await page.getByText(/Tidak ada koordinat di teks itu/).waitFor();
    await note.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'staffweb-pinmap-notiles-390');
    await page.getByLabel('Tempel koordinat atau tautan peta').fill('https://maps.google.com/?q=-8.4512,115.3541');
    await page.getByRole('button', { name: 'Pakai', exact: true }).click();
    await expect.poll(async () => page.getByLabel('Lintang (lat)').inputValue()).toBe('-8.451200');
    expect(await page.getByLabel('Bujur (lng)').inputValue()).toBe('115.354100');
    // Not saved: reload the point so the next test starts from the stored position.
    await page.reload();
    await page.getByRole('heading', { name: 'Kantor Perbekel Bunutin', level: 1 }).waitFor();
  }, 60_000);

  it('takes a GPS fix with "Saya di lokasi ini", refuses ±80 m, saves ±12 m as exact, and shows it in the history', async () => {
    const here = page.getByRole('button', { name: 'Saya di lokasi ini' });
    await here.click();
    await page.getByText('Akurasi ±80 m', { exact: true }).waitFor();
    await page.getByText(/terlalu kasar untuk lokasi tepat \(paling kasar ±50 m\)/).waitFor();
    expect(await page.getByRole('button', { name: 'Simpan posisi ini sebagai lokasi tepat' }).count()).toBe(0);

    const fix = { latitude: before[1] + 0.0004, longitude: before[0] - 0.0003 };
    await staff.setGeolocation({ ...fix, accuracy: 12 });
    await here.click();
    await page.getByText('Akurasi ±12 m', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Simpan posisi ini sebagai lokasi tepat' }).click();
    await page.getByRole('status').filter({ hasText: 'Tersimpan: lokasi tepat dari GPS di tempat.' }).waitFor();
    const stored = server.services.pointStore.get(pointId)!;
    expect(stored.accuracy).toBe('exact');
    expect(stored.position[0]).toBeCloseTo(fix.longitude, 6);
    expect(stored.position[1]).toBeCloseTo(fix.latitude, 6);
    expect(stored.verification).toMatchObject({ method: 'gps', by: email, accuracy_m: 12 });
    // The header badges follow the server's answer.
    await page.locator('.point-head').getByText('lokasi tepat').waitFor();

    const history = page.locator('.history__entry');
    await expect.poll(() => history.count()).toBe(2);
    expect(await history.nth(0).locator('.history__what').textContent()).toContain('Diverifikasi');
    expect(await history.nth(0).textContent()).toContain(email);
    const edit = history.nth(1);
    expect(await edit.locator('.history__what').textContent()).toContain('Diubah');
    const changed = await edit.locator('tbody th').allTextContents();
    expect(changed).toEqual(expect.arrayContaining(['Lintang', 'Bujur']));
    expect(await edit.locator('tbody tr').filter({ hasText: 'Bujur' }).locator('.diff__before').textContent()).toBe(String(Math.round(before[0] * 1e6) / 1e6));

    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'staffweb-form-390');
    await page.setViewportSize({ width: 1280, height: 800 });
    await saveScreenshot(page, 'staffweb-form-1280');
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('button', { name: 'Save changes' }).waitFor();
    await saveScreenshot(page, 'staffweb-form-1280-en');
    await page.getByRole('button', { name: 'ID', exact: true }).click();
    await page.setViewportSize({ width: 390, height: 844 });
  }, 60_000);

  it('shows the verified point on the public finder without the "lokasi perkiraan" badge, and takes a report to the staff queue', async () => {
    const pub = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, locale: 'id-ID', timezoneId: 'Asia/Makassar' });
    const worker = await pub.newPage();
    await worker.goto(`${server.url}/#/`);
    await worker.getByRole('combobox', { name: 'Pilih desa/kelurahan' }).fill('Bunutin');
    await worker.getByRole('option', { name: /Bunutin \(Kec\. Bangli\)/ }).click();
    const card = worker.locator('article.point-card').filter({ has: worker.getByRole('heading', { name: 'Kantor Perbekel Bunutin' }) });
    await card.waitFor();
    const text = (await card.textContent())!;
    expect(text).toMatch(/Dicek di lokasi dengan GPS, \d{1,2} \S+ \d{4}/);
    expect(await card.locator('.badge--warn').filter({ hasText: /lokasi perkiraan/i }).count()).toBe(0);

    await card.getByRole('button', { name: /Info salah\?/ }).click();
    const dialog = worker.getByRole('dialog');
    await dialog.getByLabel('Lokasi salah').check();
    await dialog.getByLabel(/Keterangan/).fill('Kantornya di seberang pura desa');
    await saveScreenshot(worker, 'staffweb-report-390');
    await dialog.getByRole('button', { name: 'Kirim laporan' }).click();
    await dialog.getByText('Laporan Anda diterima').waitFor();
    await dialog.getByRole('button', { name: 'Tutup' }).click();
    await pub.close();

    await page.goto(`${server.url}/#/staff?view=reports`);
    const report = page.locator('.report-row').filter({ hasText: 'Kantornya di seberang pura desa' });
    await report.waitFor();
    expect(await report.textContent()).toContain('Lokasi salah');
    expect(await report.textContent()).toContain('Kantor Perbekel Bunutin');
    await saveScreenshot(page, 'staffweb-reports-390');
    await report.getByRole('button', { name: 'Selesai' }).click();
    await page.getByText('Tidak ada laporan terbuka.').waitFor();
  }, 60_000);

  it('adds a new place on site with "Saya di lokasi ini": a ±8 m fix places the pin and the saved place starts exact', async () => {
    const spot = { latitude: -8.4101, longitude: 115.3702 }; // made up, in Kabupaten Bangli, away from seeded points
    await staff.setGeolocation({ ...spot, accuracy: 8 });
    await page.goto(`${server.url}/#/staff?view=new`);
    await page.getByLabel('Nama tempat').fill('Balai Banjar Uji GPS');
    await page.getByRole('button', { name: 'Saya di lokasi ini' }).click();
    await page.getByText('Akurasi ±8 m', { exact: true }).waitFor();
    expect(await page.getByLabel('Lintang (lat)').inputValue()).toBe('-8.410100');
    await page.getByRole('button', { name: 'Simpan tempat baru' }).click();
    await page.getByRole('heading', { name: 'Balai Banjar Uji GPS', level: 1 }).waitFor();
    const created = server.services.pointStore.listAll().find((p) => p.name === 'Balai Banjar Uji GPS')!;
    await expect.poll(() => server.services.pointStore.get(created.id)!.accuracy).toBe('exact');
    expect(server.services.pointStore.get(created.id)!.verification).toMatchObject({ method: 'gps', by: email, accuracy_m: 8 });
    await page.locator('.point-head').getByText('lokasi tepat').waitFor();
  }, 60_000);
});
