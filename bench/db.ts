import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../server/storage/db.js';
import { seedIfEmpty } from '../server/storage/seed.js';
import { PointStore } from '../server/storage/points.js';
import { VillageService } from '../server/services/villages.js';
import { testConfig } from '../server/config.js';
import { positions, rng, syntheticPoint } from './synthetic.js';

/**
 * A temp database with the real seed plus `n` SYNTHETIC points (clustered around Bangli town),
 * inserted through PointStore in one transaction, each with its village code derived by
 * point-in-polygon like a real import. Returns the file path and folder.
 */
export function makeBenchDb(n: number): { dir: string; file: string; insertMs: number } {
  const dir = mkdtempSync(join(tmpdir(), 'field-bench-'));
  const file = join(dir, 'bench.db');
  const db = openDb(file);
  const config = testConfig({ dbFile: file });
  seedIfEmpty(db, config.dataDir, new Date());
  const store = new PointStore(db);
  const villages = new VillageService(db);
  const ps = positions(n, 'clustered', 3);
  const r = rng(11);
  const now = new Date().toISOString();
  const t0 = performance.now();
  db.transaction(() => {
    for (let i = 0; i < n; i++) store.insert(syntheticPoint(i + 1, ps[i], r, villages.codeAt(ps[i])), now);
  })();
  const insertMs = performance.now() - t0;
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { dir, file, insertMs };
}
