import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../../server/storage/db.js';
import { AuthService } from '../../server/services/auth.js';

const dir = mkdtempSync(join(tmpdir(), 'jangkau-users-cli-'));
const dbFile = join(dir, 'users.db');
const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const run = (args: string[], env: Record<string, string> = {}, input?: string) =>
  spawnSync(tsx, ['server/cli/users.ts', ...args], { env: { ...process.env, JANGKAU_DB: dbFile, LOG_LEVEL: 'silent', ...env }, input, encoding: 'utf8' });

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run users', () => {
  it('adds a user with the password from JANGKAU_PASSWORD, resets it from stdin, and lists users', { timeout: 60_000 }, async () => {
    const add = run(['add', 'Putu@Contoh.id', 'staff'], { JANGKAU_PASSWORD: 'kata-sandi-pertama' });
    expect(add.status, add.stderr).toBe(0);
    expect(add.stdout).toMatch(/Created staff putu@contoh\.id/);

    const reset = run(['reset-password', 'putu@contoh.id'], {}, 'kata-sandi-kedua\n');
    expect(reset.status, reset.stderr).toBe(0);

    const list = execFileSync(tsx, ['server/cli/users.ts', 'list'], { env: { ...process.env, JANGKAU_DB: dbFile }, encoding: 'utf8' });
    expect(list).toMatch(/staff\s+active\s+putu@contoh\.id/);

    const db = openDb(dbFile);
    try {
      const auth = new AuthService(db, () => new Date());
      await expect(auth.login('putu@contoh.id', 'kata-sandi-pertama')).rejects.toThrow(/wrong/);
      expect((await auth.login('putu@contoh.id', 'kata-sandi-kedua')).user.role).toBe('staff');
      const actions = db.prepare('SELECT action, actor_email FROM audit_log ORDER BY id').all() as { action: string; actor_email: string }[];
      expect(actions.map((a) => a.action)).toEqual(['user_create', 'password_reset']);
      expect(actions[0].actor_email).toMatch(/^cli:/);
    } finally {
      db.close();
    }
  });

  it('explains usage and bad input with a non-zero exit', { timeout: 60_000 }, () => {
    const bogus = run(['bogus']);
    expect(bogus.status).toBe(2);
    expect(bogus.stderr).toMatch(/npm run users -- add EMAIL ROLE/);
    const badRole = run(['add', 'a@contoh.id', 'boss'], { JANGKAU_PASSWORD: 'kata-sandi-pertama' });
    expect(badRole.status).toBe(2);
    expect(badRole.stderr).toMatch(/role must be one of admin, staff, planner/);
    const short = run(['add', 'b@contoh.id', 'planner'], { JANGKAU_PASSWORD: 'pendek' });
    expect(short.status).toBe(1);
    expect(short.stderr).toMatch(/password must be 10 to 256 characters/);
  });

  it('refuses weak passwords naming password, as the API does', { timeout: 60_000 }, () => {
    for (const [password, why] of [['1234567890', /too common/], ['aaaaaaaaaa', /one character repeated/], ['komang@contoh.id-2026', /email/]] as const) {
      const weak = run(['add', 'komang@contoh.id', 'planner'], { JANGKAU_PASSWORD: password });
      expect(weak.status, password).toBe(1);
      expect(weak.stderr).toMatch(/^password: /);
      expect(weak.stderr).toMatch(why);
    }
    const list = run(['list']);
    expect(list.stdout).not.toMatch(/komang/);
  });
});
