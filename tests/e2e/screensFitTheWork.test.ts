/**
 * Issue 13, "screens that fit the work", on the built page in Indonesian: the nav shows a role only its pages and
 * the no-access page has a way out; a button that cannot act yet says why beside it and the note goes once the
 * cause is fixed; date and time inputs are written out in words; at a desk the planner and the finder use the width;
 * the import preview counts problems and rows apart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, startServer, type RunningServer } from '../helpers/browser.js';

const PASSWORD = 'layar-yang-pas-untuk-kerja';

/** Intl's long Indonesian date, the independent oracle for the written-out value. */
const longId = (date: string) =>
  new Intl.DateTimeFormat('id-ID', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

describe('screens that fit each role', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let users = 0;

  async function signedIn(role: 'staff' | 'planner' | 'admin', width: number, height: number): Promise<Page> {
    const email = `${role}-${++users}@test.jangkau.id`;
    await server.services.auth.createUser({ email, password: PASSWORD, role });
    const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1, locale: 'id-ID', timezoneId: 'Asia/Makassar' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${server.url}/#/staff`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Kata sandi').fill(PASSWORD);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    return page;
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.close();
  });

  it('shows a staff member only the pages staff can open, and the planner page offers Keluar and a way back', async () => {
    const page = await signedIn('staff', 390, 844);
    await page.getByRole('heading', { name: 'Tempat layanan' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Menu', exact: true });
    await expect.poll(() => nav.getByRole('link').allTextContents()).toEqual(['Cari tempat', 'Petugas']);

    await page.goto(`${server.url}/#/planner`);
    await page.getByRole('heading', { name: 'Halaman ini bukan untuk peran Anda' }).waitFor();
    expect(await page.getByRole('link', { name: 'Kembali ke Cari tempat' }).getAttribute('href')).toBe('#/');
    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.getByLabel('Kata sandi').waitFor();
  });

  it('shows a planner the planner pages, with an arrow when the nav runs past the edge of a phone', async () => {
    const page = await signedIn('admin', 390, 844);
    await page.getByRole('heading', { name: 'Tempat layanan' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Menu', exact: true });
    await expect.poll(() => nav.getByRole('link').allTextContents()).toEqual(['Cari tempat', 'Perencana', 'Jangkauan', 'Dampak', 'Petugas']);
    const overflows = await nav.evaluate((el) => el.scrollWidth > el.clientWidth);
    expect(overflows).toBe(true);
    await page.locator('.app-nav-wrap__cue--right').waitFor();
    await nav.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    await expect.poll(() => page.locator('.app-nav-wrap__cue--right').count()).toBe(0);
  });

  it('keeps "Tampilkan rute" tappable, says why it cannot route yet beside it, and drops the note once a team is typed', async () => {
    const page = await signedIn('planner', 390, 844);
    await page.goto(`${server.url}/#/planner`);
    const show = page.getByRole('button', { name: 'Tampilkan rute' });
    expect(await show.isDisabled()).toBe(false);
    await page.getByLabel('Tim', { exact: true }).fill('');
    await show.click();
    const note = page.locator('#route-team-need');
    expect(await note.textContent()).toBe('Isi nama tim dulu, misalnya "Tim A".');
    await page.getByLabel('Tim', { exact: true }).fill('Tim A');
    await expect.poll(() => note.count()).toBe(0);
  });

  it('writes the chosen date out in words beside the browser-drawn date input', async () => {
    const page = await signedIn('planner', 390, 844);
    await page.goto(`${server.url}/#/planner`);
    const date = page.locator('#route-date');
    await date.fill('2026-12-07');
    expect(await page.locator('#route-date-text').textContent()).toBe(longId('2026-12-07'));
    expect(longId('2026-12-07')).toBe('Senin, 7 Desember 2026');
    expect(await date.getAttribute('aria-describedby')).toBe('route-date-text');
  });

  it('puts the calendar beside the visit form for a planner at a desk, and the map beside the list for a worker', async () => {
    const page = await signedIn('planner', 1280, 800);
    await page.goto(`${server.url}/#/planner`);
    const calendar = page.locator('.planner-cal-wrap');
    const day = page.locator('.planner-day-detail');
    await calendar.waitFor();
    await day.waitFor();
    const [c, d] = [(await calendar.boundingBox())!, (await day.boundingBox())!];
    // Side by side: the calendar starts right of the form column, and both are on the first screens, not 3,000 px down.
    expect(c.x).toBeGreaterThanOrEqual(d.x + d.width);
    expect(c.y).toBeLessThan(800);

    const worker = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, locale: 'id-ID', timezoneId: 'Asia/Makassar' });
    contexts.push(worker);
    const finder = await worker.newPage();
    await finder.goto(`${server.url}/#/`);
    await finder.getByRole('combobox', { name: 'Pilih desa/kelurahan' }).fill('Bunutin');
    await finder.getByRole('option').first().click();
    const map = finder.locator('.finder__map');
    await finder.locator('.finder-marker').first().waitFor();
    const [m, list] = [(await map.boundingBox())!, (await finder.locator('.place').boundingBox())!];
    expect(m.x).toBeGreaterThanOrEqual(list.x + list.width);
    expect(m.y).toBeLessThan(200);
  });

  it('counts import problems and the rows they are on apart', async () => {
    const page = await signedIn('staff', 390, 844);
    await page.getByRole('link', { name: 'Impor/ekspor' }).click();
    const dir = mkdtempSync(join(tmpdir(), 'screens-'));
    const bad = join(dir, 'bad.csv');
    // Made-up rows: line 2 has two problems (type and lat), line 3 one (lng).
    writeFileSync(bad, 'name,type,lat,lng\nBalai Uji Satu,balai_banjar,abc,115.36\nBalai Uji Dua,community_hall,-8.43,xyz\n');
    await page.getByLabel('Berkas').setInputFiles(bad);
    await page.getByRole('button', { name: 'Pratinjau (uji coba)' }).click();
    await page.getByText('3 masalah di 2 baris. Perbaiki berkas, lalu pratinjau lagi.').waitFor();
  });
});
