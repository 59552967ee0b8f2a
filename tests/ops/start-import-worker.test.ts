import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT_DIR } from '../../server/config.js';

const dir = mkdtempSync(join(tmpdir(), 'jangkau-start-'));
let child: ChildProcess | undefined;
afterAll(() => {
  child?.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

describe('npm start (the esbuild bundle)', () => {
  it('runs imports on the bundled worker thread', { timeout: 120_000 }, async () => {
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>test</title>');
    const password = 'Kintamani-Batur-2026';
    child = spawn(process.execPath, [join(ROOT_DIR, 'server', 'start.mjs')], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', JANGKAU_DB: join(dir, 'j.db'), JANGKAU_WEB_DIR: dir, JANGKAU_ADMIN_EMAIL: 'kepala@contoh.id', JANGKAU_ADMIN_PASSWORD: password, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // PORT=0: the server logs the port it got.
    const port = await new Promise<number>((resolve, reject) => {
      let out = '';
      child!.stdout!.on('data', (d) => {
        out += d;
        const m = /serving on http:\/\/localhost:(\d+)/.exec(out);
        if (m) resolve(Number(m[1]));
      });
      child!.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
    });
    const base = `http://127.0.0.1:${port}`;
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'kepala@contoh.id', password }) });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const csv = 'name,type,lat,lng\nBalai A,community_hall,-8.45,115.35\nBalai B,bogus,-8.45,115.35\n';
    const res = await fetch(`${base}/api/import?dry_run=true`, { method: 'POST', headers: { 'Content-Type': 'text/csv', Cookie: cookie }, body: csv });
    expect(res.status).toBe(200);
    const report = await res.json();
    expect(report).toMatchObject({ created: 1, format: 'csv', dry_run: true });
    expect(report.errors).toEqual([expect.objectContaining({ line: 3, field: 'type' })]);
  });
});
