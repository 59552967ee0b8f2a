/**
 * A whole sosialisasi on the built app: two phones (390×844) and a facilitator tablet check in, take the pre-test
 * and post-test, sign up and give feedback; the planner then sees the computed outcome and the impact page with
 * the numbers worked out by hand below. A third phone loses signal after opening the page, answers anyway, and
 * its answers reach the server once when the signal returns.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, phonePage, saveScreenshot, startServer, type RunningServer } from '../helpers/browser.js';
import { seriousAxeViolations } from '../helpers/axe.js';
import { smallTapTargets } from '../helpers/tapTargets.js';

const PASSWORD = 'acara sosialisasi desa';
/** The shipped answer key, read from the data file (the oracle; the page never sees it before the post-test). */
const KEY = (JSON.parse(readFileSync('data/quiz_bank.json', 'utf8')) as { questions: { id: string; answer: string; choices: { id: string; text: string }[] }[] }).questions;

/** WITA wall-clock ISO for an instant. */
const witaIso = (ms: number) => `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;

/** Answers for the shipped questions: the first `right` right, the rest "Tidak tahu". */
const sheet = (right: number) => KEY.map((q, i) => (i < right ? q.answer : 'x'));

/** Ticks the answers on the page's quiz form for `phase`. */
async function answerQuiz(page: Page, phase: 'pre' | 'post', choices: string[]) {
  for (const [i, q] of KEY.entries()) {
    await page.locator(`input[name="${phase}-${q.id}"][value="${choices[i]}"]`).check();
  }
}

describe('event companion', () => {
  let server: RunningServer;
  let browser: Browser;
  let cookie: string;
  let visitId: string;
  const contexts: BrowserContext[] = [];

  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${server.url}${path}`, { ...init, headers: { Origin: server.url, 'Content-Type': 'application/json', cookie, ...(init.headers ?? {}) } });
  const outcome = async () => (await api(`/api/visits/${encodeURIComponent(visitId)}/outcome`)).json();

  async function phone(): Promise<Page> {
    const page = await phonePage(browser);
    contexts.push(page.context());
    await page.goto(`${server.url}/#/acara/${encodeURIComponent(visitId)}`);
    await page.getByRole('button', { name: 'Saya hadir' }).waitFor();
    return page;
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const email = `fasilitator-${Date.now()}@test.jangkau.id`;
    await server.services.auth.createUser({ email, password: PASSWORD, role: 'planner' });
    const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { Origin: server.url, 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
    cookie = login.headers.get('set-cookie')!.split(';')[0];
    const office = server.services.pointStore.listAll().find((p) => p.type === 'village_office')!;
    // Under way now: started 30 minutes ago, ends in 2 hours.
    const res = await api('/api/visits', {
      method: 'POST',
      body: JSON.stringify({ point_id: office.id, title: 'Sosialisasi BPJS Ketenagakerjaan', activities: ['sosialisasi', 'pendaftaran'], starts_at: witaIso(Date.now() - 30 * 60_000), ends_at: witaIso(Date.now() + 120 * 60_000) }),
    });
    expect(res.status).toBe(201);
    visitId = (await res.json()).id;
  }, 60_000);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.close();
  });

  it('runs a whole event on two phones and a facilitator tablet, and the outcome has the hand-computed numbers', async () => {
    // Phone A: pre-test all "Tidak tahu" (0/7), post-test all right (7/7), signs up, feedback 5.
    const a = await phone();
    await a.getByRole('button', { name: 'Saya hadir' }).click();
    await a.getByText('Kehadiran Anda tercatat').waitFor();
    await answerQuiz(a, 'pre', sheet(0));
    await saveScreenshot(a, 'event-phone-pretest');
    expect(await smallTapTargets(a, 'main')).toEqual([]);
    await a.getByRole('button', { name: 'Kirim tes awal' }).click();
    await a.getByText('Tes awal terkirim').waitFor();
    await answerQuiz(a, 'post', sheet(7));
    await a.getByRole('button', { name: 'Kirim tes akhir' }).click();
    await a.getByText('Benar 7 dari 7 (100%).').waitFor();
    // The review: each right answer with its explanation.
    await a.getByText('Jawaban yang benar').waitFor();
    expect(await a.locator('.review__item').count()).toBe(KEY.length);
    await expect.poll(() => a.locator('.review__answer').first().textContent()).toBe(KEY[0].choices.find((c) => c.id === KEY[0].answer)!.text);
    await saveScreenshot(a, 'event-phone-review');
    await a.getByLabel('Nama panggilan', { exact: true }).fill('Wayan Sudarma');
    await a.getByLabel('Nomor WhatsApp', { exact: true }).fill('0812 3456 7890');
    await a.getByLabel('Desa', { exact: true }).selectOption({ index: 3 });
    await expect.poll(() => a.getByRole('button', { name: 'Kirim', exact: true }).isDisabled()).toBe(true);
    await a.getByText('Saya setuju data ini').click();
    await a.getByRole('button', { name: 'Kirim', exact: true }).click();
    await a.getByText('Petugas akan menghubungi Anda').waitFor();
    await a.locator('.event__score', { hasText: '5' }).click();
    await a.getByRole('button', { name: 'Kirim pendapat' }).click();
    await a.getByText('Terima kasih atas pendapat Anda').waitFor();
    expect(await seriousAxeViolations(a)).toEqual([]);
    await saveScreenshot(a, 'event-phone-done');

    // Phone B: pre 3/7 right, post 6/7 right, feedback 4 (checks in by answering).
    const b = await phone();
    await answerQuiz(b, 'pre', sheet(3));
    await b.getByRole('button', { name: 'Kirim tes awal' }).click();
    await b.getByText('Tes awal terkirim').waitFor();
    await answerQuiz(b, 'post', sheet(6));
    await b.getByRole('button', { name: 'Kirim tes akhir' }).click();
    await b.getByText('Benar 6 dari 7 (85,7%).').waitFor();
    await b.locator('.event__score', { hasText: '4' }).click();
    await b.getByRole('button', { name: 'Kirim pendapat' }).click();
    await b.getByText('Terima kasih atas pendapat Anda').waitFor();

    // The facilitator tablet: two paper sheets. Sheet 1: pre 2/7, post 7/7. Sheet 2: post only, 4/7.
    const tabletContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'id-ID', timezoneId: 'Asia/Makassar' });
    contexts.push(tabletContext);
    await tabletContext.addCookies([{ name: cookie.split('=')[0], value: cookie.split('=').slice(1).join('='), url: server.url }]);
    const tablet = await tabletContext.newPage();
    await tablet.goto(`${server.url}/#/acara/${encodeURIComponent(visitId)}`);
    await tablet.getByRole('button', { name: 'Buka mode fasilitator' }).click();
    const fill = async (phase: 'Tes awal' | 'Tes akhir', choices: string[]) => {
      for (let i = 0; i < KEY.length; i++) await tablet.getByLabel(`${phase} ${i + 1}`, { exact: true }).selectOption(choices[i]);
    };
    await fill('Tes awal', sheet(2));
    await fill('Tes akhir', sheet(7));
    await saveScreenshot(tablet, 'event-tablet-facilitator');
    await tablet.getByRole('button', { name: 'Simpan lembar ini' }).click();
    await tablet.getByText('Lembar tersimpan: 1').waitFor();
    await fill('Tes akhir', sheet(4));
    await tablet.getByRole('button', { name: 'Simpan lembar ini' }).click();
    await tablet.getByText('Lembar tersimpan: 2').waitFor();

    const o = await outcome();
    // 2 phones + 2 paper sheets.
    expect(o.attendees).toBe(4);
    expect(o.sources.attendees).toEqual({ phone: 2, facilitator: 2, typed: 0 });
    // Pre: A 0, B 3/7 = 42.857, sheet 1 2/7 = 28.571 → 71.43 / 3 = 23.8.
    expect(o.pretest).toEqual({ respondents: 3, correct_pct: 23.8 });
    // Post: 100, 85.714, 100, 57.143 → 342.857 / 4 = 85.7.
    expect(o.posttest).toEqual({ respondents: 4, correct_pct: 85.7 });
    // Pairs A, B, sheet 1: pre 23.8, post (100 + 85.714 + 100) / 3 = 95.2.
    expect(o.matched).toEqual({ pairs: 3, pre_pct: 23.8, post_pct: 95.2 });
    // q1 pre: A ✗ B ✓ S1 ✓ = 66.7, post 4/4. q7 post: A ✓ B ✗ S1 ✓ S2 ✗ = 50.
    const q = (id: string) => o.by_question.find((x: { id: string }) => x.id === id);
    expect(q('q1')).toMatchObject({ pre_pct: 66.7, post_pct: 100 });
    expect(q('q7')).toMatchObject({ pre_pct: 0, post_pct: 50 });
    expect(o.feedback).toEqual({ '1': 0, '2': 0, '3': 0, '4': 1, '5': 1 });
    expect(o.interest).toEqual({ total: 1, by_status: { baru: 1, dihubungi: 0, terdaftar: 0, tidak_jadi: 0 } });
  }, 180_000);

  it('keeps answers given without signal and sends them once when the signal returns', async () => {
    const before = await outcome();
    const c = await phone();
    await c.context().setOffline(true);
    await c.getByRole('button', { name: 'Saya hadir' }).click();
    await c.getByText('Tersimpan di HP ini').first().waitFor();
    await answerQuiz(c, 'pre', sheet(1));
    await c.getByRole('button', { name: 'Kirim tes awal' }).click();
    await c.getByText('Tes awal terkirim').waitFor();
    await c.getByText('2 jawaban menunggu sinyal').waitFor();
    await saveScreenshot(c, 'event-phone-offline');
    // Nothing reached the server while offline.
    expect((await outcome()).attendees).toBe(before.attendees);
    await c.context().setOffline(false);
    await expect.poll(async () => c.locator('.event__pending').count()).toBe(0);
    const after = await outcome();
    expect(after.attendees).toBe(before.attendees + 1);
    expect(after.pretest.respondents).toBe(before.pretest.respondents + 1);
    // A reload resends nothing (the outbox is empty) and counts nothing twice.
    await c.reload();
    await c.getByText('Kehadiran Anda tercatat').waitFor();
    expect((await outcome()).attendees).toBe(before.attendees + 1);
  }, 120_000);

  it('shows the planner the impact page with the same numbers, and the follow-up list works', async () => {
    // After both tests above: pre-test sheets A (0/7), B (3/7), sheet 1 (2/7), C (1/7); pairs A, B, sheet 1.
    // A visit yesterday where nobody signed up: its follow-up list must still open, empty.
    const other = server.services.pointStore.listAll().filter((p) => p.type === 'village_office')[1];
    const quiet = await api('/api/visits', {
      method: 'POST',
      body: JSON.stringify({ point_id: other.id, title: 'Sosialisasi sepi', activities: ['sosialisasi'], starts_at: witaIso(Date.now() - 26 * 3_600_000), ends_at: witaIso(Date.now() - 25 * 3_600_000) }),
    });
    expect(quiet.status).toBe(201);
    const quietId = (await quiet.json()).id as string;
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'id-ID', timezoneId: 'Asia/Makassar' });
    contexts.push(context);
    await context.addCookies([{ name: cookie.split('=')[0], value: cookie.split('=').slice(1).join('='), url: server.url }]);
    const page = await context.newPage();
    await page.goto(`${server.url}/#/impact`);
    await page.getByRole('heading', { name: 'Peningkatan pada peserta yang sama' }).waitFor();
    // Matched: 23,8% → 95,2%, up 71,4 points over 3 pairs.
    await expect.poll(() => page.locator('#impact-matched-table').textContent()).toContain('23,8%');
    expect(await page.locator('#impact-matched-table').textContent()).toContain('95,2%');
    expect(await page.getByTestId('matched-change').textContent()).toBe('Naik 71,4 poin persen');
    // All respondents: pre (0 + 42.857 + 28.571 + 14.286) / 4 = 21.4; post 85.7.
    expect(await page.locator('#impact-awareness-table').textContent()).toContain('21,4%');
    expect(await page.locator('#impact-awareness-table').textContent()).toContain('85,7%');
    // Wrong most before the talk: q4–q7 nobody right (0,0%), then q3 25, q2 50, q1 75.
    const rows = page.locator('#impact-wrong-table tbody tr');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-question')))).toEqual(['q4', 'q5', 'q6', 'q7', 'q3', 'q2', 'q1']);
    expect(await rows.first().locator('td').first().textContent()).toContain('0,0%');
    expect(await rows.last().locator('td').first().textContent()).toContain('75,0%');
    // The funnel: 1 interested, nobody contacted yet; then the planner marks Wayan as contacted.
    expect(await page.locator('#impact-funnel-table').textContent()).toMatch(/Berminat\s*1.*Sudah dihubungi\s*0.*Terdaftar\s*0/s);
    const row = page.locator('#impact-interest-table tbody tr', { hasText: 'Wayan Sudarma' });
    await row.getByText('+6281234567890').waitFor();
    await row.getByRole('combobox').selectOption('dihubungi');
    await expect.poll(() => page.locator('#impact-funnel-table').textContent()).toMatch(/Sudah dihubungi\s*1/);
    expect(await page.locator(`#impact-funnel-visits tr[data-key="${visitId}"]`).textContent()).toMatch(/1\s*1\s*0$/);
    await page.locator('#impact-interest-visit').selectOption(quietId);
    expect(await page.locator('.impact-interest__empty').textContent()).toContain('Belum ada yang minta didaftarkan di kunjungan ini');
    await page.locator('#impact-interest-visit').selectOption(visitId);
    await row.waitFor();
    // The outcome form shows what the event page counted beside the typed fields: after both tests above,
    // 3 phone check-ins (A, B, C) and 2 paper sheets; 4 pre-test and 4 post-test sheets; 2 ratings.
    const form = page.locator('.impact-form');
    await form.getByLabel('Kunjungan').selectOption(visitId);
    await form.getByTestId('checkins-from-event').waitFor();
    expect(await form.getByTestId('checkins-from-event').textContent()).toBe('Sudah tercatat di halaman acara: 5 check-in (3 dari ponsel peserta, 2 dari tablet fasilitator).');
    expect(await form.locator('#impact-pretest-phones').textContent()).toContain('4 responden');
    expect(await form.locator('#impact-feedback-phones').textContent()).toContain('2 penilaian');
    await form.getByLabel('Peserta hadir tanpa check-in (tambahan)').fill('7');
    expect(await form.getByTestId('attendees-total').textContent()).toBe('Peserta hadir: 5 check-in + 7 tambahan = 12');
    await form.getByLabel('Peserta hadir tanpa check-in (tambahan)').fill('');
    // The quiz bank: q1 has been answered, so editing its explanation makes version 2.
    const q1 = page.locator('.quiz-bank li[data-question="q1"]');
    await q1.getByRole('button', { name: 'Ubah' }).click();
    await q1.getByLabel('Penjelasan (satu baris)').fill('Rp10.000 untuk JKK ditambah Rp6.800 untuk JKM.');
    await q1.getByRole('button', { name: 'Simpan soal' }).click();
    await q1.getByText('(q1, v2)').waitFor();
    expect((await (await api('/api/quiz')).json()).questions[0]).toMatchObject({ id: 'q1', version: 2 });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'event-impact-1280');
    expect(await smallTapTargets(page, 'main')).toEqual([]);
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${server.url}/#/impact`);
    await phone.getByRole('heading', { name: 'Daftar peminat' }).waitFor();
    await phone.locator('#impact-interest-table').waitFor();
    await saveScreenshot(phone, 'event-impact-390');
    expect(await smallTapTargets(phone, '.impact-interest')).toEqual([]);
    const o = await outcome();
    expect(o.interest.by_status.dihubungi).toBe(1);
  }, 120_000);
});
