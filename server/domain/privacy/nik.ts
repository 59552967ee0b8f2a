/**
 * NIK (Nomor Induk Kependudukan) detection for free text. Jangkau collects no NIK: Indonesia's personal data law
 * (UU 27/2022) makes every stored one a liability. A NIK (and a Kartu Keluarga number) is 16 digits; people write
 * it in groups, "5106 0123 4567 8901" or "51.06.01.234567.8901". Pure: shared by every feature that takes free
 * text from strangers or planners (report comments, outcome notes, visit notes, event feedback).
 */
import { InvalidInputError } from '../errors.js';

/**
 * Exactly 16 digits, with at most three separators (" - ") (space, dot, dash, slash) between any two of them, and no
 * further digit on either side: a 17-digit number or a longer run is not a NIK, a phone number has 10–13 digits.
 */
const NIK_LIKE = /(?<!\d[ .\-/]{0,3})\d(?:[ .\-/]{0,3}\d){15}(?![ .\-/]{0,3}\d)/u;

/** Digits other scripts write (Arabic-Indic, full-width…) are normalised first so they cannot slip past. */
function asciiDigits(text: string): string {
  return text.replace(/\p{Nd}/gu, (d) => {
    const cp = d.codePointAt(0)!;
    if (cp <= 0x39) return d;
    // Unicode decimal digits come in runs of ten starting at a code point ending in 0 (or 6 for some scripts);
    // Number() does not read them, so use the offset inside the run.
    for (let zero = cp; zero > cp - 10; zero--) {
      if (!/\p{Nd}/u.test(String.fromCodePoint(zero - 1))) return String((cp - zero) % 10);
    }
    return '0';
  });
}

/** True when `text` contains a 16-digit NIK-like number, digit groups separated or not. */
export function containsNik(text: string): boolean {
  return NIK_LIKE.test(asciiDigits(text));
}

/**
 * Throws InvalidInputError (code `nik_not_allowed`, naming `field`) when `text` contains a NIK-like number.
 * null/undefined pass: absent text carries no NIK.
 */
export function assertNoNik(field: string, text: string | null | undefined): void {
  if (text == null || !containsNik(text)) return;
  throw new InvalidInputError(field, `${field} looks like it contains a NIK (a 16-digit number); Jangkau does not store NIKs, remove it`, { code: 'nik_not_allowed' });
}
