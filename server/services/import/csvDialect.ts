/**
 * Which CSV dialect a file is in. Excel set to Indonesian (and most of Europe) saves "CSV" with semicolons between
 * cells and decimal commas in numbers (`-8,4512;115,3541`), because the comma is the decimal mark there. Such a file
 * is read as what it is instead of failing every row.
 */
export interface CsvDialect {
  delimiter: ',' | ';';
  /** Numbers are written with a decimal comma ("-8,4512"); only with the semicolon dialect. */
  decimalComma: boolean;
}

export const COMMA_CSV: CsvDialect = { delimiter: ',', decimalComma: false };

/** Counts a character outside double-quoted cells of one line. */
function countUnquoted(line: string, ch: string): number {
  let n = 0;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === ch && !quoted) n++;
  }
  return n;
}

/**
 * The dialect of a CSV from its start (the header line is enough): semicolons and no commas between the header's
 * cells mean the semicolon dialect with decimal commas; anything else is plain comma-separated CSV.
 */
export function detectCsvDialect(start: string): CsvDialect {
  const header = start.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/, 1)[0] ?? '';
  const semicolons = countUnquoted(header, ';');
  const commas = countUnquoted(header, ',');
  return semicolons > 0 && commas === 0 ? { delimiter: ';', decimalComma: true } : COMMA_CSV;
}

/** A numeric cell in the file's dialect as the importer reads numbers: "-8,4512" → "-8.4512" with decimal commas. */
export function normalizeNumberCell(cell: string, dialect: CsvDialect): string {
  // Only a single comma between digits is a decimal mark; "1,234,5" stays as written and fails as a number.
  return dialect.decimalComma && /^[+-]?\d*,\d+$/.test(cell.trim()) ? cell.trim().replace(',', '.') : cell;
}
