/**
 * The planner's writes and data on the built page: a double tap on "Simpan kunjungan" creates one visit (one
 * Idempotency-Key per submission, the button disabled and "Menyimpan…" beside it), and after logout nothing of
 * the planner's view (team, notes, drafts) is left in Cache Storage or IndexedDB for the next user of the phone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, saveScreenshot, startServer, type RunningServer } from '../helpers/browser.js';

const PASSWORD = 'satu ketukan satu kunjungan';
const MARKET: [number, number] = [115.3551, -8.2785];
const SECRETS = ['Tim Rahasia Kintamani', 'catatan internal: bawa stempel', 'Draf belum terbit'];

/** Every text stored in Cache Storage and IndexedDB of the page's origin, as one string per entry. */
async function storedTexts(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const out: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const req of await cache.keys()) {
        const res = await cache.match(req);
        out.push(`${name} ${req.url} ${res ? await res.text() : ''}`);
      }
    }
    for (const info of await indexedDB.databases()) {
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        const open = indexedDB.open(info.name!);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const store of [...db.objectStoreNames]) {
        const all: unknown[] = await new Promise((resolve, reject) => {
          const r = db.transaction(store).objectStore(store).getAll();
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
        out.push(`idb ${info.name}/${store} ${JSON.stringify(all)}`);
      }
      db.close();
    }
    return out;
  });
}

describe('planner writes and logout on the built page', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pointId: number;
  let today: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    await server.services.auth.createUser({ email: 'perencana@test.jangkau.id', password: PASSWORD, role: 'planner' });
    pointId = server.services.pointStore.insert(
      {
        name: 'Pasar Uji Ketukan', type: 'market', position: MARKET, village_code: server.services.villages.codeAt(MARKET), address: null, phone: null,
        whatsapp: null, services: ['information'], opening_hours: null, market_days: null, opens: '06:00', closes: '13:00',
        accuracy: 'approximate', location_note: 'test fixture', verified_at: null, status: 'active', source: 'test fixture', external_id: null, notes: null,
      },
      new Date().toISOString(),
    );
    today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const inTwoDays = new Date(Date.now() + (8 + 48) * 3_600_000).toISOString().slice(0, 10);
    const at = (h: string) => `${inTwoDays}T${h}:00+08:00`;
    server.services.visits.create({ point_id: pointId, title: 'Sosialisasi pasar', activities: ['sosialisasi'], starts_at: at('08:00'), ends_at: at('09:00'), team: SECRETS[0], notes: SECRETS[1], capacity: null }, null);
    server.services.visits.create({ point_id: pointId, title: SECRETS[2], activities: ['pendaftaran'], starts_at: at('10:00'), ends_at: at('11:00'), team: SECRETS[0], notes: null, capacity: null, status: 'draft' }, null);
    context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, locale: 'id-ID', timezoneId: 'Asia/Makassar', serviceWorkers: 'allow' });
    page = await context.newPage();
    // The service worker must control the page before the planner signs in, as on a phone used before.
    await page.goto(`${server.url}/#/planner`);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    await page.getByLabel('Email').fill('perencana@test.jangkau.id');
    await page.getByLabel('Kata sandi').fill(PASSWORD);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.getByRole('heading', { name: 'Perencana kunjungan' }).waitFor();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const visitCount = () => server.db.prepare('SELECT count(*) FROM visits').pluck().get() as number;

  it('creates exactly one visit from a double click on "Simpan kunjungan" (one Idempotency-Key for both taps)', async () => {
    await page.getByLabel('Cari tempat').fill('Uji Ketukan');
    await page.getByRole('button', { name: /Pasar Uji Ketukan/ }).click();
    const form = page.locator('form.planner-form').filter({ has: page.getByRole('button', { name: 'Simpan kunjungan' }) });
    await form.getByLabel('Judul').fill('Pendaftaran dua ketukan');
    const posts: { key: string; done: boolean }[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/visits') posts.push({ key: r.headers()['idempotency-key'] ?? '', done: false });
    });
    page.on('requestfinished', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/visits') posts.find((p) => !p.done)!.done = true;
    });
    const before = visitCount();
    await form.getByRole('button', { name: 'Simpan kunjungan' }).dblclick();
    await page.locator('.planner-visit', { hasText: 'Pendaftaran dua ketukan' }).first().waitFor();
    await page.waitForFunction(() => !document.querySelector('form.planner-form button[type=submit]:disabled'));
    await expect.poll(() => posts.every((p) => p.done)).toBe(true);
    expect(visitCount()).toBe(before + 1);
    expect(await page.locator('.planner-visit', { hasText: 'Pendaftaran dua ketukan' }).count()).toBe(1);
    expect(new Set(posts.map((p) => p.key)).size).toBe(1);
    expect(posts[0].key).toMatch(/^[\x21-\x7e]{1,100}$/);
  }, 60_000);

  it('disables the button while saving and says "Menyimpan…" beside it', async () => {
    const form = page.locator('form.planner-form').filter({ has: page.getByRole('button', { name: 'Simpan kunjungan' }) });
    await form.getByLabel('Judul').fill('Sosialisasi sore');
    // Hold the answer until the saving state has been seen: a slow network, made deterministic.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/visits', async (route) => {
      if (route.request().method() === 'POST') await gate;
      await route.continue();
    });
    await form.getByRole('button', { name: 'Simpan kunjungan' }).click();
    await form.getByRole('status').filter({ hasText: 'Menyimpan…' }).waitFor();
    expect(await form.getByRole('button', { name: 'Simpan kunjungan' }).isDisabled()).toBe(true);
    await saveScreenshot(page, 'planner-saving-390');
    release();
    await page.locator('.planner-visit', { hasText: 'Sosialisasi sore' }).first().waitFor();
    await page.unroute('**/api/visits');
  }, 60_000);

  it('refuses an edit from an older read with "Data ini sudah diubah oleh orang lain", keeps the typed team, then saves it on top', async () => {
    const id = `v${server.db.prepare("SELECT id FROM visits WHERE title = 'Pendaftaran dua ketukan'").pluck().get()}`;
    const row = page.locator(`.planner-visit[data-visit-id="${id}"]`);
    await row.getByRole('button', { name: 'Ubah' }).click();
    const form = row.locator('form');
    await form.getByLabel('Tim').waitFor();
    // Another planner changes the notes after this form was loaded.
    server.services.visits.update(id, { notes: 'Pindah ke balai banjar' });
    await form.getByLabel('Tim').fill('Tim Ketukan');
    await form.getByRole('button', { name: 'Simpan perubahan' }).click();
    const notice = form.locator('.conflict');
    await notice.getByText('Data ini sudah diubah oleh orang lain').waitFor();
    await notice.locator('tr[data-field="notes"]').waitFor();
    expect(await notice.locator('tr[data-field="notes"] td').allTextContents()).toEqual(['—', 'Pindah ke balai banjar']);
    expect(await form.getByLabel('Tim').inputValue()).toBe('Tim Ketukan');
    await saveScreenshot(page, 'conflict-visit-390');
    expect(server.services.visits.get(id, true).team).toBeNull();
    await notice.getByRole('button', { name: 'Pakai isian saya di atas versi terbaru' }).click();
    expect(await form.getByLabel('Catatan (hanya untuk perencana)').inputValue()).toBe('Pindah ke balai banjar');
    await form.getByRole('button', { name: 'Simpan perubahan' }).click();
    await row.getByRole('button', { name: 'Ubah' }).waitFor();
    const saved = server.services.visits.get(id, true);
    expect([saved.team, saved.notes]).toEqual(['Tim Ketukan', 'Pindah ke balai banjar']);
  }, 60_000);

  it('leaves no team, notes or draft in Cache Storage or IndexedDB after the planner viewed visits and logged out', async () => {
    // The planner's month list shows the private fields (fetched through the service worker).
    await page.getByText(SECRETS[0]).first().waitFor();
    await page.evaluate(() => fetch('/api/visits?include_cancelled=true', { credentials: 'same-origin' }).then((r) => r.text()));
    // Even while signed in, the service worker kept none of it (the answers are private, no-store).
    const whileSignedIn = await storedTexts(page);
    for (const secret of SECRETS) expect(whileSignedIn.filter((t) => t.includes(secret))).toEqual([]);
    await page.getByRole('button', { name: 'Keluar' }).first().click();
    await page.getByLabel('Kata sandi').waitFor();
    const texts = await storedTexts(page);
    expect(texts.some((t) => t.includes('/api/'))).toBe(true); // the public offline data is still there
    for (const secret of SECRETS) expect(texts.filter((t) => t.includes(secret))).toEqual([]);
    // No visit answer with the planner-only fields is kept at all (public points have their own "notes").
    expect(texts.filter((t) => t.includes('/api/visits') && /"team"|"notes"|"capacity"|"status":"draft"/.test(t))).toEqual([]);
  }, 60_000);
});
