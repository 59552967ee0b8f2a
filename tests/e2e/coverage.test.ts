/**
 * The coverage page on the real built app: the choropleth and its list alternative agree with GET /api/coverage,
 * "Sarankan 3 kunjungan" previews what GET /api/coverage/suggest answers, and a planner saves the suggestion as
 * draft visits on each venue's next market day (or next weekday) at 09:00–12:00 WITA.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, startServer, type RunningServer, saveScreenshot } from '../helpers/browser.js';
import { seriousAxeViolations } from '../helpers/axe.js';

const PASSWORD = 'jangkau desa terjauh';
// A made-up registration desk near the middle of the kabupaten, so the map has several distance classes.
const DESK: [number, number] = [115.3551, -8.4540];

interface CoverageBody {
  covered: number;
  total: number;
  radius_km: number;
  villages: { code: string; name: string; district_code: string; district_name: string; distance_m: number | null; covered: boolean }[];
}
interface SuggestBody {
  sites: { point_id: number; name: string; newly_covered: string[] }[];
  covered_before: number;
  covered_after: number;
}

function newContext(browser: Browser, size: { width: number; height: number }): Promise<BrowserContext> {
  return browser.newContext({ viewport: size, deviceScaleFactor: 1, locale: 'id-ID', timezoneId: 'Asia/Makassar', bypassCSP: true });
}

describe('coverage page', () => {
  let server: RunningServer;
  let browser: Browser;
  let email: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    email = `planner-${Date.now()}@test.jangkau.id`;
    await server.services.auth.createUser({ email, password: PASSWORD, role: 'planner' });
    const villageCode = server.services.villages.codeAt(DESK);
    server.services.pointStore.insert(
      {
        name: 'Loket Uji Pendaftaran', type: 'bpjs_office', position: DESK, village_code: villageCode ?? null, address: null, phone: null,
        whatsapp: null, services: ['registration', 'information'], opening_hours: null, market_days: null, opens: null, closes: null,
        accuracy: 'approximate', location_note: 'test fixture', verified_at: null, status: 'active', source: 'test fixture',
        external_id: null, notes: null,
      },
      new Date().toISOString(),
    );
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('draws every village on the choropleth and lists the unreached ones by kecamatan, as the API reports them', async () => {
    const api = (await (await fetch(`${server.url}/api/coverage?radius_km=5&days=30`)).json()) as CoverageBody;
    expect(api.total).toBe(72);
    const context = await newContext(browser, { width: 390, height: 844 });
    const page = await context.newPage();
    await page.goto(`${server.url}/#/coverage`);
    await page.getByRole('heading', { name: 'Jangkauan desa' }).waitFor();
    await page.getByText(`${api.covered} dari ${api.total} desa terjangkau dalam 5 km`).waitFor();

    // The map: one filled path per village; the off-scale grey is used exactly for the villages with no place at all.
    const paths = page.locator('.coverage-map .leaflet-overlay-pane path');
    await expect.poll(() => paths.count()).toBe(72);
    // Leaflet restyles the village paths in an effect after the coverage answer renders (the boundaries may have been
    // drawn before it arrived, all in the off-scale grey), so wait for the grey count to settle before reading fills.
    const noneFill = await page.locator('.coverage-legend li[data-class="none"] rect').getAttribute('fill');
    await expect
      .poll(() => paths.evaluateAll((els, grey) => els.filter((e) => e.getAttribute('fill') === grey).length, noneFill))
      .toBe(api.villages.filter((v) => v.distance_m === null).length);
    const fills = await paths.evaluateAll((els) => els.map((e) => e.getAttribute('fill')));
    const legendFills = await page.locator('.coverage-legend li svg rect').evaluateAll((els) => els.map((e) => e.getAttribute('fill')));
    for (const f of fills) expect(legendFills).toContain(f);
    expect(new Set(fills).size).toBeGreaterThan(2);
    expect(await page.locator('.coverage-legend').textContent()).toContain('km');

    // The list: one group per kecamatan with unreached villages, each with the API's count, nearest first.
    const unreached = api.villages.filter((v) => !v.covered);
    const districts = [...new Set(unreached.map((v) => v.district_code))];
    expect(await page.locator('.coverage-list > .coverage-group').count()).toBe(districts.length);
    for (const d of districts) {
      const expected = unreached.filter((v) => v.district_code === d);
      const group = page.locator(`.coverage-list > .coverage-group[data-district="${d}"]`);
      expect(await group.locator('h3').textContent()).toContain(`${expected.length} desa`);
      const codes = await group.locator('.coverage-village').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
      expect(new Set(codes)).toEqual(new Set(expected.map((v) => v.code)));
      const distances = codes.map((c) => expected.find((v) => v.code === c)!.distance_m ?? Infinity);
      expect(distances).toEqual([...distances].sort((a, b) => a - b));
    }
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  }, 60_000);

  it('previews the suggested venues and saves them as draft visits once a planner logs in', async () => {
    const suggestion = (await (await fetch(`${server.url}/api/coverage/suggest?k=3&radius_km=5&days=30`)).json()) as SuggestBody;
    expect(suggestion.sites.length).toBeGreaterThan(0);
    const context = await newContext(browser, { width: 390, height: 844 });
    const page = await context.newPage();
    await page.goto(`${server.url}/#/coverage`);
    await page.getByRole('button', { name: 'Sarankan 3 kunjungan' }).click();
    await page.getByText(`Desa terjangkau: ${suggestion.covered_before} → ${suggestion.covered_after} dari 72`).waitFor();

    const items = page.locator('.coverage-site-item');
    await expect.poll(() => items.count()).toBe(suggestion.sites.length);
    expect(await items.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-point-id'))))).toEqual(suggestion.sites.map((s) => s.point_id));
    for (const [i, s] of suggestion.sites.entries()) {
      const text = (await items.nth(i).textContent())!;
      expect(text).toContain(s.name);
      expect(text).toContain(`Menjangkau ${s.newly_covered.length} desa baru`);
    }
    // Markers for the venues; the villages they would reach carry the highlight outline on the map and in the list.
    // Leaflet adds the markers and restyles the outlines in effects after the list renders: wait for them.
    await expect.poll(() => page.locator('.coverage-site').count()).toBe(suggestion.sites.length);
    const reached = suggestion.sites.flatMap((s) => s.newly_covered);
    await expect.poll(() => page.locator('.coverage-map .leaflet-overlay-pane path[stroke="#d1005b"]').count()).toBe(reached.length);
    expect(await page.locator('.coverage-village .badge').count()).toBe(reached.length);
    await page.getByText('Semua kombinasi', { exact: false }).or(page.getByText('tidak pernah lebih buruk', { exact: false })).waitFor();

    await saveScreenshot(page, 'coverageweb-coverage-390');
    await page.getByRole('button', { name: 'Masuk sebagai perencana' }).click();
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Kata sandi').fill(PASSWORD);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.getByRole('button', { name: `Buat ${suggestion.sites.length} draf kunjungan` }).click();
    await page.getByText(`${suggestion.sites.length} draf kunjungan tersimpan`).waitFor();
    expect(await page.getByRole('link', { name: 'Buka Perencana' }).getAttribute('href')).toBe('#/planner');

    // The drafts exist for the planner (with their cookie), not for the public.
    const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const list = async (headers: Record<string, string>) =>
      ((await (await fetch(`${server.url}/api/visits?limit=2000`, { headers })).json()) as { visits: { id: string; point_id: number; title: string; status: string; starts_at: string; ends_at: string }[] }).visits;
    const drafts = (await list({ cookie })).filter((v) => v.status === 'draft');
    expect(drafts.map((v) => v.point_id).sort()).toEqual(suggestion.sites.map((s) => s.point_id).sort());
    for (const d of drafts) {
      expect(d.title).toBe('Sosialisasi & pendaftaran BPJS Ketenagakerjaan');
      expect(d.starts_at).toMatch(/T09:00:00\+08:00$/);
      expect(d.ends_at).toMatch(/T12:00:00\+08:00$/);
      expect(Date.parse(d.starts_at)).toBeGreaterThan(Date.now());
      // On the venue's next market day when it has one, otherwise on a Monday–Friday.
      const date = d.starts_at.slice(0, 10);
      const md = (await (await fetch(`${server.url}/api/points/${d.point_id}/market-days`)).json()) as { dates: string[] };
      if (md.dates.length > 0) expect(md.dates).toContain(date);
      else expect([1, 2, 3, 4, 5]).toContain(new Date(`${date}T00:00:00Z`).getUTCDay());
    }
    expect((await list({})).filter((v) => v.status === 'draft')).toEqual([]);

    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'coverageweb-coverage-390-drafts');
    await page.setViewportSize({ width: 1280, height: 800 });
    await saveScreenshot(page, 'coverageweb-coverage-1280');
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('heading', { name: 'Village coverage' }).waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    await saveScreenshot(page, 'coverageweb-coverage-390-en');
    await context.close();
  }, 90_000);
});
