import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { jsonRequest, makeTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
const PASSWORD = 'Kintamani-Batur-2026';
const WRONG = 'salah-salah-salah';

const login = (email: string, password: string, ip = '198.51.100.7') => {
  const init = jsonRequest('POST', { email, password });
  (init.headers as Record<string, string>)['X-Forwarded-For'] = ip;
  return t.app.request('/api/auth/login', init);
};

describe('simultaneous login guesses', () => {
  beforeEach(async () => {
    t = makeTestApp({ config: { trustProxy: true } });
    await t.services.auth.createUser({ email: 'wayan@contoh.id', password: PASSWORD, role: 'admin' });
  });

  it('checks at most 5 of 50 simultaneous wrong guesses for one email and answers the rest 429 with Retry-After', async () => {
    const answers = await Promise.all(Array.from({ length: 50 }, () => login('wayan@contoh.id', WRONG)));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(45);
    for (const r of answers.filter((a) => a.status === 429)) {
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await r.json()).error.code).toBe('too_many_attempts');
    }
  });

  it('does not log in with the right password sent together with 19 wrong ones after them', async () => {
    const answers = await Promise.all([
      ...Array.from({ length: 19 }, () => login('wayan@contoh.id', WRONG)),
      login('wayan@contoh.id', PASSWORD),
    ]);
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s !== 429).length).toBeLessThanOrEqual(5);
    expect(statuses[19]).toBe(429);
    expect(answers.some((r) => r.headers.get('set-cookie'))).toBe(false);
  });

  it('checks at most 30 simultaneous guesses from one client spread over many emails', async () => {
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => login(`orang${i}@contoh.id`, WRONG)));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(30);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30);
    // Another client is not affected.
    expect((await login('wayan@contoh.id', PASSWORD, '198.51.100.8')).status).toBe(200);
  });

  it('still lets the right password in when fewer than 5 guesses came before it', async () => {
    await Promise.all(Array.from({ length: 4 }, () => login('wayan@contoh.id', WRONG)));
    expect((await login('wayan@contoh.id', PASSWORD)).status).toBe(200);
  });
});

describe('simultaneous login guesses over a real socket', () => {
  let server: ServerType | undefined;
  afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

  it('answers at most 5 of 40 parallel connections with a checked 401, the rest 429', async () => {
    t = makeTestApp();
    await t.services.auth.createUser({ email: 'made@contoh.id', password: PASSWORD, role: 'staff' });
    const port = await new Promise<number>((resolve) => {
      server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve(info.port));
    });
    const url = `http://127.0.0.1:${port}/api/auth/login`;
    const answers = await Promise.all(
      Array.from({ length: 40 }, () =>
        fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'made@contoh.id', password: WRONG }) }),
      ),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(35);
  });
});
