/**
 * The contract between server and web: every code in the server's registry (server/domain/codes, all areas) has
 * an Indonesian and an English text in web/i18n/{id,en}/codes/*, and each text uses only the params the code
 * sends (plus `label`). The texts are read generically from whatever code files exist, so codes added in any area
 * are covered. A scan of server/ checks that every code written as a literal is registered.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_CODES, CODES, codeSpec } from '../../server/domain/codes/index.js';
import { resources } from '../../web/i18n/index.js';
import { webI18n } from '../helpers/i18n.js';
import { codeText } from '../../web/shared/codeText.js';

const texts = { id: resources.id.codes as Record<string, string>, en: resources.en.codes as Record<string, string> };

/** Placeholder names in an i18next text: `{{name}}` and `{{name, format}}`. */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([^,}\s]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]);
}

function serverFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? serverFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('code texts', () => {
  it('has an Indonesian and an English text for every registered code', () => {
    const missing = ALL_CODES.flatMap((code) => (['id', 'en'] as const).filter((lang) => !texts[lang][code]?.trim()).map((lang) => `${lang}: ${code}`));
    expect(missing).toEqual([]);
  });

  it('uses in each text only the params its code sends, plus label', () => {
    const wrong: string[] = [];
    for (const code of ALL_CODES) {
      const allowed = new Set([...CODES[code].params, 'label']);
      for (const lang of ['id', 'en'] as const) {
        for (const name of placeholders(texts[lang][code] ?? '')) if (!allowed.has(name)) wrong.push(`${lang}: ${code} uses {{${name}}}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('has no text for a code the server does not register (a renamed or removed code)', () => {
    const stale = (['id', 'en'] as const).flatMap((lang) => Object.keys(texts[lang]).filter((code) => !codeSpec(code)).map((code) => `${lang}: ${code}`));
    expect(stale).toEqual([]);
  });

  it('fills every placeholder when the code comes with its params', async () => {
    const { id, en } = await webI18n();
    for (const code of ALL_CODES) {
      const params = Object.fromEntries(CODES[code].params.map((p) => [p, p === 'allowed' ? ['a', 'b'] : `x_${p}`]));
      for (const t of [id, en]) {
        const text = codeText(code, params, t, 'Nama');
        expect(text, code).not.toMatch(/\{\{|\}\}|undefined|null/);
      }
    }
  });

  it('writes a date param as a date and a value kind in words, in the reader\'s language', async () => {
    const { id, en } = await webI18n();
    expect(codeText('invalid_type', { expected: 'string' }, id, 'Catatan')).toBe('Catatan harus berupa teks.');
    expect(codeText('invalid_type', { expected: 'array' }, en, 'Services')).toBe('Services must be a list.');
    expect(codeText('closed_date', { date: '2026-03-19', name: 'Nyepi' }, id)).toBe('19 Mar 2026 adalah Nyepi, hari libur kantor.');
    expect(codeText('closed_date', { date: '2026-03-19', name: 'Nyepi' }, en)).toBe('19 Mar 2026 is Nyepi, a closed date.');
  });
});

describe('codes in server source', () => {
  const files = serverFiles('server').filter((f) => !f.startsWith(join('server', 'domain', 'codes')));

  it('registers every code written as a literal in server/ (errors, warnings, row errors)', () => {
    const unregistered: string[] = [];
    for (const file of files) {
      const src = readFileSync(file, 'utf8');
      // `code: 'x'`, `coded('x'`, and the code argument of NotFoundError(message, field, 'x').
      const literals = [...src.matchAll(/\bcode:\s*'([a-z_]+)'/g), ...src.matchAll(/\bcoded\(\s*'([a-z_]+)'/g), ...src.matchAll(/NotFoundError\([^;]*?,\s*'[^']*',\s*'([a-z_]+)'/g)];
      for (const m of literals) if (m[1] !== 'custom' && !codeSpec(m[1])) unregistered.push(`${file}: ${m[1]}`);
    }
    expect(unregistered).toEqual([]);
  });

  it('never escapes the ErrorCode type with a cast where a code is given', () => {
    const escapes = files.flatMap((file) =>
      readFileSync(file, 'utf8').split('\n').flatMap((line, i) => (/\bcode[:=]\s*[^,;})]*?\bas\s+(never|any|string|ErrorCode|Code)\b/.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(escapes).toEqual([]);
  });
});
