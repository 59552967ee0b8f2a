import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../server/storage/db.js';
import { seedIfEmpty } from '../../server/storage/seed.js';
import { testConfig, ROOT_DIR } from '../../server/config.js';
import { TEST_NOW } from '../helpers/app.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'importer-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fresh database file, migrated and seeded like a first start. */
function seededDb(name: string): string {
  const file = join(dir, name);
  const db = openDb(file);
  seedIfEmpty(db, testConfig().dataDir, TEST_NOW);
  db.close();
  return file;
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `npx tsx server/cli/import.ts …args` on `dbFile`. `shouldKill(stdoutSoFar)` is asked on every
 * output chunk and every 20 ms; when it returns true the whole process group (npx → tsx → node) gets
 * SIGKILL at that moment.
 */
function runCli(dbFile: string, args: string[], shouldKill?: (stdout: string) => boolean): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'server/cli/import.ts', ...args], {
      cwd: ROOT_DIR,
      env: { ...process.env, JANGKAU_DB: dbFile, LOG_LEVEL: 'silent' },
      detached: true, // its own process group, so the kill reaches the importing node process itself
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let killed = false;
    const maybeKill = () => {
      if (!killed && shouldKill?.(stdout)) {
        killed = true;
        process.kill(-child.pid!, 'SIGKILL');
      }
    };
    const timer = shouldKill ? setInterval(maybeKill, 20) : undefined;
    child.stdout.on('data', (d) => {
      stdout += d;
      maybeKill();
    });
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearInterval(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

function countWhere(dbFile: string, sql: string): number {
  const db = openDb(dbFile);
  try {
    return (db.prepare(`SELECT count(*) AS n FROM points WHERE ${sql}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('npm run import (CLI)', () => {
  it('imports a CSV file and prints a summary', async () => {
    const db = seededDb('small.db');
    const file = join(dir, 'small.csv');
    writeFileSync(file, 'name,type,lat,lng,external_id\nPasar Contoh,market,-8.3001,115.3501,cli:1\nBalai Contoh,community_hall,-8.4101,115.3702,cli:2\n');
    const run = await runCli(db, [file]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/created 2, updated 0/);
    expect(countWhere(db, "external_id LIKE 'cli:%'")).toBe(2);
  }, 60_000);

  it('exits non-zero with the list of errors and imports nothing when a row is invalid', async () => {
    const db = seededDb('bad.db');
    const before = countWhere(db, '1');
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'name,type,lat,lng\nPasar Contoh,market,-8.3001,115.3501\nBalai Contoh,hall,91,115.3702\n');
    const run = await runCli(db, [file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/line 3, type: type must be one of/);
    expect(run.stderr).toMatch(/line 3, lat: lat must be a number between -90 and 90/);
    expect(run.stderr).toMatch(/nothing was imported/);
    expect(countWhere(db, '1')).toBe(before);
  }, 60_000);

  it('detects Overpass JSON by its content and maps the OSM places', async () => {
    const db = seededDb('osm.db');
    const run = await runCli(db, [join(ROOT_DIR, 'tests', 'fixtures', 'overpass-sample.json')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/created 7, updated 0 \(0 unchanged\), skipped 2 — overpass/);
    expect(countWhere(db, "source = 'OpenStreetMap (ODbL)' AND accuracy = 'exact' AND external_id LIKE 'osm:%'")).toBe(7);
  }, 60_000);

  it('leaves the database untouched or complete when killed with SIGKILL in the middle of a 100k-row import, and a re-run imports all', async () => {
    const ROWS = 100_000;
    const db = seededDb('crash.db');
    const seeded = countWhere(db, '1');
    // SYNTHETIC data: 100,000 made-up points spread over Kabupaten Bangli's bounding box.
    const file = join(dir, 'synthetic-100k.csv');
    const lines = ['name,type,lat,lng,external_id,services'];
    for (let i = 0; i < ROWS; i++) {
      const lat = -8.53 + ((i * 7919) % ROWS) / ROWS * 0.39;
      const lng = 115.23 + ((i * 104729) % ROWS) / ROWS * 0.23;
      lines.push(`Synthetic point ${i},market,${lat.toFixed(6)},${lng.toFixed(6)},synthetic:${i},registration;information`);
    }
    writeFileSync(file, lines.join('\n') + '\n');

    // Kill while rows are being written inside the import's transaction AND SQLite has already spilled
    // uncommitted pages into the -wal file (with the default page cache, after some 40,000 rows): the
    // hardest moment for recovery.
    let walBytesAtKill = 0;
    const killed = await runCli(db, [file], (out) => {
      const written = [...out.matchAll(/progress: write (\d+) rows/g)].map((x) => Number(x[1]));
      if (!written.some((n) => n > 0 && n < ROWS)) return false;
      walBytesAtKill = existsSync(`${db}-wal`) ? statSync(`${db}-wal`).size : 0;
      return walBytesAtKill > 0;
    });
    expect(killed.signal ?? killed.code).not.toBe(0);
    expect(killed.stdout).toMatch(/progress: write \d+ rows/);
    expect(killed.stdout).not.toMatch(/Imported:/);
    expect(walBytesAtKill).toBeGreaterThan(0);

    const after = openDb(db);
    expect(after.pragma('integrity_check', { simple: true })).toBe('ok');
    const imported = (after.prepare("SELECT count(*) AS n FROM points WHERE external_id LIKE 'synthetic:%'").get() as { n: number }).n;
    const total = (after.prepare('SELECT count(*) AS n FROM points').get() as { n: number }).n;
    after.close();
    expect([0, ROWS]).toContain(imported);
    expect(total).toBe(seeded + imported);

    const rerun = await runCli(db, [file]);
    expect(rerun.stderr).toBe('');
    expect(rerun.code).toBe(0);
    expect(countWhere(db, "external_id LIKE 'synthetic:%'")).toBe(ROWS);
    expect(countWhere(db, '1')).toBe(seeded + ROWS);
  }, 240_000);
});
