/**
 * NIK detection for free text. Jangkau collects no NIK (the 16-digit Indonesian ID number), so free text that
 * contains one is refused rather than stored.
 * TODO(merge): issue 9's branch adds a shared containsNik here too; keep one of the two when merging.
 */

/** True when `text` holds 16 digits in a row, allowing spaces, dots or dashes between groups (e.g. 5106 0112 3456 0001). */
export function containsNik(text: string): boolean {
  // Strip separators only between digits, then look for a run of at least 16 digits.
  const joined = text.replace(/(?<=\d)[\s.\-]+(?=\d)/g, '');
  return /\d{16}/.test(joined);
}
