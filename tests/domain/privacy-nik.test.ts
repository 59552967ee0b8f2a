import { describe, expect, it } from 'vitest';
import { assertNoNik, containsNik } from '../../server/domain/privacy/nik.js';
import { InvalidInputError } from '../../server/domain/errors.js';

/** Independent oracle: remove every separator, then look for a run of exactly 16 digits between non-digits. */
function oracle(text: string): boolean {
  // Only the separators the rule allows, and at most three in a row, may be dropped.
  const groups = text.split(/[^0-9 .\-/]+/);
  for (const g of groups) {
    // Split where more than three separators in a row break the number.
    for (const part of g.split(/[ .\-/]{4,}/)) {
      for (const run of part.replace(/[ .\-/]/g, '').split(/\D+/)) if (run.length === 16) return true;
    }
  }
  return false;
}

describe('containsNik', () => {
  it.each([
    'NIK 5106012345678901 HP 081234567890',
    '5106 0123 4567 8901',
    '51.06.01.234567.8901',
    '5106-0123-4567-8901',
    'kk: 5106/0123/4567/8901.',
    'nomor ٥١٠٦٠١٢٣٤٥٦٧٨٩٠١',
    '5106 - 0123 - 4567 - 8901',
  ])('finds a NIK in %j', (text) => {
    expect(containsNik(text)).toBe(true);
  });

  it.each([
    'HP 0812-3456-7890',
    '+62 812 3456 7890',
    '32 peserta, 12 mendaftar, 3 kartu',
    '51060123456789012 (17 digits)',
    '510601234567890 (15 digits)',
    'Jl. Raya Kintamani No. 12, Bangli 80613',
    '',
  ])('finds none in %j', (text) => {
    expect(containsNik(text)).toBe(false);
  });

  it('agrees with a separator-stripping oracle on 2,000 random digit strings', () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const pieces = ['1', '2', '5', '0', '9', ' ', '.', '-', 'a', ', ', '  '];
    for (let i = 0; i < 2000; i++) {
      let text = '';
      const len = 10 + rand(30);
      for (let j = 0; j < len; j++) text += rand(3) === 0 ? pieces[rand(pieces.length)] : String(rand(10));
      expect(containsNik(text), text).toBe(oracle(text));
    }
  });

  it('throws nik_not_allowed naming the field', () => {
    try {
      assertNoNik('notes', 'NIK 5106012345678901');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidInputError);
      expect(e).toMatchObject({ field: 'notes', code: 'nik_not_allowed' });
    }
    expect(() => assertNoNik('notes', null)).not.toThrow();
  });
});
