/**
 * Issue 13: place types and services have one name each, from one vocabulary (web/i18n/<lang>/vocab.ts), on every
 * screen. The oracle is the API's own list of values and the other dictionaries, read as data.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { POINT_TYPES, SERVICES } from '../../server/domain/points/vocabulary';
import idVocab from '../../web/i18n/id/vocab';
import enVocab from '../../web/i18n/en/vocab';

describe('the place vocabulary', () => {
  it('names every place type and service the API knows, in Indonesian and English, each name once', () => {
    for (const vocab of [idVocab, enVocab]) {
      expect(Object.keys(vocab.types).sort()).toEqual([...POINT_TYPES].sort());
      expect(Object.keys(vocab.services).sort()).toEqual([...SERVICES].sort());
      const names = [...Object.values(vocab.types), ...Object.values(vocab.services)];
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('is the only dictionary that names them: no feature keeps its own copy', async () => {
    for (const lang of ['id', 'en']) {
      const dir = new URL(`../../web/i18n/${lang}/`, import.meta.url);
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'vocab.ts')) {
        const dict = (await import(new URL(file, dir).href)).default as Record<string, unknown>;
        expect({ file, types: 'types' in dict, services: 'services' in dict }).toEqual({ file, types: false, services: false });
      }
    }
  });
});
