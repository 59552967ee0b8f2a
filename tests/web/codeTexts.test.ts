import { describe, expect, it } from 'vitest';
import { CODES } from '../../server/domain/codes/index.js';
import idRegistration from '../../web/i18n/id/codes/registration.js';
import enRegistration from '../../web/i18n/en/codes/registration.js';
import { REGISTRATION_CODES } from '../../server/domain/codes/registration.js';

/** The {{placeholders}} of a text. */
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]);

describe('texts of the registration codes (issue 10)', () => {
  for (const [lang, texts] of [['id', idRegistration], ['en', enRegistration]] as const) {
    it.each(Object.keys(REGISTRATION_CODES))(`has a ${lang} text for %s that uses only its params and {{label}}`, (code) => {
      const text = texts[code];
      expect(text, `${lang} text for ${code}`).toBeTruthy();
      const allowed = new Set([...CODES[code as keyof typeof CODES].params, 'label']);
      for (const p of placeholders(text)) expect(allowed, `${code} uses {{${p}}}`).toContain(p);
    });
  }

  it('has no text for a code that does not exist', () => {
    for (const texts of [idRegistration, enRegistration]) for (const code of Object.keys(texts)) expect(Object.keys(REGISTRATION_CODES)).toContain(code);
  });
});
