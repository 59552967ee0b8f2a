import { beforeAll, describe, expect, it } from 'vitest';
import { jsonRequest, loginAs, makeTestApp, type TestApp } from '../helpers/app.js';

/**
 * Every write endpoint of the staff workspace, with a body that succeeds for an allowed role.
 * `setup` makes a fresh target (a point, a retired point, an open report, a user) so each row is independent.
 */
interface WriteCase {
  name: string;
  allowed: 'staff' | 'admin';
  okStatus: number;
  request: (t: TestApp) => Promise<{ method: string; path: string; body?: unknown }>;
}

let counter = 0;
async function freshPoint(t: TestApp, retired = false): Promise<number> {
  const res = t.services.pointEdits.create({ id: null, email: 'setup' }, { name: `Titik Uji ${++counter}`, type: 'other', lat: -8.3 - counter * 0.01, lng: 115.4 });
  if (retired) t.services.pointEdits.retire({ id: null, email: 'setup' }, res.id);
  return res.id;
}
function openReport(t: TestApp): number {
  return t.services.reports.file(1, { reason: 'closed' }, `setup-${++counter}`).id;
}

const CASES: WriteCase[] = [
  { name: 'POST /api/points', allowed: 'staff', okStatus: 201, request: async () => ({ method: 'POST', path: '/api/points', body: { name: `Balai Baru ${++counter}`, type: 'community_hall', lat: -8.2 - counter * 0.01, lng: 115.3 } }) },
  { name: 'PATCH /api/points/:id', allowed: 'staff', okStatus: 200, request: async (t) => ({ method: 'PATCH', path: `/api/points/${await freshPoint(t)}`, body: { notes: 'Buka saat upacara' } }) },
  { name: 'DELETE /api/points/:id', allowed: 'staff', okStatus: 200, request: async (t) => ({ method: 'DELETE', path: `/api/points/${await freshPoint(t)}` }) },
  { name: 'POST /api/points/:id/restore', allowed: 'staff', okStatus: 200, request: async (t) => ({ method: 'POST', path: `/api/points/${await freshPoint(t, true)}/restore`, body: {} }) },
  { name: 'POST /api/points/:id/verify', allowed: 'staff', okStatus: 200, request: async (t) => ({ method: 'POST', path: `/api/points/${await freshPoint(t)}/verify`, body: { method: 'office_confirmed' } }) },
  { name: 'POST /api/reports/:id/resolve', allowed: 'staff', okStatus: 200, request: async (t) => ({ method: 'POST', path: `/api/reports/${openReport(t)}/resolve`, body: {} }) },
  { name: 'POST /api/reports/:id/dismiss', allowed: 'staff', okStatus: 200, request: async (t) => ({ method: 'POST', path: `/api/reports/${openReport(t)}/dismiss`, body: { note: 'Sudah benar' } }) },
  { name: 'POST /api/users', allowed: 'admin', okStatus: 201, request: async () => ({ method: 'POST', path: '/api/users', body: { email: `baru${++counter}@contoh.id`, password: 'panjang-sekali-1', role: 'planner' } }) },
  {
    name: 'PATCH /api/users/:id', allowed: 'admin', okStatus: 200,
    request: async (t) => {
      const u = await t.services.auth.createUser({ email: `target${++counter}@contoh.id`, password: 'panjang-sekali-1', role: 'planner' });
      return { method: 'PATCH', path: `/api/users/${u.id}`, body: { role: 'staff' } };
    },
  },
];

describe('role matrix over every staff write endpoint', () => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    t = makeTestApp();
    for (const role of ['planner', 'staff', 'admin'] as const) cookies[role] = (await loginAs(t, role)).cookie;
  });

  for (const c of CASES) {
    for (const who of ['anonymous', 'planner', 'staff', 'admin'] as const) {
      const allowed = who === 'admin' || (who === 'staff' && c.allowed === 'staff');
      const expected = who === 'anonymous' ? 401 : allowed ? c.okStatus : 403;
      it(`${c.name} answers ${expected} to ${who}, as JSON`, async () => {
        const r = await c.request(t);
        const res = await t.app.request(r.path, jsonRequest(r.method, r.body, who === 'anonymous' ? undefined : cookies[who]));
        expect(res.status).toBe(expected);
        expect(res.headers.get('content-type')).toMatch(/application\/json/);
        const body = await res.json();
        if (expected >= 400) expect(body.error.message).toEqual(expect.any(String));
      });
    }
  }

  it('lets the public file a problem report without logging in', async () => {
    const res = await t.app.request('/api/points/1/reports', jsonRequest('POST', { reason: 'wrong_phone' }));
    expect(res.status).toBe(201);
  });

  it('keeps staff reads (list, history, reports, audit) away from the public and planners', async () => {
    for (const path of ['/api/staff/points', '/api/points/1/history', '/api/reports', '/api/users', '/api/audit']) {
      expect((await t.app.request(path)).status, path).toBe(401);
      expect((await t.app.request(path, { headers: { Cookie: cookies.planner } })).status, path).toBe(403);
    }
    expect((await t.app.request('/api/audit', { headers: { Cookie: cookies.staff } })).status).toBe(403);
    expect((await t.app.request('/api/audit', { headers: { Cookie: cookies.admin } })).status).toBe(200);
  });
});

describe('cross-site request protection', () => {
  let t: TestApp;
  let cookie: string;
  const body = JSON.stringify({ name: 'Titik Serangan', type: 'other', lat: -8.4, lng: 115.3 });
  beforeAll(async () => {
    t = makeTestApp();
    cookie = (await loginAs(t, 'staff')).cookie;
  });
  const count = () => t.services.pointStore.count();

  it('refuses a JSON write with the session cookie from another origin', async () => {
    const before = count();
    const res = await t.app.request('/api/points', { method: 'POST', body, headers: { 'Content-Type': 'application/json', Cookie: cookie, Origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toMatch(/Cross-site/);
    expect(count()).toBe(before);
  });

  it('refuses a write marked Sec-Fetch-Site: cross-site even without Origin', async () => {
    const res = await t.app.request('/api/points/1', { method: 'DELETE', headers: { Cookie: cookie, 'Sec-Fetch-Site': 'cross-site' } });
    expect(res.status).toBe(403);
    expect(t.services.finder.get(1)).toBeDefined();
  });

  it('refuses a form-encoded post with the cookie, as a cross-site HTML form would send it', async () => {
    const before = count();
    const res = await t.app.request('/api/points', {
      method: 'POST', body: 'name=Titik&type=other&lat=-8.4&lng=115.3',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie, Origin: 'http://localhost' },
    });
    expect(res.status).toBe(415);
    expect(count()).toBe(before);
  });

  it('accepts the same write as a same-origin JSON request', async () => {
    const res = await t.app.request('/api/points', jsonRequest('POST', JSON.parse(body), cookie));
    expect(res.status).toBe(201);
  });
});

describe('security headers', () => {
  it('sets a strict CSP and the usual hardening headers on the page and the API', async () => {
    const t = makeTestApp();
    for (const path of ['/', '/api/health']) {
      const res = await t.app.request(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).toContain("style-src 'self'");
      expect(csp, path).toContain("object-src 'none'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).not.toContain('unsafe-inline');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), path).toBe('SAMEORIGIN');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(res.headers.get('strict-transport-security'), path).toMatch(/max-age=\d+/);
    }
  });

  it('sends the session cookie HttpOnly and SameSite=Strict', async () => {
    const t = makeTestApp();
    await t.services.auth.createUser({ email: 'kuki@contoh.id', password: 'panjang-sekali-1', role: 'staff' });
    const res = await t.app.request('/api/auth/login', jsonRequest('POST', { email: 'kuki@contoh.id', password: 'panjang-sekali-1' }));
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
  });
});
