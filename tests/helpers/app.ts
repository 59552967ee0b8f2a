import { openDb, type Db } from '../../server/storage/db.js';
import { prepareRegions } from '../../server/services/regions/ensureRegions.js';
import { createApp } from '../../server/app.js';
import { createServices, type Services } from '../../server/services/index.js';
import { testConfig, type AppConfig } from '../../server/config.js';
import type { Role } from '../../server/storage/users.js';

/** A fixed "now" for tests: Wednesday 25 November 2026, 10:00 WITA. */
export const TEST_NOW = new Date('2026-11-25T02:00:00Z');

export interface TestApp {
  app: ReturnType<typeof createApp>;
  db: Db;
  services: Services;
  config: AppConfig;
  /** Move the test clock. */
  setNow(d: Date): void;
}

/** A fresh app on an in-memory database seeded with the real data of `config.regions` (default Bangli). */
export function makeTestApp(opts: { seed?: boolean; db?: Db; config?: Partial<AppConfig> } = {}): TestApp {
  const db = opts.db ?? openDb(':memory:');
  const config = testConfig(opts.config);
  let now = TEST_NOW;
  if (opts.seed !== false) prepareRegions(db, config.dataDir, config.regions, now);
  const deps = { db, config, now: () => now };
  const services = createServices(deps);
  const app = createApp(deps, services);
  return { app, db, services, config, setNow: (d) => (now = d) };
}

let userCounter = 0;

/** Creates a user with `role` and logs in; returns the Cookie header value to send with requests. */
export async function loginAs(t: TestApp, role: Role): Promise<{ cookie: string; email: string }> {
  const email = `${role}${++userCounter}@test.jangkau.id`;
  const password = 'correct horse battery';
  await t.services.auth.createUser({ email, password, role });
  const res = await t.app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0];
  return { cookie, email };
}

/** A JSON request as the same-origin page would send it (with Origin), optionally with a session cookie. */
export function jsonRequest(method: string, body: unknown, cookie?: string): RequestInit {
  return {
    method,
    headers: {
      'Content-Type': 'application/json',
      Origin: 'http://localhost',
      'Sec-Fetch-Site': 'same-origin',
      ...(cookie ? { Cookie: cookie } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  };
}
