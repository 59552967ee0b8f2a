import { afterAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../../server/storage/db.js';
import { backupDatabase } from '../../server/storage/backup.js';

const dir = mkdtempSync(join(tmpdir(), 'jangkau-perms-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const mode = (f: string) => statSync(f).mode & 0o777;

describe('database file permissions', () => {
  it('creates the database and its -wal and -shm files readable by their owner only (0600)', () => {
    const file = join(dir, 'new.db');
    const db = openDb(file);
    db.prepare("INSERT INTO schema_migrations (name, applied_at) VALUES ('x', 'y')").run();
    expect(mode(file)).toBe(0o600);
    expect(mode(`${file}-wal`)).toBe(0o600);
    expect(mode(`${file}-shm`)).toBe(0o600);
    db.close();
  });

  it('tightens an existing world-readable database file to 0600 when it opens it', () => {
    const file = join(dir, 'old.db');
    writeFileSync(file, '');
    chmodSync(file, 0o644);
    openDb(file).close();
    expect(mode(file)).toBe(0o600);
  });

  it('writes backups with mode 0600', async () => {
    const live = join(dir, 'live.db');
    openDb(live).close();
    const copy = join(dir, 'copy.db');
    const result = await backupDatabase(live, copy);
    expect(result.integrity).toBe('ok');
    expect(mode(copy)).toBe(0o600);
  });
});
