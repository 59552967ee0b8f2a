import { describe, expect, it } from 'vitest';
import { makeTestApp } from '../helpers/app.js';

describe('GET /api/health', () => {
  it('answers 200 {"status":"ok"}', async () => {
    const res = await makeTestApp().app.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('answers unknown API paths with a JSON 404, not the web page', async () => {
    const res = await makeTestApp().app.request('/api/does-not-exist');
    expect(res.status).toBe(404);
    expect((await res.json()).error.message).toMatch(/No API route/);
  });
});
