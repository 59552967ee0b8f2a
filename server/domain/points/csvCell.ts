/**
 * CSV formula injection (OWASP): spreadsheet apps run a cell starting with `=`, `+`, `-`, `@`, tab or CR as a
 * formula, so an OpenStreetMap name like `=HYPERLINK(…)` would become a live link. Exported text cells that
 * could start a formula get a leading `'`; the importer removes exactly that one `'` again. Cells already
 * starting with `'` before such a character get one more, so the pair is a bijection and
 * export → import → export is byte-identical (a name really written `'=x` survives too).
 */
const NEEDS_QUOTE = /^'*[=+\-@\t\r]/;
const QUOTED = /^'+[=+\-@\t\r]/;

/** A text cell as exported: prefixed with `'` when a spreadsheet could read it as a formula. */
export function csvSafeText(s: string): string {
  return NEEDS_QUOTE.test(s) ? `'${s}` : s;
}

/** The inverse of csvSafeText for an imported text cell: drops the one `'` the export added. */
export function csvUnquoteText(s: string): string {
  return QUOTED.test(s) ? s.slice(1) : s;
}
