import { describe, expect, it } from 'vitest';
import { jsonRequest, makeTestApp } from '../helpers/app.js';

const PASSWORD = 'Kintamani-Batur-2026';

async function loginCookie(trustProxy: boolean, proto?: string) {
  const t = makeTestApp({ config: { trustProxy } });
  await t.services.auth.createUser({ email: 'ketut@contoh.id', password: PASSWORD, role: 'staff' });
  const init = jsonRequest('POST', { email: 'ketut@contoh.id', password: PASSWORD });
  if (proto) (init.headers as Record<string, string>)['X-Forwarded-Proto'] = proto;
  const res = await t.app.request('/api/auth/login', init);
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!;
}

describe('session cookie behind a reverse proxy', () => {
  it('marks the cookie Secure when a trusted proxy says the client used https', async () => {
    expect(await loginCookie(true, 'https')).toMatch(/;\s*Secure/i);
  });

  it('does not mark it Secure for plain http through the proxy', async () => {
    expect(await loginCookie(true, 'http')).not.toMatch(/;\s*Secure/i);
  });

  it('ignores X-Forwarded-Proto when the proxy is not trusted', async () => {
    expect(await loginCookie(false, 'https')).not.toMatch(/;\s*Secure/i);
  });
});
