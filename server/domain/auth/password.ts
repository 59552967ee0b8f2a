/**
 * The password rule, after NIST SP 800-63B §5.1.1.2: a length range and a check against values that are
 * commonly used, expected or compromised — no composition rules (no "one digit, one capital"). Pure: the
 * dictionary check is passed in (`guessable`), so this module loads no word list and stays out of the web bundle.
 */
import { InvalidInputError } from '../errors.js';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;

/**
 * Answers whether a password is too easy to guess (found in common and breached password lists, a keyboard walk,
 * a sequence, a dictionary word with small changes…). `userInputs` are words specific to this user and site.
 */
export type GuessableCheck = (password: string, userInputs: readonly string[]) => boolean;

/** The local part of an email that is long enough to count as "the user's name" in a password. */
const MIN_LOCAL_PART = 4;

/**
 * Throws InvalidInputError naming `password` when it breaks the rule: outside 10–256 characters
 * (`password_length`), one character repeated (`password_repeated`), containing the user's email or its local
 * part (`password_contains_email`), or guessable per `guessable` (`password_too_common`).
 */
export function assertAcceptablePassword(password: string, email: string, guessable: GuessableCheck): void {
  const chars = [...password];
  if (chars.length < MIN_PASSWORD_LENGTH || chars.length > MAX_PASSWORD_LENGTH) {
    throw new InvalidInputError('password', `password must be ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters (got ${chars.length})`, {
      code: 'password_length', params: { min: MIN_PASSWORD_LENGTH, max: MAX_PASSWORD_LENGTH },
    });
  }
  if (chars.every((c) => c === chars[0])) {
    throw new InvalidInputError('password', 'password must not be one character repeated; use a few unrelated words', { code: 'password_repeated' });
  }
  const lower = password.toLowerCase();
  const address = email.trim().toLowerCase();
  const local = address.split('@')[0] ?? '';
  if ((address && lower.includes(address)) || (local.length >= MIN_LOCAL_PART && lower.includes(local))) {
    throw new InvalidInputError('password', 'password must not contain your email address or its name part', { code: 'password_contains_email' });
  }
  if (guessable(password, [address, local, 'jangkau', 'bpjs', 'ketenagakerjaan', 'bangli'])) {
    throw new InvalidInputError('password', 'password is too common or easy to guess (it appears in lists of common or leaked passwords, or is a simple pattern); use a few unrelated words', {
      code: 'password_too_common',
    });
  }
}
