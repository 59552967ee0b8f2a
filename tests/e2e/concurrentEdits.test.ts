/**
 * Two staff members edit the same point on the built page. A saves a new phone; B, whose form was filled
 * from the older read, saves an address: B is told "Data ini sudah diubah oleh orang lain" with what changed,
 * keeps what they typed, and A's phone is not undone. Then B puts their address on top and saves both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, saveScreenshot, startServer, type RunningServer } from '../helpers/browser.js';

const PASSWORD = 'dua petugas satu tempat';
const BUNUTIN_CODE = '51.06.02.2001';

async function staffPage(browser: Browser, server: RunningServer, email: string, width = 390, height = 844): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1, locale: 'id-ID', timezoneId: 'Asia/Makassar' });
  const page = await context.newPage();
  await page.goto(`${server.url}/#/staff`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Kata sandi').fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.getByRole('heading', { name: 'Tempat layanan' }).waitFor();
  return page;
}

describe('two staff members editing one point', () => {
  let server: RunningServer;
  let browser: Browser;
  let a: Page;
  let b: Page;
  let pointId: number;
  let addressBefore: string | null;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    for (const who of ['a', 'b']) await server.services.auth.createUser({ email: `staf-${who}@test.jangkau.id`, password: PASSWORD, role: 'staff' });
    const office = server.services.pointStore.getByExternalId(`seed:village-office:${BUNUTIN_CODE}`)!;
    pointId = office.id;
    addressBefore = office.address;
    expect(office.phone).toBeNull();
    a = await staffPage(browser, server, 'staf-a@test.jangkau.id');
    b = await staffPage(browser, server, 'staf-b@test.jangkau.id', 1280, 800);
    for (const p of [a, b]) {
      await p.goto(`${server.url}/#/staff?view=edit&id=${pointId}`);
      await p.getByLabel('Telepon').waitFor();
    }
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('refuses B\'s save from the older read, shows what A changed, and keeps B\'s typed address and A\'s phone', async () => {
    await a.getByLabel('Telepon').fill('0812-1111-2222');
    await a.getByRole('button', { name: 'Simpan perubahan' }).click();
    await a.getByText('Tersimpan.').waitFor();
    expect(server.services.pointStore.get(pointId)!.phone).toBe('+6281211112222');

    await b.getByLabel('Alamat atau petunjuk jalan').fill('Jl. Raya Bunutin No. 5, dekat pura');
    await b.getByRole('button', { name: 'Simpan perubahan' }).click();
    const notice = b.locator('.conflict');
    await notice.getByText('Data ini sudah diubah oleh orang lain').waitFor();
    const row = notice.locator('tr[data-field="phone"]');
    await row.waitFor();
    expect((await row.locator('th').textContent())!.trim()).toBe('Telepon');
    expect(await row.locator('td').allTextContents()).toEqual(['—', '+6281211112222']);
    // B's typing is still in the form, and nothing of B's form was written.
    expect(await b.getByLabel('Alamat atau petunjuk jalan').inputValue()).toBe('Jl. Raya Bunutin No. 5, dekat pura');
    const stored = server.services.pointStore.get(pointId)!;
    expect([stored.phone, stored.address]).toEqual(['+6281211112222', addressBefore]);
    await saveScreenshot(b, 'conflict-point-1280');
  }, 60_000);

  it('puts B\'s address on top of the newest version, so saving keeps both changes', async () => {
    await b.getByRole('button', { name: 'Pakai isian saya di atas versi terbaru' }).click();
    await b.getByText('Isian Anda sudah digabung dengan versi terbaru').waitFor();
    expect(await b.getByLabel('Telepon').inputValue()).toBe('+6281211112222');
    expect(await b.getByLabel('Alamat atau petunjuk jalan').inputValue()).toBe('Jl. Raya Bunutin No. 5, dekat pura');
    await b.getByRole('button', { name: 'Simpan perubahan' }).click();
    await b.getByText('Tersimpan.').waitFor();
    const stored = server.services.pointStore.get(pointId)!;
    expect([stored.phone, stored.address]).toEqual(['+6281211112222', 'Jl. Raya Bunutin No. 5, dekat pura']);
  }, 60_000);

  it('on a phone, shows the same notice in Indonesian and can load the newest version instead', async () => {
    // A still has the version before B's save; A edits the notes and meets B's newer address.
    await a.getByLabel('Catatan').fill('Buka juga hari Sabtu pagi');
    await a.getByRole('button', { name: 'Simpan perubahan' }).click();
    await a.locator('.conflict').getByText('Data ini sudah diubah oleh orang lain').waitFor();
    await a.locator('.conflict tr[data-field="address"]').waitFor();
    await saveScreenshot(a, 'conflict-point-390');
    expect(await a.getByLabel('Catatan').inputValue()).toBe('Buka juga hari Sabtu pagi');
    await a.getByRole('button', { name: 'Muat versi terbaru (buang isian saya)' }).click();
    await a.waitForFunction(() => (document.querySelector('#pf-address') as HTMLInputElement | null)?.value === 'Jl. Raya Bunutin No. 5, dekat pura');
    expect(await a.getByLabel('Catatan').inputValue()).toBe('');
    expect(server.services.pointStore.get(pointId)!.notes).toBeNull();
  }, 60_000);
});
