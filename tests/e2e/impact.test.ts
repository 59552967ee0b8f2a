/**
 * The impact page on the real built app: a planner records a visit outcome through "Catat hasil kunjungan"
 * (a server field error is shown at the field first), then sees the totals, the respondent-weighted awareness
 * before/after, registrations by kecamatan and the CSV link agree with what was recorded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, startServer, type RunningServer, saveScreenshot } from '../helpers/browser.js';
import { seriousAxeViolations } from '../helpers/axe.js';

const PASSWORD = 'hasil kunjungan pasar';

interface Quiz { respondents: number; correct_pct: number }
interface OutcomeBody { attendees: number; registrations: number; cards_issued: number; pretest: Quiz; posttest: Quiz }

/** The WITA civil date `n` days from now. */
function witaDay(n: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);
}

/** Respondent-weighted percentage, one decimal, written the Indonesian way ("47,5%"). */
function weightedPct(quizzes: Quiz[]): string {
  const n = quizzes.reduce((s, q) => s + q.respondents, 0);
  const pct = quizzes.reduce((s, q) => s + q.respondents * q.correct_pct, 0) / n;
  return `${(Math.round(pct * 10) / 10).toFixed(1).replace('.', ',')}%`;
}

describe('impact page', () => {
  let server: RunningServer;
  let browser: Browser;
  let email: string;
  let cookie: string;
  const visits: { id: string; district: string; districtName: string }[] = [];

  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${server.url}${path}`, { ...init, headers: { Origin: server.url, 'Content-Type': 'application/json', cookie, ...(init.headers ?? {}) } });

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    email = `planner-${Date.now()}@test.jangkau.id`;
    await server.services.auth.createUser({ email, password: PASSWORD, role: 'planner' });
    const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { Origin: server.url, 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
    expect(login.status).toBe(200);
    cookie = login.headers.get('set-cookie')!.split(';')[0];

    // Two visits that already took place, at venues in two different kecamatan.
    const points = (await (await api('/api/points?bbox=115.20,-8.56,115.50,-8.11')).json()) as { features: { id: number; properties: { village_code: string; district_name: string } }[] };
    const byDistrict = new Map<string, { id: number; name: string }>();
    for (const f of points.features) {
      const d = f.properties.village_code?.slice(0, 8);
      if (d && !byDistrict.has(d)) byDistrict.set(d, { id: f.id, name: f.properties.district_name });
    }
    const [[d1, p1], [d2, p2]] = [...byDistrict.entries()];
    for (const [days, district, point] of [[-1, d1, p1], [-2, d2, p2]] as const) {
      const res = await api('/api/visits', {
        method: 'POST',
        body: JSON.stringify({ point_id: point.id, title: 'Sosialisasi uji', activities: ['sosialisasi', 'pendaftaran'], starts_at: `${witaDay(days)}T09:00:00+08:00`, ends_at: `${witaDay(days)}T12:00:00+08:00`, status: 'scheduled' }),
      });
      expect(res.status).toBe(201);
      visits.push({ id: String(((await res.json()) as { id: string }).id), district, districtName: point.name });
    }
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('records an outcome through the form and shows the totals and respondent-weighted awareness', async () => {
    const earlier: OutcomeBody = { attendees: 20, registrations: 5, cards_issued: 6, pretest: { respondents: 10, correct_pct: 70 }, posttest: { respondents: 10, correct_pct: 90 } };
    expect((await api(`/api/visits/${visits[1].id}/outcome`, { method: 'POST', body: JSON.stringify(earlier) })).status).toBe(200);
    const typed: OutcomeBody = { attendees: 40, registrations: 12, cards_issued: 15, pretest: { respondents: 30, correct_pct: 40 }, posttest: { respondents: 28, correct_pct: 80 } };

    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, locale: 'id-ID', timezoneId: 'Asia/Makassar', bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/#/impact`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Kata sandi').fill(PASSWORD);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.getByRole('heading', { name: 'Dampak kunjungan' }).waitFor();

    const form = page.locator('.impact-form');
    // The form fills its fields from the chosen visit's recorded outcome when that answer arrives, replacing anything
    // typed before it. Show the earlier visit first (its recorded numbers appear), then the new one (its fields
    // empty), so typing starts only after the form has loaded the outcome it would overwrite the typing with.
    const attendees = form.getByLabel('Peserta hadir');
    await form.getByLabel('Kunjungan').selectOption(visits[1].id);
    await expect.poll(() => attendees.inputValue()).toBe(String(earlier.attendees));
    await form.getByLabel('Kunjungan').selectOption(visits[0].id);
    await expect.poll(() => attendees.inputValue()).toBe('');
    await attendees.fill(String(typed.attendees));
    // More registrations than attendees: the server's field error appears at that field.
    await form.getByLabel('Pendaftaran baru (BPU)').fill(String(typed.attendees + 10));
    await form.getByLabel('Kartu dibagikan').fill(String(typed.cards_issued));
    const pre = form.getByRole('group', { name: /Pre-test/ });
    await pre.getByLabel('Responden').fill(String(typed.pretest.respondents));
    await pre.getByLabel('Jawaban benar (%)').fill(String(typed.pretest.correct_pct));
    const post = form.getByRole('group', { name: /Post-test/ });
    await post.getByLabel('Responden').fill(String(typed.posttest.respondents));
    await post.getByLabel('Jawaban benar (%)').fill(String(typed.posttest.correct_pct));
    await form.getByRole('button', { name: 'Simpan hasil' }).click();
    const registrations = form.getByLabel('Pendaftaran baru (BPU)');
    await expect.poll(() => registrations.getAttribute('aria-invalid')).toBe('true');
    const errorId = (await registrations.getAttribute('aria-describedby'))!;
    expect(await page.locator(`#${errorId}`).textContent()).toMatch(/^Pendaftaran baru \(\d+\) tidak boleh lebih dari/);
    await form.getByRole('alert').filter({ hasText: 'Periksa isian "Pendaftaran baru"' }).waitFor();
    await saveScreenshot(page, 'coverageweb-impact-390-error');

    await registrations.fill(String(typed.registrations));
    await form.getByRole('button', { name: 'Simpan hasil' }).click();
    await form.getByText('Hasil kunjungan tersimpan.').waitFor();
    expect(await registrations.getAttribute('aria-invalid')).toBeNull();
    const stored = (await (await api(`/api/visits/${visits[0].id}/outcome`)).json()) as OutcomeBody;
    expect(stored).toMatchObject(typed);

    // Headline numbers are the sums of both outcomes; awareness is weighted by respondents.
    const stat = (key: string) => page.locator(`.impact-stat[data-stat="${key}"] dd`);
    await expect.poll(() => stat('visits').textContent()).toBe('2');
    expect(await stat('attendees').textContent()).toBe(String(typed.attendees + earlier.attendees));
    expect(await stat('registrations').textContent()).toBe(String(typed.registrations + earlier.registrations));
    expect(await stat('cards_issued').textContent()).toBe(String(typed.cards_issued + earlier.cards_issued));
    const awareness = (await page.locator('#impact-awareness-table').textContent())!;
    expect(awareness).toContain(weightedPct([typed.pretest, earlier.pretest]));
    expect(awareness).toContain(weightedPct([typed.posttest, earlier.posttest]));
    const summary = (await (await api('/api/impact')).json()) as { pretest_pct: number; posttest_pct: number };
    expect(awareness).toContain(`${summary.pretest_pct.toFixed(1).replace('.', ',')}%`);

    // By kecamatan: the bar chart's table and the map labels carry each district's registrations.
    const districts = (await page.locator('#impact-districts-table').textContent())!;
    expect(districts).toContain(`${visits[0].districtName}${typed.registrations}`);
    expect(districts).toContain(`${visits[1].districtName}${earlier.registrations}`);
    // The map fills every village with its kecamatan's class: two kecamatan with registrations, others grey.
    const fills = page.locator('.impact-map .leaflet-overlay-pane path');
    await expect.poll(() => fills.count()).toBe(72);
    const distinct = new Set(await fills.evaluateAll((els) => els.map((e) => e.getAttribute('fill'))));
    expect(distinct.size).toBeGreaterThanOrEqual(2);
    // By month: the table totals the registrations.
    const months = await page.locator('#impact-months-table tbody td').allTextContents();
    expect(months.reduce((s, m) => s + Number(m), 0)).toBe(typed.registrations + earlier.registrations);

    // CSV export for the same filter lists both visits.
    const href = (await page.getByRole('link', { name: 'Unduh CSV' }).getAttribute('href'))!;
    expect(href).toMatch(/^\/api\/impact\.csv\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/);
    const csv = await (await api(href)).text();
    for (const v of visits) expect(csv).toContain(v.id);

    // Filtering to one kecamatan narrows the totals.
    await page.getByLabel('Kecamatan', { exact: true }).selectOption(visits[1].district);
    await expect.poll(() => stat('registrations').textContent()).toBe(String(earlier.registrations));
    await page.getByLabel('Kecamatan', { exact: true }).selectOption('');
    await expect.poll(() => stat('visits').textContent()).toBe('2');

    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'coverageweb-impact-390');
    await page.setViewportSize({ width: 1280, height: 800 });
    await saveScreenshot(page, 'coverageweb-impact-1280');
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('heading', { name: 'Visit impact' }).waitFor();
    await saveScreenshot(page, 'coverageweb-impact-1280-en');
    await context.close();
  }, 90_000);

  it('keeps the outcome fields disabled until the recorded outcome arrives, so a slow answer cannot wipe typing', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'id-ID', timezoneId: 'Asia/Makassar' });
    const [name, value] = cookie.split('=');
    await context.addCookies([{ name, value, url: server.url }]);
    // Hold every recorded-outcome answer until the test lets it through: a very slow signal.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await context.route('**/api/visits/*/outcome', async (route) => {
      await held;
      await route.continue();
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/#/impact`);
    const form = page.locator('.impact-form');
    await form.getByLabel('Kunjungan').selectOption(visits[1].id);
    const attendees = form.getByLabel('Peserta hadir');
    await form.getByRole('status').filter({ hasText: 'Memuat hasil yang sudah tercatat' }).waitFor();
    expect(await attendees.isDisabled()).toBe(true);
    expect(await form.getByRole('button', { name: 'Simpan hasil' }).isDisabled()).toBe(true);

    release();
    // The visit's recorded numbers (the first test stored 20 attendees for it) fill the now-enabled fields.
    await expect.poll(() => attendees.inputValue()).toBe('20');
    expect(await attendees.isEnabled()).toBe(true);
    await context.close();
  }, 60_000);
});
