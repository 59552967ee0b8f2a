import { describe, expect, it } from 'vitest';
import { assertAcceptablePassword } from '../../server/domain/auth/password.js';
import { loadGuessableCheck } from '../../server/services/passwordStrength.js';
import { InvalidInputError } from '../../server/domain/errors.js';

const guessable = await loadGuessableCheck();
const codeOf = (password: string, email = 'wayan@contoh.id') => {
  try {
    assertAcceptablePassword(password, email, guessable);
    return 'ok';
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidInputError);
    expect((e as InvalidInputError).field).toBe('password');
    return (e as InvalidInputError).code;
  }
};

describe('the password rule (NIST SP 800-63B)', () => {
  it.each([
    ['aaaaaaaaaa', 'password_repeated'],
    ['          ', 'password_repeated'],
    ['1234567890', 'password_too_common'],
    ['qwertyuiop', 'password_too_common'],
    ['password123', 'password_too_common'],
    ['iloveyou12', 'password_too_common'],
    ['wayan@contoh.id', 'password_contains_email'],
    ['Wayan-Rahasia-Sekali', 'password_contains_email'],
    ['pendek', 'password_length'],
    ['x'.repeat(257), 'password_length'],
  ])('refuses %j with %s', (password, code) => {
    expect(codeOf(password)).toBe(code);
  });

  it.each(['correct horse battery', 'Kintamani-Batur-2026', 'pasar pasah tiap tiga hari', 'kata sandi panjang sekali'])('accepts %j', (password) => {
    expect(codeOf(password)).toBe('ok');
  });

  it('counts length in characters, not UTF-16 units', () => {
    expect(codeOf('🌋🌋🌋🌋🌋')).toBe('password_length');
  });

  it('does not treat a short local part as a name to avoid', () => {
    expect(codeOf('Batur-Kintamani-Desa', 'ba@contoh.id')).toBe('ok');
  });
});
