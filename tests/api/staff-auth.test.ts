import { beforeEach, describe, expect, it } from 'vitest';
import { jsonRequest, loginAs, makeTestApp, TEST_NOW, type TestApp } from '../helpers/app.js';

let t: TestApp;
const PASSWORD = 'panjang-sekali-1';
const login = (email: string, password: string, ip?: string) => {
  const init = jsonRequest('POST', { email, password });
  if (ip) (init.headers as Record<string, string>)['X-Forwarded-For'] = `203.0.113.9, ${ip}`;
  return t.app.request('/api/auth/login', init);
};

describe('login lockout', () => {
  beforeEach(async () => {
    t = makeTestApp({ config: { trustProxy: true } });
    await t.services.auth.createUser({ email: 'wayan@contoh.id', password: PASSWORD, role: 'staff' });
  });

  it('answers 429 with Retry-After after 5 failed logins for one email from one client, even with the right password', async () => {
    for (let i = 0; i < 5; i++) expect((await login('wayan@contoh.id', 'salah-salah-salah', '198.51.100.7')).status).toBe(401);
    const locked = await login('wayan@contoh.id', PASSWORD, '198.51.100.7');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(locked.headers.get('retry-after'))).toBeLessThanOrEqual(15 * 60);
    expect((await locked.json()).error.code).toBe('too_many_attempts');
  });

  it('keeps other clients of the same account able to log in', async () => {
    for (let i = 0; i < 5; i++) await login('wayan@contoh.id', 'salah-salah-salah', '198.51.100.7');
    expect((await login('wayan@contoh.id', PASSWORD, '198.51.100.8')).status).toBe(200);
  });

  it('lets the account in again once the 15-minute window has passed', async () => {
    for (let i = 0; i < 5; i++) await login('wayan@contoh.id', 'salah-salah-salah', '198.51.100.7');
    t.setNow(new Date(TEST_NOW.getTime() + 15 * 60_000 + 1000));
    expect((await login('wayan@contoh.id', PASSWORD, '198.51.100.7')).status).toBe(200);
  });

  it('resets the count after a successful login', async () => {
    for (let i = 0; i < 4; i++) await login('wayan@contoh.id', 'salah-salah-salah', '198.51.100.7');
    expect((await login('wayan@contoh.id', PASSWORD, '198.51.100.7')).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login('wayan@contoh.id', 'salah-salah-salah', '198.51.100.7')).status).toBe(401);
    expect((await login('wayan@contoh.id', PASSWORD, '198.51.100.7')).status).toBe(200);
  });

  it('ignores a client-supplied X-Forwarded-For unless the proxy is trusted', async () => {
    t = makeTestApp();
    await t.services.auth.createUser({ email: 'made@contoh.id', password: PASSWORD, role: 'staff' });
    for (let i = 0; i < 5; i++) await login('made@contoh.id', 'salah-salah-salah', `198.51.100.${i}`);
    expect((await login('made@contoh.id', PASSWORD, '198.51.100.99')).status).toBe(429);
  });
});

describe('user administration', () => {
  let admin: { cookie: string; email: string };
  beforeEach(async () => {
    t = makeTestApp();
    admin = await loginAs(t, 'admin');
  });
  const asAdmin = (method: string, path: string, body?: unknown) => t.app.request(path, jsonRequest(method, body, admin.cookie));

  it('lists users without password hashes', async () => {
    await loginAs(t, 'planner');
    const { users } = await (await t.app.request('/api/users', { headers: { Cookie: admin.cookie } })).json();
    expect(users.map((u: { role: string }) => u.role)).toEqual(['admin', 'planner']);
    expect(Object.keys(users[0]).sort()).toEqual(['created_at', 'disabled', 'email', 'id', 'role', 'updated_at']);
  });

  it('disabling a user ends their sessions at once and blocks new logins', async () => {
    const staff = await loginAs(t, 'staff');
    const id = (await (await t.app.request('/api/auth/me', { headers: { Cookie: staff.cookie } })).json()).user.id;
    const res = await asAdmin('PATCH', `/api/users/${id}`, { disabled: true });
    expect(res.status).toBe(200);
    expect((await res.json()).user.disabled).toBe(true);
    expect((await t.app.request('/api/auth/me', { headers: { Cookie: staff.cookie } })).status).toBe(401);
    expect((await t.app.request('/api/points/1', jsonRequest('PATCH', { notes: 'x' }, staff.cookie))).status).toBe(401);
    expect((await t.app.request('/api/auth/login', jsonRequest('POST', { email: staff.email, password: 'correct horse battery' }))).status).toBe(401);
  });

  it('changes a role, effective on the next request, and audits it with before and after', async () => {
    const planner = await loginAs(t, 'planner');
    const id = (await (await t.app.request('/api/auth/me', { headers: { Cookie: planner.cookie } })).json()).user.id;
    expect((await t.app.request('/api/points/1/verify', jsonRequest('POST', { method: 'office_confirmed' }, planner.cookie))).status).toBe(403);
    await asAdmin('PATCH', `/api/users/${id}`, { role: 'staff' });
    expect((await t.app.request('/api/points/1/verify', jsonRequest('POST', { method: 'office_confirmed' }, planner.cookie))).status).toBe(200);

    const { entries } = await (await t.app.request(`/api/audit?entity=user&entity_id=${id}`, { headers: { Cookie: admin.cookie } })).json();
    const update = entries.find((e: { action: string }) => e.action === 'user_update');
    expect(update).toMatchObject({ actor_email: admin.email, before: { role: 'planner' }, after: { role: 'staff' } });
    expect(entries.find((e: { action: string }) => e.action === 'user_create')).toBeDefined();
  });

  it('audits POST /api/users with the admin as actor and never stores the password in the trail', async () => {
    const res = await asAdmin('POST', '/api/users', { email: 'Komang@Contoh.id', password: PASSWORD, role: 'staff' });
    expect(res.status).toBe(201);
    const { entries } = await (await t.app.request('/api/audit?entity=user', { headers: { Cookie: admin.cookie } })).json();
    expect(entries[0]).toMatchObject({ action: 'user_create', actor_email: admin.email, after: { email: 'komang@contoh.id', role: 'staff' } });
    expect(JSON.stringify(entries)).not.toContain(PASSWORD);
    expect(JSON.stringify(entries)).not.toMatch(/argon2/);
  });

  it('refuses to let the last admin disable or demote themselves', async () => {
    const me = (await (await t.app.request('/api/auth/me', { headers: { Cookie: admin.cookie } })).json()).user.id;
    const res = await asAdmin('PATCH', `/api/users/${me}`, { disabled: true });
    expect(res.status).toBe(409);
    expect((await asAdmin('PATCH', `/api/users/${me}`, { role: 'staff' })).status).toBe(409);
    expect((await t.app.request('/api/auth/me', { headers: { Cookie: admin.cookie } })).status).toBe(200);
  });

  it('validates the patch naming the field', async () => {
    const planner = await t.services.auth.createUser({ email: 'nyoman@contoh.id', password: PASSWORD, role: 'planner' });
    const bad = await asAdmin('PATCH', `/api/users/${planner.id}`, { role: 'boss' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.field).toBe('role');
    expect((await asAdmin('PATCH', `/api/users/${planner.id}`, {})).status).toBe(400);
    expect((await asAdmin('PATCH', '/api/users/999', { disabled: true })).status).toBe(404);
  });
});

describe('weak passwords through the API', () => {
  it('answers 400 naming password for common, repeated and email-based passwords, and creates no user', async () => {
    const t = makeTestApp();
    const { cookie } = await loginAs(t, 'admin');
    for (const [password, code] of [['aaaaaaaaaa', 'password_repeated'], ['          ', 'password_repeated'], ['1234567890', 'password_too_common'], ['ketut@contoh.id1', 'password_contains_email']]) {
      const res = await t.app.request('/api/users', jsonRequest('POST', { email: 'ketut@contoh.id', password, role: 'staff' }, cookie));
      expect(res.status, password).toBe(400);
      expect((await res.json()).error).toMatchObject({ field: 'password', code });
    }
    expect(t.services.auth.listUsers().map((u) => u.email)).not.toContain('ketut@contoh.id');
  });

  it('refuses a weak first-admin password from the environment, naming JANGKAU_ADMIN_PASSWORD', async () => {
    const t = makeTestApp();
    await expect(t.services.auth.ensureFirstAdmin('kepala@contoh.id', 'qwertyuiop')).rejects.toThrow(/^JANGKAU_ADMIN_PASSWORD: password is too common/);
    expect(t.services.auth.listUsers()).toEqual([]);
  });

  it('refuses a weak password on reset too', async () => {
    const t = makeTestApp();
    await t.services.auth.createUser({ email: 'gede@contoh.id', password: PASSWORD, role: 'staff' });
    await expect(t.services.auth.resetPassword('gede@contoh.id', '1234567890')).rejects.toMatchObject({ field: 'password', code: 'password_too_common' });
  });
});
