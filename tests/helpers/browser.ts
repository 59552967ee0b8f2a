import { chromium, type Browser, type Page } from 'playwright-core';
import { serve, type ServerType } from '@hono/node-server';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '../../server/storage/db.js';
import { prepareRegions } from '../../server/services/regions/ensureRegions.js';
import { createApp } from '../../server/app.js';
import { createServices, type Services } from '../../server/services/index.js';
import { ROOT_DIR, testConfig } from '../../server/config.js';

/** The Chromium flags this machine needs (no sandbox as root, no background network calls). */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/** Launches Debian's Chromium headless. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
}

/** A new page at phone size (390×844), Indonesian locale, WITA time zone. */
export async function phonePage(browser: Browser, opts: { geolocation?: { latitude: number; longitude: number } } = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 1,
    locale: 'id-ID',
    timezoneId: 'Asia/Makassar',
    ...(opts.geolocation ? { geolocation: opts.geolocation, permissions: ['geolocation'] } : {}),
  });
  return context.newPage();
}

export interface RunningServer {
  url: string;
  db: Db;
  /** The SQLite file, for tests that open a second connection (e.g. a concurrent writer). */
  dbFile: string;
  services: Services;
  close(): Promise<void>;
}

/**
 * Serves the BUILT web app (web/dist, or $JANGKAU_WEB_DIR) and the API on a free loopback port, with a
 * fresh seeded database in a temp folder. `npm test` builds the web app before running tests.
 */
export async function startServer(opts: { now?: () => Date; regions?: string[] } = {}): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'jangkau-e2e-'));
  const config = testConfig({
    dbFile: join(dir, 'test.db'),
    webDir: process.env.JANGKAU_WEB_DIR ?? join(ROOT_DIR, 'web', 'dist'),
    ...(opts.regions ? { regions: opts.regions } : {}),
  });
  const db = openDb(config.dbFile);
  const now = opts.now ?? (() => new Date());
  prepareRegions(db, config.dataDir, config.regions, now());
  const deps = { db, config, now };
  const services = createServices(deps);
  const app = createApp(deps, services);
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    dbFile: config.dbFile,
    services,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          db.close();
          rmSync(dir, { recursive: true, force: true });
          resolve();
        });
      }),
  };
}

/**
 * Saves a full-page screenshot for a look by eye, only when JANGKAU_SCREENSHOTS names a folder
 * (screenshots cost time and disk on every CI run otherwise).
 */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.JANGKAU_SCREENSHOTS;
  if (dir) await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}
