/**
 * `npm run bench:web`: what a worker's phone experiences. Builds the web app to a temp folder, serves it
 * with a seeded temp database, then measures in Debian's Chromium:
 *   - first-load JavaScript (bytes on the wire, and gzip) before the finder is usable;
 *   - time to a usable list under slow 3G (CDP Network.emulateNetworkConditions: 400 kbps down/up, 400 ms RTT),
 *     for a first visit (picker usable, then pick a village → list) and a returning worker (saved place → list);
 *   - Lighthouse 12 mobile performance and accessibility scores.
 * Set JANGKAU_WEB_DIR to measure an existing build instead.
 * Writes the "web" section of bench/RESULTS.md.
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ROOT_DIR } from '../server/config.js';
import { machine } from './machine.js';
import { table, writeSection } from './results.js';

const log = (s: string) => process.stderr.write(s + '\n');
const SLOW_3G = { offline: false, latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 };

async function phone(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'id-ID', timezoneId: 'Asia/Makassar', serviceWorkers: 'block' });
}

async function firstLoadJs(browser: Browser, url: string, webDir: string) {
  const context = await phone(browser);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const scripts = new Map<string, string>();
  const sizes = new Map<string, number>();
  cdp.on('Network.responseReceived', (e) => e.type === 'Script' && scripts.set(e.requestId, e.response.url));
  cdp.on('Network.loadingFinished', (e) => sizes.set(e.requestId, e.encodedDataLength));
  await page.goto(`${url}/#/`, { waitUntil: 'networkidle' });
  await page.getByRole('combobox', { name: 'Pilih desa/kelurahan' }).waitFor();
  await page.waitForLoadState('networkidle');
  await context.close();
  let wire = 0, gz = 0;
  for (const [id, u] of scripts) {
    wire += sizes.get(id) ?? 0;
    const file = join(webDir, new URL(u).pathname);
    gz += existsSync(`${file}.gz`) ? readFileSync(`${file}.gz`).length : gzipSync(readFileSync(file), { level: 9 }).length;
  }
  return { files: scripts.size, wireKb: wire / 1024, gzipKb: gz / 1024 };
}

/** A phone page throttled to slow 3G through the DevTools protocol, optionally with a saved chosen place. */
async function slow3gPage(browser: Browser, savedPlace: string | null = null): Promise<{ context: BrowserContext; page: Page }> {
  const context = await phone(browser);
  if (savedPlace) await context.addInitScript((p) => localStorage.setItem('jangkau.place', p), savedPlace);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
  return { context, page };
}

/** Milliseconds on slow 3G: navigation → picker usable → (pick Bunutin) → first list entry; and a returning visit. */
async function slow3g(browser: Browser, url: string) {
  const first = await (async () => {
    const { context, page } = await slow3gPage(browser);
    const t0 = Date.now();
    await page.goto(`${url}/#/`, { waitUntil: 'commit' });
    const box = page.getByRole('combobox', { name: 'Pilih desa/kelurahan' });
    await box.waitFor({ timeout: 120_000 });
    await box.fill('Bunutin');
    await page.getByRole('option', { name: 'Bunutin' }).first().waitFor({ timeout: 120_000 });
    const pickerMs = Date.now() - t0;
    const t1 = Date.now();
    await page.getByRole('option', { name: 'Bunutin' }).first().click();
    await page.locator('.point-card').first().waitFor({ timeout: 120_000 });
    const listAfterPickMs = Date.now() - t1;
    const place = await page.evaluate(() => localStorage.getItem('jangkau.place'));
    await context.close();
    return { pickerMs, listAfterPickMs, place };
  })();
  const returning = await (async () => {
    const { context, page } = await slow3gPage(browser, first.place);
    const t0 = Date.now();
    await page.goto(`${url}/#/`, { waitUntil: 'commit' });
    await page.locator('.point-card').first().waitFor({ timeout: 120_000 });
    const listMs = Date.now() - t0;
    await context.close();
    return { listMs };
  })();
  return { ...first, ...returning };
}

const LH_RUNS = 5;

/** "88 (81–91)": the median of the runs and their range; a single number when they all agree. */
function medianWithRange(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  const [lo, hi] = [sorted[0], sorted[sorted.length - 1]];
  return lo === hi ? String(median) : `${median} (${lo}–${hi}, ${sorted.length} runs)`;
}

/** Lighthouse in a child process; asynchronous, because the server under test runs in this process. */
async function lighthouse(url: string): Promise<{ performance: number; accessibility: number } | { error: string }> {
  const out = join(mkdtempSync(join(tmpdir(), 'field-lh-')), 'report.json');
  try {
    await promisify(execFile)(
      join(ROOT_DIR, 'node_modules', '.bin', 'lighthouse'),
      [`${url}/#/`, '--quiet', '--only-categories=performance,accessibility', '--form-factor=mobile', '--output=json', `--output-path=${out}`, '--chrome-flags=--headless=new --no-sandbox --disable-gpu'],
      { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, timeout: 180_000 },
    );
    const r = JSON.parse(readFileSync(out, 'utf8')) as { categories: Record<string, { score: number }>; runtimeError?: { message: string } };
    if (r.runtimeError) return { error: r.runtimeError.message };
    return { performance: Math.round(r.categories.performance.score * 100), accessibility: Math.round(r.categories.accessibility.score * 100) };
  } catch (e) {
    return { error: String((e as { stderr?: string }).stderr || e).slice(-300) };
  }
}

async function main() {
  const m = machine();
  // An existing build (JANGKAU_WEB_DIR) is measured as it is; otherwise build the current code to a temp folder.
  const given = process.env.JANGKAU_WEB_DIR;
  const webDir = given ?? mkdtempSync(join(tmpdir(), 'field-webbench-'));
  if (!given) {
    log('building the web app…');
    execFileSync(process.execPath, [join(ROOT_DIR, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(ROOT_DIR, 'web', 'vite.config.ts')], {
      cwd: ROOT_DIR, env: { ...process.env, JANGKAU_WEB_OUT: webDir }, stdio: ['ignore', 'ignore', 'inherit'],
    });
    process.env.JANGKAU_WEB_DIR = webDir;
  }
  const { startServer, launchBrowser } = await import('../tests/helpers/browser.js');
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    log('first-load JavaScript…');
    const js = await firstLoadJs(browser, server.url, webDir);
    log('slow 3G…');
    const s3g = await slow3g(browser, server.url);
    // Lighthouse's simulated throttling multiplies the CPU time it observes, so one run swings with whatever else the
    // machine is doing: report the median of LH_RUNS runs with the range.
    const lhRuns: { performance: number; accessibility: number }[] = [];
    let lhError = '';
    for (let i = 0; i < LH_RUNS; i++) {
      log(`Lighthouse (mobile), run ${i + 1} of ${LH_RUNS}…`);
      const lh = await lighthouse(server.url);
      if ('error' in lh) lhError = lh.error.replace(/\s+/g, ' ');
      else lhRuns.push(lh);
    }
    const lhCells = lhRuns.length === 0 ? [`not measured: ${lhError}`, '—'] : [medianWithRange(lhRuns.map((r) => r.performance)), medianWithRange(lhRuns.map((r) => r.accessibility))];
    const md = [
      '## Web page (npm run bench:web)',
      '',
      `Measured ${new Date().toISOString().slice(0, 10)} on ${m.nproc} CPU × ${m.cpu}, Node ${m.node}, Debian Chromium headless, 390×844, page and API on loopback (seeded real Bangli data).`,
      '',
      table(
        ['measure', 'result', 'target'],
        [
          ['first-load JavaScript before the finder is usable, on the wire (brotli)', `${js.wireKb.toFixed(1)} KB in ${js.files} files`, '≤ 170 KB'],
          ['same files, gzip -9', `${js.gzipKb.toFixed(1)} KB`, '≤ 170 KB'],
          ['slow 3G (400 kbps, 400 ms RTT), first visit: village picker usable (typed "Bunutin", option shown)', `${(s3g.pickerMs / 1000).toFixed(1)} s`, '—'],
          ['slow 3G, first visit: pick the village → first list entry', `${(s3g.listAfterPickMs / 1000).toFixed(1)} s`, '—'],
          ['slow 3G, returning worker (saved village): page load → usable list', `${(s3g.listMs / 1000).toFixed(1)} s`, '—'],
          ['Lighthouse 12.2.3 mobile performance (median, range)', lhCells[0], '≥ 95'],
          ['Lighthouse 12.2.3 mobile accessibility (median, range)', lhCells[1], '≥ 95'],
        ],
      ),
      '',
      'The map (Leaflet and the village boundaries) is a separate chunk loaded after the list; the service worker precaches the rest of the app in the background after the first load (not counted above).',
    ].join('\n');
    console.log('\n' + md + '\n');
    writeSection('web', md);
  } finally {
    await browser.close();
    await server.close();
    if (!given) rmSync(webDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
