import { beforeAll, describe, expect, it } from 'vitest';
import { jsonRequest, loginAs, makeTestApp, type TestApp } from '../helpers/app.js';
import { JSON_MAX_BYTES } from '../../server/http/bodyGuard.js';

let t: TestApp;
let cookie: string;

beforeAll(async () => {
  t = makeTestApp();
  ({ cookie } = await loginAs(t, 'admin'));
});

/** A same-origin write as the browser sends it, with Host, then `patch` applied to the headers. */
function write(method: string, body: string | ReadableStream<Uint8Array> | undefined, patch: Record<string, string | undefined> = {}): RequestInit {
  const init = jsonRequest(method, undefined, cookie);
  const headers: Record<string, string> = { ...(init.headers as Record<string, string>), Host: 'localhost' };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete headers[k];
    else headers[k] = v;
  }
  return { ...init, headers, body, ...(body instanceof ReadableStream ? { duplex: 'half' } : {}) } as RequestInit;
}

describe('malformed Origin on a write with a cookie', () => {
  for (const origin of ['null', '', 'not a url', 'http://host:port.evil.example', 'http://localhost:99999', 'javascript:alert(1)']) {
    it(`answers 403 naming origin for Origin ${JSON.stringify(origin)}`, async () => {
      const res = await t.app.request('/api/points', write('POST', JSON.stringify({ name: 'x' }), { Origin: origin }));
      expect(res.status).toBe(403);
      const body = await res.json();
      expect(body.error.field).toBe('origin');
    });
  }

  it('still accepts the page own origin with its Host', async () => {
    const res = await t.app.request('/api/points/1/verify', write('POST', JSON.stringify({ method: 'office_confirmed' })));
    expect(res.status).toBe(200);
  });
});

describe('deeply nested JSON', () => {
  const deepArray = '['.repeat(20_000) + ']'.repeat(20_000);
  const deepObject = '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000);
  const cases: [string, string, string][] = [
    ['POST', '/api/points', `{"name":${deepArray}}`],
    ['POST', '/api/points', `{"name":"Pasar","type":"market","lat":${deepObject}}`],
    ['PATCH', '/api/points/1', `{"name":${deepObject}}`],
    ['POST', '/api/points', `{"services":${deepArray}}`],
    ['POST', '/api/auth/login', deepArray],
    ['POST', '/api/visits', `{"point_id":1,"title":${deepArray}}`],
  ];
  for (const [method, path, body] of cases) {
    it(`answers ${method} ${path} with a body nested 20,000 levels with 400 naming body`, async () => {
      const res = await t.app.request(path, write(method, body));
      expect(res.status).toBe(400);
      const json = await res.json();
      expect(json.error).toMatchObject({ field: 'body', code: 'body_too_deep' });
    });
  }

  it('ignores brackets inside strings when measuring depth', async () => {
    const res = await t.app.request('/api/points/1', write('PATCH', JSON.stringify({ notes: '['.repeat(500) })));
    expect(res.status).not.toBe(400);
  });
});

/** A body of `totalBytes` made on demand in 64 KiB chunks; `pulled()` tells how much the server read. */
function lazyBody(totalBytes: number) {
  const chunk = new TextEncoder().encode(' '.repeat(64 * 1024));
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  }, { highWaterMark: 0 });
  return { stream, pulled: () => sent };
}

describe('request body limits', () => {
  const routes: [string, string][] = [
    ['POST', '/api/auth/login'],
    ['POST', '/api/points'],
    ['PATCH', '/api/points/1'],
    ['POST', '/api/visits'],
    ['POST', '/api/points/1/reports'],
    ['PATCH', '/api/users/1'],
  ];
  for (const [method, path] of routes) {
    it(`refuses a ${method} ${path} body over 1 MiB announced by Content-Length with 413 naming body`, async () => {
      const big = JSON.stringify({ name: 'x'.repeat(JSON_MAX_BYTES) });
      const res = await t.app.request(path, write(method, big, { 'Content-Length': String(big.length) }));
      expect(res.status).toBe(413);
      expect((await res.json()).error).toMatchObject({ field: 'body', code: 'payload_too_large', params: { max_bytes: JSON_MAX_BYTES } });
    });
  }

  it('refuses a 50 MB chunked login body after reading little more than the limit', async () => {
    const body = lazyBody(50 * 1024 * 1024);
    const res = await t.app.request('/api/auth/login', write('POST', body.stream));
    expect(res.status).toBe(413);
    expect((await res.json()).error.field).toBe('body');
    // The memory bound itself: the server stopped pulling the stream just past the limit.
    expect(body.pulled()).toBeLessThanOrEqual(JSON_MAX_BYTES + 3 * 64 * 1024);
  });

  it('refuses an anonymous chunked body too, before any route sees it', async () => {
    const body = lazyBody(50 * 1024 * 1024);
    const res = await t.app.request('/api/points/1/reports', write('POST', body.stream, { Cookie: undefined }));
    expect(res.status).toBe(413);
    expect(body.pulled()).toBeLessThanOrEqual(JSON_MAX_BYTES + 3 * 64 * 1024);
  });

  it('accepts a chunked body under the limit', async () => {
    const text = JSON.stringify({ method: 'office_confirmed' });
    const stream = new ReadableStream<Uint8Array>({ start(c) { c.enqueue(new TextEncoder().encode(text)); c.close(); } });
    const res = await t.app.request('/api/points/1/verify', write('POST', stream));
    expect(res.status).toBe(200);
  });

  it('keeps the import limit at 50 MiB: a 60 MB chunked CSV is refused with 413 after reading at most the limit', async () => {
    const body = lazyBody(60 * 1024 * 1024);
    const res = await t.app.request('/api/import?dry_run=true', write('POST', body.stream, { 'Content-Type': 'text/csv' }));
    expect(res.status).toBe(413);
    expect((await res.json()).error).toMatchObject({ field: 'body', code: 'payload_too_large', params: { max_bytes: 50 * 1024 * 1024 } });
    expect(body.pulled()).toBeLessThanOrEqual(50 * 1024 * 1024 + 3 * 64 * 1024);
  });
});
