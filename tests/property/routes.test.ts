import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { loginAs, makeTestApp, type TestApp } from '../helpers/app.js';

/**
 * Garbage in, never a 500 out. Every route registered in the app (discovered from app.routes, so new
 * routes are covered without editing this file) gets random and malformed path parameters, query
 * strings, headers and bodies, anonymously, with a forged cookie and as a logged-in admin. Requests carry the
 * headers a browser sends (Host, Origin, Sec-Fetch-Site), with hostile values among them, and some bodies nest
 * 20,000 levels deep.
 * Every 4xx must be JSON `{"error":{"message"}}`, naming the `field` when the input was at fault (400/422).
 */
const t: TestApp = makeTestApp();
let adminCookie = '';
beforeAll(async () => {
  adminCookie = (await loginAs(t, 'admin')).cookie;
});

const routes = [...new Map(
  t.app.routes
    .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/'))
    .map((r) => [`${r.method} ${r.path}`, { method: r.method, path: r.path }]),
).values()];

/** Query parameter names per OpenAPI path ('/points/{id}' style), to aim garbage at real parameters. */
const paramNames = new Map<string, string[]>();
beforeAll(async () => {
  const doc = (await (await t.app.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>> };
  for (const [p, ops] of Object.entries(doc.paths)) {
    const names = new Set<string>();
    for (const op of Object.values(ops)) for (const prm of op.parameters ?? []) if (prm.in === 'query') names.add(prm.name);
    paramNames.set('/api' + p, [...names]);
  }
});

function openApiPath(honoPath: string): string {
  return honoPath.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}');
}

const nasty = fc.constantFrom('', ' ', 'NaN', 'Infinity', '-Infinity', '1e400', '-1e400', '0x1F', '1,2', '1,2,3,4', '0', '-0', '-1', '1.5', '999999999999999999999', '-8.45', '115.35', '10', '100', '101', 'true', 'null', '[]', '{}', '%', '%00', '\u0000', '../../etc/passwd', '<script>', "' OR 1=1 --", 'registration', 'market', 'a'.repeat(5000), '2026-11-25', '2026-02-30', '25:61', 'Ω≈ç√', '115.2,-8.5,115.5,-8.1', '200,100,-200,-100');
const value = fc.oneof(nasty, fc.string({ maxLength: 40 }), fc.double().map(String), fc.integer().map(String), fc.string({ unit: 'binary', maxLength: 20 }));

const segment = fc.oneof(fc.constantFrom('1', '0', '-1', '2147483648', '99999999999999999999', 'abc', '1.5', '%20', '%2F', 'null', '1e3', 'a'.repeat(300)), fc.string({ minLength: 1, maxLength: 20 }).map(encodeURIComponent));

const headerValue = fc.oneof(fc.constantFrom('', 'application/json', 'application/json; charset=utf-8', 'text/csv', 'text/plain', 'multipart/form-data', 'application/x-www-form-urlencoded', 'application/geo+json', '*/*', 'gzip, br', 'http://localhost', 'http://', 'null', 'https://evil.example', 'same-origin', 'cross-site', 'none'), fc.string({ maxLength: 30 }).map((s) => s.replace(/[^\x20-\x7e]/g, '')));

/** What a browser or proxy really sends, hostile values included: requests without Host never reach the Origin checks. */
const HOSTS = ['localhost', 'localhost:8787', '127.0.0.1:8787', 'jangkau.example'];
const realistic = fc.record({
  host: fc.constantFrom(...HOSTS),
  origin: fc.option(fc.constantFrom('SELF', 'SELF', 'null', '', 'not a url', 'http://host:port.evil.example', 'https://evil.example', 'http://[::1', 'http://localhost/path', 'javascript:alert(1)', 'http://localhost:99999', 'file://'), { nil: undefined }),
  'sec-fetch-site': fc.option(fc.constantFrom('same-origin', 'same-site', 'cross-site', 'none', ''), { nil: undefined }),
}, { requiredKeys: ['host'] });

/** JSON nested far deeper than any real body: recursive code (JSON.stringify, validators) must not overflow on it. */
const deepJson = fc.constantFrom('['.repeat(20_000) + ']'.repeat(20_000), '{"name":' + '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_001), '{"email":' + '['.repeat(20_000) + ']'.repeat(20_000) + '}');

const body = fc.oneof(fc.constant(undefined), fc.json({ maxDepth: 3 }), deepJson, fc.string({ maxLength: 50 }), fc.constantFrom('{', '[', 'null', '{"name":', '{"position":[1e400,0]}', 'a,b,c\n1,2,3', '{"email":"x","password":"y"}', JSON.stringify({ name: 'X', type: 'market', position: [115.35, -8.45], services: ['registration'] })));

interface Attempt {
  path: string;
  query: [string, string][];
  headers: Record<string, string>;
  auth: 'none' | 'admin' | 'forged';
  body: string | undefined;
}

function attempt(route: { method: string; path: string }) {
  const names = paramNames.get(openApiPath(route.path)) ?? [];
  const key = names.length > 0 ? fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 10 })) : fc.string({ maxLength: 10 });
  const params = route.path.match(/:\w+(\{[^}]*\})?/g) ?? [];
  return fc.record({
    segs: fc.array(segment, { minLength: params.length, maxLength: params.length }),
    query: fc.array(fc.tuple(key, value), { maxLength: 6 }),
    real: realistic,
    headers: fc.dictionary(fc.constantFrom('content-type', 'origin', 'sec-fetch-site', 'accept', 'accept-encoding', 'cookie', 'x-forwarded-for', 'if-none-match', 'range'), headerValue, { maxKeys: 4 }),
    auth: fc.constantFrom<Attempt['auth']>('none', 'admin', 'admin', 'forged'),
    body,
  }).map(({ segs, query, real, headers, auth, body: b }): Attempt => {
    const { origin, ...rest } = real;
    const base: Record<string, string> = { ...rest };
    if (origin !== undefined) base.origin = origin === 'SELF' ? `http://${real.host}` : origin;
    headers = { ...base, ...headers };
    let i = 0;
    const path = route.path.replace(/:(\w+)(\{[^}]*\})?/g, (_m, _name, re) => {
      const s = segs[i++] ?? '1';
      return re && re.includes('ics') ? `${s}.ics` : s;
    });
    return { path, query, headers, auth, body: b };
  });
}

async function send(method: string, a: Attempt): Promise<Response> {
  const qs = a.query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  const headers: Record<string, string> = { ...a.headers };
  if (a.auth === 'admin') {
    headers.cookie = adminCookie;
    if (!('origin' in a.headers)) headers.origin = `http://${a.headers.host ?? 'localhost'}`;
  } else if (a.auth === 'forged') {
    headers.cookie = `jangkau_session=${a.headers.cookie ?? 'forged'}`;
  }
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return t.app.request(`${a.path}${qs ? '?' + qs : ''}`, { method, headers, body: hasBody ? a.body : undefined });
}

/** The response body as text, decompressed when the fuzzed Accept-Encoding made the server compress it. */
async function bodyText(res: Response): Promise<string> {
  const raw = Buffer.from(await res.arrayBuffer());
  const enc = res.headers.get('content-encoding');
  if (enc === 'gzip') return gunzipSync(raw).toString('utf8');
  if (enc === 'deflate') return inflateSync(raw).toString('utf8');
  if (enc === 'br') return brotliDecompressSync(raw).toString('utf8');
  return raw.toString('utf8');
}

describe('every API route survives random and malformed input', () => {
  it('finds the routes to test in the app itself', () => {
    expect(routes.length).toBeGreaterThan(5);
    expect(routes.map((r) => r.path)).toContain('/api/points/nearest');
  });

  for (const route of routes) {
    it(`${route.method} ${route.path}: no 5xx, and every 4xx is a JSON error with a message (and the field at fault)`, async () => {
      await fc.assert(
        fc.asyncProperty(attempt(route), async (a) => {
          const res = await send(route.method, a);
          const text = await bodyText(res);
          const where = `${route.method} ${a.path} → ${res.status} ${text.slice(0, 300)}`;
          expect(res.status, where).toBeLessThan(500);
          if (res.status >= 400) {
            expect(res.headers.get('content-type') ?? '', where).toContain('application/json');
            const err = (JSON.parse(text) as { error?: { message?: unknown; field?: unknown } }).error;
            expect(typeof err?.message, where).toBe('string');
            expect((err?.message as string).length, where).toBeGreaterThan(0);
            if (res.status === 400 || res.status === 422) expect(typeof err?.field, where).toBe('string');
          }
        }),
        { numRuns: 40, seed: Number(process.env.FC_SEED ?? 20261125) + route.path.length },
      );
    }, 120_000);
  }
});
