import type { TestApp } from '../helpers/app.js';

/** A same-origin upload of `body` with a Content-Type, as the staff page sends it (optionally logged in). */
export function upload(body: string, contentType: string, cookie?: string): RequestInit {
  return {
    method: 'POST',
    headers: {
      'Content-Type': contentType,
      Origin: 'http://localhost',
      'Sec-Fetch-Site': 'same-origin',
      ...(cookie ? { Cookie: cookie } : {}),
    },
    body,
  };
}

/** Every stored point row, every column, by id: to prove a request changed nothing at all. */
export function snapshot(t: TestApp): unknown[] {
  return t.db.prepare('SELECT * FROM points ORDER BY id').all();
}

/** Stored point rows whose external_id starts with `prefix`, by external_id. */
export function byExternalPrefix(t: TestApp, prefix: string): Record<string, unknown>[] {
  return t.db.prepare('SELECT * FROM points WHERE external_id LIKE ? ORDER BY external_id').all(`${prefix}%`) as Record<string, unknown>[];
}
