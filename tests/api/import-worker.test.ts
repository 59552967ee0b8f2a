import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/browser.js';

const PASSWORD = 'Kintamani-Batur-2026';
let server: RunningServer;
let cookie: string;

beforeAll(async () => {
  server = await startServer();
  await server.services.auth.createUser({ email: 'impor@contoh.id', password: PASSWORD, role: 'staff' });
  const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'impor@contoh.id', password: PASSWORD }) });
  cookie = res.headers.get('set-cookie')!.split(';')[0];
});
afterAll(() => server.close());

/** A synthetic CSV of `rows` new community halls spread over Bangli (made-up names, labelled synthetic). */
function syntheticCsv(rows: number): string {
  const lines = ['name,type,lat,lng,notes'];
  for (let i = 0; i < rows; i++) lines.push(`Balai sintetis ${i},community_hall,${(-8.5 + (i % 1000) / 10000).toFixed(5)},${(115.3 + Math.floor(i / 1000) / 10000).toFixed(5)},synthetic test row`);
  return lines.join('\n') + '\n';
}

describe('a large import does not stall the server', () => {
  it('answers /api/health while a 150,000-row dry run is being checked', { timeout: 120_000 }, async () => {
    const importer = server.services.importer;
    const original = importer.importBody.bind(importer);
    let started!: () => void;
    const checking = new Promise<void>((r) => (started = r));
    importer.importBody = (...args) => {
      started(); // the whole body has arrived; the check starts now
      return original(...args);
    };
    const order: string[] = [];
    const imported = fetch(`${server.url}/api/import?dry_run=true`, { method: 'POST', headers: { 'Content-Type': 'text/csv', Cookie: cookie }, body: syntheticCsv(150_000) })
      .then(async (res) => {
        order.push('import');
        return { status: res.status, body: await res.json() };
      });
    await checking;
    const health = await fetch(`${server.url}/api/health`);
    order.push('health');
    expect(health.status).toBe(200);
    const result = await imported;
    importer.importBody = original;
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ created: 150_000, errors: [], dry_run: true });
    // The ordering is the point: the health check was answered before the import finished.
    expect(order).toEqual(['health', 'import']);
  });

  it('still imports all or nothing through the worker: a real import writes every row', async () => {
    const before = (server.db.prepare('SELECT count(*) AS n FROM points').get() as { n: number }).n;
    const res = await fetch(`${server.url}/api/import`, { method: 'POST', headers: { 'Content-Type': 'text/csv', Cookie: cookie }, body: syntheticCsv(2000) });
    expect(res.status).toBe(200);
    expect((await res.json()).created).toBe(2000);
    expect((server.db.prepare('SELECT count(*) AS n FROM points').get() as { n: number }).n).toBe(before + 2000);
  });

  it('answers a GeoJSON body nested 20,000 levels deep with 400 naming body', async () => {
    const deep = '{"type":"FeatureCollection","features":' + '['.repeat(20_000) + ']'.repeat(20_000) + '}';
    const res = await fetch(`${server.url}/api/import?dry_run=true`, { method: 'POST', headers: { 'Content-Type': 'application/geo+json', Cookie: cookie }, body: deep });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ field: 'body', code: 'body_too_deep' });
  });
});
