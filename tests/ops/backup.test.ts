import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '../../server/storage/db.js';
import { seedIfEmpty } from '../../server/storage/seed.js';
import { PointStore } from '../../server/storage/points.js';
import { ROOT_DIR, testConfig } from '../../server/config.js';
import type { PointInput } from '../../server/domain/points/point.js';

const dir = mkdtempSync(join(tmpdir(), 'jangkau-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fixturePoint(i: number): PointInput {
  return {
    name: `Test point ${i}`, type: 'community_hall', position: [115.35 + i / 1000, -8.45], village_code: null, address: null,
    phone: null, whatsapp: null, services: ['information'], opening_hours: null, market_days: null, opens: null, closes: null,
    accuracy: 'exact', location_note: null, verified_at: null, status: 'active', source: 'test fixture', external_id: `test:${i}`, notes: null,
  };
}

function snapshot(db: Db) {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all()]));
}

describe('npm run backup', () => {
  it('copies a live database with the online backup API, and copying the file back restores the same data', () => {
    const live = join(dir, 'live.db');
    const db = openDb(live);
    seedIfEmpty(db, testConfig().dataDir, new Date('2026-11-25T02:00:00Z'));
    const store = new PointStore(db);
    db.transaction(() => {
      for (let i = 0; i < 500; i++) store.insert(fixturePoint(i), '2026-11-25T02:00:00.000Z');
    })();
    // The live connection stays open and recent commits are still in the WAL, as on a running server.
    const before = snapshot(db);
    const backupFile = join(dir, 'backup.db');
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(ROOT_DIR, 'server/cli/backup.ts'), backupFile], {
      cwd: ROOT_DIR,
      env: { ...process.env, JANGKAU_DB: live },
      encoding: 'utf8',
    });
    expect(out).toContain('integrity ok');

    // Later changes, then a disaster: restore by stopping the server and copying the backup into place.
    store.insert(fixturePoint(9999), '2026-11-26T02:00:00.000Z');
    db.close();
    rmSync(`${live}-wal`, { force: true });
    rmSync(`${live}-shm`, { force: true });
    copyFileSync(backupFile, live);

    const restored = openDb(live);
    try {
      expect(restored.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(snapshot(restored)).toEqual(before);
      expect(new PointStore(restored).getByExternalId('test:9999')).toBeUndefined();
      expect(new PointStore(restored).getByExternalId('test:499')?.name).toBe('Test point 499');
    } finally {
      restored.close();
    }
  });

  it('explains its usage when no file is given', () => {
    let stderr = '';
    try {
      execFileSync(process.execPath, ['--import', 'tsx', join(ROOT_DIR, 'server/cli/backup.ts')], { cwd: ROOT_DIR, stdio: 'pipe', encoding: 'utf8' });
    } catch (e) {
      stderr = String((e as { stderr: string }).stderr);
    }
    expect(stderr).toContain('Usage: npm run backup -- FILE');
  });
});
